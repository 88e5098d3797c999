// Dates written with a two-digit year (03/11/26), as French and UK exports often write them:
// read when the column's order is decided, with the century Excel gives (00–29 → 2000–2029,
// 30–99 → 1930–1999), and the reading report says so. A column whose order cannot be proved
// follows the workbook's locale and says so; a column that mixes orders skips the rows of the
// other order with an error; a lone cell with no column to decide from is refused.

import { daysOverdueFunction } from '../../src/functions/catalogue';
import { type ImportResult, importLedgerFile } from '../../src/ledger/import';
import { detectColumns, readLedger } from '../../src/ledger/ledger';
import { describeReading } from '../../src/ledger/readingReport';
import type { CellValue } from '../../src/primitives/cells';
import { dayFromCalendar, formatIsoDate, parseTextDate } from '../../src/primitives/dates';
import { testHost } from '../functions/testHost';

const AS_OF = dayFromCalendar(2026, 11, 30);

describe('a two-digit-year date on its own', () => {
  test('is refused: with no column to decide from, its century is not written', () => {
    expect(() => parseTextDate('03/11/26')).toThrow('"03/11/26" has a two-digit year');
  });

  test.each([
    ['03/11/26', '2026-11-03'],
    ['03.11.26', '2026-11-03'],
    ['03-11-26', '2026-11-03'],
    ['3/1/26', '2026-01-03'],
    ['29/02/24', '2024-02-29'],
    ['03/11/26 00:00', '2026-11-03'],
    // Excel's window: 29 is the last year of the 2000s, 30 the first of the 1900s.
    ['31/12/29', '2029-12-31'],
    ['01/01/30', '1930-01-01'],
    ['31/12/99', '1999-12-31'],
    ['01/01/00', '2000-01-01'],
  ])('"%s" is %s day-first when the column says two-digit years are read', (text, iso) => {
    expect(formatIsoDate(parseTextDate(text, { twoDigitYear: 'window1930', strict: true }))).toBe(iso);
  });

  test('month-first when the column is', () => {
    expect(formatIsoDate(parseTextDate('11/03/26', { twoDigitYear: 'window1930', monthFirst: true }))).toBe('2026-11-03');
  });

  test('an impossible date is an error, never rolled over', () => {
    expect(() => parseTextDate('29/02/26', { twoDigitYear: 'window1930' })).toThrow('month 02 of 2026 has 28 days, not 29');
    expect(() => parseTextDate('13/13/26', { twoDigitYear: 'window1930', strict: true })).toThrow('there is no month 13');
  });

  const context = testHost(AS_OF);
  test('DAYSOVERDUE over a lone 03/11/26 is an error in its cell only', () => {
    const result = daysOverdueFunction([['03/11/2026'], ['03/11/26']], null, context);
    expect(result[0]).toEqual([27]);
    expect(result[1]).toEqual([{ error: expect.stringContaining('two-digit year') }]);
  });
});

// An open-items export as French accounting software writes it: Windows-1252, `;`, a title and
// a blank line above the header, dates jj/mm/aa, amounts with a decimal comma and a space
// between thousands, CRLF.
const FRENCH_EXPORT = [
  'Échéancier clients au 30/11/26;;;;;',
  ';;;;;',
  'Client;N° facture;Date facture;Échéance;Montant TTC;Reste dû',
  'Boulangerie Martin;FA-2611;03/11/26;03/12/26;1 200,00;1 200,00',
  'Hôtel du Lac;FA-2589;15/09/26;15/10/26;2 450,50;2 450,50',
  'Hôtel du Lac;AV-0112;02/10/26;02/10/26;-150,00;-150,00',
  'Garage Moreau & Fils;FA-2544;28/06/26;31/07/26;980,00;490,00',
  'Garage Moreau & Fils;FA-2601;31/10/26;30/11/26;312,40;312,40',
  '',
].join('\r\n');

/** Windows-1252 bytes: the export holds only Latin-1 letters (é, ô, °), which Windows-1252 codes alike. */
function windows1252(text: string): Uint8Array {
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code > 0xff || (code >= 0x80 && code < 0xa0)) throw new Error(`not coded alike in Windows-1252: ${char}`);
  }
  return new Uint8Array(Buffer.from(text, 'latin1'));
}

function importExport(text: string, locale: string, language: 'en' | 'fr' = 'en'): Promise<ImportResult> {
  return importLedgerFile(windows1252(text), {
    fileName: 'echeancier.csv',
    language,
    asOf: AS_OF,
    defaultCurrency: 'EUR',
    partialMatch: 'lowerCaseOrStar',
    locale,
  });
}

