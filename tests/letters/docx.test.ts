// The .docx renderer writes the letters' XML and packs the document itself, for speed: what a
// reader finds in it must be exactly what the docx library writes for the same letters (the
// library's output is what Word has been opening). The package differs in one way, on purpose:
// the library writes two header parts per letter, the renderer one page header per letter and
// one empty first-page header shared by every section. So the two are compared as a reader
// resolves them: each section's header references replaced by the text of the parts they name.

import { deflateRawSync, gzipSync, inflateRawSync as inflateSync } from 'node:zlib';
import { XMLValidator } from 'fast-xml-parser';
import JSZip from 'jszip';
import { sampleAsOf } from '../../scripts/sampleData';
import { planDunning } from '../../src/dunning/plan';
import { DEFAULT_POLICY } from '../../src/dunning/policy';
import { type DeflateRaw, escapeXml, lettersToDocx, textEms } from '../../src/letters/docx';
import { buildLetter, type Letter } from '../../src/letters/letter';
import { browserDeflateRaw, gzipContents } from '../../src/pane/nativeDeflate';
import { invoice } from '../dunning/fixtures';
import { lettersToDocxWithLibrary, packageProblems, withoutRedundantTableMarkup } from './docxReference';
import { options, plan } from './sample';

async function parts(bytes: Uint8Array): Promise<Map<string, string>> {
  // Every part's CRC-32 checked, as `unzip -t` does.
  const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  const files = new Map<string, string>();
  for (const name of Object.keys(zip.files).sort()) files.set(name, (await zip.file(name)?.async('string')) ?? '');
  return files;
}

const HEADER = /^word\/(_rels\/)?header\d+\.xml(\.rels)?$/;
const HEADER_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/header';

/** The document's relationships: id → [type, target]. */
function relationships(files: Map<string, string>): Map<string, [string, string]> {
  const rels = files.get('word/_rels/document.xml.rels') ?? '';
  return new Map(
    [...rels.matchAll(/<Relationship Id="([^"]+)" Type="([^"]+)" Target="([^"]+)"\/>/g)].map(
      ([, id, type, target]) => [id as string, [type as string, target as string]] as const,
    ),
  );
}

/**
 * The package as a reader sees it: the document with every header reference replaced by the
 * header it names (its root's namespace declarations left out), the relationships other than
 * headers by type and target, the content types other than headers, and the other parts.
 */
function asRead(files: Map<string, string>): Map<string, string> {
  const ids = relationships(files);
  const header = (id: string) => {
    const [type, target] = ids.get(id) ?? ['', ''];
    expect([id, type]).toEqual([id, HEADER_TYPE]);
    const xml = files.get(`word/${target}`);
    expect([target, xml === undefined]).toEqual([target, false]);
    return (xml ?? '').replace(/^<\?xml[^>]*\?>/, '').replace(/<w:hdr\b[^>]*?(\/?)>/, '<w:hdr$1>');
  };
  const read = new Map<string, string>();
  for (const [name, text] of files) {
    // The core properties carry the time the file was made.
    if (name === 'docProps/core.xml' || HEADER.test(name)) continue;
    if (name === 'word/document.xml')
      read.set(
        name,
        text.replace(
          /<w:headerReference w:type="(\w+)" r:id="([^"]+)"\/>/g,
          (_, type: string, id: string) => `<w:headerReference w:type="${type}">${header(id)}</w:headerReference>`,
        ),
      );
    else if (name === 'word/_rels/document.xml.rels')
      read.set(
        name,
        [...ids.values()]
          .filter(([type]) => type !== HEADER_TYPE)
          .map(([type, target]) => `${type} ${target}`)
          .join('\n'),
      );
    else if (name === '[Content_Types].xml') read.set(name, text.replace(/<Override [^>]*header\+xml[^>]*\/>/g, ''));
    else read.set(name, text);
  }
  return read;
}

/** A lent compressor that counts how it is used. */
function counted(native: DeflateRaw): { deflateRaw: DeflateRaw; counts: { started: number; ended: number; writes: number } } {
  const counts = { started: 0, ended: 0, writes: 0 };
  const deflateRaw: DeflateRaw = () => {
    counts.started++;
    const deflater = native();
    return {
      write: (text) => {
        counts.writes++;
        return deflater.write(text);
      },
      end: () => {
        counts.ended++;
        return deflater.end();
      },
    };
  };
  return { deflateRaw, counts };
}

const utf8 = (text: string) => [...new TextEncoder().encode(text)];

