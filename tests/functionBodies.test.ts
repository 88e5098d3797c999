// The host-neutral function bodies on their own, for what the two hosts never send but a
// workbook can hold: dates in the 1904 system.

import { parseTextDate, type SerialSystem, serialFromDay } from '../src/dates';
import { ageBucketFunction, agedBalanceFunction } from '../src/functions/catalogue';
import type { HostContext } from '../src/functions/context';

const asOf = parseTextDate('2026-11-23');
const contextIn = (serialSystem: SerialSystem): HostContext => ({
  serialSystem,
  today: () => asOf,
  cellError: (message) => ({ error: message }),
  dateResult: (day) => day,
  language: 'en',
});
const days = [0, 1, 30, 31, 60, 61, 90, 91, 365];

describe.each(['excel1900', 'excel1904', 'sheets'] as const)('serials of the %s system', (system) => {
  const context = contextIn(system);
  const serials = days.map((d) => [serialFromDay(asOf - d, system)]);
  const asOfCell = [[serialFromDay(asOf, system)]];

  test('AGEBUCKET labels each due date by its days overdue', () => {
    expect(ageBucketFunction(serials, asOfCell, null, null, context)).toEqual([
      ['Not due'],
      ['1-30'],
      ['1-30'],
      ['31-60'],
      ['31-60'],
      ['61-90'],
      ['61-90'],
      ['91+'],
      ['91+'],
    ]);
  });

  test('AGEDBALANCE puts each amount in its bucket', () => {
    const customers = days.map(() => ['Dupont SA']);
    const amounts = days.map((_, i) => [i + 1]);
    expect(agedBalanceFunction(customers, serials, amounts, asOfCell, null, null, null, context)).toEqual([
      ['Customer', 'Not due', '1-30', '31-60', '61-90', '91+', 'Total'],
      ['Dupont SA', 1, 2 + 3, 4 + 5, 6 + 7, 8 + 9, 45],
      ['Total', 1, 5, 9, 13, 17, 45],
    ]);
  });
});
