// Importing a ledger file: the bytes of a CSV/TSV/TXT export, an .xlsx workbook or a FEC in,
// the open items out as a sheet laid out like a ledger (which the pane then reads like any
// other), with a report that says how the file was read and what was left out. The hosts write
// the sheet as a new one; nothing here touches a workbook.

import type { SheetLayout } from '../ageing/agedBalanceSheet';
import type { CellValue } from '../primitives/cells';
import { type DayNumber, dayFromCalendar, excelSerialFromDay, formatIsoDate, formatShortDate } from '../primitives/dates';
import { inBothLanguages, type Localized, numberText } from '../primitives/localeText';
import { AgeBucketError, fail, formatMessage, type Language } from '../primitives/messages';
import { amountFromMinor, CurrencyTotals, formatMoney, type MinorUnits } from '../primitives/money';
import { detectSeparator, parseDelimited, type Separator } from './csv';
import { type FecAccountLine, type FecReading, type FecSide, fecClosingDayOfName, looksLikeFec, readFec } from './fec';
import { FEC_SOURCE_LINE } from './fecSheet';
import {
  COLUMN_LABELS,
  type ColumnMapping,
  type ColumnRole,
  dateOrderOfLocale,
  detectColumns,
  FOLLOW_UP_ROLES,
  type FollowUpRole,
  findHeaderRow,
  HEADER_SCAN_ROWS,
  isPartialMatchCode,
  type Ledger,
  type LedgerItem,
  missingRoles,
  OPENNESS_ROLES,
  type PartialMatchRule,
  readLedger,
} from './ledger';
import { describeReading } from './readingReport';
import { dueDateFromTerms, parsePaymentTerms } from './terms';
import { decodeText, type TextEncoding } from './textFile';

export interface ImportOptions {
  readonly fileName: string;
  readonly language: Language;
  readonly asOf: DayNumber;
  readonly defaultCurrency: string;
  readonly partialMatch: PartialMatchRule;
  /** The workbook's locale: it orders a date column whose dates fit both orders. */
  readonly locale?: string;
  /** The header row the user picked (1-based line or row of the file); null: found. */
  readonly headerRow?: number | null;
  /** The user's corrections to the columns found; null: found. */
  readonly mapping?: ColumnMapping | null;
  readonly monthFirstColumns?: readonly ColumnRole[];
  readonly dayFirstColumns?: readonly ColumnRole[];
  /** Payment terms for files without due dates (a FEC has none), e.g. "30 jours fin de mois". */
  readonly terms?: string;
  /** FEC: the customer ledger (411, the default) or the supplier ledger (401). */
  readonly side?: FecSide;
  readonly progress?: (done: number, total: number) => void;
  /**
   * Lets the host draw between the steps (decoding, reading) of a long import, so that its
   * progress shows: the pane passes a zero-delay timer. The core has no clock of its own.
   */
  readonly pause?: () => Promise<void>;
}

export interface ImportReport {
  readonly format: 'fec' | 'delimited' | 'xlsx';
  readonly encoding: TextEncoding | null;
  readonly separator: Separator | null;
  /** 1-based row of the header in the file. */
  readonly headerRow: number | null;
  readonly mapping: ColumnMapping | null;
  readonly ledger: Ledger | null;
  readonly fec: FecReading | null;
  readonly terms: string | null;
  readonly openItems: number;
  readonly totals: ReadonlyArray<{ readonly currency: string; readonly minor: MinorUnits }>;
  /** What the pane shows, in the user's language. */
  readonly lines: readonly string[];
}

export interface ImportResult {
  /** The name to give the new sheet (the host finds a free one). */
  readonly sheetName: string;
  readonly layout: SheetLayout;
  readonly report: ImportReport;
}

/** The legal default when nothing is agreed: 30 days (Code de commerce, art. L441-10, I). */
export const DEFAULT_FEC_TERMS = '30 jours';

type Format = 'fec' | 'delimited' | 'xlsx';

function formatOf(name: string, bytes: Uint8Array): Format {
  const lower = name.toLowerCase();
  // .xlsx is a zip; an old .xls is an OLE2 compound file (D0 CF 11 E0).
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'xlsx';
  if (lower.endsWith('.xls') || (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0))
    fail('fileXls');
  if (lower.endsWith('.xlsx') || lower.endsWith('.xlsm'))
    fail('fileXlsxUnreadable', { name, reason: { en: 'not a zip archive', fr: 'pas une archive zip' } });
  if (/\.(pdf|docx?|zip|png|jpe?g|ods|numbers)$/.test(lower)) fail('fileType', { name });
  return 'delimited';
}

/** Reads a ledger file into open items and the sheet that holds them. */
export async function importLedgerFile(bytes: Uint8Array, options: ImportOptions): Promise<ImportResult> {
  if (bytes.length === 0) fail('fileEmpty', { name: options.fileName });
  const format = formatOf(options.fileName, bytes);
  if (format === 'xlsx') {
    await step(options, 1);
    const rows = await readXlsxRows(bytes, options.fileName);
    await step(options, 2);
    const result = importRows(rows, options, { format: 'xlsx', encoding: null, separator: null, sample: '' });
    await step(options, 3);
    return result;
  }
  await step(options, 1);
  const { text, encoding } = decodeText(bytes);
  await step(options, 2);
  const result = importText(text, encoding, options);
  await step(options, 3);
  return result;
}

