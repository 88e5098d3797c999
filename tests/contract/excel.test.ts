// The Workbook contract over the Excel adapter, on the recording fake of Office.js (which keeps
// Excel's rules: sheet names, priorities of conditional formats, tables, 5 MB per request).

import { ExcelWorkbook } from '../../addin/excelWorkbook';
import { FakeExcel, REQUEST_LIMIT_BYTES } from '../addin/fakeExcel';
import { testWorkbook, type WorkbookHarness } from './workbookContract';

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
      excel.addSheet(
        name,
        values.map((row) => [...row]),
      );
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
