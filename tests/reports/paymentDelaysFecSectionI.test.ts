// Section I of the payment-delays table (invoices unpaid at the closing date, by bracket) when
// the ledgers come from a FEC imported after the year ended: lines matched (lettrés) between the
// closing date and the import were open on the closing date and count; a partial lettrage (a
// lower-case code) nets its payments from its invoice, which counts once. A FEC written here,
// pipe-separated in the 18 columns of LPF art. A47 A-1, and the real-shaped FEC of tests/data in
// its two forms (tab and UTF-8; pipe and Windows-1252), each table worked out by hand below.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ageLedger } from '../../src/commands/ageing';
import { paymentDelaysFor } from '../../src/commands/paymentDelays';
import { defaultSettings, type PaneSettings } from '../../src/commands/settings';
import { importFec, importLedgerFile } from '../../src/ledger/import';
import { detectColumns } from '../../src/ledger/ledger';
import type { CellValue } from '../../src/primitives/cells';
import { parseTextDate } from '../../src/primitives/dates';
import type { DelaySide } from '../../src/reports/paymentDelays';

const today = parseTextDate('2026-11-30');
const CLOSING = '2026-09-30';

/** Counts and amounts (in cents) of brackets 0..4, then the total of 1 day and more. */
const brackets = (side: DelaySide | null) => [...(side?.brackets ?? []), side?.late].map((b) => [b?.count, b?.amount]);

/** A table as the pane holds it, from the rows of a sheet. */
function ledger(rows: ReadonlyArray<ReadonlyArray<CellValue>>, name: string) {
  const values = rows.map((row) => [...row]);
  return {
    mapping: detectColumns(values[0] ?? []),
    table: { sheetName: name, headerRow: 0, firstColumn: 0, values, serialSystem: 'excel1900' as const, description: name },
  };
}

function settings(changes: Partial<PaneSettings> = {}): PaneSettings {
  return {
    ...defaultSettings('fr', today),
    delaysClosingDate: CLOSING,
    delaysSection: 'I',
    delaysTerms: 'contractual',
    ...changes,
  };
}

const HEADER =
  'JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|CompAuxLib|PieceRef|PieceDate|EcritureLib|Debit|Credit|EcritureLet|DateLet|ValidDate|Montantdevise|Idevise';

/** One line of the FEC: journal, number, date, account, aux, aux name, piece, label, debit, credit, code, code date. */
function line(
  journal: 'VE' | 'HA' | 'BQ',
  number: number,
  date: string,
  account: string,
  aux: string,
  auxName: string,
  piece: string,
  label: string,
  debit: string,
  credit: string,
  code = '',
  codeDate = '',
): string {
  const journalName = { VE: 'Ventes', HA: 'Achats', BQ: 'Banque' }[journal];
  const accountName: Record<string, string> = {
    '411000': 'Clients',
    '401000': 'Fournisseurs',
    '706000': 'Prestations de services',
    '607000': 'Achats de marchandises',
    '445710': 'TVA collectée',
    '445660': 'TVA déductible',
    '512000': 'Banque',
  };
  return [
    journal,
    journalName,
    `${journal}${String(number).padStart(5, '0')}`,
    date,
    account,
    accountName[account],
    aux,
    auxName,
    piece,
    date,
    label,
    debit,
    credit,
    code,
    codeDate,
    date,
    '',
    '',
  ].join('|');
}

