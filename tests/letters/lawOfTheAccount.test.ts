// Letters a French credit manager can sign on today's calendar: the rates of 2026-H2, a rate the
// user enters for a half-year not on file, who the customer is (professional, consumer, public
// body) and where (its country's law), and what the formal notice says. Every amount here is
// computed by hand in the comment above it.

import { type AccountPlan, claimsText, exclusionText, planDunning } from '../../src/dunning/plan';
import { DEFAULT_POLICY, type DunningPolicy, validatePolicy } from '../../src/dunning/policy';
import type { LedgerItem } from '../../src/ledger/ledger';
import { readLedger } from '../../src/ledger/ledger';
import { buildLetter, type LetterOptions } from '../../src/letters/letter';
import { letterToText } from '../../src/letters/render';
import { parseTextDate } from '../../src/primitives/dates';
import { invoice, logged } from '../dunning/fixtures';
import { options } from './sample';

const day = (iso: string) => parseTextDate(iso);
const NBSP = '\u00A0';
const today = day('2026-11-30');

/** One account at the formal notice (the final reminder was logged 20 days ago). */
function formalNotice(items: LedgerItem[], policy: DunningPolicy = DEFAULT_POLICY, asOf = today): AccountPlan {
  const customer = (items[0] as LedgerItem).customer;
  const numbers = items.map((item) => item.invoiceNumber);
  const log = [{ ...logged(customer, 3, asOf - 20, numbers), currency: (items[0] as LedgerItem).currency }];
  const plan = planDunning(items, log, { asOf, policy });
  const account = plan.actions[0];
  if (!account) throw new Error(`no action: ${plan.excluded.map((a) => exclusionText(a, 'en')).join('; ')}`);
  expect(account.stage?.id).toBe('formalNotice');
  return account;
}

const letterOptions = (policy: DunningPolicy, asOf = today): LetterOptions => ({ ...options, policy, asOf });
const text = (account: AccountPlan, policy = DEFAULT_POLICY, asOf = today, language?: 'en' | 'fr') =>
  letterToText(buildLetter(language ? { ...account, language } : account, letterOptions(policy, asOf)));

describe('a French formal notice on 30 November 2026', () => {
  // 10,000 € due 15 June 2026: 15 days of 2026-H1 (16-30 June) at 12.15 % and 153 days of 2026-H2
  // (1 July - 30 November) at 12.40 % (ECB 2.40 % from 17 June 2026 + 10 points):
  // 10 000 × (0.1215 × 15 + 0.1240 × 153) / 365 = 10 000 × 20.7945 / 365 = 569.71.
  const account = formalNotice([
    invoice({ customer: 'Dupont SA', dueDay: day('2026-06-15'), amount: 10_000_00, invoiceNumber: 'F1' }),
  ]);
  const fr = text(account);
  const en = text(account, DEFAULT_POLICY, today, 'en');

  test('claims interest at 12.40 % for the days from 1 July 2026', () => {
    expect(account.interestTotal).toBe(569_71);
    expect(account.penaltyError).toBeNull();
    expect(fr).toContain(`au taux prévu à cet article (12,15${NBSP}% au 1er semestre 2026 ; 12,40${NBSP}% au 2e semestre 2026)`);
    expect(fr).toContain(`elles s’élèvent à 569,71${NBSP}€`);
    expect(en).toContain('(12.15% in H1 2026; 12.40% in H2 2026)');
  });
  test('is a registered letter with acknowledgement of receipt, valant mise en demeure, with one deadline from receipt', () => {
    expect(fr.startsWith('LETTRE RECOMMANDÉE AVEC ACCUSÉ DE RÉCEPTION')).toBe(true);
    expect(fr).toContain('Par la présente, valant mise en demeure, nous vous enjoignons de nous régler');
    expect(fr).toContain('dans un délai de 8 jours à compter de la réception de la présente.');
    // Never a date computed from the letter's date beside a delay counted from its receipt.
    expect(fr).not.toMatch(/soit au plus tard le/);
    expect(en.startsWith('REGISTERED LETTER WITH ACKNOWLEDGEMENT OF RECEIPT')).toBe(true);
    expect(en).toContain('within 8 days of receiving it');
  });
  test('cites the rate of article L441-10, never the "taux légal", from the day after each due date until full payment', () => {
    expect(fr).toContain('Conformément à l’article L441-10 du Code de commerce');
    expect(fr).toContain('à compter du jour suivant la date d’échéance de chaque facture et jusqu’à son complet paiement');
    expect(fr).not.toMatch(/taux légal/);
  });
  test('the 40 € per invoice in a paragraph of its own', () => {
    const paragraph = fr.split('\n\n').find((p) => p.includes('D441-5'));
    expect(paragraph).toBe(
      `En outre, une indemnité forfaitaire pour frais de recouvrement de 40 € est due de plein droit pour chaque facture payée en retard (articles L441-10 et D441-5 du Code de commerce), soit 40,00${NBSP}€ pour 1 facture.`,
    );
  });
  test('does not say that all costs fall on the debtor (CPCE L111-8)', () => {
    for (const letter of [
      fr,
      en,
      text(planCollection(), DEFAULT_POLICY, today),
      text(planCollection(), DEFAULT_POLICY, today, 'en'),
    ]) {
      expect(letter).not.toMatch(/à votre charge|at your expense|charged to you|frais resteront/);
    }
  });
  test('the sender’s legal identity heads the letter', () => {
    const letter = buildLetter(account, letterOptions(DEFAULT_POLICY));
    expect(letter.sender).toEqual({
      name: 'Ateliers Réunis SAS',
      lines: [
        'SAS au capital de 120 000 € — SIREN 812 345 678 — RCS Lyon',
        '14 rue de la Part-Dieu',
        '69003 Lyon',
        'France',
        '+33 4 72 00 00 00',
        'recouvrement@ateliers-reunis.fr',
      ],
    });
  });
});

