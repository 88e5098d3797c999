// What the add-in writes into sheets: text that stays text, and names that never take an
// existing sheet.
import { uniqueSheetName } from '../../src/primitives/sheetNames';
import { sheetText, sheetValues } from '../../src/primitives/sheetText';

describe('text that a sheet would read as a formula is written as text', () => {
  // Excel and Sheets both start a formula at =, + and - (and Excel at @): each is escaped.
  test.each([
    ['=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'],
    ['+33 1 23 45 67 89', "'+33 1 23 45 67 89"],
    ['-45,00 €', "'-45,00 €"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['+cmd|" /C calc"!A0', '\'+cmd|" /C calc"!A0'],
    // The host hides the first apostrophe: the customer's own needs one before it.
    ["'s-Hertogenbosch BV", "''s-Hertogenbosch BV"],
  ])('%s', (text, written) => expect(sheetText(text)).toBe(written));
  test.each(['Dupont SA', 'a=b', 'x+y', ' =1', 'e-mail', ''])('"%s" is left as it is', (text) =>
    expect(sheetText(text)).toBe(text),
  );
  test('in a table, only text is touched: numbers and booleans are values', () => {
    expect(sheetValues([['+1', 1, true, '@x', -4]])).toEqual([["'+1", 1, true, "'@x", -4]]);
  });
});

describe('sheet names', () => {
  test('a sheet of the same name in other letters case is taken: ours gets (2)', () => {
    expect(uniqueSheetName('Aged balance 2025-11-28', ['aged balance 2025-11-28'])).toBe('Aged balance 2025-11-28 (2)');
  });
  test('the numbered names are compared without case too', () => {
    expect(uniqueSheetName('Aged balance 2025-11-28', ['AGED BALANCE 2025-11-28', 'aged balance 2025-11-28 (2)'])).toBe(
      'Aged balance 2025-11-28 (3)',
    );
  });
  test('a free name is kept as it is', () => expect(uniqueSheetName('Dunning plan', ['Aged balance'])).toBe('Dunning plan'));
  test('at most 31 characters, suffix included, and none of : \\ / ? * [ ]', () => {
    const name = uniqueSheetName('Balance âgée au 28/11/2025 [brouillon]: version longue', [
      'Balance âgée au 28-11-2025 -brouillon-- version',
    ]);
    expect(name.length).toBeLessThanOrEqual(31);
    expect(name).not.toMatch(/[:\\/?*[\]]/);
  });
  test('Excel keeps "History" for itself, in any case: ours is numbered', () => {
    expect(uniqueSheetName('History', [])).toBe('History (2)');
    expect(uniqueSheetName('history', [])).toBe('history (2)');
  });
  test('no apostrophe at either end (Excel refuses it), none lost inside', () => {
    expect(uniqueSheetName("'Relances'", [])).toBe('Relances');
    expect(uniqueSheetName("Relances d'hiver", [])).toBe("Relances d'hiver");
  });
  test('a name cut to 31 characters keeps its trailing date, numbered or not', () => {
    // 'Payment delays – detail sheet' is 29 characters, the date 11: 20 of the words are kept.
    expect(uniqueSheetName('Payment delays – detail sheet 2026-11-30', [])).toBe('Payment delays – det 2026-11-30');
    expect(uniqueSheetName('Payment delays – detail sheet 2026-11-30', ['Payment delays – det 2026-11-30'])).toBe(
      'Payment delays 2026-11-30 (2)',
    );
  });
});
