import fc from 'fast-check';
import {
  calendarFromDay,
  dayFromCalendar,
  dayFromExcel1904Serial,
  dayFromExcelSerial,
  dayFromSheetsSerial,
  excelSerialFromDay,
  formatIsoDate,
  formatLongDate,
  lastDayOfMonth,
  parseTextDate,
  sheetsSerialFromDay,
} from '../../src/primitives/dates';
import { AgeBucketError } from '../../src/primitives/messages';

const day = (iso: string) => parseTextDate(iso);

describe('day numbers', () => {
  test('1970-01-01 is day 0', () => expect(dayFromCalendar(1970, 1, 1)).toBe(0));
  test('2000-02-29 exists and 2000-03-01 follows it', () => {
    expect(dayFromCalendar(2000, 3, 1) - dayFromCalendar(2000, 2, 29)).toBe(1);
  });
  test('2024 has 366 days, 2100 has 365', () => {
    expect(dayFromCalendar(2025, 1, 1) - dayFromCalendar(2024, 1, 1)).toBe(366);
    expect(dayFromCalendar(2101, 1, 1) - dayFromCalendar(2100, 1, 1)).toBe(365);
  });
  test('round trip for every day from year 1 to 9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayFromCalendar(1, 1, 1), max: dayFromCalendar(9999, 12, 31) }), (n) => {
        const { year, month, day: d } = calendarFromDay(n);
        expect(dayFromCalendar(year, month, d)).toBe(n);
      }),
    );
  });
  test('last day of February in a leap year', () => expect(formatIsoDate(lastDayOfMonth(day('2024-02-10')))).toBe('2024-02-29'));
});

describe('Excel 1900 serials', () => {
  test('serial 1 is 1900-01-01', () => expect(formatIsoDate(dayFromExcelSerial(1))).toBe('1900-01-01'));
  test('serial 59 is 1900-02-28', () => expect(formatIsoDate(dayFromExcelSerial(59))).toBe('1900-02-28'));
  test('serial 60, the fake 1900-02-29, is refused', () => {
    expect(() => dayFromExcelSerial(60)).toThrow(/29 February 1900/);
  });
  test('serial 61 is 1900-03-01', () => expect(formatIsoDate(dayFromExcelSerial(61))).toBe('1900-03-01'));
  test('serial 25569 is 1970-01-01', () => expect(dayFromExcelSerial(25569)).toBe(0));
  test('serial 45658 is 2025-01-01', () => expect(formatIsoDate(dayFromExcelSerial(45658))).toBe('2025-01-01'));
  test('a time of day is dropped', () => expect(formatIsoDate(dayFromExcelSerial(45658.99))).toBe('2025-01-01'));
  test('0 and negative serials are refused', () => {
    expect(() => dayFromExcelSerial(0)).toThrow(AgeBucketError);
    expect(() => dayFromExcelSerial(-3)).toThrow(/outside the dates/);
  });
  test('round trip over every valid serial', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2958465 }).filter((s) => s !== 60),
        (serial) => {
          expect(excelSerialFromDay(dayFromExcelSerial(serial))).toBe(serial);
        },
      ),
    );
  });
  test('1904 system is 1462 days off', () => expect(dayFromExcel1904Serial(45658 - 1462)).toBe(dayFromExcelSerial(45658)));
});

describe('Sheets serials', () => {
  test('serial 2 is 1900-01-01 (counted from 1899-12-30)', () =>
    expect(formatIsoDate(dayFromSheetsSerial(2))).toBe('1900-01-01'));
  test('serial 61 is 1900-03-01 as in Excel', () => expect(formatIsoDate(dayFromSheetsSerial(61))).toBe('1900-03-01'));
  test('serial 60 is 1900-02-28: Sheets has no fake leap day', () =>
    expect(formatIsoDate(dayFromSheetsSerial(60))).toBe('1900-02-28'));
  test('round trip', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100000, max: 2958465 }), (s) => expect(sheetsSerialFromDay(dayFromSheetsSerial(s))).toBe(s)),
    );
  });
});

describe('text dates', () => {
  test('ISO', () => expect(formatIsoDate(day('2024-02-29'))).toBe('2024-02-29'));
  test('ISO with a time part', () => expect(formatIsoDate(day('2024-03-01T23:59:00Z'))).toBe('2024-03-01'));
  test('day-first with slashes, dashes and dots', () => {
    expect(formatIsoDate(day('05/03/2024'))).toBe('2024-03-05');
    expect(formatIsoDate(day('5-3-2024'))).toBe('2024-03-05');
    expect(formatIsoDate(day('5.3.2024'))).toBe('2024-03-05');
  });
  test('month-first when day-first is impossible', () => expect(formatIsoDate(day('1/26/2013'))).toBe('2013-01-26'));
  test('forced month-first', () => expect(formatIsoDate(parseTextDate('1/2/2024', { monthFirst: true }))).toBe('2024-01-02'));
  test('31/02/2024 is an error, not 2 March', () =>
    expect(() => day('31/02/2024')).toThrow('month 02 of 2024 has 29 days, not 31'));
  test('2024-13-01 is an error', () => expect(() => day('2024-13-01')).toThrow('there is no month 13'));
  test('29/02/2023 is an error', () => expect(() => day('29/02/2023')).toThrow(/has 28 days/));
  test('words are an error that quotes the text', () =>
    expect(() => day('next Tuesday')).toThrow('"next Tuesday" is not a date'));
  test('French message', () => {
    try {
      day('31/02/2024');
    } catch (error) {
      expect((error as AgeBucketError).localized('fr')).toBe(
        "« 31/02/2024 » n'est pas une date réelle : le mois 02 de 2024 a 29 jours, pas 31",
      );
    }
    expect.assertions(1);
  });
  test('any formatted date reads back', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayFromCalendar(1000, 1, 1), max: dayFromCalendar(9999, 12, 31) }), (n) => {
        const { year, month, day: d } = calendarFromDay(n);
        expect(parseTextDate(formatIsoDate(n))).toBe(n);
        expect(parseTextDate(`${d}/${month}/${year}`)).toBe(n);
        expect(parseTextDate(`${month}/${d}/${year}`, { monthFirst: true })).toBe(n);
      }),
    );
  });
});

describe('long dates for letters', () => {
  test('French', () => expect(formatLongDate(day('2026-11-23'), 'fr')).toBe('23 novembre 2026'));
  test('French first of the month', () => expect(formatLongDate(day('2026-08-01'), 'fr')).toBe('1er août 2026'));
  test('English', () => expect(formatLongDate(day('2026-11-23'), 'en')).toBe('23 November 2026'));
});