function planCollection(): AccountPlan {
  const item = invoice({ customer: 'Martin SARL', dueDay: today - 70, amount: 2_000_00, invoiceNumber: 'F9' });
  const account = planDunning([item], [logged('Martin SARL', 4, today - 15, ['F9'])], { asOf: today, policy: DEFAULT_POLICY })
    .actions[0];
  expect(account?.stage?.id).toBe('collection');
  return account as AccountPlan;
}

describe('a half-year the rate table does not cover yet', () => {
  // 1,000 € due 1 December 2026, as of 1 March 2027: 30 days of 2026-H2 (2-31 December) at
  // 12.40 % and 60 days of 2027-H1 (January 31 + February 28 + 1 March), a half-year the
  // shipped table does not cover.
  const asOf = day('2027-03-01');
  const items = [invoice({ customer: 'Durand', dueDay: day('2026-12-01'), amount: 1_000_00, invoiceNumber: 'F1' })];

  test('the formal notice says which rate is missing and where to enter it, and still claims the 40 €', () => {
    const account = formalNotice(items, DEFAULT_POLICY, asOf);
    expect(account.penaltyError?.localized('fr')).toContain('pour le 1er semestre 2027');
    expect(account.penaltyError?.localized('en')).toContain('for 2027-H1');
    expect(account.penaltyError?.localized('fr')).toContain('Relances › Politique › Taux légaux manquants');
    expect(account.penaltyError?.localized('en')).toContain('Dunning › Policy › Statutory rates not on file');
    const letter = text(account, DEFAULT_POLICY, asOf);
    expect(letter).toContain('D441-5');
    expect(letter).not.toContain('Pénalités de retard');
  });
  test('a rate the user entered for that half-year is used', () => {
    // 12.65 % entered for 2027-H1: 1 000 × (0.124 × 30 + 0.1265 × 60) / 365 = 1 000 × 11.31 / 365 = 30.99.
    const policy = validatePolicy({
      ...DEFAULT_POLICY,
      enteredRates: [{ jurisdiction: 'FR', halfYear: '2027-H1', rate: 0.1265 }],
    });
    const account = formalNotice(items, policy, asOf);
    expect(account.penaltyError).toBeNull();
    expect(account.interestTotal).toBe(30_99);
    expect(text(account, policy, asOf)).toContain(`12,65${NBSP}% au 1er semestre 2027`);
  });
  test('the shipped table wins over an entered rate for a half-year it covers', () => {
    const policy = { ...DEFAULT_POLICY, enteredRates: [{ jurisdiction: 'FR' as const, halfYear: '2026-H2', rate: 0.5 }] };
    const account = formalNotice(
      [invoice({ customer: 'Dupont SA', dueDay: day('2026-06-15'), amount: 10_000_00, invoiceNumber: 'F1' })],
      policy,
    );
    expect(account.interestTotal).toBe(569_71);
  });
  test('letters of stages that claim no interest are never affected', () => {
    // A first reminder on 1 March 2027 for an invoice due 30 days before: no rate is needed.
    const plan = planDunning([invoice({ customer: 'Durand', dueDay: asOf - 30, amount: 1_000_00 })], [], {
      asOf,
      policy: DEFAULT_POLICY,
    });
    const account = plan.actions[0] as AccountPlan;
    expect(account.stage?.claimsInterest).toBe(false);
    expect(account.penaltyError).toBeNull();
    expect(() => buildLetter(account, letterOptions(DEFAULT_POLICY, asOf))).not.toThrow();
  });
  test('an entered rate is checked: a percentage, a bad half-year or a duplicate is refused', () => {
    const withRate = (rate: number, halfYear = '2027-H1') => ({
      ...DEFAULT_POLICY,
      enteredRates: [{ jurisdiction: 'FR' as const, halfYear, rate }],
    });
    expect(() => validatePolicy(withRate(12.65))).toThrow(
      'statutory rate for FR 2027-H1: 12.65 looks like a percentage: write 0.1265',
    );
    expect(() => validatePolicy(withRate(0.1265, '2027-S1'))).toThrow('write the half-year as 2027-H1 or 2027-H2');
    const twice = { ...DEFAULT_POLICY, enteredRates: [...withRate(0.12).enteredRates, ...withRate(0.13).enteredRates] };
    expect(() => validatePolicy(twice)).toThrow('entered twice');
  });
});

