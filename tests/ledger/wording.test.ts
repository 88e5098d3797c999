// What the user sees beside the numbers: credit notes and payments are never coloured as
// overdue, and Preview's grid writes amounts the way the pane's language does.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { colourRulesFor } from '../../src/commands/ageing';
import { defaultSettings, type PaneSettings } from '../../src/commands/settings';
import { encodingLine } from '../../src/ledger/import';
import { detectColumns, type LedgerTable, missingRoles } from '../../src/ledger/ledger';
import { display, ruleMatches } from '../../src/pane/preview/Grid';
import { csvBytesToSheet } from '../../src/pane/preview/sheetFiles';
import type { CellValue } from '../../src/primitives/cells';
import { excelSerialFromDay, parseTextDate } from '../../src/primitives/dates';

const AS_OF = parseTextDate('2026-11-30');
const settings: PaneSettings = { ...defaultSettings('en', AS_OF), followToday: false, asOf: '2026-11-30', language: 'en' };
const serial = (text: string) => excelSerialFromDay(parseTextDate(text));

function table(values: CellValue[][]): LedgerTable {
  return { sheetName: 'L', headerRow: 0, firstColumn: 0, values, serialSystem: 'excel1900', description: 'L' };
}

/** The labels of the overdue rules that colour each data row, as the spreadsheet applies them. */
function colours(values: CellValue[][]): string[][] {
  const sheet = table(values);
  const rules = colourRulesFor(sheet, detectColumns(values[0] ?? []), settings, AS_OF, 'Disputed');
  return values
    .slice(1)
    .map((row) => rules.filter((rule) => ruleMatches({ kind: 'ours', ...rule }, row, AS_OF)).map((rule) => rule.label));
}

describe('credit notes and payments are not coloured as overdue', () => {
  test('open-amount column: the −250.00 credit note due 20/10/2026 stays uncoloured, the invoice beside it is 31-60', () => {
    const values: CellValue[][] = [
      ['Type', 'Number', 'Customer', 'Due Date', 'Open Balance'],
      ['Invoice', 'INV-0987', 'Harrow', serial('2026-10-14'), 12480],
      ['Credit Note', 'CN-0031', 'Harrow', serial('2026-10-20'), -250],
      ['Invoice', 'INV-1', 'Harrow', serial('2026-10-20'), 0],
    ];
    // 30/11 − 14/10 = 47 days; 30/11 − 20/10 = 41 days.
    expect(colours(values)).toEqual([['31-60'], [], ['31-60']]);
  });
  test('debit and credit columns: a payment (credit) is uncoloured, an invoice (debit) coloured', () => {
    const values: CellValue[][] = [
      ['N° pièce', 'Compte', 'Échéance', 'Débit', 'Crédit'],
      ['FA1', '411DUPONT', serial('2026-08-14'), 12450, null],
      ['RG1', '411DUPONT', serial('2026-08-20'), null, 3120.5],
    ];
    // 30/11 − 14/08 = 108 days; 30/11 − 20/08 = 102.
    expect(colours(values)).toEqual([['91+'], []]);
  });
  test('the formula says it to the spreadsheet: N(debit) >= N(credit)', () => {
    const values: CellValue[][] = [['N° pièce', 'Compte', 'Échéance', 'Débit', 'Crédit']];
    const rules = colourRulesFor(table(values), detectColumns(values[0] ?? []), settings, AS_OF, 'Disputed');
    expect(rules[0]?.formula).toBe(
      '=AND(N("agebucket")=0,ISNUMBER($C2),N($D2)>=N($E2),DATE(2026,11,30)-$C2>=1,DATE(2026,11,30)-$C2<=30)',
    );
  });
});

describe('Preview’s grid writes amounts in the pane’s language', () => {
  test('8,540.12 in English, 8 540,12 in French (narrow no-break space, as Intl writes it)', () => {
    expect(display(8540.12, '#,##0.00', 'en')).toBe('8,540.12');
    expect(display(8540.12, '#,##0.00', 'fr')).toBe('8\u202f540,12');
    expect(display(0.125, '0.0%', 'fr')).toBe('12,5\u202F%');
    expect(display(0.125, '0.0%', 'en')).toBe('12.5%');
    expect(display(0.098, '0.0%', 'en')).toBe('9.8%');
    expect(display(0.1215, '0.00%', 'fr')).toBe('12,15\u202F%');
    expect(display(0.1215, '0.00%', 'en')).toBe('12.15%');
  });
});

describe('Preview’s "Load a .xlsx or .csv" decodes a file as the import does', () => {
  test('the Sage grand livre in Windows-1252: N° pièce, Échéance, Libellé, and the report line', () => {
    const bytes = new Uint8Array(readFileSync(join(__dirname, '..', 'data', 'sage-grand-livre-clients.csv')));
    const loaded = csvBytesToSheet('sage', bytes);
    expect(loaded.encoding).toBe('windows-1252');
    const header = loaded.sheet.values.find((row) => row.includes('Compte'));
    expect(header).toEqual(['N° pièce', 'Date pièce', 'Échéance', 'Compte', 'Libellé', 'Débit', 'Crédit', 'Lettrage']);
    expect(encodingLine(loaded.encoding, loaded.sample, 'en')).toBe(
      'File read as Windows-1252 (it is not valid UTF-8): "SOCIÉTÉ pièce Échéance". If the accents look wrong, save the file as UTF-8 and import it again.',
    );
    // Read in place, the sheet needs no column mapped by hand: Compte is the customer.
    const rows = loaded.sheet.values.slice(loaded.sheet.values.indexOf(header as CellValue[]));
    const mapping = detectColumns(rows[0] ?? []);
    expect(missingRoles(mapping)).toEqual([]);
  });
  test('a UTF-8 file with a byte-order mark keeps its first header clean', () => {
    const bytes = new Uint8Array(readFileSync(join(__dirname, '..', 'data', 'uk-aged-receivables-detail.csv')));
    const loaded = csvBytesToSheet('uk', bytes);
    expect(loaded.encoding).toBe('utf-8-bom');
    expect(loaded.sheet.values[0]?.[0]).toBe('Ledgerly Ltd');
  });
});
