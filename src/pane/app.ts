// The task pane, written once for every host: it talks to a Workbook port and to the core,
// and builds its DOM with textContent only, so no value from a sheet is ever parsed as HTML.

import type { AgedBalanceReport } from '../ageing/agedBalance';
import { makeBuckets, parseBoundaries } from '../ageing/ageing';
import { BUCKET_FILLS, DISPUTED_FILL } from '../ageing/colourRules';
import { daysSalesOutstanding, topOverdueAccounts } from '../ageing/kpis';
import {
  agedBalanceSheetFor,
  ageLedger,
  asOfDayOf,
  colourRulesFor,
  findLedger,
  rememberMapping,
  salesByCurrency,
} from '../commands/ageing';
import { PAYMENT_DELAYS_COMMAND, paymentDelaysFor, paymentDelaysWritten } from '../commands/paymentDelays';
import { defaultSettings, type PaneSettings, settingsFromRecord, settingsToRecord } from '../commands/settings';
import { LOG_SHEETS } from '../dunning/log';
import {
  COLUMN_LABELS,
  COLUMN_ROLES,
  type ColumnMapping,
  type Ledger,
  missingColumnsError,
  missingRoles,
} from '../ledger/ledger';
import { describeReading } from '../ledger/readingReport';
import { type DayNumber, formatIsoDate } from '../primitives/dates';
import { AgeBucketError, type Language } from '../primitives/messages';
import { formatMoney } from '../primitives/money';
import { DunningPanel } from './dunning';
import { STRINGS, type Strings } from './i18n';
import type { LedgerTable, Workbook } from './workbook';

type Leaf = Node | string | null | undefined | false;
/** A list of children (one per account, one per skipped row) is passed as an array, never spread: a spread of 130,000 overflows the stack. */
type Child = Leaf | readonly Leaf[];

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  const add = (child: Leaf) => {
    if (child === null || child === undefined || child === false) return;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  };
  for (const child of children) {
    if (Array.isArray(child)) for (const item of child as readonly Leaf[]) add(item);
    else add(child as Leaf);
  }
  return element;
}

/** A table's header row: one column heading per label (an empty one for a blank heading). */
export function headerRow(...labels: string[]): HTMLTableRowElement {
  return el('tr', {}, ...labels.map((label) => el('th', {}, label === '' ? null : label)));
}

export interface PaneOptions {
  readonly workbook: Workbook;
  readonly root: HTMLElement;
  readonly today: () => DayNumber;
  readonly displayLanguage: Language;
  /** Extra content for the top of the pane (Preview's file loader). */
  readonly header?: (strings: Strings) => Node | null;
  /** Called after each command, so Preview can redraw its grid. */
  readonly afterCommand?: () => void;
  /** The tab to open on (the Sheets menu opens the sidebar on the dunning plan). */
  readonly initialTab?: 'ageing' | 'dunning';
}

export class Pane {
  settings: PaneSettings;
  table: LedgerTable | null = null;
  mapping: ColumnMapping = {};
  ledger: Ledger | null = null;
  report: AgedBalanceReport | null = null;
  private status = '';
  private statusKind: 'info' | 'error' = 'info';
  private busy = false;
  private tab: 'ageing' | 'dunning' | 'settings' = 'ageing';
  readonly dunning: DunningPanel;

  constructor(private readonly options: PaneOptions) {
    this.settings = defaultSettings(options.displayLanguage, options.today());
    this.dunning = new DunningPanel(this);
    if (options.initialTab) this.tab = options.initialTab;
  }

  get workbook(): Workbook {
    return this.options.workbook;
  }

  /** The ledger as read, or an error that says which columns to map. */
  requireLedger(): Ledger {
    this.recompute();
    if (!this.ledger) throw missingColumnsError(missingRoles(this.mapping));
    return this.ledger;
  }

  get strings(): Strings {
    return STRINGS[this.settings.language];
  }

  async start(): Promise<void> {
    const stored = await this.options.workbook.readSettings();
    this.settings = settingsFromRecord(stored, this.settings);
    if (this.settings.followToday) this.settings.asOf = formatIsoDate(this.options.today());
    this.render();
    await this.run(() => this.detect(false));
  }

