import { agedBalance } from '../../src/ageing/agedBalance';
import { makeBuckets } from '../../src/ageing/ageing';
import { collectionProbability, DEFAULT_COLLECTION_CURVE, makeCollectionCurve } from '../../src/ageing/collection';

/** The expected loss the aged balance shows for one customer's items (amount in cents, days overdue). */
function expectedLoss(items: Array<[number, number]>): number {
  const asOf = 20_000;
  const balance = agedBalance(
    items.map(([amount, days]) => ({ customer: 'A', currency: 'EUR', ageDay: asOf - days, amount })),
    { asOf, buckets: makeBuckets(), curve: DEFAULT_COLLECTION_CURVE },
  );
  return balance.lines[0]?.expectedLoss as number;
}

describe('default collection curve', () => {
  test.each([
    [0, 0.949],
    [30, 0.899],
    [45, 0.856],
    [90, 0.696],
    [180, 0.521],
    [365, 0.228],
    [730, 0.093],
    [-20, 0.949],
    [2000, 0.093],
  ])('%i days overdue → %d', (days, probability) => expect(collectionProbability(days)).toBe(probability));
  // amount × (1 − probability), in the aged balance: 1000.00 × (1 − 0.696) = 304.00
  test('expected loss of 1000.00 at 90 days is 304.00', () => expect(expectedLoss([[100000, 90]])).toBe(30400));
  test('two invoices add their losses: 1000.00 at 90 days and 500.00 at 0 days (× 0.051) → 329.50', () =>
    expect(
      expectedLoss([
        [100000, 90],
        [50000, 0],
      ]),
    ).toBe(32950));
  test('a credit note carries no loss of its own', () => expect(expectedLoss([[-100000, 400]])).toBe(0));
  test('credits cap the loss at what the customer owes net: 1000.00 at 400 days less 950.00 → 50.00', () =>
    // 1000.00 × (1 − (0.228 − (0.228 − 0.093) × 35/365)) = 784.95, more than the 50.00 owed
    expect(
      expectedLoss([
        [100000, 400],
        [-95000, 10],
      ]),
    ).toBe(5000));
});

describe('user curve', () => {
  const curve = makeCollectionCurve([
    { daysOverdue: 0, probability: 1 },
    { daysOverdue: 100, probability: 0.5 },
  ]);
  test('linear between its points', () => expect(collectionProbability(50, curve)).toBe(0.75));
  test('probabilities must be fractions', () => {
    expect(() => makeCollectionCurve([{ daysOverdue: 0, probability: 95 }])).toThrow('use 0.95 for 95 %');
  });
  test('days must go up', () => {
    expect(() =>
      makeCollectionCurve([
        { daysOverdue: 30, probability: 0.9 },
        { daysOverdue: 30, probability: 0.8 },
      ]),
    ).toThrow('days must go up');
  });
});
