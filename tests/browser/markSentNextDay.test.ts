// Email drafts made one evening and marked sent the next morning, the pane left open: "Mark as
// sent" logs them at once, dated the day they were made (the date on the letter), without asking
// for the plan to be built again; new letters from that plan are still refused until it is.
// Preview on the sample ledger, the page's clock at 30 November 2026, 17:00, then 1 December.
import { dayFromCalendar, excelSerialFromDay } from '../../src/primitives/dates';
import { describePane, ledgerFound } from './browser';

type Window = { agebucket: { workbook: { sheets: Array<{ name: string; values: unknown[][] }> } } };

describePane('mark as sent the next day', { today: null, clock: new Date(2026, 10, 30, 17, 0), ready: ledgerFound }, (pane) => {
  test('logged on the day the drafts were made; new letters still ask for a plan as of today', async () => {
    const { page } = pane();
    await page.click('button[data-tab="settings"]');
    for (const [field, value] of [
      ['companyName', 'Ateliers Réunis SAS'],
      ['companyIban', 'FR76 3000 4000 0500 0012 3456 789'],
      ['companyCity', 'Lyon'],
    ]) {
      await page.fill(`#setting-${field}`, value as string);
      await page.dispatchEvent(`#setting-${field}`, 'change');
    }
    await page.click('button[data-tab="dunning"]');
    expect(await page.isChecked('#follow-today')).toBe(true);
    await page.click('#build-plan');
    await page.waitForSelector('#plan-actions');
    const log = () =>
      page.evaluate(
        () => (window as unknown as Window).agebucket.workbook.sheets.find((s) => s.name === 'Journal des relances')?.values,
      );
    const before = (await log())?.length ?? 0;
    await page.click('#letters-email');
    await page.waitForSelector('#email-drafts li');
    const first = page
      .locator('#email-drafts li')
      .filter({ has: page.locator('button', { hasText: 'Mark as sent' }) })
      .first();
    const customer = (await first.getAttribute('data-customer')) ?? '';
    expect(customer).not.toBe('');

    // The next morning.
    await page.clock.setSystemTime(new Date(2026, 11, 1, 9, 0));
    await first.locator('button', { hasText: 'Mark as sent' }).click();
    await page.waitForFunction(
      (name) =>
        document.querySelector(`#email-drafts li[data-customer="${name}"] .sent`) !== null ||
        document.querySelector('#status')?.classList.contains('error'),
      customer,
    );
    // Not refused ("tick Follow today … build the plan again"): marked sent.
    expect(await page.evaluate(() => document.querySelector('#status.error')?.textContent ?? null)).toBeNull();
    expect(await page.locator(`#email-drafts li[data-customer="${customer}"] .sent`).count()).toBe(1);
    const rows = (await log()) ?? [];
    expect(rows.length).toBe(before + 1);
    // Dated 30 November 2026, the letter's date (serial 46356), not 1 December.
    expect(excelSerialFromDay(dayFromCalendar(2026, 11, 30))).toBe(46356);
    expect(rows.at(-1)?.slice(0, 4)).toEqual([46356, customer, expect.any(String), 'Email']);

    // A new letter from the plan as of 30 November is refused, saying what to do.
    await page.click('#letters-email');
    await page.waitForFunction(() => document.querySelector('#status')?.classList.contains('error'));
    expect(await page.textContent('#status')).toContain('tick "Follow today"');
    expect((await log())?.length).toBe(before + 1);
  });
});
