// The French payment-delays table of the management report (Code de commerce, article D441-6,
// in the model of annexe 4-1 fixed by the arrêté of 20 March 2017, JORF n° 0068 of 21 March 2017,
// text n° 17): invoices issued and received, unpaid at the closing date and past due, by bracket
// of delay (section I); or, as the law allows instead, invoices paid late during the year
// (section II). This file counts; paymentDelaysSheet.ts lays the counts out like the model.
//
// The rules, and where they come from:
// - D441-6 I: the number and total amount of invoices unpaid at the closing date whose term has
//   passed, by bracket of delay, as a share of the year's purchases (received) or turnover
//   (issued). D441-6 II: instead, invoices paid late during the year, related to the number and
//   amount of all the invoices of the year. D441-6 III: amounts excluding or including tax, as
//   stated. D441-6 IV: delays from the contractual terms, else the legal ones; invoices excluded
//   because disputed or not recorded are counted apart, number and amount ((B) of the model).
// - A delay is counted in calendar days after the reference due date; the model's brackets are
//   "0 jour (indicatif)", 1-30, 31-60, 61-90, "91 jours et plus" and "Total (1 jour et plus)".
//   Upper bounds are inclusive, as in the aged balance: 30 days is in 1-30, 31 in 31-60.
// - Legal terms (L441-10 I of the Code de commerce): 60 days from the invoice date, or 45 days
//   end of month (invoice date + 45 days, then the month's end: the reading DESIGN.md makes the
//   default for "45 jours fin de mois").
// - An invoice counts once, for what is still unpaid: its open amount, net of partial payments.
// - Credit notes are not invoices: D441-6 counts invoices. A credit note that names the invoice
//   it corrects (CGI art. 289 I-1: a document that modifies an invoice refers to it specifically
//   and unambiguously) reduces that invoice's unpaid amount; one that names none, or an invoice
//   the ledger does not hold open, is listed apart with unapplied payments, never in a bracket.
// - Lines of one account that share a matching code (lettrage: field 14 EcritureLet of the FEC,
//   LPF art. A47 A-1) settle each other: a partial lettrage (a code the ledger marks partial, in
//   lower case by the Sage, EBP and Quadra convention) or a lettrage made after the closing date
//   leaves its lines open on that date, and the payments and credit notes of the group reduce its
//   invoices, the oldest first (Code civil art. 1342-10: among debts equally due, the oldest is
//   paid first). An invoice counts once, for what its group leaves unpaid.
// - Section I is the state at the closing date: a payment or credit note dated after it did not
//   reduce what was owed then; it is listed apart, never in the table.
// - An opening balance (à-nouveau: the balance of an account carried from the last year, which a
//   FEC holds as "écritures de reprise des soldes de l'exercice antérieur", LPF art. A47 A-1) is
//   not an invoice: the invoices it carries and their due dates are in last year's books, and a
//   due date made up from its entry date would put a whole balance in a bracket. What its matched
//   payments leave of it is listed apart, number and amount, under the table, never in a bracket
//   nor in section II's invoices of the year. Only when it is traceable to one invoice (its piece
//   date is before the year's first day: a detailed à-nouveau keeps the invoice's own date and
//   number) and the delays are counted from the legal terms, which need only the invoice date,
//   is it counted as that invoice.

import { customerKey } from '../primitives/cells';
import type { DayNumber } from '../primitives/dates';
import { lastDayOfMonth } from '../primitives/dates';
import type { MinorUnits } from '../primitives/money';

/** The model's brackets: 0 = "0 jour (indicatif)" (not late), then 1-30, 31-60, 61-90, 91+. */
export const BRACKET_COUNT = 5;
export type BracketIndex = 0 | 1 | 2 | 3 | 4;

/** The bracket of a delay in calendar days: ≤ 0 is not late; 30 is in 1-30; 91 in 91+. */
export function delayBracket(daysLate: number): BracketIndex {
  if (daysLate <= 0) return 0;
  if (daysLate <= 30) return 1;
  if (daysLate <= 60) return 2;
  if (daysLate <= 90) return 3;
  return 4;
}

/** Which terms the delays are counted from (D441-6 IV; the model's (C)). */
export type ReferenceTerms = 'contractual' | 'legal60' | 'legal45EndOfMonth';

