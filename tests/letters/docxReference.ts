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
