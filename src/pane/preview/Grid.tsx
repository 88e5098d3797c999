// Draws the Preview workbook's active sheet as a grid with its sheet tabs, applying the
// conditional-format rules the way a spreadsheet would, so colours can be seen and tested.
// Only the rows in view are drawn: a million-row ledger scrolls as easily as a short one.

import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { CellRange } from '../../ageing/agedBalanceSheet';
import { largest, widestRow } from '../../primitives/arrays';
import type { CellValue } from '../../primitives/cells';
import { readFlag } from '../../primitives/cells';
import { calendarFromDay, type DayNumber } from '../../primitives/dates';
import { type Language, languageOfTag } from '../../primitives/messages';
import { type PreviewRule, type PreviewSheet, type PreviewWorkbook, shownValue } from './previewWorkbook';

/** Each row is drawn this tall, so a scroll offset is a row number. */
export const ROW_HEIGHT = 22;
/** Sheets up to this many rows are drawn whole (rows as tall as their text, merges across rows). */
export const DRAWN_WHOLE = 1000;
/** Rows drawn above and below the ones in view, so a quick scroll does not show blanks. */
const OVERSCAN = 20;
const SERIAL_OF_EPOCH = 25569;

/** Whether a rule colours a row, as the spreadsheet would decide it (exported for tests). */
export function ruleMatches(rule: PreviewRule, row: readonly CellValue[], today: DayNumber): boolean {
  if (rule.kind === 'user') {
    const value = row[rule.column];
    return typeof value === 'number' && value > rule.above;
  }
  const test = rule.test;
  const value = row[test.column];
  if (test.kind === 'flag') return readFlag(value);
  if (typeof value !== 'number') return false;
  const asOf = test.asOf ?? today;
  // Paid on or before the as-of date: settled, as the formula's paid-date term says.
  if (test.paidColumn !== undefined && test.paidColumn !== null) {
    const paid = row[test.paidColumn];
    const blank = paid === null || paid === undefined || paid === '';
    if (!blank && !(typeof paid === 'number' && Math.floor(paid) - SERIAL_OF_EPOCH > asOf)) return false;
  }
  // A credit note or a payment (a negative open amount) is never overdue: N() counts text as 0.
  if (test.owed) {
    const n = (column: number | null) => {
      const cell = column === null ? null : row[column];
      return typeof cell === 'number' ? cell : 0;
    };
    if (n(test.owed.plus) < n(test.owed.minus)) return false;
  }
  const days = asOf - (Math.floor(value) - SERIAL_OF_EPOCH);
  return (test.min === null || days >= test.min) && (test.max === null || days <= test.max);
}

const AMOUNTS = {
  en: new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  fr: new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
} as const;

