// In-memory fakes of the Apps Script services Code.js uses: SpreadsheetApp (sheets, ranges,
// values, conditional-format rules, charts, time zone, locale), PropertiesService, HtmlService,
// DocumentApp and the Gmail service. Every Spreadsheet call is counted, so a test can show
// that a command costs the same number of calls for 300 rows as for 3,000. It keeps Sheets'
// rules where the adapter could break them: the last row and the data range end at the last
// cell holding a value (a cleared cell does not count), text typed with a leading apostrophe
// reads back without it, and sheet names are unique whatever their case.

const isBlank = (cell: unknown) => cell === '' || cell === null || cell === undefined;

/** A cell as Sheets gives it back: the apostrophe that made typed text stay text is not part of it. */
function shown(cell: unknown): unknown {
  if (cell === undefined) return '';
  return typeof cell === 'string' && cell.startsWith("'") ? cell.slice(1) : cell;
}

type Cell = unknown;

export interface FakeRule {
  formula: string;
  background: string | null;
  ranges: FakeRange[];
}

export class FakeSheet {
  values: Cell[][] = [];
  rules: FakeRule[] = [];
  charts: Array<{ type: string; ranges: number; title: unknown }> = [];
  numberFormats: string[][] = [];
  fontWeights: string[][] = [];
  /** A1-style blocks ("R4C1:R5C1") the adapter merged, bordered, wrapped or shaded. */
  merged: string[] = [];
  bordered: string[] = [];
  wrapped: string[] = [];
  backgrounds = new Map<string, string>();
  columnWidths = new Map<number, number>();
  constructor(
    readonly book: FakeSpreadsheet,
    public name: string,
  ) {}
  getName() {
    this.book.count('Sheet.getName');
    return this.name;
  }
  /** From A1 to the last row and column holding a value; A1 alone on an empty sheet. */
  getDataRange() {
    this.book.count('Sheet.getDataRange');
    return new FakeRange(this, 1, 1, Math.max(this.lastRow(), 1), Math.max(this.lastColumn(), 1));
  }
  private lastRow(): number {
    for (let r = this.values.length - 1; r >= 0; r--) if (!(this.values[r] ?? []).every(isBlank)) return r + 1;
    return 0;
  }
  private lastColumn(): number {
    let last = 0;
    for (const row of this.values) {
      for (let c = (row ?? []).length - 1; c >= last; c--) {
        if (!isBlank(row?.[c])) {
          last = c + 1;
          break;
        }
      }
    }
    return last;
  }
  getRange(row: number, column: number, rows = 1, columns = 1) {
    this.book.count('Sheet.getRange');
    if (rows < 1 || columns < 1) throw new Error('The number of rows and columns in the range must be at least 1.');
    return new FakeRange(this, row, column, rows, columns);
  }
  /** The last row holding a value: 0 on an empty or cleared sheet. */
  getLastRow() {
    this.book.count('Sheet.getLastRow');
    return this.lastRow();
  }
  getLastColumn() {
    this.book.count('Sheet.getLastColumn');
    return this.lastColumn();
  }
  getConditionalFormatRules() {
    this.book.count('Sheet.getConditionalFormatRules');
    return this.rules.map((rule) => ({
      getBooleanCondition: () => ({ getCriteriaValues: () => [rule.formula] }),
      getRanges: () => rule.ranges,
      rule,
    }));
  }
  setConditionalFormatRules(rules: Array<{ rule: FakeRule }>) {
    this.book.count('Sheet.setConditionalFormatRules');
    this.rules = rules.map((r) => r.rule);
  }
  newChart() {
    let ranges = 0;
    let title: unknown = null;
    const builder = {
      setChartType: () => builder,
      addRange: () => {
        ranges++;
        return builder;
      },
      setTransposeRowsAndColumns: () => builder,
      setOption: (name: string, value: unknown) => {
        if (name === 'title') title = value;
        return builder;
      },
      setPosition: () => builder,
      build: () => ({ type: 'COLUMN', ranges, title }),
    };
    return builder;
  }
  insertChart(chart: { type: string; ranges: number; title: unknown }) {
    this.book.count('Sheet.insertChart');
    this.charts.push(chart);
  }
  activate() {
    this.book.active = this;
  }
  setColumnWidth(column: number, pixels: number) {
    this.book.count('Sheet.setColumnWidth');
    this.columnWidths.set(column, pixels);
    return this;
  }
}

