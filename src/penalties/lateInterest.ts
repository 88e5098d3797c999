// Late-payment interest: simple interest on the open amount, amount × annual rate × days / 365,
// rounded half up to the currency's minor unit once, at the end.

import type { DayNumber } from '../primitives/dates';
import { fail, type MessageCode } from '../primitives/messages';
import type { MinorUnits } from '../primitives/money';
import { Decimal, type DecimalValue } from './decimal';
import { type EnteredRate, type Jurisdiction, statutoryRate } from './statutoryRates';

/** Interest in minor units on `amount` minor units, at `annualRate` (a fraction) for `days`. */
export function lateInterest(amount: MinorUnits, annualRate: DecimalValue, days: number): MinorUnits {
  const rate = checkedRate(annualRate);
  if (amount <= 0 || days <= 0) return 0;
  return new Decimal(amount).mul(rate).mul(days).div(365).toDecimalPlaces(0).toNumber();
}

/** A rate as a fraction: 0.1215. 12.15 is refused, it is a percentage. */
export function checkedRate(annualRate: DecimalValue): Decimal {
  const rate = new Decimal(annualRate);
  if (!rate.isFinite() || rate.isNegative()) fail('rateInvalid', { value: String(annualRate) });
  if (rate.greaterThan(1)) fail('rateLooksLikePercentage', { value: String(annualRate), fraction: rate.div(100).toString() });
  return rate;
}

/**
 * A rate as typed in a cell or a field: "12.15 %", "12,15%", "0.1215", "0,1215". A percent sign
 * always means hundredths; a bare number is a fraction where a fraction is expected (a function's
 * rate cell, DESIGN §3) and a percentage in a field labelled as one (the policy editor's
 * contractual rate). Returns the fraction the core computes with. Spaces of any kind are ignored
 * (French writes "12,15 %" with a no-break space).
 */
export function parseAnnualRate(typed: string, bare: 'fraction' | 'percent', unreadable: MessageCode = 'rateInvalid'): number {
  let text = typed.replace(/[\s\u00A0\u202F]+/g, '');
  const percent = text.endsWith('%');
  if (percent) text = text.slice(0, -1);
  text = text.replace(',', '.');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text)) fail(unreadable, { value: typed.trim() });
  if (percent || bare === 'percent') {
    const fraction = new Decimal(text).div(100);
    if (fraction.isNegative()) fail(unreadable, { value: typed.trim() });
    return fraction.toNumber();
  }
  return checkedRate(text).toNumber();
}

export interface InterestPeriod {
  readonly from: DayNumber; // first day of interest
  readonly to: DayNumber; // last day of interest
  readonly days: number;
  readonly rate: Decimal;
  readonly halfYear: string;
}

export interface StatutoryInterest {
  readonly interest: MinorUnits;
  readonly periods: readonly InterestPeriod[];
}

/**
 * Statutory interest from the day after the due date to the as-of date. France, Germany and
 * the EU directive apply each half-year's rate to the days in it; the UK fixes the rate of the
 * half-year in which the debt became overdue for the whole delay, and so does French public
 * procurement (Code de la commande publique R2192-31: the rate "en vigueur au premier jour du
 * semestre … au cours duquel les intérêts moratoires ont commencé à courir"): `fixedAtStart`.
 */
export function statutoryInterest(
  amount: MinorUnits,
  jurisdiction: Jurisdiction,
  dueDay: DayNumber,
  asOf: DayNumber,
  entered: readonly EnteredRate[] = [],
  fixedAtStart = jurisdiction === 'UK',
): StatutoryInterest {
  if (amount <= 0 || asOf <= dueDay) return { interest: 0, periods: [] };
  const first = dueDay + 1;
  const periods: InterestPeriod[] = [];
  if (fixedAtStart) {
    const fixed = statutoryRate(jurisdiction, first, entered);
    periods.push({ from: first, to: asOf, days: asOf - dueDay, rate: fixed.rate, halfYear: fixed.halfYear });
  } else {
    let day = first;
    while (day <= asOf) {
      const rate = statutoryRate(jurisdiction, day, entered);
      const to = Math.min(rate.to, asOf);
      periods.push({ from: day, to, days: to - day + 1, rate: rate.rate, halfYear: rate.halfYear });
      day = to + 1;
    }
  }
  const exact = periods.reduce(
    (sum, period) => sum.plus(new Decimal(amount).mul(period.rate).mul(period.days).div(365)),
    new Decimal(0),
  );
  return { interest: exact.toDecimalPlaces(0).toNumber(), periods };
}
