// The cash-in forecast the pane and the Sheets menu both run: read the ledger with the user's
// settings, learn each payer's habits from the settled lines (and a sheet of paid invoices if
// the user named one), and build the cash-in sheet and the pane's this-week-and-next glance.

import type { SheetLayout } from '../ageing/agedBalanceSheet';
import { type CashInForecast, cashInForecast } from '../forecast/cashInForecast';
import { cashInSheet } from '../forecast/cashInSheet';
import { fecPaymentHistory, type PaidInvoice, paidInvoicesSheet } from '../forecast/fecHistory';
import { learnPayerHabits, type PayerModel } from '../forecast/payerHabits';
import { ledgerAtAsOf, readPaymentHistory } from '../forecast/paymentHistory';
import type { FecSide } from '../ledger/fec';
import type { ImportResult } from '../ledger/import';
import { type ColumnMapping, dateOrderOfLocale, type LedgerTable, readLedger, type SkippedLedgerRow } from '../ledger/ledger';
import type { CellValue } from '../primitives/cells';
import { type DayNumber, formatIsoDate } from '../primitives/dates';
import { fail, formatMessage, type Language } from '../primitives/messages';
import { formatMoney, type MinorUnits } from '../primitives/money';
import type { PaneSettings } from './settings';

/**
 * Why a currency has no expected amounts: there is no payment history at all, or every open
 * invoice in it is already later than any invoice paid so far (its habits say nothing of them).
 */
export type NoForecast = 'noHistory' | 'beyondHistory';

/** This week and next, per currency: what the pane shows at a glance. */
export interface CashInGlance {
  readonly currency: string;
  /** Null when there is a forecast; otherwise `expected` is 0 and only `byDueDates` says anything. */
  readonly noForecast: NoForecast | null;
  readonly thisWeek: { readonly expected: MinorUnits; readonly byDueDates: MinorUnits };
  readonly nextWeek: { readonly expected: MinorUnits; readonly byDueDates: MinorUnits };
}

export interface CashInResult {
  readonly name: string;
  readonly layout: SheetLayout;
  readonly forecast: CashInForecast;
  /** Null when the ledger (and the sheet of paid invoices) holds no paid invoice: no forecast, due dates only. */
  readonly model: PayerModel | null;
  readonly glance: readonly CashInGlance[];
  /** Rows of the ledger (and of the history sheet) that could not be read, with their reason. */
  readonly skipped: readonly SkippedLedgerRow[];
  readonly historySkipped: readonly SkippedLedgerRow[];
}

/**
 * The forecast as of `asOf`. `historySheet` holds the values of the sheet of paid invoices
 * named in the settings, null when there is no such sheet; it is read only when one is named.
 */
export function cashInForecastFor(
  table: LedgerTable,
  mapping: ColumnMapping,
  settings: PaneSettings,
  asOf: DayNumber,
  historySheet: CellValue[][] | null = null,
): CashInResult {
  const serialSystem = settings.date1904 && table.serialSystem === 'excel1900' ? 'excel1904' : table.serialSystem;
  const ledger = readLedger(table.values, mapping, {
    serialSystem,
    defaultCurrency: settings.defaultCurrency || 'EUR',
    monthFirstColumns: settings.monthFirst,
    dayFirstColumns: settings.dayFirst,
    localeDateOrder: dateOrderOfLocale(table.locale),
    partialMatch: settings.partialMatch,
    asOf,
    rowsAbove: table.rowsAbove ?? 0,
  });
  // The lines paid by the as-of date were set aside from the open items: they are the history.
  const lines = [...ledger.items, ...ledger.paid].sort((a, b) => a.row - b.row);
  const { settled, open } = ledgerAtAsOf(lines, asOf);
  let historySkipped: SkippedLedgerRow[] = [];
  if (settings.historySheet.trim() !== '') {
    if (historySheet === null) fail('paymentHistorySheetMissing', { name: settings.historySheet.trim() });
    const read = readPaymentHistory(historySheet, asOf, {
      serialSystem,
      monthFirstColumns: settings.monthFirst,
      dayFirstColumns: settings.dayFirst,
      localeDateOrder: dateOrderOfLocale(table.locale),
    });
    for (const invoice of read.settled) settled.push(invoice);
    historySkipped = read.skipped;
  }
  // A ledger without paid lines is the usual case, not an error: the result says what the
  // forecast needs and shows what the due dates say.
  const model = settled.length === 0 ? null : learnPayerHabits(settled);
  const forecast = cashInForecast(model, open, asOf);
  const glance = forecast.currencies.map((currency) => ({
    currency: currency.currency,
    noForecast:
      model === null
        ? ('noHistory' as const)
        : currency.openTotal > 0 && currency.notForecast === currency.openTotal
          ? ('beyondHistory' as const)
          : null,
    thisWeek: { expected: currency.expected[0] ?? 0, byDueDates: currency.byDueDates[0] ?? 0 },
    nextWeek: { expected: currency.expected[1] ?? 0, byDueDates: currency.byDueDates[1] ?? 0 },
  }));
  return {
    name: `${settings.language === 'fr' ? 'Encaissements' : 'Cash-in'} ${formatIsoDate(asOf)}`,
    layout: cashInSheet(forecast, model, settings.language),
    forecast,
    model,
    glance,
    skipped: ledger.skipped,
    historySkipped,
  };
}

