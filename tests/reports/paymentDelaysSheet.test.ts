// The payment-delays sheet checked cell by cell against the model of annexe 4-1 (arrêté of
// 20 March 2017): headings, brackets, rows (A), (B), (C), merges, borders and print settings,
// in French and in English; and the detail sheet that traces every invoice.

import { paymentDelaysFor } from '../../src/commands/paymentDelays';
import { defaultSettings, type PaneSettings } from '../../src/commands/settings';
import { detectColumns, type LedgerTable } from '../../src/ledger/ledger';
import type { CellValue } from '../../src/primitives/cells';
import { excelSerialFromDay, parseTextDate } from '../../src/primitives/dates';
import { CLOSING, CUSTOMER_HEADER, CUSTOMER_ROWS, closingDay, LOG_ROWS, SUPPLIER_ROWS } from './delaysLedgers';

const today = parseTextDate('2026-11-30');
const located = (table: LedgerTable) => ({ table, mapping: detectColumns(table.values[0] ?? []) });

function run(changes: Partial<PaneSettings> = {}) {
  return paymentDelaysFor(
    {
      customers: located({
        sheetName: 'Clients',
        headerRow: 0,
        firstColumn: 0,
        values: [CUSTOMER_HEADER, ...CUSTOMER_ROWS].map((row) => [...row] as CellValue[]),
        serialSystem: 'excel1900',
        description: 'Clients!A1:I17',
      }),
      suppliers: { sheetName: 'Fournisseurs', values: SUPPLIER_ROWS.map((row) => [...row]) },
      log: LOG_ROWS.map((row) => [...row]),
    },
    {
      ...defaultSettings('fr', today),
      delaysClosingDate: CLOSING,
      delaysTurnover: '100000',
      delaysPurchases: '50000',
      companyName: 'Exemple SA',
      ...changes,
    },
  );
}

const FR_BRACKETS = [
  '0 jour (indicatif)',
  '1 à 30 jours',
  '31 à 60 jours',
  '61 à 90 jours',
  '91 jours et plus',
  'Total (1 jour et plus)',
];
const six = <T>(value: T) => Array.from({ length: 6 }, () => value);

