import { cellLabel, readAmount, readCurrency, readDate, readFlag, readNumber, readText } from '../../src/primitives/cells';
import { formatIsoDate } from '../../src/primitives/dates';

const excel = { serialSystem: 'excel1900' } as const;
const iso = (value: Parameters<typeof readDate>[0], options: Parameters<typeof readDate>[1] = excel) => {
  const day = readDate(value, options);
  return day === null ? null : formatIsoDate(day);
};

describe('date cells', () => {
  test('an Excel serial', () => expect(iso(45658)).toBe('2025-01-01'));
  test('a Sheets serial (1899-12-30 origin) for the same day', () =>
    expect(iso(45658, { serialSystem: 'sheets' })).toBe('2025-01-01'));
  test('a calendar date converted by the host', () => expect(iso({ year: 2024, month: 2, day: 29 })).toBe('2024-02-29'));
  test('an impossible calendar date from a host', () =>
    expect(() => iso({ year: 2023, month: 2, day: 29 })).toThrow(/not a date/));
  test('text', () => expect(iso('26/01/2013')).toBe('2013-01-26'));
  test('a serial stored as text', () => expect(iso('45658')).toBe('2025-01-01'));
  test('month-first column option', () =>
    expect(iso('02/01/2024', { serialSystem: 'excel1900', monthFirst: true })).toBe('2024-02-01'));
  test.each([null, undefined, '', '   '])('blank %p is null', (value) => expect(iso(value)).toBeNull());
  test('a boolean is not a date', () => expect(() => iso(true)).toThrow('a TRUE is not a date'));
  test('an error cell', () => {
    expect(() => iso('#N/A')).toThrow('the cell holds an error (#N/A)');
    expect(() => iso({ error: '#REF!' })).toThrow('the cell holds an error (#REF!)');
  });
});

describe('amount cells', () => {
  test('number', () => expect(readAmount(12.5, 'EUR')).toBe(1250));
  test('French text', () => expect(readAmount('1 234,56 €', 'EUR')).toBe(123456));
  test('blank', () => expect(readAmount('', 'EUR')).toBeNull());
  test('boolean', () => expect(() => readAmount(false, 'EUR')).toThrow('a FALSE is not an amount'));
  test('error text', () => expect(() => readAmount('#DIV/0!', 'EUR')).toThrow(/holds an error/));
});

describe('other cells', () => {
  test('text is trimmed; a number becomes text', () => {
    expect(readText('  Dupont SA ')).toBe('Dupont SA');
    expect(readText(1042)).toBe('1042');
  });
  test('currency falls back when blank', () => {
    expect(readCurrency('', 'EUR')).toBe('EUR');
    expect(readCurrency('usd', 'EUR')).toBe('USD');
  });
  test.each([
    ['Yes', true],
    ['oui', true],
    ['X', true],
    [true, true],
    [1, true],
    ['No', false],
    ['non', false],
    ['', false],
    [0, false],
  ])('flag %p is %p', (value, expected) => expect(readFlag(value)).toBe(expected));
  test('a cell as a column label: a Sheets date cell is its day, an error its code, never a throw', () => {
    expect(cellLabel({ year: 2026, month: 3, day: 5 })).toBe('2026-03-05');
    expect(cellLabel({ error: '#REF!' })).toBe('#REF!');
    expect(cellLabel('#N/A')).toBe('#N/A');
    expect(cellLabel(46096)).toBe('46096');
    expect(cellLabel(false)).toBe('FALSE');
    expect(cellLabel(' Échéance ')).toBe(' Échéance ');
  });
  test('numbers accept a decimal comma', () => expect(readNumber('12,5')).toBe(12.5));
  test('a word is not a number', () => expect(() => readNumber('thirty')).toThrow('"thirty" is not a number of days'));
});
