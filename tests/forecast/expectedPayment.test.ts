import { backTestAt, type HistoricInvoice } from '../../src/forecast/backTest';
import { cashInForecast } from '../../src/forecast/cashInForecast';
import { expectedPayment } from '../../src/forecast/expectedPayment';
import { learnPayerHabits, type SettledInvoice } from '../../src/forecast/payerHabits';
import { parseTextDate } from '../../src/primitives/dates';

const D = parseTextDate('2026-12-10');
// One customer who paid 0, 10, 20, 30 and 40 days late; with no prior weight each delay is
// equally likely for its next invoice: a distribution a person can follow by hand.
const history: SettledInvoice[] = [0, 10, 20, 30, 40].map((delay, i) => ({
  customer: 'Acme',
  dueDay: D - 200 + i,
  paidDay: D - 200 + i + delay,
  disputed: false,
}));
const model = learnPayerHabits(history, { priorInvoices: 0 });
const open = { customer: 'Acme', dueDay: D, disputed: false };

describe('expected payment date of an invoice not yet due', () => {
  const asOf = D - 5;
  const forecast = expectedPayment(model, open, asOf);
  test('the median day: 20 days late (2 of 5 delays are below it, 2 above)', () => {
    expect(forecast.expectedDay).toBe(D + 20);
  });
  test('the range: 20th percentile on the due date, 80th at 30 days late', () => {
    expect(forecast.earliestDay).toBe(D);
    expect(forecast.latestDay).toBe(D + 30);
  });
  test('within 1 week (by D+2): only the on-time payment, 1 in 5; 4 weeks (D+23): 3 in 5; 13 weeks: all', () => {
    expect(forecast.withinWeeks[1]).toBeCloseTo(0.2, 12);
    expect(forecast.withinWeeks[4]).toBeCloseTo(0.6, 12);
    expect(forecast.withinWeeks[13]).toBeCloseTo(1, 12);
  });
});

describe('an invoice 15 days overdue and still unpaid: only the delays above 15 remain', () => {
  const forecast = expectedPayment(model, open, D + 15);
  test('20, 30 or 40 days late, one in three each: the median is 30', () => {
    expect(forecast.expectedDay).toBe(D + 30);
    expect(forecast.earliestDay).toBe(D + 20);
    expect(forecast.latestDay).toBe(D + 40);
  });
  test('within 1 week (by D+22): 1 in 3', () => {
    expect(forecast.withinWeeks[1]).toBeCloseTo(1 / 3, 12);
  });
  test('later than any paid invoice: no forecast rather than a made-up date', () => {
    const late = expectedPayment(model, open, D + 45);
    expect(late.beyondHistory).toBe(true);
    expect(late.expectedDay).toBeNull();
  });
});

describe('cash-in per week', () => {
  const asOf = D - 3;
  const forecast = cashInForecast(
    model,
    [
      { ...open, invoiceNumber: 'F1', amount: 10000, currency: 'EUR' },
      { ...open, invoiceNumber: 'F2', amount: 5000, currency: 'USD', dueDay: D - 60 },
    ],
    asOf,
  );
  const eur = forecast.currencies.find((c) => c.currency === 'EUR');
  const usd = forecast.currencies.find((c) => c.currency === 'USD');
  test('week 1 is the 7 days after the as-of date', () => {
    expect(forecast.weeks[0]).toEqual({ firstDay: asOf + 1, lastDay: asOf + 7 });
    expect(forecast.weeks).toHaveLength(13);
  });
  test('100.00 due in 3 days, paid 0-40 days late: 20.00 in weeks 1, 2, 4, 5 and 7', () => {
    // Payment days asOf+3, +13, +23, +33, +43 fall in weeks 1, 2, 4, 5, 7.
    expect(eur?.expected).toEqual([2000, 2000, 0, 2000, 2000, 0, 2000, 0, 0, 0, 0, 0, 0]);
    expect(eur?.expectedLater).toBe(0);
  });
  test('by due dates: all of it in week 1', () => {
    expect(eur?.byDueDates[0]).toBe(10000);
    expect(eur?.overdue).toBe(0);
  });
  test('currencies apart; one 60 days overdue is beyond history: not forecast, but counted', () => {
    expect(usd?.notForecast).toBe(5000);
    expect(usd?.expected.every((amount) => amount === 0)).toBe(true);
    expect(usd?.overdue).toBe(5000);
    expect(usd?.byDueDates[0]).toBe(5000);
  });
  test('by due dates, week 1 ends 7 days after the as-of date, week 2 starts the day after', () => {
    const edges = cashInForecast(
      model,
      [7, 8, 91, 92].map((days) => ({ ...open, invoiceNumber: `D${days}`, amount: 100, currency: 'EUR', dueDay: asOf + days })),
      asOf,
    ).currencies[0];
    expect(edges?.byDueDates.slice(0, 2)).toEqual([100, 100]);
    expect(edges?.byDueDates[12]).toBe(100);
    expect(edges?.dueLater).toBe(100);
  });
  test('weeks, later and not forecast reconcile with the open total', () => {
    for (const c of forecast.currencies) {
      const weeks = c.expected.reduce((a, b) => a + b, 0);
      expect(weeks + c.expectedLater + c.notForecast).toBe(c.openTotal);
      expect(c.byDueDates.reduce((a, b) => a + b, 0) + c.dueLater).toBe(c.openTotal);
    }
  });
});

