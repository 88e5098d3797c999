// A long dunning plan in a 320-pixel pane: hundreds of accounts to chase scroll in their own box,
// which draws only the rows in view. Every account can still be reached by scrolling and by the
// keyboard, a screen reader is told the table's whole size and each row's place, the ticks
// survive the scroll, and each drawn row shows its customer and amount.

import type { Page } from 'playwright-core';
import { loadCsv, timeCommand } from '../../bench/pane';
import { largeLedger } from '../../scripts/largeLedger';
import { describePane } from './browser';

const AS_OF = '2025-11-28';

interface Drawn {
  readonly rowCount: number;
  readonly rows: Array<{ index: number; customer: string; checked: boolean }>;
  readonly gaps: number;
  readonly scrollTop: number;
  readonly focused: { index: number; customer: string } | null;
}

/** The plan's rows in the page, and what the box and the focus are doing. */
function drawn(page: Page): Promise<Drawn> {
  return page.evaluate(() => {
    const table = document.querySelector('#plan-actions') as HTMLTableElement;
    const rows = Array.from(table.querySelectorAll('tbody tr:not(.gap)'), (tr) => ({
      index: Number(tr.getAttribute('aria-rowindex')),
      customer: tr.getAttribute('data-customer') ?? '',
      checked: (tr.querySelector('input[type="checkbox"]') as HTMLInputElement).checked,
    }));
    const active = document.activeElement?.closest('#plan-actions tbody tr') ?? null;
    return {
      rowCount: Number(table.getAttribute('aria-rowcount')),
      rows,
      gaps: table.querySelectorAll('tbody tr.gap').length,
      scrollTop: (document.querySelector('.plan-window') as HTMLElement).scrollTop,
      focused: active
        ? { index: Number(active.getAttribute('aria-rowindex')), customer: active.getAttribute('data-customer') ?? '' }
        : null,
    };
  });
}

/** Scrolls the plan's box to `fraction` of its height, then lets the rows be drawn and measured. */
async function scrollPlan(page: Page, fraction: number): Promise<Drawn> {
  await page.evaluate(async (fraction) => {
    const box = document.querySelector('.plan-window') as HTMLElement;
    box.scrollTop = Math.round((box.scrollHeight - box.clientHeight) * fraction);
    for (let i = 0; i < 3; i++) await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  }, fraction);
  return drawn(page);
}

