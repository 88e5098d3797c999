// A formal notice to a French public body: the interest is at one rate per invoice, fixed for
// the whole delay (Code de la commande publique R2192-31: the ECB rate in force on the first day
// of the half-year in which that invoice's interest began to run, + 8 points), and the letter
// says which rate applies to which invoices, never a rate per half-year as if it changed. The
// remedy is the administrative judge's référé-provision (Code de justice administrative R541-1)
// after a prior claim (R421-1), not the civil injonction de payer (Code de procédure civile 1405).

import { planDunning } from '../../src/dunning/plan';
import { DEFAULT_POLICY } from '../../src/dunning/policy';
import { DEFAULT_TEMPLATES } from '../../src/letters/defaultTemplates';
import { buildLetter, type Letter } from '../../src/letters/letter';
import { letterToText } from '../../src/letters/render';
import { templatesFromSheet } from '../../src/letters/templateSheet';
import { dayFromCalendar } from '../../src/primitives/dates';
import type { Language } from '../../src/primitives/messages';
import { invoice, logged } from '../dunning/fixtures';
import { options } from './sample';

const TODAY = dayFromCalendar(2026, 11, 30);
// Interest begins the day after the due date: 16 May and 11 June 2026 (1st half-year), and
// 2 September 2026 (2nd half-year).
const items = (customerType: 'publicBody' | 'professional') => [
  invoice({
    customer: 'Commune de Villeurbanne',
    invoiceNumber: 'F-1',
    dueDay: dayFromCalendar(2026, 5, 15),
    amount: 10_000_00,
    customerType,
  }),
  invoice({
    customer: 'Commune de Villeurbanne',
    invoiceNumber: 'F-2',
    dueDay: dayFromCalendar(2026, 6, 10),
    amount: 2_000_00,
    customerType,
  }),
  invoice({
    customer: 'Commune de Villeurbanne',
    invoiceNumber: 'F-3',
    dueDay: dayFromCalendar(2026, 9, 1),
    amount: 5_000_00,
    customerType,
  }),
];

function letter(
  language: Language,
  customerType: 'publicBody' | 'professional' = 'publicBody',
  log = [] as ReturnType<typeof logged>[],
): { letter: Letter; text: string } {
  const [account] = planDunning(items(customerType), log, { asOf: TODAY, policy: DEFAULT_POLICY }).actions;
  if (!account) throw new Error('no account to chase');
  const made = buildLetter({ ...account, language }, { ...options, asOf: TODAY });
  return { letter: made, text: letterToText(made).replace(/\s+/g, ' ') };
}

/** Interest at `percent` for `days` days on `euros`, in cents, by hand (actual/365). */
const cents = (euros: number, percent: number, days: number) => Math.round((euros * 100 * percent * days) / 36_500);

