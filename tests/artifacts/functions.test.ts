// One table of cases through both built artifacts: Excel's functions.js and Sheets' Code.js
// must give the same results, as users receive them.
import { IBM_SAMPLE, readCsvRecords } from '../../scripts/csv';
import { dayFromExcelSerial, excelSerialFromDay, formatIsoDate, parseTextDate } from '../../src/primitives/dates';
import { ExcelError, loadExcelFunctions, loadSheetsProject, type Registered, type SheetsProject } from './harness';

/** A date argument, written once and converted per host: a serial for Excel, a Date for Sheets. */
type DateArg = { readonly date: string };
const d = (iso: string): DateArg => ({ date: iso });
const daysBefore = (iso: string, days: number) => formatIsoDate(parseTextDate(iso) - days);
const isDateArg = (value: unknown): value is DateArg => typeof value === 'object' && value !== null && 'date' in value;

const AS_OF = '2025-11-28';
const column = (values: unknown[]) => values.map((value) => [value]);

interface Case {
  readonly name: string;
  readonly fn: string;
  readonly args: readonly unknown[];
  /** Cells as both hosts show them: errors as "#VALUE! message", dates as {date}. */
  readonly expected: unknown;
}

const cases: Case[] = [
  {
    name: 'bucket edges 0, 1, 30, 31, 60, 61, 90, 91 days',
    fn: 'AGEBUCKET',
    args: [column([0, 1, 30, 31, 60, 61, 90, 91].map((days) => d(daysBefore(AS_OF, days)))), d(AS_OF)],
    expected: column(['Not due', '1-30', '1-30', '31-60', '31-60', '61-90', '61-90', '91+']),
  },
  {
    name: 'custom boundaries 15, 45 and labels',
    fn: 'AGEBUCKET',
    args: [
      column([15, 16, 46].map((days) => d(daysBefore(AS_OF, days)))),
      d(AS_OF),
      [[15], [45]],
      [['OK'], ['Late'], ['Later'], ['Latest']],
    ],
    expected: column(['Late', 'Later', 'Latest']),
  },
  {
    name: 'blank and broken cells in a spill',
    fn: 'AGEBUCKET',
    args: [column([d(daysBefore(AS_OF, 40)), '', '31/02/2024', 'soon', '1/26/2013', '1900-02-29']), d(AS_OF)],
    expected: column([
      '31-60',
      '',
      '#VALUE! "31/02/2024" is not a real date: month 02 of 2024 has 29 days, not 31',
      '#VALUE! "soon" is not a date: use YYYY-MM-DD, DD/MM/YYYY or a date cell',
      '91+',
      '#VALUE! "1900-02-29" is not a real date: month 02 of 1900 has 28 days, not 29',
    ]),
  },
  {
    name: 'boundaries that do not go up fail the whole call',
    fn: 'AGEBUCKET',
    args: [column([d(AS_OF)]), d(AS_OF), [[60], [30]]],
    expected: { throws: 'bucket boundaries must go up: 30 is not above 60' },
  },
  {
    name: 'days overdue across a leap day',
    fn: 'DAYSOVERDUE',
    args: [column([d('2024-02-28'), d('2024-03-01'), d('2024-03-05')]), d('2024-03-01')],
    expected: column([2, 0, -4]),
  },
  {
    name: 'days overdue with an as-of date per row',
    fn: 'DAYSOVERDUE',
    args: [column([d('2024-01-31'), d('2024-12-31')]), column([d('2024-03-01'), d('2025-01-01')])],
    expected: column([30, 1]),
  },
  {
    name: 'payment terms',
    fn: 'DUEDATE',
    args: [
      column([d('2026-01-15'), d('2026-01-15'), d('2026-01-15'), d('2026-01-31'), d('2026-01-15')]),
      column(['45 jours fin de mois', 'fin de mois + 45', 'comptant', '30 jours fin de mois', 'bientôt']),
    ],
    expected: column([
      d('2026-03-31'),
      d('2026-03-17'),
      d('2026-01-15'),
      d('2026-03-31'),
      '#VALUE! payment terms "bientôt" are not understood: use e.g. "30 days", "45 end of month", "end of month + 45" or "cash"',
    ]),
  },
  {
    name: 'late interest: 100 at 10 % for 15 days, 15 000 at 15 % for 30 days',
    fn: 'LATEINTEREST',
    args: [column([100, 15000]), column([d('2025-01-01'), d('2024-12-17')]), column([0.1, '15%']), d('2025-01-16')],
    expected: column([0.41, 184.93]),
  },
  {
    name: 'a rate over 1 looks like a percentage',
    fn: 'LATEINTEREST',
    args: [column([100]), column([d('2025-01-01')]), 12.15, d('2025-01-16')],
    expected: { throws: 'annual rate 12.15 looks like a percentage: give it as a fraction (0.1215) or as 12.15%' },
  },
  {
    name: 'recovery fees FR and UK bands',
    fn: 'RECOVERYFEE',
    args: [column([500, 0, -50])],
    expected: column([40, 0, 0]),
  },
  {
    name: 'UK bands: 999.99, 1 000, 9 999.99, 10 000',
    fn: 'RECOVERYFEE',
    args: [column([999.99, 1000, 9999.99, 10000]), 'UK'],
    expected: column([40, 70, 70, 100]),
  },
  {
    name: 'an unknown jurisdiction fails the call',
    fn: 'RECOVERYFEE',
    args: [column([500]), 'US'],
    expected: { throws: 'jurisdiction "US" is not known: use FR, EU, DE or UK' },
  },
  {
    name: 'statutory rates',
    fn: 'STATUTORYRATE',
    args: ['FR', column([d('2025-11-28'), d('2023-03-01'), d('2026-01-05'), d('2026-07-06'), d('2027-01-04')])],
    expected: column([
      0.1215,
      0.125,
      0.1215,
      // ECB 2.40 % from 17 June 2026 + 10 points.
      0.124,
      '#VALUE! no statutory FR rate is on file for 2027-H1 (2027-01-04); rates cover 2022-H1 to 2026-H2: enter the rate in force in the pane, Dunning › Policy › Statutory rates not on file (it is saved in the workbook)',
    ]),
  },
  {
    name: 'UK statutory rate',
    fn: 'STATUTORYRATE',
    args: ['UK', d('2023-09-01')],
    expected: [[0.13]],
  },
  {
    name: 'collection curve: 90 days → 0.696, 45 days → 0.856',
    fn: 'COLLECTPROB',
    args: [column([90, 45, 0, 1000])],
    expected: column([0.696, 0.856, 0.949, 0.093]),
  },
  {
    name: 'dunning stages of the default policy',
    fn: 'DUNNINGSTAGE',
    args: [column([-6, -5, 1, 9, 10, 20, 30, 45, 60].map((days) => d(daysBefore(AS_OF, days)))), d(AS_OF)],
    // 1 to 9 days late: no stage, as the dunning run sees it (no courtesy reminder for a late invoice).
    expected: column([
      '',
      'Courtesy reminder',
      '',
      '',
      'First reminder',
      'Second reminder',
      'Final reminder',
      'Formal notice',
      'Collection',
    ]),
  },
  {
    name: 'a policy of your own',
    fn: 'DUNNINGSTAGE',
    args: [
      column([4, 5, 40].map((days) => d(daysBefore(AS_OF, days)))),
      d(AS_OF),
      [
        [5, 'Level 1'],
        [20, 'Level 2'],
        [40, 'Level 3'],
      ],
    ],
    expected: column(['', 'Level 1', 'Level 3']),
  },
  {
    name: 'aged balance per customer and currency with totals',
    fn: 'AGEDBALANCE',
    args: [
      column(['Dupont', 'acme', 'Dupont', 'Acme', '', 'Dupont']),
      column([
        d(daysBefore(AS_OF, 10)),
        d(daysBefore(AS_OF, 95)),
        d(daysBefore(AS_OF, -5)),
        d(daysBefore(AS_OF, 31)),
        '',
        d(daysBefore(AS_OF, 30)),
      ]),
      column([100.1, 50, 0.2, 25, '', -0.3]),
      d(AS_OF),
      null,
      null,
      column(['EUR', 'USD', 'EUR', 'EUR', '', 'EUR']),
    ],
    expected: [
      ['Customer', 'Currency', 'Not due', '1-30', '31-60', '61-90', '91+', 'Total'],
      ['Acme', 'EUR', 0, 0, 25, 0, 0, 25],
      ['acme', 'USD', 0, 0, 0, 0, 50, 50],
      ['Dupont', 'EUR', 0.2, 99.8, 0, 0, 0, 100],
      ['Total', 'EUR', 0.2, 99.8, 25, 0, 0, 125],
      ['Total', 'USD', 0, 0, 0, 0, 50, 50],
    ],
  },
  {
    name: 'aged balance is strict and names the row',
    fn: 'AGEDBALANCE',
    args: [column(['A', 'B']), column([d(AS_OF), 'someday']), column([1, 2]), d(AS_OF)],
    expected: { throws: 'row 2: "someday" is not a date: use YYYY-MM-DD, DD/MM/YYYY or a date cell' },
  },
  {
    name: 'expected payment date: every customer pays 10 days late, an unknown one too',
    fn: 'EXPECTEDPAYDATE',
    args: [
      column(['Acme', 'Bolt', 'Zed', '']),
      column([d('2025-12-05'), d('2025-12-20'), d('2025-12-01'), d('2025-12-01')]),
      [
        ['Customer', 'Due date', 'Paid date'],
        ['Acme', d('2025-09-01'), d('2025-09-11')],
        ['Acme', d('2025-10-01'), d('2025-10-11')],
        ['Bolt', d('2025-10-15'), d('2025-10-25')],
        ['', '', ''],
      ],
      d(AS_OF),
    ],
    expected: column([d('2025-12-15'), d('2025-12-30'), d('2025-12-11'), '']),
  },
  {
    name: 'expected payment date: the range from one customer paid 0, 10, 20, 30, 40 days late',
    fn: 'EXPECTEDPAYDATE',
    args: [
      'Acme',
      column([d('2025-12-10'), d('2025-12-10'), d('2025-11-13'), d('2025-10-01')]),
      [0, 10, 20, 30, 40].map((late) => ['Acme', d('2025-06-01'), d(daysBefore('2025-06-01', -late))]),
      d(AS_OF),
      0.8,
    ],
    // Not due: 80th percentile 30 days late. 15 days overdue: 40. Later than any: no forecast.
    expected: column([
      d('2026-01-09'),
      d('2026-01-09'),
      d('2025-12-23'),
      '#VALUE! later than any paid invoice in the history: no forecast',
    ]),
  },
  {
    name: 'expected payment date: a disputed invoice is paid as much later as disputes were',
    fn: 'EXPECTEDPAYDATE',
    args: [
      column(['Acme', 'Acme']),
      column([d('2025-12-10'), d('2025-12-10')]),
      [
        ['Acme', d('2025-09-01'), d('2025-09-11'), 'no'],
        ['Acme', d('2025-10-01'), d('2025-10-11'), 'no'],
        ['Acme', d('2025-10-05'), d('2025-11-04'), 'yes'],
      ],
      d(AS_OF),
      null,
      column(['no', 'yes']),
    ],
    expected: column([d('2025-12-20'), d('2026-01-09')]),
  },
  {
    name: 'expected payment date: a history row that cannot be read fails the call and names it',
    fn: 'EXPECTEDPAYDATE',
    args: [
      'Acme',
      d('2025-12-10'),
      [
        ['Acme', d('2025-09-01'), d('2025-09-11')],
        ['Acme', 'someday', d('2025-09-11')],
      ],
      d(AS_OF),
    ],
    expected: { throws: 'history row 2: "someday" is not a date: use YYYY-MM-DD, DD/MM/YYYY or a date cell' },
  },
  {
    name: 'expected payment date: the history needs 3 or 4 columns',
    fn: 'EXPECTEDPAYDATE',
    args: ['Acme', d('2025-12-10'), [['Acme', d('2025-09-01')]], d(AS_OF)],
    expected: { throws: 'history: give 3 or 4 columns: customer, due date, paid date, and optionally disputed (yes/no)' },
  },
  {
    name: 'expected payment date: a percentile outside 0-1 fails the call',
    fn: 'EXPECTEDPAYDATE',
    args: ['Acme', d('2025-12-10'), [['Acme', d('2025-09-01'), d('2025-09-11')]], d(AS_OF), 80],
    expected: { throws: 'percentile: give a share between 0 and 1 such as 0.2, 0.5 or 0.8 (not 80)' },
  },
  {
    name: 'expected payment date: nothing paid by the as-of date',
    fn: 'EXPECTEDPAYDATE',
    args: ['Acme', d('2025-12-10'), [['Acme', d('2025-12-01'), d('2025-12-11')]], d(AS_OF)],
    expected: { throws: 'history: no paid invoice on or before the as-of date to learn from' },
  },
  {
    name: 'bucket with paid dates: paid the day before or on the as-of date is Paid; later or blank ages; unreadable is an error',
    fn: 'AGEBUCKET',
    args: [
      column([40, 40, 40, 40, 40].map((days) => d(daysBefore(AS_OF, days)))),
      d(AS_OF),
      null,
      null,
      column([d(daysBefore(AS_OF, 1)), d(AS_OF), d(daysBefore(AS_OF, -1)), '', 'someday']),
    ],
    expected: column([
      'Paid',
      'Paid',
      '31-60',
      '31-60',
      '#VALUE! "someday" is not a date: use YYYY-MM-DD, DD/MM/YYYY or a date cell',
    ]),
  },
  {
    name: 'aged balance with paid dates: rows paid by the as-of date are left out',
    fn: 'AGEDBALANCE',
    args: [
      column(['A', 'A', 'B', 'B']),
      column([40, 40, 40, 40].map((days) => d(daysBefore(AS_OF, days)))),
      column([10, 20, 30, 40]),
      d(AS_OF),
      null,
      null,
      null,
      column([d(daysBefore(AS_OF, 1)), d(daysBefore(AS_OF, -1)), '', d(AS_OF)]),
    ],
    expected: [
      ['Customer', 'Not due', '1-30', '31-60', '61-90', '91+', 'Total'],
      ['A', 0, 0, 20, 0, 0, 20],
      ['B', 0, 0, 30, 0, 0, 30],
      ['Total', 0, 0, 50, 0, 0, 50],
    ],
  },
  {
    name: 'aged balance with paid dates: an unreadable paid date fails the call, naming its row',
    fn: 'AGEDBALANCE',
    args: [column(['A', 'B']), column([d(AS_OF), d(AS_OF)]), column([1, 2]), d(AS_OF), null, null, null, column(['', 'someday'])],
    expected: { throws: 'row 2: "someday" is not a date: use YYYY-MM-DD, DD/MM/YYYY or a date cell' },
  },
];

