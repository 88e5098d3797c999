// The Workbook port: everything the pane needs from a spreadsheet, and nothing else. Three
// adapters implement it: Excel (Office.js), Sheets (server functions behind
// google.script.run) and Preview (an in-browser workbook). The pane never asks which.

import type { SheetLayout } from '../ageing/agedBalanceSheet';
import type { ColourRule } from '../ageing/colourRules';
import type { LedgerTable } from '../ledger/ledger';
import type { CompanyDetails, Letter } from '../letters/letter';
import type { CellValue } from '../primitives/cells';

export type { LedgerTable };

export type Progress = (done: number, total: number) => void;

export interface Workbook {
  readonly kind: 'excel' | 'sheets' | 'preview';
  /** The table under the selection, else the active sheet's used range. */
  readActiveTable(): Promise<LedgerTable>;
  sheetNames(): Promise<string[]>;
  /** Writes a new sheet under a name no sheet has yet; returns the name used. */
  writeNewSheet(baseName: string, layout: SheetLayout, progress?: Progress): Promise<string>;
  /** Replaces our colour rules on that sheet (the user's own stay as they are). */
  applyColourRules(sheetName: string, rules: readonly ColourRule[]): Promise<void>;
  /** Removes only our rules; returns how many were removed. */
  removeColourRules(sheetName: string): Promise<number>;
  /** A sheet's values, or null when there is no such sheet. */
  readSheet(name: string): Promise<CellValue[][] | null>;
  /** Appends rows under a sheet's last row, creating it with the header if missing. */
  appendRows(sheetName: string, header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): Promise<void>;
  readSettings(): Promise<Record<string, string>>;
  writeSettings(settings: Record<string, string>): Promise<void>;
  /**
   * Preview: the sample's firm, and whether `ledgerSheet` is the sample's ledger (not a file the
   * user loaded or imported), for letterSender. Excel and Sheets have no sample: their letters
   * are signed by what the user typed in Settings.
   */
  sampleSender?(ledgerSheet: string): { readonly sender: CompanyDetails; readonly sampleLedger: boolean } | null;
  /** Offers a file to the user; "blocked" when the host cannot save files. */
  deliverFile(name: string, bytes: Uint8Array, mimeType: string): Promise<'delivered' | 'blocked'>;
  /** Sheets: the letters in one Google Doc, one per page, written in batches. */
  writeLettersDocument?(letters: Letter[], title: string, progress?: Progress): Promise<LettersDocument>;
  /** Sheets: a Gmail draft per letter, stopping cleanly at the daily quota. */
  createEmailDrafts?(drafts: EmailDraft[], progress?: Progress): Promise<{ created: number; stopped: string | null }>;
}

export interface LettersDocument {
  readonly url: string;
  readonly written: number;
  /** Why it stopped before the end (a quota), or null. */
  readonly stopped: string | null;
}

export interface EmailDraft {
  readonly to: string;
  readonly subject: string;
  readonly body: string;
}
