// The payment-delays table command (Code de commerce D441-6) the pane and the Sheets menu both
// run: read the customer ledger (the active table) and the supplier ledger (a sheet the user
// picks), take the open disputes from the dunning log, count, and lay out the two sheets.

import type { SheetLayout } from '../ageing/agedBalanceSheet';
import { type LogEntry, readDunningLog } from '../dunning/log';
import { accountMemory, belongsTo } from '../dunning/memory';
import { DEFAULT_POLICY, type DunningPolicy } from '../dunning/policy';
import { type FecReading, fecClosingDayOfName } from '../ledger/fec';
import { isFecImportHeader } from '../ledger/fecSheet';
import {
  type ColumnMapping,
  type ColumnRole,
  dateOrderOfLocale,
  detectColumns,
  type Ledger,
  type LedgerItem,
  type LedgerTable,
  locateLedger,
  missingRoles,
  type PartialMatchRule,
  readLedger,
} from '../ledger/ledger';
import { dueDateFromTerms, type PaymentTerms, parsePaymentTerms } from '../ledger/terms';
import { type CellValue, readText } from '../primitives/cells';
import {
  calendarFromDay,
  type DayNumber,
  dayFromCalendar,
  daysInMonth,
  formatIsoDate,
  formatShortDate,
  parseTextDate,
  type SerialSystem,
} from '../primitives/dates';
import { AgeBucketError, fail } from '../primitives/messages';
import { amountFromMinor, type MinorUnits, minorFromText } from '../primitives/money';
import { fecDelayItems } from '../reports/fecDelays';
import {
  type DelayItem,
  type DelaySide,
  type PaymentDelaysOptions,
  paidDuringYear,
  type ReferenceTerms,
  unpaidAtClosing,
} from '../reports/paymentDelays';
import {
  type DelaysSection,
  type FigureSource,
  paymentDelaysListSheet,
  paymentDelaysSheet,
  paymentDelaysSheetNames,
  type TaxBasis,
} from '../reports/paymentDelaysSheet';
import type { DelaysFecFigures, PaneSettings } from './settings';

/** The choices of the table, read from the settings with their defaults. */
export interface PaymentDelaysChoices {
  readonly closingDay: DayNumber;
  readonly yearStartDay: DayNumber;
  readonly section: DelaysSection;
  readonly terms: ReferenceTerms;
  readonly amountBasis: TaxBasis;
  readonly baseBasis: TaxBasis;
  readonly turnover: MinorUnits | null;
  readonly purchases: MinorUnits | null;
  /** The FEC the turnover and purchases were taken from, when the user typed neither. */
  readonly turnoverFrom: DelaysFecFigures | null;
  readonly purchasesFrom: DelaysFecFigures | null;
  readonly currency: string;
}

const TERMS: readonly ReferenceTerms[] = ['contractual', 'legal60', 'legal45EndOfMonth'];