// The year 1 October 2025 to 30 September 2026; the file is imported on 30 November 2026, after
// the accountant matched some lines in October. Contractual terms: 30 days from the invoice.
const FEC = [
  HEADER,
  // F-A, Alpha: 1 200,00 of 1 August, due 31 August: 30 days late on 30 September. Paid in
  // October (next year's books, not in this file) and matched AA on 15 October.
  line('VE', 1, '20260801', '411000', 'C001', 'ALPHA SAS', 'F-A', 'Facture F-A', '1200,00', '0,00', 'AA', '20261015'),
  line('VE', 1, '20260801', '706000', '', '', 'F-A', 'Facture F-A', '0,00', '1000,00'),
  line('VE', 1, '20260801', '445710', '', '', 'F-A', 'Facture F-A', '0,00', '200,00'),
  // F-B, Alpha: 600,00 of 1 July, due 31 July; paid by a transfer of 20 September, in this file,
  // but matched only on 5 October (AB): paid on the closing date, not counted.
  line('VE', 2, '20260701', '411000', 'C001', 'ALPHA SAS', 'F-B', 'Facture F-B', '600,00', '0,00', 'AB', '20261005'),
  line('VE', 2, '20260701', '706000', '', '', 'F-B', 'Facture F-B', '0,00', '500,00'),
  line('VE', 2, '20260701', '445710', '', '', 'F-B', 'Facture F-B', '0,00', '100,00'),
  line('BQ', 3, '20260920', '512000', '', '', 'VIR-B', 'Virement Alpha', '600,00', '0,00'),
  line('BQ', 3, '20260920', '411000', 'C001', 'ALPHA SAS', 'VIR-B', 'Virement Alpha', '0,00', '600,00', 'AB', '20261005'),
  // F-C, Bravo: 1 800,00 of 2 May, due 1 June: 121 days late. A cheque of 1 000,00 on 10 June,
  // partly matched with it (lower-case a): 800,00 still unpaid.
  line('VE', 4, '20260502', '411000', 'C002', 'BRAVO SARL', 'F-C', 'Facture F-C', '1800,00', '0,00', 'a'),
  line('VE', 4, '20260502', '706000', '', '', 'F-C', 'Facture F-C', '0,00', '1500,00'),
  line('VE', 4, '20260502', '445710', '', '', 'F-C', 'Facture F-C', '0,00', '300,00'),
  line('BQ', 5, '20260610', '512000', '', '', 'CHQ-C', 'Chèque Bravo', '1000,00', '0,00'),
  line('BQ', 5, '20260610', '411000', 'C002', 'BRAVO SARL', 'CHQ-C', 'Chèque Bravo', '0,00', '1000,00', 'a'),
  // F-D, Bravo: 480,00 of 15 September, due 15 October: not late (0 jour).
  line('VE', 6, '20260915', '411000', 'C002', 'BRAVO SARL', 'F-D', 'Facture F-D', '480,00', '0,00'),
  line('VE', 6, '20260915', '706000', '', '', 'F-D', 'Facture F-D', '0,00', '400,00'),
  line('VE', 6, '20260915', '445710', '', '', 'F-D', 'Facture F-D', '0,00', '80,00'),
  // F-E, Charlie: 2 400,00 of 1 June, paid 30 June, matched AC on 1 July: settled, not written.
  line('VE', 7, '20260601', '411000', 'C003', 'CHARLIE SA', 'F-E', 'Facture F-E', '2400,00', '0,00', 'AC', '20260701'),
  line('VE', 7, '20260601', '706000', '', '', 'F-E', 'Facture F-E', '0,00', '2000,00'),
  line('VE', 7, '20260601', '445710', '', '', 'F-E', 'Facture F-E', '0,00', '400,00'),
  line('BQ', 8, '20260630', '512000', '', '', 'VIR-E', 'Virement Charlie', '2400,00', '0,00'),
  line('BQ', 8, '20260630', '411000', 'C003', 'CHARLIE SA', 'VIR-E', 'Virement Charlie', '0,00', '2400,00', 'AC', '20260701'),
  // F-F, Charlie: 300,00 of 10 August, due 9 September: 21 days late, never matched.
  line('VE', 9, '20260810', '411000', 'C003', 'CHARLIE SA', 'F-F', 'Facture F-F', '300,00', '0,00'),
  line('VE', 9, '20260810', '706000', '', '', 'F-F', 'Facture F-F', '0,00', '250,00'),
  line('VE', 9, '20260810', '445710', '', '', 'F-F', 'Facture F-F', '0,00', '50,00'),
  // FF-1, supplier Delta: 960,00 of 20 August, due 19 September: 11 days late; paid in October,
  // matched BA on 5 October.
  line('HA', 10, '20260820', '607000', '', '', 'FF-1', 'Facture FF-1', '800,00', '0,00'),
  line('HA', 10, '20260820', '445660', '', '', 'FF-1', 'Facture FF-1', '160,00', '0,00'),
  line('HA', 10, '20260820', '401000', 'F001', 'DELTA FOURNITURES', 'FF-1', 'Facture FF-1', '0,00', '960,00', 'BA', '20261005'),
  // FF-2, Delta: 1 440,00 of 15 June, due 15 July: 77 days late; 440,00 paid on 1 August,
  // partly matched (b): 1 000,00 unpaid.
  line('HA', 11, '20260615', '607000', '', '', 'FF-2', 'Facture FF-2', '1200,00', '0,00'),
  line('HA', 11, '20260615', '445660', '', '', 'FF-2', 'Facture FF-2', '240,00', '0,00'),
  line('HA', 11, '20260615', '401000', 'F001', 'DELTA FOURNITURES', 'FF-2', 'Facture FF-2', '0,00', '1440,00', 'b'),
  line('BQ', 12, '20260801', '401000', 'F001', 'DELTA FOURNITURES', 'VIR-F2', 'Virement Delta', '440,00', '0,00', 'b'),
  line('BQ', 12, '20260801', '512000', '', '', 'VIR-F2', 'Virement Delta', '0,00', '440,00'),
].join('\r\n');

