// The Workbook contract over the Preview adapter: the in-browser workbook the pane runs on
// outside Office, here in Node with a Storage standing in for the browser's localStorage.

import { PreviewWorkbook } from '../../src/pane/preview/previewWorkbook';
import type { CellValue } from '../../src/primitives/cells';
import { excelSerialFromDay, parseTextDate } from '../../src/primitives/dates';
import { MemoryStorage } from '../memoryStorage';
import { hostValues, testWorkbook, type WorkbookHarness } from './workbookContract';

const STORAGE_KEY = 'agebucket-contract';

/** The browser's localStorage, as far as the Preview uses it. */
function previewHarness(): WorkbookHarness {
  const storage = new MemoryStorage();
  (globalThis as { localStorage?: unknown }).localStorage = storage;
  const workbook = new PreviewWorkbook(STORAGE_KEY);
  return {
    workbook,
    addSheet(name, values) {
      const columnFormats: Array<string | null> = [];
      workbook.sheets.push({
        name,
        values: hostValues(values, ({ date }, _row, column) => {
          // The Preview holds a date as Excel does: its serial, in a column with a date format.
          columnFormats[column] = 'dd/mm/yyyy';
          return excelSerialFromDay(parseTextDate(date));
        }) as CellValue[][],
        columnFormats,
        boldRows: [],
        rules: [],
        chart: null,
      });
      if (workbook.activeSheet === '') workbook.activeSheet = name;
    },
    activate: (name) => workbook.activate(name),
    typed: (name) => workbook.sheet(name)?.values ?? null,
    addUserRule(sheetName, formula) {
      const sheet = workbook.sheet(sheetName);
      if (!sheet) throw new Error(`no sheet ${sheetName}`);
      // A rule the user adds goes last, as Sheets adds it.
      sheet.rules.push({ kind: 'user', formula, column: 3, above: 1000, bold: false, fill: '#00FF00', firstRow: 1, lastRow: 20 });
    },
    ruleFormulas: (sheetName) => (workbook.sheet(sheetName)?.rules ?? []).map((rule) => rule.formula),
    storeSettingsText: (text) => storage.setItem(STORAGE_KEY, text),
  };
}

afterAll(() => {
  delete (globalThis as { localStorage?: unknown }).localStorage;
});

testWorkbook('Preview', previewHarness);
