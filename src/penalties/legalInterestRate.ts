// France's legal interest rate (taux de l'intérêt légal, Code monétaire et financier L313-2),
// fixed per half-year by arrêté, from the data file beside this one. It is not the late-payment
// rate between professionals: it sets that rate's floor (three times it, Code de commerce
// L441-10) and is the interest a consumer owes from the formal notice (Code civil 1231-6).

import { type DayNumber, dayFromCalendar } from '../primitives/dates';
import { fail } from '../primitives/messages';
import { Decimal } from './decimal';
import data from './legal-interest-rates.json';
import { halfYearOf } from './statutoryRates';

export interface LegalInterestRate {
  readonly halfYear: string;
  readonly from: DayNumber;
  readonly to: DayNumber;
  /** The creditor is a natural person not acting for professional needs (fraction). */
  readonly individualCreditor: Decimal;
  /** Every other case, companies included (fraction). */
  readonly otherCases: Decimal;
  readonly source: string;
}

const isoDay = (iso: string): DayNumber =>
  dayFromCalendar(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));

const RATES: readonly LegalInterestRate[] = data.rates.map((row) => ({
  halfYear: row.halfYear,
  from: isoDay(row.from),
  to: isoDay(row.to),
  individualCreditor: new Decimal(String(row.individualCreditor)).div(100),
  otherCases: new Decimal(String(row.otherCases)).div(100),
  source: row.source,
}));

export function legalInterestRates(): readonly LegalInterestRate[] {
  return RATES;
}

/** The legal interest rate of the day's half-year; an error when the file does not cover it. */
export function legalInterestRate(day: DayNumber): LegalInterestRate {
  const found = RATES.find((rate) => rate.from <= day && day <= rate.to);
  if (!found)
    fail('legalRateNotCovered', {
      halfYear: halfYearOf(day),
      first: RATES[0]?.halfYear ?? '-',
      last: RATES[RATES.length - 1]?.halfYear ?? '-',
    });
  return found;
}

/**
 * The lowest contractual late-payment rate L441-10 allows between professionals for the day's
 * half-year: "ne peut être inférieur à trois fois le taux d'intérêt légal". Null when the
 * half-year is not on file (the check is then not made, and the plan does not invent one).
 */
export function contractualRateFloor(day: DayNumber): { rate: Decimal; legalRate: Decimal; halfYear: string } | null {
  const found = RATES.find((rate) => rate.from <= day && day <= rate.to);
  return found ? { rate: found.otherCases.mul(3), legalRate: found.otherCases, halfYear: found.halfYear } : null;
}
