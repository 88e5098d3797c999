// Payment history from a FEC: a customer invoice matched (lettrée) with its payments was paid
// on the day of the last payment line carrying the same matching code (the bank entry's date),
// which is when the cash came in; the matching date (DateLet) is only when the accountant
// matched them, and stands in when no payment line is found. A FEC has no due dates: they come
// from the invoice's date and the terms the import asked for, as for the open items.

import type { FecReading } from '../ledger/fec';
import { dueDateFromTerms, parsePaymentTerms } from '../ledger/terms';
import { customerKey } from '../primitives/cells';
import type { SettledInvoice } from './payerHabits';

export function fecPaymentHistory(fec: FecReading, termsText: string): SettledInvoice[] {
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
  const history: SettledInvoice[] = [];
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
      });
    }
  }
  return history;
}
