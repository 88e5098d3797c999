// Real-shaped exports in Preview as a newcomer opens them: the Sage grand livre (Windows-1252)
// loaded as the workbook reads with its accents and needs no column mapped by hand.

import { join } from 'node:path';
import { chromiumAvailable, closePane, openPane, type Session } from './browser';

const run = chromiumAvailable() ? describe : describe.skip;
const DATA = join(__dirname, '..', 'data');

run('real-shaped exports in Preview', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openPane();
    await session.page.waitForSelector('#mapping summary');
  }, 60_000);
  afterAll(async () => {
    if (session) await closePane(session);
  });

  test('Load: the Sage grand livre in Windows-1252 keeps its accents, and Compte is the customer', async () => {
    const { page } = session;
    await page.setInputFiles('#load-file', join(DATA, 'sage-grand-livre-clients.csv'));
    await page.waitForFunction(() => document.querySelector('#mapping summary')?.textContent?.includes('sage'));
    const cells = await page.$$eval('table.grid td', (tds) => tds.map((td) => td.textContent));
    expect(cells).toContain('N° pièce');
    expect(cells).toContain('Facture Dupont Électricité SARL');
    expect(cells.some((text) => text?.includes('\uFFFD'))).toBe(false);
    expect(await page.textContent('#load-report')).toContain('File read as Windows-1252');
    expect(await page.$('#missing')).toBeNull();
    expect(await page.textContent('#read-report')).toContain('each account is a customer named by its code (column "Compte")');
  });
});
