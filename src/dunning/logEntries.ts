// Appending to the dunning log from the pane: which sheet is the log, and the rule that asks
// before logging the same letters twice on one day. Stage names are matched the way the log
// reader matches them (case and accents folded), never compared exactly. The rows themselves
// come from outcomes.ts (calls) and sentEntries (letters).

import type { CellValue } from '../primitives/cells';
import type { Language } from '../primitives/messages';
import { LOG_CHANNELS, LOG_COLUMNS, LOG_EVENTS, LOG_HEADERS, LOG_SHEETS, type LogEntry, logEventOf, promiseNote } from './log';
import type { LogDraft } from './outcomes';
import { type DunningPolicy, type DunningStage, findStage, fold } from './policy';

/** The existing log sheet (French name first, then English), else a new one in the pane's language. */
export function logSheetName(sheetNames: readonly string[], language: Language): string {
  if (sheetNames.includes(LOG_SHEETS.fr)) return LOG_SHEETS.fr;
  if (sheetNames.includes(LOG_SHEETS.en)) return LOG_SHEETS.en;
  return LOG_SHEETS[language];
}

/**
 * The new entries the log already holds for the same day, account and stage: logging them again
 * would count one letter twice, so the pane asks first. The stage matches in either language,
 * whatever the case or accents the user typed into the sheet.
 */
export function alreadyLogged(log: readonly LogEntry[], entries: readonly LogDraft[], policy: DunningPolicy): LogDraft[] {
  const sameStage = (a: string, b: string) => {
    const index = findStage(a, policy.stages);
    return index >= 0 ? index === findStage(b, policy.stages) : fold(a) === fold(b);
  };
  // The log rows by day and folded customer, so that thousands of letters are not each compared
  // with every row of a log of thousands (that took seconds for 5,000 accounts).
  const key = (day: number, customer: string) => `${day}\u0000${fold(customer)}`;
  const byDayAndCustomer = new Map<string, LogEntry[]>();
  for (const logged of log) {
    const k = key(logged.day, logged.customer);
    const list = byDayAndCustomer.get(k);
    if (list) list.push(logged);
    else byDayAndCustomer.set(k, [logged]);
  }
  return entries.filter((entry) =>
    (byDayAndCustomer.get(key(entry.day, entry.customer)) ?? []).some(
      (logged) =>
        (logged.currency === null || logged.currency === entry.currency) && sameStage(logged.stageText, entry.stageText),
    ),
  );
}

/** Entries as the plan reads them back, with the stage found the way the log reader finds it. */
export function withStageIndex(entries: readonly LogDraft[], policy: DunningPolicy): LogEntry[] {
  return entries.map((entry) => ({ ...entry, stageIndex: findStage(entry.stageText, policy.stages) }));
}

/** How the rows already in the log are written: new rows follow them, whatever the pane's language. */
export interface LogStyle {
  /** The language of the stage, event and channel names. */
  readonly language: Language;
}

/**
 * The style of a log sheet (rows[0] its header, or null when there is no sheet yet): the
 * language of its latest row whose stage or event is named in one language only, else its
 * header's, else its sheet name's, else the pane's.
 */
export function logStyleOf(
  rows: readonly (readonly CellValue[])[] | null,
  sheetName: string,
  policy: DunningPolicy,
  paneLanguage: Language,
): LogStyle {
  const byName: Language = sheetName === LOG_SHEETS.en ? 'en' : sheetName === LOG_SHEETS.fr ? 'fr' : paneLanguage;
  if (rows === null || rows.length === 0) return { language: byName };
  const header = (rows[0] ?? []).map((cell) => (typeof cell === 'string' ? fold(cell) : ''));
  const headerLanguage = (['fr', 'en'] as const).find((language) =>
    (['customer', 'stage'] as const).every((column) => header.includes(fold(LOG_HEADERS[language][column]))),
  );
  const stageAt = header.findIndex((cell) => cell === fold(LOG_HEADERS.en.stage) || cell === fold(LOG_HEADERS.fr.stage));
  // A log that lost its header is in the add-in's own column order.
  const stageColumn = stageAt >= 0 ? stageAt : LOG_COLUMNS.indexOf('stage');
  for (let index = rows.length - 1; index >= 1; index--) {
    const stage = rows[index]?.[stageColumn];
    const language = typeof stage === 'string' ? languageOfName(stage, policy) : null;
    if (language !== null) return { language };
  }
  return { language: headerLanguage ?? byName };
}

/** The language a stage or event name is written in, when only one of the two has it. */
function languageOfName(text: string, policy: DunningPolicy): Language | null {
  const wanted = fold(text);
  if (wanted === '') return null;
  for (const name of [...policy.stages.map((s) => s.name), ...Object.values(LOG_EVENTS)]) {
    const en = fold(name.en) === wanted;
    const fr = fold(name.fr) === wanted;
    if (en !== fr) return en ? 'en' : 'fr';
  }
  return null;
}

/**
 * An entry as the log's own rows write it: the stage, the event and the channel named in the
 * log's language (found the way the reader finds them); anything else as it was given.
 */
export function inLogLanguage(entry: LogDraft, language: Language, policy: DunningPolicy): LogDraft {
  const index = findStage(entry.stageText, policy.stages);
  const event = index >= 0 ? null : logEventOf(entry.stageText);
  const eventName = event === null ? undefined : LOG_EVENTS[event];
  const stageText =
    index >= 0
      ? (policy.stages[index] as DunningStage).name[language]
      : // A statement logged under its subject ("Relevé de compte au …") keeps its words.
        eventName !== undefined && [eventName.en, eventName.fr].some((name) => fold(name) === fold(entry.stageText))
        ? eventName[language]
        : entry.stageText;
  // A promise's note, written in the pane's language, is rewritten in the log's, as its stage
  // and channel are; a note the user typed is kept as typed.
  const note =
    event === 'promise' &&
    entry.promiseDay != null &&
    (['en', 'fr'] as const).some((other) => entry.note === promiseNote(entry.promiseDay as number, other))
      ? promiseNote(entry.promiseDay, language)
      : entry.note;
  return { ...entry, stageText, channel: channelIn(entry.channel, language, policy), note };
}

function channelIn(channel: string, language: Language, policy: DunningPolicy): string {
  const wanted = fold(channel);
  if (wanted === '') return channel;
  const found = channelNames(policy.stages).get(wanted);
  return found ? found[language] : channel;
}

/**
 * Each folded name (English, French) of a channel → the first channel that has it: the stages'
 * channels, then the log's own, then the call. Made once per stages table: logging thousands of
 * letters was folding every name for every entry.
 */
const CHANNEL_NAMES = new WeakMap<readonly DunningStage[], ReadonlyMap<string, { en: string; fr: string }>>();
function channelNames(stages: readonly DunningStage[]): ReadonlyMap<string, { en: string; fr: string }> {
  let names = CHANNEL_NAMES.get(stages);
  if (!names) {
    const made = new Map<string, { en: string; fr: string }>();
    for (const name of [...stages.map((s) => s.channel), ...Object.values(LOG_CHANNELS), LOG_EVENTS.call])
      for (const folded of [fold(name.en), fold(name.fr)]) if (!made.has(folded)) made.set(folded, name);
    names = made;
    CHANNEL_NAMES.set(stages, names);
  }
  return names;
}
