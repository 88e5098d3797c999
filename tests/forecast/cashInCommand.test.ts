// The cash-in command on IBM's sample (data nobody on the team wrote), read as a ledger that
// keeps its settled lines: as of 30 September 2013, lines paid by then are the history and the
// others are open. The oracle is computed here from the file's own DaysToSettle column.

import { readFileSync } from 'node:fs';
import { IBM_SAMPLE, parseCsv, readCsvRecords } from '../../scripts/csv';
import { cashInForecastFor, cashInGlanceText } from '../../src/commands/forecast';
import { defaultSettings, type PaneSettings } from '../../src/commands/settings';
import { median } from '../../src/forecast/payerHabits';
import { readPaymentHistory } from '../../src/forecast/paymentHistory';
import { detectColumns, type LedgerTable } from '../../src/ledger/ledger';
import { customerKey } from '../../src/primitives/cells';
import { excelSerialFromDay, parseTextDate } from '../../src/primitives/dates';

const AS_OF = parseTextDate('2013-09-30');
const values = parseCsv(readFileSync(IBM_SAMPLE, 'utf8')).filter((row) => row.length > 1);
const header = values[0] as string[];
const table: LedgerTable = {
  sheetName: 'IBM',
  headerRow: 0,
  firstColumn: 0,
  values,
  serialSystem: 'excel1900',
  description: 'IBM!A1:L2467',
};
const settings: PaneSettings = {
  ...defaultSettings('en', AS_OF),
  followToday: false,
  asOf: '2013-09-30',
  defaultCurrency: 'USD',
};
// The sample has a customer ID and no name: the user maps it as the customer.
const mapping = { ...detectColumns(header), customer: header.indexOf('customerID') };

// The oracle: paid day = invoice day + DaysToSettle, days late = DaysToSettle − 30 (terms of 30 days).
const records = readCsvRecords(IBM_SAMPLE).map((r) => {
  const invoiceDay = parseTextDate(r.InvoiceDate ?? '', { monthFirst: true });
  return {
    customer: r.customerID ?? '',
    invoiceDay,
    paidDay: invoiceDay + Number(r.DaysToSettle),
    delay: Number(r.DaysToSettle) - 30,
    disputed: r.Disputed === 'Yes',
  };
});
const paidByAsOf = records.filter((r) => r.paidDay <= AS_OF);
const openAtAsOf = records.filter((r) => r.invoiceDay <= AS_OF && r.paidDay > AS_OF);