/** Steps of an import: the file read, decoded, its open items found. */
const STEPS = 3;

async function step(options: ImportOptions, done: number): Promise<void> {
  options.progress?.(done, STEPS);
  await options.pause?.();
}

/** A decoded text file: a FEC, or a delimited export. */
export function importText(text: string, encoding: TextEncoding, options: ImportOptions): ImportResult {
  if (looksLikeFec(text)) return importFec(text, encoding, options);
  const separator = detectSeparator(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const rows = parseDelimited(text, separator);
  return importRows(normaliseAmounts(rows, separator), options, {
    format: 'delimited',
    encoding,
    separator,
    sample: accentSample(text),
  });
}

// ---- sheets and delimited files ---------------------------------------------------------------

const AMOUNT_ROLES: readonly ColumnRole[] = ['openAmount', 'amount', 'debit', 'credit'];

/**
 * A text amount's decimal separator is decided per column, as dates are: "1.234" is a thousand
 * in a column of "1.234,56" and one and a quarter in a column of "1,234.56". A column proves
 * its decimal comma by a value ending in a comma and one or two digits; a `;`-separated file
 * (French Excel's CSV) with no proof either way is read with a decimal comma.
 */
// An amount whose separators all group thousands: 1.234 or 12.345.678,90; 2,500 or 1,234.56.
const DOT_GROUPS = /^[^\d]*\d{1,3}(\.\d{3})+(,\d+)?[^\d]*$/;
const COMMA_GROUPS = /^[^\d]*\d{1,3}(,\d{3})+(\.\d+)?[^\d]*$/;

function normaliseAmounts(rows: string[][], separator: Separator): string[][] {
  const header = findHeaderRow(rows) ?? 0;
  const mapping = detectColumns(rows[header] ?? []);
  for (const role of AMOUNT_ROLES) {
    const column = mapping[role];
    if (column === undefined) continue;
    let comma = 0;
    let dot = 0;
    for (let index = header + 1; index < rows.length; index++) {
      const value = (rows[index] as string[])[column];
      if (value === undefined || value === '') continue;
      if (/,\d{1,2}\D*$/.test(value)) comma++;
      else if (/\.\d{1,2}\D*$/.test(value)) dot++;
    }
    const decimalComma = comma > dot || (comma === dot && separator === ';');
    // Only separators in the place of thousands go: "1.234,56" or "1.234" in a decimal-comma
    // column, "1,234.56" or "2,500" in a decimal-point one. Anything else is left for the
    // amount reader as written ("99.90" stays 99.90), never turned into a number 100× larger.
    const grouping = decimalComma ? DOT_GROUPS : COMMA_GROUPS;
    const mark = decimalComma ? /\./g : /,/g;
    for (let index = header + 1; index < rows.length; index++) {
      const row = rows[index] as string[];
      const value = row[column];
      if (value !== undefined && grouping.test(value)) row[column] = value.replace(mark, '');
    }
  }
  return rows;
}

/** A few words with accents from the file, to show the user how they were decoded. */
export function accentSample(text: string): string {
  const head = text.slice(0, 20_000);
  const words = head.match(/[^\s;,\t|"]*[À-ÿ\uFFFD][^\s;,\t|"]*/g) ?? [];
  // Distinct words only: a ledger repeats its column words on every line ("pièce pièce").
  const distinct = new Map<string, string>();
  for (const word of words) {
    const key = word.toLowerCase();
    if (!distinct.has(key)) distinct.set(key, word);
    if (distinct.size === 3) break;
  }
  return [...distinct.values()].join(' ');
}

interface Source {
  readonly format: Format;
  readonly encoding: TextEncoding | null;
  readonly separator: Separator | null;
  readonly sample: string;
}

export function importRows(rows: CellValue[][], options: ImportOptions, source: Source): ImportResult {
  const chosen = options.headerRow ?? null;
  const found = chosen !== null && chosen >= 1 && chosen <= rows.length ? chosen - 1 : findHeaderRow(rows);
  if (found === null) {
    fail('fileNoLedger', {
      name: options.fileName,
      encoding: encodingLabel(source.encoding, options.language),
      rows: HEADER_SCAN_ROWS,
      sample: source.sample || '—',
    });
  }
  let table = rows.slice(found);
  const mapping: ColumnMapping = { ...(options.mapping ?? detectColumns(table[0] ?? [])) };
  // An export with account numbers only (IBM's sample: customerID) names its customers by them:
  // the ledger reader does it and its report says so.
  // No due date and no terms in the file (a journal export): the terms asked at import apply.
  const termsText = options.terms?.trim() ?? '';
  const termsAdded =
    mapping.dueDate === undefined && mapping.terms === undefined && mapping.invoiceDate !== undefined && termsText !== '';
  if (termsAdded) {
    let column = 0;
    for (const row of table) if (row.length > column) column = row.length;
    table = table.map((row, index) => {
      const copy = row.slice();
      copy[column] = index === 0 ? HEADERS[options.language].terms : termsText;
      return copy;
    });
    mapping.terms = column;
  }
  // Checked here, before the reader: no sheet exists yet to map columns in, so the message
  // names the file's columns and what to rename in the file itself.
  const missing = missingRoles(mapping);
  if (missing.length > 0) throw importColumnsMissing(table[0] ?? [], mapping, missing, options.fileName, found + 1);
  const ledger = readLedger(table, mapping, {
    serialSystem: 'excel1900',
    defaultCurrency: options.defaultCurrency,
    localeDateOrder: dateOrderOfLocale(options.locale),
    partialMatch: options.partialMatch,
    asOf: options.asOf,
    rowsAbove: found,
    ...(options.monthFirstColumns ? { monthFirstColumns: options.monthFirstColumns } : {}),
    ...(options.dayFirstColumns ? { dayFirstColumns: options.dayFirstColumns } : {}),
  });
  const extras = FOLLOW_UP_ROLES.filter((role) => mapping[role] !== undefined);
  const kept = keptColumns(table, mapping, [...WRITTEN_ROLES, ...extras]);
  const layout = openItemsSheet(
    ledger.items.map((item) => ({ ...item, terms: termsAdded ? termsText : null, account: null, label: item.label ?? null })),
    options.language,
    {
      terms: termsAdded,
      extras,
      // The label and the document type tell a payment from a credit note in a statement: the
      // sheet keeps them, so the pane reading it back knows what the file said.
      label: mapping.label !== undefined,
      documentType: mapping.documentType !== undefined,
      // A partly matched line stays open; the sheet says it is partly matched (not under the
      // lettrage's own header, which would close it again under another partial-match setting).
      partialMatch: ledger.items.some((item) => (item.partialMatchCode ?? null) !== null),
    },
  );
  appendKeptColumns(layout, kept, ledger.items, (item) => table[item.row - found - 1] ?? []);
  const totals = totalsOf(ledger.items);
  const lines = [
    ...sourceLines(source, found + 1, options.language),
    ...describeReading(ledger, {
      language: options.language,
      locale: options.locale ?? '',
      partialMatch: options.partialMatch,
      hasMatchingCodes: mapping.matchingCode !== undefined,
      asOf: options.asOf,
      ...(mapping.currency === undefined ? { assumedCurrency: options.defaultCurrency || 'EUR' } : {}),
    }),
    ...(termsAdded ? [TERMS_ADDED[options.language](termsText)] : []),
    ...ledger.skipped
      .slice(0, 20)
      .map(
        (row) =>
          `${options.language === 'fr' ? 'Ligne' : 'Row'} ${row.row}${colon(options.language)}${row.error.localized(options.language)}`,
      ),
    totalsLine(totals, options.language),
  ];
  return {
    sheetName: sheetNameFor(options),
    layout,
    report: {
      format: source.format,
      encoding: source.encoding,
      separator: source.separator,
      headerRow: found + 1,
      mapping,
      ledger,
      fec: null,
      terms: termsAdded ? termsText : null,
      openItems: ledger.items.length,
      totals,
      lines,
    },
  };
}

/** The headers a reader would rename a column to, per missing role, in each language. */
const HEADER_EXAMPLES: Partial<Record<ColumnRole, Localized>> = {
  customer: { en: '"Customer"', fr: '« Client »' },
  dueDate: { en: '"Due date"', fr: '« Échéance »' },
  openAmount: { en: '"Open amount", or "Debit" and "Credit"', fr: '« Reste dû », ou « Débit » et « Crédit »' },
};

/**
 * A file whose columns do not give a ledger: which columns were found, which are missing, and
 * what to rename in the file. A running balance (Solde, Balance) is named and not taken: it adds
 * each line to the ones above it, so read as an open amount it would count paid invoices again;
 * only the user knows whether their export's "Solde" is in fact each invoice's remainder.
 */
function importColumnsMissing(
  headers: readonly CellValue[],
  mapping: ColumnMapping,
  missing: readonly ColumnRole[],
  fileName: string,
  line: number,
): AgeBucketError {
  const names = headers.flatMap((header) => (typeof header === 'string' && header.trim() !== '' ? [header.trim()] : []));
  const quoted = (name: string, language: Language) => (language === 'fr' ? `« ${name} »` : `"${name}"`);
  const balanceHeader = mapping.runningBalance === undefined ? null : headers[mapping.runningBalance];
  const balance =
    missing.includes('openAmount') && typeof balanceHeader === 'string'
      ? inBothLanguages((language) =>
          formatMessage('importRunningBalance', { column: quoted(balanceHeader.trim(), language) }, language),
        )
      : '';
  return new AgeBucketError('importColumnsMissing', {
    name: fileName,
    line,
    roles: inBothLanguages((language) => missing.map((role) => COLUMN_LABELS[language][role]).join(', ')),
    columns: inBothLanguages((language) => (names.length === 0 ? '—' : names.map((name) => quoted(name, language)).join(', '))),
    balance,
    examples: inBothLanguages((language) =>
      missing.flatMap((role) => HEADER_EXAMPLES[role]?.[language] ?? []).join(language === 'fr' ? ' ; ' : '; '),
    ),
  });
}

const TERMS_ADDED = {
  en: (terms: string) =>
    `The file has no due dates and no payment terms: invoices are due by the terms "${terms}" from their date. To change them, edit the Payment terms column.`,
  fr: (terms: string) =>
    `Le fichier n’a ni échéances ni conditions de paiement : les factures sont échues selon les conditions « ${terms} » depuis leur date. Pour les changer, modifiez la colonne Conditions de paiement.`,
} as const;

// ---- the FEC -------------------------------------------------------------------------------

export function importFec(text: string, encoding: TextEncoding, options: ImportOptions): ImportResult {
  const fec = readFec(text, {
    asOf: options.asOf,
    partialMatch: options.partialMatch,
  });
  const side = options.side ?? 'customer';
  const termsText = options.terms?.trim() || DEFAULT_FEC_TERMS;
  const terms = parsePaymentTerms(termsText);
  const lines = side === 'customer' ? fec.receivables : fec.payables;
  if (lines.length === 0 && side === 'customer' && fec.settled.length === 0) {
    fail('fecNoReceivables', { date: formatShortDate(options.asOf) });
  }
  // The year ends on the closing date the file's name gives (SirenFECAAAAMMJJ), else on its last entry.
  const closingDay = fecClosingDayOfName(options.fileName);
  // Lines matched (lettrés) after the year's closing date were open on it: the payment-delays
  // table counts them at that date, whatever day the file is imported. They are written with
  // their matching code and date, which the ledger reader uses to read them as open on any
  // date before their matching and closed after it (so today's aged balance leaves them out).
  const openFrom = Math.min(options.asOf, closingDay ?? fec.lastDay ?? options.asOf);
  const matchedLater = fec.settled.filter((line) => line.side === side && line.matchDay !== null && line.matchDay > openFrom);
  // A supplier's invoice is a credit of its account: the supplier sheet shows what is owed to it as positive.
  const sign = side === 'customer' ? 1 : -1;
  const toItem = (line: FecAccountLine) =>
    fecItem({ ...line, amount: sign * line.amount }, termsText, sign * line.amount > 0, terms);
  const items = lines.map(toItem);
  const written = [...items, ...matchedLater.map(toItem)].sort((a, b) => a.row - b.row);
  const layout = openItemsSheet(written, options.language, { terms: true, extras: [], fec: true });
  const openings = lines.filter((line) => line.opening);
  const partialOfSide = lines.reduce(
    (count, line) => count + (line.matchCode !== null && isPartialMatchCode(line.matchCode, options.partialMatch) ? 1 : 0),
    0,
  );
  const totals = totalsOf(items);
  const words = FEC_WORDS[options.language];
  const settledOfSide = fec.settled.reduce((count, line) => count + (line.side === side ? 1 : 0), 0);
  const report: string[] = [
    ...sourceLines({ format: 'fec', encoding, separator: fec.separator, sample: '' }, 1, options.language),
    words.read(fec.lineCount, lines.length, side, formatShortDate(options.asOf), settledOfSide, partialOfSide),
    words.terms(termsText),
  ];
  if (matchedLater.length > 0) report.push(words.matchedLater(matchedLater.length, formatShortDate(openFrom)));
  if (openings.length > 0) {
    report.push(
      words.openings(
        openings.length,
        formatMoney(
          openings.reduce((total, line) => total + sign * line.amount, 0),
          openings[0]?.currency ?? fec.bookCurrency,
          options.language,
        ),
        formatShortDate(openings[0]?.pieceDay ?? 0),
      ),
    );
  }
  if (fec.bookedAfterAsOf > 0) report.push(words.after(fec.bookedAfterAsOf));
  const periodEnd = closingDay ?? fec.lastDay;
  if (fec.firstDay !== null && periodEnd !== null) {
    report.push(
      words.sales(
        formatMoney(fec.sales, fec.bookCurrency, options.language),
        formatMoney(fec.purchases, fec.bookCurrency, options.language),
        formatShortDate(fec.firstDay),
        formatShortDate(periodEnd),
        periodEnd - fec.firstDay + 1,
        closingDay !== null,
      ),
    );
  }
  for (const skipped of fec.skipped.slice(0, 20)) {
    report.push(`${words.line} ${skipped.line}${colon(options.language)}${skipped.error.localized(options.language)}`);
  }
  report.push(totalsLine(totals, options.language));
  return {
    sheetName: sheetNameFor(options, side),
    layout,
    report: {
      format: 'fec',
      encoding,
      separator: fec.separator,
      headerRow: 1,
      mapping: null,
      ledger: null,
      fec,
      terms: termsText,
      openItems: items.length,
      totals,
      lines: report,
    },
  };
}

const FEC_WORDS = {
  en: {
    line: 'Line',
    read: (lines: number, open: number, side: FecSide, asOf: string, settled: number, partial: number) =>
      `FEC of ${count('en', lines, 'line', 'lines')}: ${count('en', open, side === 'customer' ? 'customer (411) line' : 'supplier (401) line', side === 'customer' ? 'customer (411) lines' : 'supplier (401) lines')} open on ${asOf}; ${count('en', settled, 'matched line', 'matched lines')} (lettrage) closed; ${count('en', partial, 'partly matched line', 'partly matched lines')} kept open.`,
    openings: (n: number, amount: string, date: string) =>
      n === 1
        ? `1 opening balance (à-nouveau, ${amount}, dated ${date}) kept in the aged balance with no known due date: aged from its date, and no interest or recovery fee is ever claimed on it (its invoices and due dates are in last year's books).`
        : `${numberText(n, 'en')} opening balances (à-nouveaux, ${amount}, dated ${date}) kept in the aged balance with no known due date: aged from their date, and no interest or recovery fee is ever claimed on them (their invoices and due dates are in last year's books).`,
    terms: (terms: string) =>
      `A FEC has no due dates: invoices are due by the terms "${terms}" from their date; credit notes and payments on their date. To change them, edit the Payment terms column or import again with other terms.`,
    after: (n: number) =>
      n === 1
        ? '1 line booked after the as-of date is left out.'
        : `${numberText(n, 'en')} lines booked after the as-of date are left out.`,
    matchedLater: (n: number, date: string) =>
      `${count('en', n, 'line', 'lines')} matched after ${date} (the closing date) written with ${n === 1 ? 'its' : 'their'} matching code and date: open on any date before ${n === 1 ? 'its' : 'their'} matching (the payment-delays table at the closing date), closed after it (today's aged balance leaves ${n === 1 ? 'it' : 'them'} out).`,
    sales: (sales: string, purchases: string, from: string, to: string, days: number, named: boolean) =>
      `Sales of the period (class 70): ${sales}; purchases (classes 60–62, 603 stock variations excepted): ${purchases}; from ${from} to ${to} (${numberText(days, 'en')} days${named ? ', the closing date in the file’s name' : ', the last entry: the file’s name gives no closing date'}), for DSO.`,
  },
  fr: {
    line: 'Ligne',
    read: (lines: number, open: number, side: FecSide, asOf: string, settled: number, partial: number) =>
      `FEC de ${count('fr', lines, 'ligne', 'lignes')} : ${count('fr', open, side === 'customer' ? 'ligne client (411) ouverte' : 'ligne fournisseur (401) ouverte', side === 'customer' ? 'lignes clients (411) ouvertes' : 'lignes fournisseurs (401) ouvertes')} au ${asOf} ; ${count('fr', settled, 'ligne lettrée soldée', 'lignes lettrées soldées')} ; ${count('fr', partial, 'ligne en lettrage partiel laissée ouverte', 'lignes en lettrage partiel laissées ouvertes')}.`,
    openings: (n: number, amount: string, date: string) =>
      n < 2
        ? `${numberText(n, 'fr')} à-nouveau (${amount}, au ${date}) gardé dans la balance âgée sans échéance connue : âgé depuis sa date, sans pénalités ni indemnité de recouvrement jamais réclamées (ses factures et échéances sont dans les comptes de l’exercice précédent).`
        : `${numberText(n, 'fr')} à-nouveaux (${amount}, au ${date}) gardés dans la balance âgée sans échéance connue : âgés depuis leur date, sans pénalités ni indemnité de recouvrement jamais réclamées (leurs factures et échéances sont dans les comptes de l’exercice précédent).`,
    terms: (terms: string) =>
      `Un FEC ne porte pas d’échéances : les factures sont échues selon les conditions « ${terms} » depuis leur date ; avoirs et règlements à leur date. Pour les changer, modifiez la colonne Conditions de paiement ou importez de nouveau avec d’autres conditions.`,
    after: (n: number) =>
      n < 2
        ? `${numberText(n, 'fr')} ligne comptabilisée après la date d’arrêté est écartée.`
        : `${numberText(n, 'fr')} lignes comptabilisées après la date d’arrêté sont écartées.`,
    matchedLater: (n: number, date: string) =>
      n < 2
        ? `${numberText(n, 'fr')} ligne lettrée après le ${date} (date de clôture) écrite avec son code et sa date de lettrage : ouverte à toute date antérieure à son lettrage (tableau des délais de paiement à la clôture), soldée après (la balance âgée du jour l’écarte).`
        : `${numberText(n, 'fr')} lignes lettrées après le ${date} (date de clôture) écrites avec leur code et leur date de lettrage : ouvertes à toute date antérieure à leur lettrage (tableau des délais de paiement à la clôture), soldées après (la balance âgée du jour les écarte).`,
    sales: (sales: string, purchases: string, from: string, to: string, days: number, named: boolean) =>
      `Chiffre d’affaires de la période (classe 70) : ${sales} ; achats (classes 60 à 62, hors variations de stocks 603) : ${purchases} ; du ${from} au ${to} (${numberText(days, 'fr')} jours${named ? ', date de clôture du nom du fichier' : ', dernière écriture : le nom du fichier ne donne pas de date de clôture'}), pour le DSO.`,
  },
} as const;

interface SheetItem {
  readonly customer: string;
  readonly customerCode: string | null;
  readonly invoiceNumber: string;
  readonly invoiceDay: DayNumber | null;
  /** Null for an opening balance (à-nouveau), whose due date is not known. */
  readonly dueDay: DayNumber | null;
  readonly amount: MinorUnits;
  readonly invoiceAmount: MinorUnits | null;
  readonly currency: string;
  readonly terms: string | null;
  readonly opening?: boolean;
  readonly account: string | null;
  readonly label: string | null;
  readonly row: number;
  /** A FEC line's matching code (EcritureLet) and date (DateLet), when it has them. */
  readonly matchCode?: string | null;
  readonly matchDay?: DayNumber | null;
}

function fecItem(
  line: FecAccountLine,
  termsText: string,
  isInvoice: boolean,
  terms: ReturnType<typeof parsePaymentTerms>,
): SheetItem {
  // An opening balance has no due date (its invoices are in last year's books): none is invented.
  const opening = line.opening === true;
  return {
    customer: line.name || line.code,
    customerCode: line.code,
    invoiceNumber: line.pieceRef,
    invoiceDay: line.pieceDay,
    // Terms apply to invoices; a credit note or a payment counts from its own date.
    dueDay: opening ? null : isInvoice ? dueDateFromTerms(line.pieceDay, terms) : line.pieceDay,
    amount: line.amount,
    invoiceAmount: line.amount,
    currency: line.currency,
    terms: isInvoice && !opening ? termsText : null,
    opening,
    account: line.account,
    label: line.label,
    row: line.line,
    matchCode: line.matchCode,
    matchDay: line.matchDay,
  };
}

// ---- the sheet written -----------------------------------------------------------------------

const HEADERS = {
  en: {
    customerCode: 'Customer code',
    customer: 'Customer',
    invoiceNumber: 'Invoice no.',
    invoiceDate: 'Invoice date',
    dueDate: 'Due date',
    terms: 'Payment terms',
    amount: 'Amount',
    openAmount: 'Open amount',
    currency: 'Currency',
    label: 'Entry label',
    account: 'General ledger account',
    documentType: 'Document type',
    documentTypes: { invoice: 'Invoice', creditNote: 'Credit note', payment: 'Payment', openingBalance: 'Opening balance' },
    source: 'Source row',
    sourceLine: FEC_SOURCE_LINE.en,
    opening: 'Opening balance',
    matchCode: 'Matching code',
    partialMatchCode: 'Partial matching code',
    matchDate: 'Matching date',
    disputed: 'Disputed',
    disputeReason: 'Dispute reason',
    promiseDate: 'Promise date',
    owner: 'Owner',
    email: 'Email',
    phone: 'Phone',
    address: 'Address',
    language: 'Language',
    yes: 'Yes',
    no: 'No',
  },
  fr: {
    customerCode: 'Code client',
    customer: 'Client',
    invoiceNumber: 'N° facture',
    invoiceDate: 'Date facture',
    dueDate: 'Échéance',
    terms: 'Conditions de paiement',
    amount: 'Montant',
    openAmount: 'Reste dû',
    currency: 'Devise',
    label: 'Libellé',
    account: 'Compte général',
    documentType: 'Type de pièce',
    documentTypes: { invoice: 'Facture', creditNote: 'Avoir', payment: 'Règlement', openingBalance: 'À-nouveau' },
    source: 'Ligne d’origine',
    sourceLine: FEC_SOURCE_LINE.fr,
    opening: 'À-nouveau',
    matchCode: 'Lettrage',
    partialMatchCode: 'Lettrage partiel',
    matchDate: 'Date de lettrage',
    disputed: 'Litige',
    disputeReason: 'Motif du litige',
    promiseDate: 'Promesse de paiement',
    owner: 'Responsable',
    email: 'Email',
    phone: 'Téléphone',
    address: 'Adresse',
    language: 'Langue',
    yes: 'Oui',
    no: 'Non',
  },
} as const;

/**
 * Roles the sheet writes in its own columns, and roles spent in reading the open amount and
 * whether a line is open (debit, credit, D/C, a running balance, the lettrage, the paid date): copied again,
 * they would change how the written sheet reads.
 */
const WRITTEN_ROLES: readonly ColumnRole[] = [
  'customer',
  'customerCode',
  'invoiceNumber',
  'invoiceDate',
  'dueDate',
  'amount',
  'openAmount',
  'currency',
  ...OPENNESS_ROLES,
  // Written in their own columns when the file has them.
  'label',
  'documentType',
  'partialMatchCode',
];

interface KeptColumn {
  readonly column: number;
  readonly header: string;
  readonly dates: boolean;
}

/**
 * The source's other columns (a Libellé, a Type, a Country, a column the reader does not know),
 * copied after the sheet's own so that nothing the user may need is lost and a column can be
 * mapped afterwards. A column with no header and no value is left.
 */
function keptColumns(
  table: readonly (readonly CellValue[])[],
  mapping: ColumnMapping,
  written: readonly ColumnRole[],
): KeptColumn[] {
  const used = new Set<number>();
  for (const role of written) {
    const column = mapping[role];
    if (column !== undefined) used.add(column);
  }
  if (mapping.terms !== undefined && mapping.dueDate === undefined) used.add(mapping.terms);
  let width = 0;
  for (const row of table) if (row.length > width) width = row.length;
  const kept: KeptColumn[] = [];
  for (let column = 0; column < width; column++) {
    if (used.has(column)) continue;
    const head = table[0]?.[column];
    const header = typeof head === 'string' ? head.trim() : head === null || head === undefined ? '' : String(head);
    let filled = false;
    let dates = false;
    for (let index = 1; index < table.length; index++) {
      const value = table[index]?.[column];
      if (value === null || value === undefined || value === '') continue;
      filled = true;
      if (typeof value === 'object' && 'year' in value) dates = true;
    }
    if (header === '' && !filled) continue;
    kept.push({ column, header: header === '' ? `(${column + 1})` : header, dates });
  }
  return kept;
}

function appendKeptColumns(
  layout: SheetLayout,
  kept: readonly KeptColumn[],
  items: readonly LedgerItem[],
  sourceRow: (item: LedgerItem) => readonly CellValue[],
): void {
  if (kept.length === 0) return;
  const rows = layout.rows as Array<Array<string | number | null>>;
  const formats = layout.columnFormats as Array<string | null>;
  // One push per cell: a file may have any number of columns, never spread as arguments.
  const header = rows[0] as Array<string | number | null>;
  for (const column of kept) {
    header.push(column.header);
    formats.push(column.dates ? DATE_FORMAT : null);
  }
  items.forEach((item, index) => {
    const cells = sourceRow(item);
    const row = rows[index + 1] as Array<string | number | null>;
    for (const column of kept) row.push(copiedValue(cells[column.column]));
  });
}

/** A cell as the written sheet holds it: dates as serials, errors and flags as their text. */
function copiedValue(value: CellValue): string | number | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if ('error' in value) return value.error;
  return excelSerialFromDay(dayFromCalendar(value.year, value.month, value.day));
}