/** The page's language (the pane sets it), followed as it changes. */
function usePageLanguage(): Language {
  const read = (): Language => languageOfTag(document.documentElement.lang);
  const [language, setLanguage] = useState<Language>(read);
  useEffect(() => {
    const observer = new MutationObserver(() => setLanguage(read()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
    return () => observer.disconnect();
  }, []);
  return language;
}

/** A cell as the spreadsheet would show it, amounts in the pane's language (exported for tests). */
export function display(value: CellValue, format: string | null | undefined, language: Language = 'en'): string {
  const amounts = AMOUNTS[language];
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (format?.startsWith('dd/mm')) {
      const { year, month, day } = calendarFromDay(Math.floor(value) - SERIAL_OF_EPOCH);
      return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
    }
    const decimals = (text: string) => (language === 'fr' ? text.replace('.', ',') : text);
    // Percentages as each language writes them: "9.8%" in English; "9,8 %" in French, with the
    // narrow no-break space its thousands take here (engines' ICU differ on the one before %).
    const percent = (places: number) => `${decimals((value * 100).toFixed(places))}${language === 'fr' ? '\u202F%' : '%'}`;
    if (format === '0.00%') return percent(2);
    if (format?.endsWith('%')) return percent(1);
    if (format === '0.0') return decimals(value.toFixed(1));
    if (format?.startsWith('#,##0.00')) return amounts.format(value);
    return String(value);
  }
  if (typeof value === 'object') return 'error' in value ? value.error : `${value.year}-${value.month}-${value.day}`;
  return String(value);
}

function rowStyle(sheet: PreviewSheet, rowIndex: number, row: readonly CellValue[], today: DayNumber) {
  const style: Record<string, string> = {};
  for (const rule of sheet.rules) {
    if (rowIndex < rule.firstRow || rowIndex > rule.lastRow || !ruleMatches(rule, row, today)) continue;
    if (rule.kind === 'user') {
      if (rule.bold) style.fontWeight = 'bold';
      if (rule.fill) style.background = rule.fill;
      continue;
    }
    if (rule.fill) style.background = rule.fill;
    if (rule.fontColor) style.color = rule.fontColor;
    if (rule.italic) style.fontStyle = 'italic';
    if (rule.stopIfTrue) break;
  }
  if (sheet.boldRows.includes(rowIndex)) style.fontWeight = 'bold';
  return style;
}

export function PreviewGrid(props: { workbook: PreviewWorkbook; today: () => DayNumber }) {
  const { workbook } = props;
  const [version, setVersion] = useState(0);
  useEffect(() => workbook.subscribe(() => setVersion((v) => v + 1)), [workbook]);
  const sheet = workbook.sheet(workbook.activeSheet);
  return (
    <>
      <div class="sheet-tabs" role="tablist">
        {workbook.sheets.map((s) => (
          <button
            key={s.name}
            type="button"
            role="tab"
            data-sheet={s.name}
            aria-selected={s.name === workbook.activeSheet}
            onClick={() => workbook.activate(s.name)}
          >
            {s.name}
          </button>
        ))}
      </div>
      {sheet ? <SheetView key={sheet.name} sheet={sheet} today={props.today()} version={version} /> : <p>No sheet</p>}
    </>
  );
}

const inside = (range: CellRange, row: number, column: number) =>
  row >= range.row && row < range.row + range.rows && column >= range.column && column < range.column + range.columns;

/** The classes a cell takes from the layout's borders, shading and wrapping. */
function presentation(sheet: PreviewSheet, row: number, column: number): string[] {
  const classes: string[] = [];
  if (sheet.borders?.some((range) => inside(range, row, column))) classes.push('bordered');
  if (sheet.shaded?.some((range) => inside(range, row, column))) classes.push('shaded');
  if (sheet.wrapped?.some((range) => inside(range, row, column))) classes.push('wrapped');
  return classes;
}

/** Merged blocks: where each starts, and the cells it covers (not drawn). */
function mergesOf(sheet: PreviewSheet): { at: Map<string, CellRange>; covered: Set<string> } {
  const at = new Map<string, CellRange>();
  const covered = new Set<string>();
  for (const merge of sheet.merges ?? []) {
    at.set(`${merge.row}:${merge.column}`, merge);
    for (let r = merge.row; r < merge.row + merge.rows; r++)
      for (let c = merge.column; c < merge.column + merge.columns; c++)
        if (r !== merge.row || c !== merge.column) covered.add(`${r}:${c}`);
  }
  return { at, covered };
}

function SheetView(props: { sheet: PreviewSheet; today: DayNumber; version: number }) {
  const { sheet, today } = props;
  const language = usePageLanguage();
  const [top, setTop] = useState(0);
  const [height, setHeight] = useState(600);
  const rowCount = sheet.values.length;
  const whole = rowCount <= DRAWN_WHOLE;
  const width = useMemo(
    () =>
      largest(
        (sheet.merges ?? []).map((merge) => merge.column + merge.columns),
        widestRow(sheet.values),
      ),
    [sheet, props.version, rowCount],
  );
  const merges = useMemo(() => mergesOf(sheet), [sheet, props.version]);
  const first = whole ? 0 : Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
  const last = whole ? rowCount : Math.min(rowCount, Math.ceil((top + height) / ROW_HEIGHT) + OVERSCAN);
  const rows = [];
  for (let rowIndex = first; rowIndex < last; rowIndex++) {
    const row = sheet.values[rowIndex] ?? [];
    const cells = [];
    for (let column = 0; column < width; column++) {
      const key = `${rowIndex}:${column}`;
      if (merges.covered.has(key)) continue;
      const value = row[column] ?? null;
      const format = sheet.cellFormats?.[key] ?? sheet.columnFormats[column];
      const classes = [typeof value === 'number' ? 'num' : '', ...presentation(sheet, rowIndex, column)].filter(Boolean);
      const merge = merges.at.get(key);
      cells.push(
        <td
          key={column}
          data-cell={key}
          class={classes.length > 0 ? classes.join(' ') : undefined}
          rowSpan={merge && merge.rows > 1 ? merge.rows : undefined}
          colSpan={merge && merge.columns > 1 ? merge.columns : undefined}
        >
          {display(shownValue(value), format, language)}
        </td>,
      );
    }
    rows.push(
      <tr key={rowIndex} data-row={String(rowIndex + 1)} style={rowStyle(sheet, rowIndex, row, today)}>
        <th>{rowIndex + 1}</th>
        {cells}
      </tr>,
    );
  }
  return (
    <div class="grid-wrap">
      <div
        class="grid-scroll"
        data-rows={String(rowCount)}
        ref={(element) => {
          if (element && element.clientHeight > 0 && element.clientHeight !== height) setHeight(element.clientHeight);
        }}
        onScroll={(event) => setTop(event.currentTarget.scrollTop)}
      >
        <div
          class={whole ? 'grid-space whole' : 'grid-space'}
          style={whole ? undefined : { height: `${rowCount * ROW_HEIGHT}px` }}
        >
          <table
            class="grid"
            data-sheet={sheet.name}
            style={whole ? undefined : { transform: `translateY(${first * ROW_HEIGHT}px)` }}
          >
            <tbody>{rows}</tbody>
          </table>
        </div>
      </div>
      {sheet.chart ? <ChartView sheet={sheet} /> : null}
    </div>
  );
}

/** The aged balance chart: one bar group per bucket, one bar per currency. */
function ChartView(props: { sheet: PreviewSheet }) {
  const { sheet } = props;
  const chart = sheet.chart;
  if (!chart) return null;
  const categories = (sheet.values[chart.categoryRow] ?? []).slice(chart.firstColumn, chart.lastColumn + 1).map(String);
  const series = chart.series.map((s) => ({
    name: s.name,
    values: (sheet.values[s.row] ?? [])
      .slice(chart.firstColumn, chart.lastColumn + 1)
      .map((v) => (typeof v === 'number' ? v : 0)),
  }));
  let max = 1;
  for (const s of series) max = largest(s.values.map(Math.abs), max);
  const colours = ['#1a73e8', '#e37400', '#188038', '#a142f4'];
  return (
    <figure class="chart" data-chart={chart.title}>
      <figcaption>{chart.title}</figcaption>
      <div class="bars">
        {categories.map((category, index) => (
          <div class="bar-group" key={category}>
            <div class="bar-stack">
              {series.map((s, n) => (
                <span
                  key={s.name}
                  class="bar"
                  title={`${s.name}: ${s.values[index]}`}
                  style={{
                    height: `${Math.round((Math.abs(s.values[index] ?? 0) / max) * 100)}%`,
                    background: colours[n % colours.length],
                  }}
                />
              ))}
            </div>
            <span class="bar-label">{category}</span>
          </div>
        ))}
      </div>
      <div class="chart-legend">
        {series.map((s, n) => (
          <span key={s.name}>
            <i style={{ background: colours[n % colours.length] }} />
            {s.name}
          </span>
        ))}
      </div>
    </figure>
  );
}

/** Renders the Preview grid into the host page's element. */
export function startPreviewGrid(root: HTMLElement, workbook: PreviewWorkbook, today: () => DayNumber): void {
  render(<PreviewGrid workbook={workbook} today={today} />, root);
}