/**
 * "EUR: this week €12,000.00 expected (€20,000.00 by due dates); next week …", one line per
 * currency. Without a forecast, the line says so and why, and what the due dates say; with no
 * payment history at all, a last line says what the forecast needs.
 */
export function cashInGlanceText(glance: readonly CashInGlance[], language: Language): string {
  const fr = language === 'fr';
  const lines = glance.map((line) => {
    const money = (minor: MinorUnits) => formatMoney(minor, line.currency, language);
    if (line.noForecast !== null) {
      const reason =
        line.noForecast === 'noHistory'
          ? fr
            ? 'aucun historique de paiement'
            : 'no payment history'
          : fr
            ? 'ses factures ouvertes sont toutes plus en retard que toute facture réglée'
            : 'its open invoices are all later than any paid invoice';
      return fr
        ? `${line.currency} : pas de prévision (${reason}) ; selon les échéances, cette semaine ${money(line.thisWeek.byDueDates)}, la semaine prochaine ${money(line.nextWeek.byDueDates)}`
        : `${line.currency}: no forecast (${reason}); by due dates, this week ${money(line.thisWeek.byDueDates)}, next week ${money(line.nextWeek.byDueDates)}`;
    }
    const week = (amounts: CashInGlance['thisWeek']) =>
      fr
        ? `${money(amounts.expected)} attendus (${money(amounts.byDueDates)} selon les échéances)`
        : `${money(amounts.expected)} expected (${money(amounts.byDueDates)} by due dates)`;
    return fr
      ? `${line.currency} : cette semaine ${week(line.thisWeek)} ; la semaine prochaine ${week(line.nextWeek)}`
      : `${line.currency}: this week ${week(line.thisWeek)}; next week ${week(line.nextWeek)}`;
  });
  if (glance.some((line) => line.noForecast === 'noHistory')) lines.push(formatMessage('paymentHistoryNone', {}, language));
  return lines.join('\n');
}

/**
 * After an import: its paid invoices as a sheet of paid invoices, to write beside the open
 * items and name as the forecast's history sheet. From a FEC's customer side, its matched
 * invoices (paid on the payment line's date); from any other file, its lines paid by the
 * as-of date (a paid-date column), which the open items' sheet no longer holds. Null for a
 * FEC's supplier side, or when nothing was paid.
 */
export function paidInvoicesFromImport(
  result: ImportResult,
  side: FecSide,
  language: Language,
  asOf: DayNumber,
): { sheetName: string; layout: SheetLayout; count: number } | null {
  const { fec, terms, ledger } = result.report;
  let history: PaidInvoice[];
  if (fec !== null) {
    if (terms === null || side !== 'customer') return null;
    history = fecPaymentHistory(fec, terms);
  } else {
    history = (ledger?.paid ?? []).map((item) => ({
      customer: item.customer,
      invoiceNumber: item.invoiceNumber,
      invoiceDay: item.invoiceDay,
      dueDay: item.dueDay,
      paidDay: item.paidDay as DayNumber,
      disputed: item.disputed,
      amount: item.invoiceAmount ?? item.amount,
      currency: item.currency,
    }));
  }
  if (history.length === 0) return null;
  return {
    sheetName: `${language === 'fr' ? 'Règlements' : 'Paid invoices'} ${formatIsoDate(asOf)}`,
    layout: paidInvoicesSheet(history, language),
    count: history.length,
  };
}
