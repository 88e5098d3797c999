// The host the tests call custom-function bodies through: Excel's 1900 serials, English, a
// fixed today, an error as a cell holding its message, a date as its day number.
import type { HostContext } from '../../src/functions/context';
import type { DayNumber } from '../../src/primitives/dates';

export function testHost(today: DayNumber): HostContext {
  return {
    serialSystem: 'excel1900',
    today: () => today,
    cellError: (message) => ({ error: message }),
    dateResult: (day) => day,
    language: 'en',
  };
}
