// A fake google.script.run that answers like the Apps Script server, over the sample ledger
// and its dunning log: the Sheets sidebar (dist/gas/Sidebar.html) runs against it in Chromium.
// Each call answers after 5 ms, or after window.__latency[name] ms, as a slow server would.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvTextAsCells } from '../../scripts/sampleData';
import { currentSample, SAMPLE_AS_OF } from '../../src/commands/sample';
import type { CellValue } from '../../src/primitives/cells';
import { formatIsoDate, parseTextDate } from '../../src/primitives/dates';

// The fake server: what the real one returns, date cells as the calendar dates it sends
// (sheetsWorkbook.ts readValues); its today is `asOf`, and the document's settings age the
// ledger at that date.
export const fakeServer = (ledger: unknown[][], log: unknown[][], asOf: number) => `
  (() => {
    const sheets = { 'Créances': ${JSON.stringify(ledger)}, 'Journal des relances': ${JSON.stringify(log)} };
    const calls = [];
    let settings = { followToday: 'false', asOf: '${formatIsoDate(asOf)}', language: 'fr', companyName: 'Ateliers Réunis SAS', companyCity: 'Lyon', companyAddress: '14 rue de la Part-Dieu, 69003 Lyon', companyIban: 'FR76 3000 4000 0500 0012 3456 789' };
    const server = {
      AgeBucket_today: () => ${asOf},
      AgeBucket_language: () => 'fr',
      AgeBucket_readActiveTable: () => ({ sheetName: 'Créances', headerRow: 0, firstColumn: 0, values: sheets['Créances'], serialSystem: 'sheets', description: 'Créances!A1:Q337' }),
      AgeBucket_sheetNames: () => Object.keys(sheets),
      AgeBucket_writeNewSheet: (name, layout) => { sheets[name] = layout.rows; return name; },
      AgeBucket_applyColourRules: (name, rules) => { window.__rules = rules; },
      AgeBucket_removeColourRules: () => 0,
      AgeBucket_readSheet: (name) => sheets[name] ?? null,
      AgeBucket_appendRows: (name, header, rows) => { sheets[name] = sheets[name] ?? [header]; sheets[name].push(...rows); },
      AgeBucket_readSettings: () => JSON.stringify(settings),
      AgeBucket_writeSettings: (next) => { settings = next; },
      AgeBucket_writeLettersDocument: (letters, title, id) => ({ done: letters.length, stopped: null, documentId: 'doc1', url: 'https://docs.example/doc1' }),
      AgeBucket_createEmailDrafts: (drafts) => ({ done: drafts.length, stopped: null }),
    };
    const runner = (ok, fail) => new Proxy({}, {
      get: (_, name) => {
        if (name === 'withSuccessHandler') return (handler) => runner(handler, fail);
        if (name === 'withFailureHandler') return (handler) => runner(ok, handler);
        return (...args) => setTimeout(() => {
          calls.push(name);
          try { ok && ok(JSON.parse(JSON.stringify(server[name](...JSON.parse(JSON.stringify(args)))) ?? null)); }
          catch (error) { fail && fail(error); }
        }, window.__latency?.[name] ?? 5);
      },
    });
    window.google = { script: { run: runner(null, null) } };
    window.__sheets = sheets;
    window.__server = server;
    window.__calls = calls;
  })();`;

/** The sidebar in French on the sample ledger, moved to be as of `today` as Preview moves it. */
export function sidebarOn(today: string) {
  const day = parseTextDate(today);
  const samples = join(__dirname, '..', '..', 'samples');
  const sample = currentSample(
    { ledger: readFileSync(join(samples, 'ledger.csv'), 'utf8'), log: readFileSync(join(samples, 'dunning-log.csv'), 'utf8') },
    day,
  );
  return {
    path: 'Sidebar.html',
    root: 'gas',
    initScript: fakeServer(asSheetsCells(csvTextAsCells(sample.ledger)), asSheetsCells(csvTextAsCells(sample.log)), day),
  } as const;
}

/**
 * A sample sheet as Sheets holds it: the CSV's ISO dates are date cells (Sheets reads them as
 * dates when the file is opened), which the server sends as calendar dates.
 */
function asSheetsCells(rows: CellValue[][]): CellValue[][] {
  return rows.map((row, index) =>
    index === 0
      ? row
      : row.map((cell) => {
          const iso = typeof cell === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(cell) : null;
          return iso ? { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) } : cell;
        }),
  );
}

/** The sidebar on the sample ledger as of its own date, 28 November 2025. */
export const SIDEBAR = sidebarOn(SAMPLE_AS_OF);
