// Expected cash-in per week for the next 13 weeks, per currency: what each open invoice still
// owes spread over the weeks by the chance it is paid in each, beside what the due dates alone
// would say. An account's credit notes and unapplied payments are first set against its oldest
// invoices (the rule the dunning plan uses), so the forecast expects what is owed, never an
// invoice's gross amount. Every amount owed lands somewhere, so the weeks reconcile with the
// aged balance's open total, less the credit balances (money owed to customers, not cash-in).

import { setCredits } from '../ledger/owed';
import type { DayNumber } from '../primitives/dates';
import type { MinorUnits } from '../primitives/money';
import {
  delayDistribution,
  type ExpectedPayment,
  expectedPayment,
  type OpenInvoiceToForecast,
  weeklyPaymentProbabilities,
} from './expectedPayment';
import type { PayerModel } from './payerHabits';

export const FORECAST_WEEKS = 13;

export interface CashInInvoice extends OpenInvoiceToForecast {
  readonly invoiceNumber: string;
  /**
   * The line's open amount, minor units; negative for credit notes and unapplied payments, which
   * are set against the account's oldest invoices. In the forecast's `invoices`, what is still owed.
   */
  readonly amount: MinorUnits;
  readonly currency: string;
  /** Its partial lettrage code, when it carries one: a lettered payment goes to its own invoices first. */
  readonly partialMatchCode?: string | null;
}

export interface CashInWeek {
  /** Week 1 is the 7 days after the as-of date; the ledger is taken as it stood that evening. */
  readonly firstDay: DayNumber;
  readonly lastDay: DayNumber;
}

export interface CurrencyCashIn {
  readonly currency: string;
  /** Expected cash-in per week from the payers' habits, minor units. */
  readonly expected: readonly MinorUnits[];
  /** Expected after the 13 weeks. */
  readonly expectedLater: MinorUnits;
  /** Invoices already later than any paid invoice: no forecast is made for them. */
  readonly notForecast: MinorUnits;
  /** The same amounts by due date: what is already overdue counts in week 1. */
  readonly byDueDates: readonly MinorUnits[];
  readonly dueLater: MinorUnits;
  /** Of which overdue on the as-of date. */
  readonly overdue: MinorUnits;
  /** What the invoices still owe once the credits are set against them: the total expected. */
  readonly openTotal: MinorUnits;
  readonly invoiceCount: number;
  /** Every open line, credits included: the aged balance's open total. */
  readonly balance: MinorUnits;
  /** Credit notes and unapplied payments set against invoices (≥ 0). */
  readonly creditsApplied: MinorUnits;
  /** Credits beyond their account's invoices (≤ 0): owed to customers, no cash-in. balance = openTotal + creditBalances. */
  readonly creditBalances: MinorUnits;
  /** Invoices their account's credits cover in full: nothing left to expect. */
  readonly coveredInvoices: number;
}

export interface InvoiceForecast {
  readonly invoice: CashInInvoice;
  readonly forecast: ExpectedPayment;
}

export interface CashInForecast {
  readonly asOf: DayNumber;
  readonly weeks: readonly CashInWeek[];
  /** Sorted by currency code: different currencies are never added together. */
  readonly currencies: readonly CurrencyCashIn[];
  /** Sorted by expected payment day (those not forecast last), then customer. */
  readonly invoices: readonly InvoiceForecast[];
  /** Credit notes and unapplied payments (negative lines), set against their account's oldest invoices. */
  readonly creditLines: number;
}

interface Accumulator {
  expected: Float64Array;
  byDueDates: number[];
  dueLater: number;
  overdue: number;
  notForecast: number;
  openTotal: number;
  invoiceCount: number;
  balance: number;
  creditsApplied: number;
  creditBalances: number;
  coveredInvoices: number;
}

/** An invoice's forecast when there is no payment history at all: only its due date is known. */
const NO_HISTORY: ExpectedPayment = {
  expectedDay: null,
  earliestDay: null,
  latestDay: null,
  withinWeeks: { 1: 0, 4: 0, 13: 0 },
  beyondHistory: false,
  habits: null,
};

/**
 * `model` is null when there is no payment history: nothing is forecast, and the due-date view
 * (`byDueDates`) is all there is.
 */
