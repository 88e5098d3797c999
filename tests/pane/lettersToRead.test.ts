// The preview makes each letter when it is shown (lettersToRead); the .docx, the sheet and the
// emails make them all at once (lettersFor). A second oracle on a generated ledger of 4,000 rows
// over 250 accounts, in both kinds of letter: the letters made one at a time, in any order, are
// the letters made all at once, to the character of their HTML, text and sheet rows; and what
// refuses the whole run refuses the preview too, before any letter is shown.

import { largeLedger } from '../../scripts/largeLedger';
import { csvTextAsCells } from '../../scripts/sampleData';
import { SAMPLE_COMPANY } from '../../scripts/sampleLedger';
import { defaultSettings, type PaneSettings } from '../../src/commands/settings';
import { DEFAULT_POLICY } from '../../src/dunning/policy';
import { detectColumns, readLedger } from '../../src/ledger/ledger';
import { lettersToSheetRows, letterToHtml, letterToText } from '../../src/letters/render';
import { lettersFor, lettersToRead, readLogAndPlan } from '../../src/pane/dunningCommands';
import { PreviewWorkbook } from '../../src/pane/preview/previewWorkbook';
import { parseTextDate } from '../../src/primitives/dates';
import { MemoryStorage } from '../memoryStorage';

const AS_OF = '2025-11-28';

const settings: PaneSettings = {
  ...defaultSettings('fr', parseTextDate(AS_OF)),
  companyName: SAMPLE_COMPANY.name,
  companyAddress: SAMPLE_COMPANY.address,
  companyLegalForm: SAMPLE_COMPANY.legalForm,
  companyRegistration: SAMPLE_COMPANY.registration,
  companyIban: SAMPLE_COMPANY.iban,
  companyEmail: SAMPLE_COMPANY.email,
  companyPhone: SAMPLE_COMPANY.phone,
  companyCity: SAMPLE_COMPANY.city,
  companySignatoryName: 'Claire Morel',
  companySignatoryTitle: 'Directrice financière',
};

async function generated() {
  (globalThis as { localStorage?: unknown }).localStorage = new MemoryStorage();
  const { csv, log } = largeLedger(4_000, 250, AS_OF);
  const cells = csvTextAsCells(csv);
  const workbook = new PreviewWorkbook('agebucket-letters-to-read');
  workbook.sheets.push({ name: 'Journal des relances', values: log, columnFormats: [], boldRows: [0], rules: [], chart: null });
  const ledger = readLedger(cells, detectColumns(cells[0] ?? []), { serialSystem: 'excel1900', defaultCurrency: 'EUR' });
  const { plan } = await readLogAndPlan(workbook, ledger, DEFAULT_POLICY, parseTextDate(AS_OF), 'excel1900');
  return { workbook, plan };
}

/** A fixed shuffle: the preview is read in any order, not only from the first letter on. */
function shuffled(count: number): number[] {
  const order = Array.from({ length: count }, (_, index) => index);
  let seed = 20251128;
  for (let i = count - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const j = seed % (i + 1);
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
}

describe('letters made one at a time for the preview', () => {
  for (const kind of ['reminder', 'statement'] as const) {
    test(`are the letters made all at once (${kind}s)`, async () => {
      const { workbook, plan } = await generated();
      expect(plan.actions.length).toBeGreaterThan(100);
      const all = await lettersFor(workbook, plan, plan.actions, settings, kind, plan.asOf);
      const one = await lettersToRead(workbook, plan, plan.actions, settings, kind, plan.asOf);
      expect(all.letters.length).toBeGreaterThan(100);
      expect(one.customers).toEqual(all.letters.map((letter) => letter.customer));
      expect(one.held).toEqual(all.held);
      for (const index of shuffled(all.letters.length)) {
        const letter = one.letterAt(index);
        const expected = all.letters[index];
        if (!expected) throw new Error(`no letter ${index}`);
        expect(letter).toEqual(expected);
        expect(letterToHtml(letter)).toBe(letterToHtml(expected));
        expect(letterToText(letter)).toBe(letterToText(expected));
        expect(lettersToSheetRows([letter])).toEqual(lettersToSheetRows([expected]));
        // Asked again, the same letter, not made twice.
        expect(one.letterAt(index)).toBe(letter);
      }
      expect(() => one.letterAt(all.letters.length)).toThrow(RangeError);
    }, 120_000);
  }

  test('what refuses the run refuses the preview at once: no IBAN for letters that ask for a transfer', async () => {
    const { workbook, plan } = await generated();
    const noIban = { ...settings, companyIban: '' };
    await expect(lettersFor(workbook, plan, plan.actions, noIban, 'reminder', plan.asOf)).rejects.toThrow(/IBAN/);
    await expect(lettersToRead(workbook, plan, plan.actions, noIban, 'reminder', plan.asOf)).rejects.toThrow(/IBAN/);
  }, 120_000);

  test('and a stage whose template the templates sheet no longer has', async () => {
    const { workbook, plan } = await generated();
    // The templates sheet, written on first use, loses the formal notice's rows.
    await lettersFor(workbook, plan, [], settings, 'reminder', plan.asOf);
    const sheet = workbook.sheets.find((s) => s.name === 'Modèles de lettres');
    if (!sheet) throw new Error('no templates sheet');
    sheet.values = sheet.values.filter((row) => row[0] !== 'formalNotice');
    const formal = plan.actions.filter((account) => (account.stage ?? account.targetStage)?.id === 'formalNotice');
    expect(formal.length).toBeGreaterThan(0);
    const later = [...plan.actions.filter((account) => !formal.includes(account)), ...formal];
    await expect(lettersFor(workbook, plan, later, settings, 'reminder', plan.asOf)).rejects.toThrow(/formalNotice/);
    await expect(lettersToRead(workbook, plan, later, settings, 'reminder', plan.asOf)).rejects.toThrow(/formalNotice/);
  }, 120_000);
});
