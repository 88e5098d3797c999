// At a glance: per currency, what is open and overdue, the overdue share, the weighted days
// overdue, the expected loss, the DSO when sales are given, and the most overdue accounts.

import { memo } from 'preact/compat';
import type { AgedBalanceReport } from '../../ageing/agedBalance';
import { daysSalesOutstanding, topOverdueAccounts } from '../../ageing/kpis';
import type { PaneText } from '../messages';
import { Card } from '../ui';

export interface GlancePanelProps {
  readonly text: PaneText;
  readonly report: AgedBalanceReport | null;
  readonly sales: { readonly byCurrency: Record<string, number>; readonly periodDays: number } | null;
}

export const GlancePanel = memo(function GlancePanel(props: GlancePanelProps) {
  const { t, f } = props.text;
  const report = props.report;
  if (!report) return null;
  return (
    <Card id="kpis" title={t.kpis}>
      <div class="kpis">
        {report.balance.totals.map((total) => {
          const money = (minor: number) => f.money(minor, total.currency);
          const sold = props.sales?.byCurrency[total.currency];
          const dso =
            props.sales && sold && sold > 0 ? f.decimal(daysSalesOutstanding(total.total, sold, props.sales.periodDays)) : '–';
          const top = topOverdueAccounts(report.balance, total.currency, 5);
          return (
            <article class="kpi" data-currency={total.currency} key={total.currency}>
              <h3>{total.currency}</h3>
              <dl>
                <dt>{t.total}</dt>
                <dd data-kpi="total">{money(total.total)}</dd>
                <dt>{t.overdue}</dt>
                <dd data-kpi="overdue">{money(total.overdue)}</dd>
                <dt>{t.overdueShare}</dt>
                <dd data-kpi="overdue-share">{total.overdueShare === null ? '–' : f.percent(total.overdueShare)}</dd>
                <dt>{t.weightedDays}</dt>
                <dd data-kpi="weighted-days">
                  {total.weightedDaysOverdue === null ? '–' : f.decimal(total.weightedDaysOverdue)}
                </dd>
                <dt>{t.expectedLoss}</dt>
                <dd data-kpi="expected-loss">{money(total.expectedLoss)}</dd>
                <dt>{t.dso}</dt>
                <dd data-kpi="dso">{dso}</dd>
              </dl>
              {top.length > 0 ? (
                <details>
                  <summary>{t.topAccounts}</summary>
                  <ol>
                    {top.map((line) => (
                      <li key={line.customer}>
                        <span class="name">{line.customer}</span> <span class="num">{money(line.overdue)}</span>
                      </li>
                    ))}
                  </ol>
                </details>
              ) : null}
            </article>
          );
        })}
      </div>
      <p class="help">{t.curveNote}</p>
    </Card>
  );
});
