// Names for the sheets the add-in writes. A sheet name holds at most 31 characters and none
// of : \ / ? * [ ]; and an existing sheet is never overwritten: a new name is found instead.

const FORBIDDEN = /[:\\/?*[\]]/g;
const MAX_LENGTH = 31;

export function uniqueSheetName(base: string, existing: readonly string[]): string {
  const clean = base.replace(FORBIDDEN, '-').trim().slice(0, MAX_LENGTH) || 'Sheet';
  const taken = new Set(existing.map((name) => name.toLowerCase()));
  if (!taken.has(clean.toLowerCase())) return clean;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${clean.slice(0, MAX_LENGTH - suffix.length)}${suffix}`;
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
