import { expectedPayment } from '../../src/forecast/expectedPayment';
import { learnPayerHabits, payerProfile, type SettledInvoice } from '../../src/forecast/payerHabits';
import { parseTextDate } from '../../src/primitives/dates';

const DUE = parseTextDate('2026-01-15');
/** Invoices of one customer, all due the same day, paid `delays` days after it, in that order. */
function paid(customer: string, delays: readonly number[], disputed = false): SettledInvoice[] {
  return delays.map((delay, index) => ({ customer, dueDay: DUE + index, paidDay: DUE + index + delay, disputed }));
}

describe('a customer’s typical delay is its median shrunk toward all customers’ by n / (n + 5)', () => {
  // All undisputed delays, sorted: -4 -2 0 0 2 5 10 20 30 → all customers' median is 2.
  const model = learnPayerHabits([...paid('Acme', [2, 5, 10, 20, 30]), ...paid('Bolt', [-4, -2, 0, 0])]);

  test('all customers: the median of every undisputed invoice', () => {
    expect(model.overall.medianDelay).toBe(2);
    expect(model.overall.invoiceCount).toBe(9);
    expect(model.overall.customerCount).toBe(2);
  });
  test('5 invoices weigh half: (10 + 2) / 2 = 6', () => {
    const acme = model.customers.get('Acme');
    expect(acme?.medianDelay).toBe(10);
    expect(acme?.weight).toBe(0.5);
    expect(acme?.typicalDelay).toBe(6);
  });
  test('4 invoices weigh 4/9: 4/9 × -1 + 5/9 × 2 = 2/3', () => {
    const bolt = model.customers.get('Bolt');
    expect(bolt?.medianDelay).toBe(-1); // (-2 + 0) / 2
    expect(bolt?.typicalDelay).toBeCloseTo(2 / 3, 10);
  });
  test('spread: the 25th and 75th percentiles of its delays', () => {
    expect(model.customers.get('Acme')?.spread).toEqual({ low: 5, high: 20 });
  });
  test('share paid on time: on or before the due date', () => {
    expect(model.customers.get('Acme')?.onTimeShare).toBe(0);
    expect(model.customers.get('Bolt')?.onTimeShare).toBe(1);
    expect(model.overall.onTimeShare).toBeCloseTo(4 / 9, 10);
  });
  test('with no prior weight a customer is its own median', () => {
    expect(learnPayerHabits(paid('Acme', [2, 5, 10, 20, 30]), { priorInvoices: 0 }).customers.get('Acme')?.typicalDelay).toBe(10);
  });
  test('names that differ only by spaces are one payer', () => {
    const spaced = learnPayerHabits([...paid('Acme SA', [10]), ...paid(' Acme\u00a0SA', [20]), ...paid('Acme \u202fSA', [30])]);
    expect(spaced.customers.size).toBe(1);
    expect(spaced.customers.get('Acme SA')?.invoiceCount).toBe(3);
  });
});

describe('the trend: the last 5 invoices against the ones before', () => {
  test('three on time then five 10 days late: getting later by 10 days', () => {
    const model = learnPayerHabits(paid('Acme', [0, 0, 0, 10, 10, 10, 10, 10]));
    expect(model.customers.get('Acme')?.trend).toBe(10);
  });
  test('fewer than 8 invoices: no trend', () => {
    expect(learnPayerHabits(paid('Acme', [0, 0, 10, 10, 10, 10, 10])).customers.get('Acme')?.trend).toBeNull();
  });
  test('ordered by payment date, not by the order of the rows', () => {
    const rows = paid('Acme', [0, 0, 0, 10, 10, 10, 10, 10]).reverse();
    expect(learnPayerHabits(rows).customers.get('Acme')?.trend).toBe(10);
  });
});

describe('profiles in plain words, English and French', () => {
  // Habits as learnt, with the two figures the words depend on: the typical delay and the trend.
  const habits = (typicalDelay: number, trend: number | null) => ({
    customer: 'Acme',
    invoiceCount: 20,
    disputedCount: 0,
    medianDelay: typicalDelay,
    typicalDelay,
    weight: 0.8,
    spread: { low: 0, high: 0 },
    trend,
    onTimeShare: 0,
  });
  test.each([
    [12.4, 8, 'pays about 12 days late, getting later', 'paie environ 12 jours en retard, de plus en plus tard'],
    [-6, -5, 'pays about 6 days early, paying sooner', 'paie environ 6 jours en avance, de plus en plus tôt'],
    [2, 4.9, 'pays on time, steady', 'paie à l’échéance, régulier'],
    [3, null, 'pays about 3 days late (little history)', 'paie environ 3 jours en retard (peu d’historique)'],
  ])('%s days, trend %s', (typical, trend, en, fr) => {
    expect(payerProfile(habits(typical, trend), 'en')).toBe(en);
    expect(payerProfile(habits(typical, trend), 'fr')).toBe(fr);
  });
  test('from learnt habits: 3 on time then 5 at 20 days late', () => {
    const model = learnPayerHabits(paid('Acme', [0, 0, 0, 20, 20, 20, 20, 20]), { priorInvoices: 0 });
    expect(payerProfile(model.customers.get('Acme') ?? null, 'en')).toBe('pays about 20 days late, getting later');
  });
  test('no history', () => {
    expect(payerProfile(null, 'fr')).toBe('aucun historique : comme l’ensemble des clients');
  });
});

describe('disputed invoices are modelled apart', () => {
  // Undisputed: Calm 0 ×5, Dusk 10 ×5 → all customers' median 5; Calm typical 2.5, Dusk 7.5.
  // Disputed: Calm 20 (17.5 over its typical), Dusk 30 (22.5 over) → dispute delay 20.
  const history = [
    ...paid('Calm', [0, 0, 0, 0, 0]),
    ...paid('Dusk', [10, 10, 10, 10, 10]),
    ...paid('Calm', [20], true),
    ...paid('Dusk', [30], true),
  ];
  const model = learnPayerHabits(history);

  test('a customer’s typical delay ignores its disputed invoices', () => {
    expect(model.customers.get('Calm')?.typicalDelay).toBe(2.5);
    expect(model.customers.get('Dusk')?.typicalDelay).toBe(7.5);
    expect(model.customers.get('Calm')?.disputedCount).toBe(1);
  });
  test('a disputed invoice is expected the median dispute delay later', () => {
    expect(model.overall.disputeDelay).toBe(20);
    const asOf = DUE - 30;
    const open = expectedPayment(model, { customer: 'Calm', dueDay: DUE, disputed: false }, asOf).expectedDay as number;
    const inDispute = expectedPayment(model, { customer: 'Calm', dueDay: DUE, disputed: true }, asOf).expectedDay as number;
    expect(inDispute - open).toBe(20);
  });
  test('without disputed history there is no dispute delay', () => {
    expect(learnPayerHabits(paid('Calm', [0, 5])).overall.disputeDelay).toBe(0);
  });
});
