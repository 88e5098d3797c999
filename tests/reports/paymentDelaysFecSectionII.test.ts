// Section II of the payment-delays table (invoices paid late during the year) from a FEC's
// matching: the real-shaped FEC of tests/ledger/fixtures, and a FEC written here whose table is
// worked out by hand below (payments going to the oldest invoices of a matching code first, an
// invoice of last year paid this year, one paid after the closing date, a partial match).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type FecForDelays, paymentDelaysFor } from '../../src/commands/paymentDelays';
import { defaultSettings, type PaneSettings } from '../../src/commands/settings';
import { readFec } from '../../src/ledger/fec';
import { importFec } from '../../src/ledger/import';
import { detectColumns } from '../../src/ledger/ledger';
import type { CellValue } from '../../src/primitives/cells';
import { parseTextDate } from '../../src/primitives/dates';
import { AgeBucketError } from '../../src/primitives/messages';
import { fecDelayItems } from '../../src/reports/fecDelays';
import type { DelaySide } from '../../src/reports/paymentDelays';

const today = parseTextDate('2026-11-30');
const HEADER =
  'JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|CompAuxLib|PieceRef|PieceDate|EcritureLib|Debit|Credit|EcritureLet|DateLet|ValidDate|Montantdevise|Idevise';

/** Counts and amounts (in cents) of brackets 0..4, then the total of 1 day and more. */
const brackets = (side: DelaySide) => [...side.brackets, side.late].map((b) => [b.count, b.amount]);

/** A table as the pane holds it, from the rows of a sheet. */
function ledger(rows: CellValue[][], name: string) {
  return {
    mapping: detectColumns(rows[0] ?? []),
    table: { sheetName: name, headerRow: 0, firstColumn: 0, values: rows, serialSystem: 'excel1900' as const, description: name },
  };
}

function settings(changes: Partial<PaneSettings>): PaneSettings {
  return { ...defaultSettings('fr', today), delaysSection: 'II', ...changes };
}

