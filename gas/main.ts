/// <reference types="google-apps-script" />
// The Apps Script entry: every global Sheets calls. gas-webpack-plugin turns each
// `global.NAME = …` below into a top-level `function NAME()` carrying the JSDoc above it,
// which is what Sheets reads to offer the custom functions.

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
import { languageOfTag } from '../src/primitives/messages';
import { createEmailDrafts, writeLettersDocument } from './letters';
import { agedBalance, cashIn, colourOverdueRows, onInstall, onOpen, openSidebar, paymentDelays, removeColours } from './menu';
import {
  checkAppendRows,
  checkColourRules,
  checkEmailDrafts,
  checkLettersDocument,
  checkNewSheet,
  checkReadSheet,
  checkSettings,
  checkSheetName,
  entryPoint,
  rememberDocument,
} from './serverArguments';
import { callFromSheets, spreadsheetToday } from './sheetsHost';
import {
  appendRows,
  applyColourRules,
  readActiveTable,
  readSettingsText,
  readSheet,
  removeColourRules,
  sheetNames,
  writeNewSheet,
  writeSettings,
} from './sheetsWorkbook';

declare const global: Record<string, unknown>;

/**
 * Ageing bucket of each due date ("Not due", "1-30", "31-60", "61-90", "91+").
 * @param {Date|Array<Array<Date>>} due_date Due date, or a range of due dates.
 * @param {Date} as_of [optional] Date to age at (default: today). Use a cell holding =TODAY().
 * @param {Array<Array<number>>} boundaries [optional] Last day of each bucket, ascending (default 30, 60, 90).
 * @param {Array<Array<string>>} labels [optional] Your own bucket labels, one per bucket.
 * @param {Date|Array<Array<Date>>} paid_date [optional] Paid date of each invoice: paid on or before as_of gives "Paid" (settled, in no bucket).
 * @return The bucket label of each due date.
 * @customfunction
 */
global.AGEBUCKET = (due_date: unknown, as_of?: unknown, boundaries?: unknown, labels?: unknown, paid_date?: unknown) =>
  callFromSheets([due_date, as_of, boundaries, labels, paid_date], ([d, a, b, l, p], c) => ageBucketFunction(d, a, b, l, c, p));

/**
 * Days overdue: as-of date minus due date (negative: days until due).
 * @param {Date|Array<Array<Date>>} due_date Due date, or a range of due dates.
 * @param {Date} as_of [optional] Date to count to (default: today).
 * @return Whole days overdue.
 * @customfunction
 */
global.DAYSOVERDUE = (due_date: unknown, as_of?: unknown) =>
  callFromSheets([due_date, as_of], ([d, a], c) => daysOverdueFunction(d, a, c));

/**
 * Aged balance per customer (and currency): bucket totals and total, with a Total row.
 * @param {Array<Array<string>>} customers Customer of each open item.
 * @param {Array<Array<Date>>} due_dates Due date of each open item.
 * @param {Array<Array<number>>} amounts Open amount of each item (credit notes negative).
 * @param {Date} as_of [optional] Date to age at (default: today).
 * @param {Array<Array<number>>} boundaries [optional] Last day of each bucket, ascending (default 30, 60, 90).
 * @param {Array<Array<string>>} labels [optional] Your own bucket labels.
 * @param {Array<Array<string>>} currencies [optional] Currency of each item: totals are then per currency.
 * @param {Array<Array<Date>>} paid_dates [optional] Paid date of each item: rows paid on or before as_of are settled and left out.
 * @return The aged balance table.
 * @customfunction
 */
global.AGEDBALANCE = (
  customers: unknown,
  due_dates: unknown,
  amounts: unknown,
  as_of?: unknown,
  boundaries?: unknown,
  labels?: unknown,
  currencies?: unknown,
  paid_dates?: unknown,
) =>
  callFromSheets(
    [customers, due_dates, amounts, as_of, boundaries, labels, currencies, paid_dates],
    ([cu, d, am, a, b, l, cur, p], c) => agedBalanceFunction(cu, d, am, a, b, l, cur, c, p),
  );

/**
 * Due date from the invoice date and the payment terms ("30 jours fin de mois", "net 30", "EOM 45").
 * @param {Date|Array<Array<Date>>} invoice_date Invoice date, or a range of them.
 * @param {string|Array<Array<string>>} terms Payment terms, or a range of them.
 * @return The due date.
 * @customfunction
 */
global.DUEDATE = (invoice_date: unknown, terms: unknown) =>
  callFromSheets([invoice_date, terms], ([i, t], c) => dueDateFunction(i, t, c));

/**
 * Dunning stage reached by each due date (Courtesy reminder … Collection).
 * @param {Date|Array<Array<Date>>} due_date Due date, or a range of due dates.
 * @param {Date} as_of [optional] Date to check at (default: today).
 * @param {Array<Array<string>>} policy [optional] Your own stages: two columns, from day and name.
 * @return The stage name; empty before the first stage.
 * @customfunction
 */
global.DUNNINGSTAGE = (due_date: unknown, as_of?: unknown, policy?: unknown) =>
  callFromSheets([due_date, as_of, policy], ([d, a, p], c) => dunningStageFunction(d, a, p, c));

