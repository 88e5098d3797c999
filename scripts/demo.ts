// `npm run demo`: the core's aged balance of the sample ledger, made current (its dates moved by
// whole months up to today, see src/commands/sample.ts), printed as the table the add-in writes into a sheet.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { agedBalanceFromColumns, columnRange } from '../src/ageing/agedBalance';
import { makeBuckets } from '../src/ageing/ageing';
import { DEFAULT_COLLECTION_CURVE } from '../src/ageing/collection';
import { currentSample, SAMPLE_AS_OF } from '../src/commands/sample';
import { dayFromCalendar, formatIsoDate } from '../src/primitives/dates';
import { formatMoney } from '../src/primitives/money';
import { csvTextRecords } from './csv';

const language = process.argv.includes('--fr') ? 'fr' : 'en';
// Today on this machine's calendar (this script is a host: the core gets it as an argument),
// and the sample moved so that its as-of date is today.
const now = new Date();
const asOf = dayFromCalendar(now.getFullYear(), now.getMonth() + 1, now.getDate());
const sample = currentSample({ ledger: readFileSync(join(__dirname, '..', 'samples', 'ledger.csv'), 'utf8'), log: '' }, asOf);
const records = csvTextRecords(sample.ledger);
const report = agedBalanceFromColumns(
  {
    customers: columnRange(records.map((r) => r.Client)),
    dates: columnRange(records.map((r) => r.Échéance)),
    amounts: columnRange(records.map((r) => r['Reste dû'])),
    currencies: columnRange(records.map((r) => r.Devise)),
  },
  {
    asOf,
    buckets: makeBuckets([30, 60, 90], undefined, language),
    curve: DEFAULT_COLLECTION_CURVE,
    serialSystem: 'sheets',
    defaultCurrency: 'EUR',
    strict: false,
  },
);
const { balance } = report;
const money = (minor: number, currency: string) => formatMoney(minor, currency, language).replace(/\u00A0/g, ' ');
const header = [
  language === 'fr' ? 'Client' : 'Customer',
  language === 'fr' ? 'Devise' : 'Currency',
  ...balance.buckets.labels,
  'Total',
];
const rows = balance.lines.map((l) => [
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
const widths = header.map((_, c) => Math.max(...table.map((r) => (r[c] ?? '').length)));
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
for (const t of balance.totals) {
  const share = t.overdueShare === null ? '-' : `${(t.overdueShare * 100).toFixed(1)} %`;
  const days = t.weightedDaysOverdue === null ? '-' : t.weightedDaysOverdue.toFixed(1);
  console.log(
    `${t.currency}: ${t.customerCount} accounts, ${t.itemCount} items, overdue ${money(t.overdue, t.currency)} (${share}), weighted days overdue ${days}, expected loss ${money(t.expectedLoss, t.currency)}`,
  );
}
console.log(`\nExpected loss uses: ${DEFAULT_COLLECTION_CURVE.label}.`);
console.log(`${report.itemCount} items read, ${report.blankRows} blank rows, ${report.skipped.length} rows skipped.`);
for (const s of report.skipped) console.log(`  row ${s.row}: ${s.error.localized(language)}`);
