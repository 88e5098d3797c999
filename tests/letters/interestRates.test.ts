// The letter names the rates its interest was computed at, per half-year. It works each due
// date out once, however many invoices share it: checked here against working out every
// invoice, over invoices sharing due dates, credit notes and zero amounts, across half-years.
import fc from 'fast-check';
import { planDunning } from '../../src/dunning/plan';
import { DEFAULT_POLICY } from '../../src/dunning/policy';
import { interestRateText } from '../../src/letters/letter';
import { itemInterest } from '../../src/penalties/accountPenalties';
import { dayFromCalendar } from '../../src/primitives/dates';
import { invoice } from '../dunning/fixtures';
import { options } from './sample';

const AS_OF = dayFromCalendar(2025, 11, 28);

/** The rates of every invoice's periods, each invoice worked out on its own (the text's first form). */
function ratesByScan(account: Parameters<typeof interestRateText>[0], language: 'en' | 'fr'): string {
  const percent = (rate: { mul: (n: number) => { toFixed: (d: number) => string } }) => {
    const text = rate.mul(100).toFixed(2);
    return language === 'fr' ? `${text.replace('.', ',')}\u00a0%` : `${text}%`;
  };
  const halfYear = (text: string) =>
    language === 'fr'
      ? `au ${text.endsWith('H1') ? '1er' : '2e'} semestre ${text.slice(0, 4)}`
      : `in ${text.endsWith('H1') ? 'H1' : 'H2'} ${text.slice(0, 4)}`;
  const rates = new Map<string, string>();
  for (const dunned of account.dunned) {
    if (dunned.daysOverdue <= 0) continue;
    for (const period of itemInterest(account.law, dunned.item.amount, dunned.item.dueDay, AS_OF, DEFAULT_POLICY).periods)
      rates.set(`${period.halfYear} ${period.rate}`, `${percent(period.rate)} ${halfYear(period.halfYear)}`);
  }
  return [...rates.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, text]) => text)
    .join(language === 'fr' ? ' ; ' : '; ');
}

test('the rates named are those of every invoice worked out on its own', () => {
  // Due dates from a few month ends (shared) and scattered days, back to 2023.
  const dueDay = fc.oneof(
    fc.constantFrom(...[30, 61, 91, 183, 214, 365, 500, 700].map((days) => AS_OF - days)),
    fc.integer({ min: AS_OF - 1000, max: AS_OF + 20 }),
  );
  const amount = fc.oneof(fc.integer({ min: 1, max: 5_000_000 }), fc.constantFrom(0, -1500_00));
  const items = fc.array(fc.record({ dueDay, amount, currency: fc.constantFrom('EUR', 'GBP') }), {
    minLength: 1,
    maxLength: 12,
  });
  fc.assert(
    fc.property(items, fc.constantFrom('en' as const, 'fr' as const), (rows, language) => {
      const ledger = rows.map((row, index) =>
        invoice({ customer: 'Dupont SA', ...row, invoiceNumber: `F-${index}`, invoiceDay: row.dueDay - 30 }),
      );
      const plan = planDunning(ledger, [], { asOf: AS_OF, policy: DEFAULT_POLICY });
      for (const account of [...plan.actions, ...plan.excluded]) {
        expect(interestRateText(account, { ...options, asOf: AS_OF }, language)).toBe(ratesByScan(account, language));
      }
    }),
    { numRuns: 300 },
  );
});
