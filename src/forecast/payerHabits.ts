// Each payer's habits, learnt from settled invoices: how many days after the due date a
// customer pays (negative: early), how widely that varies, whether it is drifting, and how
// often the customer pays on time. A customer with few invoices borrows from all customers'
// pattern in proportion to how little history it has; disputed invoices are modelled apart.

import { customerKey } from '../primitives/cells';
import type { DayNumber } from '../primitives/dates';
import type { Language } from '../primitives/messages';

/** One settled invoice of the payment history. */
export interface SettledInvoice {
  readonly customer: string;
  readonly dueDay: DayNumber;
  readonly paidDay: DayNumber;
  readonly disputed: boolean;
}

export interface PayerModelOptions {
  /**
   * How many invoices all customers' pattern is worth against a customer's own history
   * (default 5, any number ≥ 0). A customer with n settled invoices gets the weight
   * n / (n + priorInvoices) for its own pattern and the rest for all customers': with the
   * default, 5 invoices count half, 20 invoices 80 %.
   */
  readonly priorInvoices?: number;
}

export const DEFAULT_PRIOR_INVOICES = 5;
/** The trend compares the median delay of a customer's last 5 undisputed invoices with the ones before. */
export const RECENT_INVOICES = 5;
/** …and needs at least 3 invoices before those to compare with. */
const EARLIER_INVOICES_NEEDED = 3;

export interface PayerHabits {
  /** The customer as first written in the history. */
  readonly customer: string;
  /** Settled invoices in the history, disputed ones included. */
  readonly invoiceCount: number;
  readonly disputedCount: number;
  /** Median days late of the customer's own undisputed invoices; null when it has none. */
  readonly medianDelay: number | null;
  /** The delay used to predict: the own median shrunk toward all customers' (see weight). */
  readonly typicalDelay: number;
  /** n / (n + priorInvoices), n = the undisputed invoices behind the median. */
  readonly weight: number;
  /** 25th and 75th percentile of the own undisputed delays: half the invoices fall in between. */
  readonly spread: { readonly low: number; readonly high: number } | null;
  /** Median of the last 5 undisputed delays minus that of the earlier ones; null with too little history. */
  readonly trend: number | null;
  /** Share of all settled invoices paid on or before their due date, 0-1. */
  readonly onTimeShare: number;
}

export interface OverallPattern {
  readonly invoiceCount: number;
  readonly customerCount: number;
  /** Median days late of all undisputed invoices: what a customer with no history is taken to do. */
  readonly medianDelay: number;
  readonly spread: { readonly low: number; readonly high: number };
  readonly onTimeShare: number;
  readonly disputedCount: number;
  /** How much later a disputed invoice is paid than its customer's typical delay (median); 0 without disputed history. */
  readonly disputeDelay: number;
}

export interface PayerModel {
  readonly priorInvoices: number;
  readonly overall: OverallPattern;
  /** Habits per customer key (customerKey: spaces as users mistype them made one). */
  readonly customers: ReadonlyMap<string, PayerHabits>;
  /** Every invoice's delay minus its predicted location, sorted: all customers' spread around their habits. */
  readonly residuals: Float64Array;
  /** The same per customer key, sorted. */
  readonly customerResiduals: ReadonlyMap<string, Float64Array>;
}

