// Bytes of a text file into text. Accounting software writes UTF-8 (with or without a byte-order
// mark) or, still most often in France, Windows-1252: a file is UTF-8 when it is valid UTF-8
// (Windows-1252 text with accents almost never is), else Windows-1252. The reader says which it
// used, so that a wrong guess shows.

import { AgeBucketError, fail } from '../primitives/messages';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252';

interface Decoder {
  decode(bytes: Uint8Array): string;
}
type DecoderConstructor = new (label: string, options?: { fatal?: boolean }) => Decoder;

// Every browser and Node has the WHATWG TextDecoder; the core's compile target does not
// declare it, so it is looked up rather than named.
function decoder(label: string, fatal: boolean): Decoder {
  const Constructor = (globalThis as unknown as { TextDecoder?: DecoderConstructor }).TextDecoder;
  if (Constructor === undefined) return fail('fileNoDecoder');
  return new Constructor(label, { fatal });
}

export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (bom) return { text: decoder('utf-8', false).decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    fail('fileUtf16');
  }
  try {
    return { text: decoder('utf-8', true).decode(bytes), encoding: 'utf-8' };
  } catch (error) {
    if (error instanceof AgeBucketError) throw error;
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

// Windows-1252 differs from Latin-1 only in 0x80-0x9F, where it has the euro sign, curly quotes,
// dashes, Œ, œ, Š, š, Ž, ž and Ÿ (the five unassigned bytes keep their C1 code). Decoded by hand:
// Node's TextDecoder reads the label as Latin-1 and would turn 0x80 into U+0080, not €.
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f, 0x90,
  0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** Characters decoded per String.fromCharCode call: far below any engine's argument limit. */
const CHUNK = 8192;

export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const units = new Uint16Array(Math.min(CHUNK, bytes.length));
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(start + CHUNK, bytes.length);
    for (let i = start; i < end; i++) {
      const byte = bytes[i] as number;
      units[i - start] = byte >= 0x80 && byte <= 0x9f ? (WINDOWS_1252_HIGH[byte - 0x80] as number) : byte;
    }
    // bounded: CHUNK characters at most
    parts.push(String.fromCharCode.apply(null, units.subarray(0, end - start) as unknown as number[]));
  }
  return parts.join('');
}
