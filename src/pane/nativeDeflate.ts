// The browser's own DEFLATE, lent to the letters .docx (src/letters/docx.ts): native code packs a
// run of thousands of letters two to three times faster than fflate in JavaScript. The text goes
// through the browser's UTF-8 encoder into its gzip compressor as the letters are written; a gzip
// member (RFC 1952) is the raw DEFLATE data a ZIP holds, between a header and a trailer that
// gives the CRC-32 and length of what was compressed, so neither is computed in JavaScript.
import type { DeflatedText, DeflateRaw } from '../letters/docx';

/**
 * CompressionStream's gzip and TextEncoderStream when the browser has them (Chromium and Edge 80,
 * Safari 16.4, Firefox 113), else undefined and the .docx is compressed by fflate.
 */
export function browserDeflateRaw(): DeflateRaw | undefined {
  try {
    new CompressionStream('gzip');
    new TextEncoderStream();
  } catch {
    return undefined;
  }
  return () => {
    const encoder = new TextEncoderStream();
    // Read while it is written, so the compressed data does not wait in the stream.
    const gzip = new Response(encoder.readable.pipeThrough(new CompressionStream('gzip'))).arrayBuffer();
    // A failure is reported by end(), where it is awaited; not as an unhandled rejection before.
    gzip.catch(() => undefined);
    const writer = encoder.writable.getWriter();
    return {
      write: async (text: string) => {
        // Queued, and the next piece made once the stream can take it.
        writer.write(text).catch(() => undefined);
        await writer.ready;
      },
      end: async () => {
        await writer.close();
        return gzipContents(new Uint8Array(await gzip));
      },
    };
  };
}

const FHCRC = 2;
const FEXTRA = 4;
const FNAME = 8;
const FCOMMENT = 16;

/** The DEFLATE data of a single gzip member, with its trailer's CRC-32 and length (RFC 1952 §2.3). */
export function gzipContents(member: Uint8Array<ArrayBuffer>): DeflatedText {
  if (member.length < 18 || member[0] !== 0x1f || member[1] !== 0x8b || member[2] !== 8)
    throw new Error('The browser’s gzip compressor did not write a gzip member (RFC 1952).');
  const flags = member[3] as number;
  let at = 10;
  if (flags & FEXTRA) at += 2 + ((member[at] as number) | ((member[at + 1] as number) << 8));
  for (const field of [FNAME, FCOMMENT]) if (flags & field) while (at < member.length && member[at++] !== 0);
  if (flags & FHCRC) at += 2;
  const end = member.length - 8;
  if (at > end) throw new Error('The browser’s gzip compressor wrote a gzip header longer than its member.');
  const trailer = new DataView(member.buffer, member.byteOffset + end, 8);
  return { deflated: member.subarray(at, end), crc: trailer.getUint32(0, true), size: trailer.getUint32(4, true) };
}
