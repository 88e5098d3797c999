/// <reference types="google-apps-script" />
// The sidebar's server functions are public: google.script.run can call any of them with any
// arguments, from our sidebar or from a page that borrowed the user's session. Each one checks
// its arguments before it touches anything: only our own sheets are appended to, only
// the rules we recognise are written, only Docs this add-on created for this spreadsheet are
// opened. Every other function of the project is private (a name ending with `_`, which
// google.script.run cannot call), since the bundle keeps its helpers out of the global scope.

import type { CellRange, ChartSpec, PrintSettings, SheetLayout } from '../src/ageing/agedBalanceSheet';
import { type ColourRule, isOurRule } from '../src/ageing/colourRules';
import { LOG_COLUMNS, LOG_HEADERS, LOG_SHEETS } from '../src/dunning/log';
import type { Letter, LetterBlock, LetterTable } from '../src/letters/letter';
import type { EmailDraft } from '../src/pane/workbook';
import { AgeBucketError, type Language } from '../src/primitives/messages';

/** Document properties key of the ids of the Docs this add-on created for this spreadsheet. */
const OUR_DOCUMENTS_KEY = 'agebucket.documents';
/** The most recent Docs remembered: a letters run resumes the one it just created. */
const REMEMBERED_DOCUMENTS = 200;
/** Sheets holds at most 10 million cells; nothing we send is bigger. */
const MAX_CELLS = 10_000_000;
const MAX_TEXT = 50_000;
/** One document property holds at most 9 kB. */
const MAX_SETTINGS = 9_000;

type Check<T> = (value: unknown, name: string) => T;

function refuse(name: string, reason: string, raison: string): never {
  throw new AgeBucketError('serverArgumentInvalid', { name, reason, raison });
}

const text: Check<string> = (value, name) => {
  if (typeof value !== 'string') refuse(name, 'must be text', 'doit être un texte');
  if (value.length > MAX_TEXT) refuse(name, `is longer than ${MAX_TEXT} characters`, `dépasse ${MAX_TEXT} caractères`);
  return value;
};

const textOrNull: Check<string | null> = (value, name) => (value === null ? null : text(value, name));

const count: Check<number> = (value, name) => {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_CELLS)
    refuse(name, 'must be a whole number from 0', 'doit être un nombre entier positif');
  return value;
};

const flag: Check<boolean> = (value, name) => {
  if (typeof value !== 'boolean') refuse(name, 'must be true or false', 'doit être vrai ou faux');
  return value;
};

function listOf<T>(check: Check<T>, max = MAX_CELLS): Check<T[]> {
  return (value, name) => {
    if (!Array.isArray(value)) refuse(name, 'must be a list', 'doit être une liste');
    if (value.length > max) refuse(name, `holds more than ${max} entries`, `contient plus de ${max} éléments`);
    const result: T[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) result[i] = check(value[i], `${name}[${i}]`);
    return result;
  };
}

function record(value: unknown, name: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    refuse(name, 'must be a record of named values', 'doit être un enregistrement de valeurs nommées');
  return value as Record<string, unknown>;
}

const cell: Check<string | number | boolean | null> = (value, name) => {
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) refuse(name, 'must be a finite number', 'doit être un nombre fini');
    return value;
  }
  return text(value, name);
};

const textOrNumber: Check<string | number> = (value, name) =>
  typeof value === 'number' ? (cell(value, name) as number) : text(value, name);

const lines = listOf(text, 1000);

/** Every cell of a table, and no more cells than a spreadsheet holds. */
function table<T>(check: Check<T>): Check<T[][]> {
  return (value, name) => {
    const rows = listOf(listOf(check, 18_278), MAX_CELLS)(value, name);
    let cells = 0;
    for (const row of rows) cells += row.length;
    if (cells > MAX_CELLS) refuse(name, `holds more than ${MAX_CELLS} cells`, `contient plus de ${MAX_CELLS} cellules`);
    return rows;
  };
}

// ---- sheets ------------------------------------------------------------------------------

