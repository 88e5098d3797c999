// Names for the sheets the add-in writes, valid in every host: Excel's rules are the strictest
// (at most 31 characters; none of : \ / ? * [ ]; no apostrophe at either end; "History" kept by
// Excel for itself; no two names equal whatever their case). An existing sheet is never
// overwritten: a new name is found instead.

const FORBIDDEN = /[:\\/?*[\]]/g;
const MAX_LENGTH = 31;
/** Excel refuses this name for a sheet (it names the change-history sheet of shared workbooks). */
const RESERVED = new Set(['history']);
/** Our names end with the day they were made for: a name cut to length keeps it. */
const TRAILING_DATE = / \d{4}-\d{2}-\d{2}$/;

/** The name cut to `length` characters, keeping a trailing date, with no apostrophe or space at either end. */
function cutTo(name: string, length: number): string {
  if (name.length <= length) return name;
  const date = TRAILING_DATE.exec(name)?.[0] ?? '';
  const room = length - date.length;
  if (date === '' || room < 4) return tidy(name.slice(0, length));
  // Words cut short end without a dangling space or dash before the date.
  const words = tidy(name.slice(0, name.length - date.length).slice(0, room)).replace(/[\s\-–—]+$/, '');
  return `${words}${date}`;
}

function tidy(name: string): string {
  return name.replace(/^['\s]+|['\s]+$/g, '');
}

export function uniqueSheetName(base: string, existing: readonly string[]): string {
  const clean = cutTo(tidy(base.replace(FORBIDDEN, '-')), MAX_LENGTH) || 'Sheet';
  const taken = new Set(existing.map((name) => name.toLowerCase()));
  for (const reserved of RESERVED) taken.add(reserved);
  if (!taken.has(clean.toLowerCase())) return clean;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${cutTo(clean, MAX_LENGTH - suffix.length)}${suffix}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** "A", "B" … "Z", "AA" …: the column letters of a 0-based index. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
