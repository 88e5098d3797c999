import { exclusionText, planDunning, planNotes } from '../../src/dunning/plan';
import { DEFAULT_POLICY, type DunningPolicy, policyFromTable } from '../../src/dunning/policy';
import { parseTextDate } from '../../src/primitives/dates';
import { invoice, logged } from './fixtures';

const D = parseTextDate('2025-03-03');

// The scenarios of an open-source ERP's own dunning tests: levels at 5, 20 and 40 days overdue,
// one invoice of 100 due on day D.
describe('ERP scenarios (levels at 5, 20, 40 days)', () => {
  const policy: DunningPolicy = {
    ...policyFromTable([
      [5, 'Level 1'],
      [20, 'Level 2'],
      [40, 'Level 3'],
    ]),
    minimumIntervalDays: 10,
    firstRun: 'oneStage',
  };
  const due = invoice({ customer: 'Acme', dueDay: D, amount: 100_00, invoiceNumber: 'INV-1' });
  const run = (asOf: number, items = [due], log = [] as ReturnType<typeof logged>[]) => planDunning(items, log, { asOf, policy });

  test('D+4: no action', () => {
    const plan = run(D + 4);
    expect(plan.actions).toHaveLength(0);
    expect(plan.excluded[0]?.exclusion?.code).toBe('reasonNotDue');
  });
  test('D+5: level 1', () => expect(run(D + 5).actions[0]?.stage?.name.en).toBe('Level 1'));
  test('D+30 with level 1 not yet sent stays level 1 (no stage is skipped)', () => {
    const account = run(D + 30).actions[0];
    expect(account?.stage?.name.en).toBe('Level 1');
    expect(account?.targetStage?.name.en).toBe('Level 2');
  });
  test('once level 1 is logged, D+30 gives level 2', () => {
    expect(run(D + 30, [due], [logged('Acme', 0, D + 5, ['INV-1'])]).actions[0]?.stage?.name.en).toBe('Level 2');
  });
  test('the same stage is not sent twice', () => {
    const plan = run(D + 19, [due], [logged('Acme', 0, D + 5, ['INV-1'])]);
    expect(plan.actions).toHaveLength(0);
    expect(plan.excluded[0]?.exclusion?.code).toBe('reasonAlreadySent');
  });
  test('a disputed invoice is never escalated', () => {
    const plan = run(D + 45, [{ ...due, disputed: true }]);
    expect(plan.actions).toHaveLength(0);
    expect(exclusionText(plan.excluded[0] as NonNullable<(typeof plan.excluded)[0]>, 'en')).toBe(
      'all overdue invoices are disputed',
    );
  });
  // Level 2 was sent on D+30; on D+45 the unpaid invoice is due for level 3. Each paid case is
  // set beside that unpaid one, so the test cannot pass on a plan that is empty for another reason.
  const sentLevel2 = [logged('Acme', 1, D + 30, ['INV-1'])];
  test('unpaid, D+45 after level 2 gives level 3 (the case the paid ones are measured against)', () => {
    expect(run(D + 45, [due], sentLevel2).actions.map((a) => a.stage?.name.en)).toEqual(['Level 3']);
  });
  test('once paid by a payment not yet matched to it, no action: the account is covered', () => {
    const payment = invoice({ customer: 'Acme', dueDay: D + 40, amount: -100_00, invoiceNumber: 'RGL-1' });
    const plan = run(D + 45, [due, payment], sentLevel2);
    expect(plan.actions).toHaveLength(0);
    expect(plan.excluded.map((a) => [a.customer, a.exclusion?.code])).toEqual([['Acme', 'reasonCovered']]);
  });
  test('once paid and matched (gone from the ledger), no action for it, while an unpaid account is chased', () => {
    const other = { ...due, customer: 'Beta', invoiceNumber: 'INV-9' };
    const plan = run(D + 45, [other], [...sentLevel2, logged('Beta', 1, D + 30, ['INV-9'])]);
    expect(plan.actions.map((a) => [a.customer, a.stage?.name.en])).toEqual([['Beta', 'Level 3']]);
    expect(plan.excluded).toHaveLength(0);
  });
  test('once paid, a new invoice of the same customer starts again at level 1, not after level 2', () => {
    const next = invoice({ customer: 'Acme', dueDay: D + 25, amount: 50_00, invoiceNumber: 'INV-2' });
    const account = run(D + 45, [next], sentLevel2).actions[0];
    expect(account?.stage?.name.en).toBe('Level 1');
    expect(account?.lastSent).toBeNull();
  });
});

