// What the dunning log remembers about one customer account, invoice by invoice: the reminders
// each cycle chased, the disputes still open, the promises running or broken. The plan asks it
// before deciding anything, so an old row never blocks a new debt and a new row is never lost.

import type { LedgerItem } from '../ledger/ledger';
import type { DayNumber } from '../primitives/dates';
import { AgeBucketError } from '../primitives/messages';
import type { MinorUnits } from '../primitives/money';
import { dateInNote, type LogEntry, logEventOf, type UnreadableLogRow } from './log';
import { type DunningPolicy, fold } from './policy';

export interface InvoiceDispute {
  /** The day the dispute was logged; null when only the ledger's disputed column says so. */
  readonly since: DayNumber | null;
  readonly reason: string;
  readonly owner: string;
  /** The log row that opened it, or null for the ledger's column. */
  readonly row: number | null;
}

export interface InvoicePromise {
  readonly until: DayNumber;
  /** The day the promise was logged; null when it comes from the ledger's promise column. */
  readonly loggedOn: DayNumber | null;
  readonly row: number | null;
}

export interface AccountMemory {
  /**
   * Any readable log row for the account but a statement of account: the plan is not its first
   * run. A statement is no reminder (it asks for nothing and moves no account up the ladder), so
   * it neither counts as a step nor turns the next reminder into a "new cycle" at the first stage.
   */
  readonly hasHistory: boolean;
  /** Open disputes by invoice number (invoices still in the ledger only). */
  readonly disputes: ReadonlyMap<string, InvoiceDispute>;
  /** The latest promise logged for each open invoice (the ledger's column merged in). */
  readonly promises: ReadonlyMap<string, InvoicePromise>;
  /**
   * The latest promise taken down in the log (a conversation about the account) that is about an
   * invoice still open: while it runs, it holds the whole account.
   */
  readonly accountPromise: InvoicePromise | null;
  /** The account's reminders (log rows naming a stage of the policy), oldest first. */
  readonly reminders: readonly LogEntry[];
}

/** The log rows of one account: same customer, and same currency unless the row names none. */
export function belongsTo(entry: LogEntry, customer: string, currency: string): boolean {
  return entry.customer === customer && (entry.currency === null || entry.currency === currency);
}

/**
 * Whether a log row is about an invoice: its invoice numbers say so; a row without any (an older
 * or hand-written log) is about the invoices that were overdue on its date, so it never reaches
 * an invoice that was not yet late (or not yet issued) when it was written.
 */
export function covers(entry: LogEntry, item: LedgerItem, policy: DunningPolicy): boolean {
  if (entry.invoices.length > 0) return entry.invoices.includes(item.invoiceNumber);
  const stage = entry.stageIndex >= 0 ? policy.stages[entry.stageIndex] : undefined;
  // A courtesy reminder (a stage before the due date) is about the invoices due soon.
  const from = stage !== undefined && stage.fromDay <= 0 ? stage.fromDay : 1;
  return entry.day - item.dueDay >= from;
}

/** Reads the account's log rows (in log order) against its open invoices. */
export function accountMemory(items: readonly LedgerItem[], entries: readonly LogEntry[], policy: DunningPolicy): AccountMemory {
  // Same-day rows keep their order in the sheet: a dispute resolved after it was opened.
  const sorted = [...entries].sort((a, b) => a.day - b.day);
  const open = items.filter((item) => item.amount > 0);
  const disputes = new Map<string, InvoiceDispute>();
  const resolved = new Set<string>();
  const promises = new Map<string, InvoicePromise>();
  let accountPromise: InvoicePromise | null = null;
  const reminders: LogEntry[] = [];
  let hasHistory = false;
  for (const entry of sorted) {
    if (entry.stageIndex >= 0 && entry.stageIndex < policy.stages.length) {
      reminders.push(entry);
      hasHistory = true;
      continue;
    }
    const event = logEventOf(entry.stageText);
    if (event !== 'statement') hasHistory = true;
    if (event === 'dispute') {
      for (const item of open) {
        if (!covers(entry, item, policy)) continue;
        resolved.delete(item.invoiceNumber);
        if (!disputes.has(item.invoiceNumber))
          disputes.set(item.invoiceNumber, { since: entry.day, reason: entry.note, owner: entry.owner, row: entry.row ?? null });
      }
    } else if (event === 'disputeResolved') {
      // Without invoice numbers, it resolves every dispute open on the account at its date.
      const numbers =
        entry.invoices.length > 0
          ? entry.invoices
          : [...disputes.keys(), ...open.filter((item) => item.disputed).map((item) => item.invoiceNumber)];
      for (const number of numbers) {
        disputes.delete(number);
        resolved.add(number);
      }
    } else if (event === 'promise') {
      const until = promiseDayOf(entry);
      if (until === null) continue;
      const promise = { until, loggedOn: entry.day, row: entry.row ?? null };
      for (const item of open) {
        if (!covers(entry, item, policy)) continue;
        promises.set(item.invoiceNumber, promise);
        accountPromise = promise;
      }
    }
  }
  for (const item of open) {
    // The ledger's disputed column has no date: it holds until the log says it was resolved.
    if (item.disputed && !disputes.has(item.invoiceNumber) && !resolved.has(item.invoiceNumber)) {
      disputes.set(item.invoiceNumber, { since: null, reason: item.disputeReason ?? '', owner: item.owner ?? '', row: null });
    }
    // Of a promise in the ledger's column and one in the log, the later date is the one running.
    const logged = promises.get(item.invoiceNumber);
    if (item.promiseDay !== null && (logged === undefined || item.promiseDay > logged.until))
      promises.set(item.invoiceNumber, { until: item.promiseDay, loggedOn: null, row: null });
  }
  return { hasHistory, disputes, promises, accountPromise, reminders };
}