describe('the back-test’s measures, on a case worked by hand', () => {
  const cut = parseTextDate('2026-06-30');
  // Five invoices paid 10 days late before the cut; one open at the cut, due 5 days after it,
  // paid 15 days after it.
  const invoices: HistoricInvoice[] = [
    ...[0, 1, 2, 3, 4].map((i) => ({
      customer: 'Acme',
      invoiceDay: cut - 100 + i,
      dueDay: cut - 70 + i,
      paidDay: cut - 60 + i,
      amount: 10000,
      disputed: false,
    })),
    { customer: 'Acme', invoiceDay: cut - 25, dueDay: cut + 5, paidDay: cut + 15, amount: 10000, disputed: false },
  ];
  // A second run adds one 20 days overdue at the cut, paid 2 days after it: the due date alone
  // would say 20 days ago; a baseline is moved to the day after the cut (1 day out, week 1).
  const overdue: HistoricInvoice = {
    customer: 'Acme',
    invoiceDay: cut - 50,
    dueDay: cut - 20,
    paidDay: cut + 2,
    amount: 10000,
    disputed: false,
  };
  const result = backTestAt(invoices, cut);
  test('learns from the 5 paid by the cut, predicts the 1 open at it', () => {
    expect(result.learntFrom).toBe(5);
    expect(result.openAtCut).toBe(1);
  });
  test('mean absolute error: the model and the average say 10 days late (0); the due date is 10 days out', () => {
    expect(result.meanAbsoluteError).toEqual({ model: 0, dueDate: 10, customerAverage: 0 });
  });
  test('weekly error: the due date puts 100 in week 1 instead of week 3, (100 + 100) / 100 = 2', () => {
    expect(result.weeklyError).toEqual({ model: 0, dueDate: 2, customerAverage: 0 });
    expect(result.collected).toBe(10000);
  });
  test('an overdue invoice: both baselines say the day after the cut, never a day already past', () => {
    const withOverdue = backTestAt([...invoices, overdue], cut);
    // Errors: due date 10 and 1, average 0 and 1 → means 5.5 and 0.5.
    expect(withOverdue.meanAbsoluteError.dueDate).toBe(5.5);
    expect(withOverdue.meanAbsoluteError.customerAverage).toBe(0.5);
    // Week 1 gets 200 by due dates against 100 collected, week 3 nothing against 100: 200 / 200.
    expect(withOverdue.weeklyError.dueDate).toBe(1);
  });
});

test('an invoice due on the as-of date is not overdue (days overdue = as-of − due date = 0)', () => {
  const dueToday = cashInForecast(model, [{ ...open, invoiceNumber: 'F9', amount: 7000, currency: 'EUR' }], D);
  expect(dueToday.currencies[0]?.overdue).toBe(0);
  const dueYesterday = cashInForecast(model, [{ ...open, invoiceNumber: 'F9', amount: 7000, currency: 'EUR' }], D + 1);
  expect(dueYesterday.currencies[0]?.overdue).toBe(7000);
});
