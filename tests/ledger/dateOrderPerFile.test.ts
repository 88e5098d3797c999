// One file, one date order. An export written day-first (01/09/2026 … 31/10/2026) has columns
// whose every date fits both orders (its invoice dates: 01/09, 01/10, 01/08) beside columns that
// prove the order (a due date of 31/10/2026). Opened in a US workbook, the ambiguous column must
// follow the file, not the locale: 01/09/2026 is 1 September, not 9 January. Only when no column
// of the file settles the order (or two columns settle it differently) does the locale decide,
// and the report then says where to set it (Ageing › Columns), in English and in French.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPaymentHistory } from '../../src/forecast/paymentHistory';
import { importLedgerFile } from '../../src/ledger/import';
import { detectColumns, readLedger } from '../../src/ledger/ledger';
import { describeReading } from '../../src/ledger/readingReport';
import type { CellValue } from '../../src/primitives/cells';
import { formatIsoDate, parseTextDate } from '../../src/primitives/dates';
import type { Language } from '../../src/primitives/messages';

const FILE = join(__dirname, 'fixtures', 'reglements-jjmmaaaa.csv');
const AS_OF = parseTextDate('2026-11-30');
const load = (language: Language, locale: string) =>
  importLedgerFile(new Uint8Array(readFileSync(FILE)), {
    fileName: 'reglements-jjmmaaaa.csv',
    language,
    locale,
    asOf: AS_OF,
    defaultCurrency: 'EUR',
    partialMatch: 'lowerCaseOrStar',
  });
const iso = (day: number | null | undefined) => (day === null || day === undefined ? null : formatIsoDate(day));

describe('a day-first file opened in a US workbook', () => {
  test('its ambiguous invoice dates follow the due dates of the same file, not the locale', async () => {
    const { report } = await load('en', 'en-US');
    // Read by hand from the file, day first: the open lines' invoice and due dates.
    expect(report.ledger?.items.map((item) => [item.invoiceNumber, iso(item.invoiceDay), iso(item.dueDay)])).toEqual([
      ['F2026-118', '2026-10-01', '2026-10-31'],
      ['F2026-125', '2026-11-02', '2026-12-02'],
      ['F2026-126', '2026-11-03', '2026-12-03'],
    ]);
    // The paid lines, set aside as history: 05/09/2026 is 5 September (the paid column's 15/10 proves it).
    expect(report.ledger?.paid.map((item) => [item.invoiceNumber, iso(item.invoiceDay), iso(item.paidDay)])).toEqual([
      ['F2026-087', '2026-08-01', '2026-09-05'],
      ['F2026-101', '2026-09-01', '2026-10-15'],
    ]);
    expect(report.ledger?.dateColumns.find((reading) => reading.role === 'invoiceDate')).toMatchObject({
      order: 'dayFirst',
      basis: 'file',
      exampleRole: 'dueDate',
      example: '31/08/2026',
    });
  });

  test('the report says which column of the file settled the order, in English and in French', async () => {
    expect((await load('en', 'en-US')).report.lines).toContain(
      'Invoice date: every date fits both orders; read day-first (31/12/2026) as the same file\'s due date column is ("31/08/2026" fits no other order).',
    );
    expect((await load('fr', 'en-US')).report.lines).toContain(
      'Date facture : chaque date se lit dans les deux ordres ; lue en jour/mois (31/12/2026) comme la colonne échéance du même fichier (« 31/08/2026 » ne se lit pas autrement).',
    );
  });
});

