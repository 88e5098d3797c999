/// <reference types="office-js" />
// The Workbook port over Office.js. Every command queues its work and syncs a fixed number of
// times (reads and writes in chunks past Excel on the web's 5 MB request limit are the only
// extra syncs),
// writes text so that Excel never takes it for a formula, and recognises its own colour rules
// by the marker in their formula.

import { type CellRange, SHADE, type SheetLayout } from '../src/ageing/agedBalanceSheet';
import { type ColourRule, isOurRule } from '../src/ageing/colourRules';
import { parseStoredSettings } from '../src/commands/settings';
import { downloadInBrowser } from '../src/pane/download';
import type { LedgerTable, Progress, Workbook } from '../src/pane/workbook';
import { widestRow } from '../src/primitives/arrays';
import type { CellValue } from '../src/primitives/cells';
import { uniqueSheetName } from '../src/primitives/sheetNames';
import { sheetText } from '../src/primitives/sheetText';
import { jsonBytes, REQUEST_BUDGET_BYTES, RequestBudget } from './requestBudget';

/**
 * Cells per request: at a generous 80 bytes a cell in JSON this stays under Excel on the web's
 * 5 MB payload limit.
 */
export const CELLS_PER_REQUEST = 50_000;

type Value = string | number | boolean;

function toExcelValue(value: unknown): Value {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return sheetText(value);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  return sheetText(String(value));
}

/** Office.js's refusal of a request or an answer over Excel on the web's 5 MB. */
function isPayloadTooLarge(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /PayloadSizeLimitExceeded/i.test(code);
}

function rowsPerChunk(columns: number): number {
  return Math.max(1, Math.floor(CELLS_PER_REQUEST / Math.max(columns, 1)));
}

const block = (sheet: Excel.Worksheet, range: CellRange) =>
  sheet.getRangeByIndexes(range.row, range.column, range.rows, range.columns);

/** Column widths are in points: a character of the default font is about 6. */
const POINTS_PER_CHARACTER = 6;

/**
 * Merges, borders, shading, wrapping, widths and print settings, queued with the values; a
 * sheet of thousands of letters has thousands of them, so each takes its room in the request.
 * Page layout needs ExcelApi 1.9; older Excel prints with its own settings.
 */
async function applyPresentation(sheet: Excel.Worksheet, layout: SheetLayout, budget: RequestBudget): Promise<void> {
  for (const range of layout.wrapped ?? []) {
    await budget.action();
    block(sheet, range).format.wrapText = true;
  }
  for (const range of layout.merges ?? []) {
    await budget.action();
    block(sheet, range).merge(false);
  }
  for (const range of layout.shaded ?? []) {
    await budget.action(jsonBytes(SHADE));
    block(sheet, range).format.fill.color = SHADE;
  }
  for (const range of layout.borders ?? []) {
    const edges = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as Excel.BorderIndex[];
    if (range.rows > 1) edges.push('InsideHorizontal' as Excel.BorderIndex);
    if (range.columns > 1) edges.push('InsideVertical' as Excel.BorderIndex);
    for (let edge = 0; edge < edges.length; edge++) await budget.action();
    const borders = block(sheet, range).format.borders;
    for (const edge of edges) borders.getItem(edge).style = 'Continuous' as Excel.BorderLineStyle;
  }
  const widths = layout.columnWidths ?? [];
  for (let column = 0; column < widths.length; column++) {
    const characters = widths[column];
    if (characters === undefined) continue;
    await budget.action();
    sheet.getRangeByIndexes(0, column, 1, 1).format.columnWidth = characters * POINTS_PER_CHARACTER;
  }
  if ((layout.wrapped ?? []).length > 0 && layout.rows.length > 0) {
    await budget.action();
    sheet.getRangeByIndexes(0, 0, layout.rows.length, 1).format.autofitRows();
  }
  const print = layout.print;
  if (print && Office.context.requirements.isSetSupported('ExcelApi', '1.9')) {
    await budget.action();
    sheet.pageLayout.orientation = (print.orientation === 'landscape' ? 'Landscape' : 'Portrait') as Excel.PageOrientation;
    sheet.pageLayout.paperSize = 'A4' as Excel.PaperType;
    if (print.onePage) sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 1 };
    sheet.pageLayout.setPrintArea(block(sheet, print.area));
  }
}

export class ExcelWorkbook implements Workbook {
  readonly kind = 'excel' as const;

