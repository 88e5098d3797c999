// The contract of the Workbook port (src/pane/workbook.ts): one body of tests that every adapter
// runs, each over its host (Preview's own workbook, Excel over the Office.js fake, Sheets' sidebar
// over the built Code.js and the Apps Script fakes). A harness gives the suite the adapter and a
// few ways to set the host up and look inside it as a user would see it; the tests never ask
// which host they run on. Where two hosts would answer differently, the adapter is fixed, not the
// test. To add an adapter: write a harness (see the three beside this file) and call
// `testWorkbook` with it.

import type { SheetLayout } from '../../src/ageing/agedBalanceSheet';
import { makeBuckets } from '../../src/ageing/ageing';
import { ageingColourRules, type ColourRule } from '../../src/ageing/colourRules';
import { dueDatesAsText } from '../../src/commands/ageing';
import { LOG_HEADERS, LOG_SHEETS } from '../../src/dunning/log';
import { TEMPLATE_SHEETS } from '../../src/letters/templates';
import type { Workbook } from '../../src/pane/workbook';
import { type CellValue, readDate } from '../../src/primitives/cells';
import { dayFromCalendar } from '../../src/primitives/dates';
import { AgeBucketError } from '../../src/primitives/messages';
import { paymentDelaysSheetNames } from '../../src/reports/paymentDelaysSheet';
import { excelRefusesSheetName } from '../addin/fakeExcel';

/** A cell as the host holds it: what the user would see, and whether it is a formula. */
export type HeldCell =
  | { readonly text: string }
  | { readonly formula: string }
  | { readonly number: number }
  | { readonly boolean: boolean }
  | null;

/**
 * What a host makes of a value typed or written into a cell: a leading apostrophe keeps the
 * rest as text (and is not shown); text starting with = + - or @ is taken for a formula.
 */
export function heldCell(raw: unknown): HeldCell {
  if (raw === '' || raw === null || raw === undefined) return null;
  if (typeof raw === 'number') return { number: raw };
  if (typeof raw === 'boolean') return { boolean: raw };
  const text = String(raw);
  if (text.startsWith("'")) return { text: text.slice(1) };
  if (/^[=+\-@]/.test(text)) return { formula: text };
  return { text };
}

/** A date the user entered into a cell the host keeps as a date (not as text): `yyyy-mm-dd`. */
export interface DateEntry {
  readonly date: string;
}

/** What the user typed into a cell: text, a number, or a date the host took as a date. */
export type TypedValue = string | number | DateEntry;

/** A sheet's typed values with each date made as its host holds one (Excel: a serial; Sheets: a Date). */
export function hostValues(
  values: ReadonlyArray<ReadonlyArray<TypedValue>>,
  dateCell: (entry: DateEntry, row: number, column: number) => unknown,
): unknown[][] {
  return values.map((row, r) => row.map((value, c) => (typeof value === 'object' ? dateCell(value, r, c) : value)));
}

export interface WorkbookHarness {
  readonly workbook: Workbook;
  /**
   * A sheet the user made, `values[r][c]` typed into row r, column c ('' leaves a cell empty; a
   * leading apostrophe keeps the rest as text; a DateEntry is a date cell, as the host holds one).
   */
  addSheet(name: string, values: ReadonlyArray<ReadonlyArray<TypedValue>>): void;
  /** The user clicks on that sheet's tab. */
  activate(name: string): void;
  /** What each cell of a sheet holds, as typed or written into it (null: no such sheet). */
  typed(name: string): ReadonlyArray<ReadonlyArray<unknown>> | null;
  /** A conditional-format rule the user made on a sheet, put where the host puts a new one. */
  addUserRule(sheetName: string, formula: string): void;
  /** The formulas of a sheet's rules, in the order the host applies them (the first applies first). */
  ruleFormulas(sheetName: string): string[];
  /** Settings text as the document stores it, written by someone else (an old version, a hand edit). */
  storeSettingsText(text: string): void;
  /** Hosts with tables (Excel): a table over cells of a sheet, and the selection. */
  readonly tables?: {
    add(sheet: string, name: string, area: { row: number; column: number; rows: number; columns: number }): void;
    select(sheet: string, row: number, column: number): void;
  };
  /** Hosts that limit a request's size (Excel on the web, 5 MB): the bytes of each request and answer so far. */
  readonly payloads?: () => { readonly sent: readonly number[]; readonly answered: readonly number[] };
  readonly payloadLimit?: number;
}