const DATE_FORMAT = 'dd/mm/yyyy';
const AMOUNT_FORMAT = '#,##0.00';

/** The open items as a ledger sheet: headers the reader recognises, dates as dates, amounts as numbers. */
function openItemsSheet(
  items: ReadonlyArray<SheetItem | (SheetItem & LedgerItem)>,
  language: Language,
  shape: {
    readonly terms: boolean;
    readonly extras: readonly FollowUpRole[];
    readonly fec?: boolean;
    readonly label?: boolean;
    readonly documentType?: boolean;
    readonly partialMatch?: boolean;
  },
): SheetLayout {
  const h = HEADERS[language];
  const header: string[] = [h.customerCode, h.customer, h.invoiceNumber, h.invoiceDate, h.dueDate];
  const formats: Array<string | null> = [null, null, null, DATE_FORMAT, DATE_FORMAT];
  if (shape.terms) {
    header.push(h.terms);
    formats.push(null);
  }
  header.push(h.amount, h.openAmount, h.currency);
  formats.push(AMOUNT_FORMAT, AMOUNT_FORMAT, null);
  for (const role of shape.extras) {
    header.push(h[role]);
    formats.push(role === 'promiseDate' ? DATE_FORMAT : null);
  }
  if (shape.documentType) {
    header.push(h.documentType);
    formats.push(null);
  }
  if (shape.label && !shape.fec) {
    header.push(h.label);
    formats.push(null);
  }
  if (shape.partialMatch && !shape.fec) {
    header.push(h.partialMatchCode);
    formats.push(null);
  }
  if (shape.fec) {
    // The matching code and date: a partly matched line is netted with the others of its code,
    // and a line matched after a date is open on it (see importFec).
    header.push(h.label, h.account, h.documentType, h.matchCode, h.matchDate);
    formats.push(null, null, null, null, DATE_FORMAT);
  }
  header.push(shape.fec ? h.sourceLine : h.source);
  formats.push(null);
  const rows: Array<Array<string | number | null>> = [header];
  for (const item of items) {
    const row: Array<string | number | null> = [
      item.customerCode,
      item.customer,
      item.invoiceNumber,
      item.invoiceDay === null ? null : excelSerialFromDay(item.invoiceDay),
      item.dueDay === null ? null : excelSerialFromDay(item.dueDay),
    ];
    if (shape.terms) row.push(item.terms);
    row.push(
      item.invoiceAmount === null ? null : amountFromMinor(item.invoiceAmount, item.currency),
      amountFromMinor(item.amount, item.currency),
      item.currency,
    );
    const full = item as Partial<LedgerItem>;
    for (const role of shape.extras) {
      switch (role) {
        case 'disputed':
          row.push(full.disputed ? h.yes : h.no);
          break;
        case 'promiseDate':
          row.push(full.promiseDay === null || full.promiseDay === undefined ? null : excelSerialFromDay(full.promiseDay));
          break;
        case 'disputeReason':
          row.push(full.disputeReason ?? null);
          break;
        default:
          row.push((full[role] as string | null | undefined) ?? null);
      }
    }
    if (shape.documentType) {
      const type = full.documentType;
      row.push(type === null || type === undefined ? null : h.documentTypes[type]);
    }
    if (shape.label && !shape.fec) row.push(item.label);
    if (shape.partialMatch && !shape.fec) row.push((item as Partial<LedgerItem>).partialMatchCode ?? null);
    if (shape.fec) {
      const fecLine = item as SheetItem;
      const matchDay = fecLine.matchDay ?? null;
      row.push(
        item.label,
        item.account,
        item.opening ? h.opening : null,
        fecLine.matchCode ?? null,
        matchDay === null ? null : excelSerialFromDay(matchDay),
      );
    }
    row.push(item.row);
    rows.push(row);
  }
  return { rows, columnFormats: formats, boldRows: [0], cellFormats: [], chart: null };
}

