// The expected cash-in through the pane in Preview mode, in Chromium: IBM's sample loaded as
// a ledger that keeps its settled lines, as of 30 September 2013; the sheet and the glance read
// back from the page against the core's own forecast of the same file.

import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IBM_SAMPLE, parseCsv, readCsvRecords } from '../../scripts/csv';
import { cashInForecastFor, paidInvoicesFromImport } from '../../src/commands/forecast';
import { defaultSettings } from '../../src/commands/settings';
import { importLedgerFile } from '../../src/ledger/import';
import { detectColumns, type LedgerTable } from '../../src/ledger/ledger';
import type { CellValue } from '../../src/primitives/cells';
import { parseTextDate } from '../../src/primitives/dates';
import { formatMoney } from '../../src/primitives/money';
import { describePane, SCREENSHOTS } from './browser';

const AS_OF = '2013-09-30';

/** The core's forecast of the same file with the pane's settings: the oracle. */
function coreForecast() {
  const values = parseCsv(readFileSync(IBM_SAMPLE, 'utf8')).filter((row) => row.length > 1);
  const header = values[0] as string[];
  const table: LedgerTable = {
    sheetName: 'IBM',
    headerRow: 0,
    firstColumn: 0,
    values,
    serialSystem: 'excel1900',
    description: '',
  };
  const settings = { ...defaultSettings('en', parseTextDate(AS_OF)), followToday: false, asOf: AS_OF };
  return cashInForecastFor(table, { ...detectColumns(header), customer: 1 }, settings, parseTextDate(AS_OF));
}

