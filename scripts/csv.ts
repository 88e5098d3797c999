// The CSV files the tests and scripts read (the IBM sample, our sample ledger).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '../src/ledger/csv';

export { parseCsv };

/** Rows as objects keyed by the header line. */
export function readCsvRecords(path: string): Array<Record<string, string>> {
  return csvTextRecords(readFileSync(path, 'utf8'));
}

/** The same from the text of a CSV file. */
export function csvTextRecords(text: string): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  return rows.map((row) => Object.fromEntries(header.map((name, index) => [name, row[index] ?? ''])));
}

/** IBM's public sample of settled invoices, kept in the repository (provenance in tests/data/README.md). */
export const IBM_SAMPLE = join(__dirname, '..', 'tests', 'data', 'ibm-accounts-receivable.csv');