describe('formal notice to a French public body', () => {
  test('French: one rate per group of invoices, the amounts at those rates, the administrative judge', () => {
    const { letter: made, text } = letter('fr');
    expect(made.stageId).toBe('formalNotice');
    // The ECB main refinancing rate in force on 1 January 2026 was 2,15 %, on 1 July 2026 2,40 %
    // (src/penalties/statutory-rates.json, with its sources): + 8 points.
    expect(text).toContain(
      'au taux de la Banque centrale européenne en vigueur au premier jour du semestre au cours duquel ils ont commencé à courir, majoré de huit points, ce taux restant fixe pour toute la durée du retard (10,15 % pour les factures F-1 et F-2, dont les intérêts courent depuis le 1er semestre 2026 ; 10,40 % pour la facture F-3, dont les intérêts courent depuis le 2e semestre 2026)',
    );
    expect(text).not.toMatch(/% au (1er|2e) semestre/);
    // F-1: 199 days at 10.15 % all along (not 10.40 % from July); F-2: 173 days; F-3: 90 days at 10.40 %.
    const total = cents(10_000, 10.15, 199) + cents(2_000, 10.15, 173) + cents(5_000, 10.4, 90);
    expect(text).toContain(
      `F-1 15/04/2026 15/05/2026 199 10 000,00 € ${(cents(10_000, 10.15, 199) / 100).toFixed(2).replace('.', ',')} €`,
    );
    expect(text).toContain(`ils s’élèvent à ${(total / 100).toFixed(2).replace('.', ',')} €`);
    expect(text).toContain(
      'La présente vaut également demande préalable de paiement au sens de l’article R421-1 du Code de justice administrative. À défaut de règlement intégral dans ce délai, nous saisirons sans autre avis le tribunal administratif compétent, notamment d’une demande de provision en référé (article R541-1 du Code de justice administrative).',
    );
    expect(text).not.toContain('injonction de payer');
  });

  test('English: the same rates per invoice and the same remedy', () => {
    const { text } = letter('en');
    expect(text).toContain(
      'at the European Central Bank rate in force on the first day of the half-year in which it began to run, plus eight points, that rate remaining fixed for the whole delay (10.15% for invoices F-1 and F-2, whose interest has run since H1 2026; 10.40% for invoice F-3, whose interest has run since H2 2026)',
    );
    expect(text).toContain(
      'This letter is also our prior claim for payment within the meaning of article R421-1 of the French Code of Administrative Justice. If payment in full has not reached us within this period, we will bring proceedings before the competent administrative court without further notice, including an application for an interim payment (référé-provision, article R541-1 of that Code).',
    );
  });

  test('the referral after the formal notice names the administrative court too, in both languages', () => {
    const notice = [logged('Commune de Villeurbanne', 4, TODAY - 20, ['F-1', 'F-2', 'F-3'])];
    expect(DEFAULT_POLICY.stages[4]?.id).toBe('formalNotice');
    const fr = letter('fr', 'publicBody', notice);
    expect(fr.letter.stageId).toBe('collection');
    expect(fr.text).toContain(
      'qui saisira le tribunal administratif compétent, notamment d’une demande de provision en référé (article R541-1 du Code de justice administrative).',
    );
    expect(fr.text).not.toContain('injonction de payer');
    expect(letter('en', 'publicBody', notice).text).toContain(
      'who will bring proceedings before the competent administrative court, including an application for an interim payment (référé-provision, article R541-1 of the French Code of Administrative Justice).',
    );
  });
});

test('a French company still gets the injonction de payer and the L441-10 rates per half-year', () => {
  const { text } = letter('fr', 'professional');
  expect(text).toContain('notamment par voie d’injonction de payer.');
  expect(text).not.toContain('R541-1');
  expect(text).toContain('(12,15 % au 1er semestre 2026 ; 12,40 % au 2e semestre 2026)');
});

test('a templates sheet holding the previous formal notice and referral word for word reads as the new ones', () => {
  // The sentences as the previous defaults had them, put back into today's defaults.
  const sentences: Array<[RegExp, string]> = [
    [/\{\{#if is_french_public_body\}\}This letter is also[^{]*\{\{else\}\}([^{]*)\{\{\/if\}\}/, '$1'],
    [/\{\{#if is_french_public_body\}\}La présente vaut également[^{]*\{\{else\}\}([^{]*)\{\{\/if\}\}/, '$1'],
    [/competent \{\{#if is_french_public_body\}\}[^{]*\{\{else\}\}court\{\{\/if\}\}\./, 'competent court.'],
    [/saisira \{\{#if is_french_public_body\}\}[^{]*\{\{else\}\}([^{]*)\{\{\/if\}\}\./, 'saisira $1.'],
  ];
  const before = (body: string) => sentences.reduce((text, [now, then]) => text.replace(now, then), body);
  const changed = DEFAULT_TEMPLATES.filter((template) => template.body.includes('is_french_public_body'));
  expect(changed.map((t) => `${t.stageId} ${t.language}`).sort()).toEqual([
    'collection en',
    'collection fr',
    'formalNotice en',
    'formalNotice fr',
  ]);
  const rows = [
    ['stage', 'name', 'language', 'subject', 'body'],
    ...changed.map((t) => [t.stageId, '', t.language, t.subject, before(t.body)]),
  ];
  for (const row of rows.slice(1)) expect(row[4]).not.toContain('public_body');
  expect(templatesFromSheet(rows)).toEqual(changed);
});