describe('default policy rules', () => {
  const asOf = parseTextDate('2025-11-28');
  const run = (items: Parameters<typeof planDunning>[0], log: Parameters<typeof planDunning>[1] = [], policy = DEFAULT_POLICY) =>
    planDunning(items, log, { asOf, policy });

  test('the target is the stage of the oldest overdue, undisputed invoice', () => {
    const plan = run(
      [
        invoice({ customer: 'A', dueDay: asOf - 50, amount: 100_00, disputed: true }),
        invoice({ customer: 'A', dueDay: asOf - 12, amount: 200_00 }),
      ],
      [],
    );
    const account = plan.actions[0];
    expect(account?.targetStage?.id).toBe('first');
    expect(account?.dunned.map((d) => d.item.amount)).toEqual([200_00]);
    expect(account?.disputed).toHaveLength(1);
  });
  test('an overdue account with no history, one stage at a time: the first reminder, not the courtesy reminder', () => {
    const oneStage = { ...DEFAULT_POLICY, firstRun: 'oneStage' as const };
    expect(run([invoice({ customer: 'A', dueDay: asOf - 35, amount: 100_00 })], [], oneStage).actions[0]?.stage?.id).toBe(
      'first',
    );
  });
  test('courtesy reminder five days before the due date', () => {
    const plan = run([invoice({ customer: 'A', dueDay: asOf + 5, amount: 100_00 })]);
    expect(plan.actions[0]?.stage?.id).toBe('courtesy');
    expect(plan.actions[0]?.amountDue).toBe(100_00);
  });
  test('a running promise to pay holds the account', () => {
    const plan = run([invoice({ customer: 'A', dueDay: asOf - 40, amount: 100_00, promiseDay: asOf + 3 })]);
    expect(plan.actions).toHaveLength(0);
    expect(exclusionText(plan.excluded[0] as NonNullable<(typeof plan.excluded)[0]>, 'fr')).toBe(
      "promesse de paiement jusqu'au 1er décembre 2025",
    );
  });
  test('a promise dated the as-of date still holds; one day before is broken', () => {
    expect(run([invoice({ customer: 'A', dueDay: asOf - 40, amount: 1, promiseDay: asOf })]).actions).toHaveLength(0);
    const broken = run([invoice({ customer: 'A', dueDay: asOf - 40, amount: 1, promiseDay: asOf - 1 })]).actions[0];
    expect(broken?.brokenPromiseDay).toBe(asOf - 1);
    // From the ledger's promise column, never logged: the note says where it came from, never "logged on —".
    const notes = (language: 'en' | 'fr') => planNotes(broken as NonNullable<typeof broken>, language);
    expect(notes('en')).toContain(
      'promise to pay by 27 November 2025 (from the ledger’s promise column) not kept: dunning resumes',
    );
    expect(notes('fr')).toContain(
      'promesse de paiement pour le 27 novembre 2025 (colonne promesse du grand livre) non tenue : la relance reprend',
    );
    expect([...notes('en'), ...notes('fr')].join(' ')).not.toContain('—');
  });
  test('below the minimum amount', () => {
    const plan = run([invoice({ customer: 'A', dueDay: asOf - 40, amount: 49_99 })], [], {
      ...DEFAULT_POLICY,
      minimumAmount: 50,
    });
    expect(exclusionText(plan.excluded[0] as NonNullable<(typeof plan.excluded)[0]>, 'en')).toBe(
      'owes €49.99, below the minimum of €50.00',
    );
  });
  test('covered by its own credit notes', () => {
    const plan = run([
      invoice({ customer: 'A', dueDay: asOf - 40, amount: 100_00 }),
      invoice({ customer: 'A', dueDay: asOf - 5, amount: -120_00 }),
    ]);
    expect(plan.excluded[0]?.exclusion?.code).toBe('reasonCovered');
  });
  test('the minimum interval since the last reminder', () => {
    const item = invoice({ customer: 'A', dueDay: asOf - 25, amount: 100_00, invoiceNumber: 'F1' });
    const plan = run([item], [logged('A', 1, asOf - 4, ['F1'])]);
    expect(exclusionText(plan.excluded[0] as NonNullable<(typeof plan.excluded)[0]>, 'en')).toBe(
      'reminded 4 days ago (First reminder, 24 November 2025); next reminder possible on 4 December 2025',
    );
    expect(run([item], [logged('A', 1, asOf - 10, ['F1'])]).actions[0]?.stage?.id).toBe('second');
  });
  test('a paid cycle starts again from the first stage', () => {
    const newInvoice = invoice({ customer: 'A', dueDay: asOf - 25, amount: 100_00, invoiceNumber: 'NEW' });
    const plan = run([newInvoice], [logged('A', 3, asOf - 60, ['OLD-1', 'OLD-2'])]);
    expect(plan.actions[0]?.stage?.id).toBe('first');
    expect(plan.actions[0]?.lastSent).toBeNull();
  });
  test('accounts are per customer and currency', () => {
    const plan = run([
      invoice({ customer: 'A', dueDay: asOf - 25, amount: 100_00, currency: 'EUR' }),
      invoice({ customer: 'A', dueDay: asOf - 25, amount: 100_00, currency: 'USD' }),
    ]);
    expect(plan.actions.map((a) => a.currency).sort()).toEqual(['EUR', 'USD']);
  });
  test('priority: overdue amount × days of the oldest, ties to the larger amount', () => {
    const plan = run([
      invoice({ customer: 'Small old', dueDay: asOf - 100, amount: 100_00 }), // 10 000
      invoice({ customer: 'Big recent', dueDay: asOf - 11, amount: 5000_00 }), // 55 000
      invoice({ customer: 'Tie small', dueDay: asOf - 20, amount: 500_00 }), // 10 000
    ]);
    expect(plan.actions.map((a) => a.customer)).toEqual(['Big recent', 'Tie small', 'Small old']);
  });
  test('a formal notice claims statutory interest and 40 EUR per invoice', () => {
    const F1 = invoice({ customer: 'A', dueDay: asOf - 46, amount: 10_000_00, invoiceNumber: 'F1' });
    const F2 = invoice({ customer: 'A', dueDay: asOf - 20, amount: 1_000_00, invoiceNumber: 'F2' });
    const account = run([F1, F2], [logged('A', 3, asOf - 15, ['F1'])]).actions[0];
    expect(account?.stage?.id).toBe('formalNotice');
    // 2025-H2 FR rate 12.15 %: 10 000 × 0.1215 × 46 / 365 = 153.12; 1 000 × 0.1215 × 20 / 365 = 6.66
    expect(account?.dunned.map((d) => d.interest)).toEqual([153_12, 6_66]);
    expect(account?.interestTotal).toBe(159_78);
    expect(account?.feeTotals).toEqual([{ currency: 'EUR', amount: 80_00 }]);
    expect(account?.creditHoldSuggested).toBe(true);
  });
  test('a rate table gap is reported on the account, not thrown', () => {
    // No FR rate is on file for 2027-H2: the table stops at 2026-H2.
    const later = parseTextDate('2027-08-20');
    const account = planDunning(
      [invoice({ customer: 'A', dueDay: later - 50, amount: 100_00, invoiceNumber: 'F1' })],
      [logged('A', 3, later - 20, ['F1'])],
      {
        asOf: later,
        policy: DEFAULT_POLICY,
      },
    ).actions[0];
    expect(account?.stage?.id).toBe('formalNotice');
    expect(account?.penaltyError?.message).toMatch(
      /no statutory FR rate is on file for 2027-H2.*Dunning › Policy › Statutory rates not on file/,
    );
    expect(account?.interestTotal).toBe(0);
    // The 40 € per invoice does not depend on a rate: it is still claimed (D441-5).
    expect(account?.feeTotals).toEqual([{ currency: 'EUR', amount: 40_00 }]);
  });
});

