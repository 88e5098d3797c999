// The payment-delays sheet written by the Excel adapter: merged headings, borders inside and
// around the table, shading, wrapped labels, column widths and A4 landscape print settings,
// queued with the values (no extra round trip).
import { ExcelWorkbook } from '../../addin/excelWorkbook';
import { paymentDelaysFor } from '../../src/commands/paymentDelays';
import { defaultSettings } from '../../src/commands/settings';
import { detectColumns, type LedgerTable } from '../../src/ledger/ledger';
import type { CellValue } from '../../src/primitives/cells';
import { parseTextDate } from '../../src/primitives/dates';
import { CLOSING, CUSTOMER_HEADER, CUSTOMER_ROWS, SUPPLIER_ROWS } from '../reports/delaysLedgers';
import { FakeExcel } from './fakeExcel';

const located = (table: LedgerTable) => ({ table, mapping: detectColumns(table.values[0] ?? []) });

const result = paymentDelaysFor(
  {
    customers: located({
      sheetName: 'Clients',
      headerRow: 0,
      firstColumn: 0,
      values: [CUSTOMER_HEADER, ...CUSTOMER_ROWS].map((row) => [...row] as CellValue[]),
      serialSystem: 'excel1900',
      description: 'Clients',
    }),
    suppliers: { sheetName: 'Fournisseurs', values: SUPPLIER_ROWS.map((row) => [...row]) },
    log: null,
  },
  { ...defaultSettings('fr', parseTextDate('2026-11-30')), delaysClosingDate: CLOSING },
);

test('the table sheet keeps the model’s presentation in Excel', async () => {
  const excel = new FakeExcel();
  excel.install();
  excel.addSheet('Clients', [['Client']]);
  const name = await new ExcelWorkbook().writeNewSheet(result.table.name, result.table.layout);
  const sheet = excel.sheet(name);
  expect(excel.syncs).toBe(2);
  expect(sheet?.values[4]?.slice(0, 3)).toEqual(['', '0 jour (indicatif)', '1 à 30 jours']);
  expect(sheet?.merged).toEqual(expect.arrayContaining(['3:0:2:1', '3:1:1:6', '3:7:1:6', '11:1:1:6']));
  expect(sheet?.borders.get('3:0:12:13')).toEqual([
    'EdgeTop:Continuous',
    'EdgeBottom:Continuous',
    'EdgeLeft:Continuous',
    'EdgeRight:Continuous',
    'InsideHorizontal:Continuous',
    'InsideVertical:Continuous',
  ]);
  expect(sheet?.fills.get('5:0:1:13')).toBe('#D9D9D9');
  expect(sheet?.wrapped).toContain('3:0:2:13');
  expect(sheet?.columnWidths.get(0)).toBe(46 * 6);
  expect(sheet?.pageLayout).toEqual({
    orientation: 'Landscape',
    paperSize: 'A4',
    zoom: { horizontalFitToPages: 1, verticalFitToPages: 1 },
    printArea: `0:0:${result.table.layout.rows.length}:13`,
  });
  expect(sheet?.numberFormats.get('8:1')).toBe('0.00%');
});
