// The payment-delays table (Code de commerce D441-6) on ledgers whose tables are worked out by
// hand below: each bracket's edges, a disputed invoice, a dispute from the dunning log, a partly
// paid invoice, credit notes, another currency, an invoice after the closing date.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { paymentDelaysFor } from '../../src/commands/paymentDelays';
import { defaultSettings, type PaneSettings } from '../../src/commands/settings';
import { importFec } from '../../src/ledger/import';
import { type ColumnMapping, detectColumns, type LedgerTable } from '../../src/ledger/ledger';
import type { CellValue } from '../../src/primitives/cells';
import { dayFromCalendar, parseTextDate } from '../../src/primitives/dates';
import { AgeBucketError } from '../../src/primitives/messages';
import { type DelaySide, delayBracket } from '../../src/reports/paymentDelays';
import { CLOSING, CUSTOMER_HEADER, CUSTOMER_ROWS, closingDay, iso, LOG_ROWS, SUPPLIER_ROWS } from './delaysLedgers';

const today = parseTextDate('2026-11-30');

/** The ledger as the pane holds it: the table, with the columns found from its headers. */
function table(rows: readonly (readonly string[])[], name = 'Clients'): { table: LedgerTable; mapping: ColumnMapping } {
  const values = rows.map((row) => [...row] as CellValue[]);
  return {
    mapping: detectColumns(values[0] ?? []),
    table: {
      sheetName: name,
      headerRow: 0,
      firstColumn: 0,
      values,
      serialSystem: 'excel1900',
      description: `${name}!A1:I${rows.length}`,
    },
  };
}

function settings(changes: Partial<PaneSettings> = {}): PaneSettings {
  return {
    ...defaultSettings('fr', today),
    delaysClosingDate: CLOSING,
    delaysTurnover: '100 000,00',
    delaysPurchases: '50 000,00',
    ...changes,
  };
}

const customers = table([CUSTOMER_HEADER, ...CUSTOMER_ROWS]);
const run = (changes: Partial<PaneSettings> = {}, withLog = true) =>
  paymentDelaysFor(
    {
      customers,
      suppliers: { sheetName: 'Fournisseurs', values: SUPPLIER_ROWS.map((row) => [...row]) },
      log: withLog ? LOG_ROWS.map((row) => [...row]) : null,
    },
    settings(changes),
  );

/** Counts and amounts (in cents) of brackets 0..4, then the total of 1 day and more. */
const brackets = (side: DelaySide) => [...side.brackets, side.late].map((b) => [b.count, b.amount]);

describe('the brackets of the model', () => {
  test.each([
    [-10, 0],
    [0, 0],
    [1, 1],
    [30, 1],
    [31, 2],
    [60, 2],
    [61, 3],
    [90, 3],
    [91, 4],
    [400, 4],
  ])('%i days past due is in bracket %i', (days, bracket) => {
    expect(delayBracket(days)).toBe(bracket);
  });
});