describe('who the customer is', () => {
  const due = day('2026-06-15');
  test('a consumer gets no 40 € and no L441-10 rate, only legal interest from the formal notice (Code civil 1231-6)', () => {
    const account = formalNotice([
      invoice({ customer: 'M. Leroy', dueDay: due, amount: 800_00, invoiceNumber: 'F1', customerType: 'consumer' }),
    ]);
    expect(account.law.basis.kind).toBe('consumer');
    expect(account.feeTotals).toEqual([]);
    expect(account.interestTotal).toBe(0);
    const letter = text(account);
    expect(letter).not.toMatch(/40 €|D441-5|L441-10|Indemnité|Pénalités/);
    expect(letter).toContain(
      'Conformément à l’article 1231-6 du Code civil, les sommes dues porteront intérêts au taux légal à compter de la présente mise en demeure.',
    );
  });
  test('the default customer type comes from the policy (Settings) when the ledger says nothing', () => {
    const policy = { ...DEFAULT_POLICY, defaultCustomerType: 'consumer' as const };
    const account = formalNotice([invoice({ customer: 'M. Leroy', dueDay: due, amount: 800_00, invoiceNumber: 'F1' })], policy);
    expect(account.feeTotals).toEqual([]);
  });
  test('a French public body owes moratory interest at the ECB rate + 8 points, fixed at the half-year it started, and 40 €', () => {
    // Interest starts on 16 June 2026 (2026-H1: ECB 2.15 % on 1 January + 8 = 10.15 %), fixed for
    // the whole delay (R2192-31): 10 000 × 0.1015 × 168 / 365 = 467.18.
    const account = formalNotice([
      invoice({ customer: 'Mairie de Lyon', dueDay: due, amount: 10_000_00, invoiceNumber: 'F1', customerType: 'publicBody' }),
    ]);
    expect(account.interestTotal).toBe(467_18);
    expect(account.feeTotals).toEqual([{ currency: 'EUR', amount: 40_00 }]);
    const letter = text(account);
    expect(letter).toContain('articles L2192-13 et R2192-31 du Code de la commande publique');
    expect(letter).toContain(`(10,15${NBSP}% pour la facture F1, dont les intérêts courent depuis le 1er semestre 2026)`);
    expect(letter).toContain('articles L2192-13 et D2192-35 du Code de la commande publique');
    expect(letter).not.toContain('L441-10');
  });
  test('a contractual rate below three times the legal interest rate is refused, quoting the floor', () => {
    // 2026-H2: taux de l'intérêt légal (autres cas) 2.75 %, so the floor is 8.25 %.
    const low = { ...DEFAULT_POLICY, explicitRate: 0.05 };
    const account = formalNotice(
      [invoice({ customer: 'Dupont SA', dueDay: day('2026-09-01'), amount: 1_000_00, invoiceNumber: 'F1' })],
      low,
    );
    expect(account.penaltyError?.localized('en')).toBe(
      'the contractual rate 5% is below the floor of article L441-10 of the French Commercial Code for 2026-H2: three times the legal interest rate (2.75%), that is 8.25%; give 8.25% or more in the dunning policy',
    );
    // French numbers and half-year in the French message: « 2,75 % », « le 2e semestre 2026 ».
    expect(account.penaltyError?.localized('fr')).toBe(
      "le taux contractuel de 5\u00A0% est inférieur au plancher de l'article L441-10 du Code de commerce pour le 2e semestre 2026 : trois fois le taux d'intérêt légal (2,75\u00A0%), soit 8,25\u00A0% ; indiquez au moins 8,25\u00A0% dans la politique de relance",
    );
    const atFloor = { ...DEFAULT_POLICY, explicitRate: 0.0825 };
    // 1 000 × 0.0825 × 90 / 365 = 20.34
    const ok = formalNotice(
      [invoice({ customer: 'Dupont SA', dueDay: day('2026-09-01'), amount: 1_000_00, invoiceNumber: 'F1' })],
      atFloor,
    );
    expect(ok.penaltyError).toBeNull();
    expect(ok.interestTotal).toBe(20_34);
    expect(text(ok)).toContain('Conformément à nos conditions générales de vente et à l’article L441-10 du Code de commerce');
  });
});

