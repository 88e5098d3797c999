// The pane at 320 pixels, as narrow as an Excel task pane or a Sheets sidebar gets, in Excel's
// theme (Preview) and in the Sheets sidebar's, in English and in French. Every panel's command
// is run on the sample ledger, and after each the page is measured as a user would see it: nothing
// wider than the pane, tables stacked or scrolling inside their card, each row's customer and
// amount on screen, and the outcome of the action beside its button, in view.

import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describePane, screenshot } from './browser';
import { SIDEBAR } from './sheetsServer';

const WIDTH = 320;
const HEIGHT = 640;
const FIXTURES = join(__dirname, '..', 'ledger', 'fixtures');

/** What is wrong with the page's width: an empty list when everything fits. */
function overflowProblems(page: Page): Promise<string[]> {
  return page.evaluate((width) => {
    const problems: string[] = [];
    const name = (element: Element) =>
      `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${
        element.classList.length > 0 ? `.${Array.from(element.classList).join('.')}` : ''
      }`;
    const root = document.scrollingElement ?? document.documentElement;
    if (root.scrollWidth > width) problems.push(`the page is ${root.scrollWidth} px wide`);
    const app = document.getElementById('app');
    if (!app) return ['no #app'];
    if (app.scrollWidth > app.clientWidth) problems.push(`the pane scrolls sideways: ${app.scrollWidth} px`);
    /** The nearest ancestor that clips or scrolls sideways, below `limit`. */
    const scroller = (element: Element, limit: Element): Element | null => {
      for (let up = element.parentElement; up && up !== limit; up = up.parentElement) {
        if (getComputedStyle(up).overflowX !== 'visible') return up;
      }
      return null;
    };
    // Drawn: not hidden, nor inside a closed <details> (whose content keeps its boxes).
    const shown = (element: Element) => {
      const box = element.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && element.checkVisibility({ visibilityProperty: true });
    };
    // Every card, and every thing in it: inside the pane, and inside its card unless a scrolling
    // box (itself inside the card) holds it.
    for (const card of Array.from(app.querySelectorAll('.card, details.import, .warning-card, .notice'))) {
      if (!shown(card)) continue;
      const frame = card.getBoundingClientRect();
      if (frame.left < -0.5 || frame.right > width + 0.5)
        problems.push(`${name(card)} spans ${Math.round(frame.left)}–${Math.round(frame.right)} px`);
      for (const element of Array.from(card.querySelectorAll('*'))) {
        if (!shown(element)) continue;
        const box = element.getBoundingClientRect();
        if (box.left >= frame.left - 0.5 && box.right <= frame.right + 0.5) continue;
        const holder = scroller(element, card);
        const held = holder?.getBoundingClientRect();
        if (holder && held && held.left >= frame.left - 0.5 && held.right <= frame.right + 0.5) continue;
        problems.push(
          `${name(element)} in ${name(card)} spans ${Math.round(box.left)}–${Math.round(box.right)} px, its card ${Math.round(frame.left)}–${Math.round(frame.right)} px`,
        );
      }
    }
    // Tables: stacked into rows, or scrolling inside their card.
    for (const table of Array.from(app.querySelectorAll('table'))) {
      if (!shown(table)) continue;
      const stacked = getComputedStyle(table).display === 'block';
      const holder = scroller(table, app);
      if (!stacked && !holder && table.getBoundingClientRect().right > width)
        problems.push(`${name(table)} is neither stacked nor in a scrolling box`);
    }
    return problems.slice(0, 10);
  }, WIDTH);
}

/**
 * What is cut off though nothing spills out of the pane: a tab whose label runs past the tab
 * list (which then scrolls, hiding it), a card wider inside than its frame, a select too narrow
 * for one of its choices. A select's need is measured by the browser itself: a copy of it, with
 * that one choice and no width rule, is as wide as the choice needs.
 */
