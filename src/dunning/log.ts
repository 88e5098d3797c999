// The dunning log: an append-only sheet of what was sent to whom and when. It is the memory of
// the process: the next run reads it to know each account's last stage and its date.

import { type CellValue, isBlank, readAmount, readCurrency, readCustomer, readDate, readText } from '../primitives/cells';
import { type DayNumber, formatIsoDate, type SerialSystem } from '../primitives/dates';
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
}

/** The log sheet's name in each language (an existing log keeps the name it has). */
export const LOG_SHEETS: Record<Language, string> = { en: 'Dunning log', fr: 'Journal des relances' };

export const LOG_COLUMNS = ['date', 'customer', 'stage', 'channel', 'amount', 'currency', 'invoices', 'owner', 'note'] as const;
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
  },
};

/** Notes that are not stages (a logged call, a promise, a dispute) still belong in the log. */
export const LOG_EVENTS: Record<'call' | 'promise' | 'dispute' | 'noAnswer', Record<Language, string>> = {
  call: { en: 'Phone call', fr: 'Appel téléphonique' },
  promise: { en: 'Promise to pay', fr: 'Promesse de paiement' },
  dispute: { en: 'Dispute', fr: 'Litige' },
  noAnswer: { en: 'No answer', fr: 'Pas de réponse' },
};

/** Which event a log row records, from its stage text in either language. */
export function logEventOf(text: string): keyof typeof LOG_EVENTS | null {
  const wanted = fold(text);
  for (const [event, names] of Object.entries(LOG_EVENTS) as Array<[keyof typeof LOG_EVENTS, Record<Language, string>]>) {
    if (fold(names.en) === wanted || fold(names.fr) === wanted) return event;
  }
  return null;
}

function logColumnOf(header: CellValue): LogColumn | undefined {
  const text = readText(header);
  if (text === null) return undefined;
  const wanted = fold(text);
  return LOG_COLUMNS.find((column) => fold(LOG_HEADERS.en[column]) === wanted || fold(LOG_HEADERS.fr[column]) === wanted);
}

export interface DunningLog {
  readonly entries: readonly LogEntry[];
  readonly skipped: ReadonlyArray<{ row: number; error: AgeBucketError }>;
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
  for (const required of ['date', 'customer', 'stage'] as const) {
    if (!columns.has(required)) fail('logColumnMissing', { column: LOG_HEADERS.en[required], french: LOG_HEADERS.fr[required] });
  }
  const entries: LogEntry[] = [];
  const skipped: Array<{ row: number; error: AgeBucketError }> = [];
  for (let index = 1; index < rows.length; index++) {
    const cells = rows[index] as readonly CellValue[];
    if (cells.every((value) => isBlank(value))) continue;
    const cell = (column: LogColumn): CellValue => {
      const at = columns.get(column);
      return at === undefined ? null : cells[at];
    };
    try {
      const day = readDate(cell('date'), { serialSystem });
      const customer = readCustomer(cell('customer'));
      const stageText = readText(cell('stage')) ?? '';
      if (day === null) fail('dateMissing');
      if (customer === null) fail('customerBlank');
      const currencyText = readText(cell('currency'));
      const currency = currencyText === null ? null : readCurrency(currencyText, '');
      entries.push({
        day,
        customer,
        currency,
        stageIndex: findStage(stageText, policy.stages),
        stageText,
        channel: readText(cell('channel')) ?? '',
        amount: readAmount(cell('amount'), currency ?? 'EUR'),
        invoices: (readText(cell('invoices')) ?? '').split(/[\s,;]+/).filter((number) => number !== ''),
        owner: readText(cell('owner')) ?? '',
        note: readText(cell('note')) ?? '',
      });
    } catch (error) {
      if (!(error instanceof AgeBucketError)) throw error;
      skipped.push({ row: index + 1, error });
    }
  }
  return { entries, skipped };
}

/** A row for the log sheet, in the order of LOG_COLUMNS. */
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
  ];
}
