// The sample ledger made current: its invoices, due dates, promises and dunning log are dated
// around 28 November 2025, so opened on another day it would show everything long overdue.
// Preview and the terminal demo move every date of the sample by the same number of days, so
// that its as-of date is today and the ledger looks the same on any day. The committed files
// and the tests keep the fixed date.

import { type DayNumber, dayFromCalendar, formatIsoDate, isValidCalendarDate, parseTextDate } from '../primitives/dates';

/** The date the sample ledger and its dunning log were written for. */
export const SAMPLE_AS_OF = '2025-11-28';

/** An ISO date standing on its own (not part of a number such as FA-2025-04117). */
const ISO_DATE = /(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])/g;

/** Days to add to the sample's dates so that its as-of date becomes `today`. */
export function sampleShiftDays(today: DayNumber): number {
  return today - parseTextDate(SAMPLE_AS_OF);
}

/**
 * Moves every ISO date in `text` (a CSV of the sample: dates in columns and inside notes such
 * as "Payé le 2025-06-30") by `days`. Text that is not a real date is left as it is.
 */
export function shiftIsoDates(text: string, days: number): string {
  if (days === 0) return text;
  return text.replace(ISO_DATE, (match, year: string, month: string, day: string) => {
    const [y, m, d] = [Number(year), Number(month), Number(day)];
    return isValidCalendarDate(y, m, d) ? formatIsoDate(dayFromCalendar(y, m, d) + days) : match;
  });
}

/** The sample ledger and its dunning log, as CSV text. */
export interface SampleTexts {
  readonly ledger: string;
  readonly log: string;
}

/** The sample as of `today`: every date of the ledger and the log moved by the same number of days. */
export function currentSample(sample: SampleTexts, today: DayNumber): SampleTexts & { readonly shiftDays: number } {
  const shiftDays = sampleShiftDays(today);
  return { ledger: shiftIsoDates(sample.ledger, shiftDays), log: shiftIsoDates(sample.log, shiftDays), shiftDays };
}
