// The open-items ledger as a sheet holds it: finding the columns from their headers (English
// or French), then reading each row into a LedgerItem with a row-precise reason for every row
// that cannot be used. The pane, the dunning run and the letters all start here.

import { type CustomerType, readCustomerType } from '../penalties/customerType';
import {
  type CellValue,
  type DateReadOptions,
  isBlank,
  readAmount,
  readCurrency,
  readCustomer,
  readDate,
  readFlag,
  readText,
} from '../primitives/cells';
import { type DayNumber, namedMonthDateShape, type SerialSystem } from '../primitives/dates';
import { AgeBucketError, fail, type Language } from '../primitives/messages';
import type { MinorUnits } from '../primitives/money';
import { dueDateFromTerms, parsePaymentTerms } from './terms';

/**
 * What the credit manager follows an invoice and its account with, beside its amounts: the
 * dispute, the promise, who chases it and how to reach the customer. An import writes each in
 * a column of its own.
 */
export const FOLLOW_UP_ROLES = [
  'disputed',
  'disputeReason',
  'promiseDate',
  'owner',
  'email',
  'phone',
  'address',
  'language',
] as const;
export type FollowUpRole = (typeof FOLLOW_UP_ROLES)[number];

/**
 * Besides an open-amount column: what tells how much of a line is open and whether it is open
 * at all (debit and credit, a D/C column, a running balance that must never be read as the open
 * amount, the lettrage and its date, the paid date).
 */
export const OPENNESS_ROLES = [
  'debit',
  'credit',
  'direction',
  'runningBalance',
  'matchingCode',
  'matchDate',
  'paidDate',
] as const;

export const COLUMN_ROLES = [
  'customer',
  'customerCode',
  'invoiceNumber',
  'invoiceDate',
  'dueDate',
  'terms',
  'amount',
  'openAmount',
  'currency',
  ...FOLLOW_UP_ROLES,
  ...OPENNESS_ROLES,
  'settles',
  'customerType',
  'country',
  'documentType',
  'label',
  // A partial lettrage code an import wrote beside a line it kept open: it says the line is
  // partly matched, and never closes it (unlike matchingCode).
  'partialMatchCode',
] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

/** A ledger as a host read it from a sheet, header row first. */
export interface LedgerTable {
  readonly sheetName: string;
  /** 0-based sheet row of the header and column of the first cell. */
  readonly headerRow: number;
  readonly firstColumn: number;
  /** The header row, then the data rows, as the sheet holds them. */
  readonly values: CellValue[][];
  readonly serialSystem: SerialSystem;
  /** A short description for the pane: "Table1 on Créances", "Créances!A1:Q337". */
  readonly description: string;
  /** Rows of the host's range above the header (titles, blank lines), cut off by `locateLedger`. */
  readonly rowsAbove?: number;
  /** The workbook's locale as the host knows it ("en-US", "fr_FR"): it orders ambiguous dates. */
  readonly locale?: string;
}

/** Column index (0-based) per role; a role the ledger lacks is absent. */
export type ColumnMapping = Partial<Record<ColumnRole, number>>;

