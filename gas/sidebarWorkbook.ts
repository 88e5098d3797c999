// The sidebar's side of the Workbook port: each method is a call to the Apps Script server
// through google.script.run, wrapped in a typed promise. Nothing crosses the wire but plain
// data: date cells travel as calendar dates ({ year, month, day }), as the core reads them.

import type { SheetLayout } from '../src/ageing/agedBalanceSheet';
import type { ColourRule } from '../src/ageing/colourRules';
import { parseStoredSettings } from '../src/commands/settings';
import type { LedgerTable } from '../src/ledger/ledger';
import type { Letter } from '../src/letters/letter';
import type { EmailDraft, LettersDocument, Progress, Workbook } from '../src/pane/workbook';
import type { CellValue } from '../src/primitives/cells';
import type { BatchResult } from './letters';

/** The server functions the sidebar calls, with their arguments and results. */
export interface ServerFunctions {
  AgeBucket_today(): number;
  AgeBucket_language(): 'en' | 'fr';
  AgeBucket_readActiveTable(): LedgerTable;
  AgeBucket_sheetNames(): string[];
  AgeBucket_writeNewSheet(baseName: string, layout: SheetLayout): string;
  AgeBucket_applyColourRules(sheetName: string, rules: readonly ColourRule[]): void;
  AgeBucket_removeColourRules(sheetName: string): number;
  AgeBucket_readSheet(name: string): CellValue[][] | null;
  AgeBucket_appendRows(sheetName: string, header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): void;
  AgeBucket_readSettings(): string | null;
  AgeBucket_writeSettings(settings: Record<string, string>): void;
  AgeBucket_writeLettersDocument(
    letters: Letter[],
    title: string,
    documentId: string | null,
  ): BatchResult & { documentId: string; url: string };
  AgeBucket_createEmailDrafts(drafts: EmailDraft[]): BatchResult;
}

interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: Error) => void): ScriptRunner;
  [name: string]: unknown;
}

declare const google: { script: { run: ScriptRunner } };

export function callServer<K extends keyof ServerFunctions>(
  name: K,
  ...args: Parameters<ServerFunctions[K]>
): Promise<ReturnType<ServerFunctions[K]>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as ReturnType<ServerFunctions[K]>))
      .withFailureHandler(reject);
    (runner[name] as (...values: unknown[]) => void)(...args);
  });
}

/** A way to call the server: google.script.run in the sidebar, the script itself in tests. */
export type ServerCall = <K extends keyof ServerFunctions>(
  name: K,
  ...args: Parameters<ServerFunctions[K]>
) => Promise<ReturnType<ServerFunctions[K]>>;

export class SidebarWorkbook implements Workbook {
  readonly kind = 'sheets' as const;

  constructor(private readonly call: ServerCall = callServer) {}

  readActiveTable(): Promise<LedgerTable> {
    return this.call('AgeBucket_readActiveTable');
  }
  sheetNames(): Promise<string[]> {
    return this.call('AgeBucket_sheetNames');
  }
  async writeNewSheet(baseName: string, layout: SheetLayout, progress?: Progress): Promise<string> {
    const name = await this.call('AgeBucket_writeNewSheet', baseName, layout);
    progress?.(layout.rows.length, layout.rows.length);
    return name;
  }
  applyColourRules(sheetName: string, rules: readonly ColourRule[]): Promise<void> {
    return this.call('AgeBucket_applyColourRules', sheetName, rules);
  }
  removeColourRules(sheetName: string): Promise<number> {
    return this.call('AgeBucket_removeColourRules', sheetName);
  }
  readSheet(name: string): Promise<CellValue[][] | null> {
    return this.call('AgeBucket_readSheet', name);
  }
  appendRows(sheetName: string, header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): Promise<void> {
    return this.call('AgeBucket_appendRows', sheetName, header, rows);
  }
  async readSettings(): Promise<Record<string, string>> {
    return parseStoredSettings(await this.call('AgeBucket_readSettings'));
  }
  writeSettings(settings: Record<string, string>): Promise<void> {
    return this.call('AgeBucket_writeSettings', settings);
  }
  async deliverFile(): Promise<'delivered' | 'blocked'> {
    // The sidebar's sandbox cannot save files: Sheets users get a Google Doc instead.
    return 'blocked';
  }

  /** Batch after batch until every letter is in the Doc or a quota stops it. */
  async writeLettersDocument(letters: Letter[], title: string, progress?: Progress): Promise<LettersDocument> {
    let documentId: string | null = null;
    let url = '';
    let written = 0;
    while (written < letters.length) {
      const result: BatchResult & { documentId: string; url: string } = await this.call(
        'AgeBucket_writeLettersDocument',
        letters.slice(written),
        title,
        documentId,
      );
      documentId = result.documentId || documentId;
      url = result.url || url;
      written += result.done;
      progress?.(written, letters.length);
      if (result.stopped !== null || result.done === 0) return { url, written, stopped: result.stopped ?? 'no progress' };
    }
    return { url, written, stopped: null };
  }

  async createEmailDrafts(drafts: EmailDraft[], progress?: Progress): Promise<{ created: number; stopped: string | null }> {
    let created = 0;
    while (created < drafts.length) {
      const result = await this.call('AgeBucket_createEmailDrafts', drafts.slice(created));
      created += result.done;
      progress?.(created, drafts.length);
      if (result.stopped !== null || result.done === 0) return { created, stopped: result.stopped ?? 'no progress' };
    }
    return { created, stopped: null };
  }
}
