// The cash-in forecast's back-test on the IBM sample (data nobody on the team wrote): for
// several cut dates, learn from what was paid by then, predict the invoices still open, and
// compare with what happened, against the due date and the customer's average delay.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BackTestResult, backTestAt, FORECASTERS, type HistoricInvoice } from '../src/forecast/backTest';
import { parseCsv } from '../src/ledger/csv';
import { formatIsoDate, parseTextDate } from '../src/primitives/dates';
import { minorFromText } from '../src/primitives/money';

export const IBM_SAMPLE_IN_REPO = join(process.cwd(), 'tests', 'data', 'ibm-accounts-receivable.csv');

export function ibmInvoices(path = IBM_SAMPLE_IN_REPO): HistoricInvoice[] {
  const [header, ...rows] = parseCsv(readFileSync(path, 'utf8'));
  if (!header) return [];
  const column = (name: string) => header.indexOf(name);
  const [customer, invoice, due, amount, disputed, settled] = [
    'customerID',
    'InvoiceDate',
    'DueDate',
    'InvoiceAmount',
    'Disputed',
    'SettledDate',
  ].map(column) as [number, number, number, number, number, number];
  const date = (text: string | undefined) => parseTextDate(text ?? '', { monthFirst: true });
  return rows
    .filter((row) => row.length > 1)
    .map((row) => ({
      customer: row[customer] ?? '',
      invoiceDay: date(row[invoice]),
      dueDay: date(row[due]),
      paidDay: date(row[settled]),
      amount: minorFromText(row[amount] ?? '', 'USD'),
      disputed: row[disputed] === 'Yes',
    }));
}

/** Quarter starts from April 2012 to October 2013: the first has three months of history. */
export const CUTS = ['2012-04-01', '2012-07-01', '2012-10-01', '2013-01-01', '2013-04-01', '2013-07-01', '2013-10-01'];

export function benchForecast(invoices = ibmInvoices()): BackTestResult[] {
  const results = CUTS.map((cut) => backTestAt(invoices, parseTextDate(cut)));
  const pad = (text: string, width: number) => text.padStart(width);
  console.log('\nCash-in forecast back-test, IBM sample (2,466 settled invoices, 100 customers)');
  console.log('  mean absolute error of the payment date (days) | weekly cash-in error over 13 weeks');
  console.log(
    `  ${'cut'.padEnd(10)} ${pad('open', 5)} ${pad('model', 7)} ${pad('due', 7)} ${pad('average', 8)} | ${pad('model', 7)} ${pad('due', 7)} ${pad('average', 8)}`,
  );
  const sum = { mae: [0, 0, 0], weekly: [0, 0, 0] };
  for (const result of results) {
    const mae = FORECASTERS.map((f) => result.meanAbsoluteError[f]);
    const weekly = FORECASTERS.map((f) => result.weeklyError[f]);
    mae.forEach((v, i) => {
      sum.mae[i] = (sum.mae[i] as number) + v;
    });
    weekly.forEach((v, i) => {
      sum.weekly[i] = (sum.weekly[i] as number) + v;
    });
    console.log(
      `  ${formatIsoDate(result.cut)} ${pad(String(result.openAtCut), 5)} ${mae.map((v, i) => pad(v.toFixed(1), i === 2 ? 8 : 7)).join(' ')} | ${weekly.map((v, i) => pad(`${(v * 100).toFixed(0)} %`, i === 2 ? 8 : 7)).join(' ')}${result.beyondHistory ? `  (${result.beyondHistory} beyond history)` : ''}`,
    );
  }
  const n = results.length;
  console.log(
    `  ${'mean'.padEnd(10)} ${pad('', 5)} ${sum.mae.map((v, i) => pad((v / n).toFixed(1), i === 2 ? 8 : 7)).join(' ')} | ${sum.weekly.map((v, i) => pad(`${((v / n) * 100).toFixed(0)} %`, i === 2 ? 8 : 7)).join(' ')}`,
  );
  return results;
}
