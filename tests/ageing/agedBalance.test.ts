import fc from 'fast-check';
import { IBM_SAMPLE, readCsvRecords } from '../../scripts/csv';
import {
  agedBalance,
  agedBalanceFromColumns,
  type ColumnsReadOptions,
  columnRange,
  compareCodePoints,
} from '../../src/ageing/agedBalance';
import { makeBuckets } from '../../src/ageing/ageing';
import { DEFAULT_COLLECTION_CURVE } from '../../src/ageing/collection';
import { agedBalanceFunction } from '../../src/functions/catalogue';
import type { CellValue } from '../../src/primitives/cells';
import { dayFromCalendar, excelSerialFromDay, formatIsoDate, parseTextDate, serialFromDay } from '../../src/primitives/dates';
import { AgeBucketError } from '../../src/primitives/messages';
import { testHost } from '../functions/testHost';

const asOf = parseTextDate('2026-11-23');
const daysAgo = (days: number) => asOf - days;
const options = { asOf, buckets: makeBuckets() };

/** The columns as plain arrays, handed over as one-column ranges the way hosts do. */
function fromColumns(
  columns: { customers: CellValue[]; dates: CellValue[]; amounts: CellValue[]; currencies?: CellValue[] },
  readOptions: ColumnsReadOptions,
) {
  return agedBalanceFromColumns(
    {
      customers: columnRange(columns.customers),
      dates: columnRange(columns.dates),
      amounts: columnRange(columns.amounts),
      ...(columns.currencies ? { currencies: columnRange(columns.currencies) } : {}),
    },
    readOptions,
  );
}

describe('aged balance per customer and currency', () => {
  const balance = agedBalance(
    [
      { customer: 'Dupont SA', currency: 'EUR', ageDay: daysAgo(0), amount: 100_00 },
      { customer: 'Dupont SA', currency: 'EUR', ageDay: daysAgo(30), amount: 200_00 },
      { customer: 'Dupont SA', currency: 'EUR', ageDay: daysAgo(31), amount: 300_00 },
      { customer: 'Dupont SA', currency: 'EUR', ageDay: daysAgo(91), amount: 400_00 },
      { customer: 'Dupont SA', currency: 'EUR', ageDay: daysAgo(45), amount: -50_00 }, // credit note
      { customer: 'acme Ltd', currency: 'GBP', ageDay: daysAgo(61), amount: 1000_00 },
      { customer: 'Acme Ltd', currency: 'EUR', ageDay: daysAgo(90), amount: 70_00 },
      { customer: 'Zénith', currency: 'EUR', ageDay: daysAgo(-10), amount: 30_00 },
    ],
    options,
  );

  test('sorted by customer ignoring case, then code point, then currency', () => {
    expect(balance.lines.map((l) => `${l.customer}/${l.currency}`)).toEqual([
      'Acme Ltd/EUR',
      'acme Ltd/GBP',
      'Dupont SA/EUR',
      'Zénith/EUR',
    ]);
  });
  test('buckets with inclusive upper bounds, credit note netted in its own bucket', () => {
    const dupont = balance.lines.find((l) => l.customer === 'Dupont SA');
    expect(dupont?.buckets).toEqual([100_00, 200_00, 300_00 - 50_00, 0, 400_00]);
    expect(dupont?.total).toBe(950_00);
    expect(dupont?.overdue).toBe(850_00);
    expect(dupont?.credits).toBe(-50_00);
    expect(dupont?.itemCount).toBe(5);
    expect(dupont?.oldestDaysOverdue).toBe(91);
  });
  test('grand totals per currency, never mixed', () => {
    expect(balance.totals.map((t) => [t.currency, t.total, t.customerCount])).toEqual([
      ['EUR', 1050_00, 3],
      ['GBP', 1000_00, 1],
    ]);
  });
  test('share of the currency total', () => {
    expect(balance.lines.find((l) => l.customer === 'Dupont SA')?.share).toBeCloseTo(950 / 1050, 12);
    expect(balance.lines.find((l) => l.currency === 'GBP')?.share).toBe(1);
  });
  test('overdue share and amount-weighted days overdue', () => {
    const eur = balance.totals[0];
    expect(eur?.overdueShare).toBeCloseTo((1050 - 100 - 30) / 1050, 12);
    // overdue invoices: 200×30 + 300×31 + 400×91 + 70×90 over 970
    expect(eur?.weightedDaysOverdue).toBeCloseTo((200 * 30 + 300 * 31 + 400 * 91 + 70 * 90) / 970, 9);
  });
});

