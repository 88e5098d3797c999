// Reading custom-function arguments: scalars and ranges, omitted optional arguments (Excel
// passes null, Sheets undefined), and the settings arguments (as_of, boundaries, labels).

import type { ColumnRange } from '../ageing/agedBalance';
import { type Buckets, makeBuckets, validateBoundaries } from '../ageing/ageing';
import { type CellValue, isBlank, readDate, readNumber, readText } from '../primitives/cells';
import type { DayNumber } from '../primitives/dates';
import { AgeBucketError, fail, type Language } from '../primitives/messages';
import { type HostContext, isMatrix, type Matrix } from './context';

export function isOmitted(value: unknown): boolean {
  return value === undefined || value === null || (isMatrix(value) && value.length === 0);
}

/** Every cell of a range (row by row), or the one value. */
export function cellsOf(value: unknown): CellValue[] {
  if (isOmitted(value)) return [];
  if (isMatrix(value)) return value.flat() as CellValue[];
  return [value as CellValue];
}

/** A one-cell argument: a 1×1 range is its cell. */
export function singleCell(value: unknown, name: string): CellValue {
  if (!isMatrix(value)) return value as CellValue;
  const cells = value.flat();
  if (cells.length !== 1) fail('argumentNotOneCell', { name });
  return cells[0] as CellValue;
}

/** as_of: a date cell; omitted or blank means today in the workbook's time zone. */
export function readAsOf(value: unknown, context: HostContext): DayNumber {
  const cell = singleCell(value, 'as_of');
  if (isBlank(cell)) return context.today();
  try {
    return readDate(cell, context) as DayNumber;
  } catch (error) {
    if (error instanceof AgeBucketError)
      fail('argumentInvalid', { name: 'as_of', reason: { en: error.localized('en'), fr: error.localized('fr') } });
    throw error;
  }
}

/** boundaries: a range of numbers, one number, or text such as "30, 60, 90"; default 30, 60, 90. */
export function readBoundaries(value: unknown): readonly number[] | undefined {
  const values: number[] = [];
  for (const cell of cellsOf(value)) {
    if (typeof cell === 'string' && /[,;\s]/.test(cell.trim())) {
      for (const part of cell.split(/[;,\s]+/).filter((p) => p !== '')) values.push(boundaryNumber(part));
      continue;
    }
    if (isBlank(cell)) continue;
    values.push(boundaryNumber(cell));
  }
  return values.length === 0 ? undefined : validateBoundaries(values);
}

function boundaryNumber(cell: CellValue): number {
  const number = readNumber(cell);
  if (number === null || !Number.isInteger(number) || number < 1) fail('boundaryNotWhole', { value: String(readText(cell)) });
  return number;
}

/** labels: a range of texts replacing the default N+2 labels; blank cells are left out. */
export function readLabels(value: unknown): string[] | undefined {
  const labels = cellsOf(value)
    .filter((cell) => !isBlank(cell))
    .map((cell) => readText(cell) as string);
  return labels.length === 0 ? undefined : labels;
}

export function readBuckets(boundaries: unknown, labels: unknown, language: Language = 'en'): Buckets {
  return makeBuckets(readBoundaries(boundaries), readLabels(labels), language);
}

/**
 * A range argument as one column. A one-column range (the common case) is used as the host
 * handed it over, without copying its cells; a wider range is read row by row.
 */
export function columnRangeOf(value: unknown): ColumnRange {
  if (!isMatrix(value)) return [[value as CellValue]];
  if (value.length > 0 && (value[0] as readonly unknown[]).length === 1) return value as ColumnRange;
  return (value.flat() as CellValue[]).map((cell) => [cell]);
}

/** A table argument (policy, curve) as rows of two cells; blank rows are left out. */
export function pairsOf(value: unknown, name: string): Array<[CellValue, CellValue]> {
  const rows = asMatrix(value);
  const pairs: Array<[CellValue, CellValue]> = [];
  for (const row of rows) {
    if (row.every((cell) => isBlank(cell as CellValue))) continue;
    if (row.length < 2) fail('argumentTwoColumns', { name });
    pairs.push([row[0] as CellValue, row[1] as CellValue]);
  }
  return pairs;
}

/** The shape a spill takes: the range's, or 1×1 for a single value. */
export function shapeOf(value: unknown): { rows: number; columns: number } {
  if (!isMatrix(value)) return { rows: 1, columns: 1 };
  return { rows: value.length, columns: (value[0] as readonly unknown[] | undefined)?.length ?? 0 };
}

/** A range as rows, a single value as a 1×1 range. */
export function asMatrix(value: unknown): Matrix {
  return isMatrix(value) ? value : [[value]];
}