// ---- the two hosts ---------------------------------------------------------------------------

function toExcel(value: unknown): unknown {
  if (isDateArg(value)) return excelSerialFromDay(parseTextDate(value.date));
  if (Array.isArray(value)) return value.map(toExcel);
  return value;
}

function fromExcel(value: unknown, fn: string): unknown {
  if (value instanceof ExcelError) return `#VALUE! ${value.message}`;
  if (Array.isArray(value)) return value.map((v) => fromExcel(v, fn));
  if ((fn === 'DUEDATE' || fn === 'EXPECTEDPAYDATE') && typeof value === 'number')
    return d(formatIsoDate(dayFromExcelSerial(value)));
  return value;
}

function callExcel(registered: Registered, test: Case): unknown {
  const fn = registered[test.fn];
  if (!fn) throw new Error(`${test.fn} is not registered`);
  try {
    // Excel passes omitted optional arguments as null.
    return fromExcel(fn(...test.args.map(toExcel)), test.fn);
  } catch (error) {
    if (error instanceof ExcelError) return { throws: error.message };
    throw error;
  }
}

function callSheets(project: SheetsProject, test: Case, timeZone: string): unknown {
  const toSheets = (value: unknown): unknown => {
    if (isDateArg(value)) return project.sheetDate(value.date);
    if (Array.isArray(value)) return value.map(toSheets);
    return value === null ? undefined : value;
  };
  const fromSheets = (value: unknown): unknown => {
    if (Object.prototype.toString.call(value) === '[object Date]') {
      const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
        value as Date,
      );
      return d(parts);
    }
    if (Array.isArray(value)) return value.map(fromSheets);
    return value;
  };
  const fn = project.global[test.fn] as (...args: unknown[]) => unknown;
  try {
    return fromSheets(fn(...test.args.map(toSheets)));
  } catch (error) {
    return { throws: (error as Error).message };
  }
}

