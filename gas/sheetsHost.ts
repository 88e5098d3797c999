/// <reference types="google-apps-script" />
// What Google Sheets tells the function bodies. Sheets hands dates to custom functions as
// Date objects at midnight in the spreadsheet's time zone, so they are read back in that zone
// (never the script's or the machine's); a plain number is a serial counted from 1899-12-30.

import type { HostContext } from '../src/functions/context';
import type { CellValue } from '../src/primitives/cells';
import { type CalendarDate, type DayNumber, dayFromCalendar } from '../src/primitives/dates';
import { AgeBucketError, type Language, languageOfTag } from '../src/primitives/messages';

// Dates made in another realm (a test's vm context) fail `instanceof Date`; this test does not.
function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/**
 * The spreadsheet zone's calendar date of Date cells, asking `Utilities.formatDate` once per
 * distinct instant. A date cell is midnight of its day, so a column of a million dates over
 * three years costs about a thousand calls instead of a million (each call crosses into
 * Apps Script's Java side; a custom function has 30 seconds). The answer is formatDate's own,
 * so every zone rule and historical offset it knows holds. A cell with a time of day is its
 * own instant: a column of distinct timestamps still costs one call per cell.
 */
export class ZoneCalendar {
  // One shared value per instant: a column of a million cells over a thousand days holds a
  // thousand calendar dates, not a million (nothing downstream changes a cell value).
  private readonly dayByInstant = new Map<number, CalendarDate>();

  constructor(readonly timeZone: string) {}

  /** The calendar date of the instant in the zone; an invalid Date is a cell error. */
  calendarDate(date: Date): CellValue {
    const instant = date.getTime();
    if (Number.isNaN(instant)) return { error: '#VALUE!' };
    let day = this.dayByInstant.get(instant);
    if (day === undefined) {
      const [year, month, dayOfMonth] = Utilities.formatDate(date, this.timeZone, 'yyyy-MM-dd').split('-').map(Number);
      day = { year: year as number, month: month as number, day: dayOfMonth as number };
      this.dayByInstant.set(instant, day);
    }
    return day;
  }
}

function calendarDateIn(date: Date, timeZone: string): CellValue {
  return new ZoneCalendar(timeZone).calendarDate(date);
}

/** A custom-function argument with its Dates turned into calendar dates of the spreadsheet's zone. */
export function fromSheets(value: unknown, timeZone: string, calendar = new ZoneCalendar(timeZone)): unknown {
  if (isDate(value)) return calendar.calendarDate(value);
  if (Array.isArray(value)) {
    // Ranges hold Dates only in date columns: copy a row only when it has one.
    return value.map((row) =>
      Array.isArray(row) && row.some(isDate) ? row.map((cell) => (isDate(cell) ? calendar.calendarDate(cell) : cell)) : row,
    );
  }
  return value;
}

/** The zone's offset from UTC at an instant, in minutes ("+0100" → 60). */
function offsetMinutes(instant: Date, timeZone: string): number {
  const text = Utilities.formatDate(instant, timeZone, 'Z');
  const sign = text.startsWith('-') ? -1 : 1;
  return sign * (Number(text.slice(1, 3)) * 60 + Number(text.slice(3, 5)));
}

/** Midnight of a calendar date in the spreadsheet's zone: the Date Sheets shows as that day. */
export function dateInZone(day: DayNumber, timeZone: string): Date {
  const utcMidnight = day * 86_400_000;
  let instant = new Date(utcMidnight - offsetMinutes(new Date(utcMidnight), timeZone) * 60_000);
  // Across a clock change the offset at the first guess may not be the offset at midnight.
  instant = new Date(utcMidnight - offsetMinutes(instant, timeZone) * 60_000);
  return instant;
}

/** Today in a zone, as the sheet's TODAY() sees it. */
function todayIn(timeZone: string): DayNumber {
  const { year, month, day } = calendarDateIn(new Date(), timeZone) as { year: number; month: number; day: number };
  return dayFromCalendar(year, month, day);
}

/** Today in the spreadsheet's time zone. */
export function spreadsheetToday(): DayNumber {
  return todayIn(SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone());
}

export function sheetsContext(): { context: HostContext; timeZone: string } {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const language: Language = languageOfTag(spreadsheet.getSpreadsheetLocale());
  const midnights = new Map<DayNumber, number>();
  const context: HostContext = {
    serialSystem: 'sheets',
    today: () => todayIn(timeZone),
    cellError: (message) => `#VALUE! ${message}`,
    dateResult: (day) => {
      // DUEDATE over a range gives few distinct days: two offset look-ups per day, not per cell.
      let instant = midnights.get(day);
      if (instant === undefined) {
        instant = dateInZone(day, timeZone).getTime();
        midnights.set(day, instant);
      }
      return new Date(instant);
    },
    language,
  };
  return { context, timeZone };
}

/** Runs a function body with its arguments read in the spreadsheet's zone; whole-call errors throw. */
export function callFromSheets(args: readonly unknown[], body: (args: unknown[], context: HostContext) => unknown): unknown {
  const { context, timeZone } = sheetsContext();
  try {
    // One calendar for every argument: due dates and as_of share their days.
    const calendar = new ZoneCalendar(timeZone);
    return body(
      args.map((arg) => fromSheets(arg, timeZone, calendar)),
      context,
    );
  } catch (error) {
    if (error instanceof AgeBucketError) throw new Error(error.message);
    throw error;
  }
}
