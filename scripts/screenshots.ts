// The README's pictures of the pane, taken from the sample ledger as it looks today (Preview and
// the Sheets sidebar's test server move the sample's dates so that it is as of today), in
// Debian's Chromium: the Excel pane at its normal layout beside the sheet and at its narrowest
// (320 px), the Sheets sidebar at a sidebar's width, and the payment-delays table (D441-6) beside
// the pane. `npm run screenshots` after `npm run build`; `npm run screenshots -- payment-delays`
// retakes only the pictures whose names start so.

import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { closePane, type OpenOptions, openPane } from '../tests/browser/browser';
import { sidebarOn } from '../tests/browser/sheetsServer';

const OUT = join(__dirname, '..', 'docs', 'screenshots');
const today = new Date().toISOString().slice(0, 10);
/** The pictures asked for on the command line (name prefixes); all of them when none is. */
const wanted = process.argv.slice(2);
const takes = (...names: string[]) =>
  wanted.length === 0 || names.some((name) => wanted.some((prefix) => name.startsWith(prefix)));
/** Opens the pane, lets `take` photograph it, and closes it whatever happens. */
async function session(options: OpenOptions, take: (page: Page) => Promise<void>): Promise<void> {
  const opened = await openPane(options.path, options);
  try {
    await opened.page.waitForSelector('#mapping summary');
    await take(opened.page);
    if (opened.problems.length > 0) throw new Error(`the pane reported: ${opened.problems.join('; ')}`);
  } finally {
    await closePane(opened);
  }
}

/** Clicks a command's button and waits until the command is over. */
async function run(page: Page, button: string): Promise<void> {
  await page.click(button);
  await page.waitForFunction(() => document.querySelector('#status') !== null && !document.querySelector('.status progress'));
}

async function main(): Promise<void> {
  if (takes('pane-colours', 'pane-aged-balance', 'pane-dunning-plan')) await panePictures();
  if (takes('pane-320')) await narrowPane();
  if (takes('sheets-sidebar')) await sidebar();
  if (takes('payment-delays-table')) await paymentDelays();
  console.log(`Screenshots of ${today} written to docs/screenshots/`);
}

async function panePictures(): Promise<void> {
  await session({ today }, async (page) => {
    await run(page, '#colour');
    await page.screenshot({ path: join(OUT, 'pane-colours.png') });
    await run(page, '#aged-balance');
    await page.screenshot({ path: join(OUT, 'pane-aged-balance.png') });
    await page.click('button[data-tab="dunning"]');
    await run(page, '#build-plan');
    await page.screenshot({ path: join(OUT, 'pane-dunning-plan.png') });
  });
}

async function narrowPane(): Promise<void> {
  // Excel's narrowest task pane: the plan's rows stacked, customer and amount first.
  await session({ today, viewport: { width: 320, height: 720 } }, async (page) => {
    await page.click('button[data-tab="dunning"]');
    await run(page, '#build-plan');
    await page.screenshot({ path: join(OUT, 'pane-320.png') });
  });
}

async function sidebar(): Promise<void> {
  // The Sheets sidebar, in French as the test server's spreadsheet is.
  await session({ ...sidebarOn(today), viewport: { width: 320, height: 900 } }, async (page) => {
    await run(page, '#colour');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(OUT, 'sheets-sidebar.png') });
    await page.click('button[data-tab="dunning"]');
    await run(page, '#build-plan');
    await run(page, '#letters-doc');
    await page.screenshot({ path: join(OUT, 'sheets-sidebar-letters.png') });
  });
}

/**
 * The D441-6 table in French beside the pane at its normal width: invoices issued from the
 * sample ledger, invoices received from the 401 accounts of the real-shaped FEC of tests/data
 * (imported as of today, as the README tells), closed on the FEC's own closing date (its
 * name, 30 September 2026, which the import puts in the card), with the year's turnover and
 * purchases typed.
 */
async function paymentDelays(): Promise<void> {
  await session({ today }, async (page) => {
    await page.selectOption('#language', 'fr');
    await page.click('#import summary');
    await page.selectOption('#import-side', 'supplier');
    await page.setInputFiles('#import-file', join(__dirname, '..', 'tests', 'data', '123456789FEC20260930.txt'));
    await page.waitForFunction(() =>
      /grand livre fournisseurs du tableau/.test(document.querySelector('#import')?.textContent ?? ''),
    );
    await page.click('#payment-delays-card summary');
    const closing = await page.inputValue('#setting-delaysClosingDate');
    for (const [id, value] of [
      ['#setting-delaysTurnover', '1250000'],
      ['#setting-delaysPurchases', '480000'],
    ] as const) {
      await page.fill(id, value);
      await page.dispatchEvent(id, 'change');
    }
    await run(page, '#payment-delays');
    const grid = `table.grid[data-sheet="Délais de paiement ${closing}"]`;
    await page.waitForSelector(grid);
    await page.locator(grid).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(OUT, 'payment-delays-table.png') });
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
