/// <reference types="google-apps-script" />
// The Workbook port on the Apps Script side: what the sidebar asks through google.script.run
// and what the menu's commands use. Whole ranges are read and written with one getValues or
// setValues each, never a cell at a time; date cells cross to the sidebar as the core's calendar
// dates ({ year, month, day } of the spreadsheet's zone: plain data, which google.script.run
// carries where it cannot carry a Date), so a text cell shaped like a date stays text, as in
// Excel; text that looks like a formula is written as text.

import { type CellRange, SHADE, type SheetLayout } from '../src/ageing/agedBalanceSheet';
import { type ColourRule, isOurRule } from '../src/ageing/colourRules';
import { parseStoredSettings } from '../src/commands/settings';
import type { LedgerTable } from '../src/ledger/ledger';
import { widestRow } from '../src/primitives/arrays';
import type { CellValue } from '../src/primitives/cells';
import { uniqueSheetName } from '../src/primitives/sheetNames';
import { sheetText } from '../src/primitives/sheetText';
import { ZoneCalendar } from './sheetsHost';

const SETTINGS_KEY = 'agebucket';

function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

function spreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

/**
 * Sheet values as the core reads them: Dates become calendar dates of the spreadsheet's zone
 * (as custom-function arguments do), never text: the core tells a date cell from text typed to
 * look like one (`2026-03-15` typed as plain text) as it does in Excel and the Preview.
 */
function readValues(range: GoogleAppsScript.Spreadsheet.Range, timeZone: string): CellValue[][] {
  // One formatDate per distinct day, not per cell: a 200,000-row ledger has two date columns.
  const calendar = new ZoneCalendar(timeZone);
  return range.getValues().map((row) => row.map((cell) => (isDate(cell) ? calendar.calendarDate(cell) : (cell as CellValue))));
}

function toSheetValue(value: unknown): string | number | boolean {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return sheetText(value);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  return sheetText(String(value));
}

export function readActiveTable(): LedgerTable {
  const book = spreadsheet();
  const sheet = book.getActiveSheet();
  const range = sheet.getDataRange();
  return {
    sheetName: sheet.getName(),
    headerRow: range.getRow() - 1,
    firstColumn: range.getColumn() - 1,
    values: readValues(range, book.getSpreadsheetTimeZone()),
    serialSystem: 'sheets',
    description: `${sheet.getName()}!${range.getA1Notation()}`,
    locale: book.getSpreadsheetLocale(),
  };
}

export function sheetNames(): string[] {
  return spreadsheet()
    .getSheets()
    .map((sheet) => sheet.getName());
}

export function writeNewSheet(baseName: string, layout: SheetLayout): string {
  const book = spreadsheet();
  const name = uniqueSheetName(baseName, sheetNames());
  const sheet = book.insertSheet(name);
  const width = widestRow(layout.rows, 1);
  const rows = layout.rows.map((row) => Array.from({ length: width }, (_, column) => toSheetValue(row[column])));
  // A sheet of no rows is shown like any other new sheet (Sheets has no range of no cells).
  if (rows.length === 0) {
    sheet.activate();
    return name;
  }
  const range = sheet.getRange(1, 1, rows.length, width);
  range.setValues(rows);
  // Number formats for the whole block in one call: a column's format on its numbers (titles
  // and headings above them stay General), then single cells.
  const formats = rows.map((row) =>
    Array.from({ length: width }, (_, column) =>
      typeof row[column] === 'number' ? (layout.columnFormats[column] ?? 'General') : 'General',
    ),
  );
  for (const { row, column, format } of layout.cellFormats) {
    const line = formats[row];
    if (line) line[column] = format;
  }
  range.setNumberFormats(formats);
  const weights = rows.map((_, row) => Array.from({ length: width }, () => (layout.boldRows.includes(row) ? 'bold' : 'normal')));
  range.setFontWeights(weights);
  applyPresentation(sheet, layout);
  if (layout.chart) {
    const chart = layout.chart;
    const builder = sheet
      .newChart()
      .setChartType(Charts.ChartType.COLUMN)
      .addRange(sheet.getRange(chart.categoryRow + 1, chart.firstColumn + 1, 1, chart.lastColumn - chart.firstColumn + 1));
    for (const series of chart.series)
      builder.addRange(sheet.getRange(series.row + 1, chart.firstColumn + 1, 1, chart.lastColumn - chart.firstColumn + 1));
    sheet.insertChart(
      builder
        .setTransposeRowsAndColumns(true)
        .setOption('title', chart.title)
        .setPosition(rows.length + 2, 1, 0, 0)
        .build(),
    );
  }
  sheet.activate();
  return name;
}

