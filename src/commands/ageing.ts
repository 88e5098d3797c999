// The ageing commands the pane and the Sheets menu both run: read the ledger with the user's
// settings, age it, and build the colour rules and the aged balance sheet. No host in here.

import { AgedBalanceBuilder, type AgedBalanceReport } from '../ageing/agedBalance';
import { agedBalanceSheet, type SheetLayout } from '../ageing/agedBalanceSheet';
import { makeBuckets, parseBoundaries } from '../ageing/ageing';
import { curveLabel, DEFAULT_COLLECTION_CURVE } from '../ageing/collection';
import { ageingColourRules, type ColourRule, type OwedColumns } from '../ageing/colourRules';
import {
  amountSourceOf,
  type ColumnMapping,
  dateOrderOfLocale,
  detectColumns,
  headerSignature,
  type Ledger,
  type LedgerItem,
  type LedgerTable,
  locateLedger,
  missingColumnsError,
  readLedger,
} from '../ledger/ledger';
import { setCredits } from '../ledger/owed';
import { type DayNumber, formatIsoDate, parseTextDate } from '../primitives/dates';
import { inBothLanguages, numberText } from '../primitives/localeText';
import { AgeBucketError, formatMessage, type Language } from '../primitives/messages';
import { type MinorUnits, minorFromText, parseCurrencyCode } from '../primitives/money';
import type { PaneSettings } from './settings';

export function asOfDayOf(settings: PaneSettings, today: DayNumber): DayNumber {
  return settings.followToday ? today : parseTextDate(settings.asOf);
}

/**
 * The saved mapping when the ledger has the very headers it was made for; otherwise the columns
 * found afresh (a mapping made for one export means nothing for another's columns).
 */
export function mappingFor(table: LedgerTable, settings: PaneSettings): ColumnMapping {
  const headers = table.values[0] ?? [];
  const saved = settings.mapping;
  const madeFor = settings.mappingHeaders;
  const same =
    madeFor !== null &&
    madeFor.length === headers.length &&
    headerSignature(headers).every((header, index) => header === madeFor[index]);
  return saved && same ? { ...saved } : detectColumns(headers);
}

/** Keeps the user's mapping with the headers it was made for. */
export function rememberMapping(settings: PaneSettings, table: LedgerTable | null, mapping: ColumnMapping): void {
  settings.mapping = { ...mapping };
  settings.mappingHeaders = table ? headerSignature(table.values[0] ?? []) : null;
}

/**
 * The ledger in the sheet the host read: from the header row (the user's pick, else the one
 * found under titles and blank lines), with its columns. `fresh` ("Find the ledger") forgets
 * the saved header row and mapping and detects both again.
 */
export function findLedger(
  raw: LedgerTable,
  settings: PaneSettings,
  fresh: boolean,
): { table: LedgerTable; mapping: ColumnMapping } {
  const table = locateLedger(raw, fresh ? null : settings.headerRow);
  return { table, mapping: fresh ? detectColumns(table.values[0] ?? []) : mappingFor(table, settings) };
}

/** Reads and ages the ledger; rows with no date on the chosen basis are reported, not dropped. */
export function ageLedger(
  table: LedgerTable,
  mapping: ColumnMapping,
  settings: PaneSettings,
  asOf: DayNumber,
): { ledger: Ledger; report: AgedBalanceReport } {
  const ledger = readLedger(table.values, mapping, {
    serialSystem: settings.date1904 && table.serialSystem === 'excel1900' ? 'excel1904' : table.serialSystem,
    defaultCurrency: settings.defaultCurrency || 'EUR',
    monthFirstColumns: settings.monthFirst,
    dayFirstColumns: settings.dayFirst,
    localeDateOrder: dateOrderOfLocale(table.locale),
    partialMatch: settings.partialMatch,
    asOf,
    rowsAbove: table.rowsAbove ?? 0,
  });
  const buckets = makeBuckets(parseBoundaries(settings.boundaries), undefined, settings.language);
  const builder = new AgedBalanceBuilder({ asOf, buckets, curve: DEFAULT_COLLECTION_CURVE });
  let itemCount = 0;
  const skipped = [...ledger.skipped];
  const owed = owedByItem(ledger.items);
  for (const item of ledger.items) {
    const ageDay = settings.basis === 'invoiceDate' ? item.invoiceDay : item.dueDay;
    if (ageDay === null) {
      skipped.push({ row: item.row, error: new AgeBucketError('dateMissing') });
      continue;
    }
    builder.add(item.customer, item.currency, ageDay, item.amount, owed.get(item) ?? item.amount);
    itemCount++;
  }
  return { ledger, report: { balance: builder.result(), blankRows: ledger.blankRows, skipped, itemCount } };
}

