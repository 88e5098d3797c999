// Dates written day, month name, year (03-Nov-2026, 3 novembre 2026), as UK accounting software
// and French Excel write them: read by the text-date reader every part shares (the ledger, the
// import, the custom functions), with two-digit years refused unless a column's reading says
// how it reads them. Then the UK "Aged Receivables Detail" export and the Sage grand livre read
// whole, each against sums done by hand from the file.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { daysOverdueFunction } from '../../src/functions/catalogue';
import { type ImportResult, importLedgerFile } from '../../src/ledger/import';
import { detectColumns, readLedger } from '../../src/ledger/ledger';
import { describeReading } from '../../src/ledger/readingReport';
import { dayFromCalendar, formatIsoDate, parseTextDate } from '../../src/primitives/dates';
import { testHost } from '../functions/testHost';

const DATA = join(__dirname, '..', 'data');
const AS_OF = dayFromCalendar(2026, 11, 30);

describe('day-month name-year dates', () => {
  test.each([
    ['03-Nov-2026', '2026-11-03'],
    ['3 Nov 2026', '2026-11-03'],
    ['3-November-2026', '2026-11-03'],
    ['03/nov/2026', '2026-11-03'],
    ['03-nov.-2026', '2026-11-03'],
    ['3 novembre 2026', '2026-11-03'],
    ['1er novembre 2026', '2026-11-01'],
    ['15 févr. 2026', '2026-02-15'],
    ['15-fevr-2026', '2026-02-15'],
    ['29 Feb 2024', '2024-02-29'],
    ['1 août 2026', '2026-08-01'],
    ['01-Sept-2026', '2026-09-01'],
    ['12 déc. 2026', '2026-12-12'],
    ['7 mai 2026', '2026-05-07'],
    ['07-May-2026', '2026-05-07'],
    ['4 juil. 2026', '2026-07-04'],
    ['03-Nov-2026 00:00', '2026-11-03'],
  ])('"%s" is %s', (text, iso) => {
    expect(formatIsoDate(parseTextDate(text))).toBe(iso);
  });

  test('an impossible date is an error, never rolled over', () => {
    expect(() => parseTextDate('31-Feb-2026')).toThrow('month 02 of 2026 has 28 days, not 31');
    expect(() => parseTextDate('29 Feb 2026')).toThrow('has 28 days, not 29');
  });

  test('a word that is no month is not a date', () => {
    expect(() => parseTextDate('03-Foo-2026')).toThrow('"03-Foo-2026" is not a date');
  });

  test('a two-digit year is refused on its own: its century is not written', () => {
    expect(() => parseTextDate('03-Nov-26')).toThrow('two-digit year');
  });

  test('a two-digit year is read in 1930–2029, as Excel does, only when the caller says so (a column whose report states it)', () => {
    expect(formatIsoDate(parseTextDate('03-Nov-26', { twoDigitYear: 'window1930' }))).toBe('2026-11-03');
    expect(formatIsoDate(parseTextDate('31-Dec-29', { twoDigitYear: 'window1930' }))).toBe('2029-12-31');
    expect(formatIsoDate(parseTextDate('01-Jan-30', { twoDigitYear: 'window1930' }))).toBe('1930-01-01');
    expect(formatIsoDate(parseTextDate('31-Dec-99', { twoDigitYear: 'window1930' }))).toBe('1999-12-31');
  });
});

describe('the custom functions read them too (a bad date is an error in its cell only)', () => {
  const context = testHost(AS_OF);
  test('DAYSOVERDUE over 03-Nov-2026, 3 novembre 2026, 03-Nov-26 and 31-Feb-2026', () => {
    const result = daysOverdueFunction([['03-Nov-2026'], ['3 novembre 2026'], ['03-Nov-26'], ['31-Feb-2026']], null, context);
    expect(result[0]).toEqual([27]);
    expect(result[1]).toEqual([27]);
    expect(result[2]).toEqual([{ error: expect.stringContaining('two-digit year') }]);
    expect(result[3]).toEqual([{ error: expect.stringContaining('has 28 days') }]);
  });
});

