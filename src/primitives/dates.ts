// Calendar dates as whole day numbers (days since 1970-01-01), with no time zone and no `Date`.
// A sheet's date is a calendar date: converting it through a `Date` would shift it by a day
// in half of the world's time zones. For that reason the core does not use date-fns: every one
// of its functions takes or returns a `Date` read in the machine's time zone, and what the core
// needs (adding days, month ends, Excel and Sheets serials, reading text dates, ISO and long
// dates in English and French) is integer arithmetic here, tested under three time zones.

import { fail, type Language } from './messages';

/** Days since 1970-01-01 (negative before). A calendar date, not an instant. */
export type DayNumber = number;

export interface CalendarDate {
  readonly year: number;
  readonly month: number; // 1-12
  readonly day: number; // 1-31
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function isValidCalendarDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

// Howard Hinnant's days_from_civil: exact for every proleptic Gregorian date, no tables.
export function dayFromCalendar(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export function calendarFromDay(dayNumber: DayNumber): CalendarDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

export function lastDayOfMonth(dayNumber: DayNumber): DayNumber {
  const { year, month } = calendarFromDay(dayNumber);
  return dayFromCalendar(year, month, daysInMonth(year, month));
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
const pad4 = (n: number): string => String(n).padStart(4, '0');

export function formatIsoDate(dayNumber: DayNumber): string {
  const { year, month, day } = calendarFromDay(dayNumber);
  return `${pad4(year)}-${pad2(month)}-${pad2(day)}`;
}

const monthNames: Record<Language, readonly string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
};

/** "23 November 2026" / "23 novembre 2026" (French writes the first of the month "1er"). */
export function formatLongDate(dayNumber: DayNumber, language: Language): string {
  const { year, month, day } = calendarFromDay(dayNumber);
  const dayText = language === 'fr' && day === 1 ? '1er' : String(day);
  return `${dayText} ${monthNames[language][month - 1]} ${year}`;
}

/** "23/11/2026" in both languages: day-first is what French and British readers expect. */
export function formatShortDate(dayNumber: DayNumber): string {
  const { year, month, day } = calendarFromDay(dayNumber);
  return `${pad2(day)}/${pad2(month)}/${pad4(year)}`;
}

// ---- spreadsheet serial numbers -------------------------------------------------------------

/** Serial 25569 is 1970-01-01 in Excel's 1900 system (from 1900-03-01 on) and in Sheets. */
const SERIAL_OF_EPOCH = 25569;
/** Excel's 1904 system (old Mac workbooks): serial 0 is 1904-01-01, 1,462 days after 1900's. */
const SERIAL_OF_EPOCH_1904 = 24107;
const EXCEL_FAKE_LEAP_DAY = 60;
const EXCEL_MAX_SERIAL = 2958465; // 9999-12-31

export type SerialSystem = 'excel1900' | 'excel1904' | 'sheets';

/**
 * Excel 1900 system: serial 1 = 1900-01-01 … 59 = 1900-02-28; 60 is Lotus 1-2-3's
 * 29 February 1900, which never existed, so it is refused; from 61 (1900-03-01) the serials
 * are true day counts. A fraction is a time of day and is dropped.
 */
export function dayFromExcelSerial(serial: number): DayNumber {
  const whole = Math.floor(serial);
  if (!(whole >= 1 && whole <= EXCEL_MAX_SERIAL)) fail('serialOutOfRange', { value: serial });
  if (whole > EXCEL_FAKE_LEAP_DAY) return whole - SERIAL_OF_EPOCH;
  if (whole === EXCEL_FAKE_LEAP_DAY) fail('dateFakeLeapDay');
  return whole - SERIAL_OF_EPOCH + 1;
}

const FIRST_EXCEL_DAY = dayFromCalendar(1900, 1, 1);
const FIRST_TRUE_EXCEL_DAY = dayFromCalendar(1900, 3, 1);

export function excelSerialFromDay(dayNumber: DayNumber): number {
  if (dayNumber >= FIRST_TRUE_EXCEL_DAY) return dayNumber + SERIAL_OF_EPOCH;
  if (dayNumber >= FIRST_EXCEL_DAY) return dayNumber + SERIAL_OF_EPOCH - 1;
  return fail('serialOutOfRange', { value: formatIsoDate(dayNumber) });
}

/** Google Sheets counts from 1899-12-30 with no fake leap day; serials may be negative. */
export function dayFromSheetsSerial(serial: number): DayNumber {
  if (!Number.isFinite(serial) || Math.abs(serial) > EXCEL_MAX_SERIAL * 2) fail('serialOutOfRange', { value: serial });
  return Math.floor(serial) - SERIAL_OF_EPOCH;
}

export function sheetsSerialFromDay(dayNumber: DayNumber): number {
  return dayNumber + SERIAL_OF_EPOCH;
}

export function dayFromExcel1904Serial(serial: number): DayNumber {
  const whole = Math.floor(serial);
  if (!(whole >= 0 && whole <= EXCEL_MAX_SERIAL - 1462)) fail('serialOutOfRange', { value: serial });
  return whole - SERIAL_OF_EPOCH_1904;
}

export function dayFromSerial(serial: number, system: SerialSystem): DayNumber {
  switch (system) {
    case 'excel1900':
      return dayFromExcelSerial(serial);
    case 'excel1904':
      return dayFromExcel1904Serial(serial);
    case 'sheets':
      return dayFromSheetsSerial(serial);
  }
}

export function serialFromDay(dayNumber: DayNumber, system: SerialSystem): number {
  switch (system) {
    case 'excel1900':
      return excelSerialFromDay(dayNumber);
    case 'excel1904':
      return dayNumber + SERIAL_OF_EPOCH_1904;
    case 'sheets':
      return sheetsSerialFromDay(dayNumber);
  }
}

// ---- text dates ------------------------------------------------------------------------------

export interface TextDateOptions {
  /** Read `1/2/2024` as 2 January (US order) for a whole column. Default: day-first. */
  readonly monthFirst?: boolean;
  /** The order was decided for the whole column: no falling back to the other one. */
  readonly strict?: boolean;
  /**
   * A two-digit year (`03-Nov-26`, `03/11/26`) does not say its century. Refused unless the
   * caller reads a whole column and reports the rule it applies: 'window1930' reads it in
   * 1930–2029, as Excel does (see `yearOfTwoDigits`).
   */
  readonly twoDigitYear?: 'refuse' | 'window1930';
}

/**
 * The century of a two-digit year, as Excel gives it to a date typed or opened from a text file
 * with two digits: 00–29 are 2000–2029, 30–99 are 1930–1999 (Microsoft, "How Microsoft Excel
 * works with two-digit year numbers", KB 214391, "the 2029 rule"; Excel's help, "How Excel
 * interprets two-digit years"; Windows' default two-digit-year window also ends in 2029, and
 * LibreOffice's default is 1930–2029). Why this window: the same export opened in the user's
 * spreadsheet shows the same dates as the aged balance; and a year past it (`03/11/45`) reads as
 * decades overdue, in plain sight in the oldest bucket, rather than as not yet due.
 */
export function yearOfTwoDigits(twoDigits: number): number {
  return twoDigits <= LAST_TWO_DIGITS_OF_2000S ? 2000 + twoDigits : 1900 + twoDigits;
}
const LAST_TWO_DIGITS_OF_2000S = 29;

// A time part after the date ("2024-03-01T10:00", "1/26/2013 0:00") is ignored: we age dates.
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/;
const YMD_SLASH = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?:\s.*)?$/;
// The year in four digits, or in two (03/11/26, as French and UK exports write it): the year is
// always last, the day and the month in either order.
const NUMERIC_DATE = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?:\s.*)?$/;
// The FEC's and many exports' compact form: 20261130.
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;