const layoutOf = (rows: Array<Array<string | number>>): SheetLayout => ({
  rows,
  columnFormats: [],
  boldRows: [0],
  cellFormats: [],
  chart: null,
});

/** What the user sees in each cell: the held value, '' for an empty cell. */
function seen(rows: ReadonlyArray<ReadonlyArray<unknown>> | null): Array<Array<string | number | boolean>> | null {
  if (rows === null) return null;
  return rows.map((row) =>
    Array.from(row, (raw) => {
      const cell = heldCell(raw);
      if (cell === null) return '';
      if ('text' in cell) return cell.text;
      if ('number' in cell) return cell.number;
      if ('boolean' in cell) return cell.boolean;
      return cell.formula;
    }),
  );
}

/** A sheet's rows without the trailing empty ones, each without its trailing empty cells. */
function trimmed(rows: ReadonlyArray<ReadonlyArray<unknown>> | null): unknown[][] | null {
  if (rows === null) return null;
  const out = rows.map((row) => {
    const cells = Array.from(row, (cell) => (cell === null || cell === undefined ? '' : cell));
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    return cells;
  });
  while (out.length > 0 && (out[out.length - 1] as unknown[]).length === 0) out.pop();
  return out;
}

const AS_OF = '2026-11-30';
const HEADER_FR = Object.values(LOG_HEADERS.fr);
const HEADER_EN = Object.values(LOG_HEADERS.en);
const logRow = (customer: string, note = ''): Array<string | number> => [
  AS_OF,
  customer,
  'Première relance',
  'email',
  1250.5,
  'EUR',
  'FA-2026-0142',
  'Claire Petit',
  note,
  '',
];

/** A ledger as a credit manager keeps it: customer, invoice, due date (a serial), amount, disputed. */
function ledger(rows: number): Array<Array<string | number>> {
  return [
    ['Client', 'Facture', 'Échéance', 'Montant', 'Litige'],
    ...Array.from({ length: rows }, (_, i) => [
      `Client ${i % 7}`,
      `F-${i}`,
      46_000 + (i % 90),
      100 + i,
      i % 5 === 0 ? 'oui' : '',
    ]),
  ];
}

function ourRules(lastRow: number, asOf: number | null = null): ColourRule[] {
  return ageingColourRules(
    { headerRow: 0, lastRow, firstColumn: 0, lastColumn: 4, dueDateColumn: 2, disputedColumn: 4 },
    makeBuckets(),
    asOf,
    'Litige',
  );
}

/** Big tables compared without printing megabytes: the count, then the first row that differs. */
function expectSameRows(
  actual: ReadonlyArray<ReadonlyArray<unknown>> | null,
  expected: ReadonlyArray<ReadonlyArray<unknown>>,
): void {
  expect(actual?.length).toBe(expected.length);
  const first = expected.findIndex((row, i) => JSON.stringify(actual?.[i]) !== JSON.stringify(row));
  expect(first < 0 ? null : { row: first, read: actual?.[first], written: expected[first] }).toBeNull();
}

/** Checks what a progress callback was told: steps forward, never past the total, ending at it. */
function expectProgress(calls: ReadonlyArray<readonly [number, number]>, total: number): void {
  expect(calls.length).toBeGreaterThan(0);
  let previous = 0;
  for (const [done, of] of calls) {
    expect(of).toBe(total);
    expect(done).toBeGreaterThanOrEqual(previous);
    expect(done).toBeLessThanOrEqual(total);
    previous = done;
  }
  expect(calls[calls.length - 1]).toEqual([total, total]);
}

