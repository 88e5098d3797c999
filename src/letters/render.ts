// Plain text (email bodies), HTML (preview and print) and sheet rows from the letter model.
// Templates are plain text, so every paragraph is data: the HTML renderer escapes all of it.

import { appendAll, largest } from '../primitives/arrays';
import type { Letter, LetterTable } from './letter';

export function letterToText(letter: Letter): string {
  const lines: string[] = [];
  for (const block of letter.blocks) {
    if (block.kind === 'paragraph') lines.push(block.text, '');
    else {
      appendAll(lines, tableToText(block.table));
      lines.push('');
    }
  }
  appendAll(lines, letter.signature);
  return lines.join('\n');
}

function tableToText(table: LetterTable): string[] {
  const widths = table.headers.map((header, column) =>
    largest(
      table.rows.map((row) => (row[column] ?? '').length),
      header.length,
    ),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (table.numeric[column] ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  const labelWidth = largest(
    table.totals.map(([label]) => label.length),
    0,
  );
  return [
    line(table.headers),
    ...table.rows.map(line),
    ...table.totals.map(([label, value]) => `${label.padEnd(labelWidth)}  ${value}`),
  ];
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/** One letter as an HTML fragment (a <section>); the pane previews it, print puts each on a page. */
export function letterToHtml(letter: Letter): string {
  const e = escapeHtml;
  const lines = (items: readonly string[]) => items.map(e).join('<br>');
  const body = letter.blocks
    .map((block) => (block.kind === 'paragraph' ? `<p>${e(block.text).replace(/\n/g, '<br>')}</p>` : tableToHtml(block.table)))
    .join('\n');
  return `<section class="letter" lang="${letter.language}">
<div class="sender"><strong>${e(letter.sender.name)}</strong><br>${lines(letter.sender.lines)}</div>
<div class="recipient"><strong>${e(letter.recipient.name)}</strong><br>${lines(letter.recipient.lines)}</div>
<p class="date">${e(letter.placeAndDate)}</p>
<p class="subject"><strong>${e(letter.subject)}</strong></p>
${body}
<p class="signature">${lines(letter.signature)}</p>
</section>`;
}

function tableToHtml(table: LetterTable): string {
  const cell = (tag: 'td' | 'th', text: string, column: number) =>
    `<${tag}${table.numeric[column] ? ' class="num"' : ''}>${escapeHtml(text)}</${tag}>`;
  const head = `<tr>${table.headers.map((h, c) => cell('th', h, c)).join('')}</tr>`;
  const rows = table.rows.map((row) => `<tr>${row.map((text, c) => cell('td', text, c)).join('')}</tr>`).join('');
  const span = table.headers.length - 1;
  const totals = table.totals
    .map(
      ([label, value]) =>
        `<tr class="total"><td colspan="${span}">${escapeHtml(label)}</td><td class="num">${escapeHtml(value)}</td></tr>`,
    )
    .join('');
  return `<table class="invoices"><thead>${head}</thead><tbody>${rows}${totals}</tbody></table>`;
}

const LETTER_CSS = `body{font-family:Georgia,'Times New Roman',serif;font-size:11pt;color:#222}
.letter{max-width:17cm;margin:0 auto 2cm;page-break-after:always;break-after:page}
.sender{margin-bottom:1cm}.recipient{margin-left:9cm;margin-bottom:1cm}.date{text-align:right}
table.invoices{border-collapse:collapse;width:100%;margin:0.5em 0;font-size:10pt}
table.invoices th,table.invoices td{border-bottom:1px solid #ccc;padding:2px 6px;text-align:left}
table.invoices .num{text-align:right;white-space:nowrap}tr.total td{font-weight:bold;border:none}
.signature{margin-top:1.5cm}`;

/** A whole printable document, one letter per page. */
export function lettersToHtmlDocument(letters: readonly Letter[], title: string): string {
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${LETTER_CSS}</style></head>
<body>
${letters.map(letterToHtml).join('\n')}
</body></html>`;
}

/** Rows for a printable sheet: one letter after another, a blank row between paragraphs. */
export function lettersToSheetRows(letters: readonly Letter[]): string[][] {
  const rows: string[][] = [];
  for (const letter of letters) {
    // bounded: an address's few lines
    rows.push([letter.sender.name], ...letter.sender.lines.map((line) => [line]), []);
    // bounded: an address's few lines
    rows.push(['', '', '', letter.recipient.name], ...letter.recipient.lines.map((line) => ['', '', '', line]), []);
    rows.push([letter.placeAndDate], [], [letter.subject], []);
    for (const block of letter.blocks) {
      if (block.kind === 'paragraph') rows.push([block.text], []);
      else {
        rows.push([...block.table.headers]);
        for (const row of block.table.rows) rows.push([...row]);
        for (const [label, value] of block.table.totals)
          rows.push([label, ...Array(Math.max(block.table.headers.length - 2, 0)).fill(''), value]);
        rows.push([]);
      }
    }
    for (const line of letter.signature) rows.push([line]);
    rows.push([], []);
  }
  return rows;
}
