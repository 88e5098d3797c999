// What each invoice of a letter amounts to: never the open amount under a bare "Montant". A
// 12,000.00 invoice of which 5,000.00 was paid shows its full amount, what was paid and what is
// still owed (montant TTC, déjà réglé, reste dû), in every letter that lists invoices, in the
// preview (HTML), the email draft (text), the letters sheet and the .docx, in French and English.

import JSZip from 'jszip';
import { planDunning } from '../../src/dunning/plan';
import { DEFAULT_POLICY } from '../../src/dunning/policy';
import { lettersToDocx } from '../../src/letters/docx';
import { buildLetter, type Letter, type LetterTable } from '../../src/letters/letter';
import { lettersToSheetRows, letterToHtml, letterToText } from '../../src/letters/render';
import { invoice } from '../dunning/fixtures';
import { options } from './sample';
import { STAGE_AS_OF, STAGE_IDS, stageLetter } from './stageLetters';

const NBSP = '\u00a0';
const HEADERS = {
  fr: ['Montant TTC', 'Déjà réglé', 'Reste dû'],
  en: ['Invoice amount', 'Already paid', 'Amount due'],
} as const;
// The partly paid invoice's three amounts, written by hand.
const PARTLY_PAID = {
  fr: [`12${NBSP}000,00${NBSP}€`, `5${NBSP}000,00${NBSP}€`, `7${NBSP}000,00${NBSP}€`],
  en: ['€12,000.00', '€5,000.00', '€7,000.00'],
} as const;

function invoiceTable(letter: Letter): LetterTable {
  const block = letter.blocks.find((candidate) => candidate.kind === 'table');
  if (block?.kind !== 'table') throw new Error('no invoice table');
  return block.table;
}

describe.each(['fr', 'en'] as const)('in %s', (language) => {
  test.each(STAGE_IDS)('the %s letter shows the invoice amount, what was paid and what is still owed', async (stageId) => {
    const letter = stageLetter(stageId, language);
    const table = invoiceTable(letter);
    const at = table.headers.indexOf(HEADERS[language][0]);
    expect(table.headers.slice(at, at + 3)).toEqual(HEADERS[language]);
    expect(table.numeric.slice(at, at + 3)).toEqual([true, true, true]);
    const row = table.rows.find((cells) => cells[0] === 'FA-2026-000123') ?? [];
    expect(row.slice(at, at + 3)).toEqual(PARTLY_PAID[language]);
    // An invoice paid nothing: its full amount, nothing paid, the same amount owed.
    const unpaid = table.rows.find((cells) => cells[0] === 'FAC/2026/0004567') ?? [];
    expect(unpaid[at + 1]).toBe('');
    expect(unpaid[at]).toBe(unpaid[at + 2]);
    expect(table.headers).not.toContain(language === 'fr' ? 'Montant' : 'Amount');

    // The same in every output: the preview, the email draft, the letters sheet, the .docx.
    const html = letterToHtml(letter);
    const text = letterToText(letter);
    const sheet = lettersToSheetRows([letter]).flat();
    const docx = await JSZip.loadAsync(await lettersToDocx([letter], 'Relances'));
    const xml = (await docx.file('word/document.xml')?.async('string')) ?? '';
    for (const word of [...HEADERS[language], ...PARTLY_PAID[language]]) {
      expect(html).toContain(word);
      expect(text).toContain(word);
      expect(sheet).toContain(word);
      expect(xml).toContain(word);
    }
  });

  test('an account paid nothing on its invoices shows one column, labelled as what is still owed', () => {
    const account = planDunning([invoice({ customer: 'Garage Lopez', dueDay: STAGE_AS_OF - 15, amount: 500_00, language })], [], {
      asOf: STAGE_AS_OF,
      policy: DEFAULT_POLICY,
    }).actions[0];
    if (account === undefined) throw new Error('the invoice should be chased');
    const table = invoiceTable(buildLetter(account, { ...options, asOf: STAGE_AS_OF }));
    expect(table.headers).toContain(HEADERS[language][2]);
    expect(table.headers).not.toContain(HEADERS[language][0]);
    expect(table.headers).not.toContain(HEADERS[language][1]);
  });
});
