// The cash-in forecast expects what is owed, never an invoice's gross amount: an account's credit
// notes and unapplied or partly lettered payments are set against its oldest invoices (the rule
// the dunning plan applies), so the total expected reconciles with the aged balance's open total
// for the same file and date, credit balances apart. The expected figures are summed here by hand
// from the lines of the files in tests/data, not taken from the code under test.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ageLedger } from '../../src/commands/ageing';
import { cashInForecastFor } from '../../src/commands/forecast';
import { defaultSettings } from '../../src/commands/settings';
import { cashInForecast } from '../../src/forecast/cashInForecast';
import { cashInSheet } from '../../src/forecast/cashInSheet';
import { learnPayerHabits, type SettledInvoice } from '../../src/forecast/payerHabits';
import { importLedgerFile } from '../../src/ledger/import';
import { detectColumns, type LedgerTable } from '../../src/ledger/ledger';
import { setCreditsAgainstOldest } from '../../src/ledger/owed';
import type { CellValue } from '../../src/primitives/cells';
import { parseTextDate } from '../../src/primitives/dates';
import type { Language } from '../../src/primitives/messages';

const AS_OF = parseTextDate('2026-11-30');
const NBSP = '\u00a0';

async function imported(file: string, language: Language) {
  const result = await importLedgerFile(new Uint8Array(readFileSync(join(__dirname, '..', 'data', file))), {
    fileName: file,
    language,
    asOf: AS_OF,
    defaultCurrency: 'EUR',
    partialMatch: 'lowerCaseOrStar',
    terms: '30 jours',
  });
  const values = result.layout.rows as CellValue[][];
  const table: LedgerTable = {
    sheetName: result.sheetName,
    headerRow: 0,
    firstColumn: 0,
    values,
    serialSystem: 'excel1900',
    description: result.sheetName,
  };
  const settings = { ...defaultSettings(language, AS_OF), followToday: false, asOf: '2026-11-30' };
  const mapping = detectColumns(values[0] as string[]);
  return {
    cashIn: cashInForecastFor(table, mapping, settings, AS_OF),
    aged: ageLedger(table, mapping, settings, AS_OF).report.balance,
  };
}

const owedOf = (result: Awaited<ReturnType<typeof imported>>) =>
  Object.fromEntries(result.cashIn.forecast.invoices.map(({ invoice }) => [invoice.invoiceNumber, invoice.amount]));

