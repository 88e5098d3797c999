// The build stamps dist/ with a hash of the files it is built from, and the suites that test
// dist/ refuse a build whose sources have changed since: otherwise `npx jest` after an edit
// tests the previous build and passes. The hash is taken before webpack starts (a file
// edited during the build then makes the build stale) and written only once the build has
// been checked (a failed build leaves no stamp).
//   node scripts/source-hash.js begin    before webpack: dist/.source-hash-pending
//   node scripts/source-hash.js stamp    after the build check: dist/source-hash.json
const { createHash } = require('node:crypto');
const { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const { join, sep } = require('node:path');

const ROOT = join(__dirname, '..');
/** Everything the bundles are made of: our code, the sample they embed, their configuration and the locked dependencies. */
const SOURCES = [
  'src',
  'addin',
  'gas',
  'samples',
  'manifest.xml',
  'appsscript.json',
  'webpack.config.js',
  'tsconfig.json',
  'package-lock.json',
  'scripts/check-build.js',
];
const PENDING = join('dist', '.source-hash-pending');
const STAMP = join('dist', 'source-hash.json');

function files(root, path) {
  const full = join(root, path);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full)
    .sort()
    .flatMap((name) => files(root, join(path, name)));
}

/** sha256 over every source file's path and bytes, in a fixed order. */
function sourceHash(root = ROOT) {
  const hash = createHash('sha256');
  const list = SOURCES.flatMap((path) => files(root, path)).sort();
  for (const path of list) {
    hash.update(`${path.split(sep).join('/')}\0`);
    hash.update(readFileSync(join(root, path)));
    hash.update('\0');
  }
  return { hash: hash.digest('hex'), files: list.length };
}

/**
 * Why dist/ cannot be tested as it is, or null when it was built from the sources as they are
 * now. The suites that read dist/ throw this message.
 */
function staleBuildReason(root = ROOT) {
  const stamp = join(root, STAMP);
  if (!existsSync(stamp))
    return `dist/ has no build stamp (${STAMP.split(sep).join('/')}): it is missing, from an older version or its build failed. Run npm run build.`;
  const built = JSON.parse(readFileSync(stamp, 'utf8')).hash;
  const now = sourceHash(root).hash;
  if (built !== now)
    return `dist/ is stale: the sources (${SOURCES.join(', ')}) changed since the last build. Run npm run build (npm test does).`;
  return null;
}

if (require.main === module) {
  const step = process.argv[2];
  if (step === 'begin') {
    mkdirSync(join(ROOT, 'dist'), { recursive: true });
    writeFileSync(join(ROOT, PENDING), `${JSON.stringify(sourceHash())}\n`);
  } else if (step === 'stamp') {
    if (!existsSync(join(ROOT, PENDING))) {
      console.error(`${PENDING} is missing: the build did not start with "node scripts/source-hash.js begin".`);
      process.exit(1);
    }
    renameSync(join(ROOT, PENDING), join(ROOT, STAMP));
  } else if (step === 'check') {
    const reason = staleBuildReason();
    if (reason) {
      console.error(reason);
      process.exit(1);
    }
    console.log('dist/ was built from the sources as they are.');
  } else {
    console.error('usage: node scripts/source-hash.js begin|stamp|check');
    process.exit(2);
  }
}

module.exports = { SOURCES, STAMP, sourceHash, staleBuildReason };
