// The dunning policy's number fields, typed as a credit manager writes numbers in the pane's
// language (« 1 000 », « 900,50 », "1,000"), saved as those numbers, shown back the same way;
// and checked field by field: one field in error does not stop the next valid change from being
// saved, and keeps what the user typed with its message under it.

import type { Page } from 'playwright-core';
import { chooseLanguage, describePane } from './browser';

const NBSP = '\u00a0';

async function commit(page: Page, field: string, typed: string): Promise<void> {
  await page.fill(field, typed);
  await page.dispatchEvent(field, 'change');
}

/** The policy as saved in the workbook's settings. */
async function savedPolicy(page: Page): Promise<{ minimumAmount: number; minimumIntervalDays: number } | null> {
  return page.evaluate(async () => {
    const agebucket = (window as unknown as { agebucket: { workbook: { readSettings(): Promise<Record<string, string>> } } })
      .agebucket;
    const settings = await agebucket.workbook.readSettings();
    const stored = Object.values(settings).find((value) => value.includes('minimumAmount')) ?? null;
    if (stored === null) return null;
    const parsed = JSON.parse(stored);
    return parsed.policy ?? parsed;
  });
}

describePane('the policy editor’s number fields', (pane) => {
  test('French: « 1 000 » and « 900,50 » are saved and shown as typed; one field in error holds no other back', async () => {
    const { page, problems } = pane();
    await chooseLanguage(page, 'fr');
    await page.click('button[data-tab="dunning"]');
    await commit(page, '#policy-minimum', '1 000');
    await page.waitForSelector('#policy-status');
    expect(await page.$('#policy-error')).toBeNull();
    expect(await page.inputValue('#policy-minimum')).toBe(`1${NBSP}000`);
    expect((await savedPolicy(page))?.minimumAmount).toBe(1000);
    await commit(page, '#policy-minimum', '900,50');
    await page.waitForSelector('#policy-status');
    expect(await page.inputValue('#policy-minimum')).toBe('900,50');
    expect((await savedPolicy(page))?.minimumAmount).toBe(900.5);
    // An interval of 10,5 days is refused under its field, its text kept.
    await commit(page, '#policy-interval', '10,5');
    expect(await page.textContent('#policy-error')).toBe(
      `Non enregistré${NBSP}: politique de relance : l’intervalle minimum doit être un nombre entier de jours, 0 ou plus`,
    );
    expect(await page.inputValue('#policy-interval')).toBe('10,5');
    // A valid change elsewhere is saved, and the interval's own message stays under the interval.
    await commit(page, '#policy-minimum', '2 500');
    await page.waitForSelector('#policy-minimum + #policy-status, #policy-minimum ~ #policy-status');
    expect((await savedPolicy(page))?.minimumAmount).toBe(2500);
    expect((await savedPolicy(page))?.minimumIntervalDays).toBe(10);
    expect(await page.textContent('#policy-interval-error')).toContain('l’intervalle minimum doit être un nombre entier');
    expect(await page.inputValue('#policy-interval')).toBe('10,5');
    expect(await page.inputValue('#policy-minimum')).toBe(`2${NBSP}500`);
    // Put right, the interval is saved and its message goes.
    await commit(page, '#policy-interval', '12');
    await page.waitForSelector('#policy-status');
    expect(await page.$('#policy-interval-error')).toBeNull();
    expect((await savedPolicy(page))?.minimumIntervalDays).toBe(12);
    expect((await savedPolicy(page))?.minimumAmount).toBe(2500);
    expect(problems).toEqual([]);
  });

  test('English: "1,000" and "1 000" are a thousand, "900.50" shown back as typed', async () => {
    const { page, problems } = pane();
    await chooseLanguage(page, 'en');
    await page.click('button[data-tab="dunning"]');
    for (const typed of ['1,000', '1 000']) {
      await commit(page, '#policy-minimum', typed);
      await page.waitForSelector('#policy-status');
      expect(await page.$('#policy-error')).toBeNull();
      expect(await page.inputValue('#policy-minimum')).toBe('1,000');
      expect((await savedPolicy(page))?.minimumAmount).toBe(1000);
    }
    await commit(page, '#policy-minimum', '900.50');
    await page.waitForSelector('#policy-status');
    expect(await page.inputValue('#policy-minimum')).toBe('900.50');
    await commit(page, '#policy-minimum', 'a thousand');
    expect(await page.textContent('#policy-error')).toBe(
      'Not saved: dunning policy: "a thousand" is not an amount: use a number such as 1234.56 or 1 234,56 €',
    );
    expect(await page.inputValue('#policy-minimum')).toBe('a thousand');
    expect((await savedPolicy(page))?.minimumAmount).toBe(900.5);
    expect(problems).toEqual([]);
  });
});

// Two changes to the policy before the pane draws its next frame: a figure typed then left by a
// click on a check box while the pane is busy (a plan rebuild holding the page, the user's events
// queued). The editor once took its own first save, coming back to it late, for a policy from
// elsewhere, and put it back over the second: the check box unticked itself on screen and the
// typed figure went back to what it was, while the workbook held both changes.
describePane('two changes to the policy in one frame', (pane) => {
  test('both stay on screen as the user left them, and both are saved', async () => {
    const { page, problems } = pane();
    await chooseLanguage(page, 'en');
    await page.click('button[data-tab="dunning"]');
    expect(await page.isChecked('#policy-first-interest')).toBe(false);
    await page.fill('#policy-deadline', '21');
    // The field left (its change event), the pane drawn, the check box clicked: in one task.
    await page.evaluate(async () => {
      const field = document.getElementById('policy-deadline') as HTMLInputElement;
      field.dispatchEvent(new Event('change', { bubbles: true }));
      for (let i = 0; i < 5; i++) await Promise.resolve();
      (document.getElementById('policy-first-interest') as HTMLInputElement).click();
    });
    // A few frames later, once every effect of the pane has run.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 200)));
    expect(await page.isChecked('#policy-first-interest')).toBe(true);
    expect(await page.inputValue('#policy-deadline')).toBe('21');
    const saved = (await savedPolicy(page)) as unknown as {
      paymentDeadlineDays: number;
      stages: Array<{ id: string; claimsInterest: boolean }>;
    };
    expect(saved.paymentDeadlineDays).toBe(21);
    expect(saved.stages.find((stage) => stage.id === 'first')?.claimsInterest).toBe(true);
    // A third change starts from what is on screen: neither of the first two is lost.
    await commit(page, '#policy-minimum', '250');
    await page.waitForSelector('#policy-status');
    const after = (await savedPolicy(page)) as unknown as typeof saved & { minimumAmount: number };
    expect([after.minimumAmount, after.paymentDeadlineDays]).toEqual([250, 21]);
    expect(after.stages.find((stage) => stage.id === 'first')?.claimsInterest).toBe(true);
    expect(problems).toEqual([]);
  });
});
