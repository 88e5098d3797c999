/// <reference types="google-apps-script" />
// The AgeBucket menu in Sheets and the commands behind it. onOpen runs before the user has
// authorised anything, so it touches nothing but the menu; every command reads the user's
// settings from the document and runs the same core commands as the pane.

import { agedBalanceSheetFor, ageLedger, asOfDayOf, checkedColourRules, findLedger } from '../src/commands/ageing';
import { cashInForecastFor, cashInGlanceText } from '../src/commands/forecast';
import { PAYMENT_DELAYS_COMMAND, paymentDelaysFor, paymentDelaysWritten } from '../src/commands/paymentDelays';
import { defaultSettings, type PaneSettings, settingsFromRecord } from '../src/commands/settings';
import { LOG_SHEETS } from '../src/dunning/log';
import { paneText } from '../src/pane/messages';
import { AgeBucketError, type Language, languageOfTag } from '../src/primitives/messages';
import { spreadsheetToday } from './sheetsHost';
import { applyColourRules, readActiveTable, readSettings, readSheet, removeColourRules, writeNewSheet } from './sheetsWorkbook';

const MENU: Record<
  Language,
  { open: string; colour: string; remove: string; balance: string; cashIn: string; delays: string; plan: string; letters: string }
> = {
  en: {
    open: 'Open AgeBucket',
    colour: 'Colour overdue rows',
    remove: 'Remove colours',
    balance: 'Aged balance sheet',
    cashIn: 'Expected cash-in sheet',
    delays: PAYMENT_DELAYS_COMMAND.en,
    plan: 'Dunning plan',
    letters: 'Letters',
  },
  fr: {
    open: 'Ouvrir AgeBucket',
    colour: 'Colorer les retards',
    remove: 'Retirer les couleurs',
    balance: 'Feuille de balance âgée',
    cashIn: 'Feuille des encaissements attendus',
    delays: PAYMENT_DELAYS_COMMAND.fr,
    plan: 'Plan de relance',
    letters: 'Lettres',
  },
};

/** The spreadsheet's language; before authorisation it cannot be read, and English is used. */
function language(): Language {
  try {
    return languageOfTag(SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale());
  } catch {
    return 'en';
  }
}

export function onOpen(): void {
  const words = MENU[language()];
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem(words.open, 'AgeBucket_openSidebar')
    .addSeparator()
    .addItem(words.colour, 'AgeBucket_colourOverdueRows')
    .addItem(words.remove, 'AgeBucket_removeColours')
    .addItem(words.balance, 'AgeBucket_agedBalanceSheet')
    .addItem(words.cashIn, 'AgeBucket_cashInSheet')
    .addItem(words.delays, 'AgeBucket_paymentDelaysSheet')
    .addSeparator()
    .addItem(words.plan, 'AgeBucket_openDunningPlan')
    .addItem(words.letters, 'AgeBucket_openLetters')
    .addToUi();
}

export function onInstall(): void {
  onOpen();
}

export function openSidebar(tab: 'ageing' | 'dunning' = 'ageing'): void {
  // The built page may drop the quotes around the attribute: match either form.
  const page = HtmlService.createHtmlOutputFromFile('Sidebar')
    .getContent()
    .replace(/data-initial-tab="?ageing"?/, `data-initial-tab="${tab}"`);
  SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput(page).setTitle('AgeBucket'));
}

function settings(): PaneSettings {
  return settingsFromRecord(readSettings(), defaultSettings(language(), spreadsheetToday()));
}

/** Runs a menu command and tells the user the outcome in a toast, in their language. */
function command(body: (settings: PaneSettings) => string): void {
  const current = settings();
  let message: string;
  try {
    message = body(current);
  } catch (error) {
    message =
      error instanceof AgeBucketError
        ? error.localized(current.language)
        : error instanceof Error
          ? error.message
          : String(error);
  }
  SpreadsheetApp.getActiveSpreadsheet().toast(message, 'AgeBucket', 8);
}

export function colourOverdueRows(): void {
  command((current) => {
    const { table, mapping } = findLedger(readActiveTable(), current, false);
    const strings = paneText(current.language).t;
    const at = asOfDayOf(current, spreadsheetToday());
    const { rules, warning } = checkedColourRules(table, mapping, current, at, strings.disputed);
    applyColourRules(table.sheetName, rules);
    const done = strings.coloured(rules.length, table.sheetName);
    return warning ? `${done} · ${warning}` : done;
  });
}

export function removeColours(): void {
  command((current) => paneText(current.language).t.removed(removeColourRules(SpreadsheetApp.getActiveSheet().getName())));
}

export function agedBalance(): void {
  command((current) => {
    const { table, mapping } = findLedger(readActiveTable(), current, false);
    const asOf = asOfDayOf(current, spreadsheetToday());
    const { report } = ageLedger(table, mapping, current, asOf);
    const { name, layout } = agedBalanceSheetFor(report, current, asOf);
    return paneText(current.language).t.written(writeNewSheet(name, layout));
  });
}

/** The D441-6 table from the active sheet (customers) and the supplier sheet saved in the pane. */
export function paymentDelays(): void {
  command((current) => {
    const supplierSheet = current.delaysSupplierSheet.trim();
    const result = paymentDelaysFor(
      {
        customers: findLedger(readActiveTable(), current, false),
        suppliers: supplierSheet === '' ? null : { sheetName: supplierSheet, values: readSheet(supplierSheet) },
        log: readSheet(LOG_SHEETS.fr) ?? readSheet(LOG_SHEETS.en),
      },
      current,
    );
    // The detail first, so that the table is the sheet left open.
    const list = writeNewSheet(result.list.name, result.list.layout);
    const table = writeNewSheet(result.table.name, result.table.layout);
    return paymentDelaysWritten(current.language, table, list, result.skipped.length, result.warnings);
  });
}

export function cashIn(): void {
  command((current) => {
    const { table, mapping } = findLedger(readActiveTable(), current, false);
    const asOf = asOfDayOf(current, spreadsheetToday());
    const historyName = current.historySheet.trim();
    const history = historyName === '' ? null : readSheet(historyName);
    const result = cashInForecastFor(table, mapping, current, asOf, history);
    const name = writeNewSheet(result.name, result.layout);
    return `${paneText(current.language).t.written(name)}\n${cashInGlanceText(result.glance, current.language)}`;
  });
}
