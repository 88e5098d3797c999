// The Sheets sidebar (dist/gas/Sidebar.html) in Chromium, against a fake google.script.run
// that answers like the Apps Script server: the same pane, in French, on the sample ledger.
import { sampleLedgerCells, sampleLogCells } from '../../scripts/sampleData';
import { chromiumAvailable, closePane, openPane, type Session, screenshot } from './browser';

const run = chromiumAvailable() ? describe : describe.skip;
const AS_OF = Date.UTC(2025, 10, 28) / 86_400_000;

// The fake server: what the real one returns, with dates as ISO text as it sends them.
const fakeServer = (ledger: unknown[][], log: unknown[][]) => `
  (() => {
    const sheets = { 'Créances': ${JSON.stringify(ledger)}, 'Journal des relances': ${JSON.stringify(log)} };
    const calls = [];
    let settings = { followToday: 'false', asOf: '2025-11-28', language: 'fr', companyName: 'Ateliers Réunis SAS', companyCity: 'Lyon', companyAddress: '14 rue de la Part-Dieu, 69003 Lyon', companyIban: 'FR76 3000 4000 0500 0012 3456 789' };
    const server = {
      AgeBucket_today: () => ${AS_OF},
      AgeBucket_language: () => 'fr',
      AgeBucket_readActiveTable: () => ({ sheetName: 'Créances', headerRow: 0, firstColumn: 0, values: sheets['Créances'], serialSystem: 'sheets', description: 'Créances!A1:Q337' }),
      AgeBucket_sheetNames: () => Object.keys(sheets),
      AgeBucket_writeNewSheet: (name, layout) => { sheets[name] = layout.rows; return name; },
      AgeBucket_applyColourRules: (name, rules) => { window.__rules = rules; },
      AgeBucket_removeColourRules: () => 0,
      AgeBucket_readSheet: (name) => sheets[name] ?? null,
      AgeBucket_appendRows: (name, header, rows) => { sheets[name] = sheets[name] ?? [header]; sheets[name].push(...rows); },
      AgeBucket_readSettings: () => JSON.stringify(settings),
      AgeBucket_writeSettings: (next) => { settings = next; },
      AgeBucket_writeLettersDocument: (letters, title, id) => ({ done: letters.length, stopped: null, documentId: 'doc1', url: 'https://docs.example/doc1' }),
      AgeBucket_createEmailDrafts: (drafts) => ({ done: drafts.length, stopped: null }),
    };
    const runner = (ok, fail) => new Proxy({}, {
      get: (_, name) => {
        if (name === 'withSuccessHandler') return (handler) => runner(handler, fail);
        if (name === 'withFailureHandler') return (handler) => runner(ok, handler);
        return (...args) => setTimeout(() => {
          calls.push(name);
          try { ok && ok(JSON.parse(JSON.stringify(server[name](...JSON.parse(JSON.stringify(args)))) ?? null)); }
          catch (error) { fail && fail(error); }
        }, 5);
      },
    });
    window.google = { script: { run: runner(null, null) } };
    window.__sheets = sheets;
    window.__server = server;
    window.__calls = calls;
  })();`;

run('the Sheets sidebar', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openPane('Sidebar.html', { root: 'gas', initScript: fakeServer(sampleLedgerCells(), sampleLogCells()) });
  }, 60_000);
  afterAll(async () => {
    if (session) await closePane(session);
  });

  test('the same pane, in French, finds the ledger through google.script.run', async () => {
    const { page } = session;
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
    const { page } = session;
    await page.click('#aged-balance');
    await page.waitForFunction(() => document.querySelector('#status')?.textContent?.includes('Balance âgée 2025-11-28'));
    expect(await page.evaluate(() => Object.keys((window as unknown as { __sheets: object }).__sheets))).toContain(
      'Balance âgée 2025-11-28',
    );
  });

  test('letters become a Google Doc, logged in the dunning log', async () => {
    const { page } = session;
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
    expect(log).toBe(35 + 23);
    await screenshot(page, '21-sheets-sidebar-letters');
  });

  test('a run stopped by a quota logs only what was done, and says what was not', async () => {
    const { page } = session;
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

  test('no console error or uncaught exception', () => {
    expect(session.problems).toEqual([]);
  });
});