describe('a ledger sheet with day-month name-year dates', () => {
  const rows = [
    ['Customer', 'Number', 'Date', 'Due Date', 'Open Balance'],
    ['Harrow', 'INV-1', '03-Oct-26', '02-Nov-26', 100],
    ['Harrow', 'INV-2', '1 oct. 2026', '31 oct. 2026', 50],
  ];
  const ledger = readLedger(rows, detectColumns(rows[0] ?? []), {
    serialSystem: 'excel1900',
    defaultCurrency: 'GBP',
    asOf: AS_OF,
  });
  test('every row read, two-digit years as 2026, invoice numbers from "Number"', () => {
    expect(ledger.skipped).toEqual([]);
    expect(ledger.items.map((item) => [item.invoiceNumber, formatIsoDate(item.dueDay)])).toEqual([
      ['INV-1', '2026-11-02'],
      ['INV-2', '2026-10-31'],
    ]);
  });
  test('the reading report says how each date column was read, and the two-digit-year rule', () => {
    const lines = describeReading(ledger, { language: 'en', locale: 'en-GB', partialMatch: 'none', hasMatchingCodes: false });
    expect(lines).toContain('Invoice date: read as day-month name-year ("03-Oct-26"), month names in English or French.');
    expect(lines).toContain(
      'Invoice date: two-digit years are read as 1930 to 2029, as Excel reads them ("03-Oct-26" is in 2026); write four digits for a year outside.',
    );
    const fr = describeReading(ledger, { language: 'fr', locale: 'fr-FR', partialMatch: 'none', hasMatchingCodes: false });
    expect(fr).toContain('Échéance : lue en jour-mois en lettres-année (« 02-Nov-26 »), mois en français ou en anglais.');
  });
});

function importData(name: string, language: 'en' | 'fr' = 'en'): Promise<ImportResult> {
  return importLedgerFile(new Uint8Array(readFileSync(join(DATA, name))), {
    fileName: name,
    language,
    asOf: AS_OF,
    defaultCurrency: 'EUR',
    partialMatch: 'lowerCaseOrStar',
    locale: 'en-GB',
  });
}

describe('the UK "Aged Receivables Detail" export', () => {
  let result: ImportResult;
  beforeAll(async () => {
    result = await importData('uk-aged-receivables-detail.csv');
  });
  test('all 8 lines are open items, none unreadable; the totals row is left out', () => {
    expect(result.report.ledger?.skipped).toEqual([]);
    expect(result.report.openItems).toBe(8);
    expect(result.report.lines).toContain('9 rows under the header: 8 open items, 1 totals row left out (row 14).');
    expect(result.report.lines).toContain(
      'Invoice date: read as day-month name-year ("03-Nov-2026"), month names in English or French.',
    );
  });
  test('the open total is the file’s own: 30,460.39 GBP (by hand: 1250 + 12480 + 780.40 − 250 + 2000 + 999.99 + 10000 + 3200)', () => {
    expect(result.report.totals).toEqual([
      { currency: 'GBP', minor: 125000 + 1248000 + 78040 - 25000 + 200000 + 99999 + 1000000 + 320000 },
    ]);
    expect(result.report.totals[0]?.minor).toBe(3046039);
  });
  test('the invoice numbers (the "Number" column) are in the sheet written', () => {
    const rows = result.layout.rows;
    const column = (rows[0] as string[]).indexOf('Invoice no.');
    expect(rows.slice(1).map((row) => row[column])).toEqual([
      'INV-1041',
      'INV-0987',
      'INV-0950',
      'CN-0031',
      'INV-1002',
      'INV-1030',
      'INV-0921',
      'INV-1050',
    ]);
  });
});

