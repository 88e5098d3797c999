// What the caller says, in French as a French speaker says it: « d’Ateliers », « d’une facture »
// (the typographic apostrophe, as in the letters),
// and no « dont la plus ancienne » when there is only one.
import { callDetails, callList, deElided } from '../../src/dunning/callList';
import { planDunning } from '../../src/dunning/plan';
import { DEFAULT_POLICY } from '../../src/dunning/policy';
import { parseTextDate } from '../../src/primitives/dates';
import { invoice } from './fixtures';

const asOf = parseTextDate('2026-11-30');

test('"de" elides before a vowel or a mute h, not before a consonant or an aspirated h', () => {
  expect(deElided('Ateliers Réunis SAS')).toBe('d’Ateliers Réunis SAS');
  expect(deElided('Électricité Gauthier')).toBe('d’Électricité Gauthier');
  expect(deElided('Hôtel de la Gare')).toBe('d’Hôtel de la Gare');
  expect(deElided('IBM France')).toBe('d’IBM France');
  expect(deElided('Brightwater Ltd')).toBe('de Brightwater Ltd');
  expect(deElided('Hachette Livre')).toBe('de Hachette Livre');
  expect(deElided('Yoplait')).toBe('de Yoplait');
});

describe('the script of a call at the phone stage (22 days overdue: second reminder, letter and call)', () => {
  const due = asOf - 22; // 8 November 2026
  const items = [
    invoice({ customer: 'Dupont SA', dueDay: due, amount: 1_200_00, invoiceNumber: 'F-101' }),
    invoice({ customer: 'Martin SARL', dueDay: due, amount: 500_00, invoiceNumber: 'F-201' }),
    invoice({ customer: 'Martin SARL', dueDay: due + 2, amount: 300_00, invoiceNumber: 'F-202' }),
    invoice({ customer: 'Harrington & Cole', dueDay: due, amount: 900_00, invoiceNumber: 'H-1', language: 'en' }),
  ];
  const plan = planDunning(items, [], { asOf, policy: DEFAULT_POLICY });
  const calls = callList(plan, { company: 'Ateliers Réunis SAS', defaultLanguage: 'fr' });
  const script = (customer: string) => calls.find((call) => call.customer === customer)?.script;

  test('one invoice: « d’une facture échue », its number and due date, no « la plus ancienne »', () => {
    expect(script('Dupont SA')).toBe(
      'Bonjour, ici Claire Petit, d’Ateliers Réunis SAS. Je vous appelle au sujet d’une facture échue (n° F-101), pour un montant de 1\u00A0200,00\u00A0€, qui était à régler le 8 novembre 2026. Pouvez-vous me dire quand le paiement sera effectué ? Y a-t-il un point qui bloque le règlement ?',
    );
  });
  test('two invoices: their count, the total and the oldest', () => {
    expect(script('Martin SARL')).toBe(
      'Bonjour, ici Claire Petit, d’Ateliers Réunis SAS. Je vous appelle au sujet de 2 factures échues, pour un total de 800,00\u00A0€, dont la plus ancienne (n° F-201) était à régler le 8 novembre 2026. Pouvez-vous me dire quand le paiement sera effectué ? Y a-t-il un point qui bloque le règlement ?',
    );
  });
  test('in English, one invoice is "an overdue invoice", not "the oldest of which"', () => {
    expect(script('Harrington & Cole')).toBe(
      'Hello, this is Claire Petit from Ateliers Réunis SAS. I am calling about an overdue invoice (no. H-1) for €900.00, which was due on 8 November 2026. Could you tell me when payment will be made? Is anything holding it up?',
    );
  });
});

describe('the line under a call’s heading leaves out what the ledger does not give', () => {
  const due = asOf - 22;
  const items = [
    invoice({ customer: 'Sans Contact SARL', dueDay: due, amount: 700_00, invoiceNumber: 'F-9', phone: null, owner: null }),
    invoice({ customer: 'Dupont SA', dueDay: due, amount: 1_200_00, invoiceNumber: 'F-101' }),
  ];
  const plan = planDunning(items, [], { asOf, policy: DEFAULT_POLICY });
  const calls = callList(plan, { company: 'Ateliers Réunis SAS', defaultLanguage: 'fr' });
  const details = (customer: string, language: 'en' | 'fr') => {
    const call = calls.find((c) => c.customer === customer);
    if (!call) throw new Error(`${customer} is not on the call list`);
    return callDetails(call, language === 'fr' ? 'Téléphone' : 'Phone', language, () => '08/11/2026');
  };
  test('no phone and no owner: only the invoice, no « Téléphone : — · · »', () => {
    expect(details('Sans Contact SARL', 'fr')).toBe('F-9 (08/11/2026)');
  });
  test('all three, with the colon each language writes', () => {
    expect(details('Dupont SA', 'fr')).toBe('Téléphone\u00A0: +33 1 23 45 67 89 · Claire Petit · F-101 (08/11/2026)');
    expect(details('Dupont SA', 'en')).toBe('Phone: +33 1 23 45 67 89 · Claire Petit · F-101 (08/11/2026)');
  });
});

describe('the script of a call for an account with no owner (a Sage ledger has no owner column)', () => {
  const due = asOf - 22;
  const items = [
    invoice({ customer: 'Garage Lemaire', dueDay: due, amount: 700_00, invoiceNumber: 'F-9', owner: null }),
    invoice({ customer: 'Kingsley Ltd', dueDay: due, amount: 700_00, invoiceNumber: 'K-9', owner: '  ', language: 'en' }),
  ];
  const plan = planDunning(items, [], { asOf, policy: DEFAULT_POLICY });
  const script = (customer: string, company = 'Ateliers Réunis SAS') =>
    callList(plan, { company, defaultLanguage: 'fr' }).find((call) => call.customer === customer)?.script ?? '';

  test('French: the company’s accounts department, no comma before « d’Ateliers », typographic apostrophes', () => {
    expect(script('Garage Lemaire')).toMatch(
      /^Bonjour, ici le service comptabilité d’Ateliers Réunis SAS\. Je vous appelle au sujet d’une facture/,
    );
    expect(script('Garage Lemaire', 'Brightwater Ltd')).toMatch(/^Bonjour, ici le service comptabilité de Brightwater Ltd\. /);
    expect(script('Garage Lemaire')).not.toContain("'");
  });
  test('English: the accounts department of the company', () => {
    expect(script('Kingsley Ltd')).toMatch(
      /^Hello, this is the accounts department of Ateliers Réunis SAS\. I am calling about an overdue invoice/,
    );
  });
  test('no company name set: the department alone, no dangling « de »', () => {
    expect(script('Garage Lemaire', '')).toMatch(/^Bonjour, ici le service comptabilité\. Je vous appelle/);
    expect(script('Kingsley Ltd', '')).toMatch(/^Hello, this is the accounts department\. I am calling/);
  });
});
