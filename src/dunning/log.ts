// The dunning log: an append-only sheet of what was sent to whom and when. It is the memory of
// the process: the next run reads it to know each account's last stage and its date.

import { dateReadOptionsOf, decideDateColumns } from '../ledger/ledger';
import { type CellValue, isBlank, readAmount, readCurrency, readCustomer, readDate, readText } from '../primitives/cells';
import {
  type DayNumber,
  dayFromCalendar,
  daysInMonth,
  formatIsoDate,
  formatLongDate,
  isValidCalendarDate,
  parseTextDate,
  type SerialSystem,
} from '../primitives/dates';
import { AgeBucketError, fail, type Language } from '../primitives/messages';
import { amountFromMinor, type MinorUnits } from '../primitives/money';
import { type DunningPolicy, findStage, fold } from './policy';

export interface LogEntry {
  readonly day: DayNumber;
  readonly customer: string;
  /** Null in old logs that did not record it: then it applies to every currency of the account. */
  readonly currency: string | null;
  /** Index in the policy's stages; -1 for a logged call or note that is not a stage. */
  readonly stageIndex: number;
  readonly stageText: string;
  readonly channel: string;
  readonly amount: MinorUnits | null;
  readonly invoices: readonly string[];
  readonly owner: string;
  readonly note: string;
  /** The date a promise to pay runs to (its own column; older logs wrote it in the note). */
  readonly promiseDay?: DayNumber | null;
  /** The row of the log sheet it was read from (1-based), to name it in messages. */
  readonly row?: number;
}

/** The log sheet's name in each language (an existing log keeps the name it has). */
export const LOG_SHEETS: Record<Language, string> = { en: 'Dunning log', fr: 'Journal des relances' };

export const LOG_COLUMNS = [
  'date',
  'customer',
  'stage',
  'channel',
  'amount',
  'currency',
  'invoices',
  'owner',
  'note',
  'promiseDate',
] as const;
export type LogColumn = (typeof LOG_COLUMNS)[number];

/** The log sheet's header row in each language (the reader accepts both). */
export const LOG_HEADERS: Record<Language, Record<LogColumn, string>> = {
  en: {
    date: 'Date',
    customer: 'Customer',
    stage: 'Stage',
    channel: 'Channel',
    amount: 'Overdue amount',
    currency: 'Currency',
    invoices: 'Invoices',
    owner: 'Owner',
    note: 'Note',
    promiseDate: 'Promised for',
  },
  fr: {
    date: 'Date',
    customer: 'Client',
    stage: 'Niveau',
    channel: 'Canal',
    amount: 'Montant échu',
    currency: 'Devise',
    invoices: 'Factures',
    owner: 'Responsable',
    note: 'Note',
    promiseDate: 'Promis pour le',
  },
};

/** Notes that are not stages (a logged call, a promise, a dispute) still belong in the log. */
export const LOG_EVENTS: Record<
  'call' | 'promise' | 'dispute' | 'noAnswer' | 'disputeResolved' | 'statement',
  Record<Language, string>
> = {
  call: { en: 'Phone call', fr: 'Appel téléphonique' },
  promise: { en: 'Promise to pay', fr: 'Promesse de paiement' },
  dispute: { en: 'Dispute', fr: 'Litige' },
  noAnswer: { en: 'No answer', fr: 'Pas de réponse' },
  disputeResolved: { en: 'Dispute resolved', fr: 'Litige résolu' },
  statement: { en: 'Statement of account', fr: 'Relevé de compte' },
};

/**
 * How letters went, in the log's language. A registered letter or a formal notice is logged
 * with its stage's own channel (the policy's), whatever file it was printed from.
 */
export const LOG_CHANNELS: Record<'email' | 'letter', Record<Language, string>> = {
  email: { en: 'Email', fr: 'Email' },
  letter: { en: 'Letter', fr: 'Courrier' },
};

/** The events' names folded once, not for every log row: folded name → event, the first event that has it. */
const EVENT_NAMES: ReadonlyMap<string, keyof typeof LOG_EVENTS> = (() => {
  const names = new Map<string, keyof typeof LOG_EVENTS>();
  for (const [event, name] of Object.entries(LOG_EVENTS) as Array<[keyof typeof LOG_EVENTS, Record<Language, string>]>) {
    for (const folded of [fold(name.en), fold(name.fr)]) if (!names.has(folded)) names.set(folded, event);
  }
  return names;
})();
const STATEMENT_PREFIXES = [fold(LOG_EVENTS.statement.en), fold(LOG_EVENTS.statement.fr)];

/** Which event a log row records, from its stage text in either language. */
export function logEventOf(text: string): keyof typeof LOG_EVENTS | null {
  const wanted = fold(text);
  const event = EVENT_NAMES.get(wanted);
  if (event) return event;
  // Statements were once logged under their subject ("Relevé de compte au 28 novembre 2025").
  if (STATEMENT_PREFIXES.some((prefix) => wanted.startsWith(prefix))) return 'statement';
  return null;
}