describe('outcomes of calls taken down in the log', () => {
  const asOf = parseTextDate('2025-11-28');
  const item = invoice({ customer: 'A', dueDay: asOf - 25, amount: 100_00, invoiceNumber: 'F1' });
  const call = (stageText: string, day: number, note: string) => ({ ...logged('A', -1, day), stageText, note });
  test('a promise to pay logged after a call holds the account until its date', () => {
    const plan = planDunning(
      [item],
      [logged('A', 1, asOf - 12, ['F1']), call('Promesse de paiement', asOf - 2, 'jusqu’au 2025-12-05')],
      { asOf, policy: DEFAULT_POLICY },
    );
    expect(exclusionText(plan.excluded[0] as NonNullable<(typeof plan.excluded)[0]>, 'en')).toBe(
      'promise to pay until 5 December 2025',
    );
    const later = planDunning(
      [item],
      [logged('A', 1, asOf - 12, ['F1']), call('Promise to pay', asOf - 20, 'until 2025-11-20')],
      { asOf, policy: DEFAULT_POLICY },
    );
    expect(later.actions[0]?.stage?.id).toBe('second');
  });
  test('a dispute logged after a call holds the account', () => {
    const plan = planDunning([item], [call('Dispute', asOf - 1, 'goods damaged')], { asOf, policy: DEFAULT_POLICY });
    expect(plan.excluded[0]?.exclusion?.code).toBe('reasonDisputed');
  });
});