describe('the law of the customer’s country', () => {
  test('a UK customer gets the Late Payment Act notice in GBP, never a French-law notice', () => {
    // £5,000 due 1 September 2026, 90 days late on 30 November: the UK fixes the rate of the
    // half-year the debt became overdue (Bank Rate 3.75 % on 30 June 2026 + 8 = 11.75 %):
    // 5 000 × 0.1175 × 90 / 365 = 144.86; the fixed sum for £1,000 to £9,999.99 is £70 (s.5A).
    const account = formalNotice([
      invoice({
        customer: 'Thames Ltd',
        dueDay: day('2026-09-01'),
        amount: 5_000_00,
        currency: 'GBP',
        invoiceNumber: 'F1',
        country: 'United Kingdom',
        language: 'en',
      }),
    ]);
    expect(account.law.jurisdiction).toBe('UK');
    expect(account.interestTotal).toBe(144_86);
    expect(account.feeTotals).toEqual([{ currency: 'GBP', amount: 70_00 }]);
    const letter = text(account);
    expect(letter).toContain('Under the Late Payment of Commercial Debts (Interest) Act 1998');
    expect(letter).toContain('(12.40%'.replace('12.40', '11.75'));
    expect(letter).toContain('£70.00 for 1 invoice');
    expect(letter).toContain('The total claimed at 30 November 2026 is therefore £5,214.86.');
    expect(letter).not.toMatch(/€|L441-10|D441-5|Code de commerce/);
  });
  test('an Irish customer is under Directive 2011/7/EU (ECB + 8 points: 10.40 % in 2026-H2)', () => {
    const account = formalNotice([
      invoice({
        customer: 'Liffey Ltd',
        dueDay: day('2026-09-01'),
        amount: 1_000_00,
        invoiceNumber: 'F1',
        country: 'IE',
        language: 'en',
      }),
    ]);
    expect(account.law.jurisdiction).toBe('EU');
    // 1 000 × 0.104 × 90 / 365 = 25.64
    expect(account.interestTotal).toBe(25_64);
    expect(text(account)).toContain('Under Directive 2011/7/EU');
  });
  test('a UK customer invoiced in EUR gets no fixed sum: the Act’s bands are in pounds', () => {
    const account = formalNotice([
      invoice({
        customer: 'Thames Ltd',
        dueDay: day('2026-09-01'),
        amount: 500_00,
        invoiceNumber: 'F1',
        country: 'GB',
        language: 'en',
      }),
    ]);
    // Interest still runs: 500 × 0.1175 × 90 / 365 = 14.49 €.
    expect(account.interestTotal).toBe(14_49);
    expect(account.feeTotals).toEqual([]);
  });
  test('a USD account under French law: the total claimed adds dollars only and lists the euros apart, in the table too', () => {
    // $1,000 due 1 September 2026, 90 days: 1 000 × 0.124 × 90 / 365 = 30.58 $; the fee is 40 €.
    const account = formalNotice([
      invoice({
        customer: 'Acme Inc',
        dueDay: day('2026-09-01'),
        amount: 1_000_00,
        currency: 'USD',
        invoiceNumber: 'F1',
        country: 'US',
      }),
    ]);
    const letter = buildLetter(account, letterOptions(DEFAULT_POLICY));
    expect(letter.totalClaimed).toBe(1_030_58);
    const text = letterToText(letter);
    expect(text).toContain(`La somme réclamée s’élève ainsi, au 30 novembre 2026, à 1${NBSP}030,58${NBSP}$ + 40,00${NBSP}€.`);
    expect(text).toMatch(new RegExp(`Total réclamé\\s+1${NBSP}030,58${NBSP}\\$ \\+ 40,00${NBSP}€`));
  });
  test('a country that is not one of ours follows the policy’s jurisdiction', () => {
    const account = formalNotice([
      invoice({
        customer: 'Acme Inc',
        dueDay: day('2026-09-01'),
        amount: 1_000_00,
        invoiceNumber: 'F1',
        country: 'United States',
      }),
    ]);
    expect(account.law.jurisdiction).toBe('FR');
  });
});

