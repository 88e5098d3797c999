// The sample made current: Preview and the demo move its dates forward by whole months so that
// it is as of the latest 28th up to today, and recompute every due date from its terms. Whatever
// the day it is opened, each due date must be what its payment terms give (a newcomer checks one
// with =DUEDATE), nothing may be dated after today, and the dunning log must still fit the
// invoices it chased.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '../../scripts/csv';
import { csvTextAsCells } from '../../scripts/sampleData';
import { agedBalance } from '../../src/ageing/agedBalance';
import { makeBuckets } from '../../src/ageing/ageing';
import { DEFAULT_COLLECTION_CURVE } from '../../src/ageing/collection';
import { currentSample, SAMPLE_AS_OF, sampleShiftMonths, shiftIsoDates } from '../../src/commands/sample';
import { readDunningLog } from '../../src/dunning/log';
import { planDunning } from '../../src/dunning/plan';
import { DEFAULT_POLICY } from '../../src/dunning/policy';
import { detectColumns, readLedger } from '../../src/ledger/ledger';
import { parseTextDate } from '../../src/primitives/dates';

const SAMPLES = join(__dirname, '..', '..', 'samples');
const committed = {
  ledger: readFileSync(join(SAMPLES, 'ledger.csv'), 'utf8'),
  log: readFileSync(join(SAMPLES, 'dunning-log.csv'), 'utf8'),
};
const sampleDay = parseTextDate(SAMPLE_AS_OF);
// "Today" is an argument: here the day a newcomer opened Preview.
const today = parseTextDate('2026-11-30');

// The oracle, written apart from the core: calendar arithmetic with UTC `Date`s (safe here: a
// UTC date has no time-zone shift) and the sample's term wordings read by hand.
const MS_PER_DAY = 86_400_000;
const utc = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);
const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const plusDays = (date: string, days: number): string => iso(utc(date) + days * MS_PER_DAY);
const monthEnd = (date: string): string => {
  const d = new Date(utc(date));
  return iso(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0));
};
const ORACLE: Record<string, (invoice: string) => string> = {
  comptant: (d) => d,
  '30 jours': (d) => plusDays(d, 30),
  '60 jours': (d) => plusDays(d, 60),
  '30 days': (d) => plusDays(d, 30),
  'net 45': (d) => plusDays(d, 45),
  // "N jours fin de mois" read the default way: N days, then the end of that month.
  '30 jours fin de mois': (d) => monthEnd(plusDays(d, 30)),
  '45 jours fin de mois': (d) => monthEnd(plusDays(d, 45)),
  '30 EOM': (d) => monthEnd(plusDays(d, 30)),
  // "fin de mois + 45": the end of the invoice's month, then 45 days.
  'fin de mois + 45': (d) => plusDays(monthEnd(d), 45),
};
/** The same day of the month `months` later, or that month's last day when it is shorter. */
const oracleAddMonths = (date: string, months: number): string => {
  const d = new Date(utc(date));
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months + 1, 0)).getUTCDate();
  return iso(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, Math.min(d.getUTCDate(), last)));
};

const records = (text: string): Array<Record<string, string>> => {
  const [header = [], ...rows] = parseCsv(text);
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] ?? ''])));
};

describe('moving dates by whole months', () => {
  test.each([
    ['2025-11-28', 12, '2026-11-28'],
    ['2025-08-30', 12, '2026-08-30'],
    ['2025-01-31', 1, '2025-02-28'],
    ['2027-01-31', 13, '2028-02-29'],
    ['2025-08-31', 1, '2025-09-30'],
    ['2025-11-28', -21, '2024-02-28'],
    ['Payé le 2025-06-30', 2, 'Payé le 2025-08-30'],
    ['2025-06-11,Harrington & Cole LLP,2025-12-31', 2, '2025-08-11,Harrington & Cole LLP,2026-02-28'],
  ])('%s moved by %i months is %s', (text, months, moved) => expect(shiftIsoDates(text, months)).toBe(moved));
  test.each([
    'FA-2025-04117',
    'AV-2025-0120',
    'RGL-2025-11-0042',
    '2025-13-01',
    '2025-02-30',
    '12025-11-28',
    '2025-11-280',
    '28/11/2025',
  ])('%s is not a date standing alone: left as it is', (text) => expect(shiftIsoDates(text, 3)).toBe(text));
  test.each([
    ['2026-11-30', 12],
    ['2026-11-28', 12],
    ['2026-11-27', 11],
    ['2025-11-28', 0],
    ['2025-11-27', -1],
    ['2027-02-27', 14],
    ['2028-02-29', 27],
  ])('opened on %s the sample moves by %i months (the latest 28th up to that day)', (day, months) => {
    expect(sampleShiftMonths(parseTextDate(day))).toBe(months);
    expect(oracleAddMonths(SAMPLE_AS_OF, months) <= day).toBe(true);
    expect(oracleAddMonths(SAMPLE_AS_OF, months + 1) > day).toBe(true);
  });
  test('nothing moves on the sample date itself', () => {
    expect(currentSample(committed, sampleDay)).toEqual({ ...committed, shiftMonths: 0, movedAsOf: sampleDay });
    // The terminal demo moves the ledger alone.
    expect(currentSample({ ledger: committed.ledger, log: '' }, today).log).toBe('');
  });
});

