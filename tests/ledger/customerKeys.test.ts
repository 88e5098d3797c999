// A customer typed with a trailing no-break space (pasted from a PDF), a narrow no-break space
// (French typography) or a doubled space is the same account. The functions, the pane's aged
// balance and the dunning plan read customer cells through one normalisation.

import { ageLedger } from '../../src/commands/ageing';
import { defaultSettings } from '../../src/commands/settings';
import { LOG_HEADERS, readDunningLog } from '../../src/dunning/log';
import { planDunning } from '../../src/dunning/plan';
import { DEFAULT_POLICY } from '../../src/dunning/policy';
import { agedBalanceFunction } from '../../src/functions/catalogue';
import { detectColumns, type LedgerTable, readLedger } from '../../src/ledger/ledger';
import { customerKey, readCustomer } from '../../src/primitives/cells';
import { parseTextDate, serialFromDay } from '../../src/primitives/dates';
import { testHost } from '../functions/testHost';

const NBSP = '\u00A0';
const NNBSP = '\u202F';
const asOf = parseTextDate('2026-11-30');
const serial = (daysAgo: number) => serialFromDay(asOf - daysAgo, 'excel1900');
const context = testHost(asOf);

/** The four spellings of one customer, plus a doubled inner space. */
const ACME = ['ACME', `ACME${NBSP}`, `ACME${NNBSP}`, `${NBSP}ACME`];
const CORP = ['Acme Corp', `Acme${NBSP}Corp`, `Acme  Corp`, `Acme${NNBSP}${NBSP} Corp`, ` Acme Corp\t`];

describe('one key per customer', () => {
  test('trimmed; no-break and narrow no-break spaces are spaces; runs collapse to one', () => {
    for (const name of ACME) expect(customerKey(name)).toBe('ACME');
    for (const name of CORP) expect(customerKey(name)).toBe('Acme Corp');
    expect(customerKey('Dupont & Fils')).toBe('Dupont & Fils');
  });
  test('a cell of only spaces, of any kind, is blank', () => {
    for (const cell of ['', ' ', NBSP, `${NNBSP}${NBSP} `, '\t']) expect(readCustomer(cell)).toBeNull();
    expect(readCustomer(42)).toBe('42');
  });
});

describe('AGEDBALANCE gives one line', () => {
  const customers = [...ACME, ...CORP].map((name) => [name]);
  const dates = customers.map((_, i) => [serial(i * 10)]);
  const amounts = customers.map((_, i) => [i + 1]);
  const expected = [
    ['Customer', 'Not due', '1-30', '31-60', '61-90', '91+', 'Total'],
    // ACME: days 0, 10, 20, 30; Acme Corp: days 40 … 80. "acme" sorts before "acme corp".
    ['ACME', 1, 2 + 3 + 4, 0, 0, 0, 10],
    ['Acme Corp', 0, 0, 5 + 6 + 7, 8 + 9, 0, 35],
  ];

  test('without a currencies argument (the fast way through plain text)', () => {
    const result = agedBalanceFunction(customers, dates, amounts, null, null, null, null, context);
    expect(result).toEqual([...expected, ['Total', 1, 9, 18, 17, 0, 45]]);
  });

  test('with a currencies argument', () => {
    const currencies = customers.map(() => ['EUR']);
    const result = agedBalanceFunction(customers, dates, amounts, null, null, null, currencies, context) as unknown[][];
    expect(result.map((row) => [row[0], row[1], row[7]])).toEqual([
      ['Customer', 'Currency', 'Total'],
      ['ACME', 'EUR', 10],
      ['Acme Corp', 'EUR', 35],
      ['Total', 'EUR', 45],
    ]);
  });

  test('a customer cell of only spaces with an amount fails the call, naming its row', () => {
    expect(() =>
      agedBalanceFunction([['ACME'], [`${NBSP} `]], [[serial(1)], [serial(2)]], [[1], [2]], null, null, null, null, context),
    ).toThrow(/row 2/);
  });
});

describe('the pane and the plan give one account', () => {
  const values = [
    ['Client', 'N° facture', 'Échéance', 'Reste dû'],
    ...ACME.map((name, i) => [name, `F${i + 1}`, serial(25 + i), 100]),
    [`${NBSP}${NNBSP}`, 'F9', serial(40), 50],
    ...CORP.map((name, i) => [name, `C${i + 1}`, serial(35), 10]),
  ];
  const table: LedgerTable = {
    sheetName: 'Créances',
    headerRow: 0,
    firstColumn: 0,
    values,
    serialSystem: 'excel1900',
    description: '',
  };
  const settings = defaultSettings('en', asOf);

  test('the pane’s aged balance has one ACME line, and the row of spaces is skipped as blank-customer', () => {
    const { report } = ageLedger(table, detectColumns(values[0] ?? []), settings, asOf);
    expect(report.balance.lines.map((line) => [line.customer, line.itemCount, line.total])).toEqual([
      ['ACME', 4, 400_00],
      ['Acme Corp', 5, 50_00],
    ]);
    expect(report.skipped.map((skip) => [skip.row, skip.error.code])).toEqual([[6, 'customerBlank']]);
  });

  test('the plan chases each account once, and a log row written with a no-break space is its history', () => {
    const ledger = readLedger(values, detectColumns(values[0] ?? []), { serialSystem: 'excel1900', defaultCurrency: 'EUR' });
    const header = Object.values(LOG_HEADERS.en);
    const log = readDunningLog(
      [
        header,
        ['2026-11-20', `ACME${NNBSP}`, 'First reminder', 'email', 400, 'EUR', 'F1 F2 F3 F4', '', ''],
        ['2026-11-25', `Acme${NBSP} Corp`, 'First reminder', 'email', 50, 'EUR', 'C1', '', ''],
      ],
      DEFAULT_POLICY,
      'excel1900',
    );
    const plan = planDunning(ledger.items, log.entries, { asOf, policy: DEFAULT_POLICY });
    const accounts = [...plan.actions, ...plan.excluded];
    expect(accounts.map((account) => account.customer).sort()).toEqual(['ACME', 'Acme Corp']);
    for (const account of accounts) expect(account.lastSent?.stage.name.en).toBe('First reminder');
  });
});
