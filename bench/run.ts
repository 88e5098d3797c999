// `npm run bench`: every performance bar of DESIGN §5 measured as a ratio in one run.
// Not part of `npm test`: timings on a shared machine are for reading, not for asserting.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import vm from 'node:vm';
import { DuckDBInstance } from '@duckdb/node-api';
import { sampleAsOf } from '../scripts/sampleData';
import { SAMPLE_COMPANY } from '../scripts/sampleLedger';
import { agedBalanceFromColumns, columnRange } from '../src/ageing/agedBalance';
import { makeBuckets } from '../src/ageing/ageing';
import { planDunning } from '../src/dunning/plan';
import { DEFAULT_POLICY } from '../src/dunning/policy';
import { ageBucketFunction } from '../src/functions/ageBucket';
import type { HostContext } from '../src/functions/context';
import type { LedgerItem } from '../src/ledger/ledger';
import { DEFAULT_TEMPLATES } from '../src/letters/defaultTemplates';
import { lettersToDocx } from '../src/letters/docx';
import { buildLetter } from '../src/letters/letter';
import { dayFromExcelSerial } from '../src/primitives/dates';
import { AS_OF_SERIAL, type BenchLedger, benchLedger, CUSTOMERS, ROWS } from './data';
import { benchForecast } from './forecast';
import { benchLedgerImport } from './ledgerImport';
import { benchPane } from './pane';
import { pairedMedianMs, report } from './timing';

const context: HostContext = {
  serialSystem: 'excel1900',
  today: () => dayFromExcelSerial(AS_OF_SERIAL),
  cellError: (message) => ({ error: message }),
  dateResult: (day) => day,
  language: 'en',
};

/**
 * The floor: copying the input cells into a same-shaped output array, written the fastest way
 * we found (one-cell rows as literals; slice() and map() were 2-3× slower), so the ratio is
 * measured against the best floor, not an easy one.
 */
export function copyCells(input: readonly (readonly unknown[])[]): unknown[][] {
  const out: unknown[][] = new Array(input.length);
  for (let r = 0; r < input.length; r++) {
    const row = input[r] as readonly unknown[];
    if (row.length === 1) {
      out[r] = [row[0]];
      continue;
    }
    const copy: unknown[] = new Array(row.length);
    for (let c = 0; c < row.length; c++) copy[c] = row[c];
    out[r] = copy;
  }
  return out;
}

export async function benchCore(): Promise<void> {
  const ledger = benchLedger();
  const cells = ledger.dueSerials.map((serial) => [serial]);

  const [floor, ours] = await pairedMedianMs(
    () => copyCells(cells),
    () => ageBucketFunction(cells, AS_OF_SERIAL, null, null, context),
    11,
  );
  report(`AGEBUCKET core, ${ROWS.toLocaleString('en')} × 1`, ours, floor, 'copy floor', '≤ 1.3');

  const asOf = dayFromExcelSerial(AS_OF_SERIAL);
  const options = { asOf, buckets: makeBuckets(), serialSystem: 'excel1900', defaultCurrency: 'EUR', strict: true } as const;
  const duck = await loadDuckDb(ledger);
  try {
    for (const order of ['random', 'grouped by customer'] as const) {
      const rows = order === 'random' ? ledger : groupedByCustomer(ledger);
      // As both hosts hand ranges over: rows of one cell. Loaded once, as DuckDB's table is;
      // the artifact's bench below hands new cells over on every call, as Excel does.
      const columns = {
        customers: columnRange(rows.customers),
        dates: columnRange(rows.dueSerials),
        amounts: columnRange(rows.amounts),
      };
      const query = duck.agedBalanceSql(asOf, order === 'random' ? 'ledger' : 'ledger_grouped');
      const mine = agedBalanceFromColumns(columns, options).balance;
      const theirs = await query();
      if (theirs.total !== mine.totals[0]?.total || theirs.lines !== mine.lines.length) {
        throw new Error(
          `DuckDB and the core disagree: ${theirs.total} vs ${mine.totals[0]?.total} cents, ${theirs.lines} vs ${mine.lines.length} lines`,
        );
      }
      const [ours, reference] = await pairedMedianMs(() => agedBalanceFromColumns(columns, options), query, 9);
      report(
        `Aged balance core, ${ROWS.toLocaleString('en')} rows × ${CUSTOMERS.toLocaleString('en')} customers, ${order}`,
        ours,
        reference,
        'DuckDB',
        '< 1.0',
      );
      if (order === 'random') {
        // Not a bar, a reading of the gap: DuckDB runs the query on every core (two here), our
        // loop on one, as a custom function runs. The same query on one thread shows how much
        // of the gap that is.
        await duck.threads(1);
        const [oursAgain, oneThread] = await pairedMedianMs(() => agedBalanceFromColumns(columns, options), query, 9);
        await duck.threads(null);
        report(`  the same, against DuckDB on one thread`, oursAgain, oneThread, 'DuckDB', 'none: for reading only');
      }
    }
  } finally {
    duck.close();
  }
}

