// What an account still owes on each of its invoices once its credit notes and unapplied (or
// partly applied) payments are set against them. A payment lettered with invoices (a partial
// lettrage code shared by the payment and its invoices) goes to those invoices first: the
// debtor, or the creditor's books with his agreement, assigned it (Code civil art. 1342-10, first
// paragraph: the debtor says which debt he pays). What is left, and every credit not lettered,
// goes to the debts already due before the others, and among them to the oldest (art. 1342-10,
// second paragraph): the oldest due date first. One rule for the dunning plan (the amount interest
// runs on), the aged balance's expected collection and the cash-in forecast. The plan sets credits
// only against the invoices it chases (penalties run on those alone), the other two against every
// open invoice: the difference is meant, not to be evened out.

import type { DayNumber } from '../primitives/dates';
import type { MinorUnits } from '../primitives/money';

export interface InvoiceToSettle {
  readonly dueDay: DayNumber;
  /** The invoice's open amount, minor units (positive). */
  readonly amount: MinorUnits;
  /** Its partial lettrage code, when it carries one (LedgerItem.partialMatchCode). */
  readonly partialMatchCode?: string | null;
}

/** A credit note or payment: its open amount (≤ 0) and its partial lettrage code, if any. */
export interface CreditToSet {
  readonly amount: MinorUnits;
  readonly partialMatchCode?: string | null;
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
 * of its negative ones (≤ 0), none lettered. Credits go to the invoice with the oldest due date
 * first; invoices due the same day in the order given (the ledger's).
 */
export function setCreditsAgainstOldest(invoices: readonly InvoiceToSettle[], credits: MinorUnits): OwedAfterCredits {
  return setCredits(invoices, [{ amount: credits }]);
}

/** A code as lines carry it; blank is none. */
function codeOf(line: { readonly partialMatchCode?: string | null }): string | null {
  const code = line.partialMatchCode?.trim() ?? '';
  return code === '' ? null : code;
}

/**
 * One account's invoices (positive open items) and credits (negative ones, each with its code).
 * First each lettered credit reduces the invoices carrying its code, the oldest due date first;
 * then what lettered credits have left and the unlettered credits go to every invoice still
 * owing, the oldest due date first (invoices due the same day in the order given).
 */
export function setCredits(invoices: readonly InvoiceToSettle[], credits: readonly CreditToSet[]): OwedAfterCredits {
  const first = setLetteredCredits(invoices, credits);
  const rest = setCreditsAgainstOldestOwed(invoices, first.owed, first.unallocated);
  return { owed: rest.owed, applied: first.applied + rest.applied, creditBalance: rest.creditBalance };
}

/**
 * The first step alone: each lettered credit against the invoices carrying its code, the oldest
 * due date first. `owed` as setCredits gives it; `unallocated` (≥ 0) is what lettered credits
 * have left plus every unlettered credit, for the caller to set against the oldest invoices.
 */
export function setLetteredCredits(
  invoices: readonly InvoiceToSettle[],
  credits: readonly CreditToSet[],
): { owed: MinorUnits[]; applied: MinorUnits; unallocated: MinorUnits } {
  const owed = invoices.map((invoice) => Math.max(invoice.amount, 0));
  // Codes are the user's data: a Map, never an object's keys.
  const lettered = new Map<string, MinorUnits>();
  let unallocated = 0;
  for (const credit of credits) {
    const amount = Math.max(-credit.amount, 0);
    if (amount === 0) continue;
    const code = codeOf(credit);
    if (code === null) unallocated += amount;
    else lettered.set(code, (lettered.get(code) ?? 0) + amount);
  }
  let applied = 0;
  if (lettered.size > 0) {
    for (const index of oldestFirst(invoices)) {
      const code = codeOf(invoices[index] as InvoiceToSettle);
      if (code === null) continue;
      const left = lettered.get(code);
      if (left === undefined || left <= 0) continue;
      const taken = Math.min(left, owed[index] as number);
      owed[index] = (owed[index] as number) - taken;
      lettered.set(code, left - taken);
      applied += taken;
    }
    for (const left of lettered.values()) unallocated += left;
  }
  return { owed, applied, unallocated };
}

/** Invoice indexes by due date, the oldest first; the same day in the order given. */
function oldestFirst(invoices: readonly InvoiceToSettle[]): number[] {
  const order = invoices.map((_, index) => index);
  order.sort((a, b) => (invoices[a] as InvoiceToSettle).dueDay - (invoices[b] as InvoiceToSettle).dueDay || a - b);
  return order;
}

/** `credit` (≥ 0) against what each invoice still owes (`owed`, in the invoices' order), the oldest due date first. */
function setCreditsAgainstOldestOwed(
  invoices: readonly InvoiceToSettle[],
  owedBefore: readonly MinorUnits[],
  credit: MinorUnits,
): OwedAfterCredits {
  const owed = owedBefore.slice();
  let unallocated = credit;
  let applied = 0;
  for (const index of oldestFirst(invoices)) {
    if (unallocated <= 0) break;
    const taken = Math.min(unallocated, owed[index] as number);
    owed[index] = (owed[index] as number) - taken;
    unallocated -= taken;
    applied += taken;
  }
  return { owed, applied, creditBalance: unallocated === 0 ? 0 : -unallocated };
}
