import { checkedRate, lateInterest, statutoryInterest } from '../../src/penalties/lateInterest';
import { recoveryFee } from '../../src/penalties/recoveryFee';
import { parseJurisdiction, statutoryRate, statutoryRates } from '../../src/penalties/statutoryRates';
import { parseTextDate } from '../../src/primitives/dates';

const day = parseTextDate;
const percent = (jurisdiction: 'FR' | 'EU' | 'DE' | 'UK', date: string) =>
  statutoryRate(jurisdiction, day(date)).rate.mul(100).toNumber();

describe('late interest, simple, days/365, half up to the cent', () => {
  test('100 at 10 % for 15 days is 0.41', () => expect(lateInterest(100_00, 0.1, 15)).toBe(41));
  test('15 000 at 15 % for 30 days is 184.93', () => expect(lateInterest(15_000_00, 0.15, 30)).toBe(184_93));
  test('half up: 365 at 1 % for 1 day is 0.01 (exactly 0.01)', () => expect(lateInterest(365_00, 0.01, 1)).toBe(1));
  test('half up on an exact half cent: 182.50 at 1 % for 1 day = 0.005 → 0.01', () =>
    expect(lateInterest(182_50, 0.01, 1)).toBe(1));
  test('no interest before the due date or on a credit note', () => {
    expect(lateInterest(100_00, 0.1, 0)).toBe(0);
    expect(lateInterest(-100_00, 0.1, 30)).toBe(0);
  });
  test('a rate over 1 looks like a percentage', () =>
    expect(() => checkedRate(12.15)).toThrow('12.15 looks like a percentage: give it as a fraction (0.1215)'));
  test('a negative rate is refused', () => expect(() => checkedRate(-0.1)).toThrow(/0 or more/));
});

describe('statutory rates per half-year', () => {
  test.each([
    ['FR', '2023-03-01', 12.5],
    ['FR', '2023-07-01', 14],
    ['FR', '2024-06-30', 14.5],
    ['FR', '2024-12-31', 14.25],
    ['FR', '2025-01-01', 13.15],
    ['FR', '2025-11-28', 12.15],
    ['EU', '2025-11-28', 10.15],
    ['DE', '2023-01-15', 10.62],
    ['DE', '2025-07-01', 10.27],
    ['UK', '2022-03-01', 8.25],
    ['UK', '2023-09-01', 13],
    ['UK', '2025-11-28', 12.25],
    ['FR', '2026-03-15', 12.15],
    ['EU', '2026-06-30', 10.15],
    ['DE', '2026-01-01', 10.27],
    ['UK', '2026-01-01', 11.75],
    ['UK', '2026-11-23', 11.75],
  ] as const)('%s on %s: %d %%', (jurisdiction, date, rate) => expect(percent(jurisdiction, date)).toBe(rate));
  test('every row names its source', () => expect(statutoryRates().every((r) => r.source.length > 20)).toBe(true));
  test('a half-year not on file is an error asking for an explicit rate', () => {
    expect(() => statutoryRate('FR', day('2027-01-01'))).toThrow(
      'no statutory FR rate is on file for 2027-H1 (2027-01-01); rates cover 2022-H1 to 2026-H2: enter the rate in force in the pane, Dunning › Policy › Statutory rates not on file (it is saved in the workbook)',
    );
  });
  test('jurisdiction names', () => {
    expect(parseJurisdiction(' fr ')).toBe('FR');
    expect(parseJurisdiction('GB')).toBe('UK');
    expect(() => parseJurisdiction('US')).toThrow('jurisdiction "US" is not known: use FR, EU, DE or UK');
  });
});

describe('statutory interest over several half-years', () => {
  test('FR applies each half-year its own rate', () => {
    // 10 000 due 2024-12-21: 10 days of 2024-H2 at 14.25 %, then 59 days of 2025-H1 at 13.15 % (to 2025-02-28)
    const result = statutoryInterest(10_000_00, 'FR', day('2024-12-21'), day('2025-02-28'));
    expect(result.periods.map((p) => [p.halfYear, p.days])).toEqual([
      ['2024-H2', 10],
      ['2025-H1', 59],
    ]);
    // 10000 × (0.1425 × 10 + 0.1315 × 59) / 365 = 10000 × 9.1835 / 365 = 251.6027…
    expect(result.interest).toBe(251_60);
  });
  test('UK keeps the rate of the half-year the debt became overdue', () => {
    const result = statutoryInterest(10_000_00, 'UK', day('2024-12-21'), day('2025-02-28'));
    expect(result.periods).toHaveLength(1);
    // 10000 × 0.1325 × 69 / 365 = 250.4794…
    expect(result.interest).toBe(250_48);
  });
  test('FR from 2025-H2 into 2026-H1', () => {
    // 10 000 due 2025-12-21: 10 days of 2025-H2 and 59 days of 2026-H1, both at 12.15 %
    const result = statutoryInterest(10_000_00, 'FR', day('2025-12-21'), day('2026-02-28'));
    expect(result.periods.map((p) => [p.halfYear, p.days, p.rate.toString()])).toEqual([
      ['2025-H2', 10, '0.1215'],
      ['2026-H1', 59, '0.1215'],
    ]);
    // 10000 × 0.1215 × 69 / 365 = 229.6849…
    expect(result.interest).toBe(229_68);
  });
  test('UK in 2026 keeps the 2026-H1 rate into the second half-year', () => {
    // 10 000 due 2026-06-20, as of 2026-08-29: 70 days at 11.75 % → 10000 × 0.1175 × 70 / 365 = 225.3424…
    const result = statutoryInterest(10_000_00, 'UK', day('2026-06-20'), day('2026-08-29'));
    expect(result.periods.map((p) => [p.halfYear, p.days, p.rate.toString()])).toEqual([['2026-H1', 70, '0.1175']]);
    expect(result.interest).toBe(225_34);
  });
  test('an overdue period reaching an uncovered half-year is an error', () => {
    expect(() => statutoryInterest(100_00, 'FR', day('2026-12-01'), day('2027-01-10'))).toThrow(/no statutory FR rate.*2027-H1/);
  });
});

describe('fixed recovery fees', () => {
  test('FR, DE, EU: 40 EUR per invoice', () => {
    expect(recoveryFee(12_00, 'FR')).toMatchObject({ amount: 40_00, currency: 'EUR' });
    expect(recoveryFee(1_000_000_00, 'DE').amount).toBe(40_00);
    expect(recoveryFee(500_00, 'EU').legalBasis).toMatch(/2011\/7/);
  });
  test.each([
    [999_99, 40_00],
    [1000_00, 70_00],
    [9999_99, 70_00],
    [10000_00, 100_00],
  ])('UK: %i pence owed → %i pence', (amount, fee) =>
    expect(recoveryFee(amount, 'UK')).toMatchObject({ amount: fee, currency: 'GBP' }),
  );
  test('nothing on a credit', () => expect(recoveryFee(-5_00, 'FR').amount).toBe(0));
});
