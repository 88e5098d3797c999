// The open-items ledger as a sheet holds it: finding the columns from their headers (English
// or French), then reading each row into a LedgerItem with a row-precise reason for every row
// that cannot be used. The pane, the dunning run and the letters all start here.

import { type CellValue, isBlank, readAmount, readCurrency, readDate, readFlag, readText } from '../primitives/cells';
import type { DayNumber, SerialSystem } from '../primitives/dates';
import { AgeBucketError, fail, type Language } from '../primitives/messages';
import type { MinorUnits } from '../primitives/money';
import { dueDateFromTerms, parsePaymentTerms } from './terms';

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
  'disputed',
  'disputeReason',
  'promiseDate',
  'owner',
  'email',
  'phone',
  'address',
  'language',
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
    'solde',
    'open amount',
    'outstanding',
    'balance',
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
  if (mapping.customer === undefined) missing.push('customer');
  if (mapping.dueDate === undefined && (mapping.invoiceDate === undefined || mapping.terms === undefined))
    missing.push('dueDate');
  if (mapping.openAmount === undefined && mapping.amount === undefined) missing.push('openAmount');
  return missing;
}

export interface LedgerItem {
  /** 1-based row of the sheet range (the header is row 1). */
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
}

export interface LedgerReadOptions {
  readonly serialSystem: SerialSystem;
  readonly defaultCurrency: string;
  /** Roles whose text dates are month-first (1/2/2024 is 2 January). */
  readonly monthFirstColumns?: readonly ColumnRole[];
}

export interface SkippedLedgerRow {
  readonly row: number;
  readonly error: AgeBucketError;
}

export interface Ledger {
  readonly items: readonly LedgerItem[];
  readonly skipped: readonly SkippedLedgerRow[];
  readonly blankRows: number;
  /** Data rows read (items + skipped + blank): totals reconcile with the sheet. */
  readonly rowCount: number;
}

/** The error that names the columns still to map, in both languages. */
export function missingColumnsError(roles: readonly ColumnRole[]): AgeBucketError {
  return new AgeBucketError('ledgerColumnsMissing', {
    roles: roles.map((role) => COLUMN_LABELS.en[role]).join(', '),
    colonnes: roles.map((role) => COLUMN_LABELS.fr[role]).join(', '),
  });
}

/** Reads every data row (rows[0] is the header). Rows that cannot be used are listed, not dropped silently. */
export function readLedger(rows: readonly (readonly CellValue[])[], mapping: ColumnMapping, options: LedgerReadOptions): Ledger {
  const missing = missingRoles(mapping);
  if (missing.length > 0) throw missingColumnsError(missing);
  const items: LedgerItem[] = [];
  const skipped: SkippedLedgerRow[] = [];
  let blankRows = 0;
  const monthFirst = new Set(options.monthFirstColumns ?? []);
  for (let index = 1; index < rows.length; index++) {
    const cells = rows[index] as readonly CellValue[];
    const cell = (role: ColumnRole): CellValue => {
      const column = mapping[role];
      return column === undefined ? null : cells[column];
    };
    if (cells.every((value) => isBlank(value))) {
      blankRows++;
      continue;
    }
    try {
      items.push(readItem(cell, index + 1, options, monthFirst));
    } catch (error) {
      if (!(error instanceof AgeBucketError)) throw error;
      skipped.push({ row: index + 1, error });
    }
  }
  return { items, skipped, blankRows, rowCount: Math.max(rows.length - 1, 0) };
}

function readItem(
  cell: (role: ColumnRole) => CellValue,
  row: number,
  options: LedgerReadOptions,
  monthFirst: ReadonlySet<ColumnRole>,
): LedgerItem {
  const dateOf = (role: ColumnRole): DayNumber | null =>
    within(role, () => readDate(cell(role), { serialSystem: options.serialSystem, monthFirst: monthFirst.has(role) }));
  const customer = within('customer', () => readText(cell('customer')));
  if (customer === null) fail('customerBlank');
  const currency = within('currency', () => readCurrency(cell('currency'), options.defaultCurrency));
  const invoiceDay = dateOf('invoiceDate');
  let dueDay = dateOf('dueDate');
  if (dueDay === null) {
    const terms = within('terms', () => readText(cell('terms')));
    if (invoiceDay === null || terms === null) fail('dateMissing');
    dueDay = within('terms', () => dueDateFromTerms(invoiceDay, parsePaymentTerms(terms)));
  }
  const invoiceAmount = within('amount', () => readAmount(cell('amount'), currency));
  const open = within('openAmount', () => readAmount(cell('openAmount'), currency));
  const amount = open ?? invoiceAmount;
  if (amount === null) fail('amountMissing');
  return {
    row,
    customer,
    customerCode: readText(cell('customerCode')),
    invoiceNumber: readText(cell('invoiceNumber')) ?? '',
    invoiceDay,
    dueDay,
    amount,
    invoiceAmount,
    currency,
    disputed: readFlag(cell('disputed')),
    disputeReason: readText(cell('disputeReason')),
    promiseDay: dateOf('promiseDate'),
    owner: readText(cell('owner')),
    email: readText(cell('email')),
    phone: readText(cell('phone')),
    address: readText(cell('address')),
    language: readLanguage(cell('language')),
  };
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
