// Three things a FEC does not say, and what the payment-delays table does about them, on a FEC
// written here (pipe-separated, the 18 fields of LPF art. A47 A-1, file named SirenFECAAAAMMJJ),
// each table worked out by hand below:
// - the due dates: a FEC has no due date field, so the "contractual" terms are the import's
//   assumption, which (C), the notes and a warning say; the legal terms of L441-10 need only the
//   invoice date;
// - the opening balances (à-nouveaux): no invoice and no due date of their own, listed apart
//   under the table (what their matched payments leave of them), unless one keeps its invoice's
//   own earlier date and the legal terms are chosen;
// - the FEC's closing date: a table closed on another date gets a warning, whatever figures.

import { type FecForDelays, paymentDelaysFor, paymentDelaysWritten } from '../../src/commands/paymentDelays';
import { defaultSettings, type PaneSettings } from '../../src/commands/settings';
import { readFec } from '../../src/ledger/fec';
import { importFec } from '../../src/ledger/import';
import { detectColumns } from '../../src/ledger/ledger';
import type { CellValue } from '../../src/primitives/cells';
import { parseTextDate } from '../../src/primitives/dates';
import type { DelaySide } from '../../src/reports/paymentDelays';

const today = parseTextDate('2026-11-30');
const FILE = '552100554FEC20260930.txt';
const HEADER =
  'JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|CompAuxLib|PieceRef|PieceDate|EcritureLib|Debit|Credit|EcritureLet|DateLet|ValidDate|Montantdevise|Idevise';

/** Counts and amounts (in cents) of brackets 0..4, then the total of 1 day and more. */
const brackets = (side: DelaySide | null) => [...(side?.brackets ?? []), side?.late].map((b) => [b?.count, b?.amount]);

/** Plain spaces for the narrow and no-break ones French amounts are written with. */
const plain = (value: unknown) => (typeof value === 'string' ? value.replace(/[\u00a0\u202f]/g, ' ') : value);

