// Colour rules compare each row's due date with a date: a due date held as text (a CSV loaded
// as typed, or opened in Excel in another locale) never matches. The colour command then never
// reports success over nothing: with no due date a date, nothing is applied and the user is told
// to import the file; with some as text, the rules go on and the rows left out are counted and
// named, in English and French. The file is a Sage "grand livre clients" export in
// Windows-1252, loaded as Preview's "Load a .xlsx or .csv" loads it.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkedColourRules, dueDatesAsText, findLedger } from '../../src/commands/ageing';
import { defaultSettings } from '../../src/commands/settings';
import { decodeText } from '../../src/ledger/textFile';
import { PreviewWorkbook } from '../../src/pane/preview/previewWorkbook';
import { csvBytesToSheet, csvToSheet } from '../../src/pane/preview/sheetFiles';
import { parseTextDate } from '../../src/primitives/dates';
import { AgeBucketError } from '../../src/primitives/messages';

const AS_OF = parseTextDate('2026-11-30');
const SAGE = join(__dirname, '..', 'data', 'sage-grand-livre-clients.csv');

async function tableOf(workbook: PreviewWorkbook, language: 'en' | 'fr') {
  const settings = { ...defaultSettings(language, AS_OF), followToday: false };
  const { table, mapping } = findLedger(await workbook.readActiveTable(), settings, true);
  return { table, mapping, settings };
}

describe('the Sage file loaded in Preview: its due dates are text', () => {
  const bytes = new Uint8Array(readFileSync(SAGE));
  // The oracle: the file's own lines under its header, with something in « Échéance ».
  const lines = decodeText(bytes).text.split(/\r?\n/);
  const header = lines.findIndex((line) => line.startsWith('N° pièce;'));
  const dueColumn = (lines[header] ?? '').split(';').indexOf('Échéance');
  const withDueDate = lines.slice(header + 1).filter((line) => (line.split(';')[dueColumn] ?? '').trim() !== '');

  test('nothing is coloured, and the user is told why and to import (EN and FR)', async () => {
    expect(withDueDate.length).toBeGreaterThan(3);
    const workbook = new PreviewWorkbook('colour-text-dates');
    workbook.load([csvBytesToSheet('sage-grand-livre-clients', bytes).sheet]);
    const { table, mapping, settings } = await tableOf(workbook, 'fr');
    expect(dueDatesAsText(table, mapping)).toEqual({ textRows: expect.any(Array), dated: 0 });
    expect(dueDatesAsText(table, mapping).textRows).toHaveLength(withDueDate.length);
    let error: unknown = null;
    try {
      checkedColourRules(table, mapping, settings, AS_OF, 'litige');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AgeBucketError);
    const n = withDueDate.length;
    expect((error as AgeBucketError).localized('fr')).toBe(
      `rien n’a été coloré : les ${n} échéances de sage-grand-livre-clients sont du texte, pas des dates, et une règle de couleur compare des dates. Importez le fichier avec Importer (qui écrit des dates et des nombres), ou convertissez la colonne des échéances en dates, puis colorez de nouveau`,
    );
    expect((error as AgeBucketError).localized('en')).toBe(
      `nothing was coloured: the ${n} due dates of sage-grand-livre-clients are text, not dates, and a colour rule compares dates. Import the file with Import (it writes dates and numbers), or turn the due-date column into dates, then colour again`,
    );
  });
});

describe('the sample ledger', () => {
  const text = readFileSync(join(__dirname, '..', '..', 'samples', 'ledger.csv'), 'utf8');

  test('every due date a date: the rules, no warning', async () => {
    const workbook = new PreviewWorkbook('colour-dates');
    workbook.load([csvToSheet('Créances', text)]);
    const { table, mapping, settings } = await tableOf(workbook, 'en');
    const { rules, warning } = checkedColourRules(table, mapping, settings, AS_OF, 'disputed');
    expect(rules.length).toBeGreaterThan(0);
    expect(warning).toBeNull();
  });

  test('some due dates as text: the rules go on, and the rows left out are counted and named', async () => {
    const workbook = new PreviewWorkbook('colour-some-text');
    const sheet = csvToSheet('Créances', text);
    const due = (sheet.values[0] ?? []).indexOf('Échéance');
    // Rows 3, 5 and 9 of the sheet (1-based, header on row 1) typed as text, as Excel keeps "15/03/2026" in an English locale.
    for (const row of [3, 5, 9]) {
      const cells = sheet.values[row - 1] as unknown[];
      cells[due] = '15/03/2026';
    }
    workbook.load([sheet]);
    for (const [language, expected] of [
      [
        'en',
        '3 rows of Créances have their due date as text, not a date, and cannot be coloured (rows 3, 5, 9): turn those cells into dates',
      ],
      [
        'fr',
        '3 lignes de Créances ont leur échéance en texte, pas en date, et ne peuvent pas être colorées (lignes 3, 5, 9) : convertissez ces cellules en dates',
      ],
    ] as const) {
      const { table, mapping, settings } = await tableOf(workbook, language);
      const { rules, warning } = checkedColourRules(table, mapping, settings, AS_OF, 'disputed');
      expect(rules.length).toBeGreaterThan(0);
      expect(warning).toBe(expected);
    }
  });
});

describe('the Sheets host', () => {
  test('hands date cells over as calendar dates: those are dates, text shaped like an ISO day is text', () => {
    const table = {
      sheetName: 'Créances',
      headerRow: 0,
      firstColumn: 0,
      serialSystem: 'sheets' as const,
      description: 'Créances!A1:C5',
      values: [
        ['Client', 'Échéance', 'Reste dû'],
        ['Roux', { year: 2026, month: 3, day: 15 }, 100],
        ['Dupont', '15/03/2026', 200],
        ['Martin', { year: 2026, month: 10, day: 1 }, 300],
        // A cell formatted as plain text holding what looks like a date: a colour rule never matches it.
        ['Bernard', '2026-03-15', 400],
      ],
    };
    expect(dueDatesAsText(table, { customer: 0, dueDate: 1, openAmount: 2 })).toEqual({ textRows: [3, 5], dated: 2 });
  });
});
