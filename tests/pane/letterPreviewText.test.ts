// The preview's navigator in both languages, counts written as each language writes them.

import { paneText } from '../../src/pane/messages';

describe('the letters preview navigator', () => {
  test('English: "Letter 3 of 2,410"', () => {
    const { t } = paneText('en');
    expect(t.letterOf(3, 2410)).toBe('Letter 3 of 2,410');
    expect(t.matchOf(1, 1)).toBe('match 1 of 1');
    expect(t.matches(1)).toBe('1 match');
    expect(t.matches(1200)).toBe('1,200 matches');
    expect(t.noLetterFor('Dupont')).toBe('no letter for “Dupont”');
  });

  test('French: "Lettre 3 sur 2 410", thousands apart with a narrow no-break space', () => {
    const { t } = paneText('fr');
    expect(t.letterOf(3, 2410)).toBe('Lettre 3 sur 2\u202f410');
    expect(t.matchOf(2, 5)).toBe('résultat 2 sur 5');
    expect(t.matches(1)).toBe('1 résultat');
    expect(t.matches(2)).toBe('2 résultats');
    expect(t.noLetterFor('Dupont')).toBe('aucune lettre pour « Dupont »');
  });
});
