// A ledger that keeps its settled lines (a paid-date column): a line paid on or before the as-of
// date is not an open item for the aged balance, the colours, the plan, the letters or the
// forecast, but stays payment history. A line paid later was still owed on the as-of date; a
// line dated after it was not yet issued. Checked at the edges on a hand ledger, then on IBM's
// sample against a separate reading of the CSV written here.

import { readFileSync } from 'node:fs';
import { IBM_SAMPLE, parseCsv, readCsvRecords } from '../../scripts/csv';
import { ageLedger, colourRulesFor } from '../../src/commands/ageing';
import { cashInForecastFor } from '../../src/commands/forecast';
import { defaultSettings, type PaneSettings } from '../../src/commands/settings';
import { planDunning } from '../../src/dunning/plan';
import { DEFAULT_POLICY } from '../../src/dunning/policy';
import { detectColumns, type LedgerTable, readLedger } from '../../src/ledger/ledger';
import { describeReading } from '../../src/ledger/readingReport';
import { ruleMatches } from '../../src/pane/preview/Grid';
import type { CellValue } from '../../src/primitives/cells';
import { excelSerialFromDay, formatIsoDate, parseTextDate } from '../../src/primitives/dates';

const AS_OF = parseTextDate('2026-11-30');

function tableOf(values: CellValue[][]): LedgerTable {
  return {
    sheetName: 'Relevé',
    headerRow: 0,
    firstColumn: 0,
    values,
    serialSystem: 'excel1900',
    description: 'Relevé',
    locale: 'fr-FR',
  };
}
function settingsAt(asOf: string, currency = 'EUR'): PaneSettings {
  return { ...defaultSettings('fr', parseTextDate(asOf)), followToday: false, asOf, defaultCurrency: currency, language: 'en' };
}

// Due 01/10/2026: 60 days overdue on 30/11/2026, in the 31-60 bucket.
const HAND: CellValue[][] = [
  ['Client', 'N° facture', 'Date facture', 'Échéance', 'Montant', 'Date de règlement'],
  ['Dupont', 'FA1', '01/09/2026', '01/10/2026', '100,00', '29/11/2026'], // paid the day before
  ['Dupont', 'FA2', '01/09/2026', '01/10/2026', '200,00', '30/11/2026'], // paid on the as-of date
  ['Dupont', 'FA3', '01/09/2026', '01/10/2026', '300,00', '01/12/2026'], // paid the day after
  ['Martin', 'FA4', '01/09/2026', '01/10/2026', '400,00', ''], // not paid
  ['Martin', 'FA5', '01/09/2026', '01/10/2026', '500,00', 'bientôt'], // unreadable
  ['Martin', 'FA6', '01/09/2026', '01/10/2026', '600,00', '31/02/2026'], // impossible date
  ['Martin', 'FA7', '02/12/2026', '01/01/2027', '700,00', ''], // issued after the as-of date
  ['Durand', 'FA8', '01/09/2026', '01/10/2026', '800,00', excelSerialFromDay(AS_OF)], // paid, a date cell
];
const hand = tableOf(HAND);
const mapping = detectColumns(HAND[0] as CellValue[]);
const read = (asOf: string) =>
  readLedger(HAND, mapping, { serialSystem: 'excel1900', defaultCurrency: 'EUR', asOf: parseTextDate(asOf) });
const numbers = (items: readonly { invoiceNumber: string }[]) => items.map((item) => item.invoiceNumber);

