// EXPECTEDPAYDATE(customer, due_date, history, [as_of], [percentile], [disputed]): when each
// open invoice is likely to be paid, learnt from a range of paid invoices (customer, due date,
// paid date, optionally disputed). The history is strict, like AGEDBALANCE: a row that cannot
// be read fails the call and names its row, because a forecast that silently drops history is
// worse than none.

import { delayDistribution, paymentDayAt } from '../forecast/expectedPayment';
import { learnPayerHabits, type SettledInvoice } from '../forecast/payerHabits';
import { type CellValue, isBlank, readCustomer, readDate, readFlag, readNumber, readText } from '../primitives/cells';
import { AgeBucketError, fail, formatMessage } from '../primitives/messages';
import { asMatrix, isOmitted, readAsOf, singleCell } from './arguments';
import type { HostContext } from './context';
import { spill } from './spill';

/** The first row is a header when its two date cells hold text that is not a date. */
function isHeaderRow(row: readonly CellValue[], context: HostContext): boolean {
  const notADate = (cell: CellValue) => {
    if (typeof cell !== 'string' || isBlank(cell)) return false;
    try {
      readDate(cell, context);
      return false;
    } catch {
      return true;
    }
  };
  return notADate(row[1]) && notADate(row[2]);
}

/** The history range's paid invoices up to the as-of date. */
export function readHistoryRange(history: unknown, asOf: number, context: HostContext): SettledInvoice[] {
  const rows = asMatrix(history) as CellValue[][];
  const width = rows[0]?.length ?? 0;
  if (width !== 3 && width !== 4) fail('historyColumns');
  const settled: SettledInvoice[] = [];
  rows.forEach((row, index) => {
    if (row.every((cell) => isBlank(cell))) return;
    if (index === 0 && isHeaderRow(row, context)) return;
    try {
      const paidDay = readDate(row[2], context);
      // An invoice not yet paid, or paid after the as-of date, is not history at that date.
      if (paidDay === null || paidDay > asOf) return;
      const customer = readCustomer(row[0]);
      if (customer === null) fail('customerBlank');
      const dueDay = readDate(row[1], context);
      if (dueDay === null) fail('dateMissing');
      settled.push({ customer, dueDay, paidDay, disputed: width === 4 && readFlag(row[3]) });
    } catch (error) {
      if (error instanceof AgeBucketError) throw new AgeBucketError('historyRowUnreadable', { row: index + 1 }, undefined, error);
      throw error;
    }
  });
  if (settled.length === 0) fail('historyEmpty');
  return settled;
}

function readPercentile(value: unknown): number {
  if (isOmitted(value)) return 0.5;
  const cell = singleCell(value, 'percentile');
  if (isBlank(cell)) return 0.5;
  let share: number | null;
  try {
    share = readNumber(cell);
  } catch {
    share = null;
  }
  if (share === null || !(share > 0 && share < 1)) fail('percentileInvalid', { value: String(readText(cell)) });
  return share;
}

export function expectedPayDateFunction(
  customer: unknown,
  dueDate: unknown,
  history: unknown,
  asOf: unknown,
  percentile: unknown,
  disputed: unknown,
  context: HostContext,
): unknown[][] {
  const asOfDay = readAsOf(asOf, context);
  const share = readPercentile(percentile);
  const model = learnPayerHabits(readHistoryRange(history, asOfDay, context));
  const beyond = formatMessage('beyondPaymentHistory', {}, 'en');
  return spill(
    [
      { name: 'customer', value: customer, blankGivesBlank: true },
      { name: 'due_date', value: dueDate, blankGivesBlank: true },
      { name: 'disputed', value: isOmitted(disputed) ? null : disputed, blankGivesBlank: false },
    ],
    context,
    ([who, due, inDispute]) => {
      const invoice = {
        customer: readCustomer(who) ?? '',
        dueDay: readDate(due, context) as number,
        disputed: readFlag(inDispute),
      };
      const day = paymentDayAt(delayDistribution(model, invoice), invoice.dueDay, asOfDay, share);
      return day === null ? context.cellError(beyond) : context.dateResult(day);
    },
  );
}