describe('what interest runs on, and a refused rate', () => {
  test('credit notes and payments are set against the oldest invoices before interest is counted', () => {
    // 10,000 € due 11 October 2026 and a credit note of −9,000 €: interest on 1,000 € for 50 days,
    // 1 000 × 0.124 × 50 / 365 = 16.99 (not 169.86 on the gross invoice).
    const account = formalNotice([
      invoice({ customer: 'Dupont SA', dueDay: day('2026-10-11'), amount: 10_000_00, invoiceNumber: 'F1' }),
      invoice({ customer: 'Dupont SA', dueDay: day('2026-10-11'), amount: -9_000_00, invoiceNumber: 'AV1' }),
    ]);
    expect(account.interestTotal).toBe(16_99);
  });
  test('an invoice wholly covered by credits bears neither interest nor fee', () => {
    const account = formalNotice([
      invoice({ customer: 'Dupont SA', dueDay: day('2026-10-01'), amount: 1_000_00, invoiceNumber: 'F1' }),
      invoice({ customer: 'Dupont SA', dueDay: day('2026-10-11'), amount: 2_000_00, invoiceNumber: 'F2' }),
      invoice({ customer: 'Dupont SA', dueDay: day('2026-10-11'), amount: -1_000_00, invoiceNumber: 'AV1' }),
    ]);
    // F1 (the oldest) is covered; F2: 2 000 × 0.124 × 50 / 365 = 33.97, and one 40 € fee.
    expect(account.dunned.map((d) => [d.item.invoiceNumber, d.interest, d.fee?.amount ?? 0])).toEqual([
      ['F1', 0, 0],
      ['F2', 33_97, 40_00],
    ]);
  });
  test('the floor is checked for every half-year on file, even when the delay starts before the table', () => {
    // Due 1 June 2022, before the legal-rate table (2023-H1: 2.06 %, floor 6.18 %): 3 % is refused.
    const low = { ...DEFAULT_POLICY, explicitRate: 0.03 };
    const account = formalNotice(
      [invoice({ customer: 'Dupont SA', dueDay: day('2022-06-01'), amount: 1_000_00, invoiceNumber: 'F1' })],
      low,
    );
    expect(account.penaltyError?.localized('en')).toContain(
      'for 2023-H1: three times the legal interest rate (2.06%), that is 6.18%',
    );
  });
  test('a refused contractual rate: the letter states the law’s rate without an amount, never an empty rate', () => {
    const low = { ...DEFAULT_POLICY, explicitRate: 0.05 };
    const account = formalNotice(
      [invoice({ customer: 'Dupont SA', dueDay: day('2026-09-01'), amount: 1_000_00, invoiceNumber: 'F1' })],
      low,
    );
    const letter = text(account, low);
    expect(letter).toContain(
      'Conformément à l’article L441-10 du Code de commerce, des pénalités de retard sont exigibles de plein droit, sans qu’un rappel soit nécessaire, au taux prévu à cet article, à compter du jour suivant',
    );
    expect(letter).not.toMatch(/au taux de ,|au taux de {2}/);
  });
  test('a contractual rate below the floor: the plan and the letter agree — no interest, the 40 € per invoice still claimed (D441-5)', () => {
    // Six invoices 90 days late, a contractual rate of 5 % (the floor for 2026-H2 is 8.25 %).
    const low = { ...DEFAULT_POLICY, explicitRate: 0.05 };
    const items = [1, 2, 3, 4, 5, 6].map((n) =>
      invoice({ customer: 'Dupont SA', dueDay: day('2026-09-01'), amount: n * 100_00, invoiceNumber: `F${n}` }),
    );
    const account = formalNotice(items, low);
    expect(account.penaltyError?.code).toBe('rateBelowFloor');
    // By hand: 6 × 40 € = 240 €; no interest.
    expect(account.feeTotals).toEqual([{ currency: 'EUR', amount: 240_00 }]);
    expect(claimsText(account, 'en')).toBe('interest not claimed + €240.00');
    expect(claimsText(account, 'fr')).toBe(`pénalités de retard non réclamées + 240,00${NBSP}€`);
    const letter = buildLetter(account, letterOptions(low));
    // 100 + 200 + … + 600 = 2 100 € of debt, + 240 € of fees, no interest.
    expect(letter.totalClaimed).toBe(2_100_00 + 240_00);
    expect(letterToText(letter)).toContain(`soit 240,00${NBSP}€ pour 6 factures.`);
    // With a rate the law accepts, the plan shows the interest and the same fees.
    const fair = { ...DEFAULT_POLICY, explicitRate: 0.1 };
    expect(claimsText(formalNotice(items, fair), 'en')).toMatch(/^€\d+\.\d\d \+ €240\.00$/);
  });
  test('a contractual rate under German law does not cite the French Code de commerce', () => {
    const policy = { ...DEFAULT_POLICY, explicitRate: 0.12 };
    const account = formalNotice(
      [invoice({ customer: 'Berlin GmbH', dueDay: day('2026-09-01'), amount: 1_000_00, invoiceNumber: 'F1', country: 'DE' })],
      policy,
    );
    const letter = text(account, policy);
    expect(letter).toContain('Conformément à nos conditions générales de vente, des pénalités de retard');
    expect(letter).not.toContain('L441-10');
  });
});

