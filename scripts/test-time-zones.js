// Calendar arithmetic must not depend on the machine's time zone: run the date-sensitive
// suites again under zones far east and far west of UTC. The Workbook contract's date cells
// run too: the Sheets adapter must read a date cell in the spreadsheet's zone, never the machine's.
const { spawnSync } = require('node:child_process');

const zones = ['Pacific/Auckland', 'America/Los_Angeles'];
const suites = ['tests/primitives/dates', 'tests/primitives/cells', 'tests/ledger/terms', 'tests/ageing/agedBalance'];
const runs = [suites, ['tests/contract', '-t', 'date cells and text shaped like a date']];
for (const zone of zones) {
  console.log(`\n== time zone ${zone} ==`);
  for (const args of runs) {
    const run = spawnSync('npx', ['jest', ...args], { stdio: 'inherit', env: { ...process.env, TZ: zone } });
    if (run.status !== 0) process.exit(run.status ?? 1);
  }
}
