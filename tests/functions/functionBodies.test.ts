// The host-neutral function bodies on their own, for what the two hosts never send but a
// workbook can hold: dates in the 1904 system.

import { ageBucketFunction, agedBalanceFunction } from '../../src/functions/catalogue';
import type { HostContext } from '../../src/functions/context';
import { parseTextDate, type SerialSystem, serialFromDay } from '../../src/primitives/dates';

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

describe('AGEBUCKET over a column', () => {
  const context = contextIn('excel1900');
  const asOfCell = [[serialFromDay(asOf, 'excel1900')]];
  const column = [0, 45, 400, 45, 0, 50].map((d) => [serialFromDay(asOf - d, 'excel1900')]);

  test('rows of one label are one shared row, and the values read out as a copy would', () => {
    const result = ageBucketFunction(column, asOfCell, null, null, context) as unknown[][];
    expect(JSON.parse(JSON.stringify(result))).toEqual([['Not due'], ['31-60'], ['91+'], ['31-60'], ['Not due'], ['31-60']]);
    expect(result[1]).toBe(result[3]);
    expect(result[1]).toBe(result[5]);
    expect(result[0]).toBe(result[4]);
    expect(result[0]).not.toBe(result[1]);
  });

  test('each call has rows of its own, labelled by its own arguments', () => {
    const first = ageBucketFunction(column, asOfCell, null, null, context) as unknown[][];
    const second = ageBucketFunction(column, asOfCell, [[60], [120]], [['A'], ['B'], ['C'], ['D']], context) as unknown[][];
    expect(first[1]).not.toBe(second[1]);
    expect(second.map((row) => row[0])).toEqual(['A', 'B', 'D', 'B', 'A', 'B']);
  });

  test('a blank or broken cell gets a row of its own', () => {
    const result = ageBucketFunction([[null], ['31/02/2026'], [null]], asOfCell, null, null, context) as unknown[][];
    expect(result[0]).toEqual(['']);
    expect(result[0]).not.toBe(result[2]);
    expect(result[1]?.[0]).toEqual({ error: expect.stringMatching(/not a real date/) });
  });
});