// Headers as credit managers and ERPs write them, compared without case, accents or punctuation.
const HEADER_NAMES: Record<ColumnRole, readonly string[]> = {
  customer: [
    'client',
    'customer',
    'customer name',
    'nom client',
    'nom du client',
    'raison sociale',
    'account name',
    'tiers',
    'debtor',
    'debiteur',
    'fournisseur',
    'nom du fournisseur',
    'supplier',
    'supplier name',
    'vendor',
    'vendor name',
    'nom',
    'nom du tiers',
    'intitule',
    'intitule du compte',
    'libelle compte',
  ],
  customerCode: [
    'code client',
    'customer id',
    'customerid',
    'customer code',
    'n client',
    'no client',
    'numero client',
    'account number',
    'compte client',
    'account',
    'compte',
    'n compte',
    'compte tiers',
    'compte auxiliaire',
    'numero de compte',
  ],
  invoiceNumber: [
    'n facture',
    'no facture',
    'numero facture',
    'numero de facture',
    'facture',
    'invoice',
    'invoice no',
    'invoice number',
    'invoicenumber',
    'invoice #',
    'n piece',
    'piece',
    'document',
    'document number',
    'reference',
    'num',
    'ref no',
    'n piece comptable',
    'number',
    'no',
    'nr',
    'inv no',
    'inv #',
    'inv number',
    'invoice num',
    'invoice ref',
    'doc no',
    'doc number',
    'doc #',
    'document no',
    'ref',
    'numero',
    'numero de piece',
    'numero piece',
    'no piece',
    'ref piece',
    'reference piece',
    'transaction number',
    'trans no',
    'num piece',
    'piece ref',
    'pieceref',
  ],
  invoiceDate: [
    'date facture',
    'date de facture',
    'invoice date',
    'invoicedate',
    'date',
    'date piece',
    'document date',
    'date document',
  ],
  dueDate: [
    'echeance',
    'date echeance',
    'date d echeance',
    'due date',
    'duedate',
    'due',
    'date limite de paiement',
    'payment due',
  ],
  terms: ['conditions de paiement', 'conditions', 'delai de paiement', 'payment terms', 'terms', 'reglement'],
  amount: [
    'montant',
    'montant ttc',
    'amount',
    'invoice amount',
    'invoiceamount',
    'total',
    'montant facture',
    'total ttc',
    'gross amount',
  ],
  openAmount: [
    'reste du',
    'reste a payer',
    'open amount',
    'open balance',
    'outstanding',
    'amount due',
    'montant restant',
    'encours',
    'residual',
    'amount open',
  ],
  currency: ['devise', 'currency', 'monnaie', 'ccy', 'cur'],
  disputed: ['litige', 'disputed', 'dispute', 'en litige', 'conteste', 'contestation'],
  disputeReason: ['motif du litige', 'motif litige', 'dispute reason', 'raison du litige', 'reason', 'motif'],
  promiseDate: [
    'promesse de paiement',
    'date de promesse',
    'promise to pay',
    'promise date',
    'promised date',
    'promesse',
    'engagement de paiement',
  ],
  owner: ['responsable', 'gestionnaire', 'owner', 'account manager', 'collector', 'commercial', 'charge de recouvrement'],
  email: ['email', 'e mail', 'courriel', 'mail', 'adresse email', 'adresse e mail', 'contact email'],
  phone: ['telephone', 'phone', 'tel', 'phone number', 'numero de telephone', 'mobile', 'contact phone'],
  address: ['adresse', 'address', 'adresse postale', 'postal address', 'billing address', 'adresse de facturation'],
  language: ['langue', 'language', 'lang', 'langage'],
  debit: ['debit', 'montant debit', 'debit amount', 'mouvement debit', 'debits', 'dr'],
  credit: ['credit', 'montant credit', 'credit amount', 'mouvement credit', 'credits', 'cr'],
  direction: ['sens', 'd c', 'dc', 'sens d c', 'debit credit', 'debit ou credit', 'dr cr'],
  // A running balance adds every line above it: taken as the open amount it counts paid
  // invoices again and again. It is recognised only so that it is never taken.
  runningBalance: [
    'solde',
    'solde progressif',
    'solde cumule',
    'solde courant',
    'cumul',
    'cumul solde',
    'balance',
    'running balance',
    'cumulative balance',
  ],
  matchingCode: [
    'lettrage',
    'let',
    'code lettrage',
    'code de lettrage',
    'lettre',
    'matching',
    'matching code',
    'match code',
    'ecriturelet',
  ],
  matchDate: ['date lettrage', 'date de lettrage', 'datelet', 'matching date', 'date matched'],
  // The day a settled invoice was paid: the payment history the cash-in forecast and section II
  // of the payment-delays table learn from.
  paidDate: [
    'date de paiement',
    'date paiement',
    'date encaissement',
    'regle le',
    'paye le',
    'settled date',
    'settleddate',
    'settlement date',
    'cleared date',
    'date de reglement',
    'date reglement',
    'date d encaissement',
    'reglee le',
    'payee le',
    'paid date',
    'payment date',
    'date paid',
    'paid on',
    'settled on',
    'date paiement',
    'settled date',
    'settleddate',
    'settlement date',
  ],
  // A credit note's reference to the invoice it corrects.
  settles: [
    'facture d origine',
    'facture origine',
    'facture liee',
    'facture concernee',
    'avoir sur facture',
    'applies to',
    'original invoice',
    'related invoice',
    'invoice reference',
  ],
  customerType: [
    'type client',
    'type de client',
    'customer type',
    'client type',
    'categorie client',
    'type de tiers',
    'nature du client',
  ],
  country: ['pays', 'country', 'code pays', 'country code', 'countrycode', 'pays client'],
  documentType: ['type de piece', 'type piece', 'type de document', 'document type', 'doc type', 'type', 'nature piece'],
  // The entry's label ("Règlement Dupont", "Avoir n° 12"): it tells a payment from a credit note
  // when the ledger has no document type.
  partialMatchCode: ['lettrage partiel', 'partial matching code', 'partial match code', 'partly matched'],
  label: [
    'libelle',
    'libelle ecriture',
    'libelle de l ecriture',
    'libelle piece',
    'label',
    'entry label',
    'description',
    'memo',
    'narration',
    'designation',
  ],
};

