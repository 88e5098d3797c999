import fc from 'fast-check';
import { agedBalanceFromColumns } from '../../src/ageing/agedBalance';
import { makeBuckets } from '../../src/ageing/ageing';
import { agedBalanceFunction } from '../../src/functions/catalogue';
import { parseTextDate, serialFromDay } from '../../src/primitives/dates';
import {
  amountFromMinor,
  CurrencyTotals,
  formatMoney,
  minorFromNumber,
  minorFromText,
  minorUnitsOf,
  parseCurrencyCode,
} from '../../src/primitives/money';
import { testHost } from '../functions/testHost';

describe('minor units by ISO 4217', () => {
  test.each([
    ['EUR', 2],
    ['USD', 2],
    ['GBP', 2],
    ['JPY', 0],
    ['KWD', 3],
    ['BHD', 3],
    ['TND', 3],
    ['XYZ', 2],
  ])('%s has %i decimals', (code, places) => expect(minorUnitsOf(code)).toBe(places));
});

describe('numbers from cells', () => {
  test('0.1 + 0.2 noise disappears', () => expect(minorFromNumber(0.1 + 0.2, 'EUR')).toBe(30));
  test('1.005 rounds half away from zero to 1.01 (the decimal typed, not its binary value)', () => {
    expect(minorFromNumber(1.005, 'EUR')).toBe(101);
  });
  test('-1.005 rounds to -1.01', () => expect(minorFromNumber(-1.005, 'EUR')).toBe(-101));
  test('1.004 rounds down', () => expect(minorFromNumber(1.004, 'EUR')).toBe(100));
  test('JPY has no decimals: 1234.5 → 1235', () => expect(minorFromNumber(1234.5, 'JPY')).toBe(1235));
  test('KWD keeps three: 1.2345 → 1235 fils', () => expect(minorFromNumber(1.2345, 'KWD')).toBe(1235));
  test('large amounts with cents', () => expect(minorFromNumber(123456789.12, 'EUR')).toBe(12345678912));
  test('-0 is 0', () => expect(Object.is(minorFromNumber(-0.001, 'EUR'), 0)).toBe(true));
  test('NaN and Infinity are errors', () => {
    expect(() => minorFromNumber(Number.NaN, 'EUR')).toThrow(/not a finite amount/);
    expect(() => minorFromNumber(Number.POSITIVE_INFINITY, 'EUR')).toThrow(/not a finite amount/);
  });
  test('back to a number: 30 cents is exactly 0.3', () => expect(amountFromMinor(30, 'EUR')).toBe(0.3));
  test('any two-decimal amount survives the round trip', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (cents) => {
        expect(minorFromNumber(amountFromMinor(cents, 'EUR'), 'EUR')).toBe(cents);
      }),
    );
  });
  // 0.29 × 100 is 28.999999999999996 in binary: a sum that skipped rounding each row would show it.
  test.each([
    [0.1, 100000, 10],
    [0.29, 290000, 29],
  ])('a million rows of %d total exactly %d, through the aged balance as AGEDBALANCE reads them', (value, total, cents) => {
    const rows = 1_000_000;
    const asOf = parseTextDate('2025-11-28');
    const context = testHost(asOf);
    // Two customers, each in every bucket, so the sum runs through lines, buckets and totals.
    const customers = Array.from({ length: rows }, (_, i) => [i % 2 === 0 ? 'Dupont SA' : 'Martin SARL']);
    const dues = Array.from({ length: rows }, (_, i) => [serialFromDay(asOf - (i % 120), 'excel1900')]);
    const amounts = Array.from({ length: rows }, () => [value]);
    // The oracle: rows counted per bucket by hand (0 | 1-30 | 31-60 | 61-90 | 91+).
    const counts = [0, 0, 0, 0, 0];
    for (let i = 0; i < rows; i++) {
      const days = i % 120;
      const bucket = days <= 0 ? 0 : days <= 30 ? 1 : days <= 60 ? 2 : days <= 90 ? 3 : 4;
      counts[bucket] = (counts[bucket] ?? 0) + 1;
    }
    expect(counts).toEqual([8334, 250020, 249999, 249990, 241657]);
    const table = agedBalanceFunction(customers, dues, amounts, [[serialFromDay(asOf, 'excel1900')]], null, null, null, context);
    expect((table as unknown[][]).at(-1)).toEqual(['Total', ...counts.map((n) => (n * cents) / 100), total]);
    // AGEDBALANCE rounds what it shows to the cent, which would hide a float sum: the core's own
    // totals, in minor units, must be exact integers before any rounding.
    const { balance } = agedBalanceFromColumns(
      { customers, dates: dues, amounts },
      { asOf, buckets: makeBuckets(), serialSystem: 'excel1900', defaultCurrency: 'EUR', strict: true },
    );
    expect(balance.totals.map((t) => [t.currency, t.buckets, t.total])).toEqual([
      ['EUR', counts.map((n) => n * cents), total * 100],
    ]);
    expect(balance.lines.map((l) => l.total)).toEqual([(total * 100) / 2, (total * 100) / 2]);
    let floating = 0;
    for (let i = 0; i < rows; i++) floating += value;
    expect(floating).not.toBe(total); // the sum a float-adding product would show
  });
});