describe('section I: invoices issued, unpaid at the closing date', () => {
  const result = run();

  test('each bracket, counted by hand', () => {
    // 0 jour: F-0 (due on the closing date) 100.00 + F-NOTDUE (due in 10 days) 50.00
    // 1-30: F-1 110.00 − AV-1 20.25 (the credit note names F-1) = 89.75, + F-30 130.00
    // 31-60: F-31 131.00 + F-60 160.00 + F-PART 400.00 still unpaid of its 1000.00
    // 61-90: F-61 161.00 + F-90 190.00
    // 91+: F-91 191.00
    // Total (1 day and more): 8 invoices, 219.75 + 691.00 + 351.00 + 191.00 = 1452.75
    expect(brackets(result.issued)).toEqual([
      [2, 15_000],
      [2, 21_975],
      [3, 69_100],
      [2, 35_100],
      [1, 19_100],
      [8, 145_275],
    ]);
  });

  test('(B): the disputed invoice and the dispute from the dunning log, apart', () => {
    // F-LIT 999.99 (the ledger's disputed column) + F-LOG 300.00 (a "Litige" row in the log)
    expect(result.issued.excluded).toEqual({ count: 2, amount: 129_999 });
    const kinds = new Map(result.issued.placements.map((p) => [p.item.invoiceNumber, p.kind]));
    expect(kinds.get('F-LIT')).toBe('disputed');
    expect(kinds.get('F-LOG')).toBe('disputedInLog');
  });

  test('a log row typed with a no-break space names the same customer', () => {
    const log = LOG_ROWS.map((row) => row.map((cell) => (cell === 'Hotel' ? 'Hotel\u00a0' : cell)));
    const result = paymentDelaysFor({ customers, suppliers: null, log }, settings());
    expect(result.issued.excluded).toEqual({ count: 2, amount: 129_999 });
  });

  test('the log as it stood on the closing date: resolved disputes count again, later ones do not yet', () => {
    const log = [
      ...LOG_ROWS,
      // F-LIT is flagged in the ledger, but the log says the dispute was settled in December.
      [iso(closingDay - 5), 'Echo', 'Litige résolu', 'Téléphone', '', 'EUR', 'F-LIT', 'Marie', 'Avoir accordé'],
      // A dispute on F-91 opened after the closing date: not yet a dispute on the closing date.
      [iso(closingDay + 3), 'Delta', 'Litige', 'Téléphone', '', 'EUR', 'F-91', 'Marie', 'Quantités'],
    ];
    const result = paymentDelaysFor({ customers, suppliers: null, log }, settings());
    // Only F-LOG stays in (B); F-LIT (999.99, 40 days) joins 31-60; F-91 stays in 91+.
    expect(result.issued.excluded).toEqual({ count: 1, amount: 30_000 });
    expect(result.issued.brackets[2]).toEqual({ count: 4, amount: 69_100 + 99_999 });
    expect(result.issued.brackets[4]).toEqual({ count: 1, amount: 19_100 });
  });

  test('an unreadable log row is said under the table, since a dispute it records is unknown', () => {
    const log = [...LOG_ROWS, ['31/02/2025', 'Delta', 'Litige', 'Téléphone', '', 'EUR', 'F-91', 'Marie', '']];
    const notes = paymentDelaysFor({ customers, suppliers: null, log }, settings()).table.layout.rows.map((row) => row[0]);
    expect(notes).toContain(
      '1 ligne(s) du journal des relances illisible(s) : un litige qu’elles noteraient n’est pas pris en compte.',
    );
  });

  test('without the log, the logged dispute is an ordinary invoice 100 days late', () => {
    const withoutLog = run({}, false);
    expect(withoutLog.issued.excluded).toEqual({ count: 1, amount: 99_999 });
    expect(withoutLog.issued.brackets[4]).toEqual({ count: 2, amount: 19_100 + 30_000 });
  });

  test('credit notes are not invoices: applied to the invoice they name, else listed apart', () => {
    expect(result.issued.creditsApart).toEqual({ count: 1, amount: -1_500 });
    const av1 = result.issued.placements.find((p) => p.item.invoiceNumber === 'AV-1');
    expect(av1?.kind).toBe('creditApplied');
    expect(av1?.bracket).toBeNull();
  });

  test('another currency and an invoice after the closing date stay outside the table', () => {
    expect([...result.issued.otherCurrencies]).toEqual([['USD', { count: 1, amount: 50_000 }]]);
    const after = result.issued.placements.find((p) => p.item.invoiceNumber === 'F-AFTER');
    expect(after?.kind).toBe('afterClosing');
  });

  test('every row of the ledger is placed once', () => {
    expect(result.issued.placements.map((p) => p.item.invoiceNumber).sort()).toEqual(CUSTOMER_ROWS.map((row) => row[1]).sort());
  });

  test('received: the supplier sheet, its header found under a title', () => {
    // A-100 5 days late 1200.00; A-200 95 days late 800.00; A-300 not due 300.00
    expect(brackets(result.received as DelaySide)).toEqual([
      [1, 30_000],
      [1, 120_000],
      [0, 0],
      [0, 0],
      [1, 80_000],
      [2, 200_000],
    ]);
    // Rows as the sheet numbers them: the header is row 3, A-100 row 4.
    expect(result.received?.placements.find((p) => p.item.invoiceNumber === 'A-100')?.item.row).toBe(4);
  });
});

describe('a supplier account exported as debit and credit', () => {
  // In a 401 account the invoices received are credits and the payments debits.
  const suppliers = [
    ['Fournisseur', 'N° pièce', 'Date', 'Échéance', 'Débit', 'Crédit', 'Solde'],
    ['Papeterie Martin', 'A-100', '2025-11-01', '2025-12-01', '', '1200,00', '-1200,00'],
    ['Papeterie Martin', 'A-101', '2025-09-01', '2025-10-01', '', '300,00', '-1500,00'],
    ['Papeterie Martin', '', '2025-12-10', '2025-12-10', '500,00', '', '-1000,00'],
  ];
  const result = paymentDelaysFor(
    { customers, suppliers: { sheetName: 'Fournisseurs', values: suppliers }, log: null },
    settings(),
  );
  test('invoices are counted positive, in their brackets', () => {
    // A-100 30 days late: 1-30; A-101 91 days late: 91+.
    expect(brackets(result.received as DelaySide)).toEqual([
      [0, 0],
      [1, 120_000],
      [0, 0],
      [0, 0],
      [1, 30_000],
      [2, 150_000],
    ]);
  });
  test('the payment that names no invoice is listed apart, not in a bracket', () => {
    expect(result.received?.creditsApart).toEqual({ count: 1, amount: -50_000 });
  });
});

