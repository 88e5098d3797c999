// Letters as one Word document, each letter starting on a new page. The package around the
// letters (styles, settings, fonts, relationships, properties) comes from the docx library;
// the letters themselves are written here as WordprocessingML text: exactly the elements the
// library writes for the same paragraphs and runs (tests/letters/docx.test.ts compares the two
// byte for byte), without building a library object per paragraph and run, which was most of
// the time (1,000 letters took 1.7 to 3 s that way, against the 3 s we allow). Likewise the
// package is put together here around the parts the library writes for the first letter (see
// lettersToDocx).
//
// Each letter is a section of its own: its pages are numbered from 1, its first page has no
// header and the next ones carry the customer's name and "page 2/2", and the closing is kept
// with the last paragraph and the signature, so a signature never stands alone on a page.
//
// Invoice tables are Word tables (w:tbl): a grid of column widths made to fit the longest
// number, date and invoice number of each column on one line, the header row repeated on every
// page the table runs over, ruled cells, amounts right-aligned, the totals under the amounts.
// A cell's text size, weight, alignment and spacing are a paragraph style of word/styles.xml
// (tableCellStyle), and a cell leaves out what the grid or its text makes needless (its width
// below the header row, xml:space where no space could be lost): a run of 5,000 accounts has
// half a million cells, and what each one repeats is most of the document's size and of the
// time to write it. tests/letters/docxReference.ts says exactly what is left out.
// Tab stops were tried first: a 13-character invoice number ran past its stop in LibreOffice
// and moved every value of its row one column to the right. An address block is one paragraph
// with line breaks.

