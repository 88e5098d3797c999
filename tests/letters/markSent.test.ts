// "Mark as sent" records emails that went out: drafts made one day and marked sent the next are
// logged without rebuilding the plan, each dated the day its letter was made and dated (the date
// the customer reads on it, which the next letter quotes and from which its deadline ran). New
// letters from that plan are still refused until it is built again at today.
// Real-shaped file: a French ledger typed by hand (data/fr-hand.csv), made on 30 November 2026.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultSettings, type PaneSettings } from '../../src/commands/settings';
import { readDunningLog } from '../../src/dunning/log';
import { markedSentEntries } from '../../src/dunning/outcomes';
import { planDunning } from '../../src/dunning/plan';
import { DEFAULT_POLICY } from '../../src/dunning/policy';
import { importLedgerFile } from '../../src/ledger/import';
import { detectColumns, type Ledger, readLedger } from '../../src/ledger/ledger';
import { goesByPost } from '../../src/letters/readiness';
import { appendToLog, lettersFor, readLogAndPlan } from '../../src/pane/dunningCommands';
import { PreviewWorkbook } from '../../src/pane/preview/previewWorkbook';
import { dayFromCalendar } from '../../src/primitives/dates';
import { AgeBucketError } from '../../src/primitives/messages';
import { MemoryStorage } from '../memoryStorage';

const MADE = dayFromCalendar(2026, 11, 30);
const NEXT_DAY = dayFromCalendar(2026, 12, 1);

const settings: PaneSettings = {
  ...defaultSettings('fr', MADE),
  companyName: 'Ateliers Réunis SAS',
  companyAddress: '4 quai Perrache, 69002 Lyon',
  companyLegalForm: 'SAS au capital de 50 000 €',
  companyRegistration: 'RCS Lyon 123 456 789',
  companyIban: 'FR76 3000 4000 0500 0012 3456 789',
  companyCity: 'Lyon',
  companySignatoryName: 'Claire Morel',
  companySignatoryTitle: 'Directrice financière',
};

async function ledger(): Promise<Ledger> {
  const name = 'fr-hand.csv';
  const result = await importLedgerFile(new Uint8Array(readFileSync(join(__dirname, 'data', name))), {
    fileName: name,
    language: 'fr',
    asOf: MADE,
    defaultCurrency: 'EUR',
    partialMatch: 'lowerCaseOrStar',
    locale: 'fr-FR',
  });
  const rows = result.layout.rows as Array<Array<string | number | null>>;
  return readLedger(rows, detectColumns(rows[0] ?? []), { serialSystem: 'excel1900', defaultCurrency: 'EUR' });
}

async function draftsMadeOn30November() {
  (globalThis as { localStorage?: unknown }).localStorage = new MemoryStorage();
  const workbook = new PreviewWorkbook('agebucket-mark-sent');
  const read = await ledger();
  const { plan, log } = await readLogAndPlan(workbook, read, DEFAULT_POLICY, MADE, 'excel1900');
  const made = await lettersFor(workbook, plan, plan.actions, settings, 'reminder', MADE);
  // The pane offers "Mark as sent" for emails only: a formal notice goes by registered post.
  expect(made.letters.map((letter) => [letter.customer, goesByPost(letter, plan.policy)])).toEqual([
    ['Menuiserie Rousseau SARL', true],
    ['Transports Étienne', false],
  ]);
  const letters = made.letters.filter((letter) => !goesByPost(letter, plan.policy));
  return { workbook, plan, log, letters, read };
}

test('drafts made on 30 November, marked sent on 1 December: logged as of 30 November, no rebuild asked', async () => {
  const { workbook, plan, log, letters, read } = await draftsMadeOn30November();
  expect(letters.length).toBe(1);
  for (const letter of letters) {
    expect(letter.day).toBe(MADE);
    expect(letter.placeAndDate).toBe('Lyon, le 30 novembre 2026');
  }
  // The plan is as of 30 November; today is 1 December.
  expect(plan.asOf).toBe(MADE);
  const entries = markedSentEntries(letters, plan.policy, NEXT_DAY, 'fr');
  expect(entries.map((entry) => [entry.customer, entry.day, entry.channel])).toEqual(
    letters.map((letter) => [letter.customer, MADE, 'Email']),
  );
  // Written to the log and read back as the next plan reads it: the letter's date, in the sheet.
  await appendToLog(workbook, log, entries, plan.policy, 'fr');
  const sheet = await workbook.readSheet('Journal des relances');
  const reread = readDunningLog(sheet ?? [], plan.policy, 'excel1900');
  expect(reread.skipped).toEqual([]);
  expect(reread.entries.map((entry) => [entry.customer, entry.day, entry.stageIndex])).toEqual([['Transports Étienne', MADE, 1]]);
  // The plan built at 1 December counts the interval from 30 November: the same stage is not sent again.
  const next = planDunning(read.items, reread.entries, { asOf: NEXT_DAY, policy: plan.policy });
  for (const letter of letters) {
    const account = next.actions.find((a) => a.customer === letter.customer);
    expect(account).toBeUndefined();
  }
});

test('new letters from the 30 November plan are still refused on 1 December, with what to do', async () => {
  const { workbook, plan } = await draftsMadeOn30November();
  const refused = await lettersFor(workbook, plan, plan.actions, settings, 'reminder', NEXT_DAY).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(refused).toBeInstanceOf(AgeBucketError);
  expect((refused as AgeBucketError).localized('en')).toContain('tick "Follow today"');
  expect((refused as AgeBucketError).localized('fr')).toContain('cochez « Suivre la date du jour »');
});

test('a letter dated after today cannot have been sent yet: refused, saying so in each language', async () => {
  const { plan, letters } = await draftsMadeOn30November();
  const dayBefore = dayFromCalendar(2026, 11, 29);
  const refused = (() => {
    try {
      markedSentEntries(letters, plan.policy, dayBefore, 'fr');
      return null;
    } catch (error) {
      return error;
    }
  })();
  expect(refused).toBeInstanceOf(AgeBucketError);
  expect((refused as AgeBucketError).localized('en')).toBe(
    `the letter to ${letters[0]?.customer} is dated 30 November 2026, after today (29 November 2026): it cannot have been sent yet. Check the computer's date, then mark it sent once it has gone`,
  );
  expect((refused as AgeBucketError).localized('fr')).toBe(
    `la lettre à ${letters[0]?.customer} est datée du 30 novembre 2026, après aujourd’hui (29 novembre 2026) : elle ne peut pas être déjà partie. Vérifiez la date de l’ordinateur, puis marquez-la envoyée une fois partie`,
  );
});
