// A letter never states that an earlier step happened unless the dunning log shows it. The
// collection letter opens "Our formal notice has remained without effect" / "Notre mise en
// demeure est restée sans effet": its stage refers to the formal notice, and the plan sends the
// formal notice first whenever the log does not show one for every invoice the letter lists —
// on a first run above all, where the age alone would call for collection.
// Default policy: first reminder day 10, second 20, final 30, formal notice 45, collection 60.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withStageIndex } from '../../src/dunning/logEntries';
import { sentEntries } from '../../src/dunning/outcomes';
import { type AccountPlan, planDunning, planNotes } from '../../src/dunning/plan';
import { completePolicy, DEFAULT_POLICY, type DunningPolicy, validatePolicy } from '../../src/dunning/policy';
import { importLedgerFile } from '../../src/ledger/import';
import type { LedgerItem } from '../../src/ledger/ledger';
import { DEFAULT_TEMPLATES } from '../../src/letters/defaultTemplates';
import { buildLetter, type CompanyDetails } from '../../src/letters/letter';
import { letterToText } from '../../src/letters/render';
import { type DayNumber, parseTextDate } from '../../src/primitives/dates';
import type { Language } from '../../src/primitives/messages';
import { invoice, logged } from './fixtures';

const day = (iso: string) => parseTextDate(iso);
const COMPANY: CompanyDetails = {
  name: 'Ateliers Réunis',
  legalForm: 'SAS au capital de 50 000 €',
  address: '14 rue de la Part-Dieu, 69003 Lyon',
  registration: 'RCS Lyon 812 345 678',
  iban: 'FR76 3000 6000 0112 3456 7890 189',
  email: '',
  phone: '',
  city: 'Lyon',
  signatoryName: 'Marie Lefort',
  signatoryTitle: 'Directrice financière',
};
const COLLECTION = 4 + 1;
const FORMAL_NOTICE = 4;

/** Sentences that state an earlier letter was sent: each needs the log to show it. */
const CLAIMS_OF_A_PAST_STEP: ReadonlyArray<{ text: RegExp }> = [
  { text: /formal notice has remained/i },
  { text: /mise en demeure est restée/i },
  { text: /despite our reminder|our reminder of|our reminders|previous reminders/i },
  { text: /malgré (notre|nos) relance|notre relance du|nos précédentes relances/i },
];

function letterText(account: AccountPlan, asOf: DayNumber, language: Language, policy = DEFAULT_POLICY): string {
  return letterToText(
    buildLetter(
      { ...account, language },
      { company: COMPANY, policy, asOf, defaultLanguage: language, templates: DEFAULT_TEMPLATES },
    ),
  );
}

function only(items: LedgerItem[], log: ReturnType<typeof logged>[], asOf: DayNumber, policy: DunningPolicy = DEFAULT_POLICY) {
  const plan = planDunning(items, log, { asOf, policy });
  expect(plan.actions).toHaveLength(1);
  return plan.actions[0] as AccountPlan;
}

