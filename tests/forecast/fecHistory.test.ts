// Payment history from a FEC: the test fixture shaped like an accounting export, and a FEC
// written here whose matching date differs from the payment's date.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cashInForecastFor, paidInvoicesFromImport } from '../../src/commands/forecast';
import { defaultSettings } from '../../src/commands/settings';
import { fecPaymentHistory } from '../../src/forecast/fecHistory';
import { readPaymentHistory } from '../../src/forecast/paymentHistory';
import { readFec } from '../../src/ledger/fec';
import { importLedgerFile } from '../../src/ledger/import';
import { detectColumns, type LedgerTable } from '../../src/ledger/ledger';
import type { CellValue } from '../../src/primitives/cells';
import { formatIsoDate, parseTextDate } from '../../src/primitives/dates';

const FIXTURE = readFileSync(join(__dirname, '..', 'ledger', 'fixtures', 'fec.txt'), 'utf8');
const asIso = (history: ReturnType<typeof fecPaymentHistory>) =>
  history.map((h) => ({ customer: h.customer, due: formatIsoDate(h.dueDay), paid: formatIsoDate(h.paidDay) }));

test('as of 30 November 2026: FA-101 paid by transfer on 10 November; the partly matched and the later match are not history', () => {
  const fec = readFec(FIXTURE, { asOf: parseTextDate('2026-11-30'), partialMatch: 'lowerCaseOrStar' });
  // Invoice of 15 October at 30 days: due 14 November, paid 4 days early.
  expect(asIso(fecPaymentHistory(fec, '30 jours'))).toEqual([{ customer: 'Dupont SA', due: '2026-11-14', paid: '2026-11-10' }]);
});

test('as of 31 December 2026 the cheque of 5 December settles FA-104, due 19 November', () => {
  const fec = readFec(FIXTURE, { asOf: parseTextDate('2026-12-31'), partialMatch: 'lowerCaseOrStar' });
  expect(asIso(fecPaymentHistory(fec, '30 jours'))).toEqual([
    { customer: 'Dupont SA', due: '2026-11-14', paid: '2026-11-10' },
    { customer: 'Martin & Fils', due: '2026-11-19', paid: '2026-12-05' },
  ]);
});

test('paid on the day of the payment line, not the day the lines were matched; due dates from the terms', () => {
  const header =
    'JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|CompAuxLib|PieceRef|PieceDate|EcritureLib|Debit|Credit|EcritureLet|DateLet|ValidDate|Montantdevise|Idevise';
  const lines = [
    'VT|Ventes|1|20260901|411000|Clients|CLEROY|Leroy SAS|FA-1|20260901|Facture|100,00|0,00|AB|20261020|20260901||',
    'VT|Ventes|2|20260915|411000|Clients|CLEROY|Leroy SAS|FA-2|20260915|Facture|50,00|0,00|AB|20261020|20260915||',
    'BQ|Banque|3|20261005|411000|Clients|CLEROY|Leroy SAS|VIR-1|20261005|Virement|0,00|60,00|AB|20261020|20261005||',
    'BQ|Banque|4|20261012|411000|Clients|CLEROY|Leroy SAS|VIR-2|20261012|Virement|0,00|90,00|AB|20261020|20261012||',
  ];
  const fec = readFec([header, ...lines].join('\n'), { asOf: parseTextDate('2026-11-30'), partialMatch: 'lowerCaseOrStar' });
  // Both invoices were fully paid by the second transfer, on 12 October.
  expect(asIso(fecPaymentHistory(fec, '30 jours fin de mois'))).toEqual([
    { customer: 'Leroy SAS', due: '2026-10-31', paid: '2026-10-12' },
    { customer: 'Leroy SAS', due: '2026-10-31', paid: '2026-10-12' },
  ]);
});

describe('a FEC imported for the customer ledger gives the forecast its history', () => {
  const asOf = parseTextDate('2026-12-31');
  const load = () =>
    importLedgerFile(new Uint8Array(readFileSync(join(__dirname, '..', 'ledger', 'fixtures', 'fec.txt'))), {
      fileName: 'fec.txt',
      language: 'fr',
      asOf,
      defaultCurrency: 'EUR',
      partialMatch: 'lowerCaseOrStar',
      terms: '30 jours',
    });

  test('a sheet of paid invoices the history reader finds its columns in', async () => {
    const paid = paidInvoicesFromImport(await load(), 'customer', 'fr', asOf);
    expect(paid?.sheetName).toBe('Règlements 2026-12-31');
    expect(paid?.layout.rows[0]).toEqual([
      'Client',
      'N° facture',
      'Date facture',
      'Échéance',
      'Date de règlement',
      'Montant',
      'Devise',
    ]);
    const read = readPaymentHistory(paid?.layout.rows ?? [], asOf, { serialSystem: 'excel1900' });
    expect(read.skipped).toEqual([]);
    expect(read.settled.map((s) => [s.customer, s.paidDay - s.dueDay])).toEqual([
      ['Dupont SA', -4],
      ['Martin & Fils', 16],
    ]);
  });

  test('the cash-in forecast of the open items, learnt from it', async () => {
    const result = await load();
    const paid = paidInvoicesFromImport(result, 'customer', 'fr', asOf);
    const table: LedgerTable = {
      sheetName: result.sheetName,
      headerRow: 0,
      firstColumn: 0,
      values: result.layout.rows as CellValue[][],
      serialSystem: 'excel1900',
      description: '',
    };
    const settings = {
      ...defaultSettings('fr', asOf),
      followToday: false,
      asOf: '2026-12-31',
      historySheet: paid?.sheetName ?? '',
    };
    const forecast = cashInForecastFor(
      table,
      detectColumns(table.values[0] ?? []),
      settings,
      asOf,
      paid?.layout.rows as CellValue[][],
    );
    expect(forecast.model?.overall.invoiceCount).toBe(2);
    expect(forecast.model?.customers.get('Martin & Fils')?.medianDelay).toBe(16);
    expect(forecast.forecast.currencies.map((c) => c.currency)).toEqual(['EUR', 'USD']);
  });

  test('not for a supplier import', async () => {
    expect(paidInvoicesFromImport(await load(), 'supplier', 'fr', asOf)).toBeNull();
  });
});
