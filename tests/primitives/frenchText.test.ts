// French as a French reader expects it: a space before the colon, no English words left in the
// tables, numbers and half-years as French writes them. Scans every French message of the
// core's table and every French text of the pane's, so a new entry is checked the day it lands.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { makeCollectionCurve } from '../../src/ageing/collection';
import { type CompanyDetails, checkCompanyForLetters } from '../../src/letters/letter';
import { paneText } from '../../src/pane/messages';
import { statutoryRate } from '../../src/penalties/statutoryRates';
import { parseTextDate } from '../../src/primitives/dates';
import { halfYearText, numberText, percentText } from '../../src/primitives/localeText';
import { AgeBucketError, groupMessages, type Language, messages } from '../../src/primitives/messages';

/** A colon right after a letter, digit, closing quote or placeholder, followed by a space or the end. */
const COLON_WITHOUT_SPACE = /[^\s\u00A0\u202F]:(\s|$)/;
// Words the English tables use all the time and French never does; quoted names (« … », "…")
// are the user's or a column's and are left out of the scan.
// Whole words only: "notée" or "rate" inside "taux" are not English (letters of any script bound a word).
const ENGLISH_WORDS =
  /(?<!\p{L})(the|must|should|is|are|not|with|and|or|of|to|give|choose|write|enter|rows?|column|stage|rate|invoice|amount|customer|please|looks|entered|nothing|found)(?!\p{L})/iu;
// French contracts « de le », « de les », « à le », « à les » into du, des, au, aux: the
// uncontracted forms are never written (Grevisse, Le Bon Usage, § 580), and they appear when a
// placeholder holding « le nom » follows « de » in a template.
const UNCONTRACTED = /(?<!\p{L})(de|à) (le|les)(?!\p{L})/iu;
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
  test.each(coreFrench)('%s: « du », « des », « au », « aux », never « de le », « à les »', (_, text) => {
    expect(unquoted(text)).not.toMatch(UNCONTRACTED);
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
  test.each(texts)('%s: « du », « des », « au », « aux », never « de le », « à les »', (_, text) => {
    expect(unquoted(text)).not.toMatch(UNCONTRACTED);
  });
});

/**
 * The texts the code puts into a message's placeholders: a reason, a half-year, an error's own
 * message. The scan above sees `{reason}`, not what fills it, so a French message could still
 * end in English. Every call that names a message code with its parameters (fail, new
 * AgeBucketError, a helper that takes the same pair) is read from the sources: a parameter that
 * is prose (two words or more) written in one language and put into both languages' texts, or another error's `.message`
 * (English), is English left in the French message. Such texts are given as { en, fr }.
 */
function monolingualParameters(): string[] {
  const found: string[] = [];
  const root = join(__dirname, '..', '..', 'src');
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory()
        ? files(join(dir, entry.name))
        : /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')
          ? [join(dir, entry.name)]
          : [],
    );
  const prose = (text: string) => /\p{L}{2,}\s+\p{L}{2,}/u.test(text);
  for (const file of files(root)) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const where = (node: ts.Node) =>
      `${file.slice(root.length + 1)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const visit = (node: ts.Node): void => {
      if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && node.arguments && node.arguments.length >= 2) {
        const [code, params] = node.arguments;
        if (
          code &&
          params &&
          ts.isStringLiteral(code) &&
          Object.hasOwn(messages, code.text) &&
          ts.isObjectLiteralExpression(params)
        ) {
          const templates = messages[code.text as keyof typeof messages] as { en: string; fr: string };
          for (const property of params.properties) {
            if (!ts.isPropertyAssignment(property)) continue;
            const value = property.initializer;
            const key = property.name.getText(source);
            // A pair of parameters, one for each language's template (ledger / grandLivre), is fine.
            if (!templates.fr.includes(`{${key}}`) || !templates.en.includes(`{${key}}`)) continue;
            const name = `${code.text}.${key}`;
            if ((ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value)) && prose(value.text))
              found.push(`${where(value)} ${name}: "${value.text}"`);
            if (ts.isTemplateExpression(value)) {
              const literal = [value.head.text, ...value.templateSpans.map((span) => span.literal.text)].join(' X ');
              if (prose(literal)) found.push(`${where(value)} ${name}: \`${literal}\``);
            }
            if (ts.isPropertyAccessExpression(value) && value.name.text === 'message')
              found.push(`${where(value)} ${name}: ${value.getText(source)} (an error's English message)`);
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

