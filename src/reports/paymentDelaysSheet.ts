// The payment-delays table as a sheet, laid out like the model of annexe 4-1 of the Code de
// commerce (arrêté of 20 March 2017, JORF n° 0068 of 21 March 2017, text n° 17): the invoices
// received on the left, the invoices issued on the right, the brackets across, rows (A), (B)
// and (C), merged headings, borders, printed on one A4 page across in landscape. French by
// default (it goes into a French management report); English for readers who need it. Under
// the table, every input and choice; a second sheet lists every invoice with its bracket.
//
// The model cites L. 441-6 and L. 443-1 for the legal terms: ordonnance n° 2019-359 of 24 April
// 2019 renumbered them L. 441-10 and L. 441-11, which the labels below cite.

import type { CellRange, SheetCell, SheetLayout } from '../ageing/agedBalanceSheet';
import { type DayNumber, excelSerialFromDay, formatLongDate, formatShortDate } from '../primitives/dates';
import type { AgeBucketError, Language } from '../primitives/messages';
import { amountFromMinor, formatMoney, type MinorUnits } from '../primitives/money';
import {
  BRACKET_COUNT,
  type CountAndAmount,
  type DelaySide,
  type Placement,
  type PlacementKind,
  type ReferenceTerms,
  shareOf,
} from './paymentDelays';

export type TaxBasis = 'HT' | 'TTC';
export type DelaysSection = 'I' | 'II';

export interface PaymentDelaysSheetInput {
  readonly section: DelaysSection;
  readonly received: DelaySide | null;
  readonly issued: DelaySide;
  readonly closingDay: DayNumber;
  readonly yearStartDay: DayNumber;
  readonly terms: ReferenceTerms;
  readonly currency: string;
  /** Whether the ledgers' amounts include tax. */
  readonly amountBasis: TaxBasis;
  /** Whether the purchases and turnover entered include tax. */
  readonly baseBasis: TaxBasis;
  /** The year's purchases and turnover (section I), minor units; null when not entered. */
  readonly purchases: MinorUnits | null;
  readonly turnover: MinorUnits | null;
  readonly companyName: string;
  /** Where each side was read ("Créances!A1:Q337"), and the rows that could not be used. */
  readonly issuedSource: string;
  readonly receivedSource: string | null;
  readonly skippedRows: number;
  /** Rows of the dunning log that could not be read: a dispute they record is not known. */
  readonly unreadableLogRows: number;
  /** Where the year's turnover and purchases come from when not typed: an imported FEC. */
  readonly turnoverFrom?: FigureSource | null;
  /** Section II read from an imported FEC's matching: the file and the terms given at import. */
  readonly fecSectionII?: { readonly file: string; readonly terms: string } | null;
  readonly purchasesFrom?: FigureSource | null;
  /**
   * Per side, the terms a FEC import assumed for due dates the FEC does not carry: with the
   * contractual terms, (C) says the due dates are assumed, not the contracts'.
   */
  readonly assumedTerms?: { readonly issued: readonly string[]; readonly received: readonly string[] };
  /** What the user must know before signing: written under the table. */
  readonly warnings?: readonly AgeBucketError[];
  readonly language: Language;
}

/** A figure taken from an imported FEC: the file and the dates of the entries read. */
export interface FigureSource {
  readonly file: string;
  readonly firstDay: DayNumber;
  readonly lastDay: DayNumber;
}

