// An imported file's paid invoices become the forecast's history: a file with a paid-date column
// (IBM's sample) keeps only its open items on the import's sheet, so its paid lines go to a sheet
// of paid invoices. The forecast from the two imported sheets must be the forecast from the file
// read whole, and the count the lines paid by the as-of date, counted here by hand over the CSV.

import { readFileSync } from 'node:fs';
import { IBM_SAMPLE, parseCsv, readCsvRecords } from '../../scripts/csv';
import { cashInForecastFor, paidInvoicesFromImport } from '../../src/commands/forecast';
import { defaultSettings } from '../../src/commands/settings';
import { readPaymentHistory } from '../../src/forecast/paymentHistory';
import { importLedgerFile } from '../../src/ledger/import';
import { detectColumns, type LedgerTable } from '../../src/ledger/ledger';
import type { CellValue } from '../../src/primitives/cells';
import { parseTextDate } from '../../src/primitives/dates';

const AS_OF = parseTextDate('2013-09-30');
const settings = { ...defaultSettings('en', AS_OF), followToday: false, asOf: '2013-09-30', defaultCurrency: 'USD' };
const table = (values: CellValue[][], name: string): LedgerTable => ({
  sheetName: name,
  headerRow: 0,
  firstColumn: 0,
  values,
  serialSystem: 'excel1900',
  description: name,
});

describe('IBM’s sample imported as of 30 September 2013', () => {
  const load = () =>
    importLedgerFile(new Uint8Array(readFileSync(IBM_SAMPLE)), {
      fileName: 'ibm-accounts-receivable.csv',
      language: 'en',
      asOf: AS_OF,
      defaultCurrency: 'USD',
      partialMatch: 'lowerCaseOrStar',
    });
  const paidByHand = readCsvRecords(IBM_SAMPLE).filter(
    (record) => parseTextDate(record.SettledDate ?? '', { monthFirst: true }) <= AS_OF,
  );

  test('its paid lines go to a sheet of paid invoices, disputed ones marked', async () => {
    const paid = paidInvoicesFromImport(await load(), 'customer', 'en', AS_OF);
    expect(paid?.count).toBe(paidByHand.length);
    expect(paid?.sheetName).toBe('Paid invoices 2013-09-30');
    expect(paid?.layout.rows[0]).toEqual([
      'Customer',
      'Invoice',
      'Invoice date',
      'Due date',
      'Paid date',
      'Amount',
      'Currency',
      'Disputed',
    ]);
    const read = readPaymentHistory(paid?.layout.rows as CellValue[][], AS_OF, { serialSystem: 'excel1900' });
    expect(read.skipped).toEqual([]);
    expect(read.settled).toHaveLength(paidByHand.length);
    expect(read.settled.filter((invoice) => invoice.disputed)).toHaveLength(
      paidByHand.filter((record) => record.Disputed === 'Yes').length,
    );
  });

  test('the forecast from the two imported sheets is the forecast of the file read whole', async () => {
    const result = await load();
    const paid = paidInvoicesFromImport(result, 'customer', 'en', AS_OF);
    const imported = table(result.layout.rows as CellValue[][], result.sheetName);
    const fromImport = cashInForecastFor(
      imported,
      detectColumns(imported.values[0] ?? []),
      { ...settings, historySheet: paid?.sheetName ?? '' },
      AS_OF,
      paid?.layout.rows as CellValue[][],
    );
    const values = parseCsv(readFileSync(IBM_SAMPLE, 'utf8')).filter((row) => row.length > 1);
    const header = values[0] as string[];
    const whole = cashInForecastFor(
      table(values, 'IBM'),
      { ...detectColumns(header), customer: header.indexOf('customerID') },
      settings,
      AS_OF,
    );
    expect(fromImport.model?.overall.invoiceCount).toBe(paidByHand.length);
    expect(fromImport.model?.overall.invoiceCount).toBe(whole.model?.overall.invoiceCount);
    expect(fromImport.glance).toEqual(whole.glance);
    expect(fromImport.forecast.currencies).toEqual(whole.forecast.currencies);
  });
});
