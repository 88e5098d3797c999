// A message about many accounts is said once: "Interest is not claimed for 99 accounts" is
// followed by one sentence naming how many accounts and the first few, not by the same sentence
// 99 times. IBM's public sample (tests/data) aged at 30 September 2013, a half-year the
// statutory table does not cover, read without its paid-date column (as a ledger that keeps no
// payment dates would be): its accounts reach the formal notice, which claims interest.

import { readFileSync } from 'node:fs';
import { IBM_SAMPLE } from '../../scripts/csv';
import { planDunning } from '../../src/dunning/plan';
import { DEFAULT_POLICY } from '../../src/dunning/policy';
import { detectSeparator, parseDelimited } from '../../src/ledger/csv';
import { detectColumns, readLedger } from '../../src/ledger/ledger';
import { calendarFromDay, parseTextDate } from '../../src/primitives/dates';
import { halfYearText } from '../../src/primitives/localeText';
import { AgeBucketError, accountsText, groupMessages } from '../../src/primitives/messages';

describe('identical messages about many accounts are grouped', () => {
  test('IBM as of 2013-09-30: one sentence for every account whose interest has no rate', async () => {
    const asOf = parseTextDate('2013-09-30');
    const text = readFileSync(IBM_SAMPLE, 'utf8');
    const rows = parseDelimited(text, detectSeparator(text));
    const { paidDate: _paid, ...detected } = detectColumns(rows[0] ?? []);
    // Its customers are named by their account numbers (customerID), as the import does.
    const customer = detected.customerCode;
    if (customer === undefined) throw new Error('the IBM sample has no customerID column');
    const items = readLedger(
      rows,
      { ...detected, customer },
      {
        serialSystem: 'excel1900',
        defaultCurrency: 'EUR',
        localeDateOrder: 'monthFirst',
        asOf,
      },
    ).items;
    const plan = planDunning(items, [], { asOf, policy: DEFAULT_POLICY });
    const unclaimed = plan.actions.filter((a) => a.penaltyError !== null);
    // Every account the plan sends a stage that claims interest, counted apart from the errors.
    const claiming = plan.actions.filter((a) => a.stage?.claimsInterest && a.dunned.some((d) => d.daysOverdue > 0));
    expect(unclaimed.length).toBe(claiming.length);
    expect(unclaimed.length).toBeGreaterThan(3);
    // The raw messages differ by a date each: that is why the pane said them one by one.
    const raw = new Set(unclaimed.map((a) => a.penaltyError?.localized('en')));
    expect(raw.size).toBeGreaterThan(1);
    const entries = unclaimed.map((a) => ({ account: a.customer, error: a.penaltyError as AgeBucketError }));
    // The oracle: interest runs from the day after each due date, and the plan reports the
    // latest overdue invoice's missing half-year (the first one its interest needs); accounts
    // sharing it share one message.
    const expected = new Map<string, string[]>();
    for (const a of unclaimed) {
      const latest = a.dunned.filter((d) => d.daysOverdue > 0).reduce((x, y) => (y.item.dueDay > x.item.dueDay ? y : x));
      const { year, month } = calendarFromDay(latest.item.dueDay + 1);
      const halfYear = `${year}-H${month <= 6 ? 1 : 2}`;
      expected.set(halfYear, [...(expected.get(halfYear) ?? []), a.customer]);
    }
    for (const language of ['en', 'fr'] as const) {
      const groups = groupMessages(entries, language);
      // Each language writes the half-year its way: 2013-H2, « le 2e semestre 2013 ».
      const found = groups.map((g) => [
        /for (\d{4}-H[12])|pour le (\S+ semestre \d{4})/.exec(g.text)?.slice(1).join(''),
        g.accounts,
      ]);
      expect(found.sort()).toEqual(
        [...expected.entries()].map(([half, accounts]) => [halfYearText(half, language), accounts]).sort(),
      );
      // Each sentence once, however many accounts it concerns.
      expect(new Set(groups.map((g) => g.text)).size).toBe(groups.length);
    }
    const groups = groupMessages(entries, 'en');
    const largest = groups.reduce((a, b) => (b.accounts.length > a.accounts.length ? b : a));
    expect(largest.accounts.length).toBeGreaterThan(3);
    expect(largest.text).toBe(
      'no statutory FR rate is on file for 2013-H2; rates cover 2022-H1 to 2026-H2: enter the rate in force in the pane, Dunning › Policy › Statutory rates not on file (it is saved in the workbook)',
    );
    const n = largest.accounts.length;
    const [a, b, c] = largest.accounts;
    expect(accountsText(largest.accounts, 'en')).toBe(`${n} accounts: ${a}, ${b}, ${c} and ${n - 3} more`);
    expect(accountsText(largest.accounts, 'fr')).toBe(`${n} comptes : ${a}, ${b}, ${c} et ${n - 3} autres`);
  });

  test('different half-years, or different messages, stay apart; an account is named once', () => {
    const missing = (halfYear: string, date: string) =>
      new AgeBucketError('rateNotCovered', { jurisdiction: 'FR', halfYear, date, first: '2022-H1', last: '2026-H2' });
    const groups = groupMessages(
      [
        { account: 'A', error: missing('2027-H1', '2027-02-01') },
        { account: 'B', error: missing('2027-H1', '2027-03-09') },
        { account: 'A', error: missing('2027-H1', '2027-04-01') },
        { account: 'C', error: missing('2027-H2', '2027-08-01') },
        { account: 'D', error: new AgeBucketError('jurisdictionUnknown', { value: 'XX' }) },
      ],
      'en',
    );
    expect(groups.map((g) => [g.text.slice(0, 48), g.accounts])).toEqual([
      ['no statutory FR rate is on file for 2027-H1; rat', ['A', 'B']],
      ['no statutory FR rate is on file for 2027-H2; rat', ['C']],
      ['jurisdiction "XX" is not known: use FR, EU, DE o', ['D']],
    ]);
    expect(accountsText(['A'], 'en')).toBe('1 account: A');
    expect(accountsText(['A', 'B'], 'fr')).toBe('2 comptes : A, B');
  });
});