/**
 * What each invoice still owes once its account's (customer and currency) credit notes and
 * unapplied payments are set against it (a lettered payment against its own invoices, the
 * others against the oldest): the rule the dunning plan and the cash-in forecast apply, so the
 * expected collection is worked out on the same amounts.
 */
function owedByItem(items: readonly LedgerItem[]): Map<LedgerItem, MinorUnits> {
  const accounts = new Map<string, { invoices: LedgerItem[]; credits: LedgerItem[] }>();
  for (const item of items) {
    if (item.amount === 0) continue;
    const key = `${item.customer}\u0000${item.currency}`;
    let account = accounts.get(key);
    if (account === undefined) {
      account = { invoices: [], credits: [] };
      accounts.set(key, account);
    }
    if (item.amount < 0) account.credits.push(item);
    else account.invoices.push(item);
  }
  const owed = new Map<LedgerItem, MinorUnits>();
  for (const { invoices, credits } of accounts.values()) {
    if (credits.length === 0) continue;
    const settled = setCredits(invoices, credits).owed;
    invoices.forEach((invoice, index) => {
      owed.set(invoice, settled[index] as MinorUnits);
    });
  }
  return owed;
}

/** Where the colour rules find a row's open amount, as the ledger reader takes it (amountSourceOf). */
function owedColumnsOf(mapping: ColumnMapping, firstColumn: number): OwedColumns | null {
  const at = (column: number | undefined) => (column === undefined ? null : firstColumn + column);
  switch (amountSourceOf(mapping)) {
    case 'openAmount':
      return { plus: at(mapping.openAmount), minus: null };
    case 'debitCredit':
      return { plus: at(mapping.debit), minus: at(mapping.credit) };
    case 'amount':
      return { plus: at(mapping.amount), minus: null };
    default:
      // An amount signed by a D/C column: the sign is in words the formula does not read.
      return null;
  }
}

/**
 * The data rows whose due date the sheet holds as text ("15/03/2026" left as typed, a CSV opened
 * in another locale), as 1-based sheet rows, and how many hold a real date. A colour rule
 * compares the due-date cell with a date: a text cell never matches, in Excel, Sheets or Preview.
 */
export function dueDatesAsText(table: LedgerTable, mapping: ColumnMapping): { textRows: number[]; dated: number } {
  const column = mapping.dueDate;
  const textRows: number[] = [];
  let dated = 0;
  if (column === undefined) return { textRows, dated };
  for (let index = 1; index < table.values.length; index++) {
    const cell = table.values[index]?.[column];
    // Every host hands a date cell over as a serial (Excel, Preview) or a calendar date (Sheets):
    // text shaped like a date ("2026-03-15" typed as text) is text, whichever host holds it.
    if (typeof cell === 'string') {
      if (cell.trim() !== '') textRows.push(table.headerRow + index + 1);
    } else if (typeof cell === 'number' || (typeof cell === 'object' && cell !== null && 'year' in cell)) {
      dated++;
    }
  }
  return { textRows, dated };
}

/** "rows 4, 7, 9 and 2 more", in the user's language. */
function rowList(rows: readonly number[], language: Language): string {
  const shown = rows.slice(0, 5).map((row) => numberText(row, language, 0));
  const more = rows.length - shown.length;
  if (more === 0) return shown.join(', ');
  return language === 'fr'
    ? `${shown.join(', ')} et ${numberText(more, language, 0)} autre${more > 1 ? 's' : ''}`
    : `${shown.join(', ')} and ${numberText(more, language, 0)} more`;
}