describe('the Sage grand livre (Windows-1252) as of 30 November 2026', () => {
  // Its open lines, per account, the credits set against the oldest due date first:
  //   411DUPONT  FA2026-0412 12 450,00 (due 14/08) − RG2026-0101 3 120,50 = 9 329,50; FA2026-0455 3 120,50
  //   411BOUL    FA2026-0530 987,65 (FA2026-0501 and RG2026-0150 are lettered AB: closed)
  //   411GARAGE  FA2026-0602 45 000,00 (due 02/11) − AV2026-0010 2 500,00 = 42 500,00; FA2026-0655 7 890,12
  //   411CAFE    FA2026-0301 2 340,00 − acompte RG2026-0090 1 000,00 (both lettered ab) = 1 340,00; FA2026-0700 650,00
  //   411HOTEL   FA2026-0211 18 900,00
  const owed = {
    'FA2026-0412': 12450_00 - 3120_50,
    'FA2026-0455': 3120_50,
    'FA2026-0530': 987_65,
    'FA2026-0602': 45000_00 - 2500_00,
    'FA2026-0655': 7890_12,
    'FA2026-0301': 2340_00 - 1000_00,
    'FA2026-0700': 650_00,
    'FA2026-0211': 18900_00,
  };
  const total = Object.values(owed).reduce((a, b) => a + b, 0);
  // The aged balance's open total: every open line, its debit less its credit.
  const balanceByHand =
    12450_00 + 3120_50 - 3120_50 + 987_65 + 45000_00 - 2500_00 + 7890_12 + 650_00 + 2340_00 - 1000_00 + 18900_00;

  test('each invoice counts for what it still owes: 84 717,77 € in all, the aged balance’s open total', async () => {
    const result = await imported('sage-grand-livre-clients.csv', 'fr');
    expect(owedOf(result)).toEqual(owed);
    expect(total).toBe(84717_77);
    expect(balanceByHand).toBe(84717_77);
    const [eur] = result.cashIn.forecast.currencies;
    expect(eur?.openTotal).toBe(total);
    expect(eur?.balance).toBe(balanceByHand);
    expect(eur?.creditBalances).toBe(0);
    expect(eur?.creditsApplied).toBe(3120_50 + 2500_00 + 1000_00);
    expect(result.aged.totals[0]?.total).toBe(eur?.openTotal);
    expect(result.cashIn.forecast.creditLines).toBe(3);
  });

  test('by due dates, this week holds everything owed but FA2026-0700 (due 15/12, week 3): 84 067,77 €', async () => {
    const [eur] = (await imported('sage-grand-livre-clients.csv', 'fr')).cashIn.forecast.currencies;
    expect(eur?.byDueDates[0]).toBe(total - 650_00);
    expect(eur?.byDueDates[2]).toBe(650_00);
    expect(eur?.overdue).toBe(total - 650_00 - 7890_12); // FA2026-0655 is due today: not overdue yet
  });

  test('the sheet says how the credits were used and that the total reconciles, in French and English', async () => {
    const fr = (await imported('sage-grand-livre-clients.csv', 'fr')).cashIn.layout.rows.map((row) => row[0]);
    expect(fr).toContain(
      '3 avoirs et règlements restés ouverts sont imputés sur les plus anciennes factures de leur compte, comme dans le plan de relance : chaque facture compte pour ce qu’elle doit encore.',
    );
    expect(fr).toContain(
      `EUR : total attendu 84${NBSP}717,77${NBSP}€ = solde ouvert de la balance âgée 84${NBSP}717,77${NBSP}€.`,
    );
    expect(fr.join('\n')).not.toContain('non lettrés');
    const en = (await imported('sage-grand-livre-clients.csv', 'en')).cashIn.layout.rows.map((row) => row[0]);
    expect(en).toContain(
      '3 credit notes and payments still open are set against the oldest invoices of their account, as in the dunning plan: each invoice counts for what it still owes.',
    );
    expect(en).toContain('EUR: total expected €84,717.77 = the aged balance’s open total €84,717.77.');
  });
});

describe('the FEC as of 30 November 2026', () => {
  test('CAFÉ DU COMMERCE’s F26-0120 owes 800,00 € once CHQ-0610 (lettered a) is deducted; EUR 20 600,00 €', async () => {
    const result = await imported('123456789FEC20260930.txt', 'fr');
    const owed = owedOf(result);
    expect(owed['F26-0120']).toBe(1800_00 - 1000_00);
    expect(owed['F26-0210']).toBe(6000_00 - 600_00); // DURAND & FILS' avoir AV26-0003
    expect(owed.AN2025).toBe(4800_00);
    expect(owed['F26-0150']).toBe(9600_00);
    expect(owed['F26-0240']).toBe(4680_00); // EXPORT INC, in USD
    const [eur, usd] = result.cashIn.forecast.currencies;
    const eurByHand = 4800_00 + 6000_00 - 600_00 + 9600_00 + 1800_00 - 1000_00;
    expect([eur?.currency, eur?.openTotal, eur?.balance]).toEqual(['EUR', eurByHand, eurByHand]);
    expect([usd?.currency, usd?.openTotal]).toEqual(['USD', 4680_00]);
    expect(result.aged.totals.map((t) => [t.currency, t.total])).toEqual([
      ['EUR', eurByHand],
      ['USD', 4680_00],
    ]);
    // The invoice line of the sheet shows what is still owed (Reste dû).
    const rows = result.cashIn.layout.rows;
    const header = rows.findIndex((row) => row[0] === 'Client' && row[3] === 'Reste dû');
    const line = rows.slice(header + 1).find((row) => row[1] === 'F26-0120');
    expect(line?.[3]).toBe(800);
  });
});

