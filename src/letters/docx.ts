// Letters as one Word document, each letter starting on a new page. The package around the
// letters (styles, settings, fonts, relationships, properties) comes from the docx library;
// the letters themselves are written here as WordprocessingML text: exactly the elements the
// library writes for the same paragraphs and runs (tests/letters/docx.test.ts compares the two
// byte for byte), without building a library object per paragraph and run, which was most of
// the time (1,000 letters took 1.7 to 3 s that way, against the 3 s we allow). Likewise the
// header parts of every letter after the first follow the library's pattern for the first
// (see lettersToDocx).
//
// Each letter is a section of its own: its pages are numbered from 1, its first page has no
// header and the next ones carry the customer's name and "page 2/2", and the closing is kept
// with the last paragraph and the signature, so a signature never stands alone on a page.
//
// Invoice tables are tab-stop paragraphs, not Word tables, and an address block is one
// paragraph with line breaks, so a letter stays a few dozen elements; the columns still line
// up, numbers on right-aligned stops.

import { AlignmentType, Document, Header, type ISectionOptions, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { largest } from '../primitives/arrays';
import type { Letter, LetterTable } from './letter';

const PAGE_MARGIN = 1134; // twips: 2 cm
const PAGE_WIDTH = 11906; // A4
const TEXT_WIDTH = PAGE_WIDTH - 2 * PAGE_MARGIN;
const RECIPIENT_INDENT = 5100; // about 9 cm, where a window envelope shows the address
const MIN_COLUMN = 700;
const TABLE_TEXT_SIZE = 19; // half-points
const RULE = 'w:val="single" w:color="999999" w:sz="6" w:space="1"';

/** The root element as the library writes it, with every namespace Word expects to find. */
const DOCUMENT_START = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${[
  'mc:Ignorable="w14 w15 wp14"',
  'xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas"',
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"',
  'xmlns:o="urn:schemas-microsoft-com:office:office"',
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"',
  'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"',
  'xmlns:v="urn:schemas-microsoft-com:vml"',
  'xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing"',
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"',
  'xmlns:w10="urn:schemas-microsoft-com:office:word"',
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"',
  'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"',
  'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"',
  'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup"',
  'xmlns:wpi="http://schemas.microsoft.com/office/word/2010/wordprocessingInk"',
  'xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml"',
  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"',
  'xmlns:cx="http://schemas.microsoft.com/office/drawing/2014/chartex"',
  'xmlns:cx1="http://schemas.microsoft.com/office/drawing/2015/9/8/chartex"',
  'xmlns:cx2="http://schemas.microsoft.com/office/drawing/2015/10/21/chartex"',
  'xmlns:cx3="http://schemas.microsoft.com/office/drawing/2016/5/9/chartex"',
  'xmlns:cx4="http://schemas.microsoft.com/office/drawing/2016/5/10/chartex"',
  'xmlns:cx5="http://schemas.microsoft.com/office/drawing/2016/5/11/chartex"',
  'xmlns:cx6="http://schemas.microsoft.com/office/drawing/2016/5/12/chartex"',
  'xmlns:cx7="http://schemas.microsoft.com/office/drawing/2016/5/13/chartex"',
  'xmlns:cx8="http://schemas.microsoft.com/office/drawing/2016/5/14/chartex"',
  'xmlns:aink="http://schemas.microsoft.com/office/drawing/2016/ink"',
  'xmlns:am3d="http://schemas.microsoft.com/office/drawing/2017/model3d"',
  'xmlns:w16cex="http://schemas.microsoft.com/office/word/2018/wordml/cex"',
  'xmlns:w16cid="http://schemas.microsoft.com/office/word/2016/wordml/cid"',
  'xmlns:w16="http://schemas.microsoft.com/office/word/2018/wordml"',
  'xmlns:w16sdtdh="http://schemas.microsoft.com/office/word/2020/wordml/sdtdatahash"',
  'xmlns:w16se="http://schemas.microsoft.com/office/word/2015/wordml/symex"',
].join(' ')}><w:body>`;

/** The package part that holds the document's body (a file name, not the DOM's `document`). */
const MAIN_PART = 'word/document.xml';

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

/**
 * What XML 1.0 cannot hold (§2.2 Char: tab, line feed, carriage return, U+0020-U+D7FF,
 * U+E000-U+FFFD, U+10000 and up): the other C0 controls, U+FFFE, U+FFFF, and a surrogate
 * without its pair. One such character in a name and Word refuses the whole file.
 */
const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters XML 1.0 forbids
  /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text with the characters XML forbids dropped, for what the library writes itself (title, author). */
export function xmlCharacters(text: string): string {
  return text.replace(NOT_XML, '');
}

/**
 * Text as the library escapes it: the five XML entities, and the characters XML 1.0 cannot
 * hold dropped (a tab, line feed or carriage return stays).
 */
export function escapeXml(text: string): string {
  return xmlCharacters(text).replace(/[&"'<>]/g, (char) => ESCAPES[char] ?? '');
}

interface RunStyle {
  /** true: bold; false: explicitly not bold (as the library marks it); undefined: unset. */
  readonly bold?: boolean;
  readonly size?: number;
}

/** One run of text; `breakBefore` starts it on a new line of the same paragraph. */
function run(text: string, style: RunStyle, breakBefore: boolean): string {
  let properties = '';
  if (style.bold === true) properties += '<w:b/><w:bCs/>';
  else if (style.bold === false) properties += '<w:b w:val="false"/><w:bCs w:val="false"/>';
  if (style.size !== undefined) properties += `<w:sz w:val="${style.size}"/><w:szCs w:val="${style.size}"/>`;
  return `<w:r><w:rPr>${properties}</w:rPr>${breakBefore ? '<w:br/>' : ''}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
}

