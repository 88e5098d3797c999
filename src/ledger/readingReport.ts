// What the reading of a ledger decided and left out, in the user's language: the pane shows it
// under the ledger so that no row disappears without a word (matched lines, totals rows,
// blank separators, skipped rows) and every guess can be checked (the amount's source, each date
// column's order and why).

import { type DayNumber, formatShortDate, yearOfTwoDigits } from '../primitives/dates';
import { numberText } from '../primitives/localeText';
import type { Language } from '../primitives/messages';
import { type AmountSource, COLUMN_LABELS, type DateColumnReading, type Ledger, type PartialMatchRule } from './ledger';

const MAX_ROWS_LISTED = 5;

/** "1 row", "2 rows"; French treats 0 and 1 as singular ("0 ligne", "1 ligne"). */
function plural(language: Language, n: number, one: string, other: string): string {
  const singular = language === 'fr' ? n < 2 : n === 1;
  return `${numberText(n, language)} ${singular ? one : other}`;
}

function rowList(rows: readonly number[], language: Language): string {
  const shown = rows.slice(0, MAX_ROWS_LISTED).join(', ');
  const more = rows.length - MAX_ROWS_LISTED;
  if (more <= 0) return shown;
  return language === 'fr' ? `${shown} et ${more} autres` : `${shown} and ${more} more`;
}

