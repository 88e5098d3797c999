// The browser's own DEFLATE, lent to the letters .docx (src/letters/docx.ts): native code packs a
// run of thousands of letters two to three times faster than fflate in JavaScript.
import type { DeflateRaw } from '../letters/docx';

/**
 * CompressionStream's raw DEFLATE when the browser has it (Chromium and Edge 103, Safari 16.4,
 * Firefox 113), else undefined and the .docx is compressed by fflate.
 */
export function browserDeflateRaw(): DeflateRaw | undefined {
  try {
    new CompressionStream('deflate-raw');
  } catch {
    return undefined;
  }
  return async (pieces) => {
    const compressed = new Blob(pieces).stream().pipeThrough(new CompressionStream('deflate-raw'));
    return new Uint8Array(await new Response(compressed).arrayBuffer());
  };
}