const WORDS = {
  fr: {
    title: 'Délais de paiement des fournisseurs et des clients (article D. 441-6 du code de commerce)',
    closing: (date: string) => `Exercice clos le ${date}`,
    yearFrom: (from: string, to: string) => `Exercice du ${from} au ${to}`,
    headI: {
      received: "Article D. 441 I.-1° : Factures reçues non réglées à la date de clôture de l'exercice dont le terme est échu",
      issued: "Article D. 441 I.-2° : Factures émises non réglées à la date de clôture de l'exercice dont le terme est échu",
    },
    headII: {
      received: "Article D. 441-II : Factures reçues ayant connu un retard de paiement au cours de l'exercice",
      issued: "Article D. 441-II : Factures émises ayant connu un retard de paiement au cours de l'exercice",
    },
    brackets: [
      '0 jour (indicatif)',
      '1 à 30 jours',
      '31 à 60 jours',
      '61 à 90 jours',
      '91 jours et plus',
      'Total (1 jour et plus)',
    ],
    a: '(A) Tranches de retard de paiement',
    count: 'Nombre de factures concernées',
    countII: 'Nombre cumulé de factures concernées',
    amount: (basis: string) => `Montant total des factures concernées (${basis})`,
    amountII: (basis: string) => `Montant cumulé des factures concernées (${basis})`,
    sharePurchases: (basis: string) => `Pourcentage du montant total des achats de l'exercice (${basis})`,
    shareTurnover: (basis: string) => `Pourcentage du chiffre d'affaires de l'exercice (${basis})`,
    shareCountReceived: "Pourcentage du nombre total des factures reçues dans l'année",
    shareCountIssued: "Pourcentage du nombre total des factures émises dans l'année",
    shareAmountReceived: (basis: string) => `Pourcentage du montant total des factures reçues dans l'année (${basis})`,
    shareAmountIssued: (basis: string) => `Pourcentage du montant total des factures émises dans l'année (${basis})`,
    b: '(B) Factures exclues du (A) relatives à des dettes et créances litigieuses ou non comptabilisées',
    excludedCount: 'Nombre des factures exclues',
    excludedAmount: (basis: string) => `Montant total des factures exclues (${basis})`,
    c: '(C) Délais de paiement de référence utilisés (contractuel ou délai légal – article L. 441-10 du code de commerce)',
    cRow: 'Délais de paiement utilisés pour le calcul des retards de paiement',
    contractual: (ticked: boolean) => `${ticked ? '☒' : '☐'} Délais contractuels : échéances portées au grand livre`,
    // A FEC has no due date field (LPF art. A47 A-1, its 18 fields): the import gave each invoice
    // the due date its terms give from the document date (PieceDate). (C) says so, terms quoted.
    contractualAssumed: (terms: string) =>
      `☒ Délais contractuels : non portés au FEC ; échéance supposée à « ${terms} » de la date de pièce`,
    legal: (terms: ReferenceTerms) =>
      `${terms === 'contractual' ? '☐' : '☒'} Délais légaux : ${
        terms === 'legal45EndOfMonth'
          ? '45 jours fin de mois à compter de la date de facture'
          : '60 jours à compter de la date de facture'
      }`,
    notes: 'Données et choix',
    noteClosing: (date: string) => `Date de clôture : ${date}.`,
    noteYear: (from: string, to: string) => `Exercice : du ${from} au ${to}.`,
    noteBasis: (amounts: string, base: string) =>
      `Montants des factures : ${amounts}, tels que les grands livres les donnent ; achats et chiffre d'affaires : ${base}.`,
    noteTerms: (terms: ReferenceTerms) =>
      terms === 'contractual'
        ? 'Retards comptés en jours calendaires après la date d’échéance portée au grand livre (délais contractuels).'
        : `Retards comptés en jours calendaires après l’échéance légale (article L. 441-10 I) : ${
            terms === 'legal45EndOfMonth' ? 'date de facture + 45 jours, puis fin de mois' : 'date de facture + 60 jours'
          }.`,
    noteTermsAssumed: (terms: string) =>
      `Retards comptés en jours calendaires après une échéance supposée : le FEC ne porte pas d’échéance (LPF, art. A47 A-1), l’import l’a fixée à « ${terms} » de la date de pièce.`,
    noteZero:
      'La colonne « 0 jour (indicatif) » donne les factures non réglées dont l’échéance n’est pas dépassée à la date de clôture ; le total ne les compte pas.',
    noteZeroII:
      'La colonne « 0 jour (indicatif) » donne les factures payées dans l’exercice sans retard ; le total ne les compte pas.',
    noteNet:
      'Chaque facture compte une fois, pour son reste dû net des règlements partiels et des avoirs qui la désignent (CGI, art. 289 I-1).',
    noteNetII: 'Section II : factures réglées dans l’exercice, pour leur montant total, retard compté à la date de règlement.',
    noteFecII: (file: string, terms: string) =>
      `Section II tirée du FEC « ${file} » : une facture est réglée le jour de l’écriture de règlement lettrée avec elle, les règlements d’un même lettrage allant aux factures les plus anciennes (code civil, art. 1342-10) ; échéances selon les conditions « ${terms} ».`,
    noteExcluded: (issued: string, received: string) =>
      `(B) Factures en litige (colonne litige du grand livre, ou litige ouvert au journal des relances) : émises ${issued} ; reçues ${received}.`,
    noteCredits: (issued: string, received: string) =>
      `Avoirs et règlements non imputés, qui ne désignent aucune facture ouverte, non comptés dans le tableau : émis ${issued} ; reçus ${received}.`,
    noteCurrencies: (list: string) => `Factures en devises, non converties et non comptées dans le tableau : ${list}.`,
    noteOpenings: (issued: string, received: string) =>
      `À-nouveaux (soldes repris de l’exercice précédent), non ventilés par tranche : ni leurs factures ni leurs échéances ne figurent dans l’exercice ; reste dû à la clôture après lettrage : émis ${issued} ; reçus ${received}.`,
    noteOpeningsII: (issued: string, received: string) =>
      `À-nouveaux (soldes repris de l’exercice précédent) réglés dans l’exercice, non ventilés par tranche : ni leurs factures ni leurs échéances ne figurent dans l’exercice : émis ${issued} ; reçus ${received}.`,
    warning: (text: string) => `Avertissement : ${text}.`,
    noteNoBase: (what: string) => `${what} non saisi : pourcentage non calculé.`,
    purchases: 'Montant des achats de l’exercice',
    turnover: 'Chiffre d’affaires de l’exercice',
    noteBases: (purchases: string, turnover: string) => `Achats de l’exercice : ${purchases} ; chiffre d’affaires : ${turnover}.`,
    noteTurnoverFec: (file: string, from: string, to: string) =>
      `Chiffre d’affaires tiré du FEC « ${file} » : classe 70, écritures du ${from} au ${to}, hors taxes.`,
    notePurchasesFec: (file: string, from: string, to: string) =>
      `Achats tirés du FEC « ${file} » : classes 60 à 62 hors variations de stocks (603), écritures du ${from} au ${to}, hors taxes.`,
    notePrint:
      'Impression : A4 paysage, une page en largeur. Excel : déjà réglé sur cette feuille. Google Sheets, qui ne laisse pas un module complémentaire régler l’impression : Fichier › Imprimer, puis Format du papier A4, Orientation Paysage, Échelle Ajuster à la largeur.',
    noteSources: (issued: string, received: string) => `Factures émises : ${issued}. Factures reçues : ${received}.`,
    noReceived: 'aucun grand livre fournisseurs choisi',
    noteSkipped: (rows: number) => `${rows} ligne(s) des grands livres illisibles, non comptées (détail dans le volet).`,
    noteLog: (rows: number) =>
      `${rows} ligne(s) du journal des relances illisible(s) : un litige qu’elles noteraient n’est pas pris en compte.`,
    noteList: 'Le détail de chaque facture et de sa tranche figure sur la feuille de détail.',
    noteSource:
      'Modèle : annexe 4-1 du code de commerce (arrêté du 20 mars 2017, JORF n° 0068 du 21 mars 2017, texte n° 17) ; article D. 441-6 du code de commerce.',
    none: 'néant',
    pieces: (count: number, amount: string) => `${count} pour ${amount}`,
    sheetName: 'Délais de paiement',
    listName: 'Délais – détail',
    list: {
      side: 'Factures',
      received: 'Reçues',
      issued: 'Émises',
      party: 'Tiers',
      number: 'N° facture',
      invoiceDate: 'Date facture',
      dueDate: 'Échéance de référence',
      paidDate: 'Date de règlement',
      days: 'Jours de retard',
      bracket: 'Tranche',
      amount: 'Montant retenu',
      currency: 'Devise',
      placement: 'Traitement',
      row: 'Ligne du grand livre',
    },
    placements: {
      bracket: 'Compté (A)',
      disputed: 'Exclu (B) : litige au grand livre',
      disputedInLog: 'Exclu (B) : litige au journal des relances',
      creditApplied: 'Avoir imputé sur la facture désignée',
      matchedApplied: 'Règlement ou avoir lettré avec la facture : déduit de son montant',
      creditApart: 'Avoir ou règlement non imputé : hors tableau',
      creditAfterClosing: 'Avoir ou règlement postérieur à la clôture : hors tableau',
      otherCurrency: 'Autre devise : hors tableau',
      afterClosing: 'Facture postérieure à la clôture : hors tableau',
      settled: 'Soldée par un avoir : hors tableau',
      settledByMatch: 'Soldée à la clôture par les règlements lettrés avec elle : hors tableau',
      paidInYear: 'Réglée dans l’exercice (A)',
      openingBalance: 'À-nouveau : factures et échéances dans l’exercice précédent, hors tableau (listé sous le tableau)',
    } satisfies Record<PlacementKind, string>,
    // The trace of a netting on the list: what was taken off an invoice, and where a line went.
    deducted: (amount: string) => ` ; déduction faite de ${amount} de règlements ou d’avoirs`,
    appliedTo: (invoices: string) => ` (facture ${invoices})`,
    matchCode: (code: string) => ` ; lettrage ${code}`,
  },
  en: {
    title: 'Payment delays of suppliers and customers (article D. 441-6 of the French Commercial Code)',
    closing: (date: string) => `Year ended ${date}`,
    yearFrom: (from: string, to: string) => `Year from ${from} to ${to}`,
    headI: {
      received: 'Article D. 441 I.-1°: invoices received, unpaid at the closing date of the year and past due',
      issued: 'Article D. 441 I.-2°: invoices issued, unpaid at the closing date of the year and past due',
    },
    headII: {
      received: 'Article D. 441-II: invoices received that were paid late during the year',
      issued: 'Article D. 441-II: invoices issued that were paid late during the year',
    },
    brackets: [
      '0 days (indicative)',
      '1 to 30 days',
      '31 to 60 days',
      '61 to 90 days',
      '91 days and more',
      'Total (1 day and more)',
    ],
    a: '(A) Late-payment brackets',
    count: 'Number of invoices concerned',
    countII: 'Cumulative number of invoices concerned',
    amount: (basis: string) => `Total amount of the invoices concerned (${basis})`,
    amountII: (basis: string) => `Cumulative amount of the invoices concerned (${basis})`,
    sharePurchases: (basis: string) => `Percentage of the year's total purchases (${basis})`,
    shareTurnover: (basis: string) => `Percentage of the year's turnover (${basis})`,
    shareCountReceived: 'Percentage of the total number of invoices received in the year',
    shareCountIssued: 'Percentage of the total number of invoices issued in the year',
    shareAmountReceived: (basis: string) => `Percentage of the total amount of invoices received in the year (${basis})`,
    shareAmountIssued: (basis: string) => `Percentage of the total amount of invoices issued in the year (${basis})`,
    b: '(B) Invoices excluded from (A): disputed or unrecorded payables and receivables',
    excludedCount: 'Number of invoices excluded',
    excludedAmount: (basis: string) => `Total amount of the invoices excluded (${basis})`,
    c: '(C) Reference payment terms used (contractual or legal terms – article L. 441-10 of the Commercial Code)',
    cRow: 'Payment terms used to count the delays',
    contractual: (ticked: boolean) => `${ticked ? '☒' : '☐'} Contractual terms: the due dates in the ledger`,
    contractualAssumed: (terms: string) =>
      `☒ Contractual terms: not in the FEC; due date assumed at "${terms}" from the document date`,
    legal: (terms: ReferenceTerms) =>
      `${terms === 'contractual' ? '☐' : '☒'} Legal terms: ${
        terms === 'legal45EndOfMonth' ? '45 days end of month from the invoice date' : '60 days from the invoice date'
      }`,
    notes: 'Inputs and choices',
    noteClosing: (date: string) => `Closing date: ${date}.`,
    noteYear: (from: string, to: string) => `Financial year: ${from} to ${to}.`,
    noteBasis: (amounts: string, base: string) =>
      `Invoice amounts: ${amounts}, as the ledgers give them; purchases and turnover: ${base}.`,
    noteTerms: (terms: ReferenceTerms) =>
      terms === 'contractual'
        ? 'Delays counted in calendar days after the due date in the ledger (contractual terms).'
        : `Delays counted in calendar days after the legal due date (article L. 441-10 I): ${
            terms === 'legal45EndOfMonth' ? 'invoice date + 45 days, then the end of the month' : 'invoice date + 60 days'
          }.`,
    noteTermsAssumed: (terms: string) =>
      `Delays counted in calendar days after an assumed due date: a FEC carries no due date (LPF art. A47 A-1); the import set it at "${terms}" from the document date.`,
    noteZero:
      'The "0 days (indicative)" column gives the unpaid invoices not past due at the closing date; the total does not count them.',
    noteZeroII:
      'The "0 days (indicative)" column gives the invoices paid on time during the year; the total does not count them.',
    noteNet:
      'Each invoice counts once, for what is still unpaid, net of partial payments and of the credit notes that name it (CGI art. 289 I-1).',
    noteNetII: 'Section II: invoices paid during the year, for their full amount, the delay counted at the payment date.',
    noteFecII: (file: string, terms: string) =>
      `Section II read from the FEC "${file}": an invoice is paid on the day of the payment entry matched with it, the payments of one matching code going to the oldest invoices first (Code civil, art. 1342-10); due dates by the terms "${terms}".`,
    noteExcluded: (issued: string, received: string) =>
      `(B) Disputed invoices (the ledger's disputed column, or an open dispute in the dunning log): issued ${issued}; received ${received}.`,
    noteCredits: (issued: string, received: string) =>
      `Credit notes and unapplied payments that name no open invoice, not counted in the table: issued ${issued}; received ${received}.`,
    noteCurrencies: (list: string) => `Invoices in other currencies, not converted and not counted in the table: ${list}.`,
    noteOpenings: (issued: string, received: string) =>
      `Opening balances (à-nouveaux, carried from the last year), not spread over the brackets: neither their invoices nor their due dates are in this year's books; unpaid at the closing date after matching: issued ${issued}; received ${received}.`,
    noteOpeningsII: (issued: string, received: string) =>
      `Opening balances (à-nouveaux, carried from the last year) paid during the year, not spread over the brackets: neither their invoices nor their due dates are in this year's books: issued ${issued}; received ${received}.`,
    warning: (text: string) => `Warning: ${text}.`,
    noteNoBase: (what: string) => `${what} not entered: percentage not computed.`,
    purchases: "The year's purchases",
    turnover: "The year's turnover",
    noteBases: (purchases: string, turnover: string) => `The year's purchases: ${purchases}; turnover: ${turnover}.`,
    noteTurnoverFec: (file: string, from: string, to: string) =>
      `Turnover taken from the FEC "${file}": class 70, entries from ${from} to ${to}, excluding tax.`,
    notePurchasesFec: (file: string, from: string, to: string) =>
      `Purchases taken from the FEC "${file}": classes 60 to 62 without the stock variations (603), entries from ${from} to ${to}, excluding tax.`,
    notePrint:
      'Printing: A4 landscape, one page wide. Excel: already set on this sheet. Google Sheets, which does not let an add-on set print options: File › Print, then Paper size A4, Page orientation Landscape, Scale Fit to width.',
    noteSources: (issued: string, received: string) => `Invoices issued: ${issued}. Invoices received: ${received}.`,
    noReceived: 'no supplier ledger chosen',
    noteSkipped: (rows: number) => `${rows} ledger row(s) could not be read and are not counted (listed in the pane).`,
    noteLog: (rows: number) => `${rows} dunning-log row(s) could not be read: a dispute they record is not taken into account.`,
    noteList: 'The detail sheet lists every invoice with its bracket.',
    noteSource:
      'Model: annexe 4-1 of the French Commercial Code (arrêté of 20 March 2017, JORF n° 0068 of 21 March 2017, text n° 17); article D. 441-6 of the Commercial Code.',
    none: 'none',
    pieces: (count: number, amount: string) => `${count} for ${amount}`,
    sheetName: 'Payment delays',
    // With its date, a sheet name fits Excel's 31 characters.
    listName: 'Delays – detail',
    list: {
      side: 'Invoices',
      received: 'Received',
      issued: 'Issued',
      party: 'Party',
      number: 'Invoice no.',
      invoiceDate: 'Invoice date',
      dueDate: 'Reference due date',
      paidDate: 'Paid on',
      days: 'Days late',
      bracket: 'Bracket',
      amount: 'Amount counted',
      currency: 'Currency',
      placement: 'Treatment',
      row: 'Ledger row',
    },
    placements: {
      bracket: 'Counted (A)',
      disputed: 'Excluded (B): disputed in the ledger',
      disputedInLog: 'Excluded (B): dispute in the dunning log',
      creditApplied: 'Credit note applied to the invoice it names',
      matchedApplied: 'Payment or credit note matched with the invoice: deducted from it',
      creditApart: 'Credit note or unapplied payment: outside the table',
      creditAfterClosing: 'Credit note or payment after the closing date: outside the table',
      otherCurrency: 'Other currency: outside the table',
      afterClosing: 'Invoice after the closing date: outside the table',
      settled: 'Settled by a credit note: outside the table',
      settledByMatch: 'Settled at the closing date by the payments matched with it: outside the table',
      paidInYear: 'Paid during the year (A)',
      openingBalance: 'Opening balance: invoices and due dates in last year’s books, outside the table (listed under it)',
    } satisfies Record<PlacementKind, string>,
    deducted: (amount: string) => `; net of ${amount} of payments or credit notes`,
    appliedTo: (invoices: string) => ` (invoice ${invoices})`,
    matchCode: (code: string) => `; lettrage ${code}`,
  },
} as const;

