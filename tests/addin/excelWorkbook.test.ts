// The Excel adapter of the Workbook port, against a recording fake of Office.js: what each
// command costs in round trips, and what only Excel has (charts, data bars, file delivery).
// What every adapter must do is in the contract suite (tests/contract).
import { ExcelWorkbook } from '../../addin/excelWorkbook';
import { agedBalance } from '../../src/ageing/agedBalance';
import { agedBalanceSheet } from '../../src/ageing/agedBalanceSheet';
import { makeBuckets } from '../../src/ageing/ageing';
import { ageingColourRules } from '../../src/ageing/colourRules';
import { FakeExcel } from './fakeExcel';

function ledger(rows: number): Array<Array<string | number>> {
  return [
    ['Client', 'Facture', 'Échéance', 'Montant'],
    ...Array.from({ length: rows }, (_, i) => [`Client ${i % 40}`, `F-${i}`, 45900 + (i % 200), 100 + i]),
  ];
}

let excel: FakeExcel;
beforeEach(() => {
  excel = new FakeExcel();
  excel.install();
});

describe('reading the ledger', () => {
  test('a constant number of syncs, whatever the size below the request limit', async () => {
    excel.addSheet('Créances', ledger(100));
    const small = await new ExcelWorkbook().readActiveTable();
    const syncsSmall = excel.syncs;
    excel = new FakeExcel();
    excel.install();
    excel.addSheet('Créances', ledger(2000));
    const large = await new ExcelWorkbook().readActiveTable();
    expect(small.values).toHaveLength(101);
    expect(large.values).toHaveLength(2001);
    expect(syncsSmall).toBe(2);
    expect(excel.syncs).toBe(syncsSmall);
    expect(large.values[1]).toEqual(['Client 0', 'F-0', 45900, 100]);
  });
  test('a table past the 5 MB request limit is read in chunks of rows', async () => {
    excel.addSheet('Créances', ledger(30_000)); // 120,004 cells: three requests of 50,000
    const table = await new ExcelWorkbook().readActiveTable();
    expect(table.values).toHaveLength(30_001);
    expect(table.values[30_000]).toEqual(['Client 39', 'F-29999', 45900 + (29_999 % 200), 30_099]);
    expect(excel.syncs).toBe(1 + 3);
  });
});

describe('writing the aged balance', () => {
  const balance = agedBalance(
    [
      { customer: '=HYPERLINK("http://x")', currency: 'EUR', ageDay: 20400, amount: 100_00 },
      { customer: '-Dupont', currency: 'EUR', ageDay: 20300, amount: 50_00 },
      { customer: '+33 Export', currency: 'EUR', ageDay: 20300, amount: 10_00 },
      { customer: '@Martin', currency: 'EUR', ageDay: 20300, amount: 10_00 },
    ],
    { asOf: 20420, buckets: makeBuckets() },
  );
  const layout = agedBalanceSheet(
    { balance, blankRows: 0, skipped: [], itemCount: 2 },
    { asOf: 20420, language: 'en', basis: 'dueDate', curveLabel: 'rule of thumb' },
  );

  test('into a new sheet, never over an existing one, in two syncs', async () => {
    excel.addSheet('Aged balance 2025-11-28', [['mine']]);
    const name = await new ExcelWorkbook().writeNewSheet('Aged balance 2025-11-28', layout);
    expect(name).toBe('Aged balance 2025-11-28 (2)');
    expect(excel.syncs).toBe(2);
    expect(excel.active).toBe(name);
    expect(excel.sheet(name)?.charts).toEqual([{ type: 'ColumnClustered', title: 'Open amounts by age', series: ['Total EUR'] }]);
  });
});

describe('colour rules', () => {
  const rules = (rows: number) =>
    ageingColourRules(
      { headerRow: 0, lastRow: rows, firstColumn: 0, lastColumn: 3, dueDateColumn: 2, disputedColumn: null },
      makeBuckets(),
      null,
      'Disputed',
    );

  test('apply replaces ours, keeps the user’s, in three syncs whatever the size', async () => {
    const sheet = excel.addSheet('Créances', ledger(10));
    sheet.rules.push({
      type: 'Custom',
      formula: '=$D2>1000',
      address: { row: 1, column: 0, rows: 10, columns: 4 },
      deleted: false,
    });
    sheet.rules.push({ type: 'DataBar', formula: '', address: { row: 1, column: 3, rows: 10, columns: 1 }, deleted: false });
    const workbook = new ExcelWorkbook();
    await workbook.applyColourRules('Créances', rules(10));
    expect(excel.syncs).toBe(3);
    excel.syncs = 0;
    await workbook.applyColourRules('Créances', rules(100_000));
    expect(excel.syncs).toBe(3);
    const live = sheet.rules.filter((rule) => !rule.deleted);
    expect(live.filter((rule) => rule.formula.includes('N("agebucket")=0'))).toHaveLength(4);
    expect(live.map((rule) => rule.formula)).toContain('=$D2>1000');
    expect(live.map((rule) => rule.type)).toContain('DataBar');
    // Ours take the first priorities; the user's formula rule and data bar follow.
    expect(live.slice(0, 4).every((rule) => rule.formula.includes('N("agebucket")=0'))).toBe(true);
    expect(live.find((rule) => rule.formula.includes('>=31'))?.formula).toBe(
      '=AND(N("agebucket")=0,ISNUMBER($C2),TODAY()-$C2>=31,TODAY()-$C2<=60)',
    );
  });
});

describe('files', () => {
  test('the desktop app cannot save a file: the pane is told so', async () => {
    expect(await new ExcelWorkbook().deliverFile('letters.docx', new Uint8Array([1]), 'application/octet-stream')).toBe(
      'blocked',
    );
  });
});
