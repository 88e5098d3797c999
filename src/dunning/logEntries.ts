// Appending to the dunning log from the pane: which sheet is the log, and the rule that asks
// before logging the same letters twice on one day. Stage names are matched the way the log
// reader matches them (case and accents folded), never compared exactly. The rows themselves
// come from outcomes.ts (calls) and sentEntries (letters).

import type { Language } from '../primitives/messages';
import { LOG_SHEETS, type LogEntry } from './log';
import type { LogDraft } from './outcomes';
import { type DunningPolicy, findStage, fold } from './policy';

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
