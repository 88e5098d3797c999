// A formal notice under the Late Payment of Commercial Debts (Interest) Act 1998: each invoice's
// interest runs at one rate for the whole delay, 8 % over the Bank of England base rate in force
// on the 31 December or 30 June immediately before the interest starts to run (Act s.4(2); Late
// Payment of Commercial Debts (Rate of Interest) (No. 3) Order 2002, SI 2002/1675, art. 4). The
// letter states one fixed rate per group of invoices, never a rate per half-year as if it moved.
// Base rates (src/penalties/statutory-rates.json, with sources): 31 December 2024 4.75 %, 30 June
// 2025 4.25 %, 30 June 2026 3.75 %.

import { planDunning } from '../../src/dunning/plan';
import { DEFAULT_POLICY } from '../../src/dunning/policy';
import { buildLetter } from '../../src/letters/letter';
import { letterToText } from '../../src/letters/render';
import { dayFromCalendar } from '../../src/primitives/dates';
import type { Language } from '../../src/primitives/messages';
import { invoice, logged } from '../dunning/fixtures';
import { options } from './sample';

const TODAY = dayFromCalendar(2026, 11, 30);
const uk = (invoiceNumber: string, dueDay: number, amount: number) =>
  invoice({ customer: 'Thames Ltd', invoiceNumber, dueDay, amount, currency: 'GBP', country: 'United Kingdom' });
// A: due 31 May 2025, interest from 1 June 2025 (H1 2025: 4.75 % + 8 = 12.75 %).
// B: due 30 June 2025, interest from 1 July 2025 (H2 2025: 4.25 % + 8 = 12.25 %), the edge where
//    the due date is in one half-year and the interest starts in the next.
// C: due 1 September 2026, interest from 2 September 2026 (H2 2026: 3.75 % + 8 = 11.75 %).
// D: due 15 October 2026, same half-year as C, so listed with it.
const items = [
  uk('A', dayFromCalendar(2025, 5, 31), 2_000_00),
  uk('B', dayFromCalendar(2025, 6, 30), 1_000_00),
  uk('C', dayFromCalendar(2026, 9, 1), 5_000_00),
  uk('D', dayFromCalendar(2026, 10, 15), 800_00),
];

/** Simple interest in pence by hand: pounds × percent × days / 365, half up (no tie arises here). */
const pence = (pounds: number, percent: number, days: number) => Math.round((pounds * percent * days) / 365);

function notice(language: Language) {
  const log = [{ ...logged('Thames Ltd', 3, TODAY - 20, ['A', 'B', 'C', 'D']), currency: 'GBP' }];
  const [account] = planDunning(items, log, { asOf: TODAY, policy: DEFAULT_POLICY }).actions;
  if (!account) throw new Error('no account to chase');
  expect(account.stage?.id).toBe('formalNotice');
  expect(account.law.jurisdiction).toBe('UK');
  const letter = buildLetter({ ...account, language }, { ...options, asOf: TODAY });
  return { account, text: letterToText(letter).replace(/\s+/g, ' ') };
}

// Days from the day after the due date to 30 November 2026 inclusive, counted by hand:
// A: 31 May 2025 → 31 May 2026 = 365, then June 30 + July 31 + August 31 + September 30 +
//    October 31 + November 30 = 183: 548 days. B: 30 June 2025 → 30 June 2026 = 365, + 153 = 518.
// C: 1 September → 30 November 2026 = 30 + 31 + 30 = 91 − 1 = 90 (2 September to 30 November).
// D: 15 October → 30 November 2026 = 16 + 30 = 46.
const EXPECTED = {
  A: pence(2_000_00, 0.1275, 548), // 2000 × 12.75 % × 548 / 365 = 382.85
  B: pence(1_000_00, 0.1225, 518), // 1000 × 12.25 % × 518 / 365 = 173.85
  C: pence(5_000_00, 0.1175, 90), //  5000 × 11.75 % × 90 / 365 = 144.86
  D: pence(800_00, 0.1175, 46), //     800 × 11.75 % × 46 / 365 = 11.85
};

test('the hand computation itself: four invoices, rates fixed at the half-year their interest began', () => {
  expect(EXPECTED).toEqual({ A: 382_85, B: 173_85, C: 144_86, D: 11_85 });
});

test('each invoice is charged at its one fixed rate for the whole delay', () => {
  const { account } = notice('en');
  const byNumber = new Map(account.dunned.map((d) => [d.item.invoiceNumber, d.interest]));
  expect(Object.fromEntries(byNumber)).toEqual(EXPECTED);
  expect(account.interestTotal).toBe(EXPECTED.A + EXPECTED.B + EXPECTED.C + EXPECTED.D);
});

test('English: one fixed rate per group of invoices, named by its reference date, and the amounts', () => {
  const { text } = notice('en');
  expect(text).toContain(
    "statutory interest runs from the day after each invoice's due date until full payment, at eight per cent over the Bank of England base rate in force on the 31 December or 30 June before it began to run, that rate remaining fixed for the whole delay (12.75% for invoice A, set by the base rate on 31 December 2024; 12.25% for invoice B, set by the base rate on 30 June 2025; 11.75% for invoices C and D, set by the base rate on 30 June 2026); as at 30 November 2026 it amounts to £713.41.",
  );
  expect(EXPECTED.A + EXPECTED.B + EXPECTED.C + EXPECTED.D).toBe(713_41);
  expect(text).not.toMatch(/% in H[12] \d{4}/);
  expect(text).toContain('A 01/05/2025 31/05/2025 548 £2,000.00 £382.85');
  expect(text).toContain('B 31/05/2025 30/06/2025 518 £1,000.00 £173.85');
});

test('French: the same groups and reference dates, interest in the masculine', () => {
  const { text } = notice('fr');
  expect(text).toContain(
    'ce taux restant fixe pour toute la durée du retard (12,75 % pour la facture A, taux fixé par le taux de base du 31 décembre 2024 ; 12,25 % pour la facture B, taux fixé par le taux de base du 30 juin 2025 ; 11,75 % pour les factures C et D, taux fixé par le taux de base du 30 juin 2026) ; arrêtés au 30 novembre 2026, ils s’élèvent à 713,41 £.',
  );
  expect(text).not.toMatch(/% au (1er|2e) semestre/);
});