/** One row of a ledger, as the table needs it. Amounts in minor units. */
export interface DelayItem {
  /** 1-based row of the sheet range (the header is row 1): where to look. */
  readonly row: number;
  /** The customer (issued) or the supplier (received). */
  readonly party: string;
  readonly invoiceNumber: string;
  readonly invoiceDay: DayNumber | null;
  /** The due date the ledger gives (its contractual terms). */
  readonly dueDay: DayNumber;
  /** Still unpaid (net of partial payments); negative for credit notes and unapplied payments. */
  readonly openAmount: MinorUnits;
  /** The invoice's full amount when the ledger has it (section II needs it for paid invoices). */
  readonly invoiceAmount: MinorUnits | null;
  readonly currency: string;
  /**
   * Why it is disputed on the closing date, if it is: the ledger's disputed column, or a dispute
   * the dunning log recorded by then and had not resolved (see src/dunning/memory.ts).
   */
  readonly dispute: 'ledger' | 'log' | null;
  /** When it was paid in full, if the ledger says. */
  readonly paidDay: DayNumber | null;
  /** For a credit note: the number of the invoice it corrects, if the ledger says. */
  readonly settles: string | null;
  /**
   * The matching code (lettrage) of a line still open at the closing date (partly matched, or
   * matched after it): the lines of one party and currency sharing it settle each other.
   */
  readonly matchCode?: string | null;
  /** An opening balance (à-nouveau): the ledger gives no due date of its own. */
  readonly opening?: boolean;
}

export interface PaymentDelaysOptions {
  readonly closingDay: DayNumber;
  /** First day of the financial year (section II counts the year's invoices and payments). */
  readonly yearStartDay: DayNumber;
  readonly terms: ReferenceTerms;
  /** The table's currency: other currencies are listed apart, never added in. */
  readonly currency: string;
}

/** Why an invoice is where it is on the list of counted invoices. */
export type PlacementKind =
  | 'bracket'
  | 'disputed'
  | 'disputedInLog'
  | 'creditApplied'
  | 'matchedApplied'
  | 'creditApart'
  | 'creditAfterClosing'
  | 'otherCurrency'
  | 'afterClosing'
  | 'settled'
  | 'settledByMatch'
  | 'paidInYear'
  | 'openingBalance';

export interface Placement {
  readonly item: DelayItem;
  readonly kind: PlacementKind;
  /** The reference due date the delay was counted from. */
  readonly referenceDueDay: DayNumber | null;
  /** Days late at the closing date (section I) or at payment (section II). */
  readonly daysLate: number | null;
  readonly bracket: BracketIndex | null;
  /** The amount counted: unpaid at closing net of credit notes (I), or the invoice amount (II). */
  readonly amount: MinorUnits;
  /** Section I: what the payments and credit notes matched with the invoice took off it (positive). */
  readonly deducted?: MinorUnits;
  /** Section I, a matched payment or credit note: the invoices it was deducted from. */
  readonly appliedTo?: readonly string[];
}

export interface CountAndAmount {
  count: number;
  amount: MinorUnits;
}

export interface DelaySide {
  /** Index 0..4: the model's brackets. */
  readonly brackets: readonly CountAndAmount[];
  /** "Total (1 jour et plus)": brackets 1 to 4. */
  readonly late: CountAndAmount;
  /** (B): disputed invoices (the ledger's disputed column, or an open dispute in the log). */
  readonly excluded: CountAndAmount;
  /** Credit notes and unapplied payments that name no open invoice: listed apart. */
  readonly creditsApart: CountAndAmount;
  /** Opening balances (à-nouveaux) not traceable to an invoice: listed apart, never in a bracket. */
  readonly openings: CountAndAmount;
  /** Invoices in another currency, per currency: never added to the table. */
  readonly otherCurrencies: ReadonlyMap<string, CountAndAmount>;
  /** Section II only: all the invoices of the year (its denominator). */
  readonly yearInvoices: CountAndAmount;
  /** Every row, with where it went and why. */
  readonly placements: readonly Placement[];
}

const zero = (): CountAndAmount => ({ count: 0, amount: 0 });
const add = (totals: CountAndAmount, amount: MinorUnits): void => {
  totals.count++;
  totals.amount += amount;
};

/**
 * Whether an opening balance is counted as the one invoice it carries: its piece date is before
 * the year (a detailed à-nouveau keeps the invoice's date) and the terms are the legal ones,
 * counted from that date. The contractual due date of last year's invoice is not in the ledger.
 */
export function openingTraced(item: DelayItem, options: PaymentDelaysOptions): boolean {
  return options.terms !== 'contractual' && item.invoiceDay !== null && item.invoiceDay < options.yearStartDay;
}

/** The due date the delay is counted from: the ledger's, or the legal one from the invoice date. */
export function referenceDueDay(item: DelayItem, terms: ReferenceTerms): DayNumber | null {
  if (terms === 'contractual') return item.dueDay;
  if (item.invoiceDay === null) return null;
  return terms === 'legal60' ? item.invoiceDay + 60 : lastDayOfMonth(item.invoiceDay + 45);
}

/**
 * What the credit lines (payments, credit notes) take off the invoices at the closing date. First
 * the lines of a matching group: its payments and credit notes, oldest first, go to its invoices,
 * oldest first (Code civil art. 1342-10). Then a credit note that names an open invoice of the
 * same party and currency reduces it. Never below zero; what is left of a line is listed apart.
 * A line dated after the closing date takes nothing off: it did not exist on that day.
 */
