// The Sheets add-on as users receive it: dist/gas/Code.js run in a context holding only fakes
// of the Apps Script services, on the sample ledger. Every menu action, the sidebar's server
// functions, the Google Doc of letters and the Gmail drafts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { sampleLedgerCells, sampleLogCells } from '../../scripts/sampleData';
import { SAMPLE_COMPANY } from '../../scripts/sampleLedger';
import { ageLedger, findLedger, mappingFor } from '../../src/commands/ageing';
import { cashInForecastFor, cashInGlanceText } from '../../src/commands/forecast';
import { paymentDelaysFor } from '../../src/commands/paymentDelays';
import { defaultSettings, settingsToRecord } from '../../src/commands/settings';
import { LOG_HEADERS, readDunningLog } from '../../src/dunning/log';
import { planDunning } from '../../src/dunning/plan';
import { DEFAULT_POLICY } from '../../src/dunning/policy';
import type { LedgerTable } from '../../src/ledger/ledger';
import { DEFAULT_TEMPLATES } from '../../src/letters/defaultTemplates';
import { buildLetter } from '../../src/letters/letter';
import { amountFromMinor } from '../../src/primitives/money';
import { type FakeServices, FakeSpreadsheet, fakeServices } from './fakeAppsScript';
import { DIST, formatDate, offsetMinutes } from './harness';

const ZONE = 'Europe/Paris';
const AS_OF = Date.UTC(2025, 10, 28) / 86_400_000;
/** The sample ledger as the core reads it, and the settings the tests save in the document. */
const SAMPLE_TABLE: LedgerTable = {
  sheetName: 'Créances',
  headerRow: 0,
  firstColumn: 0,
  values: sampleLedgerCells(),
  serialSystem: 'sheets',
  description: '',
};
const fixedAsOf = (language: 'en' | 'fr') => ({ ...defaultSettings(language, AS_OF), followToday: false, asOf: '2025-11-28' });

interface Project {
  run: (name: string, ...args: unknown[]) => unknown;
  services: FakeServices;
  book: FakeSpreadsheet;
}

function load(copies = 1, locale = 'en_US'): Project {
  const book = new FakeSpreadsheet(ZONE, locale);
  const services = fakeServices(book, formatDate, readFileSync(join(DIST, 'gas', 'Sidebar.html'), 'utf8'));
  const context = vm.createContext({ ...services.globals });
  vm.runInContext(readFileSync(join(DIST, 'gas', 'Code.js'), 'utf8'), context, { filename: 'Code.js' });
  const ContextDate = vm.runInContext('Date', context) as DateConstructor;
  // Sheets holds date cells as Dates at midnight in the spreadsheet's zone.
  const asSheet = (rows: unknown[][]) =>
    rows.map((row, index) =>
      index === 0
        ? row
        : row.map((cell) => {
            const iso = typeof cell === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(cell) : null;
            if (!iso) return cell;
            const utc = Date.UTC(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3]));
            return new ContextDate(utc - offsetMinutes(utc, ZONE) * 60_000);
          }),
    );
  const [header, ...rows] = asSheet(sampleLedgerCells());
  const ledger = book.addSheet('Créances', [header ?? [], ...Array.from({ length: copies }, () => rows).flat()]);
  // The user's own rule: large amounts in bold.
  ledger.rules.push({ formula: '=$H2>20000', background: '#00FF00', ranges: [] });
  book.addSheet('Journal des relances', asSheet(sampleLogCells()));
  services.properties.agebucket = JSON.stringify(settingsToRecord(fixedAsOf('en')));
  const run = (name: string, ...args: unknown[]) => (context[name] as (...values: unknown[]) => unknown)(...args);
  return { run, services, book };
}

/** Spreadsheet calls one menu action costs. */
function callsOf(project: Project, name: string): number {
  project.book.calls = [];
  project.run(name);
  return project.book.calls.length;
}

