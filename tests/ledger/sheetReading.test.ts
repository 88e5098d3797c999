import { findLedger, mappingFor, rememberMapping } from '../../src/commands/ageing';
import { defaultSettings } from '../../src/commands/settings';
import {
  type ColumnMapping,
  dateOrderOfLocale,
  detectColumns,
  findHeaderRow,
  type LedgerTable,
  locateLedger,
  readLedger,
} from '../../src/ledger/ledger';
import { describeReading } from '../../src/ledger/readingReport';
import type { CellValue } from '../../src/primitives/cells';
import { dayFromCalendar, formatIsoDate } from '../../src/primitives/dates';

const OPTIONS = { serialSystem: 'excel1900' as const, defaultCurrency: 'EUR' };

function table(values: CellValue[][], locale = 'fr-FR'): LedgerTable {
  return {
    sheetName: 'Grand livre',
    headerRow: 0,
    firstColumn: 0,
    values,
    serialSystem: 'excel1900',
    description: 'Grand livre',
    locale,
  };
}

// A customer ledger as French accounting software exports it: a title (merged across the
// columns, so only its first cell holds text), the company and period, a blank line, then the
// header; debit, credit, a running balance and a matching code.
const EXPORT: CellValue[][] = [
  ['Grand livre des comptes clients', null, null, null, null, null, null, null, null],
  ['Société Exemple SAS — période du 01/01/2026 au 30/11/2026', null, null, null, null, null, null, null, null],
  [null, null, null, null, null, null, null, null, null],
  ['Compte', 'Client', 'Date', 'Pièce', 'Échéance', 'Débit', 'Crédit', 'Solde', 'Lettrage'],
  ['411DUP', 'Dupont SA', '05/01/2026', 'FA001', '04/02/2026', '1 200,00', '', '1 200,00', 'AA'],
  ['411DUP', 'Dupont SA', '04/02/2026', 'RG001', '04/02/2026', '', '1 200,00', '0,00', 'AA'],
  ['411DUP', 'Dupont SA', '10/03/2026', 'FA002', '09/04/2026', '800,00', '', '800,00', ''],
  ['411DUP', 'Dupont SA', '15/03/2026', 'FA003', '14/04/2026', '500,00', '', '1 300,00', 'ab'],
  ['411DUP', 'Dupont SA', '20/04/2026', 'RG002', '20/04/2026', '', '300,00', '1 000,00', 'ab'],
  ['', 'Sous-total Dupont SA', '', '', '', '3 000,00', '1 500,00', '1 000,00', ''],
  [null, null, null, null, null, null, null, null, null],
  ['411TOT', 'TotalEnergies SE', '02/11/2026', 'FA004', '02/12/2026', '2 000,00', '', '2 000,00', ''],
  ['411TOT', 'TotalEnergies SE', '12/11/2026', 'AV001', '12/11/2026', '', '150,00', '1 850,00', ''],
  ['', '', '', '', '', '5 000,00', '1 650,00', '', ''],
  ['Total général', '', '', '', '', '5 000,00', '1 650,00', '3 350,00', ''],
];

describe('finding the header', () => {
  test('under a merged title, the company, the period and a blank line', () => {
    expect(findHeaderRow(EXPORT)).toBe(3);
    const located = locateLedger(table(EXPORT));
    expect(located.values[0]?.[0]).toBe('Compte');
    expect(located.headerRow).toBe(3);
    expect(located.rowsAbove).toBe(3);
  });
  test('the row the user picks wins over the one found', () => {
    const located = locateLedger(table(EXPORT), 1);
    expect(located.values[0]?.[0]).toBe('Grand livre des comptes clients');
    expect(locateLedger(table(EXPORT), 4).headerRow).toBe(3);
  });
  test('a sheet where no row names two columns is read from its first row', () => {
    expect(findHeaderRow([['Notes'], ['rien']])).toBeNull();
    expect(locateLedger(table([['Notes'], ['rien']])).values).toHaveLength(2);
  });
});