const importOptions = {
  fileName: '987654321FEC20260930.txt',
  language: 'fr' as const,
  asOf: today,
  defaultCurrency: 'EUR',
  partialMatch: 'lowerCaseOrStar' as const,
  terms: '30 jours',
};

describe('a FEC of the year to 30 September 2026, imported on 30 November', () => {
  const customers = importFec(FEC, 'utf-8', { ...importOptions, side: 'customer' });
  const suppliers = importFec(FEC, 'utf-8', { ...importOptions, side: 'supplier' });
  const result = paymentDelaysFor(
    {
      customers: ledger(customers.layout.rows, customers.sheetName),
      suppliers: { sheetName: suppliers.sheetName, values: suppliers.layout.rows.map((row) => [...row]) },
      log: null,
    },
    settings(),
  );

  test('invoices issued, by bracket on 30 September', () => {
    // By hand: 0 jour F-D 480,00; 1-30 F-A 1 200,00 (matched on 15 October, so open on 30
    // September) + F-F 300,00 = 2 for 1 500,00; 31-60 and 61-90 none (F-B was paid on 20
    // September, its matching later does not reopen it); 91+ F-C 1 800,00 − 1 000,00 = 800,00.
    // Total 1 day and more: 3 invoices, 2 300,00.
    expect(brackets(result.issued)).toEqual([
      [1, 480_00],
      [2, 1500_00],
      [0, 0],
      [0, 0],
      [1, 800_00],
      [3, 2300_00],
    ]);
    // Nothing listed apart: the cheque and the transfer went to their invoices.
    expect(result.issued.creditsApart).toEqual({ count: 0, amount: 0 });
  });

  test('invoices received, by bracket on 30 September', () => {
    // By hand: 1-30 FF-1 960,00 (matched on 5 October); 61-90 FF-2 1 440,00 − 440,00 = 1 000,00.
    expect(brackets(result.received)).toEqual([
      [0, 0],
      [1, 960_00],
      [0, 0],
      [1, 1000_00],
      [0, 0],
      [2, 1960_00],
    ]);
    expect(result.received?.creditsApart).toEqual({ count: 0, amount: 0 });
  });

  test('the detail sheet traces each netting: the invoice net of its payments, the payment to its invoice', () => {
    const rows = result.list.layout.rows as Array<Array<string | number | null>>;
    const header = rows[0] as string[];
    const find = (number: string) => rows.find((row) => row[2] === number) as Array<string | number | null>;
    // Amounts are written with the French narrow no-break space: compared with plain spaces.
    const at = (row: Array<string | number | null>, name: string) => {
      const value = row[header.indexOf(name)];
      return typeof value === 'string' ? value.replace(/[\u00a0\u202f]/g, ' ') : value;
    };
    expect(at(find('F-C'), 'Montant retenu')).toBe(800);
    expect(at(find('F-C'), 'Tranche')).toBe('91 jours et plus');
    expect(at(find('F-C'), 'Traitement')).toBe(
      'Compté (A) ; déduction faite de 1 000,00 € de règlements ou d’avoirs ; lettrage a',
    );
    expect(at(find('CHQ-C'), 'Traitement')).toBe(
      'Règlement ou avoir lettré avec la facture : déduit de son montant (facture F-C) ; lettrage a',
    );
    expect(at(find('F-B'), 'Traitement')).toBe(
      'Soldée à la clôture par les règlements lettrés avec elle : hors tableau ; déduction faite de 600,00 € de règlements ou d’avoirs ; lettrage AB',
    );
    expect(at(find('F-A'), 'Tranche')).toBe('1 à 30 jours');
    expect(at(find('F-A'), 'Traitement')).toBe('Compté (A) ; lettrage AA');
    expect(at(find('FF-2'), 'Montant retenu')).toBe(1000);
    expect(at(find('VIR-F2'), 'Traitement')).toBe(
      'Règlement ou avoir lettré avec la facture : déduit de son montant (facture FF-2) ; lettrage b',
    );
    // F-E, settled in July, is on neither sheet.
    expect(rows.some((row) => row[2] === 'F-E')).toBe(false);
  });

  test('the import sheet keeps the lines matched after the closing date, closed in today’s aged balance', () => {
    const header = customers.layout.rows[0] as string[];
    expect(header).toContain('Lettrage');
    expect(header).toContain('Date de lettrage');
    const { ledger: today_ } = ageLedger(
      ledger(customers.layout.rows, customers.sheetName).table,
      ledger(customers.layout.rows, customers.sheetName).mapping,
      settings(),
      today,
    );
    // Open today: F-C and its cheque (partly matched), F-D, F-F; F-A, F-B and VIR-B were matched
    // in October, F-E in July.
    expect(today_.items.map((item) => item.invoiceNumber)).toEqual(['F-C', 'CHQ-C', 'F-D', 'F-F']);
    expect(today_.matchedRows).toBe(3);
    expect(customers.report.openItems).toBe(4);
    expect(customers.report.lines).toContain(
      '3 lignes lettrées après le 30/09/2026 (date de clôture) écrites avec leur code et leur date de lettrage : ouvertes à toute date antérieure à leur lettrage (tableau des délais de paiement à la clôture), soldées après (la balance âgée du jour les écarte).',
    );
  });
});

