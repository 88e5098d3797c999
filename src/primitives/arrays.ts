// Arrays as long as a sheet. `Math.max(...values)`, `rows.push(...more)` and `f.apply(null, values)`
// pass every element as an argument, and V8 overflows its stack past about 125,000 of them: a
// ledger of 200,000 rows would stop the command. These loop instead.

/** The length of the longest row, at least `atLeast`. */
export function widestRow(rows: ReadonlyArray<{ readonly length: number }>, atLeast = 0): number {
  let widest = atLeast;
  for (const row of rows) if (row.length > widest) widest = row.length;
  return widest;
}

/** The largest value, at least `atLeast` (−∞ when left out, as `Math.max()` of nothing). */
export function largest(values: Iterable<number>, atLeast = Number.NEGATIVE_INFINITY): number {
  let result = atLeast;
  for (const value of values) if (value > result) result = value;
  return result;
}

/** Appends every item to `target`, one at a time. */
export function appendAll<T>(target: T[], items: Iterable<T>): void {
  for (const item of items) target.push(item);
}