describe('the texts put into the core’s messages', () => {
  test('no parameter is prose in one language, nor another error’s English message', () => {
    expect(monolingualParameters()).toEqual([]);
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

describe('French messages the core builds, read whole', () => {
  const thrown = (run: () => unknown): AgeBucketError => {
    try {
      run();
    } catch (error) {
      if (error instanceof AgeBucketError) return error;
      throw error;
    }
    throw new Error('no error thrown');
  };
  test('letters refused for a company left blank: « ont besoin du nom », for every blank left', () => {
    const company: CompanyDetails = {
      name: 'Durand SARL',
      address: '12 rue de la Paix, 75002 Paris',
      legalForm: 'SARL au capital de 10 000 €',
      registration: 'RCS Paris 123 456 789',
      iban: 'FR76 3000 6000 0112 3456 7890 189',
      email: '',
      phone: '',
      city: 'Paris',
    };
    const blanks = [
      { name: '' },
      { address: '' },
      { iban: '' },
      { name: '', address: '' },
      { name: '', iban: '' },
      { address: '', iban: '' },
      { name: '', address: '', iban: '' },
    ];
    const texts = blanks.map((blank) => {
      const error = thrown(() => checkCompanyForLetters({ ...company, ...blank }, true));
      expect(error.code).toBe('companyIncomplete');
      return error.localized('fr');
    });
    for (const text of texts) {
      expect(text).not.toMatch(UNCONTRACTED);
      expect(unquoted(text)).not.toMatch(ENGLISH_WORDS);
    }
    expect(texts[0]).toBe(
      'les lettres ont besoin du nom de votre société, à renseigner dans Paramètres › Votre société ; rien n’a été produit ni journalisé',
    );
    expect(texts[6]).toBe(
      'les lettres ont besoin du nom, de l’adresse et de l’IBAN (les lettres demandent un virement) de votre société, à renseigner dans Paramètres › Votre société ; rien n’a été produit ni journalisé',
    );
    expect(thrown(() => checkCompanyForLetters({ ...company, name: '' }, true)).message).toBe(
      'letters need your company’s name: fill them in Settings › Your company; nothing was generated or logged',
    );
  });
  test('a collection curve refused says why in French', () => {
    const errors = [
      thrown(() => makeCollectionCurve([])),
      thrown(() => makeCollectionCurve([{ daysOverdue: Number.NaN, probability: 0.5 }])),
      thrown(() => makeCollectionCurve([{ daysOverdue: 30, probability: 95 }])),
      thrown(() =>
        makeCollectionCurve([
          { daysOverdue: 60, probability: 0.9 },
          { daysOverdue: 30, probability: 0.8 },
        ]),
      ),
    ];
    for (const error of errors) {
      expect(error.code).toBe('curveInvalid');
      expect(unquoted(error.localized('fr'))).not.toMatch(ENGLISH_WORDS);
    }
    expect(errors[2]?.localized('fr')).toBe('courbe de recouvrement : la probabilité 95 doit être entre 0 et 1 (0,95 pour 95 %)');
  });
  test('no statutory rate on file: « le 1er semestre 2027 », never 2027-H1, in French', () => {
    const error = thrown(() => statutoryRate('FR', parseTextDate('2027-03-01')));
    const fr = error.localized('fr');
    expect(fr).toContain('pour le 1er semestre 2027 (2027-03-01)');
    expect(fr).not.toMatch(/\d{4}-H[12]/);
    expect(error.localized('en')).toContain('for 2027-H1 (2027-03-01)');
    // Said once for many accounts, without the date: the same French half-year.
    const [grouped] = groupMessages([{ account: 'Dupont SA', error }], 'fr');
    expect(grouped?.text).toContain('pour le 1er semestre 2027 ;');
    expect(grouped?.text).not.toMatch(/\d{4}-H[12]/);
  });
});
