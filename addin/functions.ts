// Excel's custom functions: the JSDoc is the registration (custom-functions-metadata writes
// functions.json from it and adds the CustomFunctions.associate calls); each body is one line
// over src/functions. Ranges arrive as rows of cells; an omitted optional argument as null.

import {
  ageBucketFunction,
  agedBalanceFunction,
  collectProbFunction,
  daysOverdueFunction,
  dueDateFunction,
  dunningStageFunction,
  expectedPayDateFunction,
  lateInterestFunction,
  recoveryFeeFunction,
  statutoryRateFunction,
} from '../src/functions/catalogue';
import { call, excelContext } from './excelHost';

/**
 * Ageing bucket of each due date ("Not due", "1-30", "31-60", "61-90", "91+").
 * @customfunction AGEBUCKET
 * @param due_date Due date, or a range of due dates.
 * @param [as_of] Date to age at (default: today). Use a cell holding =TODAY().
 * @param [boundaries] Last day of each bucket, ascending (default 30, 60, 90).
 * @param [labels] Your own bucket labels, one per bucket.
 * @param [paid_date] Paid date of each invoice: paid on or before as_of gives "Paid" (settled, in no bucket).
 * @returns The bucket label of each due date.
 */
export function ageBucket(
  due_date: any[][],
  as_of?: any[][],
  boundaries?: any[][],
  labels?: any[][],
  paid_date?: any[][],
): any[][] {
  return call(() => ageBucketFunction(due_date, as_of, boundaries, labels, excelContext, paid_date) as any[][]);
}

/**
 * Days overdue: as-of date minus due date (negative: days until due).
 * @customfunction DAYSOVERDUE
 * @param due_date Due date, or a range of due dates.
 * @param [as_of] Date to count to (default: today).
 * @returns Whole days overdue.
 */
export function daysOverdue(due_date: any[][], as_of?: any[][]): any[][] {
  return call(() => daysOverdueFunction(due_date, as_of, excelContext) as any[][]);
}

/**
 * Aged balance per customer (and currency): bucket totals and total, with a Total row.
 * @customfunction AGEDBALANCE
 * @param customers Customer of each open item.
 * @param due_dates Due date of each open item.
 * @param amounts Open amount of each item (credit notes negative).
 * @param [as_of] Date to age at (default: today).
 * @param [boundaries] Last day of each bucket, ascending (default 30, 60, 90).
 * @param [labels] Your own bucket labels.
 * @param [currencies] Currency of each item: totals are then per currency.
 * @param [paid_dates] Paid date of each item: rows paid on or before as_of are settled and left out.
 * @returns The aged balance table.
 */
export function agedBalance(
  customers: any[][],
  due_dates: any[][],
  amounts: any[][],
  as_of?: any[][],
  boundaries?: any[][],
  labels?: any[][],
  currencies?: any[][],
  paid_dates?: any[][],
): any[][] {
  return call(() =>
    agedBalanceFunction(customers, due_dates, amounts, as_of, boundaries, labels, currencies, excelContext, paid_dates),
  );
}

/**
 * Due date from the invoice date and the payment terms ("30 jours fin de mois", "net 30", "EOM 45").
 * @customfunction DUEDATE
 * @param invoice_date Invoice date, or a range of them.
 * @param terms Payment terms, or a range of them.
 * @returns The due date as a date serial (format the cells as dates).
 */
export function dueDate(invoice_date: any[][], terms: any[][]): any[][] {
  return call(() => dueDateFunction(invoice_date, terms, excelContext) as any[][]);
}

/**
 * Dunning stage reached by each due date (Courtesy reminder … Collection).
 * @customfunction DUNNINGSTAGE
 * @param due_date Due date, or a range of due dates.
 * @param [as_of] Date to check at (default: today).
 * @param [policy] Your own stages: two columns, from day and name.
 * @returns The stage name; empty before the first stage.
 */
export function dunningStage(due_date: any[][], as_of?: any[][], policy?: any[][]): any[][] {
  return call(() => dunningStageFunction(due_date, as_of, policy, excelContext) as any[][]);
}

/**
 * Late-payment interest: amount × annual rate × days overdue / 365, rounded to the cent.
 * @customfunction LATEINTEREST
 * @param amount Amount owed, or a range.
 * @param due_date Due date, or a range.
 * @param annual_rate Annual rate as a fraction (0.1215) or a percentage (12.15%).
 * @param [as_of] Date to count to (default: today).
 * @returns The interest.
 */
export function lateInterest(amount: any[][], due_date: any[][], annual_rate: any[][], as_of?: any[][]): any[][] {
  return call(() => lateInterestFunction(amount, due_date, annual_rate, as_of, excelContext) as any[][]);
}

/**
 * Fixed recovery fee per late invoice: FR, DE, EU 40 EUR; UK 40, 70 or 100 GBP by amount.
 * @customfunction RECOVERYFEE
 * @param amount Invoice amount, or a range.
 * @param [jurisdiction] FR (default), EU, DE or UK.
 * @returns The fee.
 */
export function recoveryFee(amount: any[][], jurisdiction?: any): any[][] {
  return call(() => recoveryFeeFunction(amount, jurisdiction, excelContext) as any[][]);
}

/**
 * Statutory late-payment rate (a fraction) for the half-year of a date.
 * @customfunction STATUTORYRATE
 * @param jurisdiction FR, EU, DE or UK.
 * @param [date] Date whose half-year applies (default: today).
 * @returns The annual rate, e.g. 0.1215.
 */
export function statutoryRate(jurisdiction: any, date?: any[][]): any[][] {
  return call(() => statutoryRateFunction(jurisdiction, date, excelContext) as any[][]);
}

/**
 * Probability of collecting an invoice this many days overdue (industry rule of thumb).
 * @customfunction COLLECTPROB
 * @param days_overdue Days overdue, or a range.
 * @param [curve] Your own curve: two columns, days and probability.
 * @returns A probability from 0 to 1.
 */
export function collectProb(days_overdue: any[][], curve?: any[][]): any[][] {
  return call(() => collectProbFunction(days_overdue, curve, excelContext) as any[][]);
}

/**
 * Expected payment date of each open invoice, learnt from the customers' paid invoices.
 * @customfunction EXPECTEDPAYDATE
 * @param customer Customer of the open invoice, or a range.
 * @param due_date Due date of the open invoice, or a range.
 * @param history Paid invoices: 3 or 4 columns (customer, due date, paid date, [disputed yes/no]).
 * @param [as_of] Date the invoices were still unpaid (default: today).
 * @param [percentile] 0.5 for the expected date (default); 0.2 and 0.8 give the range.
 * @param [disputed] Whether each open invoice is disputed (yes/no), or a range.
 * @returns The expected payment date as a date serial (format the cells as dates).
 */
export function expectedPayDate(
  customer: any[][],
  due_date: any[][],
  history: any[][],
  as_of?: any[][],
  percentile?: any,
  disputed?: any[][],
): any[][] {
  return call(() => expectedPayDateFunction(customer, due_date, history, as_of, percentile, disputed, excelContext) as any[][]);
}
