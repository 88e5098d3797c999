// The Preview workbook: an in-browser spreadsheet the pane runs on outside Office, loaded with
// the sample ledger or the user's own file. It is also the browser tests' host. It keeps the
// same rules a real host keeps: new sheets never overwrite, text stays text, and only our
// colour rules are ever removed, put first as Sheets and Excel apply them. Every change is
// announced, so the grid redraws what changed.

import type { CellRange, PrintSettings, SheetLayout } from '../../ageing/agedBalanceSheet';
import { type ColourRule, isOurRule } from '../../ageing/colourRules';
import { parseStoredSettings } from '../../commands/settings';
import type { CompanyDetails } from '../../letters/letter';
import { widestRow } from '../../primitives/arrays';
import type { CellValue } from '../../primitives/cells';
import { dayFromCalendar, excelSerialFromDay } from '../../primitives/dates';
import { columnLetter, uniqueSheetName } from '../../primitives/sheetNames';
import { sheetText } from '../../primitives/sheetText';
import { downloadInBrowser } from '../download';
import type { LedgerTable, Progress, Workbook } from '../workbook';

/** A rule the user made themselves: the Preview evaluates a simple "column above a value". */
export interface UserRule {
  readonly formula: string;
  readonly column: number;
  readonly above: number;
  readonly bold: boolean;
  readonly fill: string | null;
  readonly firstRow: number;
  readonly lastRow: number;
}

export type PreviewRule = ({ readonly kind: 'ours' } & ColourRule) | ({ readonly kind: 'user' } & UserRule);

export interface PreviewSheet {
  name: string;
  values: CellValue[][];
  /** Number format per 0-based column ("dd/mm/yyyy", "#,##0.00"…). */
  columnFormats: Array<string | null>;
  /** Formats of single cells, "row:column" → format, over their column's. */
  cellFormats?: Record<string, string>;
  boldRows: number[];
  rules: PreviewRule[];
  chart: SheetLayout['chart'];
  /** The layout's presentation, drawn by the grid as a spreadsheet would show it. */
  merges?: readonly CellRange[];
  borders?: readonly CellRange[];
  shaded?: readonly CellRange[];
  wrapped?: readonly CellRange[];
  print?: PrintSettings;
}

export class PreviewWorkbook implements Workbook {
  readonly kind = 'preview' as const;
  sheets: PreviewSheet[] = [];
  activeSheet = '';
  /** Every port call, in order: what the browser tests read back. */
  readonly calls: string[] = [];
  private readonly listeners = new Set<() => void>();

  /** The sample's ledger sheet while the sample is what is loaded; null once the user loads a file. */
  private sampleSheet: string | null = null;

  /**
   * `sample`: the sample ledger's sheet and the firm that signs its letters. The firm is the
   * sample's, not a setting: Settings start empty, as in Excel and Sheets.
   */
  constructor(
    private readonly storageKey: string,
    private readonly sample: { readonly sheet: string; readonly sender: CompanyDetails } | null = null,
  ) {}

  /** Replaces every sheet; `isSample` when these are the sample's sheets. */
  load(sheets: PreviewSheet[], isSample = false): void {
    this.sheets = sheets;
    this.activeSheet = sheets[0]?.name ?? '';
    this.sampleSheet = isSample && this.sample ? this.sample.sheet : null;
    this.changed();
  }

  sampleSender(ledgerSheet: string): { readonly sender: CompanyDetails; readonly sampleLedger: boolean } | null {
    if (!this.sample) return null;
    return { sender: this.sample.sender, sampleLedger: this.sampleSheet !== null && ledgerSheet === this.sampleSheet };
  }