function logColumnOf(header: CellValue): LogColumn | undefined {
  const text = readText(header);
  if (text === null) return undefined;
  const wanted = fold(text);
  return LOG_COLUMNS.find((column) => fold(LOG_HEADERS.en[column]) === wanted || fold(LOG_HEADERS.fr[column]) === wanted);
}

/**
 * A log row the plan could not read (an impossible date, a stage the policy does not know, a
 * promise with no date). Never dropped in silence: the account it might concern is held for
 * review, or a stage could be sent twice.
 */
export interface UnreadableLogRow {
  readonly row: number;
  readonly error: AgeBucketError;
  /** The customer cell's text, when there is one: the account the row might concern. */
  readonly customer: string | null;
  readonly currency: string | null;
}

export interface DunningLog {
  readonly entries: readonly LogEntry[];
  readonly skipped: readonly UnreadableLogRow[];
  /** The first row is a log row, not the header (a cleared sheet written to before it got one back). */
  readonly headerMissing?: boolean;
}

/** Reads the log sheet (rows[0] is its header, in English or French). */
export function readDunningLog(
  rows: readonly (readonly CellValue[])[],
  policy: DunningPolicy,
  serialSystem: SerialSystem,
): DunningLog {
  const header = rows[0] ?? [];
  const columns = new Map<LogColumn, number>();
  header.forEach((cell, index) => {
    const column = logColumnOf(cell);
    if (column !== undefined && !columns.has(column)) columns.set(column, index);
  });
  let first = 1;
  if (!(columns.has('date') && columns.has('customer') && columns.has('stage')) && isLogRow(header, policy, serialSystem)) {
    // No header, but rows as the add-in writes them: read them in its own column order.
    LOG_COLUMNS.forEach((column, index) => {
      columns.set(column, index);
    });
    first = 0;
  }
  for (const required of ['date', 'customer', 'stage'] as const) {
    if (!columns.has(required)) fail('logColumnMissing', { column: LOG_HEADERS.en[required], french: LOG_HEADERS.fr[required] });
  }
  // The log's dates are read as a ledger's are: each column in one order, the file's columns in
  // the same one, two-digit years (03/11/26) in Excel's window. A log without a header is the
  // add-in's own, its first row a log row.
  const body = first === 0 ? [[], ...rows] : rows;
  const readings = decideDateColumns(
    body,
    (['date', 'promiseDate'] as const).flatMap((role) => {
      const column = columns.get(role);
      return column === undefined ? [] : [{ role, column }];
    }),
    {},
  );
  const dateOptions = (role: 'date' | 'promiseDate') =>
    dateReadOptionsOf(
      readings.find((reading) => reading.role === role),
      serialSystem,
    );
  const dayOptions = dateOptions('date');
  const promiseOptions = dateOptions('promiseDate');
  const entries: LogEntry[] = [];
  const skipped: UnreadableLogRow[] = [];
  for (let index = first; index < rows.length; index++) {
    const cells = rows[index] as readonly CellValue[];
    if (cells.every((value) => isBlank(value))) continue;
    const cell = (column: LogColumn): CellValue => {
      const at = columns.get(column);
      return at === undefined ? null : cells[at];
    };
    try {
      const day = readDate(cell('date'), dayOptions);
      const customer = readCustomer(cell('customer'));
      const stageText = readText(cell('stage')) ?? '';
      if (day === null) fail('dateMissing');
      if (customer === null) fail('customerBlank');
      const currencyText = readText(cell('currency'));
      const currency = currencyText === null ? null : readCurrency(currencyText, '');
      const stageIndex = findStage(stageText, policy.stages);
      const event = logEventOf(stageText);
      // A stage the policy does not know would otherwise reset the account's escalation.
      if (stageIndex < 0 && event === null) fail(stageText === '' ? 'logStageBlank' : 'logStageUnknown', { stage: stageText });
      const note = readText(cell('note')) ?? '';
      const promiseDay = event === 'promise' ? (readDate(cell('promiseDate'), promiseOptions) ?? dateInNote(note)) : null;
      if (event === 'promise' && promiseDay === null) fail('logPromiseNoDate');
      entries.push({
        day,
        customer,
        currency,
        stageIndex,
        stageText,
        channel: readText(cell('channel')) ?? '',
        amount: readAmount(cell('amount'), currency ?? 'EUR'),
        invoices: (readText(cell('invoices')) ?? '').split(/[\s,;]+/).filter((number) => number !== ''),
        owner: readText(cell('owner')) ?? '',
        note,
        promiseDay,
        row: index + 1,
      });
    } catch (error) {
      if (!(error instanceof AgeBucketError)) throw error;
      skipped.push({ row: index + 1, error, customer: safeText(cell('customer')), currency: safeCurrency(cell('currency')) });
    }
  }
  return first === 0 ? { entries, skipped, headerMissing: true } : { entries, skipped };
}

