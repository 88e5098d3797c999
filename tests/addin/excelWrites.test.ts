// Writes to Excel stay under Excel on the web's 5 MB request limit, whatever their size: the
// fake weighs every request (the JSON of what it writes, plus each action's wrapping) and
// refuses one over 5 MB, as Excel on the web does.

import { ExcelWorkbook } from '../../addin/excelWorkbook';
import { jsonBytes } from '../../addin/requestBudget';
import { agedBalance } from '../../src/ageing/agedBalance';
import { agedBalanceSheet } from '../../src/ageing/agedBalanceSheet';
import { makeBuckets } from '../../src/ageing/ageing';
import { DEFAULT_COLLECTION_CURVE } from '../../src/ageing/collection';
import { LOG_HEADERS } from '../../src/dunning/log';
import { FakeExcel, REQUEST_LIMIT_BYTES } from './fakeExcel';

let excel: FakeExcel;
beforeEach(() => {
  excel = new FakeExcel();
  excel.install();
});

const asOf = 20_787; // 2026-11-30

test('the aged balance sheet of 30,000 customers: every request under 5 MB, every cell and format written', async () => {
  const items = Array.from({ length: 60_000 }, (_, i) => ({
    customer: `Société Générale de Distribution Alimentaire du Sud-Ouest n°${i % 30_000}`,
    currency: 'EUR',
    ageDay: asOf - (i % 400),
    amount: 123_456_78 + i,
  }));
  const balance = agedBalance(items, { asOf, buckets: makeBuckets(), curve: DEFAULT_COLLECTION_CURVE });
  const layout = agedBalanceSheet(
    { balance, blankRows: 0, skipped: [], itemCount: items.length },
    { asOf, language: 'fr', basis: 'dueDate', curveLabel: DEFAULT_COLLECTION_CURVE.label },
  );
  expect(balance.lines).toHaveLength(30_000);
  const name = await new ExcelWorkbook().writeNewSheet('Balance âgée 2026-11-30', layout);
  const sheet = excel.sheet(name);
  expect(sheet?.values).toHaveLength(layout.rows.length);
  expect(sheet?.values[layout.rows.length - 1]?.[0]).toBe(layout.rows[layout.rows.length - 1]?.[0] ?? '');
  const formatted = layout.columnFormats.filter((format) => format !== null).length;
  expect(sheet?.numberFormats.size).toBeGreaterThanOrEqual(formatted * layout.rows.length);
  // The whole write weighs more than one request may: it took several, none over the limit.
  expect(excel.requestBytes.reduce((sum, bytes) => sum + bytes, 0)).toBeGreaterThan(REQUEST_LIMIT_BYTES);
  expect(Math.max(...excel.requestBytes)).toBeLessThanOrEqual(REQUEST_LIMIT_BYTES);
});

// A log append far over 5 MB is in the contract suite (tests/contract), for every adapter.

test('an append to an existing log lands after its last row, in one request when it fits', async () => {
  const header = Object.values(LOG_HEADERS.en);
  excel.addSheet('Dunning log', [header, ['2026-11-01', 'Dupont SA', 'First reminder', 'email', 10, 'EUR', '', '', '']]);
  await new ExcelWorkbook().appendRows('Dunning log', header, [
    ['2026-11-30', 'Martin', 'First reminder', 'email', 5, 'EUR', '', '', ''],
  ]);
  expect(excel.sheet('Dunning log')?.values.map((row) => row[1])).toEqual(['Customer', 'Dupont SA', 'Martin']);
  expect(excel.syncs).toBe(2);
});

test('the request weight counts UTF-8 bytes and JSON escapes', () => {
  // An independent count: what JSON.stringify and a UTF-8 encoder give.
  const sample = [['é€𝄞"\\\n\u0001\uD800x', 12.5, true, null, 'plain', -0.000001]];
  expect(jsonBytes(sample)).toBe(Buffer.byteLength(JSON.stringify(sample), 'utf8'));
});