  /** Runs a command once at a time: a double click does not do the work twice. */
  async run(command: () => Promise<string | undefined>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.setStatus(this.strings.working, 'info');
    try {
      const message = await command();
      this.setStatus(message ?? '', 'info');
    } catch (error) {
      const text =
        error instanceof AgeBucketError
          ? error.localized(this.settings.language)
          : error instanceof Error
            ? error.message
            : String(error);
      this.setStatus(`${this.strings.error}: ${text}`, 'error');
    } finally {
      this.busy = false;
      this.render();
      this.options.afterCommand?.();
    }
  }

  /** Long work reports here: "Working… 1,200 / 30,000". */
  readonly progress = (done: number, total: number): void => {
    const format = (n: number) => n.toLocaleString(this.settings.language === 'fr' ? 'fr-FR' : 'en-GB');
    this.setStatus(`${this.strings.working} ${format(done)} / ${format(total)}`, 'info');
  };

  /** A setting changed: recompute, redraw, and keep it in the document. */
  changed(): void {
    try {
      this.recompute();
    } catch (error) {
      this.setStatus(error instanceof AgeBucketError ? error.localized(this.settings.language) : String(error), 'error');
    }
    this.render();
    rememberMapping(this.settings, this.table, this.mapping);
    this.options.workbook
      .writeSettings(settingsToRecord(this.settings))
      .catch((error: unknown) => this.setStatus(String(error), 'error'));
  }

  private setStatus(text: string, kind: 'info' | 'error'): void {
    this.status = text;
    this.statusKind = kind;
    const line = this.options.root.querySelector('#status');
    if (line) {
      line.textContent = text;
      line.className = `status ${kind}`;
    }
  }

  asOfDay(): DayNumber {
    return asOfDayOf(this.settings, this.options.today());
  }

  /** Reads the ledger; `fresh` ("Find the ledger") forgets the saved header row and mapping. */
  async detect(fresh: boolean): Promise<string | undefined> {
    const found = findLedger(await this.options.workbook.readActiveTable(), this.settings, fresh);
    const table = found.table;
    if (fresh) this.settings.headerRow = null;
    this.table = table;
    this.mapping = found.mapping;
    this.recompute();
    return this.strings.detected(table.description, Math.max(table.values.length - 1, 0));
  }

  recompute(): void {
    if (!this.table || missingRoles(this.mapping).length > 0) {
      this.ledger = null;
      this.report = null;
      return;
    }
    const { ledger, report } = ageLedger(this.table, this.mapping, this.settings, this.asOfDay());
    this.ledger = ledger;
    this.report = report;
  }

  async colour(): Promise<string | undefined> {
    const table = this.requireTable();
    const rules = colourRulesFor(table, this.mapping, this.settings, this.asOfDay(), this.strings.disputed);
    await this.options.workbook.applyColourRules(table.sheetName, rules);
    return this.strings.coloured(rules.length, table.sheetName);
  }

  async removeColours(): Promise<string | undefined> {
    const table = this.requireTable();
    const removed = await this.options.workbook.removeColourRules(table.sheetName);
    return this.strings.removed(removed);
  }

  async writeAgedBalance(): Promise<string | undefined> {
    this.requireLedger();
    const report = this.report as AgedBalanceReport;
    const { name, layout } = agedBalanceSheetFor(report, this.settings, this.asOfDay());
    const written = await this.options.workbook.writeNewSheet(name, layout, this.progress);
    return this.strings.written(written);
  }

  /** The D441-6 table from the customer ledger, the chosen supplier sheet and the dunning log. */
  async writePaymentDelays(): Promise<string | undefined> {
    const table = this.requireTable();
    const workbook = this.options.workbook;
    const supplierSheet = this.settings.delaysSupplierSheet.trim();
    const result = paymentDelaysFor(
      {
        customers: { table, mapping: this.mapping },
        suppliers: supplierSheet === '' ? null : { sheetName: supplierSheet, values: await workbook.readSheet(supplierSheet) },
        log: (await workbook.readSheet(LOG_SHEETS.fr)) ?? (await workbook.readSheet(LOG_SHEETS.en)),
      },
      this.settings,
    );
    // The detail first, so that the table is the sheet left open.
    const list = await workbook.writeNewSheet(result.list.name, result.list.layout, this.progress);
    const written = await workbook.writeNewSheet(result.table.name, result.table.layout);
    return paymentDelaysWritten(this.settings.language, written, list, result.skipped.length);
  }

