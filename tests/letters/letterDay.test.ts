// A letter is dated the day it is made, its deadline counted from that day, its interest run to
// that day, and logged that day: the log is the plan's memory of what was sent when (drafts
// marked sent the next day keep their day: markSent.test.ts).
// A plan as of another day (a fixed as-of date for a month-end report) is refused, in the user's
// language, with what to do; nothing is made or logged from it.
// Real-shaped files: French ledgers typed by hand (data/fr-hand.csv, data/fr-final.csv), today
// 30 November 2026.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultSettings, type PaneSettings } from '../../src/commands/settings';
import { DEFAULT_POLICY } from '../../src/dunning/policy';
import { importLedgerFile } from '../../src/ledger/import';
import { detectColumns, type Ledger, readLedger } from '../../src/ledger/ledger';
import { letterToText } from '../../src/letters/render';
import { deliveredEntries, lettersFor, lettersToRead, readLogAndPlan } from '../../src/pane/dunningCommands';
import { PreviewWorkbook } from '../../src/pane/preview/previewWorkbook';
import { dayFromCalendar } from '../../src/primitives/dates';
import { AgeBucketError } from '../../src/primitives/messages';
import { MemoryStorage } from '../memoryStorage';

const TODAY = dayFromCalendar(2026, 11, 30);
const MONTH_END = dayFromCalendar(2026, 10, 31);

const settings: PaneSettings = {
  ...defaultSettings('fr', MONTH_END),
  followToday: false,
  companyName: 'Ateliers Réunis SAS',
  companyAddress: '4 quai Perrache, 69002 Lyon',
  companyLegalForm: 'SAS au capital de 50 000 €',
  companyRegistration: 'RCS Lyon 123 456 789',
  companyIban: 'FR76 3000 4000 0500 0012 3456 789',
  companyCity: 'Lyon',
  companySignatoryName: 'Claire Morel',
  companySignatoryTitle: 'Directrice financière',
};

async function ledgerOf(name: string, asOf: number, edit = (text: string) => text): Promise<Ledger> {
  const text = edit(readFileSync(join(__dirname, 'data', name), 'utf8'));
  const result = await importLedgerFile(new TextEncoder().encode(text), {
    fileName: name,
    language: 'fr',
    asOf,
    defaultCurrency: 'EUR',
    partialMatch: 'lowerCaseOrStar',
    locale: 'fr-FR',
  });
  const rows = result.layout.rows as Array<Array<string | number | null>>;
  return readLedger(rows, detectColumns(rows[0] ?? []), { serialSystem: 'excel1900', defaultCurrency: 'EUR' });
}

async function planAt(asOf: number, name = 'fr-hand.csv', edit = (text: string) => text) {
  (globalThis as { localStorage?: unknown }).localStorage = new MemoryStorage();
  const workbook = new PreviewWorkbook('agebucket-letter-day');
  const { plan } = await readLogAndPlan(workbook, await ledgerOf(name, asOf, edit), DEFAULT_POLICY, asOf, 'excel1900');
  return { workbook, plan };
}

describe('letters from a plan as of a fixed month-end date, made today', () => {
  test('are refused, saying in each language what to do; nothing is logged', async () => {
    const { workbook, plan } = await planAt(MONTH_END);
    expect(plan.actions.length).toBeGreaterThan(0);
    for (const kind of ['reminder', 'statement'] as const) {
      for (const made of [
        lettersFor(workbook, plan, plan.actions, settings, kind, TODAY),
        lettersToRead(workbook, plan, plan.actions, settings, kind, TODAY),
      ]) {
        const error = await made.then(
          () => null,
          (thrown: unknown) => thrown,
        );
        expect(error).toBeInstanceOf(AgeBucketError);
        const refused = error as AgeBucketError;
        expect(refused.localized('fr')).toBe(
          'les lettres et les lignes du journal sont datées du jour où elles sont faites (30 novembre 2026), mais le plan est arrêté au 31 octobre 2026 : cochez « Suivre la date du jour » (ou mettez la date d’arrêté au 30 novembre 2026), établissez de nouveau le plan, puis faites les lettres ou notez l’appel. Une date d’arrêté fixe sert à la balance âgée et aux états de fin de mois',
        );
        expect(refused.localized('en')).toBe(
          'letters and log entries are dated the day they are made (30 November 2026), but the plan is as of 31 October 2026: tick "Follow today" (or set the as-of date to 30 November 2026), build the plan again, then make the letters or log the call. A fixed as-of date is for the aged balance and month-end reports',
        );
      }
    }
    // Log entries for letters made from that plan are refused the same way.
    expect(() => deliveredEntries([], plan, 'post', 'fr', TODAY)).toThrow(AgeBucketError);
  });

  test('built again at today: dated today, interest run to today, logged today', async () => {
    const { workbook, plan } = await planAt(TODAY);
    const { letters } = await lettersFor(workbook, plan, plan.actions, settings, 'reminder', TODAY);
    expect(letters.length).toBe(2);
    for (const letter of letters) expect(letter.placeAndDate).toBe('Lyon, le 30 novembre 2026');
    const rousseau = letters.find((letter) => letter.customer === 'Menuiserie Rousseau SARL');
    if (!rousseau) throw new Error('no letter for Menuiserie Rousseau SARL');
    const text = letterToText(rousseau).replace(/\s+/g, ' ');
    // Hand computation for F-1001 (10 000 € due 15 March 2026): from 16 March to 30 June, 107
    // days at 12.15 % (ECB 2.15 % + 10 points, 1st half of 2026); from 1 July to 30 November,
    // 153 days at 12.40 % (ECB 2.40 % + 10 points). To 31 October it would be 770,63 €.
    const cents = Math.round((10_000 * (0.1215 * 107 + 0.124 * 153) * 100) / 365);
    expect(cents).toBe(87_596);
    expect(text).toMatch(/F-1001 13\/02\/2026 15\/03\/2026 260 (10 000,00 € )+875,96 €/);
    expect(text).toContain('arrêtées au 30 novembre 2026');
    expect(text).not.toContain('octobre 2026');
    const entries = deliveredEntries(letters, plan, 'post', 'fr', TODAY);
    expect(entries.length).toBe(letters.length);
    for (const entry of entries) expect(entry.day).toBe(TODAY);
  });

  test('a final reminder made today: its deadline counted from today, not from the month-end', async () => {
    const refused = await planAt(MONTH_END, 'fr-final.csv');
    await expect(lettersFor(refused.workbook, refused.plan, refused.plan.actions, settings, 'reminder', TODAY)).rejects.toThrow(
      /30 November 2026/,
    );
    // The same invoice a month later, so that today it is 34 days late: a final reminder.
    const monthLater = (text: string) => text.replace('27/08/2026;26/09/2026', '27/09/2026;27/10/2026');
    const { workbook, plan } = await planAt(TODAY, 'fr-final.csv', monthLater);
    const { letters } = await lettersFor(workbook, plan, plan.actions, settings, 'reminder', TODAY);
    const [letter] = letters;
    if (!letter) throw new Error('no letter for Plomberie Caron');
    expect(letter.stageId).toBe('final');
    // Independent oracle: 30 November 2026 + the policy's 8 days = 8 December 2026.
    expect(DEFAULT_POLICY.paymentDeadlineDays).toBe(8);
    expect(letter.placeAndDate).toBe('Lyon, le 30 novembre 2026');
    expect(letterToText(letter).replace(/\s+/g, ' ')).toContain('au plus tard le 8 décembre 2026');
  });
});
