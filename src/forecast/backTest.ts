// The back-test that judges the forecast (DESIGN §2): at a cut date, learn from the invoices
// settled by then, predict when the invoices still open were paid, and compare with what
// happened, against two baselines: the due date, and the customer's average delay so far.

import { customerKey } from '../primitives/cells';
import type { DayNumber } from '../primitives/dates';
import type { MinorUnits } from '../primitives/money';
import { delayDistribution, expectedPayment, weeklyPaymentProbabilities } from './expectedPayment';
import { learnPayerHabits, type PayerModelOptions, type SettledInvoice } from './payerHabits';

/** An invoice whose whole life is known: issued, due, paid. */
export interface HistoricInvoice extends SettledInvoice {
  readonly invoiceDay: DayNumber;
  readonly amount: MinorUnits;
}

export type Forecaster = 'model' | 'dueDate' | 'customerAverage';
export const FORECASTERS: readonly Forecaster[] = ['model', 'dueDate', 'customerAverage'];
export const WEEKS = 13;

export interface BackTestResult {
  readonly cut: DayNumber;
  readonly learntFrom: number;
  readonly openAtCut: number;
  /** Open invoices already later than any settled invoice (the model makes no forecast for them). */
  readonly beyondHistory: number;
  /** Mean absolute error of the predicted payment day, in days, over the invoices open at the cut. */
  readonly meanAbsoluteError: Readonly<Record<Forecaster, number>>;
  /** Σ |predicted − collected| over the 13 weeks after the cut ÷ total collected in them. */
  readonly weeklyError: Readonly<Record<Forecaster, number>>;
  /** What the invoices open at the cut brought in during the 13 weeks, minor units. */
  readonly collected: MinorUnits;
}

/**
 * One cut: history = invoices paid on or before the cut; open = issued on or before it and
 * paid after it. A baseline's date before the day after the cut (an overdue invoice's due date)
 * is moved to that day, since the invoice was known to be unpaid: it makes both baselines
 * stronger, never weaker.
 */
export function backTestAt(
  invoices: readonly HistoricInvoice[],
  cut: DayNumber,
  options: PayerModelOptions = {},
): BackTestResult {
  const history = invoices.filter((invoice) => invoice.paidDay <= cut);
  const open = invoices.filter((invoice) => invoice.invoiceDay <= cut && invoice.paidDay > cut);
  const model = learnPayerHabits(history, options);

  const delays = new Map<string, { sum: number; count: number }>();
  let allSum = 0;
  for (const invoice of history) {
    const key = customerKey(invoice.customer);
    const entry = delays.get(key) ?? { sum: 0, count: 0 };
    entry.sum += invoice.paidDay - invoice.dueDay;
    entry.count++;
    delays.set(key, entry);
    allSum += invoice.paidDay - invoice.dueDay;
  }
  const allMean = history.length > 0 ? allSum / history.length : 0;
  const soonest = cut + 1;
  const averageDay = (invoice: HistoricInvoice) => {
    const entry = delays.get(customerKey(invoice.customer));
    const mean = entry ? entry.sum / entry.count : allMean;
    return Math.max(soonest, invoice.dueDay + Math.round(mean));
  };

  const errors: Record<Forecaster, number> = { model: 0, dueDate: 0, customerAverage: 0 };
  const weekly: Record<Forecaster | 'actual', Float64Array> = {
    model: new Float64Array(WEEKS),
    dueDate: new Float64Array(WEEKS),
    customerAverage: new Float64Array(WEEKS),
    actual: new Float64Array(WEEKS),
  };
  const weekOf = (day: DayNumber) => Math.floor((day - soonest) / 7);
  const addTo = (series: Float64Array, day: DayNumber, amount: number) => {
    const week = weekOf(day);
    if (week >= 0 && week < WEEKS) series[week] = (series[week] as number) + amount;
  };
  let beyondHistory = 0;
  for (const invoice of open) {
    const byAverage = averageDay(invoice);
    const byDueDate = Math.max(soonest, invoice.dueDay);
    const forecast = expectedPayment(model, invoice, cut);
    const byModel = forecast.expectedDay ?? byAverage;
    if (forecast.beyondHistory) beyondHistory++;
    errors.model += Math.abs(byModel - invoice.paidDay);
    errors.dueDate += Math.abs(byDueDate - invoice.paidDay);
    errors.customerAverage += Math.abs(byAverage - invoice.paidDay);
    addTo(weekly.actual, invoice.paidDay, invoice.amount);
    addTo(weekly.dueDate, byDueDate, invoice.amount);
    addTo(weekly.customerAverage, byAverage, invoice.amount);
    const shares = weeklyPaymentProbabilities(delayDistribution(model, invoice), invoice.dueDay, cut, WEEKS);
    if (shares === null) addTo(weekly.model, byModel, invoice.amount);
    else
      shares.forEach((share, week) => {
        weekly.model[week] = (weekly.model[week] as number) + share * invoice.amount;
      });
  }
  const collected = weekly.actual.reduce((sum, amount) => sum + amount, 0);
  const weeklyErrorOf = (series: Float64Array) => {
    let total = 0;
    for (let week = 0; week < WEEKS; week++) total += Math.abs((series[week] as number) - (weekly.actual[week] as number));
    return collected > 0 ? total / collected : 0;
  };
  const count = Math.max(open.length, 1);
  return {
    cut,
    learntFrom: history.length,
    openAtCut: open.length,
    beyondHistory,
    meanAbsoluteError: {
      model: errors.model / count,
      dueDate: errors.dueDate / count,
      customerAverage: errors.customerAverage / count,
    },
    weeklyError: {
      model: weeklyErrorOf(weekly.model),
      dueDate: weeklyErrorOf(weekly.dueDate),
      customerAverage: weeklyErrorOf(weekly.customerAverage),
    },
    collected,
  };
}
