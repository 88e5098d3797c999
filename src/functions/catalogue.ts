// The bodies of the custom functions (DESIGN §3), host-neutral: raw cell values in, the
// host's cell values or cell errors out. Excel's and Sheets' files are one-line wrappers.

import { agedBalanceFromColumns } from '../ageing/agedBalance';
import { collectionProbability, DEFAULT_COLLECTION_CURVE, makeCollectionCurve } from '../ageing/collection';
import { DEFAULT_POLICY, policyFromTable, stageIndexForInvoice } from '../dunning/policy';
import { dueDateFromTerms, parsePaymentTerms } from '../ledger/terms';
import { checkedRate, lateInterest, parseAnnualRate } from '../penalties/lateInterest';
import { recoveryFee } from '../penalties/recoveryFee';
import { parseJurisdiction, statutoryRate } from '../penalties/statutoryRates';
import { type CellValue, isBlank, readAmount, readDate, readNumber, readText } from '../primitives/cells';
import { AgeBucketError, fail } from '../primitives/messages';
import { amountFromMinor } from '../primitives/money';
import { columnRangeOf, isOmitted, pairsOf, readAsOf, readBuckets, singleCell } from './arguments';
import type { HostContext } from './context';
import { type SpillArgument, spill } from './spill';

export { ageBucketFunction } from './ageBucket';
export { expectedPayDateFunction } from './expectedPayDate';

// Amounts given to functions have no currency: they are counted in cents.
const NO_CURRENCY = '';

function dateCell(cell: CellValue, context: HostContext): number {
  return readDate(cell, context) as number;
}

/** as_of may be one cell or a range of the same shape as the dates: each cell its own as-of date. */
function asOfArgument(asOf: unknown): SpillArgument {
  return { name: 'as_of', value: isOmitted(asOf) ? null : asOf, blankGivesBlank: false };
}

function asOfDay(cell: CellValue, context: HostContext): number {
  if (isBlank(cell)) return context.today();
  try {
    return dateCell(cell, context);
  } catch (error) {
    if (error instanceof AgeBucketError)
      fail('argumentInvalid', { name: 'as_of', reason: { en: error.localized('en'), fr: error.localized('fr') } });
    throw error;
  }
}

/** DAYSOVERDUE(due_date, [as_of]): as_of − due_date in whole days. */
export function daysOverdueFunction(dueDate: unknown, asOf: unknown, context: HostContext): unknown[][] {
  return spill(
    [{ name: 'due_date', value: dueDate, blankGivesBlank: true }, asOfArgument(asOf)],
    context,
    ([due, at]) => asOfDay(at, context) - dateCell(due, context),
  );
}

/** DUEDATE(invoice_date, terms): the due date under the payment terms. */
export function dueDateFunction(invoiceDate: unknown, terms: unknown, context: HostContext): unknown[][] {
  return spill(
    [
      { name: 'invoice_date', value: invoiceDate, blankGivesBlank: true },
      { name: 'terms', value: terms, blankGivesBlank: true },
    ],
    context,
    ([invoice, term]) => {
      const parsed = parsePaymentTerms(typeof term === 'number' ? term : (readText(term) as string));
      return context.dateResult(dueDateFromTerms(dateCell(invoice, context), parsed));
    },
  );
}

/** DUNNINGSTAGE(due_date, [as_of], [policy]): the stage name; empty before the first stage. */
export function dunningStageFunction(dueDate: unknown, asOf: unknown, policy: unknown, context: HostContext): unknown[][] {
  const stages = isOmitted(policy)
    ? DEFAULT_POLICY.stages
    : policyFromTable(
        pairsOf(policy, 'policy').map(([day, name]) => {
          const from = readNumber(day);
          if (from === null || !Number.isInteger(from))
            fail('policyInvalid', {
              reason: {
                en: `"from day" ${String(readText(day))} must be a whole number of days`,
                fr: `le « jour de début » ${String(readText(day))} doit être un nombre entier de jours`,
              },
            });
          return [from, readText(name) ?? ''] as [number, string];
        }),
      ).stages;
  return spill([{ name: 'due_date', value: dueDate, blankGivesBlank: true }, asOfArgument(asOf)], context, ([due, at]) => {
    // The stage the dunning run sees the invoice at: no courtesy reminder once it is late.
    const stage = stages[stageIndexForInvoice(asOfDay(at, context) - dateCell(due, context), stages)];
    return stage ? stage.name[context.language] : '';
  });
}

/** A rate cell: 0.1215, or text such as "12.15 %" (a percent sign means hundredths). */
function rateOf(cell: CellValue): number {
  // The policy editor reads its rate field with the same parser (a bare number there is a percentage).
  if (typeof cell === 'string' && cell.trim() !== '') return parseAnnualRate(cell, 'fraction');
  const number = readNumber(cell);
  if (number === null) fail('rateInvalid', { value: '' });
  checkedRate(number);
  return number;
}

