// The FEC (fichier des écritures comptables) every French company keeping its books on a
// computer must be able to hand to the tax authorities: one line per entry line of the year,
// in the 18 columns of article A47 A-1 of the Livre des procédures fiscales (JournalCode,
// JournalLib, EcritureNum, EcritureDate, CompteNum, CompteLib, CompAuxNum, CompAuxLib, PieceRef,
// PieceDate, EcritureLib, Debit, Credit, EcritureLet, DateLet, ValidDate, Montantdevise,
// Idevise), separated by tabs or `|`, dates as yyyymmdd, amounts with a decimal comma.
//
// From it: the customer lines (accounts 411…, or auxiliary accounts under them) still open on
// the as-of date, i.e. without a matching code, or matched only after that date (DateLet), or
// partly matched; the supplier lines (401…) the same way; the matched lines with their
// matching date (when they were paid); and the period's sales (class 70, credit − debit) and
// purchases (classes 60 to 62 except the stock variations of 603, debit − credit).

import Papa from 'papaparse';
import { type DayNumber, dayFromCalendar, isValidCalendarDate, parseTextDate } from '../primitives/dates';
import { AgeBucketError, fail } from '../primitives/messages';
import { type MinorUnits, minorFromText, minorUnitsOf, parseCurrencyCode } from '../primitives/money';
import { isPartialMatchCode, type PartialMatchRule } from './ledger';

export const FEC_COLUMNS = [
  'JournalCode',
  'JournalLib',
  'EcritureNum',
  'EcritureDate',
  'CompteNum',
  'CompteLib',
  'CompAuxNum',
  'CompAuxLib',
  'PieceRef',
  'PieceDate',
  'EcritureLib',
  'Debit',
  'Credit',
  'EcritureLet',
  'DateLet',
  'ValidDate',
  'Montantdevise',
  'Idevise',
] as const;

// The columns the open items need; the others are read when present.
const NEEDED = ['EcritureDate', 'CompteNum', 'CompteLib', 'PieceRef', 'EcritureLet', 'DateLet'] as const;

/** A FEC's header names JournalCode, EcritureNum and CompteNum, whatever its separator. */
export function looksLikeFec(text: string): boolean {
  const end = text.indexOf('\n');
  const header = (end < 0 ? text : text.slice(0, end)).toLowerCase();
  return header.includes('journalcode') && header.includes('ecriturenum') && header.includes('comptenum');
}

export type FecSide = 'customer' | 'supplier';

/** One line of a customer (411) or supplier (401) account. */
export interface FecAccountLine {
  /** 1-based line of the file (the header is line 1). */
  readonly line: number;
  readonly side: FecSide;
  readonly account: string;
  /** The auxiliary account when there is one, else the account: the customer's or supplier's key. */
  readonly code: string;
  readonly name: string;
  readonly pieceRef: string;
  readonly pieceDay: DayNumber;
  readonly entryDay: DayNumber;
  readonly label: string;
  /** Debit − credit (in the line's currency): positive is owed by the customer, or to the supplier when negative. */
  readonly amount: MinorUnits;
  readonly currency: string;
  readonly matchCode: string | null;
  /** When the line was matched (DateLet): for a matched invoice, the day it was paid. */
  readonly matchDay: DayNumber | null;
  /**
   * An opening entry (à-nouveau: journal AN, "A nouveaux", "Reprise à nouveau"): the balance
   * carried from the last year, whose invoices and due dates are in that year's books, not here.
   */
  readonly opening?: boolean;
}

export interface FecReadOptions {
  readonly asOf: DayNumber;
  readonly partialMatch: PartialMatchRule;
  /** The currency of the books (Debit and Credit): the euro for a French company. */
  readonly bookCurrency?: string;
  readonly progress?: (done: number, total: number) => void;
}

export interface FecReading {
  readonly separator: '\t' | '|';
  /** Entry lines (the header excluded). */
  readonly lineCount: number;
  /** Customer lines open on the as-of date. */
  readonly receivables: FecAccountLine[];
  /** Supplier lines open on the as-of date. */
  readonly payables: FecAccountLine[];
  /** Customer and supplier lines matched by the as-of date, with their matching date. */
  readonly settled: FecAccountLine[];
  readonly partiallyMatchedLines: number;
  /** Lines booked after the as-of date: not yet in the books on that day. */
  readonly bookedAfterAsOf: number;
  readonly bookCurrency: string;
  /** Class 70, credit − debit, booked by the as-of date, in the book currency. */
  readonly sales: MinorUnits;
  /** Classes 60 to 62 except 603 (stock variations), debit − credit, booked by the as-of date. */
  readonly purchases: MinorUnits;
  /** First and last entry dates read (null for an empty file). */
  readonly firstDay: DayNumber | null;
  readonly lastDay: DayNumber | null;
  readonly skipped: ReadonlyArray<{ readonly line: number; readonly error: AgeBucketError }>;
}