/** Median of numbers (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  return percentile(values, 0.5);
}

/** Percentile with linear interpolation between order statistics (Excel's PERCENTILE.INC). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  const position = p * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  const lower = sorted[below] as number;
  return lower + (position - below) * ((sorted[above] as number) - lower);
}

/** Learns every payer's habits from the settled invoices. */
export function learnPayerHabits(history: readonly SettledInvoice[], options: PayerModelOptions = {}): PayerModel {
  const priorInvoices = options.priorInvoices ?? DEFAULT_PRIOR_INVOICES;
  if (!(priorInvoices >= 0) || !Number.isFinite(priorInvoices)) throw new RangeError('priorInvoices must be a number ≥ 0');
  const byCustomer = new Map<string, SettledInvoice[]>();
  for (const invoice of history) {
    const key = customerKey(invoice.customer);
    let invoices = byCustomer.get(key);
    if (invoices === undefined) {
      invoices = [];
      byCustomer.set(key, invoices);
    }
    invoices.push(invoice);
  }
  const delayOf = (invoice: SettledInvoice) => invoice.paidDay - invoice.dueDay;
  const undisputedDelays = history.filter((i) => !i.disputed).map(delayOf);
  const allDelays = history.map(delayOf);
  // With no undisputed history at all, the disputed invoices are the only pattern there is.
  const base = undisputedDelays.length > 0 ? undisputedDelays : allDelays;
  const overallMedian = base.length > 0 ? median(base) : 0;

  const customers = new Map<string, PayerHabits>();
  for (const [key, invoices] of byCustomer) {
    const ordered = [...invoices].sort((a, b) => a.paidDay - b.paidDay || a.dueDay - b.dueDay);
    const own = ordered.filter((i) => !i.disputed).map(delayOf);
    const n = own.length;
    const weight = n / (n + priorInvoices) || 0;
    const ownMedian = n > 0 ? median(own) : null;
    const typicalDelay = ownMedian === null ? overallMedian : weight * ownMedian + (1 - weight) * overallMedian;
    const earlier = own.slice(0, Math.max(0, n - RECENT_INVOICES));
    customers.set(key, {
      customer: (invoices[0] as SettledInvoice).customer,
      invoiceCount: invoices.length,
      disputedCount: invoices.length - n,
      medianDelay: ownMedian,
      typicalDelay,
      weight,
      spread: n > 0 ? { low: percentile(own, 0.25), high: percentile(own, 0.75) } : null,
      trend: earlier.length >= EARLIER_INVOICES_NEEDED ? median(own.slice(n - RECENT_INVOICES)) - median(earlier) : null,
      onTimeShare: invoices.filter((i) => delayOf(i) <= 0).length / invoices.length,
    });
  }

  const location = (invoice: SettledInvoice) => (customers.get(customerKey(invoice.customer)) as PayerHabits).typicalDelay;
  const disputed = history.filter((i) => i.disputed);
  const disputeDelay =
    disputed.length > 0 && undisputedDelays.length > 0 ? median(disputed.map((i) => delayOf(i) - location(i))) : 0;

  const residualsOf = (invoices: readonly SettledInvoice[]) =>
    Float64Array.from(invoices, (i) => delayOf(i) - location(i) - (i.disputed ? disputeDelay : 0)).sort();
  const customerResiduals = new Map<string, Float64Array>();
  for (const [key, invoices] of byCustomer) customerResiduals.set(key, residualsOf(invoices));

  return {
    priorInvoices,
    overall: {
      invoiceCount: history.length,
      customerCount: byCustomer.size,
      medianDelay: overallMedian,
      spread: base.length > 0 ? { low: percentile(base, 0.25), high: percentile(base, 0.75) } : { low: 0, high: 0 },
      onTimeShare: history.length > 0 ? allDelays.filter((d) => d <= 0).length / history.length : 0,
      disputedCount: disputed.length,
      disputeDelay,
    },
    customers,
    residuals: residualsOf(history),
    customerResiduals,
  };
}

/** A drift of at least this many days between recent and earlier invoices is worth saying. */
const TREND_WORTH_SAYING = 5;
/** Within this many days of the due date a customer pays on time. */
const ON_TIME_WITHIN = 2;

/** "pays about 12 days late, getting later" / "paie environ 12 jours en retard, de plus en plus tard". */
export function payerProfile(habits: PayerHabits | null, language: Language): string {
  const fr = language === 'fr';
  if (habits === null) return fr ? 'aucun historique : comme l’ensemble des clients' : 'no history: like all customers';
  const days = Math.round(habits.typicalDelay);
  const timing =
    days > ON_TIME_WITHIN
      ? fr
        ? `paie environ ${days} jours en retard`
        : `pays about ${days} days late`
      : days < -ON_TIME_WITHIN
        ? fr
          ? `paie environ ${-days} jours en avance`
          : `pays about ${-days} days early`
        : fr
          ? 'paie à l’échéance'
          : 'pays on time';
  const trend = habits.trend;
  if (trend === null) return `${timing}${fr ? ' (peu d’historique)' : ' (little history)'}`;
  if (trend >= TREND_WORTH_SAYING) return `${timing}, ${fr ? 'de plus en plus tard' : 'getting later'}`;
  if (trend <= -TREND_WORTH_SAYING) return `${timing}, ${fr ? 'de plus en plus tôt' : 'paying sooner'}`;
  return `${timing}, ${fr ? 'régulier' : 'steady'}`;
}
