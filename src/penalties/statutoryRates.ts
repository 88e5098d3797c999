// Statutory late-payment rates per half-year (FR, EU, DE, UK) from the data file beside this
// one. A legal rate is never guessed: a half-year the file does not cover is an error.

import { calendarFromDay, type DayNumber, dayFromCalendar, formatIsoDate } from '../primitives/dates';
import { halfYearText } from '../primitives/localeText';
import { fail } from '../primitives/messages';
import { Decimal } from './decimal';
import data from './statutory-rates.json';

export const JURISDICTIONS = ['FR', 'EU', 'DE', 'UK'] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];

export interface StatutoryRate {
  readonly jurisdiction: Jurisdiction;
  readonly halfYear: string; // "2025-H2"
  readonly from: DayNumber;
  readonly to: DayNumber;
  /** Annual rate as a fraction (0.1215 for 12.15 %). */
  readonly rate: Decimal;
  readonly source: string;
}

const RATES: readonly StatutoryRate[] = data.rates.map((row) => ({
  jurisdiction: parseJurisdiction(row.jurisdiction),
  halfYear: row.halfYear,
  from: isoDay(row.from),
  to: isoDay(row.to),
  // Through the decimal text so 12.15 stays 12.15, not its binary neighbour.
  rate: new Decimal(String(row.rate)).div(100),
  source: row.source,
}));

function isoDay(iso: string): DayNumber {
  return dayFromCalendar(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

/** `FR`, `fr`, `France`, `GB` … to one of the four rule sets. */
export function parseJurisdiction(text: string): Jurisdiction {
  const code = text.trim().toUpperCase();
  if (code === 'FR' || code === 'FRANCE') return 'FR';
  if (code === 'DE' || code === 'GERMANY' || code === 'ALLEMAGNE' || code === 'DEUTSCHLAND') return 'DE';
  if (code === 'UK' || code === 'GB' || code === 'UNITED KINGDOM' || code === 'ROYAUME-UNI') return 'UK';
  if (code === 'EU' || code === 'UE') return 'EU';
  return fail('jurisdictionUnknown', { value: text });
}

export function halfYearOf(day: DayNumber): string {
  const { year, month } = calendarFromDay(day);
  return `${year}-H${month <= 6 ? 1 : 2}`;
}

/**
 * A rate the user entered for a half-year the shipped table does not cover yet (the central
 * bank publishes it before the table is updated). Saved in the workbook with the policy; the
 * shipped table always wins for the half-years it covers.
 */
export interface EnteredRate {
  readonly jurisdiction: Jurisdiction;
  readonly halfYear: string; // "2027-H1"
  /** Annual rate as a fraction (0.124 for 12.40 %). */
  readonly rate: number;
}

const HALF_YEAR = /^(\d{4})-H([12])$/;

/** The first and last day of a half-year written "2027-H1"; null when it is not one. */
export function halfYearBounds(halfYear: string): { from: DayNumber; to: DayNumber } | null {
  const match = HALF_YEAR.exec(halfYear.trim());
  if (!match) return null;
  const year = Number(match[1]);
  return match[2] === '1'
    ? { from: dayFromCalendar(year, 1, 1), to: dayFromCalendar(year, 6, 30) }
    : { from: dayFromCalendar(year, 7, 1), to: dayFromCalendar(year, 12, 31) };
}

/** The shipped rate of the day's half-year, else the one the user entered, else an error saying where to enter it. */
export function statutoryRate(jurisdiction: Jurisdiction, day: DayNumber, entered: readonly EnteredRate[] = []): StatutoryRate {
  const found = RATES.find((rate) => rate.jurisdiction === jurisdiction && rate.from <= day && day <= rate.to);
  if (!found) {
    const halfYear = halfYearOf(day);
    const own = entered.find((rate) => rate.jurisdiction === jurisdiction && rate.halfYear === halfYear);
    const bounds = halfYearBounds(halfYear);
    if (own && bounds) {
      return {
        jurisdiction,
        halfYear,
        ...bounds,
        rate: new Decimal(String(own.rate)),
        source: 'entered in the dunning policy',
      };
    }
    const covered = RATES.filter((rate) => rate.jurisdiction === jurisdiction);
    // Each language writes the half-year its way: 2027-H1, « 1er semestre 2027 ».
    const written = (text: string | undefined) =>
      text === undefined ? '-' : { en: halfYearText(text, 'en'), fr: halfYearText(text, 'fr') };
    fail('rateNotCovered', {
      jurisdiction,
      halfYear: written(halfYear),
      date: formatIsoDate(day),
      first: written(covered[0]?.halfYear),
      last: written(covered[covered.length - 1]?.halfYear),
    });
  }
  return found;
}

export function statutoryRates(): readonly StatutoryRate[] {
  return RATES;
}
