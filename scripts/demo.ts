// `npm run demo`: the aged balance of the sample ledger, made current (its dates moved by whole
// months up to today, see src/commands/sample.ts), printed as the table the add-in writes into a
// sheet. It is worked out as the pane works it out on the sample (Preview's sheet, the pane's
// default settings, ageLedger): the expected loss applies the collection curve to what each
// invoice still owes once its account's credit notes and unapplied payments are set against the
// oldest invoices first (Code civil art. 1342-10, src/ledger/owed.ts), never to gross amounts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { curveLabel, DEFAULT_COLLECTION_CURVE } from '../src/ageing/collection';
import { ageLedger, findLedger } from '../src/commands/ageing';
import { currentSample, SAMPLE_AS_OF } from '../src/commands/sample';
import { defaultSettings } from '../src/commands/settings';
import { csvToSheet } from '../src/pane/preview/sheetFiles';
import { dayFromCalendar, formatIsoDate, parseTextDate } from '../src/primitives/dates';
import { compareNames, numberText, percentText } from '../src/primitives/localeText';
import { formatMoney } from '../src/primitives/money';

const language: 'en' | 'fr' = process.argv.includes('--fr') ? 'fr' : 'en';
// Today on this machine's calendar (this script is a host: the core gets it as an argument), or
// the day given as --today=YYYY-MM-DD; the sample is moved so that its as-of date is today.
const now = new Date();
const todayArgument = process.argv.find((arg) => arg.startsWith('--today='))?.slice('--today='.length);
const asOf = todayArgument ? parseTextDate(todayArgument) : dayFromCalendar(now.getFullYear(), now.getMonth() + 1, now.getDate());
const sample = currentSample({ ledger: readFileSync(join(__dirname, '..', 'samples', 'ledger.csv'), 'utf8'), log: '' }, asOf);
// The sample's sheet as Preview opens it, found and aged with the pane's default settings.
const sheet = csvToSheet('Créances', sample.ledger);
const settings = defaultSettings(language, asOf);
const { table: ledgerTable, mapping } = findLedger(
  {
    sheetName: sheet.name,
    headerRow: 0,
    firstColumn: 0,
    values: sheet.values,
    serialSystem: 'excel1900',
    description: sheet.name,
  },
  settings,
  true,
);
const { report } = ageLedger(ledgerTable, mapping, settings, asOf);
const { balance } = report;
const money = (minor: number, currency: string) => formatMoney(minor, currency, language).replace(/\u00A0/g, ' ');
const header = [
  language === 'fr' ? 'Client' : 'Customer',
  language === 'fr' ? 'Devise' : 'Currency',
  ...balance.buckets.labels,
  'Total',
];
// Customers as the sheet lists them: in the language's order ("Électricité" among the Es).
const byName = compareNames(language);
const lines = [...balance.lines].sort((a, b) => byName(a.customer, b.customer) || (a.currency < b.currency ? -1 : 1));
const rows = lines.map((l) => [
  l.customer,
  l.currency,
  ...l.buckets.map((b) => money(b, l.currency)),
  money(l.total, l.currency),
]);
const totals = balance.totals.map((t) => [
  'Total',
  t.currency,
  ...t.buckets.map((b) => money(b, t.currency)),
  money(t.total, t.currency),
]);
const table = [header, ...rows, ...totals];
const widths = header.map((_, c) => table.reduce((widest, r) => Math.max(widest, (r[c] ?? '').length), 0));
const line = (r: string[]) =>
  r.map((cell, c) => (c < 2 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join('  ');
console.log(
  language === 'fr'
    ? `Balance âgée au ${formatIsoDate(asOf)} — samples/ledger.csv (daté du ${SAMPLE_AS_OF}, ses dates avancées de ${sample.shiftMonths} mois, échéances recalculées selon les conditions de paiement)\n`
    : `Aged balance as of ${formatIsoDate(asOf)} — samples/ledger.csv (dated ${SAMPLE_AS_OF}, its dates moved by ${sample.shiftMonths} months, due dates recomputed from the payment terms)\n`,
);
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of totals) console.log(line(r));
console.log('');
// The summary in the language asked for, numbers as that language writes them (spaces plain
// for the terminal); French's singular covers 0 and 1 ("0 ligne vide").
const count = (n: number, one: string, other: string) =>
  `${numberText(n, language).replace(/\u00A0/g, ' ')} ${(language === 'fr' ? n < 2 : n === 1) ? one : other}`;
const WORDS = {
  en: {
    summary: (currency: string, accounts: number, items: number, overdue: string, share: string, days: string, loss: string) =>
      `${currency}: ${count(accounts, 'account', 'accounts')}, ${count(items, 'item', 'items')}, overdue ${overdue} (${share}), weighted days overdue ${days}, expected loss ${loss}`,
    curve: (label: string) => `Expected loss uses: ${label}.`,
    read: (items: number, blank: number, skipped: number) =>
      `${count(items, 'item', 'items')} read, ${count(blank, 'blank row', 'blank rows')}, ${count(skipped, 'row', 'rows')} skipped.`,
    row: (row: number) => `row ${row}: `,
  },
  fr: {
    summary: (currency: string, accounts: number, items: number, overdue: string, share: string, days: string, loss: string) =>
      `${currency} : ${count(accounts, 'compte', 'comptes')}, ${count(items, 'pièce', 'pièces')}, échu ${overdue} (${share}), retard moyen pondéré ${days} j, perte attendue ${loss}`,
    curve: (label: string) => `La perte attendue suit : ${label}.`,
    read: (items: number, blank: number, skipped: number) =>
      `${count(items, 'pièce lue', 'pièces lues')}, ${count(blank, 'ligne vide', 'lignes vides')}, ${count(skipped, 'ligne ignorée', 'lignes ignorées')}.`,
    row: (row: number) => `ligne ${row} : `,
  },
} as const;
const words = WORDS[language];
for (const t of balance.totals) {
  const share = t.overdueShare === null ? '-' : percentText(t.overdueShare, language, 1).replace(/\u00A0/g, ' ');
  const days = t.weightedDaysOverdue === null ? '-' : numberText(Math.round(t.weightedDaysOverdue * 10) / 10, language, 1);
  console.log(
    words.summary(
      t.currency,
      t.customerCount,
      t.itemCount,
      money(t.overdue, t.currency),
      share,
      days,
      money(t.expectedLoss, t.currency),
    ),
  );
}
console.log(`\n${words.curve(curveLabel(DEFAULT_COLLECTION_CURVE, language))}`);
console.log(words.read(report.itemCount, report.blankRows, report.skipped.length));
for (const s of report.skipped) console.log(`  ${words.row(s.row)}${s.error.localized(language)}`);