  salesByCurrency(): ReturnType<typeof salesByCurrency> {
    return salesByCurrency(this.settings);
  }

  async saveSettings(): Promise<string | undefined> {
    rememberMapping(this.settings, this.table, this.mapping);
    await this.options.workbook.writeSettings(settingsToRecord(this.settings));
    return this.strings.saved;
  }

  private requireTable(): LedgerTable {
    if (!this.table) throw missingColumnsError(['customer']);
    return this.table;
  }

  // ---- rendering ----------------------------------------------------------------------------

  render(): void {
    const s = this.strings;
    const root = this.options.root;
    const header = this.options.header?.(s);
    root.replaceChildren(
      el('header', { class: 'title' }, el('h1', {}, s.appTitle), this.languageSelect()),
      ...(header ? [header] : []),
      el(
        'nav',
        { class: 'tabs', role: 'tablist' },
        this.tabButton('ageing', s.tabAgeing),
        this.tabButton('dunning', s.tabDunning),
        this.tabButton('settings', s.tabSettings),
      ),
      el('p', { id: 'status', class: `status ${this.statusKind}`, role: 'status', 'aria-live': 'polite' }, this.status),
      this.tab === 'ageing' ? this.ageingView() : this.tab === 'dunning' ? this.dunning.render() : this.settingsView(),
    );
  }

  private tabButton(tab: 'ageing' | 'dunning' | 'settings', label: string): HTMLElement {
    const button = el(
      'button',
      { type: 'button', role: 'tab', 'data-tab': tab, 'aria-selected': String(this.tab === tab) },
      label,
    );
    button.addEventListener('click', () => {
      this.tab = tab;
      this.render();
    });
    return button;
  }

  private languageSelect(): HTMLElement {
    const select = el(
      'select',
      { id: 'language', 'aria-label': this.strings.labelLanguage },
      el('option', { value: 'en' }, 'English'),
      el('option', { value: 'fr' }, 'Français'),
    );
    select.value = this.settings.language;
    select.addEventListener('change', () => {
      this.settings.language = select.value === 'fr' ? 'fr' : 'en';
      this.changed();
    });
    return select;
  }

  /** A button that runs a command through run(): disabled while any command is running. */
  commandButton(id: string, label: string, command: () => Promise<string | undefined>, primary = false): HTMLButtonElement {
    return this.button(id, label, command, primary);
  }

  private button(id: string, label: string, command: () => Promise<string | undefined>, primary = false): HTMLButtonElement {
    const button = el('button', { id, type: 'button', class: primary ? 'primary' : '' }, label);
    button.disabled = this.busy;
    button.addEventListener('click', () => void this.run(command));
    return button;
  }

  private ageingView(): HTMLElement {
    const s = this.strings;
    return el(
      'section',
      { id: 'ageing' },
      el('h2', {}, s.ledger),
      el(
        'div',
        { class: 'row' },
        this.button('detect', s.detect, () => this.detect(true)),
      ),
      this.mappingView(),
      this.ageingOptions(),
      el(
        'div',
        { class: 'actions' },
        this.button('colour', s.colour, () => this.colour(), true),
        this.button('remove-colours', s.removeColours, () => this.removeColours()),
        this.button('aged-balance', s.agedBalance, () => this.writeAgedBalance(), true),
        this.button('payment-delays', PAYMENT_DELAYS_COMMAND[this.settings.language], () => this.writePaymentDelays()),
      ),
      this.legend(),
      this.readReport(),
      this.kpiView(),
    );
  }

