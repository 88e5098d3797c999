// Offers bytes to the browser as a file download, the one way a web page can save a file.
export function downloadInBrowser(name: string, bytes: Uint8Array, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by then; the URL is only needed until it has.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
