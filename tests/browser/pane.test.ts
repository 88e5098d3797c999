// The pane as a credit manager uses it, in Preview mode in Chromium: find the ledger, fix a
// column, colour the rows, build the aged balance, remove the colours, reload.

import { join } from 'node:path';
import { agedBalance } from '../../src/ageing/agedBalance';
import { makeBuckets } from '../../src/ageing/ageing';
import { amountFromMinor } from '../../src/primitives/money';
import { chromiumAvailable, describePane, pageLoaded, screenshot, withPane } from './browser';

const AS_OF = '2025-11-28';
const asOfDay = Date.UTC(2025, 10, 28) / 86_400_000;
const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

// Rows exactly 0, 1, 30, 31, 90 and 91 days overdue, plus a disputed one and a credit note.
const EDGE_DAYS = [0, 1, 30, 31, 90, 91];
const edgeCsv = [
  'Client,Facture,Échéance,Reste dû,Devise,Litige',
  ...EDGE_DAYS.map((days, index) => `Client ${index + 1},F-${days},${iso(asOfDay - days)},${100 + index}.50,EUR,Non`),
  `Client 1,F-LIT,${iso(asOfDay - 40)},999.99,EUR,Oui`,
  `Client 2,AV-1,${iso(asOfDay - 10)},-20.25,EUR,Non`,
].join('\n');

const rgb = (hex: string) =>
  `rgb(${parseInt(hex.slice(1, 3), 16)}, ${parseInt(hex.slice(3, 5), 16)}, ${parseInt(hex.slice(5, 7), 16)})`;