  async readActiveTable(): Promise<LedgerTable> {
    return Excel.run(async (context) => {
      const workbook = context.workbook;
      const sheet = workbook.worksheets.getActiveWorksheet();
      const tables = workbook.getSelectedRange().getTables(false);
      const used = sheet.getUsedRangeOrNullObject(true);
      sheet.load('name');
      tables.load('items/name');
      used.load('rowIndex,columnIndex,rowCount,columnCount,address');
      await context.sync();
      const table = tables.items[0];
      let area = {
        rowIndex: used.isNullObject ? 0 : used.rowIndex,
        columnIndex: used.isNullObject ? 0 : used.columnIndex,
        rowCount: used.isNullObject ? 0 : used.rowCount,
        columnCount: used.isNullObject ? 0 : used.columnCount,
      };
      let description = used.isNullObject ? sheet.name : used.address;
      if (table) {
        const range = table.getRange();
        range.load('rowIndex,columnIndex,rowCount,columnCount');
        await context.sync();
        area = {
          rowIndex: range.rowIndex,
          columnIndex: range.columnIndex,
          rowCount: range.rowCount,
          columnCount: range.columnCount,
        };
        description = `${table.name} (${sheet.name})`;
      }
      const values = await this.readArea(context, sheet, area);
      return {
        sheetName: sheet.name,
        headerRow: area.rowIndex,
        firstColumn: area.columnIndex,
        values,
        // Office.js does not tell the date system: a 1904 workbook is a setting of the pane.
        serialSystem: 'excel1900',
        description,
        // The language Office edits the document in: it is how the user's dates are written.
        locale: Office.context.contentLanguage,
      };
    });
  }