describe('one customer in two currencies is two accounts', () => {
  // EUR 100 and USD 50 of the same customer: two lines, never one of "150".
  const items = [
    { customer: 'Dupont SA', currency: 'EUR', ageDay: daysAgo(10), amount: 100_00 },
    { customer: 'Dupont SA', currency: 'USD', ageDay: daysAgo(40), amount: 50_00 },
    { customer: 'Dupont SA', currency: 'EUR', ageDay: daysAgo(70), amount: 20_00 },
  ];
  test('in the aged balance', () => {
    const balance = agedBalance(items, options);
    expect(balance.lines.map((l) => [l.customer, l.currency, l.total, l.itemCount])).toEqual([
      ['Dupont SA', 'EUR', 120_00, 2],
      ['Dupont SA', 'USD', 50_00, 1],
    ]);
    expect(balance.totals.map((t) => [t.currency, t.total, t.customerCount])).toEqual([
      ['EUR', 120_00, 1],
      ['USD', 50_00, 1],
    ]);
  });
  test('read from sheet columns with a currency column', () => {
    const report = fromColumns(
      {
        customers: items.map((i) => i.customer),
        dates: items.map((i) => formatIsoDate(i.ageDay)),
        amounts: items.map((i) => i.amount / 100),
        currencies: items.map((i) => i.currency),
      },
      { ...options, serialSystem: 'excel1900', defaultCurrency: 'EUR', strict: true },
    );
    expect(report.balance.lines.map((l) => [l.customer, l.currency, l.buckets])).toEqual([
      ['Dupont SA', 'EUR', [0, 100_00, 0, 20_00, 0]],
      ['Dupont SA', 'USD', [0, 0, 50_00, 0, 0]],
    ]);
  });
  test('through AGEDBALANCE with its currencies argument: a line and a total per currency', () => {
    const context = testHost(asOf);
    const column = (values: unknown[]) => values.map((value) => [value]);
    const table = agedBalanceFunction(
      column(items.map((i) => i.customer)),
      column(items.map((i) => formatIsoDate(i.ageDay))),
      column(items.map((i) => i.amount / 100)),
      [[formatIsoDate(asOf)]],
      null,
      null,
      column(items.map((i) => i.currency)),
      context,
    );
    expect(table).toEqual([
      ['Customer', 'Currency', 'Not due', '1-30', '31-60', '61-90', '91+', 'Total'],
      ['Dupont SA', 'EUR', 0, 100, 0, 20, 0, 120],
      ['Dupont SA', 'USD', 0, 0, 50, 0, 0, 50],
      ['Total', 'EUR', 0, 100, 0, 20, 0, 120],
      ['Total', 'USD', 0, 0, 50, 0, 0, 50],
    ]);
  });
});

describe('expected loss from the collection curve', () => {
  test('1000 at 90 days overdue loses 304', () => {
    const balance = agedBalance([{ customer: 'A', currency: 'EUR', ageDay: daysAgo(90), amount: 1000_00 }], {
      ...options,
      curve: DEFAULT_COLLECTION_CURVE,
    });
    expect(balance.lines[0]?.expectedLoss).toBe(304_00);
  });
  test('never more than the net balance when credits cover part of it', () => {
    const balance = agedBalance(
      [
        { customer: 'A', currency: 'EUR', ageDay: daysAgo(730), amount: 1000_00 },
        { customer: 'A', currency: 'EUR', ageDay: daysAgo(10), amount: -900_00 },
      ],
      { ...options, curve: DEFAULT_COLLECTION_CURVE },
    );
    expect(balance.lines[0]?.expectedLoss).toBe(100_00);
  });
  test("the currency's expected loss is the sum of its accounts' whole-cent losses", () => {
    const items = Array.from({ length: 3000 }, (_, i) => ({
      customer: `Client ${i % 700}`,
      currency: 'EUR',
      ageDay: daysAgo((i * 37) % 800),
      amount: 1_000_000_000_00 + i * 7_77,
    }));
    const balance = agedBalance(items, { ...options, curve: DEFAULT_COLLECTION_CURVE });
    const lines = balance.lines.reduce((sum, line) => sum + line.expectedLoss, 0);
    expect(balance.lines.every((line) => Number.isInteger(line.expectedLoss))).toBe(true);
    expect(balance.totals[0]?.expectedLoss).toBe(lines);
  });
});

