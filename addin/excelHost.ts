// What Excel tells the function bodies: 1900-system serials, today in the workbook's zone
// (the machine's local date, which is what Excel's TODAY() uses), Excel's display language,
// and CustomFunctions.Error for errors. CustomFunctions exists only inside Excel: this is the
// one module that touches it, so the bodies and the tests never do.

import type { HostContext } from '../src/functions/context';
import { dayFromCalendar } from '../src/primitives/dates';
import { AgeBucketError, type Language, languageOfTag } from '../src/primitives/messages';

declare const CustomFunctions: {
  Error: new (code: string, message?: string) => unknown;
  ErrorCode: { invalidValue: string };
};
function displayLanguage(): Language {
  // In the functions' own runtime (or a test) Office may be absent or not yet ready.
  const office = (globalThis as { Office?: { context?: { displayLanguage?: string } } }).Office;
  const tag = office?.context?.displayLanguage;
  return languageOfTag(typeof tag === 'string' ? tag : null);
}

export function cellError(message: string): unknown {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
}

/** Today as Excel's TODAY() sees it: the local calendar date of the machine Excel runs on. */
export function localToday(): number {
  const now = new Date();
  return dayFromCalendar(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

export const excelContext: HostContext = {
  serialSystem: 'excel1900',
  today: localToday,
  cellError,
  // Excel custom functions cannot return a Date: a serial, which a date format shows as a date.
  dateResult: (day) => day + 25569,
  get language() {
    return displayLanguage();
  },
};

/** Runs a function body; an error about the whole call becomes one #VALUE! with its message. */
export function call<T>(body: () => T): T {
  try {
    return body();
  } catch (error) {
    if (error instanceof AgeBucketError) throw cellError(error.message);
    throw error;
  }
}