describe('text amounts', () => {
  test.each([
    ['1 234,56 €', 123456],
    ['1\u00A0234,56\u00A0€', 123456],
    ['1\u202F234,56 €', 123456],
    ['1,234.56', 123456],
    ['1.234,56', 123456],
    ['-45.00', -4500],
    ['45,5', 4550],
    ['(1 234,56)', -123456],
    ['45,00-', -4500],
    ['EUR 12.5', 1250],
    ['$1,234,567', 123456700],
    ['1.234.567', 123456700],
    ['0,005', 1],
    ['-0,005', -1],
    ['+7', 700],
    ["1'234.50", 123450],
    ['\u22125', -500],
  ])('%s → %i cents', (text, cents) => expect(minorFromText(text, 'EUR')).toBe(cents));
  test.each(['abc', '', '1,2,3', '12..5', '1.234.56,7.8', '--5', '1 234,56 €x'])('"%s" is an error', (text) => {
    expect(() => minorFromText(text, 'EUR')).toThrow(/is not an amount/);
  });
});

describe('currencies', () => {
  test('codes and symbols', () => {
    expect(parseCurrencyCode(' eur ')).toBe('EUR');
    expect(parseCurrencyCode('£')).toBe('GBP');
    expect(() => parseCurrencyCode('euros')).toThrow(/not a currency code/);
  });
});

describe('totals per currency (what an import reports)', () => {
  test('amounts of one currency add up; two currencies never mix', () => {
    const totals = new CurrencyTotals();
    totals.add('EUR', 100);
    totals.add('USD', 250);
    totals.add('EUR', -30);
    expect(totals.entries()).toEqual([
      { currency: 'EUR', minor: 70 },
      { currency: 'USD', minor: 250 },
    ]);
  });
});

describe('formatting', () => {
  test('French: 1 234,56 € with no-break spaces', () => expect(formatMoney(123456, 'EUR', 'fr')).toBe('1\u00A0234,56\u00A0€'));
  test('English: €1,234.56', () => expect(formatMoney(123456, 'EUR', 'en')).toBe('€1,234.56'));
  test('negative', () => expect(formatMoney(-4500, 'GBP', 'en')).toBe('-£45.00'));
  test('zero-decimal yen', () => expect(formatMoney(1234567, 'JPY', 'fr')).toBe('1\u00A0234\u00A0567\u00A0¥'));
  test('unknown symbol uses the code', () => expect(formatMoney(100, 'CHF', 'en')).toBe('CHF\u00A01.00'));
  test('thousands grouped as Intl groups them, at every length up to the largest exact amount', () => {
    // Oracle: Intl's own grouping of the whole units (en-US: commas, groups of three).
    const grouping = new Intl.NumberFormat('en-US', { useGrouping: true, maximumFractionDigits: 0 });
    const wholes = [0, 1, 9, 10, 99, 100, 999, 1000, 9999, 10_000, 100_000, 999_999, 1_000_000, 12_345_678, 123_456_789];
    for (let digits = 1; digits <= 13; digits++) wholes.push(10 ** (digits - 1), 10 ** digits - 1);
    // The largest whole whose cents stay an exact integer.
    wholes.push(Math.floor((Number.MAX_SAFE_INTEGER - 99) / 100));
    for (const whole of wholes) {
      for (const cents of [0, 5, 99]) {
        const minor = whole * 100 + cents;
        const expected = `${grouping.format(whole)}.${String(cents).padStart(2, '0')}`;
        expect(formatMoney(minor, 'EUR', 'en')).toBe(`€${expected}`);
        expect(formatMoney(-minor, 'USD', 'en')).toBe(`${minor === 0 ? '' : '-'}$${expected}`);
        expect(formatMoney(minor, 'EUR', 'fr')).toBe(`${expected.replace(/,/g, '\u00A0').replace('.', ',')}\u00A0€`);
      }
    }
  });
});