describe('the table sheet, in French (the default)', () => {
  const { table } = run();
  const { rows } = table.layout;

  test('is named after the closing date', () => {
    expect(table.name).toBe('Délais de paiement 2025-12-31');
  });

  test('title, company and closing date above the table', () => {
    expect(rows[0]?.[0]).toBe('Délais de paiement des fournisseurs et des clients (article D. 441-6 du code de commerce)');
    expect(rows[1]?.[0]).toBe('Exemple SA — Exercice clos le 31 décembre 2025');
    expect(rows[2]).toEqual([]);
  });

  test('the two halves: received on the left, issued on the right, the model’s brackets across', () => {
    expect(rows[3]).toEqual([
      null,
      "Article D. 441 I.-1° : Factures reçues non réglées à la date de clôture de l'exercice dont le terme est échu",
      ...six(null).slice(1),
      "Article D. 441 I.-2° : Factures émises non réglées à la date de clôture de l'exercice dont le terme est échu",
      ...six(null).slice(1),
    ]);
    expect(rows[4]).toEqual([null, ...FR_BRACKETS, ...FR_BRACKETS]);
  });

  test('(A): numbers, amounts and percentages, cell by cell', () => {
    expect(rows[5]?.[0]).toBe('(A) Tranches de retard de paiement');
    // Received: A-300 not due 300.00; A-100 5 days 1200.00; A-200 95 days 800.00.
    // Issued: see paymentDelays.test.ts for the hand count of each bracket.
    expect(rows[6]).toEqual(['Nombre de factures concernées', 1, 1, 0, 0, 1, 2, 2, 2, 3, 2, 1, 8]);
    expect(rows[7]).toEqual([
      'Montant total des factures concernées (TTC)',
      300,
      1200,
      0,
      0,
      800,
      2000,
      150,
      219.75,
      691,
      351,
      191,
      1452.75,
    ]);
    // Of 50 000.00 of purchases: 300/50000, 1200/50000, 800/50000, 2000/50000.
    expect(rows[8]).toEqual([
      "Pourcentage du montant total des achats de l'exercice (HT)",
      0.006,
      0.024,
      0,
      0,
      0.016,
      0.04,
      ...six(null),
    ]);
    // Of 100 000.00 of turnover: 150/100000 … 1452.75/100000.
    expect(rows[9]).toEqual([
      "Pourcentage du chiffre d'affaires de l'exercice (HT)",
      ...six(null),
      0.0015,
      0.0021975,
      0.00691,
      0.00351,
      0.00191,
      0.0145275,
    ]);
  });

  test('(B): the excluded invoices, one value per half', () => {
    expect(rows[10]?.[0]).toBe(
      '(B) Factures exclues du (A) relatives à des dettes et créances litigieuses ou non comptabilisées',
    );
    expect(rows[11]).toEqual(['Nombre des factures exclues', 0, ...six(null).slice(1), 2, ...six(null).slice(1)]);
    expect(rows[12]).toEqual([
      'Montant total des factures exclues (TTC)',
      0,
      ...six(null).slice(1),
      1299.99,
      ...six(null).slice(1),
    ]);
  });

  test('(C): the reference terms, the contractual box ticked', () => {
    expect(rows[13]?.[0]).toBe(
      '(C) Délais de paiement de référence utilisés (contractuel ou délai légal – article L. 441-10 du code de commerce)',
    );
    const terms =
      '☒ Délais contractuels : échéances portées au grand livre\n☐ Délais légaux : 60 jours à compter de la date de facture';
    expect(rows[14]).toEqual([
      'Délais de paiement utilisés pour le calcul des retards de paiement',
      terms,
      ...six(null).slice(1),
      terms,
      ...six(null).slice(1),
    ]);
  });

  test('the inputs and choices under the table', () => {
    const notes = rows.slice(16).map((row) => row[0]);
    expect(notes[0]).toBe('Données et choix');
    expect(notes).toContain('Date de clôture : 31/12/2025.');
    expect(notes).toContain(
      "Montants des factures : TTC, tels que les grands livres les donnent ; achats et chiffre d'affaires : HT.",
    );
    expect(notes).toContain(
      'Retards comptés en jours calendaires après la date d’échéance portée au grand livre (délais contractuels).',
    );
    expect(notes).toContain('Achats de l’exercice : 50\u00a0000,00\u00a0€ ; chiffre d’affaires : 100\u00a0000,00\u00a0€.');
    expect(notes).toContain(
      '(B) Factures en litige (colonne litige du grand livre, ou litige ouvert au journal des relances) : émises 2 pour 1\u00a0299,99\u00a0€ ; reçues néant.',
    );
    expect(notes).toContain(
      'Avoirs et règlements non imputés, qui ne désignent aucune facture ouverte, non comptés dans le tableau : émis 1 pour -15,00\u00a0€ ; reçus néant.',
    );
    expect(notes).toContain('Factures en devises, non converties et non comptées dans le tableau : USD 1 pour 500,00\u00a0$.');
    expect(notes).toContain('Factures émises : Clients!A1:I17. Factures reçues : Fournisseurs.');
  });

  test('merged headings, values only in each block’s first cell', () => {
    const merges = table.layout.merges ?? [];
    expect(merges).toEqual(
      expect.arrayContaining([
        { row: 0, column: 0, rows: 1, columns: 13 },
        { row: 3, column: 0, rows: 2, columns: 1 },
        { row: 3, column: 1, rows: 1, columns: 6 },
        { row: 3, column: 7, rows: 1, columns: 6 },
        { row: 5, column: 0, rows: 1, columns: 13 },
        { row: 10, column: 0, rows: 1, columns: 13 },
        { row: 11, column: 1, rows: 1, columns: 6 },
        { row: 11, column: 7, rows: 1, columns: 6 },
        { row: 12, column: 1, rows: 1, columns: 6 },
        { row: 13, column: 0, rows: 1, columns: 13 },
        { row: 14, column: 7, rows: 1, columns: 6 },
      ]),
    );
    for (const merge of merges) {
      for (let r = merge.row; r < merge.row + merge.rows; r++)
        for (let c = merge.column; c < merge.column + merge.columns; c++)
          if (r !== merge.row || c !== merge.column) expect([r, c, rows[r]?.[c] ?? null]).toEqual([r, c, null]);
    }
  });

  test('borders around the table, the half a row does not concern shaded', () => {
    expect(table.layout.borders).toEqual([{ row: 3, column: 0, rows: 12, columns: 13 }]);
    expect(table.layout.shaded).toEqual(
      expect.arrayContaining([
        { row: 8, column: 7, rows: 1, columns: 6 },
        { row: 9, column: 1, rows: 1, columns: 6 },
      ]),
    );
  });

  test('number formats: counts, amounts, percentages', () => {
    const format = (row: number, column: number) =>
      table.layout.cellFormats.find((f) => f.row === row && f.column === column)?.format;
    expect([format(6, 1), format(7, 12), format(8, 1), format(9, 12), format(11, 7), format(12, 7)]).toEqual([
      '0',
      '#,##0.00',
      '0.00%',
      '0.00%',
      '0',
      '#,##0.00',
    ]);
  });

  test('prints on one A4 page, in landscape', () => {
    expect(table.layout.print).toEqual({
      orientation: 'landscape',
      paper: 'A4',
      onePage: true,
      area: { row: 0, column: 0, rows: rows.length, columns: 13 },
    });
  });
});