describe('a French export with dd/mm/yy dates, Windows-1252 and `;`', () => {
  let result: ImportResult;
  beforeAll(async () => {
    result = await importExport(FRENCH_EXPORT, 'fr-FR');
  });

  test('read as Windows-1252, `;`-separated, header on line 3, every row an open item', () => {
    expect(result.report.encoding).toBe('windows-1252');
    expect(result.report.separator).toBe(';');
    expect(result.report.headerRow).toBe(3);
    expect(result.report.ledger?.skipped).toEqual([]);
    expect(result.report.openItems).toBe(5);
  });

  test('each date in 2026, day-first, and days overdue as counted by hand on 30 November 2026', () => {
    const items = result.report.ledger?.items ?? [];
    // By hand: 15 Oct → 30 Nov is 16 + 30 = 46 days; 2 Oct → 59; 31 Jul → 31 + 30 + 31 + 30 = 122.
    expect(
      items.map((item) => [
        item.invoiceNumber,
        formatIsoDate(item.invoiceDay as number),
        formatIsoDate(item.dueDay),
        AS_OF - item.dueDay,
      ]),
    ).toEqual([
      ['FA-2611', '2026-11-03', '2026-12-03', -3],
      ['FA-2589', '2026-09-15', '2026-10-15', 46],
      ['AV-0112', '2026-10-02', '2026-10-02', 59],
      ['FA-2544', '2026-06-28', '2026-07-31', 122],
      ['FA-2601', '2026-10-31', '2026-11-30', 0],
    ]);
  });

  test('the sheet written holds the dates as Excel serials (days since 1899-12-30)', () => {
    const serial = (year: number, month: number, day: number) =>
      (Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000;
    const rows = result.layout.rows as CellValue[][];
    const header = rows[0] as CellValue[];
    const due = header.indexOf('Due date');
    expect(rows.slice(1).map((row) => row[due])).toEqual([
      serial(2026, 12, 3),
      serial(2026, 10, 15),
      serial(2026, 10, 2),
      serial(2026, 7, 31),
      serial(2026, 11, 30),
    ]);
    expect(serial(2026, 11, 30)).toBe(46_356);
  });

  test('the report says the order was proved and how two-digit years were read, in English and in French', async () => {
    expect(result.report.lines).toContain('Due date: read day-first (31/12/2026); "15/10/26" fits no other order.');
    expect(result.report.lines).toContain(
      'Invoice date: two-digit years are read as 1930 to 2029, as Excel reads them ("03/11/26" is in 2026); write four digits for a year outside.',
    );
    const fr = await importExport(FRENCH_EXPORT, 'fr-FR', 'fr');
    expect(fr.report.lines).toContain(
      'Échéance : les années à deux chiffres sont lues de 1930 à 2029, comme Excel les lit (« 03/12/26 » est en 2026) ; écrivez quatre chiffres pour une autre année.',
    );
  });
});

describe('when the order cannot be decided, or is not one', () => {
  const header = ['Customer', 'Invoice no.', 'Due date', 'Open amount'];
  const read = (dates: string[], locale: 'dayFirst' | 'monthFirst', monthFirstColumns: ('dueDate' | 'invoiceDate')[] = []) => {
    const rows: CellValue[][] = [header, ...dates.map((date, index) => ['Harrow Ltd', `INV-${index + 1}`, date, 100])];
    return readLedger(rows, detectColumns(header), {
      serialSystem: 'excel1900',
      defaultCurrency: 'GBP',
      localeDateOrder: locale,
      monthFirstColumns,
    });
  };

  test('every date fits both orders: the locale decides, and the report says so and where to change it', () => {
    const dates = ['03/11/26', '05/10/26'];
    const uk = read(dates, 'dayFirst');
    const us = read(dates, 'monthFirst');
    expect(uk.items.map((item) => formatIsoDate(item.dueDay))).toEqual(['2026-11-03', '2026-10-05']);
    expect(us.items.map((item) => formatIsoDate(item.dueDay))).toEqual(['2026-03-11', '2026-05-10']);
    expect(describeReading(uk, { language: 'en', locale: 'en-GB', partialMatch: 'none', hasMatchingCodes: false })).toContain(
      "Due date: every date fits both orders, and no other date column of the file settles it; read day-first (31/12/2026) as the workbook's locale (en-GB) writes dates. If wrong, set it with the month-first box beside this column, under Ageing › Columns.",
    );
    expect(describeReading(us, { language: 'fr', locale: 'en-US', partialMatch: 'none', hasMatchingCodes: false })).toContain(
      'Échéance : chaque date se lit dans les deux ordres, et aucune autre colonne de dates du fichier ne tranche ; lue en mois/jour (12/31/2026) selon les paramètres régionaux du classeur (en-US). Si c’est faux, réglez-le avec la case mois/jour à côté de cette colonne, dans Balance âgée › Colonnes.',
    );
  });

  test('a column that mixes both orders: the minority rows are skipped with an error that says why, never read the other way', () => {
    const ledger = read(['15/09/26', '28/10/26', '09/16/26', '03/11/26'], 'monthFirst');
    expect(ledger.dateColumns[0]).toMatchObject({ order: 'dayFirst', basis: 'conflict' });
    expect(ledger.items.map((item) => formatIsoDate(item.dueDay))).toEqual(['2026-09-15', '2026-10-28', '2026-11-03']);
    expect(ledger.skipped.map((row) => [row.row, row.error.localized('en')])).toEqual([
      [
        4,
        expect.stringContaining(
          '"09/16/26" is month-first, but the rest of this column is day-first (dates over 12 in the first place prove it): correct this date',
        ),
      ],
    ]);
    expect(describeReading(ledger, { language: 'en', locale: 'en-US', partialMatch: 'none', hasMatchingCodes: false })).toContain(
      'Due date: the column mixes both orders; read day-first (31/12/2026) as most of its dates are, the other rows are skipped.',
    );
  });

  test('the user said month-first: a date that is only day-first is an error, not a guess', () => {
    const ledger = read(['11/03/26', '15/09/26'], 'dayFirst', ['dueDate']);
    expect(ledger.items.map((item) => formatIsoDate(item.dueDay))).toEqual(['2026-11-03']);
    expect(ledger.skipped.map((row) => row.error.localized('fr'))).toEqual([expect.stringContaining('« 15/09/26 »')]);
  });

  test('an impossible two-digit-year date is its row’s error', () => {
    const ledger = read(['15/09/26', '31/02/26'], 'dayFirst');
    expect(ledger.skipped.map((row) => row.error.localized('en'))).toEqual([
      expect.stringContaining('"31/02/26" is not a real date: month 02 of 2026 has 28 days, not 31'),
    ]);
  });
});
