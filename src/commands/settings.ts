// The user's settings for a workbook: what the pane shows and the Sheets menu uses, stored in
// the document (Excel's document settings, Sheets' document properties) as flat text.

import { completePolicy, type DunningPolicy } from '../dunning/policy';
import type { ColumnMapping, ColumnRole, PartialMatchRule } from '../ledger/ledger';
import { type CompanyDetails, DEFAULT_PAYMENT_PREFIXES } from '../letters/letter';
import type { DayNumber } from '../primitives/dates';
import { calendarFromDay, formatIsoDate } from '../primitives/dates';
import { AgeBucketError, type Language } from '../primitives/messages';

/** What the user chose, stored in the document as flat text, one key each. */
export interface PaneSettings {
  language: Language;
  asOf: string;
  followToday: boolean;
  boundaries: string;
  basis: 'dueDate' | 'invoiceDate';
  mapping: ColumnMapping | null;
  /** The headers `mapping` was made for: another ledger's headers are detected afresh. */
  mappingHeaders: string[] | null;
  /** The header row the user picked (1-based in the sheet's used range); null: found. */
  headerRow: number | null;
  /** Which matching codes are partial matches (their lines stay open). */
  partialMatch: PartialMatchRule;
  monthFirst: ColumnRole[];
  /** Date columns the user says are day-first, against a month-first locale (the month-first box unticked). */
  dayFirst: ColumnRole[];
  companyName: string;
  companyAddress: string;
  /** Legal form and capital, on every letter: "SAS au capital de 120 000 €". */
  companyLegalForm: string;
  companyRegistration: string;
  companyIban: string;
  companyEmail: string;
  companyPhone: string;
  companyCity: string;
  /** Who signs a formal notice when the account has no owner, and as what. */
  companySignatoryName: string;
  companySignatoryTitle: string;
  defaultCurrency: string;
  /** Old Mac workbooks count dates from 1904-01-01, 1,462 days after Windows ones. */
  date1904: boolean;
  sales: string;
  periodDays: string;
  /** The user's dunning policy; null for the default one. */
  policy: DunningPolicy | null;
  /** The payment-delays table (D441-6): see src/commands/paymentDelays.ts for each one's values. */
  delaysClosingDate: string;
  delaysYearStart: string;
  delaysSection: string;
  delaysTerms: string;
  delaysAmountBasis: string;
  delaysBaseBasis: string;
  delaysTurnover: string;
  delaysPurchases: string;
  delaysSupplierSheet: string;
  /**
   * The year's turnover and purchases of the last FEC imported: the table's figures when the
   * user typed none (`delaysTurnover`, `delaysPurchases` win). Null before any FEC import.
   */
  delaysFromFec: DelaysFecFigures | null;
  /** A sheet of paid invoices for the cash-in forecast, besides the ledger's settled lines ('' for none). */
  historySheet: string;
  /**
   * Invoice-number prefixes of payments ("RG, REG, VIR…"), for ledgers whose lines have no
   * document type: a statement calls such a line a payment rather than a credit note.
   */
  paymentPrefixes: string;
}

export function defaultSettings(language: Language, today: DayNumber): PaneSettings {
  return {
    language,
    asOf: formatIsoDate(today),
    followToday: true,
    boundaries: '30, 60, 90',
    basis: 'dueDate',
    mapping: null,
    mappingHeaders: null,
    headerRow: null,
    partialMatch: 'lowerCaseOrStar',
    monthFirst: [],
    dayFirst: [],
    companyName: '',
    companyAddress: '',
    companyLegalForm: '',
    companyRegistration: '',
    companyIban: '',
    companyEmail: '',
    companyPhone: '',
    companyCity: '',
    companySignatoryName: '',
    companySignatoryTitle: '',
    defaultCurrency: 'EUR',
    date1904: false,
    sales: '',
    periodDays: '90',
    policy: null,
    // The last financial year that ended on 31 December: the usual one to report on.
    delaysClosingDate: `${calendarFromDay(today).year - 1}-12-31`,
    delaysYearStart: '',
    delaysSection: 'I',
    delaysTerms: 'contractual',
    delaysAmountBasis: 'TTC',
    delaysBaseBasis: 'HT',
    delaysTurnover: '',
    delaysPurchases: '',
    delaysSupplierSheet: '',
    delaysFromFec: null,
    historySheet: '',
    paymentPrefixes: DEFAULT_PAYMENT_PREFIXES.join(', '),
  };
}

/** The payment prefixes as typed in the settings: separated by commas, semicolons or spaces. */
export function paymentPrefixesOf(settings: Pick<PaneSettings, 'paymentPrefixes'>): string[] {
  return settings.paymentPrefixes
    .split(/[,;\s]+/)
    .map((prefix) => prefix.trim())
    .filter((prefix) => prefix !== '');
}

/**
 * What an imported FEC gives the payment-delays table: its class 70 (turnover) and its purchase
 * accounts, both excluding tax as a FEC books them, with where and when they were read.
 */
export interface DelaysFecFigures {
  /** The file's name, to mark the figures as taken from it. */
  readonly file: string;
  /** Amounts as the settings hold typed ones: plain decimal text in the book currency. */
  readonly turnover: string;
  readonly purchases: string;
  readonly currency: string;
  /** First and last entry dates read (ISO), so the table can check they fall in its year. */
  readonly firstDay: string;
  readonly lastDay: string;
  /** The as-of date the file was read at (ISO): entries booked later were left out. */
  readonly readAsOf: string;
}

