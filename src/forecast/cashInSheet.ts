// The cash-in forecast as a sheet, in the same layout type as the aged balance (so Excel,
// Sheets and Preview write it alike): the 13 weeks per currency with their chart, then each
// open invoice's expected payment, and beside it each payer's habits.

import type { SheetCell, SheetLayout } from '../ageing/agedBalanceSheet';
import { calendarFromDay, type DayNumber, excelSerialFromDay, formatLongDate } from '../primitives/dates';
import { numberText } from '../primitives/localeText';
import { formatMessage, type Language } from '../primitives/messages';
import { amountFromMinor, formatMoney } from '../primitives/money';
import type { CashInForecast } from './cashInForecast';
import { RANGE_HIGH, RANGE_LOW } from './expectedPayment';
import { type PayerHabits, type PayerModel, payerProfile } from './payerHabits';

const WORDS = {
  en: {
    title: 'Expected cash-in as of',
    learnt: (invoices: number, customers: number, typical: number, dispute: number | null) =>
      `Learnt from ${numberText(invoices, 'en')} paid invoices of ${numberText(customers, 'en')} customers: all customers pay ${days(typical, 'en')}${
        dispute === null ? '' : `; a disputed invoice is paid ${Math.round(dispute)} days later than its customer's usual`
      }.`,
    currency: 'Currency',
    forecast: 'Forecast',
    expected: 'Expected (payment habits)',
    byDueDates: 'By due dates',
    later: 'After 13 weeks',
    notForecast: 'Not forecast',
    total: 'Total',
    chart: 'Expected cash-in per week',
    invoices: 'Open invoices',
    customer: 'Customer',
    invoice: 'Invoice',
    amount: 'Open amount',
    due: 'Due date',
    expectedDay: 'Expected payment',
    earliest: `Earliest (${RANGE_LOW * 100}th percentile)`,
    latest: `Latest (${RANGE_HIGH * 100}th percentile)`,
    within: (weeks: number) => `Paid within ${weeks} week${weeks === 1 ? '' : 's'}`,
    profile: 'Payer',
    beyond: 'later than any paid invoice: no forecast',
    payers: 'Payers',
    paid: 'Paid invoices',
    disputed: 'Of which disputed',
    typical: 'Typical days late',
    ownMedian: 'Own median',
    low: 'Spread from (25th pct)',
    high: 'to (75th pct)',
    trend: 'Trend (days)',
    onTime: 'Paid on time',
    weight: 'Weight of own history',
    notes: [
      'Days late = payment date − due date (negative: paid early). Typical = the customer’s median, shrunk toward all customers’ by n / (n + 5), n = its paid invoices not disputed.',
      'Trend = median of the last 5 invoices minus that of the earlier ones. Expected payment = the median day, knowing the invoice was unpaid on the as-of date; 6 invoices in 10 fall between earliest and latest.',
      'By due dates: each invoice in the week of its due date, overdue ones in week 1. Week 1 is the 7 days after the as-of date.',
    ],
    credits: (count: number) =>
      `${numberText(count, 'en')} ${count === 1 ? 'credit note or payment still open is' : 'credit notes and payments still open are'} set against the oldest invoices of their account, as in the dunning plan: each invoice counts for what it still owes.`,
    reconciled: (currency: string, expected: string, balance: string, creditBalances: string | null) =>
      `${currency}: total expected ${expected} = the aged balance’s open total ${balance}${
        creditBalances === null ? '' : ` + ${creditBalances} of credit balances left out (owed to customers: no cash-in)`
      }.`,
  },
  fr: {
    title: 'Encaissements attendus au',
    learnt: (invoices: number, customers: number, typical: number, dispute: number | null) =>
      `Appris de ${numberText(invoices, 'fr')} factures réglées de ${numberText(customers, 'fr')} clients : l’ensemble des clients paie ${days(typical, 'fr')}${
        dispute === null
          ? ''
          : ` ; une facture en litige est payée ${Math.round(dispute)} jours plus tard que d’habitude pour son client`
      }.`,
    currency: 'Devise',
    forecast: 'Prévision',
    expected: 'Attendu (habitudes de paiement)',
    byDueDates: 'Selon les échéances',
    later: 'Au-delà de 13 semaines',
    notForecast: 'Sans prévision',
    total: 'Total',
    chart: 'Encaissements attendus par semaine',
    invoices: 'Factures ouvertes',
    customer: 'Client',
    invoice: 'Facture',
    amount: 'Reste dû',
    due: 'Échéance',
    expectedDay: 'Paiement attendu',
    earliest: `Au plus tôt (${RANGE_LOW * 100}e centile)`,
    latest: `Au plus tard (${RANGE_HIGH * 100}e centile)`,
    within: (weeks: number) => `Payée sous ${weeks} semaine${weeks === 1 ? '' : 's'}`,
    profile: 'Payeur',
    beyond: 'plus tard que toute facture réglée : pas de prévision',
    payers: 'Payeurs',
    paid: 'Factures réglées',
    disputed: 'Dont en litige',
    typical: 'Retard habituel (jours)',
    ownMedian: 'Médiane propre',
    low: 'Dispersion de (25e centile)',
    high: 'à (75e centile)',
    trend: 'Tendance (jours)',
    onTime: 'Payées à l’échéance',
    weight: 'Poids de son historique',
    notes: [
      'Jours de retard = date de paiement − échéance (négatif : payé en avance). Retard habituel = la médiane du client, rapprochée de celle de l’ensemble des clients par n / (n + 5), n = ses factures réglées hors litige.',
      'Tendance = médiane des 5 dernières factures moins celle des précédentes. Paiement attendu = le jour médian, sachant que la facture était impayée à la date d’arrêté ; 6 factures sur 10 tombent entre au plus tôt et au plus tard.',
      'Selon les échéances : chaque facture dans la semaine de son échéance, les échues en semaine 1. La semaine 1 est faite des 7 jours qui suivent la date d’arrêté.',
    ],
    credits: (count: number) =>
      `${numberText(count, 'fr')} ${count < 2 ? 'avoir ou règlement resté ouvert est imputé' : 'avoirs et règlements restés ouverts sont imputés'} sur les plus anciennes factures de leur compte, comme dans le plan de relance : chaque facture compte pour ce qu’elle doit encore.`,
    reconciled: (currency: string, expected: string, balance: string, creditBalances: string | null) =>
      `${currency} : total attendu ${expected} = solde ouvert de la balance âgée ${balance}${
        creditBalances === null ? '' : ` + ${creditBalances} de soldes créditeurs écartés (dus aux clients : pas d’encaissement)`
      }.`,
  },
} as const;

function days(delay: number, language: Language): string {
  const rounded = Math.round(delay);
  if (language === 'fr')
    return rounded > 0
      ? `${rounded} jours après l’échéance`
      : rounded < 0
        ? `${-rounded} jours avant l’échéance`
        : 'à l’échéance';
  return rounded > 0
    ? `${rounded} days after the due date`
    : rounded < 0
      ? `${-rounded} days before the due date`
      : 'on the due date';
}

/** "01/12–07/12": the week's first and last day, day first as both languages read it. */
export function weekLabel(firstDay: DayNumber, lastDay: DayNumber): string {
  const short = (day: DayNumber) => {
    const { month, day: date } = calendarFromDay(day);
    return `${String(date).padStart(2, '0')}/${String(month).padStart(2, '0')}`;
  };
  return `${short(firstDay)}–${short(lastDay)}`;
}

const AMOUNT = '#,##0.00;[Red]-#,##0.00';
const DATE = 'dd/mm/yyyy';
const SHARE = '0%';
const DAYS = '0.0';
/** The payers' table starts one column right of the invoices' table. */
const PAYERS_COLUMN = 13;

/**
 * The cash-in sheet. Without payment history (`model` null) it says what the forecast needs and
 * shows the due-date view alone: no expected row, no payers.
 */
export function cashInSheet(forecast: CashInForecast, model: PayerModel | null, language: Language): SheetLayout {
  const words = WORDS[language];
  const overall = model?.overall;
  const rows: SheetCell[][] = [
    [`${words.title} ${formatLongDate(forecast.asOf, language)}`],
    [
      overall === undefined
        ? formatMessage('paymentHistoryNone', {}, language)
        : words.learnt(
            overall.invoiceCount,
            overall.customerCount,
            overall.medianDelay,
            overall.disputedCount > 0 ? overall.disputeDelay : null,
          ),
    ],
    [],
  ];
  const cellFormats: Array<{ row: number; column: number; format: string }> = [];
  const headerRow = rows.length;
  rows.push([
    words.currency,
    words.forecast,
    ...forecast.weeks.map((week) => weekLabel(week.firstDay, week.lastDay)),
    words.later,
    words.notForecast,
    words.total,
  ]);
  const series: Array<{ name: string; row: number }> = [];
  const moneyRow = (
    label: string,
    currency: string,
    weeks: readonly number[],
    later: number,
    notForecast: number | null,
    total: number,
  ) => {
    const row = rows.length;
    rows.push([
      currency,
      label,
      ...weeks.map((amount) => amountFromMinor(amount, currency)),
      amountFromMinor(later, currency),
      notForecast === null ? null : amountFromMinor(notForecast, currency),
      amountFromMinor(total, currency),
    ]);
    for (let column = 2; column < 2 + weeks.length + 3; column++) cellFormats.push({ row, column, format: AMOUNT });
    series.push({ name: `${currency} ${label}`, row });
  };
  for (const currency of forecast.currencies) {
    if (model !== null)
      moneyRow(
        words.expected,
        currency.currency,
        currency.expected,
        currency.expectedLater,
        currency.notForecast,
        currency.openTotal,
      );
    moneyRow(words.byDueDates, currency.currency, currency.byDueDates, currency.dueLater, null, currency.openTotal);
  }
  rows.push([]);
  // What the total expected is made of, per currency: it reconciles with the aged balance's open
  // total for the same ledger and date, the credit balances (owed to customers) apart.
  if (forecast.creditLines > 0) rows.push([words.credits(forecast.creditLines)]);
  for (const currency of forecast.currencies) {
    const money = (minor: number) => formatMoney(minor, currency.currency, language);
    rows.push([
      words.reconciled(
        currency.currency,
        money(currency.openTotal),
        money(currency.balance),
        currency.creditBalances === 0 ? null : money(-currency.creditBalances),
      ),
    ]);
  }
  rows.push([]);

  const tablesRow = rows.length;
  const withinWeeks = [1, 4, 13] as const;
  const invoiceHeader: SheetCell[] = [
    words.customer,
    words.invoice,
    words.currency,
    words.amount,
    words.due,
    words.expectedDay,
    words.earliest,
    words.latest,
    ...withinWeeks.map((weeks) => words.within(weeks)),
    words.profile,
  ];
  const payers = [...(model?.customers.values() ?? [])].sort((a, b) => a.customer.localeCompare(b.customer, language));
  const payerHeader: SheetCell[] = [
    words.customer,
    words.paid,
    words.disputed,
    words.typical,
    words.ownMedian,
    words.low,
    words.high,
    words.trend,
    words.onTime,
    words.weight,
    words.profile,
  ];
  const serial = (day: DayNumber | null) => (day === null ? null : excelSerialFromDay(day));
  const tenth = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);
  const invoiceLines: SheetCell[][] = forecast.invoices.map(({ invoice, forecast: f }) => [
    invoice.customer,
    invoice.invoiceNumber,
    invoice.currency,
    amountFromMinor(invoice.amount, invoice.currency),
    serial(invoice.dueDay),
    serial(f.expectedDay),
    serial(f.earliestDay),
    serial(f.latestDay),
    ...(f.beyondHistory || model === null ? [null, null, null] : withinWeeks.map((weeks) => f.withinWeeks[weeks])),
    model === null ? null : f.beyondHistory ? words.beyond : payerProfile(f.habits, language),
  ]);
  const payerLine = (habits: PayerHabits): SheetCell[] => [
    habits.customer,
    habits.invoiceCount,
    habits.disputedCount,
    tenth(habits.typicalDelay),
    tenth(habits.medianDelay),
    tenth(habits.spread?.low ?? null),
    tenth(habits.spread?.high ?? null),
    tenth(habits.trend),
    habits.onTimeShare,
    habits.weight,
    payerProfile(habits, language),
  ];
  const height = 2 + Math.max(invoiceLines.length, payers.length);
  for (let line = 0; line < height; line++) {
    const left: SheetCell[] = line === 0 ? [words.invoices] : line === 1 ? invoiceHeader : (invoiceLines[line - 2] ?? []);
    const right: SheetCell[] =
      line === 0 ? [words.payers] : line === 1 ? payerHeader : payers[line - 2] ? payerLine(payers[line - 2] as PayerHabits) : [];
    const row: SheetCell[] = [];
    for (let column = 0; column < PAYERS_COLUMN; column++) row.push(left[column] ?? null);
    // bounded: one payer line's cells
    if (right.length > 0) row.push(...right);
    while (row.length > 0 && row[row.length - 1] === null) row.pop();
    rows.push(row);
  }
  rows.push([]);
  for (const note of words.notes) rows.push([note]);

  const columnFormats: Array<string | null> = [
    null,
    null,
    null,
    AMOUNT,
    DATE,
    DATE,
    DATE,
    DATE,
    SHARE,
    SHARE,
    SHARE,
    null,
    null,
    null,
    '0',
    '0',
    DAYS,
    DAYS,
    DAYS,
    DAYS,
    DAYS,
    SHARE,
    SHARE,
    null,
  ];
  return {
    rows,
    columnFormats,
    boldRows: [0, headerRow, tablesRow, tablesRow + 1],
    cellFormats,
    chart:
      series.length === 0
        ? null
        : { title: words.chart, categoryRow: headerRow, firstColumn: 2, lastColumn: 1 + forecast.weeks.length, series },
  };
}