const excel = loadExcelFunctions();

describe.each(['Europe/Paris', 'Pacific/Auckland', 'America/Los_Angeles'])('spreadsheet in %s', (timeZone) => {
  const sheets = loadSheetsProject({ timeZone });
  test.each(cases.map((c) => [c.name, c] as const))('%s', (_name, test) => {
    const fromExcelResult = callExcel(excel, test);
    const fromSheetsResult = callSheets(sheets, test, timeZone);
    expect(fromExcelResult).toEqual(test.expected);
    expect(fromSheetsResult).toEqual(test.expected);
  });
});

describe('each host on its own', () => {
  test('Excel refuses serial 60, the 29 February 1900 that never was', () => {
    expect(callExcel(excel, { name: '', fn: 'AGEBUCKET', args: [[[60], [61]], d(AS_OF)], expected: null })).toEqual([
      [
        '#VALUE! serial 60 is 29 February 1900, a day that never existed (Excel keeps it for Lotus 1-2-3 compatibility): enter the real date',
      ],
      ['91+'],
    ]);
  });
  test('Sheets counts serials from 1899-12-30: 60 is 1900-02-28', () => {
    const sheets = loadSheetsProject({ timeZone: 'Europe/Paris' });
    expect(
      callSheets(sheets, { name: '', fn: 'DAYSOVERDUE', args: [[[60]], d('1900-03-01')], expected: null }, 'Europe/Paris'),
    ).toEqual([[1]]);
  });
  test('Sheets reads the spreadsheet zone, not the script zone', () => {
    const sheets = loadSheetsProject({ timeZone: 'Pacific/Auckland' });
    sheets.global.DAYSOVERDUE?.(sheets.sheetDate('2025-01-01'), sheets.sheetDate('2025-01-02'));
    expect(sheets.calls).toContain('getSpreadsheetTimeZone');
  });
  test('French labels and stage names in a French Excel and a French spreadsheet', () => {
    const french = loadExcelFunctions({ displayLanguage: 'fr-FR' });
    const test: Case = { name: '', fn: 'AGEBUCKET', args: [column([d(AS_OF)]), d(AS_OF)], expected: null };
    expect(callExcel(french, test)).toEqual([['Non échu']]);
    const sheets = loadSheetsProject({ timeZone: 'Europe/Paris', locale: 'fr_FR' });
    expect(
      callSheets(sheets, { ...test, fn: 'DUNNINGSTAGE', args: [column([d(daysBefore(AS_OF, 50))]), d(AS_OF)] }, 'Europe/Paris'),
    ).toEqual([['Mise en demeure']]);
  });
  test('amounts come back rounded to the cent', () => {
    const result = callExcel(excel, {
      name: '',
      fn: 'AGEDBALANCE',
      args: [column(['A', 'A', 'A']), column([d(AS_OF), d(AS_OF), d(AS_OF)]), column([0.1, 0.2, 0]), d(AS_OF)],
      expected: null,
    });
    expect((result as unknown[][])[1]).toEqual(['A', 0.3, 0, 0, 0, 0, 0.3]);
  });
});