/** Reads the settings; a date or an amount the user typed wrong is an error that names the field. */
export function paymentDelaysChoices(settings: PaneSettings): PaymentDelaysChoices {
  const currency = settings.defaultCurrency || 'EUR';
  let closingDay: DayNumber;
  try {
    closingDay = parseTextDate(settings.delaysClosingDate.trim());
  } catch (error) {
    throw wrapped('delaysClosingDate', error);
  }
  // A year of twelve months by default: the day after the same date a year before.
  const closing = calendarFromDay(closingDay);
  let yearStartDay =
    dayFromCalendar(closing.year - 1, closing.month, Math.min(closing.day, daysInMonth(closing.year - 1, closing.month))) + 1;
  if (settings.delaysYearStart.trim() !== '') {
    try {
      yearStartDay = parseTextDate(settings.delaysYearStart.trim());
    } catch (error) {
      throw wrapped('delaysYearStart', error);
    }
    if (yearStartDay > closingDay) fail('delaysYearStart', { message: settings.delaysYearStart });
  }
  const amount = (text: string, field: string, champ: string): MinorUnits | null => {
    if (text.trim() === '') return null;
    try {
      return minorFromText(text, currency);
    } catch (error) {
      if (!(error instanceof AgeBucketError)) throw error;
      throw new AgeBucketError('delaysAmountInput', { field, champ }, undefined, error);
    }
  };
  const baseBasis: TaxBasis = settings.delaysBaseBasis === 'TTC' ? 'TTC' : 'HT';
  // A figure typed by the user wins; else the last imported FEC's, checked against the table.
  const fec = settings.delaysFromFec;
  const fromFec = (typed: string) => (typed.trim() === '' && fec !== null ? fec : null);
  const turnoverFrom = fromFec(settings.delaysTurnover);
  const purchasesFrom = fromFec(settings.delaysPurchases);
  if (fec !== null && (turnoverFrom !== null || purchasesFrom !== null))
    checkFecFigures(fec, { closingDay, yearStartDay, baseBasis, currency });
  return {
    closingDay,
    yearStartDay,
    section: settings.delaysSection === 'II' ? 'II' : 'I',
    terms: TERMS.find((terms) => terms === settings.delaysTerms) ?? 'contractual',
    amountBasis: settings.delaysAmountBasis === 'HT' ? 'HT' : 'TTC',
    baseBasis,
    turnover: amount(
      turnoverFrom?.turnover ?? settings.delaysTurnover,
      "the year's turnover",
      "chiffre d'affaires de l'exercice",
    ),
    purchases: amount(purchasesFrom?.purchases ?? settings.delaysPurchases, "the year's purchases", "achats de l'exercice"),
    turnoverFrom,
    purchasesFrom,
    currency,
  };
}

/**
 * A FEC's figures are used only where they mean what the table says: excluding tax, in the
 * table's currency, and booked within its financial year (a FEC of another year, or one read
 * before the year ended, would give a percentage of the wrong base without a word).
 */
function checkFecFigures(
  fec: DelaysFecFigures,
  table: { closingDay: DayNumber; yearStartDay: DayNumber; baseBasis: TaxBasis; currency: string },
): void {
  if (table.baseBasis === 'TTC') fail('delaysFecNotTtc', { file: fec.file });
  if (fec.currency !== table.currency) fail('delaysFecCurrency', { file: fec.file, fec: fec.currency, table: table.currency });
  const { firstDay, lastDay } = figureSource(fec);
  // Read before the year ended, a FEC's figures miss the entries booked since: a part of a year.
  const readAsOf = storedDay(fec, fec.readAsOf);
  if (readAsOf < table.closingDay) {
    fail('delaysFecFiguresBeforeClosing', {
      file: fec.file,
      asOf: formatShortDate(readAsOf),
      closing: formatShortDate(table.closingDay),
    });
  }
  if (firstDay < table.yearStartDay || lastDay > table.closingDay) {
    fail('delaysFecPeriod', {
      file: fec.file,
      from: formatShortDate(firstDay),
      to: formatShortDate(lastDay),
      start: formatShortDate(table.yearStartDay),
      end: formatShortDate(table.closingDay),
    });
  }
}

function wrapped(code: 'delaysClosingDate' | 'delaysYearStart', error: unknown): AgeBucketError {
  if (!(error instanceof AgeBucketError)) throw error;
  return new AgeBucketError(code, {}, undefined, error);
}

export interface LedgerRead {
  readonly items: readonly DelayItem[];
  readonly skipped: ReadonlyArray<{ readonly row: number; readonly error: AgeBucketError }>;
  readonly hasPaidDates: boolean;
  readonly description: string;
  /**
   * The terms a FEC import assumed for the due dates of this ledger's invoices (a FEC has none),
   * each once: empty when the due dates are the ledger's own.
   */
  readonly assumedTerms: readonly string[];
}

export interface DelayReadOptions {
  readonly serialSystem: SerialSystem;
  readonly defaultCurrency: string;
  readonly monthFirst: readonly ColumnRole[];
  readonly dayFirst: readonly ColumnRole[];
  readonly partialMatch: PartialMatchRule;
  readonly terms: ReferenceTerms;
  /** Lines matched (lettrés) after the closing date were still unpaid on it. */
  readonly closingDay: DayNumber;
}