export class FakeRange {
  constructor(
    readonly sheet: FakeSheet,
    readonly row: number,
    readonly column: number,
    readonly rows: number,
    readonly columns: number,
  ) {}
  getRow() {
    return this.row;
  }
  getColumn() {
    return this.column;
  }
  getA1Notation() {
    return `R${this.row}C${this.column}:R${this.row + this.rows - 1}C${this.column + this.columns - 1}`;
  }
  getValues() {
    this.sheet.book.count('Range.getValues');
    return Array.from({ length: this.rows }, (_, r) =>
      Array.from({ length: this.columns }, (_, c) => shown(this.sheet.values[this.row - 1 + r]?.[this.column - 1 + c])),
    );
  }
  setValues(values: Cell[][]) {
    this.sheet.book.count('Range.setValues');
    if (values.length !== this.rows || values.some((row) => row.length !== this.columns))
      throw new Error('The number of rows or columns in the data does not match the range');
    values.forEach((row, r) => {
      const target = this.sheet.values[this.row - 1 + r] ?? [];
      row.forEach((cell, c) => {
        target[this.column - 1 + c] = cell;
      });
      this.sheet.values[this.row - 1 + r] = target;
    });
    return this;
  }
  setNumberFormats(formats: string[][]) {
    this.sheet.book.count('Range.setNumberFormats');
    this.sheet.numberFormats = formats;
    return this;
  }
  setFontWeights(weights: string[][]) {
    this.sheet.book.count('Range.setFontWeights');
    this.sheet.fontWeights = weights;
    return this;
  }
  setFontWeight() {
    this.sheet.book.count('Range.setFontWeight');
    return this;
  }
  merge() {
    this.sheet.book.count('Range.merge');
    this.sheet.merged.push(this.getA1Notation());
    return this;
  }
  setBorder(...sides: boolean[]) {
    this.sheet.book.count('Range.setBorder');
    if (sides.every(Boolean)) this.sheet.bordered.push(this.getA1Notation());
    return this;
  }
  setWrap(wrap: boolean) {
    this.sheet.book.count('Range.setWrap');
    if (wrap) this.sheet.wrapped.push(this.getA1Notation());
    return this;
  }
  setBackground(color: string) {
    this.sheet.book.count('Range.setBackground');
    this.sheet.backgrounds.set(this.getA1Notation(), color);
    return this;
  }
}

export class FakeSpreadsheet {
  sheets: FakeSheet[] = [];
  active: FakeSheet | null = null;
  calls: string[] = [];
  toasts: string[] = [];
  constructor(
    readonly timeZone: string,
    readonly locale: string,
  ) {}
  count(call: string) {
    this.calls.push(call);
  }
  addSheet(name: string, values: Cell[][] = []) {
    const sheet = new FakeSheet(this, name);
    sheet.values = values;
    this.sheets.push(sheet);
    this.active ??= sheet;
    return sheet;
  }
  getActiveSheet() {
    this.count('Spreadsheet.getActiveSheet');
    return this.active;
  }
  getSheets() {
    this.count('Spreadsheet.getSheets');
    return [...this.sheets];
  }
  getSheetByName(name: string) {
    this.count('Spreadsheet.getSheetByName');
    return this.sheets.find((sheet) => sheet.name === name) ?? null;
  }
  insertSheet(name: string) {
    this.count('Spreadsheet.insertSheet');
    const folded = name.toLocaleLowerCase();
    if (this.sheets.some((sheet) => sheet.name.toLocaleLowerCase() === folded))
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    return this.addSheet(name);
  }
  getSpreadsheetTimeZone() {
    return this.timeZone;
  }
  getSpreadsheetLocale() {
    return this.locale;
  }
  toast(message: string) {
    this.toasts.push(message);
  }
}

export interface FakeServices {
  globals: Record<string, unknown>;
  book: FakeSpreadsheet;
  menus: Array<{ title: string; items: string[] }>;
  sidebars: string[];
  properties: Record<string, string>;
  documents: Array<{ title: string; body: string[]; pageBreaks: number; tables: string[][][] }>;
  drafts: string[];
  /** Drafts after which the fake Gmail says the daily quota is used up. */
  draftQuota: number;
}