describe('the real-shaped FEC 123456789FEC20260930, imported on 30 November, tab and pipe', () => {
  const files = ['123456789FEC20260930.txt', '123456789FEC20260930-pipe.txt'];
  test.each(files)('%s: section I on 30 September 2026', async (file) => {
    const bytes = new Uint8Array(readFileSync(join(__dirname, '..', 'data', file)));
    const options = { ...importOptions, fileName: file };
    const customers = await importLedgerFile(bytes, { ...options, side: 'customer' });
    const suppliers = await importLedgerFile(bytes, { ...options, side: 'supplier' });
    const result = paymentDelaysFor(
      {
        customers: ledger(customers.layout.rows, customers.sheetName),
        suppliers: { sheetName: suppliers.sheetName, values: suppliers.layout.rows.map((row) => [...row]) },
        log: null,
      },
      settings(),
    );
    // Issued, 30 days from each invoice: 0 jour none (F26-0240 of 10 September is in dollars,
    // 4 680,00 USD, never added to a euro table); 1-30 F26-0210
    // (15 August, 16 days) 6 000,00; 31-60 F26-0180 (20 July, 42 days; matched AE on 20 October)
    // 7 200,00; 91+ F26-0150 (1 June, 91 days) 9 600,00 + F26-0120 (5 May, 118 days) 1 800,00 −
    // 1 000,00 partly matched (a) = 800,00: 2 for 10 400,00. Total: 4 invoices, 23 600,00. The
    // credit note AV26-0003 names no invoice: listed apart. The opening balance of MARTIN BTP
    // (journal AN, « Reprise à nouveau », piece AN2025 of 1 October 2025, 4 800,00) is no invoice
    // and has no due date: listed apart, not in 91+.
    expect(brackets(result.issued)).toEqual([
      [0, 0],
      [1, 6000_00],
      [1, 7200_00],
      [0, 0],
      [2, 10400_00],
      [4, 23600_00],
    ]);
    expect(result.issued.openings).toEqual({ count: 1, amount: 4800_00 });
    expect(result.issued.creditsApart).toEqual({ count: 1, amount: -600_00 });
    expect([...result.issued.otherCurrencies]).toEqual([['USD', { count: 1, amount: 4680_00 }]]);
    // Received: 0 jour FF-9004 (1 September, matched BB on 5 October) 960,00; 1-30 FF-9003
    // (1 August, 30 days) 1 440,00; 61-90 FF-9002 (10 June, 82 days) 3 600,00.
    expect(brackets(result.received)).toEqual([
      [1, 960_00],
      [1, 1440_00],
      [0, 0],
      [1, 3600_00],
      [0, 0],
      [2, 5040_00],
    ]);
  });
});