/** A ledger's rows as the table needs them, with the paid date and the invoice a credit note names. */
export function delayItemsOf(
  table: LedgerTable,
  mapping: ColumnMapping,
  options: DelayReadOptions,
  side: 'issued' | 'received' = 'issued',
  disputesOf: (items: readonly LedgerItem[]) => ReadonlyMap<LedgerItem, 'ledger' | 'log'> = ledgerDisputes,
): LedgerRead {
  const values = table.values;
  const rowsAbove = table.rowsAbove ?? 0;
  const ledger: Ledger = readLedger(values, mapping, {
    serialSystem: options.serialSystem,
    defaultCurrency: options.defaultCurrency,
    monthFirstColumns: options.monthFirst,
    dayFirstColumns: options.dayFirst,
    localeDateOrder: dateOrderOfLocale(table.locale),
    partialMatch: options.partialMatch,
    asOf: options.closingDay,
    rowsAbove,
    // Section II counts invoices paid late in the year: paid lines are this table's items too.
    keepPaidLines: true,
  });
  const skipped = [...ledger.skipped];
  const items: DelayItem[] = [];
  const settlesColumn = mapping.settles;
  // A supplier account read as debit − credit (or by its D/C column) holds its invoices as
  // credits: turned round, an invoice received is positive and a supplier's credit note negative.
  const turned = side === 'received' && (ledger.amountSource === 'debitCredit' || ledger.amountSource === 'signedAmount');
  const disputes = disputesOf(ledger.items);
  // A sheet the FEC import wrote: an invoice whose due date is still the one its terms give from
  // its date has an assumed due date, not a contractual one (a due date typed over it is kept).
  // Only under contractual terms is the assumption said (delaysWarnings); a terms cell the reader
  // cannot parse (edited by hand) is not an assumed due date, and its row is still counted.
  const termsColumn = options.terms === 'contractual' && isFecImportHeader(values[0] ?? []) ? mapping.terms : undefined;
  const parsedTerms = new Map<string, PaymentTerms | null>();
  const termsOf = (text: string): PaymentTerms | null => {
    if (!parsedTerms.has(text)) {
      try {
        parsedTerms.set(text, parsePaymentTerms(text));
      } catch (error) {
        if (!(error instanceof AgeBucketError)) throw error;
        parsedTerms.set(text, null);
      }
    }
    return parsedTerms.get(text) ?? null;
  };
  const assumedTerms = new Set<string>();
  for (const item of ledger.items) {
    const cells = values[item.row - rowsAbove - 1] ?? [];
    try {
      if (options.terms !== 'contractual' && item.invoiceDay === null && item.amount > 0) fail('delaysNeedsInvoiceDate');
      const settles = settlesColumn === undefined ? null : readText(cells[settlesColumn]);
      // A line the reader kept open at the closing date with a matching code (partly matched, or
      // matched after that date) is netted with the other lines of its code.
      const matchCode = mapping.matchingCode === undefined ? null : readText(cells[mapping.matchingCode]);
      if (termsColumn !== undefined && item.invoiceDay !== null && !item.openingBalance) {
        const terms = readText(cells[termsColumn]);
        const parsed = terms === null ? null : termsOf(terms);
        if (terms !== null && parsed !== null && item.dueDay === dueDateFromTerms(item.invoiceDay, parsed))
          assumedTerms.add(terms);
      }
      items.push({
        ...delayItem(turned ? turnedRound(item) : item, item.paidDay ?? null, settles, disputes.get(item) ?? null),
        matchCode,
      });
    } catch (error) {
      if (!(error instanceof AgeBucketError)) throw error;
      skipped.push({ row: item.row, error });
    }
  }
  skipped.sort((a, b) => a.row - b.row);
  return {
    items,
    skipped,
    hasPaidDates: mapping.paidDate !== undefined,
    description: table.description,
    assumedTerms: [...assumedTerms],
  };
}

