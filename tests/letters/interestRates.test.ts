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

/**
 * The text of each half-year's L441-10 rate (ECB main refinancing rate + 10 points, as
 * src/penalties/statutory-rates.json records it with its sources), written out by hand as a
 * letter must print it: two decimals, a decimal comma and a no-break space before % in French.
 */
const RATE_TEXT: Readonly<Record<string, { en: string; fr: string }>> = {
  '2022-H1': { en: '10.00% in H1 2022', fr: '10,00\u00a0% au 1er semestre 2022' },
  '2022-H2': { en: '10.00% in H2 2022', fr: '10,00\u00a0% au 2e semestre 2022' },
  '2023-H1': { en: '12.50% in H1 2023', fr: '12,50\u00a0% au 1er semestre 2023' },
  '2023-H2': { en: '14.00% in H2 2023', fr: '14,00\u00a0% au 2e semestre 2023' },
  '2024-H1': { en: '14.50% in H1 2024', fr: '14,50\u00a0% au 1er semestre 2024' },
  '2024-H2': { en: '14.25% in H2 2024', fr: '14,25\u00a0% au 2e semestre 2024' },
  '2025-H1': { en: '13.15% in H1 2025', fr: '13,15\u00a0% au 1er semestre 2025' },
  '2025-H2': { en: '12.15% in H2 2025', fr: '12,15\u00a0% au 2e semestre 2025' },
};

/** The half-years every invoice's interest runs in, each invoice worked out on its own, as the letter must name them. */
function ratesByScan(account: Parameters<typeof interestRateText>[0], language: 'en' | 'fr'): string {
  const halfYears = new Set<string>();
  for (const dunned of account.dunned) {
    if (dunned.daysOverdue <= 0) continue;
    for (const period of itemInterest(account.law, dunned.item.amount, dunned.item.dueDay, AS_OF, DEFAULT_POLICY).periods)
      halfYears.add(period.halfYear);
  }
  return [...halfYears]
    .sort()
    .map((halfYear) => {
      const text = RATE_TEXT[halfYear];
      if (text === undefined) throw new Error(`no literal rate text for ${halfYear}`);
      return text[language];
    })
    .join(language === 'fr' ? ' ; ' : '; ');
}

test('the rates are printed as a letter writes them: 12,40 % au 2e semestre 2026, 12.40% in H2 2026', () => {
  // Due 31 May 2026, as of 30 November 2026: interest runs from 1 June, so in both half-years
  // of 2026 (12.15 % then 12.40 %: ECB 2.15 % and 2.40 % + 10 points, L441-10).
  const asOf = dayFromCalendar(2026, 11, 30);
  const ledger = [invoice({ customer: 'Dupont SA', dueDay: dayFromCalendar(2026, 5, 31), amount: 1_000_00 })];
  const account = planDunning(ledger, [], { asOf, policy: DEFAULT_POLICY }).actions[0];
  if (account === undefined) throw new Error('the invoice should be chased');
  expect(interestRateText(account, { ...options, asOf }, 'fr')).toBe(
    '12,15\u00a0% au 1er semestre 2026 ; 12,40\u00a0% au 2e semestre 2026',
  );
  expect(interestRateText(account, { ...options, asOf }, 'en')).toBe('12.15% in H1 2026; 12.40% in H2 2026');
});

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