const strict: ColumnsReadOptions = { ...options, serialSystem: 'excel1900', defaultCurrency: 'EUR', strict: true };
const serial = (iso: string) => excelSerialFromDay(parseTextDate(iso));

describe('from sheet columns', () => {
  test('mixed cell kinds read as a sheet holds them', () => {
    const report = fromColumns(
      {
        customers: ['Dupont SA', ' Dupont SA ', 'Martin', null, 42],
        dates: [serial('2026-10-24'), '2026-10-23', '23/11/2026', null, { year: 2026, month: 1, day: 1 }],
        amounts: [100, '1 234,56 €', 50.5, '', 10],
        currencies: ['EUR', 'eur', '', null, 'USD'],
      },
      strict,
    );
    expect(report.blankRows).toBe(1);
    expect(report.itemCount).toBe(4);
    expect(report.balance.lines.map((l) => [l.customer, l.currency, l.buckets])).toEqual([
      ['42', 'USD', [0, 0, 0, 0, 10_00]],
      ['Dupont SA', 'EUR', [0, 100_00, 1234_56, 0, 0]],
      ['Martin', 'EUR', [50_50, 0, 0, 0, 0]],
    ]);
  });
  test('strict mode names the row and the value', () => {
    const call = () =>
      fromColumns(
        { customers: ['A', 'B', 'C'], dates: [serial('2026-01-01'), '31/02/2026', serial('2026-01-01')], amounts: [1, 2, 3] },
        strict,
      );
    expect(call).toThrow('row 2: "31/02/2026" is not a real date');
  });
  test('strict mode refuses a half-blank row', () => {
    expect(() => fromColumns({ customers: ['A'], dates: [serial('2026-01-01')], amounts: [null] }, strict)).toThrow(
      'row 1: the amount is blank',
    );
  });
  test('lenient mode reports each skipped row and keeps the rest', () => {
    const report = fromColumns(
      { customers: ['A', 'B', 'C'], dates: [serial('2026-01-01'), 'soon', serial('2026-01-01')], amounts: [1, 2, 'abc'] },
      { ...strict, strict: false },
    );
    expect(report.skipped.map((s) => [s.row, s.error.message])).toEqual([
      [2, '"soon" is not a date: use YYYY-MM-DD, DD/MM/YYYY or a date cell'],
      [3, '"abc" is not an amount: use a number such as 1234.56 or 1 234,56 €'],
    ]);
    expect(report.skipped[0]?.error).toBeInstanceOf(AgeBucketError);
    expect(report.balance.totals[0]?.total).toBe(100);
  });
  test('ranges of different heights are refused', () => {
    expect(() => fromColumns({ customers: ['A', 'B'], dates: [1], amounts: [1, 2] }, strict)).toThrow(
      'the dates range has 1 rows but the customers range has 2',
    );
  });
  test('the same rows give the same balance in every serial system, with or without a curve', () => {
    const days = [0, 1, 30, 31, 60, 61, 90, 91, -5];
    const balances = (['excel1900', 'excel1904', 'sheets'] as const).flatMap((system) =>
      [undefined, DEFAULT_COLLECTION_CURVE].map((curve) => {
        const report = fromColumns(
          {
            customers: days.map((_, i) => (i % 2 === 0 ? 'Dupont SA' : 'Martin')),
            dates: days.map((d) => serialFromDay(asOf - d, system)),
            amounts: days.map((_, i) => 100 + i),
          },
          { ...strict, serialSystem: system, ...(curve ? { curve } : {}) },
        );
        return report.balance.lines.map((l) => [l.customer, l.buckets, l.oldestDaysOverdue]);
      }),
    );
    expect(balances[0]).toEqual([
      ['Dupont SA', [208_00, 102_00, 104_00, 106_00, 0], 90],
      ['Martin', [0, 101_00, 103_00, 105_00, 107_00], 91],
    ]);
    expect(balances).toHaveLength(6);
    for (const balance of balances) expect(balance).toEqual(balances[0]);
  });
  test('many customers grow the accumulator without losing a cent', () => {
    const n = 5000;
    const report = fromColumns(
      {
        customers: Array.from({ length: n * 3 }, (_, i) => `C${i % n}`),
        dates: Array.from({ length: n * 3 }, (_, i) => serial('2026-11-23') - (i % 120)),
        amounts: Array.from({ length: n * 3 }, () => 0.1),
      },
      strict,
    );
    expect(report.balance.lines).toHaveLength(n);
    expect(report.balance.totals[0]?.total).toBe(n * 3 * 10);
    expect(report.balance.lines.every((l) => l.itemCount === 3 && l.total === 30)).toBe(true);
  });
});

