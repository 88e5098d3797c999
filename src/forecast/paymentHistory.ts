// Where the payment history comes from: the settled lines of a ledger that keeps them (a
// paid-date column), or a sheet of paid invoices. A line paid after the as-of date was still
// open on it, so the same ledger can be replayed at any past date.

import {
  COLUMN_LABELS,
  type ColumnRole,
  type DateOrder,
  dateReadOptionsOf,
  decideDateColumns,
  detectColumns,
  type LedgerItem,
  type SkippedLedgerRow,
} from '../ledger/ledger';
import { dueDateFromTerms, parsePaymentTerms } from '../ledger/terms';
import { type CellValue, isBlank, readCustomer, readDate, readFlag, readText } from '../primitives/cells';
import type { DayNumber, SerialSystem } from '../primitives/dates';
import { AgeBucketError, fail } from '../primitives/messages';
import type { CashInInvoice } from './cashInForecast';
import type { SettledInvoice } from './payerHabits';

export interface LedgerAtAsOf {
  /** Lines paid on or before the as-of date. */
  readonly settled: SettledInvoice[];
  /** Lines unpaid on the as-of date (no paid date, or a later one). */
  readonly open: CashInInvoice[];
  /** Lines issued after the as-of date: not yet open on it. */
  readonly issuedLater: number;
}

/** Splits a ledger's lines into the history (paid by the as-of date) and what was still open. */
export function ledgerAtAsOf(items: readonly LedgerItem[], asOf: DayNumber): LedgerAtAsOf {
  const settled: SettledInvoice[] = [];
  const open: CashInInvoice[] = [];
  let issuedLater = 0;
  for (const item of items) {
    if (item.invoiceDay !== null && item.invoiceDay > asOf) {
      issuedLater++;
      continue;
    }
    const paidDay = item.paidDay ?? null;
    if (paidDay !== null && paidDay <= asOf) {
      settled.push({ customer: item.customer, dueDay: item.dueDay, paidDay, disputed: item.disputed });
      continue;
    }
    open.push({
      customer: item.customer,
      invoiceNumber: item.invoiceNumber,
      dueDay: item.dueDay,
      amount: item.amount,
      currency: item.currency,
      disputed: item.disputed,
    });
  }
  return { settled, open, issuedLater };
}

export interface PaymentHistorySheet {
  readonly settled: SettledInvoice[];
  readonly skipped: SkippedLedgerRow[];
  /** Lines with no paid date (still open): not history. */
  readonly unpaid: number;
}

/**
 * A sheet of paid invoices (header row first): customer, due date (or invoice date and terms),
 * paid date, and optionally disputed. Only lines paid by the as-of date are history.
 */
export function readPaymentHistory(
  values: readonly (readonly CellValue[])[],
  asOf: DayNumber,
  options: {
    readonly serialSystem: SerialSystem;
    readonly monthFirstColumns?: readonly ColumnRole[];
    readonly dayFirstColumns?: readonly ColumnRole[];
    readonly localeDateOrder?: DateOrder;
  },
): PaymentHistorySheet {
  const mapping = detectColumns(values[0] ?? []);
  const missing: ColumnRole[] = [];
  if (mapping.customer === undefined && mapping.customerCode === undefined) missing.push('customer');
  if (mapping.dueDate === undefined && (mapping.invoiceDate === undefined || mapping.terms === undefined))
    missing.push('dueDate');
  if (mapping.paidDate === undefined) missing.push('paidDate');
  if (missing.length > 0)
    fail('paymentHistoryColumnsMissing', {
      roles: missing.map((role) => COLUMN_LABELS.en[role]).join(', '),
      colonnes: missing.map((role) => COLUMN_LABELS.fr[role]).join(', '),
    });
  const settled: SettledInvoice[] = [];
  const skipped: SkippedLedgerRow[] = [];
  let unpaid = 0;
  // Each date column is read one way as a whole, and the file's columns in one order, as the ledger's are.
  const readings = decideDateColumns(
    values,
    (['paidDate', 'dueDate', 'invoiceDate'] as const).flatMap((role) => {
      const column = mapping[role];
      return column === undefined ? [] : [{ role, column }];
    }),
    options,
  );
  const dateOptions = (role: ColumnRole) =>
    dateReadOptionsOf(
      readings.find((candidate) => candidate.role === role),
      options.serialSystem,
    );
  const paidDateOptions = dateOptions('paidDate');
  const dueDateOptions = dateOptions('dueDate');
  const invoiceDateOptions = dateOptions('invoiceDate');
  for (let index = 1; index < values.length; index++) {
    const cells = values[index] as readonly CellValue[];
    const cell = (column: number | undefined): CellValue => (column === undefined ? null : cells[column]);
    if (cells.every((value) => isBlank(value))) continue;
    try {
      const paidDay = readDate(cell(mapping.paidDate), paidDateOptions);
      if (paidDay === null || paidDay > asOf) {
        unpaid++;
        continue;
      }
      const customer = readCustomer(cell(mapping.customer ?? mapping.customerCode));
      if (customer === null) fail('customerBlank');
      let dueDay = readDate(cell(mapping.dueDate), dueDateOptions);
      if (dueDay === null) {
        const invoiceDay = readDate(cell(mapping.invoiceDate), invoiceDateOptions);
        const terms = readText(cell(mapping.terms));
        if (invoiceDay === null || terms === null) fail('dateMissing');
        dueDay = dueDateFromTerms(invoiceDay, parsePaymentTerms(terms));
      }
      settled.push({ customer, dueDay, paidDay, disputed: readFlag(cell(mapping.disputed)) });
    } catch (error) {
      if (!(error instanceof AgeBucketError)) throw error;
      skipped.push({ row: index + 1, error });
    }
  }
  return { settled, skipped, unpaid };
}