describe('the formal notice with interest off', () => {
  test('the fee paragraph stands on its own', () => {
    const policy: DunningPolicy = {
      ...DEFAULT_POLICY,
      stages: DEFAULT_POLICY.stages.map((stage) => (stage.id === 'formalNotice' ? { ...stage, claimsInterest: false } : stage)),
    };
    const account = formalNotice(
      [invoice({ customer: 'Dupont SA', dueDay: day('2026-09-01'), amount: 1_000_00, invoiceNumber: 'F1' })],
      policy,
    );
    const letter = text(account, policy);
    expect(letter).toContain('En outre, une indemnité forfaitaire pour frais de recouvrement de 40 € est due de plein droit');
    expect(letter).not.toContain('pénalités de retard sont exigibles');
    expect(letter).toContain(`La somme réclamée s’élève ainsi, au 30 novembre 2026, à 1${NBSP}040,00${NBSP}€.`);
  });
});

describe('courtesy reminders and what is overdue', () => {
  test('an account with a late invoice gets no courtesy reminder, only the first reminder when it is due', () => {
    // 3 days late and another invoice due in 2 days: the first reminder starts at 10 days, on 7 December.
    const plan = planDunning(
      [
        invoice({ customer: 'Petit', dueDay: today - 3, amount: 300_00, invoiceNumber: 'F1' }),
        invoice({ customer: 'Petit', dueDay: today + 2, amount: 200_00, invoiceNumber: 'F2' }),
      ],
      [],
      { asOf: today, policy: DEFAULT_POLICY },
    );
    expect(plan.actions).toEqual([]);
    expect(exclusionText(plan.excluded[0] as AccountPlan, 'fr')).toBe(
      'en retard de 3 jours ; la première relance commence à 10 jours de retard (7 décembre 2026)',
    );
  });
  test('a courtesy reminder lists only invoices not yet due, and its total is what comes due', () => {
    const account = planDunning([invoice({ customer: 'Petit', dueDay: today + 3, amount: 200_00, invoiceNumber: 'F2' })], [], {
      asOf: today,
      policy: DEFAULT_POLICY,
    }).actions[0] as AccountPlan;
    expect(account.stage?.id).toBe('courtesy');
    expect(account.overdueAmount).toBe(0);
    const letter = text(account);
    expect(letter).toContain(`la facture suivante, d’un montant de 200,00${NBSP}€, arrive prochainement à échéance`);
    expect(letter).toContain('Total à échoir');
    expect(letter).not.toContain('Total échu');
  });
  test('"Total échu" counts only overdue items', () => {
    // 1,000 € 15 days late and 500 € not yet due: the first reminder claims 1,000 €.
    const account = planDunning(
      [
        invoice({ customer: 'Petit', dueDay: today - 15, amount: 1_000_00, invoiceNumber: 'F1' }),
        invoice({ customer: 'Petit', dueDay: today + 20, amount: 500_00, invoiceNumber: 'F2' }),
      ],
      [],
      { asOf: today, policy: DEFAULT_POLICY },
    ).actions[0] as AccountPlan;
    expect(account.overdueAmount).toBe(1_000_00);
    const letter = buildLetter(account, letterOptions(DEFAULT_POLICY));
    expect(letter.subject).toBe(`Relance — 1${NBSP}000,00${NBSP}€ échus`);
    expect(letterToText(letter)).toContain(`Total échu  1${NBSP}000,00${NBSP}€`);
  });
});

