// The aged balance as a sheet: what the add-in writes into a new sheet in Excel, Sheets and
// Preview alike, with its number formats and the chart of the buckets.

import { type DayNumber, formatLongDate } from '../primitives/dates';
import { colon, compareNames, numberText } from '../primitives/localeText';
import type { Language } from '../primitives/messages';
import { amountFromMinor } from '../primitives/money';
import type { AgedBalanceReport } from './agedBalance';
import { daysSalesOutstanding } from './kpis';

export type SheetCell = string | number | null;

export interface ChartSpec {
  readonly title: string;
  /** 0-based row and columns of the category labels (the bucket names). */
  readonly categoryRow: number;
  readonly firstColumn: number;
  readonly lastColumn: number;
  /** One series per currency: its total row. */
  readonly series: ReadonlyArray<{ readonly name: string; readonly row: number }>;
}

/** A block of cells, 0-based, as many rows and columns as it spans. */
export interface CellRange {
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
}

/** How the sheet prints: a legal table goes on one A4 page across. */
export interface PrintSettings {
  readonly orientation: 'landscape' | 'portrait';
  readonly paper: 'A4';
  /** Shrink to one page (a table meant to be read on one sheet of paper). */
  readonly onePage: boolean;
  readonly area: CellRange;
}

export interface SheetLayout {
  readonly rows: SheetCell[][];
  /** Excel number format per 0-based column of the table (null: general). */
  readonly columnFormats: ReadonlyArray<string | null>;
  /** 0-based rows to show bold (headers and totals). */
  readonly boldRows: readonly number[];
  /** Formats of single cells that differ from their column's (the indicators). */
  readonly cellFormats: ReadonlyArray<{ readonly row: number; readonly column: number; readonly format: string }>;
  readonly chart: ChartSpec | null;
  /** Blocks shown as one cell (the value sits in the block's first cell; the others are empty). */
  readonly merges?: readonly CellRange[];
  /** Blocks with a thin border around and between every cell. */
  readonly borders?: readonly CellRange[];
  /** Blocks whose text wraps inside the cell (long row labels). */
  readonly wrapped?: readonly CellRange[];
  /** Blocks shaded grey, as the legal model shades its headings. */
  readonly shaded?: readonly CellRange[];
  /** Column widths in characters of the default font, 0-based; missing ones are autofitted. */
  readonly columnWidths?: readonly number[];
  readonly print?: PrintSettings;
}

/** The grey of the legal model's headings, one value for every writer. */
export const SHADE = '#D9D9D9';

/** "1 item", "2,170 items"; French's singular covers 0 and 1 ("2 170 pièces"). */
const count = (n: number, one: string, other: string): string => `${numberText(n, 'en')} ${n === 1 ? one : other}`;
const compte = (n: number, one: string, other: string): string => `${numberText(n, 'fr')} ${n < 2 ? one : other}`;

const WORDS = {
  en: {
    title: 'Aged balance as of',
    basisDue: 'Ageing by due date',
    basisInvoice: 'Ageing by invoice date',
    customer: 'Customer',
    currency: 'Currency',
    total: 'Total',
    share: 'Share',
    items: 'Items',
    oldest: 'Oldest (days overdue)',
    notYetDue: 'not yet due',
    dueToday: 'due today',
    expected: 'Expected collection',
    kpis: 'Indicators',
    overdueShare: 'Overdue share',
    weightedDays: 'Weighted days overdue',
    expectedLoss: 'Expected loss',
    dso: 'DSO (days)',
    read: (items: number, skipped: number, blank: number) =>
      `${count(items, 'item', 'items')} read, ${count(skipped, 'row', 'rows')} skipped, ${count(blank, 'blank row', 'blank rows')}`,
    chart: 'Open amounts by age',
    notes: [
      'Credit notes and unapplied payments are shown in the column of their own date (negative amounts) and netted in the totals, as an aged trial balance shows them.',
      'Expected collection: the curve applied to what each invoice still owes once its account’s credit notes and unapplied payments are set against its oldest invoices.',
    ],
  },
  fr: {
    title: 'Balance âgée au',
    basisDue: 'Ancienneté par date d’échéance',
    basisInvoice: 'Ancienneté par date de facture',
    customer: 'Client',
    currency: 'Devise',
    total: 'Total',
    share: 'Part',
    items: 'Pièces',
    oldest: 'Plus ancienne (jours de retard)',
    notYetDue: 'non échue',
    dueToday: 'échéance ce jour',
    expected: 'Encaissement attendu',
    kpis: 'Indicateurs',
    overdueShare: 'Part échue',
    weightedDays: 'Retard moyen pondéré (jours)',
    expectedLoss: 'Perte attendue',
    dso: 'DSO (jours)',
    // French treats 0 and 1 as singular: "0 ligne ignorée", "1 pièce lue".
    read: (items: number, skipped: number, blank: number) =>
      `${compte(items, 'pièce lue', 'pièces lues')}, ${compte(skipped, 'ligne ignorée', 'lignes ignorées')}, ${compte(blank, 'ligne vide', 'lignes vides')}`,
    chart: 'Encours par ancienneté',
    notes: [
      'Les avoirs et règlements non imputés figurent dans la colonne de leur propre date (montants négatifs) et sont déduits dans les totaux, comme dans toute balance âgée.',
      'Encaissement attendu : la courbe appliquée à ce que chaque facture doit encore, une fois les avoirs et règlements non imputés de son compte déduits de ses plus anciennes factures.',
    ],
  },
} as const;