function turnedRound(item: LedgerItem): LedgerItem {
  const invoiceAmount = item.invoiceAmount === item.amount ? -item.amount : item.invoiceAmount;
  return { ...item, amount: -item.amount, invoiceAmount };
}

function delayItem(
  item: LedgerItem,
  paidDay: DayNumber | null,
  settles: string | null,
  dispute: 'ledger' | 'log' | null,
): DelayItem {
  return {
    row: item.row,
    party: item.customer,
    invoiceNumber: item.invoiceNumber,
    invoiceDay: item.invoiceDay,
    dueDay: item.dueDay,
    openAmount: item.amount,
    invoiceAmount: item.invoiceAmount,
    currency: item.currency,
    dispute,
    paidDay,
    settles,
    opening: item.openingBalance === true,
  };
}

function hasSupplierLines(fec: FecReading): boolean {
  return fec.payables.length > 0 || fec.settled.some((line) => line.side === 'supplier');
}

/** The ledger's own disputed column: all a supplier ledger has (the dunning log is about customers). */
export function ledgerDisputes(items: readonly LedgerItem[]): Map<LedgerItem, 'ledger' | 'log'> {
  const disputes = new Map<LedgerItem, 'ledger' | 'log'>();
  for (const item of items) if (item.disputed) disputes.set(item, 'ledger');
  return disputes;
}

/**
 * The customer invoices disputed on the closing date: each account's dunning memory read with
 * the log rows written by then, as the dunning plan reads it (a dispute logged and not marked
 * resolved; the ledger's disputed column unless the log resolved it). Invoices no longer open
 * (section II's paid ones) keep the ledger's column.
 */
export function disputesAtClosing(
  items: readonly LedgerItem[],
  log: readonly LogEntry[],
  closingDay: DayNumber,
  policy: DunningPolicy,
): Map<LedgerItem, 'ledger' | 'log'> {
  const disputes = ledgerDisputes(items.filter((item) => item.amount <= 0));
  const accounts = new Map<string, LedgerItem[]>();
  for (const item of items) {
    const key = `${item.customer}\u0000${item.currency}`;
    const list = accounts.get(key);
    if (list) list.push(item);
    else accounts.set(key, [item]);
  }
  const byCustomer = new Map<string, LogEntry[]>();
  for (const entry of log) {
    if (entry.day > closingDay) continue;
    const list = byCustomer.get(entry.customer);
    if (list) list.push(entry);
    else byCustomer.set(entry.customer, [entry]);
  }
  for (const list of accounts.values()) {
    const first = list[0] as LedgerItem;
    const entries = (byCustomer.get(first.customer) ?? []).filter((entry) => belongsTo(entry, first.customer, first.currency));
    const memory = accountMemory(list, entries, policy);
    for (const item of list) {
      if (item.amount <= 0) continue;
      const dispute = memory.disputes.get(item.invoiceNumber);
      if (dispute) disputes.set(item, dispute.row === null ? 'ledger' : 'log');
    }
  }
  return disputes;
}

/**
 * A FEC imported in the pane, kept for section II: its matching codes date the payments. Only
 * in memory while the pane is open (it can be a million lines); the settings keep its figures.
 */
export interface FecForDelays {
  readonly reading: FecReading;
  /** The file's name, for the notes under the table. */
  readonly file: string;
  /** The payment terms given at import: a FEC has no due dates. */
  readonly terms: string;
  /** The day it was read as of: lines booked or matched later were not seen. */
  readonly asOf: DayNumber;
}

export interface PaymentDelaysInput {
  /** The customer ledger: the active table, located, with the columns the pane mapped. */
  readonly customers: { readonly table: LedgerTable; readonly mapping: ColumnMapping };
  /** The supplier ledger's sheet values, or null when the user picked none. */
  readonly suppliers: { readonly sheetName: string; readonly values: CellValue[][] | null } | null;
  /** The dunning log's values, when the workbook has one. */
  readonly log: CellValue[][] | null;
  /** A FEC imported in the pane: section II's paid dates when the ledgers have none. */
  readonly fec?: FecForDelays | null;
}

