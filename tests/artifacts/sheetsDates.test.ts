// Sheets hands date cells over as Dates, midnight in the spreadsheet's zone. Code.js turns them
// into calendar days with Utilities.formatDate, once per distinct day rather than per cell (a
// call crosses into Apps Script's Java side; a custom function has 30 seconds). Checked against
// formatDate itself (the fake answers from Intl's zone data) for every day of 1900–2100.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import type { LedgerTable } from '../../src/ledger/ledger';
import { calendarFromDay, dayFromCalendar, formatIsoDate, parseTextDate } from '../../src/primitives/dates';
import { FakeSpreadsheet, fakeServices } from './fakeAppsScript';
import { DIST, formatDate, loadSheetsProject } from './harness';

const ZONES = ['Europe/Paris', 'Pacific/Auckland', 'America/Los_Angeles'];
const FIRST = dayFromCalendar(1900, 1, 1);
const LAST = dayFromCalendar(2100, 12, 31);
const DAYS = Array.from({ length: LAST - FIRST + 1 }, (_, i) => FIRST + i);
const AS_OF = parseTextDate('2000-01-01');
const HOUR = 3_600_000;

describe.each(ZONES)('a spreadsheet in %s', (zone) => {
  const sheets = loadSheetsProject({ timeZone: zone });
  const call = (name: string, ...args: unknown[]) => (sheets.global[name] as (...values: unknown[]) => unknown)(...args);
  const midnights = DAYS.map((day) => sheets.sheetDate(formatIsoDate(day)));
  const ContextDate = (midnights[0] as Date).constructor as DateConstructor;
  const daysOverdue = (cells: Date[]) => {
    const result = call(
      'DAYSOVERDUE',
      cells.map((cell) => [cell]),
      sheets.sheetDate(formatIsoDate(AS_OF)),
    ) as number[][];
    return result.map(([days]) => formatIsoDate(AS_OF - (days as number)));
  };

  test(`every day of 1900–2100 (${DAYS.length.toLocaleString('en')} days), at midnight, 06:00 and 23:00, is the day formatDate gives`, () => {
    for (const hours of [0, 6, 23]) {
      const cells = midnights.map((date) => new ContextDate(date.getTime() + hours * HOUR));
      const oracle = cells.map((date) => formatDate(date, zone, 'yyyy-MM-dd'));
      expect(daysOverdue(cells)).toEqual(oracle);
      // The fake's own answer is the day the cell was made for.
      if (hours === 0) expect(oracle).toEqual(DAYS.map(formatIsoDate));
    }
  });

  test('a column of 1,048,576 date cells over 1,000 days costs about one formatDate per day', () => {
    const thousand = midnights.slice(36_500, 37_500);
    const cells = Array.from({ length: 1_048_576 }, (_, i) => thousand[(i * 7) % 1000] as Date);
    const before = sheets.formatDateCalls();
    const result = daysOverdue(cells);
    const calls = sheets.formatDateCalls() - before;
    expect(calls).toBeLessThanOrEqual(1000 + 2);
    expect(result[0]).toBe(formatIsoDate(DAYS[36_500] as number));
    expect(result[1_048_575]).toBe(formatIsoDate(DAYS[36_500 + ((1_048_575 * 7) % 1000)] as number));
  });

  test('DUEDATE over 100,000 invoices of 50 days: its Date results cost lookups per day, not per cell', () => {
    const invoiceDays = midnights.slice(40_000, 40_050);
    const cells = Array.from({ length: 100_000 }, (_, i) => [invoiceDays[i % 50] as Date]);
    const before = sheets.formatDateCalls();
    const result = call('DUEDATE', cells, '30 jours') as Date[][];
    expect(sheets.formatDateCalls() - before).toBeLessThanOrEqual(50 * 3 + 2);
    for (const i of [0, 49, 99_999]) {
      expect(formatDate(result[i]?.[0] as Date, zone, 'yyyy-MM-dd')).toBe(
        formatIsoDate((DAYS[40_000 + (i % 50)] as number) + 30),
      );
    }
  });
});

test('the sidebar reads a 200,000-row ledger with two date columns with one formatDate per distinct day', () => {
  const zone = 'Europe/Paris';
  let calls = 0;
  const counting = (date: Date, timeZone: string, pattern: string) => {
    calls++;
    return formatDate(date, timeZone, pattern);
  };
  const book = new FakeSpreadsheet(zone, 'fr_FR');
  const services = fakeServices(book, counting, '');
  const context = vm.createContext({ ...services.globals });
  vm.runInContext(readFileSync(join(DIST, 'gas', 'Code.js'), 'utf8'), context, { filename: 'Code.js' });
  const sheets = loadSheetsProject({ timeZone: zone });
  const ContextDate = vm.runInContext('Date', context) as DateConstructor;
  const dateOf = (day: number) => new ContextDate(sheets.sheetDate(formatIsoDate(day)).getTime());
  const first = parseTextDate('2024-01-01');
  const rows: unknown[][] = [['Client', 'Date facture', 'Échéance', 'Montant']];
  for (let i = 0; i < 200_000; i++)
    rows.push([`Client ${i % 900}`, dateOf(first + (i % 700)), dateOf(first + (i % 700) + 30), 100]);
  book.addSheet('Créances', rows);
  const table = (context.AgeBucket_readActiveTable as () => LedgerTable)();
  expect(calls).toBeLessThanOrEqual(730 + 2);
  expect(table.values[1]).toEqual(['Client 0', { year: 2024, month: 1, day: 1 }, { year: 2024, month: 1, day: 31 }, 100]);
  expect(table.values[200_000]?.[2]).toEqual(calendarFromDay(first + (199_999 % 700) + 30));
});
