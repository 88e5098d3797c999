// When there is no forecast to make, the cash-in says so instead of showing 0,00 € expected or
// failing: a ledger without payment history (the sample) gets the due-date view and a sentence
// on what the forecast needs; a FEC whose open invoices are all later than any paid one gets
// "no forecast" for its currency. And the forecast's weeks are whole cents that add up to the
// forecast amount exactly, never leaving a negative cent after week 13.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IBM_SAMPLE, parseCsv, readCsvRecords } from '../../scripts/csv';
import { sampleAsOf, sampleLedgerCells } from '../../scripts/sampleData';
import { cashInForecastFor, cashInGlanceText, paidInvoicesFromImport } from '../../src/commands/forecast';
import { defaultSettings } from '../../src/commands/settings';
import { allocateMinorUnits } from '../../src/forecast/cashInForecast';
import { importLedgerFile } from '../../src/ledger/import';
import { detectColumns, type LedgerTable } from '../../src/ledger/ledger';
import type { CellValue } from '../../src/primitives/cells';
import { formatIsoDate, parseTextDate } from '../../src/primitives/dates';

const table = (values: CellValue[][], name: string): LedgerTable => ({
  sheetName: name,
  headerRow: 0,
  firstColumn: 0,
  values,
  serialSystem: 'sheets',
  description: name,
});

describe('the sample ledger, which has no paid dates', () => {
  const values = sampleLedgerCells();
  const settings = { ...defaultSettings('fr', sampleAsOf), followToday: false, asOf: formatIsoDate(sampleAsOf) };
  const result = cashInForecastFor(table(values, 'Créances'), detectColumns(values[0] as string[]), settings, sampleAsOf);
  // The oracle: what each invoice still owes once its account's credits (negative lines) are
  // taken off its invoices, earliest due date first, in the week of its due date, overdue ones
  // in week 1.
  const accounts = new Map<string, { credit: number; invoices: Array<{ due: number; cents: number; currency: string }> }>();
  for (const row of readCsvRecords(join(__dirname, '..', '..', 'samples', 'ledger.csv'))) {
    const cents = Math.round(Number(row['Reste dû']) * 100);
    const key = `${row.Client} ${row.Devise}`;
    const account = accounts.get(key) ?? { credit: 0, invoices: [] };
    accounts.set(key, account);
    if (cents < 0) account.credit -= cents;
    else account.invoices.push({ due: parseTextDate(row.Échéance ?? ''), cents, currency: row.Devise ?? '' });
  }
  const byHand = new Map<string, [number, number]>();
  for (const { credit, invoices } of accounts.values()) {
    let left = credit;
    for (const invoice of [...invoices].sort((a, b) => a.due - b.due)) {
      const taken = Math.min(left, invoice.cents);
      left -= taken;
      const weeks = byHand.get(invoice.currency) ?? [0, 0];
      if (invoice.due <= sampleAsOf + 7) weeks[0] += invoice.cents - taken;
      else if (invoice.due <= sampleAsOf + 14) weeks[1] += invoice.cents - taken;
      byHand.set(invoice.currency, weeks);
    }
  }

  test('is no error: no model, no forecast, and the due dates’ view per currency', () => {
    expect(result.model).toBeNull();
    expect(result.glance.map((line) => line.currency)).toEqual(['EUR', 'GBP', 'USD']);
    for (const line of result.glance) {
      expect(line.noForecast).toBe('noHistory');
      expect([line.currency, line.thisWeek.byDueDates, line.nextWeek.byDueDates]).toEqual([
        line.currency,
        ...(byHand.get(line.currency) ?? []),
      ]);
      expect([line.thisWeek.expected, line.nextWeek.expected]).toEqual([0, 0]);
    }
    for (const currency of result.forecast.currencies) expect(currency.notForecast).toBe(currency.openTotal);
  });

  test('the sheet says what the forecast needs and shows the due-date rows alone', () => {
    const rows = result.layout.rows;
    expect(String(rows[1]?.[0])).toMatch(/^Aucun historique de paiement, donc pas encore de prévision/);
    expect(String(rows[1]?.[0])).toContain('importez un FEC avec son lettrage');
    const labels = rows.slice(4, 7).map((row) => row.slice(0, 2));
    expect(labels).toEqual([
      ['EUR', 'Selon les échéances'],
      ['GBP', 'Selon les échéances'],
      ['USD', 'Selon les échéances'],
    ]);
    expect(rows.flat()).not.toContain('Attendu (habitudes de paiement)');
    expect(result.layout.chart?.series.map((s) => s.name)).toEqual([
      'EUR Selon les échéances',
      'GBP Selon les échéances',
      'USD Selon les échéances',
    ]);
  });

  test('the Sheets message says there is no forecast, why, and what to add, in both languages', () => {
    const en = cashInGlanceText(result.glance, 'en');
    expect(en).toMatch(/^EUR: no forecast \(no payment history\); by due dates, this week €[\d,]+\.\d\d, next week/);
    expect(en).toContain('Give the ledger a paid-date column on its settled lines');
    expect(en).toContain('import a FEC with its lettrage');
    expect(en).not.toContain('expected');
    const fr = cashInGlanceText(result.glance, 'fr');
    expect(fr).toMatch(/^EUR : pas de prévision \(aucun historique de paiement\) ; selon les échéances, cette semaine /);
    expect(fr).toContain('Ajoutez au tableau une colonne de date de règlement');
  });
});

