// The reference for src/letters/docx.ts: the same letters built the slow way, one docx
// library object per paragraph and run, as the renderer did before it wrote the XML itself.
// The test compares the two documents byte for byte, so the fast renderer writes exactly what
// the library would, and a new version of the library that writes something else shows here.

import { AlignmentType, BorderStyle, Document, Packer, Paragraph, TabStopType, TextRun } from 'docx';
import { columnStops, DOCX_STYLES, keptWithSignature, letterSection } from '../../src/letters/docx';
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
      (value, index) => new TextRun({ text: value, bold: options.boldFirst === true && index === 0, break: index > 0 ? 1 : 0 }),
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
    .map((line, index) => new TextRun({ text: line, bold: options.bold ?? false, break: index > 0 ? 1 : 0 }));
  return new Paragraph({
    children,
    alignment: options.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
    spacing: { before: options.spaceBefore ?? 120, after: 120 },
    ...(options.keepNext ? { keepNext: true } : {}),
  });
}

/** The header, then the rows as one paragraph sharing its tab stops, then the totals. */
function tableParagraphs(table: LetterTable): Paragraph[] {
  const stops = columnStops(table).map((stop) => ({
    type: stop.type === 'right' ? TabStopType.RIGHT : TabStopType.LEFT,
    position: stop.position,
  }));
  const paragraphs = [
    new Paragraph({
      children: [new TextRun({ text: table.headers.join('\t'), bold: true, size: 19 })],
      tabStops: stops,
      spacing: { before: 120, after: 60 },
      border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '999999', space: 1 } },
    }),
  ];
  if (table.rows.length > 0) {
    paragraphs.push(
      new Paragraph({
        children: table.rows.map((cells, index) => new TextRun({ text: cells.join('\t'), size: 19, break: index > 0 ? 1 : 0 })),
        tabStops: stops,
        spacing: { before: 0, after: 60, line: 276 },
      }),
    );
  }
  if (table.totals.length > 0) {
    paragraphs.push(
      new Paragraph({
        children: table.totals.map(
          ([label, value], index) => new TextRun({ text: `${label}\t${value}`, bold: true, size: 19, break: index > 0 ? 1 : 0 }),
        ),
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH - 60 }],
        spacing: { before: 60, after: 120 },
        border: { top: { style: BorderStyle.SINGLE, size: 6, color: '999999', space: 1 } },
      }),
    );
  }
  return paragraphs;
}

function letterChildren(letter: Letter): Paragraph[] {
  const children: Paragraph[] = [
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
    else children.push(...tableParagraphs(block.table));
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
