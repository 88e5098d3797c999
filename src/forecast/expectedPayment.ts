// When an open invoice is likely to be paid: its customer's typical delay (plus the dispute
// delay if it is disputed), spread as the customer's own invoices and all customers' spread
// around their habits, and knowing it was still unpaid on the as-of date.

import { customerKey } from '../primitives/cells';
import type { DayNumber } from '../primitives/dates';
import type { PayerHabits, PayerModel } from './payerHabits';

export interface OpenInvoiceToForecast {
  readonly customer: string;
  readonly dueDay: DayNumber;
  readonly disputed: boolean;
}

/** The delays (payment day − due day) an open invoice may take, and its customer's habits. */
export interface DelayDistribution {
  readonly habits: PayerHabits | null;
  /** Days late the invoice is expected around, before knowing it is still unpaid. */
  readonly location: number;
  /** Weight of the customer's own spread; the rest is all customers'. */
  readonly ownWeight: number;
  /** Probability that the delay is at most `days` days. */
  readonly cdf: (days: number) => number;
  /** No delay of any settled invoice goes beyond this. */
  readonly maxDelay: number;
}

/** Share of a sorted array at or below x. */
function shareAtMost(sorted: Float64Array, x: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as number) <= x) low = middle + 1;
    else high = middle;
  }
  return sorted.length === 0 ? 0 : low / sorted.length;
}

export function delayDistribution(model: PayerModel, invoice: OpenInvoiceToForecast): DelayDistribution {
  const key = customerKey(invoice.customer);
  const habits = model.customers.get(key) ?? null;
  const own = model.customerResiduals.get(key);
  const location =
    (habits === null ? model.overall.medianDelay : habits.typicalDelay) + (invoice.disputed ? model.overall.disputeDelay : 0);
  const ownCount = own?.length ?? 0;
  const ownWeight = ownCount / (ownCount + model.priorInvoices) || 0;
  const all = model.residuals;
  const last = (values: Float64Array | undefined) => (values && values.length > 0 ? (values[values.length - 1] as number) : 0);
  return {
    habits,
    location,
    ownWeight,
    cdf: (days) =>
      ownWeight * (own ? shareAtMost(own, days - location) : 0) + (1 - ownWeight) * shareAtMost(all, days - location),
    maxDelay: location + Math.max(last(all), ownWeight > 0 ? last(own) : Number.NEGATIVE_INFINITY),
  };
}

export interface ExpectedPayment {
  /** The median payment day given it was unpaid on the as-of date; null beyond all history. */
  readonly expectedDay: DayNumber | null;
  /** 20th and 80th percentile payment days: 6 invoices in 10 are paid in between. */
  readonly earliestDay: DayNumber | null;
  readonly latestDay: DayNumber | null;
  /** Probability of payment within 1, 4 and 13 weeks after the as-of date. */
  readonly withinWeeks: { readonly 1: number; readonly 4: number; readonly 13: number };
  /** True when the invoice is already later than any settled invoice: no forecast is made. */
  readonly beyondHistory: boolean;
  readonly habits: PayerHabits | null;
}

export const RANGE_LOW = 0.2;
export const RANGE_HIGH = 0.8;
const NOTHING_LEFT = 1e-9;

/** Probability of payment in each of the next `weeks` weeks (week 1: the 7 days after as_of). */
export function weeklyPaymentProbabilities(
  distribution: DelayDistribution,
  dueDay: DayNumber,
  asOf: DayNumber,
  weeks: number,
): number[] | null {
  const already = asOf - dueDay;
  const before = distribution.cdf(already);
  const left = 1 - before;
  if (left <= NOTHING_LEFT) return null;
  const shares: number[] = [];
  let previous = before;
  for (let week = 1; week <= weeks; week++) {
    const next = distribution.cdf(already + 7 * week);
    shares.push((next - previous) / left);
    previous = next;
  }
  return shares;
}

/** The smallest payment day by which a share p of the remaining probability is paid. */
export function paymentDayAt(distribution: DelayDistribution, dueDay: DayNumber, asOf: DayNumber, p: number): DayNumber | null {
  const already = asOf - dueDay;
  const before = distribution.cdf(already);
  const left = 1 - before;
  if (left <= NOTHING_LEFT) return null;
  const target = before + p * left - NOTHING_LEFT;
  let low = already + 1;
  let high = Math.max(low, Math.ceil(distribution.maxDelay));
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (distribution.cdf(middle) >= target) high = middle;
    else low = middle + 1;
  }
  return dueDay + low;
}

/** The expected payment day of an open invoice, its range and the chance of payment within 1, 4 and 13 weeks. */
export function expectedPayment(model: PayerModel, invoice: OpenInvoiceToForecast, asOf: DayNumber): ExpectedPayment {
  const distribution = delayDistribution(model, invoice);
  const weekly = weeklyPaymentProbabilities(distribution, invoice.dueDay, asOf, 13);
  if (weekly === null) {
    return {
      expectedDay: null,
      earliestDay: null,
      latestDay: null,
      withinWeeks: { 1: 0, 4: 0, 13: 0 },
      beyondHistory: true,
      habits: distribution.habits,
    };
  }
  const before = distribution.cdf(asOf - invoice.dueDay);
  const within = (weeks: number) => (distribution.cdf(asOf - invoice.dueDay + 7 * weeks) - before) / (1 - before);
  return {
    expectedDay: paymentDayAt(distribution, invoice.dueDay, asOf, 0.5),
    earliestDay: paymentDayAt(distribution, invoice.dueDay, asOf, RANGE_LOW),
    latestDay: paymentDayAt(distribution, invoice.dueDay, asOf, RANGE_HIGH),
    withinWeeks: { 1: within(1), 4: within(4), 13: within(13) },
    beyondHistory: false,
    habits: distribution.habits,
  };
}