describe('a FEC imported as of 30 November 2026, its open invoices all later than any it has seen paid', () => {
  const AS_OF = parseTextDate('2026-11-30');
  const forecast = async () => {
    const fecFile = join(__dirname, '..', 'data', '123456789FEC20260930.txt');
    const result = await importLedgerFile(new Uint8Array(readFileSync(fecFile)), {
      fileName: '123456789FEC20260930.txt',
      language: 'fr',
      asOf: AS_OF,
      defaultCurrency: 'EUR',
      partialMatch: 'lowerCaseOrStar',
      terms: '30 jours',
    });
    const paid = paidInvoicesFromImport(result, 'customer', 'fr', AS_OF);
    const values = result.layout.rows as CellValue[][];
    const settings = {
      ...defaultSettings('fr', AS_OF),
      followToday: false,
      asOf: '2026-11-30',
      historySheet: paid?.sheetName ?? '',
    };
    return cashInForecastFor(
      { ...table(values, result.sheetName), serialSystem: 'excel1900' },
      detectColumns(values[0] as string[]),
      settings,
      AS_OF,
      paid?.layout.rows as CellValue[][],
    );
  };

  test('EUR says "no forecast" beside its 20 600,00 € by due dates; USD keeps its forecast', async () => {
    const result = await forecast();
    expect(result.model?.overall.invoiceCount).toBeGreaterThan(0);
    const [eur, usd] = result.forecast.currencies;
    // Owed in EUR: AN2025 4 800 + F26-0210 (6 000 − avoir 600) + F26-0150 9 600 + F26-0120
    // (1 800 − CHQ-0610 1 000) = 20 600,00 € (F26-0180 was lettered on 20/10/2026).
    const owed = 4800_00 + (6000_00 - 600_00) + 9600_00 + (1800_00 - 1000_00);
    expect([eur?.currency, eur?.notForecast, eur?.openTotal]).toEqual(['EUR', owed, owed]);
    expect(result.glance.map((line) => [line.currency, line.noForecast])).toEqual([
      ['EUR', 'beyondHistory'],
      ['USD', null],
    ]);
    expect(usd?.notForecast).toBe(0);
    const fr = cashInGlanceText(result.glance, 'fr').split('\n');
    expect(fr[0]).toBe(
      'EUR : pas de prévision (ses factures ouvertes sont toutes plus en retard que toute facture réglée) ; selon les échéances, cette semaine 20\u00a0600,00\u00a0€, la semaine prochaine 0,00\u00a0€',
    );
    expect(fr[1]).toMatch(/^USD : cette semaine .* attendus/);
    expect(fr).toHaveLength(2);
  });
});

describe('whole cents that add up', () => {
  test.each([
    // Thirteen weeks of 0.6 cent: rounded one by one they made 13 cents of an 8-cent forecast.
    [[...new Array<number>(13).fill(0.6), 0.2], 8, [1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0]],
    [[0.5, 0.5, 0], 1, [1, 0, 0]],
    [[10.2, 20.3, 30.5], 61, [10, 20, 31]],
    [[0, 0, 0], 0, [0, 0, 0]],
    [[33.333333, 33.333333, 33.333334], 100, [33, 33, 34]],
  ])('%j over %i → %j', (parts, total, expected) => {
    expect(allocateMinorUnits(parts, total)).toEqual(expected);
  });

  test('any shares of any total: exact sum, none negative, each within a cent of its share', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    for (let run = 0; run < 300; run++) {
      const total = Math.floor(random() * 10_000_000);
      const weights = Array.from({ length: 1 + Math.floor(random() * 14) }, () => random() ** 3);
      const sum = weights.reduce((a, b) => a + b, 0) || 1;
      const parts = weights.map((weight) => (weight / sum) * total);
      const allocated = allocateMinorUnits(parts, total);
      expect(allocated.reduce((a, b) => a + b, 0)).toBe(total);
      allocated.forEach((cents, i) => {
        expect(cents).toBeGreaterThanOrEqual(0);
        expect(Math.abs(cents - (parts[i] as number))).toBeLessThan(1);
      });
    }
  });

  test('IBM’s sample, as of every fourth week of 2013: nothing negative after week 13, and the parts add up', () => {
    const values = parseCsv(readFileSync(IBM_SAMPLE, 'utf8')).filter((row) => row.length > 1);
    const header = values[0] as string[];
    const mapping = { ...detectColumns(header), customer: header.indexOf('customerID') };
    let forecasts = 0;
    for (let asOf = parseTextDate('2013-01-06'); asOf <= parseTextDate('2013-12-29'); asOf += 28) {
      const settings = { ...defaultSettings('en', asOf), followToday: false, asOf: formatIsoDate(asOf), defaultCurrency: 'USD' };
      const result = cashInForecastFor({ ...table(values, 'IBM'), serialSystem: 'excel1900' }, mapping, settings, asOf);
      for (const currency of result.forecast.currencies) {
        forecasts++;
        expect([formatIsoDate(asOf), currency.expectedLater >= 0]).toEqual([formatIsoDate(asOf), true]);
        expect(currency.expected.every((cents) => cents >= 0 && Number.isInteger(cents))).toBe(true);
        const weeks = currency.expected.reduce((a, b) => a + b, 0);
        expect(weeks + currency.expectedLater + currency.notForecast).toBe(currency.openTotal);
      }
    }
    expect(forecasts).toBeGreaterThan(10);
  });
});
