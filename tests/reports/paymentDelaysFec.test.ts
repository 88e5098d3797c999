// The payment-delays table from an imported FEC: its turnover (class 70) and purchases
// (classes 60 to 62 without the stock variations of 603) as the table's bases, used only when
// the user typed none, only excluding tax, only in the table's currency and year. The real-shaped
// FEC of tests/ledger/fixtures and a FEC written here, both worked out by hand.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { delaysFiguresFromFec, paymentDelaysFor } from '../../src/commands/paymentDelays';
import { defaultSettings, type PaneSettings, settingsFromRecord, settingsToRecord } from '../../src/commands/settings';
import { type FecReading, readFec } from '../../src/ledger/fec';
import { importFec } from '../../src/ledger/import';
import { detectColumns } from '../../src/ledger/ledger';
import type { CellValue } from '../../src/primitives/cells';
import { parseTextDate } from '../../src/primitives/dates';
import { AgeBucketError } from '../../src/primitives/messages';

const FIXTURE = readFileSync(join(__dirname, '..', 'ledger', 'fixtures', 'fec.txt'), 'utf8');
const CLOSING = '2026-12-31';
const today = parseTextDate('2026-11-30');

const supplierImport = importFec(FIXTURE, 'utf-8', {
  fileName: 'fec.txt',
  language: 'fr',
  asOf: parseTextDate(CLOSING),
  defaultCurrency: 'EUR',
  partialMatch: 'lowerCaseOrStar',
  terms: '30 jours',
  side: 'supplier',
});
const fixtureFigures = delaysFiguresFromFec(
  supplierImport.report.fec as FecReading,
  'C:\\Exports\\fec.txt',
  parseTextDate(CLOSING),
);

/** A small customer ledger: one invoice 10 days late on the closing date. */
const customerRows: CellValue[][] = [
  ['Client', 'N° facture', 'Date facture', 'Échéance', 'Reste dû'],
  ['Alpha SA', 'F-1', '2026-11-21', '2026-12-21', '627.00'],
];
const customers = {
  mapping: detectColumns(customerRows[0] ?? []),
  table: {
    sheetName: 'Clients',
    headerRow: 0,
    firstColumn: 0,
    values: customerRows,
    serialSystem: 'excel1900' as const,
    description: 'Clients!A1:E2',
  },
};
const suppliers = { sheetName: 'Import fec', values: supplierImport.layout.rows.map((row) => [...row]) };

function settings(changes: Partial<PaneSettings> = {}): PaneSettings {
  return { ...defaultSettings('fr', today), delaysClosingDate: CLOSING, delaysFromFec: fixtureFigures, ...changes };
}
const run = (changes: Partial<PaneSettings> = {}) => paymentDelaysFor({ customers, suppliers, log: null }, settings(changes));

function errorOf(action: () => unknown): AgeBucketError {
  try {
    action();
  } catch (error) {
    if (error instanceof AgeBucketError) return error;
    throw error;
  }
  throw new Error('no error');
}

describe('the figures an imported FEC gives the table', () => {
  test('class 70 and classes 60 to 62 of the fixture, with the file and the dates of the entries read', () => {
    // Class 70 by 31 December: credits of 706000 1000 + 2000 + 500 + 300 + 920 + 400 + 1250 = 6370,
    // less the debit of 709000 (rebate on AV-12) 100 = 6270. Classes 60-62: 606000 500 + 200 = 700.
    // Entries of those accounts and of 411/401: from 1 October (F-S0) to 5 December 2026 (CHQ-55).
    expect(fixtureFigures).toEqual({
      file: 'fec.txt',
      turnover: '6270',
      purchases: '700',
      currency: 'EUR',
      firstDay: '2026-10-01',
      lastDay: '2026-12-05',
      readAsOf: '2026-12-31',
    });
  });

  test('stock variations (603) are not purchases; rebates obtained (609) reduce them', () => {
    const header =
      'JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|CompAuxLib|PieceRef|PieceDate|EcritureLib|Debit|Credit|EcritureLet|DateLet|ValidDate|Montantdevise|Idevise';
    const lines = [
      'AC|Achats|1|20250110|607000|Achats de marchandises|||A-1|20250110|Marchandises|10000,00|0,00|||20250110||',
      'AC|Achats|2|20250301|613200|Locations immobilières|||A-2|20250301|Loyer|1500,00|0,00|||20250301||',
      'AC|Achats|3|20250615|622600|Honoraires|||A-3|20250615|Expert-comptable|2400,00|0,00|||20250615||',
      'AC|Achats|4|20250701|609700|RRR obtenus sur marchandises|||AV-9|20250701|Remise|0,00|250,00|||20250701||',
      'OD|Inventaire|5|20251231|603700|Variation des stocks de marchandises|||INV|20251231|Stock final|0,00|3000,00|||20251231||',
      'VT|Ventes|6|20250205|707000|Ventes de marchandises|||F-1|20250205|Vente|0,00|18000,00|||20250205||',
      'VT|Ventes|7|20250905|709700|RRR accordés|||AV-1|20250905|Remise|400,00|0,00|||20250905||',
    ];
    const fec = readFec([header, ...lines].join('\n'), { asOf: parseTextDate('2026-11-30'), partialMatch: 'lowerCaseOrStar' });
    // Purchases 10000 + 1500 + 2400 − 250 = 13650 (the 3000 of 603 left out); turnover 18000 − 400.
    expect(delaysFiguresFromFec(fec, 'FEC2025.txt', parseTextDate('2026-11-30'))).toMatchObject({
      purchases: '13650',
      turnover: '17600',
    });
  });

  test('the figures survive the settings’ round trip through the document; damaged ones are forgotten', () => {
    const stored = settingsToRecord(settings());
    expect(settingsFromRecord(stored, defaultSettings('fr', today)).delaysFromFec).toEqual(fixtureFigures);
    const damaged = { ...stored, delaysFromFec: '{"file":"fec.txt","turnover":6270}' };
    expect(settingsFromRecord(damaged, defaultSettings('fr', today)).delaysFromFec).toBeNull();
  });
});