/**
 * Colour rules for the ledger, checked first: when no due date is a date, nothing could ever be
 * coloured, so nothing is applied and the error says how to get dates (import the file). When
 * some are text, the rules are applied and `warning` counts and names the rows left uncoloured.
 */
export function checkedColourRules(
  table: LedgerTable,
  mapping: ColumnMapping,
  settings: PaneSettings,
  asOf: DayNumber,
  disputedLabel: string,
): { rules: ColourRule[]; warning: string | null } {
  const rules = colourRulesFor(table, mapping, settings, asOf, disputedLabel);
  const { textRows, dated } = dueDatesAsText(table, mapping);
  if (textRows.length === 0) return { rules, warning: null };
  const params = (language: Language) => ({
    count: numberText(textRows.length, language, 0),
    rows: rowList(textRows, language),
    sheet: table.sheetName,
  });
  if (dated === 0) {
    throw new AgeBucketError('colourDueDatesAllText', {
      count: inBothLanguages((language) => numberText(textRows.length, language, 0)),
      sheet: table.sheetName,
    });
  }
  const language = settings.language;
  return { rules, warning: formatMessage('colourDueDatesSomeText', params(language), language) };
}

/** Colour rules over the ledger's rows: following TODAY(), or the fixed as-of date. */
export function colourRulesFor(
  table: LedgerTable,
  mapping: ColumnMapping,
  settings: PaneSettings,
  asOf: DayNumber,
  disputedLabel: string,
): ColourRule[] {
  const dueColumn = mapping.dueDate;
  if (dueColumn === undefined) throw missingColumnsError(['dueDate']);
  const width = table.values[0]?.length ?? 1;
  const disputed = mapping.disputed;
  return ageingColourRules(
    {
      headerRow: table.headerRow,
      lastRow: table.headerRow + table.values.length - 1,
      firstColumn: table.firstColumn,
      lastColumn: table.firstColumn + width - 1,
      dueDateColumn: table.firstColumn + dueColumn,
      disputedColumn: disputed === undefined ? null : table.firstColumn + disputed,
      paidDateColumn: mapping.paidDate === undefined ? null : table.firstColumn + mapping.paidDate,
      owedColumns: owedColumnsOf(mapping, table.firstColumn),
    },
    makeBuckets(parseBoundaries(settings.boundaries), undefined, settings.language),
    settings.followToday ? null : asOf,
    disputedLabel,
  );
}

/** Sales of the period per currency, for DSO: "EUR 1200000; USD 50000". */
export function salesByCurrency(settings: PaneSettings): { byCurrency: Record<string, number>; periodDays: number } | null {
  const text = settings.sales.trim();
  const periodDays = Number(settings.periodDays);
  if (text === '' || !(periodDays > 0)) return null;
  // Keyed by the user's text: a record with no prototype, so no currency is already "in" it.
  const byCurrency: Record<string, number> = Object.create(null);
  for (const part of text.split(/[;\n]+/)) {
    const match = /^\s*([A-Za-z]{3}(?![A-Za-z])|[€$£])\s*(.+)$/.exec(part);
    if (!match) continue;
    const currency = parseCurrencyCode(match[1] as string);
    byCurrency[currency] = minorFromText(match[2] as string, currency);
  }
  return { byCurrency, periodDays };
}

/** The aged balance sheet and the name to give it (a new one is found if it is taken). */
export function agedBalanceSheetFor(
  report: AgedBalanceReport,
  settings: PaneSettings,
  asOf: DayNumber,
): { name: string; layout: SheetLayout } {
  const sales = salesByCurrency(settings);
  const layout = agedBalanceSheet(report, {
    asOf,
    language: settings.language,
    basis: settings.basis,
    curveLabel: curveLabel(DEFAULT_COLLECTION_CURVE, settings.language),
    ...(sales ? { sales } : {}),
  });
  return { name: `${settings.language === 'fr' ? 'Balance âgée' : 'Aged balance'} ${formatIsoDate(asOf)}`, layout };
}