/** yyyymmdd (the norm), else a day-first text date some exports write. */
function fecDate(text: string): DayNumber | null {
  const value = text.trim();
  if (value === '') return null;
  if (value.length === 8) {
    const year = Number(value.slice(0, 4));
    const month = Number(value.slice(4, 6));
    const day = Number(value.slice(6, 8));
    if (isValidCalendarDate(year, month, day)) return dayFromCalendar(year, month, day);
  }
  return parseTextDate(value.replace(/^(\d{8})\s.*$/, '$1'), { strict: true });
}

/** Characters between two progress reports: about 100,000 lines. */
const PROGRESS_STEP = 15_000_000;

const PLAIN_AMOUNT = /^(-?)(\d{1,13})(?:[,.](\d{1,2}))?$/;

/** "1234,56", "-12,5", "1234.56", "" (zero): the FEC's amounts; anything else through the general reader. */
function fecAmount(text: string, scale: number, currency: string): MinorUnits {
  if (text === '') return 0;
  const match = scale === 100 ? PLAIN_AMOUNT.exec(text) : null;
  if (match) {
    const fraction = match[3] ?? '';
    const minor =
      Number(match[2]) * 100 + (fraction === '' ? 0 : fraction.length === 1 ? Number(fraction) * 10 : Number(fraction));
    return match[1] === '-' && minor !== 0 ? -minor : minor;
  }
  return text.trim() === '' ? 0 : minorFromText(text, currency);
}

/** Only lines whose field `column` passes `wanted` are split (most of a FEC is other accounts). */
interface LineFilter {
  readonly column: number;
  readonly wanted: (text: string, at: number) => boolean;
}

/**
 * The lines of a FEC, one at a time: split by hand when no field is quoted, else by papaparse.
 * Returns the number of non-blank lines, the header included.
 */
function eachRow(
  text: string,
  separator: string,
  visit: (fields: string[], line: number) => void,
  filter: LineFilter,
  progress?: (done: number, total: number) => void,
): number {
  let nonBlank = 0;
  if (!text.includes('"')) {
    let line = 0;
    let start = 0;
    let nextReport = PROGRESS_STEP;
    while (start < text.length) {
      if (progress && start >= nextReport) {
        progress(start, text.length);
        nextReport += PROGRESS_STEP;
      }
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      const stop = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
      line++;
      if (stop > start) {
        nonBlank++;
        if (line === 1 || passes(text, start, stop, separator, filter)) visit(text.slice(start, stop).split(separator), line);
      }
      start = end + 1;
    }
    return nonBlank;
  }
  const rows = Papa.parse(text, { delimiter: separator, skipEmptyLines: false });
  const quoteError = rows.errors.find((error) => error.type === 'Quotes');
  if (quoteError) fail('csvQuoteNeverCloses', { line: (quoteError.row ?? 0) + 1 });
  rows.data.forEach((fields, index) => {
    if (fields.length > 1 || fields[0] !== '') {
      nonBlank++;
      visit(fields, index + 1);
    }
  });
  return nonBlank;
}

/** Whether the line's filtered field passes, found without splitting the line. */
function passes(text: string, start: number, stop: number, separator: string, filter: LineFilter): boolean {
  let at = start;
  for (let k = 0; k < filter.column; k++) {
    const next = text.indexOf(separator, at);
    if (next < 0 || next >= stop) return true; // a short line: let the full reading report it
    at = next + 1;
  }
  while (text.charCodeAt(at) === 32) at++;
  return filter.wanted(text, at);
}

// Accounts read: 411 and 401 (customers, suppliers), 70 (sales), 60 to 62 (purchases).
function wantedAccount(text: string, at: number): boolean {
  const first = text.charCodeAt(at);
  const second = text.charCodeAt(at + 1);
  if (first === 52) return (second === 49 || second === 48) && text.charCodeAt(at + 2) === 49; // 411, 401
  if (first === 55) return second === 48; // 70
  if (first === 54) return second >= 48 && second <= 50; // 60, 61, 62
  return false;
}