// The year 1 October 2025 to 30 September 2026, read on 30 November 2026.
const FEC = [
  HEADER,
  // Alpha's opening balance: one line for the whole account, dated the year's first day (piece
  // AN, of that day). 2 000,00 of it was paid on 15 November, partly matched (a): 3 000,00 left.
  'AN|A nouveaux|AN1|20251001|411000|Clients|C001|ALPHA SAS|AN|20251001|Reprise à nouveau|5000,00|0,00|a||20251001||',
  'AN|A nouveaux|AN1|20251001|890000|Bilan d’ouverture|||AN|20251001|Reprise à nouveau|0,00|5000,00|||20251001||',
  'BQ|Banque|BQ1|20251115|411000|Clients|C001|ALPHA SAS|VIR-1115|20251115|Virement Alpha|0,00|2000,00|a||20251115||',
  'BQ|Banque|BQ1|20251115|512000|Banque|||VIR-1115|20251115|Virement Alpha|2000,00|0,00|||20251115||',
  // Bravo's opening balance carried invoice by invoice: F25-0900 keeps its date, 10 September 2025.
  'AN|A nouveaux|AN2|20251001|411000|Clients|C002|BRAVO SARL|F25-0900|20250910|Reprise à nouveau|1200,00|0,00|||20251001||',
  'AN|A nouveaux|AN2|20251001|890000|Bilan d’ouverture|||F25-0900|20250910|Reprise à nouveau|0,00|1200,00|||20251001||',
  // Delta, a supplier: its opening balance, 700,00 owed to it.
  'AN|A nouveaux|AN3|20251001|401000|Fournisseurs|F001|DELTA FOURNITURES|AN|20251001|Reprise à nouveau|0,00|700,00|||20251001||',
  'AN|A nouveaux|AN3|20251001|890000|Bilan d’ouverture|||AN|20251001|Reprise à nouveau|700,00|0,00|||20251001||',
  // Invoices of the year, TTC on 411, HT on 706.
  'VE|Ventes|VE1|20260301|411000|Clients|C003|CHARLIE SA|F26-0010|20260301|Facture F26-0010|600,00|0,00|||20260301||',
  'VE|Ventes|VE1|20260301|706000|Prestations|||F26-0010|20260301|Facture F26-0010|0,00|500,00|||20260301||',
  'VE|Ventes|VE1|20260301|445710|TVA collectée|||F26-0010|20260301|Facture F26-0010|0,00|100,00|||20260301||',
  'VE|Ventes|VE2|20260615|411000|Clients|C002|BRAVO SARL|F26-0050|20260615|Facture F26-0050|1800,00|0,00|||20260615||',
  'VE|Ventes|VE2|20260615|706000|Prestations|||F26-0050|20260615|Facture F26-0050|0,00|1500,00|||20260615||',
  'VE|Ventes|VE2|20260615|445710|TVA collectée|||F26-0050|20260615|Facture F26-0050|0,00|300,00|||20260615||',
  'VE|Ventes|VE3|20260801|411000|Clients|C001|ALPHA SAS|F26-0100|20260801|Facture F26-0100|2400,00|0,00|||20260801||',
  'VE|Ventes|VE3|20260801|706000|Prestations|||F26-0100|20260801|Facture F26-0100|0,00|2000,00|||20260801||',
  'VE|Ventes|VE3|20260801|445710|TVA collectée|||F26-0100|20260801|Facture F26-0100|0,00|400,00|||20260801||',
  'VE|Ventes|VE4|20260920|411000|Clients|C003|CHARLIE SA|F26-0200|20260920|Facture F26-0200|360,00|0,00|||20260920||',
  'VE|Ventes|VE4|20260920|706000|Prestations|||F26-0200|20260920|Facture F26-0200|0,00|300,00|||20260920||',
  'VE|Ventes|VE4|20260920|445710|TVA collectée|||F26-0200|20260920|Facture F26-0200|0,00|60,00|||20260920||',
  // A supplier invoice of 10 July.
  'HA|Achats|HA1|20260710|607000|Achats|||FF-1|20260710|Facture FF-1|800,00|0,00|||20260710||',
  'HA|Achats|HA1|20260710|445660|TVA déductible|||FF-1|20260710|Facture FF-1|160,00|0,00|||20260710||',
  'HA|Achats|HA1|20260710|401000|Fournisseurs|F001|DELTA FOURNITURES|FF-1|20260710|Facture FF-1|0,00|960,00|||20260710||',
].join('\r\n');

const importOptions = {
  fileName: FILE,
  language: 'fr' as const,
  asOf: today,
  defaultCurrency: 'EUR',
  partialMatch: 'lowerCaseOrStar' as const,
  terms: '30 jours',
};

function sheet(rows: ReadonlyArray<ReadonlyArray<CellValue>>) {
  return rows.map((row) => [...row]);
}

const customers = importFec(FEC, 'utf-8', { ...importOptions, side: 'customer' });
const suppliers = importFec(FEC, 'utf-8', { ...importOptions, side: 'supplier' });
const customerRows = sheet(customers.layout.rows);

function run(changes: Partial<PaneSettings> = {}, rows: CellValue[][] = customerRows, fec: FecForDelays | null = null) {
  return paymentDelaysFor(
    {
      customers: {
        mapping: detectColumns(rows[0] ?? []),
        table: {
          sheetName: customers.sheetName,
          headerRow: 0,
          firstColumn: 0,
          values: rows,
          serialSystem: 'excel1900',
          description: customers.sheetName,
        },
      },
      suppliers: { sheetName: suppliers.sheetName, values: sheet(suppliers.layout.rows) },
      log: null,
      fec,
    },
    {
      ...defaultSettings('fr', today),
      delaysClosingDate: '2026-09-30',
      delaysSection: 'I',
      delaysTerms: 'contractual',
      ...changes,
    },
  );
}