export function cashInForecast(model: PayerModel | null, invoices: readonly CashInInvoice[], asOf: DayNumber): CashInForecast {
  const weeks: CashInWeek[] = [];
  for (let week = 0; week < FORECAST_WEEKS; week++) weeks.push({ firstDay: asOf + 1 + 7 * week, lastDay: asOf + 7 * (week + 1) });
  const byCurrency = new Map<string, Accumulator>();
  const forecasts: InvoiceForecast[] = [];
  const sumsOf = (currency: string): Accumulator => {
    let sums = byCurrency.get(currency);
    if (sums === undefined) {
      sums = {
        expected: new Float64Array(FORECAST_WEEKS),
        byDueDates: new Array<number>(FORECAST_WEEKS).fill(0),
        dueLater: 0,
        overdue: 0,
        notForecast: 0,
        openTotal: 0,
        invoiceCount: 0,
        balance: 0,
        creditsApplied: 0,
        creditBalances: 0,
        coveredInvoices: 0,
      };
      byCurrency.set(currency, sums);
    }
    return sums;
  };
  // Per account (customer and currency, as the aged balance and the plan key it): its invoices
  // and its credits, which go to the invoices they are lettered with, then to the oldest.
  const accounts = new Map<string, { currency: string; invoices: CashInInvoice[]; credits: CashInInvoice[] }>();
  let creditLines = 0;
  for (const invoice of invoices) {
    sumsOf(invoice.currency).balance += invoice.amount;
    if (invoice.amount === 0) continue;
    const key = `${invoice.customer}\u0000${invoice.currency}`;
    let account = accounts.get(key);
    if (account === undefined) {
      account = { currency: invoice.currency, invoices: [], credits: [] };
      accounts.set(key, account);
    }
    if (invoice.amount < 0) {
      account.credits.push(invoice);
      creditLines++;
    } else account.invoices.push(invoice);
  }
  const owedInvoices: CashInInvoice[] = [];
  for (const account of accounts.values()) {
    const settled = setCredits(account.invoices, account.credits);
    const sums = sumsOf(account.currency);
    sums.creditsApplied += settled.applied;
    sums.creditBalances += settled.creditBalance;
    account.invoices.forEach((invoice, index) => {
      const owed = settled.owed[index] as MinorUnits;
      if (owed > 0) owedInvoices.push(owed === invoice.amount ? invoice : { ...invoice, amount: owed });
      else sums.coveredInvoices++;
    });
  }
  for (const invoice of owedInvoices) {
    const sums = sumsOf(invoice.currency);
    sums.openTotal += invoice.amount;
    sums.invoiceCount++;
    // Due today is not overdue yet: days overdue = as-of − due date must be above 0.
    if (invoice.dueDay < asOf) sums.overdue += invoice.amount;
    const dueWeek = Math.floor((Math.max(invoice.dueDay, asOf + 1) - asOf - 1) / 7);
    if (dueWeek < FORECAST_WEEKS) sums.byDueDates[dueWeek] = (sums.byDueDates[dueWeek] as number) + invoice.amount;
    else sums.dueLater += invoice.amount;
    const shares =
      model === null ? null : weeklyPaymentProbabilities(delayDistribution(model, invoice), invoice.dueDay, asOf, FORECAST_WEEKS);
    if (shares === null) sums.notForecast += invoice.amount;
    else
      for (let week = 0; week < FORECAST_WEEKS; week++)
        sums.expected[week] = (sums.expected[week] as number) + (shares[week] as number) * invoice.amount;
    forecasts.push({ invoice, forecast: model === null ? NO_HISTORY : expectedPayment(model, invoice, asOf) });
  }
  const currencies: CurrencyCashIn[] = [...byCurrency.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([currency, sums]) => {
      // Expected amounts are shares of invoices: the 13 weeks and what comes after them are
      // allocated in whole minor units that add up to the forecast amount exactly. Rounding each
      // week on its own left the rest after week 13 a cent below zero on IBM's sample.
      const forecastable = sums.openTotal - sums.notForecast;
      let weeksTotal = 0;
      for (const amount of sums.expected) weeksTotal += amount;
      const parts = allocateMinorUnits([...sums.expected, Math.max(forecastable - weeksTotal, 0)], forecastable);
      const expectedLater = parts.pop() as MinorUnits;
      const expected = parts;
      return {
        currency,
        expected,
        expectedLater,
        notForecast: sums.notForecast,
        byDueDates: sums.byDueDates,
        dueLater: sums.dueLater,
        overdue: sums.overdue,
        openTotal: sums.openTotal,
        invoiceCount: sums.invoiceCount,
        balance: sums.balance,
        creditsApplied: sums.creditsApplied,
        creditBalances: sums.creditBalances,
        coveredInvoices: sums.coveredInvoices,
      };
    });
  forecasts.sort(
    (a, b) =>
      (a.forecast.expectedDay ?? Number.POSITIVE_INFINITY) - (b.forecast.expectedDay ?? Number.POSITIVE_INFINITY) ||
      a.invoice.customer.localeCompare(b.invoice.customer) ||
      a.invoice.dueDay - b.invoice.dueDay,
  );
  return { asOf, weeks, currencies, invoices: forecasts, creditLines };
}

/**
 * Whole minor units, one per part, that add up to `total` exactly (the largest-remainder
 * method): each part rounded down, then the units left over go one each to the parts with the
 * largest fractions (ties: the earlier part). Parts are shares of `total`, so never negative.
 */
export function allocateMinorUnits(parts: readonly number[], total: MinorUnits): MinorUnits[] {
  const floors = parts.map((part) => Math.floor(Math.max(part, 0)));
  let left = total;
  for (const floor of floors) left -= floor;
  if (left < 0 || parts.length === 0) {
    // The parts came to more than the total: not shares of it. A programming error, never data.
    if (left !== 0) throw new Error(`allocateMinorUnits: parts exceed the total ${total}`);
    return floors;
  }
  const remainders = parts.map((part, index) => Math.max(part, 0) - (floors[index] as number));
  const order = remainders.map((_, index) => index);
  order.sort((a, b) => (remainders[b] as number) - (remainders[a] as number) || a - b);
  for (let i = 0; left > 0; i = (i + 1) % order.length, left--) {
    const index = order[i] as number;
    floors[index] = (floors[index] as number) + 1;
  }
  return floors;
}
