// The Workbook contract over the Excel adapter, on the recording fake of Office.js (which keeps
// Excel's rules: sheet names, priorities of conditional formats, tables, 5 MB per request).

import { ExcelWorkbook } from '../../addin/excelWorkbook';
import { excelSerialFromDay, parseTextDate } from '../../src/primitives/dates';
import { FakeExcel, REQUEST_LIMIT_BYTES } from '../addin/fakeExcel';
import { hostValues, testWorkbook, type WorkbookHarness } from './workbookContract';

function excelHarness(): WorkbookHarness {
  const excel = new FakeExcel();
  excel.install();
  const model = (name: string) => {
    const sheet = excel.sheet(name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    return sheet;
  };
  return {
    workbook: new ExcelWorkbook(),
    addSheet: (name, values) => {
      const formats: Array<[string, string]> = [];
      const sheet = excel.addSheet(
        name,
        hostValues(values, ({ date }, row, column) => {
          // Excel holds a date as its serial, shown through a date format.
          formats.push([`${row}:${column}`, 'dd/mm/yyyy']);
          return excelSerialFromDay(parseTextDate(date));
        }) as never,
      );
      for (const [cell, format] of formats) sheet.numberFormats.set(cell, format);
    },
    activate: (name) => excel.select(name, 0, 0),
    typed: (name) => excel.sheet(name)?.values ?? null,
    addUserRule(sheetName, formula) {
      // Home › Conditional Formatting puts a new rule on top, as the API's add() does.
      model(sheetName).rules.unshift({
        type: 'Custom',
        formula,
        address: { row: 1, column: 0, rows: 20, columns: 5 },
        deleted: false,
      });
    },
    ruleFormulas: (sheetName) => excel.liveRules(sheetName).map((rule) => rule.formula),
    storeSettingsText: (text) => {
      excel.settings.agebucket = text;
    },
    tables: {
      add: (sheet, name, area) => {
        excel.addTable(sheet, name, area);
      },
      select: (sheet, row, column) => excel.select(sheet, row, column),
    },
    payloads: () => ({ sent: excel.requestBytes, answered: excel.responseBytes }),
    payloadLimit: REQUEST_LIMIT_BYTES,
  };
}

testWorkbook('Excel', excelHarness, { tables: true });
