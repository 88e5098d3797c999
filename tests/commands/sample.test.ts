// The sample made current: Preview and the demo move all its dates so that its as-of date is
// today. Moved together, the ledger must look exactly as on its own date.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '../../scripts/csv';
import { csvTextAsCells } from '../../scripts/sampleData';
import { agedBalance } from '../../src/ageing/agedBalance';
import { makeBuckets } from '../../src/ageing/ageing';
import { DEFAULT_COLLECTION_CURVE } from '../../src/ageing/collection';
import { currentSample, SAMPLE_AS_OF, sampleShiftDays, shiftIsoDates } from '../../src/commands/sample';
import { readDunningLog } from '../../src/dunning/log';
import { planDunning } from '../../src/dunning/plan';
import { DEFAULT_POLICY } from '../../src/dunning/policy';
import { detectColumns, readLedger } from '../../src/ledger/ledger';
import { formatIsoDate, parseTextDate } from '../../src/primitives/dates';

const SAMPLES = join(__dirname, '..', '..', 'samples');
const committed = {
  ledger: readFileSync(join(SAMPLES, 'ledger.csv'), 'utf8'),
  log: readFileSync(join(SAMPLES, 'dunning-log.csv'), 'utf8'),
};
const sampleDay = parseTextDate(SAMPLE_AS_OF);
// "Today" is an argument: here a year and two days after the sample's own date.
const today = parseTextDate('2026-11-30');

describe('moving ISO dates', () => {
  test.each([
    ['2025-11-28', 367, '2026-11-30'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2025-12-31', 1, '2026-01-01'],
    ['Payé le 2025-06-30', 10, 'Payé le 2025-07-10'],
    ['2025-06-11,Harrington & Cole LLP,2025-06-12', -11, '2025-05-31,Harrington & Cole LLP,2025-06-01'],
  ])('%s moved by %i days is %s', (text, days, moved) => expect(shiftIsoDates(text, days)).toBe(moved));
  test.each([
    'FA-2025-04117',
    'AV-2025-0120',
    'RGL-2025-11-0042',
    '2025-13-01',
    '2025-02-30',
    '12025-11-28',
    '2025-11-280',
    '28/11/2025',
  ])('%s is not a date standing alone: left as it is', (text) => expect(shiftIsoDates(text, 30)).toBe(text));
  test('the shift makes the sample date today, and nothing moves on the sample date itself', () => {
    expect(sampleShiftDays(today)).toBe(367);
    expect(sampleShiftDays(sampleDay)).toBe(0);
    expect(currentSample(committed, sampleDay)).toEqual({ ...committed, shiftDays: 0 });
  });
});

describe('the committed sample, opened on 30 November 2026', () => {
  const moved = currentSample(committed, today);

  test.each(['ledger', 'log'] as const)('every date of the %s moves by the same days, every other cell stays', (file) => {
    const before = parseCsv(committed[file]);
    const after = parseCsv(moved[file]);
    expect(after.length).toBe(before.length);
    let dates = 0;
    before.forEach((row, r) => {
      row.forEach((cell, c) => {
        const now = after[r]?.[c] as string;
        if (/^\d{4}-\d{2}-\d{2}$/.test(cell)) {
          dates++;
          expect(parseTextDate(now) - parseTextDate(cell)).toBe(367);
        } else if (/\d{4}-\d{2}-\d{2}/.test(cell)) {
          // A note holding a date ("Payé le 2025-06-30"): the date inside moves too.
          expect(now).toBe(cell.replace(/\d{4}-\d{2}-\d{2}/g, (iso) => formatIsoDate(parseTextDate(iso) + 367)));
        } else expect(now).toBe(cell);
      });
    });
    expect(dates).toBeGreaterThan(file === 'ledger' ? 336 : 20);
  });

  const read = (sample: { ledger: string; log: string }) => {
    const cells = csvTextAsCells(sample.ledger);
    const ledger = readLedger(cells, detectColumns(cells[0] ?? []), { serialSystem: 'sheets', defaultCurrency: 'EUR' });
    return { ledger, log: readDunningLog(csvTextAsCells(sample.log), DEFAULT_POLICY, 'sheets') };
  };
  const then = read(committed);
  const now = read(moved);

  test('its aged balance today is the one of its own date, line for line', () => {
    const balance = (items: typeof then.ledger.items, asOf: number) =>
      agedBalance(
        items.map((item) => ({ customer: item.customer, currency: item.currency, ageDay: item.dueDay, amount: item.amount })),
        { asOf, buckets: makeBuckets(), curve: DEFAULT_COLLECTION_CURVE },
      );
    const before = balance(then.ledger.items, sampleDay);
    const after = balance(now.ledger.items, today);
    expect(after.lines).toEqual(before.lines);
    expect(after.totals).toEqual(before.totals);
    // Not everything overdue, as the unmoved sample shows a year on.
    expect(after.totals[0]?.overdueShare).toBeLessThan(0.9);
    expect(balance(then.ledger.items, today).totals[0]?.overdueShare).toBe(1);
  });

  test('its dunning plan today chases the same accounts at the same stages, for the same reasons', () => {
    const summary = (sample: typeof then, asOf: number) => {
      const plan = planDunning(sample.ledger.items, sample.log.entries, { asOf, policy: DEFAULT_POLICY });
      return {
        actions: plan.actions.map((a) => [a.customer, a.currency, a.stage?.id, a.amountDue, a.lastSent && asOf - a.lastSent.day]),
        excluded: plan.excluded.map((a) => [a.customer, a.currency, a.exclusion?.code]),
      };
    };
    const before = summary(then, sampleDay);
    expect(before.actions.length).toBeGreaterThan(10);
    expect(summary(now, today)).toEqual(before);
  });
});