describe('debit, credit, running balance and lettrage', () => {
  const located = locateLedger(table(EXPORT));
  const mapping = detectColumns(located.values[0] ?? []);
  test('the running balance is never the open amount', () => {
    expect(mapping).toMatchObject({ debit: 5, credit: 6, runningBalance: 7, matchingCode: 8, customerCode: 0, customer: 1 });
    expect(mapping.openAmount).toBeUndefined();
  });
  const ledger = readLedger(located.values, mapping, { ...OPTIONS, rowsAbove: located.rowsAbove ?? 0 });
  test('open items are the unmatched and partly matched lines, each debit − credit', () => {
    expect(ledger.amountSource).toBe('debitCredit');
    expect(ledger.items.map((item) => [item.row, item.invoiceNumber, item.amount])).toEqual([
      [7, 'FA002', 800_00],
      [8, 'FA003', 500_00],
      [9, 'RG002', -300_00],
      [12, 'FA004', 2000_00],
      [13, 'AV001', -150_00],
    ]);
    // By hand: Dupont 800 + 500 − 300 = 1,000.00; TotalEnergies 2,000 − 150 = 1,850.00.
    const total = (customer: string) =>
      ledger.items.filter((item) => item.customer === customer).reduce((sum, item) => sum + item.amount, 0);
    expect(total('Dupont SA')).toBe(1000_00);
    expect(total('TotalEnergies SE')).toBe(1850_00);
  });
  test('matched lines, totals rows and blank separators are counted, and everything reconciles', () => {
    expect(ledger.matchedRows).toBe(2);
    expect(ledger.partiallyMatchedRows).toBe(2);
    expect(ledger.totalsRows).toEqual([10, 14, 15]);
    expect(ledger.blankRows).toBe(1);
    expect(ledger.skipped).toEqual([]);
    expect(ledger.items.length + ledger.matchedRows + ledger.totalsRows.length + ledger.blankRows).toBe(ledger.rowCount);
  });
  test('with partial matches switched off, lower-case codes close their lines too', () => {
    const strict = readLedger(located.values, mapping, { ...OPTIONS, partialMatch: 'none' });
    expect(strict.matchedRows).toBe(4);
    expect(strict.items.map((item) => item.invoiceNumber)).toEqual(['FA002', 'FA004', 'AV001']);
  });
  test('a line matched after the as-of date was still open on it', () => {
    const header = ['Client', 'N° facture', 'Échéance', 'Débit', 'Crédit', 'Lettrage', 'Date lettrage'];
    const rows: CellValue[][] = [
      header,
      ['Martin', 'F1', '31/10/2026', '100,00', '', 'AB', '15/11/2026'],
      ['Martin', 'F2', '31/10/2026', '40,00', '', 'AC', '05/12/2026'],
    ];
    const ledger = readLedger(rows, detectColumns(header), { ...OPTIONS, asOf: dayFromCalendar(2026, 11, 30) });
    expect(ledger.items.map((item) => item.invoiceNumber)).toEqual(['F2']);
    expect(ledger.matchedRows).toBe(1);
  });
  test('the pane says what it read, left out and chose', () => {
    const lines = describeReading(ledger, {
      language: 'en',
      locale: 'fr-FR',
      partialMatch: 'lowerCaseOrStar',
      hasMatchingCodes: true,
    });
    expect(lines[0]).toBe(
      '11 rows under the header: 5 open items, 2 matched lines (lettrage) closed, 2 partly matched lines kept open, 3 totals rows left out (rows 10, 14, 15), 1 blank row.',
    );
    expect(lines).toContain('Open amount: debit − credit.');
    expect(lines).toContain('Matching codes in lower case or with * are partial matches: their lines stay open.');
    const french = describeReading(ledger, { language: 'fr', locale: 'fr-FR', partialMatch: 'none', hasMatchingCodes: true });
    expect(french[0]).toContain('2 lignes lettrées soldées');
    expect(french).toContain('Tout code de lettrage solde sa ligne (les minuscules ne sont pas lues comme un lettrage partiel).');
  });
});

describe('a signed amount with a D/C column', () => {
  const header = ['Tiers', 'Référence', 'Échéance', 'Montant', 'Sens'];
  test('C is a credit, D a debit; anything else is a row error', () => {
    const ledger = readLedger(
      [header, ['A', 'F1', '2026-12-01', '100', 'D'], ['A', 'R1', '2026-12-01', '30', 'C'], ['A', 'X', '2026-12-01', '5', '?']],
      detectColumns(header),
      OPTIONS,
    );
    expect(ledger.amountSource).toBe('signedAmount');
    expect(ledger.items.map((item) => item.amount)).toEqual([100_00, -30_00]);
    expect(ledger.skipped[0]?.error.message).toBe('debit/credit (D/C): "?" is not a debit/credit direction: use D or C');
    expect(ledger.skipped[0]?.error.localized('fr')).toBe("sens (D/C) : « ? » n'est pas un sens débit/crédit : utilisez D ou C");
  });
});

