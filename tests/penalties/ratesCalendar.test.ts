// The rate tables against today's calendar, not the sample's date: a table that stops before
// today makes every formal notice ask the user for a rate. This suite reads the real clock on
// purpose (tests may; the core may not), so it fails on the day a table falls more than one
// half-year behind, saying which row to add and where its source is published.

import { legalInterestRates } from '../../src/penalties/legalInterestRate';
import { JURISDICTIONS, type Jurisdiction, statutoryRates } from '../../src/penalties/statutoryRates';

const WHERE_PUBLISHED: Record<Jurisdiction | 'legal', string> = {
  FR: 'the ECB main refinancing operations rate in force on 1 January / 1 July (ECB press releases, "Monetary policy decisions") + 10 points, Code de commerce L441-10',
  EU: 'the ECB main refinancing operations rate in force on 1 January / 1 July + 8 points, Directive 2011/7/EU',
  DE: 'the Basiszinssatz published by the Deutsche Bundesbank for 1 January / 1 July + 9 points, BGB §288(2)',
  UK: 'the Bank of England Bank Rate on 31 December / 30 June + 8 points, Late Payment of Commercial Debts (Rate of Interest) (No. 3) Order 2002',
  legal:
    'the arrêté "relatif à la fixation du taux de l’intérêt légal" published in the Journal officiel (Légifrance) each semester',
};

/** Half-years as one number: 2026-H2 → 2026 × 2 + 1. */
const index = (halfYear: string) => Number(halfYear.slice(0, 4)) * 2 + (halfYear.endsWith('H2') ? 1 : 0);
const name = (value: number) => `${Math.floor(value / 2)}-H${(value % 2) + 1}`;
const now = new Date();
const current = now.getUTCFullYear() * 2 + (now.getUTCMonth() >= 6 ? 1 : 0);

function expectCurrent(table: string, lastCovered: string, file: string, where: string): void {
  const behind = current - index(lastCovered);
  if (behind > 1) {
    throw new Error(
      `${table}: the table stops at ${lastCovered} and today is in ${name(current)}. Add the rows from ${name(index(lastCovered) + 1)} to ${name(current)} to ${file}, each with its source: ${where}.`,
    );
  }
  if (behind === 1) console.warn(`${table}: ${name(current)} is not on file yet; add it to ${file} (${where}).`);
}

test.each(JURISDICTIONS)('the %s statutory rates reach the current half-year, less one at most', (jurisdiction) => {
  const rows = statutoryRates().filter((rate) => rate.jurisdiction === jurisdiction);
  const last = rows[rows.length - 1]?.halfYear ?? '1970-H1';
  expectCurrent(`${jurisdiction} statutory rates`, last, 'src/penalties/statutory-rates.json', WHERE_PUBLISHED[jurisdiction]);
});

test('the French legal interest rates reach the current half-year, less one at most', () => {
  const rows = legalInterestRates();
  const last = rows[rows.length - 1]?.halfYear ?? '1970-H1';
  expectCurrent('taux de l’intérêt légal', last, 'src/penalties/legal-interest-rates.json', WHERE_PUBLISHED.legal);
});

test('a table one half-year and a day behind fails, naming the row to add and where its source is', () => {
  const stale = `${Math.floor((current - 2) / 2)}-H${((current - 2) % 2) + 1}`;
  expect(() => expectCurrent('FR statutory rates', stale, 'src/penalties/statutory-rates.json', WHERE_PUBLISHED.FR)).toThrow(
    /the table stops at .* Add the rows from .* to src\/penalties\/statutory-rates.json, each with its source: the ECB main refinancing operations rate/,
  );
});

test('the 2026-H2 rows carry the rates and name their sources', () => {
  const rows = statutoryRates().filter((rate) => rate.halfYear === '2026-H2');
  const byJurisdiction = new Map(rows.map((rate) => [rate.jurisdiction, rate]));
  // ECB MRO 2.40 % from 17 June 2026 (press release of 11 June 2026), so in force on 1 July.
  expect(byJurisdiction.get('FR')?.rate.toString()).toBe('0.124');
  expect(byJurisdiction.get('EU')?.rate.toString()).toBe('0.104');
  // Basiszinssatz 1.52 % from 1 July 2026.
  expect(byJurisdiction.get('DE')?.rate.toString()).toBe('0.1052');
  // Bank Rate 3.75 % on 30 June 2026.
  expect(byJurisdiction.get('UK')?.rate.toString()).toBe('0.1175');
  expect(byJurisdiction.get('FR')?.source).toMatch(/2\.40 %.*17 June 2026.*11 June 2026.*L441-10/);
  expect(byJurisdiction.get('DE')?.source).toMatch(/1\.52 %.*BGB §288\(2\)/);
});

test('the legal interest rate of 2026-H2 gives the L441-10 floor of 8.25 %', () => {
  const row = legalInterestRates().find((rate) => rate.halfYear === '2026-H2');
  expect(row?.otherCases.mul(3).toString()).toBe('0.0825');
  expect(legalInterestRates().every((rate) => rate.source.length > 30)).toBe(true);
});