function normaliseHeader(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[°º'’.:_/()-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const ROLE_OF_HEADER = new Map<string, ColumnRole>();
for (const role of COLUMN_ROLES) for (const name of HEADER_NAMES[role]) ROLE_OF_HEADER.set(normaliseHeader(name), role);

/** Which column plays which role, from the header row. The first column found wins. */
export function detectColumns(headers: readonly CellValue[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  headers.forEach((header, index) => {
    const text = typeof header === 'string' ? header : null;
    if (text === null) return;
    const role = ROLE_OF_HEADER.get(normaliseHeader(text));
    if (role !== undefined && mapping[role] === undefined) mapping[role] = index;
  });
  return mapping;
}

/** What the ledger lacks to be aged and dunned, in words the pane shows. */
export function missingRoles(mapping: ColumnMapping): ColumnRole[] {
  const missing: ColumnRole[] = [];
  // A ledger with account codes and no names (Sage's Compte, IBM's customerID) is read by its codes.
  if (mapping.customer === undefined && mapping.customerCode === undefined) missing.push('customer');
  if (mapping.dueDate === undefined && (mapping.invoiceDate === undefined || mapping.terms === undefined))
    missing.push('dueDate');
  if (amountSourceOf(mapping) === null) missing.push('openAmount');
  return missing;
}

/**
 * Where the open amount comes from, in this order: an open-amount column; debit − credit; an
 * amount signed by a D/C column; the amount itself. A running balance (Solde, Cumul) never.
 */
export type AmountSource = 'openAmount' | 'debitCredit' | 'signedAmount' | 'amount';

export function amountSourceOf(mapping: ColumnMapping): AmountSource | null {
  if (mapping.openAmount !== undefined) return 'openAmount';
  if (mapping.debit !== undefined || mapping.credit !== undefined) return 'debitCredit';
  if (mapping.amount !== undefined) return mapping.direction !== undefined ? 'signedAmount' : 'amount';
  return null;
}

// ---- where the ledger starts ------------------------------------------------------------------

/** Exports put a title, the company, the period and blank lines above the header: this many rows are searched. */
export const HEADER_SCAN_ROWS = 30;

/**
 * The header row (0-based in `values`): among the first rows, the one whose cells name the most
 * ledger columns, the first on a tie; null when no row names two (a title names none).
 */
export function findHeaderRow(values: readonly (readonly CellValue[])[]): number | null {
  let best: number | null = null;
  let bestCount = 1;
  const limit = Math.min(values.length, HEADER_SCAN_ROWS);
  for (let index = 0; index < limit; index++) {
    const count = Object.keys(detectColumns(values[index] ?? [])).length;
    if (count > bestCount) {
      best = index;
      bestCount = count;
    }
  }
  return best;
}

/**
 * The table from its header row on: the row the user picked (1-based in the range the host
 * read), else the one found. Rows above it are counted so that row numbers stay the sheet's.
 */
export function locateLedger(table: LedgerTable, chosenHeaderRow: number | null = null): LedgerTable {
  const chosen =
    chosenHeaderRow !== null && chosenHeaderRow >= 1 && chosenHeaderRow <= table.values.length ? chosenHeaderRow - 1 : null;
  const index = chosen ?? findHeaderRow(table.values) ?? 0;
  if (index === 0) return table;
  return {
    ...table,
    headerRow: table.headerRow + index,
    values: table.values.slice(index),
    rowsAbove: (table.rowsAbove ?? 0) + index,
  };
}

/**
 * Day-first unless the locale writes its short dates month-first (CLDR's short date pattern
 * M/d/yy: the United States and the territories and states that follow its usage, and the
 * Philippines).
 */
export function dateOrderOfLocale(locale: string | undefined): DateOrder {
  const region = /^[a-z]{2,3}[-_]([A-Za-z]{2})\b/.exec(locale ?? '')?.[1]?.toUpperCase();
  return region !== undefined && MONTH_FIRST_REGIONS.has(region) ? 'monthFirst' : 'dayFirst';
}
const MONTH_FIRST_REGIONS = new Set(['US', 'PH', 'AS', 'GU', 'MP', 'PR', 'UM', 'VI', 'FM', 'MH', 'PW']);

/** The headers a mapping was made for, compared without case, accents or punctuation. */
export function headerSignature(headers: readonly CellValue[]): string[] {
  return headers.map((header) => (typeof header === 'string' ? normaliseHeader(header) : ''));
}

// ---- reading rows -----------------------------------------------------------------------------

export interface LedgerItem {
  /** 1-based row of the range the host read (title rows above the header included). */
  readonly row: number;
  readonly customer: string;
  readonly customerCode: string | null;
  readonly invoiceNumber: string;
  readonly invoiceDay: DayNumber | null;
  readonly dueDay: DayNumber;
  /** What is still owed, minor units; negative for credit notes and unapplied payments. */
  readonly amount: MinorUnits;
  /** The invoice's full amount when the sheet has it. */
  readonly invoiceAmount: MinorUnits | null;
  readonly currency: string;
  readonly disputed: boolean;
  readonly disputeReason: string | null;
  readonly promiseDay: DayNumber | null;
  readonly owner: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly address: string | null;
  readonly language: Language | null;
  /** Professional, consumer or public body, when the ledger says; else the settings' default. */
  readonly customerType?: CustomerType | null;
  /** The customer's country as written; its law when it is one of ours (jurisdictionOfCountry). */
  readonly country?: string | null;
  /** What the line is when the ledger says: an invoice, a credit note or a payment. */
  readonly documentType?: DocumentType | null;
  /** The entry's label as written ("Règlement Dupont"), when the ledger has one. */
  readonly label?: string | null;
  /**
   * The partial matching code (lettrage partiel: "ab", "AB*") the line carries: it is partly
   * matched, not unmatched, and stays open. Absent when the line carries none.
   */
  readonly partialMatchCode?: string | null;
  /** When the line was paid, for settled lines of a ledger that keeps them (payment history). */
  readonly paidDay?: DayNumber | null;
  /**
   * An opening balance (à-nouveau) with no due date: aged from its own date, so it stays in the
   * aged balance, but no due date is known, so no interest and no recovery fee ever run on it.
   */
  readonly openingBalance?: boolean;
}

export type DateOrder = 'dayFirst' | 'monthFirst';

/**
 * Which matching codes mark a partial match, whose lines stay open: Sage, EBP and Quadra write a
 * partial lettrage in lower case ("aa") and a full one in upper case ("AA"); others add a `*`.
 * The default reads both conventions as partial, because taking a partial match for a full
 * one would drop money still owed from the aged balance, the worse of the two mistakes.
 */
export type PartialMatchRule = 'lowerCaseOrStar' | 'none';
export type DocumentType = 'invoice' | 'creditNote' | 'payment' | 'openingBalance';

export interface LedgerReadOptions {
  readonly serialSystem: SerialSystem;
  readonly defaultCurrency: string;
  /** Roles whose text dates the user says are month-first (1/2/2024 is 2 January). */
  readonly monthFirstColumns?: readonly ColumnRole[];
  /** Roles whose text dates the user says are day-first, whatever the locale (the month-first box unticked). */
  readonly dayFirstColumns?: readonly ColumnRole[];
  /** The workbook locale's order, for a date column whose dates fit both orders. Default day-first. */
  readonly localeDateOrder?: DateOrder;
  readonly partialMatch?: PartialMatchRule;
  /** A line matched after this day (its matching date) was still open on it. */
  readonly asOf?: DayNumber;
  /** Rows above `rows[0]` in the host's range (titles): row numbers count them. */
  readonly rowsAbove?: number;
  /**
   * A line paid on or before the as-of date (its paid-date column; any paid date when there is
   * no as-of date) is settled: it is set aside in `paid`, never among the open items, so the aged
   * balance, the colours, the plan, the letters and the forecast see only what is owed. The
   * payment-delays table reads paid lines as its own items (section II counts invoices paid
   * late), so it keeps them among `items`, and lines issued after the as-of date too (its own
   * rules place them).
   */
  readonly keepPaidLines?: boolean;
}

export interface SkippedLedgerRow {
  readonly row: number;
  readonly error: AgeBucketError;
}

/** How one date column was read, for the pane to say next to the column (the log's columns have their own names). */
export interface DateColumnReading<Role extends string = ColumnRole> {
  readonly role: Role;
  readonly order: DateOrder;
  /**
   * proved: a date only fits this order (`1/26/2013`); conflict: dates prove both orders, the
   * column is read the way most of them prove and the others are skipped rows; locale: every
   * date fits both, so the workbook's locale decided; file: every date fits both, and another
   * date column of the same file proves the order (`exampleRole`); user: the user chose; none: no
   * text date needs an order (serials, ISO, yyyymmdd).
   */
  readonly basis: 'proved' | 'conflict' | 'locale' | 'file' | 'user' | 'none';
  /** A date that proves the order, when one does (for `file`, a date of `exampleRole`). */
  readonly example: string | null;
  /** For `file`: the column whose dates prove the order. */
  readonly exampleRole?: Role;
  /** A date written day, month name, year (03-Nov-2026, 3 novembre 2026), when the column has one. */
  readonly namedMonthExample?: string | null;
  /** A two-digit year (03-Nov-26, 03/11/26), read in 1930–2029 as Excel does, when the column has one. */
  readonly twoDigitYearExample?: string | null;
}

export interface Ledger {
  readonly items: readonly LedgerItem[];
  readonly skipped: readonly SkippedLedgerRow[];
  readonly blankRows: number;
  /** Section headings between groups ("Current", "Client : Dupont"): one text cell and nothing else. */
  readonly headingRows: number;
  /** Totals and subtotals rows, left out (1-based rows). */
  readonly totalsRows: readonly number[];
  /** Lines closed by a matching code (lettrage): not open items, but counted. */
  readonly matchedRows: number;
  /**
   * Lines paid on or before the as-of date (the paid-date column): settled, not open items, but
   * read in full as the payment history the cash-in forecast learns from. Empty with `keepPaidLines`.
   */
  readonly paid: readonly LedgerItem[];
  /**
   * Lines whose invoice date is after the as-of date: not yet issued on it, so not owed on it
   * (an aged balance as at a past date). Counted, not read as open items; none with `keepPaidLines`.
   */
  readonly issuedLaterRows: number;
  /** Lines whose code marks a partial match: read as open items (they are among `items`). */
  readonly partiallyMatchedRows: number;
  readonly amountSource: AmountSource;
  readonly dateColumns: readonly DateColumnReading[];
  /** Data rows under the header: items + paid + issued later + skipped + blank + headings + totals + matched. */
  readonly rowCount: number;
  /**
   * Where the customer comes from: its column, or (no customer-name column) the customer code,
   * e.g. a Sage grand livre's Compte: each account is then a customer named by its code.
   */
  readonly customerSource?: 'customer' | 'customerCode';
  /** The header of the column the customers were read from, as the sheet writes it. */
  readonly customerHeader?: string | null;
}

/** The error that names the columns still to map, in both languages. */
export function missingColumnsError(roles: readonly ColumnRole[]): AgeBucketError {
  return new AgeBucketError('ledgerColumnsMissing', {
    roles: roles.map((role) => COLUMN_LABELS.en[role]).join(', '),
    colonnes: roles.map((role) => COLUMN_LABELS.fr[role]).join(', '),
  });
}

const DATE_ROLES: readonly ColumnRole[] = ['invoiceDate', 'dueDate', 'promiseDate', 'matchDate', 'paidDate'];
// Day and month in either order, then the year in four digits or two (03/11/26).
const NUMERIC_TEXT_DATE = /^\s*(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?:\s|$)/;

/** Reads a whole date column first, so that one column is never read in two orders. */
export function decideDateColumn<Role extends string>(
  rows: readonly (readonly CellValue[])[],
  column: number,
  role: Role,
  options: Pick<LedgerReadOptions, 'monthFirstColumns' | 'dayFirstColumns' | 'localeDateOrder'>,
): DateColumnReading<Role> {
  const named = writtenFormExamples(rows, column);
  if ((options.monthFirstColumns as readonly string[] | undefined)?.includes(role))
    return { role, order: 'monthFirst', basis: 'user', example: null, ...named };
  if ((options.dayFirstColumns as readonly string[] | undefined)?.includes(role))
    return { role, order: 'dayFirst', basis: 'user', example: null, ...named };
  let dayFirst = 0;
  let monthFirst = 0;
  let ambiguous = 0;
  let dayExample: string | null = null;
  let monthExample: string | null = null;
  for (let index = 1; index < rows.length; index++) {
    const value = (rows[index] as readonly CellValue[])[column];
    if (typeof value !== 'string') continue;
    const match = NUMERIC_TEXT_DATE.exec(value);
    if (!match) continue;
    const first = Number(match[1]);
    const second = Number(match[3]);
    if (first > 12 && second <= 12) {
      dayFirst++;
      dayExample ??= value.trim();
    } else if (second > 12 && first <= 12) {
      monthFirst++;
      monthExample ??= value.trim();
    } else ambiguous++;
  }
  const locale = options.localeDateOrder ?? 'dayFirst';
  if (dayFirst > 0 && monthFirst > 0) {
    const order = monthFirst > dayFirst ? 'monthFirst' : dayFirst > monthFirst ? 'dayFirst' : locale;
    return { role, order, basis: 'conflict', example: order === 'monthFirst' ? monthExample : dayExample, ...named };
  }
  if (monthFirst > 0) return { role, order: 'monthFirst', basis: 'proved', example: monthExample, ...named };
  if (dayFirst > 0) return { role, order: 'dayFirst', basis: 'proved', example: dayExample, ...named };
  return { role, order: locale, basis: ambiguous > 0 ? 'locale' : 'none', example: null, ...named };
}

/**
 * Every date column of one file, read in one order: a file is written by one program in one
 * order, so a column whose dates all fit both orders (01/09/2026) takes the order another column
 * of the same file proves (31/10/2026), rather than the workbook's locale. When no column proves
 * an order, or two prove different ones, such a column keeps the locale's order (and the reading
 * report says so).
 */
export function decideDateColumns<Role extends string = ColumnRole>(
  rows: readonly (readonly CellValue[])[],
  columns: ReadonlyArray<{ readonly role: Role; readonly column: number }>,
  options: Pick<LedgerReadOptions, 'monthFirstColumns' | 'dayFirstColumns' | 'localeDateOrder'>,
): DateColumnReading<Role>[] {
  const readings = columns.map(({ role, column }) => decideDateColumn(rows, column, role, options));
  const proving = readings.filter((reading) => reading.basis === 'proved');
  const first = proving[0];
  if (!first || proving.some((reading) => reading.order !== first.order)) return readings;
  return readings.map((reading) =>
    reading.basis === 'locale'
      ? { ...reading, order: first.order, basis: 'file', example: first.example, exampleRole: first.role }
      : reading,
  );
}

/**
 * How to read each cell of a column as its reading decided: in its order, strictly (a date that
 * only fits the other order is a skipped row, said), and two-digit years in Excel's 1930–2029
 * window when the column has any (the reading report says so). One reader for the ledger, the
 * payment history and the dunning log, so that the same cell reads the same everywhere.
 */
export function dateReadOptionsOf(reading: DateColumnReading<string> | undefined, serialSystem: SerialSystem): DateReadOptions {
  return {
    serialSystem,
    monthFirst: reading?.order === 'monthFirst',
    strict: true,
    twoDigitYear: (reading?.twoDigitYearExample ?? null) !== null ? 'window1930' : 'refuse',
  };
}

/**
 * The first day-month name-year date of a column, and its first date with a two-digit year
 * (03-Nov-26 or 03/11/26): the column's two-digit years are read, and the report says how.
 */
function writtenFormExamples(
  rows: readonly (readonly CellValue[])[],
  column: number,
): { namedMonthExample?: string; twoDigitYearExample?: string } {
  let namedMonthExample: string | null = null;
  let twoDigitYearExample: string | null = null;
  for (let index = 1; index < rows.length; index++) {
    const value = (rows[index] as readonly CellValue[])[column];
    if (typeof value !== 'string') continue;
    const shape = namedMonthDateShape(value);
    if (shape !== null) namedMonthExample ??= value.trim();
    if (twoDigitYearExample === null && (shape?.twoDigitYear || NUMERIC_TEXT_DATE.exec(value)?.[4]?.length === 2))
      twoDigitYearExample = value.trim();
    if (namedMonthExample !== null && twoDigitYearExample !== null) break;
  }
  // Absent rather than null, so a column of four-digit numeric dates reads as it always did.
  return {
    ...(namedMonthExample === null ? {} : { namedMonthExample }),
    ...(twoDigitYearExample === null ? {} : { twoDigitYearExample }),
  };
}

// "Total", "Total général", "Sous-total", "Totaux", "Grand total", "À reporter", compared
// without case or accents.
const TOTALS_LABEL = /^(?:sous total|sub total|subtotal|total|totaux|totals|grand total|a reporter|report)\b/;

/**
 * A totals row: a label such as "Total" or "Sous-total Dupont" on a row with no invoice number
 * and no date, or a row with no customer and no invoice number that carries an amount (a sum).
 */
function isTotalsRow(cells: readonly CellValue[], mapping: ColumnMapping): boolean {
  const at = (role: ColumnRole): CellValue => {
    const column = mapping[role];
    return column === undefined ? null : cells[column];
  };
  if (!isBlank(at('invoiceNumber')) || !isBlank(at('invoiceDate')) || !isBlank(at('dueDate'))) return false;
  for (const cell of cells) if (typeof cell === 'string' && TOTALS_LABEL.test(normaliseHeader(cell))) return true;
  if (!isBlank(at('customer')) || !isBlank(at('customerCode'))) return false;
  return (['openAmount', 'debit', 'credit', 'amount'] as const).some((role) => !isBlank(at(role)));
}

function isHeadingRow(cells: readonly CellValue[]): boolean {
  let filled = 0;
  for (const cell of cells) {
    if (isBlank(cell)) continue;
    if (typeof cell !== 'string' || ++filled > 1) return false;
  }
  return filled === 1;
}

export function isPartialMatchCode(code: string, rule: PartialMatchRule): boolean {
  if (rule === 'none') return false;
  return code.includes('*') || (/\p{L}/u.test(code) && code === code.toLowerCase());
}

/** Reads every data row (rows[0] is the header). Rows that cannot be used are listed, not dropped silently. */
export function readLedger(rows: readonly (readonly CellValue[])[], given: ColumnMapping, options: LedgerReadOptions): Ledger {
  let mapping = given;
  const missing = missingRoles(mapping);
  if (missing.length > 0) throw missingColumnsError(missing);
  const amountSource = amountSourceOf(mapping) as AmountSource;
  const dateColumns = decideDateColumns(
    rows,
    DATE_ROLES.flatMap((role) => {
      const column = mapping[role];
      return column === undefined ? [] : [{ role, column }];
    }),
    options,
  );
  const monthFirst = new Set(dateColumns.filter((reading) => reading.order === 'monthFirst').map((reading) => reading.role));
  // Two-digit years are read (1930–2029) only in a column whose reading says so in the report.
  const twoDigitYears = new Set(
    dateColumns.filter((reading) => (reading.twoDigitYearExample ?? null) !== null).map((reading) => reading.role),
  );
  const customerSource = mapping.customer === undefined ? 'customerCode' : 'customer';
  if (customerSource === 'customerCode') mapping = { ...mapping, customer: mapping.customerCode as number };
  const dateReading = { monthFirst, twoDigitYears };
  const partialRule = options.partialMatch ?? 'lowerCaseOrStar';
  const rowsAbove = options.rowsAbove ?? 0;
  const readers = repeatedTextReaders(options.defaultCurrency);
  const items: LedgerItem[] = [];
  const paid: LedgerItem[] = [];
  const skipped: SkippedLedgerRow[] = [];
  const totalsRows: number[] = [];
  let blankRows = 0;
  let headingRows = 0;
  let matchedRows = 0;
  let issuedLaterRows = 0;
  let partiallyMatchedRows = 0;
  for (let index = 1; index < rows.length; index++) {
    const cells = rows[index] as readonly CellValue[];
    const row = rowsAbove + index + 1;
    const cell = (role: ColumnRole): CellValue => {
      const column = mapping[role];
      return column === undefined ? null : cells[column];
    };
    if (cells.every((value) => isBlank(value))) {
      blankRows++;
      continue;
    }
    if (isHeadingRow(cells)) {
      headingRows++;
      continue;
    }
    if (isTotalsRow(cells, mapping)) {
      totalsRows.push(row);
      continue;
    }
    try {
      // Paid on or before the as-of date: settled, kept apart as history. A later payment leaves
      // the line open on that day (an aged balance as at a past date). An unreadable paid date
      // makes the row a skipped one, reported: neither silently open nor silently closed.
      if (mapping.paidDate !== undefined && !options.keepPaidLines) {
        const paidDay = within('paidDate', () =>
          readDate(cell('paidDate'), {
            serialSystem: options.serialSystem,
            monthFirst: monthFirst.has('paidDate'),
            strict: true,
            twoDigitYear: twoDigitYears.has('paidDate') ? 'window1930' : 'refuse',
          }),
        );
        if (paidDay !== null && (options.asOf === undefined || paidDay <= options.asOf)) {
          paid.push(readItem(cell, row, options, dateReading, amountSource, readers));
          continue;
        }
      }
      const code = mapping.matchingCode === undefined ? null : readText(cell('matchingCode'));
      let partialCode: string | null = null;
      if (code !== null) {
        if (isPartialMatchCode(code, partialRule)) {
          partiallyMatchedRows++;
          partialCode = code;
        } else {
          const matchDay = within('matchDate', () =>
            readDate(cell('matchDate'), {
              serialSystem: options.serialSystem,
              monthFirst: monthFirst.has('matchDate'),
              strict: true,
              twoDigitYear: twoDigitYears.has('matchDate') ? 'window1930' : 'refuse',
            }),
          );
          // Matched after the as-of date: still open on it.
          if (matchDay === null || options.asOf === undefined || matchDay <= options.asOf) {
            matchedRows++;
            continue;
          }
        }
      }
      const item = readItem(cell, row, options, dateReading, amountSource, readers, partialCode);
      if (!options.keepPaidLines && options.asOf !== undefined && item.invoiceDay !== null && item.invoiceDay > options.asOf) {
        issuedLaterRows++;
        continue;
      }
      items.push(item);
    } catch (error) {
      if (!(error instanceof AgeBucketError)) throw error;
      skipped.push({ row, error });
    }
  }
  return {
    items,
    skipped,
    blankRows,
    headingRows,
    totalsRows,
    matchedRows,
    paid,
    issuedLaterRows,
    partiallyMatchedRows,
    amountSource,
    dateColumns,
    rowCount: Math.max(rows.length - 1, 0),
    customerSource,
    customerHeader: readHeader(rows[0]?.[mapping.customer as number]),
  };
}

/**
 * The readings of the columns a ledger repeats on every row (an account's name, currency,
 * language, type; a document type; a flag), each distinct text read once per ledger. They are
 * pure, so a remembered reading is the reading; a text that fails is not remembered, and fails
 * again on each row that holds it, with that row's number.
 */
function repeatedTextReaders(defaultCurrency: string) {
  return {
    customer: memoised(readCustomer),
    currency: memoised((value) => readCurrency(value, defaultCurrency)),
    documentType: memoised(readDocumentType),
    flag: memoised(readFlag),
    language: memoised(readLanguage),
    customerType: memoised(customerTypeOf),
  };
}
type RepeatedTextReaders = ReturnType<typeof repeatedTextReaders>;

function memoised<T>(read: (value: CellValue) => T): (value: CellValue) => T {
  // Keyed by the cell's text: a Map, since the text is the user's (a customer named `constructor`).
  const known = new Map<string, { readonly value: T }>();
  return (value) => {
    if (typeof value !== 'string') return read(value);
    const hit = known.get(value);
    if (hit !== undefined) return hit.value;
    const result = read(value);
    known.set(value, { value: result });
    return result;
  };
}

function readItem(
  cell: (role: ColumnRole) => CellValue,
  row: number,
  options: LedgerReadOptions,
  dates: { readonly monthFirst: ReadonlySet<ColumnRole>; readonly twoDigitYears: ReadonlySet<ColumnRole> },
  amountSource: AmountSource,
  readers: RepeatedTextReaders,
  /** The row's partial lettrage code, read by the caller from the matching-code column. */
  partialCode: string | null = null,
): LedgerItem {
  const dateOf = (role: ColumnRole): DayNumber | null =>
    within(role, () =>
      readDate(cell(role), {
        serialSystem: options.serialSystem,
        monthFirst: dates.monthFirst.has(role),
        strict: true,
        twoDigitYear: dates.twoDigitYears.has(role) ? 'window1930' : 'refuse',
      }),
    );
  const customer = within('customer', () => readers.customer(cell('customer')));
  if (customer === null) fail('customerBlank');
  const currency = within('currency', () => readers.currency(cell('currency')));
  const invoiceDay = dateOf('invoiceDate');
  let dueDay = dateOf('dueDate');
  const documentType = readers.documentType(cell('documentType'));
  // An opening balance has no due date of its own: it is aged from its date and never bears penalties.
  const openingBalance = documentType === 'openingBalance' && dueDay === null && invoiceDay !== null;
  if (openingBalance) dueDay = invoiceDay;
  if (dueDay === null) {
    const terms = within('terms', () => readText(cell('terms')));
    if (invoiceDay === null || terms === null) fail('dateMissing');
    dueDay = within('terms', () => dueDateFromTerms(invoiceDay, parsePaymentTerms(terms)));
  }
  const amountOf = (role: ColumnRole): MinorUnits | null => within(role, () => readAmount(cell(role), currency));
  let invoiceAmount = amountOf('amount');
  let amount: MinorUnits | null;
  switch (amountSource) {
    case 'openAmount':
      amount = amountOf('openAmount');
      break;
    case 'debitCredit': {
      const debit = amountOf('debit');
      const credit = amountOf('credit');
      amount = debit === null && credit === null ? null : (debit ?? 0) - (credit ?? 0);
      invoiceAmount ??= amount;
      break;
    }
    case 'signedAmount':
      amount =
        invoiceAmount === null
          ? null
          : within('direction', () => signedByDirection(invoiceAmount as MinorUnits, cell('direction')));
      invoiceAmount = amount;
      break;
    case 'amount':
      amount = invoiceAmount;
      break;
  }
  if (amount === null) fail('amountMissing');
  const item: { -readonly [K in keyof LedgerItem]: LedgerItem[K] } = {
    row,
    customer,
    customerCode: readText(cell('customerCode')),
    invoiceNumber: readText(cell('invoiceNumber')) ?? '',
    invoiceDay,
    dueDay,
    amount,
    invoiceAmount,
    currency,
    disputed: readers.flag(cell('disputed')),
    disputeReason: readText(cell('disputeReason')),
    promiseDay: dateOf('promiseDate'),
    owner: readText(cell('owner')),
    email: readText(cell('email')),
    phone: readText(cell('phone')),
    address: readText(cell('address')),
    language: readers.language(cell('language')),
    customerType: within('customerType', () => readers.customerType(cell('customerType'))),
    country: readText(cell('country')),
    documentType,
    label: readText(cell('label')),
    paidDay: dateOf('paidDate'),
  };
  // Set after the literal, not spread into it: a spread made every item of a large ledger the
  // slow kind of object to build.
  if (openingBalance) item.openingBalance = true;
  const partial = partialCode ?? readText(cell('partialMatchCode'));
  if (partial !== null) item.partialMatchCode = partial;
  return item;
}

function readHeader(value: CellValue): string | null {
  try {
    return readText(value);
  } catch {
    return null;
  }
}

const DEBIT_WORDS = new Set(['d', 'db', 'dr', 'deb', 'debit', '+']);
const CREDIT_WORDS = new Set(['c', 'cr', 'cred', 'credit', '-']);

/** An amount with a Sens column: D is owed by the customer, C reduces what is owed. */
export function signedByDirection(amount: MinorUnits, direction: CellValue): MinorUnits {
  const text = readText(direction);
  const word = text === null ? '' : text === '-' || text === '+' ? text : normaliseHeader(text);
  if (DEBIT_WORDS.has(word)) {
    if (amount < 0) fail('directionDisagrees', { value: text ?? '' });
    return amount;
  }
  if (CREDIT_WORDS.has(word)) return amount > 0 ? -amount : amount;
  return fail('directionUnreadable', { value: text ?? '' });
}

function customerTypeOf(value: CellValue): CustomerType | null {
  const text = readText(value);
  const type = readCustomerType(text);
  if (text !== null && type === null) fail('customerTypeUnknown', { value: text });
  return type;
}

const DOCUMENT_TYPES = new Map<string, DocumentType>([
  ['facture', 'invoice'],
  ['invoice', 'invoice'],
  ['fa', 'invoice'],
  ['fac', 'invoice'],
  ['inv', 'invoice'],
  ['avoir', 'creditNote'],
  ['av', 'creditNote'],
  ['credit note', 'creditNote'],
  ['credit memo', 'creditNote'],
  ['cn', 'creditNote'],
  ['reglement', 'payment'],
  ['rg', 'payment'],
  ['rgl', 'payment'],
  ['paiement', 'payment'],
  ['payment', 'payment'],
  ['encaissement', 'payment'],
  ['virement', 'payment'],
  ['cheque', 'payment'],
  ['a nouveau', 'openingBalance'],
  ['a nouveaux', 'openingBalance'],
  ['an', 'openingBalance'],
  ['report a nouveau', 'openingBalance'],
  ['solde d ouverture', 'openingBalance'],
  ['opening balance', 'openingBalance'],
]);

/** A document-type cell; null for a blank or a type it does not know (the sign then decides). */
export function readDocumentType(value: CellValue): DocumentType | null {
  const text = readText(value);
  return text === null ? null : (DOCUMENT_TYPES.get(normaliseHeader(text)) ?? null);
}

/** What each role is called in the pane and in messages. */
export const COLUMN_LABELS: Record<Language, Record<ColumnRole, string>> = {
  en: {
    customer: 'customer',
    customerCode: 'customer code',
    invoiceNumber: 'invoice no.',
    invoiceDate: 'invoice date',
    dueDate: 'due date',
    terms: 'payment terms',
    amount: 'amount',
    openAmount: 'open amount',
    currency: 'currency',
    disputed: 'disputed',
    disputeReason: 'dispute reason',
    promiseDate: 'promise to pay',
    owner: 'owner',
    email: 'email',
    phone: 'phone',
    address: 'address',
    language: 'language',
    debit: 'debit',
    credit: 'credit',
    direction: 'debit/credit (D/C)',
    runningBalance: 'running balance (never read)',
    matchingCode: 'matching code',
    matchDate: 'matching date',
    paidDate: 'paid date',
    settles: 'credit note for invoice',
    customerType: 'customer type',
    country: 'country',
    documentType: 'document type',
    label: 'label',
    partialMatchCode: 'partial matching code',
  },
  fr: {
    customer: 'client',
    customerCode: 'code client',
    invoiceNumber: 'n° facture',
    invoiceDate: 'date facture',
    dueDate: 'échéance',
    terms: 'conditions de paiement',
    amount: 'montant',
    openAmount: 'reste dû',
    currency: 'devise',
    disputed: 'litige',
    disputeReason: 'motif du litige',
    promiseDate: 'promesse de paiement',
    owner: 'responsable',
    email: 'email',
    phone: 'téléphone',
    address: 'adresse',
    language: 'langue',
    debit: 'débit',
    credit: 'crédit',
    direction: 'sens (D/C)',
    runningBalance: 'solde progressif (jamais lu)',
    matchingCode: 'lettrage',
    matchDate: 'date de lettrage',
    paidDate: 'date de règlement',
    settles: 'avoir sur facture',
    customerType: 'type de client',
    country: 'pays',
    documentType: 'type de pièce',
    label: 'libellé',
    partialMatchCode: 'lettrage partiel',
  },
};

/** Prefixes an error with the column it came from, so "row 12: due date: …" says where to look. */
function within<T>(role: ColumnRole, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof AgeBucketError && error.code !== 'inColumn') {
      throw new AgeBucketError('inColumn', { column: COLUMN_LABELS.en[role], colonne: COLUMN_LABELS.fr[role] }, undefined, error);
    }
    throw error;
  }
}

export function readLanguage(value: CellValue): Language | null {
  const text = readText(value);
  if (text === null) return null;
  const folded = normaliseHeader(text);
  if (['fr', 'fra', 'fre', 'francais', 'french', 'fr fr', 'fr be', 'fr ch', 'fr ca'].includes(folded)) return 'fr';
  if (['en', 'eng', 'english', 'anglais', 'en gb', 'en us', 'en ie'].includes(folded)) return 'en';
  return null;
}
