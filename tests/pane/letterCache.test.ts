// The pane keeps the letters it made on a plan for the next command on the same plan (preview,
// .docx, letters sheet, emails: LetterCache). Oracle: the letters made without it, from the same
// workbook and settings. Kept letters must be those letters exactly, and never the letters of
// something that has changed since: the signatory, a template, the language, the kind of letter,
// or the ledger read again (a new plan).

import { strFromU8, unzipSync } from 'fflate';
import { largeLedger } from '../../scripts/largeLedger';
import { csvTextAsCells } from '../../scripts/sampleData';
import { SAMPLE_COMPANY } from '../../scripts/sampleLedger';
import { defaultSettings, type PaneSettings } from '../../src/commands/settings';
import { DEFAULT_POLICY } from '../../src/dunning/policy';
import { detectColumns, readLedger } from '../../src/ledger/ledger';
import { lettersToDocx } from '../../src/letters/docx';
import type { Letter } from '../../src/letters/letter';
import { LetterCache } from '../../src/letters/letterCache';
import { lettersToSheetRows, letterToHtml, letterToText } from '../../src/letters/render';
import { TEMPLATE_SHEETS } from '../../src/letters/templateSheet';
import { lettersFor, lettersToRead, readLogAndPlan } from '../../src/pane/dunningCommands';
import { PreviewWorkbook } from '../../src/pane/preview/previewWorkbook';
import type { CellValue } from '../../src/primitives/cells';
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

const { csv, log } = largeLedger(3_000, 200, AS_OF);
// Half the customers (by the length of their name) with no owner and no language of their own,
// so the company's signatory signs their letters and the pane's language writes them.
const generatedCells = csvTextAsCells(csv);
const header = (generatedCells[0] ?? []).map(String);
const [customerColumn, ownerColumn, languageColumn] = ['Client', 'Responsable', 'Langue'].map((name) => header.indexOf(name));
const cells = generatedCells.map((row, index) =>
  index > 0 && String(row[customerColumn as number]).length % 2 === 0
    ? row.map((cell, column) => (column === ownerColumn || column === languageColumn ? '' : cell))
    : row,
);

/** The ledger read from `rows` and the plan it leads to, over a workbook holding the log. */
async function planOf(workbook: PreviewWorkbook, rows: CellValue[][]) {
  const ledger = readLedger(rows, detectColumns(rows[0] ?? []), {
    serialSystem: 'excel1900',
    defaultCurrency: 'EUR',
  });
  return (await readLogAndPlan(workbook, ledger, DEFAULT_POLICY, parseTextDate(AS_OF), 'excel1900')).plan;
}

async function generated() {
  (globalThis as { localStorage?: unknown }).localStorage = new MemoryStorage();
  const workbook = new PreviewWorkbook('agebucket-letter-cache');
  workbook.sheets.push({ name: 'Journal des relances', values: log, columnFormats: [], boldRows: [0], rules: [], chart: null });
  return { workbook, plan: await planOf(workbook, cells) };
}

/** A .docx's parts but its properties, which carry the second it was made at. */
function docxParts(bytes: Uint8Array): Record<string, string> {
  const parts: Record<string, string> = {};
  for (const [name, data] of Object.entries(unzipSync(bytes))) if (name !== 'docProps/core.xml') parts[name] = strFromU8(data);
  return parts;
}

const texts = (letters: readonly Letter[]) => letters.map(letterToText);

