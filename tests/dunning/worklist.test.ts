// The order of the worklist: within a currency, overdue amount in the currency's minor units ×
// days overdue of the oldest invoice; across currencies, by days then amount, never by
// comparing yen with euros as if both had cents.

import { planDunning } from '../../src/dunning/plan';
import { DEFAULT_POLICY } from '../../src/dunning/policy';
import { parseTextDate } from '../../src/primitives/dates';
import { invoice } from './fixtures';

const asOf = parseTextDate('2026-11-30');
const order = (items: Parameters<typeof invoice>[0][]) =>
  planDunning(items.map(invoice), [], { asOf, policy: DEFAULT_POLICY }).actions.map((a) => `${a.customer} ${a.currency}`);

test('within a currency: 5,000 € × 20 days (100,000) before 1,000 € × 90 days (90,000)', () => {
  expect(
    order([
      { customer: 'Old', dueDay: asOf - 90, amount: 1_000_00 },
      { customer: 'Big', dueDay: asOf - 20, amount: 5_000_00 },
    ]),
  ).toEqual(['Big EUR', 'Old EUR']);
});

test('across currencies by days: 100,000 JPY 60 days late before 50,000 € 50 days late', () => {
  // Counted as cents, 100,000 yen would weigh 1,000 × 60 = 60,000 against 50,000 × 50 = 2,500,000.
  expect(
    order([
      { customer: 'Paris', dueDay: asOf - 50, amount: 50_000_00 },
      { customer: 'Tokyo', dueDay: asOf - 60, amount: 100_000, currency: 'JPY' },
    ]),
  ).toEqual(['Tokyo JPY', 'Paris EUR']);
});

test('each currency keeps its own order when the lists are merged', () => {
  expect(
    order([
      { customer: 'Old', dueDay: asOf - 90, amount: 1_000_00 },
      { customer: 'Big', dueDay: asOf - 20, amount: 5_000_00 },
      { customer: 'Tokyo', dueDay: asOf - 60, amount: 100_000, currency: 'JPY' },
      { customer: 'London', dueDay: asOf - 25, amount: 2_000_00, currency: 'GBP' },
    ]),
  ).toEqual(['Tokyo JPY', 'London GBP', 'Big EUR', 'Old EUR']);
});