  private mappingView(): HTMLElement | null {
    const s = this.strings;
    const table = this.table;
    if (!table) return null;
    const headers = table.values[0] ?? [];
    const language = this.settings.language;
    const rows = COLUMN_ROLES.map((role) => {
      const select = el(
        'select',
        { 'data-role': role, 'aria-label': COLUMN_LABELS[language][role] },
        el('option', { value: '' }, s.notMapped),
      );
      headers.forEach((header, index) => {
        select.append(el('option', { value: String(index) }, String(header ?? `#${index + 1}`)));
      });
      select.value = this.mapping[role] === undefined ? '' : String(this.mapping[role]);
      select.addEventListener('change', () => {
        if (select.value === '') delete this.mapping[role];
        else this.mapping[role] = Number(select.value);
        this.changed();
      });
      const dateRole = role === 'dueDate' || role === 'invoiceDate' || role === 'promiseDate';
      const monthFirst = dateRole
        ? el('input', { type: 'checkbox', 'data-month-first': role, title: s.monthFirst, 'aria-label': s.monthFirst })
        : null;
      if (monthFirst) {
        monthFirst.checked = this.settings.monthFirst.includes(role);
        monthFirst.addEventListener('change', () => {
          this.settings.monthFirst = monthFirst.checked
            ? [...this.settings.monthFirst, role]
            : this.settings.monthFirst.filter((r) => r !== role);
          this.changed();
        });
      }
      return el(
        'tr',
        {},
        el('th', { scope: 'row' }, COLUMN_LABELS[language][role]),
        el('td', {}, select),
        el('td', {}, monthFirst),
      );
    });
    const missing = missingRoles(this.mapping);
    return el(
      'details',
      { id: 'mapping', ...(missing.length > 0 ? { open: '' } : {}) },
      el('summary', {}, `${s.mapping} — ${table.description}`),
      el('p', { class: 'help' }, s.mappingHelp),
      missing.length > 0
        ? el('p', { class: 'warning', id: 'missing' }, s.missing(missing.map((role) => COLUMN_LABELS[language][role]).join(', ')))
        : null,
      el('table', { class: 'mapping' }, el('tbody', {}, ...rows)),
    );
  }

  private ageingOptions(): HTMLElement {
    const s = this.strings;
    const asOf = el('input', { id: 'as-of', type: 'date', value: this.settings.asOf });
    asOf.disabled = this.settings.followToday;
    asOf.addEventListener('change', () => {
      this.settings.asOf = asOf.value;
      this.changed();
    });
    const follow = el('input', { id: 'follow-today', type: 'checkbox' });
    follow.checked = this.settings.followToday;
    follow.addEventListener('change', () => {
      this.settings.followToday = follow.checked;
      if (follow.checked) this.settings.asOf = formatIsoDate(this.options.today());
      this.changed();
    });
    const boundaries = el('input', { id: 'boundaries', type: 'text', value: this.settings.boundaries });
    boundaries.addEventListener('change', () => {
      this.settings.boundaries = boundaries.value;
      this.changed();
    });
    const basis = el(
      'select',
      { id: 'basis' },
      el('option', { value: 'dueDate' }, s.basisDue),
      el('option', { value: 'invoiceDate' }, s.basisInvoice),
    );
    basis.value = this.settings.basis;
    basis.addEventListener('change', () => {
      this.settings.basis = basis.value === 'invoiceDate' ? 'invoiceDate' : 'dueDate';
      this.changed();
    });
    return el(
      'div',
      { class: 'options' },
      el('label', {}, s.asOf, asOf),
      el('label', { class: 'check' }, follow, s.followToday),
      el('label', {}, s.boundaries, boundaries),
      el('label', {}, s.basis, basis),
    );
  }

  private legend(): HTMLElement {
    const s = this.strings;
    let buckets: ReturnType<typeof makeBuckets>;
    try {
      buckets = makeBuckets(parseBoundaries(this.settings.boundaries), undefined, this.settings.language);
    } catch {
      return el('div');
    }
    const swatch = (color: string, label: string) =>
      el('li', {}, el('span', { class: 'swatch', style: `background:${color}` }), label);
    return el(
      'ul',
      { class: 'legend', 'aria-label': s.legend },
      ...buckets.labels
        .slice(1)
        .map((label, index) => swatch(BUCKET_FILLS[Math.min(index, BUCKET_FILLS.length - 1)] as string, label)),
      swatch(DISPUTED_FILL, s.disputed),
    );
  }

  private readReport(): HTMLElement | null {
    const s = this.strings;
    const ledger = this.ledger;
    const report = this.report;
    if (!ledger || !report) return null;
    const skipped = report.skipped;
    return el(
      'div',
      { id: 'read-report', class: 'read-report' },
      el('p', {}, `${s.readSummary(report.itemCount, ledger.rowCount)} · ${s.blank(ledger.blankRows)}`),
      ...describeReading(ledger, {
        language: this.settings.language,
        locale: this.table?.locale ?? '',
        partialMatch: this.settings.partialMatch,
        hasMatchingCodes: this.mapping.matchingCode !== undefined,
      }).map((line) => el('p', { class: 'help reading' }, line)),
      skipped.length > 0
        ? el(
            'details',
            { id: 'skipped' },
            el('summary', { class: 'warning' }, s.skipped(skipped.length)),
            el(
              'ul',
              {},
              skipped.map((row) =>
                el(
                  'li',
                  {},
                  `${this.settings.language === 'fr' ? 'ligne' : 'row'} ${row.row}: ${row.error.localized(this.settings.language)}`,
                ),
              ),
            ),
          )
        : null,
    );
  }