describe('letters kept for the next command on the same plan', () => {
  for (const kind of ['reminder', 'statement'] as const) {
    test(`are the letters made without keeping any, to the byte of their .docx (${kind}s)`, async () => {
      const { workbook, plan } = await generated();
      const cache = new LetterCache();
      // The preview reads a few letters first, out of order: they are kept, the others made.
      const read = await lettersToRead(workbook, plan, plan.actions, settings, kind, plan.asOf, cache);
      const early = [7, 3, 0, 42].map((index) => read.letterAt(index));
      const kept = await lettersFor(workbook, plan, plan.actions, settings, kind, plan.asOf, cache);
      const made = await lettersFor(workbook, plan, plan.actions, settings, kind, plan.asOf);
      expect(made.letters.length).toBeGreaterThan(100);
      expect(kept.held).toEqual(made.held);
      expect(kept.letters).toEqual(made.letters);
      expect(kept.letters.map(letterToHtml)).toEqual(made.letters.map(letterToHtml));
      expect(texts(kept.letters)).toEqual(texts(made.letters));
      expect(lettersToSheetRows(kept.letters)).toEqual(lettersToSheetRows(made.letters));
      expect(docxParts(await lettersToDocx(kept.letters, 'Relances'))).toEqual(
        docxParts(await lettersToDocx(made.letters, 'Relances')),
      );
      // They were kept, not made again: the preview's letters are the run's, and so is a second run's.
      expect(early).toEqual([7, 3, 0, 42].map((index) => kept.letters[index]));
      expect(early[0]).toBe(kept.letters[7]);
      const again = await lettersFor(workbook, plan, plan.actions, settings, kind, plan.asOf, cache);
      for (const [index, letter] of again.letters.entries()) expect(letter).toBe(kept.letters[index]);
      // A selection of the same plan takes the same letters.
      const some = await lettersFor(workbook, plan, plan.actions.slice(10, 20), settings, kind, plan.asOf, cache);
      for (const [index, letter] of some.letters.entries()) expect(letter).toBe(kept.letters[10 + index]);
    }, 120_000);
  }

  /** After `change`, the kept letters are the new ones, and some differ from before. */
  async function changed(
    change: (context: { workbook: PreviewWorkbook; settings: PaneSettings }) => Promise<{
      settings: PaneSettings;
      plan?: Awaited<ReturnType<typeof planOf>>;
    }>,
  ) {
    const { workbook, plan } = await generated();
    const cache = new LetterCache();
    const before = (await lettersFor(workbook, plan, plan.actions, settings, 'reminder', plan.asOf, cache)).letters;
    const next = await change({ workbook, settings });
    const nextPlan = next.plan ?? plan;
    const kept = (await lettersFor(workbook, nextPlan, nextPlan.actions, next.settings, 'reminder', nextPlan.asOf, cache))
      .letters;
    const made = (await lettersFor(workbook, nextPlan, nextPlan.actions, next.settings, 'reminder', nextPlan.asOf)).letters;
    expect(texts(kept)).toEqual(texts(made));
    expect(kept).toEqual(made);
    return { before, after: made };
  }

  test('are made again once the signatory changes', async () => {
    const { before, after } = await changed(async ({ settings }) => ({
      settings: { ...settings, companySignatoryName: 'Hugo Lefèvre', companySignatoryTitle: 'Gérant' },
    }));
    const signed = after.filter((letter) => letter.signature.includes('Hugo Lefèvre'));
    expect(signed.length).toBeGreaterThan(0);
    expect(before.some((letter) => letter.signature.includes('Hugo Lefèvre'))).toBe(false);
  }, 120_000);

  test('are made again once a template changes in the templates sheet', async () => {
    const sentence = 'Notre service reste à votre écoute au 04 78 00 00 00.';
    const { before, after } = await changed(async ({ workbook, settings }) => {
      const sheet = workbook.sheets.find((s) => s.name === TEMPLATE_SHEETS.fr);
      if (!sheet) throw new Error('no templates sheet');
      let edited = 0;
      sheet.values = sheet.values.map((row) => {
        if (row[2] !== 'fr' || typeof row[4] !== 'string' || row[4] === '') return row;
        edited++;
        return [...row.slice(0, 4), `${row[4]}\n\n${sentence}`, ...row.slice(5)];
      });
      expect(edited).toBeGreaterThan(3);
      return { settings };
    });
    expect(after.filter((letter) => letterToText(letter).includes(sentence)).length).toBeGreaterThan(0);
    expect(before.some((letter) => letterToText(letter).includes(sentence))).toBe(false);
  }, 120_000);

  test('are made again once the language changes', async () => {
    const { before, after } = await changed(async ({ settings }) => ({ settings: { ...settings, language: 'en' } }));
    const english = (letters: readonly Letter[]) => letters.filter((letter) => letter.language === 'en').length;
    // The customers whose language the ledger gives (English for a few) keep their letters' language.
    expect(english(after)).toBeGreaterThan(english(before) + 50);
  }, 120_000);

  test('are made again once the ledger is read again (a new plan)', async () => {
    // The first invoice of the first account to chase is now 1,000.00 more.
    const { before, after } = await changed(async ({ workbook, settings }) => {
      const { plan } = await generated();
      const invoice = plan.actions[0]?.dunned[0]?.item.invoiceNumber;
      const header = (cells[0] ?? []).map(String);
      const [numberColumn, amountColumn] = [header.indexOf('N° facture'), header.indexOf('Reste dû')];
      expect(numberColumn).toBeGreaterThanOrEqual(0);
      expect(amountColumn).toBeGreaterThanOrEqual(0);
      let edited = 0;
      const rows = cells.map((row) => {
        if (row[numberColumn] !== invoice) return row;
        edited++;
        const amount = Number(String(row[amountColumn]).replace(',', '.'));
        return row.map((cell, column) => (column === amountColumn ? (amount + 1000).toFixed(2) : cell));
      });
      expect(edited).toBe(1);
      return { settings, plan: await planOf(workbook, rows) };
    });
    expect(after[0]?.customer).toBe(before[0]?.customer);
    expect(after[0]?.amountDue).toBe((before[0]?.amountDue ?? 0) + 100_000);
  }, 120_000);

  test('are made again for the other kind of letter', async () => {
    const { workbook, plan } = await generated();
    const cache = new LetterCache();
    await lettersFor(workbook, plan, plan.actions, settings, 'reminder', plan.asOf, cache);
    const kept = (await lettersFor(workbook, plan, plan.actions, settings, 'statement', plan.asOf, cache)).letters;
    const made = (await lettersFor(workbook, plan, plan.actions, settings, 'statement', plan.asOf)).letters;
    expect(kept).toEqual(made);
    expect(kept.every((letter) => letter.stageId === 'statement')).toBe(true);
  }, 120_000);
});
