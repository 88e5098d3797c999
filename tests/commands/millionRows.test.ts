// A full Excel sheet (1,048,576 rows: a header and 1,048,575 items) through every command, half
// of it one account, on the Preview host. `Math.max(...rows)` or `rows.push(...more)` over such
// arrays overflows V8's stack past about 125,000 elements; a quadratic step never finishes.

import { agedBalanceSheetFor, ageLedger, colourRulesFor, mappingFor } from '../../src/commands/ageing';
import { defaultSettings } from '../../src/commands/settings';
import { LOG_HEADERS } from '../../src/dunning/log';
import { planDunning } from '../../src/dunning/plan';
import { DEFAULT_POLICY } from '../../src/dunning/policy';
import { ageBucketFunction, agedBalanceFunction } from '../../src/functions/catalogue';
import type { LedgerTable } from '../../src/ledger/ledger';
import { invoiceTableLayout } from '../../src/letters/docx';
import { buildLetter } from '../../src/letters/letter';
import { lettersToSheetRows, letterToText } from '../../src/letters/render';
import { PreviewWorkbook } from '../../src/pane/preview/previewWorkbook';
import type { CellValue } from '../../src/primitives/cells';
import { parseTextDate, serialFromDay } from '../../src/primitives/dates';
import { testHost } from '../functions/testHost';
import { options as letterOptions } from '../letters/sample';

const SHEET_ROWS = 1_048_576;
const ITEMS = SHEET_ROWS - 1;
const asOf = parseTextDate('2026-11-30');
const BIG = 'Grands Comptes SA';
/** Item i: every other one on the big account, the rest over 5,000 accounts; due 0-729 days ago. */
const customerOf = (i: number) => (i % 2 === 0 ? BIG : `Client ${(i >> 1) % 5000}`);
const daysAgoOf = (i: number) => i % 730;
const AMOUNT = 10.5;

const values: CellValue[][] = new Array(SHEET_ROWS);
values[0] = ['Client', 'N° facture', 'Échéance', 'Reste dû'];
for (let i = 0; i < ITEMS; i++) values[i + 1] = [customerOf(i), `F${i}`, serialFromDay(asOf - daysAgoOf(i), 'excel1900'), AMOUNT];
const table: LedgerTable = {
  sheetName: 'Créances',
  headerRow: 0,
  firstColumn: 0,
  values,
  serialSystem: 'excel1900',
  description: '',
};
const settings = { ...defaultSettings('fr', asOf), followToday: false, asOf: '2026-11-30' };
const bigItems = Math.ceil(ITEMS / 2);

describe(`${SHEET_ROWS.toLocaleString('en')} sheet rows`, () => {
  const mapping = mappingFor(table, settings);
  const { ledger, report } = ageLedger(table, mapping, settings, asOf);

  test('the pane’s aged balance reads every row and its sheet is written to the Preview', async () => {
    expect(report.itemCount).toBe(ITEMS);
    expect(report.balance.lines).toHaveLength(1 + 5000);
    // Hand count: every item is 10.50 €.
    expect(report.balance.totals[0]?.total).toBe(ITEMS * 1050);
    expect(report.balance.lines.find((line) => line.customer === BIG)?.itemCount).toBe(bigItems);
    const { name, layout } = agedBalanceSheetFor(report, settings, asOf);
    const workbook = new PreviewWorkbook('test');
    workbook.load([{ name: 'Créances', values, columnFormats: [], boldRows: [0], rules: [], chart: null }]);
    expect((await workbook.readActiveTable()).values).toHaveLength(SHEET_ROWS);
    await workbook.writeNewSheet(name, layout);
    expect(workbook.sheet(name)?.values.length).toBe(layout.rows.length);
  });

  test('colour rules cover the whole table', () => {
    const rules = colourRulesFor(table, mapping, settings, asOf, 'Litige');
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) expect(rule.lastRow).toBe(SHEET_ROWS - 1);
  });

  test('the plan, the letters sheet and the .docx column widths for an account of half a million items', async () => {
    const plan = planDunning(ledger.items, [], { asOf, policy: DEFAULT_POLICY });
    const big = plan.actions.find((account) => account.customer === BIG);
    expect(big?.oldestDaysOverdue).toBe(728);
    // Not-due items (0 days) stay out of the reminder: 1 in 365 of the big account's days is 0.
    expect((big?.dunned.length ?? 0) + (big?.notDue.length ?? 0)).toBe(bigItems);
    // A formal notice goes by registered post, signed by a person: this generated ledger has no
    // address and no owner column, so the address is given here and the company's signatory signs.
    const letter = buildLetter(
      { ...(big as NonNullable<typeof big>), address: '1 rue de la Paix, 75002 Paris' },
      {
        ...letterOptions,
        company: { ...letterOptions.company, signatoryName: 'Marie Lefort', signatoryTitle: 'Directrice financière' },
      },
    );
    const rows = lettersToSheetRows([letter]);
    expect(rows.length).toBeGreaterThan(big?.dunned.length ?? 0);
    expect(letterToText(letter).length).toBeGreaterThan(0);
    const invoiceTable = letter.blocks.find((block) => block.kind === 'table');
    if (invoiceTable?.kind !== 'table') throw new Error('the letter has no invoice table');
    expect(invoiceTableLayout(invoiceTable.table).widths).toHaveLength(invoiceTable.table.headers.length);
    const workbook = new PreviewWorkbook('test');
    await workbook.writeNewSheet('Lettres', { rows, columnFormats: [], cellFormats: [], boldRows: [], chart: null });
    await workbook.appendRows('Journal des relances', Object.values(LOG_HEADERS.fr), rows.slice(0, ITEMS));
    expect(workbook.sheet('Journal des relances')?.values.length).toBe(Math.min(rows.length, ITEMS) + 1);
  });
});

describe(`AGEDBALANCE and AGEBUCKET over ${SHEET_ROWS.toLocaleString('en')} rows`, () => {
  const context = testHost(asOf);
  const customers = Array.from({ length: SHEET_ROWS }, (_, i) => [customerOf(i)]);
  const dates = Array.from({ length: SHEET_ROWS }, (_, i) => [serialFromDay(asOf - daysAgoOf(i), 'excel1900')]);
  const amounts = Array.from({ length: SHEET_ROWS }, () => [AMOUNT]);

  test('AGEDBALANCE: one line per account and a total that reconciles', () => {
    const result = agedBalanceFunction(customers, dates, amounts, null, null, null, null, context) as unknown[][];
    expect(result).toHaveLength(1 + 5001 + 1);
    expect(result[result.length - 1]?.[6]).toBe((SHEET_ROWS * 1050) / 100);
  });

  test('AGEDBALANCE with a currency column', () => {
    const currencies = Array.from({ length: SHEET_ROWS }, (_, i) => [i % 3 === 0 ? 'USD' : 'EUR']);
    const result = agedBalanceFunction(customers, dates, amounts, null, null, null, currencies, context) as unknown[][];
    const totals = result.filter((row) => row[0] === 'Total');
    expect(totals.map((row) => row[1])).toEqual(['EUR', 'USD']);
    expect(totals.reduce((sum, row) => sum + (row[7] as number) * 100, 0)).toBeCloseTo(SHEET_ROWS * 1050, 0);
  });

  test('AGEBUCKET: a label per row', () => {
    const result = ageBucketFunction(dates, null, null, null, context) as unknown[][];
    expect(result).toHaveLength(SHEET_ROWS);
    expect(result[0]).toEqual(['Not due']);
    expect(result[100]).toEqual(['91+']);
  });
});