function ourSheet(value: unknown, name: string, allowed: readonly string[]): string {
  const sheetName = text(value, name);
  if (!allowed.includes(sheetName)) {
    throw new AgeBucketError('serverSheetNotOurs', {
      name: sheetName,
      sheets: allowed.map((sheet) => `"${sheet}"`).join(', '),
    });
  }
  return sheetName;
}

const LOG_SHEET_NAMES = Object.values(LOG_SHEETS);

/** An existing sheet of this spreadsheet (colour rules go on the user's ledger, where they belong). */
function existingSheet(value: unknown, name: string): string {
  const sheetName = text(value, name);
  if (SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheetName) === null)
    refuse(
      name,
      `names no sheet of this spreadsheet ("${sheetName}")`,
      `ne désigne aucune feuille du classeur (« ${sheetName} »)`,
    );
  return sheetName;
}

export function checkAppendRows(
  sheetName: unknown,
  header: unknown,
  rows: unknown,
): [string, string[], Array<Array<string | number>>] {
  const name = ourSheet(sheetName, 'sheetName', LOG_SHEET_NAMES);
  const headerCells = listOf(text, LOG_COLUMNS.length)(header, 'header');
  const isLogHeader = (['en', 'fr'] as const).some(
    (language) =>
      headerCells.length === LOG_COLUMNS.length &&
      LOG_COLUMNS.every((column, index) => headerCells[index] === LOG_HEADERS[language][column]),
  );
  if (!isLogHeader) refuse('header', 'is not the dunning log’s header', 'n’est pas l’en-tête du journal des relances');
  const logRows = table(textOrNumber)(rows, 'rows');
  for (let i = 0; i < logRows.length; i++) {
    if ((logRows[i] as unknown[]).length > LOG_COLUMNS.length)
      refuse(`rows[${i}]`, `has more than ${LOG_COLUMNS.length} cells`, `a plus de ${LOG_COLUMNS.length} cellules`);
  }
  return [name, headerCells, logRows];
}

/**
 * Reading stays inside this spreadsheet (the add-on's scope is the current document only), and
 * the pane reads sheets the user names (a supplier ledger, a payment history): any name, as text.
 */
export function checkReadSheet(name: unknown): string {
  return text(name, 'name');
}

export function checkSheetName(name: unknown): string {
  return existingSheet(name, 'sheetName');
}