/** What a host has beyond the port's common ground: the tests of it run only where it exists. */
export interface HostFeatures {
  /** Excel tables: readActiveTable reads the table under the selection. */
  readonly tables?: boolean;
}

export function testWorkbook(
  adapter: string,
  makeHarness: () => WorkbookHarness | Promise<WorkbookHarness>,
  features: HostFeatures = {},
): void {
  describe(`the Workbook contract: ${adapter}`, () => {
    let host: WorkbookHarness;
    let workbook: Workbook;
    beforeEach(async () => {
      host = await makeHarness();
      workbook = host.workbook;
    });

    describe('sheet names', () => {
      test('the sheets in their order', async () => {
        host.addSheet('Créances', ledger(3));
        host.addSheet('Notes', [['à rappeler']]);
        expect(await workbook.sheetNames()).toEqual(['Créances', 'Notes']);
      });

      test('our own sheet names, in English and French, are used as they are', async () => {
        const delays = { en: paymentDelaysSheetNames('en'), fr: paymentDelaysSheetNames('fr') };
        const names = [
          `Aged balance ${AS_OF}`,
          `Balance âgée ${AS_OF}`,
          `Cash-in ${AS_OF}`,
          `Encaissements ${AS_OF}`,
          `Paid invoices ${AS_OF}`,
          `Règlements ${AS_OF}`,
          `${delays.en.table} ${AS_OF}`,
          `${delays.fr.table} ${AS_OF}`,
          `${delays.en.list} ${AS_OF}`,
          `${delays.fr.list} ${AS_OF}`,
          TEMPLATE_SHEETS.en,
          TEMPLATE_SHEETS.fr,
        ];
        for (const name of names) expect(await workbook.writeNewSheet(name, layoutOf([['Client', 10]]))).toBe(name);
        expect(await workbook.sheetNames()).toEqual(names);
      });

      test('a name already taken, in any case, gets the next number; the sheet holding it is left alone', async () => {
        host.addSheet(`Balance âgée ${AS_OF}`, [['mes chiffres']]);
        host.addSheet(`AGED BALANCE ${AS_OF}`, [['my figures']]);
        expect(await workbook.writeNewSheet(`Balance âgée ${AS_OF}`, layoutOf([['Client']]))).toBe(`Balance âgée ${AS_OF} (2)`);
        expect(await workbook.writeNewSheet(`Balance âgée ${AS_OF}`, layoutOf([['Client']]))).toBe(`Balance âgée ${AS_OF} (3)`);
        expect(await workbook.writeNewSheet(`Aged balance ${AS_OF}`, layoutOf([['Customer']]))).toBe(`Aged balance ${AS_OF} (2)`);
        expect(await workbook.writeNewSheet(`balance âgée ${AS_OF} (2)`, layoutOf([['Client']]))).toBe(
          `balance âgée ${AS_OF} (2) (2)`,
        );
        expect(seen(host.typed(`Balance âgée ${AS_OF}`))).toEqual([['mes chiffres']]);
        expect(seen(host.typed(`AGED BALANCE ${AS_OF}`))).toEqual([['my figures']]);
      });

      test('the dunning log and the templates sheet are never written over by a new sheet', async () => {
        host.addSheet(LOG_SHEETS.fr, [HEADER_FR, logRow('Dupont SA')]);
        host.addSheet(TEMPLATE_SHEETS.en, [['Stage', 'Subject']]);
        expect(await workbook.writeNewSheet(LOG_SHEETS.fr, layoutOf([['x']]))).toBe(`${LOG_SHEETS.fr} (2)`);
        expect(await workbook.writeNewSheet(TEMPLATE_SHEETS.en, layoutOf([['x']]))).toBe(`${TEMPLATE_SHEETS.en} (2)`);
        expect(seen(host.typed(LOG_SHEETS.fr))).toEqual(seen([HEADER_FR, logRow('Dupont SA')]));
      });

      test.each([
        ['a name Excel keeps for itself', 'History', 'History (2)'],
        ['the same in other letters', 'HISTORY', 'HISTORY (2)'],
        ['characters no sheet name may hold', 'Relances: 30/11 [brouillon]?', 'Relances- 30-11 -brouillon--'],
        ['apostrophes at either end', "'Relances'", 'Relances'],
        ['more than 31 characters', 'Balance âgée au 30 novembre 2026 — export complet', 'Balance âgée au 30 novembre 202'],
        ['more than 31 characters before the day', 'Payment delays – detail sheet 2026-11-30', 'Payment delays – det 2026-11-30'],
        ['nothing but spaces', '   ', 'Sheet'],
      ])('%s: a name every host accepts', async (_what, base, expected) => {
        const name = await workbook.writeNewSheet(base, layoutOf([['x']]));
        expect(name).toBe(expected);
        // Excel's rules are the strictest of the hosts': a name they accept, every host accepts.
        expect(excelRefusesSheetName(name, [])).toBeNull();
        expect(await workbook.sheetNames()).toContain(name);
      });

      test('a long name that is taken is numbered within 31 characters', async () => {
        const base = 'Balance âgée au 30 novembre 2026 — export complet';
        const first = await workbook.writeNewSheet(base, layoutOf([['x']]));
        const second = await workbook.writeNewSheet(base, layoutOf([['x']]));
        expect(first).toBe('Balance âgée au 30 novembre 202');
        expect(second).toBe('Balance âgée au 30 novembre (2)');
        expect(excelRefusesSheetName(second, [first])).toBeNull();
      });
    });

    describe('writing a new sheet', () => {
      test('every cell as laid out, and the new sheet becomes the active one', async () => {
        host.addSheet('Créances', ledger(3));
        const rows = [
          ['Client', 'Non échu', '1-30', 'Total'],
          ['Dupont SA', 120.5, 0, 120.5],
          ['Martin & Fils', 0, 99.9, 99.9],
        ];
        const name = await workbook.writeNewSheet(`Balance âgée ${AS_OF}`, layoutOf(rows));
        expect(seen(host.typed(name))).toEqual(rows);
        expect(await workbook.readSheet(name)).toEqual(rows);
        const active = await workbook.readActiveTable();
        expect(active.sheetName).toBe(name);
        expect(trimmed(active.values)).toEqual(rows);
      });

      test('text that starts with = + - @ or an apostrophe is written as text, and reads back as written', async () => {
        const risky = ['=HYPERLINK("http://x")', '-Dupont', '+33 Export', '@Martin', "'s-Hertogenbosch BV", '=1+1'];
        const rows = [['Client', 'Montant'], ...risky.map((customer, i) => [customer, i + 0.5])];
        const name = await workbook.writeNewSheet('Balance âgée', layoutOf(rows));
        const held = (host.typed(name) ?? []).map((row) => row.map(heldCell));
        expect(held.flat().filter((cell) => cell !== null && 'formula' in cell)).toEqual([]);
        expect(held.slice(1).map((row) => row[0])).toEqual(risky.map((text) => ({ text })));
        expect(held[1]?.[1]).toEqual({ number: 0.5 });
        expect(await workbook.readSheet(name)).toEqual(rows);
        expect(trimmed((await workbook.readActiveTable()).values)).toEqual(rows);
      });

      test('a layout of no rows makes an empty new sheet, which becomes the active one', async () => {
        host.addSheet('Créances', ledger(3));
        const name = await workbook.writeNewSheet('Lettres 2026-11-30', layoutOf([]));
        expect(name).toBe('Lettres 2026-11-30');
        expect(await workbook.readSheet(name)).toEqual([]);
        expect((await workbook.readActiveTable()).sheetName).toBe(name);
      });

      test('progress steps forward to the number of rows written', async () => {
        const calls: Array<[number, number]> = [];
        const rows = ledger(49);
        await workbook.writeNewSheet('Balance âgée', layoutOf(rows), (done, total) => calls.push([done, total]));
        expectProgress(calls, rows.length);
      });
    });

    describe('colour rules', () => {
      // The user's rules, in the order their host applies them (which a new rule joins where that host puts it).
      let theirs: string[];
      beforeEach(() => {
        host.addSheet('Créances', ledger(20));
        for (const formula of ['=$D2>1000', '=ISBLANK($C2)']) host.addUserRule('Créances', formula);
        theirs = host.ruleFormulas('Créances');
        expect([...theirs].sort()).toEqual(['=$D2>1000', '=ISBLANK($C2)']);
      });

      test('ours apply first, disputed first among them, in the order given; the user’s follow in theirs', async () => {
        const rules = ourRules(20);
        expect(rules[0]?.formula).toContain('$E2');
        await workbook.applyColourRules('Créances', rules);
        expect(host.ruleFormulas('Créances')).toEqual([...rules.map((rule) => rule.formula), ...theirs]);
      });

      test('a second run replaces ours instead of stacking them, and puts them first again', async () => {
        await workbook.applyColourRules('Créances', ourRules(20));
        host.addUserRule('Créances', '=$B2="F-3"');
        const mine = host.ruleFormulas('Créances').filter((formula) => !formula.includes('agebucket'));
        const again = ourRules(20, 20_787);
        await workbook.applyColourRules('Créances', again);
        expect(host.ruleFormulas('Créances')).toEqual([...again.map((rule) => rule.formula), ...mine]);
        expect(mine).toHaveLength(3);
      });

      test('remove takes ours only, says how many, and leaves the user’s in their order', async () => {
        const rules = ourRules(20);
        await workbook.applyColourRules('Créances', rules);
        expect(await workbook.removeColourRules('Créances')).toBe(rules.length);
        expect(host.ruleFormulas('Créances')).toEqual(theirs);
        expect(await workbook.removeColourRules('Créances')).toBe(0);
        expect(host.ruleFormulas('Créances')).toEqual(theirs);
      });

      test('a sheet that does not exist is refused, and nothing changes', async () => {
        await expect(workbook.applyColourRules('Nulle part', ourRules(20))).rejects.toThrow();
        await expect(workbook.removeColourRules('Nulle part')).rejects.toThrow();
        expect(await workbook.sheetNames()).toEqual(['Créances']);
        expect(host.ruleFormulas('Créances')).toEqual(theirs);
      });
    });

    describe('reading a sheet', () => {
      test('no such sheet reads as null', async () => {
        expect(await workbook.readSheet(LOG_SHEETS.fr)).toBeNull();
      });

      test('an empty sheet and a sheet the user emptied read as no rows', async () => {
        host.addSheet('Vide', []);
        host.addSheet(LOG_SHEETS.en, [
          ['', '', ''],
          ['', '', ''],
        ]);
        expect(await workbook.readSheet('Vide')).toEqual([]);
        expect(await workbook.readSheet(LOG_SHEETS.en)).toEqual([]);
      });

      test('from A1 to the last cell holding a value, blanks as empty text, every row as wide', async () => {
        host.addSheet('Fournisseurs', [
          [],
          ['', 'Fournisseur', 'Montant'],
          ['', 'Durand', 45.5, ''],
          ['', '', '', ''],
          ['', 'Total', 45.5],
        ]);
        expect(await workbook.readSheet('Fournisseurs')).toEqual([
          ['', '', ''],
          ['', 'Fournisseur', 'Montant'],
          ['', 'Durand', 45.5],
          ['', '', ''],
          ['', 'Total', 45.5],
        ]);
      });
    });

    describe('appending to the dunning log', () => {
      test('a missing log is created with its header, then the rows', async () => {
        await workbook.appendRows(LOG_SHEETS.fr, HEADER_FR, [logRow('Dupont SA'), logRow('Martin')]);
        expect(await workbook.sheetNames()).toContain(LOG_SHEETS.fr);
        expect(await workbook.readSheet(LOG_SHEETS.fr)).toEqual([HEADER_FR, logRow('Dupont SA'), logRow('Martin')]);
      });

      test('an empty log sheet, or one the user emptied, gets its header back before the rows', async () => {
        host.addSheet(LOG_SHEETS.fr, []);
        host.addSheet(LOG_SHEETS.en, [
          ['', '', ''],
          ['', '', ''],
          ['', '', ''],
        ]);
        await workbook.appendRows(LOG_SHEETS.fr, HEADER_FR, [logRow('Dupont SA')]);
        await workbook.appendRows(LOG_SHEETS.en, HEADER_EN, [logRow('Martin')]);
        expect(await workbook.readSheet(LOG_SHEETS.fr)).toEqual([HEADER_FR, logRow('Dupont SA')]);
        expect(await workbook.readSheet(LOG_SHEETS.en)).toEqual([HEADER_EN, logRow('Martin')]);
      });

      test('a log the user edited by hand: the rows go under its last filled row, nothing of theirs moves', async () => {
        const mine = [
          [...HEADER_FR, 'Mes remarques'],
          [...logRow('Dupont SA'), 'appelé deux fois'],
          ['', '', '', '', '', '', '', '', ''],
          logRow('Martin', 'promesse au 15/12'),
          ['Vérifié par Claire le 28/11'],
        ];
        host.addSheet(LOG_SHEETS.fr, mine);
        await workbook.appendRows(LOG_SHEETS.fr, HEADER_FR, [logRow('Bernard'), logRow('=cmd|calc', '-10 % accordés')]);
        expect(trimmed(await workbook.readSheet(LOG_SHEETS.fr))).toEqual(
          trimmed([...mine, logRow('Bernard'), logRow('=cmd|calc', '-10 % accordés')]),
        );
        const held = (host.typed(LOG_SHEETS.fr) ?? []).flat().map(heldCell);
        expect(held.filter((cell) => cell !== null && 'formula' in cell)).toEqual([]);
      });

      test('a log whose top rows the user cleared: the rows still go under its last filled row', async () => {
        const blank = HEADER_FR.map(() => '');
        host.addSheet(LOG_SHEETS.fr, [blank, blank, logRow('Martin', 'promesse au 15/12')]);
        await workbook.appendRows(LOG_SHEETS.fr, HEADER_FR, [logRow('Bernard')]);
        expect(trimmed(await workbook.readSheet(LOG_SHEETS.fr))).toEqual(
          trimmed([[], [], logRow('Martin', 'promesse au 15/12'), logRow('Bernard')]),
        );
      });

      test('a log without its header: the rows go under the last one, no header is slipped in between', async () => {
        host.addSheet(LOG_SHEETS.en, [logRow('Dupont SA'), logRow('Martin')]);
        await workbook.appendRows(LOG_SHEETS.en, HEADER_EN, [logRow('Bernard')]);
        expect(trimmed(await workbook.readSheet(LOG_SHEETS.en))).toEqual(
          trimmed([logRow('Dupont SA'), logRow('Martin'), logRow('Bernard')]),
        );
      });

      test('one append after another keeps their order', async () => {
        await workbook.appendRows(LOG_SHEETS.en, HEADER_EN, [logRow('A')]);
        await workbook.appendRows(LOG_SHEETS.en, HEADER_EN, [logRow('B'), logRow('C')]);
        expect((await workbook.readSheet(LOG_SHEETS.en))?.map((row) => row[1])).toEqual(['Customer', 'A', 'B', 'C']);
      });
    });

    describe('settings', () => {
      test('nothing stored reads as no settings', async () => {
        expect(await workbook.readSettings()).toEqual({});
      });

      test('what is written reads back the same, and a new write replaces the old', async () => {
        const settings = {
          language: 'fr',
          boundaries: '15, 45, 90',
          companyName: 'Société « Les Étangs » & Cie',
          companyAddress: '12 rue de l’Église\n69002 Lyon',
          policy: JSON.stringify({ stages: [{ fromDay: 1, name: 'Première relance' }] }),
          companyEmail: '',
        };
        await workbook.writeSettings(settings);
        expect(await workbook.readSettings()).toEqual(settings);
        await workbook.writeSettings({ language: 'en' });
        expect(await workbook.readSettings()).toEqual({ language: 'en' });
      });

      test.each([
        ['a save cut short', '{"language":"fr","boundaries":"30, 6'],
        ['a list instead of settings', '["fr"]'],
        ['a bare text', '"fr"'],
      ])('damaged settings (%s) are reported as such, and a new write repairs them', async (_what, text) => {
        host.storeSettingsText(text);
        const error = await workbook.readSettings().then(
          () => null,
          (caught: unknown) => caught,
        );
        expect(error).toBeInstanceOf(AgeBucketError);
        expect((error as AgeBucketError).code).toBe('settingsDamaged');
        await workbook.writeSettings({ language: 'fr' });
        expect(await workbook.readSettings()).toEqual({ language: 'fr' });
      });
    });

    describe('the active table', () => {
      test('the active sheet’s cells, each where the table says it is', async () => {
        host.addSheet('Notes', [['à rappeler']]);
        const rows = ledger(4);
        host.addSheet('Créances', [
          [],
          [],
          ['', ...(rows[0] as Array<string | number>)],
          ...rows.slice(1).map((row) => ['', ...row]),
        ]);
        host.activate('Créances');
        const table = await workbook.readActiveTable();
        expect(table.sheetName).toBe('Créances');
        // Wherever the host starts the table, cell (r, c) of the values is the sheet's (headerRow + r, firstColumn + c).
        const at = (row: number, column: number) => table.values[row - table.headerRow]?.[column - table.firstColumn];
        expect(at(2, 1)).toBe('Client');
        expect(at(6, 4)).toBe(103);
        expect(at(3, 3)).toBe(46_000);
        const filled = table.values.flat().filter((cell: CellValue) => cell !== '' && cell !== null).length;
        expect(filled).toBe(rows.flat().filter((cell) => cell !== '').length);
      });

      if (features.tables) {
        test('the table under the selection, not the rest of the sheet', async () => {
          const tables = host.tables;
          if (!tables) throw new Error('this host has tables: its harness must give them');
          host.addSheet('Créances', [
            ['Relevé au 30/11/2026'],
            [],
            ['', 'Client', 'Facture', 'Échéance', 'Montant'],
            ['', 'Dupont SA', 'F-1', 46_000, 120.5],
            ['', 'Martin', 'F-2', 46_010, 99.9],
            [],
            ['', 'Notes : voir avec Claire'],
          ]);
          host.addSheet('Autre', [['Client', 'Montant']]);
          tables.add('Créances', 'Encours', { row: 2, column: 1, rows: 3, columns: 4 });
          tables.add('Autre', 'AutreTable', { row: 0, column: 0, rows: 1, columns: 2 });
          tables.select('Créances', 3, 2);
          const inTable = await workbook.readActiveTable();
          expect(inTable).toMatchObject({ sheetName: 'Créances', headerRow: 2, firstColumn: 1 });
          expect(inTable.description).toContain('Encours');
          expect(inTable.values).toEqual([
            ['Client', 'Facture', 'Échéance', 'Montant'],
            ['Dupont SA', 'F-1', 46_000, 120.5],
            ['Martin', 'F-2', 46_010, 99.9],
          ]);
          tables.select('Créances', 0, 0);
          const outside = await workbook.readActiveTable();
          expect(outside.values).toHaveLength(7);
          expect(outside.description).not.toContain('Encours');
        });
      }
    });

    describe('date cells and text shaped like a date', () => {
      // The same column in every host: text typed to look like a date (kept as text by a leading
      // apostrophe or a plain-text format) and real date cells. A colour rule compares dates, so
      // the text one is reported in every host, and each cell reads as its day.
      const MARCH_15 = dayFromCalendar(2026, 3, 15);
      const LEAP_DAY = dayFromCalendar(2024, 2, 29);
      const rows: TypedValue[][] = [
        ['Client', 'Facture', 'Échéance', 'Montant'],
        ['Roux', 'F-1', "'2026-03-15", 100],
        ['Dupont SA', 'F-2', { date: '2026-03-15' }, 200],
        ['Martin', 'F-3', { date: '2024-02-29' }, 300],
      ];
      const mapping = { customer: 0, invoiceNumber: 1, dueDate: 2, openAmount: 3 };

      test('the text cell is text and the date cells are dates, in the active table and in readSheet', async () => {
        host.addSheet('Créances', rows);
        host.activate('Créances');
        const table = await workbook.readActiveTable();
        const dueDates = table.values.slice(1).map((row) => row[2]);
        expect(dueDates[0]).toBe('2026-03-15');
        expect(dueDates.slice(1).map((cell) => typeof cell)).not.toContain('string');
        // Each cell, read as the core reads a due date, is the day that was entered.
        expect(dueDates.map((cell) => readDate(cell, { serialSystem: table.serialSystem }))).toEqual([
          MARCH_15,
          MARCH_15,
          LEAP_DAY,
        ]);
        expect(dueDatesAsText(table, mapping)).toEqual({ textRows: [2], dated: 2 });
        const sheet = await workbook.readSheet('Créances');
        expect(sheet?.map((row) => row[2])).toEqual(table.values.map((row) => row[2]));
      });
    });

    describe('big sheets', () => {
      // 40,000 rows of 9 cells of some 20 to 60 characters: about 14 MB of JSON, far over one
      // Excel-on-the-web request.
      const bigRows = (count: number) => [
        HEADER_FR,
        ...Array.from({ length: count }, (_, i) =>
          logRow(`Établissements Durand & Fils — agence de Saint-Étienne n°${i}`, `Relance envoyée après l’appel n°${i}`),
        ),
      ];

      test('a new sheet far over 5 MB is written whole, with progress, and reads back whole', async () => {
        const rows = bigRows(40_000);
        const calls: Array<[number, number]> = [];
        const name = await workbook.writeNewSheet('Lettres 2026-11-30', layoutOf(rows), (done, total) =>
          calls.push([done, total]),
        );
        expectProgress(calls, rows.length);
        expectSameRows(await workbook.readSheet(name), rows);
        const table = await workbook.readActiveTable();
        expect(table.sheetName).toBe(name);
        expectSameRows(table.values, rows);
        if (host.payloads && host.payloadLimit) {
          const { sent, answered } = host.payloads();
          expect(sent.filter((bytes) => bytes > 0).length).toBeGreaterThan(1);
          expect(sent.every((bytes) => bytes <= (host.payloadLimit as number))).toBe(true);
          expect(answered.every((bytes) => bytes <= (host.payloadLimit as number))).toBe(true);
        }
      });

      test('a user’s sheet of long texts far over 5 MB reads whole', async () => {
        const note = 'Client relancé par téléphone ; promet un virement sous huitaine, à vérifier. '.repeat(3);
        const rows = Array.from({ length: 15_000 }, (_, i) => [`Client ${i}`, note, note, i + 0.25]);
        host.addSheet('Historique', rows);
        expectSameRows(await workbook.readSheet('Historique'), rows);
      });

      test('an append far over 5 MB lands whole, after the header', async () => {
        const rows = bigRows(45_000);
        await workbook.appendRows(LOG_SHEETS.fr, HEADER_FR, rows.slice(1));
        expectSameRows(await workbook.readSheet(LOG_SHEETS.fr), rows);
      });
    });
  });
}
