// An account already referred for collection (contentieux) whose customer lets a later invoice
// fall overdue: the new invoice joins the collection file. A credit manager does not send a
// courteous first reminder to a customer already in litigation, nor re-send a formal notice and
// a new deadline for invoices already with the collection department or lawyer; the new invoice
// gets the formal notice the collection letter refers to ("Our formal notice has remained
// without effect"), then, after the policy's interval, the collection letter that joins it to
// the file. Each of those letters lists the new invoices only and says that the account's
// other invoices are with the collection department. It starts once the new invoice is as late
// as the first overdue stage (day 10), as any invoice would be chased.
// Default policy: first reminder day 10, second 20, final 30, formal notice 45, collection 60.

import type { LogEntry } from '../../src/dunning/log';
import { withStageIndex } from '../../src/dunning/logEntries';
import { sentEntries } from '../../src/dunning/outcomes';
import { type AccountPlan, planDunning, planNotes } from '../../src/dunning/plan';
import { DEFAULT_POLICY } from '../../src/dunning/policy';
import { buildLetter } from '../../src/letters/letter';
import { letterToText } from '../../src/letters/render';
import { type DayNumber, parseTextDate } from '../../src/primitives/dates';
import type { Language } from '../../src/primitives/messages';
import { options } from '../letters/sample';
import { invoice, logged } from './fixtures';

const FORMAL_NOTICE = 4;
const COLLECTION = 5;
const asOf = parseTextDate('2026-11-30');
const customer = 'Menuiserie Roux';
// Two invoices 100 and 90 days late, a formal notice 45 days ago, the collection letter 30 days ago.
const inFile = [
  invoice({ customer, invoiceNumber: 'FA-2026-0101', dueDay: asOf - 100, amount: 8_000_00 }),
  invoice({ customer, invoiceNumber: 'FA-2026-0102', dueDay: asOf - 90, amount: 2_000_00 }),
];
const fileLog = [
  logged(customer, FORMAL_NOTICE, asOf - 45, ['FA-2026-0101', 'FA-2026-0102']),
  logged(customer, COLLECTION, asOf - 30, ['FA-2026-0101', 'FA-2026-0102']),
];
const later = (daysLate: number, on: DayNumber = asOf) =>
  invoice({ customer, invoiceNumber: 'FA-2026-0345', dueDay: on - daysLate, amount: 1_500_00 });

function planOn(day: DayNumber, items: ReturnType<typeof invoice>[], log: LogEntry[]): AccountPlan {
  const plan = planDunning(items, log, { asOf: day, policy: DEFAULT_POLICY });
  const account = [...plan.actions, ...plan.excluded][0];
  if (account === undefined) throw new Error('no account');
  return account;
}

function text(account: AccountPlan, day: DayNumber, language: Language): string {
  return letterToText(buildLetter({ ...account, language }, { ...options, asOf: day, defaultLanguage: language }));
}

test('the invoices in the collection file get nothing more: the collection letter was sent', () => {
  const account = planOn(asOf, inFile, fileLog);
  expect(account.stage).toBeNull();
  expect(account.exclusion?.code).toBe('reasonAlreadySent');
});

test('a later invoice only 5 days late waits, as any invoice waits for the first overdue stage', () => {
  const account = planOn(asOf, [...inFile, later(5)], fileLog);
  expect(account.stage).toBeNull();
});

test('a later invoice 15 days late joins the file: its own formal notice, then the collection letter', () => {
  const items = [...inFile, later(15)];
  const notice = planOn(asOf, items, fileLog);
  expect(notice.stage?.id).toBe('formalNotice');
  // The letter lists the new invoice only; the file's invoices are named, not claimed again.
  expect(notice.dunned.map((dunned) => dunned.item.invoiceNumber)).toEqual(['FA-2026-0345']);
  expect(notice.amountDue).toBe(1_500_00);
  expect(notice.collectionFile?.items.map((item) => item.invoiceNumber)).toEqual(['FA-2026-0101', 'FA-2026-0102']);
  expect(notice.collectionFile?.day).toBe(asOf - 30);
  const fr = text(notice, asOf, 'fr');
  expect(fr).toContain('LETTRE RECOMMANDÉE AVEC ACCUSÉ DE RÉCEPTION');
  expect(fr).toContain(
    'Les autres factures de votre compte (FA-2026-0101, FA-2026-0102), transmises à notre service contentieux le 31 octobre 2026, ne sont pas reprises dans ce courrier : leur recouvrement se poursuit.',
  );
  expect(fr).not.toMatch(/^FA-2026-010[12] /m);
  // 40 € for the one invoice claimed (D441-5), not for the file's two.
  expect(fr).toContain('soit 40,00\u00a0€ pour 1 facture');
  const en = text(notice, asOf, 'en');
  expect(en).toContain(
    'The other invoices of your account (FA-2026-0101, FA-2026-0102), referred to our collection department on 31 October 2026, are not repeated in this letter: their recovery continues.',
  );
  expect(planNotes(notice, 'en').join(' ')).toContain('FA-2026-0345');
  expect(planNotes(notice, 'fr').join(' ')).toContain('FA-2026-0345');

  // Sent and logged (the log names the new invoice only), then ten days on: the collection letter.
  const letter = buildLetter(notice, { ...options, asOf });
  const logged1 = withStageIndex(sentEntries([letter], DEFAULT_POLICY, asOf, 'post', 'fr'), DEFAULT_POLICY);
  expect(logged1[0]?.invoices).toEqual(['FA-2026-0345']);
  const tooSoon = planOn(asOf + 5, items, [...fileLog, ...logged1]);
  expect(tooSoon.exclusion?.code).toBe('reasonTooSoon');
  const collection = planOn(asOf + 10, items, [...fileLog, ...logged1]);
  expect(collection.stage?.id).toBe('collection');
  expect(collection.dunned.map((dunned) => dunned.item.invoiceNumber)).toEqual(['FA-2026-0345']);
  expect(text(collection, asOf + 10, 'fr')).toContain('Notre mise en demeure est restée sans effet.');

  // Once it is in the file too, the account is done.
  const logged2 = withStageIndex(
    sentEntries([buildLetter(collection, { ...options, asOf: asOf + 10 })], DEFAULT_POLICY, asOf + 10, 'post', 'fr'),
    DEFAULT_POLICY,
  );
  const done = planOn(asOf + 20, items, [...fileLog, ...logged1, ...logged2]);
  expect(done.stage).toBeNull();
  expect(done.exclusion?.code).toBe('reasonAlreadySent');
});