/** Sheets' column widths are in pixels: a character of the default font is about 7. */
const PIXELS_PER_CHARACTER = 7;

/**
 * Merges, borders, shading, wrapping and widths: a call per block, never per cell. Apps Script
 * cannot set print settings (paper, orientation): the README tells Sheets users to pick A4
 * landscape in the print dialog.
 */
function applyPresentation(sheet: GoogleAppsScript.Spreadsheet.Sheet, layout: SheetLayout): void {
  const block = (range: CellRange) => sheet.getRange(range.row + 1, range.column + 1, range.rows, range.columns);
  for (const range of layout.wrapped ?? []) block(range).setWrap(true);
  for (const range of layout.merges ?? []) block(range).merge();
  for (const range of layout.shaded ?? []) block(range).setBackground(SHADE);
  for (const range of layout.borders ?? []) block(range).setBorder(true, true, true, true, true, true);
  layout.columnWidths?.forEach((characters, column) => {
    sheet.setColumnWidth(column + 1, characters * PIXELS_PER_CHARACTER);
  });
}

function ruleFormula(rule: GoogleAppsScript.Spreadsheet.ConditionalFormatRule): string {
  const condition = rule.getBooleanCondition();
  const values = condition ? condition.getCriteriaValues() : [];
  return typeof values[0] === 'string' ? values[0] : '';
}

/**
 * setConditionalFormatRules replaces a sheet's whole list: read it, keep the user's rules in
 * their order, add ours after them, write it back. Two calls, whatever the size of the sheet.
 */
export function applyColourRules(sheetName: string, rules: readonly ColourRule[]): void {
  const sheet = requireSheet(sheetName);
  const kept = sheet.getConditionalFormatRules().filter((rule) => !isOurRule(ruleFormula(rule)));
  const ours = rules.map((rule) => {
    let builder = SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(rule.formula)
      .setRanges([
        sheet.getRange(
          rule.firstRow + 1,
          rule.firstColumn + 1,
          rule.lastRow - rule.firstRow + 1,
          rule.lastColumn - rule.firstColumn + 1,
        ),
      ]);
    if (rule.fill) builder = builder.setBackground(rule.fill);
    if (rule.fontColor) builder = builder.setFontColor(rule.fontColor);
    if (rule.italic) builder = builder.setItalic(true);
    return builder.build();
  });
  // Sheets applies the first matching rule: ours go first so disputed rows keep their grey.
  sheet.setConditionalFormatRules([...ours, ...kept]);
}

export function removeColourRules(sheetName: string): number {
  const sheet = requireSheet(sheetName);
  const all = sheet.getConditionalFormatRules();
  const kept = all.filter((rule) => !isOurRule(ruleFormula(rule)));
  sheet.setConditionalFormatRules(kept);
  return all.length - kept.length;
}

export function readSheet(name: string): CellValue[][] | null {
  const book = spreadsheet();
  const sheet = book.getSheetByName(name);
  if (!sheet) return null;
  // An emptied sheet's data range is one blank cell: it reads as no rows, as in Excel.
  if (sheet.getLastRow() === 0) return [];
  return readValues(sheet.getDataRange(), book.getSpreadsheetTimeZone());
}

export function appendRows(
  sheetName: string,
  header: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number>>,
): void {
  const book = spreadsheet();
  const width = widestRow(rows, header.length);
  const pad = (row: ReadonlyArray<string | number>) => Array.from({ length: width }, (_, column) => toSheetValue(row[column]));
  const sheet = book.getSheetByName(sheetName) ?? book.insertSheet(sheetName);
  // A new or emptied log gets its header first: rows without it could not be read back.
  if (sheet.getLastRow() === 0) {
    sheet
      .getRange(1, 1, 1, width)
      .setValues([pad(header)])
      .setFontWeight('bold');
  }
  if (rows.length > 0) sheet.getRange(sheet.getLastRow() + 1, 1, rows.length, width).setValues(rows.map(pad));
}

/** The settings text as stored: the sidebar reads it through this and reports damage itself. */
export function readSettingsText(): string | null {
  return PropertiesService.getDocumentProperties().getProperty(SETTINGS_KEY);
}

export function readSettings(): Record<string, string> {
  return parseStoredSettings(readSettingsText());
}

export function writeSettings(settings: Record<string, string>): void {
  PropertiesService.getDocumentProperties().setProperty(SETTINGS_KEY, JSON.stringify(settings));
}

function requireSheet(name: string): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = spreadsheet().getSheetByName(name);
  if (!sheet) throw new Error(`There is no sheet "${name}".`);
  return sheet;
}