/** LATEINTEREST(amount, due_date, annual_rate, [as_of]): simple interest, rounded to the cent. */
export function lateInterestFunction(
  amount: unknown,
  dueDate: unknown,
  annualRate: unknown,
  asOf: unknown,
  context: HostContext,
): unknown[][] {
  if (!Array.isArray(annualRate) || annualRate.flat().length === 1) {
    const rate = singleCell(annualRate, 'annual_rate');
    if (isBlank(rate))
      fail('argumentInvalid', {
        name: 'annual_rate',
        reason: { en: 'give the annual rate, such as 0.1215', fr: 'donnez le taux annuel, par ex. 0,1215' },
      });
    rateOf(rate); // a wrong single rate fails the whole call
  }
  return spill(
    [
      { name: 'amount', value: amount, blankGivesBlank: true },
      { name: 'due_date', value: dueDate, blankGivesBlank: true },
      { name: 'annual_rate', value: annualRate, blankGivesBlank: true },
      asOfArgument(asOf),
    ],
    context,
    ([money, due, rate, at]) => {
      const minor = readAmount(money, NO_CURRENCY) as number;
      return amountFromMinor(lateInterest(minor, rateOf(rate), asOfDay(at, context) - dateCell(due, context)), NO_CURRENCY);
    },
  );
}

/** RECOVERYFEE(amount, [jurisdiction = "FR"]): the fixed fee per late invoice. */
export function recoveryFeeFunction(amount: unknown, jurisdiction: unknown, context: HostContext): unknown[][] {
  const where = parseJurisdiction(readText(singleCell(jurisdiction ?? 'FR', 'jurisdiction')) ?? 'FR');
  return spill([{ name: 'amount', value: amount, blankGivesBlank: true }], context, ([money]) => {
    const fee = recoveryFee(readAmount(money, NO_CURRENCY) as number, where);
    return amountFromMinor(fee.amount, fee.currency);
  });
}

/** STATUTORYRATE(jurisdiction, [date = today]): the annual rate as a fraction for the date's half-year. */
export function statutoryRateFunction(jurisdiction: unknown, date: unknown, context: HostContext): unknown[][] {
  const where = parseJurisdiction(readText(singleCell(jurisdiction, 'jurisdiction')) ?? '');
  const dates = isOmitted(date) ? [[null]] : date;
  return spill([{ name: 'date', value: dates, blankGivesBlank: false }], context, ([cell]) => {
    const day = isBlank(cell) ? context.today() : dateCell(cell, context);
    return statutoryRate(where, day).rate.toNumber();
  });
}

/** COLLECTPROB(days_overdue, [curve]): probability of collection, 0-1. */
export function collectProbFunction(daysOverdue: unknown, curve: unknown, context: HostContext): unknown[][] {
  const points = isOmitted(curve)
    ? DEFAULT_COLLECTION_CURVE
    : makeCollectionCurve(
        pairsOf(curve, 'curve').map(([day, probability]) => {
          const days = readNumber(day);
          const p = readNumber(probability);
          if (days === null || p === null)
            fail('curveInvalid', {
              reason: {
                en: 'each row needs a number of days and a probability',
                fr: 'chaque ligne demande un nombre de jours et une probabilité',
              },
            });
          return { daysOverdue: days, probability: p };
        }),
      );
  return spill([{ name: 'days_overdue', value: daysOverdue, blankGivesBlank: true }], context, ([days]) => {
    const number = readNumber(days);
    if (number === null) return '';
    return collectionProbability(number, points);
  });
}

/**
 * AGEDBALANCE(customers, due_dates, amounts, [as_of], [boundaries], [labels], [currencies],
 * [paid_dates]): the aged balance table. Strict: a row that cannot be read fails the call,
 * naming it. A row paid on or before as_of (paid_dates) is settled and left out.
 */
export function agedBalanceFunction(
  customers: unknown,
  dueDates: unknown,
  amounts: unknown,
  asOf: unknown,
  boundaries: unknown,
  labels: unknown,
  currencies: unknown,
  context: HostContext,
  paidDates?: unknown,
): unknown[][] {
  const asOfDay = readAsOf(asOf, context);
  const buckets = readBuckets(boundaries, labels, context.language);
  const withCurrency = !isOmitted(currencies);
  const { balance } = agedBalanceFromColumns(
    {
      customers: columnRangeOf(customers),
      dates: columnRangeOf(dueDates),
      amounts: columnRangeOf(amounts),
      ...(withCurrency ? { currencies: columnRangeOf(currencies) } : {}),
      ...(isOmitted(paidDates) ? {} : { paidDates: columnRangeOf(paidDates) }),
    },
    { asOf: asOfDay, buckets, serialSystem: context.serialSystem, defaultCurrency: NO_CURRENCY, strict: true },
  );
  const words =
    context.language === 'fr'
      ? { customer: 'Client', currency: 'Devise', total: 'Total' }
      : { customer: 'Customer', currency: 'Currency', total: 'Total' };
  const row = (label: string, currency: string, amounts: readonly number[], total: number): unknown[] => [
    label,
    ...(withCurrency ? [currency] : []),
    ...amounts.map((amount) => amountFromMinor(amount, currency)),
    amountFromMinor(total, currency),
  ];
  const rows: unknown[][] = [[words.customer, ...(withCurrency ? [words.currency] : []), ...buckets.labels, words.total]];
  for (const line of balance.lines) rows.push(row(line.customer, line.currency, line.buckets, line.total));
  for (const total of balance.totals) rows.push(row(words.total, total.currency, total.buckets, total.total));
  if (balance.totals.length === 0) rows.push([words.total, ...(withCurrency ? [''] : []), ...buckets.labels.map(() => 0), 0]);
  return rows;
}
