// `npm run demo -- --fr` speaks French from its first line to its last: the summary per
// currency, the curve it uses and the count of rows, numbers as French writes them, and the
// customers in French order ("Électricité" among the Es).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

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