export interface PaymentDelaysResult {
  readonly table: { readonly name: string; readonly layout: SheetLayout };
  readonly list: { readonly name: string; readonly layout: SheetLayout };
  readonly issued: DelaySide;
  readonly received: DelaySide | null;
  readonly choices: PaymentDelaysChoices;
  readonly skipped: ReadonlyArray<{ readonly side: 'issued' | 'received'; readonly row: number; readonly error: AgeBucketError }>;
  /** What the user must know before signing the table: also written under it. */
  readonly warnings: readonly AgeBucketError[];
}

/** Reads both ledgers, counts, and lays out the table sheet and the detail sheet. */
export function paymentDelaysFor(input: PaymentDelaysInput, settings: PaneSettings): PaymentDelaysResult {
  const choices = paymentDelaysChoices(settings);
  const customers = input.customers.table;
  const serialSystem: SerialSystem =
    settings.date1904 && customers.serialSystem === 'excel1900' ? 'excel1904' : customers.serialSystem;
  const readOptions: DelayReadOptions = {
    serialSystem,
    defaultCurrency: choices.currency,
    monthFirst: settings.monthFirst,
    dayFirst: settings.dayFirst,
    partialMatch: settings.partialMatch,
    terms: choices.terms,
    closingDay: choices.closingDay,
  };
  const policy = settings.policy ?? DEFAULT_POLICY;
  const log = input.log && input.log.length > 1 ? readDunningLog(input.log, policy, serialSystem) : null;
  let issuedRead = delayItemsOf(customers, input.customers.mapping, readOptions, 'issued', (items) =>
    disputesAtClosing(items, log?.entries ?? [], choices.closingDay, policy),
  );
  let receivedRead: LedgerRead | null = null;
  if (input.suppliers) {
    const { sheetName, values } = input.suppliers;
    if (values === null) fail('delaysSupplierSheetMissing', { sheet: sheetName });
    // The supplier sheet is read like the customer one: its header found under any title.
    const supplierTable = locateLedger({
      sheetName,
      headerRow: 0,
      firstColumn: 0,
      values,
      serialSystem: customers.serialSystem,
      description: sheetName,
      ...(customers.locale === undefined ? {} : { locale: customers.locale }),
    });
    const mapping = detectColumns(supplierTable.values[0] ?? []);
    if (missingRoles(mapping).length > 0) fail('delaysSupplierColumns', { sheet: sheetName });
    receivedRead = delayItemsOf(supplierTable, mapping, { ...readOptions, monthFirst: [], dayFirst: [] }, 'received');
  }
  // Section II needs paid dates: the ledgers' paid-date column, else an imported FEC's matching.
  const fec = input.fec ?? null;
  let fecSectionII = false;
  if (choices.section === 'II') {
    const fromFec = (side: 'customer' | 'supplier'): LedgerRead => {
      if (fec === null) {
        return side === 'customer'
          ? fail('delaysNeedsPaidDates', { ledger: 'customer ledger', grandLivre: 'grand livre clients' })
          : fail('delaysNeedsPaidDates', { ledger: 'supplier ledger', grandLivre: 'grand livre fournisseurs' });
      }
      if (fec.asOf < choices.closingDay)
        fail('delaysFecBeforeClosing', {
          file: fec.file,
          asOf: formatShortDate(fec.asOf),
          closing: formatShortDate(choices.closingDay),
        });
      fecSectionII = true;
      return {
        items: fecDelayItems(fec.reading, fec.terms, side),
        skipped: [],
        hasPaidDates: true,
        description: `${fec.file} (${side === 'customer' ? '411' : '401'})`,
        assumedTerms: [fec.terms],
      };
    };
    if (!issuedRead.hasPaidDates) issuedRead = fromFec('customer');
    if (receivedRead && !receivedRead.hasPaidDates) receivedRead = fromFec('supplier');
    // No supplier sheet: the FEC holds the suppliers too, when it has any.
    else if (receivedRead === null && fec !== null && hasSupplierLines(fec.reading)) receivedRead = fromFec('supplier');
  }
  const options: PaymentDelaysOptions = {
    closingDay: choices.closingDay,
    yearStartDay: choices.yearStartDay,
    terms: choices.terms,
    currency: choices.currency,
  };
  const count = choices.section === 'I' ? unpaidAtClosing : paidDuringYear;
  const sectionTwoSkips: Array<{ side: 'issued' | 'received'; row: number; error: AgeBucketError }> = [];
  // Section II counts a paid invoice for its full amount: without one it cannot be counted.
  const usable = (read: LedgerRead, side: 'issued' | 'received') =>
    choices.section === 'I'
      ? read.items
      : read.items.filter((item) => {
          if (item.invoiceAmount !== null || item.paidDay === null || item.openAmount !== 0) return true;
          sectionTwoSkips.push({ side, row: item.row, error: new AgeBucketError('delaysNeedsAmount') });
          return false;
        });
  const issued = count(usable(issuedRead, 'issued'), options);
  const received = receivedRead ? count(usable(receivedRead, 'received'), options) : null;
  const skipped = [
    ...issuedRead.skipped.map((skip) => ({ side: 'issued' as const, ...skip })),
    ...(receivedRead?.skipped ?? []).map((skip) => ({ side: 'received' as const, ...skip })),
    ...sectionTwoSkips,
  ];
  const warnings = delaysWarnings(choices, issuedRead, receivedRead, settings.delaysFromFec, fec);
  const names = paymentDelaysSheetNames(settings.language);
  const closing = formatIsoDate(choices.closingDay);
  return {
    table: {
      name: `${names.table} ${closing}`,
      layout: paymentDelaysSheet({
        section: choices.section,
        received,
        issued,
        closingDay: choices.closingDay,
        yearStartDay: choices.yearStartDay,
        terms: choices.terms,
        currency: choices.currency,
        amountBasis: choices.amountBasis,
        baseBasis: choices.baseBasis,
        purchases: choices.purchases,
        turnover: choices.turnover,
        turnoverFrom: figureSource(choices.turnoverFrom),
        purchasesFrom: figureSource(choices.purchasesFrom),
        companyName: settings.companyName,
        issuedSource: issuedRead.description,
        receivedSource: receivedRead?.description ?? null,
        skippedRows: skipped.length,
        fecSectionII: fecSectionII && fec !== null ? { file: fec.file, terms: fec.terms } : null,
        unreadableLogRows: log?.skipped.length ?? 0,
        assumedTerms: { issued: issuedRead.assumedTerms, received: receivedRead?.assumedTerms ?? [] },
        warnings,
        language: settings.language,
      }),
    },
    list: {
      name: `${names.list} ${closing}`,
      layout: paymentDelaysListSheet(
        [
          ...(received ? [{ side: 'received' as const, placements: received.placements }] : []),
          { side: 'issued' as const, placements: issued.placements },
        ],
        settings.language,
      ),
    },
    issued,
    received,
    choices,
    skipped,
    warnings,
  };
}

