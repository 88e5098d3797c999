// The reference for src/letters/docx.ts: the same letters built the slow way, one docx
// library object per paragraph and run, as the renderer did before it wrote the XML itself.
// The test compares the two documents byte for byte, so the fast renderer writes exactly what
// the library would, and a new version of the library that writes something else shows here.

import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { DOCX_STYLES, invoiceTableLayout, keptWithSignature, letterSection, tableCellStyle } from '../../src/letters/docx';
import type { Letter, LetterTable } from '../../src/letters/letter';

const PAGE_MARGIN = 1134; // twips: 2 cm
const TEXT_WIDTH = 11906 - 2 * PAGE_MARGIN; // A4 width less the margins
const RECIPIENT_INDENT = 5100; // about 9 cm, where a window envelope shows the address

/** An address block: one paragraph, a line break per line. */
function lines(
  values: readonly string[],
  options: { indent?: number; boldFirst?: boolean; keepLines?: boolean } = {},
): Paragraph {
  return new Paragraph({
    children: values.map(
      (value, index) =>
        new TextRun({
          text: value,
          ...(options.boldFirst === true && index === 0 ? { bold: true } : {}),
          break: index > 0 ? 1 : 0,
        }),
    ),
    indent: { left: options.indent ?? 0 },
    spacing: { after: 0 },
    ...(options.keepLines ? { keepLines: true } : {}),
  });
}

function paragraph(
  value: string,
  options: { bold?: boolean; right?: boolean; spaceBefore?: number; keepNext?: boolean } = {},
): Paragraph {
  // A line break inside a paragraph of the template stays a line break in Word.
  const children = value
    .split('\n')
    .map((line, index) => new TextRun({ text: line, ...(options.bold ? { bold: true } : {}), break: index > 0 ? 1 : 0 }));
  return new Paragraph({
    children,
    ...(options.right ? { alignment: AlignmentType.RIGHT } : {}),
    spacing: { before: options.spaceBefore ?? 120, after: 120 },
    ...(options.keepNext ? { keepNext: true } : {}),
  });
}

const RULE = { style: BorderStyle.SINGLE, size: 4, color: '999999' };

function cell(text: string, width: number, options: { span?: number; right?: boolean; bold?: boolean; size: number }): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    ...(options.span !== undefined && options.span > 1 ? { columnSpan: options.span } : {}),
    children: [new Paragraph({ style: tableCellStyle(options.size, options), children: [new TextRun({ text })] })],
  });
}

/**
 * The library's document part less what the renderer leaves out of invoice tables on purpose, to
 * keep a run of thousands of letters small: a cell's width (`w:tcW`) wherever the table's grid
 * gives it (every row but the header row, unless the cell spans columns), and
 * `xml:space="preserve"` on a cell's text that has no space XML would drop (none at either end,
 * none doubled, no tab or line break). Everything else must be the library's to the byte.
 */
export function withoutRedundantTableMarkup(documentXml: string): string {
  return documentXml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, (table) =>
    table
      .replace(/<w:tr>[\s\S]*?<\/w:tr>/g, (row) =>
        row.includes('<w:tblHeader/>') ? row : row.replace(/<w:tcPr><w:tcW w:type="dxa" w:w="\d+"\/><\/w:tcPr>/g, ''),
      )
      .replace(/<w:t xml:space="preserve">([^<]*)<\/w:t>/g, (element, text: string) =>
        /^[ \t\n\r]|[ \t\n\r]$|[\t\n\r]| {2}/.test(text) ? element : `<w:t>${text}</w:t>`,
      ),
  );
}

/** The invoice table: the header row repeated on each page, a row per invoice, the totals under the amounts. */
function invoiceTable(table: LetterTable): Table {
  const { widths, size, totalsColumns } = invoiceTableLayout(table);
  const [from, to] = totalsColumns;
  const count = widths.length;
  const width = (from: number, to: number) => widths.slice(from, to).reduce((sum, w) => sum + w, 0);
  const rows = [
    new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: widths.map((w, c) => cell(table.headers[c] ?? '', w, { right: table.numeric[c] === true, bold: true, size })),
    }),
    ...table.rows.map(
      (values) =>
        new TableRow({
          cantSplit: true,
          children: widths.map((w, c) => cell(values[c] ?? '', w, { right: table.numeric[c] === true, size })),
        }),
    ),
    ...table.totals.map(([label, value]) => {
      if (count === 1)
        return new TableRow({
          cantSplit: true,
          children: [cell(`${label} ${value}`, widths[0] as number, { right: true, bold: true, size })],
        });
      const children = [
        cell(label, width(0, from), { span: from, right: true, bold: true, size }),
        cell(value, width(from, to + 1), { span: to + 1 - from, right: true, bold: true, size }),
      ];
      if (to + 1 < count) children.push(cell('', width(to + 1, count), { span: count - to - 1, size }));
      return new TableRow({ cantSplit: true, children });
    }),
  ];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [...widths],
    layout: TableLayoutType.FIXED,
    borders: { top: RULE, left: RULE, bottom: RULE, right: RULE, insideHorizontal: RULE, insideVertical: RULE },
    margins: { top: 20, left: 40, bottom: 20, right: 40 },
    rows,
  });
}

