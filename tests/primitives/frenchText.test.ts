// French as a French reader expects it: a space before the colon, no English words left in the
// tables, numbers and half-years as French writes them. Scans every French message of the
// core's table and every French text of the pane's, so a new entry is checked the day it lands.

import { paneText } from '../../src/pane/messages';
import { halfYearText, numberText, percentText } from '../../src/primitives/localeText';
import { type Language, messages } from '../../src/primitives/messages';

/** A colon right after a letter, digit, closing quote or placeholder, followed by a space or the end. */
const COLON_WITHOUT_SPACE = /[^\s\u00A0\u202F]:(\s|$)/;
// Words the English tables use all the time and French never does; quoted names (« … », "…")
// are the user's or a column's and are left out of the scan.
// Whole words only: "notée" or "rate" inside "taux" are not English (letters of any script bound a word).
const ENGLISH_WORDS =
  /(?<!\p{L})(the|must|should|is|are|not|with|and|or|of|to|give|choose|write|enter|rows?|column|stage|rate|invoice|amount|customer|please|looks|entered|nothing|found)(?!\p{L})/iu;
const unquoted = (text: string) => text.replace(/«[^»]*»|"[^"]*"|`[^`]*`/g, '« »');

const coreFrench = Object.entries(messages).map(([code, t]) => [code, t.fr.replace(/\{\w+\}/g, 'X')] as const);

/** The pane's texts, functions called with sample arguments (a number or a name, whichever they take). */
function paneTexts(language: Language): Array<readonly [string, string]> {
  const found: Array<readonly [string, string]> = [];
  const visit = (key: string, value: unknown) => {
    if (typeof value === 'string') found.push([key, value]);
    else if (typeof value === 'function') {
      for (const args of [
        [2, 3, 4],
        ['Feuille', 'Nom', 'Autre'],
        [2, 'Feuille', 'Autre'],
      ]) {
        try {
          const text = (value as (...a: unknown[]) => unknown)(...args);
          if (typeof text === 'string') {
            found.push([key, text]);
            return;
          }
        } catch {
          // an argument of another shape: try the next
        }
      }
    } else if (value && typeof value === 'object') {
      for (const [inner, v] of Object.entries(value)) visit(`${key}.${inner}`, v);
    }
  };
  for (const [key, value] of Object.entries(paneText(language).t)) visit(key, value);
  return found;
}

describe('every French message of the core', () => {
  test.each(coreFrench)('%s: a space before each colon', (_, text) => {
    expect(text).not.toMatch(COLON_WITHOUT_SPACE);
  });
  test.each(coreFrench)('%s: no English word', (_, text) => {
    expect(unquoted(text)).not.toMatch(ENGLISH_WORDS);
  });
});

describe('every French text of the pane', () => {
  const texts = paneTexts('fr');
  test('the scan reads the pane’s texts', () => expect(texts.length).toBeGreaterThan(200));
  test.each(texts)('%s: a space before each colon', (_, text) => {
    expect(text).not.toMatch(COLON_WITHOUT_SPACE);
  });
  test.each(texts)('%s: no English word', (_, text) => {
    expect(unquoted(text)).not.toMatch(ENGLISH_WORDS);
  });
});

describe('numbers as each language writes them', () => {
  test('counts: 2,466 in English, 2 466 in French (a no-break space, as amounts use)', () => {
    expect(numberText(2466, 'en')).toBe('2,466');
    expect(numberText(2466, 'fr')).toBe('2\u00A0466');
  });
  test('percentages: 2.75% and 8.25% in English, 2,75 % and 8,25 % in French', () => {
    expect(percentText(0.0275, 'en')).toBe('2.75%');
    expect(percentText(0.0825, 'fr')).toBe('8,25\u00A0%');
    expect(percentText(0.1215, 'fr')).toBe('12,15\u00A0%');
  });
  test('half-years: « 1er semestre 2026 », « 2e semestre 2026 »', () => {
    expect(halfYearText('2026-H1', 'fr')).toBe('1er semestre 2026');
    expect(halfYearText('2026-H2', 'fr')).toBe('2e semestre 2026');
    expect(halfYearText('2026-H2', 'en')).toBe('2026-H2');
  });
});
