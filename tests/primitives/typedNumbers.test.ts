// Numbers typed in the pane's fields (the dunning policy's minimum amount, its days), read and
// written back in the pane's language: what a French or English credit manager types is what
// they meant, and the field shows it again as they would write it.

import { editableNumberText } from '../../src/primitives/localeText';
import type { Language } from '../../src/primitives/messages';
import { numberFromTyped } from '../../src/primitives/money';

describe('numberFromTyped', () => {
  test.each<[string, Language, number]>([
    ['1 000', 'fr', 1000],
    ['1\u00a0000', 'fr', 1000],
    ['1\u202f000', 'fr', 1000],
    ['1 000', 'en', 1000],
    ['1,000', 'en', 1000],
    ['1.000', 'fr', 1000],
    ['12,345,678', 'en', 12345678],
    ['900,50', 'fr', 900.5],
    ['900,50', 'en', 900.5],
    ['900.50', 'fr', 900.5],
    ['1,000.50', 'en', 1000.5],
    ['1.000,50', 'fr', 1000.5],
    ['1 000,50 €', 'fr', 1000.5],
    ['10,5', 'fr', 10.5],
    ['1,5', 'en', 1.5],
    ['0', 'fr', 0],
    ['-3', 'en', -3],
  ])('%j in %s is %d', (typed, language, expected) => {
    expect(numberFromTyped(typed, language)).toBe(expected);
  });
  test('text that is no number is refused, saying what to type', () => {
    expect(() => numberFromTyped('mille', 'fr')).toThrow(/n'est pas un montant|is not an amount/);
    expect(() => numberFromTyped('1,00,0', 'en')).toThrow();
  });
});

describe('editableNumberText reads back as itself', () => {
  test('French: spaces for thousands, decimal comma, cents when there are any', () => {
    expect(editableNumberText(1000, 'fr')).toBe('1\u00a0000');
    expect(editableNumberText(900.5, 'fr')).toBe('900,50');
    expect(editableNumberText(10, 'fr')).toBe('10');
  });
  test('English: commas for thousands, decimal point', () => {
    expect(editableNumberText(1000, 'en')).toBe('1,000');
    expect(editableNumberText(900.5, 'en')).toBe('900.50');
  });
  test('round trip in both languages', () => {
    for (const language of ['en', 'fr'] as const) {
      for (const value of [0, 7, 1000, 900.5, 1234567.89, 15]) {
        expect(numberFromTyped(editableNumberText(value, language), language)).toBe(value);
      }
    }
  });
});