describe('when the file does not settle the order', () => {
  const header = ['Customer', 'Invoice no.', 'Invoice date', 'Due date', 'Open amount'];
  const read = (rows: Array<[string, string]>, localeDateOrder: 'dayFirst' | 'monthFirst') =>
    readLedger(
      [header, ...rows.map(([invoice, due], index): CellValue[] => ['Harrow Ltd', `INV-${index + 1}`, invoice, due, 100])],
      detectColumns(header),
      { serialSystem: 'excel1900', defaultCurrency: 'GBP', localeDateOrder },
    );

  test('no column proves an order: the locale decides, and the report says where to set it', () => {
    const ledger = read(
      [
        ['01/09/2026', '01/10/2026'],
        ['02/10/2026', '02/11/2026'],
      ],
      'monthFirst',
    );
    expect(ledger.items.map((item) => [iso(item.invoiceDay), iso(item.dueDay)])).toEqual([
      ['2026-01-09', '2026-01-10'],
      ['2026-02-10', '2026-02-11'],
    ]);
    const en = describeReading(ledger, { language: 'en', locale: 'en-US', partialMatch: 'none', hasMatchingCodes: false });
    expect(en).toContain(
      "Due date: every date fits both orders, and no other date column of the file settles it; read month-first (12/31/2026) as the workbook's locale (en-US) writes dates. If wrong, set it with the month-first box beside this column, under Ageing › Columns.",
    );
    const fr = describeReading(ledger, { language: 'fr', locale: 'en-US', partialMatch: 'none', hasMatchingCodes: false });
    expect(fr).toContain(
      'Échéance : chaque date se lit dans les deux ordres, et aucune autre colonne de dates du fichier ne tranche ; lue en mois/jour (12/31/2026) selon les paramètres régionaux du classeur (en-US). Si c’est faux, réglez-le avec la case mois/jour à côté de cette colonne, dans Balance âgée › Colonnes.',
    );
    // Nowhere does the report send the user to Settings for the order: the box is under Columns.
    expect([...en, ...fr].join('\n')).not.toMatch(/Settings|Paramètres|Réglages/);
  });

  test('the month-first box unticked reads a column day-first, against a month-first locale', () => {
    const rows: Array<[string, string]> = [
      ['01/09/2026', '01/10/2026'],
      ['02/10/2026', '02/11/2026'],
    ];
    const ledger = readLedger(
      [header, ...rows.map(([invoice, due], index): CellValue[] => ['Harrow Ltd', `INV-${index + 1}`, invoice, due, 100])],
      detectColumns(header),
      { serialSystem: 'excel1900', defaultCurrency: 'GBP', localeDateOrder: 'monthFirst', dayFirstColumns: ['dueDate'] },
    );
    expect(ledger.items.map((item) => iso(item.dueDay))).toEqual(['2026-10-01', '2026-11-02']);
    expect(describeReading(ledger, { language: 'fr', locale: 'en-US', partialMatch: 'none', hasMatchingCodes: false })).toContain(
      'Échéance : lue en jour/mois (31/12/2026), comme vous l’avez choisi.',
    );
  });

  test('two columns prove different orders: the ambiguous ones keep the locale’s', () => {
    const header3 = ['Customer', 'Invoice no.', 'Invoice date', 'Due date', 'Promise date', 'Open amount'];
    const ledger = readLedger(
      [header3, ['Harrow Ltd', 'INV-1', '25/09/2026', '10/25/2026', '03/04/2027', 100]],
      detectColumns(header3),
      { serialSystem: 'excel1900', defaultCurrency: 'GBP', localeDateOrder: 'dayFirst' },
    );
    expect(ledger.dateColumns.map((reading) => [reading.role, reading.order, reading.basis])).toEqual([
      ['invoiceDate', 'dayFirst', 'proved'],
      ['dueDate', 'monthFirst', 'proved'],
      ['promiseDate', 'dayFirst', 'locale'],
    ]);
  });
});

test('a sheet of paid invoices is one file too: its ambiguous paid dates follow its due dates', () => {
  const rows: CellValue[][] = [
    ['Customer', 'Due date', 'Paid date'],
    ['Harrow Ltd', '31/08/2026', '05/09/2026'],
    ['Harrow Ltd', '01/10/2026', '02/10/2026'],
  ];
  const history = readPaymentHistory(rows, AS_OF, { serialSystem: 'excel1900', localeDateOrder: 'monthFirst' });
  expect(history.settled.map((invoice) => [iso(invoice.dueDay), iso(invoice.paidDay)])).toEqual([
    ['2026-08-31', '2026-09-05'],
    ['2026-10-01', '2026-10-02'],
  ]);
});