describe('the IBM sample: DAYSOVERDUE(DueDate, SettledDate) reproduces DaysLate on all 2,466 rows', () => {
  const records = readCsvRecords(IBM_SAMPLE);
  const due = records.map((r) => [r.DueDate ?? '']);
  const settled = records.map((r) => [r.SettledDate ?? '']);
  const expected = records.map((r) => Number(r.DaysLate));
  const late = (result: unknown) => (result as number[][]).map(([days]) => Math.max(0, days ?? Number.NaN));

  // Month-first text such as 2/1/2013 is ambiguous; opened in a US-English Excel, the CSV's
  // dates become date cells, which is what the function then receives.
  const serials = (rows: string[][]) =>
    rows.map(([text]) => [excelSerialFromDay(parseTextDate(text ?? '', { monthFirst: true }))]);
  test('through Excel, from date cells', () => {
    expect(records).toHaveLength(2466);
    expect(late(excel.DAYSOVERDUE?.(serials(due), serials(settled)))).toEqual(expected);
  });
  test.each(['Pacific/Auckland', 'Europe/Paris', 'America/Los_Angeles'])('through Sheets, from date cells, in %s', (timeZone) => {
    const sheets = loadSheetsProject({ timeZone });
    const asDates = (rows: string[][]) =>
      rows.map(([text]) => [sheets.sheetDate(formatIsoDate(parseTextDate(text ?? '', { monthFirst: true })))]);
    expect(late(sheets.global.DAYSOVERDUE?.(asDates(due), asDates(settled)))).toEqual(expected);
  });
});