describePane('the pane in Preview mode', (pane) => {
  test('finds the sample ledger and its columns', async () => {
    const { page } = pane();
    expect(await page.textContent('#mapping summary')).toContain('Créances');
    expect(await page.inputValue('select[data-role="dueDate"]')).toBe('5');
    expect(await page.inputValue('select[data-role="customer"]')).toBe('1');
    expect(await page.textContent('#read-report')).toContain('336 of 336 rows read');
    await screenshot(page, '01-preview-sample-ledger');
  });

  test('the user fixes a column mapping', async () => {
    const { page } = pane();
    await page.click('#mapping summary');
    // Without a customer column the customer code names the accounts; without either, one is needed.
    const code = await page.inputValue('select[data-role="customerCode"]');
    await page.selectOption('select[data-role="customer"]', '');
    await page.selectOption('select[data-role="customerCode"]', '');
    expect(await page.textContent('#missing')).toContain('Still needed: customer');
    await screenshot(page, '02-mapping-missing-customer');
    await page.selectOption('select[data-role="customer"]', '1');
    await page.selectOption('select[data-role="customerCode"]', code);
    expect(await page.$('#missing')).toBeNull();
  });

  test('colours a ledger of edge cases by bucket, disputed rows in grey', async () => {
    const { page } = pane();
    await page.setInputFiles('#load-file', { name: 'edges.csv', mimeType: 'text/csv', buffer: Buffer.from(edgeCsv) });
    await page.waitForFunction(() => document.querySelector('#mapping summary')?.textContent?.includes('edges'));
    await page.uncheck('#follow-today');
    await page.fill('#as-of', AS_OF);
    await page.dispatchEvent('#as-of', 'change');
    await page.click('#colour');
    await page.waitForFunction(() => document.querySelector('#status')?.textContent?.includes('colour rules'));
    const background = async (row: number) =>
      page.$eval(`table.grid tr[data-row="${row}"]`, (tr) => getComputedStyle(tr).backgroundColor);
    const expected = ['rgba(0, 0, 0, 0)', rgb('#FFF4CE'), rgb('#FFF4CE'), rgb('#FFD8A8'), rgb('#FFB3A7'), rgb('#F28B82')];
    for (const [index, days] of EDGE_DAYS.entries()) {
      expect([days, await background(index + 2)]).toEqual([days, expected[index]]);
    }
    expect(await background(8)).toBe(rgb('#E8EAED')); // disputed
    await screenshot(page, '03-colours-by-bucket');
    // A second click replaces our rules instead of stacking them.
    const count = () =>
      page.evaluate(
        () =>
          (window as unknown as { agebucket: { workbook: { sheets: Array<{ rules: unknown[] }> } } }).agebucket.workbook.sheets[0]
            ?.rules.length,
      );
    const first = await count();
    await page.click('#colour');
    await page.waitForFunction(() => !document.querySelector('#colour')?.hasAttribute('disabled'));
    expect(await count()).toBe(first);
  });

  test('builds the aged balance sheet, whose totals are the core’s', async () => {
    const { page } = pane();
    await page.click('#aged-balance');
    await page.waitForSelector('table.grid[data-sheet="Aged balance 2025-11-28"]');
    const balance = agedBalance(
      [
        ...EDGE_DAYS.map((days, index) => ({
          customer: `Client ${index + 1}`,
          currency: 'EUR',
          ageDay: asOfDay - days,
          amount: (100 + index) * 100 + 50,
        })),
        { customer: 'Client 1', currency: 'EUR', ageDay: asOfDay - 40, amount: 999_99 },
        { customer: 'Client 2', currency: 'EUR', ageDay: asOfDay - 10, amount: -20_25 },
      ],
      { asOf: asOfDay, buckets: makeBuckets() },
    );
    const total = balance.totals[0];
    const totalRow = await page.$$eval('table.grid tr', (rows) =>
      rows
        .map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent ?? ''))
        .find((cells) => cells[0] === 'Total' && cells[1] === 'EUR'),
    );
    const format = (minor: number) =>
      amountFromMinor(minor, 'EUR').toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    expect(totalRow?.slice(2, 8)).toEqual([...(total?.buckets ?? []).map(format), format(total?.total ?? 0)]);
    expect(await page.$('figure.chart')).not.toBeNull();
    await screenshot(page, '04-aged-balance-sheet');
  });

  test('remove colours leaves the user’s own rules', async () => {
    const { page } = pane();
    await page.reload();
    await page.waitForSelector('#mapping summary');
    await page.click('#colour');
    await page.waitForFunction(() => document.querySelector('#status')?.textContent?.includes('colour rules'));
    await page.click('#remove-colours');
    await page.waitForFunction(() => document.querySelector('#status')?.textContent?.includes('removed'));
    const rules = await page.evaluate(() =>
      (
        window as unknown as { agebucket: { workbook: { sheets: Array<{ rules: Array<{ kind: string }> }> } } }
      ).agebucket.workbook.sheets[0]?.rules.map((r) => r.kind),
    );
    expect(rules).toEqual(['user']);
    const boldRows = await page.$$eval(
      'table.grid tr',
      (rows) => rows.filter((tr) => getComputedStyle(tr).fontWeight === '700').length,
    );
    expect(boldRows).toBeGreaterThan(1); // the header, and the rows over 20 000 the user's rule makes bold
    await screenshot(page, '05-colours-removed-user-rule-kept');
  });

  test('settings are kept in the document across a reload', async () => {
    const { page } = pane();
    await page.fill('#boundaries', '15, 45');
    await page.dispatchEvent('#boundaries', 'change');
    await page.selectOption('#language', 'fr');
    await page.click('button[data-tab="settings"]');
    await page.fill('#setting-companyName', 'Ateliers Réunis SAS');
    await page.dispatchEvent('#setting-companyName', 'change');
    await page.reload();
    await page.waitForSelector('#mapping summary');
    expect(await page.inputValue('#boundaries')).toBe('15, 45');
    expect(await page.inputValue('#language')).toBe('fr');
    expect(await page.textContent('#colour')).toBe('Colorer les retards');
    expect(await page.$$eval('.legend li', (items) => items.map((li) => li.textContent))).toEqual([
      '1-15',
      '16-45',
      '46+',
      'En litige',
    ]);
    await page.click('button[data-tab="settings"]');
    expect(await page.inputValue('#setting-companyName')).toBe('Ateliers Réunis SAS');
    await page.click('button[data-tab="ageing"]');
    await screenshot(page, '06-french-after-reload');
  });

  test('no console error or uncaught exception on the way', () => {
    expect(pane().problems).toEqual([]);
  });
});

const run = chromiumAvailable() ? describe : describe.skip;

run('loading the user’s own .xlsx in Preview', () => {
  test('the sample workbook, dates as Excel holds them, reads the same 336 items', async () => {
    await withPane({}, async ({ page, problems }) => {
      await page.setInputFiles('#load-file', join(__dirname, '..', '..', 'samples', 'ledger.xlsx'));
      await page.waitForFunction(() => document.querySelector('#status')?.textContent?.includes('Créances!'));
      expect(await page.textContent('#read-report')).toContain('336 of 336 rows read');
      expect(await page.$$eval('.sheet-tabs button', (tabs) => tabs.map((t) => t.textContent))).toEqual([
        'Créances',
        'Journal des relances',
      ]);
      expect(problems).toEqual([]);
    });
  }, 60_000);
});

run('Preview without office.js (offline, or the CDN blocked)', () => {
  test('the pane still starts on the sample ledger, with no uncaught error', async () => {
    await withPane({ offline: true }, async ({ page, problems }) => {
      expect(await page.textContent('#read-report')).toContain('336 of 336 rows read');
      // The blocked script itself is logged by the browser; nothing of ours may throw.
      expect(problems.filter((problem) => problem.startsWith('uncaught'))).toEqual([]);
    });
  }, 60_000);
});