describe('first run: never beyond the formal notice', () => {
  const asOf = day('2026-11-30');
  const F1 = invoice({ customer: 'Dupont SA', invoiceNumber: 'F1', dueDay: asOf - 75, amount: 4_000_00 });

  test('75 days late with no log rows: the formal notice, and the plan says why in EN and FR', () => {
    const account = only([F1], [], asOf);
    expect(account.targetStage?.id).toBe('collection');
    expect(account.startRule).toBe('firstRunAge');
    expect(account.stage?.id).toBe('formalNotice');
    expect(account.heldBack?.wanted.id).toBe('collection');
    expect(account.heldBack?.missing.id).toBe('formalNotice');
    expect(planNotes(account, 'en')).toContain(
      'first letter for these invoices: formal notice first — the “Collection” letter refers to it',
    );
    expect(planNotes(account, 'fr')).toContain(
      'première lettre pour ces factures : mise en demeure d’abord — la lettre « Contentieux » y fait référence',
    );
  });

  test('its letter is the formal notice, and states no earlier letter', () => {
    const account = only([F1], [], asOf);
    const en = letterText(account, asOf, 'en');
    const fr = letterText(account, asOf, 'fr');
    expect(en).toContain('REGISTERED LETTER WITH ACKNOWLEDGEMENT OF RECEIPT');
    expect(fr).toContain('valant mise en demeure');
    for (const claim of CLAIMS_OF_A_PAST_STEP) {
      expect(en).not.toMatch(claim.text);
      expect(fr).not.toMatch(claim.text);
    }
  });

  test('once the log shows the formal notice for these invoices, collection follows', () => {
    const log = [logged('Dupont SA', FORMAL_NOTICE, asOf - 15, ['F1'])];
    const account = only([F1], log, asOf);
    expect(account.stage?.id).toBe('collection');
    expect(account.heldBack).toBeNull();
    expect(letterText(account, asOf, 'fr')).toContain('Notre mise en demeure est restée sans effet');
  });

  test('a formal notice about some invoices only: the formal notice again, for all of them, and the plan names the others', () => {
    // F1 had its formal notice 15 days ago; F2, 70 days late, joined since and was never
    // reminded. "Our formal notice has remained without effect" above F1 and F2 would be false
    // for F2: the account gets the formal notice, for both invoices (one letter, one deadline).
    const F2 = invoice({ customer: 'Dupont SA', invoiceNumber: 'F2', dueDay: asOf - 70, amount: 1_000_00 });
    const log = [logged('Dupont SA', FORMAL_NOTICE, asOf - 15, ['F1'])];
    const account = only([F1, F2], log, asOf);
    expect(account.targetStage?.id).toBe('collection');
    expect(account.stage?.id).toBe('formalNotice');
    expect(account.dunned.map((d) => d.item.invoiceNumber)).toEqual(['F1', 'F2']);
    expect(account.heldBack).toEqual({ wanted: account.targetStage, missing: account.stage, without: ['F2'] });
    expect(planNotes(account, 'en')).toContain(
      'the dunning log shows no formal notice about F2: formal notice first, for every invoice of the account — the “Collection” letter refers to it',
    );
    expect(planNotes(account, 'fr')).toContain(
      'le journal des relances ne montre pas de mise en demeure pour F2 : mise en demeure d’abord, pour toutes les factures du compte — la lettre « Contentieux » y fait référence',
    );
    // The letter states no earlier step: the formal notice of 15 days ago was not about F2, so
    // not even "despite our reminder of …".
    for (const language of ['en', 'fr'] as const) {
      const text = letterText(account, asOf, language);
      for (const claim of CLAIMS_OF_A_PAST_STEP) expect([language, text.match(claim.text)?.[0]]).toEqual([language, undefined]);
    }
    expect(letterText(account, asOf, 'fr')).toContain('valant mise en demeure');
    // A formal notice about an invoice paid since is another cycle: F2 alone starts afresh.
    const paid = [logged('Dupont SA', FORMAL_NOTICE, asOf - 15, ['F0'])];
    expect(only([F2], paid, asOf).stage?.id).toBe('first');
  });

  test('once that formal notice is marked as sent for both invoices, collection follows for both, and its sentence is true', () => {
    const F2 = invoice({ customer: 'Dupont SA', invoiceNumber: 'F2', dueDay: asOf - 70, amount: 1_000_00 });
    const log = [logged('Dupont SA', FORMAL_NOTICE, asOf - 15, ['F1'])];
    const notice = only([F1, F2], log, asOf);
    // The row "Mark as sent" writes, read back as the next plan reads it.
    const letter = buildLetter(notice, {
      company: COMPANY,
      policy: DEFAULT_POLICY,
      asOf,
      defaultLanguage: 'fr',
      templates: DEFAULT_TEMPLATES,
    });
    const sent = withStageIndex(sentEntries([letter], DEFAULT_POLICY, asOf, 'post', 'fr'), DEFAULT_POLICY);
    expect(sent.map((entry) => [entry.stageText, entry.invoices])).toEqual([['Mise en demeure', ['F1', 'F2']]]);
    const later = asOf + DEFAULT_POLICY.minimumIntervalDays;
    const collection = only([F1, F2], [...log, ...sent], later);
    expect(collection.stage?.id).toBe('collection');
    expect(collection.heldBack).toBeNull();
    expect(letterText(collection, later, 'fr')).toContain('Notre mise en demeure est restée sans effet.');
  });

  test('the log has reminders but not the stage referred to: that stage first, and the plan says so', () => {
    // A first run sent the final reminder 20 days ago; this policy's formal notice refers to
    // the second reminder ("despite our second reminder…"), which was never sent.
    const policy = validatePolicy({
      ...DEFAULT_POLICY,
      stages: DEFAULT_POLICY.stages.map((s) => (s.id === 'formalNotice' ? { ...s, refersTo: 'second' } : s)),
    });
    const account = only([F1], [logged('Dupont SA', 3, asOf - 20, ['F1'])], asOf, policy);
    expect(account.stage?.id).toBe('second');
    expect(planNotes(account, 'en')).toContain(
      'the dunning log shows no second reminder about these invoices: second reminder first — the “Formal notice” letter refers to it',
    );
    expect(planNotes(account, 'fr')).toContain(
      'le journal des relances ne montre pas de deuxième relance pour ces factures : deuxième relance d’abord — la lettre « Mise en demeure » y fait référence',
    );
  });

  test('one reminder logged is "our reminder of …", never "our reminders" or "nos relances"', () => {
    // A first run sent the final reminder 20 days ago (the invoice was then 55 days late, so
    // today the age calls for collection); that is the only letter in the log.
    const log = [logged('Dupont SA', 3, asOf - 20, ['F1'])];
    const account = only([F1], log, asOf);
    expect(account.stage?.id).toBe('formalNotice');
    expect(letterText(account, asOf, 'en')).toContain('Despite our reminder of 10 November 2026, the following');
    expect(letterText(account, asOf, 'fr')).toContain(
      'Malgré notre relance du 10 novembre 2026, la facture suivante demeure impayée :',
    );
    expect(letterText(account, asOf, 'en')).not.toMatch(/our reminders/);
    expect(letterText(account, asOf, 'fr')).not.toMatch(/nos relances/i);
    const final = only([F1], [logged('Dupont SA', 2, asOf - 20, ['F1'])], asOf);
    expect(final.stage?.id).toBe('final');
    expect(letterText(final, asOf, 'en')).toContain('Our reminder of 10 November 2026 has remained without effect.');
    expect(letterText(final, asOf, 'fr')).toContain('Notre relance du 10 novembre 2026 est restée sans effet.');
  });

  test('with the first-run rule "one stage at a time" nothing changes: the first reminder', () => {
    const account = only([F1], [], asOf, { ...DEFAULT_POLICY, firstRun: 'oneStage' });
    expect(account.stage?.id).toBe('first');
    expect(account.heldBack).toBeNull();
  });

  test('every age from 1 to 400 days, first run: no letter states a step the log lacks', () => {
    for (let late = 1; late <= 400; late++) {
      const item = invoice({ customer: 'Dupont SA', invoiceNumber: 'F1', dueDay: asOf - late, amount: 1_000_00 });
      const plan = planDunning([item], [], { asOf, policy: DEFAULT_POLICY });
      const account = plan.actions[0];
      if (account === undefined) continue;
      expect(account.stageIndex ?? -1).toBeLessThan(COLLECTION);
      for (const language of ['en', 'fr'] as const) {
        const text = letterText(account, asOf, language);
        for (const claim of CLAIMS_OF_A_PAST_STEP)
          expect([late, language, text.match(claim.text)?.[0]]).toEqual([late, language, undefined]);
      }
    }
  });
});