// Today; the sample's own date; month ends; the day before a 28th (a month's move is nearly a
// whole month short); a leap day and the month after it; a day before the sample was written.
describe.each(['2026-11-30', SAMPLE_AS_OF, '2026-12-27', '2027-01-31', '2027-02-27', '2028-02-29', '2028-03-31', '2024-02-29'])(
  'the sample opened on %s',
  (day) => {
    const opened = parseTextDate(day);
    const moved = currentSample(committed, opened);
    const months = sampleShiftMonths(opened);
    const ledger = records(moved.ledger);
    const before = records(committed.ledger);
    const log = records(moved.log);

    test('every due date is what the row’s payment terms give from its invoice date', () => {
      expect(ledger.length).toBe(336);
      for (const row of ledger) {
        const terms = ORACLE[row['Conditions de paiement'] ?? ''];
        if (!terms) throw new Error(`The test has no oracle for the terms "${row['Conditions de paiement']}"`);
        expect([row['N° facture'], row.Échéance]).toEqual([row['N° facture'], terms(row['Date facture'] ?? '')]);
      }
    });

    test('every other date moved by the same whole months, every other cell stayed', () => {
      before.forEach((row, r) => {
        for (const [name, cell] of Object.entries(row)) {
          const now = ledger[r]?.[name];
          if (name === 'Échéance') continue;
          if (/^\d{4}-\d{2}-\d{2}$/.test(cell)) expect(now).toBe(oracleAddMonths(cell, months));
          else expect(now).toBe(cell);
        }
      });
      const due = new Map(ledger.map((row) => [row['N° facture'], row.Échéance ?? '']));
      records(committed.log).forEach((row, r) => {
        for (const [name, cell] of Object.entries(row)) {
          const moveAll = (text: string) => text.replace(/\d{4}-\d{2}-\d{2}/g, (date) => oracleAddMonths(date, months));
          if (name !== 'Factures') expect(log[r]?.[name]).toBe(moveAll(cell));
        }
        // A reminder names the invoices of its list already overdue on its moved date.
        const sent = oracleAddMonths(row.Date ?? '', months);
        const named = (row.Factures ?? '').split(' ').filter((n) => n !== '' && (due.get(n) ?? '') < sent);
        expect(log[r]?.Factures).toBe(named.join(' '));
      });
    });

    test('the plan as of that day sends every stage of the policy, the collection letter included', () => {
      const cells = csvTextAsCells(moved.ledger);
      const items = readLedger(cells, detectColumns(cells[0] ?? []), { serialSystem: 'sheets', defaultCurrency: 'EUR' }).items;
      const entries = readDunningLog(csvTextAsCells(moved.log), DEFAULT_POLICY, 'sheets').entries;
      const plan = planDunning(items, entries, { asOf: opened, policy: DEFAULT_POLICY });
      const sent = new Set(plan.actions.map((account) => account.stage?.id));
      expect(DEFAULT_POLICY.stages.map((stage) => [stage.id, sent.has(stage.id)])).toEqual(
        DEFAULT_POLICY.stages.map((stage) => [stage.id, true]),
      );
      // The account whose formal notice, naming all its overdue invoices, ran out 16 days before
      // the sample's date: referred for collection, its five invoices listed.
      const collection = plan.actions.find((account) => account.stage?.id === 'collection');
      expect(collection?.customer).toBe('Serrurerie Bonnet');
      expect(collection?.dunned).toHaveLength(5);
    });

    test('nothing is invoiced or logged after that day, and each reminder chased invoices already due', () => {
      expect(ledger.every((row) => (row['Date facture'] ?? '') <= day)).toBe(true);
      expect(log.length).toBeGreaterThan(20);
      const due = new Map(ledger.map((row) => [row['N° facture'], row.Échéance ?? '']));
      for (const row of log) {
        expect((row.Date ?? '') <= day).toBe(true);
        for (const invoice of (row.Factures ?? '').split(' ').filter((n) => due.has(n))) {
          expect([invoice, (due.get(invoice) ?? '') < (row.Date ?? '')]).toEqual([invoice, true]);
        }
      }
    });
  },
);

