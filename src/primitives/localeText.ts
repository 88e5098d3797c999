// Numbers, percentages, half-years and name order as each language writes them, for the core's
// messages and the sheets it lays out: a French reader sees "2,75 %", "2e semestre 2026" and
// "Électricité" among the Es, an English one "2.75%", "2026-H2" and the same order.

import type { Language } from './messages';

/** The locale each language's numbers and name order follow. */
export const LOCALE_OF: Readonly<Record<Language, string>> = { en: 'en-GB', fr: 'fr-FR' };

/** A text in both languages: a message parameter the message picks in its own language. */
export interface Localized {
  readonly en: string;
  readonly fr: string;
}

export function inBothLanguages(make: (language: Language) => string): Localized {
  return { en: make('en'), fr: make('fr') };
}

// Intl writes French numbers with a narrow no-break space (U+202F); the core's amounts and
// letters use the no-break space (U+00A0): one space for every French number the core writes.
const NARROW_NBSP = /\u202F/g;
const NBSP = '\u00A0';

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(language: Language, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${language} ${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE_OF[language], options);
    numberFormats.set(key, format);
  }
  return format;
}

/** "2,170" in English, "2 170" in French; decimals as given, up to `maxDecimals`. */
export function numberText(value: number, language: Language, maxDecimals = 2): string {
  return numberFormat(language, { maximumFractionDigits: maxDecimals }).format(value).replace(NARROW_NBSP, NBSP);
}

/** A fraction as a percentage: 0.1215 → "12.15%" in English, "12,15 %" in French. */
export function percentText(fraction: number, language: Language, maxDecimals = 3): string {
  return numberFormat(language, { style: 'percent', maximumFractionDigits: maxDecimals })
    .format(fraction)
    .replace(NARROW_NBSP, NBSP);
}

/** A half-year key ("2026-H2") as a reader says it: "2026-H2", « 2e semestre 2026 ». */
export function halfYearText(halfYear: string, language: Language): string {
  const match = /^(\d{4})-H([12])$/.exec(halfYear);
  if (!match || language === 'en') return halfYear;
  return `${match[2] === '1' ? '1er' : '2e'} semestre ${match[1]}`;
}

const collators = new Map<Language, Intl.Collator>();
/**
 * Compares names as the language sorts them: case and accents second ("Bâtiment" before
 * "Brightwater", "Électricité" among the Es), numbers by value ("Client 2" before "Client 10").
 * The same order as the pane's lists.
 */
export function compareNames(language: Language): (a: string, b: string) => number {
  let collator = collators.get(language);
  if (!collator) {
    collator = new Intl.Collator(LOCALE_OF[language], { sensitivity: 'base', numeric: true });
    collators.set(language, collator);
  }
  const compare = collator.compare;
  // Names equal but for case or accents keep one fixed order (code points), so a sheet is the same every time.
  return (a, b) => compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** "Something: detail" with the colon each language writes: French puts a no-break space before it. */
export function colon(language: Language): string {
  return language === 'fr' ? `${NBSP}: ` : ': ';
}

/**
 * A number for a field the user edits, in their language, that reads back as itself: a whole
 * number without decimals ("1 000", "1,000"), else with two, as amounts are written ("900,50").
 */
export function editableNumberText(value: number, language: Language): string {
  const decimals = Number.isInteger(value) ? 0 : 2;
  return numberFormat(language, { minimumFractionDigits: decimals, maximumFractionDigits: decimals })
    .format(value)
    .replace(NARROW_NBSP, NBSP);
}