export function readFec(input: string, options: FecReadOptions): FecReading {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const headerEnd = text.indexOf('\n');
  const headerLine = (headerEnd < 0 ? text : text.slice(0, headerEnd)).replace(/\r$/, '');
  const separator: '\t' | '|' = headerLine.includes('\t') ? '\t' : '|';
  const names = headerLine.split(separator).map((name) =>
    name
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .toLowerCase(),
  );
  const column = (name: string): number => names.indexOf(name.toLowerCase());
  const missing: string[] = NEEDED.filter((name) => column(name) < 0);
  const hasDebitCredit = column('Debit') >= 0 && column('Credit') >= 0;
  const hasAmountAndDirection = column('Montant') >= 0 && column('Sens') >= 0;
  if (!hasDebitCredit && !hasAmountAndDirection) missing.push('Debit', 'Credit');
  if (missing.length > 0) fail('fecColumnsMissing', { columns: missing.join(', ') });

  const at = {
    entryDate: column('EcritureDate'),
    account: column('CompteNum'),
    accountLabel: column('CompteLib'),
    auxNum: column('CompAuxNum'),
    auxLabel: column('CompAuxLib'),
    pieceRef: column('PieceRef'),
    pieceDate: column('PieceDate'),
    label: column('EcritureLib'),
    debit: column('Debit'),
    credit: column('Credit'),
    amount: column('Montant'),
    direction: column('Sens'),
    journalCode: column('JournalCode'),
    journalLabel: column('JournalLib'),
    matchCode: column('EcritureLet'),
    matchDate: column('DateLet'),
    foreignAmount: column('Montantdevise'),
    currency: column('Idevise'),
  };
  const bookCurrency = options.bookCurrency ?? 'EUR';
  const bookScale = 10 ** minorUnitsOf(bookCurrency);
  const receivables: FecAccountLine[] = [];
  const payables: FecAccountLine[] = [];
  const settled: FecAccountLine[] = [];
  const skipped: Array<{ line: number; error: AgeBucketError }> = [];
  let partiallyMatchedLines = 0;
  let bookedAfterAsOf = 0;
  let sales = 0;
  let purchases = 0;
  let firstDay: DayNumber | null = null;
  let lastDay: DayNumber | null = null;
  const field = (fields: string[], index: number): string => (index < 0 ? '' : (fields[index] ?? '').trim());
  // A year has a few hundred distinct dates over a million lines: each is read once.
  const days = new Map<string, DayNumber | null>();
  const dayOf = (text: string): DayNumber | null => {
    let day = days.get(text);
    if (day === undefined) {
      day = fecDate(text);
      days.set(text, day);
    }
    return day;
  };
  const nonBlankLines = eachRow(
    text,
    separator,
    (fields, line) => {
      if (line === 1) return;
      try {
        const account = field(fields, at.account);
        const isCustomer = account.startsWith('411');
        const isSupplier = account.startsWith('401');
        const isSales = account.startsWith('70');
        // Purchases are classes 60 to 62 net of the rebates obtained (609), but not 603: in the
        // plan comptable général (règlement ANC 2014-03, list of accounts) 603 is "Variations
        // des stocks", an inventory adjustment at closing, not a purchase from a supplier.
        const isPurchases =
          (account.startsWith('60') && !account.startsWith('603')) || account.startsWith('61') || account.startsWith('62');
        if (!isCustomer && !isSupplier && !isSales && !isPurchases) return;
        const entryDay = dayOf(field(fields, at.entryDate));
        if (entryDay === null) return fail('dateMissing');
        if (entryDay > options.asOf) {
          bookedAfterAsOf++;
          return;
        }
        if (firstDay === null || entryDay < firstDay) firstDay = entryDay;
        if (lastDay === null || entryDay > lastDay) lastDay = entryDay;
        let bookAmount: MinorUnits;
        if (hasDebitCredit) {
          bookAmount =
            fecAmount(field(fields, at.debit), bookScale, bookCurrency) -
            fecAmount(field(fields, at.credit), bookScale, bookCurrency);
        } else {
          const magnitude = fecAmount(field(fields, at.amount), bookScale, bookCurrency);
          const direction = field(fields, at.direction).toUpperCase();
          if (direction !== 'D' && direction !== 'C') return fail('directionUnreadable', { value: direction });
          bookAmount = direction === 'C' ? -magnitude : magnitude;
        }
        if (isSales) {
          sales -= bookAmount;
          return;
        }
        if (isPurchases) {
          purchases += bookAmount;
          return;
        }
        let amount = bookAmount;
        let currency = bookCurrency;
        const foreignCode = field(fields, at.currency);
        const foreignText = field(fields, at.foreignAmount);
        if (foreignCode !== '' && foreignText !== '') {
          const code = parseCurrencyCode(foreignCode);
          if (code !== bookCurrency) {
            const foreign = Math.abs(fecAmount(foreignText, 10 ** minorUnitsOf(code), code));
            currency = code;
            amount = bookAmount < 0 ? -foreign : foreign;
          }
        }
        const auxNum = field(fields, at.auxNum);
        const matchCodeText = field(fields, at.matchCode);
        const matchCode = matchCodeText === '' ? null : matchCodeText;
        const matchDay = dayOf(field(fields, at.matchDate));
        const entry: FecAccountLine = {
          line,
          side: isCustomer ? 'customer' : 'supplier',
          account,
          code: auxNum === '' ? account : auxNum,
          name: (auxNum === '' ? field(fields, at.accountLabel) : field(fields, at.auxLabel)) || field(fields, at.accountLabel),
          pieceRef: field(fields, at.pieceRef),
          pieceDay: dayOf(field(fields, at.pieceDate)) ?? entryDay,
          entryDay,
          label: field(fields, at.label),
          amount,
          currency,
          matchCode,
          matchDay,
          opening: isOpeningEntry(field(fields, at.journalCode), field(fields, at.journalLabel), field(fields, at.label)),
        };
        const partial = matchCode !== null && isPartialMatchCode(matchCode, options.partialMatch);
        if (partial) partiallyMatchedLines++;
        // Matched on or before the as-of date: settled then. Matched later: still open then.
        if (matchCode !== null && !partial && (matchDay === null || matchDay <= options.asOf)) settled.push(entry);
        else (isCustomer ? receivables : payables).push(entry);
      } catch (error) {
        if (!(error instanceof AgeBucketError)) throw error;
        skipped.push({ line, error });
      }
    },
    { column: at.account, wanted: wantedAccount },
    options.progress,
  );
  return {
    separator,
    lineCount: Math.max(0, nonBlankLines - 1),
    receivables,
    payables,
    settled,
    partiallyMatchedLines,
    bookedAfterAsOf,
    bookCurrency,
    sales,
    purchases,
    firstDay,
    lastDay,
    skipped,
  };
}