import { AlignmentType, Document, Header, type ISectionOptions, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import { Deflate, deflateSync, strFromU8, strToU8, unzipSync, Zip, ZipDeflate, type ZipInputFile } from 'fflate';
import type { Letter, LetterTable } from './letter';

const PAGE_MARGIN = 1134; // twips: 2 cm
const PAGE_WIDTH = 11906; // A4
const TEXT_WIDTH = PAGE_WIDTH - 2 * PAGE_MARGIN;
const RECIPIENT_INDENT = 5100; // about 9 cm, where a window envelope shows the address
/** The table's text sizes, in half-points, largest first: the first at which every column fits on the page. */
const TABLE_TEXT_SIZES: readonly number[] = [19, 18, 17, 16, 15, 14];
const SMALLEST_TABLE_TEXT = 14;
/** Space between a cell's text and its rules, left and right (twips). */
const CELL_MARGIN = 40;
/** What a column gets beyond its text's estimated width, so that a rounding of the estimate never wraps it. */
const CELL_SLACK = 20;
const TABLE_RULE = 'w:val="single" w:color="999999" w:sz="4"';

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
  // Most text has nothing to escape or drop: it is returned as it is, without two replacements.
  if (!ESCAPED_OR_DROPPED.test(text)) return text;
  return xmlCharacters(text).replace(/[&"'<>]/g, (char) => ESCAPES[char] ?? '');
}

/** Any character escapeXml changes: the five entities, the controls XML forbids, U+FFFE, U+FFFF, any surrogate. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters XML 1.0 forbids
const ESCAPED_OR_DROPPED = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;

/**
 * One run of text, bold or as its paragraph has it; `breakBefore` starts it on a new line of
 * the same paragraph. A run not bold says nothing of it (the library's `bold: false` wrote
 * `<w:b w:val="false"/>` into every run of every letter, for the look of the default).
 */
function run(text: string, bold: boolean, breakBefore: boolean): string {
  return `<w:r>${bold ? '<w:rPr><w:b/><w:bCs/></w:rPr>' : ''}${breakBefore ? '<w:br/>' : ''}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
}

/** Runs one per line, each after the first on a new line. */
function runs(texts: readonly string[], bold: (index: number) => boolean): string {
  return texts.map((text, index) => run(text, bold(index), index > 0)).join('');
}

/** An address block: one paragraph, a line break per line. */
function lines(
  values: readonly string[],
  options: { indent?: number; boldFirst?: boolean; keepLines?: boolean; sectionEnd?: string } = {},
): string {
  const properties = `${options.keepLines ? '<w:keepLines/>' : ''}<w:spacing w:after="0"/><w:ind w:left="${options.indent ?? 0}"/>${options.sectionEnd ?? ''}`;
  return `<w:p><w:pPr>${properties}</w:pPr>${runs(values, (index) => options.boldFirst === true && index === 0)}</w:p>`;
}

function paragraph(
  value: string,
  options: { bold?: boolean; right?: boolean; spaceBefore?: number; keepNext?: boolean } = {},
): string {
  const properties = `${options.keepNext ? '<w:keepNext/>' : ''}<w:spacing w:after="120" w:before="${options.spaceBefore ?? 120}"/>${options.right ? '<w:jc w:val="right"/>' : ''}`;
  // A line break inside a paragraph of the template stays a line break in Word.
  return `<w:p><w:pPr>${properties}</w:pPr>${runs(value.split('\n'), () => options.bold === true)}</w:p>`;
}

/**
 * Estimated width of a text, in ems, wide enough for the font a word processor actually uses:
 * Calibri in Word, Carlito (same widths) in LibreOffice, or, where neither is installed, its
 * fallback DejaVu Sans, a quarter wider. The widths are DejaVu Sans's advance widths, rounded up
 * by class: digits and currency signs 0.636 em, spaces and punctuation about a third of an em.
 */
export function textEms(text: string): number {
  let ems = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < LATIN_1_WIDTH.length) ems += LATIN_1_WIDTH[code] as number;
    else if (code >= 0xdc00 && code <= 0xdfff) {
      // The second half of a surrogate pair: its character was counted with the first half.
      if (index === 0 || !isHighSurrogate(text.charCodeAt(index - 1))) ems += 0.64;
    } else ems += wideCharacterEms(code);
  }
  return ems;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/** The width of a character past Latin-1 (rare in a table: the euro sign, dashes, quotes, spaces). */
function wideCharacterEms(code: number): number {
  if (code === 0x202f) return 0.318; // narrow no-break space, French thousands
  if (code === 0x20ac) return 0.636; // €
  if (code === 0x2019) return 0.4; // ’
  if (code === 0x2013) return 0.361; // –
  return 0.64;
}

/**
 * textEms's width of each Latin-1 character, by class as listed there: one lookup per
 * character, where a regular expression per character class took most of a table's layout.
 */
const LATIN_1_WIDTH = (() => {
  const widths = new Float64Array(256).fill(0.64);
  const set = (characters: string, ems: number) => {
    for (const char of characters) widths[char.charCodeAt(0)] = ems;
  };
  const range = (from: string, to: string, ems: number) => {
    for (let code = from.charCodeAt(0); code <= to.charCodeAt(0); code++) widths[code] = ems;
  };
  // Later classes first, so that the earlier ones (as textEms tested them) win.
  range('A', 'Z', 0.79);
  range('À', 'Ö', 0.79);
  range('Ø', 'Þ', 0.79);
  set('w', 0.818);
  set('mMW%@', 1);
  set('ftr', 0.411);
  set('iljIJ', 0.3);
  set('-', 0.361);
  set(".,:;/|!'()[]", 0.4);
  range('0', '9', 0.636);
  set('$£#+=<>~^', 0.636);
  set(' \u00a0', 0.318);
  return widths;
})();

/** Bold text is wider (DejaVu Sans Bold's digits 0.696 em against 0.636). */
const BOLD = 1.1;

export interface InvoiceTableLayout {
  /** Column widths in twips (the table's grid), adding up to the page's text width. */
  readonly widths: readonly number[];
  /** Text size in half-points. */
  readonly size: number;
  /** The columns that hold the totals' values: the last numeric one (else the last) and the numeric one before it. */
  readonly totalsColumns: readonly [from: number, to: number];
}

/**
 * The grid of a letter's table. Each column is at least as wide as what must stay on one line:
 * a whole cell for numbers, dates and invoice numbers (an amount or a reference cut in two reads
 * as two values), the longest word of a header or a text cell (those wrap between words), and
 * the totals' values in their column. The text size is the largest at which that fits; the
 * rest of the page's width goes to the columns whose text would otherwise wrap, then to all.
 */
export function invoiceTableLayout(table: LetterTable): InvoiceTableLayout {
  const count = Math.max(table.headers.length, 1);
  let totalsColumn = count - 1;
  while (totalsColumn > 0 && !table.numeric[totalsColumn]) totalsColumn--;
  // The totals' labels need a column of their own to the left of their values.
  if (!table.numeric[totalsColumn] || (count > 1 && totalsColumn === 0)) totalsColumn = count - 1;
  // A total is longer than the amounts above it: its value may take the numeric column before too.
  const totalsFrom = totalsColumn >= 2 && table.numeric[totalsColumn - 1] === true ? totalsColumn - 1 : totalsColumn;
  // Widths in ems, before the size is known: what must fit (least) and what fits unwrapped (wanted).
  const least = new Array<number>(count).fill(0);
  const wanted = new Array<number>(count).fill(0);
  const words = (text: string) => text.split(' ');
  const widest = (texts: readonly string[], bold: boolean) => {
    let ems = 0;
    for (const text of texts) ems = Math.max(ems, textEms(text) * (bold ? BOLD : 1));
    return ems;
  };
  for (let column = 0; column < count; column++) {
    const header = table.headers[column] ?? '';
    least[column] = widest(words(header), true);
    wanted[column] = textEms(header) * BOLD;
  }
  // Row by row, not with a spread: a letter may list 200,000 invoices.
  for (const row of table.rows) {
    for (let column = 0; column < count; column++) {
      const cell = row[column] ?? '';
      const whole = textEms(cell);
      // An invoice number (the first column), a date or an amount never wraps.
      const keep = column === 0 || table.numeric[column] === true || !cell.includes(' ') ? whole : widest(words(cell), false);
      if (keep > (least[column] as number)) least[column] = keep;
      if (whole > (wanted[column] as number)) wanted[column] = whole;
    }
  }
  const padding = 2 * CELL_MARGIN + CELL_SLACK;
  if (count > 1)
    for (const [, value] of table.totals) {
      // What the column before holds already (and its padding, in ems at the largest size) counts.
      const before = totalsFrom < totalsColumn ? (least[totalsFrom] as number) + padding / (10 * SMALLEST_TABLE_TEXT) : 0;
      const ems = textEms(value) * BOLD - before;
      if (ems > (least[totalsColumn] as number)) least[totalsColumn] = ems;
      if (ems > (wanted[totalsColumn] as number)) wanted[totalsColumn] = ems;
    }
  const twips = (ems: number, size: number) => Math.ceil(ems * size * 10) + padding;
  const fits = (size: number) => least.reduce((sum, ems) => sum + twips(ems, size), 0) <= TEXT_WIDTH;
  const size = TABLE_TEXT_SIZES.find(fits) ?? SMALLEST_TABLE_TEXT;
  const widths = least.map((ems) => twips(ems, size));
  let spare = TEXT_WIDTH - widths.reduce((sum, width) => sum + width, 0);
  if (spare < 0) {
    // Too wide even in the smallest size: every column shrinks alike, and Word wraps.
    const scale = TEXT_WIDTH / (TEXT_WIDTH - spare);
    for (let column = 0; column < count; column++) widths[column] = Math.floor((widths[column] as number) * scale);
  } else {
    // First to the columns whose text would wrap (headers, reasons), up to what they want.
    const short = wanted.map((ems, column) => Math.max(twips(ems, size) - (widths[column] as number), 0));
    const shortfall = short.reduce((sum, width) => sum + width, 0);
    const share = Math.min(1, shortfall === 0 ? 0 : spare / shortfall);
    for (let column = 0; column < count; column++) {
      const more = Math.floor((short[column] as number) * share);
      widths[column] = (widths[column] as number) + more;
      spare -= more;
    }
    // Then the rest to every column in proportion, so the table spans the text's width.
    const total = widths.reduce((sum, width) => sum + width, 0);
    const rest = spare;
    for (let column = 0; column < count; column++) {
      const more = Math.floor(((widths[column] as number) * rest) / total);
      widths[column] = (widths[column] as number) + more;
      spare -= more;
    }
  }
  // Whatever rounding left over goes to the first column, so the grid adds up exactly.
  widths[0] = (widths[0] as number) + (TEXT_WIDTH - widths.reduce((sum, width) => sum + width, 0));
  return { widths, size, totalsColumns: [totalsFrom, totalsColumn] };
}

/**
 * The paragraph style of a table cell's text (word/styles.xml, DOCX_STYLES): its size, bold or
 * not, right-aligned or not, no space around it. A style rather than the same properties on each
 * of tens of thousands of cells, which made most of the document's text (156 MB for 3,572
 * letters) and so most of the time to write and compress it. A short id, as each cell names it.
 */
export function tableCellStyle(size: number, options: { right?: boolean; bold?: boolean }): string {
  return `${options.right ? 'R' : 'L'}${options.bold ? 'B' : ''}${size}`;
}

/** The table cells' paragraph styles, one per text size, alignment and weight (tableCellStyle). */
const TABLE_CELL_STYLES = TABLE_TEXT_SIZES.flatMap((size) =>
  [false, true].flatMap((right) =>
    [false, true].map((bold) => ({
      id: tableCellStyle(size, { right, bold }),
      name: `Invoice table ${size / 2} pt${bold ? ' bold' : ''}${right ? ' right' : ''}`,
      basedOn: 'Normal',
      paragraph: { spacing: { before: 0, after: 0 }, ...(right ? { alignment: AlignmentType.RIGHT } : {}) },
      run: { size, ...(bold ? { bold: true } : {}) },
    })),
  ),
);

/**
 * A cell's text element. `xml:space="preserve"` only where XML would otherwise let a reader drop
 * spaces (at either end, or more than one in a row) or where the text holds a tab or a line break:
 * in a table's thousands of cells it would be a fifth of the text.
 */
function cellText(text: string): string {
  // Most cells (amounts, dates, invoice numbers) have nothing to escape and no space to keep: one test.
  if (!NOT_PLAIN_CELL.test(text)) return `<w:t>${text}</w:t>`;
  const escaped = escapeXml(text);
  return SPACES_TO_KEEP.test(escaped) ? `<w:t xml:space="preserve">${escaped}</w:t>` : `<w:t>${escaped}</w:t>`;
}

/** What makes a cell's text other than plain: anything escapeXml changes, or a space at either end or doubled. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters XML 1.0 forbids, and tab, line feed, carriage return
const NOT_PLAIN_CELL = /[&"'<>\x00-\x1F\uD800-\uDFFF\uFFFE\uFFFF]|^ | $| {2}/;

/** White space XML may collapse or trim (XML 1.0 §2.10: space, tab, line feed, carriage return): at either end, doubled, or a tab or line break. */
const SPACES_TO_KEEP = /^[ \t\n\r]|[ \t\n\r]$|[\t\n\r]| {2}/;

/**
 * One cell: one paragraph of text in its style. Its width (`w:tcW`) is written where the grid
 * alone does not give it: in the header row, which a fixed-layout table is laid out from, and on
 * cells spanning several columns; every other cell takes its column's width from the grid.
 */
function tableCell(text: string, style: string, width?: number, span = 1): string {
  let properties = '';
  if (width !== undefined)
    properties = `<w:tcPr><w:tcW w:type="dxa" w:w="${width}"/>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}</w:tcPr>`;
  return `<w:tc>${properties}<w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr><w:r>${cellText(text)}</w:r></w:p></w:tc>`;
}

/** The table's properties: the page's text width, a fixed grid, ruled cells, a little air in them. */
const TABLE_PROPERTIES = `<w:tblPr><w:tblW w:type="dxa" w:w="${TEXT_WIDTH}"/><w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((edge) => `<w:${edge} ${TABLE_RULE}/>`).join('')}</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:type="dxa" w:w="20"/><w:left w:type="dxa" w:w="${CELL_MARGIN}"/><w:bottom w:type="dxa" w:w="20"/><w:right w:type="dxa" w:w="${CELL_MARGIN}"/></w:tblCellMar></w:tblPr>`;

const ROW_START = '<w:tr><w:trPr><w:cantSplit/></w:trPr>';

/**
 * The table: its grid, the header row (repeated at the top of every page it runs over), a row
 * per invoice, then the totals, each label beside its value under the amounts. No row is split
 * across two pages.
 */
export function invoiceTableXml(table: LetterTable): string {
  const { widths, size, totalsColumns } = invoiceTableLayout(table);
  const [totalsFrom, totalsTo] = totalsColumns;
  const count = widths.length;
  const width = (from: number, to: number) => widths.slice(from, to).reduce((sum, w) => sum + w, 0);
  const bold = tableCellStyle(size, { right: true, bold: true });
  let xml = `<w:tbl>${TABLE_PROPERTIES}<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>`;
  for (let column = 0; column < count; column++)
    xml += tableCell(
      table.headers[column] ?? '',
      tableCellStyle(size, { right: table.numeric[column] === true, bold: true }),
      widths[column] as number,
    );
  xml += '</w:tr>';
  // Each column's cells start alike: written once per table.
  const starts = widths.map(
    (_, column) =>
      `<w:tc><w:p><w:pPr><w:pStyle w:val="${tableCellStyle(size, { right: table.numeric[column] === true })}"/></w:pPr><w:r>`,
  );
  for (const values of table.rows) {
    xml += ROW_START;
    for (let column = 0; column < count; column++) xml += `${starts[column]}${cellText(values[column] ?? '')}</w:r></w:p></w:tc>`;
    xml += '</w:tr>';
  }
  // A totals cell over columns `from` to `to` (excluded): its width given where it spans several.
  const spanning = (text: string, style: string, from: number, to: number) =>
    to - from > 1 ? tableCell(text, style, width(from, to), to - from) : tableCell(text, style);
  for (const [label, value] of table.totals) {
    xml += ROW_START;
    if (count === 1) xml += tableCell(`${label} ${value}`, bold);
    else {
      xml += spanning(label, bold, 0, totalsFrom);
      xml += spanning(value, bold, totalsFrom, totalsTo + 1);
      if (totalsTo + 1 < count) xml += spanning('', tableCellStyle(size, {}), totalsTo + 1, count);
    }
    xml += '</w:tr>';
  }
  return `${xml}</w:tbl>`;
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
    xml += block.kind === 'paragraph' ? paragraph(block.text, { keepNext: kept.has(index) }) : invoiceTableXml(block.table);
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

export const DOCX_STYLES = {
  default: { document: { run: { font: 'Calibri', size: 21 } } },
  paragraphStyles: TABLE_CELL_STYLES,
} as const;

/**
 * The document part's body: every letter in its own section, `section(k)` the properties of
 * letter k's section (a letter but the last ends its section in its signature paragraph; the
 * last one's are the body's own). Handed to `write` in pieces of about `CHUNK` characters, each
 * awaited, so a run of thousands of letters is encoded and compressed as it is written, never
 * held as one string of tens of megabytes, nor as all its pieces at once.
 */
export async function lettersDocumentXml(
  letters: readonly Letter[],
  section: (index: number) => string,
  write: (xml: string) => void | Promise<void>,
): Promise<void> {
  let piece = DOCUMENT_START;
  for (let index = 0; index < letters.length; index++) {
    piece += letterXml(letters[index] as Letter, index === letters.length - 1 ? '' : section(index));
    if (piece.length >= CHUNK) {
      await write(piece);
      piece = '';
    }
  }
  await write(`${piece}${section(letters.length - 1)}</w:body></w:document>`);
}

/** Half a million characters of text at a time: many compressor blocks, yet cheap to hold. */
const CHUNK = 1 << 19;

/**
 * A DEFLATE compressor the host may lend for the document part: given the part's text in pieces
 * as it is written (each write awaited before the next piece is made), it encodes it as UTF-8
 * and compresses it, and at the end returns the raw DEFLATE data (RFC 1951, as a ZIP holds it)
 * with the byte length and CRC-32 of the text it encoded. A browser's own (CompressionStream,
 * native code) packs 5,000 letters two to three times faster than fflate in JavaScript, and its
 * gzip format counts the length and CRC-32 natively too; without one, fflate compresses the part
 * as it is written.
 */
export interface TextDeflater {
  write(text: string): Promise<void>;
  end(): Promise<DeflatedText>;
}

export interface DeflatedText {
  readonly deflated: Uint8Array<ArrayBuffer>;
  /** The UTF-8 text's length in bytes. */
  readonly size: number;
  /** Its CRC-32 (as ZIP and gzip check it). */
  readonly crc: number;
}

/** Starts a compressor for one part. */
export type DeflateRaw = () => TextDeflater;

/**
 * The document part's compression level. The letters repeat the same markup in long matches, so
 * levels 1 to 6 take about the same time on them (1 s for 5,000 letters, 43 MB of XML) and 6
 * gives the smallest part (0.9 MB, against 1.8 MB at level 1).
 */
const DOCUMENT_LEVEL = 6;

const SECTION_PROPERTIES = /<w:sectPr\b[^>]*>[\s\S]*?<\/w:sectPr>/;
const HEADER_PART = /^word\/(_rels\/)?header(\d+)\.xml(\.rels)?$/;
const HEADER_RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/header';
const HEADER_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml';
/** A header part's root: its paragraph uses WordprocessingML's own namespace only. */
const HEADER_ROOT = /<w:hdr\b[^>]*>/;
const MINIMAL_HEADER_ROOT = '<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">';

/**
 * One .docx holding every letter, each starting on a new page.
 *
 * The library packs the first letter's section only: styles, settings, fonts, properties, and
 * that section's two header parts. The rest is written here:
 * - the body, every letter as the library would write its paragraphs (tests/letters/docx.test.ts
 *   compares them), compressed as it is written;
 * - one page header per letter (`word/header{k+1}.xml`, relationship `rId{6+k}`): the library's
 *   paragraph for the first letter with each letter's name in place of the first one's;
 * - one empty first-page header shared by every section (`word/header{n+1}.xml`, `rId{6+n}`),
 *   where the library writes one per section; the parts after them move up.
 * The page headers differ only by the name, so the text before and after it is compressed once
 * and each header is that, its name stored as it is, and the rest (see `deflatedAround`):
 * compressing 10,000 small parts one by one was most of the time (8 s for 5,000 letters in the
 * pane, against the 3 s we allow) and most of the file.
 */
export async function lettersToDocx(letters: readonly Letter[], title: string, deflateRaw?: DeflateRaw): Promise<Uint8Array> {
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
  // The library's section properties carry the ids of its two header parts: each letter's own
  // page header, and the shared empty one.
  const section = SECTION_PROPERTIES.exec(text(MAIN_PART))?.[0] ?? '';
  const header = text('word/header1.xml');
  const nameStart = '<w:t xml:space="preserve">';
  const nameRun = (letter: Letter) => `${nameStart}${escapeXml(letter.recipient.name)} — page </w:t>`;
  const at = header.indexOf(nameRun(first));
  const [pageHeaderAt, firstHeaderAt] = [section.indexOf('r:id="rId6"'), section.indexOf('r:id="rId7"')];
  if (at < 0 || pageHeaderAt < 0 || firstHeaderAt < pageHeaderAt || !HEADER_ROOT.test(header) || !files['word/header2.xml'])
    throw new Error('The docx library no longer writes a letter section as AgeBucket expects: see src/letters/docx.ts.');
  const count = letters.length;
  const sharedFirst = `r:id="rId${6 + count}"`;
  const [sectionStart, sectionMiddle, sectionEnd] = [
    section.slice(0, pageHeaderAt),
    section.slice(pageHeaderAt + 'r:id="rId6"'.length, firstHeaderAt),
    section.slice(firstHeaderAt + 'r:id="rId7"'.length),
  ];
  const sectionOf = (k: number) => `${sectionStart}r:id="rId${6 + k}"${sectionMiddle}${sharedFirst}${sectionEnd}`;
  const pageHeaders = Array.from({ length: count }, (_, k) => k + 1);
  const headerNumbers = [...pageHeaders, count + 1];
  files['word/_rels/document.xml.rels'] = strToU8(
    replaceHeaderElements(
      text('word/_rels/document.xml.rels'),
      /<Relationship [^>]*\/>/g,
      HEADER_RELATIONSHIP,
      headerNumbers.map((n) => `<Relationship Id="rId${5 + n}" Type="${HEADER_RELATIONSHIP}" Target="header${n}.xml"/>`),
      (element) => element.replace(/Id="rId(\d+)"/, (_, id: string) => `Id="rId${Number(id) + count - 1}"`),
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
  const pageHeader = deflatedAround(
    header.slice(0, at + nameStart.length).replace(HEADER_ROOT, MINIMAL_HEADER_ROOT),
    header.slice(at + nameRun(first).length - ' — page </w:t>'.length),
  );

  const output: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure ??= error;
    else output.push(chunk);
  });
  // The parts in the library's order, the headers where the first letter's were.
  for (const [path, data] of Object.entries(files)) {
    const header = HEADER_PART.exec(path);
    // The library's relationship parts for its headers list nothing: they are left out.
    if (header?.[1]) continue;
    if (path === MAIN_PART && deflateRaw) {
      const deflater = deflateRaw();
      let characters = 0;
      await lettersDocumentXml(letters, sectionOf, (xml) => {
        characters += xml.length;
        return deflater.write(xml);
      });
      const { deflated, size, crc } = await deflater.end();
      // UTF-8 takes one to three bytes per UTF-16 unit: any other length is a compressor's
      // mistake (or a part past the 4 GiB a ZIP's sizes can say), never to be written as it is.
      if (size < characters || size > 3 * characters)
        throw new Error(`The document part was compressed as ${size} bytes of text, not ${characters} characters' worth.`);
      addCompressed(zip, MAIN_PART, [deflated], size, crc);
    } else if (path === MAIN_PART) {
      const main = new ZipDeflate(MAIN_PART, { level: DOCUMENT_LEVEL });
      zip.add(main);
      await lettersDocumentXml(letters, sectionOf, (xml) => main.push(strToU8(xml)));
      main.push(new Uint8Array(0), true);
    } else if (!header) addDeflated(zip, path, data);
    else if (header[2] === '1') for (const k of pageHeaders) pageHeader(zip, `word/header${k}.xml`, letters[k - 1] as Letter);
    else addDeflated(zip, `word/header${count + 1}.xml`, data);
  }
  zip.end();
  if (failure) throw failure;
  return joined(output);
}