/**
 * The warnings a table can carry. Due dates a FEC import assumed, when the delays are counted
 * from the contractual terms: the FEC holds none (its 18 fields, LPF art. A47 A-1, have no due
 * date), so "contractual" would be the import's guess. A closing date that is not the FEC's (its
 * name, SirenFECAAAAMMJJ, gives it, BOI-CF-IOR-60-40-20; else its last entry): turnover and
 * purchases taken from the file or typed for its year are another period's, and D441-6 relates
 * the amounts to the year's.
 */
function delaysWarnings(
  choices: PaymentDelaysChoices,
  issued: LedgerRead,
  received: LedgerRead | null,
  figures: DelaysFecFigures | null,
  fec: FecForDelays | null,
): AgeBucketError[] {
  const warnings: AgeBucketError[] = [];
  if (choices.terms === 'contractual') {
    const sides = [
      { read: issued, ledger: { en: 'customer ledger', fr: 'grand livre clients' } },
      { read: received, ledger: { en: 'supplier ledger', fr: 'grand livre fournisseurs' } },
    ];
    for (const { read, ledger } of sides) {
      if (read === null || read.assumedTerms.length === 0) continue;
      warnings.push(new AgeBucketError('delaysAssumedTerms', { ledger, terms: read.assumedTerms.join(' / ') }));
    }
  }
  const file = figures?.file ?? fec?.file ?? null;
  if (file !== null) {
    let last: DayNumber | null = fec?.reading.lastDay ?? null;
    if (figures !== null) {
      try {
        last = parseTextDate(figures.lastDay);
      } catch {
        // A date the document damaged: the name alone can tell.
      }
    }
    const fecClosing = fecClosingOf(file, last);
    if (fecClosing !== null && !closingFitsFec(choices.closingDay, fecClosing)) {
      warnings.push(
        new AgeBucketError('delaysClosingNotFec', {
          closing: formatShortDate(choices.closingDay),
          file: file.replace(/^.*[\\/]/, ''),
          fecClosing: formatShortDate(fecClosing.day),
          how:
            fecClosing.how === 'name'
              ? { en: 'from its name', fr: 'd’après son nom' }
              : { en: 'its last entry', fr: 'sa dernière écriture' },
        }),
      );
    }
  }
  return warnings;
}

