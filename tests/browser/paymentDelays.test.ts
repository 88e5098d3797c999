// The payment-delays table (D441-6) through the pane in Preview mode, in Chromium: a workbook
// with a customer ledger, a supplier ledger and a dunning log is loaded, the command runs, and
// the sheet it writes is read back from the grid, cell by cell, against the hand count of
// tests/reports/paymentDelays.test.ts.

import { join } from 'node:path';
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
  // One unreadable row in each ledger: not counted, and listed in the pane with its reason.
  add('Clients', [
    CUSTOMER_HEADER,
    ...CUSTOMER_ROWS,
    ['Kilo', 'F-BAD', '2025-11-03', '31/02/2025', '10.00', '10.00', 'EUR', 'Non', ''],
  ]);
  add(
    'Fournisseurs',
    [...SUPPLIER_ROWS, ['Bureau Express', 'A-400', '2025-10-01', 'fin octobre', '90.00', '90.00', 'Non']],
    false,
  );
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
    // The grid writes amounts as the pane's language does: French here (1 452,75).
    expect(await rowText(7, 7, 12)).toEqual(['150,00', '219,75', '691,00', '351,00', '191,00', '1\u202f452,75']);
    expect(await rowText(9, 7, 12)).toEqual(
      ['0,15 %', '0,22 %', '0,69 %', '0,35 %', '0,19 %', '1,45 %'].map((share) => share.replace(' ', '\u202F')),
    );
    // Received: A-300 not due 300.00; A-100 1200.00 in 1-30; A-200 800.00 in 91+.
    expect(await rowText(7, 1, 6)).toEqual(['300,00', '1\u202f200,00', '0,00', '0,00', '800,00', '2\u202f000,00']);
    // (B): F-LIT from the ledger and F-LOG from the dunning log.
    expect(await text(11, 7)).toBe('2');
    expect(await text(12, 7)).toBe('1\u202f299,99');
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
    // The row of F-1 itself (the credit note's row names F-1 too, as the invoice it went to).
    const f1 = await page
      .locator(`${detail} tr`)
      .filter({ has: page.locator('td', { hasText: /^F-1$/ }) })
      .first()
      .textContent();
    expect(f1).toContain('1 à 30 jours');
    expect(f1).toMatch(/89[.,]75/);
    // The rows the note under the table says are detailed in the pane: both ledgers, with why.
    const skipped = await page.$$eval('#delays-skipped li', (items) => items.map((item) => item.textContent));
    expect(await page.textContent('#delays-skipped summary')).toBe('2 lignes des grands livres non comptées');
    expect(skipped).toHaveLength(2);
    expect(skipped[0]).toMatch(/^Grand livre clients Clients, ligne 18 : .*31\/02\/2025/);
    expect(skipped[1]).toMatch(/^Grand livre fournisseurs Fournisseurs, ligne 7 : .*fin octobre/);
    await page.selectOption('#language', 'en');
    expect(await page.textContent('#delays-skipped summary')).toBe('2 ledger rows not counted');
    expect(await page.textContent('#delays-skipped li[data-side="received"]')).toMatch(/^Supplier ledger Fournisseurs, row 7: /);
    await page.selectOption('#language', 'fr');
    expect(pane().problems).toEqual([]);
  });

  test('a FEC imported on the supplier side: the supplier ledger and the year’s figures, marked as the FEC’s', async () => {
    const { page } = pane();
    // The figures typed in the first test are emptied: the FEC's are offered instead.
    for (const id of ['#setting-delaysTurnover', '#setting-delaysPurchases']) {
      await page.fill(id, '');
      await page.dispatchEvent(id, 'change');
    }
    await page.fill('#setting-delaysClosingDate', '2026-12-31');
    await page.dispatchEvent('#setting-delaysClosingDate', 'change');
    // Read as of the closing date, as the table wants the year's books.
    await page.uncheck('#follow-today');
    await page.fill('#as-of', '2026-12-31');
    await page.dispatchEvent('#as-of', 'change');
    await page.click('#import summary');
    await page.selectOption('#import-side', 'supplier');
    await page.setInputFiles('#import-file', join(__dirname, '..', 'ledger', 'fixtures', 'fec.txt'));
    await page.waitForFunction(() =>
      /grand livre fournisseurs du tableau/.test(document.querySelector('#import')?.textContent ?? ''),
    );
    // A renamed FEC (fec.txt): its last entry, 5 December 2026, bounds its year, and the closing
    // date typed above (31 December, in that month and after it) fits it: kept, not marked.
    expect(await page.inputValue('#setting-delaysClosingDate')).toBe('2026-12-31');
    expect(await page.$('#delaysClosingDate-source')).toBeNull();
    // The customer ledger stays the one the pane had; the 401 sheet is the table's supplier ledger.
    expect(await page.textContent('#mapping summary')).toContain('Clients');
    expect(await page.inputValue('#setting-delaysSupplierSheet')).toBe('Import fournisseurs fec');
    // Class 70 credits 1000 + 2000 + 500 + 300 + 920 + 400 + 1250 − the 100 debited on AV-12 = 6270;
    // classes 60-62: 500 + 200 = 700 (see tests/reports/paymentDelaysFec.test.ts).
    expect(await page.inputValue('#setting-delaysTurnover')).toBe('6270');
    expect(await page.inputValue('#setting-delaysPurchases')).toBe('700');
    expect(await page.textContent('#delaysTurnover-source')).toBe(
      'Tiré du FEC « fec.txt » : classe 70, écritures du 01/10/2026 au 05/12/2026, hors taxes. Saisissez un autre montant pour le remplacer.',
    );
    await page.click('#payment-delays');
    await page.waitForFunction(() =>
      document.querySelector('#status')?.textContent?.includes('« Délais de paiement 2026-12-31 »'),
    );
    const grid = 'table.grid[data-sheet="Délais de paiement 2026-12-31"]';
    await page.waitForSelector(grid);
    // Received: F-S1 600.00 of 1 November, due 1 December, 30 days late: 600 / 700 of purchases.
    expect(await page.textContent(`${grid} td[data-cell="7:2"]`)).toBe('600,00');
    expect(await page.textContent(`${grid} td[data-cell="8:2"]`)).toBe('85,71\u202F%');
    expect(await page.locator(`${grid} td`, { hasText: 'Achats tirés du FEC « fec.txt »' }).count()).toBe(1);
    // A figure typed replaces the FEC's, which the pane still names.
    await page.fill('#setting-delaysPurchases', '800');
    await page.dispatchEvent('#setting-delaysPurchases', 'change');
    expect(await page.textContent('#delaysPurchases-source')).toBe(
      'Saisi par vous ; le FEC « fec.txt » donne 700 (videz le champ pour l’utiliser).',
    );
    expect(pane().problems).toEqual([]);
  });

  test('section II from the imported FEC’s matching, the customer ledger having no paid dates', async () => {
    const { page } = pane();
    await page.selectOption('#setting-delaysSection', 'II');
    await page.click('#payment-delays');
    // A second table for the same closing date goes to a new sheet, never over the first.
    await page.waitForFunction(() => /Tableau écrit .*\(2\)/.test(document.querySelector('#status')?.textContent ?? ''));
    const name = await page.evaluate(
      () => (window as unknown as { agebucket: { workbook: { activeSheet: string } } }).agebucket.workbook.activeSheet,
    );
    expect(name).toMatch(/^Délais de paie.* 2026-12-31 \(2\)$/);
    const grid = `table.grid[data-sheet="${name}"]`;
    await page.waitForSelector(grid);
    const rowText = async (row: number, from: number, to: number) => {
      const cells: Array<string | null> = [];
      for (let column = from; column <= to; column++)
        cells.push(await page.textContent(`${grid} td[data-cell="${row}:${column}"]`));
      return cells;
    };
    // Issued (see tests/reports/paymentDelaysFecSectionII.test.ts): FA-101 paid before its due
    // date (0 jour, 1200.00), FA-104 paid 16 days late (1-30, 360.00).
    expect(await rowText(6, 7, 12)).toEqual(['1', '1', '0', '0', '0', '1']);
    expect(await rowText(7, 7, 12)).toEqual(['1\u202f200,00', '360,00', '0,00', '0,00', '0,00', '360,00']);
    // Received, from the same FEC's 401 accounts: F-S0 paid on its due date.
    expect(await rowText(6, 1, 6)).toEqual(['1', '0', '0', '0', '0', '0']);
    expect(await page.locator(`${grid} td`, { hasText: 'Section II tirée du FEC « fec.txt »' }).count()).toBe(1);
    expect(pane().problems).toEqual([]);
  });

  test('section I from a FEC imported after the year ended: lines matched since count, partial lettrage netted', async () => {
    const { page } = pane();
    // The FEC of the year to 30 September 2026, imported on both sides two months after it
    // ended, once the accountant had matched October's payments.
    // The closing date is left as the test above typed it (31 December 2026): the import sets
    // the FEC's, which its name states (SirenFECAAAAMMJJ, LPF art. A47 A-1).
    await page.selectOption('#setting-delaysSection', 'I');
    expect(await page.inputValue('#setting-delaysClosingDate')).toBe('2026-12-31');
    await page.fill('#as-of', '2026-11-30');
    await page.dispatchEvent('#as-of', 'change');
    const fec = join(__dirname, '..', 'data', '123456789FEC20260930.txt');
    for (const side of ['customer', 'supplier'] as const) {
      await page.selectOption('#import-side', side);
      await page.setInputFiles('#import-file', fec);
      await page.waitForFunction(
        (name) =>
          (window as unknown as { agebucket: { workbook: { activeSheet: string } } }).agebucket.workbook.activeSheet === name,
        side === 'customer' ? 'Import clients FEC20260930' : 'Import fournisseurs FEC20260930',
      );
    }
    expect(await page.inputValue('#setting-delaysSupplierSheet')).toBe('Import fournisseurs FEC20260930');
    expect(await page.inputValue('#setting-delaysClosingDate')).toBe('2026-09-30');
    expect(await page.textContent('#delaysClosingDate-source')).toBe(
      'Date de clôture du FEC « 123456789FEC20260930.txt » (d’après son nom), reprise à son import. Saisissez une autre date pour la changer.',
    );
    // The user can still type another date: it stays, and the mark goes; the FEC's date typed back brings it back.
    await page.fill('#setting-delaysClosingDate', '2026-06-30');
    await page.dispatchEvent('#setting-delaysClosingDate', 'change');
    await page.waitForSelector('#delaysClosingDate-source', { state: 'detached' });
    expect(await page.inputValue('#setting-delaysClosingDate')).toBe('2026-06-30');
    await page.fill('#setting-delaysClosingDate', '2026-09-30');
    await page.dispatchEvent('#setting-delaysClosingDate', 'change');
    await page.waitForSelector('#delaysClosingDate-source');
    await page.click('#payment-delays');
    await page.waitForFunction(() => /Délais de paiement 2026-09-30/.test(document.querySelector('#status')?.textContent ?? ''));
    expect(await page.textContent('#status')).not.toContain('n’est pas celle du FEC');
    const grid = 'table.grid[data-sheet="Délais de paiement 2026-09-30"]';
    await page.waitForSelector(grid);
    const rowText = async (row: number, from: number, to: number) => {
      const cells: Array<string | null> = [];
      for (let column = from; column <= to; column++)
        cells.push(await page.textContent(`${grid} td[data-cell="${row}:${column}"]`));
      return cells;
    };
    // Issued (worked out in tests/reports/paymentDelaysFecSectionI.test.ts): 1-30 F26-0210 6 000,00;
    // 31-60 F26-0180 7 200,00, matched on 20 October; 91+ F26-0150 9 600,00 + F26-0120 1 800,00
    // less the 1 000,00 partly matched with it = 10 400,00. The opening balance (4 800,00) is
    // listed under the table, not in 91+.
    expect(await rowText(6, 7, 12)).toEqual(['0', '1', '1', '0', '2', '4']);
    expect(await rowText(7, 7, 12)).toEqual([
      '0,00',
      '6\u202f000,00',
      '7\u202f200,00',
      '0,00',
      '10\u202f400,00',
      '23\u202f600,00',
    ]);
    const openings = await page
      .locator(`${grid} td`, { hasText: 'À-nouveaux (soldes repris de l’exercice précédent)' })
      .textContent();
    expect(openings?.replace(/[\u00a0\u202f]/g, ' ')).toContain('émis 1 pour 4 800,00 € ; reçus néant');
    // (C) says the FEC's due dates are assumed, and so do the pane's notice and message.
    expect(await page.textContent(`${grid} td[data-cell="14:7"]`)).toContain(
      'Délais contractuels : non portés au FEC ; échéance supposée à « 30 jours » de la date de pièce',
    );
    expect(await page.textContent('#status')).toContain('Attention : un FEC ne porte pas d');
    expect(await page.textContent('#delays-fec-terms')).toContain('Le FEC « 123456789FEC20260930.txt » ne porte pas d’échéances');
    // Received: 0 jour FF-9004 960,00 (matched on 5 October); 1-30 FF-9003; 61-90 FF-9002.
    expect(await rowText(6, 1, 6)).toEqual(['1', '1', '0', '1', '0', '2']);
    expect(await rowText(7, 1, 6)).toEqual(['960,00', '1\u202f440,00', '0,00', '3\u202f600,00', '0,00', '5\u202f040,00']);
    // The detail sheet says what was deducted from F26-0120, and where the cheque went.
    await page.click('button[data-sheet="Délais – détail 2026-09-30"]');
    const detail = 'table.grid[data-sheet="Délais – détail 2026-09-30"]';
    await page.waitForSelector(detail);
    const invoice = await page
      .locator(`${detail} tr`)
      .filter({ has: page.locator('td', { hasText: /^F26-0120$/ }) })
      .first()
      .textContent();
    expect(invoice).toContain('800,00');
    expect(invoice).toContain('déduction faite de 1\u00a0000,00\u00a0€ de règlements ou d’avoirs ; lettrage a');
    const cheque = await page.locator(`${detail} tr`, { hasText: 'CHQ-0610' }).first().textContent();
    expect(cheque).toContain('déduit de son montant (facture F26-0120) ; lettrage a');
    expect(pane().problems).toEqual([]);
  });

  test('the same FEC from the legal terms, chosen in one click from the pane’s notice', async () => {
    const { page } = pane();
    await page.click('#delays-use-legal');
    expect(await page.inputValue('#setting-delaysTerms')).toBe('legal60');
    await page.waitForSelector('#delays-fec-terms', { state: 'detached' });
    await page.click('#payment-delays');
    await page.waitForFunction(() =>
      /Tableau écrit .*2026-09-30 \(2\)/.test(document.querySelector('#status')?.textContent ?? ''),
    );
    expect(await page.textContent('#status')).not.toContain('Attention');
    // A second table for the same date: a new sheet, its name cut to Excel's 31 characters.
    const name = await page.evaluate(
      () => (window as unknown as { agebucket: { workbook: { activeSheet: string } } }).agebucket.workbook.activeSheet,
    );
    expect(name).toMatch(/^Délais de paie.* 2026-09-30 \(2\)$/);
    const grid = `table.grid[data-sheet="${name}"]`;
    await page.waitForSelector(grid);
    const rowText = async (row: number, from: number, to: number) => {
      const cells: Array<string | null> = [];
      for (let column = from; column <= to; column++)
        cells.push(await page.textContent(`${grid} td[data-cell="${row}:${column}"]`));
      return cells;
    };
    // By hand, due = invoice date + 60 days, late on 30 September 2026. Issued: F26-0210 of 15
    // August, due 14 October: 0 jour; F26-0180 of 20 July, due 18 September: 12 days (1-30);
    // F26-0150 of 1 June, due 31 July: 61 days, and F26-0120 of 5 May, due 4 July: 88 days
    // (61-90: 9 600,00 + 800,00). The opening balance has no invoice date of its own: apart.
    expect(await rowText(6, 7, 12)).toEqual(['1', '1', '0', '2', '0', '3']);
    expect(await rowText(7, 7, 12)).toEqual([
      '6\u202f000,00',
      '7\u202f200,00',
      '0,00',
      '10\u202f400,00',
      '0,00',
      '17\u202f600,00',
    ]);
    // Received: FF-9004 of 1 September (due 31 October) and FF-9003 of 1 August (due 30
    // September): 0 jour; FF-9002 of 10 June, due 9 August: 52 days (31-60).
    expect(await rowText(6, 1, 6)).toEqual(['2', '0', '1', '0', '0', '1']);
    expect(await page.textContent(`${grid} td[data-cell="14:7"]`)).toBe(
      '☐ Délais contractuels : échéances portées au grand livre\n☒ Délais légaux : 60 jours à compter de la date de facture',
    );
    expect(pane().problems).toEqual([]);
  });
});
