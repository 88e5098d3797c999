// Payment history from a FEC: a customer invoice matched (lettrée) with its payments was paid
// on the day of the last payment line carrying the same matching code (the bank entry's date),
// which is when the cash came in; the matching date (DateLet) is only when the accountant
// matched them, and stands in when no payment line is found. A FEC has no due dates: they come
// from the invoice's date and the terms the import asked for, as for the open items.

import type { SheetCell, SheetLayout } from '../ageing/agedBalanceSheet';
import type { FecReading } from '../ledger/fec';
import { dueDateFromTerms, parsePaymentTerms } from '../ledger/terms';
import { customerKey } from '../primitives/cells';
import { type DayNumber, excelSerialFromDay } from '../primitives/dates';
import type { Language } from '../primitives/messages';
import { amountFromMinor, type MinorUnits } from '../primitives/money';
import type { SettledInvoice } from './payerHabits';

/** A paid invoice with what the sheet of paid invoices shows of it. */
export interface PaidInvoice extends SettledInvoice {
  readonly invoiceNumber: string;
  /** Null when the ledger it came from has no invoice dates. */
  readonly invoiceDay: DayNumber | null;
  readonly amount: MinorUnits;
  readonly currency: string;
}

/** A paid invoice of a FEC: its invoice date is the piece's. */
export interface FecPaidInvoice extends PaidInvoice {
  readonly invoiceDay: DayNumber;
}

export function fecPaymentHistory(fec: FecReading, termsText: string): FecPaidInvoice[] {
  const terms = parsePaymentTerms(termsText);
  // Lines of one customer account sharing a matching code settle each other.
  const groups = new Map<string, { invoices: FecReading['settled']; lastPayment: number | null }>();
  for (const line of fec.settled) {
    if (line.side !== 'customer' || line.matchCode === null) continue;
    const key = `${line.code}\u0000${line.matchCode}`;
    let group = groups.get(key);
    if (group === undefined) {
      group = { invoices: [], lastPayment: null };
      groups.set(key, group);
    }
    if (line.amount > 0) group.invoices.push(line);
    else if (line.amount < 0 && (group.lastPayment === null || line.entryDay > group.lastPayment))
      group.lastPayment = line.entryDay;
  }
  const history: FecPaidInvoice[] = [];
  for (const { invoices, lastPayment } of groups.values()) {
    for (const invoice of invoices) {
      const paidDay = lastPayment ?? invoice.matchDay;
      if (paidDay === null) continue;
      history.push({
        // The customer as the import names it on the open items' sheet, so both meet.
        customer: customerKey(invoice.name || invoice.code),
        dueDay: dueDateFromTerms(invoice.pieceDay, terms),
        paidDay,
        disputed: false,
        invoiceNumber: invoice.pieceRef,
        invoiceDay: invoice.pieceDay,
        amount: invoice.amount,
        currency: invoice.currency,
      });
    }
  }
  return history;
}

const HEADERS: Record<Language, readonly string[]> = {
  en: ['Customer', 'Invoice', 'Invoice date', 'Due date', 'Paid date', 'Amount', 'Currency'],
  fr: ['Client', 'N° facture', 'Date facture', 'Échéance', 'Date de règlement', 'Montant', 'Devise'],
};
// Disputed invoices are modelled apart: the column is written when any paid invoice was disputed.
const DISPUTED: Record<Language, { readonly header: string; readonly yes: string }> = {
  en: { header: 'Disputed', yes: 'Yes' },
  fr: { header: 'Litige', yes: 'Oui' },
};

/**
 * The paid invoices as a sheet whose headers the history reader finds (customer, due date,
 * paid date), so the cash-in forecast can learn from it as from any sheet of paid invoices.
 */
export function paidInvoicesSheet(history: readonly PaidInvoice[], language: Language): SheetLayout {
  const disputed = history.some((paid) => paid.disputed);
  const rows: SheetCell[][] = [[...HEADERS[language], ...(disputed ? [DISPUTED[language].header] : [])]];
  for (const paid of history)
    rows.push([
      paid.customer,
      paid.invoiceNumber,
      paid.invoiceDay === null ? null : excelSerialFromDay(paid.invoiceDay),
      excelSerialFromDay(paid.dueDay),
      excelSerialFromDay(paid.paidDay),
      amountFromMinor(paid.amount, paid.currency),
      paid.currency,
      ...(disputed ? [paid.disputed ? DISPUTED[language].yes : null] : []),
    ]);
  return {
    rows,
    columnFormats: [
      null,
      null,
      'dd/mm/yyyy',
      'dd/mm/yyyy',
      'dd/mm/yyyy',
      '#,##0.00;[Red]-#,##0.00',
      null,
      ...(disputed ? [null] : []),
    ],
    boldRows: [0],
    cellFormats: [],
    chart: null,
  };
}
