// A build is stamped with a hash of its sources; the suites that read dist/ refuse a build
// whose sources changed since (tests/freshBuild.ts).
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { SOURCES, STAMP, sourceHash, staleBuildReason } = require('../../scripts/source-hash.js') as {
  SOURCES: string[];
  STAMP: string;
  sourceHash: (root?: string) => { hash: string; files: number };
  staleBuildReason: (root?: string) => string | null;
};

const ROOT = join(__dirname, '..', '..');

describe('on a copy of the sources', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'agebucket-stamp-'));
    for (const path of ['src/primitives', 'addin', 'samples', 'manifest.xml', 'webpack.config.js', 'package-lock.json'])
      cpSync(join(ROOT, path), join(root, path), { recursive: true });
    mkdirSync(dirname(join(root, STAMP)));
    writeFileSync(join(root, STAMP), JSON.stringify(sourceHash(root)));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  test('a build stamped from the sources as they are is fresh', () => expect(staleBuildReason(root)).toBeNull());

  test.each([
    ['an edited source file', (r: string) => writeFileSync(join(r, 'src/primitives/money.ts'), '// edited\n', { flag: 'a' })],
    ['a new source file', (r: string) => writeFileSync(join(r, 'src/primitives/new.ts'), 'export {};\n')],
    ['a deleted source file', (r: string) => rmSync(join(r, 'src/primitives/money.ts'))],
    ['an edited sample', (r: string) => writeFileSync(join(r, 'samples/ledger.csv'), '\n', { flag: 'a' })],
    ['an edited manifest', (r: string) => writeFileSync(join(r, 'manifest.xml'), '\n', { flag: 'a' })],
    ['new locked dependencies', (r: string) => writeFileSync(join(r, 'package-lock.json'), '\n', { flag: 'a' })],
    ['an edited webpack configuration', (r: string) => writeFileSync(join(r, 'webpack.config.js'), '\n', { flag: 'a' })],
  ])('%s makes the build stale, and the message says to rebuild', (_, change) => {
    change(root);
    expect(staleBuildReason(root)).toMatch(/^dist\/ is stale: .* Run npm run build/);
  });

  test('a build without a stamp (failed, or from before stamps) is refused too', () => {
    rmSync(join(root, STAMP));
    expect(staleBuildReason(root)).toMatch(/no build stamp.*Run npm run build/);
  });
});

test('the hash covers what the bundles are built from', () => {
  expect(SOURCES).toEqual(
    expect.arrayContaining(['src', 'addin', 'gas', 'samples', 'manifest.xml', 'webpack.config.js', 'package-lock.json']),
  );
  expect(sourceHash(ROOT).files).toBeGreaterThan(50);
});

test('every test file that reads dist/ goes through the fresh-build check', () => {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, name.name);
      if (name.isDirectory()) walk(path);
      else if (name.name.endsWith('.ts')) files.push(path);
    }
  };
  walk(join(ROOT, 'tests'));
  const checked = (text: string) =>
    /from '(\.\.\/)+freshBuild'|from '\.\/harness'|from '\.\.\/artifacts\/harness'|from '\.\/browser'/.test(text);
  const readsDist = files.filter((path) => /join\([^)]*'dist'/.test(readFileSync(path, 'utf8')));
  expect(readsDist.map((path) => relative(ROOT, path)).sort()).toEqual([
    'tests/artifacts/harness.ts',
    'tests/browser/browser.ts',
  ]);
  const usesThem = files.filter((path) => /\bDIST\b|openPane\(/.test(readFileSync(path, 'utf8')));
  expect(usesThem.filter((path) => !checked(readFileSync(path, 'utf8')) && !/harness\.ts$|browser\.ts$/.test(path))).toEqual([]);
  for (const helper of ['tests/artifacts/harness.ts', 'tests/browser/browser.ts'])
    expect(readFileSync(join(ROOT, helper), 'utf8')).toMatch(/^requireFreshBuild\(\);$/m);
  expect(existsSync(join(ROOT, 'tests', 'freshBuild.ts'))).toBe(true);
});
