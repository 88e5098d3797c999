import { collectionProbability, expectedLoss, makeCollectionCurve } from '../../src/ageing/collection';

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
  test('expected loss of 1000.00 at 90 days is 304.00', () => expect(expectedLoss(100000, 90)).toBe(30400));
  test('a credit note carries no loss', () => expect(expectedLoss(-100000, 400)).toBe(0));
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