describe('the fixture FEC, year 2026 read as of 31 December', () => {
  const asOf = parseTextDate('2026-12-31');
  const text = readFileSync(join(__dirname, '..', 'ledger', 'fixtures', 'fec.txt'), 'utf8');
  const imported = importFec(text, 'utf-8', {
    fileName: 'fec.txt',
    language: 'fr',
    asOf,
    defaultCurrency: 'EUR',
    partialMatch: 'lowerCaseOrStar',
    terms: '30 jours',
  });
  const fec: FecForDelays = {
    reading: readFec(text, { asOf, partialMatch: 'lowerCaseOrStar' }),
    file: 'fec.txt',
    terms: '30 jours',
    asOf,
  };
  const result = paymentDelaysFor(
    {
      customers: ledger(
        imported.layout.rows.map((row) => [...row]),
        'Import fec',
      ),
      suppliers: null,
      log: null,
      fec,
    },
    settings({ delaysClosingDate: '2026-12-31' }),
  );

  test('issued: FA-101 paid by transfer before its due date, FA-104 by cheque 16 days late', () => {
    // FA-101 of 15 October (1200.00), due 14 November, transfer of 10 November matched AA: 0 jour.
    // FA-104 of 20 October (360.00), due 19 November, cheque of 5 December matched AC: 16 days.
    expect(brackets(result.issued)).toEqual([
      [1, 120_000],
      [1, 36_000],
      [0, 0],
      [0, 0],
      [0, 0],
      [1, 36_000],
    ]);
    // The invoices of the year in euros: FA-101 1200 + FA-102 2400 (partly matched, unpaid) +
    // FA-103 600 + FA-104 360 + FA-106 480 + FA-107 1500 = 6540; FA-105 is in dollars.
    expect(result.issued.yearInvoices).toEqual({ count: 6, amount: 654_000 });
    expect([...result.issued.otherCurrencies]).toEqual([['USD', { count: 1, amount: 100_000 }]]);
  });

  test('received, from the same FEC’s 401 accounts: F-S0 paid on its due date', () => {
    // F-S0 of 1 October (240.00), due 31 October, paid by the transfer of 31 October; F-S1 open.
    expect(brackets(result.received as DelaySide)).toEqual([
      [1, 24_000],
      [0, 0],
      [0, 0],
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
    expect(result.received?.yearInvoices).toEqual({ count: 2, amount: 84_000 });
  });

  test('the detail sheet traces each invoice to its line of the FEC, with its paid date', () => {
    const fa104 = result.issued.placements.find((p) => p.item.invoiceNumber === 'FA-104');
    // Line 15 of the file (the header is line 1).
    expect([fa104?.item.row, fa104?.item.paidDay, fa104?.daysLate]).toEqual([15, parseTextDate('2026-12-05'), 16]);
    const notes = result.table.layout.rows.map((row) => row[0]);
    expect(notes).toContain('Factures émises : fec.txt (411). Factures reçues : fec.txt (401).');
  });
});

describe('a FEC written here, year 2025, read as of 31 March 2026', () => {
  const lines = [
    // Leroy: two invoices and two transfers under one code. FA-1 (100, due 1 October) is covered
    // only by the second transfer, on 14 November: 44 days; FA-2 (50, due 15 October) too: 30 days.
    'VT|Ventes|1|20250901|411000|Clients|CLEROY|Leroy SAS|FA-1|20250901|Facture|100,00|0,00|AB|20251120|20250901||',
    'VT|Ventes|2|20250915|411000|Clients|CLEROY|Leroy SAS|FA-2|20250915|Facture|50,00|0,00|AB|20251120|20250915||',
    'BQ|Banque|3|20251005|411000|Clients|CLEROY|Leroy SAS|VIR-1|20251005|Virement|0,00|60,00|AB|20251120|20251005||',
    'BQ|Banque|4|20251114|411000|Clients|CLEROY|Leroy SAS|VIR-2|20251114|Virement|0,00|90,00|AB|20251120|20251114||',
    // Petit: matched once for the whole year. The transfer of 31 March pays FA-3 (due that day):
    // 0 days; the one of 1 July pays FA-4 (due 31 May): 31 days. Dating both by the last
    // transfer would have put FA-3 at 92 days.
    'VT|Ventes|5|20250301|411000|Clients|CPETIT|Petit SARL|FA-3|20250301|Facture|200,00|0,00|CD|20250701|20250301||',
    'BQ|Banque|6|20250331|411000|Clients|CPETIT|Petit SARL|VIR-3|20250331|Virement|0,00|200,00|CD|20250701|20250331||',
    'VT|Ventes|7|20250501|411000|Clients|CPETIT|Petit SARL|FA-4|20250501|Facture|300,00|0,00|CD|20250701|20250501||',
    'BQ|Banque|8|20250701|411000|Clients|CPETIT|Petit SARL|VIR-4|20250701|Virement|0,00|300,00|CD|20250701|20250701||',
    // Ancien: an invoice of November 2024 (due 15 December 2024) paid on 14 February: 61 days,
    // counted among the late payments of 2025 but not among the invoices of 2025.
    'AN|A-nouveaux|9|20250101|411000|Clients|CANCIEN|Ancien SA|FA-0|20241115|Facture|400,00|0,00|EF|20250214|20250101||',
    'BQ|Banque|10|20250214|411000|Clients|CANCIEN|Ancien SA|VIR-0|20250214|Virement|0,00|400,00|EF|20250214|20250214||',
    // Tardif: invoiced in November, paid on 15 January 2026: not paid during the year.
    'VT|Ventes|11|20251120|411000|Clients|CTARDIF|Tardif SAS|FA-5|20251120|Facture|500,00|0,00|GH|20260115|20251120||',
    'BQ|Banque|12|20260115|411000|Clients|CTARDIF|Tardif SAS|VIR-5|20260115|Virement|0,00|500,00|GH|20260115|20260115||',
    // Partiel: a partial match (lower case) leaves FA-7 unpaid; Ouvert: FA-8 unmatched.
    'VT|Ventes|13|20251001|411000|Clients|CPART|Partiel SA|FA-7|20251001|Facture|1000,00|0,00|kl|20251201|20251001||',
    'BQ|Banque|14|20251201|411000|Clients|CPART|Partiel SA|VIR-7|20251201|Acompte|0,00|400,00|kl|20251201|20251201||',
    'VT|Ventes|15|20251210|411000|Clients|COUVERT|Ouvert SA|FA-8|20251210|Facture|250,00|0,00|||20251210||',
    // Bureau, a supplier: F-10 (600, due 1 May) paid on 1 July: 61 days; F-11 still owed.
    'AC|Achats|16|20250401|401000|Fournisseurs|FBUREAU|Bureau SA|F-10|20250401|Facture|0,00|600,00|A|20250701|20250401||',
    'BQ|Banque|17|20250701|401000|Fournisseurs|FBUREAU|Bureau SA|VIR-10|20250701|Règlement|600,00|0,00|A|20250701|20250701||',
    'AC|Achats|18|20250801|401000|Fournisseurs|FBUREAU|Bureau SA|F-11|20250801|Facture|0,00|120,00|||20250801||',
  ];
  const text = [HEADER, ...lines].join('\n');
  const asOf = parseTextDate('2026-03-31');
  const reading = readFec(text, { asOf, partialMatch: 'lowerCaseOrStar' });
  const fec: FecForDelays = { reading, file: 'FEC2025.txt', terms: '30 jours', asOf };
  // The customer ledger the pane reads: an import of the same FEC, without paid dates.
  const imported = importFec(text, 'utf-8', {
    fileName: 'FEC2025.txt',
    language: 'fr',
    asOf,
    defaultCurrency: 'EUR',
    partialMatch: 'lowerCaseOrStar',
    terms: '30 jours',
  });
  const customers = ledger(
    imported.layout.rows.map((row) => [...row]),
    'Import FEC2025',
  );
  const run = (input: { fec?: FecForDelays | null }, changes: Partial<PaneSettings> = {}) =>
    paymentDelaysFor(
      { customers, suppliers: null, log: null, ...input },
      settings({ delaysClosingDate: '2025-12-31', ...changes }),
    );
  const result = run({ fec });

  test('issued, counted by hand', () => {
    // 0 jour: FA-3 200.00. 1-30: FA-2 50.00 (30 days). 31-60: FA-1 100.00 (44) + FA-4 300.00 (31).
    // 61-90: FA-0 400.00 (61). 91+: none. Total 4 invoices, 850.00.
    expect(brackets(result.issued)).toEqual([
      [1, 20_000],
      [1, 5_000],
      [2, 40_000],
      [1, 40_000],
      [0, 0],
      [4, 85_000],
    ]);
    // Invoices of 2025: FA-1 100 + FA-2 50 + FA-3 200 + FA-4 300 + FA-5 500 + FA-7 1000 + FA-8 250.
    expect(result.issued.yearInvoices).toEqual({ count: 7, amount: 240_000 });
  });

  test('received, counted by hand: F-10 61 days late; F-11 among the invoices of the year', () => {
    expect(brackets(result.received as DelaySide)).toEqual([
      [0, 0],
      [0, 0],
      [0, 0],
      [1, 60_000],
      [0, 0],
      [1, 60_000],
    ]);
    expect(result.received?.yearInvoices).toEqual({ count: 2, amount: 72_000 });
  });

  test('the paid day of each matched invoice', () => {
    const paid = new Map(fecDelayItems(reading, '30 jours', 'customer').map((item) => [item.invoiceNumber, item.paidDay]));
    expect(paid.get('FA-1')).toBe(parseTextDate('2025-11-14'));
    expect(paid.get('FA-3')).toBe(parseTextDate('2025-03-31'));
    expect(paid.get('FA-4')).toBe(parseTextDate('2025-07-01'));
    expect(paid.get('FA-5')).toBe(parseTextDate('2026-01-15'));
    expect(paid.get('FA-7')).toBeNull();
    // Payments are not invoices.
    expect(paid.has('VIR-1')).toBe(false);
  });

  test('the notes say how the paid dates were read', () => {
    const notes = result.table.layout.rows.map((row) => row[0]);
    expect(notes).toContain(
      'Section II tirée du FEC « FEC2025.txt » : une facture est réglée le jour de l’écriture de règlement lettrée avec elle, les règlements d’un même lettrage allant aux factures les plus anciennes (code civil, art. 1342-10) ; échéances selon les conditions « 30 jours ».',
    );
  });

  test('without the FEC, section II is refused as before: the import has no paid dates', () => {
    expect(() => run({ fec: null })).toThrow(/paid-date column, or import the FEC/);
  });

  test('a FEC read before the closing date misses the payments up to it: refused, in both languages', () => {
    const early = parseTextDate('2025-11-30');
    let error: unknown;
    try {
      run({ fec: { ...fec, reading: readFec(text, { asOf: early, partialMatch: 'lowerCaseOrStar' }), asOf: early } });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AgeBucketError);
    expect((error as AgeBucketError).localized('en')).toBe(
      'the FEC "FEC2025.txt" was read as of 30/11/2025, before the closing date 31/12/2025: payments up to the closing date are missing; set the as-of date to the closing date or later and import the FEC again',
    );
    expect((error as AgeBucketError).localized('fr')).toContain('a été lu au 30/11/2025');
  });
});