describePane('the expected cash-in in Preview', (pane) => {
  test('on the sample ledger, which has no paid dates: no forecast, what to add, and the due dates’ view', async () => {
    const { page } = pane();
    await page.click('#cash-in');
    await page.waitForSelector('#cash-in-no-forecast');
    expect(await page.textContent('#cash-in-no-forecast')).toContain(
      'Give the ledger a paid-date column on its settled lines (Paid date, Date de règlement), import a FEC with its lettrage',
    );
    expect(await page.textContent('#cash-in-card .status')).not.toMatch(/went wrong|no payment history:/);
    expect(await page.$$eval('#cash-in-glance [data-amount="none"]', (cells) => cells.map((c) => c.textContent))).toEqual(
      new Array(6).fill('No forecast'),
    );
    expect(await page.$$eval('#cash-in-glance [data-amount="expected"]', (cells) => cells.length)).toBe(0);
    expect(await page.textContent('#cash-in-glance tr[data-currency="EUR"] [data-week="this"] [data-amount="due"]')).toMatch(
      /^by due dates: €[\d,]+\.\d\d$/,
    );
  });

  test('IBM’s sample as of 30 September 2013: the sheet, its chart and this week and next', async () => {
    const { page } = pane();
    await page.setInputFiles('#load-file', {
      name: 'ibm-accounts-receivable.csv',
      mimeType: 'text/csv',
      buffer: readFileSync(IBM_SAMPLE),
    });
    await page.waitForFunction(() => document.querySelector('#mapping summary')?.textContent?.includes('ibm'));
    // customerID names the customers: no column to map by hand.
    await page.waitForFunction(() => document.querySelector('#read-report')?.textContent?.includes('named by its code'));
    // No currency column: the report says the amounts were read in the default currency, and where to change it.
    expect(await page.textContent('#read-report')).toContain(
      'No currency column: every amount is read in EUR. If the ledger is in another currency, change "Currency when none is given" in Settings',
    );
    await page.uncheck('#follow-today');
    await page.fill('#as-of', AS_OF);
    await page.dispatchEvent('#as-of', 'change');
    // The ledger's report: the lines paid by then and those issued after are not open items.
    const records = readCsvRecords(IBM_SAMPLE);
    const asOfDay = parseTextDate(AS_OF);
    const dayOf = (text: string | undefined) => parseTextDate(text ?? '', { monthFirst: true });
    const paidBy = records.filter((record) => dayOf(record.SettledDate) <= asOfDay).length;
    const issuedAfter = records.filter((record) => dayOf(record.InvoiceDate) > asOfDay).length;
    const owed = records.length - paidBy - issuedAfter;
    await page.waitForFunction(() => /set aside/.test(document.querySelector('#ledger')?.textContent ?? ''));
    expect(await page.textContent('#ledger')).toContain(
      // Counts as English writes them, as the pane's own "2,466 rows" above it.
      `2,466 rows under the header: ${owed} open items, ${paidBy.toLocaleString('en-GB')} lines paid on or before 30/09/2013 set aside (paid-date column): payment history, not open items, ${issuedAfter} lines dated after 30/09/2013 set aside: not yet issued on it.`,
    );
    await page.click('#cash-in');
    await page.waitForFunction(() => document.querySelector('#cash-in-card .status')?.textContent?.includes('Written'));
    const expected = coreForecast();
    const eur = expected.glance[0];
    expect(expected.glance.map((g) => g.currency)).toEqual(['EUR']);
    const glance = (week: string, amount: string) =>
      page.textContent(`#cash-in-glance tr[data-currency="EUR"] td[data-week="${week}"] [data-amount="${amount}"]`);
    expect(await glance('this', 'expected')).toBe(formatMoney(eur?.thisWeek.expected ?? Number.NaN, 'EUR', 'en'));
    expect(await glance('next', 'due')).toBe(`by due dates: ${formatMoney(eur?.nextWeek.byDueDates ?? Number.NaN, 'EUR', 'en')}`);

    const grid = 'table.grid[data-sheet="Cash-in 2013-09-30"]';
    await page.waitForSelector(grid);
    const text = (row: number, column: number) => page.textContent(`${grid} td[data-cell="${row}:${column}"]`);
    expect(await text(0, 0)).toBe('Expected cash-in as of 30 September 2013');
    expect(await text(3, 2)).toBe('01/10–07/10');
    // The expected row: week 1 and the total, as the core computed them.
    const amount = (minor: number) =>
      (minor / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const line = expected.forecast.currencies[0];
    expect(await text(4, 1)).toBe('Expected (payment habits)');
    expect(await text(4, 2)).toBe(amount(line?.expected[0] ?? Number.NaN));
    expect(await text(4, 17)).toBe(amount(line?.openTotal ?? Number.NaN));
    expect(await page.$(`figure.chart[data-chart="Expected cash-in per week"]`)).not.toBeNull();
    // The sheet with its chart, and the pane's card with this week and next.
    const sheetArea = await page.$eval(grid, (table) => {
      const box = (table.closest('.grid-wrap')?.parentElement ?? table).getBoundingClientRect();
      return { x: box.x, y: box.y, width: box.width, height: box.height };
    });
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'cash-in-sheet.png'), clip: sheetArea });
    await (await page.$('#cash-in-card'))?.screenshot({ path: join(SCREENSHOTS, 'cash-in-pane.png') });
    expect(pane().problems).toEqual([]);
  });

  test('a FEC imported in the pane gives the forecast its paid invoices at once', async () => {
    const { page } = pane();
    const asOf = '2026-12-31';
    await page.uncheck('#follow-today');
    await page.fill('#as-of', asOf);
    await page.dispatchEvent('#as-of', 'change');
    await page.setInputFiles('#import-file', FEC);
    await page.waitForFunction(() =>
      /imported to the new sheet/.test(document.querySelector('#import .status')?.textContent ?? ''),
    );
    // Dupont SA's FA-101 (paid by transfer on 10/11) and Martin & Fils's FA-104 (cheque of 05/12).
    expect(await page.textContent('#import .status')).toContain(
      '2 paid invoices to the new sheet Paid invoices 2026-12-31, now the cash-in forecast’s Sheet of paid invoices',
    );
    expect(await page.inputValue('#setting-historySheet')).toBe('Paid invoices 2026-12-31');
    const paidSheet = await page.evaluate(() => {
      const workbook = (
        window as unknown as { agebucket: { workbook: { sheets: Array<{ name: string; values: unknown[][] }> } } }
      ).agebucket.workbook;
      return workbook.sheets.find((sheet) => sheet.name === 'Paid invoices 2026-12-31')?.values.map((row) => [row[0], row[1]]);
    });
    expect(paidSheet).toEqual([
      ['Customer', 'Invoice'],
      ['Dupont SA', 'FA-101'],
      ['Martin & Fils', 'FA-104'],
    ]);
    // The open items' sheet is the ledger; the forecast learns from the paid invoices' sheet.
    await page.click('#cash-in');
    await page.waitForFunction(() => document.querySelector('#cash-in-card .status')?.textContent?.includes('Written'));
    const expected = await coreForecastOfFec(asOf);
    expect(expected.model?.overall.invoiceCount).toBe(2);
    for (const line of expected.glance) {
      const glance = (week: string, amount: string) =>
        page.textContent(
          `#cash-in-glance tr[data-currency="${line.currency}"] td[data-week="${week}"] [data-amount="${amount}"]`,
        );
      if (line.noForecast === null) {
        expect(await glance('this', 'expected')).toBe(formatMoney(line.thisWeek.expected, line.currency, 'en'));
        expect(await glance('next', 'expected')).toBe(formatMoney(line.nextWeek.expected, line.currency, 'en'));
      } else {
        // Every open invoice in this currency is later than any paid one: "No forecast", not 0.00.
        expect(await glance('this', 'none')).toBe('No forecast');
        expect(await page.textContent('#cash-in-no-forecast')).toContain(`No forecast in ${line.currency}: every open invoice`);
      }
      expect(await glance('this', 'due')).toBe(`by due dates: ${formatMoney(line.thisWeek.byDueDates, line.currency, 'en')}`);
    }
    expect(expected.glance.map((line) => line.noForecast)).toContain(null);
    expect(pane().problems).toEqual([]);
  });
});

const FEC = join(__dirname, '..', 'ledger', 'fixtures', 'fec.txt');

/** The core's forecast from the FEC's open items and its paid invoices, as the pane should write them. */
async function coreForecastOfFec(asOfText: string) {
  const asOf = parseTextDate(asOfText);
  const result = await importLedgerFile(new Uint8Array(readFileSync(FEC)), {
    fileName: 'fec.txt',
    language: 'en',
    asOf,
    defaultCurrency: 'EUR',
    partialMatch: 'lowerCaseOrStar',
    terms: '30 jours',
  });
  const paid = paidInvoicesFromImport(result, 'customer', 'en', asOf);
  const table: LedgerTable = {
    sheetName: result.sheetName,
    headerRow: 0,
    firstColumn: 0,
    values: result.layout.rows as CellValue[][],
    serialSystem: 'excel1900',
    description: '',
  };
  const settings = {
    ...defaultSettings('en', asOf),
    followToday: false,
    asOf: asOfText,
    historySheet: paid?.sheetName ?? '',
  };
  return cashInForecastFor(table, detectColumns(table.values[0] ?? []), settings, asOf, paid?.layout.rows as CellValue[][]);
}