export function fakeServices(
  book: FakeSpreadsheet,
  formatDate: (date: Date, zone: string, pattern: string) => string,
  sidebarHtml: string,
): FakeServices {
  const services: FakeServices = {
    globals: {},
    book,
    menus: [],
    sidebars: [],
    properties: {},
    documents: [],
    drafts: [],
    draftQuota: Number.POSITIVE_INFINITY,
  };
  const ruleBuilder = () => {
    const rule: FakeRule = { formula: '', background: null, ranges: [] };
    const builder = {
      whenFormulaSatisfied: (formula: string) => {
        rule.formula = formula;
        return builder;
      },
      setRanges: (ranges: FakeRange[]) => {
        rule.ranges = ranges;
        return builder;
      },
      setBackground: (color: string) => {
        rule.background = color;
        return builder;
      },
      setFontColor: () => builder,
      setItalic: () => builder,
      build: () => ({ rule }),
    };
    return builder;
  };
  const menu = (title: string) => {
    const entry = { title, items: [] as string[] };
    const builder = {
      addItem: (label: string, fn: string) => {
        entry.items.push(`${label} → ${fn}`);
        return builder;
      },
      addSeparator: () => builder,
      addToUi: () => services.menus.push(entry),
    };
    return builder;
  };
  services.globals = {
    SpreadsheetApp: {
      getActiveSpreadsheet: () => book,
      getActiveSheet: () => book.active,
      newConditionalFormatRule: ruleBuilder,
      getUi: () => ({
        createAddonMenu: () => menu('AgeBucket'),
        createMenu: menu,
        showSidebar: (output: { content: string }) => services.sidebars.push(output.content),
      }),
    },
    Charts: { ChartType: { COLUMN: 'COLUMN' } },
    Utilities: {
      formatDate,
      Charset: { UTF_8: 'UTF-8' },
      base64Encode: (text: string) => Buffer.from(text, 'utf8').toString('base64'),
      base64EncodeWebSafe: (text: string) => Buffer.from(text, 'utf8').toString('base64url'),
    },
    Session: { getScriptTimeZone: () => 'America/New_York' },
    PropertiesService: {
      getDocumentProperties: () => ({
        getProperty: (key: string) => services.properties[key] ?? null,
        setProperty: (key: string, value: string) => {
          services.properties[key] = value;
        },
      }),
    },
    HtmlService: {
      createHtmlOutputFromFile: (name: string) => {
        if (name !== 'Sidebar') throw new Error(`No HTML file named ${name}`);
        return { getContent: () => sidebarHtml };
      },
      createHtmlOutput: (content: string) => ({
        content,
        setTitle() {
          return this;
        },
      }),
    },
    DocumentApp: {
      HorizontalAlignment: { RIGHT: 'RIGHT' },
      create: (title: string) => fakeDocument(services, title),
      openById: (id: string) => {
        const doc = services.documents[Number(id)];
        if (!doc) throw new Error(`No document ${id}`);
        return fakeDocument(services, doc.title, doc);
      },
    },
    Gmail: {
      Users: {
        Drafts: {
          create: (resource: { message: { raw: string } }) => {
            if (services.drafts.length >= services.draftQuota)
              throw new Error('Service invoked too many times for one day: gmail.');
            services.drafts.push(Buffer.from(resource.message.raw, 'base64url').toString('utf8'));
            return { id: String(services.drafts.length) };
          },
        },
      },
    },
  };
  return services;
}

function fakeDocument(services: FakeServices, title: string, existing?: FakeServices['documents'][number]) {
  const doc = existing ?? { title, body: [] as string[], pageBreaks: 0, tables: [] as string[][][] };
  if (!existing) services.documents.push(doc);
  const id = String(services.documents.indexOf(doc));
  const text = (value: string) => ({ setBold: () => text(value), getText: () => value });
  const paragraph = (value: string) => {
    const p = {
      editAsText: () => text(value),
      setIndentStart: () => p,
      setIndentFirstLine: () => p,
      setAlignment: () => p,
      asText: () => text(value),
      removeFromParent: () => {
        doc.body.splice(doc.body.indexOf(value), 1);
      },
    };
    return p;
  };
  const body = {
    appendParagraph: (value: string) => {
      doc.body.push(value);
      return paragraph(value);
    },
    appendPageBreak: () => {
      doc.pageBreaks++;
      doc.body.push('<page break>');
    },
    appendTable: (cells: string[][]) => {
      doc.tables.push(cells);
      doc.body.push(...cells.map((row) => row.join(' | ')));
      const row = () => ({ getNumCells: () => cells[0]?.length ?? 0, getCell: () => ({ editAsText: () => text('') }) });
      return { getRow: row };
    },
    getNumChildren: () => doc.body.length,
    getChild: (index: number) => paragraph(doc.body[index] ?? ''),
  };
  return { getBody: () => body, saveAndClose: () => undefined, getId: () => id, getUrl: () => `https://docs.example/${id}` };
}