  /** Calls back after every change; returns the way to stop. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  activate(name: string): void {
    this.activeSheet = name;
    this.changed();
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  sheet(name: string): PreviewSheet | undefined {
    return this.sheets.find((sheet) => sheet.name === name);
  }

  private active(): PreviewSheet {
    const sheet = this.sheet(this.activeSheet);
    if (!sheet) throw new Error('The workbook has no sheet.');
    return sheet;
  }

  async readActiveTable(): Promise<LedgerTable> {
    this.calls.push('readActiveTable');
    const sheet = this.active();
    const width = widestRow(sheet.values);
    // As a host reads it: every row as wide as the widest, and the apostrophe that kept text as
    // text is not part of the value. Plain loops: Array.from over an array-like per row took
    // half a second on 100,000 rows.
    const values: CellValue[][] = new Array(sheet.values.length);
    for (let r = 0; r < sheet.values.length; r++) {
      const row: readonly CellValue[] = sheet.values[r] ?? [];
      const copy: CellValue[] = new Array(width);
      for (let column = 0; column < width; column++) copy[column] = shownValue(row[column] ?? null);
      values[r] = copy;
    }
    return {
      sheetName: sheet.name,
      headerRow: 0,
      firstColumn: 0,
      values,
      serialSystem: 'excel1900',
      description: `${sheet.name}!A1:${columnLetter(Math.max(width, 1) - 1)}${sheet.values.length}`,
      // Preview has no workbook locale: the browser's language is the user's.
      locale: typeof navigator === 'undefined' ? '' : navigator.language,
    };
  }

  async sheetNames(): Promise<string[]> {
    return this.sheets.map((sheet) => sheet.name);
  }

  async writeNewSheet(baseName: string, layout: SheetLayout, progress?: Progress): Promise<string> {
    this.calls.push('writeNewSheet');
    const name = uniqueSheetName(baseName, await this.sheetNames());
    this.sheets.push({
      name,
      values: layout.rows.map((row) => row.map(previewValue)),
      columnFormats: [...layout.columnFormats],
      cellFormats: Object.fromEntries(layout.cellFormats.map((f) => [`${f.row}:${f.column}`, f.format])),
      boldRows: [...layout.boldRows],
      rules: [],
      chart: layout.chart,
      ...(layout.merges ? { merges: layout.merges } : {}),
      ...(layout.borders ? { borders: layout.borders } : {}),
      ...(layout.shaded ? { shaded: layout.shaded } : {}),
      ...(layout.wrapped ? { wrapped: layout.wrapped } : {}),
      ...(layout.print ? { print: layout.print } : {}),
    });
    this.activeSheet = name;
    progress?.(layout.rows.length, layout.rows.length);
    this.changed();
    return name;
  }

  async applyColourRules(sheetName: string, rules: readonly ColourRule[]): Promise<void> {
    this.calls.push('applyColourRules');
    const sheet = this.requireSheet(sheetName);
    // The first matching rule wins, as in Sheets: ours first (disputed first among them).
    sheet.rules = [
      ...rules.map((rule) => ({ kind: 'ours' as const, ...rule })),
      ...sheet.rules.filter((rule) => !isOurRule(rule.formula)),
    ];
    this.changed();
  }

  async removeColourRules(sheetName: string): Promise<number> {
    this.calls.push('removeColourRules');
    const sheet = this.requireSheet(sheetName);
    const before = sheet.rules.length;
    sheet.rules = sheet.rules.filter((rule) => !isOurRule(rule.formula));
    this.changed();
    return before - sheet.rules.length;
  }

  async readSheet(name: string): Promise<CellValue[][] | null> {
    const sheet = this.sheet(name);
    if (!sheet) return null;
    // As a host reads it: the used range, hidden apostrophes dropped, rectangular.
    let last = sheet.values.length;
    while (last > 0 && (sheet.values[last - 1] ?? []).every(isEmpty)) last--;
    // As wide as the last column holding a value: a row's trailing empty cells do not count.
    let width = 0;
    for (let r = 0; r < last; r++) {
      const row = sheet.values[r] ?? [];
      for (let c = row.length - 1; c >= width; c--) {
        if (!isEmpty(row[c])) {
          width = c + 1;
          break;
        }
      }
    }
    const values: CellValue[][] = [];
    for (let r = 0; r < last; r++) {
      const row = sheet.values[r] ?? [];
      values.push(Array.from({ length: width }, (_, c) => shownValue(row[c] ?? '')));
    }
    return values;
  }

  async appendRows(
    sheetName: string,
    header: readonly string[],
    rows: ReadonlyArray<ReadonlyArray<string | number>>,
  ): Promise<void> {
    this.calls.push('appendRows');
    let sheet = this.sheet(sheetName);
    if (!sheet) {
      sheet = { name: sheetName, values: [], columnFormats: [], boldRows: [0], rules: [], chart: null };
      this.sheets.push(sheet);
    }
    // Under the last row holding anything; an emptied sheet gets its header again.
    let last = sheet.values.length;
    while (last > 0 && (sheet.values[last - 1] ?? []).every(isEmpty)) last--;
    sheet.values.length = last;
    if (last === 0) sheet.values.push(header.map(previewValue));
    // As Excel and Sheets do with a date typed as text: ISO text in a column of dates becomes a
    // date, shown like the rows above it.
    const target = sheet;
    const cell = (value: string | number, column: number): CellValue => {
      const iso = typeof value === 'string' && isDateFormat(target.columnFormats[column]) ? ISO_DAY.exec(value) : null;
      return iso ? excelSerialFromDay(dayFromCalendar(Number(iso[1]), Number(iso[2]), Number(iso[3]))) : previewValue(value);
    };
    for (const row of rows) sheet.values.push(row.map(cell));
    this.changed();
  }

  async readSettings(): Promise<Record<string, string>> {
    const stored = globalThis.localStorage?.getItem(this.storageKey);
    // Settings start empty, as in Excel and Sheets: the sample's firm is the sample's (sampleSender).
    return stored ? parseStoredSettings(stored) : {};
  }

  async writeSettings(settings: Record<string, string>): Promise<void> {
    globalThis.localStorage?.setItem(this.storageKey, JSON.stringify(settings));
  }

  async deliverFile(name: string, bytes: Uint8Array, mimeType: string): Promise<'delivered' | 'blocked'> {
    this.calls.push('deliverFile');
    downloadInBrowser(name, bytes, mimeType);
    return 'delivered';
  }

  private requireSheet(name: string): PreviewSheet {
    const sheet = this.sheet(name);
    if (!sheet) throw new Error(`There is no sheet "${name}".`);
    return sheet;
  }
}

/** What the Preview holds for a written value: text that looks like a formula keeps the apostrophe a host would add. */
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A number format that shows a date (day, month and year codes, no digits placeholder). */
function isDateFormat(format: string | null | undefined): boolean {
  return typeof format === 'string' && /[dy]/i.test(format) && /m/i.test(format) && !/[#0]/.test(format);
}

function previewValue(value: unknown): CellValue {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return sheetText(value);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  return sheetText(String(value));
}

function isEmpty(cell: CellValue | undefined): boolean {
  return cell === null || cell === undefined || cell === '';
}

/** A cell as a host gives it back: the apostrophe that kept text as text is not part of it. */
export function shownValue(value: CellValue): CellValue {
  return typeof value === 'string' && value.startsWith("'") ? value.slice(1) : value;
}