describe('a hand ledger with a paid-date column, at the edges', () => {
  const ledger = read('2026-11-30');
  test('paid the day before or on the as-of date: set aside as paid; the day after or blank: open', () => {
    expect(mapping.paidDate).toBe(5);
    expect(numbers(ledger.items)).toEqual(['FA3', 'FA4']);
    expect(numbers(ledger.paid)).toEqual(['FA1', 'FA2', 'FA8']);
    expect(ledger.paid.map((item) => formatIsoDate(item.paidDay as number))).toEqual(['2026-11-29', '2026-11-30', '2026-11-30']);
  });
  test('an unreadable paid date is a row reported with its column, neither open nor closed', () => {
    expect(ledger.skipped.map((row) => row.row)).toEqual([6, 7]);
    for (const row of ledger.skipped) {
      expect(row.error.localized('en')).toMatch(/paid date/);
      expect(row.error.localized('fr')).toMatch(/date de règlement/);
    }
  });
  test('a line dated after the as-of date is counted apart; every row is accounted for', () => {
    expect(ledger.issuedLaterRows).toBe(1);
    expect(ledger.matchedRows).toBe(0);
    expect(ledger.items.length + ledger.paid.length + ledger.issuedLaterRows + ledger.skipped.length).toBe(ledger.rowCount);
  });
  test('as at earlier dates, the later payments leave their lines open', () => {
    expect(numbers(read('2026-11-29').items)).toEqual(['FA2', 'FA3', 'FA4', 'FA8']);
    expect(numbers(read('2026-11-28').items)).toEqual(['FA1', 'FA2', 'FA3', 'FA4', 'FA8']);
    expect(numbers(read('2026-12-02').items)).toEqual(['FA4', 'FA7']);
  });
  test('the reading report says how many lines were set aside as paid, in English and French', () => {
    const options = { locale: 'fr-FR', partialMatch: 'lowerCaseOrStar' as const, hasMatchingCodes: false, asOf: AS_OF };
    expect(describeReading(ledger, { ...options, language: 'en' })[0]).toBe(
      '8 rows under the header: 2 open items, 3 lines paid on or before 30/11/2026 set aside (paid-date column): payment history, not open items, 1 line dated after 30/11/2026 set aside: not yet issued on it, 2 rows that cannot be read (listed below).',
    );
    expect(describeReading(ledger, { ...options, language: 'fr' })[0]).toBe(
      '8 lignes sous l’en-tête : 2 pièces ouvertes, 3 lignes réglées au plus tard le 30/11/2026 écartées (colonne date de règlement) : historique des règlements, pas des pièces ouvertes, 1 ligne datée après le 30/11/2026 écartée : pas encore émise à cette date, 2 lignes illisibles (détail ci-dessous).',
    );
  });
  test('the aged balance holds only what was owed: 300,00 + 400,00, 60 days overdue', () => {
    const { report } = ageLedger(hand, mapping, settingsAt('2026-11-30'), AS_OF);
    expect(report.balance.totals).toHaveLength(1);
    expect(report.balance.totals[0]?.total).toBe(700_00);
    expect(report.balance.totals[0]?.buckets).toEqual([0, 0, 700_00, 0, 0]);
    expect(report.itemCount).toBe(2);
  });
  test('the dunning plan chases no paid invoice: Durand, all paid, is not in it', () => {
    const plan = planDunning(ledger.items, [], { asOf: AS_OF, policy: DEFAULT_POLICY });
    const accounts = [...plan.actions, ...plan.excluded];
    expect(accounts.map((account) => account.customer).sort()).toEqual(['Dupont', 'Martin']);
    const chased = accounts.flatMap((account) => account.dunned.map((dunned) => dunned.item.invoiceNumber)).sort();
    expect(chased).toEqual(['FA3', 'FA4']);
  });
  test('the colour rules leave a row paid by the as-of date uncoloured', () => {
    const rules = colourRulesFor(hand, mapping, settingsAt('2026-11-30'), AS_OF, 'Disputed');
    const overdue = rules.filter((rule) => rule.test.kind === 'daysOverdue');
    expect(overdue[0]?.formula).toBe(
      '=AND(N("agebucket")=0,ISNUMBER($D2),OR(LEN($F2)=0,AND(ISNUMBER($F2),$F2>DATE(2026,11,30))),N($E2)>=0,DATE(2026,11,30)-$D2>=1,DATE(2026,11,30)-$D2<=30)',
    );
    // The same rules as a spreadsheet applies them, on the sheet's cells (dates as serials).
    const serial = (text: string) => excelSerialFromDay(parseTextDate(text));
    const row = (paid: CellValue): CellValue[] => ['X', 'F', serial('2026-09-01'), serial('2026-10-01'), 1, paid];
    const coloured = (paid: CellValue) =>
      overdue.filter((rule) => ruleMatches({ kind: 'ours', ...rule }, row(paid), AS_OF)).map((rule) => rule.label);
    expect(coloured(serial('2026-11-29'))).toEqual([]);
    expect(coloured(serial('2026-11-30'))).toEqual([]);
    expect(coloured(serial('2026-12-01'))).toEqual(['31-60']);
    expect(coloured(null)).toEqual(['31-60']);
    expect(coloured('')).toEqual(['31-60']);
  });
  test('the forecast still learns from the paid lines', () => {
    const result = cashInForecastFor(hand, mapping, settingsAt('2026-11-30'), AS_OF);
    expect(result.model?.overall.invoiceCount).toBe(3);
    expect(result.forecast.invoices.map((forecast) => forecast.invoice.invoiceNumber).sort()).toEqual(['FA3', 'FA4']);
  });
});

describe('IBM’s sample read as a sheet, as of 30 September 2013', () => {
  const asOf = parseTextDate('2013-09-30');
  const values = parseCsv(readFileSync(IBM_SAMPLE, 'utf8')).filter((row) => row.length > 1);
  const header = values[0] as string[];
  const ibmMapping = { ...detectColumns(header), customer: header.indexOf('customerID') };
  const { ledger, report } = ageLedger(tableOf(values), ibmMapping, settingsAt('2013-09-30', 'USD'), asOf);
  // The oracle, by hand over the CSV: owed on D = issued by D and settled after D
  // (tests/data/README.md); overdue = due before D.
  const records = readCsvRecords(IBM_SAMPLE).map((record) => ({
    invoiceDay: parseTextDate(record.InvoiceDate ?? '', { monthFirst: true }),
    dueDay: parseTextDate(record.DueDate ?? '', { monthFirst: true }),
    paidDay: parseTextDate(record.SettledDate ?? '', { monthFirst: true }),
    cents: Math.round(Number(record.InvoiceAmount) * 100),
  }));
  const owed = records.filter((record) => record.invoiceDay <= asOf && record.paidDay > asOf);
  const owedCents = owed.reduce((sum, record) => sum + record.cents, 0);
  const overdueCents = owed.filter((record) => asOf - record.dueDay > 0).reduce((sum, record) => sum + record.cents, 0);

  test('the open items are the invoices owed on that day; the paid ones are set aside', () => {
    expect(ledger.skipped).toEqual([]);
    expect(ledger.items).toHaveLength(owed.length);
    expect(ledger.paid).toHaveLength(records.filter((record) => record.paidDay <= asOf).length);
    expect(ledger.issuedLaterRows).toBe(records.filter((record) => record.invoiceDay > asOf).length);
  });
  test('the total and the overdue share are the hand filter’s (about 9 %, not 87 %)', () => {
    const usd = report.balance.totals[0];
    expect(usd?.total).toBe(owedCents);
    expect((usd?.total ?? 0) - (usd?.buckets[0] ?? 0)).toBe(overdueCents);
    const share = overdueCents / owedCents;
    expect(share).toBeGreaterThan(0.05);
    expect(share).toBeLessThan(0.15);
  });
});