function cutProblems(page: Page): Promise<string[]> {
  return page.evaluate((width) => {
    const problems: string[] = [];
    const app = document.getElementById('app');
    if (!app) return ['no #app'];
    const shown = (element: Element) => {
      const box = element.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && element.checkVisibility({ visibilityProperty: true });
    };
    const tabs = app.querySelector('.tabs');
    if (!tabs) return ['no tab list'];
    if (tabs.scrollWidth > tabs.clientWidth)
      problems.push(`the tab list scrolls: ${tabs.scrollWidth} px in ${tabs.clientWidth} px`);
    const list = tabs.getBoundingClientRect();
    for (const tab of Array.from(tabs.querySelectorAll('[role="tab"]'))) {
      const box = tab.getBoundingClientRect();
      if (box.left < list.left - 0.5 || box.right > list.right + 0.5 || box.right > width + 0.5)
        problems.push(
          `the tab “${tab.textContent}” spans ${Math.round(box.left)}–${Math.round(box.right)} px, its list ${Math.round(list.left)}–${Math.round(list.right)} px`,
        );
      if (tab.scrollWidth > tab.clientWidth)
        problems.push(`the tab “${tab.textContent}” is cut: ${tab.scrollWidth} px in ${tab.clientWidth} px`);
    }
    for (const card of Array.from(app.querySelectorAll('.card, details.import, .warning-card, .notice'))) {
      if (!shown(card)) continue;
      if (card.scrollWidth > card.clientWidth)
        problems.push(`${card.id || card.className} is ${card.scrollWidth} px wide inside, ${card.clientWidth} px shown`);
    }
    for (const select of Array.from(app.querySelectorAll('select'))) {
      if (!shown(select)) continue;
      const has = select.getBoundingClientRect().width;
      for (const option of Array.from(select.options)) {
        const copy = select.cloneNode(false) as HTMLSelectElement;
        copy.removeAttribute('id');
        copy.style.width = 'auto';
        copy.style.minWidth = '0';
        copy.style.maxWidth = 'none';
        copy.style.position = 'absolute';
        copy.style.visibility = 'hidden';
        copy.append(option.cloneNode(true));
        select.parentElement?.append(copy);
        const needs = copy.getBoundingClientRect().width;
        copy.remove();
        if (needs > has + 0.5) {
          problems.push(
            `the select ${select.id || select.dataset.role || select.name} cuts “${option.textContent}”: ${Math.round(needs)} px needed, ${Math.round(has)} px wide`,
          );
          break;
        }
      }
    }
    return problems.slice(0, 10);
  }, WIDTH);
}

/** The rows whose customer or amount is not on screen (in the pane and not scrolled out of sight). */
function hiddenCustomersOrAmounts(page: Page, rows: string): Promise<{ count: number; hidden: string[] }> {
  return page.$$eval(
    rows,
    (found, width) => {
      const visible = (element: Element | null) => {
        if (!element?.checkVisibility({ visibilityProperty: true })) return false;
        const box = element.getBoundingClientRect();
        if (box.width === 0 || box.height === 0 || box.left < -0.5 || box.right > width + 0.5) return false;
        // Not cut off by a box that scrolls or clips it.
        for (let up = element.parentElement; up; up = up.parentElement) {
          if (getComputedStyle(up).overflowX === 'visible') continue;
          const clip = up.getBoundingClientRect();
          if (box.left < clip.left - 0.5 || box.right > clip.right + 0.5) return false;
        }
        return true;
      };
      const hidden: string[] = [];
      for (const row of found) {
        if (!row.checkVisibility()) continue;
        const customer = row.querySelector('.customer, .name');
        const amount = row.querySelector('.amount, .num');
        if (!visible(customer) || !visible(amount))
          hidden.push(`${customer?.textContent ?? '?'} / ${amount?.textContent ?? '?'}`);
      }
      return { count: found.length, hidden: hidden.slice(0, 5) };
    },
    WIDTH,
  );
}

