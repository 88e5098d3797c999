// What the user enters in the log from the pane: a call's outcome (a promise, a dispute, no
// answer), a dispute resolved, a letter marked as sent. Each is checked here, at entry, so the
// log never holds a promise with no date or a dispute with no invoice or reason.

import type { Letter } from '../letters/letter';
import { type DayNumber, formatLongDate } from '../primitives/dates';
import { inBothLanguages } from '../primitives/localeText';
import { fail, type Language } from '../primitives/messages';
import { LOG_CHANNELS, LOG_EVENTS, type LogEntry, promiseNote } from './log';
import type { OpenDispute } from './memory';
import type { AccountPlan } from './plan';
import { type DunningPolicy, sentByPost } from './policy';

/** A row to append to the log (the reader works out its stage index when it reads it back). */
export type LogDraft = Omit<LogEntry, 'stageIndex' | 'row'>;

/** Invoice numbers as typed: separated by spaces, commas or semicolons (as the log writes them). */
export function parseInvoiceList(text: string): string[] {
  return text.split(/[\s,;]+/).filter((number) => number !== '');
}

/** Every invoice still open on the account, as the plan sees it. */
function openInvoices(account: AccountPlan): Set<string> {
  return new Set(
    [...account.dunned.map((d) => d.item), ...account.notDue, ...account.promised, ...account.disputed].map(
      (item) => item.invoiceNumber,
    ),
  );
}

function base(account: AccountPlan, asOf: DayNumber, language: Language) {
  return {
    day: asOf,
    customer: account.customer,
    currency: account.currency,
    channel: LOG_EVENTS.call[language],
    amount: account.amountDue,
    owner: account.owner ?? '',
  };
}

/** A promise to pay taken on the phone: it holds the invoices chased today until its date. */
export function promiseEntry(account: AccountPlan, promiseDay: DayNumber | null, asOf: DayNumber, language: Language): LogDraft {
  if (promiseDay === null) fail('promiseNeedsDate');
  if (promiseDay < asOf)
    fail('promiseInPast', {
      date: inBothLanguages((language) => formatLongDate(promiseDay, language)),
      asOf: inBothLanguages((language) => formatLongDate(asOf, language)),
    });
  return {
    ...base(account, asOf, language),
    stageText: LOG_EVENTS.promise[language],
    invoices: account.dunned.map((d) => d.item.invoiceNumber),
    // The note repeats the date so that a log sheet made before the "Promised for" column still reads it.
    note: promiseNote(promiseDay, language),
    promiseDay,
  };
}

/** A dispute: about named invoices of the account, with what the customer contests. */
export function disputeEntry(
  account: AccountPlan,
  invoices: readonly string[],
  reason: string,
  asOf: DayNumber,
  language: Language,
): LogDraft {
  const numbers = [...new Set(invoices.map((number) => number.trim()).filter((number) => number !== ''))];
  if (numbers.length === 0) fail('disputeNeedsInvoice');
  if (reason.trim() === '') fail('disputeNeedsReason');
  const open = openInvoices(account);
  for (const number of numbers)
    if (!open.has(number)) fail('disputeUnknownInvoice', { invoice: number, customer: account.customer });
  const amount = [...account.dunned.map((d) => d.item), ...account.notDue, ...account.promised, ...account.disputed]
    .filter((item) => numbers.includes(item.invoiceNumber))
    .reduce((total, item) => total + item.amount, 0);
  return {
    ...base(account, asOf, language),
    amount,
    stageText: LOG_EVENTS.dispute[language],
    invoices: numbers,
    note: reason.trim(),
  };
}

/** The call was made and nobody answered: logged, it changes nothing in the plan. */
export function noAnswerEntry(account: AccountPlan, asOf: DayNumber, language: Language): LogDraft {
  return {
    ...base(account, asOf, language),
    stageText: LOG_EVENTS.noAnswer[language],
    invoices: account.dunned.map((d) => d.item.invoiceNumber),
    note: '',
  };
}

/** A dispute marked resolved: its invoices go back into the dunning from the next plan. */
export function disputeResolvedEntry(dispute: OpenDispute, asOf: DayNumber, language: Language, note = ''): LogDraft {
  return {
    day: asOf,
    customer: dispute.customer,
    currency: dispute.currency,
    stageText: LOG_EVENTS.disputeResolved[language],
    channel: '',
    amount: dispute.amount,
    invoices: [...dispute.invoices],
    owner: dispute.owner,
    note,
  };
}

/** How a letter reached the customer: printed and posted, or by email. */
export type Delivery = 'post' | 'email';

/**
 * The log rows for letters that were delivered (or that the user marked as sent): the stage in
 * the document's language, the invoices the letter claimed, the run's date. A stage that goes
 * by registered post (a formal notice) is logged with its own channel, never as the file or
 * draft it was made from: the log is what reached the customer, and how. Any other letter is
 * logged as a letter (courrier) when it was made to be printed and posted (.docx, Google Doc,
 * letters sheet) and as an email when it went as one (a draft marked sent, a Gmail draft).
 */
export function sentEntries(
  letters: readonly Letter[],
  policy: DunningPolicy,
  asOf: DayNumber,
  delivery: Delivery,
  language: Language,
): LogDraft[] {
  const channel = LOG_CHANNELS[delivery === 'post' ? 'letter' : 'email'][language];
  return letters.map((letter) => {
    const stage = policy.stages.find((s) => s.id === letter.stageId);
    // A statement of account is no stage: logged as such, it moves no account up the ladder.
    const stageText = stage
      ? stage.name[language]
      : letter.stageId === 'statement'
        ? LOG_EVENTS.statement[language]
        : letter.stageName;
    return {
      day: asOf,
      customer: letter.customer,
      currency: letter.currency,
      stageText,
      channel: stage && sentByPost(stage) ? stage.channel[language] : channel,
      amount: letter.amountDue,
      invoices: [...letter.invoiceNumbers],
      owner: letter.owner ?? '',
      note: '',
    };
  });
}

/**
 * "Mark as sent": the log rows for email drafts the user says went out. Marking records letters
 * already made and sent, so it asks for no plan as of today (actionDay refuses making letters
 * from a plan as of another day, not recording them): drafts made one day and marked sent the
 * next are logged at once. Each row is dated the day its letter was made and dated, not the day
 * it was marked: that is the date the customer reads on it, the one the next letter quotes
 * (« Malgré notre relance du … »), and the day its payment deadline and interest were counted
 * from; the day of marking says nothing about when the email left. A letter dated after today
 * cannot have gone yet (the computer's clock moved back): refused, nothing logged.
 */
export function markedSentEntries(
  letters: readonly Letter[],
  policy: DunningPolicy,
  today: DayNumber,
  language: Language,
): LogDraft[] {
  const early = letters.find((letter) => letter.day > today);
  if (early !== undefined)
    fail('letterDatedAfterToday', {
      customer: early.customer,
      day: { en: formatLongDate(early.day, 'en'), fr: formatLongDate(early.day, 'fr') },
      today: { en: formatLongDate(today, 'en'), fr: formatLongDate(today, 'fr') },
    });
  return letters.flatMap((letter) => sentEntries([letter], policy, letter.day, 'email', language));
}