/** Why a line is where it is, with what was netted and the matching code that did it. */
function placementText(placement: Placement, language: Language): string {
  const words = WORDS[language];
  let text: string = words.placements[placement.kind];
  if (placement.appliedTo !== undefined && placement.appliedTo.length > 0)
    text += words.appliedTo(placement.appliedTo.join(', '));
  if (placement.deducted !== undefined && placement.deducted > 0)
    text += words.deducted(formatMoney(placement.deducted, placement.item.currency, language));
  const code = placement.item.matchCode ?? null;
  if (code !== null && code !== '') text += words.matchCode(code);
  return text;
}

/** The sheets' names in the user's language. */
export function paymentDelaysSheetNames(language: Language): { table: string; list: string } {
  return { table: WORDS[language].sheetName, list: WORDS[language].listName };
}

const WIDTH = 1 + 2 * (BRACKET_COUNT + 1);
const COUNT_FORMAT = '0';
const AMOUNT_FORMAT = '#,##0.00';
const SHARE_FORMAT = '0.00%';

const basisWord = (basis: TaxBasis, language: Language) =>
  language === 'fr' ? basis : basis === 'HT' ? 'excl. VAT' : 'incl. VAT';

/** The table sheet: one row of labels down column A, received in B-G, issued in H-M. */
export function paymentDelaysSheet(input: PaymentDelaysSheetInput): SheetLayout {
  const words = WORDS[input.language];
  const language = input.language;
  const amounts = basisWord(input.amountBasis, language);
  const bases = basisWord(input.baseBasis, language);
  const money = (minor: MinorUnits) => amountFromMinor(minor, input.currency);
  const rows: SheetCell[][] = [];
  const merges: CellRange[] = [];
  const shaded: CellRange[] = [];
  const wrapped: CellRange[] = [];
  const cellFormats: Array<{ row: number; column: number; format: string }> = [];
  const bold: number[] = [];
  const blank = () => Array.from({ length: WIDTH }, (): SheetCell => null);
  const fullRow = (text: string, options: { shade?: boolean; bold?: boolean } = {}) => {
    const row = rows.length;
    const cells = blank();
    cells[0] = text;
    rows.push(cells);
    merges.push({ row, column: 0, rows: 1, columns: WIDTH });
    wrapped.push({ row, column: 0, rows: 1, columns: WIDTH });
    if (options.shade) shaded.push({ row, column: 0, rows: 1, columns: WIDTH });
    if (options.bold) bold.push(row);
    return row;
  };
  const received = { first: 1, side: input.received };
  const issued = { first: 1 + BRACKET_COUNT + 1, side: input.issued };
  const sides = [received, issued];

  fullRow(words.title, { bold: true });
  fullRow(
    [input.companyName.trim(), words.closing(formatLongDate(input.closingDay, language))].filter((t) => t !== '').join(' — '),
  );
  rows.push([]);

  const tableTop = rows.length;
  const heads = input.section === 'I' ? words.headI : words.headII;
  const headRow = blank();
  headRow[received.first] = heads.received;
  headRow[issued.first] = heads.issued;
  rows.push(headRow);
  const bracketRow = blank();
  for (const { first } of sides) {
    words.brackets.forEach((label, index) => {
      bracketRow[first + index] = label;
    });
  }
  rows.push(bracketRow);
  merges.push({ row: tableTop, column: 0, rows: 2, columns: 1 });
  for (const { first } of sides) merges.push({ row: tableTop, column: first, rows: 1, columns: BRACKET_COUNT + 1 });
  shaded.push({ row: tableTop, column: 0, rows: 2, columns: WIDTH });
  wrapped.push({ row: tableTop, column: 0, rows: 2, columns: WIDTH });
  bold.push(tableTop, tableTop + 1);

  fullRow(words.a, { shade: true, bold: true });
  /** A row of six values per side; a side the row does not concern is shaded and empty. */
  const bracketValues = (
    label: string,
    value: (side: DelaySide, index: number) => number | null,
    format: string,
    concerns: 'both' | 'received' | 'issued' = 'both',
  ) => {
    const row = rows.length;
    const cells = blank();
    cells[0] = label;
    for (const [which, { first, side }] of [
      ['received', received],
      ['issued', issued],
    ] as const) {
      if (concerns !== 'both' && concerns !== which) {
        shaded.push({ row, column: first, rows: 1, columns: BRACKET_COUNT + 1 });
        continue;
      }
      for (let index = 0; index <= BRACKET_COUNT; index++) {
        cells[first + index] = side === null ? null : value(side, index);
        cellFormats.push({ row, column: first + index, format });
      }
    }
    wrapped.push({ row, column: 0, rows: 1, columns: 1 });
    rows.push(cells);
  };
  const bucket = (side: DelaySide, index: number): CountAndAmount =>
    index < BRACKET_COUNT ? (side.brackets[index] as CountAndAmount) : side.late;

  if (input.section === 'I') {
    bracketValues(words.count, (side, index) => bucket(side, index).count, COUNT_FORMAT);
    bracketValues(words.amount(amounts), (side, index) => money(bucket(side, index).amount), AMOUNT_FORMAT);
    bracketValues(
      words.sharePurchases(bases),
      (side, index) => shareOf(bucket(side, index).amount, input.purchases),
      SHARE_FORMAT,
      'received',
    );
    bracketValues(
      words.shareTurnover(bases),
      (side, index) => shareOf(bucket(side, index).amount, input.turnover),
      SHARE_FORMAT,
      'issued',
    );
  } else {
    bracketValues(words.countII, (side, index) => bucket(side, index).count, COUNT_FORMAT);
    bracketValues(words.amountII(amounts), (side, index) => money(bucket(side, index).amount), AMOUNT_FORMAT);
    const countShare = (side: DelaySide, index: number) => shareOf(bucket(side, index).count, side.yearInvoices.count);
    const amountShare = (side: DelaySide, index: number) => shareOf(bucket(side, index).amount, side.yearInvoices.amount);
    bracketValues(words.shareCountReceived, countShare, SHARE_FORMAT, 'received');
    bracketValues(words.shareCountIssued, countShare, SHARE_FORMAT, 'issued');
    bracketValues(words.shareAmountReceived(amounts), amountShare, SHARE_FORMAT, 'received');
    bracketValues(words.shareAmountIssued(amounts), amountShare, SHARE_FORMAT, 'issued');
  }

  fullRow(words.b, { shade: true, bold: true });
  /** One value per side, each across its six columns. */
  const sideValue = (label: string, value: (side: DelaySide) => SheetCell, format: string | null) => {
    const row = rows.length;
    const cells = blank();
    cells[0] = label;
    for (const { first, side } of sides) {
      cells[first] = side === null ? null : value(side);
      merges.push({ row, column: first, rows: 1, columns: BRACKET_COUNT + 1 });
      if (format) cellFormats.push({ row, column: first, format });
      else wrapped.push({ row, column: first, rows: 1, columns: BRACKET_COUNT + 1 });
    }
    wrapped.push({ row, column: 0, rows: 1, columns: 1 });
    rows.push(cells);
  };
  sideValue(words.excludedCount, (side) => side.excluded.count, COUNT_FORMAT);
  sideValue(words.excludedAmount(amounts), (side) => money(side.excluded.amount), AMOUNT_FORMAT);

  fullRow(words.c, { shade: true, bold: true });
  const termsText = (side: DelaySide) => {
    const assumed = side === input.issued ? input.assumedTerms?.issued : input.assumedTerms?.received;
    const contractual =
      input.terms === 'contractual' && assumed !== undefined && assumed.length > 0
        ? words.contractualAssumed(assumed.join(' / '))
        : words.contractual(input.terms === 'contractual');
    return `${contractual}\n${words.legal(input.terms)}`;
  };
  sideValue(words.cRow, termsText, null);
  const tableBottom = rows.length - 1;

  rows.push([]);
  fullRow(words.notes, { bold: true });
  const dayText = (day: DayNumber) => formatShortDate(day);
  const countText = (totals: CountAndAmount) =>
    totals.count === 0 ? words.none : words.pieces(totals.count, formatMoney(totals.amount, input.currency, language));
  const otherSide = input.received;
  for (const warning of input.warnings ?? []) fullRow(words.warning(warning.localized(language)));
  fullRow(words.noteClosing(dayText(input.closingDay)));
  if (input.section === 'II') fullRow(words.noteYear(dayText(input.yearStartDay), dayText(input.closingDay)));
  fullRow(words.noteBasis(amounts, bases));
  const assumed = [...new Set([...(input.assumedTerms?.issued ?? []), ...(input.assumedTerms?.received ?? [])])];
  fullRow(
    input.terms === 'contractual' && assumed.length > 0
      ? words.noteTermsAssumed(assumed.join(' / '))
      : words.noteTerms(input.terms),
  );
  fullRow(input.section === 'I' ? words.noteZero : words.noteZeroII);
  fullRow(input.section === 'I' ? words.noteNet : words.noteNetII);
  if (input.section === 'II' && input.fecSectionII) fullRow(words.noteFecII(input.fecSectionII.file, input.fecSectionII.terms));
  if (input.section === 'I') {
    const base = (minor: MinorUnits | null) => (minor === null ? words.none : formatMoney(minor, input.currency, language));
    fullRow(words.noteBases(base(input.purchases), base(input.turnover)));
    if (input.purchasesFrom && input.received !== null) {
      const from = input.purchasesFrom;
      fullRow(words.notePurchasesFec(from.file, dayText(from.firstDay), dayText(from.lastDay)));
    }
    if (input.turnoverFrom) {
      const from = input.turnoverFrom;
      fullRow(words.noteTurnoverFec(from.file, dayText(from.firstDay), dayText(from.lastDay)));
    }
    if (input.purchases === null && input.received !== null) fullRow(words.noteNoBase(words.purchases));
    if (input.turnover === null) fullRow(words.noteNoBase(words.turnover));
  }
  fullRow(words.noteExcluded(countText(input.issued.excluded), otherSide ? countText(otherSide.excluded) : words.noReceived));
  fullRow(
    words.noteCredits(countText(input.issued.creditsApart), otherSide ? countText(otherSide.creditsApart) : words.noReceived),
  );
  if (input.issued.openings.count > 0 || (otherSide?.openings.count ?? 0) > 0) {
    const openings = input.section === 'I' ? words.noteOpenings : words.noteOpeningsII;
    fullRow(openings(countText(input.issued.openings), otherSide ? countText(otherSide.openings) : words.noReceived));
  }
  const currencies = new Map<string, CountAndAmount>();
  for (const side of [input.issued, input.received]) {
    for (const [currency, totals] of side?.otherCurrencies ?? []) {
      const sum = currencies.get(currency) ?? { count: 0, amount: 0 };
      sum.count += totals.count;
      sum.amount += totals.amount;
      currencies.set(currency, sum);
    }
  }
  if (currencies.size > 0) {
    const list = [...currencies.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([currency, totals]) => `${currency} ${words.pieces(totals.count, formatMoney(totals.amount, currency, language))}`)
      .join(' ; ');
    fullRow(words.noteCurrencies(list));
  }
  fullRow(words.noteSources(input.issuedSource, input.receivedSource ?? words.noReceived));
  if (input.skippedRows > 0) fullRow(words.noteSkipped(input.skippedRows));
  if (input.unreadableLogRows > 0) fullRow(words.noteLog(input.unreadableLogRows));
  fullRow(words.noteList);
  fullRow(words.notePrint);
  fullRow(words.noteSource);

  // Values sit only in a merged block's first cell: the others stay empty for every writer.
  const widths = [46, ...Array.from({ length: 2 * (BRACKET_COUNT + 1) }, () => 12)];
  return {
    rows,
    columnFormats: Array.from({ length: WIDTH }, () => null),
    boldRows: bold,
    cellFormats,
    chart: null,
    merges,
    borders: [{ row: tableTop, column: 0, rows: tableBottom - tableTop + 1, columns: WIDTH }],
    wrapped,
    shaded,
    columnWidths: widths,
    print: {
      orientation: 'landscape',
      paper: 'A4',
      onePage: true,
      area: { row: 0, column: 0, rows: rows.length, columns: WIDTH },
    },
  };
}

