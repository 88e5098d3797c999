// Ageing buckets: which range of days overdue an open item falls in. Upper bounds are
// inclusive (30 days overdue is in 1-30), the edge that spreadsheet templates most often get
// wrong with a `<` where a `<=` belongs.

import { fail, type Language } from '../primitives/messages';

export const DEFAULT_BOUNDARIES: readonly number[] = [30, 60, 90];

export interface Buckets {
  /** Ascending positive whole numbers of days overdue; each is the last day of its bucket. */
  readonly boundaries: readonly number[];
  /** boundaries.length + 2 labels: not due, one per boundary, and the open-ended last. */
  readonly labels: readonly string[];
}

export type AgeingBasis = 'dueDate' | 'invoiceDate';

const NOT_DUE: Record<Language, string> = { en: 'Not due', fr: 'Non échu' };

export function defaultBucketLabels(boundaries: readonly number[], language: Language = 'en'): string[] {
  const labels = [NOT_DUE[language]];
  let from = 1;
  for (const to of boundaries) {
    labels.push(`${from}-${to}`);
    from = to + 1;
  }
  labels.push(`${from}+`);
  return labels;
}

export function validateBoundaries(boundaries: readonly number[]): readonly number[] {
  if (boundaries.length === 0) fail('boundariesEmpty');
  boundaries.forEach((value, index) => {
    if (!Number.isInteger(value) || value < 1) fail('boundaryNotWhole', { value });
    const previous = boundaries[index - 1];
    if (previous !== undefined && value <= previous) fail('boundariesNotAscending', { value, previous });
  });
  return boundaries;
}

export function makeBuckets(
  boundaries: readonly number[] = DEFAULT_BOUNDARIES,
  labels?: readonly string[],
  language: Language = 'en',
): Buckets {
  validateBoundaries(boundaries);
  const expected = boundaries.length + 2;
  if (labels === undefined) return { boundaries: [...boundaries], labels: defaultBucketLabels(boundaries, language) };
  if (labels.length !== expected) fail('labelsCount', { count: labels.length, expected });
  const seen = new Set<string>();
  for (const label of labels) {
    if (seen.has(label)) fail('labelsDuplicate', { value: label });
    seen.add(label);
  }
  return { boundaries: [...boundaries], labels: [...labels] };
}

/** 0 is "not due", i is the bucket ending at boundaries[i-1], boundaries.length+1 the last. */
export function bucketIndex(daysOverdue: number, boundaries: readonly number[]): number {
  if (daysOverdue <= 0) return 0;
  const count = boundaries.length;
  for (let i = 0; i < count; i++) {
    if (daysOverdue <= (boundaries[i] as number)) return i + 1;
  }
  return count + 1;
}

/** "30, 60, 90" or "30;60;90" typed in the pane. */
export function parseBoundaries(text: string): readonly number[] {
  const parts = text
    .split(/[;,\s]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  return validateBoundaries(
    parts.map((part) => {
      const value = Number(part);
      if (!Number.isInteger(value) || value < 1) fail('boundaryNotWhole', { value: part });
      return value;
    }),
  );
}
