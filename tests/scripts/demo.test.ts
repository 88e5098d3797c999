// `npm run demo -- --fr` speaks French from its first line to its last: the summary per
// currency, the curve it uses and the count of rows, numbers as French writes them, and the
// customers in French order ("Électricité" among the Es).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectionProbability } from '../../src/ageing/collection';
import { ageLedger, findLedger } from '../../src/commands/ageing';
import { currentSample } from '../../src/commands/sample';
import { defaultSettings } from '../../src/commands/settings';
import { parseCsv } from '../../src/ledger/csv';
import { csvToSheet } from '../../src/pane/preview/sheetFiles';
import { parseTextDate } from '../../src/primitives/dates';

const root = join(__dirname, '..', '..');
const demo = (...args: string[]) =>
  execFileSync(process.execPath, [require.resolve('tsx/cli'), join(root, 'scripts', 'demo.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
  });

test('the French demo has no English summary line', () => {
  const out = demo('--fr');
  const summary = out.split('\n').filter((line) => /^[A-Z]{3} : /.test(line));
  expect(summary.length).toBeGreaterThan(0);
  for (const line of summary)
    expect(line).toMatch(
      /^[A-Z]{3} : \d+ comptes?, [\d ]+ pièces?, échu .* \([\d,]+ %\), retard moyen pondéré [\d,]+ j, perte attendue /,
    );
  expect(out).not.toMatch(/\b(accounts|items|overdue|weighted|Expected loss|blank rows|skipped|Rule of thumb)\b/);
  expect(out).toMatch(/La perte attendue suit : Règle empirique attribuée à une enquête de 2004/);
  // Customers in French order: every name starting with É sits among the Es, before the Fs.
  const customers = out.split('\n').filter((line) => /^\S.*\s(EUR|GBP|USD)\s/.test(line) && !line.startsWith('Total'));
  const initials = customers.map((line) => line.charAt(0).normalize('NFD').charAt(0).toUpperCase());
  expect(initials).toEqual([...initials].sort());
  expect(customers.some((line) => line.startsWith('É'))).toBe(true);
}, 60_000);

test('the English demo stays English', () => {
  expect(demo()).toMatch(/^EUR: \d+ accounts, [\d,]+ items, overdue /m);
}, 60_000);

/**
 * The sample's expected loss per currency, worked out here on its own: per account (customer and
 * currency), the credit notes and unapplied payments (negative open amounts) are set against the
 * invoices with the oldest due date first (Code civil art. 1342-10), and the curve's probability
 * of collection at each invoice's days overdue is applied to what it still owes. An account's
 * loss is never more than what it owes in all, and is rounded to the cent.
 */
function expectedLossByHand(ledgerCsv: string, asOf: number, creditsSet = true): Map<string, number> {
  const [header = [], ...rows] = parseCsv(ledgerCsv);
  const at = (name: string) => header.indexOf(name);
  const [customer, currency, due, open] = [at('Client'), at('Devise'), at('Échéance'), at('Reste dû')];
  const accounts = new Map<
    string,
    { currency: string; invoices: Array<{ days: number; owed: number }>; credits: number; total: number }
  >();
  for (const row of rows) {
    if (row.every((cell) => cell.trim() === '')) continue;
    const cents = Math.round(Number(row[open]) * 100);
    const key = `${row[customer]}|${row[currency]}`;
    let account = accounts.get(key);
    if (!account) {
      account = { currency: row[currency] as string, invoices: [], credits: 0, total: 0 };
      accounts.set(key, account);
    }
    account.total += cents;
    if (cents > 0) account.invoices.push({ days: asOf - parseTextDate(row[due] as string), owed: cents });
    else account.credits -= cents;
  }
  const byCurrency = new Map<string, number>();
  for (const account of accounts.values()) {
    // Oldest due date first: the most days overdue; a stable sort keeps the ledger's order on a tie.
    const oldestFirst = [...account.invoices].sort((a, b) => b.days - a.days);
    let left = creditsSet ? account.credits : 0;
    for (const invoice of oldestFirst) {
      const taken = Math.min(left, invoice.owed);
      invoice.owed -= taken;
      left -= taken;
    }
    const raw = oldestFirst.reduce((sum, invoice) => sum + invoice.owed * (1 - collectionProbability(invoice.days)), 0);
    const loss = Math.round(Math.min(raw, Math.max(account.total, 0)));
    byCurrency.set(account.currency, (byCurrency.get(account.currency) ?? 0) + loss);
  }
  return byCurrency;
}

test('the demo’s expected loss is the pane’s: credits set against the oldest invoices first, not gross amounts', () => {
  const today = '2026-11-30';
  const asOf = parseTextDate(today);
  const printed = new Map(
    [...demo(`--today=${today}`).matchAll(/^([A-Z]{3}): .*, expected loss (-?)\D*([\d,.]+)$/gm)].map((m) => [
      m[1] as string,
      Number(`${m[2]}${(m[3] as string).replace(/,/g, '')}`) * 100,
    ]),
  );
  expect([...printed.keys()].sort()).toEqual(['EUR', 'GBP', 'USD']);
  // The pane on the sample: Preview's sheet, the ledger found, aged with the default settings.
  const sample = currentSample({ ledger: readFileSync(join(root, 'samples', 'ledger.csv'), 'utf8'), log: '' }, asOf);
  const sheet = csvToSheet('Créances', sample.ledger);
  const settings = defaultSettings('en', asOf);
  const { table, mapping } = findLedger(
    { sheetName: sheet.name, headerRow: 0, firstColumn: 0, values: sheet.values, serialSystem: 'excel1900', description: '' },
    settings,
    true,
  );
  const pane = ageLedger(table, mapping, settings, asOf).report.balance.totals;
  const byHand = expectedLossByHand(sample.ledger, asOf);
  for (const [currency, loss] of printed) {
    expect(Math.round(loss)).toBe(pane.find((total) => total.currency === currency)?.expectedLoss);
    expect(Math.round(loss)).toBe(byHand.get(currency));
  }
  // The sample's credit notes and unapplied payments weigh: on gross amounts the figure differs.
  const gross = expectedLossByHand(sample.ledger, asOf, false);
  expect(gross.get('EUR')).not.toBe(byHand.get('EUR'));
}, 60_000);