describe('the rule is the policy’s: any stage may refer to an earlier one', () => {
  const asOf = day('2026-11-30');
  const F1 = invoice({ customer: 'Dupont SA', invoiceNumber: 'F1', dueDay: asOf - 25, amount: 500_00 });
  const secondRefersToFirst: DunningPolicy = {
    ...DEFAULT_POLICY,
    stages: DEFAULT_POLICY.stages.map((s) => (s.id === 'second' ? { ...s, refersTo: 'first' } : s)),
  };

  test('a second reminder that refers to the first waits for it', () => {
    expect(only([F1], [], asOf).stage?.id).toBe('second');
    const account = only([F1], [], asOf, validatePolicy(secondRefersToFirst));
    expect(account.stage?.id).toBe('first');
    expect(account.heldBack?.missing.id).toBe('first');
    const withFirst = only([F1], [logged('Dupont SA', 1, asOf - 12, ['F1'])], asOf, secondRefersToFirst);
    expect(withFirst.stage?.id).toBe('second');
  });

  test('a chain of references goes back to the first stage that refers to nothing', () => {
    const chained: DunningPolicy = {
      ...DEFAULT_POLICY,
      stages: DEFAULT_POLICY.stages.map((s) =>
        s.id === 'formalNotice' ? { ...s, refersTo: 'final' } : s.id === 'final' ? { ...s, refersTo: 'second' } : s,
      ),
    };
    const late = invoice({ customer: 'Dupont SA', invoiceNumber: 'F1', dueDay: asOf - 90, amount: 500_00 });
    expect(only([late], [], asOf, validatePolicy(chained)).stage?.id).toBe('second');
  });

  test('a reference to a later or unknown stage is refused, saying what to fix', () => {
    const later = {
      ...DEFAULT_POLICY,
      stages: DEFAULT_POLICY.stages.map((s) => (s.id === 'first' ? { ...s, refersTo: 'final' } : s)),
    };
    expect(() => validatePolicy(later)).toThrow(/"First reminder" refers to "Final reminder", which is not an earlier stage/);
    const unknown = {
      ...DEFAULT_POLICY,
      stages: DEFAULT_POLICY.stages.map((s) => (s.id === 'collection' ? { ...s, refersTo: 'lawyer' } : s)),
    };
    expect(() => validatePolicy(unknown)).toThrow(/refers to "lawyer"/);
  });

  test('a policy saved before stages could refer keeps the collection stage’s reference', () => {
    const stored = JSON.parse(
      JSON.stringify({ ...DEFAULT_POLICY, stages: DEFAULT_POLICY.stages.map(({ refersTo: _, ...rest }) => rest) }),
    );
    const policy = completePolicy(stored);
    expect(policy.stages.find((s) => s.id === 'collection')?.refersTo).toBe('formalNotice');
    expect(policy.stages.find((s) => s.id === 'final')?.refersTo).toBeNull();
    // A choice the user saved ("refers to nothing") is kept.
    const chosen = completePolicy({
      ...DEFAULT_POLICY,
      stages: DEFAULT_POLICY.stages.map((s) => (s.id === 'collection' ? { ...s, refersTo: null } : s)),
    });
    expect(chosen.stages.find((s) => s.id === 'collection')?.refersTo).toBeNull();
  });
});

