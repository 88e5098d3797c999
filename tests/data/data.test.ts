// The data the tests read is the file its README describes, byte for byte, and lives in the
// repository: a fresh clone has nothing beside it.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { IBM_SAMPLE } from '../../scripts/csv';

const ROOT = join(__dirname, '..', '..');

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

test('the IBM sample is the published file, with the checksum its README states', () => {
  const readme = readFileSync(join(__dirname, 'README.md'), 'utf8');
  const stated = /## ibm-accounts-receivable\.csv[\s\S]*?sha256 `([0-9a-f]{64})`/.exec(readme)?.[1];
  expect(stated).toBe('f5d488eaa4c1cc843b478b6f1068c553c5394aab4b64d587e4b9ad811d845c19');
  expect(sha256(IBM_SAMPLE)).toBe(stated);
  expect(relative(ROOT, IBM_SAMPLE)).toBe(join('tests', 'data', 'ibm-accounts-receivable.csv'));
});

test('no file of the repository reads outside it (no path into a sibling folder)', () => {
  const skip = new Set(['node_modules', 'dist', '.git', 'artifacts', 'coverage', 'package-lock.json']);
  const offenders: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      if (skip.has(name)) continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|tsx|js|cjs|mjs|json|sh)$/.test(name) || name === 'run') {
        const text = readFileSync(path, 'utf8');
        // a sibling 'shared' folder written as a path, or joined from its parts
        if (/\.\.\/shared\b|'\.\.',\s*'\.\.',\s*'shared'/.test(text)) offenders.push(relative(ROOT, path));
      }
    }
  };
  walk(ROOT);
  expect(offenders).toEqual([]);
});

test('the real-shaped exports are the files the README describes, byte for byte', () => {
  const readme = readFileSync(join(__dirname, 'README.md'), 'utf8');
  for (const name of [
    'uk-aged-receivables-detail.csv',
    'sage-grand-livre-clients.csv',
    '123456789FEC20260930.txt',
    '123456789FEC20260930-pipe.txt',
  ]) {
    const stated = new RegExp(`### ${name.replace(/\./g, '\\.')}[\\s\\S]*?sha256 \`([0-9a-f]{64})\``).exec(readme)?.[1];
    expect([name, sha256(join(__dirname, name))]).toEqual([name, stated]);
  }
});
