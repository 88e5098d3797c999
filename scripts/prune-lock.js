// The package registry this project installs from serves only Linux builds of packages that
// ship one binary per platform (Biome, DuckDB, Jest's resolver). `npm install` skips the
// missing optional builds, but leaves them named in the lock file, and `npm ci` then refuses
// the lock as out of sync. This drops the names of optional packages the lock has no entry
// for. Run it after `npm install` changes package-lock.json (npm run lock).
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const path = join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(readFileSync(path, 'utf8'));
const present = new Set(Object.keys(lock.packages).map((key) => key.replace(/^.*node_modules\//, '')));
let pruned = 0;
for (const entry of Object.values(lock.packages)) {
  if (!entry.optionalDependencies) continue;
  for (const name of Object.keys(entry.optionalDependencies)) {
    if (!present.has(name)) {
      delete entry.optionalDependencies[name];
      pruned++;
    }
  }
  if (Object.keys(entry.optionalDependencies).length === 0) delete entry.optionalDependencies;
}
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: ${pruned} optional platform packages the registry does not serve left out`);
