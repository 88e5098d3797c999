// The sample ledger made current: its invoices, due dates, promises and dunning log are dated
// around 28 November 2025, so opened on another day it would show everything long overdue.
// Preview and the terminal demo move the sample forward by whole months, so that its as-of date
// becomes the latest 28th on or before today, and then recompute every due date from its payment
// terms. Moving by a flat number of days would break the terms: an invoice of 30 August under
// "fin de mois + 45" is due on 15 October, but moved 367 days to 1 September it is due on
// 14 November, not 17 October. Whole months keep each date's day of the month, so end-of-month
// terms stay true; the recomputation makes day-counted terms true across months of other lengths.
// The committed files and the tests keep the fixed date.

import { parseCsv } from '../ledger/csv';
import { dueDateFromTerms, parsePaymentTerms } from '../ledger/terms';
import {
  calendarFromDay,
  type DayNumber,
  dayFromCalendar,
  daysInMonth,
  formatIsoDate,
  isValidCalendarDate,
  parseTextDate,
} from '../primitives/dates';

/** The date the sample ledger and its dunning log were written for. */
export const SAMPLE_AS_OF = '2025-11-28';

/** The sample ledger's columns that the move reads (its own French headers). */
const INVOICE_DATE = 'Date facture';
const TERMS = 'Conditions de paiement';
const DUE_DATE = 'Échéance';
const INVOICE_NUMBER = 'N° facture';
const LOG_DATE = 'Date';
const LOG_INVOICES = 'Factures';

/** An ISO date standing on its own (not part of a number such as FA-2025-04117). */
const ISO_DATE = /(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])/g;

/**
 * `day` moved by whole `months`: the same day of the month, or the month's last day when the
 * month is shorter (31 January + 1 month = 28 or 29 February).
 */
export function addMonths(day: DayNumber, months: number): DayNumber {
  const { year, month, day: dayOfMonth } = calendarFromDay(day);
  const index = year * 12 + (month - 1) + months;
  const toYear = Math.floor(index / 12);
  const toMonth = index - toYear * 12 + 1;
  return dayFromCalendar(toYear, toMonth, Math.min(dayOfMonth, daysInMonth(toYear, toMonth)));
}

/**
 * Whole months to add to the sample's dates: the most that keeps its as-of date on or before
 * `today`, so that nothing in it (an invoice, a reminder) is dated in the future. The sample is
 * then as of the latest 28th up to today: between 0 and 30 days older than on its own date.
 */
export function sampleShiftMonths(today: DayNumber): number {
  const sampleDay = parseTextDate(SAMPLE_AS_OF);
  const from = calendarFromDay(sampleDay);
  const to = calendarFromDay(today);
  let months = (to.year - from.year) * 12 + (to.month - from.month);
  if (addMonths(sampleDay, months) > today) months--;
  return months;
}

/**
 * Moves every ISO date in `text` (a cell of the sample: a date, or a note such as "Payé le
 * 2025-06-30") by whole `months`. Text that is not a real date is left as it is.
 */
export function shiftIsoDates(text: string, months: number): string {
  if (months === 0) return text;
  return text.replace(ISO_DATE, (match, year: string, month: string, day: string) => {
    const [y, m, d] = [Number(year), Number(month), Number(day)];
    return isValidCalendarDate(y, m, d) ? formatIsoDate(addMonths(dayFromCalendar(y, m, d), months)) : match;
  });
}

/** The sample ledger and its dunning log, as CSV text. */
export interface SampleTexts {
  readonly ledger: string;
  readonly log: string;
}

/** The sample made current: its texts, the months its dates moved, and the as-of date they now fit. */
export interface CurrentSample extends SampleTexts {
  readonly shiftMonths: number;
  /** The sample's own as-of date moved by `shiftMonths` (on or before today). */
  readonly movedAsOf: DayNumber;
}

/**
 * The sample as of `today`: every date of the ledger and the log moved by the same whole months,
 * then each due date recomputed from the row's payment terms and its moved invoice date with
 * the core's own terms reader, so that `=DUEDATE(invoice date, terms)` gives the due date shown.
 */
export function currentSample(sample: SampleTexts, today: DayNumber): CurrentSample {
  const shiftMonths = sampleShiftMonths(today);
  const ledger = movedLedger(sample.ledger, shiftMonths);
  return {
    ledger: ledger.text,
    log: movedLog(sample.log, shiftMonths, ledger.dueDays),
    shiftMonths,
    movedAsOf: addMonths(parseTextDate(SAMPLE_AS_OF), shiftMonths),
  };
}

function movedLedger(text: string, months: number): { text: string; dueDays: Map<string, DayNumber> } {
  const [header = [], ...rows] = parseCsv(text);
  const [invoiceNumber, invoiceDate, terms, dueDate] = [
    column(header, INVOICE_NUMBER),
    column(header, INVOICE_DATE),
    column(header, TERMS),
    column(header, DUE_DATE),
  ];
  const dueDays = new Map<string, DayNumber>();
  const moved = rows.map((row) => {
    const cells = row.map((cell) => shiftIsoDates(cell, months));
    const due = dueDateFromTerms(parseTextDate(cells[invoiceDate] ?? ''), parsePaymentTerms(cells[terms] ?? ''));
    cells[dueDate] = formatIsoDate(due);
    dueDays.set(cells[invoiceNumber] ?? '', due);
    return cells;
  });
  return { text: csvText(header, moved), dueDays };
}

/**
 * The dunning log moved by the same months. Day-counted terms over months of other lengths
 * (a February, a leap year) can move a due date a few days against its reminders: a reminder
 * names only the invoices already overdue on its date, the rule the sample's log was written by.
 */
function movedLog(text: string, months: number, dueDays: ReadonlyMap<string, DayNumber>): string {
  // No log at all (the terminal demo shows only the aged balance) is nothing to move.
  if (months === 0 || text.trim() === '') return text;
  const [header = [], ...rows] = parseCsv(text);
  const [date, invoices] = [column(header, LOG_DATE), column(header, LOG_INVOICES)];
  const moved = rows.map((row) => {
    const cells = row.map((cell) => shiftIsoDates(cell, months));
    const sent = parseTextDate(cells[date] ?? '');
    cells[invoices] = (cells[invoices] ?? '')
      .split(' ')
      .filter((invoice) => invoice !== '' && (dueDays.get(invoice) ?? Number.NEGATIVE_INFINITY) < sent)
      .join(' ');
    return cells;
  });
  return csvText(header, moved);
}

function column(header: readonly string[], name: string): number {
  const index = header.indexOf(name);
  // The sample is ours: a missing column is a defect of the repository, not of a user's file.
  if (index < 0) throw new Error(`The sample has no "${name}" column`);
  return index;
}

function csvText(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return `${[header, ...rows].map((row) => row.map(csvField).join(',')).join('\n')}\n`;
}

/** A CSV field, quoted when it holds a separator, a quote or a line break. */
function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