/** A promise's date: its own column, else (an entry made before it had one) a date in its note. */
function promiseDayOf(entry: LogEntry): DayNumber | null {
  if (entry.promiseDay !== undefined) return entry.promiseDay;
  try {
    return dateInNote(entry.note);
  } catch (error) {
    // The log reader reports such a row as unreadable; here it simply promises nothing.
    if (error instanceof AgeBucketError) return null;
    throw error;
  }
}

/** The account's items as the memory sees them: disputed and promised as the log says. */
export function withMemory(items: readonly LedgerItem[], memory: AccountMemory): LedgerItem[] {
  return items.map((item) => {
    if (item.amount <= 0) return item;
    const dispute = memory.disputes.get(item.invoiceNumber);
    const promise = memory.promises.get(item.invoiceNumber);
    const disputed = dispute !== undefined;
    const promiseDay = promise?.until ?? null;
    if (disputed === item.disputed && promiseDay === item.promiseDay) return item;
    return {
      ...item,
      disputed,
      disputeReason: dispute ? dispute.reason || item.disputeReason : item.disputeReason,
      promiseDay,
    };
  });
}

export interface Cycle {
  /** The highest stage already sent about these invoices (ties: the latest): the ladder's rung. */
  readonly lastSent: LogEntry | null;
  /**
   * The latest reminder about every one of these invoices: the one a letter cites ("despite our
   * reminder of …" above the list says it of each invoice listed). Null when no reminder covers
   * them all (an invoice joined the account since).
   */
  readonly lastReminder: LogEntry | null;
}

/** The reminders already sent about the invoices chased today; old, paid cycles do not count. */
export function cycleOf(chased: readonly LedgerItem[], memory: AccountMemory, policy: DunningPolicy): Cycle {
  let lastSent: LogEntry | null = null;
  let lastReminder: LogEntry | null = null;
  for (const entry of memory.reminders) {
    if (!chased.some((item) => covers(entry, item, policy))) continue;
    if (
      lastSent === null ||
      entry.stageIndex > lastSent.stageIndex ||
      (entry.stageIndex === lastSent.stageIndex && entry.day >= lastSent.day)
    )
      lastSent = entry;
    // By a set of its numbers: an account may hold thousands of invoices, and a row list them.
    const numbers = entry.invoices.length > 0 ? new Set(entry.invoices) : null;
    if (!chased.every((item) => (numbers ? numbers.has(item.invoiceNumber) : covers(entry, item, policy)))) continue;
    if (
      lastReminder === null ||
      entry.day > lastReminder.day ||
      (entry.day === lastReminder.day && entry.stageIndex >= lastReminder.stageIndex)
    )
      lastReminder = entry;
  }
  return { lastSent, lastReminder };
}

/** The unreadable log rows that might concern an account (same customer, whatever the case or accents). */
export function unreadableRowsOf(rows: readonly UnreadableLogRow[], customer: string, currency: string): UnreadableLogRow[] {
  const wanted = fold(customer);
  return rows.filter(
    (row) => row.customer !== null && fold(row.customer) === wanted && (row.currency === null || row.currency === currency),
  );
}

/** An open dispute as the pane lists it: oldest first, with its age, reason and owner. */
export interface OpenDispute {
  readonly customer: string;
  readonly currency: string;
  readonly invoices: readonly string[];
  readonly amount: MinorUnits;
  /** Null when only the ledger's disputed column records it (no date). */
  readonly since: DayNumber | null;
  readonly ageDays: number | null;
  readonly reason: string;
  readonly owner: string;
  readonly row: number | null;
}

/** One line per dispute (a log row, or an invoice flagged in the ledger) of the account. */
export function openDisputesOf(items: readonly LedgerItem[], memory: AccountMemory, asOf: DayNumber): OpenDispute[] {
  const first = items[0];
  if (first === undefined) return [];
  const groups = new Map<string, { dispute: InvoiceDispute; items: LedgerItem[] }>();
  for (const item of items) {
    const dispute = memory.disputes.get(item.invoiceNumber);
    if (dispute === undefined || item.amount <= 0) continue;
    const key = dispute.row === null ? `ledger\u0000${item.invoiceNumber}` : `row\u0000${dispute.row}\u0000${dispute.since}`;
    const group = groups.get(key);
    if (group) group.items.push(item);
    else groups.set(key, { dispute, items: [item] });
  }
  return [...groups.values()].map(({ dispute, items: disputed }) => ({
    customer: first.customer,
    currency: first.currency,
    invoices: disputed.map((item) => item.invoiceNumber),
    amount: disputed.reduce((total, item) => total + item.amount, 0),
    since: dispute.since,
    ageDays: dispute.since === null ? null : asOf - dispute.since,
    reason: dispute.reason,
    owner: dispute.owner || (first.owner ?? ''),
    row: dispute.row,
  }));
}