/** "1 line", "2 lines"; French's singular covers 0 and 1 ("0 ligne"). */
function count(language: Language, n: number, one: string, other: string): string {
  return `${numberText(n, language)} ${(language === 'fr' ? n < 2 : n === 1) ? one : other}`;
}

/** French puts a space before a colon. */
function colon(language: Language): string {
  return language === 'fr' ? ' : ' : ': ';
}

function totalsOf(items: ReadonlyArray<{ readonly currency: string; readonly amount: MinorUnits }>) {
  const totals = new CurrencyTotals();
  for (const item of items) totals.add(item.currency, item.amount);
  return totals.entries();
}

function totalsLine(totals: ReadonlyArray<{ currency: string; minor: MinorUnits }>, language: Language): string {
  const amounts = totals.map((total) => formatMoney(total.minor, total.currency, language)).join(' ; ');
  return language === 'fr' ? `Total ouvert : ${amounts || '0'}.` : `Open total: ${amounts || '0'}.`;
}

function encodingLabel(encoding: TextEncoding | null, language: Language): string {
  if (encoding === null) return 'xlsx';
  if (encoding === 'utf-8-bom') return language === 'fr' ? 'UTF-8 avec BOM' : 'UTF-8 with BOM';
  return encoding === 'utf-8' ? 'UTF-8' : 'Windows-1252';
}

