// What an account still owes on each of its invoices once its credit notes and unapplied (or
// partly applied) payments are set against them: the oldest due date first. A payment the debtor
// did not assign goes to the debts already due before the others, and among them to the oldest
// (Code civil art. 1342-10). One rule for the dunning plan (the amount interest runs on), the aged
// balance's expected collection and the cash-in forecast, so the three never disagree on what an
// invoice still owes.

import type { DayNumber } from '../primitives/dates';
import type { MinorUnits } from '../primitives/money';

export interface InvoiceToSettle {
  readonly dueDay: DayNumber;
  /** The invoice's open amount, minor units (positive). */
  readonly amount: MinorUnits;
}

export interface OwedAfterCredits {
  /** What is still owed on each invoice, in the order the invoices were given; never below 0. */
  readonly owed: MinorUnits[];
  /** Credits set against the invoices, minor units (≥ 0). */
  readonly applied: MinorUnits;
  /** What the credits exceed the invoices by (≤ 0): the account's credit balance, owed to the customer. */
  readonly creditBalance: MinorUnits;
}

/**
 * `invoices` are one account's (customer and currency) positive open items; `credits` is the sum
 * of its negative ones (≤ 0). Credits go to the invoice with the oldest due date first; invoices
 * due the same day in the order given (the ledger's).
 */
export function setCreditsAgainstOldest(invoices: readonly InvoiceToSettle[], credits: MinorUnits): OwedAfterCredits {
  const owed = invoices.map((invoice) => Math.max(invoice.amount, 0));
  let unallocated = Math.max(-credits, 0);
  const order = invoices.map((_, index) => index);
  order.sort((a, b) => (invoices[a] as InvoiceToSettle).dueDay - (invoices[b] as InvoiceToSettle).dueDay || a - b);
  let applied = 0;
  for (const index of order) {
    if (unallocated <= 0) break;
    const taken = Math.min(unallocated, owed[index] as number);
    owed[index] = (owed[index] as number) - taken;
    unallocated -= taken;
    applied += taken;
  }
  return { owed, applied, creditBalance: unallocated === 0 ? 0 : -unallocated };
}
