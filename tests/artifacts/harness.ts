// Loads what users actually receive: dist/addin/functions.js in a plain context holding only
// CustomFunctions and Office stubs, and dist/gas/Code.js in a context holding only fakes of
// the Apps Script services it uses. Nothing from Node leaks into either context.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import * as acorn from 'acorn';
import { requireFreshBuild } from '../freshBuild';

requireFreshBuild();

export const DIST = join(__dirname, '..', '..', 'dist');

function readArtifact(path: string): string {
  const full = join(DIST, path);
  if (!existsSync(full)) throw new Error(`dist/${path} is missing: run npm run build first (npm test does)`);
  return readFileSync(full, 'utf8');
}

export class ExcelError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

export type Registered = Record<string, (...args: unknown[]) => unknown>;

export function loadExcelFunctions(options: { displayLanguage?: string } = {}): Registered {
  const registered: Registered = {};
  const context = vm.createContext({
    CustomFunctions: {
      associate: (id: string, fn: (...args: unknown[]) => unknown) => {
        registered[id] = fn;
      },
      Error: ExcelError,
      ErrorCode: { invalidValue: '#VALUE!' },
    },
    Office: {
      onReady: () => Promise.resolve({ host: null, platform: null }),
      ...(options.displayLanguage ? { context: { displayLanguage: options.displayLanguage } } : {}),
    },
  });
  vm.runInContext(readArtifact('addin/functions.js'), context, { filename: 'functions.js' });
  return registered;
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** An instant's offset from UTC in a zone, in minutes, from the platform's time-zone data. */
export function offsetMinutes(instant: number, timeZone: string): number {
  let format = offsetFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsetFormats.set(timeZone, format);
  }
  const name = format.formatToParts(new Date(instant)).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

/** One formatter per zone: building an Intl.DateTimeFormat costs far more than using one. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** `Utilities.formatDate` as Apps Script answers it, from the platform's time-zone data (Intl). */
export function formatDate(date: Date, timeZone: string, pattern: string): string {
  const instant = date.getTime();
  if (pattern === 'Z') {
    const minutes = offsetMinutes(instant, timeZone);
    const abs = Math.abs(minutes);
    return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
  }
  if (pattern === 'yyyy-MM-dd') {
    let format = dayFormats.get(timeZone);
    if (format === undefined) {
      format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
      dayFormats.set(timeZone, format);
    }
    const parts = format.formatToParts(new Date(instant));
    const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
    return `${get('year')}-${get('month')}-${get('day')}`;
  }
  throw new Error(`the Utilities fake does not know the pattern ${pattern}`);
}

export interface SheetsProject {
  readonly global: Record<string, unknown> & Record<string, (...args: unknown[]) => unknown>;
  /** A Date made inside the script's context, at midnight of that day in the spreadsheet's zone. */
  readonly sheetDate: (iso: string) => Date;
  readonly calls: string[];
  /** Calls of Utilities.formatDate so far. */
  readonly formatDateCalls: () => number;
}

export function loadSheetsProject(options: { timeZone: string; locale?: string }): SheetsProject {
  const code = readArtifact('gas/Code.js');
  // Apps Script runs Code.js as a classic script: an import or export would not even parse.
  acorn.parse(code, { ecmaVersion: 2020, sourceType: 'script' });
  const calls: string[] = [];
  let formatDateCalls = 0;
  const spreadsheet = {
    getSpreadsheetTimeZone: () => {
      calls.push('getSpreadsheetTimeZone');
      return options.timeZone;
    },
    getSpreadsheetLocale: () => options.locale ?? 'en_US',
  };
  const context = vm.createContext({
    SpreadsheetApp: { getActiveSpreadsheet: () => spreadsheet },
    Utilities: {
      formatDate: (date: Date, timeZone: string, pattern: string) => {
        formatDateCalls++;
        return formatDate(date, timeZone, pattern);
      },
    },
    Session: { getScriptTimeZone: () => 'America/New_York' },
  });
  vm.runInContext(code, context, { filename: 'Code.js' });
  const ContextDate = vm.runInContext('Date', context) as DateConstructor;
  const sheetDate = (iso: string): Date => {
    const utcMidnight = Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
    let instant = utcMidnight - offsetMinutes(utcMidnight, options.timeZone) * 60_000;
    instant = utcMidnight - offsetMinutes(instant, options.timeZone) * 60_000;
    return new ContextDate(instant);
  };
  return { global: context as SheetsProject['global'], sheetDate, calls, formatDateCalls: () => formatDateCalls };
}
