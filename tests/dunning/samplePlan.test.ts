// The dunning run on the sample ledger and log as of 28 November 2025, checked account by
// account against figures worked out by hand from samples/ledger.csv and dunning-log.csv.
import { readSample, sampleAsOf } from '../../scripts/sampleData';
import { callList } from '../../src/dunning/callList';
import { exclusionText, planDunning, planNotes } from '../../src/dunning/plan';
import { DEFAULT_POLICY } from '../../src/dunning/policy';

const { ledger, log } = readSample();
const plan = planDunning(ledger.items, log.entries, { asOf: sampleAsOf, policy: DEFAULT_POLICY });
const account = (customer: string) => [...plan.actions, ...plan.excluded].find((a) => a.customer === customer);

test('every row of the sample is read and every account is either chased or explained', () => {
  expect(ledger.items).toHaveLength(336);
  expect(ledger.skipped).toEqual([]);
  expect(log.entries).toHaveLength(37);
  expect(plan.actions.length + plan.excluded.length).toBe(40);
  expect(plan.excluded.every((a) => exclusionText(a, 'en') !== '' && exclusionText(a, 'fr') !== '')).toBe(true);
});

test('Association Les Amis du Rail: its formal notice (24 days ago) covered three of its five invoices, so the formal notice again, for all five', () => {
  const a = account('Association Les Amis du Rail');
  expect(a?.lastSent?.stage.id).toBe('formalNotice');
  expect(sampleAsOf - (a?.lastSent?.day ?? 0)).toBe(24);
  // dunning-log.csv: the only Mise en demeure row (2025-11-04) lists 04113, 04126 and 04127;
  // 04163 and 04181 were never reminded. "Notre mise en demeure est restée sans effet" above
  // all five would be false for two of them: collection waits, the formal notice covers all.
  expect(a?.targetStage?.id).toBe('collection');
  expect(a?.stage?.id).toBe('formalNotice');
  expect(a?.heldBack?.without).toEqual(['FA-2025-04163', 'FA-2025-04181']);
  expect(planNotes(a as NonNullable<typeof a>, 'fr')).toContain(
    'le journal des relances ne montre pas de mise en demeure pour FA-2025-04163, FA-2025-04181 : mise en demeure d’abord, pour toutes les factures du compte — la lettre « Contentieux » y fait référence',
  );
  // No reminder of the log covers all five: the letter cites none.
  expect(a?.lastReminder).toBeNull();
  // five undisputed overdue invoices: 10 791.01 + 780.43 + 8 117.45 + 4 405.10 + 73.77
  expect(a?.amountDue).toBe(24_167_76);
  expect(a?.dunned.map((d) => d.item.invoiceNumber)).toEqual([
    'FA-2025-04113',
    'FA-2025-04126',
    'FA-2025-04127',
    'FA-2025-04163',
    'FA-2025-04181',
  ]);
  // 2025-H2 at 12.15 %: 269.41 + 11.43 + 118.89 + 20.53 + 0.34
  expect(a?.interestTotal).toBe(420_60);
  expect(a?.feeTotals).toEqual([{ currency: 'EUR', amount: 200_00 }]);
  // three disputed invoices are listed apart and not claimed
  expect(a?.disputed.map((i) => i.invoiceNumber)).toEqual(['FA-2025-04128', 'FA-2025-04135', 'FA-2025-04154']);
});

test('Pharmacie Centrale: its June cycle was paid, so it starts again at the first reminder', () => {
  const a = account('Pharmacie Centrale');
  expect(a?.lastSent).toBeNull();
  expect(a?.stage?.id).toBe('first');
});

test('Optique Muller: reminded 9 days ago, waits for the 10-day interval', () => {
  expect(exclusionText(account('Optique Muller') as NonNullable<ReturnType<typeof account>>, 'en')).toBe(
    'reminded 9 days ago (First reminder, 19 November 2025); next reminder possible on 29 November 2025',
  );
});

test('Boulangerie Martin SARL: held by a promise to pay', () => {
  expect(exclusionText(account('Boulangerie Martin SARL') as NonNullable<ReturnType<typeof account>>, 'fr')).toBe(
    "promesse de paiement jusqu'au 18 décembre 2025",
  );
});

test('the worklist is in priority order and the call list holds the phone stage', () => {
  // Within each currency in priority order (amount in minor units × days of the oldest).
  for (const currency of new Set(plan.actions.map((a) => a.currency))) {
    const priorities = plan.actions.filter((a) => a.currency === currency).map((a) => a.priority);
    expect(priorities).toEqual([...priorities].sort((x, y) => y - x));
  }
  const calls = callList(plan, { company: 'Ateliers Réunis SAS', defaultLanguage: 'fr' });
  expect(calls.map((c) => c.customer)).toEqual(plan.actions.filter((a) => a.stage?.id === 'second').map((a) => a.customer));
  const harrington = calls.find((c) => c.customer === 'Harrington & Cole LLP');
  expect(harrington?.language).toBe('en');
  expect(harrington?.script).toMatch(/^Hello, this is .* from Ateliers Réunis SAS\. I am calling about/);
  const gauthier = calls.find((c) => c.customer === 'Électricité Gauthier');
  expect(gauthier?.script).toMatch(/^Bonjour, ici .*, d’Ateliers Réunis SAS\. Je vous appelle au sujet d/);
  expect(gauthier?.phone).toMatch(/^\+33/);
});