/** CRC-32 bit by bit (ISO 3309, polynomial 0xEDB88320): the oracle for the one gzip gives. */
function crc32Oracle(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

async function expectSameAsLibrary(letters: Letter[], deflateRaw?: DeflateRaw): Promise<string> {
  const ours = await parts(await lettersToDocx(letters, 'Relances', deflateRaw));
  const library = await parts(await lettersToDocxWithLibrary(letters, 'Relances'));
  library.set('word/document.xml', withoutRedundantTableMarkup(library.get('word/document.xml') ?? ''));
  expect(packageProblems(library)).toEqual([]);
  expect(packageProblems(ours)).toEqual([]);
  // The library's header relationship parts are empty: leaving them out loses nothing.
  for (const [name, text] of library)
    if (name.startsWith('word/_rels/header')) expect([name, text.includes('<Relationship ')]).toEqual([name, false]);
  const [oursRead, libraryRead] = [asRead(ours), asRead(library)];
  expect([...oursRead.keys()]).toEqual([...libraryRead.keys()]);
  for (const [name, text] of libraryRead) expect(firstDifference(name, oursRead.get(name) ?? '', text)).toBeNull();
  // One page header per letter and one shared first-page header, whatever the number of letters.
  if (letters.length > 0) expect([...ours.keys()].filter((name) => HEADER.test(name))).toHaveLength(letters.length + 1);
  return ours.get('word/document.xml') ?? '';
}

/** Where two texts part, with some context, or null when they are the same. */
function firstDifference(name: string, ours: string, library: string): string | null {
  if (ours === library) return null;
  let at = 0;
  while (at < ours.length && ours[at] === library[at]) at++;
  return `${name} at ${at}: ours …${ours.slice(at - 80, at + 80)}… library …${library.slice(at - 80, at + 80)}…`;
}

const base = buildLetter(plan.actions[0] as (typeof plan.actions)[number], options);

test('every letter of the sample run, in French and English, as the library writes it', async () => {
  const letters = plan.actions.map((account) => buildLetter(account, options));
  expect(letters.length).toBeGreaterThan(10);
  const english = plan.actions.slice(0, 5).map((account) => buildLetter(account, { ...options, defaultLanguage: 'en' }));
  const xml = await expectSameAsLibrary([...letters, ...english]);
  // A section per letter: numbered from 1, no header on its first page, the customer's name and
  // "page N/M" on the next ones.
  expect(xml.match(/<w:sectPr>/g)).toHaveLength(letters.length + english.length);
  expect(xml.match(/<w:titlePg\/>/g)).toHaveLength(letters.length + english.length);
  expect(xml.match(/<w:pgNumType w:start="1"\/>/g)).toHaveLength(letters.length + english.length);
  // The closing formula and the paragraph before it keep with the signature.
  expect(xml.match(/<w:keepNext\/>/g)?.length).toBe(3 * (letters.length + english.length));
});

test('the document part compressed by the browser’s own DEFLATE (CompressionStream, here Node’s) reads the same', async () => {
  const native = browserDeflateRaw();
  if (!native) throw new Error('this Node has no CompressionStream with gzip (Node 18 and later have)');
  const letters = plan.actions.map((account) => buildLetter(account, options));
  const { deflateRaw, counts } = counted(native);
  const xml = await expectSameAsLibrary(letters, deflateRaw);
  expect(counts).toEqual({ started: 1, ended: 1, writes: 1 });
  expect(xml.match(/<w:sectPr>/g)).toHaveLength(letters.length);
});

test('a run too long for one piece of text is compressed piece by piece as it is written, and reads the same', async () => {
  const native = browserDeflateRaw();
  if (!native) throw new Error('this Node has no CompressionStream with gzip (Node 18 and later have)');
  const sample = plan.actions.map((account) => buildLetter(account, options));
  // Over a million characters of document text, handed over in pieces of about half a million.
  const letters = Array.from({ length: 8 }, () => sample).flat();
  const { deflateRaw, counts } = counted(native);
  const xml = await expectSameAsLibrary(letters, deflateRaw);
  expect(xml.length).toBeGreaterThan(2 * 2 ** 19);
  expect(counts.started).toBe(1);
  expect(counts.writes).toBeGreaterThanOrEqual(3);
  expect(counts.ended).toBe(1);
  expect(xml.match(/<w:sectPr>/g)).toHaveLength(letters.length);
});

test('a compressor that reports a length the text cannot have is refused, not written into the file', async () => {
  const native = browserDeflateRaw();
  if (!native) throw new Error('this Node has no CompressionStream with gzip (Node 18 and later have)');
  const letters = plan.actions.slice(0, 3).map((account) => buildLetter(account, options));
  // A length of 12 bytes, and one a 32-bit field wrapped to (4 GiB less one byte): neither is the text's.
  for (const size of [12, 2 ** 32 - 1]) {
    const lying: DeflateRaw = () => {
      const deflater = native();
      return { write: (text) => deflater.write(text), end: async () => ({ ...(await deflater.end()), size }) };
    };
    await expect(lettersToDocx(letters, 'Relances', lying)).rejects.toThrow(`compressed as ${size} bytes`);
  }
});

test('the document part from a gzip member: its header’s optional fields skipped, its trailer’s CRC-32 and length taken', () => {
  const text = 'Relance n° 2 — « Dupont & Fils » ';
  const bytes = new TextEncoder().encode(text.repeat(50));
  const deflated = deflateRawSync(bytes);
  const oracle = { crc: crc32Oracle(bytes), size: bytes.length };
  // FHCRC | FEXTRA | FNAME | FCOMMENT, as gzip writes them (RFC 1952 §2.3.1).
  const header = [
    0x1f,
    0x8b,
    8,
    2 | 4 | 8 | 16,
    0,
    0,
    0,
    0,
    0,
    3,
    3,
    0,
    0x41,
    0x42,
    0x43,
    ...utf8('a.xml'),
    0,
    ...utf8('note'),
    0,
    0xaa,
    0xbb,
  ];
  const trailer = new Uint8Array(8);
  new DataView(trailer.buffer).setUint32(0, oracle.crc, true);
  new DataView(trailer.buffer).setUint32(4, oracle.size, true);
  const member = new Uint8Array([...header, ...deflated, ...trailer]);
  const read = gzipContents(member);
  expect({ crc: read.crc, size: read.size }).toEqual(oracle);
  expect(new TextDecoder().decode(inflateSync(read.deflated))).toBe(text.repeat(50));
  // Node's own gzip, with no optional field, as browsers write it.
  const plain = gzipContents(new Uint8Array(gzipSync(bytes)));
  expect({ crc: plain.crc, size: plain.size }).toEqual(oracle);
  expect(new TextDecoder().decode(inflateSync(plain.deflated))).toBe(text.repeat(50));
  expect(() => gzipContents(new Uint8Array(deflated))).toThrow(/gzip/);
});

test('statements of account, as the library writes them', async () => {
  await expectSameAsLibrary(plan.actions.slice(0, 8).map((account) => buildLetter(account, { ...options, kind: 'statement' })));
});

test('names that look like markup, formulas, quotes and control characters', async () => {
  const hostile = ['<script>alert(1)</script>', '=HYPERLINK("http://x")', 'O\'Brien & Fils > "SA"', 'Tab\there\u0001\u001f'];
  const letters = hostile.map((customer) =>
    buildLetter(
      planDunning([invoice({ customer, dueDay: sampleAsOf - 15, amount: 100_00, address: '<b>1 rue</b>, 75001 Paris' })], [], {
        asOf: sampleAsOf,
        policy: DEFAULT_POLICY,
      }).actions[0] as (typeof plan.actions)[number],
      options,
    ),
  );
  const xml = await expectSameAsLibrary(letters);
  expect(xml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  expect(xml).toContain('O&apos;Brien &amp; Fils &gt; &quot;SA&quot;');
  expect(xml).not.toContain('\u0001');
});

test('tables with one column, no rows or no totals, and paragraphs over several lines', async () => {
  const letter: Letter = {
    ...base,
    blocks: [
      { kind: 'paragraph', text: 'First line\nSecond line\n\nAfter a blank line' },
      { kind: 'table', table: { headers: ['Invoice'], numeric: [false], rows: [['F1'], ['F2']], totals: [] } },
      { kind: 'table', table: { headers: ['Amount'], numeric: [true], rows: [], totals: [['Total', '0,00 €']] } },
      { kind: 'table', table: { headers: ['A', 'B', 'C'], numeric: [true, false, true], rows: [['1', '', '3']], totals: [] } },
      // Cells whose spaces a reader could drop without xml:space="preserve", and markup to escape.
      {
        kind: 'table',
        table: {
          headers: [' Lead', 'Two  spaces', 'Trail '],
          numeric: [false, false, true],
          rows: [
            [' 1', 'a  b', '3 '],
            ['tab\there', 'line\nbreak', 'R&D <"x">'],
          ],
          totals: [['Total ', ' 4']],
        },
      },
    ],
    signature: [],
  };
  await expectSameAsLibrary([letter, { ...letter, recipient: { name: 'Solo', lines: [] } }]);
});

test('an empty run still makes a document Word can open', async () => {
  await expectSameAsLibrary([]);
});

test('XML escaping keeps tabs and line breaks and drops what XML 1.0 forbids', () => {
  expect(escapeXml('a\tb\nc\rd\u0000e\u000bf\u001fg')).toBe('a\tb\nc\rdefg');
  expect(escapeXml(`<&>"'`)).toBe('&lt;&amp;&gt;&quot;&apos;');
});

describe('characters XML 1.0 forbids, in a customer’s or the sender’s name', () => {
  // XML 1.0 §2.2: Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
  const notAnXmlChar = (text: string): string[] =>
    Array.from(text).filter((char) => {
      const code = char.codePointAt(0) as number;
      const allowed =
        code === 0x9 ||
        code === 0xa ||
        code === 0xd ||
        (code >= 0x20 && code <= 0xd7ff) ||
        (code >= 0xe000 && code <= 0xfffd) ||
        (code >= 0x10000 && code <= 0x10ffff);
      return !allowed;
    });
  const hostile = [
    'Non\uFFFEchar',
    'Non\uFFFFchar',
    'Bell\u0007 Escape\u001B',
    'Lone \uD800 high',
    'Lone \uDC00 low',
    'Smile \uD83D\uDE00',
  ];

  test('are dropped: word/document.xml and the package properties stay well-formed, other text stays', async () => {
    const letters = hostile.map((customer) =>
      buildLetter(
        planDunning([invoice({ customer, dueDay: sampleAsOf - 15, amount: 100_00 })], [], {
          asOf: sampleAsOf,
          policy: DEFAULT_POLICY,
        }).actions[0] as (typeof plan.actions)[number],
        { ...options, company: { ...options.company, name: 'Sender\uFFFF \u0002SARL' } },
      ),
    );
    const files = await parts(await lettersToDocx(letters, 'Relances \uFFFE novembre'));
    for (const [name, text] of files) {
      if (!name.endsWith('.xml') && !name.endsWith('.rels')) continue;
      expect([name, notAnXmlChar(text).map((char) => char.codePointAt(0)?.toString(16))]).toEqual([name, []]);
      expect([name, XMLValidator.validate(text)]).toEqual([name, true]);
    }
    const xml = files.get('word/document.xml') ?? '';
    for (const kept of ['Nonchar', 'Bell Escape', 'Lone  high', 'Lone  low', 'Smile \uD83D\uDE00', 'Sender SARL'])
      expect(xml).toContain(kept);
    expect(files.get('docProps/core.xml')).toContain('Relances  novembre');
  });

  test('escapeXml drops U+FFFE, U+FFFF and unpaired surrogates, keeps a pair', () => {
    expect(escapeXml('a\uFFFEb\uFFFFc\uD800d\uDC00e\uD83D\uDE00')).toBe('abcde\uD83D\uDE00');
  });
});

test('a text’s estimated width is its characters’ widths by class, one lookup each', () => {
  // The classes as first written, one regular expression each: the oracle for the lookup table.
  const byClass = (text: string) => {
    let ems = 0;
    for (const char of text) {
      if (char === ' ' || char === '\u00a0' || char === '\u202f') ems += 0.318;
      else if (/[0-9€$£#+=<>~^]/.test(char)) ems += 0.636;
      else if (/[.,:;/|!'’()[\]]/.test(char)) ems += 0.4;
      else if (/[-–]/.test(char)) ems += 0.361;
      else if (/[iljIJ]/.test(char)) ems += 0.3;
      else if (/[ftr]/.test(char)) ems += 0.411;
      else if (/[mMW%@]/.test(char)) ems += 1;
      else if (char === 'w') ems += 0.818;
      else if (/[A-ZÀ-ÖØ-Þ]/.test(char)) ems += 0.79;
      else ems += 0.64;
    }
    return ems;
  };
  // Every character of the Basic Multilingual Plane but the surrogates, one at a time.
  for (let code = 0; code < 0x10000; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const char = String.fromCharCode(code);
    if (textEms(char) !== byClass(char)) throw new Error(`U+${code.toString(16)}: ${textEms(char)}, not ${byClass(char)}`);
  }
  for (const text of [
    'FA-2025-00123',
    '1 234,56 €',
    '12/10/2025',
    'Montant TTC',
    'Ølstykke Æble',
    '😀 x',
    '\ud800a\udc00',
    'Wim’s (M&M)',
  ])
    expect([text, textEms(text)]).toEqual([text, expect.closeTo(byClass(text), 9)]);
});
