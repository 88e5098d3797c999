// Late-payment interest: simple interest on the open amount, amount × annual rate × days / 365,
// rounded half up to the currency's minor unit once, at the end.

import type { DayNumber } from '../primitives/dates';
import { percentText } from '../primitives/localeText';
import { fail, type MessageCode } from '../primitives/messages';
import type { MinorUnits } from '../primitives/money';
import { Decimal, type DecimalValue } from './decimal';
import { type EnteredRate, type Jurisdiction, statutoryRate } from './statutoryRates';

/** Interest in minor units on `amount` minor units, at `annualRate` (a fraction) for `days`. */
export function lateInterest(amount: MinorUnits, annualRate: DecimalValue, days: number): MinorUnits {
  const rate = checkedRate(annualRate);
  if (amount <= 0 || days <= 0) return 0;
  return interestOver(amount, [{ rate, days }]);
}

/** A stretch of days at one annual rate. */
export interface RatedDays {
  readonly rate: Decimal;
  readonly days: number;
}

/**
 * Σ amount × rate × days / 365 over the stretches, rounded half up to a whole minor unit once:
 * the reference computation, in Decimal, each stretch divided by 365 and added as it comes.
 */
export function decimalInterest(amount: MinorUnits, stretches: readonly RatedDays[]): MinorUnits {
  const exact = stretches.reduce(
    (sum, stretch) => sum.plus(new Decimal(amount).mul(stretch.rate).mul(stretch.days).div(365)),
    new Decimal(0),
  );
  return exact.toDecimalPlaces(0).toNumber();
}

/**
 * The same figure as decimalInterest, computed in whole numbers when they fit: a plan claims
 * interest on thousands of invoices, and Decimal's objects made that the plan's slowest part.
 *
 * With each rate written units / 10^k, the exact sum is N / Q where N = Σ amount × units ×
 * 10^(K−k) × days and Q = 365 × 10^K (K the largest k). When N and Q are safe integers, every
 * product decimalInterest makes is exact too (at most 16 digits, under Decimal's 40), and its
 * only roundings, of each quotient and each partial sum to 40 significant digits, move the sum
 * by less than (2 × stretches) × 10^-39 × N/Q < 10^-23 for up to 100 stretches. A sum that is
 * not exactly at a half is at least 1/(2Q) > 5 × 10^-17 from it, so both round the same way.
 * An exact half, a negative rate, or numbers that do not fit: decimalInterest decides.
 */
export function interestOver(amount: MinorUnits, stretches: readonly RatedDays[]): MinorUnits {
  return wholeNumberInterest(amount, stretches) ?? decimalInterest(amount, stretches);
}

const MAX_STRETCHES = 100;
/** 365 × 10^13 is still a safe integer; 10^14 would not be. */
const MAX_RATE_DECIMALS = 13;
/** N stays under 2^52, so N − m × Q is exact even when m × Q passes N by up to Q. */
const MAX_N = 2 ** 52;

function wholeNumberInterest(amount: MinorUnits, stretches: readonly RatedDays[]): MinorUnits | null {
  if (!Number.isSafeInteger(amount) || amount <= 0 || stretches.length > MAX_STRETCHES) return null;
  let decimals = 0;
  for (const stretch of stretches) {
    const units = rateUnits(stretch.rate);
    if (units === null) return null;
    if (units.decimals > decimals) decimals = units.decimals;
  }
  let n = 0;
  for (const stretch of stretches) {
    const units = rateUnits(stretch.rate) as RateUnits;
    if (!Number.isSafeInteger(stretch.days) || stretch.days < 0) return null;
    // Each product checked as it grows: a product of exact integers past 2^52 shows as past it.
    let term = amount * units.units;
    if (term > MAX_N) return null;
    term *= POWERS_OF_TEN[decimals - units.decimals] as number;
    if (term > MAX_N) return null;
    term *= stretch.days;
    if (term > MAX_N) return null;
    n += term;
    if (n > MAX_N) return null;
  }
  const q = 365 * (POWERS_OF_TEN[decimals] as number);
  let whole = Math.floor(n / q);
  let remainder = n - whole * q;
  // The floating quotient may be one off near a whole number: the exact remainder settles it.
  if (remainder < 0) {
    whole -= 1;
    remainder += q;
  } else if (remainder >= q) {
    whole += 1;
    remainder -= q;
  }
  if (2 * remainder === q) return null;
  return 2 * remainder > q ? whole + 1 : whole;
}

const POWERS_OF_TEN = Array.from({ length: MAX_RATE_DECIMALS + 1 }, (_, k) => 10 ** k);

interface RateUnits {
  /** The rate × 10^decimals, a whole number. */
  readonly units: number;
  readonly decimals: number;
}

/** Rates are few (one per half-year and jurisdiction) and met thousands of times: read once each. */
const RATE_UNITS = new WeakMap<Decimal, RateUnits | null>();

function rateUnits(rate: Decimal): RateUnits | null {
  let known = RATE_UNITS.get(rate);
  if (known === undefined) {
    known = readRateUnits(rate);
    RATE_UNITS.set(rate, known);
  }
  return known;
}

function readRateUnits(rate: Decimal): RateUnits | null {
  if (!rate.isFinite() || rate.isNegative()) return null;
  const decimals = rate.decimalPlaces();
  if (decimals > MAX_RATE_DECIMALS) return null;
  const units = rate.mul(POWERS_OF_TEN[decimals] as number);
  if (!units.isInteger() || units.greaterThan(Number.MAX_SAFE_INTEGER)) return null;
  return { units: units.toNumber(), decimals };
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

/**
 * A statutory rate entered for a half-year not on file, as the policy editor's field takes it:
 * a percentage, as the contractual rate's field does ("12,15 %", "12.15%", "12,15"), read by the
 * same parser. The policy keeps the fraction (0.1215), so rates stored before the field took
 * percentages read as they were. Above 100 % is no statutory rate: refused, said what to type.
 */
export function parseEnteredRate(typed: string): number {
  const fraction = parseAnnualRate(typed, 'percent', 'policyRateUnreadable');
  if (fraction > 1) fail('policyRateUnreadable', { value: typed.trim() });
  // 0,1215 typed as the field once took it would be 0.1215 %: no statutory rate is that low (the
  // lowest, BGB §288(1)'s consumer rate, base rate + 5 points, was 4.12 % while the Bundesbank's
  // Basiszinssatz stood at −0.88 %, July 2016 to December 2022), so it is refused, never kept.
  if (fraction < LOWEST_STATUTORY_RATE)
    fail('enteredRateTooLow', {
      value: typed.trim(),
      percent: { en: percentText(fraction, 'en', 6), fr: percentText(fraction, 'fr', 6) },
    });
  return fraction;
}
const LOWEST_STATUTORY_RATE = 0.01;

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
  return { interest: interestOver(amount, periods), periods };
}