function applyCredits(
  items: readonly DelayItem[],
  closingDay: DayNumber,
): { unpaid: Map<DelayItem, MinorUnits>; deducted: Map<DelayItem, MinorUnits>; credits: Placement[] } {
  const unpaid = new Map<DelayItem, MinorUnits>();
  const deducted = new Map<DelayItem, MinorUnits>();
  const byNumber = new Map<string, DelayItem>();
  const groups = new Map<string, { invoices: DelayItem[]; credits: DelayItem[] }>();
  const groupOf = (item: DelayItem) => {
    const code = item.matchCode ?? null;
    if (code === null || code === '') return null;
    const key = `${customerKey(item.party)}\u0000${item.currency}\u0000${code}`;
    let group = groups.get(key);
    if (!group) {
      group = { invoices: [], credits: [] };
      groups.set(key, group);
    }
    return group;
  };
  for (const item of items) {
    if (item.openAmount <= 0) continue;
    unpaid.set(item, item.openAmount);
    groupOf(item)?.invoices.push(item);
    if (item.invoiceNumber !== '')
      byNumber.set(`${customerKey(item.party)}\u0000${item.currency}\u0000${item.invoiceNumber}`, item);
  }
  const afterClosing = (item: DelayItem) => item.invoiceDay !== null && item.invoiceDay > closingDay;
  const credits: Placement[] = [];
  // What each credit line has left, and the invoices it went to.
  const left = new Map<DelayItem, MinorUnits>();
  const appliedTo = new Map<DelayItem, string[]>();
  const take = (credit: DelayItem, invoice: DelayItem) => {
    const open = unpaid.get(invoice) ?? 0;
    const applied = Math.min(open, left.get(credit) ?? 0);
    if (applied <= 0) return;
    unpaid.set(invoice, open - applied);
    deducted.set(invoice, (deducted.get(invoice) ?? 0) + applied);
    left.set(credit, (left.get(credit) ?? 0) - applied);
    const names = appliedTo.get(credit) ?? [];
    if (!names.includes(invoice.invoiceNumber)) names.push(invoice.invoiceNumber);
    appliedTo.set(credit, names);
  };
  for (const item of items) {
    if (item.openAmount >= 0) continue;
    if (!afterClosing(item)) {
      left.set(item, -item.openAmount);
      groupOf(item)?.credits.push(item);
    }
  }
  const byAge = (a: DelayItem, b: DelayItem) => (a.invoiceDay ?? 0) - (b.invoiceDay ?? 0) || a.row - b.row;
  for (const group of groups.values()) {
    const invoices = group.invoices.filter((invoice) => !afterClosing(invoice)).sort(byAge);
    for (const credit of [...group.credits].sort(byAge)) for (const invoice of invoices) take(credit, invoice);
  }
  const matched = new Set(appliedTo.keys());
  for (const item of items) {
    if (item.openAmount >= 0) continue;
    if (afterClosing(item)) {
      credits.push({
        item,
        kind: 'creditAfterClosing',
        referenceDueDay: null,
        daysLate: null,
        bracket: null,
        amount: item.openAmount,
      });
      continue;
    }
    const target =
      item.settles === null ? undefined : byNumber.get(`${customerKey(item.party)}\u0000${item.currency}\u0000${item.settles}`);
    if (target !== undefined) take(item, target);
    const rest = -(left.get(item) ?? 0);
    const names = appliedTo.get(item) ?? [];
    const kind: PlacementKind =
      rest !== 0 ? 'creditApart' : matched.has(item) && names.length > 0 ? 'matchedApplied' : 'creditApplied';
    credits.push({
      item,
      kind,
      referenceDueDay: null,
      daysLate: null,
      bracket: null,
      amount: rest === 0 ? item.openAmount : rest,
      ...(names.length > 0 ? { appliedTo: names } : {}),
    });
  }
  return { unpaid, deducted, credits };
}

