// A recording fake of the slice of Office.js the Excel adapter uses. Like Excel, it refuses to
// read a property before it was loaded and synced, and it counts context.sync() calls: the
// number of round trips a command costs. It keeps Excel's rules where the adapter could break
// them: sheet names (31 characters, no : \\ / ? * [ ], no apostrophe at either end, "History"
// reserved, unique whatever the case), text typed with a leading apostrophe read back without
// it, the used range of a sheet as the cells holding values, conditional formats in priority
// order (a new one goes on top), tables, and 5 MB per request and per response on the web.

type Cell = string | number | boolean;

export interface FakeRule {
  /** Excel's own kinds: "Custom" (a formula), "DataBar", "ColorScale"… */
  type: string;
  formula: string;
  address: { row: number; column: number; rows: number; columns: number };
  fill?: string;
  priority?: number;
  deleted: boolean;
}

export interface FakeSheetModel {
  name: string;
  values: Cell[][];
  rules: FakeRule[];
  numberFormats: Map<string, string>;
  bold: Set<number>;
  charts: Array<{ type: string; title: string; series: string[] }>;
  /** "row:column:rows:columns" of each block, as the adapter formatted it. */
  merged: string[];
  borders: Map<string, string[]>;
  wrapped: string[];
  fills: Map<string, string>;
  columnWidths: Map<number, number>;
  pageLayout: { orientation?: string; paperSize?: string; zoom?: unknown; printArea?: string };
}

/** A table the user made (Insert › Table): its range, header row included. */
export interface FakeTable {
  name: string;
  sheet: string;
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/** Excel on the web refuses a request (everything queued before a sync), or its answer, over 5 MB. */
export const REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;

/** What Excel refuses as a sheet name (its "rename sheet" rules). */
export function excelRefusesSheetName(name: string, existing: readonly string[]): string | null {
  if (name.trim() === '') return 'a sheet name cannot be blank';
  if (name.length > 31) return 'a sheet name is at most 31 characters';
  if (/[:\\/?*[\]]/.test(name)) return 'a sheet name cannot hold : \\ / ? * [ ]';
  if (name.startsWith("'") || name.endsWith("'")) return 'a sheet name cannot begin or end with an apostrophe';
  if (name.toLowerCase() === 'history') return '"History" is a name Excel keeps for itself';
  const folded = name.toLocaleLowerCase();
  if (existing.some((other) => other.toLocaleLowerCase() === folded)) return 'the name is already taken';
  return null;
}

/** A cell as Excel gives it back: the apostrophe that made typed text stay text is not part of it. */
function shown(cell: Cell | undefined): Cell {
  if (cell === undefined) return '';
  return typeof cell === 'string' && cell.startsWith("'") ? cell.slice(1) : cell;
}
/** What Office.js adds around each queued action (object path, ids, property name), at least. */
const ACTION_BYTES = 100;

export class FakeExcel {
  sheets: FakeSheetModel[] = [];
  active = '';
  syncs = 0;
  /** Payload of each request sent, in bytes of JSON: the data written, plus each action's wrapping. */
  requestBytes: number[] = [];
  /** Payload of each answer, in bytes of JSON: the values loaded. */
  responseBytes: number[] = [];
  settings: Record<string, unknown> = {};
  platform = 'PC';
  tables: FakeTable[] = [];
  /** The selected cells (on the active sheet): A1 until a test selects elsewhere. */
  selection = { row: 0, column: 0, rows: 1, columns: 1 };

  /** A table over cells of a sheet, as Insert › Table makes it. */
  addTable(sheet: string, name: string, area: { row: number; column: number; rows: number; columns: number }): FakeTable {
    const table = { name, sheet, ...area };
    this.tables.push(table);
    return table;
  }

  select(sheet: string, row: number, column: number, rows = 1, columns = 1): void {
    this.active = sheet;
    this.selection = { row, column, rows, columns };
  }