const WORDS = {
  en: {
    rows: (rows: number, items: number) =>
      `${plural('en', rows, 'row', 'rows')} under the header: ${plural('en', items, 'open item', 'open items')}`,
    matched: (n: number) => `${plural('en', n, 'matched line', 'matched lines')} (lettrage) closed`,
    paid: (n: number, date: string | null) =>
      `${plural('en', n, 'line', 'lines')} paid on or before ${date ?? 'the as-of date'} set aside (paid-date column): payment history, not open items`,
    issuedLater: (n: number, date: string | null) =>
      `${plural('en', n, 'line', 'lines')} dated after ${date ?? 'the as-of date'} set aside: not yet issued on it`,
    partial: (n: number) => `${plural('en', n, 'partly matched line', 'partly matched lines')} kept open`,
    totals: (n: number, rows: string) =>
      `${plural('en', n, 'totals row', 'totals rows')} left out (${n === 1 ? 'row' : 'rows'} ${rows})`,
    blank: (n: number) => plural('en', n, 'blank row', 'blank rows'),
    headings: (n: number) => plural('en', n, 'section heading', 'section headings'),
    skipped: (n: number) => `${plural('en', n, 'row that cannot be read', 'rows that cannot be read')} (listed below)`,
    assumedCurrency: (code: string) =>
      `No currency column: every amount is read in ${code}. If the ledger is in another currency, change "Currency when none is given" in Settings (or map a currency column).`,
    source: {
      openAmount: 'Open amount: the open-amount column.',
      debitCredit: 'Open amount: debit − credit.',
      signedAmount: 'Open amount: the amount, credit when the D/C column says C.',
      amount: 'Open amount: the amount column (no open-amount column: partly paid invoices count in full).',
    } satisfies Record<AmountSource, string>,
    partialRule: {
      lowerCaseOrStar: 'Matching codes in lower case or with * are partial matches: their lines stay open.',
      none: 'Every matching code closes its line (lower-case codes are not read as partial matches).',
    } satisfies Record<PartialMatchRule, string>,
    order: { dayFirst: 'day-first (31/12/2026)', monthFirst: 'month-first (12/31/2026)' },
    proved: (column: string, order: string, example: string) => `${column}: read ${order}; "${example}" fits no other order.`,
    conflict: (column: string, order: string) =>
      `${column}: the column mixes both orders; read ${order} as most of its dates are, the other rows are skipped.`,
    locale: (column: string, order: string, locale: string) =>
      `${column}: every date fits both orders, and no other date column of the file settles it; read ${order} as the workbook's locale (${locale}) writes dates. If wrong, set it with the month-first box beside this column, under Ageing › Columns.`,
    file: (column: string, order: string, other: string, example: string) =>
      `${column}: every date fits both orders; read ${order} as the same file's ${other} column is ("${example}" fits no other order).`,
    user: (column: string, order: string) => `${column}: read ${order}, as you chose.`,
    namedMonth: (column: string, example: string) =>
      `${column}: read as day-month name-year ("${example}"), month names in English or French.`,
    twoDigitYear: (column: string, example: string, year: number) =>
      `${column}: two-digit years are read as 1930 to 2029, as Excel reads them ("${example}" is in ${year}); write four digits for a year outside.`,
    openings: (n: number) =>
      n === 1
        ? '1 opening balance (à-nouveau) has no due date: it is aged from its date, and no interest or recovery fee is claimed on it.'
        : `${numberText(n, 'en')} opening balances (à-nouveaux) have no due date: they are aged from their date, and no interest or recovery fee is claimed on them.`,
    customerFromCode: (column: string) =>
      `Customer: no customer-name column, so each account is a customer named by its code (column "${column}"). Map a name column in the column list if there is one.`,
  },
  fr: {
    rows: (rows: number, items: number) =>
      `${plural('fr', rows, 'ligne', 'lignes')} sous l’en-tête : ${plural('fr', items, 'pièce ouverte', 'pièces ouvertes')}`,
    matched: (n: number) => plural('fr', n, 'ligne lettrée soldée', 'lignes lettrées soldées'),
    paid: (n: number, date: string | null) =>
      `${plural('fr', n, 'ligne réglée', 'lignes réglées')} au plus tard ${date === null ? 'à la date d’arrêté' : `le ${date}`} ${n < 2 ? 'écartée' : 'écartées'} (colonne date de règlement) : historique des règlements, pas des pièces ouvertes`,
    issuedLater: (n: number, date: string | null) =>
      `${plural('fr', n, 'ligne datée', 'lignes datées')} après ${date === null ? 'la date d’arrêté' : `le ${date}`} ${n < 2 ? 'écartée' : 'écartées'} : pas encore ${n < 2 ? 'émise' : 'émises'} à cette date`,
    partial: (n: number) =>
      `${plural('fr', n, 'ligne', 'lignes')} en lettrage partiel ${n < 2 ? 'laissée ouverte' : 'laissées ouvertes'}`,
    totals: (n: number, rows: string) =>
      `${plural('fr', n, 'ligne de total écartée', 'lignes de total écartées')} (${n < 2 ? 'ligne' : 'lignes'} ${rows})`,
    blank: (n: number) => plural('fr', n, 'ligne vide', 'lignes vides'),
    headings: (n: number) => plural('fr', n, 'intertitre', 'intertitres'),
    skipped: (n: number) => `${plural('fr', n, 'ligne illisible', 'lignes illisibles')} (détail ci-dessous)`,
    assumedCurrency: (code: string) =>
      `Pas de colonne de devise : tous les montants sont lus en ${code}. Si le tableau est dans une autre devise, changez « Devise par défaut » dans les Paramètres (ou associez une colonne de devise).`,
    source: {
      openAmount: 'Reste dû : la colonne du reste dû.',
      debitCredit: 'Reste dû : débit − crédit.',
      signedAmount: 'Reste dû : le montant, au crédit quand la colonne Sens indique C.',
      amount:
        'Reste dû : la colonne du montant (pas de colonne de reste dû : une facture partiellement réglée compte en entier).',
    } satisfies Record<AmountSource, string>,
    partialRule: {
      lowerCaseOrStar:
        'Les codes de lettrage en minuscules ou avec * sont des lettrages partiels : leurs lignes restent ouvertes.',
      none: 'Tout code de lettrage solde sa ligne (les minuscules ne sont pas lues comme un lettrage partiel).',
    } satisfies Record<PartialMatchRule, string>,
    order: { dayFirst: 'jour/mois (31/12/2026)', monthFirst: 'mois/jour (12/31/2026)' },
    proved: (column: string, order: string, example: string) =>
      `${column} : lue en ${order} ; « ${example} » ne se lit pas autrement.`,
    conflict: (column: string, order: string) =>
      `${column} : la colonne mêle les deux ordres ; lue en ${order} comme la plupart de ses dates, les autres lignes sont écartées.`,
    locale: (column: string, order: string, locale: string) =>
      `${column} : chaque date se lit dans les deux ordres, et aucune autre colonne de dates du fichier ne tranche ; lue en ${order} selon les paramètres régionaux du classeur (${locale}). Si c’est faux, réglez-le avec la case mois/jour à côté de cette colonne, dans Balance âgée › Colonnes.`,
    file: (column: string, order: string, other: string, example: string) =>
      `${column} : chaque date se lit dans les deux ordres ; lue en ${order} comme la colonne ${other} du même fichier (« ${example} » ne se lit pas autrement).`,
    user: (column: string, order: string) => `${column} : lue en ${order}, comme vous l’avez choisi.`,
    namedMonth: (column: string, example: string) =>
      `${column} : lue en jour-mois en lettres-année (« ${example} »), mois en français ou en anglais.`,
    twoDigitYear: (column: string, example: string, year: number) =>
      `${column} : les années à deux chiffres sont lues de 1930 à 2029, comme Excel les lit (« ${example} » est en ${year}) ; écrivez quatre chiffres pour une autre année.`,
    openings: (n: number) =>
      n < 2
        ? `${numberText(n, 'fr')} à-nouveau n’a pas d’échéance : il est âgé depuis sa date, sans pénalités ni indemnité de recouvrement réclamées.`
        : `${numberText(n, 'fr')} à-nouveaux n’ont pas d’échéance : ils sont âgés depuis leur date, sans pénalités ni indemnité de recouvrement réclamées.`,
    customerFromCode: (column: string) =>
      `Client : pas de colonne de nom de client, chaque compte est un client désigné par son code (colonne « ${column} »). Affectez une colonne de nom dans la liste des colonnes s’il y en a une.`,
  },
} as const;

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function dateLine(reading: DateColumnReading, language: Language, locale: string): string | null {
  const words = WORDS[language];
  const column = COLUMN_LABELS[language][reading.role];
  const label = capitalised(column);
  const order = words.order[reading.order];
  switch (reading.basis) {
    case 'proved':
      return words.proved(label, order, reading.example ?? '');
    case 'conflict':
      return words.conflict(label, order);
    case 'locale':
      return words.locale(label, order, locale);
    case 'file':
      return words.file(
        label,
        order,
        reading.exampleRole === undefined ? '' : COLUMN_LABELS[language][reading.exampleRole],
        reading.example ?? '',
      );
    case 'user':
      return words.user(label, order);
    case 'none':
      return null;
  }
}