/** Runs one per line, each after the first on a new line. */
function runs(texts: readonly string[], style: (index: number) => RunStyle): string {
  return texts.map((text, index) => run(text, style(index), index > 0)).join('');
}

/** An address block: one paragraph, a line break per line. */
function lines(
  values: readonly string[],
  options: { indent?: number; boldFirst?: boolean; keepLines?: boolean; sectionEnd?: string } = {},
): string {
  const properties = `${options.keepLines ? '<w:keepLines/>' : ''}<w:spacing w:after="0"/><w:ind w:left="${options.indent ?? 0}"/>${options.sectionEnd ?? ''}`;
  return `<w:p><w:pPr>${properties}</w:pPr>${runs(values, (index) => ({ bold: options.boldFirst === true && index === 0 }))}</w:p>`;
}

function paragraph(
  value: string,
  options: { bold?: boolean; right?: boolean; spaceBefore?: number; keepNext?: boolean } = {},
): string {
  const properties = `${options.keepNext ? '<w:keepNext/>' : ''}<w:spacing w:after="120" w:before="${options.spaceBefore ?? 120}"/><w:jc w:val="${options.right ? 'right' : 'left'}"/>`;
  // A line break inside a paragraph of the template stays a line break in Word.
  return `<w:p><w:pPr>${properties}</w:pPr>${runs(value.split('\n'), () => ({ bold: options.bold ?? false }))}</w:p>`;
}

/** Column edges from the widest text in each column, scaled to the page's text width. */
export function columnStops(table: LetterTable): Array<{ type: 'left' | 'right'; position: number }> {
  const widths = table.headers.map((header, column) =>
    largest(
      table.rows.map((row) => (row[column] ?? '').length),
      Math.max(header.length, 4),
    ),
  );
  const scale = TEXT_WIDTH / widths.reduce((sum, width) => sum + width + 2, 0);
  const stops: Array<{ type: 'left' | 'right'; position: number }> = [];
  let left = 0;
  widths.forEach((width, column) => {
    const size = Math.max(Math.round((width + 2) * scale), MIN_COLUMN);
    const right = Math.min(left + size, TEXT_WIDTH);
    // The first column starts at the margin, so it needs no stop of its own.
    if (table.numeric[column]) stops.push({ type: 'right', position: right - 60 });
    // Text after a right-aligned number needs a gap of its own, or the two touch.
    else if (column > 0) stops.push({ type: 'left', position: left + (table.numeric[column - 1] ? 240 : 0) });
    left = right;
  });
  return stops;
}

function tabs(stops: ReadonlyArray<{ type: 'left' | 'right'; position: number }>): string {
  if (stops.length === 0) return '';
  return `<w:tabs>${stops.map((stop) => `<w:tab w:val="${stop.type}" w:pos="${stop.position}"/>`).join('')}</w:tabs>`;
}