// Day, month name, year: 03-Nov-2026, 3 Nov 2026, 03-Nov-26, 03-nov.-2026, 3 novembre 2026,
// 1er novembre 2026, 03/nov/2026. The month is a word, so the order is never in doubt.
const NAMED_MONTH_DATE = /^(\d{1,2})(?:er)?[\s./-]+(\p{L}+)\.?[\s./-]+(\d{4}|\d{2})(?:[\sT].*)?$/u;

/** Month names and abbreviations in English and French, without accents or case. */
const MONTH_OF_NAME = new Map<string, number>();
[
  ['january', 'jan', 'janvier', 'janv'],
  ['february', 'feb', 'fevrier', 'fevr', 'fev'],
  ['march', 'mar', 'mars'],
  ['april', 'apr', 'avril', 'avr'],
  ['may', 'mai'],
  ['june', 'jun', 'juin'],
  ['july', 'jul', 'juillet', 'juil'],
  ['august', 'aug', 'aout'],
  ['september', 'sep', 'sept', 'septembre'],
  ['october', 'oct', 'octobre'],
  ['november', 'nov', 'novembre'],
  ['december', 'dec', 'decembre'],
].forEach((names, index) => {
  for (const name of names) MONTH_OF_NAME.set(name, index + 1);
});

function foldMonthName(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** Whether the text is a day-month name-year date (of any validity), and whether its year has two digits. */
export function namedMonthDateShape(text: string): { readonly twoDigitYear: boolean } | null {
  const match = NAMED_MONTH_DATE.exec(text.trim());
  if (!match || !MONTH_OF_NAME.has(foldMonthName(match[2] as string))) return null;
  return { twoDigitYear: (match[3] as string).length === 2 };
}

export function parseTextDate(text: string, options: TextDateOptions = {}): DayNumber {
  const value = text.trim();
  const named = NAMED_MONTH_DATE.exec(value);
  if (named) {
    const month = MONTH_OF_NAME.get(foldMonthName(named[2] as string));
    if (month === undefined) fail('dateUnreadable', { value });
    const day = Number(named[1]);
    const yearText = named[3] as string;
    const year = fullYear(yearText, value, options);
    if (!isValidCalendarDate(year, month, day)) failImpossible(value, year, month, day);
    return dayFromCalendar(year, month, day);
  }
  const iso = ISO_DATE.exec(value) ?? YMD_SLASH.exec(value) ?? COMPACT_DATE.exec(value);
  if (iso) {
    const [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (!isValidCalendarDate(year, month, day)) failImpossible(value, year, month, day);
    return dayFromCalendar(year, month, day);
  }
  const numeric = NUMERIC_DATE.exec(value);
  if (numeric) {
    const first = Number(numeric[1]);
    const second = Number(numeric[3]);
    const year = fullYear(numeric[4] as string, value, options);
    const [day, month] = options.monthFirst ? [second, first] : [first, second];
    if (isValidCalendarDate(year, month, day)) return dayFromCalendar(year, month, day);
    if (options.strict && isValidCalendarDate(year, day, month)) {
      fail(options.monthFirst ? 'dateNotMonthFirst' : 'dateNotDayFirst', { value });
    }
    // 1/26/2013 cannot be day-first: when the other order is a real date, the author meant it.
    if (!options.monthFirst && isValidCalendarDate(year, first, second)) return dayFromCalendar(year, first, second);
    failImpossible(value, year, month, day);
  }
  return fail('dateUnreadable', { value });
}

function fullYear(yearText: string, value: string, options: TextDateOptions): number {
  if (yearText.length !== 2) return Number(yearText);
  if (options.twoDigitYear !== 'window1930') fail('dateTwoDigitYear', { value });
  return yearOfTwoDigits(Number(yearText));
}

// Never roll 31/02 over into March: a wrong date in a ledger is a typo the user must see.
function failImpossible(value: string, year: number, month: number, day: number): never {
  if (month < 1 || month > 12) fail('dateNoSuchMonth', { value, month });
  if (year < 1) fail('dateUnreadable', { value });
  return fail('dateNoSuchDay', { value, month: pad2(month), year, days: daysInMonth(year, month), day });
}
