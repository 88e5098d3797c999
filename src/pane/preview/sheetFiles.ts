// Files into Preview sheets: CSV text (as Excel opens it: plain numbers become numbers, ISO
// dates become date serials) and .xlsx workbooks (read with ExcelJS, loaded only when used).

import { parseCsv } from '../../ledger/csv';
import { accentSample } from '../../ledger/import';
import { decodeText, type TextEncoding } from '../../ledger/textFile';
import { widestRow } from '../../primitives/arrays';
import type { CellValue } from '../../primitives/cells';
import { dayFromCalendar, excelSerialFromDay } from '../../primitives/dates';
import type { PreviewSheet } from './previewWorkbook';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

export function csvToSheet(name: string, text: string): PreviewSheet {
  const rows = parseCsv(text).filter((row) => row.some((cell) => cell.trim() !== ''));
  const dateColumns = new Set<number>();
  const values: CellValue[][] = rows.map((row, rowIndex) =>
    row.map((cell, column) => {
      if (rowIndex === 0) return cell;
      const iso = ISO_DATE.exec(cell);
      if (iso) {
        dateColumns.add(column);
        return excelSerialFromDay(dayFromCalendar(Number(iso[1]), Number(iso[2]), Number(iso[3])));
      }
      // Leading zeros mark a code (an invoice or customer number), not a quantity.
      if (PLAIN_NUMBER.test(cell) && !/^-?0\d/.test(cell)) return Number(cell);
      return cell;
    }),
  );
  const width = widestRow(rows);
  return {
    name,
    values,
    columnFormats: Array.from({ length: width }, (_, column) => (dateColumns.has(column) ? 'dd/mm/yyyy' : null)),
    boldRows: [0],
    rules: [],
    chart: null,
  };
}

/** A CSV file loaded as a sheet, and how its bytes were decoded (for the pane to say). */
export interface LoadedCsv {
  readonly sheet: PreviewSheet;
  readonly encoding: TextEncoding;
  readonly sample: string;
}

/**
 * A CSV file's bytes as a sheet, decoded as the import decodes them: UTF-8 with or without a
 * byte-order mark, else Windows-1252 (a French Sage export's `N° pièce`), never the browser's
 * UTF-8 guess that turns every accent into U+FFFD.
 */
export function csvBytesToSheet(name: string, bytes: Uint8Array): LoadedCsv {
  const { text, encoding } = decodeText(bytes);
  return { sheet: csvToSheet(name, text), encoding, sample: accentSample(text) };
}

interface ExcelJsCell {
  value: unknown;
  numFmt?: string;
}

/** Every worksheet of a .xlsx file, values as Excel holds them (dates as serials). */
export async function xlsxToSheets(bytes: ArrayBuffer): Promise<PreviewSheet[]> {
  const ExcelJS = (await import(/* webpackChunkName: "exceljs" */ 'exceljs')).default;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  const sheets: PreviewSheet[] = [];
  workbook.eachSheet((worksheet) => {
    const values: CellValue[][] = [];
    const formats: Array<string | null> = [];
    worksheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const cells: CellValue[] = [];
      row.eachCell({ includeEmpty: true }, (cell: ExcelJsCell, columnNumber: number) => {
        cells[columnNumber - 1] = cellValue(cell.value);
        if (cell.value instanceof Date) formats[columnNumber - 1] = 'dd/mm/yyyy';
      });
      values[rowNumber - 1] = Array.from(cells, (value) => value ?? null);
    });
    sheets.push({
      name: worksheet.name,
      values: Array.from(values, (row) => row ?? []),
      columnFormats: Array.from(formats, (format) => format ?? null),
      boldRows: [0],
      rules: [],
      chart: null,
    });
  });
  return sheets;
}

function cellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    // ExcelJS gives a date cell as UTC midnight of its calendar day.
    return excelSerialFromDay(dayFromCalendar(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate()));
  }
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'object') {
    const object = value as { result?: unknown; richText?: Array<{ text: string }>; text?: string; error?: string };
    if ('result' in object) return cellValue(object.result);
    if (object.richText) return object.richText.map((part) => part.text).join('');
    if (typeof object.text === 'string') return object.text;
    if (typeof object.error === 'string') return { error: object.error };
  }
  return String(value);
}