// The à-nouveaux journal as accounting software names it: code AN (or RAN), label "A nouveaux",
// "Reports à nouveau", "Journal d'ouverture"; or an entry labelled "Reprise à nouveau", "Solde
// d'ouverture". Compared without case, accents or punctuation.
const OPENING_JOURNAL_CODES = new Set(['an', 'ran', 'ano']);
const OPENING_WORDS = /\b(?:a nouveaux?|report a nouveau|reports a nouveau|ouverture|opening balances?|opening entr(?:y|ies))\b/;

function folded(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Whether a line is an opening entry (à-nouveau), from its journal or its label. */
export function isOpeningEntry(journalCode: string, journalLabel: string, label: string): boolean {
  if (OPENING_JOURNAL_CODES.has(folded(journalCode))) return true;
  return OPENING_WORDS.test(folded(journalLabel)) || OPENING_WORDS.test(folded(label));
}

/**
 * The closing date of the year a FEC covers, from its name: the administration names the file
 * SirenFECAAAAMMJJ, AAAAMMJJ being the closing date of the year (BOFiP BOI-CF-IOR-60-40-20, on
 * the files of article A47 A-1 of the Livre des procédures fiscales). Null when the name does
 * not follow it (a renamed file): then the last entry stands for it.
 */
export function fecClosingDayOfName(fileName: string): DayNumber | null {
  const match = /(?:^|[\\/])\d{9}FEC(\d{4})(\d{2})(\d{2})(?:\D[^\\/]*)?$/i.exec(fileName);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isValidCalendarDate(year, month, day) ? dayFromCalendar(year, month, day) : null;
}
