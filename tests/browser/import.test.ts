// Files exported from accounting software, imported in Preview as a credit manager would:
// each becomes a new sheet of open items, the pane reads it as the ledger, and the aged
// balance sheet's totals per currency are the sums done by hand (or, for IBM's sample, by a
// separate reading of the file written here).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IBM_SAMPLE } from '../../scripts/csv';
import { chromiumAvailable, closePane, openPane, type Session, screenshot } from './browser';

const run = chromiumAvailable() ? describe : describe.skip;
const FIXTURES = join(__dirname, '..', 'ledger', 'fixtures');

/** IBM's invoices owed on 30 June 2013, in cents: issued by that day and settled after it. */
function ibmOpenCents(): number {
  const [, ...lines] = readFileSync(IBM_SAMPLE, 'utf8').trim().split(/\r?\n/);
  const utc = (text: string) => {
    const [month, day, year] = text.split('/').map(Number);
    return Date.UTC(year as number, (month as number) - 1, day as number);
  };
  let cents = 0;
  for (const line of lines) {
    const fields = line.split(',');
    if (utc(fields[8] as string) > Date.UTC(2013, 5, 30) && utc(fields[4] as string) <= Date.UTC(2013, 5, 30)) {
      cents += Math.round(Number(fields[6]) * 100);
    }
  }
  return cents;
}

/** IBM's invoices paid by 30 June 2013: the import's sheet of paid invoices. */
function ibmPaidCount(): number {
  const [, ...lines] = readFileSync(IBM_SAMPLE, 'utf8').trim().split(/\r?\n/);
  return lines.filter((line) => {
    const [month, day, year] = (line.split(',')[8] as string).split('/').map(Number);
    return Date.UTC(year as number, (month as number) - 1, day as number) <= Date.UTC(2013, 5, 30);
  }).length;
}

interface Case {
  readonly file: string;
  readonly asOf: string;
  /** Open total per currency, by hand. */
  readonly totals: Record<string, number>;
  /** Paid invoices the import writes to their own sheet (none: no sheet). */
  readonly paid?: number;
}

const CASES: readonly Case[] = [
  // Hénaff 3 000,00 + Café de l'Étoile 2 845,67.
  { file: join(FIXTURES, 'sage-grand-livre.csv'), asOf: '2026-11-30', totals: { EUR: 5845_67 } },
  // Hôtel du Lac 13 345,67 + Garage Lefèvre 700,00.
  { file: join(FIXTURES, 'cegid-echeancier.csv'), asOf: '2026-11-30', totals: { EUR: 14045_67 } },
  // Acme 1,900.00 + Baker, Smith & Co 1,500.00 + Cole & Partners 4,321.09 (default currency).
  { file: join(FIXTURES, 'quickbooks-ar-aging.csv'), asOf: '2026-11-30', totals: { EUR: 7721_09 } },
  // Pharmacie Centrale 2 300,50 + Librairie Vauban 2 160,00.
  { file: join(FIXTURES, 'balance-titled.xlsx'), asOf: '2026-11-30', totals: { EUR: 4460_50 } },
  // Dupont 1 400,00 + Martin 840,00 + ACME 1 500,00; Smith 1 000,00 USD.
  // Dupont SA's FA-101, matched with the transfer of 10 November.
  { file: join(FIXTURES, 'fec.txt'), asOf: '2026-11-30', totals: { EUR: 3740_00, USD: 1000_00 }, paid: 1 },
  { file: IBM_SAMPLE, asOf: '2013-06-30', totals: { EUR: ibmOpenCents() }, paid: ibmPaidCount() },
];

run('importing ledgers from accounting software in Preview', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openPane();
    await session.page.waitForSelector('#mapping summary');
    await session.page.uncheck('#follow-today');
  }, 60_000);
  afterAll(async () => {
    if (session) await closePane(session);
  });

  for (const { file, asOf, totals, paid } of CASES) {
    const name = file.replace(/^.*\//, '');
    test(`${name}: the aged balance of its open items`, async () => {
      const { page } = session;
      await page.fill('#as-of', asOf);
      await page.dispatchEvent('#as-of', 'change');
      const sheetsBefore = await page.evaluate(
        () => (window as unknown as { agebucket: { workbook: { sheets: unknown[] } } }).agebucket.workbook.sheets.length,
      );
      await page.setInputFiles('#import-file', file);
      await page.waitForFunction(() => /imported to the new sheet/.test(document.querySelector('#import')?.textContent ?? ''));
      const active = await page.evaluate(
        () => (window as unknown as { agebucket: { workbook: { activeSheet: string } } }).agebucket.workbook.activeSheet,
      );
      expect(active.startsWith('Import ')).toBe(true);
      // A new sheet: none of the workbook's sheets was written over.
      expect(
        await page.evaluate(
          () => (window as unknown as { agebucket: { workbook: { sheets: unknown[] } } }).agebucket.workbook.sheets.length,
        ),
      ).toBe(sheetsBefore + (paid === undefined ? 1 : 2));
      if (paid !== undefined) {
        expect(await page.textContent('#import .status')).toContain(
          `; ${paid.toLocaleString('en-GB')} paid invoice${paid === 1 ? '' : 's'} to the new sheet Paid invoices ${asOf}`,
        );
        expect(await page.inputValue('#setting-historySheet')).toBe(`Paid invoices ${asOf}`);
      }
      await page.click('#aged-balance');
      await page.waitForFunction(() =>
        (window as unknown as { agebucket: { workbook: { activeSheet: string } } }).agebucket.workbook.activeSheet.startsWith(
          'Aged balance',
        ),
      );
      const totalRows = await page.evaluate(() => {
        const workbook = (
          window as unknown as {
            agebucket: { workbook: { activeSheet: string; sheets: Array<{ name: string; values: unknown[][] }> } };
          }
        ).agebucket.workbook;
        const sheet = workbook.sheets.find((s) => s.name === workbook.activeSheet);
        return (sheet?.values ?? []).filter((row) => row[0] === 'Total').map((row) => [row[1], row[7]]);
      });
      const expected = Object.entries(totals).map(([currency, cents]) => [currency, cents / 100]);
      expect(totalRows).toEqual(expected);
      await screenshot(page, `import-${name.replace(/\.[^.]+$/, '')}`);
    });
  }

  test('no console error or uncaught exception on the way', () => {
    expect(session.problems).toEqual([]);
  });
});
