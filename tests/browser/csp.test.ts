// The pane (Preview, dist/addin/taskpane.html) under its Content-Security-Policy, in Chromium:
// every command runs with no violation — letters above all, whose templates Handlebars' compiler
// used to turn into code with `new Function` — and the policy is shown to be in force (eval, an
// inline script and a foreign script are refused and reported), so a page that lost its policy
// cannot pass here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describePane, ledgerFound, OFFICE_TELEMETRY_FRAME, type Ready, type Session } from './browser';

const FIXTURES = join(__dirname, '..', 'ledger', 'fixtures');

type Window = { agebucket: { workbook: { activeSheet: string; sheets: Array<{ name: string; values: unknown[][] }> } } };

const violations = (session: Session) =>
  session.problems.filter((problem) => /CSP violation|Content Security Policy/i.test(problem));

/** The sample as of its own date, and the firm that signs the letters. */
const sampleWithCompany: Ready = async (page) => {
  await ledgerFound(page);
  await page.uncheck('#follow-today');
  await page.fill('#as-of', '2025-11-28');
  await page.dispatchEvent('#as-of', 'change');
  await page.click('button[data-tab="settings"]');
  await page.fill('#setting-companyName', 'Ateliers Réunis SAS');
  await page.dispatchEvent('#setting-companyName', 'change');
  await page.fill('#setting-companyCity', 'Lyon');
  await page.dispatchEvent('#setting-companyCity', 'change');
};

