// A promise logged from the call list writes its date in the note as the rest of the log writes
// dates, in the log's own language (« jusqu’au 7 décembre 2026 », "until 7 December 2026"),
// whatever the pane's; and the note stays machine-readable: a log sheet without the "Promised
// for" column still gives the plan the promise's date from the note alone.

import { dateInNote, LOG_COLUMNS, LOG_HEADERS, logRow, readDunningLog } from '../../src/dunning/log';
import { inLogLanguage } from '../../src/dunning/logEntries';
import { promiseEntry } from '../../src/dunning/outcomes';
import { planDunning } from '../../src/dunning/plan';
import { DEFAULT_POLICY } from '../../src/dunning/policy';
import { dayFromCalendar } from '../../src/primitives/dates';
import type { Language } from '../../src/primitives/messages';
import { invoice } from './fixtures';

const TODAY = dayFromCalendar(2026, 11, 30);
const items = [invoice({ customer: 'Garage Lemaire', invoiceNumber: 'F-9', dueDay: TODAY - 22, amount: 700_00 })];
const [account] = planDunning(items, [], { asOf: TODAY, policy: DEFAULT_POLICY }).actions;
if (!account) throw new Error('no account to chase');

test.each([
  ['fr', dayFromCalendar(2026, 12, 7), 'jusqu’au 7 décembre 2026'],
  ['en', dayFromCalendar(2026, 12, 7), 'until 7 December 2026'],
  ['fr', dayFromCalendar(2027, 1, 1), 'jusqu’au 1er janvier 2027'],
  ['en', dayFromCalendar(2027, 1, 1), 'until 1 January 2027'],
] as Array<[Language, number, string]>)(
  'in %s, a promise for day %i is noted « %s », read back to that day',
  (language, day, note) => {
    const entry = promiseEntry(account, day, TODAY, language);
    expect(entry.note).toBe(note);
    expect(entry.note).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(dateInNote(entry.note)).toBe(day);
  },
);

test.each([
  ['fr', 'en', 'Promise to pay', 'until 7 December 2026'],
  ['en', 'fr', 'Promesse de paiement', 'jusqu’au 7 décembre 2026'],
] as Array<[Language, Language, string, string]>)(
  'taken in a %s pane, written to a %s log in its words, and read back without the "Promised for" column',
  (pane, log, stage, note) => {
    const promised = dayFromCalendar(2026, 12, 7);
    const written = inLogLanguage(promiseEntry(account, promised, TODAY, pane), log, DEFAULT_POLICY);
    expect(written.stageText).toBe(stage);
    expect(written.note).toBe(note);
    // An older log sheet: the same row without its last column, "Promised for".
    const columns = LOG_COLUMNS.length - 1;
    expect(LOG_COLUMNS[columns]).toBe('promiseDate');
    const rows = [LOG_COLUMNS.slice(0, columns).map((column) => LOG_HEADERS[log][column]), logRow(written).slice(0, columns)];
    const read = readDunningLog(rows, DEFAULT_POLICY, 'excel1900');
    expect(read.skipped).toEqual([]);
    expect(read.entries[0]?.promiseDay).toBe(promised);
    // The plan holds the account until that day.
    const plan = planDunning(items, read.entries, { asOf: TODAY, policy: DEFAULT_POLICY });
    expect(plan.actions).toEqual([]);
    expect(plan.excluded[0]?.exclusion).toEqual({ code: 'reasonPromise', until: promised });
  },
);

test('a note the user typed is kept as typed', () => {
  const entry = { ...promiseEntry(account, dayFromCalendar(2026, 12, 7), TODAY, 'fr'), note: 'virement annoncé le 7/12' };
  expect(inLogLanguage(entry, 'en', DEFAULT_POLICY).note).toBe('virement annoncé le 7/12');
});