describe('the statement of account', () => {
  // Overdue 1,000 + not yet due 500 + credit note −100 + payment −200 = balance 1,200.
  const items = [
    invoice({ customer: 'Roux', dueDay: today - 40, amount: 1_000_00, invoiceNumber: 'FA-1' }),
    invoice({ customer: 'Roux', dueDay: today + 10, amount: 500_00, invoiceNumber: 'FA-2' }),
    invoice({ customer: 'Roux', dueDay: today - 5, amount: -100_00, invoiceNumber: 'AV-1' }),
    invoice({ customer: 'Roux', dueDay: today - 2, amount: -200_00, invoiceNumber: 'RGL-1' }),
  ];
  const statement = (list: LedgerItem[], extra: Partial<LetterOptions> = {}) => {
    const account = planDunning(list, [], { asOf: today, policy: DEFAULT_POLICY }).actions[0] as AccountPlan;
    return buildLetter(account, { ...letterOptions(DEFAULT_POLICY), kind: 'statement', ...extra });
  };
  const money = (text: string) => `${text}${NBSP}€`;

  test('overdue, not yet due, credit notes and payments on separate lines that add up to the balance', () => {
    const table = statement(items).blocks.find((block) => block.kind === 'table');
    expect(table?.kind === 'table' && table.table.totals).toEqual([
      ['Total échu', money(`1${NBSP}000,00`)],
      ['Non échu', money('500,00')],
      ['Avoirs', money('-100,00')],
      ['Règlements non lettrés', money('-200,00')],
      ['Solde du compte', money(`1${NBSP}200,00`)],
    ]);
    const rows = table?.kind === 'table' ? table.table.rows : [];
    expect(rows.find((row) => row[0] === 'RGL-1')?.[5]).toBe('Règlement');
    expect(rows.find((row) => row[0] === 'AV-1')?.[5]).toBe('Avoir');
  });
  test('a document-type column decides over the number; the payment prefixes are a setting', () => {
    const typed = items.map((item) => (item.invoiceNumber === 'AV-1' ? { ...item, documentType: 'payment' as const } : item));
    const table = statement(typed).blocks.find((block) => block.kind === 'table');
    expect(table?.kind === 'table' && table.table.totals[2]).toEqual(['Règlements non lettrés', money('-300,00')]);
    // AV is a payment prefix here; RGL-1, which no prefix and no label explains any more, is
    // called neutrally rather than a credit note.
    const prefixes = statement(items, { paymentPrefixes: ['AV'] }).blocks.find((block) => block.kind === 'table');
    expect(prefixes?.kind === 'table' && prefixes.table.totals.slice(2, 4)).toEqual([
      ['Règlements non lettrés', money('-100,00')],
      ['Crédits non lettrés', money('-200,00')],
    ]);
  });
});

describe('the sender', () => {
  const account = planDunning([invoice({ customer: 'Petit', dueDay: today - 25, amount: 1_000_00 })], [], {
    asOf: today,
    policy: DEFAULT_POLICY,
  }).actions[0] as AccountPlan;
  test('letters are refused while the company’s name, address or IBAN is empty, saying what to fill in', () => {
    const blank = { ...options.company, name: '', iban: '' };
    expect(() => buildLetter(account, { ...letterOptions(DEFAULT_POLICY), company: blank })).toThrow(
      'letters need your company’s name, IBAN (the letters ask for a transfer): fill them in Settings › Your company; nothing was generated or logged',
    );
    try {
      buildLetter(account, { ...letterOptions(DEFAULT_POLICY), company: { ...options.company, address: ' ' } });
      throw new Error('not refused');
    } catch (error) {
      expect((error as { localized: (l: 'fr') => string }).localized('fr')).toBe(
        'les lettres ont besoin de l’adresse de votre société, à renseigner dans Paramètres › Votre société ; rien n’a été produit ni journalisé',
      );
    }
  });
  test('no IBAN is needed when the template asks for no transfer', () => {
    const templates = options.templates.map((t) => ({ ...t, body: t.body.replaceAll('{{company_iban}}', '') }));
    expect(() =>
      buildLetter(account, { ...letterOptions(DEFAULT_POLICY), templates, company: { ...options.company, iban: '' } }),
    ).not.toThrow();
  });
});