test('onOpen adds the menu, in the spreadsheet’s language, touching nothing else', () => {
  const english = load();
  english.run('onOpen');
  expect(english.services.menus).toEqual([
    {
      title: 'AgeBucket',
      items: [
        'Open AgeBucket → AgeBucket_openSidebar',
        'Colour overdue rows → AgeBucket_colourOverdueRows',
        'Remove colours → AgeBucket_removeColours',
        'Aged balance sheet → AgeBucket_agedBalanceSheet',
        'Expected cash-in sheet → AgeBucket_cashInSheet',
        'Payment-delays table (D441-6) → AgeBucket_paymentDelaysSheet',
        'Dunning plan → AgeBucket_openDunningPlan',
        'Letters → AgeBucket_openLetters',
      ],
    },
  ]);
  expect(english.book.calls).toEqual([]);
  const french = load(1, 'fr_FR');
  french.run('onOpen');
  expect(french.services.menus[0]?.items[1]).toBe('Colorer les retards → AgeBucket_colourOverdueRows');
});

test('colour overdue rows: ours first, the user’s rule kept, a second run replaces', () => {
  const project = load();
  project.run('AgeBucket_colourOverdueRows');
  project.run('AgeBucket_colourOverdueRows');
  const rules = project.book.sheets[0]?.rules ?? [];
  expect(rules.map((rule) => rule.formula.includes('N("agebucket")=0'))).toEqual([true, true, true, true, true, false]);
  // A negative open amount (column H, a credit note) is never coloured as overdue.
  expect(rules[1]?.formula).toBe(
    '=AND(N("agebucket")=0,ISNUMBER($F2),N($H2)>=0,DATE(2025,11,28)-$F2>=1,DATE(2025,11,28)-$F2<=30)',
  );
  expect(project.book.toasts.at(-1)).toBe('5 colour rules on Créances');
  project.run('AgeBucket_removeColours');
  expect(project.book.sheets[0]?.rules.map((rule) => rule.formula)).toEqual(['=$H2>20000']);
  expect(project.book.toasts.at(-1)).toBe('5 AgeBucket rules removed; your own rules are untouched');
});

test('the aged balance sheet holds the core’s totals and a chart', () => {
  const project = load();
  project.run('AgeBucket_agedBalanceSheet');
  const sheet = project.book.sheets.find((s) => s.name === 'Aged balance 2025-11-28');
  expect(sheet).toBeDefined();
  const table = project.run('AgeBucket_readActiveTable') as LedgerTable; // the new sheet is active now
  expect(table.sheetName).toBe('Aged balance 2025-11-28');
  const settings = fixedAsOf('en');
  const { report } = ageLedger(SAMPLE_TABLE, mappingFor(SAMPLE_TABLE, settings), settings, AS_OF);
  const eur = report.balance.totals.find((t) => t.currency === 'EUR');
  const totalRow = sheet?.values.find((row) => row[0] === 'Total' && row[1] === 'EUR');
  expect(totalRow?.slice(2, 8)).toEqual([
    ...(eur?.buckets ?? []).map((b) => amountFromMinor(b, 'EUR')),
    amountFromMinor(eur?.total ?? 0, 'EUR'),
  ]);
  expect(sheet?.charts).toHaveLength(1);
});

