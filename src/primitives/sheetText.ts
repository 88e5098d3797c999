// Text written into a sheet must stay text: a customer named =HYPERLINK("http://x") or an
// amount shown as -45,00 € must not become a formula or a number. Both hosts write through this.
// A text that starts with an apostrophe ('s-Hertogenbosch) gets one more: both hosts hide the
// first apostrophe of what is typed, and would drop the customer's own.

const FORMULA_START = /^[=+\-@']/;

/** The value to write so the sheet shows exactly this text (a leading apostrophe is hidden by both hosts). */
export function sheetText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The same for a whole table of values; numbers and booleans pass unchanged. */
export function sheetValues(
  rows: ReadonlyArray<ReadonlyArray<string | number | boolean>>,
): Array<Array<string | number | boolean>> {
  return rows.map((row) => row.map((value) => (typeof value === 'string' ? sheetText(value) : value)));
}