const hexColour: Check<string | null> = (value, name) => {
  if (value === null) return null;
  if (typeof value !== 'string' || !/^#[0-9A-Fa-f]{6}$/.test(value))
    refuse(name, 'must be a colour such as #FFD8A8', 'doit être une couleur comme #FFD8A8');
  return value;
};

export function checkColourRules(sheetName: unknown, rules: unknown): [string, ColourRule[]] {
  const name = existingSheet(sheetName, 'sheetName');
  const checked = listOf((value, path) => {
    const rule = record(value, path);
    const formula = text(rule.formula, `${path}.formula`);
    // Only rules we can recognise later, and remove without touching the user's.
    if (!isOurRule(formula)) refuse(`${path}.formula`, 'is not an AgeBucket rule', 'n’est pas une règle AgeBucket');
    const firstRow = count(rule.firstRow, `${path}.firstRow`);
    const lastRow = count(rule.lastRow, `${path}.lastRow`);
    const firstColumn = count(rule.firstColumn, `${path}.firstColumn`);
    const lastColumn = count(rule.lastColumn, `${path}.lastColumn`);
    if (lastRow < firstRow || lastColumn < firstColumn) refuse(path, 'covers no cells', 'ne couvre aucune cellule');
    return {
      ...(rule as unknown as ColourRule),
      formula,
      firstRow,
      lastRow,
      firstColumn,
      lastColumn,
      fill: hexColour(rule.fill, `${path}.fill`),
      fontColor: hexColour(rule.fontColor, `${path}.fontColor`),
      italic: flag(rule.italic, `${path}.italic`),
    };
  }, 50)(rules, 'rules');
  return [name, checked];
}

const chart: Check<ChartSpec | null> = (value, name) => {
  if (value === null) return null;
  const spec = record(value, name);
  return {
    title: text(spec.title, `${name}.title`),
    categoryRow: count(spec.categoryRow, `${name}.categoryRow`),
    firstColumn: count(spec.firstColumn, `${name}.firstColumn`),
    lastColumn: count(spec.lastColumn, `${name}.lastColumn`),
    series: listOf((series, path) => {
      const s = record(series, path);
      return { name: text(s.name, `${path}.name`), row: count(s.row, `${path}.row`) };
    }, 100)(spec.series, `${name}.series`),
  };
};

const cellRange: Check<CellRange> = (value, name) => {
  const r = record(value, name);
  return {
    row: count(r.row, `${name}.row`),
    column: count(r.column, `${name}.column`),
    rows: count(r.rows, `${name}.rows`),
    columns: count(r.columns, `${name}.columns`),
  };
};

/** An optional list of blocks (merges, borders…): absent stays absent. */
function ranges(value: unknown, name: string): { readonly [key: string]: CellRange[] } {
  return value === undefined ? {} : { [name]: listOf(cellRange)(value, `layout.${name}`) };
}

const print: Check<PrintSettings> = (value, name) => {
  const p = record(value, name);
  if (p.orientation !== 'landscape' && p.orientation !== 'portrait')
    refuse(`${name}.orientation`, 'must be "landscape" or "portrait"', 'doit être « landscape » ou « portrait »');
  if (p.paper !== 'A4') refuse(`${name}.paper`, 'must be "A4"', 'doit être « A4 »');
  return {
    orientation: p.orientation,
    paper: 'A4',
    onePage: flag(p.onePage, `${name}.onePage`),
    area: cellRange(p.area, `${name}.area`),
  };
};

export function checkNewSheet(baseName: unknown, layout: unknown): [string, SheetLayout] {
  const name = text(baseName, 'baseName');
  if (name.length > 100) refuse('baseName', 'is longer than 100 characters', 'dépasse 100 caractères');
  const value = record(layout, 'layout');
  return [
    name,
    {
      rows: table((cellValue, path) => cell(cellValue, path) as string | number | null)(value.rows, 'layout.rows'),
      columnFormats: listOf(textOrNull, 18_278)(value.columnFormats, 'layout.columnFormats'),
      boldRows: listOf(count)(value.boldRows, 'layout.boldRows'),
      cellFormats: listOf((format, path) => {
        const f = record(format, path);
        return {
          row: count(f.row, `${path}.row`),
          column: count(f.column, `${path}.column`),
          format: text(f.format, `${path}.format`),
        };
      })(value.cellFormats, 'layout.cellFormats'),
      chart: chart(value.chart ?? null, 'layout.chart'),
      ...ranges(value.merges, 'merges'),
      ...ranges(value.borders, 'borders'),
      ...ranges(value.wrapped, 'wrapped'),
      ...ranges(value.shaded, 'shaded'),
      ...(value.columnWidths === undefined
        ? {}
        : { columnWidths: listOf(count, 18_278)(value.columnWidths, 'layout.columnWidths') }),
      ...(value.print === undefined ? {} : { print: print(value.print, 'layout.print') }),
    },
  ];
}

export function checkSettings(settings: unknown): Record<string, string> {
  const value = record(settings, 'settings');
  const checked: Record<string, string> = {};
  for (const [key, setting] of Object.entries(value)) checked[key] = text(setting, `settings.${key}`);
  if (JSON.stringify(checked).length > MAX_SETTINGS)
    refuse('settings', `are longer than ${MAX_SETTINGS} characters`, `dépassent ${MAX_SETTINGS} caractères`);
  return checked;
}

// ---- letters -----------------------------------------------------------------------------

const letterTable: Check<LetterTable> = (value, name) => {
  const t = record(value, name);
  return {
    headers: lines(t.headers, `${name}.headers`),
    numeric: listOf(flag, 1000)(t.numeric, `${name}.numeric`),
    rows: table(text)(t.rows, `${name}.rows`),
    totals: listOf((pair, path) => {
      const [label, amount] = listOf(text, 2)(pair, path);
      return [label ?? '', amount ?? ''] as const;
    }, 1000)(t.totals, `${name}.totals`),
  };
};

const block: Check<LetterBlock> = (value, name) => {
  const b = record(value, name);
  if (b.kind === 'paragraph') return { kind: 'paragraph', text: text(b.text, `${name}.text`) };
  if (b.kind === 'table') return { kind: 'table', table: letterTable(b.table, `${name}.table`) };
  return refuse(`${name}.kind`, 'must be "paragraph" or "table"', 'doit être « paragraph » ou « table »');
};

const party = (value: unknown, name: string) => {
  const p = record(value, name);
  return { name: text(p.name, `${name}.name`), lines: lines(p.lines, `${name}.lines`) };
};

const letter: Check<Letter> = (value, name) => {
  const l = record(value, name);
  return {
    ...(l as unknown as Letter),
    customer: text(l.customer, `${name}.customer`),
    sender: party(l.sender, `${name}.sender`),
    recipient: party(l.recipient, `${name}.recipient`),
    placeAndDate: text(l.placeAndDate, `${name}.placeAndDate`),
    subject: text(l.subject, `${name}.subject`),
    blocks: listOf(block, 1000)(l.blocks, `${name}.blocks`),
    signature: lines(l.signature, `${name}.signature`),
  };
};

function ourDocuments(): string[] {
  const stored = PropertiesService.getDocumentProperties().getProperty(OUR_DOCUMENTS_KEY);
  try {
    const ids: unknown = stored ? JSON.parse(stored) : [];
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

/** Remembers a Doc this add-on has just created, in this spreadsheet's document properties. */
export function rememberDocument(id: string): void {
  const ids = ourDocuments().filter((known) => known !== id);
  ids.push(id);
  PropertiesService.getDocumentProperties().setProperty(OUR_DOCUMENTS_KEY, JSON.stringify(ids.slice(-REMEMBERED_DOCUMENTS)));
}

export function checkLettersDocument(letters: unknown, title: unknown, documentId: unknown): [Letter[], string, string | null] {
  const checked = listOf(letter, 100_000)(letters, 'letters');
  const name = text(title, 'title');
  const id = textOrNull(documentId, 'documentId');
  if (id !== null && !ourDocuments().includes(id)) throw new AgeBucketError('serverDocumentNotOurs', { id });
  return [checked, name, id];
}

export function checkEmailDrafts(drafts: unknown): EmailDraft[] {
  return listOf((value, name) => {
    const d = record(value, name);
    const to = text(d.to, `${name}.to`);
    // A line break in an address would add headers of its own (a Bcc) to the message.
    if (/[\r\n]/.test(to) || to.length > 1000) refuse(`${name}.to`, 'must be addresses on one line', 'doit tenir sur une ligne');
    return { to, subject: text(d.subject, `${name}.subject`), body: text(d.body, `${name}.body`) };
  }, 100_000)(drafts, 'drafts');
}

// ---- the entry points' wrapper -----------------------------------------------------------

function language(): Language {
  try {
    return SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale().toLowerCase().startsWith('fr') ? 'fr' : 'en';
  } catch {
    return 'en';
  }
}

/**
 * A sidebar entry point: its arguments checked first, then the body. A refusal reaches the
 * sidebar's failure handler in the spreadsheet's language.
 */
export function entryPoint<A extends unknown[], R>(
  check: (...args: unknown[]) => A,
  body: (...args: A) => R,
): (...args: unknown[]) => R {
  return (...args: unknown[]) => {
    let checked: A;
    try {
      checked = check(...args);
    } catch (error) {
      if (error instanceof AgeBucketError) throw new Error(error.localized(language()));
      throw error;
    }
    return body(...checked);
  };
}