/** Section I: invoices unpaid at the closing date, by bracket of delay at that date. */
export function unpaidAtClosing(items: readonly DelayItem[], options: PaymentDelaysOptions): DelaySide {
  const brackets = Array.from({ length: BRACKET_COUNT }, zero);
  const late = zero();
  const excluded = zero();
  const creditsApart = zero();
  const openings = zero();
  const otherCurrencies = new Map<string, CountAndAmount>();
  const placements: Placement[] = [];
  const inTable = items.filter((item) => item.currency === options.currency);
  for (const item of items) {
    if (item.currency === options.currency) continue;
    const totals = otherCurrencies.get(item.currency) ?? zero();
    otherCurrencies.set(item.currency, totals);
    if (item.openAmount > 0) add(totals, item.openAmount);
    placements.push(place(item, 'otherCurrency', null, item.openAmount));
  }
  const { unpaid, deducted, credits } = applyCredits(inTable, options.closingDay);
  for (const credit of credits) {
    placements.push(credit);
    if (credit.kind === 'creditApart') add(creditsApart, credit.amount);
  }
  for (const item of inTable) {
    if (item.openAmount < 0) continue;
    const amount = unpaid.get(item) ?? 0;
    if (item.invoiceDay !== null && item.invoiceDay > options.closingDay) {
      placements.push(place(item, 'afterClosing', null, amount));
      continue;
    }
    const less = deducted.get(item);
    const netted = less === undefined ? {} : { deducted: less };
    if (amount === 0) {
      placements.push({ ...place(item, (item.matchCode ?? null) !== null ? 'settledByMatch' : 'settled', null, 0), ...netted });
      continue;
    }
    if (item.opening === true && !openingTraced(item, options)) {
      add(openings, amount);
      placements.push({ ...place(item, 'openingBalance', null, amount), ...netted });
      continue;
    }
    const due = referenceDueDay(item, options.terms);
    const daysLate = due === null ? null : options.closingDay - due;
    if (item.dispute !== null) {
      add(excluded, amount);
      placements.push({
        ...place(item, item.dispute === 'ledger' ? 'disputed' : 'disputedInLog', due, amount),
        daysLate,
        bracket: daysLate === null ? null : delayBracket(daysLate),
        ...netted,
      });
      continue;
    }
    // The command refuses items without a reference due date before they get here.
    if (due === null || daysLate === null) continue;
    const bracket = delayBracket(daysLate);
    add(brackets[bracket] as CountAndAmount, amount);
    if (bracket > 0) add(late, amount);
    placements.push({ item, kind: 'bracket', referenceDueDay: due, daysLate, bracket, amount, ...netted });
  }
  return { brackets, late, excluded, creditsApart, openings, otherCurrencies, yearInvoices: zero(), placements };
}

/**
 * Section II: invoices paid during the year, by bracket of delay at payment, against all the
 * invoices dated in the year. A paid invoice counts for its full amount.
 */
export function paidDuringYear(items: readonly DelayItem[], options: PaymentDelaysOptions): DelaySide {
  const brackets = Array.from({ length: BRACKET_COUNT }, zero);
  const late = zero();
  const excluded = zero();
  const creditsApart = zero();
  const openings = zero();
  const yearInvoices = zero();
  const otherCurrencies = new Map<string, CountAndAmount>();
  const placements: Placement[] = [];
  const inYear = (day: DayNumber | null) => day !== null && day >= options.yearStartDay && day <= options.closingDay;
  for (const item of items) {
    const full = item.invoiceAmount ?? item.openAmount;
    if (item.currency !== options.currency) {
      const totals = otherCurrencies.get(item.currency) ?? zero();
      otherCurrencies.set(item.currency, totals);
      if (full > 0) add(totals, full);
      placements.push(place(item, 'otherCurrency', null, full));
      continue;
    }
    if (full < 0) {
      add(creditsApart, full);
      placements.push(place(item, 'creditApart', null, full));
      continue;
    }
    // Not an invoice of the year: listed apart when paid in it, never in the year's invoices.
    if (item.opening === true && !openingTraced(item, options)) {
      if (inYear(item.paidDay)) {
        add(openings, full);
        placements.push(place(item, 'openingBalance', null, full));
      }
      continue;
    }
    if (inYear(item.invoiceDay)) add(yearInvoices, full);
    if (!inYear(item.paidDay)) continue;
    const due = referenceDueDay(item, options.terms);
    const daysLate = due === null || item.paidDay === null ? null : item.paidDay - due;
    if (item.dispute !== null) {
      add(excluded, full);
      placements.push({
        ...place(item, item.dispute === 'ledger' ? 'disputed' : 'disputedInLog', due, full),
        daysLate,
        bracket: daysLate === null ? null : delayBracket(daysLate),
      });
      continue;
    }
    if (due === null || daysLate === null) continue;
    const bracket = delayBracket(daysLate);
    add(brackets[bracket] as CountAndAmount, full);
    if (bracket > 0) add(late, full);
    placements.push({ item, kind: 'paidInYear', referenceDueDay: due, daysLate, bracket, amount: full });
  }
  return { brackets, late, excluded, creditsApart, openings, otherCurrencies, yearInvoices, placements };
}

function place(item: DelayItem, kind: PlacementKind, referenceDueDay: DayNumber | null, amount: MinorUnits): Placement {
  return { item, kind, referenceDueDay, daysLate: null, bracket: null, amount };
}

/** An amount as a share of a base (turnover, purchases, the year's invoices); null without a base. */
export function shareOf(amount: number, base: number | null): number | null {
  return base === null || base <= 0 ? null : amount / base;
}