/** A row that reads as a log row in the add-in's own column order (a date, a customer, a known stage). */
function isLogRow(cells: readonly CellValue[], policy: DunningPolicy, serialSystem: SerialSystem): boolean {
  try {
    const stage = readText(cells[2]) ?? '';
    return (
      readDate(cells[0], { serialSystem, twoDigitYear: 'window1930' }) !== null &&
      readCustomer(cells[1]) !== null &&
      (findStage(stage, policy.stages) >= 0 || logEventOf(stage) !== null)
    );
  } catch {
    return false;
  }
}

function safeText(value: CellValue): string | null {
  try {
    return readCustomer(value);
  } catch {
    return null;
  }
}

function safeCurrency(value: CellValue): string | null {
  try {
    const text = readText(value);
    return text === null ? null : readCurrency(text, '');
  } catch {
    return null;
  }
}

const MONTHS = new Map<string, number>(
  [
    ['janvier', 'january', 'jan'],
    ['fevrier', 'february', 'feb', 'fev'],
    ['mars', 'march', 'mar'],
    ['avril', 'april', 'apr', 'avr'],
    ['mai', 'may'],
    ['juin', 'june', 'jun'],
    ['juillet', 'july', 'jul', 'juil'],
    ['aout', 'august', 'aug'],
    ['septembre', 'september', 'sep', 'sept'],
    ['octobre', 'october', 'oct'],
    ['novembre', 'november', 'nov'],
    ['decembre', 'december', 'dec'],
  ].flatMap((names, index) => names.map((name) => [name, index + 1] as const)),
);

// Dates as people write them in a note: 2025-12-05, 05/12/2025 (read as the cell reader reads
// it), "5 décembre 2025", "1er décembre 2025", "December 5, 2025".
const NOTE_DATES = [
  /(?<![\d/.-])(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}([/.-])\d{1,2}\2\d{4})(?![\d/.-])/gu,
  /(?<![\p{L}\d])(\d{1,2})(?:er)?\s+(\p{L}+)\.?\s+(\d{4})(?!\d)/gu,
  /(?<![\p{L}\d])(\p{L}+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)/gu,
];

/**
 * A promise's note as the log writes it, in the log's language: « jusqu’au 7 décembre 2026 »,
 * "until 7 December 2026". The date reads as the rest of the log (long dates, not ISO), and it
 * stays machine-readable: dateInNote reads it back (a log sheet made before the "Promised for"
 * column has only the note).
 */
export function promiseNote(promiseDay: DayNumber, language: Language): string {
  return `${language === 'fr' ? 'jusqu’au' : 'until'} ${formatLongDate(promiseDay, language)}`;
}

/**
 * The promise date written in an older log's note ("jusqu'au 05/12/2025"). With several dates,
 * the latest is the promise (a note may also say when the call took place). An impossible date
 * (31/02/2025) is an error, never rolled over.
 */
export function dateInNote(note: string): DayNumber | null {
  let latest: DayNumber | null = null;
  const keep = (day: DayNumber) => {
    if (latest === null || day > latest) latest = day;
  };
  for (const match of note.matchAll(NOTE_DATES[0] as RegExp)) keep(parseTextDate(match[1] as string));
  for (const match of note.matchAll(NOTE_DATES[1] as RegExp)) {
    const month = MONTHS.get(fold(match[2] as string));
    if (month !== undefined) keep(calendarDay(Number(match[3]), month, Number(match[1]), match[0]));
  }
  for (const match of note.matchAll(NOTE_DATES[2] as RegExp)) {
    const month = MONTHS.get(fold(match[1] as string));
    if (month !== undefined) keep(calendarDay(Number(match[3]), month, Number(match[2]), match[0]));
  }
  return latest;
}

function calendarDay(year: number, month: number, day: number, text: string): DayNumber {
  if (!isValidCalendarDate(year, month, day))
    fail('dateNoSuchDay', {
      value: text.trim(),
      month: String(month).padStart(2, '0'),
      year,
      days: daysInMonth(year, month),
      day,
    });
  return dayFromCalendar(year, month, day);
}

/**
 * A row for the log sheet, in the order of LOG_COLUMNS. Dates are ISO text, which Excel and
 * Sheets turn into date cells shown like the log's other dates (as when a date is typed), and
 * which no locale reads another way (21/11/2026 text would be read month-first in some).
 */
export function logRow(entry: Omit<LogEntry, 'stageIndex'>): Array<string | number> {
  return [
    formatIsoDate(entry.day),
    entry.customer,
    entry.stageText,
    entry.channel,
    entry.amount === null ? '' : amountFromMinor(entry.amount, entry.currency ?? 'EUR'),
    entry.currency ?? '',
    entry.invoices.join(' '),
    entry.owner,
    entry.note,
    entry.promiseDay === null || entry.promiseDay === undefined ? '' : formatIsoDate(entry.promiseDay),
  ];
}