test('the payment-delays table from the menu: the core’s counts, merged, bordered, shaded', () => {
  const project = load();
  const settings = { ...fixedAsOf('fr'), delaysClosingDate: '2025-11-28', delaysTurnover: '1000000' };
  project.services.properties.agebucket = JSON.stringify(settingsToRecord(settings));
  project.run('AgeBucket_paymentDelaysSheet');
  const names = project.book.sheets.map((sheet) => sheet.name);
  expect(names).toEqual(expect.arrayContaining(['Délais de paiement 2025-11-28', 'Délais – détail 2025-11-28']));
  expect(project.book.active?.name).toBe('Délais de paiement 2025-11-28');
  const sheet = project.book.sheets.find((s) => s.name === 'Délais de paiement 2025-11-28');
  const expected = paymentDelaysFor(
    { customers: findLedger(SAMPLE_TABLE, settings, false), suppliers: null, log: sampleLogCells() },
    settings,
  );
  // The issued half's six counts, as the core computed them on the same ledger and log.
  expect(sheet?.values[6]?.slice(7, 13)).toEqual(expected.table.layout.rows[6]?.slice(7, 13));
  expect(sheet?.merged).toContain('R4C2:R4C7');
  expect(sheet?.merged).toContain('R4C1:R5C1');
  expect(sheet?.bordered).toEqual(['R4C1:R15C13']);
  expect(sheet?.backgrounds.get('R10C2:R10C7')).toBe('#D9D9D9');
  expect(sheet?.columnWidths.get(1)).toBe(46 * 7);
  expect(project.book.toasts.at(-1)).toBe(
    'Tableau écrit dans la feuille « Délais de paiement 2025-11-28 », détail dans « Délais – détail 2025-11-28 »',
  );
});

test('each menu action costs as many Spreadsheet calls for 3,360 rows as for 336', () => {
  for (const action of ['AgeBucket_colourOverdueRows', 'AgeBucket_removeColours', 'AgeBucket_agedBalanceSheet']) {
    expect([action, callsOf(load(10), action)]).toEqual([action, callsOf(load(1), action)]);
  }
});

test('the sidebar’s server functions: plain data over the wire, text kept as text, the log appended', () => {
  const project = load();
  const table = project.run('AgeBucket_readActiveTable') as LedgerTable;
  // No Date can cross google.script.run: what goes out must survive JSON.
  expect(JSON.parse(JSON.stringify(table))).toEqual(table);
  // A date cell crosses as the calendar date the sheet shows, read in the spreadsheet's zone.
  const sourceDay = sampleLedgerCells()[1]?.[5] as string;
  expect(sourceDay).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(table.values[1]?.[5]).toEqual({
    year: Number(sourceDay.slice(0, 4)),
    month: Number(sourceDay.slice(5, 7)),
    day: Number(sourceDay.slice(8, 10)),
  });
  project.run('AgeBucket_appendRows', 'Journal des relances', Object.values(LOG_HEADERS.fr), [['2025-11-28', '=HYPERLINK("x")']]);
  const log = project.book.sheets.find((s) => s.name === 'Journal des relances');
  expect(log?.values.at(-1)?.slice(0, 2)).toEqual(['2025-11-28', '\'=HYPERLINK("x")']);
  // The user clears the log sheet: the next append puts the header back first.
  (log as { values: unknown[][] }).values = [];
  const header = Object.values(LOG_HEADERS.fr);
  project.run('AgeBucket_appendRows', 'Journal des relances', header, [['2025-11-29', 'Dupont']]);
  expect(log?.values).toEqual([header, ['2025-11-29', 'Dupont', ...header.slice(2).map(() => '')]]);
  project.run('AgeBucket_writeSettings', { language: 'fr' });
  // The settings travel as the stored text: the sidebar parses it and reports damage itself.
  expect(JSON.parse(project.run('AgeBucket_readSettings') as string)).toEqual({ language: 'fr' });
  project.run('AgeBucket_openDunningPlan');
  expect(project.services.sidebars[0]).toContain('data-initial-tab="dunning"');
});

