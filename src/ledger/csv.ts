// Delimited text (CSV, TSV, TXT exports) into rows of fields, with papaparse for the quoting
// rules (RFC 4180: quoted separators, line breaks and doubled quotes). The separator is not
// papaparse's guess, which fails on French `;` files whose decimal commas outnumber the
// semicolons: it is the one among , ; tab | that splits the header line into the most
// recognisable ledger columns.

import Papa from 'papaparse';
import { AgeBucketError } from '../primitives/messages';
import { detectColumns, HEADER_SCAN_ROWS } from './ledger';

export type Separator = ',' | ';' | '\t' | '|';
const SEPARATORS: readonly Separator[] = [';', '\t', '|', ','];

/**
 * The separator of a file: for each candidate, the best header among the first lines (the most
 * columns named like a ledger's, then the most fields); a file with no recognisable header
 * falls back to the separator its first non-blank line holds most.
 */
export function detectSeparator(text: string): Separator {
  const lines = firstLines(text, HEADER_SCAN_ROWS);
  let best: Separator | null = null;
  let bestRoles = 1;
  let bestFields = 0;
  for (const separator of SEPARATORS) {
    for (const line of lines) {
      const fields = splitRoughly(line, separator);
      const roles = Object.keys(detectColumns(fields)).length;
      if (roles > bestRoles || (roles === bestRoles && best !== null && fields.length > bestFields)) {
        best = separator;
        bestRoles = roles;
        bestFields = fields.length;
      }
    }
  }
  if (best !== null) return best;
  const first = lines.find((line) => line.trim() !== '') ?? '';
  let most: Separator = ',';
  let count = 0;
  for (const separator of SEPARATORS) {
    const n = first.split(separator).length - 1;
    if (n > count) {
      most = separator;
      count = n;
    }
  }
  return most;
}

function firstLines(text: string, count: number): string[] {
  const lines: string[] = [];
  let start = 0;
  while (lines.length < count && start < text.length) {
    const end = text.indexOf('\n', start);
    const stop = end < 0 ? text.length : end;
    lines.push(text.slice(start, stop).replace(/\r$/, ''));
    start = stop + 1;
  }
  return lines;
}

/** A header line split without a full parse: quotes around a header are dropped. */
function splitRoughly(line: string, separator: Separator): string[] {
  return line.split(separator).map((field) => field.trim().replace(/^"(.*)"$/, '$1'));
}

/**
 * Rows of fields. A quote that opens and never closes would swallow the rest of the file into
 * one field: it is an error naming the line where it opens.
 */
export function parseDelimited(input: string, separator: Separator = detectSeparator(stripBom(input))): string[][] {
  const text = stripBom(input);
  const result = Papa.parse(text, { delimiter: separator, skipEmptyLines: false });
  const quoteError = result.errors.find((error) => error.type === 'Quotes');
  if (quoteError) {
    const at = text.lastIndexOf('"', quoteError.index ?? 0);
    throw new AgeBucketError('csvQuoteNeverCloses', { line: lineOf(text, at < 0 ? (quoteError.index ?? 0) : at) });
  }
  const rows = result.data;
  // The line break that ends the last line does not open another one.
  const last = rows[rows.length - 1];
  if (last && last.length === 1 && last[0] === '') rows.pop();
  return rows;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** 1-based line of a character, as a text editor numbers it. */
function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** CSV text into rows of fields (the sample ledger, the dunning log, Preview's files). */
export function parseCsv(input: string): string[][] {
  return parseDelimited(input);
}