const DATE_FORMAT = 'dd/mm/yyyy';

/** The detail sheet: every invoice of both ledgers, where it went and why. */
export function paymentDelaysListSheet(
  sides: ReadonlyArray<{ readonly side: 'received' | 'issued'; readonly placements: readonly Placement[] }>,
  language: Language,
): SheetLayout {
  const words = WORDS[language];
  const list = words.list;
  const rows: SheetCell[][] = [
    [
      list.side,
      list.party,
      list.number,
      list.invoiceDate,
      list.dueDate,
      list.paidDate,
      list.days,
      list.bracket,
      list.amount,
      list.currency,
      list.placement,
      list.row,
    ],
  ];
  const serial = (day: DayNumber | null) => (day === null ? null : excelSerialFromDay(day));
  for (const { side, placements } of sides) {
    for (const placement of placements) {
      const { item } = placement;
      rows.push([
        side === 'received' ? list.received : list.issued,
        item.party,
        item.invoiceNumber,
        serial(item.invoiceDay),
        serial(placement.referenceDueDay),
        serial(item.paidDay),
        placement.daysLate,
        placement.bracket === null ? null : words.brackets[placement.bracket],
        amountFromMinor(placement.amount, item.currency),
        item.currency,
        placementText(placement, language),
        item.row,
      ]);
    }
  }
  return {
    rows,
    columnFormats: [null, null, null, DATE_FORMAT, DATE_FORMAT, DATE_FORMAT, '0', null, AMOUNT_FORMAT, null, null, '0'],
    boldRows: [0],
    cellFormats: [],
    chart: null,
    borders: [{ row: 0, column: 0, rows: rows.length, columns: 12 }],
    print: {
      orientation: 'landscape',
      paper: 'A4',
      onePage: false,
      area: { row: 0, column: 0, rows: rows.length, columns: 12 },
    },
  };
}