/** Where the outcome of the button's action is shown, measured once the action is over. */
async function outcomeBeside(page: Page, button: string, outcome = '#question, #status'): Promise<string[]> {
  return page.evaluate(
    ({ selector, outcome, height }) => {
      const problems: string[] = [];
      const clicked = document.querySelector(selector);
      const status = document.querySelector(outcome);
      if (!status) return [`no status after ${selector}`];
      const text = status.textContent ?? '';
      const card = (element: Element | null) => element?.closest('.card, details.import') ?? null;
      // A button that leaves with what it acted on (a call logged, a dispute resolved) leaves its card.
      if (clicked && card(clicked) !== card(status)) problems.push(`"${text}" is shown outside the card of ${selector}`);
      if (clicked) {
        const block = clicked.closest('.actions-block');
        if (block && !block.contains(status) && status.id !== 'question')
          problems.push(`"${text}" is not under the buttons of ${selector}`);
      }
      const box = status.getBoundingClientRect();
      if (box.height === 0) problems.push(`"${text}" is not shown`);
      if (box.top < -1 || box.bottom > height + 1)
        problems.push(`"${text}" is out of view (${Math.round(box.top)}–${Math.round(box.bottom)} px)`);
      return problems;
    },
    { selector: button, outcome, height: HEIGHT },
  );
}

/** Clicks a command's button and waits until it is over (or asks a question). */
async function run(page: Page, button: string): Promise<void> {
  await page.click(button);
  await page.waitForFunction(
    () =>
      document.querySelector('#question') !== null ||
      (document.querySelector('#status') !== null && document.querySelector('.status progress') === null),
  );
}

const THEMES = [
  { theme: 'Excel', options: {}, path: 'taskpane.html' },
  { theme: 'Sheets', options: SIDEBAR, path: 'Sidebar.html' },
] as const;

