// Every message in the two tables (the core's and the pane's) is said somewhere: a message no
// code uses is a text no one reviews against the code it describes, and it drifts. A key counts
// as used when the sources name it outside its table: as a code in quotes ('historyEmpty'), or
// as a text of the pane (t.mapping, words().noPlan, or in quotes where a panel picks its texts by
// key). Nothing else is parsed, so a key named only in a comment would pass: a rare mistake.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { paneText } from '../../src/pane/messages';
import { messages } from '../../src/primitives/messages';

const ROOT = join(__dirname, '..', '..');
const CORE_TABLE = join(ROOT, 'src', 'primitives', 'messages.ts');
const PANE_TABLE = join(ROOT, 'src', 'pane', 'messages.ts');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );
}

// The code that can say a message: the core, the pane and the two hosts.
const files = ['src', 'addin', 'gas'].flatMap((dir) => sources(join(ROOT, dir)));
const text = (except: string) =>
  files
    .filter((file) => file !== except)
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');

/** The core's table without its own entries: the helpers below it (a grouped variant) still count. */
function coreTableCode(): string {
  const table = readFileSync(CORE_TABLE, 'utf8');
  const end = table.indexOf('} satisfies Record<string, Template>;');
  if (end < 0) throw new Error('the end of the core message table was not found');
  return table.slice(end);
}

test('the scan reads the sources and both tables', () => {
  expect(files.length).toBeGreaterThan(50);
  expect(Object.keys(messages).length).toBeGreaterThan(100);
  expect(Object.keys(paneText('en').t).length).toBeGreaterThan(200);
});

test('every message code of the core is used in the code', () => {
  const code = `${text(CORE_TABLE)}\n${coreTableCode()}`;
  const unused = Object.keys(messages).filter((key) => !code.includes(`'${key}'`) && !code.includes(`"${key}"`));
  expect(unused).toEqual([]);
});

test('every text of the pane is used in the code', () => {
  const code = text(PANE_TABLE);
  const unused = Object.keys(paneText('en').t).filter(
    (key) => !new RegExp(`(?:\\bt|\\(\\))\\.${key}\\b`).test(code) && !code.includes(`'${key}'`) && !code.includes(`"${key}"`),
  );
  expect(unused).toEqual([]);
});

test('both languages of the pane have the same texts', () => {
  expect(Object.keys(paneText('fr').t).sort()).toEqual(Object.keys(paneText('en').t).sort());
});