/** A part compressed whole, as the library's own parts are. */
function addDeflated(zip: Zip, path: string, data: Uint8Array): void {
  const file = new ZipDeflate(path, { level: 6 });
  zip.add(file);
  file.push(data, true);
}

/**
 * Page headers that differ only by the name they carry, each added to the zip as
 * `before + name + after`. DEFLATE data is a series of blocks, each of which may be compressed
 * or stored as it is (RFC 1951 §3.2.3-4): `before` is compressed once and ends on a byte
 * boundary with an empty stored block (the sync flush zlib uses to cut a stream), each name
 * follows as a stored block, and `after`, compressed once, is the final block. Every part is
 * thus as small as if compressed whole but for its name, at no compression cost per letter.
 */
function deflatedAround(before: string, after: string): (zip: Zip, path: string, letter: Letter) => void {
  const [beforeBytes, afterBytes] = [strToU8(before), strToU8(after)];
  const chunks: Uint8Array[] = [];
  const start = new Deflate({ level: 9 }, (chunk) => chunks.push(chunk));
  start.push(beforeBytes);
  start.flush(true);
  const beforeDeflated = joined(chunks);
  const afterDeflated = deflateSync(afterBytes, { level: 9 });
  const beforeCrc = crc32(beforeBytes, CRC_START);
  return (zip, path, letter) => {
    const name = strToU8(escapeXml(letter.recipient.name));
    const size = beforeBytes.length + name.length + afterBytes.length;
    const crc = ~crc32(afterBytes, crc32(name, beforeCrc)) >>> 0;
    addCompressed(zip, path, [beforeDeflated, storedBlocks(name), afterDeflated], size, crc);
  };
}