const SEPARATOR_NAMES = {
  en: { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'vertical bar (|)' },
  fr: { ',': 'virgule', ';': 'point-virgule', '\t': 'tabulation', '|': 'barre verticale (|)' },
} as const;

/**
 * How a text file was decoded, in the user's language, with a few accented words as decoded so
 * that a wrong guess shows: the import's report and Preview's "Load a file" both say it.
 */
export function encodingLine(encoding: TextEncoding, sample: string, language: Language): string {
  if (encoding === 'windows-1252') {
    return language === 'fr'
      ? `Fichier lu en Windows-1252 (ce n’est pas de l’UTF-8 valide)${sample ? ` : « ${sample} »` : ''}. Si les accents sont faux, enregistrez le fichier en UTF-8 et importez-le de nouveau.`
      : `File read as Windows-1252 (it is not valid UTF-8)${sample ? `: "${sample}"` : ''}. If the accents look wrong, save the file as UTF-8 and import it again.`;
  }
  const label = encodingLabel(encoding, language);
  return language === 'fr' ? `Fichier lu en ${label}.` : `File read as ${label}.`;
}

function sourceLines(source: Source, headerRow: number, language: Language): string[] {
  const lines: string[] = [];
  if (source.encoding !== null) lines.push(encodingLine(source.encoding, source.sample, language));
  if (source.separator !== null && source.format !== 'fec') {
    const name = SEPARATOR_NAMES[language][source.separator];
    lines.push(
      language === 'fr'
        ? `Séparateur : ${name} ; en-tête à la ligne ${headerRow}.`
        : `Separator: ${name}; header on line ${headerRow}.`,
    );
  } else if (source.format === 'xlsx') {
    lines.push(language === 'fr' ? `En-tête à la ligne ${headerRow}.` : `Header on row ${headerRow}.`);
  }
  return lines;
}

