// What the dunning log says that needs the user: a lost header row, rows it cannot read (their
// accounts are held for review), and the open disputes, oldest first. Disputed invoices stay in
// the aged balance but are never dunned; "Dispute resolved" logs the end of one and puts its
// invoices back in the dunning.

import type { JSX } from 'preact';
import { memo } from 'preact/compat';
import { useState } from 'preact/hooks';
import { LOG_COLUMNS, LOG_HEADERS } from '../../dunning/log';
import type { OpenDispute } from '../../dunning/memory';
import { type DunningPlan, unreadableLogText } from '../../dunning/plan';
import type { PaneText } from '../messages';
import { Card, CommandButton, StatusLine } from '../ui';

export interface DisputesPanelProps {
  readonly text: PaneText;
  readonly plan: DunningPlan | null;
  /** The log's first row is a log row: its header was lost (the plan still reads it). */
  readonly headerMissing: boolean;
  readonly resolve: (dispute: OpenDispute) => Promise<string | undefined>;
}

/** One status for the card, above the list: a resolved dispute leaves the list with its button. */
const DISPUTES = 'disputes';

export const DisputesPanel = memo(function DisputesPanel(props: DisputesPanelProps) {
  const { t, f, language } = props.text;
  const plan = props.plan;
  // The disputes are drawn once the list is first opened: a large ledger has thousands, each
  // with its button, in a list closed until the user opens it. They stay drawn after that.
  const [opened, setOpened] = useState(false);
  if (!plan) return null;
  return (
    <Card id="disputes" title={t.disputes}>
      <StatusLine group={DISPUTES} />
      {props.headerMissing ? (
        <p class="warning" id="log-header-missing">
          {t.headerMissing(LOG_COLUMNS.map((column) => LOG_HEADERS[language][column]).join(', '))}
        </p>
      ) : null}
      {plan.unreadableLog.length > 0 ? (
        <section id="log-unreadable" class="warning">
          <p>{t.unreadableLog(plan.unreadableLog.length)}</p>
          <ul>
            {unreadableLogText(plan, language).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: Enter or Space on the summary fires this click too */}
      <details
        id="open-disputes"
        // The click draws the rows as it opens the list (the toggle comes a moment after); the
        // toggle catches any other way it opens.
        onClick={() => setOpened(true)}
        onToggle={(event: JSX.TargetedEvent<HTMLDetailsElement>) => {
          if (event.currentTarget.open) setOpened(true);
        }}
      >
        <summary>{t.openDisputes(plan.disputes.length)}</summary>
        {opened ? (
          <div class="table-scroll">
            <table class="plan stacked">
              <thead>
                <tr>
                  <th>{t.customer}</th>
                  <th>{t.invoices}</th>
                  <th class="num">{t.due}</th>
                  <th>{t.sinceLabel}</th>
                  <th class="num">{t.age}</th>
                  <th>{t.disputeReason}</th>
                  <th>{t.owner}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {plan.disputes.map((dispute, index) => (
                  <tr
                    data-customer={dispute.customer}
                    key={`${dispute.customer}\u0000${dispute.currency}\u0000${dispute.invoices.join(' ')}\u0000${dispute.row ?? ''}`}
                  >
                    <td class="customer">{dispute.customer}</td>
                    <td class="invoices">{dispute.invoices.join(' ')}</td>
                    <td class="num amount">{f.money(dispute.amount, dispute.currency)}</td>
                    <td>{dispute.since === null ? t.undated : f.shortDate(dispute.since)}</td>
                    <td class="num">{dispute.ageDays === null ? '' : t.days(dispute.ageDays)}</td>
                    <td class="reason">{dispute.reason}</td>
                    <td>{dispute.owner}</td>
                    <td>
                      <CommandButton
                        id={`dispute-resolved-${index}`}
                        group={DISPUTES}
                        label={t.disputeResolved}
                        command={() => props.resolve(dispute)}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </details>
    </Card>
  );
});
