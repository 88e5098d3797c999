// The pane's dunning half in Preview mode, on the sample ledger as of 28 November 2025: the
// plan, the templates sheet, the letters, the log, and the question before logging twice.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { dayFromCalendar, excelSerialFromDay } from '../../src/primitives/dates';
import {
  chooseLanguage,
  chromiumAvailable,
  describePane,
  ledgerFound,
  missingWordProcessorTools,
  PDFTOTEXT,
  type Ready,
  SOFFICE,
  screenshot,
  withPane,
  wordProcessorAvailable,
} from './browser';

const run = chromiumAvailable() ? describe : describe.skip;
const NBSP = '\u00A0';

/** The pane in Preview on the sample ledger, aged at `asOf` (by default the sample's own date, not today). */
const agedAt =
  (asOf = '2025-11-28'): Ready =>
  async (page) => {
    await ledgerFound(page);
    await page.uncheck('#follow-today');
    await page.fill('#as-of', asOf);
    await page.dispatchEvent('#as-of', 'change');
  };

type Window = { agebucket: { workbook: { sheets: Array<{ name: string; values: unknown[][] }> } } };

describePane('dunning in Preview mode', { ready: agedAt() }, (pane) => {
  let docx: Buffer;
  beforeAll(async () => {
    const { page } = pane();
    await page.click('button[data-tab="settings"]');
    await page.fill('#setting-companyName', 'Ateliers Réunis SAS');
    await page.dispatchEvent('#setting-companyName', 'change');
    await page.fill('#setting-companyIban', 'FR76 3000 4000 0500 0012 3456 789');
    await page.dispatchEvent('#setting-companyIban', 'change');
    await page.fill('#setting-companyCity', 'Lyon');
    await page.dispatchEvent('#setting-companyCity', 'change');
    await page.click('button[data-tab="dunning"]');
  }, 60_000);

  test('the plan: accounts in priority order with their stage, the others with their reason', async () => {
    const { page } = pane();
    await page.click('#build-plan');
    await page.waitForSelector('#plan-actions');
    expect(await page.textContent('#status')).toBe('23 accounts to chase · 17 accounts with no action today');
    // Worked out by hand from samples/: the formal notice logged 24 days ago covered three of its
    // five invoices, so the formal notice again, for all five, before collection.
    expect(await page.getAttribute('#plan-actions tr[data-customer="Association Les Amis du Rail"]', 'data-stage')).toBe(
      'formalNotice',
    );
    expect(await page.textContent('#plan-actions tr[data-customer="Association Les Amis du Rail"] td:last-child')).toBe(
      '€420.60 + €200.00',
    );
    // Its June cycle was paid: the first reminder again.
    expect(await page.getAttribute('#plan-actions tr[data-customer="Pharmacie Centrale"]', 'data-stage')).toBe('first');
    // A courtesy reminder's invoice is not late: it says when it falls due, never "-2 d".
    expect(await page.getAttribute('#plan-actions tr[data-customer="Garage Moreau & Fils"]', 'data-stage')).toBe('courtesy');
    expect(await page.textContent('#plan-actions tr[data-customer="Garage Moreau & Fils"] td.oldest')).toMatch(
      /^FA-\S+ · (due in [1-5] d|due today)$/,
    );
    const first = await page.$$eval('#plan-actions tbody tr', (rows) =>
      rows.slice(0, 2).map((tr) => tr.getAttribute('data-customer')),
    );
    // Across currencies by days overdue: Harrington & Cole's oldest GBP invoice (31 May 2025) is older than
    // Électricité Gauthier's, which heads the euro accounts.
    expect(first).toEqual(['Harrington & Cole LLP', 'Électricité Gauthier']);
    await page.click('#plan-excluded summary');
    expect(await page.textContent('#plan-excluded tr[data-customer="Optique Muller"] .reason')).toBe(
      'reminded 9 days ago (First reminder, 19 November 2025); next reminder possible on 29 November 2025',
    );
    expect(await page.textContent('#plan-excluded tr[data-customer="Boulangerie Martin SARL"] .reason')).toBe(
      'promise to pay until 18 December 2025',
    );
    await screenshot(page, '10-dunning-plan');
    await page.selectOption('#filter-owner', 'Sophie Laurent');
    const owners = await page.$$eval('#plan-actions tbody tr', (rows) => rows.length);
    expect(owners).toBeLessThan(26);
    await page.selectOption('#filter-owner', '');
  });

  test('the templates sheet is created on first use; an unknown placeholder is named before anything is made', async () => {
    const { page } = pane();
    await page.click('#templates-sheet');
    await page.waitForFunction(() => document.querySelector('#status')?.textContent?.includes('templates checked'));
    const templates = await page.evaluate(
      () => (window as unknown as Window).agebucket.workbook.sheets.find((s) => s.name === 'Letter templates')?.values.length,
    );
    expect(templates).toBeGreaterThan(14);
    // The user edits the French collection letter's body in the sheet and mistypes a placeholder.
    await page.evaluate(() => {
      const sheet = (window as unknown as Window).agebucket.workbook.sheets.find((s) => s.name === 'Letter templates');
      const row = sheet?.values.find((r) => r[0] === 'collection' && r[2] === 'fr');
      if (row) row[4] = `${row[4]}\n\nMontant : {{montant_du}}`;
    });
    const logBefore = await page.evaluate(
      () => (window as unknown as Window).agebucket.workbook.sheets.find((s) => s.name === 'Journal des relances')?.values.length,
    );
    await page.click('#letters-docx');
    await page.waitForFunction(() => document.querySelector('#status')?.classList.contains('error'));
    expect(await page.textContent('#status')).toContain('template "collection" (fr, body): unknown placeholder {{montant_du}}');
    const logAfter = await page.evaluate(
      () => (window as unknown as Window).agebucket.workbook.sheets.find((s) => s.name === 'Journal des relances')?.values.length,
    );
    expect(logAfter).toBe(logBefore);
    await screenshot(page, '11-template-error');
    await page.evaluate(() => {
      const sheet = (window as unknown as Window).agebucket.workbook.sheets.find((s) => s.name === 'Letter templates');
      const row = sheet?.values.find((r) => r[0] === 'collection' && r[2] === 'fr');
      if (row) row[4] = String(row[4]).replace('\n\nMontant : {{montant_du}}', '');
    });
  });

  test('letters: preview, then a .docx with one page per selected account, logged', async () => {
    const { page } = pane();
    // Keep three accounts selected.
    const keep = ['Association Les Amis du Rail', 'Thames Valley Logistics Ltd', 'Cabinet Roux Avocats'];
    // Each tick redraws the pane, so find each box afresh by its customer.
    const customers = await page.$$eval('#plan-actions tbody input[type="checkbox"]', (boxes) =>
      boxes.map((box) => box.getAttribute('aria-label') ?? ''),
    );
    for (const customer of customers) {
      if (!keep.includes(customer)) await page.uncheck(`#plan-actions input[aria-label="${customer}"]`);
    }
    await page.click('#preview-letters');
    await page.waitForSelector('iframe#letter-preview');
    // One letter at a time: the navigator goes through every letter of the selection, once each.
    const previewed = new Map<string, string>();
    for (let n = 1; n <= 3; n++) {
      expect(await page.textContent('#letter-position')).toBe(`Letter ${n} of 3`);
      const customer = (await page.getAttribute('iframe#letter-preview', 'data-customer')) ?? '';
      const frame = page.frameLocator(`iframe#letter-preview[data-customer="${customer}"]`);
      expect(await frame.locator('section.letter').count()).toBe(1);
      previewed.set(customer, (await frame.locator('body').textContent()) ?? '');
      expect(await page.isDisabled('#letter-previous')).toBe(n === 1);
      expect(await page.isDisabled('#letter-next')).toBe(n === 3);
      if (n < 3) await page.click('#letter-next');
    }
    expect([...previewed.keys()].sort()).toEqual([...keep].sort());
    expect(previewed.get('Association Les Amis du Rail')).toContain('Mise en demeure de payer');
    expect(previewed.get('Association Les Amis du Rail')).not.toContain('Notre mise en demeure est restée sans effet');
    expect(previewed.get('Thames Valley Logistics Ltd')).toContain('Final reminder before formal notice');
    // A customer found by part of the name, case and accents aside, among the letters made.
    await page.fill('#letter-find', 'thames valley');
    await page.waitForSelector('iframe#letter-preview[data-customer="Thames Valley Logistics Ltd"]');
    expect(await page.textContent('#letter-matches')).toBe(' · match 1 of 1');
    expect(
      await page.frameLocator('iframe#letter-preview[data-customer="Thames Valley Logistics Ltd"]').locator('body').textContent(),
    ).toContain('Final reminder before formal notice');
    await page.fill('#letter-find', 'Dupont');
    expect(await page.textContent('#letter-matches')).toBe(' · no letter for “Dupont”');
    // A failed search leaves the arrows going through every letter (Thames Valley is shown, not the last).
    const failedAt = Number(/Letter (\d+) of 3/.exec((await page.textContent('#letter-position')) ?? '')?.[1]);
    expect(await page.isDisabled('#letter-next')).toBe(failedAt === 3);
    expect(await page.isDisabled('#letter-previous')).toBe(failedAt === 1);
    await page.fill('#letter-find', 'CABINET ROUX');
    await page.waitForSelector('iframe#letter-preview[data-customer="Cabinet Roux Avocats"]');
    await page.fill('#letter-find', '');
    await screenshot(page, '12-letter-preview');
    const logBefore =
      (await page.evaluate(
        () =>
          (window as unknown as Window).agebucket.workbook.sheets.find((s) => s.name === 'Journal des relances')?.values.length,
      )) ?? 0;
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#letters-docx')]);
    const path = await download.path();
    docx = readFileSync(path);
    // Compressed in the page by the browser's own DEFLATE: every part's CRC-32 checked, as `unzip -t` does.
    const xml = (await (await JSZip.loadAsync(docx, { checkCRC32: true })).file('word/document.xml')?.async('string')) ?? '';
    // A section per letter: each starts on a new page, numbered from 1.
    expect(xml.match(/<w:sectPr>/g)).toHaveLength(3);
    for (const [customer, total, invoice] of [
      ['Association Les Amis du Rail', `24${NBSP}788,36${NBSP}€`, 'FA-2025-04113'],
      ['Thames Valley Logistics Ltd', '£51,222.21', 'FA-2025-04177'],
      ['Cabinet Roux Avocats', `10${NBSP}719,38${NBSP}€`, 'FA-2025-04148'],
    ] as const) {
      expect(xml).toContain(customer);
      expect(xml).toContain(total);
      expect(xml).toContain(invoice);
    }
    const log = await page.evaluate(
      () => (window as unknown as Window).agebucket.workbook.sheets.find((s) => s.name === 'Journal des relances')?.values,
    );
    expect(log?.length).toBe(logBefore + 3);
    // In the plan's priority order, written as the log's own rows are: French stage names (the
    // pane is in English), dates as date cells like theirs, a registered letter's own channel.
    const dateCell = excelSerialFromDay(dayFromCalendar(2025, 11, 28));
    expect(typeof log?.[1]?.[0]).toBe('number');
    expect(log?.slice(-3).map((row) => [row[0], row[1], row[2], row[3]])).toEqual([
      [dateCell, 'Thames Valley Logistics Ltd', 'Dernière relance', 'Lettre recommandée'],
      [dateCell, 'Association Les Amis du Rail', 'Mise en demeure', 'Lettre recommandée avec accusé de réception'],
      // Made as a Word file to print and post: a letter (courrier), never ".docx".
      [dateCell, 'Cabinet Roux Avocats', 'Deuxième relance', 'Courrier'],
    ]);
    await screenshot(page, '13-letters-logged');
  });

  test('generating again the same day asks before logging twice', async () => {
    const { page } = pane();
    await page.click('#letters-sheet');
    await page.waitForSelector('#question');
    expect(await page.textContent('#question p')).toBe(
      '3 of these letters were already logged on 28 November 2025. Log them again?',
    );
    await screenshot(page, '14-asked-before-logging-twice');
    await page.click('#confirm-no');
    await page.waitForFunction(() => document.querySelector('#status')?.textContent?.includes('Nothing generated'));
    const sheets = await page.evaluate(() => (window as unknown as Window).agebucket.workbook.sheets.map((s) => s.name));
    expect(sheets.some((name) => name.startsWith('Letters'))).toBe(false);
  });

  test('the call list logs what the customer said', async () => {
    const { page } = pane();
    const customer = 'Cabinet Roux Avocats';
    const card = page.locator(`.call[data-customer="${customer}"]`);
    expect(await card.locator('.script').textContent()).toMatch(/^Bonjour, ici .*, d’Ateliers Réunis SAS\. Je vous appelle/);
    await card.locator('input[type="date"]').fill('2025-12-10');
    await card.locator('button', { hasText: 'Promise to pay' }).click();
    await page.waitForFunction((name) => document.querySelector('#status')?.textContent === `Logged for ${name}`, customer);
    await page.click('#build-plan');
    await page.waitForSelector('#plan-actions');
    await page.click('#plan-excluded summary');
    expect(await page.textContent(`#plan-excluded tr[data-customer="${customer}"] .reason`)).toBe(
      'promise to pay until 10 December 2025',
    );
    await screenshot(page, '15-call-logged-promise');
  });

  test('email drafts are logged only when marked as sent; each is an .eml draft too', async () => {
    const { page } = pane();
    const logLength = () =>
      page.evaluate(
        () =>
          (window as unknown as Window).agebucket.workbook.sheets.find((s) => s.name === 'Journal des relances')?.values.length,
      );
    await page.click('#build-plan');
    await page.waitForSelector('#plan-actions');
    const before = (await logLength()) ?? 0;
    await page.click('#letters-email');
    await page.waitForSelector('#email-drafts li');
    expect(await logLength()).toBe(before);
    const first = page
      .locator('#email-drafts li')
      .filter({ has: page.locator('button') })
      .first();
    const customer = (await first.getAttribute('data-customer')) ?? '';
    const [download] = await Promise.all([page.waitForEvent('download'), first.locator('button', { hasText: '.eml' }).click()]);
    const eml = readFileSync(await download.path()).toString('latin1');
    expect(eml.startsWith('X-Unsent: 1\r\n')).toBe(true);
    expect(download.suggestedFilename()).toMatch(/\.eml$/);
    expect(await logLength()).toBe(before);
    await page.locator(`#email-drafts li[data-customer="${customer}"] button`, { hasText: 'Mark as sent' }).click();
    await page.waitForSelector(`#email-drafts li[data-customer="${customer}"] .sent`);
    expect(await logLength()).toBe(before + 1);
    const log = await page.evaluate(
      () => (window as unknown as Window).agebucket.workbook.sheets.find((s) => s.name === 'Journal des relances')?.values,
    );
    expect(log?.at(-1)?.slice(1, 4)).toEqual([customer, expect.any(String), 'Email']);
    // A formal notice goes by registered post: listed, with no draft to send and nothing to mark sent.
    const lemaire = page.locator('#email-drafts li[data-customer="Brasserie Lemaire"]');
    // Its letter is in French, the customer's language: the stage is named so.
    expect(await lemaire.textContent()).toContain('Mise en demeure: goes by registered post');
    expect(await lemaire.locator('button').count()).toBe(0);
  });

  test('a .docx the host cannot save is not logged', async () => {
    const { page } = pane();
    const logLength = () =>
      page.evaluate(
        () =>
          (window as unknown as Window).agebucket.workbook.sheets.find((s) => s.name === 'Journal des relances')?.values.length,
      );
    const before = await logLength();
    await page.evaluate(() => {
      const workbook = (window as unknown as { agebucket: { workbook: { deliverFile: () => Promise<string> } } }).agebucket
        .workbook;
      workbook.deliverFile = async () => 'blocked';
    });
    await page.click('#letters-docx');
    // Letters logged earlier today are asked about first; the answer does not matter here.
    await page.waitForFunction(
      () => document.querySelector('#question') || document.querySelector('#status')?.textContent?.includes('cannot save a file'),
    );
    if (await page.$('#question')) await page.click('#confirm-yes');
    await page.waitForFunction(() => document.querySelector('#status')?.textContent?.includes('cannot save a file'));
    expect(await logLength()).toBe(before);
  });

  test('open disputes, oldest first; "Dispute resolved" puts the invoices back in the dunning', async () => {
    const { page } = pane();
    await page.click('#build-plan');
    await page.waitForSelector('#open-disputes');
    await page.click('#open-disputes summary');
    const rows = () =>
      page.$$eval('#open-disputes tbody tr', (trs) =>
        trs.map((tr) =>
          Array.from(tr.querySelectorAll('td'))
            .slice(0, 2)
            .map((td) => td.textContent),
        ),
      );
    const before = await rows();
    // The sample's disputes come from the ledger's disputed column: no date, so "date not recorded".
    expect(before.length).toBeGreaterThan(0);
    expect(await page.textContent('#open-disputes tbody tr td:nth-child(4)')).toBe('date not recorded');
    const [customer, invoices] = before[0] as [string, string];
    await page.click('#dispute-resolved-0');
    await page.waitForFunction(
      (text) => document.querySelector('#status')?.textContent === text,
      `Dispute resolved for ${customer} (${invoices}); back in the dunning`,
    );
    const log = await page.evaluate(
      () => (window as unknown as Window).agebucket.workbook.sheets.find((s) => s.name === 'Journal des relances')?.values,
    );
    // In the language of the log's own rows (the sample's are French), whatever the pane's.
    expect(log?.at(-1)?.slice(1, 3)).toEqual([customer, 'Litige résolu']);
    await page.click('#open-disputes summary');
    expect(await rows()).toEqual(before.slice(1));
  });

  const wordProcessor = wordProcessorAvailable();
  // In CI the check always runs, and fails when the tools are missing; elsewhere it is skipped.
  (wordProcessor || process.env.CI ? test : test.skip)(
    'a real word processor reads the .docx: one letter per page, French amounts',
    () => {
      if (!wordProcessor)
        throw new Error(
          `CI must install libreoffice-writer-nogui and poppler-utils (${missingWordProcessorTools().join(' and ')} not found)`,
        );
      const folder = mkdtempSync(join(tmpdir(), 'agebucket-docx-'));
      const file = join(folder, 'letters.docx');
      require('node:fs').writeFileSync(file, docx);
      execFileSync(
        SOFFICE,
        ['--headless', `-env:UserInstallation=file://${folder}/profile`, '--convert-to', 'pdf', '--outdir', folder, file],
        { stdio: 'pipe', timeout: 120_000 },
      );
      const pages = execFileSync(PDFTOTEXT, ['-layout', join(folder, 'letters.pdf'), '-'], { encoding: 'utf8' })
        .split('\f')
        .filter((p) => p.trim() !== '');
      // Each letter starts on a page of its own; a page after its first names its customer
      // ("… — page 2/"), and each holds its own customer and total.
      const letters: string[] = [];
      for (const page of pages) {
        if (/ — page \d\//.test(page)) letters[letters.length - 1] += page;
        else letters.push(page);
      }
      expect(letters).toHaveLength(3);
      expect(letters[0]).toContain('Thames Valley Logistics Ltd');
      expect(letters[0]).toContain('£51,222.21');
      expect(letters[1]).toContain('Association Les Amis du Rail');
      expect(letters[1]).toMatch(/Total réclamé\s+24.788,36.€/);
      expect(letters[2]).toContain('Cabinet Roux Avocats');
      expect(letters[2]).toMatch(/Net à payer\s+8.175,79.€/);
    },
  );

  test('no console error or uncaught exception on the way', () => {
    expect(pane().problems).toEqual([]);
  });
});

run('statements of account in Preview mode', () => {
  test('a statement lists every open item of the selected accounts', async () => {
    await withPane({ ready: agedAt() }, async ({ page, problems }) => {
      await page.click('button[data-tab="dunning"]');
      await page.click('#build-plan');
      await page.waitForSelector('#plan-actions');
      await page.selectOption('#letters-kind', 'statement');
      const customers = await page.$$eval('#plan-actions tbody input[type="checkbox"]', (boxes) =>
        boxes.map((box) => box.getAttribute('aria-label') ?? ''),
      );
      for (const customer of customers)
        if (customer !== 'Association Les Amis du Rail') await page.uncheck(`#plan-actions input[aria-label="${customer}"]`);
      await page.click('#preview-letters');
      await page.waitForSelector('iframe#letter-preview');
      expect(await page.textContent('#letter-position')).toBe('Letter 1 of 1');
      const text = (await page.frameLocator('iframe#letter-preview').locator('body').textContent()) ?? '';
      expect(text).toContain('Relevé de compte au 28 novembre 2025');
      // 13 open items: overdue, not yet due and disputed ones alike.
      expect(await page.frameLocator('iframe#letter-preview').locator('table.invoices tbody tr:not(.total)').count()).toBe(13);
      expect(problems).toEqual([]);
    });
  }, 60_000);
});

run('a dunning run past the rate table', () => {
  test('accounts whose penalties need a rate not on file say so, with why', async () => {
    // Aged at 20 August 2027: the French statutory rate for 2027-H2 is not in the table.
    await withPane({ ready: agedAt('2027-08-20') }, async ({ page, problems }) => {
      await page.click('button[data-tab="dunning"]');
      await page.click('#build-plan');
      await page.waitForSelector('#plan-actions');
      const warning = (await page.textContent('#penalties-missing')) ?? '';
      expect(warning).toMatch(
        /^Interest is not claimed for \d+ accounts \(the recovery fees still are\): no statutory FR rate is on file for 2027-H1/,
      );
      expect(warning).toContain('enter the rate in force in the pane, Dunning › Policy › Statutory rates not on file');
      const cell = page.locator('#plan-actions td[title]').first();
      // The fixed fees are still claimed (D441-5), as the letter claims them.
      expect(await cell.textContent()).toMatch(/^interest not claimed( \+ [€£][\d,]+\.\d\d)+$/);
      expect(await cell.getAttribute('title')).toContain('Dunning › Policy › Statutory rates not on file');
      expect(problems).toEqual([]);
    });
  }, 60_000);
});

run('letters from a plan as of a fixed month-end date', () => {
  test('are refused with what to do; nothing is made or logged; with the plan built as of today they go', async () => {
    // Today is 28 November 2025 in this Preview; the as-of date is the month-end before it.
    await withPane({ ready: agedAt('2025-10-31') }, async ({ page, problems }) => {
      await page.click('button[data-tab="settings"]');
      await page.fill('#setting-companyIban', 'FR76 3000 4000 0500 0012 3456 789');
      await page.dispatchEvent('#setting-companyIban', 'change');
      await page.click('button[data-tab="dunning"]');
      await page.click('#build-plan');
      await page.waitForSelector('#plan-actions');
      const logRows = () =>
        page.evaluate(
          () =>
            (window as unknown as Window).agebucket.workbook.sheets.find((s) => s.name === 'Journal des relances')?.values.length,
        );
      const before = await logRows();
      for (const command of ['#preview-letters', '#letters-docx', '#letters-sheet']) {
        await page.click(command);
        await page.waitForFunction(() => document.querySelector('#status')?.classList.contains('error'));
        expect(await page.textContent('#status')).toContain(
          'letters and log entries are dated the day they are made (28 November 2025), but the plan is as of 31 October 2025: tick "Follow today" (or set the as-of date to 28 November 2025), build the plan again',
        );
        await page.click('#build-plan');
        await page.waitForFunction(() => !document.querySelector('#status')?.classList.contains('error'));
      }
      expect(await logRows()).toBe(before);
      expect(
        await page.evaluate(() =>
          (window as unknown as Window).agebucket.workbook.sheets.some((s) => s.name.startsWith('Letters')),
        ),
      ).toBe(false);

      // As the message says: follow today, build the plan again; the letters are dated today.
      await page.click('button[data-tab="ageing"]');
      await page.check('#follow-today');
      await page.click('button[data-tab="dunning"]');
      await page.click('#build-plan');
      await page.waitForSelector('#plan-actions');
      await page.click('#preview-letters');
      await page.waitForSelector('iframe#letter-preview');
      const dated = (await page.frameLocator('iframe#letter-preview').locator('p.date').textContent()) ?? '';
      expect(dated).toMatch(/28 (November|novembre) 2025$/);
      expect(problems).toEqual([]);
    });
  }, 90_000);
});

run('letters that cannot go: a Sage ledger with no address column', () => {
  /**
   * Imports the Sage export, builds its plan and previews its letters: the held warning. The
   * imported ledger is the user's own, so their company is typed first: the sample's firm signs
   * only the sample's letters.
   */
  const previewSageLetters = async (page: Page): Promise<string> => {
    await page.click('button[data-tab="settings"]');
    for (const [field, value] of [
      ['companyName', 'Bois & Fils SARL'],
      ['companyAddress', '3 quai Perrache, 69002 Lyon'],
      ['companyIban', 'FR14 2004 1010 0505 0001 3M02 606'],
    ] as const) {
      await page.fill(`#setting-${field}`, value);
      await page.dispatchEvent(`#setting-${field}`, 'change');
    }
    await page.click('button[data-tab="ageing"]');
    await page.setInputFiles('#import-file', join(__dirname, '..', 'data', 'sage-grand-livre-clients.csv'));
    await page.waitForFunction(() => /imported to the new sheet/.test(document.querySelector('#import')?.textContent ?? ''));
    await page.click('button[data-tab="dunning"]');
    await page.click('#build-plan');
    await page.waitForSelector('#plan-actions');
    await page.click('#preview-letters');
    await page.waitForSelector('#letters-held');
    return (await page.textContent('#letters-held')) ?? '';
  };

  test('its registered letters and formal notices are held and named; the second reminder is made', async () => {
    await withPane({ today: '2026-11-30', ready: agedAt('2026-11-30') }, async ({ page, problems }) => {
      const held = await previewSageLetters(page);
      expect(held).toMatch(/^Not made, no postal address for a registered letter or formal notice: 4 accounts: /);
      for (const account of ['411HOTEL', '411CAFE', '411DUPONT', '411BOUL']) expect(held).toContain(account);
      expect(held).toContain('Letters made for the other accounts: 1');
      // The one letter made is the second reminder to Garage Lefèvre's account.
      expect(await page.textContent('#status')).toBe('1 selected');
      expect(problems).toEqual([]);
    });
  }, 90_000);

  test('the warning goes once its cause may be gone: a new plan, the ledger read again with addresses, a signatory entered', async () => {
    await withPane({ today: '2026-11-30', ready: agedAt('2026-11-30') }, async ({ page, problems }) => {
      expect(await previewSageLetters(page)).toMatch(/^Not made, no postal address/);

      // A new plan: the warning was the last letters command's; the next one says it again.
      await page.click('#build-plan');
      await page.waitForSelector('#letters-held', { state: 'detached' });
      await page.click('#preview-letters');
      expect(await page.textContent('#letters-held')).toMatch(/^Not made, no postal address/);

      // The user adds an address column to the imported sheet and reads the ledger again.
      const ledgerSheet = await page.evaluate(() => {
        const workbook = (window as unknown as Window).agebucket.workbook as unknown as {
          sheets: Array<{ name: string; values: unknown[][] }>;
          activate(name: string): void;
        };
        const sheet = workbook.sheets.find((s) => s.values[0]?.includes('Open amount'));
        if (!sheet) throw new Error('no imported sheet');
        sheet.values.forEach((row, index) => {
          row.push(index === 0 ? 'Address' : `${index} rue de la République, 69002 Lyon`);
        });
        workbook.activate(sheet.name);
        return sheet.name;
      });
      await page.click('button[data-tab="ageing"]');
      await page.click('#detect');
      await page.click('button[data-tab="dunning"]');
      await page.waitForSelector('#letters-held', { state: 'detached' });
      expect(await page.textContent('#mapping summary')).toContain(ledgerSheet);

      // With the addresses in the plan, only the formal notices nobody signs are held.
      await page.click('#build-plan');
      await page.click('#preview-letters');
      const held = (await page.textContent('#letters-held')) ?? '';
      expect(held).toMatch(/^Formal notices not made, no one to sign them .*: 3 accounts: /);
      expect(held).not.toContain('no postal address');
      expect(held).toContain('Letters made for the other accounts: 2');

      // The signatory entered in Settings: the warning goes, and the next letters hold none.
      await page.click('button[data-tab="settings"]');
      await page.fill('#setting-companySignatoryName', 'Claire Petit');
      await page.dispatchEvent('#setting-companySignatoryName', 'change');
      await page.click('button[data-tab="dunning"]');
      await page.waitForSelector('#letters-held', { state: 'detached' });
      await page.click('#preview-letters');
      // The preview shown before had 2 letters: wait for the new one, with all 5, shown one at a time.
      await page.waitForFunction(() => document.querySelector('#letter-position')?.textContent === 'Letter 1 of 5');
      expect(await page.frameLocator('iframe#letter-preview').locator('section.letter').count()).toBe(1);
      expect(await page.$('#letters-held')).toBeNull();
      expect(problems).toEqual([]);
    });
  }, 120_000);
});

run('the dunning policy in the pane', () => {
  test('a stage’s letter refers to an earlier stage: the editor shows it, and removing that stage is refused', async () => {
    await withPane({ ready: agedAt() }, async ({ page, problems }) => {
      await page.click('button[data-tab="dunning"]');
      // The default collection letter opens "Our formal notice has remained without effect".
      expect(await page.inputValue('#policy-collection-refers-to')).toBe('formalNotice');
      expect(await page.inputValue('#policy-final-refers-to')).toBe('');
      // Removing the formal notice would leave the collection letter referring to nothing sent.
      await page.click('li[data-stage="formalNotice"] button.link');
      expect(await page.textContent('#policy-error')).toBe(
        'Not saved: dunning policy: stage "Collection" refers to "formalNotice", which is not an earlier stage: choose an earlier stage or none',
      );
      await page.selectOption('#policy-collection-refers-to', '');
      await page.waitForSelector('#policy-status');
      expect(await page.$('#policy-error')).toBeNull();
      expect(problems).toEqual([]);
    });
  }, 60_000);

  test('the contractual rate is typed and shown as a percentage in the pane’s language; refusals are in French in the French pane', async () => {
    await withPane({ ready: agedAt() }, async ({ page, problems }) => {
      await chooseLanguage(page, 'fr');
      await page.click('button[data-tab="dunning"]');
      // Shown back from the saved fraction: 12,15 % read as 0.1215 shows as 12,15 %, not 1 215 %.
      for (const [typed, shown] of [
        ['12,15 %', `12,15${NBSP}%`],
        ['15%', `15${NBSP}%`],
        ['12,5', `12,5${NBSP}%`],
        ['12.15%', `12,15${NBSP}%`],
      ] as const) {
        await page.fill('#policy-rate', typed);
        await page.dispatchEvent('#policy-rate', 'change');
        await page.waitForSelector('#policy-status');
        expect(await page.$('#policy-error')).toBeNull();
        expect(await page.inputValue('#policy-rate')).toBe(shown);
      }
      // Unreadable or out of range: not saved, said in French with French typography.
      await page.fill('#policy-rate', 'douze');
      await page.dispatchEvent('#policy-rate', 'change');
      expect(await page.textContent('#policy-error')).toBe(
        `Non enregistré${NBSP}: politique de relance : « douze » n’est pas un taux : saisissez un pourcentage comme 12,15 % (ou 12,15)`,
      );
      await page.fill('#policy-rate', '150 %');
      await page.dispatchEvent('#policy-rate', 'change');
      expect(await page.textContent('#policy-error')).toBe(
        `Non enregistré${NBSP}: politique de relance : le taux contractuel 150${NBSP}% doit être compris entre 0 % et 100 %, par ex. 12,15 %`,
      );
      // A stage out of order is named as the user named it, in French.
      await page.fill('#policy-formalNotice-from', '25');
      await page.dispatchEvent('#policy-formalNotice-from', 'change');
      expect(await page.textContent('#policy-error')).toBe(
        `Non enregistré${NBSP}: politique de relance : le niveau « Mise en demeure » commence au jour 25, pas après « Dernière relance » (jour 30)`,
      );
      expect(problems).toEqual([]);
    });
  }, 60_000);

  test('a rate not on file is entered in Dunning › Policy, checked by the core, saved, and the plan claims interest again', async () => {
    // Aged at 20 August 2027: no statutory FR rate for 2027-H1 or 2027-H2 in the shipped table.
    await withPane({ ready: agedAt('2027-08-20') }, async ({ page, problems }) => {
      await page.click('button[data-tab="dunning"]');
      await page.click('#build-plan');
      await page.waitForSelector('#penalties-missing');
      // However many accounts lack a half-year's rate, its sentence is said once, with the count.
      const warning = (await page.textContent('#penalties-missing')) ?? '';
      expect(warning.match(/no statutory FR rate is on file for 2027-H1/g)).toHaveLength(1);
      expect(warning).toMatch(/for 2027-H1; .* — \d+ accounts?: /);
      // A value the core refuses is not saved, and its message says what to fix.
      await page.fill('#policy-interval', '-1');
      await page.dispatchEvent('#policy-interval', 'change');
      expect(await page.textContent('#policy-error')).toBe(
        'Not saved: dunning policy: the minimum interval must be a whole number of days, 0 or more',
      );
      await page.fill('#policy-interval', '10');
      await page.dispatchEvent('#policy-interval', 'change');
      await page.waitForSelector('#policy-status');
      // The two half-years the plan needs, entered as the official sources will publish them:
      // percentages, as the contractual rate is typed.
      for (const [index, halfYear, rate] of [
        [0, '2027-H1', '12.15%'],
        [1, '2027-H2', '12.4'],
      ] as const) {
        await page.click('#policy-add-rate');
        await page.fill(`#policy-rate-${index}-half`, halfYear);
        await page.dispatchEvent(`#policy-rate-${index}-half`, 'change');
        // The old way, a fraction, would be 0.124 %: refused, and said what to type.
        if (index === 1) {
          await page.fill(`#policy-rate-${index}-rate`, '0.124');
          await page.dispatchEvent(`#policy-rate-${index}-rate`, 'change');
          expect(await page.textContent('#policy-error')).toBe(
            'Not saved: dunning policy: "0.124" reads as 0.124%, lower than any statutory rate: type the rate as a percentage, such as 12.15%',
          );
        }
        await page.fill(`#policy-rate-${index}-rate`, rate);
        await page.dispatchEvent(`#policy-rate-${index}-rate`, 'change');
      }
      expect(await page.$('#policy-error')).toBeNull();
      // The policy keeps fractions, as the rates entered before were saved.
      const stored = await page.evaluate(() => {
        const settings = JSON.parse(localStorage.getItem('agebucket.preview.settings') ?? '{}') as Record<string, string>;
        const policy = JSON.parse(settings.policy ?? 'null') as { enteredRates: Array<{ rate: number }> } | null;
        return policy?.enteredRates.map((entered) => entered.rate);
      });
      expect(stored).toEqual([0.1215, 0.124]);
      await page.click('#build-plan');
      await page.waitForFunction(() => document.querySelector('#status')?.textContent?.includes('accounts to chase'));
      expect(await page.$('#penalties-missing')).toBeNull();
      // Saved in the workbook: a reload keeps them.
      await page.reload();
      await page.waitForSelector('#mapping summary');
      expect(await page.inputValue('#policy-rate-1-half')).toBe('2027-H2');
      expect(await page.inputValue('#policy-rate-0-rate')).toBe('12.15%');
      expect(await page.inputValue('#policy-rate-1-rate')).toBe('12.4%');
      expect(problems).toEqual([]);
    });
  }, 90_000);
});