describe('the committed sample, opened on 30 November 2026', () => {
  const moved = currentSample(committed, today);

  test('it is the sample a year on, as of 28 November 2026, two days before today', () => {
    expect(moved.shiftMonths).toBe(12);
    expect(moved.movedAsOf).toBe(parseTextDate('2026-11-28'));
    // The invoice a newcomer checked: 30 August under "fin de mois + 45" is due on 15 October.
    const invoice = records(moved.ledger).find((row) => row['N° facture'] === 'FA-2025-04139');
    expect([invoice?.['Date facture'], invoice?.['Conditions de paiement'], invoice?.Échéance]).toEqual([
      '2026-08-30',
      'fin de mois + 45',
      '2026-10-15',
    ]);
  });

  const read = (sample: { ledger: string; log: string }) => {
    const cells = csvTextAsCells(sample.ledger);
    const ledger = readLedger(cells, detectColumns(cells[0] ?? []), { serialSystem: 'sheets', defaultCurrency: 'EUR' });
    return { ledger, log: readDunningLog(csvTextAsCells(sample.log), DEFAULT_POLICY, 'sheets') };
  };
  const then = read(committed);
  const now = read(moved);
  const balance = (items: typeof then.ledger.items, asOf: number) =>
    agedBalance(
      items.map((item) => ({ customer: item.customer, currency: item.currency, ageDay: item.dueDay, amount: item.amount })),
      { asOf, buckets: makeBuckets(), curve: DEFAULT_COLLECTION_CURVE },
    );
  const summary = (sample: typeof then, asOf: number) => {
    const plan = planDunning(sample.ledger.items, sample.log.entries, { asOf, policy: DEFAULT_POLICY });
    return {
      actions: plan.actions.map((a) => [a.customer, a.currency, a.stage?.id, a.amountDue, a.lastSent && asOf - a.lastSent.day]),
      excluded: plan.excluded.map((a) => [a.customer, a.currency, a.exclusion?.code]),
    };
  };

  test('as of its moved date its aged balance and plan are those of its own date (2026 has the months of 2025)', () => {
    const before = balance(then.ledger.items, sampleDay);
    const after = balance(now.ledger.items, moved.movedAsOf);
    expect(after.lines).toEqual(before.lines);
    expect(after.totals).toEqual(before.totals);
    expect(after.totals[0]?.overdueShare).toBeLessThan(0.9);
    // Not everything overdue, as the unmoved sample shows a year on.
    expect(balance(then.ledger.items, today).totals[0]?.overdueShare).toBe(1);
    const plan = summary(then, sampleDay);
    expect(plan.actions.length).toBeGreaterThan(10);
    expect(summary(now, moved.movedAsOf)).toEqual(plan);
  });

  test('today each account’s days overdue are counted from the due dates its terms give', () => {
    const plan = planDunning(now.ledger.items, now.log.entries, { asOf: today, policy: DEFAULT_POLICY });
    const lefevre = [...plan.actions, ...plan.excluded].find((a) => a.customer === 'Transports Lefèvre SAS');
    // FA-2025-04139, due 15 October 2026: 46 days late on 30 November (not 44, nor 16).
    expect(lefevre?.oldestDaysOverdue).toBe(46);
    const items = [...plan.actions, ...plan.excluded].flatMap((a) => a.dunned);
    expect(items.length).toBeGreaterThan(50);
    const due = new Map(records(moved.ledger).map((row) => [row['N° facture'], row.Échéance ?? '']));
    for (const { item, daysOverdue } of items) {
      expect(daysOverdue).toBe((utc('2026-11-30') - utc(due.get(item.invoiceNumber) ?? '')) / MS_PER_DAY);
    }
  });
});