function sheetNameFor(options: ImportOptions, fecSide: FecSide | null = null): string {
  const stem = options.fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  if (fecSide === null) return `Import ${stem}`.slice(0, 31);
  // One FEC gives two sheets, its customers and its suppliers: the name says which, and the
  // closing date its name carries (SirenFECAAAAMMJJ, whatever follows it: "…_pipe", " (1)").
  // The SIREN and the rest are left out (every FEC of the firm carries them) so that the date
  // survives the 31-character limit ("Import fournisseurs FEC20260930").
  const side = SIDE_NAMES[options.language][fecSide];
  const closing = fecClosingDayOfName(options.fileName);
  if (closing === null) return `Import ${side} ${stem}`.slice(0, 31);
  return `Import ${side} FEC${formatIsoDate(closing).replace(/-/g, '')}`;
}

const SIDE_NAMES = {
  en: { customer: 'customers', supplier: 'suppliers' },
  fr: { customer: 'clients', supplier: 'fournisseurs' },
} as const;

// ---- .xlsx -----------------------------------------------------------------------------------

interface XlsxCell {
  readonly value: unknown;
  readonly isMerged: boolean;
  readonly master: unknown;
}

/**
 * The rows of the workbook's sheet that holds a ledger (the first one whose header is found),
 * values as a host would give them. A merged title repeats its text in every cell it covers
 * in ExcelJS: only its first cell keeps it, as in Excel.
 */