describePane('a long dunning plan in a 320-pixel pane', { viewport: { width: 320, height: 640 } }, (pane) => {
  let toChase = 0;

  beforeAll(async () => {
    const { page } = pane();
    await loadCsv(page, 'Grand livre long', largeLedger(8_000, 600, AS_OF).csv);
    await page.uncheck('#follow-today');
    await page.fill('#as-of', AS_OF);
    await page.dispatchEvent('#as-of', 'change');
    await page.click('button[data-tab="dunning"]');
    await timeCommand(page, 'build-plan');
    toChase = Number(((await page.textContent('#status')) ?? '').match(/([\d,]+) accounts? to chase/)?.[1]?.replace(/,/g, ''));
  }, 180_000);

  test('only the rows in view are drawn; the table tells its whole size, each row its place', async () => {
    const { page } = pane();
    // Long enough to be drawn in part (more than the 200 rows drawn whole).
    expect(toChase).toBeGreaterThan(300);
    const top = await drawn(page);
    expect(top.rowCount).toBe(toChase + 1);
    expect(top.rows.length).toBeGreaterThan(3);
    expect(top.rows.length).toBeLessThan(60);
    expect(top.rows.map((row) => row.index)).toEqual(top.rows.map((_, i) => i + 2));
    expect(await page.getAttribute('#plan-actions thead tr', 'aria-rowindex')).toBe('1');
    expect(await page.getAttribute('.plan-window', 'aria-label')).toBe(`${toChase} accounts to chase`);
  });

  test('scrolled from top to bottom, the box reaches every account once, in the plan’s order', async () => {
    const { page } = pane();
    await scrollPlan(page, 0);
    // Half a box at a time, in the page, collecting the rows drawn at each step.
    const steps = await page.evaluate(async () => {
      const box = document.querySelector('.plan-window') as HTMLElement;
      const views: Array<Array<[number, string]>> = [];
      for (let step = 0; step < 5000; step++) {
        views.push(
          Array.from(document.querySelectorAll('#plan-actions tbody tr:not(.gap)'), (tr) => [
            Number(tr.getAttribute('aria-rowindex')),
            tr.getAttribute('data-customer') ?? '',
          ]),
        );
        if (box.scrollTop + box.clientHeight >= box.scrollHeight - 1) break;
        box.scrollTop += Math.max(1, Math.floor(box.clientHeight / 2));
        for (let i = 0; i < 2; i++) await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      }
      return views;
    });
    const seen = new Map<number, string>();
    for (const view of steps) {
      expect(view.length).toBeLessThan(60);
      // Drawn rows follow each other: no hole inside the part in view.
      const indexes = view.map(([index]) => index);
      expect(indexes).toEqual(indexes.map((_, i) => (indexes[0] as number) + i));
      for (const [index, customer] of view) {
        const before = seen.get(index);
        if (before !== undefined) expect(customer).toBe(before);
        seen.set(index, customer);
      }
    }
    expect(seen.size).toBe(toChase);
    const indexes = [...seen.keys()].sort((a, b) => a - b);
    expect(indexes[0]).toBe(2);
    expect(indexes[indexes.length - 1]).toBe(toChase + 1);
    await scrollPlan(page, 0);
  });

  test('Tab and Shift+Tab walk the ticks row after row, the box following', async () => {
    const { page } = pane();
    await scrollPlan(page, 0);
    await page.focus('#plan-actions tbody tr[aria-rowindex="2"] input[type="checkbox"]');
    for (let i = 0; i < 40; i++) await page.keyboard.press('Tab');
    let view = await drawn(page);
    expect(view.focused?.index).toBe(42);
    expect(view.scrollTop).toBeGreaterThan(0);
    for (let i = 0; i < 5; i++) await page.keyboard.press('Shift+Tab');
    view = await drawn(page);
    expect(view.focused?.index).toBe(37);
    // The focused row stays drawn while the box is scrolled far away, so the keyboard goes on from it.
    const away = await scrollPlan(page, 1);
    expect(away.focused).toEqual(view.focused);
    expect(away.rows.some((row) => row.index === toChase + 1)).toBe(true);
    await page.keyboard.press('Tab');
    const onward = await drawn(page);
    expect(onward.focused?.index).toBe(38);
  });

  test('a tick taken off stays off when its row is scrolled away and back', async () => {
    const { page } = pane();
    await scrollPlan(page, 0);
    const third = '#plan-actions tbody tr[aria-rowindex="4"] input[type="checkbox"]';
    expect(await page.isChecked(third)).toBe(true);
    await page.uncheck(third);
    await scrollPlan(page, 1);
    await scrollPlan(page, 0.5);
    const back = await scrollPlan(page, 0);
    expect(back.rows.find((row) => row.index === 4)?.checked).toBe(false);
    expect(back.rows.filter((row) => row.index !== 4).every((row) => row.checked)).toBe(true);
    expect(await page.textContent('#plan-actions thead .sr-only')).toBe(`${toChase - 1} selected`);
    await page.check(third);
  });

  test('each drawn row shows its customer and amount within the pane', async () => {
    const { page } = pane();
    for (const fraction of [0, 0.5, 1]) {
      await scrollPlan(page, fraction);
      const problems = await page.$$eval('#plan-actions tbody tr:not(.gap)', (rows) => {
        const box = (document.querySelector('.plan-window') as HTMLElement).getBoundingClientRect();
        const out: string[] = [];
        for (const row of rows) {
          for (const cell of [row.querySelector('.customer'), row.querySelector('.amount')]) {
            const r = cell?.getBoundingClientRect();
            if (!r || r.width === 0 || r.left < box.left - 0.5 || r.right > Math.min(box.right, 320) + 0.5)
              out.push(`${row.getAttribute('data-customer')}: ${cell?.textContent ?? 'missing'}`);
          }
        }
        return out;
      });
      expect(problems).toEqual([]);
    }
  });
});