/** The table's notes (first cells), amounts with plain spaces. */
const notesOf = (result: ReturnType<typeof run>) => result.table.layout.rows.map((row) => plain(row[0]));
/** The (C) cells: the received side (column 1) and the issued side (column 7). */
const termsCells = (result: ReturnType<typeof run>) => {
  const row = result.table.layout.rows.find((r) => r[0] === 'Délais de paiement utilisés pour le calcul des retards de paiement');
  return [row?.[1], row?.[7]];
};

describe('(C) for a FEC: the due dates are the import’s assumption, the legal terms one choice away', () => {
  test('contractual terms: the brackets of the assumed 30 days, and (C) says they are assumed', () => {
    const result = run();
    // By hand, due = piece date + 30 days, late on 30 September 2026:
    // F26-0200 of 20 September, due 20 October: not late (0 jour), 360,00.
    // F26-0100 of 1 August, due 31 August: 30 days (1-30), 2 400,00.
    // F26-0050 of 15 June, due 15 July: 77 days (61-90), 1 800,00.
    // F26-0010 of 1 March, due 31 March: 183 days (91+), 600,00. Total: 3 for 4 800,00.
    expect(brackets(result.issued)).toEqual([
      [1, 360_00],
      [1, 2400_00],
      [0, 0],
      [1, 1800_00],
      [1, 600_00],
      [3, 4800_00],
    ]);
    // FF-1 of 10 July, due 9 August: 52 days (31-60).
    expect(brackets(result.received)).toEqual([
      [0, 0],
      [0, 0],
      [1, 960_00],
      [0, 0],
      [0, 0],
      [1, 960_00],
    ]);
    const assumed = '☒ Délais contractuels : non portés au FEC ; échéance supposée à « 30 jours » de la date de pièce';
    const legal = '☐ Délais légaux : 60 jours à compter de la date de facture';
    expect(termsCells(result)).toEqual([`${assumed}\n${legal}`, `${assumed}\n${legal}`]);
    const notes = notesOf(result);
    expect(notes).toContain(
      'Retards comptés en jours calendaires après une échéance supposée : le FEC ne porte pas d’échéance (LPF, art. A47 A-1), l’import l’a fixée à « 30 jours » de la date de pièce.',
    );
    expect(notes).not.toContain(
      'Retards comptés en jours calendaires après la date d’échéance portée au grand livre (délais contractuels).',
    );
    // One warning per ledger, in the table and in the pane's message.
    expect(result.warnings.map((w) => w.code)).toEqual(['delaysAssumedTerms', 'delaysAssumedTerms']);
    expect(result.warnings[0]?.localized('fr')).toBe(
      "un FEC ne porte pas d'échéances (LPF, art. A47 A-1) : en délais contractuels, les retards du grand livre clients sont comptés depuis des échéances supposées à l'import (« 30 jours » depuis la date de pièce), non depuis les conditions de chaque contrat ; choisissez les délais légaux (60 jours à compter de la date d'émission de la facture, code de commerce, art. L441-10) ou portez les vraies échéances dans la colonne Échéance du grand livre",
    );
    expect(result.warnings[1]?.localized('en')).toContain(
      'the delays of the supplier ledger are counted from due dates assumed at import ("30 jours" from the document date)',
    );
    expect(notes).toContain(`Avertissement : ${result.warnings[0]?.localized('fr')}.`);
    expect(paymentDelaysWritten('en', 'T', 'D', 0, result.warnings)).toContain(
      `detail in "D". Warning: ${result.warnings[0]?.localized('en')}. Warning: ${result.warnings[1]?.localized('en')}.`,
    );
  });

  test('a terms cell edited into words the reader does not know: the invoice is still counted, its due date not called assumed', () => {
    const terms = detectColumns(customerRows[0] ?? []).terms as number;
    const edited = customerRows.map((row) =>
      row.includes('F26-0010') ? row.map((cell, column) => (column === terms ? 'à réception de relevé' : cell)) : row,
    );
    expect(edited).not.toEqual(customerRows);
    const result = run({}, edited);
    // The brackets of the first test: F26-0010 is still in 91+, due 31 March as the sheet says.
    expect(brackets(result.issued)).toEqual([
      [1, 360_00],
      [1, 2400_00],
      [0, 0],
      [1, 1800_00],
      [1, 600_00],
      [3, 4800_00],
    ]);
    expect(result.skipped).toEqual([]);
  });

  test('legal terms, 60 days from the invoice date: counted without the assumption, no warning', () => {
    const result = run({ delaysTerms: 'legal60' });
    // By hand, due = invoice date + 60 days:
    // F26-0200 due 19 November and F26-0100 due 30 September: not late, 2 for 2 760,00.
    // F26-0050 due 14 August: 47 days (31-60), 1 800,00.
    // F26-0010 due 30 April: 153 days (91+), 600,00; and Bravo's à-nouveau F25-0900 of 10
    // September 2025, due 9 November 2025: 21 + 31 + 31 + 28 + 31 + 30 + 31 + 30 + 31 + 31 + 30 =
    // 325 days (91+), 1 200,00: 2 for 1 800,00. Total: 3 for 3 600,00.
    expect(brackets(result.issued)).toEqual([
      [2, 2760_00],
      [0, 0],
      [1, 1800_00],
      [0, 0],
      [2, 1800_00],
      [3, 3600_00],
    ]);
    // FF-1 due 8 September: 22 days (1-30).
    expect(brackets(result.received)).toEqual([
      [0, 0],
      [1, 960_00],
      [0, 0],
      [0, 0],
      [0, 0],
      [1, 960_00],
    ]);
    const cell =
      '☐ Délais contractuels : échéances portées au grand livre\n☒ Délais légaux : 60 jours à compter de la date de facture';
    expect(termsCells(result)).toEqual([cell, cell]);
    expect(result.warnings).toEqual([]);
  });

  test('legal terms, 45 days end of month', () => {
    const result = run({ delaysTerms: 'legal45EndOfMonth' });
    // By hand, due = end of the month of (invoice date + 45 days):
    // F26-0200: 4 November → 30 November; F26-0100: 15 September → 30 September: not late.
    // F26-0050: 30 July → 31 July: 61 days (61-90). F26-0010: 15 April → 30 April: 153 days;
    // F25-0900: 25 October 2025 → 31 October 2025: 334 days (91+).
    expect(brackets(result.issued)).toEqual([
      [2, 2760_00],
      [0, 0],
      [0, 0],
      [1, 1800_00],
      [2, 1800_00],
      [3, 3600_00],
    ]);
  });

  test('a due date typed over the assumed one is the contract’s: its ledger gets no warning', () => {
    // The accountant writes the real due dates over the customer sheet's assumed ones.
    const header = customerRows[0] as string[];
    const due = header.indexOf('Échéance');
    const invoice = header.indexOf('Date facture');
    const rows = customerRows.map((row, index) =>
      index === 0 || typeof row[invoice] !== 'number' || typeof row[due] !== 'number'
        ? row
        : row.map((cell, column) => (column === due ? (row[invoice] as number) + 45 : cell)),
    );
    const result = run({}, rows);
    // Only the supplier ledger is left with assumed due dates.
    expect(result.warnings.map((w) => w.params.ledger)).toEqual([{ en: 'supplier ledger', fr: 'grand livre fournisseurs' }]);
    const [received, issued] = termsCells(result);
    expect(issued).toBe(
      '☒ Délais contractuels : échéances portées au grand livre\n☐ Délais légaux : 60 jours à compter de la date de facture',
    );
    expect(received).toContain('non portés au FEC');
    // By hand, invoice date + 45 days: F26-0200 4 November: not late; F26-0100 15 September:
    // 15 days (1-30); F26-0050 30 July: 62 days (61-90); F26-0010 15 April: 168 days (91+).
    expect(brackets(result.issued)).toEqual([
      [1, 360_00],
      [1, 2400_00],
      [0, 0],
      [1, 1800_00],
      [1, 600_00],
      [3, 4800_00],
    ]);
    expect(result.issued.placements.find((p) => p.item.invoiceNumber === 'F26-0010')?.daysLate).toBe(168);
  });
});