function isFecFigures(value: unknown): value is DelaysFecFigures {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return ['file', 'turnover', 'purchases', 'currency', 'firstDay', 'lastDay', 'readAsOf'].every(
    (key) => typeof record[key] === 'string',
  );
}

/** Settings as the document stores them: flat text, one key each. */
export function settingsToRecord(settings: PaneSettings): Record<string, string> {
  const record: Record<string, string> = {};
  for (const [key, value] of Object.entries(settings)) record[key] = typeof value === 'string' ? value : JSON.stringify(value);
  return record;
}

export function settingsFromRecord(record: Record<string, string>, defaults: PaneSettings): PaneSettings {
  const settings: PaneSettings = { ...defaults };
  const target = settings as unknown as Record<string, unknown>;
  for (const [key, fallback] of Object.entries(defaults)) {
    const stored = record[key];
    if (stored === undefined) continue;
    if (typeof fallback === 'string') target[key] = stored;
    else {
      try {
        target[key] = JSON.parse(stored);
      } catch {
        // A damaged setting falls back to its default rather than blocking the pane.
      }
    }
  }
  if (settings.language !== 'en' && settings.language !== 'fr') settings.language = defaults.language;
  if (settings.policy !== null && typeof settings.policy === 'object') settings.policy = completePolicy(settings.policy);
  // Figures of a FEC damaged in the document are forgotten, never half read.
  if (settings.delaysFromFec !== null && !isFecFigures(settings.delaysFromFec)) settings.delaysFromFec = null;
  return settings;
}

/** The sender of the letters, as the settings hold it. */
export function companyDetails(settings: PaneSettings): CompanyDetails {
  return {
    name: settings.companyName,
    legalForm: settings.companyLegalForm,
    address: settings.companyAddress,
    registration: settings.companyRegistration,
    iban: settings.companyIban,
    email: settings.companyEmail,
    phone: settings.companyPhone,
    city: settings.companyCity,
    signatoryName: settings.companySignatoryName,
    signatoryTitle: settings.companySignatoryTitle,
  };
}

/**
 * The sender of the letters made from a ledger. In Preview the sample ledger's letters are signed
 * by the sample's firm, so that letters show before anything is typed: `sample` is that firm, and
 * `sampleLedger` whether the letters come from the sample's ledger. On the sample's ledger each
 * field typed in Settings wins and the others are the sample's. On any other ledger only what the
 * user typed signs (empty, letters are refused asking for it: checkCompanyForLetters), and the
 * sample's IBAN or registration, still in Settings from an earlier Preview that prefilled them,
 * refuses the letters rather than sending a customer the sample's fictional bank details. Excel
 * and Sheets have no sample (null).
 */
export function letterSender(
  settings: PaneSettings,
  sample: { readonly sender: CompanyDetails; readonly sampleLedger: boolean } | null,
): CompanyDetails {
  const typed = companyDetails(settings);
  if (sample === null) return typed;
  const own = sample.sender;
  if (sample.sampleLedger) {
    const either = (mine: string | undefined, theirs: string | undefined) => (mine?.trim() ? mine : (theirs ?? ''));
    return {
      name: either(typed.name, own.name),
      legalForm: either(typed.legalForm, own.legalForm),
      address: either(typed.address, own.address),
      registration: either(typed.registration, own.registration),
      iban: either(typed.iban, own.iban),
      email: either(typed.email, own.email),
      phone: either(typed.phone, own.phone),
      city: either(typed.city, own.city),
      signatoryName: either(typed.signatoryName, own.signatoryName),
      signatoryTitle: either(typed.signatoryTitle, own.signatoryTitle),
    };
  }
  const compact = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, '').toUpperCase();
  const fields: Array<{ en: string; fr: string }> = [];
  if (own.iban !== '' && compact(typed.iban) === compact(own.iban)) fields.push({ en: 'IBAN', fr: 'l’IBAN' });
  if (own.registration !== '' && compact(typed.registration) === compact(own.registration))
    fields.push({ en: 'registration', fr: 'l’immatriculation' });
  if (fields.length > 0) {
    throw new AgeBucketError('sampleSenderOnOwnLedger', {
      firm: own.name,
      fields: fields.map((field) => field.en).join(' and '),
      champs: fields.map((field) => field.fr).join(' et '),
    });
  }
  return typed;
}

/**
 * The settings text a document stores, read back. Nothing stored is no settings; anything but a
 * JSON object of texts (a truncated save, a hand edit) is an error the pane reports, offering to
 * reset, rather than a pane that cannot start.
 */
export function parseStoredSettings(text: string | null | undefined): Record<string, string> {
  if (text === null || text === undefined || text === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // The JavaScript engine's own words ("Unexpected token … in JSON at position 25") are English
    // and say nothing a credit manager can act on: what happened, in their language, and the
    // message says what to do.
    throw new AgeBucketError('settingsDamaged', {
      detail: {
        en: 'their text is cut short or was edited by hand, and can no longer be read',
        fr: 'leur texte est tronqué ou a été modifié à la main, et ne se lit plus',
      },
    });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new AgeBucketError('settingsDamaged', { detail: { en: 'not a list of settings', fr: 'pas une liste de paramètres' } });
  const settings: Record<string, string> = Object.create(null);
  for (const [key, value] of Object.entries(parsed)) settings[key] = typeof value === 'string' ? value : JSON.stringify(value);
  return settings;
}