run('the sample is current', () => {
  /** The indicators Preview shows when it opens on `today`, and its as-of date. */
  const firstScreen = (today: string) =>
    withPane({ today }, async ({ page, problems }) => {
      await page.waitForSelector('.kpi[data-currency="EUR"] [data-kpi="overdue-share"]');
      const kpis = await page.$$eval('.kpi [data-kpi]', (cells) =>
        cells.map(
          (cell) =>
            `${cell.closest('.kpi')?.getAttribute('data-currency')} ${cell.getAttribute('data-kpi')}: ${cell.textContent}`,
        ),
      );
      return { asOf: await page.inputValue('#as-of'), kpis, problems };
    });

  test('opened a year after the sample date, Preview moves it by whole months: as on its own date on the 28th, as of today', async () => {
    const own = await firstScreen('2025-11-28');
    // Moved twelve months, to 28 November 2026: 2026 has the months of 2025, so nothing differs.
    const yearOn = await firstScreen('2026-11-28');
    // Two days later the same sample (the latest 28th is still 28 November) is two days older.
    const later = await firstScreen('2026-11-30');
    expect(own.asOf).toBe('2025-11-28');
    expect(yearOn.asOf).toBe('2026-11-28');
    expect(later.asOf).toBe('2026-11-30');
    expect(own.kpis.length).toBeGreaterThan(6);
    expect(yearOn.kpis).toEqual(own.kpis);
    const totals = (kpis: string[]) => kpis.filter((kpi) => / total: /.test(kpi));
    expect(totals(later.kpis)).toEqual(totals(own.kpis));
    // Not the "100 % overdue" of a sample left on its own date.
    expect(later.kpis.find((kpi) => kpi.startsWith('EUR overdue-share'))).not.toMatch(/100/);
    expect([...own.problems, ...yearOn.problems, ...later.problems]).toEqual([]);
  }, 180_000);
});

run('a pane that starts whatever happens', () => {
  test('damaged settings in the document are reported and reset from the pane; the pane works meanwhile', async () => {
    // A save cut short: the settings text ends in the middle of a value.
    const truncated = JSON.stringify({ language: 'en', boundaries: '15, 45' }).slice(0, 30);
    // Only the pane's own document seeds the settings: a frame with an opaque origin (Chromium's
    // error page for a frame that failed to load) has no storage, and would throw.
    const initScript = `try { if (!sessionStorage.getItem('seeded')) { sessionStorage.setItem('seeded', '1'); localStorage.setItem('agebucket.preview.settings', ${JSON.stringify(truncated)}); } } catch (error) { if (window === window.top) throw error; }`;
    await withPane({ initScript, ready: pageLoaded }, async ({ page, problems }) => {
      await page.waitForSelector('#settings-problem');
      expect(await page.textContent('#settings-problem p')).toMatch(
        /^the settings saved in this workbook are damaged \(their text is cut short or was edited by hand, and can no longer be read\); reset them to the defaults and enter yours again$/,
      );
      // The ledger is found all the same, with the default buckets.
      await page.waitForSelector('#read-report');
      expect(await page.inputValue('#boundaries')).toBe('30, 60, 90');
      await page.click('#reset-settings');
      await page.waitForFunction(() => document.querySelector('#status')?.textContent?.includes('back to their defaults'));
      expect(await page.$('#settings-problem')).toBeNull();
      const stored = await page.evaluate(() => localStorage.getItem('agebucket.preview.settings') ?? '');
      expect(JSON.parse(stored).boundaries).toBe('30, 60, 90');
      expect(problems).toEqual([]);
    });
  }, 60_000);

  test('office.js that loads but never answers: Preview opens after the timeout and says why', async () => {
    // An Office whose onReady never settles (its own files did not load), and no real office.js.
    const initScript =
      'window.AGEBUCKET_OFFICE_TIMEOUT_MS = 1500; window.Office = { onReady: () => new Promise(() => {}), HostType: { Excel: "Excel" } };';
    await withPane({ offline: true, initScript, ready: pageLoaded }, async ({ page, problems }) => {
      await page.waitForSelector('#notice', { timeout: 20_000 });
      expect(await page.textContent('#notice')).toMatch(/^Office did not answer within 2 seconds: this is Preview/);
      await page.waitForSelector('#read-report');
      expect(await page.textContent('#read-report')).toContain('336 of 336 rows read');
      expect(problems.filter((problem) => problem.startsWith('uncaught'))).toEqual([]);
    });
  }, 60_000);
});