/**
 * The closing date of the year a FEC covers, and how it is known: from its name, which the
 * administration writes SirenFECAAAAMMJJ with the closing date (BOI-CF-IOR-60-40-20, on the files
 * of LPF art. A47 A-1); else its last entry, for a renamed file. Null when neither is known.
 */
function fecClosingOf(file: string, lastDay: DayNumber | null): { day: DayNumber; how: 'name' | 'lastEntry' } | null {
  const named = fecClosingDayOfName(file);
  if (named !== null) return { day: named, how: 'name' };
  return lastDay === null ? null : { day: lastDay, how: 'lastEntry' };
}

/**
 * Whether a table closed on `closingDay` is of the FEC's year. The name states the closing date:
 * any other date is another year. The last entry only bounds it (the closing entries may not
 * touch the accounts read): a closing date before it, or in a later month, is another period.
 */
function closingFitsFec(closingDay: DayNumber, fecClosing: { day: DayNumber; how: 'name' | 'lastEntry' }): boolean {
  if (fecClosing.how === 'name') return closingDay === fecClosing.day;
  const month = (day: DayNumber) => calendarFromDay(day).year * 12 + calendarFromDay(day).month;
  return closingDay >= fecClosing.day && month(closingDay) <= month(fecClosing.day);
}

/**
 * What a FEC import changes on the payment-delays card: the year's turnover and purchases (typed
 * ones still win), and the closing date, the FEC's (its name's, else its last entry's) unless the
 * card's already fits it: the default (31 December of last year) or a date typed for another
 * year would otherwise warn, or refuse the FEC's figures as another year's. The user can still
 * type another date. Null figures when the file has no entries.
 */
export function delaysSettingsFromFecImport(
  current: Pick<PaneSettings, 'delaysClosingDate'>,
  fec: Pick<FecReading, 'sales' | 'purchases' | 'bookCurrency' | 'firstDay' | 'lastDay'>,
  file: string,
  /** The as-of date the FEC was read at: entries booked later are not in its figures. */
  readAsOf: DayNumber,
): Partial<Pick<PaneSettings, 'delaysFromFec' | 'delaysClosingDate'>> {
  const patch: Partial<Pick<PaneSettings, 'delaysFromFec' | 'delaysClosingDate'>> = {};
  const figures = delaysFiguresFromFec(fec, file, readAsOf);
  if (figures !== null) patch.delaysFromFec = figures;
  const fecClosing = fecClosingOf(file, fec.lastDay);
  if (fecClosing === null) return patch;
  let closingDay: DayNumber | null = null;
  try {
    closingDay = parseTextDate(current.delaysClosingDate.trim());
  } catch {
    // A closing date half typed or blank: the FEC's replaces it.
  }
  if (closingDay === null || !closingFitsFec(closingDay, fecClosing)) patch.delaysClosingDate = formatIsoDate(fecClosing.day);
  return patch;
}