for (const { theme, options } of THEMES) {
  for (const language of ['en', 'fr'] as const) {
    describePane(
      `the pane at ${WIDTH} px in ${theme}'s theme, in ${language === 'en' ? 'English' : 'French'}`,
      { ...options, viewport: { width: WIDTH, height: HEIGHT } },
      (pane) => {
        const checked = async (what: string, button?: string, outcome?: string) => {
          const { page } = pane();
          const problems = [...(await overflowProblems(page)), ...(await cutProblems(page))];
          if (button) problems.push(...(await outcomeBeside(page, button, outcome)));
          expect([what, problems]).toEqual([what, []]);
        };

        beforeAll(async () => {
          const { page } = pane();
          await page.selectOption('#language', language);
        });

        test('every tab, every panel opened: nothing cut', async () => {
          const { page } = pane();
          for (const tab of ['ageing', 'dunning', 'settings']) {
            await page.click(`button[data-tab="${tab}"]`);
            // Every fold of the tab opened, then closed again as it was (the tests below open them).
            const opened = await page.$$eval(`#tab-${tab} details:not([open])`, (folds) => {
              for (const fold of folds) {
                fold.setAttribute('data-opened-by-test', '');
                (fold as HTMLDetailsElement).open = true;
              }
              return folds.length;
            });
            await page.waitForTimeout(100);
            await checked(`the ${tab} tab with ${opened} folds opened`);
            await screenshot(page, `width-${theme}-${language}-${tab}-opened`);
            await page.$$eval('[data-opened-by-test]', (folds) => {
              for (const fold of folds) {
                (fold as HTMLDetailsElement).open = false;
                fold.removeAttribute('data-opened-by-test');
              }
            });
            await page.waitForTimeout(100);
          }
          await page.click('button[data-tab="ageing"]');
        });

        test('the ledger, its columns and the ageing commands', async () => {
          const { page } = pane();
          await run(page, '#detect');
          await checked('find the ledger', '#detect');
          await page.click('#mapping summary');
          await checked('the columns');
          for (const button of ['#colour', '#aged-balance', '#remove-colours']) {
            await run(page, button);
            await checked(button, button);
          }
        });

        test('at a glance: each top account’s customer and amount on screen', async () => {
          const { page } = pane();
          for (const summary of await page.$$('.kpi details summary')) await summary.click();
          const rows = await hiddenCustomersOrAmounts(page, '.kpi ol li');
          expect(rows.count).toBeGreaterThan(5);
          expect(rows.hidden).toEqual([]);
          await checked('at a glance');
        });

        test('the payment-delays table and the expected cash-in', async () => {
          const { page } = pane();
          await page.click('#payment-delays-card summary');
          await checked('the payment-delays choices');
          await run(page, '#payment-delays');
          await checked('payment delays', '#payment-delays');
          await run(page, '#cash-in');
          await checked('cash-in', '#cash-in');
        });

        test('the dunning plan: each account’s customer and amount on screen', async () => {
          const { page } = pane();
          await page.click('button[data-tab="dunning"]');
          await run(page, '#build-plan');
          await checked('the plan', '#build-plan');
          const rows = await hiddenCustomersOrAmounts(page, '#plan-actions tbody tr');
          expect(rows.count).toBeGreaterThan(10);
          expect(rows.hidden).toEqual([]);
          await page.click('#plan-excluded summary');
          await checked('the accounts with no action');
          await screenshot(page, `width-${theme}-${language}-plan`);
        });

        test('disputes and the call list', async () => {
          const { page } = pane();
          await page.click('#open-disputes summary');
          const disputes = await hiddenCustomersOrAmounts(page, '#open-disputes tbody tr');
          expect(disputes.count).toBeGreaterThan(0);
          expect(disputes.hidden).toEqual([]);
          await checked('the open disputes');
          await run(page, '#dispute-resolved-0');
          await checked('a dispute resolved', '#dispute-resolved-0');
          const calls = await hiddenCustomersOrAmounts(page, '#call-list article.call h3');
          expect(calls.count).toBeGreaterThan(0);
          expect(calls.hidden).toEqual([]);
          const call = (await page.getAttribute('#call-list article.call button[id^="call-noAnswer-"]', 'id')) ?? '';
          await run(page, `[id="${call}"]`);
          await checked('a call logged', `[id="${call}"]`);
        });

        test('letters: templates, preview, document, sheet, emails', async () => {
          const { page } = pane();
          const document = (await page.$('#letters-doc')) ? '#letters-doc' : '#letters-docx';
          for (const button of ['#templates-sheet', '#preview-letters', document, '#letters-sheet', '#letters-email']) {
            await run(page, button);
            await checked(button, button);
            // The preview shows its first letter, and says which, in the pane's language.
            if (button === '#preview-letters')
              expect(await page.textContent('#letter-position')).toMatch(
                language === 'en' ? /^Letter 1 of \d+$/ : /^Lettre 1 sur \d+$/,
              );
            // The same letters logged twice in a day: the question is asked beside the buttons.
            if (await page.$('#question')) {
              await page.click('#confirm-no');
              await page.waitForSelector('#question', { state: 'detached' });
            }
          }
        });

        test('the policy: what a change did is shown beside the field changed', async () => {
          const { page } = pane();
          await page.fill('#policy-interval', '12');
          await page.press('#policy-interval', 'Tab');
          await page.waitForSelector('#policy-status');
          await checked('a policy saved', '#policy-interval', '#policy-status');
          await page.fill('#policy-interval', '-1');
          await page.press('#policy-interval', 'Tab');
          await page.waitForSelector('#policy-error');
          await checked('a policy refused', '#policy-interval', '#policy-error');
          await page.fill('#policy-interval', '7');
          await page.press('#policy-interval', 'Tab');
          await page.waitForSelector('#policy-status');
        });

        test('settings saved', async () => {
          const { page } = pane();
          await page.click('button[data-tab="settings"]');
          await run(page, '#save-settings');
          await checked('settings', '#save-settings');
        });

        test('a file imported from accounting software becomes the ledger', async () => {
          const { page } = pane();
          await page.click('button[data-tab="ageing"]');
          await page.click('#import summary');
          await page.setInputFiles('#import-file', join(FIXTURES, 'sage-grand-livre.csv'));
          await page.waitForFunction(() => document.querySelector('#import-report') !== null);
          await checked('the import', '#import-file');
          await screenshot(page, `width-${theme}-${language}-import`);
        });

        test('no console error or uncaught exception', () => {
          expect(pane().problems).toEqual([]);
        });
      },
    );
  }
}
