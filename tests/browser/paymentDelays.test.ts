// The payment-delays table (D441-6) through the pane in Preview mode, in Chromium: a workbook
// with a customer ledger, a supplier ledger and a dunning log is loaded, the command runs, and
// the sheet it writes is read back from the grid, cell by cell, against the hand count of
// tests/reports/paymentDelays.test.ts.

import ExcelJS from 'exceljs';
import { parseTextDate } from '../../src/primitives/dates';
import { CLOSING, CUSTOMER_HEADER, CUSTOMER_ROWS, LOG_ROWS, SUPPLIER_ROWS } from '../reports/delaysLedgers';
import { describePane, screenshot } from './browser';

/** Cells as an accounting export writes them: dates as dates, amounts as numbers. */
function cell(text: string): string | number | Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return new Date(parseTextDate(text) * 86_400_000);
  if (/^-?\d+\.\d{2}$/.test(text)) return Number(text);
  return text;
}

async function workbookFile(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const add = (name: string, rows: readonly (readonly string[])[], header = true) => {
    const sheet = book.addWorksheet(name);
    rows.forEach((row, index) => {
      sheet.addRow(index === 0 && header ? [...row] : row.map(cell));
    });
  };
  add('Clients', [CUSTOMER_HEADER, ...CUSTOMER_ROWS]);
  add('Fournisseurs', SUPPLIER_ROWS, false);
  add('Journal des relances', LOG_ROWS);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describePane('the payment-delays table in Preview', (pane) => {
  test('from the ledgers to the model’s table, in French', async () => {
    const { page } = pane();
    await page.setInputFiles('#load-file', {
      name: 'comptes.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await workbookFile(),
    });
    await page.waitForFunction(() => document.querySelector('#mapping summary')?.textContent?.includes('Clients'));
    await page.selectOption('#language', 'fr');
    // The choices the pane saves in the workbook: closing date, supplier sheet, year's figures.
    await page.click('#payment-delays-card summary');
    for (const [id, value] of [
      ['#setting-delaysClosingDate', CLOSING],
      ['#setting-delaysTurnover', '100000'],
      ['#setting-delaysPurchases', '50000'],
    ] as const) {
      await page.fill(id, value);
      await page.dispatchEvent(id, 'change');
    }
    // The supplier ledger is picked among the workbook's other sheets (asked again when opened).
    await page.focus('#setting-delaysSupplierSheet');
    await page.waitForSelector('#setting-delaysSupplierSheet option[value="Fournisseurs"]', { state: 'attached' });
    expect(
      await page.$$eval('#setting-delaysSupplierSheet option', (options) =>
        options.map((option) => option.getAttribute('value')),
      ),
    ).toEqual(['', 'Fournisseurs', 'Journal des relances']);
    await page.selectOption('#setting-delaysSupplierSheet', 'Fournisseurs');
    await page.click('#payment-delays');
    await page.waitForFunction(() => document.querySelector('#status')?.textContent?.includes('Tableau écrit'));
    const grid = 'table.grid[data-sheet="Délais de paiement 2025-12-31"]';
    await page.waitForSelector(grid);
    const text = (row: number, column: number) => page.textContent(`${grid} td[data-cell="${row}:${column}"]`);
    const rowText = async (row: number, from: number, to: number) => {
      const cells: Array<string | null> = [];
      for (let column = from; column <= to; column++) cells.push(await text(row, column));
      return cells;
    };
    expect(await text(4, 1)).toBe('0 jour (indicatif)');
    expect(await text(4, 12)).toBe('Total (1 jour et plus)');
    // Issued, counted by hand: 0 jour 2 / 150.00; 1-30 2 / 219.75; 31-60 3 / 691.00;
    // 61-90 2 / 351.00; 91+ 1 / 191.00; total 8 / 1452.75 (see paymentDelays.test.ts).
    expect(await rowText(6, 7, 12)).toEqual(['2', '2', '3', '2', '1', '8']);
    expect(await rowText(7, 7, 12)).toEqual(['150.00', '219.75', '691.00', '351.00', '191.00', '1,452.75']);
    expect(await rowText(9, 7, 12)).toEqual(['0.15 %', '0.22 %', '0.69 %', '0.35 %', '0.19 %', '1.45 %']);
    // Received: A-300 not due 300.00; A-100 1200.00 in 1-30; A-200 800.00 in 91+.
    expect(await rowText(7, 1, 6)).toEqual(['300.00', '1,200.00', '0.00', '0.00', '800.00', '2,000.00']);
    // (B): F-LIT from the ledger and F-LOG from the dunning log.
    expect(await text(11, 7)).toBe('2');
    expect(await text(12, 7)).toBe('1,299.99');
    // The model's merged headings and its borders, as the grid draws them.
    const heading = page.locator(`${grid} td[data-cell="3:7"]`);
    expect(await heading.getAttribute('colspan')).toBe('6');
    expect(await page.locator(`${grid} td[data-cell="3:0"]`).getAttribute('rowspan')).toBe('2');
    expect(await page.locator(`${grid} td[data-cell="3:8"]`).count()).toBe(0);
    expect(await heading.evaluate((td) => getComputedStyle(td).borderTopStyle)).toBe('solid');
    expect(await page.locator(`${grid} td[data-cell="5:0"]`).evaluate((td) => getComputedStyle(td).backgroundColor)).toBe(
      'rgb(217, 217, 217)',
    );
    await page.locator(grid).scrollIntoViewIfNeeded();
    await screenshot(page, 'payment-delays-table');
    // The detail sheet lists every invoice with its bracket.
    await page.click('button[data-sheet="Délais – détail 2025-12-31"]');
    const detail = 'table.grid[data-sheet="Délais – détail 2025-12-31"]';
    await page.waitForSelector(detail);
    expect(await page.locator(`${detail} tr`).count()).toBe(1 + 3 + CUSTOMER_ROWS.length);
    const f1 = await page.locator(`${detail} tr`, { hasText: 'F-1' }).first().textContent();
    expect(f1).toContain('1 à 30 jours');
    expect(f1).toContain('89.75');
    expect(pane().problems).toEqual([]);
  });
});