  /**
   * Values of an area, a chunk of rows per request. Excel on the web refuses an answer over
   * 5 MB as it refuses a request: the first chunk is sized by cells, the next ones by the bytes
   * the rows read so far weighed, and a chunk refused for its size is read again in halves.
   */
  private async readArea(
    context: Excel.RequestContext,
    sheet: Excel.Worksheet,
    area: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number },
  ): Promise<CellValue[][]> {
    const values: CellValue[][] = [];
    const mostRows = rowsPerChunk(area.columnCount);
    let step = mostRows;
    for (let offset = 0; offset < area.rowCount; ) {
      const rows = Math.min(step, area.rowCount - offset);
      const chunk = sheet.getRangeByIndexes(area.rowIndex + offset, area.columnIndex, rows, area.columnCount);
      chunk.load('values');
      try {
        await context.sync();
      } catch (error) {
        if (!isPayloadTooLarge(error) || rows === 1) throw error;
        step = Math.ceil(rows / 2);
        continue;
      }
      const read = chunk.values as CellValue[][];
      for (const row of read) values.push(row);
      offset += rows;
      const bytesPerRow = jsonBytes(read) / rows;
      step = Math.max(1, Math.min(mostRows, Math.floor(REQUEST_BUDGET_BYTES / Math.max(bytesPerRow, 1))));
    }
    return values;
  }

  async sheetNames(): Promise<string[]> {
    return Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      await context.sync();
      return sheets.items.map((sheet) => sheet.name);
    });
  }

  async writeNewSheet(baseName: string, layout: SheetLayout, progress?: Progress): Promise<string> {
    return Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      await context.sync();
      const name = uniqueSheetName(
        baseName,
        sheets.items.map((sheet) => sheet.name),
      );
      const sheet = sheets.add(name);
      const width = widestRow(layout.rows, 1);
      const rows = layout.rows.map((row) => Array.from({ length: width }, (_, column) => toExcelValue(row[column])));
      // Values and number formats by the bytes they weigh: only a sheet too big for one
      // request pays a sync per piece.
      const budget = new RequestBudget(context);
      await budget.rows(
        rows,
        (offset, piece) => {
          sheet.getRangeByIndexes(offset, 0, piece.length, width).values = piece;
        },
        progress,
      );
      for (let column = 0; column < layout.columnFormats.length; column++) {
        const format = layout.columnFormats[column];
        if (format === null || format === undefined || rows.length === 0) continue;
        await budget.rows(
          rows.map(() => [format]),
          (offset, piece) => {
            sheet.getRangeByIndexes(offset, column, piece.length, 1).numberFormat = piece;
          },
        );
      }
      for (const { row, column, format } of layout.cellFormats) {
        await budget.action(jsonBytes(format));
        sheet.getRangeByIndexes(row, column, 1, 1).numberFormat = [[format]];
      }
      for (const row of layout.boldRows) {
        await budget.action();
        sheet.getRangeByIndexes(row, 0, 1, width).format.font.bold = true;
      }
      // A sheet of no rows (nothing to list) has no cells to fit: Excel has no empty range.
      if (rows.length > 0) {
        await budget.action();
        sheet.getRangeByIndexes(0, 0, rows.length, width).format.autofitColumns();
      }
      await applyPresentation(sheet, layout, budget);
      if (layout.chart) {
        await budget.action(jsonBytes(layout.chart));
        const chart = layout.chart;
        const first = chart.series[0]?.row ?? 0;
        const last = chart.series[chart.series.length - 1]?.row ?? first;
        const data = sheet.getRangeByIndexes(
          first,
          chart.firstColumn,
          last - first + 1,
          chart.lastColumn - chart.firstColumn + 1,
        );
        const excelChart = sheet.charts.add(Excel.ChartType.columnClustered, data, Excel.ChartSeriesBy.rows);
        excelChart.title.text = chart.title;
        const categories = sheet.getRangeByIndexes(
          chart.categoryRow,
          chart.firstColumn,
          1,
          chart.lastColumn - chart.firstColumn + 1,
        );
        chart.series.forEach((series, index) => {
          const item = excelChart.series.getItemAt(index);
          item.name = series.name;
          item.setXAxisValues(categories);
        });
        excelChart.setPosition(sheet.getRangeByIndexes(layout.rows.length + 1, 0, 1, 1));
      }
      sheet.activate();
      await context.sync();
      progress?.(rows.length, rows.length);
      return name;
    });
  }

  /** Our rules on a sheet, loaded in two syncs: their types, then the formulas of custom ones. */
  private async ourRules(context: Excel.RequestContext, sheet: Excel.Worksheet): Promise<Excel.ConditionalFormat[]> {
    const formats = sheet.getRange().conditionalFormats;
    formats.load('items/type');
    await context.sync();
    const custom = formats.items.filter((format) => format.type === Excel.ConditionalFormatType.custom);
    for (const format of custom) format.custom.rule.load('formula');
    await context.sync();
    return custom.filter((format) => isOurRule(format.custom.rule.formula));
  }

  async applyColourRules(sheetName: string, rules: readonly ColourRule[]): Promise<void> {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      // A second click replaces our rules instead of stacking them.
      for (const format of await this.ourRules(context, sheet)) format.delete();
      rules.forEach((rule, index) => {
        const range = sheet.getRangeByIndexes(
          rule.firstRow,
          rule.firstColumn,
          rule.lastRow - rule.firstRow + 1,
          rule.lastColumn - rule.firstColumn + 1,
        );
        const format = range.conditionalFormats.add(Excel.ConditionalFormatType.custom);
        format.custom.rule.formula = rule.formula;
        if (rule.fill) format.custom.format.fill.color = rule.fill;
        if (rule.fontColor) format.custom.format.font.color = rule.fontColor;
        if (rule.italic) format.custom.format.font.italic = true;
        format.stopIfTrue = rule.stopIfTrue;
        format.priority = index;
      });
      await context.sync();
    });
  }

  async removeColourRules(sheetName: string): Promise<number> {
    return Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      const ours = await this.ourRules(context, sheet);
      for (const format of ours) format.delete();
      await context.sync();
      return ours.length;
    });
  }

  async readSheet(name: string): Promise<CellValue[][] | null> {
    return Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(name);
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load('rowIndex,columnIndex,rowCount,columnCount');
      await context.sync();
      if (sheet.isNullObject) return null;
      if (used.isNullObject) return [];
      // From A1, as Sheets and the Preview read a sheet: the used range starts at its first
      // filled cell, and the rows above it and the columns to its left count too.
      const values = await this.readArea(context, sheet, {
        rowIndex: 0,
        columnIndex: 0,
        rowCount: used.rowIndex + used.rowCount,
        columnCount: used.columnIndex + used.columnCount,
      });
      return values.map((row) => row.map((cell) => cell ?? ''));
    });
  }

  async appendRows(
    sheetName: string,
    header: readonly string[],
    rows: ReadonlyArray<ReadonlyArray<string | number>>,
  ): Promise<void> {
    await Excel.run(async (context) => {
      let sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load('rowIndex,rowCount');
      await context.sync();
      let next = used.isNullObject ? 0 : used.rowIndex + used.rowCount;
      const width = widestRow(rows, header.length);
      const pad = (row: ReadonlyArray<string | number>) =>
        Array.from({ length: width }, (_, column) => toExcelValue(row[column]));
      const budget = new RequestBudget(context);
      if (sheet.isNullObject) sheet = context.workbook.worksheets.add(sheetName);
      // A new or emptied log gets its header first: rows without it could not be read back.
      if (next === 0) {
        sheet.getRangeByIndexes(0, 0, 1, width).values = [pad(header)];
        sheet.getRangeByIndexes(0, 0, 1, width).format.font.bold = true;
        next = 1;
      }
      const target = sheet;
      const first = next;
      await budget.rows(rows.map(pad), (offset, piece) => {
        target.getRangeByIndexes(first + offset, 0, piece.length, width).values = piece;
      });
      await context.sync();
    });
  }

  async readSettings(): Promise<Record<string, string>> {
    const stored: unknown = Office.context.document.settings.get('agebucket');
    return parseStoredSettings(
      typeof stored === 'string' ? stored : stored === null || stored === undefined ? null : String(stored),
    );
  }

  async writeSettings(values: Record<string, string>): Promise<void> {
    const settings = Office.context.document.settings;
    settings.set('agebucket', JSON.stringify(values));
    await new Promise<void>((resolve, reject) =>
      settings.saveAsync((result) =>
        result.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(new Error(result.error.message)),
      ),
    );
  }

  async deliverFile(name: string, bytes: Uint8Array, mimeType: string): Promise<'delivered' | 'blocked'> {
    // Excel on the web lets a page download a file; the desktop apps' web views do not.
    if (Office.context.platform !== Office.PlatformType.OfficeOnline) return 'blocked';
    downloadInBrowser(name, bytes, mimeType);
    return 'delivered';
  }
}
