// DUNNINGSTAGE shows the stage an invoice has reached as the dunning run sees it: the function
// and the pane's plan share one rule (stageIndexForInvoice), checked here day by day from 5
// days before the due date to 120 days after, in English and French.

import { planDunning } from '../../src/dunning/plan';
import { DEFAULT_POLICY } from '../../src/dunning/policy';
import { dunningStageFunction } from '../../src/functions/catalogue';
import type { HostContext } from '../../src/functions/context';
import { parseTextDate, serialFromDay } from '../../src/primitives/dates';
import type { Language } from '../../src/primitives/messages';
import { invoice } from '../dunning/fixtures';

const asOf = parseTextDate('2026-11-30');
const contextIn = (language: Language): HostContext => ({
  serialSystem: 'excel1900',
  today: () => asOf,
  cellError: (message) => ({ error: message }),
  dateResult: (day) => day,
  language,
});
const daysLate = Array.from({ length: 126 }, (_, index) => index - 5);

test('1 to 9 days late is no stage: too late for the courtesy reminder, too early for the first reminder', () => {
  const stages = (days: number[]) =>
    dunningStageFunction(
      days.map((d) => [serialFromDay(asOf - d, 'excel1900')]),
      null,
      null,
      contextIn('en'),
    ).map(([cell]) => cell);
  // By hand from the default policy: courtesy from day -5 until the due date, first reminder from day 10.
  expect(stages([-6, -5, 0, 1, 9, 10])).toEqual(['', 'Courtesy reminder', 'Courtesy reminder', '', '', 'First reminder']);
});

describe.each(['en', 'fr'] as const)('in %s', (language) => {
  test('DUNNINGSTAGE names the stage the plan sees each invoice at, from 5 days before its due date to 120 days after', () => {
    const shown = dunningStageFunction(
      daysLate.map((days) => [serialFromDay(asOf - days, 'excel1900')]),
      null,
      null,
      contextIn(language),
    ).map(([cell]) => cell);
    const planned = daysLate.map((days) => {
      const ledger = [invoice({ customer: 'Dupont SA', dueDay: asOf - days, amount: 1_000_00, language })];
      const plan = planDunning(ledger, [], { asOf, policy: DEFAULT_POLICY });
      const account = plan.actions[0] ?? plan.excluded[0];
      // The stage sent on a first run is the one reached, unless its letter refers to an earlier
      // one the log does not show (the collection letter needs the formal notice first).
      const sent = account?.stage ?? null;
      const reached = account?.targetStage ?? null;
      expect(sent === null ? null : (account?.heldBack?.wanted ?? sent)).toBe(reached);
      return reached === null ? '' : reached.name[language];
    });
    expect(shown).toEqual(planned);
    // And it is a ladder a person can read: no stage on days 1-9.
    expect(shown.slice(6, 15)).toEqual(Array(9).fill(''));
  });
});
