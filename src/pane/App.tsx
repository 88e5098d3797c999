// The task pane, written once for every host. It holds the pane's state (settings, the ledger
// found, the plan, the running command) and hands each panel what it shows and the commands it
// may run. Panels never reach back here; the Workbook port is the only way to the sheet.

import { render } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { AgedBalanceReport } from '../ageing/agedBalance';
import {
  agedBalanceSheetFor,
  ageLedger,
  asOfDayOf,
  checkedColourRules,
  findLedger,
  rememberMapping,
  salesByCurrency,
} from '../commands/ageing';
import { type CashInGlance, cashInForecastFor, paidInvoicesFromImport } from '../commands/forecast';
import {
  delaysSettingsFromFecImport,
  type FecForDelays,
  paymentDelaysFor,
  paymentDelaysWritten,
} from '../commands/paymentDelays';
import { defaultSettings, type PaneSettings, settingsFromRecord, settingsToRecord } from '../commands/settings';
import { actionDay } from '../dunning/actionDay';
import { type CallListEntry, callList } from '../dunning/callList';
import { LOG_SHEETS, type LogEntry } from '../dunning/log';
import type { OpenDispute } from '../dunning/memory';
import {
  type Delivery,
  disputeEntry,
  disputeResolvedEntry,
  type LogDraft,
  markedSentEntries,
  noAnswerEntry,
  parseInvoiceList,
  promiseEntry,
} from '../dunning/outcomes';
import type { AccountPlan, DunningPlan } from '../dunning/plan';
import type { DunningPolicy } from '../dunning/policy';
import { encodingLine, importLedgerFile } from '../ledger/import';
import { type ColumnMapping, type Ledger, type LedgerTable, missingColumnsError, missingRoles } from '../ledger/ledger';
import type { TextEncoding } from '../ledger/textFile';
import { lettersToDocx } from '../letters/docx';
import { emlFileName, letterToEml, utf8 } from '../letters/eml';
import type { Letter } from '../letters/letter';
import { LetterCache } from '../letters/letterCache';
import { goesByPost, heldText } from '../letters/readiness';
import { lettersToSheetRows, letterToText } from '../letters/render';
import { validateTemplate } from '../letters/templates';
import { type DayNumber, formatIsoDate, parseTextDate } from '../primitives/dates';
import { colon } from '../primitives/localeText';
import { AgeBucketError, type Language } from '../primitives/messages';
import {
  appendToLog,
  deliveredEntries,
  duplicatesOf,
  lettersFor,
  lettersToRead,
  policyOf,
  readLogAndPlan,
  readTemplates,
} from './dunningCommands';
import { paneText } from './messages';
import { browserDeflateRaw } from './nativeDeflate';
import { type AgeingOptions, AgeingPanel } from './panels/AgeingPanel';
import { CallListPanel } from './panels/CallListPanel';
import { CashInPanel } from './panels/CashInPanel';
import { DisputesPanel } from './panels/DisputesPanel';
import { GlancePanel } from './panels/GlancePanel';
import { type ImportChoices, ImportPanel } from './panels/ImportPanel';
import { LedgerPanel } from './panels/LedgerPanel';
import type { PreviewLetters } from './panels/LetterPreview';
import { type EmailDraftLink, LettersPanel, type Question } from './panels/LettersPanel';
import { type DelaysKey, type DelaysSkipped, PaymentDelaysPanel } from './panels/PaymentDelaysPanel';
import { accountKey, type PlanFilters, PlanPanel } from './panels/PlanPanel';
import { PolicyPanel } from './panels/PolicyPanel';
import { SettingsPanel } from './panels/SettingsPanel';
import { type Runner, RunnerContext, type Status, StatusContext } from './ui';
import type { Workbook } from './workbook';

/** Browsers and mail programs cut mailto links beyond about 2,000 characters. */
export const MAILTO_LIMIT = 2000;

export type Tab = 'ageing' | 'dunning' | 'settings';

export interface PaneOptions {
  readonly workbook: Workbook;
  readonly today: () => DayNumber;
  readonly displayLanguage: Language;
  /** The tab to open on (the Sheets menu opens the sidebar on the dunning plan). */
  readonly initialTab?: Tab;
  /** Preview: loads a file as the workbook; a text file says how its bytes were decoded. */
  readonly loadFile?: (file: File) => Promise<LoadedFileReading | null>;
  /** Something the user must know from the start (Office did not answer). */
  readonly notice?: (language: Language) => string;
}

/** How Preview decoded a loaded text file, said in the pane's language. */
export interface LoadedFileReading {
  readonly encoding: TextEncoding;
  readonly sample: string;
}

interface DunningState {
  readonly plan: DunningPlan | null;
  readonly log: readonly LogEntry[];
  readonly selected: ReadonlySet<string>;
  readonly filters: PlanFilters;
  readonly kind: 'reminder' | 'statement';
  /** The letters last previewed (null: none); the pane makes and draws only the one being read. */
  readonly preview: PreviewLetters | null;
  readonly emailDrafts: readonly EmailDraftLink[];
  readonly attachDocx: boolean;
  readonly documentUrl: string;
  /** The log's first row is a log row: its header was lost (the plan still reads it). */
  readonly logHeaderMissing: boolean;
  /** Letters the last run held (no postal address, no signatory), one sentence per reason. */
  readonly held: readonly string[];
}