/** The header, then the rows as one paragraph sharing its tab stops, then the totals. */
function tableParagraphs(table: LetterTable): string {
  const stops = tabs(columnStops(table));
  const size = TABLE_TEXT_SIZE;
  let xml = `<w:p><w:pPr><w:pBdr><w:bottom ${RULE}/></w:pBdr>${stops}<w:spacing w:after="60" w:before="120"/></w:pPr>${run(table.headers.join('\t'), { bold: true, size }, false)}</w:p>`;
  if (table.rows.length > 0) {
    const rows = table.rows.map((cells) => cells.join('\t'));
    xml += `<w:p><w:pPr>${stops}<w:spacing w:after="60" w:before="0" w:line="276"/></w:pPr>${runs(rows, () => ({ size }))}</w:p>`;
  }
  if (table.totals.length > 0) {
    const totals = table.totals.map(([label, value]) => `${label}\t${value}`);
    xml += `<w:p><w:pPr><w:pBdr><w:top ${RULE}/></w:pBdr>${tabs([{ type: 'right', position: TEXT_WIDTH - 60 }])}<w:spacing w:after="120" w:before="60"/></w:pPr>${runs(totals, () => ({ bold: true, size }))}</w:p>`;
  }
  return xml;
}

/**
 * One letter; `sectionEnd` is the properties of the section it ends (every letter but the last
 * ends its section in its signature paragraph; the last one's are the body's own).
 */
function letterXml(letter: Letter, sectionEnd: string): string {
  let xml =
    lines([letter.sender.name, ...letter.sender.lines], { boldFirst: true }) +
    paragraph('', { spaceBefore: 240 }) +
    lines([letter.recipient.name, ...letter.recipient.lines], { indent: RECIPIENT_INDENT, boldFirst: true }) +
    paragraph('', { spaceBefore: 240 }) +
    paragraph(letter.placeAndDate, { right: true }) +
    paragraph(letter.subject, { bold: true });
  const kept = keptWithSignature(letter);
  letter.blocks.forEach((block, index) => {
    xml += block.kind === 'paragraph' ? paragraph(block.text, { keepNext: kept.has(index) }) : tableParagraphs(block.table);
  });
  return `${xml}${paragraph('', { spaceBefore: 480, keepNext: true })}${lines(letter.signature, { keepLines: true, sectionEnd })}`;
}

/** The closing formula and the paragraph before it move to the next page with the signature. */
export function keptWithSignature(letter: Letter): ReadonlySet<number> {
  const kept = new Set<number>();
  for (let index = letter.blocks.length - 1; index >= 0 && kept.size < 2; index--) {
    if (letter.blocks[index]?.kind !== 'paragraph') break;
    kept.add(index);
  }
  return kept;
}

/** The header of a letter's second and later pages: "Dupont SA — page 2/2". */
export function continuationHeader(letter: Letter): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [
          new TextRun({
            size: 18,
            children: [
              `${xmlCharacters(letter.recipient.name)} — page `,
              PageNumber.CURRENT,
              '/',
              PageNumber.TOTAL_PAGES_IN_SECTION,
            ],
          }),
        ],
      }),
    ],
  });
}

/** A letter's section: A4, numbered from 1, no header on the first page. */
export function letterSection(letter: Letter, children: ISectionOptions['children']): ISectionOptions {
  return {
    properties: {
      titlePage: true,
      page: {
        margin: { top: PAGE_MARGIN, bottom: PAGE_MARGIN, left: PAGE_MARGIN, right: PAGE_MARGIN },
        pageNumbers: { start: 1 },
      },
    },
    headers: { default: continuationHeader(letter), first: new Header({ children: [] }) },
    children,
  };
}

export const DOCX_STYLES = { default: { document: { run: { font: 'Calibri', size: 21 } } } } as const;

/** The document part: every letter in its own section, with the section properties the library wrote. */
export function lettersDocumentXml(letters: readonly Letter[], sections: readonly string[]): string {
  let body = '';
  letters.forEach((letter, index) => {
    const last = index === letters.length - 1;
    body += letterXml(letter, last ? '' : (sections[index] ?? ''));
  });
  return `${DOCUMENT_START}${body}${sections[letters.length - 1] ?? ''}</w:body></w:document>`;
}

const SECTION_PROPERTIES = /<w:sectPr\b[^>]*>[\s\S]*?<\/w:sectPr>/;
const HEADER_PART = /^word\/(_rels\/)?header(\d+)\.xml(\.rels)?$/;
const HEADER_RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/header';
const HEADER_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml';

/**
 * One .docx holding every letter, each starting on a new page.
 *
 * The library packs the first letter's section only: styles, settings, fonts, properties, and
 * that section's two header parts with their relationships. Every other letter's parts follow
 * the same pattern, written here as the library writes them (tests/letters/docx.test.ts compares
 * every part with the library's own package for the same letters): header 2k+1 is letter k's
 * page header, its name in place of the first letter's, header 2k+2 the empty header of its
 * first page; their relationships take the ids after the five parts before them, and the parts
 * after them move up. Letting the library build and zip a section per letter, then unzipping
 * and zipping again, took most of the time (5 s for 5,000 letters against the 3 s we allow).
 */