describe('letters from Sheets', () => {
  const settings = fixedAsOf('fr');
  const { ledger } = ageLedger(SAMPLE_TABLE, mappingFor(SAMPLE_TABLE, settings), settings, AS_OF);
  const plan = planDunning(ledger.items, readDunningLog(sampleLogCells(), DEFAULT_POLICY, 'sheets').entries, {
    asOf: AS_OF,
    policy: DEFAULT_POLICY,
  });
  const letters = plan.actions.slice(0, 5).map((account) =>
    buildLetter(account, {
      company: SAMPLE_COMPANY,
      policy: DEFAULT_POLICY,
      asOf: AS_OF,
      defaultLanguage: 'fr',
      templates: DEFAULT_TEMPLATES,
    }),
  );

  test('one Google Doc, one letter per page, resumable batch after batch', () => {
    const project = load();
    const first = project.run('AgeBucket_writeLettersDocument', letters.slice(0, 3), 'Relances 2025-11-28', null) as {
      done: number;
      documentId: string;
    };
    expect(first.done).toBe(3);
    const second = project.run('AgeBucket_writeLettersDocument', letters.slice(3), 'Relances 2025-11-28', first.documentId) as {
      done: number;
    };
    expect(second.done).toBe(2);
    const [document] = project.services.documents;
    expect(project.services.documents).toHaveLength(1);
    expect(document?.pageBreaks).toBe(4);
    for (const letter of letters) {
      expect(document?.body).toContain(letter.customer);
      for (const number of letter.invoiceNumbers) expect(document?.body.some((line) => line.includes(number))).toBe(true);
    }
  });

  test('Gmail drafts stop cleanly at the daily quota and say how many were made', () => {
    const project = load();
    project.services.draftQuota = 2;
    const drafts = letters
      .slice(0, 3)
      .map((letter) => ({ to: 'compta@example.fr', subject: letter.subject, body: 'Madame, Monsieur' }));
    const result = project.run('AgeBucket_createEmailDrafts', drafts) as { done: number; stopped: string | null };
    expect(result.done).toBe(2);
    expect(result.stopped).toMatch(/too many times/);
    const subject = /Subject: =\?UTF-8\?B\?([^?]+)\?=/.exec(project.services.drafts[0] ?? '')?.[1] ?? '';
    expect(Buffer.from(subject, 'base64').toString('utf8')).toBe(letters[0]?.subject);
  });
});

describe('the expected cash-in sheet from the menu', () => {
  const history = [
    ['Client', 'Échéance', 'Date de règlement'],
    ['Boulangerie Martin SARL', '2025-06-30', '2025-07-20'],
    ['Boulangerie Martin SARL', '2025-07-31', '2025-08-18'],
    ['Boulangerie Martin SARL', '2025-08-31', '2025-09-25'],
    ['Garage Lefèvre', '2025-09-15', '2025-09-12'],
  ];
  test('with no payment history it says there is no forecast and what to add, and writes the due dates’ view', () => {
    const project = load();
    const before = project.book.sheets.length;
    project.run('AgeBucket_cashInSheet');
    const message = String(project.book.toasts.at(-1));
    expect(message).toMatch(/\nEUR: no forecast \(no payment history\); by due dates, this week /);
    expect(message).toContain('Give the ledger a paid-date column on its settled lines');
    expect(message).not.toMatch(/went wrong/i);
    expect(project.book.sheets).toHaveLength(before + 1);
  });
  test('from a sheet of paid invoices named in the settings: the core’s forecast, its chart, this week and next', () => {
    const project = load();
    project.book.addSheet('Règlements', history);
    const settings = { ...fixedAsOf('en'), historySheet: 'Règlements' };
    project.services.properties.agebucket = JSON.stringify(settingsToRecord(settings));
    project.run('AgeBucket_cashInSheet');
    const expected = cashInForecastFor(SAMPLE_TABLE, mappingFor(SAMPLE_TABLE, settings), settings, AS_OF, history);
    const sheet = project.book.sheets.find((s) => s.name === 'Cash-in 2025-11-28');
    expect(sheet?.values[4]?.slice(0, 15)).toEqual(expected.layout.rows[4]?.slice(0, 15));
    expect(sheet?.charts).toHaveLength(1);
    expect(project.book.toasts.at(-1)).toBe(
      `Written to the new sheet "Cash-in 2025-11-28"\n${cashInGlanceText(expected.glance, 'en')}`,
    );
  });
});