describe('the received half from a FEC imported on the supplier side (401)', () => {
  const text = readFileSync(join(__dirname, '..', 'ledger', 'fixtures', 'fec.txt'), 'utf8');
  const closing = '2026-12-31';
  const imported = importFec(text, 'utf-8', {
    fileName: 'fec.txt',
    language: 'fr',
    asOf: parseTextDate(closing),
    defaultCurrency: 'EUR',
    partialMatch: 'lowerCaseOrStar',
    terms: '30 jours',
    side: 'supplier',
  });
  const result = paymentDelaysFor(
    {
      customers,
      suppliers: { sheetName: 'Fournisseurs (FEC)', values: imported.layout.rows.map((row) => [...row]) },
      log: null,
    },
    settings({ delaysClosingDate: closing }),
  );
  test('the open 401 invoice, 30 days late on 31 December, in 1-30; the one matched in October is gone', () => {
    // F-S1 of 1 November 2026 (600.00), due 30 days later on 1 December: 30 days late.
    expect(brackets(result.received as DelaySide)).toEqual([
      [0, 0],
      [1, 60_000],
      [0, 0],
      [0, 0],
      [0, 0],
      [1, 60_000],
    ]);
  });
});

describe('legal terms (L441-10) instead of the ledger’s due dates', () => {
  test('60 days from the invoice date', () => {
    const result = run({ delaysTerms: 'legal60' });
    // F-91 was invoiced 121 days before the closing: legal due date 61 days before, bracket 61-90.
    const f91 = result.issued.placements.find((p) => p.item.invoiceNumber === 'F-91');
    expect([f91?.daysLate, f91?.bracket]).toEqual([61, 3]);
    // F-0 was invoiced 30 days before: not yet due under 60 days.
    const f0 = result.issued.placements.find((p) => p.item.invoiceNumber === 'F-0');
    expect([f0?.daysLate, f0?.bracket]).toEqual([-30, 0]);
  });
  test('45 days end of month: invoice date + 45 days, then the month’s end', () => {
    const result = run({ delaysTerms: 'legal45EndOfMonth' });
    // F-31 invoiced on 2025-10-31: + 45 = 2025-12-15, end of month 2025-12-31: 0 days late.
    const f31 = result.issued.placements.find((p) => p.item.invoiceNumber === 'F-31');
    expect(f31?.referenceDueDay).toBe(dayFromCalendar(2025, 12, 31));
    expect(f31?.daysLate).toBe(0);
    // F-60 invoiced on 2025-10-02: + 45 = 2025-11-16, end of month 2025-11-30: 31 days late.
    const f60 = result.issued.placements.find((p) => p.item.invoiceNumber === 'F-60');
    expect([f60?.daysLate, f60?.bracket]).toEqual([31, 2]);
  });
});

describe('section II: invoices paid late during the year', () => {
  const header = ['Client', 'N° facture', 'Date facture', 'Échéance', 'Montant', 'Reste dû', 'Date de règlement'];
  const rows = [
    ['Alpha', 'P-1', '2025-03-01', '2025-03-31', '100.00', '0', '2025-03-31'],
    ['Alpha', 'P-2', '2025-04-01', '2025-05-01', '200.00', '0', '2025-05-31'],
    ['Bravo', 'P-3', '2025-05-01', '2025-05-31', '300.00', '0', '2025-08-30'],
    ['Bravo', 'P-4', '2025-06-01', '2025-07-01', '400.00', '400.00', ''],
    ['Charlie', 'P-5', '2024-11-01', '2024-12-01', '500.00', '0', '2025-01-31'],
  ];
  const result = paymentDelaysFor(
    { customers: table([header, ...rows]), suppliers: null, log: null },
    settings({ delaysSection: 'II' }),
  );
  test('by bracket of delay at payment, against the invoices of the year', () => {
    // P-1 paid on its due date: 0; P-2 30 days late: 1-30; P-5 61 days: 61-90; P-3 91 days: 91+.
    expect(brackets(result.issued)).toEqual([
      [1, 10_000],
      [1, 20_000],
      [0, 0],
      [1, 50_000],
      [1, 30_000],
      [3, 100_000],
    ]);
    // Invoices dated in 2025: P-1 to P-4, 1000.00 (P-5 was invoiced in 2024).
    expect(result.issued.yearInvoices).toEqual({ count: 4, amount: 100_000 });
  });
  test('refused without a paid-date column, in both languages', () => {
    let error: unknown;
    try {
      run({ delaysSection: 'II' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AgeBucketError);
    expect((error as AgeBucketError).localized('fr')).toContain('colonne date de règlement');
    expect((error as AgeBucketError).localized('en')).toContain('paid-date column');
  });
});

describe('inputs the user typed wrong get an error that names them', () => {
  test('a closing date that is not a date', () => {
    expect(() => run({ delaysClosingDate: '31/13/2025' })).toThrow(/closing date/);
  });
  test('a turnover that is not an amount', () => {
    expect(() => run({ delaysTurnover: 'cent mille' })).toThrow(/turnover/);
  });
  test('a supplier sheet that does not exist', () => {
    expect(() => paymentDelaysFor({ customers, suppliers: { sheetName: 'Fourn', values: null }, log: null }, settings())).toThrow(
      /no sheet named "Fourn"/,
    );
  });
});
