// The dunning commands the pane runs over the Workbook port: read the log and build the plan,
// read (or first write) the templates sheet, build the selected letters, and log what was
// delivered. The rules themselves are the core's; this only moves data between it and the port.

import { type PaneSettings as CommandSettings, letterSender, paymentPrefixesOf } from '../commands/settings';
import { actionDay } from '../dunning/actionDay';
import { LOG_COLUMNS, LOG_HEADERS, LOG_SHEETS, type LogEntry, logRow, readDunningLog } from '../dunning/log';
import { alreadyLogged, inLogLanguage, logSheetName, logStyleOf, withStageIndex } from '../dunning/logEntries';
import { type Delivery, type LogDraft, sentEntries } from '../dunning/outcomes';
import { type AccountPlan, type DunningPlan, planDunning } from '../dunning/plan';
import { DEFAULT_POLICY, type DunningPolicy, validatePolicy } from '../dunning/policy';
import type { Ledger } from '../ledger/ledger';
import { DEFAULT_TEMPLATES, type LetterTemplate } from '../letters/defaultTemplates';
import { buildLetter, type Letter, type LetterOptions, letterTemplateFor } from '../letters/letter';
import type { LetterCache } from '../letters/letterCache';
import { type HeldLetter, lettersReady } from '../letters/readiness';
import { TEMPLATE_SHEETS, templatesFromSheet, templatesSheetLayout } from '../letters/templateSheet';
import { validateTemplate } from '../letters/templates';
import type { DayNumber, SerialSystem } from '../primitives/dates';
import type { Language } from '../primitives/messages';
import type { Workbook } from './workbook';

export function policyOf(settings: CommandSettings): DunningPolicy {
  return settings.policy ?? DEFAULT_POLICY;
}

/** The log as it stands, and the plan it leads to as of a day. */
export async function readLogAndPlan(
  workbook: Workbook,
  ledger: Ledger,
  policyInput: DunningPolicy,
  asOf: DayNumber,
  serialSystem: SerialSystem,
): Promise<{ plan: DunningPlan; log: LogEntry[]; headerMissing: boolean }> {
  const policy = validatePolicy(policyInput);
  const values = (await workbook.readSheet(LOG_SHEETS.fr)) ?? (await workbook.readSheet(LOG_SHEETS.en));
  const read = values && values.length > 0 ? readDunningLog(values, policy, serialSystem) : { entries: [], skipped: [] };
  const log = [...read.entries];
  // Rows the plan cannot read hold the accounts they might concern, and are listed for the user.
  return {
    plan: planDunning(ledger.items, log, { asOf, policy, unreadableLog: read.skipped }),
    log,
    headerMissing: 'headerMissing' in read && read.headerMissing === true,
  };
}

/** The user's templates from the sheet; the sheet is written with the defaults on first use. */
export async function readTemplates(
  workbook: Workbook,
  policy: DunningPolicy,
  language: Language,
): Promise<{ templates: LetterTemplate[]; createdSheet: string | null }> {
  const existing = (await workbook.readSheet(TEMPLATE_SHEETS.fr)) ?? (await workbook.readSheet(TEMPLATE_SHEETS.en));
  if (existing) return { templates: templatesFromSheet(existing), createdSheet: null };
  const name = await workbook.writeNewSheet(TEMPLATE_SHEETS[language], templatesSheetLayout(policy, language));
  return { templates: [...DEFAULT_TEMPLATES], createdSheet: name };
}

/** The chosen accounts' letters, ready to be made: which accounts get one, which are held, and how each is made. */
export interface LetterRun {
  readonly ready: readonly AccountPlan[];
  readonly held: HeldLetter[];
  readonly options: LetterOptions;
}

/**
 * Letters are made and dated today, which the host passes; a plan as of another day is refused
 * first (actionDay). Every template is checked before any letter is built. Accounts whose registered letter has no
 * address, or whose formal notice has no signatory, are held (`held`); the others are `ready`.
 */
export async function letterRun(
  workbook: Workbook,
  plan: DunningPlan,
  accounts: readonly AccountPlan[],
  settings: CommandSettings,
  kind: 'reminder' | 'statement',
  today: DayNumber,
  ledgerSheet: string | null = null,
): Promise<LetterRun> {
  const day = actionDay(plan.asOf, today);
  const { templates } = await readTemplates(workbook, plan.policy, settings.language);
  for (const template of templates) validateTemplate(template);
  // The sample's firm signs only the sample ledger's letters (Preview); else what Settings hold.
  const company = letterSender(settings, ledgerSheet === null ? null : (workbook.sampleSender?.(ledgerSheet) ?? null));
  const { ready, held } = lettersReady(accounts, company, kind);
  const options: LetterOptions = {
    company,
    policy: plan.policy,
    asOf: day,
    defaultLanguage: settings.language,
    templates,
    kind,
    paymentPrefixes: paymentPrefixesOf(settings),
  };
  return { ready, held, options };
}