describe('dates are read one way per column', () => {
  const header = ['Customer', 'Invoice', 'Due date', 'Amount'];
  const read = (dates: CellValue[], localeOrder?: 'dayFirst' | 'monthFirst') =>
    readLedger(
      [header, ...dates.map((date, index) => ['C', `I${index}`, date, 10])],
      detectColumns(header),
      localeOrder ? { ...OPTIONS, localeDateOrder: localeOrder } : OPTIONS,
    );
  test('one date over 12 in the second place makes the whole column month-first', () => {
    const ledger = read(['1/2/2013', '1/26/2013', '12/11/2013']);
    expect(ledger.items.map((item) => formatIsoDate(item.dueDay))).toEqual(['2013-01-02', '2013-01-26', '2013-12-11']);
    expect(ledger.dateColumns).toEqual([{ role: 'dueDate', order: 'monthFirst', basis: 'proved', example: '1/26/2013' }]);
  });
  test('day-first otherwise', () => {
    const ledger = read(['1/2/2013', '26/1/2013']);
    expect(ledger.items.map((item) => formatIsoDate(item.dueDay))).toEqual(['2013-02-01', '2013-01-26']);
  });
  test('a column that fits both orders follows the locale, and the pane says so', () => {
    expect(read(['1/2/2013', '3/4/2013'], 'monthFirst').items.map((item) => formatIsoDate(item.dueDay))).toEqual([
      '2013-01-02',
      '2013-03-04',
    ]);
    const ledger = read(['1/2/2013', '3/4/2013']);
    expect(ledger.items.map((item) => formatIsoDate(item.dueDay))).toEqual(['2013-02-01', '2013-04-03']);
    expect(ledger.dateColumns[0]?.basis).toBe('locale');
    const lines = describeReading(ledger, { language: 'en', locale: 'en-GB', partialMatch: 'none', hasMatchingCodes: false });
    expect(lines).toContain(
      "Due date: every date fits both orders, and no other date column of the file settles it; read day-first (31/12/2026) as the workbook's locale (en-GB) writes dates. If wrong, set it with the month-first box beside this column, under Ageing › Columns.",
    );
  });
  test('never both orders in one column: the minority is skipped with what to fix', () => {
    const ledger = read(['1/26/2013', '2/27/2013', '28/2/2013', '1/2/2013']);
    expect(ledger.dateColumns[0]).toMatchObject({ order: 'monthFirst', basis: 'conflict' });
    expect(ledger.items.map((item) => formatIsoDate(item.dueDay))).toEqual(['2013-01-26', '2013-02-27', '2013-01-02']);
    expect(ledger.skipped.map((row) => [row.row, row.error.message])).toEqual([
      [
        4,
        'due date: "28/2/2013" is day-first, but the rest of this column is month-first (dates over 12 in the second place prove it): correct this date',
      ],
    ]);
  });
  test('yyyymmdd as text or as a number, serials and ISO text', () => {
    const ledger = read(['20261130', 20261231, 46356, '2026-11-30']);
    expect(ledger.items.map((item) => formatIsoDate(item.dueDay))).toEqual([
      '2026-11-30',
      '2026-12-31',
      '2026-11-30',
      '2026-11-30',
    ]);
    expect(ledger.dateColumns[0]?.basis).toBe('none');
  });
  test('locales that write dates month-first', () => {
    expect(dateOrderOfLocale('en-US')).toBe('monthFirst');
    expect(dateOrderOfLocale('en_US')).toBe('monthFirst');
    expect(dateOrderOfLocale('fr-FR')).toBe('dayFirst');
    expect(dateOrderOfLocale('en-GB')).toBe('dayFirst');
    expect(dateOrderOfLocale(undefined)).toBe('dayFirst');
  });
});

describe('a saved mapping belongs to its headers', () => {
  const first = table([
    ['Client', 'Montant', 'Échéance', 'Notes'],
    ['A', 10, '2026-12-01', ''],
  ]);
  const other = table([
    ['Tiers', 'Échéance', 'Reste dû', 'Commentaire'],
    ['B', '2026-12-01', 5, ''],
  ]);
  test('kept for the same headers, forgotten for others', () => {
    const settings = defaultSettings('fr', 0);
    const chosen: ColumnMapping = { customer: 0, amount: 1, dueDate: 2, disputeReason: 3 };
    rememberMapping(settings, first, chosen);
    expect(mappingFor(first, settings)).toEqual(chosen);
    expect(mappingFor(other, settings)).toEqual({ customer: 0, dueDate: 1, openAmount: 2 });
  });
  test('"Find the ledger" detects afresh, header row and columns', () => {
    const settings = defaultSettings('fr', 0);
    settings.headerRow = 2;
    const titled = table([['Relevé'], ...first.values]);
    rememberMapping(settings, locateLedger(titled, 2), { customer: 1, amount: 0, dueDate: 2 });
    expect(findLedger(titled, settings, false).mapping).toEqual({ customer: 1, amount: 0, dueDate: 2 });
    expect(findLedger(titled, settings, true).mapping).toEqual({ customer: 0, amount: 1, dueDate: 2 });
    expect(findLedger(titled, settings, true).table.headerRow).toBe(1);
  });
});