/**
 * Late-payment interest: amount × annual rate × days overdue / 365, rounded to the cent.
 * @param {number|Array<Array<number>>} amount Amount owed, or a range.
 * @param {Date|Array<Array<Date>>} due_date Due date, or a range.
 * @param {number} annual_rate Annual rate as a fraction (0.1215) or a percentage (12.15%).
 * @param {Date} as_of [optional] Date to count to (default: today).
 * @return The interest.
 * @customfunction
 */
global.LATEINTEREST = (amount: unknown, due_date: unknown, annual_rate: unknown, as_of?: unknown) =>
  callFromSheets([amount, due_date, annual_rate, as_of], ([am, d, r, a], c) => lateInterestFunction(am, d, r, a, c));

/**
 * Fixed recovery fee per late invoice: FR, DE, EU 40 EUR; UK 40, 70 or 100 GBP by amount.
 * @param {number|Array<Array<number>>} amount Invoice amount, or a range.
 * @param {string} jurisdiction [optional] FR (default), EU, DE or UK.
 * @return The fee.
 * @customfunction
 */
global.RECOVERYFEE = (amount: unknown, jurisdiction?: unknown) =>
  callFromSheets([amount, jurisdiction], ([am, j], c) => recoveryFeeFunction(am, j, c));

/**
 * Statutory late-payment rate (a fraction) for the half-year of a date.
 * @param {string} jurisdiction FR, EU, DE or UK.
 * @param {Date} date [optional] Date whose half-year applies (default: today).
 * @return The annual rate, e.g. 0.1215.
 * @customfunction
 */
global.STATUTORYRATE = (jurisdiction: unknown, date?: unknown) =>
  callFromSheets([jurisdiction, date], ([j, d], c) => statutoryRateFunction(j, d, c));

/**
 * Probability of collecting an invoice this many days overdue (industry rule of thumb).
 * @param {number|Array<Array<number>>} days_overdue Days overdue, or a range.
 * @param {Array<Array<number>>} curve [optional] Your own curve: two columns, days and probability.
 * @return A probability from 0 to 1.
 * @customfunction
 */
global.COLLECTPROB = (days_overdue: unknown, curve?: unknown) =>
  callFromSheets([days_overdue, curve], ([d, k], c) => collectProbFunction(d, k, c));

/**
 * Expected payment date of each open invoice, learnt from the customers' paid invoices.
 * @param {string|Array<Array<string>>} customer Customer of the open invoice, or a range.
 * @param {Date|Array<Array<Date>>} due_date Due date of the open invoice, or a range.
 * @param {Array<Array<string>>} history Paid invoices: 3 or 4 columns (customer, due date, paid date, [disputed yes/no]).
 * @param {Date} as_of [optional] Date the invoices were still unpaid (default: today).
 * @param {number} percentile [optional] 0.5 for the expected date (default); 0.2 and 0.8 give the range.
 * @param {Array<Array<string>>} disputed [optional] Whether each open invoice is disputed (yes/no), or a range.
 * @return The expected payment date.
 * @customfunction
 */
global.EXPECTEDPAYDATE = (
  customer: unknown,
  due_date: unknown,
  history: unknown,
  as_of?: unknown,
  percentile?: unknown,
  disputed?: unknown,
) =>
  callFromSheets([customer, due_date, history, as_of, percentile, disputed], ([cu, d, h, a, p, di], c) =>
    expectedPayDateFunction(cu, d, h, a, p, di, c),
  );

// ---- the menu, the sidebar's server side --------------------------------------------------

/**
 * @OnlyCurrentDoc
 */
global.onOpen = onOpen;
global.onInstall = onInstall;
global.AgeBucket_openSidebar = () => openSidebar('ageing');
global.AgeBucket_openDunningPlan = () => openSidebar('dunning');
global.AgeBucket_openLetters = () => openSidebar('dunning');
global.AgeBucket_colourOverdueRows = colourOverdueRows;
global.AgeBucket_removeColours = removeColours;
global.AgeBucket_agedBalanceSheet = agedBalance;
global.AgeBucket_paymentDelaysSheet = paymentDelays;
global.AgeBucket_cashInSheet = cashIn;
global.AgeBucket_today = spreadsheetToday;
global.AgeBucket_language = () => languageOfTag(SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale());
// The sidebar's server functions: each checks its arguments before it touches anything
// (google.script.run lets any caller pass any value).
global.AgeBucket_readActiveTable = readActiveTable;
global.AgeBucket_sheetNames = sheetNames;
global.AgeBucket_writeNewSheet = entryPoint(checkNewSheet, writeNewSheet);
global.AgeBucket_applyColourRules = entryPoint(checkColourRules, applyColourRules);
global.AgeBucket_removeColourRules = entryPoint((name) => [checkSheetName(name)] as const, removeColourRules);
global.AgeBucket_readSheet = entryPoint((name) => [checkReadSheet(name)] as const, readSheet);
global.AgeBucket_appendRows = entryPoint(checkAppendRows, appendRows);
global.AgeBucket_readSettings = readSettingsText;
global.AgeBucket_writeSettings = entryPoint((settings) => [checkSettings(settings)] as const, writeSettings);
global.AgeBucket_writeLettersDocument = entryPoint(checkLettersDocument, (letters, title, documentId) => {
  const result = writeLettersDocument(letters, title, documentId);
  // The Doc just created is ours: the next batch of the same run may write to it.
  if (documentId === null && result.documentId !== '') rememberDocument(result.documentId);
  return result;
});
global.AgeBucket_createEmailDrafts = entryPoint((drafts) => [checkEmailDrafts(drafts)] as const, createEmailDrafts);