/**
 * The FEC whose closing date the card's is, for the card to say where the date came from; null
 * when the card's closing date is another (typed by the user) or no FEC was imported.
 */
export function closingDateOfFec(
  settings: Pick<PaneSettings, 'delaysClosingDate' | 'delaysFromFec'>,
): { file: string; how: 'name' | 'lastEntry' } | null {
  const figures = settings.delaysFromFec;
  if (figures === null) return null;
  let last: DayNumber | null = null;
  try {
    last = parseTextDate(figures.lastDay);
  } catch {
    // A date the document damaged: the name alone can tell.
  }
  const fecClosing = fecClosingOf(figures.file, last);
  if (fecClosing === null || settings.delaysClosingDate.trim() !== formatIsoDate(fecClosing.day)) return null;
  return { file: figures.file, how: fecClosing.how };
}

/** The figures' file and dates; dates the document damaged are an error that says to import again. */
function figureSource(fec: DelaysFecFigures): FigureSource;
function figureSource(fec: DelaysFecFigures | null): FigureSource | null;
function figureSource(fec: DelaysFecFigures | null): FigureSource | null {
  if (fec === null) return null;
  return { file: fec.file, firstDay: storedDay(fec, fec.firstDay), lastDay: storedDay(fec, fec.lastDay) };
}

/** A date of the stored figures; one the document damaged is an error that says to import again. */
function storedDay(fec: DelaysFecFigures, text: string): DayNumber {
  try {
    return parseTextDate(text);
  } catch (error) {
    if (!(error instanceof AgeBucketError)) throw error;
    throw new AgeBucketError('delaysFecPeriod', { file: fec.file, from: fec.firstDay, to: fec.lastDay, start: '?', end: '?' });
  }
}

/** What the pane and the Sheets menu tell the user once both sheets are written. */
export function paymentDelaysWritten(
  language: 'en' | 'fr',
  table: string,
  list: string,
  skipped: number,
  warnings: readonly AgeBucketError[] = [],
): string {
  const rows =
    skipped === 0
      ? ''
      : language === 'fr'
        ? ` ; ${skipped} ligne(s) illisible(s), non comptée(s)`
        : `; ${skipped} unreadable row(s) not counted`;
  const written =
    language === 'fr'
      ? `Tableau écrit dans la feuille « ${table} », détail dans « ${list} »${rows}`
      : `Table written to the sheet "${table}", detail in "${list}"${rows}`;
  // One line in the pane's status: each warning a sentence after the message.
  const label = language === 'fr' ? 'Attention : ' : 'Warning: ';
  return warnings.length === 0 ? written : `${written}. ${warnings.map((w) => `${label}${w.localized(language)}.`).join(' ')}`;
}

/** The command's name in every host's menu and pane. */
export const PAYMENT_DELAYS_COMMAND = {
  en: 'Payment-delays table (D441-6)',
  fr: 'Tableau des délais de paiement (D441-6)',
} as const;

/**
 * The turnover (class 70) and purchases (classes 60 to 62, 603 excepted) of an imported FEC, as
 * the settings keep them: the table's figures when the user has typed none, marked as taken from
 * the file. A FEC books them excluding tax (the tax goes to 445…), so they are HT figures.
 */
export function delaysFiguresFromFec(
  fec: Pick<FecReading, 'sales' | 'purchases' | 'bookCurrency' | 'firstDay' | 'lastDay'>,
  file: string,
  /** The as-of date the FEC was read at: entries booked later are not in its figures. */
  readAsOf: DayNumber,
): DelaysFecFigures | null {
  if (fec.firstDay === null || fec.lastDay === null) return null;
  return {
    file: file.replace(/^.*[\\/]/, ''),
    turnover: String(amountFromMinor(fec.sales, fec.bookCurrency)),
    purchases: String(amountFromMinor(fec.purchases, fec.bookCurrency)),
    currency: fec.bookCurrency,
    firstDay: formatIsoDate(fec.firstDay),
    lastDay: formatIsoDate(fec.lastDay),
    readAsOf: formatIsoDate(readAsOf),
  };
}
