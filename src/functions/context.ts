// What a host tells the host-neutral function bodies: how it counts dates, what today is in
// the workbook's time zone, and how it shows an error in one cell. The bodies build the
// host's own error values directly so a million-cell spill needs no second pass.

import type { DayNumber, SerialSystem } from '../primitives/dates';
import type { Language } from '../primitives/messages';

export interface HostContext {
  /** Excel: 'excel1900' (serial 60 is the fake 1900-02-29); Sheets: 'sheets'. */
  readonly serialSystem: SerialSystem;
  /** Today in the workbook's time zone; called only when as_of is omitted. */
  readonly today: () => DayNumber;
  /** Excel: a CustomFunctions.Error(invalidValue, message); Sheets: the text "#VALUE! message". */
  readonly cellError: (message: string) => unknown;
  /** Excel: a serial number; Sheets: a Date at midnight in the spreadsheet's time zone. */
  readonly dateResult: (day: DayNumber) => unknown;
  /** Language of default labels and stage names: Excel's display language, the spreadsheet's locale. */
  readonly language: Language;
}

/** A cell argument: one value, or a range (rows of cells). */
export type Argument = unknown;
export type Matrix = readonly (readonly unknown[])[];

export function isMatrix(value: unknown): value is Matrix {
  return Array.isArray(value) && (value.length === 0 || Array.isArray(value[0]));
}
