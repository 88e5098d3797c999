// The one place where raw sheet values become core types. Hosts hand over what the sheet
// holds (numbers, text, booleans, blanks, errors, and calendar dates they converted in the
// spreadsheet's time zone); every reader returns `null` for a blank and throws an
// AgeBucketError that says what is wrong with the value otherwise.

import {
  type CalendarDate,
  type DayNumber,
  dayFromCalendar,
  dayFromSerial,
  isValidCalendarDate,
  parseTextDate,
  type SerialSystem,
} from './dates';
import { fail } from './messages';
import { type MinorUnits, minorFromNumber, minorFromText, parseCurrencyCode } from './money';

/** A cell error as a host reports it (Excel's `#N/A`, Sheets' `#REF!`). */
export interface CellError {
  readonly error: string;
}

/**
 * A raw cell: what `Range.values` (Excel), `getValues()` (Sheets) or a custom-function
 * argument holds. Sheets' `Date` objects arrive as CalendarDate: the host converts them in
 * the spreadsheet's time zone, which only it knows.
 */
export type CellValue = number | string | boolean | null | undefined | CalendarDate | CellError;

export interface DateReadOptions {
  readonly serialSystem: SerialSystem;
  readonly monthFirst?: boolean;
  /** The column's order was decided from the whole column: a date that only fits the other order is an error. */
  readonly strict?: boolean;
  /** Two-digit years (03-Nov-26, 03/11/26) read in 1930–2029 as Excel does: only where the column's reading says so. */
  readonly twoDigitYear?: 'refuse' | 'window1930';
}

const ERROR_TEXT =
  /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|ERROR!|SPILL!|CALC!|GETTING_DATA|FIELD!|BUSY!|BLOCKED!|CONNECT!|UNKNOWN!)$/;

export function isBlank(value: CellValue): value is null | undefined | '' {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

function isCellError(value: CellValue): value is CellError {
  return typeof value === 'object' && value !== null && 'error' in value;
}

function kindOf(value: CellValue): string {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return typeof value;
}

function failIfErrorText(value: string): void {
  // Every error value starts with `#`: most texts are cleared without the pattern.
  if (!value.includes('#')) return;
  if (ERROR_TEXT.test(value.trim())) fail('cellError', { value: value.trim() });
}

// 20261130: a yyyymmdd date stored as a number is far above the last serial (2958465).
const FIRST_YYYYMMDD = 10000101;

export function readDate(value: CellValue, options: DateReadOptions): DayNumber | null {
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= FIRST_YYYYMMDD && value <= 99991231) return parseTextDate(String(value));
    return dayFromSerial(value, options.serialSystem);
  }
  if (isBlank(value)) return null;
  if (typeof value === 'string') {
    failIfErrorText(value);
    // A number stored as text ("45000") is a serial that lost its format, not a typo.
    const trimmed = value.trim();
    if (/^\d{1,7}(\.\d+)?$/.test(trimmed)) return dayFromSerial(Number(trimmed), options.serialSystem);
    return parseTextDate(trimmed, {
      monthFirst: options.monthFirst === true,
      strict: options.strict === true,
      twoDigitYear: options.twoDigitYear ?? 'refuse',
    });
  }
  if (isCellError(value)) return fail('cellError', { value: value.error });
  if (typeof value === 'object') {
    if (!isValidCalendarDate(value.year, value.month, value.day)) {
      fail('dateUnreadable', { value: `${value.year}-${value.month}-${value.day}` });
    }
    return dayFromCalendar(value.year, value.month, value.day);
  }
  return fail('notADateValue', { kind: kindOf(value) });
}

export function readAmount(value: CellValue, currency: string): MinorUnits | null {
  if (typeof value === 'number') return minorFromNumber(value, currency);
  if (isBlank(value)) return null;
  if (typeof value === 'string') {
    failIfErrorText(value);
    return minorFromText(value, currency);
  }
  if (isCellError(value)) return fail('cellError', { value: value.error });
  return fail('notAnAmountValue', { kind: kindOf(value) });
}

/** Text as the user typed it, trimmed; numbers (a customer number) become their text. */
export function readText(value: CellValue): string | null {
  if (typeof value === 'string') {
    // Trimmed once: this runs on most cells of a 100,000-row ledger.
    const trimmed = value.trim();
    if (trimmed === '') return null;
    failIfErrorText(trimmed);
    return trimmed;
  }
  if (isBlank(value)) return null;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (isCellError(value)) return fail('cellError', { value: value.error });
  return `${value.year}-${String(value.month).padStart(2, '0')}-${String(value.day).padStart(2, '0')}`;
}

/** A cell as a label (a header in a list of columns): never throws, a date as its ISO day. */
export function cellLabel(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (isCellError(value)) return value.error;
  if (typeof value === 'object') return readText(value) ?? '';
  return typeof value === 'boolean' ? (value ? 'TRUE' : 'FALSE') : String(value);
}

/**
 * A customer as an account key: trimmed, every run of spaces one space. A no-break space
 * (U+00A0, pasted from a PDF or a web page) and a narrow no-break space (U+202F, French
 * typography before `:`) are spaces, as are tabs and line breaks: `ACME`, `ACME` + U+00A0 and
 * ` ACME` are one account. Case is kept: `Acme` and `ACME` may be two companies.
 */
export function customerKey(text: string): string {
  // `\s` covers U+00A0 and U+202F; written out so the reader need not know it.
  return text.replace(/[\s\u00A0\u202F]+/g, ' ').trim();
}

/** A customer cell read as its account key; a cell of only spaces (of any kind) is blank. */
export function readCustomer(value: CellValue): string | null {
  const text = readText(value);
  if (text === null) return null;
  const key = customerKey(text);
  return key === '' ? null : key;
}

export function readCurrency(value: CellValue, fallback: string): string {
  const text = readText(value);
  return text === null ? fallback : parseCurrencyCode(text);
}

const YES = new Set(['yes', 'y', 'oui', 'o', 'true', 'vrai', '1', 'x', 'disputed', 'litige', 'en litige']);

/** Flags such as "Disputed": yes/oui/x/TRUE/1 are true, anything else (no, non, blank) false. */
export function readFlag(value: CellValue): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  const text = readText(value);
  return text !== null && YES.has(text.toLowerCase());
}

/** Whole numbers of days (boundaries, thresholds): numbers or numeric text. */
export function readNumber(value: CellValue): number | null {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) fail('daysNotANumber', { value: String(value) });
    return value;
  }
  const text = readText(value);
  if (text === null) return null;
  const number = Number(text.replace(',', '.'));
  if (!Number.isFinite(number)) fail('daysNotANumber', { value: text });
  return number;
}