  /** The live conditional formats of a sheet, in priority order (the first applies first). */
  liveRules(sheet: string): FakeRule[] {
    return (this.sheet(sheet)?.rules ?? []).filter((rule) => !rule.deleted);
  }

  addSheet(name: string, values: Cell[][] = []): FakeSheetModel {
    const sheet: FakeSheetModel = {
      name,
      values,
      rules: [],
      numberFormats: new Map(),
      bold: new Set(),
      charts: [],
      merged: [],
      borders: new Map(),
      wrapped: [],
      fills: new Map(),
      columnWidths: new Map(),
      pageLayout: {},
    };
    this.sheets.push(sheet);
    if (!this.active) this.active = name;
    return sheet;
  }

  sheet(name: string): FakeSheetModel | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /** Installs Excel and Office as globals, as office.js does. */
  install(): void {
    const globals = globalThis as Record<string, unknown>;
    globals.Excel = {
      run: async <T>(batch: (context: unknown) => Promise<T>) => batch(new Context(this)),
      ConditionalFormatType: { custom: 'Custom' },
      ChartType: { columnClustered: 'ColumnClustered' },
      ChartSeriesBy: { rows: 'Rows' },
    };
    globals.Office = {
      context: {
        platform: this.platform,
        requirements: { isSetSupported: () => true },
        document: {
          settings: {
            get: (key: string) => this.settings[key] ?? null,
            set: (key: string, value: unknown) => {
              this.settings[key] = value;
            },
            saveAsync: (callback: (result: { status: string }) => void) => callback({ status: 'succeeded' }),
          },
        },
      },
      AsyncResultStatus: { Succeeded: 'succeeded' },
      PlatformType: { OfficeOnline: 'OfficeOnline' },
    };
  }
}

/** A value readable only after load() and a sync, as in Office.js. */
class Loadable {
  private loaded = new Set<string>();
  private pending = new Set<string>();
  constructor(protected readonly context: Context) {}
  load(names: string): this {
    for (const name of names.split(',')) this.pending.add(name.trim().replace(/^items\//, ''));
    this.context.track(this);
    return this;
  }
  /** Items of a loaded collection come with the properties loaded on it. */
  loadedWith(names: Iterable<string>): this {
    for (const name of names) this.loaded.add(name);
    return this;
  }
  settle(): void {
    for (const name of this.pending) this.loaded.add(name);
    this.pending.clear();
  }
  /** What the answer to the pending loads weighs (only values weigh much). */
  answerBytes(): number {
    return 0;
  }
  protected isPending(name: string): boolean {
    return this.pending.has(name);
  }
  protected read<T>(name: string, value: () => T): T {
    if (!this.loaded.has(name)) throw new Error(`PropertyNotLoaded: ${name} was read before load("${name}") and sync()`);
    return value();
  }
}

class Context {
  private tracked = new Set<Loadable>();
  readonly workbook: Workbook;
  constructor(readonly fake: FakeExcel) {
    this.workbook = new Workbook(this);
  }
  private queuedBytes = 0;
  track(item: Loadable): void {
    this.tracked.add(item);
  }
  /** A queued write: what it carries travels with the next sync. */
  queue(data: unknown = null): void {
    this.queuedBytes += ACTION_BYTES + Buffer.byteLength(JSON.stringify(data), 'utf8');
  }
  async sync(): Promise<void> {
    this.fake.syncs++;
    const bytes = this.queuedBytes;
    this.queuedBytes = 0;
    this.fake.requestBytes.push(bytes);
    if (bytes > REQUEST_LIMIT_BYTES) {
      this.tracked.clear();
      throw payloadError(`a request of ${bytes} bytes`);
    }
    let answer = 0;
    for (const item of this.tracked) answer += item.answerBytes();
    this.fake.responseBytes.push(answer);
    if (answer > REQUEST_LIMIT_BYTES) {
      this.tracked.clear();
      throw payloadError(`an answer of ${answer} bytes`);
    }
    for (const item of this.tracked) item.settle();
    this.tracked.clear();
  }
}

/** Office.js's error for a payload over the limit: a code, as OfficeExtension.Error carries it. */
function payloadError(what: string): Error {
  return Object.assign(new Error(`RequestPayloadSizeLimitExceeded: ${what}`), { code: 'RequestPayloadSizeLimitExceeded' });
}

class Workbook {
  readonly worksheets: Worksheets;
  constructor(private readonly context: Context) {
    this.worksheets = new Worksheets(context);
  }
  getSelectedRange(): Range {
    const sheet = this.context.fake.sheet(this.context.fake.active) as FakeSheetModel;
    const { row, column, rows, columns } = this.context.fake.selection;
    return new Range(this.context, sheet, row, column, rows, columns);
  }
}

class Worksheets extends Loadable {
  get items(): Worksheet[] {
    return this.read('name', () => this.context.fake.sheets.map((s) => new Worksheet(this.context, s).loadedWith(['name'])));
  }
  getActiveWorksheet(): Worksheet {
    return new Worksheet(this.context, this.context.fake.sheet(this.context.fake.active) ?? null);
  }
  getItem(name: string): Worksheet {
    const sheet = this.context.fake.sheet(name);
    if (!sheet) throw new Error(`ItemNotFound: ${name}`);
    return new Worksheet(this.context, sheet);
  }
  getItemOrNullObject(name: string): Worksheet {
    return new Worksheet(this.context, this.context.fake.sheet(name) ?? null);
  }
  add(name: string): Worksheet {
    const refused = excelRefusesSheetName(
      name,
      this.context.fake.sheets.map((sheet) => sheet.name),
    );
    if (refused) throw new Error(`InvalidArgument: "${name}": ${refused}`);
    return new Worksheet(this.context, this.context.fake.addSheet(name));
  }
}

class Worksheet extends Loadable {
  constructor(
    context: Context,
    readonly model: FakeSheetModel | null,
  ) {
    super(context);
  }
  get isNullObject(): boolean {
    return this.model === null;
  }
  get name(): string {
    return this.read('name', () => this.model?.name ?? '');
  }
  get charts() {
    const model = this.require();
    return {
      add: (type: string) => {
        const chart = { type, title: '', series: [] as string[] };
        model.charts.push(chart);
        return {
          title: {
            set text(value: string) {
              chart.title = value;
            },
          },
          series: {
            getItemAt: () => ({
              set name(value: string) {
                chart.series.push(value);
              },
              setXAxisValues: () => undefined,
            }),
          },
          setPosition: () => undefined,
        };
      },
    };
  }
  private require(): FakeSheetModel {
    if (!this.model) throw new Error('InvalidObjectPath: the sheet does not exist');
    return this.model;
  }
  /** The cells holding values (valuesOnly): a cleared cell is not used, and the range starts where they do. */
  getUsedRangeOrNullObject(): Range {
    const model = this.model;
    let top = -1;
    let bottom = -1;
    let left = Number.POSITIVE_INFINITY;
    let right = -1;
    (model?.values ?? []).forEach((row, r) => {
      row?.forEach((cell, c) => {
        if (cell === '' || cell === null || cell === undefined) return;
        if (top < 0) top = r;
        bottom = r;
        left = Math.min(left, c);
        right = Math.max(right, c);
      });
    });
    return model && top >= 0
      ? new Range(this.context, model, top, left, bottom - top + 1, right - left + 1)
      : new Range(this.context, null, 0, 0, 0, 0);
  }
  get tables() {
    const model = this.require();
    const context = this.context;
    return new TableCollection(context, () => context.fake.tables.filter((table) => table.sheet === model.name));
  }
  getRangeByIndexes(row: number, column: number, rows: number, columns: number): Range {
    // Excel has no range of no cells.
    if (rows < 1 || columns < 1) throw new Error(`InvalidArgument: a range of ${rows} × ${columns} cells`);
    return new Range(this.context, this.require(), row, column, rows, columns);
  }
  getRange(): Range {
    return new Range(this.context, this.require(), 0, 0, 1_048_576, 16_384);
  }
  activate(): void {
    this.context.fake.active = this.require().name;
  }
  get pageLayout() {
    const layout = this.require().pageLayout;
    return {
      set orientation(value: string) {
        layout.orientation = value;
      },
      set paperSize(value: string) {
        layout.paperSize = value;
      },
      set zoom(value: unknown) {
        layout.zoom = value;
      },
      setPrintArea(range: Range) {
        layout.printArea = range.key;
      },
    };
  }
}

class Range extends Loadable {
  constructor(
    context: Context,
    private readonly model: FakeSheetModel | null,
    readonly row: number,
    readonly column: number,
    readonly rows: number,
    readonly columns: number,
  ) {
    super(context);
  }
  get isNullObject(): boolean {
    return this.model === null;
  }
  get rowIndex(): number {
    return this.read('rowIndex', () => this.row);
  }
  get columnIndex(): number {
    return this.read('columnIndex', () => this.column);
  }
  get rowCount(): number {
    return this.read('rowCount', () => this.rows);
  }
  get columnCount(): number {
    return this.read('columnCount', () => this.columns);
  }
  get address(): string {
    return this.read('address', () => `${this.model?.name}!R${this.row + 1}C${this.column + 1}`);
  }
  get values(): Cell[][] {
    return this.read('values', () => this.shownValues());
  }
  private shownValues(): Cell[][] {
    return Array.from({ length: this.rows }, (_, r) =>
      Array.from({ length: this.columns }, (_, c) => shown(this.model?.values[this.row + r]?.[this.column + c])),
    );
  }
  override answerBytes(): number {
    return this.isPending('values') ? Buffer.byteLength(JSON.stringify(this.shownValues()), 'utf8') : 0;
  }
  set values(rows: Cell[][]) {
    this.context.queue(rows);
    const model = this.model as FakeSheetModel;
    rows.forEach((cells, r) => {
      if (!model.values[this.row + r]) model.values[this.row + r] = [];
      const target = model.values[this.row + r] as Cell[];
      cells.forEach((cell, c) => {
        target[this.column + c] = cell;
      });
    });
  }
  set numberFormat(formats: string[][]) {
    this.context.queue(formats);
    formats.forEach((cells, r) => {
      cells.forEach((format, c) => {
        this.model?.numberFormats.set(`${this.row + r}:${this.column + c}`, format);
      });
    });
  }
  get key(): string {
    return `${this.row}:${this.column}:${this.rows}:${this.columns}`;
  }
  merge(): void {
    this.model?.merged.push(this.key);
  }
  get format() {
    const model = this.model as FakeSheetModel;
    const row = this.row;
    const key = this.key;
    const column = this.column;
    const context = this.context;
    return {
      font: {
        set bold(value: boolean) {
          context.queue(value);
          if (value) model.bold.add(row);
        },
      },
      set wrapText(value: boolean) {
        context.queue(value);
        if (value) model.wrapped.push(key);
      },
      set columnWidth(value: number) {
        context.queue(value);
        model.columnWidths.set(column, value);
      },
      fill: {
        set color(value: string) {
          context.queue(value);
          model.fills.set(key, value);
        },
      },
      borders: {
        getItem: (edge: string) => ({
          set style(value: string) {
            context.queue(value);
            model.borders.set(key, [...(model.borders.get(key) ?? []), `${edge}:${value}`]);
          },
        }),
      },
      autofitColumns: () => context.queue(),
      autofitRows: () => context.queue(),
    };
  }
  /** The tables that overlap this range (or lie wholly inside it). */
  getTables(fullyContained = false) {
    const sheet = this.model?.name;
    const overlaps = (table: FakeTable) =>
      fullyContained
        ? table.row >= this.row &&
          table.column >= this.column &&
          table.row + table.rows <= this.row + this.rows &&
          table.column + table.columns <= this.column + this.columns
        : table.row < this.row + this.rows &&
          this.row < table.row + table.rows &&
          table.column < this.column + this.columns &&
          this.column < table.column + table.columns;
    return new TableCollection(this.context, () =>
      this.context.fake.tables.filter((table) => table.sheet === sheet && overlaps(table)),
    );
  }
  get conditionalFormats() {
    return new ConditionalFormats(this.context, this.model as FakeSheetModel, this);
  }
}

class ConditionalFormats extends Loadable {
  constructor(
    context: Context,
    private readonly model: FakeSheetModel,
    private readonly range: Range,
  ) {
    super(context);
  }
  get items(): ConditionalFormat[] {
    return this.read('type', () =>
      this.model.rules.filter((rule) => !rule.deleted).map((rule) => new ConditionalFormat(this.context, rule, this.model)),
    );
  }
  /** As in Excel, a new format goes to the first/top priority. */
  add(type: string): ConditionalFormat {
    const rule: FakeRule = {
      type,
      formula: '',
      address: { row: this.range.row, column: this.range.column, rows: this.range.rows, columns: this.range.columns },
      deleted: false,
    };
    this.model.rules.unshift(rule);
    return new ConditionalFormat(this.context, rule, this.model);
  }
}

class ConditionalFormat {
  readonly custom;
  stopIfTrue = false;
  constructor(
    context: Context,
    private readonly rule: FakeRule,
    private readonly model: FakeSheetModel,
  ) {
    const formulaLoad = new (class extends Loadable {
      get formula(): string {
        return this.read('formula', () => rule.formula);
      }
      set formula(value: string) {
        rule.formula = value;
      }
    })(context);
    this.custom = {
      rule: formulaLoad,
      format: {
        fill: {
          set color(value: string) {
            rule.fill = value;
          },
        },
        font: { color: '', italic: false },
      },
    };
  }
  get type(): string {
    return this.rule.type;
  }
  /** Moves the format to that place in the sheet's order (0 applies first), as Excel does. */
  set priority(value: number) {
    this.rule.priority = value;
    const rules = this.model.rules.filter((rule) => !rule.deleted && rule !== this.rule);
    rules.splice(Math.max(0, Math.min(value, rules.length)), 0, this.rule);
    this.model.rules = rules;
  }
  delete(): void {
    this.rule.deleted = true;
    this.model.rules = this.model.rules.filter((rule) => rule !== this.rule);
  }
}

class TableCollection extends Loadable {
  constructor(
    context: Context,
    private readonly tablesNow: () => FakeTable[],
  ) {
    super(context);
  }
  get items(): Table[] {
    return this.read('name', () => this.tablesNow().map((table) => new Table(this.context, table).loadedWith(['name'])));
  }
}

class Table extends Loadable {
  constructor(
    context: Context,
    private readonly table: FakeTable,
  ) {
    super(context);
  }
  get name(): string {
    return this.read('name', () => this.table.name);
  }
  private sheet(): FakeSheetModel {
    const sheet = this.context.fake.sheet(this.table.sheet);
    if (!sheet) throw new Error('InvalidObjectPath: the table’s sheet does not exist');
    return sheet;
  }
  /** The whole table, header row included. */
  getRange(): Range {
    const { row, column, rows, columns } = this.table;
    return new Range(this.context, this.sheet(), row, column, rows, columns);
  }
  getHeaderRowRange(): Range {
    return new Range(this.context, this.sheet(), this.table.row, this.table.column, 1, this.table.columns);
  }
  getDataBodyRange(): Range {
    const { row, column, rows, columns } = this.table;
    return new Range(this.context, this.sheet(), row + 1, column, rows - 1, columns);
  }
}
