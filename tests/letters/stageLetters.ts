// One letter at every stage of the default policy, for an account of a few invoices whose numbers
// are as long as real ERPs make them (13 characters and more) and one of which is partly paid:
// the tests of the invoice table run over all of them, in French and English.

import { type AccountPlan, planDunning } from '../../src/dunning/plan';
import { DEFAULT_POLICY } from '../../src/dunning/policy';
import { buildLetter, type Letter } from '../../src/letters/letter';
import { parseTextDate } from '../../src/primitives/dates';
import type { Language } from '../../src/primitives/messages';
import { invoice, logged } from '../dunning/fixtures';
import { options } from './sample';

export const STAGE_AS_OF = parseTextDate('2026-11-30');

/** Days overdue of the oldest invoice for each stage (the courtesy reminder: due in 3 days). */
const OLDEST: Readonly<Record<string, number>> = {
  courtesy: -3,
  first: 12,
  second: 22,
  final: 33,
  formalNotice: 50,
  collection: 70,
};

/**
 * The invoices of a stage's letter: the first one 12,000.00 with 7,000.00 still owed (5,000.00
 * paid), the others unpaid, numbered like `FA-2026-000123` (14 characters) and longer.
 */
export function stageInvoices(stageId: string, customer: string, language: Language) {
  const oldest = OLDEST[stageId] ?? 0;
  const due = (days: number) => STAGE_AS_OF - days;
  return [
    invoice({
      customer,
      invoiceNumber: 'FA-2026-000123',
      dueDay: due(oldest),
      invoiceAmount: 12_000_00,
      amount: 7_000_00,
      language,
    }),
    invoice({ customer, invoiceNumber: 'FAC/2026/0004567', dueDay: due(oldest - 1), amount: 1_234_56, language }),
    invoice({ customer, invoiceNumber: 'INV-2026-0009-B', dueDay: due(oldest - 2), amount: 98_765_43, language }),
  ];
}

/** The plan of the account at `stageId`: the collection letter after a logged formal notice. */
export function stageAccount(stageId: string, language: Language, customer = 'Dupont Industries SAS'): AccountPlan {
  const items = stageInvoices(stageId, customer, language);
  const numbers = items.map((item) => item.invoiceNumber);
  // A collection letter says the formal notice remained without effect: the log shows it.
  const log = stageId === 'collection' ? [logged(customer, 4, STAGE_AS_OF - 15, numbers)] : [];
  const plan = planDunning(items, log, { asOf: STAGE_AS_OF, policy: DEFAULT_POLICY });
  const account = plan.actions[0];
  if (account?.stage?.id !== stageId) throw new Error(`expected a ${stageId} letter, the plan gives ${account?.stage?.id}`);
  return account;
}

export const STAGE_IDS = DEFAULT_POLICY.stages.map((stage) => stage.id);

export function stageLetter(stageId: string, language: Language, customer?: string): Letter {
  return buildLetter(stageAccount(stageId, language, customer), { ...options, asOf: STAGE_AS_OF, defaultLanguage: language });
}
