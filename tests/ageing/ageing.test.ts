import { bucketIndex, defaultBucketLabels, makeBuckets, parseBoundaries } from '../../src/ageing/ageing';
import { ageBucketFunction, daysOverdueFunction } from '../../src/functions/catalogue';
import { formatIsoDate, parseTextDate } from '../../src/primitives/dates';
import { testHost } from '../functions/testHost';

const standard = makeBuckets();
const context = testHost(parseTextDate('2026-11-23'));

// Through the product's own DAYSOVERDUE and AGEBUCKET bodies, from ISO text cells.
const daysOverdue = (due: string, asOf: string) => daysOverdueFunction([[due]], [[asOf]], context) as number[][];

describe('days overdue', () => {
  test('due today is 0, not overdue', () => expect(daysOverdue('2026-11-23', '2026-11-23')).toEqual([[0]]));
  test('across a leap day', () => expect(daysOverdue('2024-02-28', '2024-03-01')).toEqual([[2]]));
  test('negative before the due date', () => expect(daysOverdue('2026-12-01', '2026-11-23')).toEqual([[-8]]));
});

describe('default buckets 30, 60, 90', () => {
  const asOf = parseTextDate('2026-11-23');
  test('labels', () => expect(standard.labels).toEqual(['Not due', '1-30', '31-60', '61-90', '91+']));
  test('French labels', () =>
    expect(defaultBucketLabels([30, 60, 90], 'fr')).toEqual(['Non échu', '1-30', '31-60', '61-90', '91+']));
  const edges: Array<[number, string]> = [
    [-10, 'Not due'],
    [0, 'Not due'],
    [1, '1-30'],
    [30, '1-30'],
    [31, '31-60'],
    [60, '31-60'],
    [61, '61-90'],
    [90, '61-90'],
    [91, '91+'],
    [5000, '91+'],
  ];
  test.each(edges)('%i days overdue is in %s (bucket index)', (days, label) =>
    expect(standard.labels[bucketIndex(days, standard.boundaries)]).toBe(label),
  );
  test('AGEBUCKET gives the same labels for due dates that many days before the as-of date', () => {
    const dues = edges.map(([days]) => [formatIsoDate(asOf - days)]);
    expect(ageBucketFunction(dues, [[formatIsoDate(asOf)]], null, null, context)).toEqual(edges.map(([, label]) => [label]));
  });
});

describe('custom buckets', () => {
  test('15, 45 give Not due, 1-15, 16-45, 46+', () => {
    expect(makeBuckets([15, 45]).labels).toEqual(['Not due', '1-15', '16-45', '46+']);
    expect(bucketIndex(15, [15, 45])).toBe(1);
    expect(bucketIndex(16, [15, 45])).toBe(2);
    expect(bucketIndex(46, [15, 45])).toBe(3);
  });
  test('own labels', () =>
    expect(ageBucketFunction([['2026-10-14']], [['2026-11-23']], [[30]], [['OK'], ['Late'], ['Very late']], context)).toEqual([
      ['Very late'],
    ]));
  test('wrong number of labels', () => expect(() => makeBuckets([30, 60], ['a', 'b'])).toThrow('2 labels given for 4 buckets'));
  test('duplicate labels', () => expect(() => makeBuckets([30], ['a', 'b', 'a'])).toThrow('"a" is used twice'));
  test('not ascending', () => expect(() => makeBuckets([30, 30])).toThrow('30 is not above 30'));
  test('not whole', () => expect(() => makeBuckets([0.5])).toThrow('"0.5" must be a positive whole number'));
  test('empty', () => expect(() => makeBuckets([])).toThrow(/at least one/));
  test('typed in the pane', () => expect(parseBoundaries('30; 60, 90')).toEqual([30, 60, 90]));
  test('typed wrong', () => expect(() => parseBoundaries('30, sixty')).toThrow('"sixty" must be a positive whole number'));
});
