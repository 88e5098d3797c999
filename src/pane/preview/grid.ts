// Draws the Preview workbook's active sheet as a grid with its sheet tabs, applying the
// conditional-format rules the way a spreadsheet would, so colours can be seen and tested.

import type { CellRange } from '../../ageing/agedBalanceSheet';
import { largest, widestRow } from '../../primitives/arrays';
import type { CellValue } from '../../primitives/cells';
import { readFlag } from '../../primitives/cells';
import { calendarFromDay, type DayNumber } from '../../primitives/dates';
import { el } from '../app';
import type { PreviewRule, PreviewSheet, PreviewWorkbook } from './previewWorkbook';

const MAX_ROWS = 400;
const SERIAL_OF_EPOCH = 25569;

function ruleMatches(rule: PreviewRule, row: readonly CellValue[], today: DayNumber): boolean {
  if (rule.kind === 'user') {
    const value = row[rule.column];
    return typeof value === 'number' && value > rule.above;
  }
  const test = rule.test;
  const value = row[test.column];
  if (test.kind === 'flag') return readFlag(value);
  if (typeof value !== 'number') return false;
  const days = (test.asOf ?? today) - (Math.floor(value) - SERIAL_OF_EPOCH);
  return (test.min === null || days >= test.min) && (test.max === null || days <= test.max);
}

function display(value: CellValue, format: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (format?.startsWith('dd/mm')) {
      const { year, month, day } = calendarFromDay(Math.floor(value) - SERIAL_OF_EPOCH);
      return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
    }
    if (format === '0.00%') return `${(value * 100).toFixed(2)} %`;
    if (format?.endsWith('%')) return `${(value * 100).toFixed(1)} %`;
    if (format === '0.0') return value.toFixed(1);
    if (format?.startsWith('#,##0.00'))
      return value.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    return String(value);
  }
  if (typeof value === 'object') return 'error' in value ? value.error : `${value.year}-${value.month}-${value.day}`;
  return String(value);
}

export function renderGrid(
  container: HTMLElement,
  workbook: PreviewWorkbook,
  today: () => DayNumber,
  onChange: () => void,
): void {
  const sheet = workbook.sheet(workbook.activeSheet);
  const tabs = el(
    'div',
    { class: 'sheet-tabs', role: 'tablist' },
    ...workbook.sheets.map((s) => {
      const tab = el(
        'button',
        { type: 'button', role: 'tab', 'data-sheet': s.name, 'aria-selected': String(s.name === workbook.activeSheet) },
        s.name,
      );
      tab.addEventListener('click', () => {
        workbook.activeSheet = s.name;
        onChange();
      });
      return tab;
    }),
  );
  container.replaceChildren(tabs, sheet ? gridTable(sheet, today()) : el('p', {}, 'No sheet'));
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

function gridTable(sheet: PreviewSheet, today: DayNumber): HTMLElement {
  const width = largest(
    (sheet.merges ?? []).map((merge) => merge.column + merge.columns),
    widestRow(sheet.values),
  );
  // A merged block is one cell spanning its rows and columns; the cells it covers are not drawn.
  const mergeAt = new Map<string, CellRange>();
  const covered = new Set<string>();
  for (const merge of sheet.merges ?? []) {
    mergeAt.set(`${merge.row}:${merge.column}`, merge);
    for (let r = merge.row; r < merge.row + merge.rows; r++)
      for (let c = merge.column; c < merge.column + merge.columns; c++)
        if (r !== merge.row || c !== merge.column) covered.add(`${r}:${c}`);
  }
  const body = el('tbody');
  sheet.values.slice(0, MAX_ROWS).forEach((row, rowIndex) => {
    const style: string[] = [];
    for (const rule of sheet.rules) {
      if (rowIndex < rule.firstRow || rowIndex > rule.lastRow || !ruleMatches(rule, row, today)) continue;
      if (rule.kind === 'user') {
        if (rule.bold) style.push('font-weight:bold');
        if (rule.fill) style.push(`background:${rule.fill}`);
        continue;
      }
      if (rule.fill) style.push(`background:${rule.fill}`);
      if (rule.fontColor) style.push(`color:${rule.fontColor}`);
      if (rule.italic) style.push('font-style:italic');
      if (rule.stopIfTrue) break;
    }
    if (sheet.boldRows.includes(rowIndex)) style.push('font-weight:bold');
    const cells: HTMLElement[] = [];
    for (let column = 0; column < width; column++) {
      if (covered.has(`${rowIndex}:${column}`)) continue;
      const value = row[column] ?? null;
      const format = sheet.cellFormats?.[`${rowIndex}:${column}`] ?? sheet.columnFormats[column];
      const attributes: Record<string, string> = { 'data-cell': `${rowIndex}:${column}` };
      const classes = [typeof value === 'number' ? 'num' : '', ...presentation(sheet, rowIndex, column)].filter(Boolean);
      if (classes.length > 0) attributes.class = classes.join(' ');
      const merge = mergeAt.get(`${rowIndex}:${column}`);
      if (merge) {
        if (merge.rows > 1) attributes.rowspan = String(merge.rows);
        if (merge.columns > 1) attributes.colspan = String(merge.columns);
      }
      cells.push(el('td', attributes, display(value, format)));
    }
    body.append(
      el('tr', { 'data-row': String(rowIndex + 1), style: style.join(';') }, el('th', {}, String(rowIndex + 1)), ...cells),
    );
  });
  const chart = sheet.chart ? chartView(sheet) : null;
  const more =
    sheet.values.length > MAX_ROWS ? el('p', { class: 'help' }, `${sheet.values.length - MAX_ROWS} more rows not shown`) : null;
  return el('div', { class: 'grid-wrap' }, el('table', { class: 'grid', 'data-sheet': sheet.name }, body), more, chart);
}

/** The aged balance chart: one bar group per bucket, one bar per currency. */
function chartView(sheet: PreviewSheet): HTMLElement {
  const chart = sheet.chart;
  if (!chart) return el('div');
  const categories = (sheet.values[chart.categoryRow] ?? []).slice(chart.firstColumn, chart.lastColumn + 1).map(String);
  const series = chart.series.map((s) => ({
    name: s.name,
    values: (sheet.values[s.row] ?? [])
      .slice(chart.firstColumn, chart.lastColumn + 1)
      .map((v) => (typeof v === 'number' ? v : 0)),
  }));
  const max = largest(
    series.flatMap((s) => s.values.map(Math.abs)),
    1,
  );
  const colours = ['#1a73e8', '#e37400', '#188038', '#a142f4'];
  return el(
    'figure',
    { class: 'chart', 'data-chart': chart.title },
    el('figcaption', {}, chart.title),
    el(
      'div',
      { class: 'bars' },
      ...categories.map((category, index) =>
        el(
          'div',
          { class: 'bar-group' },
          el(
            'div',
            { class: 'bar-stack' },
            ...series.map((s, n) =>
              el('span', {
                class: 'bar',
                title: `${s.name}: ${s.values[index]}`,
                style: `height:${Math.round((Math.abs(s.values[index] ?? 0) / max) * 100)}%;background:${colours[n % colours.length]}`,
              }),
            ),
          ),
          el('span', { class: 'bar-label' }, category),
        ),
      ),
    ),
    el(
      'div',
      { class: 'chart-legend' },
      ...series.map((s, n) => el('span', {}, el('i', { style: `background:${colours[n % colours.length]}` }), s.name)),
    ),
  );
}