describe('on the IBM sample of 2,466 settled invoices', () => {
  const records = readCsvRecords(IBM_SAMPLE);
  const monthFirst = (text: string) => parseTextDate(text, { monthFirst: true });

  test('the file is the one described', () => expect(records).toHaveLength(2466));

  test('days overdue of DueDate as of SettledDate reproduces DaysLate on every row', () => {
    const mismatches = records.filter((r) => {
      const late = Math.max(0, monthFirst(r.SettledDate ?? '') - monthFirst(r.DueDate ?? ''));
      return late !== Number(r.DaysLate);
    });
    expect(mismatches).toEqual([]);
  });

  test('the aged balance of invoices open on 2013-06-30 reconciles to their amounts', () => {
    const day = dayFromCalendar(2013, 6, 30);
    const open = records.filter((r) => monthFirst(r.InvoiceDate ?? '') <= day && day < monthFirst(r.SettledDate ?? ''));
    const report = fromColumns(
      {
        customers: open.map((r) => r.customerID ?? ''),
        dates: open.map((r) => r.DueDate ?? ''),
        amounts: open.map((r) => r.InvoiceAmount ?? ''),
      },
      { ...strict, asOf: day, serialSystem: 'sheets', monthFirst: true, defaultCurrency: 'USD' },
    );
    const cents = open.reduce((sum, r) => sum + Math.round(Number(r.InvoiceAmount) * 100), 0);
    // 84 invoices for 5,119.85, counted independently of this code (Python csv + datetime)
    expect(open.length).toBe(84);
    expect(cents).toBe(511985);
    expect(report.itemCount).toBe(open.length);
    expect(report.balance.totals[0]?.total).toBe(cents);
    const linesSum = report.balance.lines.reduce((sum, l) => sum + l.total, 0);
    expect(linesSum).toBe(cents);
    const bucketsSum = report.balance.totals[0]?.buckets.reduce((a, b) => a + b, 0);
    expect(bucketsSum).toBe(cents);
    expect(formatIsoDate(report.balance.asOf)).toBe('2013-06-30');
  });
});

describe('line order', () => {
  const codePoints = (text: string) => Array.from(text, (c) => c.codePointAt(0) as number);
  const reference = (a: string, b: string) => {
    const x = codePoints(a);
    const y = codePoints(b);
    for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return (x[i] as number) < (y[i] as number) ? -1 : 1;
    return Math.sign(x.length - y.length);
  };
  test('code-point order: a character above U+FFFF sorts after U+E000-U+FFFF', () => {
    expect(compareCodePoints('a😀', 'a\uFB01')).toBe(1);
    expect(compareCodePoints('a\uFB01', 'a😀')).toBe(-1);
    expect(compareCodePoints('Dupont', 'Dupont SA')).toBeLessThan(0);
    expect(compareCodePoints('Été', 'Été')).toBe(0);
  });
  test('agrees with comparing code points one by one on any text', () => {
    const text = fc.string({
      unit: fc.constantFrom('a', 'B', 'é', '\uFB01', '\uFFFD', '😀', '𝄞', '\uD800', '\uDC00'),
      maxLength: 6,
    });
    fc.assert(fc.property(text, text, (a, b) => Math.sign(compareCodePoints(a, b)) === reference(a, b)));
  });
});

describe('lines sorted for reading', () => {
  const lineOrder = (customers: string[]) =>
    agedBalance(
      customers.map((customer) => ({ customer, currency: 'EUR', ageDay: asOf, amount: 1 })),
      options,
    ).lines.map((l) => l.customer);
  test('case-insensitively, then exactly', () => {
    expect(lineOrder(['dupont', 'Martin', 'Dupont', 'azur', 'Été'])).toEqual(['azur', 'Dupont', 'dupont', 'Martin', 'Été']);
  });
  test('by code point when a name holds a character above U+FFFF', () => {
    expect(lineOrder(['Café 😀', 'Café \uFB01', 'Café a'])).toEqual(['Café a', 'Café \uFB01', 'Café 😀']);
  });
});