describe('IBM’s sample as of 30 September 2013', () => {
  const result = cashInForecastFor(table, mapping, settings, AS_OF);

  test('SettledDate is found as the paid-date column, read month-first as a whole', () => {
    expect(mapping.paidDate).toBe(header.indexOf('SettledDate'));
    expect(result.forecast.invoices.some((f) => f.invoice.dueDay === parseTextDate('2013-10-01'))).toBe(true);
  });
  test('history: every line paid by the as-of date; open: issued by then and paid after', () => {
    expect(result.model?.overall.invoiceCount).toBe(paidByAsOf.length);
    expect(result.forecast.invoices).toHaveLength(openAtAsOf.length);
    expect(openAtAsOf.length).toBeGreaterThan(50);
  });
  test('each customer’s own median delay is the median of DaysToSettle − 30 of its undisputed paid invoices', () => {
    const customers = [...new Set(paidByAsOf.map((r) => r.customer))];
    expect(customers).toHaveLength(result.model?.customers.size ?? -1);
    for (const customer of customers) {
      const own = paidByAsOf.filter((r) => r.customer === customer && !r.disputed).map((r) => r.delay);
      const habits = result.model?.customers.get(customerKey(customer));
      expect([customer, habits?.medianDelay]).toEqual([customer, own.length > 0 ? median(own) : null]);
      expect(habits?.invoiceCount).toBe(paidByAsOf.filter((r) => r.customer === customer).length);
    }
  });
  test('one currency; the 13 weeks, later and not forecast add up to the open total', () => {
    expect(result.forecast.currencies.map((c) => c.currency)).toEqual(['USD']);
    const usd = result.forecast.currencies[0];
    const weeks = usd?.expected.reduce((a, b) => a + b, 0) ?? 0;
    expect(weeks + (usd?.expectedLater ?? 0) + (usd?.notForecast ?? 0)).toBe(usd?.openTotal);
  });
  test('the glance says this week and next, expected and by due dates', () => {
    const usd = result.forecast.currencies[0];
    expect(result.glance).toEqual([
      {
        currency: 'USD',
        noForecast: null,
        thisWeek: { expected: usd?.expected[0], byDueDates: usd?.byDueDates[0] },
        nextWeek: { expected: usd?.expected[1], byDueDates: usd?.byDueDates[1] },
      },
    ]);
    expect(
      cashInGlanceText(
        [
          {
            currency: 'EUR',
            noForecast: null,
            thisWeek: { expected: 123456, byDueDates: 200000 },
            nextWeek: { expected: 50, byDueDates: 0 },
          },
        ],
        'en',
      ),
    ).toBe('EUR: this week €1,234.56 expected (€2,000.00 by due dates); next week €0.50 expected (€0.00 by due dates)');
    expect(
      cashInGlanceText(
        [
          {
            currency: 'EUR',
            noForecast: null,
            thisWeek: { expected: 123456, byDueDates: 200000 },
            nextWeek: { expected: 50, byDueDates: 0 },
          },
        ],
        'fr',
      ),
    ).toBe(
      'EUR : cette semaine 1\u00a0234,56\u00a0€ attendus (2\u00a0000,00\u00a0€ selon les échéances) ; la semaine prochaine 0,50\u00a0€ attendus (0,00\u00a0€ selon les échéances)',
    );
  });

  describe('the sheet', () => {
    const { layout, name } = result;
    const rows = layout.rows;
    test('named after the as-of date, titled in the user’s language', () => {
      expect(name).toBe('Cash-in 2013-09-30');
      expect(rows[0]).toEqual(['Expected cash-in as of 30 September 2013']);
    });
    test('13 weeks from the day after the as-of date, then later, not forecast, total', () => {
      const head = rows[3] as unknown[];
      expect(head.slice(0, 3)).toEqual(['Currency', 'Forecast', '01/10–07/10']);
      expect(head[14]).toBe('24/12–30/12');
      expect(head.slice(15)).toEqual(['After 13 weeks', 'Not forecast', 'Total']);
    });
    test('the chart draws the expected and the due-date rows over the weeks', () => {
      expect(layout.chart).toMatchObject({ categoryRow: 3, firstColumn: 2, lastColumn: 14 });
      expect(layout.chart?.series.map((s) => rows[s.row]?.slice(0, 2))).toEqual([
        ['USD', 'Expected (payment habits)'],
        ['USD', 'By due dates'],
      ]);
      const usd = result.forecast.currencies[0];
      expect(rows[4]?.slice(2, 15)).toEqual(usd?.expected.map((minor) => minor / 100));
      expect(rows[4]?.[17]).toBe((usd?.openTotal ?? 0) / 100);
    });
    test('amounts, dates and shares carry number formats', () => {
      expect(layout.cellFormats.filter((f) => f.row === 4).map((f) => f.format)).toEqual(
        new Array(16).fill('#,##0.00;[Red]-#,##0.00'),
      );
      expect(layout.columnFormats.slice(3, 11)).toEqual([
        '#,##0.00;[Red]-#,##0.00',
        'dd/mm/yyyy',
        'dd/mm/yyyy',
        'dd/mm/yyyy',
        'dd/mm/yyyy',
        '0%',
        '0%',
        '0%',
      ]);
    });
    test('each open invoice with its expected date as a date serial, its range and its chances', () => {
      const tableRow = rows.findIndex((row) => row[0] === 'Open invoices');
      expect(rows[tableRow + 1]?.slice(0, 12)).toEqual([
        'Customer',
        'Invoice',
        'Currency',
        'Open amount',
        'Due date',
        'Expected payment',
        'Earliest (20th percentile)',
        'Latest (80th percentile)',
        'Paid within 1 week',
        'Paid within 4 weeks',
        'Paid within 13 weeks',
        'Payer',
      ]);
      const first = result.forecast.invoices[0];
      const line = rows[tableRow + 2] as unknown[];
      expect(line[1]).toBe(first?.invoice.invoiceNumber);
      expect(line[5]).toBe(excelSerialFromDay(first?.forecast.expectedDay as number));
      expect(line[4] as number).toBeLessThanOrEqual(excelSerialFromDay(first?.forecast.expectedDay as number) + 1000);
      expect(line[8]).toBe(first?.forecast.withinWeeks[1]);
      expect(rows[tableRow + 1]?.[13]).toBe('Customer');
      expect(rows[tableRow + 1]?.[23]).toBe('Payer');
    });
  });

  test('in French', () => {
    const french = cashInForecastFor(table, mapping, { ...settings, language: 'fr' }, AS_OF);
    expect(french.name).toBe('Encaissements 2013-09-30');
    expect(french.layout.rows[0]).toEqual(['Encaissements attendus au 30 septembre 2013']);
    expect(french.layout.rows[4]?.[1]).toBe('Attendu (habitudes de paiement)');
  });
});