const NO_DUNNING: DunningState = {
  plan: null,
  log: [],
  selected: new Set(),
  filters: { owner: '', stage: '', currency: '' },
  kind: 'reminder',
  preview: null,
  emailDrafts: [],
  attachDocx: false,
  documentUrl: '',
  logHeaderMissing: false,
  held: [],
};

interface Aged {
  readonly ledger: Ledger | null;
  readonly report: AgedBalanceReport | null;
  readonly error: string | null;
}

/** Renders the pane into a host page's element. */
export function startPane(root: HTMLElement, options: PaneOptions): void {
  render(<App {...options} />, root);
}

export function App(options: PaneOptions) {
  const { workbook } = options;
  const [settings, setSettings] = useState<PaneSettings>(() => defaultSettings(options.displayLanguage, options.today()));
  const [ready, setReady] = useState(false);
  const [settingsProblem, setSettingsProblem] = useState<string | null>(null);
  const [tab, setTab] = useState<Tab>(options.initialTab ?? 'ageing');
  const [table, setTable] = useState<LedgerTable | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);
  const [dunning, setDunning] = useState<DunningState>(NO_DUNNING);
  const [question, setQuestion] = useState<Question | null>(null);
  // This week and next of the last cash-in forecast, until what it was made from changes.
  const [cashIn, setCashIn] = useState<readonly CashInGlance[] | null>(null);
  useEffect(() => setCashIn(null), [table, mapping, settings.asOf, settings.followToday, settings.historySheet]);
  const [importReport, setImportReport] = useState<readonly string[] | null>(null);
  const [loadReading, setLoadReading] = useState<LoadedFileReading | null>(null);
  // The ledger rows the last payment-delays table left out, listed under its card.
  const [delaysSkipped, setDelaysSkipped] = useState<DelaysSkipped | null>(null);
  // The last FEC imported, while the pane is open: its matching dates section II's payments.
  const lastFec = useRef<FecForDelays | null>(null);
  const text = paneText(settings.language);
  const { t } = text;
  const asOf = safeAsOf(settings, options.today());
  // The page speaks the pane's language: screen readers follow it, and Preview's grid writes its
  // numbers the way that language does (8 540,12 in French, 8,540.12 in English).
  useEffect(() => {
    document.documentElement.lang = settings.language;
  }, [settings.language]);

  // The ledger read and aged with the settings that matter to it; recomputed only when they change.
  const aged = useMemo<Aged>(() => {
    if (!table || missingRoles(mapping).length > 0) return { ledger: null, report: null, error: null };
    try {
      const { ledger, report } = ageLedger(table, mapping, settings, asOfDayOf(settings, options.today()));
      return { ledger, report, error: null };
    } catch (error) {
      return { ledger: null, report: null, error: messageOf(error, settings.language) };
    }
  }, [
    table,
    mapping,
    settings.boundaries,
    settings.basis,
    settings.date1904,
    settings.defaultCurrency,
    settings.monthFirst,
    settings.dayFirst,
    settings.language,
    settings.asOf,
    settings.followToday,
    settings.partialMatch,
  ]);

  // Commands read the latest state through this ref, so they can be made once and never
  // change: a panel whose props did not change is not drawn again.
  const latest = useRef({ settings, table, mapping, aged, dunning, busy });
  latest.current = { settings, table, mapping, aged, dunning, busy };

  const commands = useMemo(() => {
    const current = () => latest.current;
    const language = () => current().settings.language;
    const words = () => paneText(language()).t;

    const saveSettings = (next: PaneSettings) => {
      workbook
        .writeSettings(settingsToRecord(next))
        .catch((error: unknown) =>
          setStatus({ group: 'settings', text: messageOf(error, next.language), kind: 'error', progress: null, running: false }),
        );
    };
    const changeSettings = (patch: Partial<PaneSettings>) => {
      const next = { ...current().settings, ...patch };
      // The mapping is kept with the headers it was made for.
      rememberMapping(next, current().table, current().mapping);
      if (patch.followToday) next.asOf = formatIsoDate(options.today());
      latest.current = { ...latest.current, settings: next };
      setSettings(next);
      saveSettings(next);
    };
    /** The as-of day; a date still being typed is an error, never silently today. */
    const asOfDay = (): DayNumber => asOfDayOf(current().settings, options.today());
    const requireTable = (): LedgerTable => {
      const table = current().table;
      if (!table) throw missingColumnsError(['customer']);
      return table;
    };
    const requireLedger = (): Ledger => {
      const { aged, mapping } = current();
      if (aged.error) throw new Error(aged.error);
      if (!aged.ledger) throw missingColumnsError(missingRoles(mapping));
      return aged.ledger;
    };
    const requirePlan = (): DunningPlan => {
      const plan = current().dunning.plan;
      if (!plan) throw new Error(words().noPlan);
      return plan;
    };
    /** The day letters and log entries are dated: today, once the plan is as of today (the core's actionDay). */
    const dayMade = (): DayNumber => actionDay(requirePlan().asOf, options.today());
    const progress = (done: number, total: number) =>
      setStatus((status) => (status ? { ...status, text: words().progress(done, total), progress: [done, total] } : status));
    const patchDunning = (patch: Partial<DunningState>) => {
      const next = { ...current().dunning, ...patch };
      latest.current = { ...latest.current, dunning: next };
      setDunning(next);
    };
    const ask = (question: string): Promise<boolean> =>
      new Promise((resolve) =>
        setQuestion({
          text: question,
          answer: (yes) => {
            setQuestion(null);
            resolve(yes);
          },
        }),
      );
    const chosen = (plan: DunningPlan): AccountPlan[] => {
      const { selected, filters } = current().dunning;
      return visibleAccounts(plan.actions, filters).filter((account) => selected.has(accountKey(account)));
    };
    // Letters made on the current plan, kept for the next command on it (preview, .docx, sheet, emails).
    const letterCache = new LetterCache();
    /**
     * What the letters of the plan are made from, the same for every letters command: the
     * accounts chosen, the settings, the kind, today, the cache and the ledger's sheet (whose
     * name tells the sample's firm apart). One list, so a preview shows the letters the .docx,
     * the sheet and the emails then carry.
     */
    const letterArguments = (plan: DunningPlan) =>
      [
        workbook,
        plan,
        chosen(plan),
        current().settings,
        current().dunning.kind,
        options.today(),
        letterCache,
        current().table?.sheetName ?? null,
      ] as const;
    const letters = async (): Promise<Letter[]> => {
      const plan = requirePlan();
      // bounded: the eight arguments of a letters command, not data
      const { letters: made, held } = await lettersFor(...letterArguments(plan));
      // The held accounts are named before anything is delivered or logged; the others go on.
      patchDunning({ held: heldText(held, made.length, language()) });
      return made;
    };
    /**
     * Asks first when the same letters were logged that day; false when the user says no. The
     * entries are those about to be logged (by default the letters delivered now, dated today).
     */
    const confirmNotLoggedTwice = async (
      letters: readonly Letter[],
      entries: readonly LogDraft[] = deliveredEntries(letters, requirePlan(), 'post', language(), options.today()),
    ): Promise<boolean> => {
      const plan = requirePlan();
      const duplicates = duplicatesOf(current().dunning.log, entries, plan.policy);
      if (duplicates === 0) return true;
      const day = entries[0]?.day ?? dayMade();
      return ask(words().already(duplicates, paneText(language()).f.longDate(day)));
    };
    /** Logs letters once delivered: never before, and only those that were. */
    const logDelivered = async (letters: readonly Letter[], delivery: Delivery): Promise<void> => {
      if (letters.length === 0) return;
      const plan = requirePlan();
      await appendEntries(deliveredEntries(letters, plan, delivery, language(), options.today()));
    };
    const appendEntries = async (entries: readonly LogDraft[]) => {
      const plan = requirePlan();
      const log = await appendToLog(workbook, current().dunning.log, entries, plan.policy, language());
      patchDunning({ log });
    };

    /**
     * Reads the log and builds the plan. A fresh build selects every account to chase; a rebuild
     * after a logged call keeps the filters and the accounts still selected.
     */
    const rebuildPlan = async (keep = false): Promise<string> => {
      const { settings, table, dunning } = current();
      const { plan, log, headerMissing } = await readLogAndPlan(
        workbook,
        requireLedger(),
        policyOf(settings),
        asOfDay(),
        table?.serialSystem ?? 'excel1900',
      );
      const keys = plan.actions.map(accountKey);
      patchDunning({
        ...NO_DUNNING,
        kind: dunning.kind,
        plan,
        log,
        logHeaderMissing: headerMissing,
        attachDocx: dunning.attachDocx,
        filters: keep ? dunning.filters : NO_DUNNING.filters,
        selected: new Set(keep && dunning.plan ? keys.filter((key) => dunning.selected.has(key)) : keys),
      });
      return `${words().toChase(plan.actions.length)} · ${words().excluded(plan.excluded.length)}`;
    };

    /** Reads the ledger; `fresh` ("Find the ledger", a new file) forgets the saved header row and mapping. */
    const detect = async (fresh: boolean): Promise<string> => {
      const found = findLedger(await workbook.readActiveTable(), current().settings, fresh);
      latest.current = { ...latest.current, table: found.table, mapping: found.mapping };
      setTable(found.table);
      setMapping(found.mapping);
      if (fresh && current().settings.headerRow !== null) changeSettings({ headerRow: null });
      return words().detected(found.table.description, Math.max(found.table.values.length - 1, 0));
    };

    return {
      changeSettings,
      detect,
      findLedger: () => detect(true),
      run: (group: string, command: () => Promise<string | undefined>) => {
        if (latest.current.busy) return;
        latest.current = { ...latest.current, busy: true };
        setBusy(true);
        setStatus({ group, text: words().working, kind: 'info', progress: null, running: true });
        command()
          .then((message) => setStatus({ group, text: message ?? '', kind: 'info', progress: null, running: false }))
          .catch((error: unknown) =>
            setStatus({
              group,
              text: `${words().error}${colon(language())}${messageOf(error, language())}`,
              kind: 'error',
              progress: null,
              running: false,
            }),
          )
          .finally(() => {
            latest.current = { ...latest.current, busy: false };
            setBusy(false);
          });
      },
      onMapping: (role: keyof ColumnMapping, column: number | null) => {
        const next: ColumnMapping = { ...current().mapping };
        if (column === null) delete next[role];
        else next[role] = column;
        latest.current = { ...latest.current, mapping: next };
        setMapping(next);
        changeSettings({ mapping: next });
      },
      /** A file's open items to a new sheet, which then becomes the ledger. */
      importFile: async (file: File, choices: ImportChoices): Promise<string> => {
        const { settings, table } = current();
        const result = await importLedgerFile(new Uint8Array(await file.arrayBuffer()), {
          fileName: file.name,
          language: settings.language,
          asOf: asOfDay(),
          defaultCurrency: settings.defaultCurrency || 'EUR',
          partialMatch: settings.partialMatch,
          locale: table?.locale || navigator.language,
          monthFirstColumns: settings.monthFirst,
          dayFirstColumns: settings.dayFirst,
          terms: choices.terms,
          side: choices.side,
          progress,
          // A moment for the browser to draw the progress between the steps.
          pause: () => new Promise((resolve) => setTimeout(resolve, 0)),
        });
        setImportReport(result.report.lines);
        // The paid invoices (a FEC's matched customer lines, or lines paid by the as-of date)
        // go to their own sheet, named as the forecast's history at once. Written first: the
        // sheet written last is the active one, and the open items' sheet becomes the ledger.
        const paid = paidInvoicesFromImport(result, choices.side, settings.language, asOfDay());
        let paidNote = '';
        if (paid !== null) {
          const paidName = await workbook.writeNewSheet(paid.sheetName, paid.layout, progress);
          changeSettings({ historySheet: paidName });
          paidNote = words().importedPaid(paidName, paid.count);
        }
        const name = await workbook.writeNewSheet(result.sheetName, result.layout, progress);
        const fec = result.report.fec;
        // A FEC's turnover and purchases become the payment-delays table's figures (typed ones
        // still win), whichever side was imported: the file holds both; its closing date becomes
        // the table's, unless the card's already fits the FEC.
        if (fec !== null) {
          lastFec.current = { reading: fec, file: file.name, terms: result.report.terms ?? choices.terms, asOf: asOfDay() };
          changeSettings(delaysSettingsFromFecImport(current().settings, fec, file.name, asOfDay()));
        }
        // The 401 accounts are the table's supplier ledger, not the customer ledger the rest
        // of the pane works on: that one stays, when there is one.
        const ledgerSheet = table?.sheetName ?? null;
        if (fec !== null && choices.side === 'supplier') {
          changeSettings({ delaysSupplierSheet: name });
          if (ledgerSheet !== null && ledgerSheet !== name && current().aged.ledger !== null)
            return words().importedSuppliers(name, result.report.openItems, ledgerSheet);
        }
        await detect(true);
        return words().imported(name, result.report.openItems) + paidNote;
      },
      onHeaderRow: (row: number | null): Promise<string> => {
        changeSettings({ headerRow: row });
        return detect(false);
      },
      onMonthFirst: (role: PaneSettings['monthFirst'][number], monthFirst: boolean) => {
        // Ticked: month-first; unticked: day-first, even where the locale or the file says otherwise.
        const { settings } = current();
        const months = settings.monthFirst.filter((r) => r !== role);
        const days = settings.dayFirst.filter((r) => r !== role);
        changeSettings(
          monthFirst ? { monthFirst: [...months, role], dayFirst: days } : { monthFirst: months, dayFirst: [...days, role] },
        );
      },
      onOptions: (patch: Partial<AgeingOptions>) => changeSettings(patch),
      colour: async () => {
        const table = requireTable();
        const { settings, mapping } = current();
        const { rules, warning } = checkedColourRules(table, mapping, settings, asOfDay(), words().disputed);
        await workbook.applyColourRules(table.sheetName, rules);
        const done = words().coloured(rules.length, table.sheetName);
        return warning ? `${done} · ${warning}` : done;
      },
      removeColours: async () => words().removed(await workbook.removeColourRules(requireTable().sheetName)),
      writeAgedBalance: async () => {
        requireLedger();
        const { aged, settings } = current();
        const { name, layout } = agedBalanceSheetFor(aged.report as AgedBalanceReport, settings, asOfDay());
        return words().written(await workbook.writeNewSheet(name, layout, progress));
      },
      /** The D441-6 table from the customer ledger, the chosen supplier sheet and the dunning log. */
      /** The workbook's sheets, for the payment-delays table's supplier ledger. */
      sheetNames: () => workbook.sheetNames(),
      writePaymentDelays: async () => {
        setDelaysSkipped(null);
        const table = requireTable();
        const { settings, mapping } = current();
        const supplierSheet = settings.delaysSupplierSheet.trim();
        const result = paymentDelaysFor(
          {
            customers: { table, mapping },
            suppliers:
              supplierSheet === '' ? null : { sheetName: supplierSheet, values: await workbook.readSheet(supplierSheet) },
            log: (await workbook.readSheet(LOG_SHEETS.fr)) ?? (await workbook.readSheet(LOG_SHEETS.en)),
            fec: lastFec.current,
          },
          settings,
        );
        setDelaysSkipped({ rows: result.skipped, issuedSheet: table.sheetName, receivedSheet: supplierSheet || null });
        // The detail first, so that the table is the sheet left open.
        const list = await workbook.writeNewSheet(result.list.name, result.list.layout, progress);
        const written = await workbook.writeNewSheet(result.table.name, result.table.layout);
        return paymentDelaysWritten(settings.language, written, list, result.skipped.length, result.warnings);
      },
      /** The expected cash-in sheet, learnt from the ledger's paid lines and the sheet of paid invoices named. */
      writeCashIn: async () => {
        const table = requireTable();
        const { settings, mapping } = current();
        const historyName = settings.historySheet.trim();
        const result = cashInForecastFor(
          table,
          mapping,
          settings,
          asOfDay(),
          historyName === '' ? null : await workbook.readSheet(historyName),
        );
        setCashIn(result.glance);
        return words().written(await workbook.writeNewSheet(result.name, result.layout, progress));
      },
      onHistorySheet: (name: string) => changeSettings({ historySheet: name }),
      save: async () => {
        const next = { ...current().settings };
        rememberMapping(next, current().table, current().mapping);
        await workbook.writeSettings(settingsToRecord(next));
        return words().saved;
      },
      onPolicy: (policy: DunningPolicy) => changeSettings({ policy }),
      buildPlan: () => rebuildPlan(false),
      onFilters: (patch: Partial<PlanFilters>) => patchDunning({ filters: { ...current().dunning.filters, ...patch } }),
      onSelect: (key: string, selected: boolean) => {
        const next = new Set(current().dunning.selected);
        if (selected) next.add(key);
        else next.delete(key);
        patchDunning({ selected: next });
      },
      onKind: (kind: 'reminder' | 'statement') => patchDunning({ kind, preview: null }),
      templatesSheet: async () => {
        const { settings } = current();
        const { templates, createdSheet } = await readTemplates(workbook, policyOf(settings), settings.language);
        for (const template of templates) validateTemplate(template);
        const checked = words().templatesOk(templates.length);
        return createdSheet ? `${words().templatesCreated(createdSheet)} · ${checked}` : checked;
      },
      previewLetters: async () => {
        const plan = requirePlan();
        // bounded: the eight arguments of a letters command, not data
        const { customers, letterAt, held } = await lettersToRead(...letterArguments(plan));
        patchDunning({
          held: heldText(held, customers.length, language()),
          preview: customers.length > 0 ? { customers, letterAt } : null,
        });
        return words().selected(customers.length);
      },
      docx: async () => {
        const made = await letters();
        if (made.length === 0) return words().selected(0);
        if (!(await confirmNotLoggedTwice(made))) return words().skippedDuplicates;
        const name = words().docxName(formatIsoDate(requirePlan().asOf));
        const bytes = await lettersToDocx(made, name, browserDeflateRaw());
        const outcome = await workbook.deliverFile(
          name,
          bytes,
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        );
        // A file the host could not save was not delivered: nothing is logged.
        if (outcome === 'blocked') return words().docxBlocked;
        // Printed and posted (or attached): logged as a letter, never as the file it was made in.
        await logDelivered(made, 'post');
        return words().docxDone(made.length, name);
      },
      /** Sheets: the letters in one Google Doc; only those written are logged. */
      googleDoc: async () => {
        const made = await letters();
        if (made.length === 0 || !workbook.writeLettersDocument) return words().selected(0);
        if (!(await confirmNotLoggedTwice(made))) return words().skippedDuplicates;
        const title = words().docTitle(formatIsoDate(requirePlan().asOf));
        const result = await workbook.writeLettersDocument(made, title, progress);
        patchDunning({ documentUrl: result.url });
        await logDelivered(made.slice(0, result.written), 'post');
        return result.stopped === null
          ? words().docDone(result.written, title)
          : words().stoppedAt(result.written, made.length, result.stopped, notDone(made.slice(result.written)));
      },
      lettersSheet: async () => {
        const made = await letters();
        if (made.length === 0) return words().selected(0);
        if (!(await confirmNotLoggedTwice(made))) return words().skippedDuplicates;
        const name = await workbook.writeNewSheet(
          words().lettersSheetName(formatIsoDate(requirePlan().asOf)),
          { rows: lettersToSheetRows(made), columnFormats: [], boldRows: [], cellFormats: [], chart: null },
          progress,
        );
        await logDelivered(made, 'post');
        return words().sheetDone(made.length, name);
      },
      emails: async () => {
        const made = await letters();
        // A registered letter (a formal notice) is posted, never emailed: no draft, nothing to mark sent.
        const byPost = (letter: Letter) => goesByPost(letter, requirePlan().policy);
        const posted = made.filter((letter) => letter.email && byPost(letter)).length;
        const alsoPosted = (text: string) => (posted > 0 ? `${text} · ${words().byPostSkipped(posted)}` : text);
        if (workbook.createEmailDrafts) {
          // Sheets: real Gmail drafts, as many as the day's quota allows; only those made are logged.
          const drafts = made.filter((letter) => letter.email && !byPost(letter));
          if (drafts.length > 0 && !(await confirmNotLoggedTwice(drafts))) return words().skippedDuplicates;
          const result = await workbook.createEmailDrafts(
            drafts.map((letter) => ({ to: letter.email ?? '', subject: letter.subject, body: letterToText(letter) })),
            progress,
          );
          await logDelivered(drafts.slice(0, result.created), 'email');
          return alsoPosted(
            result.stopped === null
              ? words().gmailDone(result.created)
              : words().stoppedAt(result.created, drafts.length, result.stopped, notDone(drafts.slice(result.created))),
          );
        }
        // Elsewhere the pane cannot see an email being sent: a draft per account (a mailto: link
        // when short enough, an .eml file always), logged when the user marks it sent.
        const drafts: EmailDraftLink[] = made.map((letter) => {
          if (!letter.email) return { letter, href: null, note: words().noEmail, sent: false };
          // Shown without an address, so the list offers no draft and no "Mark as sent" for it.
          if (byPost(letter))
            return { letter: { ...letter, email: null }, href: null, note: words().byPost(letter.stageName), sent: false };
          const href = `mailto:${encodeURIComponent(letter.email)}?subject=${encodeURIComponent(letter.subject)}&body=${encodeURIComponent(letterToText(letter))}`;
          return href.length > MAILTO_LIMIT
            ? { letter, href: null, note: `${letter.email} — ${words().tooLong}`, sent: false }
            : { letter, href, note: letter.email, sent: false };
        });
        patchDunning({ emailDrafts: drafts });
        return alsoPosted(words().emailDone(made.filter((letter) => letter.email && !byPost(letter)).length));
      },
      /** The account's draft as an .eml file, the letter attached as .docx when asked. */
      emlDraft: async (letter: Letter) => {
        const made = dayMade();
        const { settings, dunning } = current();
        const prefix = language() === 'fr' ? 'Relance' : 'Reminder';
        const name = emlFileName(prefix, letter.customer, letter.currency);
        const attachment = dunning.attachDocx
          ? {
              name: name.replace(/\.eml$/, '.docx'),
              bytes: await lettersToDocx([letter], letter.subject),
              mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
            }
          : undefined;
        const eml = letterToEml(letter, {
          asOf: made,
          ...(settings.companyEmail ? { from: settings.companyEmail } : {}),
          ...(attachment ? { attachment } : {}),
        });
        const outcome = await workbook.deliverFile(name, utf8(eml), 'message/rfc822');
        return outcome === 'blocked' ? words().emlBlocked : words().emlDone(name);
      },
      /** "Mark as sent": the user says the emails went; only then are they logged. */
      markSent: async (which: readonly EmailDraftLink[]) => {
        const pending = which.filter((draft) => !draft.sent && draft.letter.email);
        if (pending.length === 0) return words().selected(0);
        const sending = pending.map((draft) => draft.letter);
        // Logged on the day each draft was made, without asking for a plan as of today (the core's markedSentEntries).
        const entries = markedSentEntries(sending, requirePlan().policy, options.today(), language());
        if (!(await confirmNotLoggedTwice(sending, entries))) return words().skippedDuplicates;
        await appendEntries(entries);
        const done = new Set(pending);
        patchDunning({
          emailDrafts: current().dunning.emailDrafts.map((draft) => (done.has(draft) ? { ...draft, sent: true } : draft)),
        });
        return words().markedSent(pending.length);
      },
      onAttachDocx: (attachDocx: boolean) => patchDunning({ attachDocx }),
      /** A call's outcome, checked by the core (a promise needs a date, a dispute an invoice and a reason). */
      logCall: async (call: CallListEntry, outcome: 'promise' | 'dispute' | 'noAnswer', detail: string, invoices: string) => {
        const plan = requirePlan();
        const account = plan.actions.find((a) => a.customer === call.customer && a.currency === call.currency);
        if (!account) throw new Error(words().noPlan);
        const day = dayMade();
        const entry =
          outcome === 'promise'
            ? promiseEntry(account, detail.trim() === '' ? null : parseTextDate(detail), day, language())
            : outcome === 'dispute'
              ? disputeEntry(account, parseInvoiceList(invoices), detail, day, language())
              : noAnswerEntry(account, day, language());
        await appendEntries([entry]);
        // The plan and the call list are rebuilt from the log at once: a call just taken down
        // leaves the list (or says what was logged today), so it is not logged twice.
        await rebuildPlan(true);
        return words().logged(call.customer);
      },
      resolveDispute: async (dispute: OpenDispute): Promise<string> => {
        await appendEntries([disputeResolvedEntry(dispute, dayMade(), language())]);
        await rebuildPlan(true);
        return words().resolvedDone(dispute.customer, dispute.invoices.join(' '));
      },
      resetSettings: async () => {
        const fresh = defaultSettings(current().settings.language, options.today());
        await workbook.writeSettings(settingsToRecord(fresh));
        latest.current = { ...latest.current, settings: fresh };
        setSettings(fresh);
        setSettingsProblem(null);
        return words().settingsReset;
      },
    };
  }, [workbook]);

  const runner: Runner = useMemo(() => ({ busy, run: commands.run }), [busy, commands]);

  // Letters are held for what the ledger and the signatory were at the last letters command (a
  // new plan starts without the warning: rebuildPlan begins from NO_DUNNING). Once the ledger or
  // the signatory changes, the warning may name a cause that is gone: it goes, and the next
  // letters command says again what it holds.
  useEffect(() => {
    if (latest.current.dunning.held.length === 0) return;
    const next = { ...latest.current.dunning, held: [] };
    latest.current = { ...latest.current, dunning: next };
    setDunning(next);
  }, [table, mapping, settings.companySignatoryName, settings.companySignatoryTitle]);

  // Start: the document's settings (reported, not fatal, when damaged), then find the ledger.
  useEffect(() => {
    let stopped = false;
    void (async () => {
      try {
        const stored = await workbook.readSettings();
        const loaded = settingsFromRecord(stored, latest.current.settings);
        if (loaded.followToday) loaded.asOf = formatIsoDate(options.today());
        if (stopped) return;
        latest.current = { ...latest.current, settings: loaded };
        setSettings(loaded);
      } catch (error) {
        setSettingsProblem(messageOf(error, latest.current.settings.language));
      }
      setReady(true);
      commands.run('ledger', () => commands.detect(false));
    })();
    return () => {
      stopped = true;
    };
  }, [workbook]);

  const plan = dunning.plan;
  const visible = useMemo(() => (plan ? visibleAccounts(plan.actions, dunning.filters) : []), [plan, dunning.filters]);
  const selectedCount = useMemo(
    () => visible.filter((account) => dunning.selected.has(accountKey(account))).length,
    [visible, dunning.selected],
  );
  // Preview: the sample's firm signs the sample ledger's letters while Settings hold no sender.
  const sample = table ? (workbook.sampleSender?.(table.sheetName) ?? null) : null;
  const sampleSigns = sample?.sampleLedger === true;
  const senderName = (sampleSigns ? settings.companyName.trim() || sample?.sender.name : settings.companyName) || '—';
  const calls = useMemo(
    () => (plan ? callList(plan, { company: senderName, defaultLanguage: settings.language }) : null),
    [plan, senderName, settings.language],
  );
  const ageingOptions = useMemo<AgeingOptions>(
    () => ({ asOf: settings.asOf, followToday: settings.followToday, boundaries: settings.boundaries, basis: settings.basis }),
    [settings.asOf, settings.followToday, settings.boundaries, settings.basis],
  );
  const found = useMemo(() => (table ? { description: table.description, headers: table.values[0] ?? [] } : null), [table]);
  const sales = useMemo(() => salesByCurrency(settings), [settings.sales, settings.periodDays]);
  const settingsValues = useMemo(
    () => ({
      companyName: settings.companyName,
      companyAddress: settings.companyAddress,
      companyLegalForm: settings.companyLegalForm,
      companyRegistration: settings.companyRegistration,
      companyIban: settings.companyIban,
      companyEmail: settings.companyEmail,
      companyPhone: settings.companyPhone,
      companyCity: settings.companyCity,
      companySignatoryName: settings.companySignatoryName,
      companySignatoryTitle: settings.companySignatoryTitle,
      defaultCurrency: settings.defaultCurrency,
      sales: settings.sales,
      periodDays: settings.periodDays,
      date1904: settings.date1904,
      partialMatch: settings.partialMatch,
      paymentPrefixes: settings.paymentPrefixes,
    }),
    [settings],
  );
  const delaysValues = useMemo(
    () => ({
      delaysClosingDate: settings.delaysClosingDate,
      delaysYearStart: settings.delaysYearStart,
      delaysSection: settings.delaysSection,
      delaysTerms: settings.delaysTerms,
      delaysAmountBasis: settings.delaysAmountBasis,
      delaysBaseBasis: settings.delaysBaseBasis,
      delaysTurnover: settings.delaysTurnover,
      delaysPurchases: settings.delaysPurchases,
      delaysSupplierSheet: settings.delaysSupplierSheet,
      delaysFromFec: settings.delaysFromFec,
    }),
    [settings],
  ) satisfies Pick<PaneSettings, DelaysKey | 'delaysFromFec'>;
  const loadFile = useMemo(
    () =>
      options.loadFile
        ? (file: File) =>
            commands.run('ledger', async () => {
              setLoadReading((await options.loadFile?.(file)) ?? null);
              return commands.detect(true);
            })
        : null,
    [commands, options.loadFile],
  );

  const tabButton = (id: Tab, label: string) => (
    <button type="button" role="tab" data-tab={id} aria-selected={tab === id} onClick={() => setTab(id)}>
      {label}
    </button>
  );

  return (
    <RunnerContext.Provider value={runner}>
      <StatusContext.Provider value={status}>
        <header class="title">
          <h1>{t.appTitle}</h1>
          <select
            id="language"
            aria-label={t.labelLanguage}
            value={settings.language}
            onChange={(event) => commands.changeSettings({ language: event.currentTarget.value === 'fr' ? 'fr' : 'en' })}
          >
            <option value="en">English</option>
            <option value="fr">Français</option>
          </select>
        </header>
        {options.notice ? (
          <p class="notice" id="notice" role="status">
            {options.notice(settings.language)}
          </p>
        ) : null}
        {settingsProblem ? (
          <div class="warning-card" id="settings-problem" role="alert">
            <p>{settingsProblem}</p>
            <div class="actions-block">
              <div class="actions">
                <button
                  id="reset-settings"
                  type="button"
                  class="primary"
                  disabled={busy}
                  onClick={() => commands.run('reset', commands.resetSettings)}
                >
                  {t.resetSettings}
                </button>
              </div>
            </div>
          </div>
        ) : null}
        <div class="tabs" role="tablist">
          {tabButton('ageing', t.tabAgeing)}
          {tabButton('dunning', t.tabDunning)}
          {tabButton('settings', t.tabSettings)}
        </div>
        {status?.group === 'reset' ? (
          <p id="status" class={`status ${status.kind}`} role="status">
            {status.text}
          </p>
        ) : null}
        {!ready ? <p class="help">{t.working}</p> : null}
        <div id="tab-ageing" hidden={tab !== 'ageing'} role="tabpanel">
          <ImportPanel
            text={text}
            importFile={commands.importFile}
            report={importReport}
            loadFile={loadFile}
            loadReport={loadReading ? encodingLine(loadReading.encoding, loadReading.sample, settings.language) : null}
          />
          <LedgerPanel
            text={text}
            found={found}
            mapping={mapping}
            monthFirst={settings.monthFirst}
            ledger={aged.ledger}
            report={aged.report}
            detect={commands.findLedger}
            locale={table?.locale ?? ''}
            partialMatch={settings.partialMatch}
            asOf={asOf}
            defaultCurrency={settings.defaultCurrency}
            onMapping={commands.onMapping}
            onMonthFirst={commands.onMonthFirst}
            headerRow={settings.headerRow}
            onHeaderRow={commands.onHeaderRow}
          />
          {aged.error ? (
            <p class="warning" id="ledger-error" role="alert">
              {aged.error}
            </p>
          ) : null}
          <AgeingPanel
            text={text}
            options={ageingOptions}
            onOptions={commands.onOptions}
            colour={commands.colour}
            removeColours={commands.removeColours}
            writeAgedBalance={commands.writeAgedBalance}
          />
          <GlancePanel text={text} report={aged.report} sales={sales} />
          <PaymentDelaysPanel
            text={text}
            values={delaysValues}
            skipped={delaysSkipped}
            onChange={commands.changeSettings}
            write={commands.writePaymentDelays}
            sheetNames={commands.sheetNames}
            ledgerSheet={table?.sheetName ?? null}
          />
          <CashInPanel
            text={text}
            historySheet={settings.historySheet}
            onHistorySheet={commands.onHistorySheet}
            glance={cashIn}
            write={commands.writeCashIn}
          />
        </div>
        {
          <div id="tab-dunning" hidden={tab !== 'dunning'} role="tabpanel">
            <PlanPanel
              text={text}
              asOf={asOf}
              plan={plan}
              visible={visible}
              selected={dunning.selected}
              filters={dunning.filters}
              buildPlan={commands.buildPlan}
              onFilters={commands.onFilters}
              onSelect={commands.onSelect}
            />
            {plan ? (
              <LettersPanel
                text={text}
                selectedCount={selectedCount}
                kind={dunning.kind}
                onKind={commands.onKind}
                googleDocs={workbook.writeLettersDocument !== undefined}
                question={question}
                documentUrl={dunning.documentUrl}
                emailDrafts={dunning.emailDrafts}
                attachDocx={dunning.attachDocx}
                onAttachDocx={commands.onAttachDocx}
                emlDraft={commands.emlDraft}
                markSent={commands.markSent}
                preview={dunning.preview}
                templatesSheet={commands.templatesSheet}
                previewLetters={commands.previewLetters}
                docx={commands.docx}
                googleDoc={commands.googleDoc}
                lettersSheet={commands.lettersSheet}
                emails={commands.emails}
                held={dunning.held}
              />
            ) : null}
            <DisputesPanel text={text} plan={plan} headerMissing={dunning.logHeaderMissing} resolve={commands.resolveDispute} />
            <CallListPanel text={text} asOf={plan?.asOf ?? asOf} calls={calls} logCall={commands.logCall} />
            <PolicyPanel text={text} policy={policyOf(settings)} onPolicy={commands.onPolicy} />
          </div>
        }
        {
          <div id="tab-settings" hidden={tab !== 'settings'} role="tabpanel">
            <SettingsPanel
              text={text}
              values={settingsValues}
              onChange={commands.changeSettings}
              save={commands.save}
              sampleSender={sampleSigns ? (sample?.sender.name ?? null) : null}
            />
          </div>
        }
      </StatusContext.Provider>
    </RunnerContext.Provider>
  );
}

function visibleAccounts(accounts: readonly AccountPlan[], filters: PlanFilters): AccountPlan[] {
  const { owner, stage, currency } = filters;
  return accounts.filter(
    (a) =>
      (owner === '' || (a.owner ?? '') === owner) &&
      (stage === '' || a.stage?.id === stage) &&
      (currency === '' || a.currency === currency),
  );
}

/** The as-of day, or today while the typed date is not a date yet. */
function safeAsOf(settings: PaneSettings, today: DayNumber): DayNumber {
  try {
    return asOfDayOf(settings, today);
  } catch {
    return today;
  }
}

function messageOf(error: unknown, language: Language): string {
  if (error instanceof AgeBucketError) return error.localized(language);
  return error instanceof Error ? error.message : String(error);
}

/** The accounts a stopped run did not reach, named so the user knows what is left. */
function notDone(letters: readonly Letter[]): string {
  const names = letters.slice(0, 10).map((letter) => letter.customer);
  return letters.length > 10 ? `${names.join(', ')}… (+${letters.length - 10})` : names.join(', ');
}