describe('a Sage grand livre on its first run (tests/data/sage-grand-livre-clients.csv)', () => {
  test('Hôtel Beauséjour (245 days late) and Dupont (108 days) get the formal notice, not collection', async () => {
    const asOf = day('2026-11-30');
    const name = 'sage-grand-livre-clients.csv';
    const result = await importLedgerFile(new Uint8Array(readFileSync(join(__dirname, '..', 'data', name))), {
      fileName: name,
      language: 'fr',
      asOf,
      defaultCurrency: 'EUR',
      partialMatch: 'lowerCaseOrStar',
      locale: 'fr-FR',
    });
    const ledger = result.report.ledger;
    if (ledger === null) throw new Error('the Sage file was not read as a ledger');
    const plan = planDunning(ledger.items, [], { asOf, policy: DEFAULT_POLICY });
    const stages = new Map(plan.actions.map((a) => [a.customer, a.stage?.id]));
    expect(stages.get('411HOTEL')).toBe('formalNotice');
    expect(stages.get('411DUPONT')).toBe('formalNotice');
    expect(plan.actions.filter((a) => a.stage?.id === 'collection')).toEqual([]);
    for (const account of plan.actions) {
      // The file has no address column, and a formal notice goes by registered post (see
      // tests/letters/heldLetters.test.ts): an address is given here to read the letters' words.
      const fr = letterText({ ...account, address: '1 rue de la Paix, 75002 Paris' }, asOf, 'fr');
      expect(fr).not.toMatch(/mise en demeure est restée/);
    }
  });
});
