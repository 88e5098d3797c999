// The README's pictures of the pane, taken from the sample ledger as it looks today (Preview and
// the Sheets sidebar's test server move the sample's dates so that it is as of today), in
// Debian's Chromium: the Excel pane at its normal layout beside the sheet and at its narrowest
// (320 px), and the Sheets sidebar at a sidebar's width. `npm run screenshots` after `npm run build`.

import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { closePane, type OpenOptions, openPane } from '../tests/browser/browser';
import { sidebarOn } from '../tests/browser/sheetsServer';

const OUT = join(__dirname, '..', 'docs', 'screenshots');
const today = new Date().toISOString().slice(0, 10);

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
  await session({ today }, async (page) => {
    await run(page, '#colour');
    await page.screenshot({ path: join(OUT, 'pane-colours.png') });
    await run(page, '#aged-balance');
    await page.screenshot({ path: join(OUT, 'pane-aged-balance.png') });
    await page.click('button[data-tab="dunning"]');
    await run(page, '#build-plan');
    await page.screenshot({ path: join(OUT, 'pane-dunning-plan.png') });
  });
  // Excel's narrowest task pane: the plan's rows stacked, customer and amount first.
  await session({ today, viewport: { width: 320, height: 720 } }, async (page) => {
    await page.click('button[data-tab="dunning"]');
    await run(page, '#build-plan');
    await page.screenshot({ path: join(OUT, 'pane-320.png') });
  });
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
  console.log(`Screenshots of ${today} written to docs/screenshots/`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
