// The day a letter, a statement or a log entry is made: today, which the host passes (the core
// never reads a clock). A letter is dated that day, its payment deadline is counted from it, its
// interest runs to it, and the log records it on that day; the log is the plan's memory of what
// was sent when (intervals between steps, « Malgré notre relance du … »), so it must hold the
// real day. "Mark as sent" records drafts already made: it logs them on the day they were made
// (markedSentEntries) and asks for no plan as of today, even when marked the next day.
//
// A plan as of another day (a fixed as-of date for a month-end report) is refused rather than
// rebuilt at today behind the user's back: the credit manager chose the accounts and checked
// the stages and amounts on the plan shown, and a plan rebuilt at today may differ (invoices
// paid or fallen due since, other stages). Refusing keeps what is sent what was checked, and
// the message says how to proceed.

import type { DayNumber } from '../primitives/dates';
import { formatLongDate } from '../primitives/dates';
import { fail } from '../primitives/messages';

/** Today, when the plan is as of today; otherwise an error saying how to proceed (EN/FR). */
export function actionDay(planAsOf: DayNumber, today: DayNumber): DayNumber {
  if (planAsOf !== today) {
    fail('planNotAsOfToday', {
      today: { en: formatLongDate(today, 'en'), fr: formatLongDate(today, 'fr') },
      asOf: { en: formatLongDate(planAsOf, 'en'), fr: formatLongDate(planAsOf, 'fr') },
    });
  }
  return today;
}
