// The sample ledger and dunning log read through the core, as the pane reads them from a
// sheet: shared by the demo, the tests and the benchmarks.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDunningLog } from '../src/dunning/log';
import { DEFAULT_POLICY, type DunningPolicy } from '../src/dunning/policy';
import { detectColumns, readLedger } from '../src/ledger/ledger';
import type { CellValue } from '../src/primitives/cells';
import { parseTextDate } from '../src/primitives/dates';
import { parseCsv } from './csv';
import { SAMPLE_AS_OF } from './sampleLedger';

const SAMPLES = join(__dirname, '..', 'samples');

/** A CSV file as sheet cells: numbers where the text is a plain number, as a sheet would hold them. */
export function csvAsCells(path: string): CellValue[][] {
  return csvTextAsCells(readFileSync(path, 'utf8'));
}

/** The same from the text of a CSV file. */
export function csvTextAsCells(text: string): CellValue[][] {
  return parseCsv(text)
    .filter((row) => row.some((cell) => cell !== ''))
    .map((row) => row.map((cell) => (/^-?\d+(\.\d+)?$/.test(cell) && !/^0\d/.test(cell) ? Number(cell) : cell)));
}

export function sampleLedgerCells(): CellValue[][] {
  return csvAsCells(join(SAMPLES, 'ledger.csv'));
}

export function sampleLogCells(): CellValue[][] {
  return csvAsCells(join(SAMPLES, 'dunning-log.csv'));
}

export const sampleAsOf = parseTextDate(SAMPLE_AS_OF);

export function readSample(policy: DunningPolicy = DEFAULT_POLICY) {
  const cells = sampleLedgerCells();
  const ledger = readLedger(cells, detectColumns(cells[0] ?? []), { serialSystem: 'sheets', defaultCurrency: 'EUR' });
  const log = readDunningLog(sampleLogCells(), policy, 'sheets');
  return { ledger, log };
}
