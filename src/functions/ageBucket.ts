// AGEBUCKET(due_date, [as_of], [boundaries], [labels], [paid_date]): the ageing bucket of each
// due date; "Paid" ("Réglé") for an invoice paid on or before the as-of date.

import { bucketIndex } from '../ageing/ageing';
import { type CellValue, isBlank, readDate } from '../primitives/cells';
import { AgeBucketError, formatMessage } from '../primitives/messages';
import { isOmitted, readAsOf, readBuckets } from './arguments';
import { type HostContext, isMatrix, type Matrix } from './context';
import { spill } from './spill';

const FIRST_TRUE_SERIAL = 61; // 1900-03-01: from here Excel and Sheets serials count real days
const MAX_SERIAL = 2958465;
const SERIAL_OF_EPOCH = 25569;
/** Boundaries up to this many days get a lookup table (a few hundred kB at most). */
const MAX_TABLE = 100_000;

export function ageBucketFunction(
  dueDate: unknown,
  asOf: unknown,
  boundaries: unknown,
  labels: unknown,
  context: HostContext,
  paidDate?: unknown,
): unknown {
  const { boundaries: bounds, labels: names } = readBuckets(boundaries, labels, context.language);
  if (!isOmitted(paidDate)) {
    // A paid invoice is in no bucket: it is settled. An unreadable paid date is that cell's error.
    const paid = formatMessage('bucketPaid', {}, context.language);
    return spill(
      [
        { name: 'due_date', value: dueDate, blankGivesBlank: true },
        { name: 'as_of', value: isOmitted(asOf) ? null : asOf, blankGivesBlank: false },
        { name: 'paid_date', value: paidDate, blankGivesBlank: false },
      ],
      context,
      ([due, at, paidCell]) => {
        const asOfDay = readAsOf(at, context);
        const paidDay = readDate(paidCell, context);
        if (paidDay !== null && paidDay <= asOfDay) return paid;
        return names[bucketIndex(asOfDay - (readDate(due, context) as number), bounds)];
      },
    );
  }
  if (isMatrix(asOf) && asOf.flat().length > 1) {
    // One as-of date per cell: the general spill, no fast path.
    return spill(
      [
        { name: 'due_date', value: dueDate, blankGivesBlank: true },
        { name: 'as_of', value: asOf, blankGivesBlank: false },
      ],
      context,
      ([due, at]) => names[bucketIndex(readAsOf(at, context) - (readDate(due, context) as number), bounds)],
    );
  }
  const asOfDay = readAsOf(asOf, context);
  // Days overdue of serial s is asOfSerial − s for every serial that counts real days. 1904
  // serials count from another day: none of them takes the fast way.
  const asOfSerial = asOfDay + SERIAL_OF_EPOCH;
  const [firstFast, lastFast] =
    context.serialSystem === 'excel1904' ? [Number.POSITIVE_INFINITY, 0] : [FIRST_TRUE_SERIAL, MAX_SERIAL];
  const slowCell = (cell: CellValue): unknown => {
    if (isBlank(cell)) return '';
    try {
      return names[bucketIndex(asOfDay - (readDate(cell, context) as number), bounds)];
    } catch (error) {
      if (error instanceof AgeBucketError) return context.cellError(error.message);
      throw error;
    }
  };
  if (!isMatrix(dueDate)) return slowCell(dueDate as CellValue);
  // A spill of one column holds a handful of different labels however long it is: each label's
  // row is built once and shared by every row that shows it. The host only reads the result out
  // (Excel serialises it, Apps Script copies it into the sheet), so shared rows and copies look
  // the same there, and a million-row spill allocates five rows instead of a million. Not
  // frozen: a host that rewrote its result's cells in place would fail on a frozen row.
  const labelRows = names.map((name): LabelRow => [name]);
  const last = bounds[bounds.length - 1] as number;
  // The row by days overdue from a table up to the last boundary: one load instead of a search.
  const table =
    last <= MAX_TABLE ? Array.from({ length: last + 1 }, (_, days) => labelRows[bucketIndex(days, bounds)] as LabelRow) : null;
  return labelSerials(dueDate, asOfSerial, firstFast, lastFast, names, labelRows, bounds, table, slowCell);
}

type LabelRow = readonly [string];

/**
 * The loop over a million cells, apart from the function above and over built-in types only:
 * V8's optimised code for it then survives a garbage collection between two recalculations,
 * where code specialised on one call's closures would be thrown away and warmed up again.
 * The lookup is written out twice below: through a closure it cost a fifth more. A one-cell
 * row gets its label's shared row; a wider row is built, since its cells differ.
 */
function labelSerials(
  dueDate: Matrix,
  asOfSerial: number,
  firstFast: number,
  lastFast: number,
  names: readonly string[],
  labelRows: readonly LabelRow[],
  bounds: readonly number[],
  table: readonly LabelRow[] | null,
  slowCell: (cell: CellValue) => unknown,
): (readonly unknown[])[] {
  const last = bounds[bounds.length - 1] as number;
  const notDue = names[0] as string;
  const oldest = names[names.length - 1] as string;
  const notDueRow = labelRows[0] as LabelRow;
  const oldestRow = labelRows[labelRows.length - 1] as LabelRow;
  const rows = dueDate.length;
  const out: (readonly unknown[])[] = new Array(rows);
  for (let r = 0; r < rows; r++) {
    const input = dueDate[r] as readonly CellValue[];
    const columns = input.length;
    if (columns === 1) {
      const cell = input[0];
      if (typeof cell === 'number' && cell >= firstFast && cell <= lastFast) {
        const days = asOfSerial - Math.floor(cell);
        out[r] =
          days <= 0
            ? notDueRow
            : days > last
              ? oldestRow
              : table
                ? (table[days] as LabelRow)
                : (labelRows[bucketIndex(days, bounds)] as LabelRow);
      } else out[r] = [slowCell(cell)];
      continue;
    }
    const row: unknown[] = new Array(columns);
    for (let c = 0; c < columns; c++) {
      const cell = input[c];
      if (typeof cell === 'number' && cell >= firstFast && cell <= lastFast) {
        const days = asOfSerial - Math.floor(cell);
        row[c] =
          days <= 0 ? notDue : days > last ? oldest : table ? (table[days] as LabelRow)[0] : names[bucketIndex(days, bounds)];
      } else row[c] = slowCell(cell);
    }
    out[r] = row;
  }
  return out;
}