describe('an account whose credits exceed its invoices', () => {
  const D = parseTextDate('2026-12-10');
  const open = (customer: string, invoiceNumber: string, dueDay: number, amount: number) => ({
    customer,
    invoiceNumber,
    dueDay,
    amount,
    currency: 'EUR',
    disputed: false,
  });
  const forecast = cashInForecast(
    null,
    [
      open('Acme', 'F2', D - 10, 300_00),
      open('Acme', 'F1', D - 40, 200_00),
      open('Acme', 'AV1', D - 5, -250_00),
      open('Brill', 'F3', D + 20, 100_00),
      open('Brill', 'AV2', D - 60, -180_00),
    ],
    D,
  );
  test('the oldest invoice first: F1 (due D−40) is covered, F2 owes 250,00; Brill’s 80,00 of credit is left out', () => {
    expect(forecast.invoices.map(({ invoice }) => [invoice.invoiceNumber, invoice.amount])).toEqual([
      ['F2', 300_00 - (250_00 - 200_00)],
    ]);
    const [eur] = forecast.currencies;
    expect(eur?.openTotal).toBe(250_00);
    expect(eur?.coveredInvoices).toBe(2);
    expect(eur?.creditBalances).toBe(-(180_00 - 100_00));
    expect(eur?.balance).toBe(300_00 + 200_00 - 250_00 + 100_00 - 180_00);
    expect(eur?.balance).toBe((eur?.openTotal ?? 0) + (eur?.creditBalances ?? 0));
  });
  test('the sheet states the difference with the aged balance in both languages', () => {
    const en = cashInSheet(forecast, null, 'en').rows.map((row) => row[0]);
    expect(en).toContain(
      'EUR: total expected €250.00 = the aged balance’s open total €170.00 + €80.00 of credit balances left out (owed to customers: no cash-in).',
    );
    const fr = cashInSheet(forecast, null, 'fr').rows.map((row) => row[0]);
    expect(fr).toContain(
      `EUR : total attendu 250,00${NBSP}€ = solde ouvert de la balance âgée 170,00${NBSP}€ + 80,00${NBSP}€ de soldes créditeurs écartés (dus aux clients : pas d’encaissement).`,
    );
  });
  test('the rule itself: due the same day, in the order given; a credit balance when credits exceed', () => {
    expect(
      setCreditsAgainstOldest(
        [
          { dueDay: 10, amount: 50 },
          { dueDay: 5, amount: 30 },
          { dueDay: 10, amount: 40 },
        ],
        -100,
      ),
    ).toEqual({ owed: [0, 0, 20], applied: 100, creditBalance: 0 });
    expect(setCreditsAgainstOldest([{ dueDay: 1, amount: 30 }], -45)).toEqual({ owed: [0], applied: 30, creditBalance: -15 });
  });
});

describe('counts in the sheet’s language', () => {
  const D = parseTextDate('2026-06-01');
  // 2 170 paid invoices of 1 234 customers (a customer per invoice for the first 1 234).
  const settled: SettledInvoice[] = Array.from({ length: 2170 }, (_, i) => ({
    customer: `C${i % 1234}`,
    dueDay: D - 400 + (i % 300),
    paidDay: D - 400 + (i % 300) + (i % 40),
    disputed: false,
  }));
  const model = learnPayerHabits(settled);
  const forecast = cashInForecast(model, [], D);
  test('“Learnt from 2,170 paid invoices of 1,234 customers” / « Appris de 2 170 factures réglées de 1 234 clients »', () => {
    expect(cashInSheet(forecast, model, 'en').rows[1]?.[0]).toMatch(/^Learnt from 2,170 paid invoices of 1,234 customers: /);
    expect(cashInSheet(forecast, model, 'fr').rows[1]?.[0]).toMatch(
      new RegExp(`^Appris de 2${NBSP}170 factures réglées de 1${NBSP}234 clients : `),
    );
  });
});