export async function lettersToDocx(letters: readonly Letter[], title: string): Promise<Uint8Array> {
  const first = letters[0];
  const wordFile = new Document({
    title: xmlCharacters(title),
    creator: xmlCharacters(first?.sender.name ?? 'AgeBucket'),
    styles: DOCX_STYLES,
    sections: first ? [letterSection(first, [])] : [],
  });
  if (!first) return Packer.pack(wordFile, 'uint8array');
  const files = unzipSync(await Packer.pack(wordFile, 'uint8array'));
  const text = (path: string) => strFromU8(files[path] ?? new Uint8Array());
  // The library's section properties carry the ids of its header parts: each letter's, renumbered.
  const section = SECTION_PROPERTIES.exec(text(MAIN_PART))?.[0] ?? '';
  const header = text('word/header1.xml');
  const nameRun = (letter: Letter) => `<w:t xml:space="preserve">${escapeXml(letter.recipient.name)} — page </w:t>`;
  const at = header.indexOf(nameRun(first));
  if (at < 0 || !section.includes('r:id="rId6"') || !section.includes('r:id="rId7"'))
    throw new Error('The docx library no longer writes a letter section as AgeBucket expects: see src/letters/docx.ts.');
  const [beforeName, afterName] = [header.slice(0, at), header.slice(at + nameRun(first).length)];
  const count = letters.length;
  const headerNumbers = Array.from({ length: 2 * count }, (_, index) => index + 1);
  files['word/_rels/document.xml.rels'] = strToU8(
    replaceHeaderElements(
      text('word/_rels/document.xml.rels'),
      /<Relationship [^>]*\/>/g,
      HEADER_RELATIONSHIP,
      headerNumbers.map((n) => `<Relationship Id="rId${5 + n}" Type="${HEADER_RELATIONSHIP}" Target="header${n}.xml"/>`),
      (element) => element.replace(/Id="rId(\d+)"/, (_, id: string) => `Id="rId${Number(id) + 2 * (count - 1)}"`),
    ),
  );
  files['[Content_Types].xml'] = strToU8(
    replaceHeaderElements(
      text('[Content_Types].xml'),
      /<Override [^>]*\/>/g,
      HEADER_CONTENT_TYPE,
      headerNumbers.map((n) => `<Override ContentType="${HEADER_CONTENT_TYPE}" PartName="/word/header${n}.xml"/>`),
      (element) => element,
    ),
  );
  const sections = letters.map((_, k) =>
    section.replace('r:id="rId6"', `r:id="rId${6 + 2 * k}"`).replace('r:id="rId7"', `r:id="rId${7 + 2 * k}"`),
  );
  const emptyHeader = files['word/header2.xml'] ?? new Uint8Array();
  const headerRelationships = files['word/_rels/header1.xml.rels'] ?? new Uint8Array();
  // The parts in the library's order, each letter's header parts where the first letter's were.
  const parts: Record<string, Uint8Array> = {};
  for (const [path, data] of Object.entries(files)) {
    const header = HEADER_PART.exec(path);
    if (!header) parts[path] = path === MAIN_PART ? strToU8(lettersDocumentXml(letters, sections)) : data;
    else if (header[2] === '1')
      for (const n of headerNumbers) {
        if (header[1]) parts[`word/_rels/header${n}.xml.rels`] = headerRelationships;
        else
          parts[`word/header${n}.xml`] =
            n % 2 === 0 ? emptyHeader : strToU8(`${beforeName}${nameRun(letters[(n - 1) / 2] as Letter)}${afterName}`);
      }
  }
  return zipSync(parts);
}

/**
 * A list of elements (relationships, content types) with the header ones replaced by `headers`
 * where the first of them stood; `after` rewrites the elements that follow them.
 */
function replaceHeaderElements(
  xml: string,
  element: RegExp,
  headerMark: string,
  headers: readonly string[],
  after: (element: string) => string,
): string {
  const elements = xml.match(element) ?? [];
  const start = xml.indexOf(elements[0] ?? '');
  const last = elements[elements.length - 1] ?? '';
  const end = xml.lastIndexOf(last) + last.length;
  let list = '';
  let seen = false;
  for (const item of elements) {
    if (item.includes(`"${headerMark}"`)) {
      if (!seen) list += headers.join('');
      seen = true;
    } else list += seen ? after(item) : item;
  }
  return xml.slice(0, start) + list + xml.slice(end);
}
