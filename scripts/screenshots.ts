// The README's pictures of the pane, taken from Preview on the sample ledger as it looks today
// (Preview moves the sample's dates so that it is as of today), in Debian's Chromium at the
// page's normal layout: the pane at its real width beside the sheet. `npm run screenshots`
// after `npm run build`.

import { join } from 'node:path';
import { closePane, openPane } from '../tests/browser/browser';

const OUT = join(__dirname, '..', 'docs', 'screenshots');
const today = new Date().toISOString().slice(0, 10);

async function main(): Promise<void> {
  const session = await openPane('taskpane.html', { today });
  try {
    const { page } = session;
    await page.waitForSelector('#colour');
    await page.click('#colour');
    await page.waitForFunction(() => !document.querySelector('#colour')?.hasAttribute('disabled'));
    await page.screenshot({ path: join(OUT, 'pane-colours.png') });
    await page.click('#aged-balance');
    await page.waitForFunction(() => !document.querySelector('#aged-balance')?.hasAttribute('disabled'));
    await page.screenshot({ path: join(OUT, 'pane-aged-balance.png') });
    await page.click('button[data-tab="dunning"]');
    await page.click('#build-plan');
    await page.waitForSelector('#plan-actions');
    await page.screenshot({ path: join(OUT, 'pane-dunning-plan.png') });
    console.log(`Screenshots of ${today} written to docs/screenshots/`);
  } finally {
    await closePane(session);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