function letterChildren(letter: Letter): Array<Paragraph | Table> {
  const children: Array<Paragraph | Table> = [
    lines([letter.sender.name, ...letter.sender.lines], { boldFirst: true }),
    paragraph('', { spaceBefore: 240 }),
    lines([letter.recipient.name, ...letter.recipient.lines], { indent: RECIPIENT_INDENT, boldFirst: true }),
    paragraph('', { spaceBefore: 240 }),
    paragraph(letter.placeAndDate, { right: true }),
    paragraph(letter.subject, { bold: true }),
  ];
  const kept = keptWithSignature(letter);
  letter.blocks.forEach((block, index) => {
    if (block.kind === 'paragraph') children.push(paragraph(block.text, { keepNext: kept.has(index) }));
    else children.push(invoiceTable(block.table));
  });
  children.push(paragraph('', { spaceBefore: 480, keepNext: true }), lines(letter.signature, { keepLines: true }));
  return children;
}

/** One .docx holding every letter, each starting on a new page. */
export async function lettersToDocxWithLibrary(letters: readonly Letter[], title: string): Promise<Uint8Array> {
  const document = new Document({
    title,
    creator: letters[0]?.sender.name ?? 'AgeBucket',
    styles: DOCX_STYLES,
    sections: letters.map((letter) => letterSection(letter, letterChildren(letter))),
  });
  return Packer.pack(document, 'uint8array');
}

/** The content type a part must have to be read as what its relationship says (ECMA-376 part 1, §11 and §15). */
const CONTENT_TYPE_OF: Readonly<Record<string, string>> = {
  'officeDocument/2006/relationships/officeDocument':
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
  'officeDocument/2006/relationships/styles': 'application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml',
  'officeDocument/2006/relationships/settings': 'application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml',
  'officeDocument/2006/relationships/header': 'application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml',
  'officeDocument/2006/relationships/fontTable': 'application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml',
  'officeDocument/2006/relationships/numbering': 'application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml',
  'officeDocument/2006/relationships/theme': 'application/vnd.openxmlformats-officedocument.theme+xml',
};

/**
 * What a reader of the package would trip on (ECMA-376 part 2, Open Packaging Conventions): a
 * content type naming a missing part, a part without a content type or with another than its
 * relationship calls for, a relationship whose target is missing or whose id repeats, an
 * `r:id` in the document that names no relationship.
 */
export function packageProblems(files: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  const types = files.get('[Content_Types].xml') ?? '';
  const overrides = new Map(
    [...types.matchAll(/<Override ContentType="([^"]+)" PartName="\/([^"]+)"\/>/g)].map(
      ([, type, part]) => [part as string, type as string] as const,
    ),
  );
  const defaults = new Set(
    [...types.matchAll(/<Default [^>]*Extension="([^"]+)"/g)].map((match) => (match[1] as string).toLowerCase()),
  );
  for (const part of overrides.keys())
    if (!files.has(part)) problems.push(`[Content_Types].xml names /${part}, which is not in the package`);
  for (const part of files.keys()) {
    if (part === '[Content_Types].xml' || part.endsWith('/')) continue;
    const extension = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
    if (!overrides.has(part) && !defaults.has(extension)) problems.push(`${part} has no content type`);
  }
  for (const [rels, xml] of files) {
    const at = /^(.*?)_rels\/([^/]*)\.rels$/.exec(rels);
    if (!at) continue;
    const folder = at[1] as string;
    if (at[2] !== '' && !files.has(`${folder}${at[2]}`)) problems.push(`${rels} belongs to a missing part`);
    const ids = new Set<string>();
    for (const [element] of xml.matchAll(/<Relationship [^>]*\/>/g)) {
      const id = /Id="([^"]+)"/.exec(element)?.[1] ?? '';
      if (ids.has(id)) problems.push(`${rels}: ${id} appears twice`);
      ids.add(id);
      if (element.includes('TargetMode="External"')) continue;
      const target = /Target="([^"]+)"/.exec(element)?.[1] ?? '';
      const segments: string[] = [];
      for (const segment of (target.startsWith('/') ? target.slice(1) : `${folder}${target}`).split('/'))
        if (segment === '..') segments.pop();
        else if (segment !== '.') segments.push(segment);
      const part = segments.join('/');
      if (!files.has(part)) problems.push(`${rels}: ${id} targets ${target}, which is not in the package`);
      const type = /Type="http:\/\/schemas\.openxmlformats\.org\/([^"]+)"/.exec(element)?.[1] ?? '';
      const expected = CONTENT_TYPE_OF[type];
      if (expected && overrides.get(part) !== expected) problems.push(`${part} is not typed ${expected}`);
    }
  }
  const documentIds = new Set(
    [...(files.get('word/_rels/document.xml.rels') ?? '').matchAll(/<Relationship [^>]*Id="([^"]+)"/g)].map((m) => m[1]),
  );
  for (const [, id] of (files.get('word/document.xml') ?? '').matchAll(/r:id="([^"]+)"/g))
    if (!documentIds.has(id)) problems.push(`word/document.xml uses ${id}, which no relationship defines`);
  return [...new Set(problems)];
}