describe('the ledger says who the customer is', () => {
  test('customer type and country columns, in French', () => {
    const ledger = readLedger(
      [
        ['Client', 'Échéance', 'Montant', 'Type client', 'Pays'],
        ['Leroy', '2026-10-01', '100', 'Particulier', 'France'],
        ['Mairie', '2026-10-01', '100', 'Collectivité', 'FR'],
        ['Thames', '2026-10-01', '100', '', 'Royaume-Uni'],
        ['X', '2026-10-01', '100', 'Martien', ''],
      ],
      { customer: 0, dueDate: 1, amount: 2, customerType: 3, country: 4 },
      { serialSystem: 'excel1900', defaultCurrency: 'EUR' },
    );
    expect(ledger.items.map((item) => [item.customerType, item.country])).toEqual([
      ['consumer', 'France'],
      ['publicBody', 'FR'],
      [null, 'Royaume-Uni'],
    ]);
    expect(ledger.skipped[0]?.error.localized('fr')).toContain(
      "« Martien » n'est pas un type de client : écrivez professionnel, particulier ou organisme public",
    );
  });
});

describe('an invoice partly covered by a payment', () => {
  // 12,450 € due 14 August 2026, and a payment of 3,120.50 € not matched to any invoice: set
  // against the oldest invoice, it leaves 9,329.50 € owed. Interest runs on what is owed, from
  // 15 August to 30 November 2026 (108 days, all in 2026-H2 at 12.40 %):
  // 9 329,50 × 0,1240 × 108 / 365 = 342,30.
  const account = formalNotice([
    invoice({ customer: 'Dupont', dueDay: day('2026-08-14'), amount: 12_450_00, invoiceNumber: 'FA-0412' }),
    invoice({ customer: 'Dupont', dueDay: day('2026-10-02'), amount: -3_120_50, invoiceNumber: 'RG-0101' }),
  ]);
  const table = (language: 'en' | 'fr') => {
    const block = buildLetter({ ...account, language }, letterOptions(DEFAULT_POLICY)).blocks.find(
      (candidate) => candidate.kind === 'table',
    );
    if (block?.kind !== 'table') throw new Error('no table');
    return block.table;
  };

  test('each line shows what is still owed beside the invoice amount, and its interest is owed × rate × days', () => {
    expect(account.dunned[0]?.owed).toBe(9_329_50);
    expect(account.dunned[0]?.interest).toBe(Math.round((9_329_50 * 0.124 * 108) / 365));
    expect(account.dunned[0]?.interest).toBe(342_30);
    const fr = table('fr');
    const owedColumn = fr.headers.indexOf('Net après avoirs');
    const interestColumn = fr.headers.indexOf('Pénalités');
    expect(owedColumn).toBe(fr.headers.indexOf('Reste dû') + 1);
    const row = fr.rows.find((cells) => cells[0] === 'FA-0412') ?? [];
    expect(row[fr.headers.indexOf('Reste dû')]).toBe(`12${NBSP}450,00${NBSP}€`);
    expect(row[owedColumn]).toBe(`9${NBSP}329,50${NBSP}€`);
    expect(row[interestColumn]).toBe(`342,30${NBSP}€`);
    // Every row has a cell under every header, the payment's included.
    for (const cells of fr.rows) expect(cells).toHaveLength(fr.headers.length);
    expect(table('en').headers).toContain('Net of credits');
  });

  test('an account with no credits keeps the table without the column', () => {
    const plain = formalNotice([invoice({ customer: 'Dupont', dueDay: day('2026-08-14'), amount: 12_450_00 })]);
    const block = buildLetter(plain, letterOptions(DEFAULT_POLICY)).blocks.find((candidate) => candidate.kind === 'table');
    expect(block?.kind === 'table' && block.table.headers).not.toContain('Net après avoirs');
  });
});

describe('credits in the letter’s sentence', () => {
  test('the first reminder states the credits taken into account as a positive sum', () => {
    const account = planDunning(
      [
        invoice({ customer: 'Garage', dueDay: today - 12, amount: 5_000_00, invoiceNumber: 'FA-9' }),
        invoice({ customer: 'Garage', dueDay: today - 10, amount: -1_200_00, invoiceNumber: 'AV-9' }),
      ],
      [],
      { asOf: today, policy: DEFAULT_POLICY },
    ).actions[0] as AccountPlan;
    const fr = text(account);
    expect(fr).toContain(`pour 1${NBSP}200,00${NBSP}€`);
    expect(fr).not.toContain('pour -');
    expect(text(account, DEFAULT_POLICY, today, 'en')).toContain('your open credit notes and payments, €1,200.00.');
  });
});
