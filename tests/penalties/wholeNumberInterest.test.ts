// Late interest is computed in whole numbers when they fit, and in Decimal otherwise. The two
// must never disagree by a cent: interestOver is checked against decimalInterest (the Decimal
// reference) and against the exact fraction worked out by hand with BigInt, on random stretches,
// on exact half cents, on amounts too large for whole numbers, and on every half-year of the
// shipped rate table.

import fc from 'fast-check';
import { Decimal } from '../../src/penalties/decimal';
import { decimalInterest, interestOver, type RatedDays, statutoryInterest } from '../../src/penalties/lateInterest';
import { JURISDICTIONS, statutoryRates } from '../../src/penalties/statutoryRates';
import { dayFromCalendar } from '../../src/primitives/dates';

/** Σ amount × rate × days / 365 as an exact fraction, rounded half up: the hand computation. */
function handInterest(amount: number, stretches: readonly RatedDays[]): number {
  let numerator = 0n;
  let denominator = 1n;
  for (const { rate, days } of stretches) {
    const decimals = rate.decimalPlaces();
    const units = BigInt(rate.mul(new Decimal(10).pow(decimals)).toFixed(0));
    const termDenominator = 365n * 10n ** BigInt(decimals);
    numerator = numerator * termDenominator + BigInt(amount) * units * BigInt(days) * denominator;
    denominator *= termDenominator;
  }
  const whole = numerator / denominator;
  const twiceRemainder = 2n * (numerator - whole * denominator);
  return Number(twiceRemainder >= denominator ? whole + 1n : whole);
}

const rate = fc
  .tuple(fc.integer({ min: 0, max: 2_000_000 }), fc.integer({ min: 0, max: 9 }))
  .map(([units, decimals]) => new Decimal(units).div(new Decimal(10).pow(decimals + 2)));
const stretches = fc.array(fc.record({ rate, days: fc.integer({ min: 0, max: 3_000 }) }), { minLength: 1, maxLength: 8 });

test('random amounts, rates and stretches: the same cents as Decimal and as the exact fraction', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 1_000_000_000_000 }), stretches, (amount, list) => {
      const fast = interestOver(amount, list);
      expect(fast).toBe(decimalInterest(amount, list));
      expect(fast).toBe(handInterest(amount, list));
    }),
    { numRuns: 5_000, seed: 20261130 },
  );
});

test('amounts past 2^52 minor units, left to Decimal, still agree', () => {
  fc.assert(
    fc.property(fc.integer({ min: 2 ** 52, max: Number.MAX_SAFE_INTEGER }), stretches, (amount, list) => {
      expect(interestOver(amount, list)).toBe(decimalInterest(amount, list));
    }),
    { numRuns: 300, seed: 7 },
  );
});

test('exact half cents round up, as Decimal rounds them', () => {
  const at = (text: string, days: number): RatedDays => ({ rate: new Decimal(text), days });
  // 182.50 at 1 % for 1 day = 0.005; 365 at 0.5 % for 1 day, ×3 = 0.015; split over two rates.
  const ties: Array<[number, RatedDays[]]> = [
    [182_50, [at('0.01', 1)]],
    [365_00, [at('0.005', 3)]],
    [438, [at('0.125', 5), at('0.125', 5)]],
    [18_25, [at('0.1215', 2), at('0.0285', 2)]],
  ];
  for (const [amount, list] of ties) {
    const hand = handInterest(amount, list);
    // A tie indeed: the exact value is a whole number and a half.
    expect(
      Number(
        new Decimal(amount)
          .mul(list.reduce((s, r) => s.plus(r.rate.mul(r.days)), new Decimal(0)))
          .div(365)
          .mod(1),
      ),
    ).toBe(0.5);
    expect(interestOver(amount, list)).toBe(hand);
    expect(interestOver(amount, list)).toBe(decimalInterest(amount, list));
  }
});

test('a hair either side of a half cent: down below it, up above it', () => {
  // amount 1 for 1 day at N / 10^K: the exact value is N / (365 × 10^K), here ½ or 1½ ± 1/(365 × 10^K).
  for (const decimals of [4, 9, 13]) {
    const half = 365n * 10n ** BigInt(decimals);
    for (const [offset, expected] of [
      [-1n, 0],
      [1n, 1],
      [half - 1n, 1],
      [half + 1n, 2],
    ] as const) {
      const units = half / 2n + offset;
      const rate = new Decimal(units.toString()).div(new Decimal(10).pow(decimals));
      const list = [{ rate, days: 1 }];
      // 365 × 10^K is even only from K = 1: ½ of it is a whole number of units.
      expect(half % 2n).toBe(0n);
      expect(handInterest(1, list)).toBe(expected);
      expect(interestOver(1, list)).toBe(expected);
      expect(decimalInterest(1, list)).toBe(expected);
    }
  }
});

test('every shipped half-year, over long and short delays: the same cents as Decimal', () => {
  const asOf = dayFromCalendar(2026, 11, 30);
  const first = dayFromCalendar(2022, 1, 1);
  let checked = 0;
  for (const jurisdiction of JURISDICTIONS) {
    for (let due = first; due < asOf; due += 37) {
      for (const amount of [1, 99, 40_00, 1_234_56, 98_765_43, 12_345_678_90]) {
        const result = statutoryInterest(amount, jurisdiction, due, asOf);
        expect(result.interest).toBe(decimalInterest(amount, result.periods));
        expect(result.interest).toBe(handInterest(amount, result.periods));
        checked++;
      }
    }
  }
  expect(checked).toBeGreaterThan(1000);
  expect(statutoryRates().length).toBeGreaterThan(30);
});