/** The lines the pane shows under the ledger: what was read, what was left out and why. */
export function describeReading(
  ledger: Ledger,
  options: {
    readonly language: Language;
    readonly locale: string;
    readonly partialMatch: PartialMatchRule;
    readonly hasMatchingCodes: boolean;
    /** The as-of date the ledger was read at, named in the line about paid lines. */
    readonly asOf?: DayNumber;
    /** The currency every amount was read in because the ledger has no currency column. */
    readonly assumedCurrency?: string;
  },
): string[] {
  const words = WORDS[options.language];
  const parts: string[] = [words.rows(ledger.rowCount, ledger.items.length)];
  if (ledger.matchedRows > 0) parts.push(words.matched(ledger.matchedRows));
  const asOf = options.asOf === undefined ? null : formatShortDate(options.asOf);
  if (ledger.paid.length > 0) parts.push(words.paid(ledger.paid.length, asOf));
  if (ledger.issuedLaterRows > 0) parts.push(words.issuedLater(ledger.issuedLaterRows, asOf));
  if (ledger.partiallyMatchedRows > 0) parts.push(words.partial(ledger.partiallyMatchedRows));
  if (ledger.totalsRows.length > 0)
    parts.push(words.totals(ledger.totalsRows.length, rowList(ledger.totalsRows, options.language)));
  if (ledger.blankRows > 0) parts.push(words.blank(ledger.blankRows));
  if (ledger.headingRows > 0) parts.push(words.headings(ledger.headingRows));
  if (ledger.skipped.length > 0) parts.push(words.skipped(ledger.skipped.length));
  const lines = [`${parts.join(', ')}.`, words.source[ledger.amountSource]];
  // A ledger without a currency column (IBM's sample) is read in the default currency: said, so
  // that dollars are not silently taken for euros.
  if (options.assumedCurrency) lines.push(words.assumedCurrency(options.assumedCurrency));
  if (options.hasMatchingCodes) lines.push(words.partialRule[options.partialMatch]);
  const openings = ledger.items.reduce((total, item) => total + (item.openingBalance ? 1 : 0), 0);
  if (openings > 0) lines.push(words.openings(openings));
  if (ledger.customerSource === 'customerCode')
    lines.push(words.customerFromCode(ledger.customerHeader ?? COLUMN_LABELS[options.language].customerCode));
  for (const reading of ledger.dateColumns) {
    const line = dateLine(reading, options.language, options.locale || '?');
    if (line !== null) lines.push(line);
    const label = capitalised(COLUMN_LABELS[options.language][reading.role]);
    if (reading.namedMonthExample) lines.push(words.namedMonth(label, reading.namedMonthExample));
    if (reading.twoDigitYearExample) {
      // The example's year: its last two digits before any time part (03/11/26 10:00).
      const twoDigits = Number(/(\d{2})(?:\s.*)?$/.exec(reading.twoDigitYearExample)?.[1] ?? '');
      lines.push(words.twoDigitYear(label, reading.twoDigitYearExample, yearOfTwoDigits(twoDigits)));
    }
  }
  return lines;
}