  private kpiView(): HTMLElement | null {
    const s = this.strings;
    const report = this.report;
    if (!report) return null;
    const language = this.settings.language;
    const percent = (value: number | null) =>
      value === null ? '–' : `${(value * 100).toFixed(1).replace('.', language === 'fr' ? ',' : '.')} %`;
    const sales = this.salesByCurrency();
    const cards = report.balance.totals.map((total) => {
      const money = (minor: number) => formatMoney(minor, total.currency, language);
      const sold = sales?.byCurrency[total.currency];
      const dso = sales && sold && sold > 0 ? daysSalesOutstanding(total.total, sold, sales.periodDays).toFixed(1) : '–';
      const top = topOverdueAccounts(report.balance, total.currency, 5);
      return el(
        'article',
        { class: 'kpi', 'data-currency': total.currency },
        el('h3', {}, total.currency),
        el(
          'dl',
          {},
          el('dt', {}, s.total),
          el('dd', { 'data-kpi': 'total' }, money(total.total)),
          el('dt', {}, s.overdue),
          el('dd', { 'data-kpi': 'overdue' }, money(total.overdue)),
          el('dt', {}, s.overdueShare),
          el('dd', { 'data-kpi': 'overdue-share' }, percent(total.overdueShare)),
          el('dt', {}, s.weightedDays),
          el(
            'dd',
            { 'data-kpi': 'weighted-days' },
            total.weightedDaysOverdue === null ? '–' : total.weightedDaysOverdue.toFixed(1),
          ),
          el('dt', {}, s.expectedLoss),
          el('dd', { 'data-kpi': 'expected-loss' }, money(total.expectedLoss)),
          el('dt', {}, s.dso),
          el('dd', { 'data-kpi': 'dso' }, dso),
        ),
        top.length > 0
          ? el(
              'details',
              {},
              el('summary', {}, s.topAccounts),
              el('ol', {}, ...top.map((line) => el('li', {}, `${line.customer} — ${money(line.overdue)}`))),
            )
          : null,
      );
    });
    return el(
      'section',
      { id: 'kpis' },
      el('h2', {}, s.kpis),
      el('div', { class: 'kpis' }, ...cards),
      el('p', { class: 'help' }, s.curveNote),
    );
  }

  private checkbox(key: 'date1904', label: string): HTMLElement {
    const input = el('input', { id: `setting-${key}`, type: 'checkbox' });
    input.checked = this.settings[key];
    input.addEventListener('change', () => {
      this.settings[key] = input.checked;
      this.changed();
    });
    return el('label', { class: 'check' }, input, label);
  }

  private settingsView(): HTMLElement {
    const s = this.strings;
    const field = (key: keyof PaneSettings, label: string, multiline = false) => {
      const input = multiline
        ? el('textarea', { id: `setting-${key}`, rows: '3' })
        : el('input', { id: `setting-${key}`, type: 'text' });
      input.value = String(this.settings[key] ?? '');
      input.addEventListener('change', () => {
        (this.settings as unknown as Record<string, unknown>)[key] = input.value;
        this.changed();
      });
      return el('label', {}, label, input);
    };
    return el(
      'section',
      { id: 'settings' },
      el('h2', {}, s.company),
      field('companyName', s.companyName),
      field('companyAddress', s.companyAddress, true),
      field('companyLegalForm', s.companyLegalForm),
      field('companyRegistration', s.companyRegistration),
      field('companyIban', s.companyIban),
      field('companyEmail', s.companyEmail),
      field('companyPhone', s.companyPhone),
      field('companyCity', s.companyCity),
      field('defaultCurrency', s.defaultCurrency),
      this.checkbox('date1904', s.date1904),
      field('sales', s.sales),
      field('periodDays', s.periodDays),
      el(
        'div',
        { class: 'actions' },
        this.button('save-settings', s.save, () => this.saveSettings(), true),
      ),
    );
  }
}