describePane('the pane under its Content-Security-Policy', { ready: sampleWithCompany }, (pane) => {
  test('the page carries its policy', async () => {
    const policy = await pane().page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    expect(policy).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com 'sha256-/);
    expect(policy).not.toMatch(/unsafe-(eval|inline)/);
  });

  test('ageing: colours, aged balance, colours removed', async () => {
    const { page } = pane();
    await page.click('button[data-tab="ageing"]');
    await page.click('#colour');
    await page.waitForFunction(() => document.querySelector('#status')?.textContent?.includes('colour rules'));
    await page.click('#aged-balance');
    await page.waitForFunction(() => (window as unknown as Window).agebucket.workbook.activeSheet.startsWith('Aged balance'));
    await page.click('#remove-colours');
    await page.waitForFunction(() => document.querySelector('#status')?.textContent?.includes('removed'));
    expect(violations(pane())).toEqual([]);
  });

  test('dunning: plan, letters preview styled by its own stylesheet, .docx, .eml and letters sheet', async () => {
    const { page } = pane();
    await page.click('button[data-tab="dunning"]');
    await page.click('#build-plan');
    await page.waitForSelector('#plan-actions');
    await page.click('#templates-sheet');
    await page.waitForFunction(() => document.querySelector('#status')?.textContent?.includes('templates checked'));

    await page.click('#preview-letters');
    await page.waitForSelector('iframe#letter-preview');
    // The letters are shown one at a time: the formal notice's account is found by its name.
    await page.fill('#letter-find', 'Amis du Rail');
    await page.waitForSelector('iframe#letter-preview[data-customer="Association Les Amis du Rail"]');
    const frame = page.frameLocator('iframe#letter-preview[data-customer="Association Les Amis du Rail"]');
    expect(await frame.locator('body').textContent()).toContain('Mise en demeure de payer');
    // The frame inherits the page's policy: its <style> applies only because its hash is allowed.
    expect(await frame.locator('body').evaluate((body) => getComputedStyle(body).fontFamily)).toMatch(/Georgia/);

    const [docx] = await Promise.all([page.waitForEvent('download'), page.click('#letters-docx')]);
    const xml = (await (await JSZip.loadAsync(readFileSync(await docx.path()))).file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('Association Les Amis du Rail');

    await page.click('#letters-email');
    await page.waitForSelector('#email-drafts li');
    const [eml] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#email-drafts li button', { hasText: '.eml' }).first().click(),
    ]);
    expect(
      readFileSync(await eml.path())
        .toString('latin1')
        .startsWith('X-Unsent: 1\r\n'),
    ).toBe(true);

    await page.click('#letters-sheet');
    await page.waitForSelector('#question');
    await page.click('#confirm-yes');
    await page.waitForFunction(() =>
      (window as unknown as Window).agebucket.workbook.sheets.some((sheet) => sheet.name.startsWith('Letters')),
    );
    expect(violations(pane())).toEqual([]);
  });

  test('import of an .xlsx: ExcelJS, loaded on demand from the add-in’s origin', async () => {
    const { page } = pane();
    await page.click('button[data-tab="ageing"]');
    await page.setInputFiles('#import-file', join(FIXTURES, 'balance-titled.xlsx'));
    await page.waitForFunction(() => /imported to the new sheet/.test(document.querySelector('#import')?.textContent ?? ''));
    expect(violations(pane())).toEqual([]);
  });

  test('no violation, console error or uncaught exception on the way', () => {
    expect(pane().problems).toEqual([]);
  });

  test('the policy is in force: eval, new Function, an inline script and a foreign script are refused, and reported', async () => {
    const { page, context } = pane();
    // A script of the add-in's own origin (so the policy lets it run) that tries what it forbids.
    // An evaluation from the test itself would not do: the DevTools protocol may always eval.
    await context.route('**/csp-probe.js', (route) =>
      route.fulfill({
        contentType: 'text/javascript',
        body: `window.probe = {};
          try { window.probe.eval = String(eval('1 + 1')); } catch (error) { window.probe.eval = error.name; }
          try { window.probe.newFunction = String(new Function('return 1 + 1')()); } catch (error) { window.probe.newFunction = error.name; }`,
      }),
    );
    const outcome = await page.evaluate(async () => {
      const load = (src: string) =>
        new Promise<string>((resolve) => {
          const script = document.createElement('script');
          script.src = src;
          script.onload = () => resolve('loaded');
          script.onerror = () => resolve('refused');
          document.body.append(script);
        });
      const probe = await load('/csp-probe.js');
      const inline = document.createElement('script');
      inline.textContent = 'window.inlineRan = true;';
      document.body.append(inline);
      const foreign = await load('https://example.org/injected.js');
      const state = window as unknown as { probe?: Record<string, string>; inlineRan?: boolean };
      return { probe, tried: state.probe, inlineRan: state.inlineRan === true, foreign };
    });
    expect(outcome).toEqual({
      probe: 'loaded',
      tried: { eval: 'EvalError', newFunction: 'EvalError' },
      inlineRan: false,
      foreign: 'refused',
    });
    // The reports arrive as events, after the refusals.
    for (let wait = 0; wait < 50 && violations(pane()).length < 4; wait++) await page.waitForTimeout(100);
    const reported = violations(pane()).join('\n');
    expect(reported).toMatch(/CSP violation: script-src\S* refused eval at \S*csp-probe\.js:2/);
    expect(reported).toMatch(/CSP violation: script-src\S* refused eval at \S*csp-probe\.js:3/);
    expect(reported).toMatch(/CSP violation: script-src\S* refused inline at /);
    expect(reported).toMatch(/CSP violation: script-src\S* refused https:\/\/example\.org\/injected\.js/);
  });

  test('office.js’s telemetry frame is refused, and it is the only thing refused', async () => {
    // office.js opens it about three seconds after loading; on an idle machine the commands
    // above may all finish sooner, so wait for it (up to 20 s) rather than assume it came.
    const frameRefused = () =>
      pane().refused.some((text) => text.includes(`frame-src refused ${OFFICE_TELEMETRY_FRAME.replace(/\/$/, '')}`));
    for (let waited = 0; waited < 20_000 && !frameRefused(); waited += 250) await pane().page.waitForTimeout(250);
    expect(frameRefused()).toBe(true);
  });
});
