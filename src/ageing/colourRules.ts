// Conditional-format rules that colour a ledger's rows by ageing bucket, written once for
// every host. Each formula carries the harmless term N("agebucket")=0 (N of a text is 0), the
// only way to recognise our rules later: Excel's and Sheets' rules have no name or tag, and
// removing all rules would delete the user's own.

import { calendarFromDay, type DayNumber } from '../primitives/dates';
import { columnLetter } from '../primitives/sheetNames';
import type { Buckets } from './ageing';

export const RULE_MARKER = 'N("agebucket")=0';

/** What a rule tests, for hosts that evaluate rules themselves (the Preview workbook). */
export type RuleTest =
  | {
      readonly kind: 'daysOverdue';
      readonly column: number;
      readonly min: number | null;
      readonly max: number | null;
      readonly asOf: DayNumber | null;
      /** The paid-date column: a row paid on or before the as-of date is settled, not coloured. */
      readonly paidColumn?: number | null;
      /** Where the row's open amount is: a negative one (credit note, payment) is never overdue. */
      readonly owed?: OwedColumns | null;
    }
  | { readonly kind: 'flag'; readonly column: number };

export interface ColourRule {
  /** Rows and columns the rule covers, 0-based within the sheet, inclusive. */
  readonly firstRow: number;
  readonly lastRow: number;
  readonly firstColumn: number;
  readonly lastColumn: number;
  /** The formula for the rule's top-left cell, relative by row ($F2 style). */
  readonly formula: string;
  readonly fill: string | null;
  readonly fontColor: string | null;
  readonly italic: boolean;
  readonly strikethrough: boolean;
  /** Stop evaluating later rules when this one matches (disputed rows keep their grey). */
  readonly stopIfTrue: boolean;
  readonly label: string;
  readonly test: RuleTest;
}

export interface LedgerLayout {
  /** 0-based row of the header; data rows follow it. */
  readonly headerRow: number;
  readonly lastRow: number;
  readonly firstColumn: number;
  readonly lastColumn: number;
  /** 0-based sheet column of the due date. */
  readonly dueDateColumn: number;
  readonly disputedColumn: number | null;
  /** 0-based sheet column of the paid date, when the ledger keeps its settled lines. */
  readonly paidDateColumn?: number | null;
  /** The columns the open amount is read from (open amount, or debit and credit). */
  readonly owedColumns?: OwedColumns | null;
}

/**
 * The open amount as plus − minus (0-based sheet columns): the open-amount column alone, or
 * debit − credit. A row whose amount is below zero is a credit note or a payment: it reduces
 * what the customer owes and is never coloured as overdue.
 */
export interface OwedColumns {
  readonly plus: number | null;
  readonly minus: number | null;
}

/** The formula term that keeps a negative row uncoloured; N() of a text or a blank is 0. */
function owedTerm(owed: OwedColumns | null, row: number): string {
  if (owed === null || (owed.plus === null && owed.minus === null)) return '';
  const ref = (column: number | null) => (column === null ? '0' : `N($${columnLetter(column)}${row})`);
  return `,${ref(owed.plus)}>=${ref(owed.minus)}`;
}

/** Fills from pale to deep as invoices age; not-due rows keep the user's own look. */
export const BUCKET_FILLS = ['#FFF4CE', '#FFD8A8', '#FFB3A7', '#F28B82', '#E06666', '#CC4125'] as const;
export const DISPUTED_FILL = '#E8EAED';

function dateTerm(asOf: DayNumber | null): string {
  if (asOf === null) return 'TODAY()';
  const { year, month, day } = calendarFromDay(asOf);
  return `DATE(${year},${month},${day})`;
}

/**
 * One rule per overdue bucket over the ledger's rows, following TODAY() (asOf null) or a fixed
 * date, plus one marking disputed rows. Rows with no due date number, paid by the as-of date,
 * or whose open amount is negative (credit notes, payments), stay uncoloured.
 */
export function ageingColourRules(
  layout: LedgerLayout,
  buckets: Buckets,
  asOf: DayNumber | null,
  disputedLabel: string,
): ColourRule[] {
  const firstDataRow = layout.headerRow + 1;
  const due = `$${columnLetter(layout.dueDateColumn)}${firstDataRow + 1}`;
  const today = dateTerm(asOf);
  const area = {
    firstRow: firstDataRow,
    lastRow: Math.max(layout.lastRow, firstDataRow),
    firstColumn: layout.firstColumn,
    lastColumn: layout.lastColumn,
  };
  // A row paid on or before the as-of date is settled, as the ledger reader sets it aside: it
  // is coloured only while its paid date is empty or later. A paid date that is text (not a
  // date the sheet knows) leaves the row uncoloured, as a text due date does.
  const paidColumn = layout.paidDateColumn ?? null;
  const paid = paidColumn === null ? null : `$${columnLetter(paidColumn)}${firstDataRow + 1}`;
  const unpaid = paid === null ? '' : `,OR(LEN(${paid})=0,AND(ISNUMBER(${paid}),${paid}>${today}))`;
  const owed = layout.owedColumns ?? null;
  const owing = owedTerm(owed, firstDataRow + 1);
  const rules: ColourRule[] = [];
  if (layout.disputedColumn !== null) {
    const flag = `$${columnLetter(layout.disputedColumn)}${firstDataRow + 1}`;
    rules.push({
      ...area,
      formula: `=AND(${RULE_MARKER},OR(${flag}=TRUE,${flag}=1,LOWER(${flag})="oui",LOWER(${flag})="yes",LOWER(${flag})="x",LOWER(${flag})="litige",LOWER(${flag})="disputed"))`,
      fill: DISPUTED_FILL,
      fontColor: '#5F6368',
      italic: true,
      strikethrough: false,
      stopIfTrue: true,
      label: disputedLabel,
      test: { kind: 'flag', column: layout.disputedColumn },
    });
  }
  const bounds = buckets.boundaries;
  for (let index = 1; index < buckets.labels.length; index++) {
    const min = index === 1 ? 1 : (bounds[index - 2] as number) + 1;
    const max = index <= bounds.length ? (bounds[index - 1] as number) : null;
    const upper = max === null ? '' : `,${today}-${due}<=${max}`;
    rules.push({
      ...area,
      formula: `=AND(${RULE_MARKER},ISNUMBER(${due})${unpaid}${owing},${today}-${due}>=${min}${upper})`,
      fill: BUCKET_FILLS[Math.min(index - 1, BUCKET_FILLS.length - 1)] as string,
      fontColor: null,
      italic: false,
      strikethrough: false,
      stopIfTrue: false,
      label: buckets.labels[index] as string,
      test: { kind: 'daysOverdue', column: layout.dueDateColumn, min, max, asOf, paidColumn, owed },
    });
  }
  return rules;
}

export function isOurRule(formula: string): boolean {
  return formula.replace(/\s+/g, '').includes(RULE_MARKER);
}