/**
 * Columns handed over anew before each run, as Excel does (it parses a custom function's
 * arguments from JSON on every call) and as Office.js and Apps Script do when they read a
 * range: every name is a string the engine has never hashed. Reusing one set of strings would
 * let V8 keep each name's hash from the previous run, which no recalculation in a host can.
 */
function newCellsEachCall<T extends object>(cells: T): { prepare: () => void; columns: () => T } {
  const json = JSON.stringify(cells);
  let current: T | undefined;
  return {
    prepare: () => {
      current = undefined; // let the previous run's cells go before parsing the next ones
      current = JSON.parse(json) as T;
    },
    columns: () => {
      if (!current) throw new Error('prepare() first');
      return current;
    },
  };
}

/** The same rows sorted by customer, as an ERP's open-items export usually comes. */
function groupedByCustomer(ledger: BenchLedger): BenchLedger {
  const order = ledger.customers
    .map((_, i) => i)
    .sort((a, b) => (ledger.customers[a] as string).localeCompare(ledger.customers[b] as string) || a - b);
  return {
    customers: order.map((i) => ledger.customers[i] as string),
    dueSerials: order.map((i) => ledger.dueSerials[i] as number),
    amounts: order.map((i) => ledger.amounts[i] as number),
  };
}

/** DuckDB in memory with the same rows loaded into tables first; only the query is timed. */
async function loadDuckDb(ledger: BenchLedger) {
  const folder = mkdtempSync(join(tmpdir(), 'agebucket-bench-'));
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const csv = join(folder, 'ledger.csv');
    const lines = ['customer,due,amount'];
    for (let i = 0; i < ledger.customers.length; i++) {
      lines.push(
        `${ledger.customers[i]},${(ledger.dueSerials[i] as number) - 25569},${(ledger.amounts[i] as number).toFixed(2)}`,
      );
    }
    writeFileSync(csv, `${lines.join('\n')}\n`);
    await connection.run(
      `CREATE TABLE ledger AS SELECT customer, DATE '1970-01-01' + due::INTEGER AS due, amount::DECIMAL(18,2) AS amount
       FROM read_csv('${csv}', header = true, columns = {'customer': 'VARCHAR', 'due': 'INTEGER', 'amount': 'VARCHAR'})`,
    );
    await connection.run('CREATE TABLE ledger_grouped AS SELECT * FROM ledger ORDER BY customer');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  return {
    close: () => connection.closeSync(),
    /** The threads DuckDB may use; null: its default, every core. */
    threads: async (count: number | null) => {
      await connection.run(count === null ? 'RESET threads' : `SET threads = ${count}`);
    },
    agedBalanceSql: (asOfDay: number, table: string) => {
      const sql = `
        SELECT customer,
          SUM(CASE WHEN d <= 0 THEN amount ELSE 0 END) AS not_due,
          SUM(CASE WHEN d BETWEEN 1 AND 30 THEN amount ELSE 0 END) AS d1_30,
          SUM(CASE WHEN d BETWEEN 31 AND 60 THEN amount ELSE 0 END) AS d31_60,
          SUM(CASE WHEN d BETWEEN 61 AND 90 THEN amount ELSE 0 END) AS d61_90,
          SUM(CASE WHEN d > 90 THEN amount ELSE 0 END) AS d91,
          SUM(amount) AS total,
          SUM(CASE WHEN amount < 0 THEN amount ELSE 0 END) AS credits,
          COUNT(*) AS items,
          MAX(CASE WHEN amount >= 0 THEN d END) AS oldest
        FROM (SELECT customer, amount, (DATE '1970-01-01' + ${asOfDay}) - due AS d FROM ${table})
        GROUP BY customer
        ORDER BY lower(customer), customer`;
      return async () => {
        const rows = (await connection.runAndReadAll(sql)).getRows();
        return { total: rows.reduce((sum, row) => sum + Math.round(Number(String(row[6])) * 100), 0), lines: rows.length };
      };
    },
  };
}