describe('opening balances (à-nouveaux): listed apart, never in a bracket with a made-up due date', () => {
  test('contractual terms: both of the customers’ à-nouveaux apart, the totals reconcile', () => {
    const result = run();
    // By hand: Alpha's 5 000,00 less the 2 000,00 matched with it (a) = 3 000,00; Bravo's
    // F25-0900 1 200,00 (no due date in the books of the year): 2 for 4 200,00. Delta's 700,00.
    expect(result.issued.openings).toEqual({ count: 2, amount: 4200_00 });
    expect(result.received?.openings).toEqual({ count: 1, amount: 700_00 });
    // Nothing lost: brackets (0 jour included) + à-nouveaux = the open total of the 411 lines,
    // 5 000 − 2 000 + 1 200 + 600 + 1 800 + 2 400 + 360 = 9 360,00.
    const counted = result.issued.brackets.reduce((sum, b) => sum + b.amount, 0);
    expect(counted + result.issued.openings.amount).toBe(9360_00);
    expect(notesOf(result)).toContain(
      'À-nouveaux (soldes repris de l’exercice précédent), non ventilés par tranche : ni leurs factures ni leurs échéances ne figurent dans l’exercice ; reste dû à la clôture après lettrage : émis 2 pour 4 200,00 € ; reçus 1 pour 700,00 €.',
    );
    // The detail sheet lists each with its amount and why.
    const rows = result.list.layout.rows;
    const header = rows[0] as string[];
    const alpha = rows.find((row) => row[1] === 'ALPHA SAS' && row[2] === 'AN') ?? [];
    expect(plain(alpha[header.indexOf('Montant retenu')])).toBe(3000);
    expect(alpha[header.indexOf('Tranche')]).toBeNull();
    expect(alpha[header.indexOf('Échéance de référence')]).toBeNull();
    expect(plain(alpha[header.indexOf('Traitement')])).toBe(
      'À-nouveau : factures et échéances dans l’exercice précédent, hors tableau (listé sous le tableau) ; déduction faite de 2 000,00 € de règlements ou d’avoirs ; lettrage a',
    );
  });

  test('legal terms: the à-nouveau that keeps its invoice’s date is counted as that invoice', () => {
    const result = run({ delaysTerms: 'legal60' });
    // By hand: F25-0900 is in 91+ (above); only Alpha's 3 000,00 is apart.
    expect(result.issued.openings).toEqual({ count: 1, amount: 3000_00 });
    const placed = result.issued.placements.find((p) => p.item.invoiceNumber === 'F25-0900');
    expect([placed?.kind, placed?.daysLate, placed?.bracket]).toEqual(['bracket', 325, 4]);
  });

  test('section II: an à-nouveau paid in the year is not an invoice of the year', () => {
    // Alpha's à-nouveau fully paid: the transfer of 15 November matched in full (A) on 20 November.
    const text = FEC.replace(/\|a\|\|20251001\|\|/, '|A|20251120|20251001||').replace(
      /2000,00\|a\|\|20251115/,
      '5000,00|A|20251120|20251115',
    );
    const asOf = today;
    const fec: FecForDelays = {
      reading: readFec(text, { asOf, partialMatch: 'lowerCaseOrStar' }),
      file: FILE,
      terms: '30 jours',
      asOf,
    };
    const result = run({ delaysSection: 'II' }, customerRows, fec);
    // The customer sheet has no paid dates: the FEC's matching dates them. Invoices of the year
    // by hand: F26-0010 600 + F26-0050 1 800 + F26-0100 2 400 + F26-0200 360 = 4 for 5 160,00;
    // Alpha's à-nouveau, paid on 15 November, is listed apart: 1 for 5 000,00. No invoice paid
    // in the year: every bracket empty.
    expect(result.issued.yearInvoices).toEqual({ count: 4, amount: 5160_00 });
    expect(result.issued.openings).toEqual({ count: 1, amount: 5000_00 });
    expect(brackets(result.issued).every(([count]) => count === 0)).toBe(true);
  });
});

