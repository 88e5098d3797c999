// A statement of account is not a reminder: sent and logged, it counts as no dunning step and
// resets nothing. An account whose log holds only statements starts, as one with no log rows
// at all, at the stage its age calls for (README, First run); an account already in a cycle
// keeps its rung and its interval. The log is written and read back as the pane does it.

import { LOG_COLUMNS, LOG_HEADERS, logRow, readDunningLog } from '../../src/dunning/log';
import { sentEntries } from '../../src/dunning/outcomes';
import { type DunningPlan, planDunning } from '../../src/dunning/plan';
import { DEFAULT_POLICY } from '../../src/dunning/policy';
import { buildLetter } from '../../src/letters/letter';
import { dayFromCalendar } from '../../src/primitives/dates';
import { options } from '../letters/sample';
import { invoice } from './fixtures';

const TODAY = dayFromCalendar(2026, 11, 30);

// Hand-built, shaped on a Sage grand livre's accounts: one invoice 245 days late, one 40 days
// late, one 15 days late; the third account also had a first reminder logged 12 days ago.
const items = [
  invoice({ customer: '411HOTEL', invoiceNumber: 'FA2026-0211', dueDay: TODAY - 245, amount: 1_840_00 }),
  invoice({ customer: '411GARAGE', invoiceNumber: 'FA2026-0790', dueDay: TODAY - 40, amount: 960_00 }),
  invoice({ customer: '411BOULANGERIE', invoiceNumber: 'FA2026-0851', dueDay: TODAY - 15, amount: 312_50 }),
  invoice({ customer: '411BOULANGERIE', invoiceNumber: 'FA2026-0852', dueDay: TODAY - 25, amount: 150_00 }),
];
const firstReminder = {
  day: TODAY - 12,
  customer: '411BOULANGERIE',
  currency: 'EUR',
  stageText: 'Première relance',
  channel: 'Email',
  amount: 150_00,
  invoices: ['FA2026-0852'],
  owner: '',
  note: '',
};

function planWith(log: ReadonlyArray<Parameters<typeof logRow>[0]>, asOf = TODAY): DunningPlan {
  const rows = [LOG_COLUMNS.map((column) => LOG_HEADERS.fr[column]), ...log.map(logRow)];
  const read = readDunningLog(rows, DEFAULT_POLICY, 'excel1900');
  expect(read.skipped).toEqual([]);
  return planDunning(items, read.entries, { asOf, policy: DEFAULT_POLICY });
}

const stagesOf = (plan: DunningPlan) =>
  Object.fromEntries(plan.actions.map((account) => [account.customer, [account.stage?.id, account.startRule]]));

test('a statement logged for every account changes no stage, no start rule, no rung', () => {
  const before = planWith([firstReminder]);
  // The stages the age and the log call for, by hand: 245 days late is past the collection
  // stage (60 days), held back to the formal notice that no log row shows yet; 40 days is the
  // final reminder (30 to 44); 25 days, after a first reminder 12 days ago, is the second.
  expect(stagesOf(before)).toEqual({
    '411HOTEL': ['formalNotice', 'firstRunAge'],
    '411GARAGE': ['final', 'firstRunAge'],
    '411BOULANGERIE': ['second', 'history'],
  });
  const statements = before.actions.map((account) => buildLetter(account, { ...options, asOf: TODAY, kind: 'statement' }));
  const logged = sentEntries(statements, DEFAULT_POLICY, TODAY, 'post', 'fr');
  expect(logged.map((entry) => entry.stageText)).toEqual(['Relevé de compte', 'Relevé de compte', 'Relevé de compte']);
  expect(logged.find((entry) => entry.customer === '411HOTEL')?.invoices).toEqual(['FA2026-0211']);
  const after = planWith([firstReminder, ...logged]);
  expect(stagesOf(after)).toEqual(stagesOf(before));
  for (const account of after.actions) {
    const earlier = before.actions.find((a) => a.customer === account.customer);
    expect(account.lastSent).toEqual(earlier?.lastSent);
    expect(account.lastReminder).toEqual(earlier?.lastReminder);
  }
  // Four days on, the statement is still no step: the second reminder is not "too soon".
  const later = planWith([firstReminder, ...logged], TODAY + 4);
  expect(stagesOf(later)['411BOULANGERIE']).toEqual(['second', 'history']);
});

test('a statement logged under its subject, as older versions did, is no step either', () => {
  const old = { ...firstReminder, customer: '411HOTEL', stageText: 'Relevé de compte au 28 novembre 2025', invoices: [] };
  expect(stagesOf(planWith([old]))['411HOTEL']).toEqual(['formalNotice', 'firstRunAge']);
});