export async function readXlsxRows(bytes: Uint8Array, name: string): Promise<CellValue[][]> {
  const ExcelJS = (await import(/* webpackChunkName: "exceljs" */ 'exceljs')).default;
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new AgeBucketError('fileXlsxUnreadable', { name, reason: error instanceof Error ? error.message : String(error) });
  }
  let first: CellValue[][] | null = null;
  for (const worksheet of workbook.worksheets) {
    const values: CellValue[][] = [];
    worksheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const cells: CellValue[] = [];
      row.eachCell({ includeEmpty: true }, (cell, columnNumber) => {
        const xlsxCell = cell as unknown as XlsxCell;
        cells[columnNumber - 1] = xlsxCell.isMerged && xlsxCell.master !== cell ? null : xlsxValue(xlsxCell.value);
      });
      values[rowNumber - 1] = Array.from(cells, (value) => value ?? null);
    });
    const rows = Array.from(values, (row) => row ?? []);
    first ??= rows;
    if (findHeaderRow(rows) !== null) return rows;
  }
  return first ?? [];
}

function xlsxValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    // ExcelJS gives a date cell as UTC midnight of its calendar day.
    return { year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, day: value.getUTCDate() };
  }
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'object') {
    const object = value as { result?: unknown; richText?: Array<{ text: string }>; text?: string; error?: string };
    if ('result' in object) return xlsxValue(object.result);
    if (object.richText) return object.richText.map((part) => part.text).join('');
    if (typeof object.text === 'string') return object.text;
    if (typeof object.error === 'string') return { error: object.error };
  }
  return String(value);
}