/**
 * The chosen accounts' letters, all made now (or taken from `cache`, where the same account's
 * letter was made with the same options), and the accounts held (letterRun).
 */
export async function lettersFor(
  workbook: Workbook,
  plan: DunningPlan,
  accounts: readonly AccountPlan[],
  settings: CommandSettings,
  kind: 'reminder' | 'statement',
  today: DayNumber,
  cache?: LetterCache,
  ledgerSheet: string | null = null,
): Promise<{ letters: Letter[]; held: HeldLetter[] }> {
  const run = await letterRun(workbook, plan, accounts, settings, kind, today, ledgerSheet);
  const letters = cache
    ? cache.lettersFor(run.ready, run.options)
    : run.ready.map((account) => buildLetter(account, run.options));
  return { letters, held: run.held };
}

/**
 * The same letters for reading one at a time: each is made when first asked for. Every letter
 * passes now the checks that would refuse it (letterTemplateFor), so a preview refuses what the
 * other outputs refuse, at once. With `cache`, a letter read is kept there for the outputs that
 * follow on the same plan, and one they made is not made again.
 */
export async function lettersToRead(
  workbook: Workbook,
  plan: DunningPlan,
  accounts: readonly AccountPlan[],
  settings: CommandSettings,
  kind: 'reminder' | 'statement',
  today: DayNumber,
  cache?: LetterCache,
  ledgerSheet: string | null = null,
): Promise<{ customers: string[]; letterAt: (index: number) => Letter; held: HeldLetter[] }> {
  const run = await letterRun(workbook, plan, accounts, settings, kind, today, ledgerSheet);
  for (const account of run.ready) letterTemplateFor(account, run.options);
  if (cache)
    return {
      customers: run.ready.map((account) => account.customer),
      letterAt: (index: number) => {
        const account = run.ready[index];
        if (!account) throw new RangeError(`no letter ${index + 1} of ${run.ready.length}`);
        return cache.letter(account, run.options);
      },
      held: run.held,
    };
  const made = new Map<number, Letter>();
  return {
    customers: run.ready.map((account) => account.customer),
    letterAt: (index: number) => {
      let letter = made.get(index);
      if (!letter) {
        const account = run.ready[index];
        if (!account) throw new RangeError(`no letter ${index + 1} of ${run.ready.length}`);
        letter = buildLetter(account, run.options);
        made.set(index, letter);
      }
      return letter;
    },
    held: run.held,
  };
}

/**
 * The log entries for letters delivered now (a file, a sheet, a Google Doc, Gmail drafts made
 * now): dated today (actionDay), whatever the as-of date of the plan they came from would have
 * said. Drafts marked sent later are logged by the core's markedSentEntries instead.
 */
export function deliveredEntries(
  letters: readonly Letter[],
  plan: DunningPlan,
  delivery: Delivery,
  language: Language,
  today: DayNumber,
): LogDraft[] {
  return sentEntries(letters, plan.policy, actionDay(plan.asOf, today), delivery, language);
}

/** Entries the log already has for the same day, account and stage (the core's rule). */
export function duplicatesOf(log: readonly LogEntry[], entries: readonly LogDraft[], policy: DunningPolicy): number {
  return alreadyLogged(log, entries, policy).length;
}

/**
 * Appends entries under the log sheet (found under either language's name), in the language its
 * rows are written in (the core's logStyleOf), whatever the pane's; returns the log as it now is.
 */
export async function appendToLog(
  workbook: Workbook,
  log: readonly LogEntry[],
  entries: readonly LogDraft[],
  policy: DunningPolicy,
  language: Language,
): Promise<LogEntry[]> {
  const sheet = logSheetName(await workbook.sheetNames(), language);
  const style = logStyleOf(await workbook.readSheet(sheet), sheet, policy, language);
  const written = entries.map((entry) => inLogLanguage(entry, style.language, policy));
  await workbook.appendRows(
    sheet,
    LOG_COLUMNS.map((column) => LOG_HEADERS[style.language][column]),
    written.map(logRow),
  );
  return [...log, ...withStageIndex(written, policy)];
}
