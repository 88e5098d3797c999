// The Preview workbook: an in-browser spreadsheet the pane runs on outside Office, loaded with
// the sample ledger or the user's own file. It is also the browser tests' host. It keeps the
// same rules a real host keeps: new sheets never overwrite, text stays text, and only our
// colour rules are ever removed.

import type { CellRange, PrintSettings, SheetLayout } from '../../ageing/agedBalanceSheet';
import { type ColourRule, isOurRule } from '../../ageing/colourRules';
import { widestRow } from '../../primitives/arrays';
import type { CellValue } from '../../primitives/cells';
import { columnLetter, uniqueSheetName } from '../../primitives/sheetNames';
import { downloadInBrowser } from '../download';
import type { LedgerTable, Workbook } from '../workbook';

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

  /** `initialSettings`: what a new workbook holds before the user saves any (the sample's company). */
  constructor(
    private readonly storageKey: string,
    private readonly initialSettings: Readonly<Record<string, string>> = {},
  ) {}

  load(sheets: PreviewSheet[]): void {
    this.sheets = sheets;
    this.activeSheet = sheets[0]?.name ?? '';
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
    return {
      sheetName: sheet.name,
      headerRow: 0,
      firstColumn: 0,
      values: sheet.values.map((row) => Array.from({ length: width }, (_, column) => row[column] ?? null)),
      serialSystem: 'excel1900',
      description: `${sheet.name}!A1:${columnLetter(Math.max(width, 1) - 1)}${sheet.values.length}`,
      // Preview has no workbook locale: the browser's language is the user's.
      locale: typeof navigator === 'undefined' ? '' : navigator.language,
    };
  }

  async sheetNames(): Promise<string[]> {
    return this.sheets.map((sheet) => sheet.name);
  }

  async writeNewSheet(baseName: string, layout: SheetLayout): Promise<string> {
    this.calls.push('writeNewSheet');
    const name = uniqueSheetName(baseName, await this.sheetNames());
    this.sheets.push({
      name,
      values: layout.rows.map((row) => [...row]),
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
    return name;
  }

  async applyColourRules(sheetName: string, rules: readonly ColourRule[]): Promise<void> {
    this.calls.push('applyColourRules');
    const sheet = this.requireSheet(sheetName);
    sheet.rules = [
      ...sheet.rules.filter((rule) => !isOurRule(rule.formula)),
      ...rules.map((rule) => ({ kind: 'ours' as const, ...rule })),
    ];
  }

  async removeColourRules(sheetName: string): Promise<number> {
    this.calls.push('removeColourRules');
    const sheet = this.requireSheet(sheetName);
    const before = sheet.rules.length;
    sheet.rules = sheet.rules.filter((rule) => !isOurRule(rule.formula));
    return before - sheet.rules.length;
  }

  async readSheet(name: string): Promise<CellValue[][] | null> {
    const sheet = this.sheet(name);
    return sheet ? sheet.values.map((row) => [...row]) : null;
  }

  async appendRows(
    sheetName: string,
    header: readonly string[],
    rows: ReadonlyArray<ReadonlyArray<string | number>>,
  ): Promise<void> {
    this.calls.push('appendRows');
    let sheet = this.sheet(sheetName);
    if (!sheet) {
      sheet = { name: sheetName, values: [[...header]], columnFormats: [], boldRows: [0], rules: [], chart: null };
      this.sheets.push(sheet);
    }
    // A sheet the user cleared gets its header back before the rows.
    if (sheet.values.every((row) => row.every((cell) => cell === null || cell === undefined || cell === ''))) {
      sheet.values = [[...header]];
      sheet.boldRows = [0];
    }
    for (const row of rows) sheet.values.push([...row]);
  }

  async readSettings(): Promise<Record<string, string>> {
    try {
      const stored = globalThis.localStorage?.getItem(this.storageKey);
      return stored ? (JSON.parse(stored) as Record<string, string>) : { ...this.initialSettings };
    } catch {
      return { ...this.initialSettings };
    }
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
