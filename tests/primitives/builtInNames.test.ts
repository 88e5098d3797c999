// Names that every JavaScript object answers to (constructor, __proto__, toString …) are data
// when a user types them into a cell: a currency, a customer or a placeholder so named must be
// read, refused or counted like any other text, never looked up on an object's prototype.

import { agedBalanceSheetFor, ageLedger, salesByCurrency } from '../../src/commands/ageing';
import { defaultSettings } from '../../src/commands/settings';
import { planDunning } from '../../src/dunning/plan';
import { DEFAULT_POLICY } from '../../src/dunning/policy';
import { agedBalanceFunction } from '../../src/functions/catalogue';
import { detectColumns, type LedgerTable } from '../../src/ledger/ledger';
import { validateTemplate } from '../../src/letters/templates';
import { readCurrency } from '../../src/primitives/cells';
import { parseTextDate, serialFromDay } from '../../src/primitives/dates';
import { formatMoney, minorFromNumber, minorUnitsOf, parseCurrencyCode } from '../../src/primitives/money';
import { testHost } from '../functions/testHost';

const BUILT_IN_NAMES = ['constructor', '__proto__', 'hasOwnProperty', 'toString', 'valueOf', '__defineGetter__'];
const asOf = parseTextDate('2026-11-30');
const context = testHost(asOf);
const serial = (daysAgo: number) => [serialFromDay(asOf - daysAgo, 'excel1900')];

describe.each(BUILT_IN_NAMES)('a cell holding %s', (name) => {
  test('is no currency: refused with the value quoted, never a prototype’s function', () => {
    expect(() => parseCurrencyCode(name)).toThrow(`"${name}"`);
    expect(() => readCurrency(name, 'EUR')).toThrow(/currency/);
  });

  test('as a currency name it costs nothing in the tables of minor units and symbols', () => {
    expect(minorUnitsOf(name)).toBe(2);
    expect(minorFromNumber(12.34, name)).toBe(1234);
    expect(formatMoney(1234, name, 'en')).toBe(`${name}\u00A012.34`);
  });

  test('AGEDBALANCE with it as a currency fails the call naming the row, in words', () => {
    expect(() =>
      agedBalanceFunction(
        [['Dupont SA'], ['Martin']],
        [serial(10), serial(40)],
        [[100], [200]],
        null,
        null,
        null,
        [['EUR'], [name]],
        context,
      ),
    ).toThrow(/row 2.*currency/i);
  });

  test('AGEDBALANCE with it as a customer gives that customer its own line', () => {
    const result = agedBalanceFunction(
      [[name], ['Dupont SA'], [name]],
      [serial(10), serial(40), serial(100)],
      [[100], [200], [50]],
      null,
      null,
      null,
      null,
      context,
    );
    expect(result).toEqual([
      ['Customer', 'Not due', '1-30', '31-60', '61-90', '91+', 'Total'],
      ...[
        [name, 0, 100, 0, 0, 50, 150],
        ['Dupont SA', 0, 0, 200, 0, 0, 200],
      ].sort((a, b) => String(a[0]).toLowerCase().localeCompare(String(b[0]).toLowerCase(), 'en', { sensitivity: 'base' })),
      ['Total', 0, 100, 200, 0, 50, 350],
    ]);
  });

  test('the pane’s aged balance, its sheet and the plan read it as data', () => {
    const values = [
      ['Client', 'N° facture', 'Échéance', 'Reste dû', 'Devise'],
      [name, 'F1', serial(50)[0], 100, 'EUR'],
      ['Dupont SA', 'F2', serial(50)[0], 200, name],
      ['Dupont SA', 'F3', serial(70)[0], 300, 'EUR'],
    ];
    const table: LedgerTable = {
      sheetName: 'Créances',
      headerRow: 0,
      firstColumn: 0,
      values,
      serialSystem: 'excel1900',
      description: '',
    };
    const settings = { ...defaultSettings('en', asOf), sales: `EUR 1000; ${name} 5` };
    const { ledger, report } = ageLedger(table, detectColumns(values[0] ?? []), settings, asOf);
    expect(report.skipped.map((skip) => [skip.row, skip.error.message])).toEqual([
      [3, expect.stringMatching(new RegExp(`currency.*"${name}"`))],
    ]);
    expect(report.balance.lines.map((line) => [line.customer, line.currency, line.total])).toEqual(
      [
        [name, 'EUR', 100_00],
        ['Dupont SA', 'EUR', 300_00],
      ].sort((a, b) => String(a[0]).toLowerCase().localeCompare(String(b[0]).toLowerCase(), 'en', { sensitivity: 'base' })),
    );
    const sheet = agedBalanceSheetFor(report, settings, asOf);
    const cells = sheet.layout.rows.flat().map(String);
    expect(cells.some((cell) => cell.includes('[native code]') || cell.includes('[object Object]'))).toBe(false);
    expect(cells).toContain(name);
    const plan = planDunning(ledger.items, [], { asOf, policy: DEFAULT_POLICY });
    expect([...plan.actions, ...plan.excluded].map((account) => account.customer).sort()).toEqual([name, 'Dupont SA'].sort());
  });

  test('the period’s sales are read for currencies only: the name is not a key of the table', () => {
    const sales = salesByCurrency({ ...defaultSettings('en', asOf), sales: 'EUR 1000', periodDays: '90' });
    if (sales === null) throw new Error('the sales were not read');
    expect(sales.byCurrency.EUR).toBe(1000_00);
    expect((sales.byCurrency as Record<string, unknown>)[name]).toBeUndefined();
  });

  test('the placeholder {{%s}} is unknown, named before any letter is made', () => {
    expect(() => validateTemplate({ stageId: 'first', language: 'en', subject: 'Reminder', body: `Dear {{${name}}}` })).toThrow(
      `unknown placeholder {{${name}}}`,
    );
    expect(() => validateTemplate({ stageId: 'first', language: 'en', subject: `{{#if ${name}}}x{{/if}}`, body: '' })).toThrow(
      `unknown placeholder {{${name}}}`,
    );
  });
});
