// The letter preview at 320 pixels, the narrowest task pane: every column of the invoice table
// can be reached (the table scrolls inside the letter, never cut off after « Jours de retard »),
// and the sender's and the recipient's blocks stand apart, as on paper.

import { describePane } from './browser';

describePane('the letter preview at 320 px', { viewport: { width: 320, height: 640 } }, (pane) => {
  test('the invoice table scrolls inside the letter; sender and recipient are separate blocks', async () => {
    const { page, problems } = pane();
    await page.selectOption('#language', 'fr');
    await page.click('button[data-tab="dunning"]');
    await page.click('#build-plan');
    await page.waitForSelector('#plan-actions');
    await page.click('#preview-letters');
    await page.waitForSelector('iframe#letter-preview');
    const frame = page.frameLocator('iframe#letter-preview');
    await frame.locator('table.invoices').waitFor();
    const measured = await frame.locator('body').evaluate((body) => {
      const table = body.querySelector('table.invoices') as HTMLElement;
      const headers = Array.from(table.querySelectorAll('th'));
      const last = headers[headers.length - 1] as HTMLElement;
      const sender = (body.querySelector('.sender') as HTMLElement).getBoundingClientRect();
      const recipient = (body.querySelector('.recipient') as HTMLElement).getBoundingClientRect();
      const before = last.getBoundingClientRect().right;
      // Scrolled to its end, the table shows its last column inside the frame.
      table.scrollLeft = table.scrollWidth;
      return {
        headers: headers.map((th) => th.textContent),
        frameWidth: document.documentElement.clientWidth,
        pageScrollWidth: document.documentElement.scrollWidth,
        tableRight: table.getBoundingClientRect().right,
        lastRightBefore: before,
        lastRightAfter: last.getBoundingClientRect().right,
        gap: recipient.top - sender.bottom,
      };
    });
    // The column after which the table was cut off (« Jours de retard », or "Days overdue" in an English letter) has others after it.
    const overdue = measured.headers.findIndex((header) => header === 'Jours de retard' || header === 'Days overdue');
    expect(overdue).toBeGreaterThanOrEqual(0);
    expect(measured.headers.length).toBeGreaterThan(overdue + 1);
    // The letter itself is no wider than its frame: the table, not the page, scrolls.
    expect(measured.pageScrollWidth).toBeLessThanOrEqual(measured.frameWidth);
    expect(measured.tableRight).toBeLessThanOrEqual(measured.frameWidth);
    // The last column was beyond the edge, and scrolling the table brings it in.
    expect(measured.lastRightBefore).toBeGreaterThan(measured.frameWidth);
    expect(measured.lastRightAfter).toBeLessThanOrEqual(measured.tableRight + 1);
    // At least a line's height between the sender's block and the recipient's (12 px type).
    expect(measured.gap).toBeGreaterThanOrEqual(12);
    expect(problems).toEqual([]);
  });
});
