// What the pane logs when letters are delivered or a call is made, and when it asks first.
import { LOG_SHEETS, readDunningLog } from '../../src/dunning/log';
import { alreadyLogged, logSheetName, withStageIndex } from '../../src/dunning/logEntries';
import { sentEntries } from '../../src/dunning/outcomes';
import { planDunning } from '../../src/dunning/plan';
import { DEFAULT_POLICY } from '../../src/dunning/policy';
import { dayFromCalendar } from '../../src/primitives/dates';
import { invoice, logged } from './fixtures';

const AS_OF = dayFromCalendar(2025, 11, 28);
const plan = planDunning(
  [invoice({ customer: 'Dupont SA', dueDay: AS_OF - 25, amount: 1200_00, invoiceNumber: 'F-1' })],
  // The first reminder went out 12 days ago: the second is due (20 days overdue, interval passed).
  [logged('Dupont SA', 1, AS_OF - 12)],
  { asOf: AS_OF, policy: DEFAULT_POLICY },
);
const account = plan.actions[0];
// What sentEntries reads of a letter.
const letter = {
  customer: 'Dupont SA',
  currency: 'EUR',
  stageId: 'second',
  stageName: 'Deuxième relance',
  amountDue: 1200_00,
  invoiceNumbers: ['F-1'],
  owner: 'Claire Petit',
};

test('the plan of the fixture sends the second reminder', () => {
  expect(account?.stage?.id).toBe('second');
});

test('a delivered letter is logged with the stage named in the document’s language, on the as-of day (the core’s sentEntries)', () => {
  const [entry] = sentEntries([letter as never], plan.policy, plan.asOf, 'post', 'en');
  expect(entry).toEqual({
    day: AS_OF,
    customer: 'Dupont SA',
    currency: 'EUR',
    stageText: 'Second reminder',
    channel: 'Letter',
    amount: 1200_00,
    invoices: ['F-1'],
    owner: 'Claire Petit',
    note: '',
  });
});

describe('asking before logging the same letters twice', () => {
  const entries = sentEntries([letter as never], plan.policy, plan.asOf, 'post', 'fr');
  const sheet = (stage: string, date = '2025-11-28', customer = 'Dupont SA') =>
    readDunningLog(
      [
        ['Date', 'Client', 'Niveau', 'Devise'],
        [date, customer, stage, 'EUR'],
      ],
      DEFAULT_POLICY,
      'excel1900',
    ).entries;

  test('the same stage typed by hand in any case, with or without accents, in either language, is the same letter', () => {
    for (const typed of ['Deuxième relance', 'DEUXIEME RELANCE', 'deuxieme  relance', 'Second reminder', 'second'])
      expect([typed, alreadyLogged(sheet(typed), entries, DEFAULT_POLICY)]).toEqual([typed, entries]);
  });
  test('another day, another stage or another customer is not', () => {
    expect(alreadyLogged(sheet('Deuxième relance', '2025-11-27'), entries, DEFAULT_POLICY)).toEqual([]);
    expect(alreadyLogged(sheet('Première relance'), entries, DEFAULT_POLICY)).toEqual([]);
    expect(alreadyLogged(sheet('Deuxième relance', '2025-11-28', 'Martin'), entries, DEFAULT_POLICY)).toEqual([]);
  });
  test('entries read back find their stage as the log reader does', () => {
    expect(withStageIndex(entries, DEFAULT_POLICY)[0]?.stageIndex).toBe(2);
  });
});

test('the log is found under either language’s name, else made in the pane’s', () => {
  expect(logSheetName(['Créances', 'Dunning log'], 'fr')).toBe('Dunning log');
  expect(logSheetName(['Journal des relances', 'Dunning log'], 'en')).toBe('Journal des relances');
  expect(logSheetName(['Créances'], 'fr')).toBe(LOG_SHEETS.fr);
  expect(logSheetName(['Créances'], 'en')).toBe('Dunning log');
});