describe('the FEC’s closing date against the table’s', () => {
  const reading = readFec(FEC, { asOf: today, partialMatch: 'lowerCaseOrStar' });
  const figures = (file: string) => ({
    file,
    turnover: '4300',
    purchases: '800',
    currency: 'EUR',
    firstDay: '2025-10-01',
    lastDay: '2026-09-20',
    readAsOf: '2026-11-30',
  });

  test('a table closed on 30 June with typed figures, from the FEC of the year to 30 September: warned', () => {
    const result = run({
      delaysClosingDate: '2026-06-30',
      delaysTerms: 'legal60',
      delaysTurnover: '10000',
      delaysPurchases: '2000',
      delaysFromFec: figures(FILE),
    });
    expect(result.warnings.map((w) => w.localized('fr'))).toEqual([
      "la date de clôture du tableau, le 30/06/2026, n'est pas celle du FEC « 552100554FEC20260930.txt » (30/09/2026, d’après son nom) : le chiffre d'affaires, les achats et les factures de l'exercice doivent être ceux de l'exercice clos le 30/06/2026, sinon les pourcentages sont faux ; vérifiez la date de clôture, ou saisissez les montants de cet exercice",
    ]);
    expect(result.warnings[0]?.localized('en')).toBe(
      'the table\'s closing date, 30/06/2026, is not the closing date of the FEC "552100554FEC20260930.txt" (30/09/2026, from its name): the year\'s turnover, purchases and invoices must be those of the year ended 30/06/2026, or the percentages are wrong; check the closing date, or type the figures of that year',
    );
    expect(notesOf(result)).toContain(`Avertissement : ${plain(result.warnings[0]?.localized('fr'))}.`);
  });

  test('the FEC’s own closing date: no warning', () => {
    const result = run({ delaysTerms: 'legal60', delaysFromFec: figures(FILE) });
    expect(result.warnings).toEqual([]);
    // The figures are the FEC's: class 70 = 500 + 1 500 + 2 000 + 300 = 4 300,00 HT, so the
    // 91+ bracket (1 800,00) is 1 800 / 4 300 of the turnover.
    expect(result.choices.turnover).toBe(4300_00);
  });

  test('a renamed file: its last entry (20 September) bounds the year', () => {
    // The table closed on 30 September, the month of the last entry: no warning.
    expect(run({ delaysTerms: 'legal60', delaysTurnover: '1', delaysFromFec: figures('grand-livre.txt') }).warnings).toEqual([]);
    // Closed on 31 August, before the last entry: another period.
    const earlier = run({
      delaysClosingDate: '2026-08-31',
      delaysTerms: 'legal60',
      delaysTurnover: '1',
      delaysPurchases: '1',
      delaysFromFec: figures('grand-livre.txt'),
    });
    expect(earlier.warnings.map((w) => w.localized('en'))).toEqual([
      'the table\'s closing date, 31/08/2026, is not the closing date of the FEC "grand-livre.txt" (20/09/2026, its last entry): the year\'s turnover, purchases and invoices must be those of the year ended 31/08/2026, or the percentages are wrong; check the closing date, or type the figures of that year',
    ]);
    // The in-memory FEC alone (no stored figures) tells the same.
    const fromMemory = run({ delaysClosingDate: '2026-06-30', delaysTerms: 'legal60' }, customerRows, {
      reading,
      file: FILE,
      terms: '30 jours',
      asOf: today,
    });
    expect(fromMemory.warnings.map((w) => w.code)).toEqual(['delaysClosingNotFec']);
  });
});