describe('the table sheet in English', () => {
  const { table } = run({ language: 'en', delaysTerms: 'legal45EndOfMonth', delaysAmountBasis: 'HT' });
  const { rows } = table.layout;
  test('labels', () => {
    expect(table.name).toBe('Payment delays 2025-12-31');
    expect(rows[4]).toEqual([
      null,
      ...[0, 1].flatMap(() => [
        '0 days (indicative)',
        '1 to 30 days',
        '31 to 60 days',
        '61 to 90 days',
        '91 days and more',
        'Total (1 day and more)',
      ]),
    ]);
    expect(rows[7]?.[0]).toBe('Total amount of the invoices concerned (excl. VAT)');
    expect(rows[14]?.[1]).toBe(
      '☐ Contractual terms: the due dates in the ledger\n☒ Legal terms: 45 days end of month from the invoice date',
    );
  });
});

describe('the detail sheet: every invoice with its bracket', () => {
  const { list } = run();
  const { rows } = list.layout;
  test('header, then the received invoices, then the issued ones', () => {
    expect(list.name).toBe('Délais – détail 2025-12-31');
    expect(rows[0]).toEqual([
      'Factures',
      'Tiers',
      'N° facture',
      'Date facture',
      'Échéance de référence',
      'Date de règlement',
      'Jours de retard',
      'Tranche',
      'Montant retenu',
      'Devise',
      'Traitement',
      'Ligne du grand livre',
    ]);
    expect(rows.length).toBe(1 + 3 + CUSTOMER_ROWS.length);
    expect(rows[1]?.[0]).toBe('Reçues');
  });
  test('F-1, net of the credit note that names it, in 1-30', () => {
    const f1 = rows.find((row) => row[2] === 'F-1');
    expect(f1).toEqual([
      'Émises',
      'Alpha SA',
      'F-1',
      excelSerialFromDay(closingDay - 31),
      excelSerialFromDay(closingDay - 1),
      null,
      1,
      '1 à 30 jours',
      89.75,
      'EUR',
      'Compté (A) ; déduction faite de 20,25\u00a0€ de règlements ou d’avoirs',
      3,
    ]);
  });
  test('the disputed invoice, in (B) with its delay', () => {
    const lit = rows.find((row) => row[2] === 'F-LIT');
    expect([lit?.[6], lit?.[7], lit?.[8], lit?.[10]]).toEqual([40, '31 à 60 jours', 999.99, 'Exclu (B) : litige au grand livre']);
  });
  test('dates shown as dates', () => {
    expect(list.layout.columnFormats.slice(3, 6)).toEqual(['dd/mm/yyyy', 'dd/mm/yyyy', 'dd/mm/yyyy']);
  });
});