describe('the table with the FEC’s figures', () => {
  const result = run();

  test('the percentages are of the FEC’s turnover and purchases when none is typed', () => {
    expect(result.choices.turnover).toBe(6270_00);
    expect(result.choices.purchases).toBe(700_00);
    const rows = result.table.layout.rows;
    // Received: F-S1 600.00, 30 days late: 600 / 700. Issued: F-1 627.00, 10 days late: 627 / 6270.
    const sharePurchases = rows.find((row) => String(row[0]).startsWith('Pourcentage du montant total des achats'));
    const shareTurnover = rows.find((row) => String(row[0]).startsWith('Pourcentage du chiffre d'));
    expect(sharePurchases?.[2]).toBeCloseTo(600 / 700, 12);
    expect(shareTurnover?.[8]).toBeCloseTo(0.1, 12);
  });

  test('the notes under the table say where the figures come from', () => {
    const notes = result.table.layout.rows.map((row) => row[0]);
    expect(notes).toContain(
      'Chiffre d’affaires tiré du FEC « fec.txt » : classe 70, écritures du 01/10/2026 au 05/12/2026, hors taxes.',
    );
    expect(notes).toContain(
      'Achats tirés du FEC « fec.txt » : classes 60 à 62 hors variations de stocks (603), écritures du 01/10/2026 au 05/12/2026, hors taxes.',
    );
  });

  test('a figure the user typed wins over the FEC’s, and is not said to come from it', () => {
    const typed = run({ delaysTurnover: '12 540,00' });
    expect(typed.choices.turnover).toBe(12_540_00);
    expect(typed.choices.turnoverFrom).toBeNull();
    expect(typed.choices.purchases).toBe(700_00);
    const notes = typed.table.layout.rows.map((row) => String(row[0]));
    expect(notes.some((note) => note.startsWith('Chiffre d’affaires tiré du FEC'))).toBe(false);
    expect(notes.some((note) => note.startsWith('Achats tirés du FEC'))).toBe(true);
  });

  test('no FEC and nothing typed: no percentage, as before', () => {
    const none = run({ delaysFromFec: null });
    expect([none.choices.turnover, none.choices.purchases]).toEqual([null, null]);
  });
});

describe('the FEC’s figures are refused where they would be a wrong base', () => {
  test('a FEC books excluding tax: refused as TTC bases, in both languages', () => {
    const error = errorOf(() => run({ delaysBaseBasis: 'TTC' }));
    expect(error.localized('en')).toBe(
      'the turnover and purchases taken from the FEC "fec.txt" exclude tax (HT): choose HT for the turnover and purchases, or type the figures including tax',
    );
    expect(error.localized('fr')).toContain('sont hors taxes : choisissez HT');
    // Typed TTC figures are the user's to state.
    expect(() => run({ delaysBaseBasis: 'TTC', delaysTurnover: '7524', delaysPurchases: '840' })).not.toThrow();
  });

  test('entries outside the year: another year’s FEC', () => {
    const error = errorOf(() => run({ delaysClosingDate: '2025-12-31' }));
    expect(error.localized('fr')).toBe(
      "le FEC « fec.txt » a des écritures du 01/10/2026 au 05/12/2026, hors de l'exercice du 01/01/2025 au 31/12/2025 : importez le FEC de cet exercice, ou saisissez le chiffre d'affaires et les achats",
    );
    // A year that starts after the FEC's first entry is refused as well.
    expect(() => run({ delaysYearStart: '2026-11-01' })).toThrow(/outside the year/);
  });

  test('a FEC read before the closing date: a part of the year, in both languages', () => {
    const early = { ...fixtureFigures, readAsOf: '2026-11-30' } as PaneSettings['delaysFromFec'];
    const error = errorOf(() => run({ delaysFromFec: early }));
    expect(error.localized('en')).toBe(
      'the turnover and purchases of the FEC "fec.txt" were read as of 30/11/2026, before the closing date 31/12/2026, so they miss the entries booked since: set the as-of date to the closing date or later and import the FEC again, or type the figures',
    );
    expect(error.localized('fr')).toContain('ont été lus au 30/11/2026, avant la clôture du 31/12/2026');
    // Typed figures are not the FEC's: nothing to refuse.
    expect(() => run({ delaysFromFec: early, delaysTurnover: '6270', delaysPurchases: '700' })).not.toThrow();
  });

  test('another currency than the table’s', () => {
    const error = errorOf(() => run({ defaultCurrency: 'CHF' }));
    expect(error.localized('en')).toContain('are in EUR, the table in CHF');
  });
});

test('the sheet says how to print it where the add-in cannot set the page (Google Sheets)', () => {
  const notes = (language: 'en' | 'fr') =>
    paymentDelaysFor({ customers, suppliers, log: null }, settings({ language })).table.layout.rows.map((row) => row[0]);
  expect(notes('fr')).toContain(
    'Impression : A4 paysage, une page en largeur. Excel : déjà réglé sur cette feuille. Google Sheets, qui ne laisse pas un module complémentaire régler l’impression : Fichier › Imprimer, puis Format du papier A4, Orientation Paysage, Échelle Ajuster à la largeur.',
  );
  expect(notes('en')).toContain(
    'Printing: A4 landscape, one page wide. Excel: already set on this sheet. Google Sheets, which does not let an add-on set print options: File › Print, then Paper size A4, Page orientation Landscape, Scale Fit to width.',
  );
});