/** A part already compressed (DEFLATE, in `chunks`), of `size` bytes and CRC-32 `crc` once inflated. */
function addCompressed(zip: Zip, path: string, chunks: readonly Uint8Array<ArrayBuffer>[], size: number, crc: number): void {
  const file: ZipInputFile = { filename: path, size, crc, compression: 8 };
  zip.add(file);
  for (let index = 0; index < chunks.length; index++)
    file.ondata?.(null, chunks[index] as Uint8Array<ArrayBuffer>, index === chunks.length - 1);
}

/** Bytes as non-final stored DEFLATE blocks (of at most 65,535 bytes each), from a byte boundary. */
function storedBlocks(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const blocks = Math.max(1, Math.ceil(bytes.length / 0xffff));
  const out = new Uint8Array(bytes.length + 5 * blocks);
  let at = 0;
  for (let block = 0; block < blocks; block++) {
    const piece = bytes.subarray(block * 0xffff, (block + 1) * 0xffff);
    // BFINAL 0, BTYPE 00, the rest of the byte unused; then LEN and its one's complement, little-endian.
    out[at] = 0;
    out[at + 1] = piece.length & 0xff;
    out[at + 2] = piece.length >>> 8;
    out[at + 3] = ~piece.length & 0xff;
    out[at + 4] = (~piece.length >>> 8) & 0xff;
    out.set(piece, at + 5);
    at += 5 + piece.length;
  }
  return out;
}

/** The CRC-32 of ZIP (ISO 3309, polynomial 0xEDB88320), one table lookup per byte. */
const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let bit = 0; bit < 8; bit++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();
const CRC_START = -1;

/** The running CRC after `bytes`, from the running value `crc` (the checksum is its complement). */
function crc32(bytes: Uint8Array, crc: number): number {
  let value = crc;
  for (let i = 0; i < bytes.length; i++) value = (CRC_TABLE[(value ^ (bytes[i] as number)) & 0xff] as number) ^ (value >>> 8);
  return value;
}

/** Chunks joined in one array. */
function joined(chunks: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  let length = 0;
  for (const chunk of chunks) length += chunk.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
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
