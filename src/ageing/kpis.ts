// Receivables KPIs the pane shows at a glance. Overdue share, weighted days overdue and
// expected loss come with each currency's aged-balance total; DSO needs the period's sales,
// which only the user knows.

import { fail } from '../primitives/messages';
import type { MinorUnits } from '../primitives/money';
import type { AgedBalance, AgedBalanceLine } from './agedBalance';

/**
 * DSO by the simple (count-back-free) method: receivables ÷ sales of the period × days in the
 * period. 120 000 owed on 360 000 of sales over 90 days is 30 days.
 */
export function daysSalesOutstanding(receivables: MinorUnits, sales: MinorUnits, periodDays: number): number {
  if (!(sales > 0)) fail('salesNotPositive');
  if (!(periodDays > 0)) fail('periodNotPositive');
  return (receivables / sales) * periodDays;
}

/** The accounts with the most overdue, in one currency (amounts of two currencies do not compare). */
export function topOverdueAccounts(balance: AgedBalance, currency: string, count: number): AgedBalanceLine[] {
  return balance.lines
    .filter((line) => line.currency === currency && line.overdue > 0)
    .sort((a, b) => b.overdue - a.overdue || b.total - a.total)
    .slice(0, count);
}
