// What google.script.run can reach in dist/gas/Code.js, and what it can do there. Any page
// with the user's session can call any public top-level function with any arguments: only the
// entry points are public, and each one refuses what our sidebar never sends.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import * as acorn from 'acorn';
import { sampleLedgerCells } from '../../scripts/sampleData';
import { LOG_HEADERS } from '../../src/dunning/log';
import { FakeSpreadsheet, fakeServices } from './fakeAppsScript';
import { DIST, formatDate } from './harness';

const code = readFileSync(join(DIST, 'gas', 'Code.js'), 'utf8');
const sidebar = readFileSync(join(DIST, 'gas', 'Sidebar.html'), 'utf8');

function load(locale = 'en_US') {
  const book = new FakeSpreadsheet('Europe/Paris', locale);
  const services = fakeServices(book, formatDate, sidebar);
  const context = vm.createContext({ ...services.globals });
  vm.runInContext(code, context, { filename: 'Code.js' });
  const ledger = book.addSheet('Créances', sampleLedgerCells());
  ledger.rules.push({ formula: '=$H2>20000', background: '#00FF00', ranges: [] });
  book.addSheet('Journal des relances', [Object.values(LOG_HEADERS.fr)]);
  const run = (name: string, ...args: unknown[]) => (context[name] as (...values: unknown[]) => unknown)(...args);
  const snapshot = () =>
    JSON.stringify(book.sheets.map((sheet) => [sheet.name, sheet.values, sheet.rules.map((r) => r.formula)]));
  return { run, services, book, snapshot };
}

