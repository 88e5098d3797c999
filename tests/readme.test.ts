// The README tells analysts which custom functions exist: its table lists every function the
// add-in registers (the catalogue's French metadata, ids and names) and no other, and it states
// no count of them, which drifts as functions are added.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const catalogue = JSON.parse(readFileSync(join(root, 'addin', 'functions-fr.json'), 'utf8')) as {
  functions: Array<{ id: string; name: string }>;
};

test('the README’s function table lists exactly the registered functions, with their French names', () => {
  const rows = [...readme.matchAll(/^\| `AR\.([A-Z]+)\(.*?\| `AR\.([A-Z]+)` \| `([A-Z]+)` \|/gm)].map((m) => ({
    id: m[1],
    name: m[2],
    sheets: m[3],
  }));
  const expected = catalogue.functions.map((f) => ({ id: f.id, name: f.name, sheets: f.id }));
  expect(rows).toEqual(expected);
});

test('the README states no number of custom functions', () => {
  const counted =
    /\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen)\s+(custom\s+)?functions\b/gi;
  expect(readme.match(counted) ?? []).toEqual([]);
});