describe('the Sage grand livre: Compte and no name column', () => {
  test('each account is a customer named by its code, and the report says so (EN, FR)', async () => {
    const en = await importData('sage-grand-livre-clients.csv');
    expect(en.report.ledger?.customerSource).toBe('customerCode');
    expect(en.report.lines).toContain(
      'Customer: no customer-name column, so each account is a customer named by its code (column "Compte"). Map a name column in the column list if there is one.',
    );
    const customers = new Set(en.report.ledger?.items.map((item) => item.customer));
    expect([...customers].sort()).toEqual(['411BOUL', '411CAFE', '411DUPONT', '411GARAGE', '411HOTEL']);
    const fr = await importData('sage-grand-livre-clients.csv', 'fr');
    expect(fr.report.lines).toContain(
      'Client : pas de colonne de nom de client, chaque compte est un client désigné par son code (colonne « Compte »). Affectez une colonne de nom dans la liste des colonnes s’il y en a une.',
    );
  });
  test('the same sheet read in place (the Load path) needs no customer column either', () => {
    const rows = [
      ['N° pièce', 'Date pièce', 'Échéance', 'Compte', 'Libellé', 'Débit', 'Crédit'],
      ['FA1', '15/07/2026', '14/08/2026', '411DUPONT', 'Facture Dupont', '100,00', ''],
    ];
    const mapping = detectColumns(rows[0] ?? []);
    expect(mapping.customer).toBeUndefined();
    const ledger = readLedger(rows, mapping, { serialSystem: 'excel1900', defaultCurrency: 'EUR' });
    expect(ledger.items.map((item) => [item.customer, item.customerCode, item.invoiceNumber, item.amount])).toEqual([
      ['411DUPONT', '411DUPONT', 'FA1', 10000],
    ]);
  });
});

describe('invoice-number headers as exports write them', () => {
  test.each([
    'Number',
    'No.',
    'Inv No',
    'Invoice #',
    'Doc No',
    'Reference',
    'Ref',
    'N° pièce',
    'Numéro',
    'Pièce',
    'Référence',
    'Numéro de pièce',
  ])('"%s" is the invoice number', (header) => {
    expect(detectColumns(['Customer', header, 'Due date', 'Amount']).invoiceNumber).toBe(1);
  });
});

describe('the import keeps the source’s other columns after its own', () => {
  test('the UK export’s Type and the Sage ledger’s Libellé are kept, row by row', async () => {
    const uk = await importData('uk-aged-receivables-detail.csv');
    const header = uk.layout.rows[0] as string[];
    const type = header.indexOf('Document type');
    expect(uk.layout.rows.slice(1).map((row) => row[type])).toEqual([
      'Invoice',
      'Invoice',
      'Invoice',
      'Credit note',
      'Invoice',
      'Invoice',
      'Invoice',
      'Invoice',
    ]);
    const sage = await importData('sage-grand-livre-clients.csv', 'fr');
    const sageHeader = sage.layout.rows[0] as string[];
    const first = sage.layout.rows[1] as Array<string | number | null>;
    expect([first[sageHeader.indexOf('N° facture')], first[sageHeader.indexOf('Libellé')]]).toEqual([
      'FA2026-0412',
      'Facture Dupont Électricité SARL',
    ]);
  });
  test('a column the reader does not know is kept, and can be mapped afterwards as the customer', async () => {
    const csv = [
      'Customer ID,Client name (legal),Invoice,Due date,Open amount,Project',
      '411A,Alpha SARL,F1,01/10/2026,100.00,P-7',
      '411B,Beta SAS,F2,01/11/2026,50.00,',
    ].join('\r\n');
    const result = await importLedgerFile(new TextEncoder().encode(csv), {
      fileName: 'x.csv',
      language: 'en',
      asOf: AS_OF,
      defaultCurrency: 'EUR',
      partialMatch: 'lowerCaseOrStar',
    });
    const rows = result.layout.rows;
    const header = rows[0] as string[];
    expect(header.slice(-2)).toEqual(['Client name (legal)', 'Project']);
    expect(rows.slice(1).map((row) => row.slice(-2))).toEqual([
      ['Alpha SARL', 'P-7'],
      ['Beta SAS', null],
    ]);
    // Remapped in the written sheet: the customer is now the kept name column.
    const mapping = { ...detectColumns(header), customer: header.indexOf('Client name (legal)') };
    const ledger = readLedger(rows, mapping, { serialSystem: 'excel1900', defaultCurrency: 'EUR' });
    expect(ledger.items.map((item) => [item.customer, item.invoiceNumber, item.amount])).toEqual([
      ['Alpha SARL', 'F1', 10000],
      ['Beta SAS', 'F2', 5000],
    ]);
  });
});