describe('what is public', () => {
  const program = acorn.parse(code, { ecmaVersion: 2022, sourceType: 'script' });
  const topLevel = program.body.flatMap((node) => (node.type === 'FunctionDeclaration' && node.id ? [node.id.name] : []));
  const declared = program.body.flatMap((node) =>
    node.type === 'VariableDeclaration' ? node.declarations.flatMap((d) => (d.id.type === 'Identifier' ? [d.id.name] : [])) : [],
  );

  test('the top-level functions are the entry points: custom functions, onOpen/onInstall, the menu’s and the sidebar’s', () => {
    const customFunctions = [...code.matchAll(/@customfunction\s*\*\/\s*function (\w+)\(/g)].map((match) => match[1] as string);
    const project = load();
    project.run('onOpen');
    const menu = (project.services.menus[0]?.items ?? []).map((item) => item.split(' → ')[1] as string);
    const calledBySidebar = [...new Set([...sidebar.matchAll(/["'](AgeBucket_\w+)["']/g)].map((match) => match[1] as string))];
    expect(customFunctions.length).toBeGreaterThanOrEqual(9);
    expect(menu.length).toBeGreaterThan(0);
    expect(calledBySidebar.length).toBeGreaterThan(10);
    const entryPoints = new Set([...customFunctions, 'onOpen', 'onInstall', ...menu, ...calledBySidebar]);
    const publicNames = topLevel.filter((name) => !name.endsWith('_'));
    expect(publicNames.filter((name) => !entryPoints.has(name))).toEqual([]);
    expect([...entryPoints].filter((name) => !topLevel.includes(name))).toEqual([]);
    // No helper leaks into the global scope as a variable either.
    expect(declared.filter((name) => !name.endsWith('_'))).toEqual([]);
  });
});

describe('the sidebar’s entry points refuse what our sidebar never sends', () => {
  const logHeader = Object.values(LOG_HEADERS.fr);
  const logRow = ['2026-11-30', 'Dupont SA', 'Première relance', 'email', 120.5, 'EUR', 'F1', 'Claire', ''];

  test.each([
    ['the user’s ledger', 'Créances', logHeader],
    ['a sheet that does not exist yet', 'Nouvelle feuille', logHeader],
    ['a name that is not text', 42, logHeader],
  ])('appendRows to %s is refused, and nothing is written', (_what, sheetName, header) => {
    const project = load();
    const before = project.snapshot();
    expect(() => project.run('AgeBucket_appendRows', sheetName, header, [logRow])).toThrow(
      /only appends to its own sheets|must be text/,
    );
    expect(project.snapshot()).toBe(before);
    expect(project.book.sheets).toHaveLength(2);
  });

  test('appendRows to the log with another header, or rows of objects, is refused', () => {
    const project = load();
    const before = project.snapshot();
    expect(() => project.run('AgeBucket_appendRows', 'Journal des relances', ['Date', 'Client'], [logRow])).toThrow(
      /header is not the dunning log’s header/,
    );
    expect(() => project.run('AgeBucket_appendRows', 'Journal des relances', logHeader, [[{ formula: '=1' }]])).toThrow(
      /must be text/,
    );
    expect(() => project.run('AgeBucket_appendRows', 'Journal des relances', logHeader, 'rows')).toThrow(/must be a list/);
    expect(project.snapshot()).toBe(before);
  });

  test('appendRows of log rows to the log works, in either language’s sheet', () => {
    const project = load();
    project.run('AgeBucket_appendRows', 'Journal des relances', logHeader, [logRow]);
    project.run('AgeBucket_appendRows', 'Dunning log', Object.values(LOG_HEADERS.en), [logRow]);
    expect(project.book.sheets.find((s) => s.name === 'Journal des relances')?.values).toHaveLength(2);
    expect(project.book.sheets.find((s) => s.name === 'Dunning log')?.values).toHaveLength(2);
  });

  test('readSheet reads any sheet of this spreadsheet by its name, and only by a name', () => {
    const project = load();
    expect(project.run('AgeBucket_readSheet', 'Journal des relances')).toEqual([logHeader]);
    expect(project.run('AgeBucket_readSheet', 'Modèles de lettres')).toBeNull();
    expect((project.run('AgeBucket_readSheet', 'Créances') as unknown[][]).length).toBeGreaterThan(100);
    expect(() => project.run('AgeBucket_readSheet', { name: 'Créances' })).toThrow(/must be text/);
  });

  test('colour rules: only ours, on an existing sheet; the user’s rule stays', () => {
    const project = load();
    const ours = {
      firstRow: 1,
      lastRow: 10,
      firstColumn: 0,
      lastColumn: 5,
      formula: '=AND(N("agebucket")=0,$F2<TODAY())',
      fill: '#FFD8A8',
      fontColor: null,
      italic: false,
    };
    const before = project.snapshot();
    expect(() => project.run('AgeBucket_applyColourRules', 'Créances', [{ ...ours, formula: '=TRUE' }])).toThrow(
      /not an AgeBucket rule/,
    );
    expect(() => project.run('AgeBucket_applyColourRules', 'Créances', [{ ...ours, fill: 'red;x' }])).toThrow(/colour/);
    expect(() => project.run('AgeBucket_applyColourRules', 'Nulle part', [ours])).toThrow(/names no sheet/);
    expect(() => project.run('AgeBucket_removeColourRules', { toString: () => 'Créances' })).toThrow(/must be text/);
    expect(project.snapshot()).toBe(before);
    project.run('AgeBucket_applyColourRules', 'Créances', [ours]);
    expect(project.book.sheets[0]?.rules.map((rule) => rule.formula)).toEqual([ours.formula, '=$H2>20000']);
  });

  test('new sheets: a layout of plain cells only', () => {
    const project = load();
    const layout = { rows: [['Client', 12.5]], columnFormats: [null], boldRows: [0], cellFormats: [], chart: null };
    expect(() => project.run('AgeBucket_writeNewSheet', 'Balance', { ...layout, rows: [[{ evil: true }]] })).toThrow(
      /must be text/,
    );
    expect(() => project.run('AgeBucket_writeNewSheet', 'Balance', { ...layout, rows: [[Number.NaN]] })).toThrow(/finite/);
    expect(() => project.run('AgeBucket_writeNewSheet', ['Balance'], layout)).toThrow(/must be text/);
    expect(project.book.sheets).toHaveLength(2);
    expect(project.run('AgeBucket_writeNewSheet', 'Balance', layout)).toBe('Balance');
  });

  test('settings: a record of texts only', () => {
    const project = load();
    expect(() => project.run('AgeBucket_writeSettings', 'language=fr')).toThrow(/record/);
    expect(() => project.run('AgeBucket_writeSettings', { language: { fr: true } })).toThrow(/must be text/);
    expect(() => project.run('AgeBucket_writeSettings', { notes: 'x'.repeat(10_000) })).toThrow(/longer than/);
    expect(project.services.properties.agebucket).toBeUndefined();
    project.run('AgeBucket_writeSettings', { language: 'fr' });
    // The sidebar reads the stored text and parses it itself (a damaged text is reported there).
    expect(JSON.parse(project.run('AgeBucket_readSettings') as string)).toEqual({ language: 'fr' });
  });

  test('email drafts: an address with a line break (a hidden Bcc) is refused before any draft', () => {
    const project = load();
    expect(() =>
      project.run('AgeBucket_createEmailDrafts', [
        { to: 'compta@example.fr', subject: 'Relance', body: 'Madame, Monsieur' },
        { to: 'compta@example.fr\r\nBcc: someone@example.com', subject: 'Relance', body: 'x' },
      ]),
    ).toThrow(/one line/);
    expect(project.services.drafts).toHaveLength(0);
  });

  test('refusals are in the spreadsheet’s language', () => {
    const project = load('fr_FR');
    expect(() => project.run('AgeBucket_appendRows', 'Créances', logHeader, [logRow])).toThrow(
      'AgeBucket n’ajoute de lignes qu’à ses propres feuilles',
    );
  });
});

describe('letters go only to Docs this add-on created for this spreadsheet', () => {
  const letter = {
    customer: 'Dupont SA',
    sender: { name: 'Ma Société', lines: ['1 rue de la Paix'] },
    recipient: { name: 'Dupont SA', lines: ['2 avenue Foch'] },
    placeAndDate: 'Lyon, le 30 novembre 2026',
    subject: 'Relance',
    blocks: [
      { kind: 'paragraph', text: 'Madame, Monsieur,' },
      { kind: 'table', table: { headers: ['Facture'], numeric: [false], rows: [['F1']], totals: [['Total', '10,00 €']] } },
    ],
    signature: ['Claire'],
  };

  test('a document the user already had (any id the add-on did not create) is never opened', () => {
    const project = load();
    project.services.documents.push({ title: 'Contrat confidentiel', body: ['Texte du contrat'], pageBreaks: 0, tables: [] });
    expect(() => project.run('AgeBucket_writeLettersDocument', [letter], 'Relances', '0')).toThrow(
      /only writes to Google Docs it created for this spreadsheet/,
    );
    expect(project.services.documents[0]?.body).toEqual(['Texte du contrat']);
  });

  test('the Doc a run creates is remembered in the document’s properties, and the next batch may write to it', () => {
    const project = load();
    const first = project.run('AgeBucket_writeLettersDocument', [letter], 'Relances', null) as {
      documentId: string;
      done: number;
    };
    expect(first.done).toBe(1);
    expect(JSON.parse(project.services.properties['agebucket.documents'] ?? '[]')).toEqual([first.documentId]);
    const second = project.run('AgeBucket_writeLettersDocument', [letter], 'Relances', first.documentId) as { done: number };
    expect(second.done).toBe(1);
    expect(project.services.documents).toHaveLength(1);
    expect(project.services.documents[0]?.pageBreaks).toBe(1);
  });

  test('letters of another shape are refused before a Doc is created', () => {
    const project = load();
    expect(() =>
      project.run('AgeBucket_writeLettersDocument', [{ ...letter, blocks: [{ kind: 'script', text: 'x' }] }], 'Relances', null),
    ).toThrow(/"paragraph" or "table"/);
    expect(() => project.run('AgeBucket_writeLettersDocument', 'letters', 'Relances', null)).toThrow(/must be a list/);
    expect(project.services.documents).toHaveLength(0);
  });
});
