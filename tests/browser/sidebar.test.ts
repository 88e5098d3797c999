// The Sheets sidebar (dist/gas/Sidebar.html) in Chromium, against a fake google.script.run
// that answers like the Apps Script server: the same pane, in French, on the sample ledger.
import { join } from 'node:path';
import { describePane, screenshot } from './browser';
import { SIDEBAR } from './sheetsServer';

describePane('the Sheets sidebar', SIDEBAR, (pane) => {
  test('the same pane, in French, finds the ledger through google.script.run', async () => {
    const { page } = pane();
    await page.setViewportSize({ width: 360, height: 900 });
    await page.waitForSelector('#mapping summary');
    expect(await page.textContent('#read-report')).toContain('336 lignes lues sur 336');
    expect(await page.textContent('#colour')).toBe('Colorer les retards');
    await page.click('#colour');
    await page.waitForFunction(() => document.querySelector('#status')?.textContent?.includes('règles de couleur'));
    expect(await page.evaluate(() => (window as unknown as { __rules: unknown[] }).__rules.length)).toBe(5);
    await screenshot(page, '20-sheets-sidebar');
  });

  test('the aged balance goes to a new sheet', async () => {
    const { page } = pane();
    await page.click('#aged-balance');
    await page.waitForFunction(() => document.querySelector('#status')?.textContent?.includes('Balance âgée 2025-11-28'));
    expect(await page.evaluate(() => Object.keys((window as unknown as { __sheets: object }).__sheets))).toContain(
      'Balance âgée 2025-11-28',
    );
  });

  test('letters become a Google Doc, logged in the dunning log', async () => {
    const { page } = pane();
    await page.click('button[data-tab="dunning"]');
    await page.click('#build-plan');
    await page.waitForSelector('#plan-actions');
    expect(await page.$('#letters-docx')).toBeNull();
    await page.click('#letters-doc');
    await page.waitForFunction(() => document.querySelector('#status')?.textContent?.includes('Google Doc'));
    expect(await page.textContent('#status')).toBe(
      '23 lettres dans le Google Doc « Relances 2025-11-28 » ; le journal des relances les contient',
    );
    expect(await page.getAttribute('#letters-doc-link', 'href')).toBe('https://docs.example/doc1');
    const log = await page.evaluate(
      () => (window as unknown as { __sheets: Record<string, unknown[][]> }).__sheets['Journal des relances']?.length,
    );
    expect(log).toBe(38 + 23);
    await screenshot(page, '21-sheets-sidebar-letters');
  });

  test('a run stopped by a quota logs only what was done, and says what was not', async () => {
    const { page } = pane();
    const logLength = () =>
      page.evaluate(
        () => (window as unknown as { __sheets: Record<string, unknown[][]> }).__sheets['Journal des relances']?.length,
      );
    // Docs: 2 letters written, then "Service invoked too many times"; Gmail: 5 drafts, then the quota.
    await page.evaluate(() => {
      const server = (window as unknown as { __server: Record<string, unknown> }).__server;
      const quota = 'Service invoked too many times for one day: docs create.';
      server.AgeBucket_writeLettersDocument = (letters: unknown[]) => ({
        done: Math.min(2, letters.length),
        stopped: quota,
        documentId: 'doc2',
        url: 'https://docs.example/doc2',
      });
      server.AgeBucket_createEmailDrafts = (drafts: unknown[]) => ({ done: Math.min(5, drafts.length), stopped: quota });
    });
    // The same 23 letters as above: the pane asks before logging them a second time today.
    const before = (await logLength()) ?? 0;
    await page.click('#letters-doc');
    await page.waitForSelector('#question');
    await page.click('#confirm-yes');
    await page.waitForFunction(() => document.querySelector('#status')?.textContent?.includes('Arrêté après'));
    expect(await page.textContent('#status')).toMatch(
      // The 23 letters of the test above: 2 written, 10 named, 11 more counted.
      /^Arrêté après 2 sur 23 : Service invoked too many times for one day: docs create\. Seuls ces 2 sont au journal des relances ; non faits : [^…]+… \(\+11\)\. Relancez demain pour le reste\.$/,
    );
    expect(await logLength()).toBe(before + 2);
    await page.click('#letters-email');
    await page.waitForSelector('#question');
    await page.click('#confirm-yes');
    await page.waitForFunction(() => document.querySelector('#status')?.textContent?.includes('Arrêté après 5'));
    expect(await logLength()).toBe(before + 2 + 5);
  });

  test('a FEC imported in the sidebar sets the payment-delays card’s closing date from its name', async () => {
    const { page } = pane();
    await page.click('button[data-tab="ageing"]');
    await page.click('#payment-delays-card summary');
    // The sidebar's today is 28 November 2025: the card proposes the year ended 31 December 2024.
    expect(await page.inputValue('#setting-delaysClosingDate')).toBe('2024-12-31');
    await page.click('#import summary');
    await page.setInputFiles('#import-file', join(__dirname, '..', 'data', '123456789FEC20260930.txt'));
    await page.waitForFunction(() => /nouvelle feuille/.test(document.querySelector('#import .status')?.textContent ?? ''));
    expect(await page.inputValue('#setting-delaysClosingDate')).toBe('2026-09-30');
    // Saved in the document's settings through google.script.run, for the Sheets menu too.
    const saved = await page.evaluate(() =>
      JSON.parse((window as unknown as { __server: { AgeBucket_readSettings(): string } }).__server.AgeBucket_readSettings()),
    );
    expect(saved.delaysClosingDate).toBe('2026-09-30');
  });

  test('no console error or uncaught exception', () => {
    expect(pane().problems).toEqual([]);
  });
});
