import { agedBalance } from '../../src/ageing/agedBalance';
import { makeBuckets } from '../../src/ageing/ageing';
import { daysSalesOutstanding, topOverdueAccounts } from '../../src/ageing/kpis';

test('DSO: 120 000 owed on 360 000 of sales over 90 days is 30 days', () => {
  expect(daysSalesOutstanding(120_000_00, 360_000_00, 90)).toBe(30);
});
test('DSO needs sales', () => expect(() => daysSalesOutstanding(1, 0, 90)).toThrow(/above zero/));

test('top overdue accounts in one currency', () => {
  const asOf = 20000;
  const balance = agedBalance(
    [
      { customer: 'A', currency: 'EUR', ageDay: asOf - 40, amount: 500 },
      { customer: 'B', currency: 'EUR', ageDay: asOf - 10, amount: 900 },
      { customer: 'C', currency: 'EUR', ageDay: asOf + 10, amount: 5000 },
      { customer: 'D', currency: 'USD', ageDay: asOf - 99, amount: 99999 },
    ],
    { asOf, buckets: makeBuckets() },
  );
  expect(topOverdueAccounts(balance, 'EUR', 5).map((l) => l.customer)).toEqual(['B', 'A']);
});