describe('where the history comes from, and what is said when there is none', () => {
  test('headers in French and English are found as the paid date', () => {
    for (const name of ['Date de règlement', 'Paid date', 'SettledDate', 'Payment date', 'Date d’encaissement'])
      expect([name, detectColumns(['Client', name]).paidDate]).toEqual([name, 1]);
  });
  test('a ledger with no paid dates and no history sheet: no error, the due dates’ view and what to add, in both languages', () => {
    const noPaidDate = { ...mapping };
    delete noPaidDate.paidDate;
    const result = cashInForecastFor(table, noPaidDate, settings, AS_OF);
    expect(result.model).toBeNull();
    expect(result.glance.map((line) => line.noForecast)).toEqual(['noHistory']);
    expect(cashInGlanceText(result.glance, 'en')).toContain('No payment history, so no forecast yet');
    expect(cashInGlanceText(result.glance, 'fr')).toContain('Aucun historique de paiement, donc pas encore de prévision');
  });
  test('a sheet of paid invoices named in the settings', () => {
    const history = [
      ['Client', 'Échéance', 'Date de règlement', 'Litige'],
      ['Acme', '2013-08-01', '2013-08-11', 'non'],
      ['Acme', '2013-08-05', '2013-08-15', ''],
      ['Acme', '2013-08-09', '', ''],
      ['Acme', '2013-09-01', '2013-10-15', ''],
      ['Acme', 'bientôt', '2013-09-01', ''],
    ];
    const read = readPaymentHistory(history, AS_OF, { serialSystem: 'excel1900' });
    expect(read.settled.map((s) => s.paidDay - s.dueDay)).toEqual([10, 10]);
    expect(read.unpaid).toBe(2); // no paid date, and paid after the as-of date
    expect(read.skipped.map((s) => [s.row, s.error.message])).toEqual([
      [6, '"bientôt" is not a date: use YYYY-MM-DD, DD/MM/YYYY or a date cell'],
    ]);
    const withSheet = cashInForecastFor(table, mapping, { ...settings, historySheet: 'Règlements' }, AS_OF, history);
    expect(withSheet.model?.overall.invoiceCount).toBe(paidByAsOf.length + 2);
    expect(withSheet.historySkipped).toHaveLength(1);
    expect(() => cashInForecastFor(table, mapping, { ...settings, historySheet: 'Règlements' }, AS_OF, null)).toThrow(
      'there is no sheet named "Règlements" to read paid invoices from',
    );
  });
  test('a history sheet without a paid-date column says which columns it needs', () => {
    expect(() => readPaymentHistory([['Client', 'Échéance']], AS_OF, { serialSystem: 'excel1900' })).toThrow(
      'the paid invoices need these columns: paid date',
    );
  });
});