/** Letters for 1,000 accounts to one .docx: model, templates and packing, from the plan on. */
export async function benchLetters(): Promise<void> {
  const asOf = sampleAsOf;
  const items: LedgerItem[] = [];
  for (let account = 0; account < 1000; account++) {
    for (let n = 0; n < 4; n++) {
      items.push({
        row: items.length + 2,
        customer: `Client ${String(account).padStart(4, '0')} SARL`,
        customerCode: null,
        invoiceNumber: `FA-${account}-${n}`,
        invoiceDay: asOf - 90 - n * 7,
        dueDay: asOf - 50 - n * 7,
        amount: 1234_56 + n * 100_00,
        invoiceAmount: null,
        currency: 'EUR',
        disputed: n === 3 && account % 5 === 0,
        disputeReason: null,
        promiseDay: null,
        owner: 'Claire Petit',
        email: null,
        phone: null,
        address: `${account} rue de la République, 69002 Lyon`,
        language: account % 4 === 0 ? 'en' : 'fr',
      });
    }
  }
  const plan = planDunning(items, [], { asOf, policy: DEFAULT_POLICY });
  const options = {
    company: SAMPLE_COMPANY,
    policy: DEFAULT_POLICY,
    asOf,
    defaultLanguage: 'fr',
    templates: DEFAULT_TEMPLATES,
  } as const;
  let bytes = 0;
  const start = performance.now();
  const letters = plan.actions.map((account) => buildLetter(account, options));
  const built = performance.now() - start;
  if (process.env.BENCH_DETAIL) console.log(`  letter models: ${built.toFixed(0)} ms`);
  bytes = (await lettersToDocx(letters, 'Relances')).length;
  const ms = performance.now() - start;
  console.log(
    `Letters for ${letters.length.toLocaleString('en')} accounts to .docx: ${ms.toFixed(0)} ms, ${(bytes / 1024).toFixed(0)} KiB (target < 3000 ms)`,
  );
}

/**
 * The same bars through what Excel runs: dist/addin/functions.js, loaded into this realm with
 * stubs of CustomFunctions and Office as globals. (A vm context would slow every global
 * lookup, Math included, through its interceptor: that measures node:vm, not the add-in.)
 */
export async function benchExcelArtifact(): Promise<void> {
  const registered: Record<string, (...args: unknown[]) => unknown> = {};
  const globals = globalThis as Record<string, unknown>;
  globals.CustomFunctions = {
    associate: (id: string, fn: (...args: unknown[]) => unknown) => {
      registered[id] = fn;
    },
    Error: class {},
    ErrorCode: { invalidValue: '#VALUE!' },
  };
  globals.Office = { onReady: () => Promise.resolve({ host: null }) };
  vm.runInThisContext(readFileSync(join(__dirname, '..', 'addin', 'functions.js'), 'utf8'), { filename: 'functions.js' });
  const ageBucket = registered.AGEBUCKET;
  const agedBalance = registered.AGEDBALANCE;
  if (!ageBucket || !agedBalance)
    throw new Error('dist/addin/functions.js did not register AGEBUCKET and AGEDBALANCE: run npm run build');
  // Excel hands arguments over as parsed JSON: each cell a fresh value, as here.
  const asParsedJson = <T>(value: unknown): T => JSON.parse(JSON.stringify(value)) as T;
  const ledger = benchLedger();
  const cells = asParsedJson<number[][]>(ledger.dueSerials.map((serial) => [serial]));
  const asOf = asParsedJson<number[][]>([[AS_OF_SERIAL]]);
  const [floor, ours] = await pairedMedianMs(
    () => copyCells(cells),
    () => ageBucket(cells, asOf, null, null),
    11,
  );
  report(`AGEBUCKET via dist/addin/functions.js, ${ROWS.toLocaleString('en')} × 1`, ours, floor, 'copy floor', '≤ 1.3');

  const handOver = newCellsEachCall({
    customers: ledger.customers.map((c) => [c]),
    dates: ledger.dueSerials.map((serial) => [serial]),
    amounts: ledger.amounts.map((a) => [a]),
  });
  const duck = await loadDuckDb(ledger);
  try {
    const query = duck.agedBalanceSql(dayFromExcelSerial(AS_OF_SERIAL), 'ledger');
    const call = () => {
      const { customers, dates, amounts } = handOver.columns();
      return agedBalance(customers, dates, amounts, asOf, null, null, null);
    };
    const [mine, theirs] = await pairedMedianMs({ prepare: handOver.prepare, run: call }, query, 7);
    report(
      `AGEDBALANCE via dist/addin/functions.js, ${ROWS.toLocaleString('en')} rows × ${CUSTOMERS.toLocaleString('en')} customers`,
      mine,
      theirs,
      'DuckDB',
      '< 1.0',
    );
  } finally {
    duck.close();
  }
}

/** Every part by default; `npm run bench -- pane letters` runs only the parts named. */
const PARTS: Record<string, () => unknown> = {
  core: benchCore,
  excel: benchExcelArtifact,
  letters: benchLetters,
  forecast: benchForecast,
  import: benchLedgerImport,
  pane: () => benchPane(join(__dirname, '..')),
};

async function main(): Promise<void> {
  console.log(`AgeBucket benchmarks — Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
  const named = process.argv.slice(2);
  const unknown = named.filter((name) => !(name in PARTS));
  if (unknown.length > 0)
    throw new Error(`unknown bench part ${unknown.join(', ')}: choose among ${Object.keys(PARTS).join(', ')}`);
  for (const [name, part] of Object.entries(PARTS)) if (named.length === 0 || named.includes(name)) await part();
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
