// What `npm start` prints sends the reader to README sections: they must exist.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const start = readFileSync(join(ROOT, 'scripts', 'start.js'), 'utf8');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** A README section is a heading, or a paragraph opening with its name in bold. */
function hasSection(name: string): boolean {
  const lines = readme.split('\n');
  return lines.some((line) => line.replace(/^#+\s+/, '') === name && line.startsWith('#')) || readme.includes(`**${name}.**`);
}

test('every README section named by npm start exists', () => {
  const named = [...start.matchAll(/README\.md, "([^"]+)"/g)].map((match) => match[1] as string);
  expect(named).toEqual(['Installing in Excel', 'Installing it on a spreadsheet']);
  expect(named.filter((name) => !hasSection(name))).toEqual([]);
});

test('npm start names no README section any other way ("see the README" without a name)', () => {
  expect(start).not.toMatch(/see the README/i);
});
