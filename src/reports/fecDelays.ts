// Section II of the payment-delays table from a FEC's matching (lettrage): every invoice line of
// a customer (411) or supplier (401) account, with the day it was paid when its matching code
// closed it. A FEC says which lines settle each other (one code per account), not which payment
// paid which invoice: within a code, the payments go to the oldest invoices first, the rule the
// Code civil gives when nothing else says (article 1342-10: among debts equally due, the oldest),
// and an invoice is paid on the day of the payment line that completes it (its EcritureDate: when
// the money moved; DateLet is only when the accountant matched the lines).

import type { FecAccountLine, FecReading, FecSide } from '../ledger/fec';
import { dueDateFromTerms, parsePaymentTerms } from '../ledger/terms';
import type { DayNumber } from '../primitives/dates';
import type { DelayItem } from './paymentDelays';

/**
 * The invoices of one side of a FEC as the table's items: open ones (unmatched, partly matched,
 * or matched after the FEC was read) unpaid; matched ones with their paid day. Payments and
 * credit notes are not invoices: they only date the invoices they settle.
 */
export function fecDelayItems(fec: FecReading, termsText: string, side: FecSide): DelayItem[] {
  const terms = parsePaymentTerms(termsText);
  // A customer's invoice is a debit of its account; a supplier's, a credit.
  const sign = side === 'customer' ? 1 : -1;
  const items: DelayItem[] = [];
  const item = (line: FecAccountLine, paidDay: DayNumber | null, open: boolean): DelayItem => ({
    row: line.line,
    party: line.name || line.code,
    invoiceNumber: line.pieceRef,
    invoiceDay: line.pieceDay,
    // A FEC has no due dates: the terms given at import, from the invoice's date.
    dueDay: dueDateFromTerms(line.pieceDay, terms),
    openAmount: open ? sign * line.amount : 0,
    invoiceAmount: sign * line.amount,
    currency: line.currency,
    dispute: null,
    paidDay,
    settles: null,
    // An à-nouveau dated on the year's first day carries a balance, not an invoice: no due date
    // of its own (see paymentDelays.ts). One that keeps its invoice's earlier date is that invoice,
    // due by the same terms as the others.
    opening: line.opening === true && line.pieceDay >= line.entryDay,
  });
  for (const line of side === 'customer' ? fec.receivables : fec.payables) {
    if (sign * line.amount > 0) items.push(item(line, null, true));
  }
  // Lines of one account, currency and matching code settle each other.
  const groups = new Map<string, FecAccountLine[]>();
  for (const line of fec.settled) {
    if (line.side !== side || line.matchCode === null) continue;
    const key = `${line.code}\u0000${line.currency}\u0000${line.matchCode}`;
    const group = groups.get(key);
    if (group) group.push(line);
    else groups.set(key, [line]);
  }
  for (const group of groups.values()) {
    const invoices = group.filter((line) => sign * line.amount > 0).sort((a, b) => a.pieceDay - b.pieceDay || a.line - b.line);
    const payments = group.filter((line) => sign * line.amount < 0).sort((a, b) => a.entryDay - b.entryDay || a.line - b.line);
    let next = 0;
    // What is left of the payment being used.
    let left = 0;
    let lastDay: DayNumber | null = null;
    for (const invoice of invoices) {
      let owed = sign * invoice.amount;
      while (owed > 0 && (left > 0 || next < payments.length)) {
        if (left === 0) {
          const payment = payments[next++] as FecAccountLine;
          left = -sign * payment.amount;
          lastDay = payment.entryDay;
        }
        const used = Math.min(owed, left);
        owed -= used;
        left -= used;
      }
      // A full match balances; should one not, the invoice was closed by its last line, or on
      // the matching date when the code joins no payment (an invoice matched with itself).
      const lastPayment = payments[payments.length - 1];
      const paidDay = owed === 0 ? lastDay : (lastPayment?.entryDay ?? invoice.matchDay);
      items.push(item(invoice, paidDay, false));
    }
  }
  return items.sort((a, b) => a.row - b.row);
}