export interface AgedBalanceSheetOptions {
  readonly asOf: DayNumber;
  readonly language: Language;
  readonly basis: 'dueDate' | 'invoiceDate';
  readonly curveLabel: string;
  /** Sales of the period per currency (minor units) and the period's length, for DSO. */
  readonly sales?: { readonly byCurrency: Readonly<Record<string, number>>; readonly periodDays: number };
}

export function agedBalanceSheet(report: AgedBalanceReport, options: AgedBalanceSheetOptions): SheetLayout {
  const words = WORDS[options.language];
  const { balance } = report;
  const labels = balance.buckets.labels;
  const rows: SheetCell[][] = [
    [`${words.title} ${formatLongDate(options.asOf, options.language)}`],
    [
      `${options.basis === 'dueDate' ? words.basisDue : words.basisInvoice} · ${words.expected}${colon(options.language)}${options.curveLabel}`,
    ],
    [],
  ];
  const headerRow = rows.length;
  rows.push([words.customer, words.currency, ...labels, words.total, words.share, words.items, words.oldest, words.expected]);
  const money = (minor: number, currency: string) => amountFromMinor(minor, currency);
  // Customers in the order a reader of the sheet's language expects ("Bâtiment" before
  // "Brightwater", "Électricité" among the Es), as the pane lists them; a customer's currencies together.
  const byName = compareNames(options.language);
  const lines = [...balance.lines].sort(
    (a, b) => byName(a.customer, b.customer) || (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0),
  );
  for (const line of lines) {
    rows.push([
      line.customer,
      line.currency,
      ...line.buckets.map((amount) => money(amount, line.currency)),
      money(line.total, line.currency),
      line.share,
      line.itemCount,
      // Nothing overdue: say so rather than a negative number of days overdue.
      line.oldestDaysOverdue === null
        ? null
        : line.oldestDaysOverdue > 0
          ? line.oldestDaysOverdue
          : line.oldestDaysOverdue === 0
            ? words.dueToday
            : words.notYetDue,
      money(line.total - line.expectedLoss, line.currency),
    ]);
  }
  rows.push([]);
  const totalRows: Array<{ name: string; row: number }> = [];
  for (const total of balance.totals) {
    totalRows.push({ name: `${words.total} ${total.currency}`, row: rows.length });
    rows.push([
      words.total,
      total.currency,
      ...total.buckets.map((amount) => money(amount, total.currency)),
      money(total.total, total.currency),
      total.total === 0 ? null : 1,
      total.itemCount,
      null,
      money(total.total - total.expectedLoss, total.currency),
    ]);
  }
  rows.push([]);
  const kpiRow = rows.length;
  rows.push([words.kpis, ...balance.totals.map((t) => t.currency)]);
  const cellFormats: Array<{ row: number; column: number; format: string }> = [];
  const kpiFormats = (format: string) => {
    balance.totals.forEach((_, index) => {
      cellFormats.push({ row: rows.length, column: index + 1, format });
    });
  };
  kpiFormats('0.0%');
  rows.push([words.overdueShare, ...balance.totals.map((t) => t.overdueShare)]);
  kpiFormats('0.0');
  rows.push([
    words.weightedDays,
    ...balance.totals.map((t) => (t.weightedDaysOverdue === null ? null : Math.round(t.weightedDaysOverdue * 10) / 10)),
  ]);
  kpiFormats('#,##0.00');
  rows.push([words.expectedLoss, ...balance.totals.map((t) => money(t.expectedLoss, t.currency))]);
  const sales = options.sales;
  if (sales) {
    kpiFormats('0.0');
    rows.push([
      words.dso,
      ...balance.totals.map((t) => {
        const sold = sales.byCurrency[t.currency];
        return sold && sold > 0 ? Math.round(daysSalesOutstanding(t.total, sold, sales.periodDays) * 10) / 10 : null;
      }),
    ]);
  }
  rows.push([]);
  for (const note of words.notes) rows.push([note]);
  rows.push([words.read(report.itemCount, report.skipped.length, report.blankRows)]);

  const bucketCount = labels.length;
  const amountFormat = '#,##0.00;[Red]-#,##0.00';
  const columnFormats: Array<string | null> = [
    null,
    null,
    ...labels.map(() => amountFormat),
    amountFormat,
    '0.0%',
    '0',
    '0',
    amountFormat,
  ];
  return {
    rows,
    columnFormats,
    boldRows: [0, headerRow, ...totalRows.map((t) => t.row), kpiRow],
    cellFormats,
    chart:
      totalRows.length === 0
        ? null
        : { title: words.chart, categoryRow: headerRow, firstColumn: 2, lastColumn: 1 + bucketCount, series: totalRows },
  };
}
