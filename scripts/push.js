// `npm run push`: uploads dist/gas (Code.js, Sidebar.html, appsscript.json) to your Apps
// Script project with clasp. clasp 3 pushes what it is given and compiles nothing, so the
// project is built first; -f pushes a changed manifest too, which clasp would skip otherwise.
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { spawnSync } = require('node:child_process');

const root = join(__dirname, '..');
if (!existsSync(join(root, '.clasp.json'))) {
  console.error(`No .clasp.json here yet. Once:
  npx clasp login
  npx clasp create --type sheets --title "AgeBucket" --rootDir dist/gas
(or, for an existing spreadsheet's script: npx clasp clone <scriptId> --rootDir dist/gas)
then run npm run push again.`);
  process.exit(1);
}
const run = spawnSync('npx', ['clasp', 'push', '-f'], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
