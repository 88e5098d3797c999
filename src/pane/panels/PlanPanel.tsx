// The dunning plan: the accounts to chase today in priority order, with their stage, what they
// owe and what the stage claims; filters by owner, stage and currency; the accounts with no
// action today, each with its reason. Customer and amount lead every row, so a narrow pane
// still shows them.

import type { JSX } from 'preact';
import { memo } from 'preact/compat';
import { type AccountPlan, claimsText, type DunningPlan, exclusionText, planNotes } from '../../dunning/plan';
import { accountsText, groupMessages } from '../../primitives/messages';
import type { PaneText } from '../messages';
import { Actions, Card, CommandButton } from '../ui';

export interface PlanFilters {
  readonly owner: string;
  readonly stage: string;
  readonly currency: string;
}

export interface PlanPanelProps {
  readonly text: PaneText;
  readonly asOf: number;
  readonly plan: DunningPlan | null;
  /** The actions the filters let through. */
  readonly visible: readonly AccountPlan[];
  readonly selected: ReadonlySet<string>;
  readonly filters: PlanFilters;
  readonly buildPlan: () => Promise<string | undefined>;
  readonly onFilters: (patch: Partial<PlanFilters>) => void;
  readonly onSelect: (key: string, selected: boolean) => void;
}

export function accountKey(account: AccountPlan): string {
  return `${account.customer}\u0000${account.currency}`;
}

export const PlanPanel = memo(function PlanPanel(props: PlanPanelProps) {
  const { t, f } = props.text;
  const plan = props.plan;
  return (
    <Card id="dunning" title={t.planFor(f.longDate(props.asOf))}>
      <Actions group="plan">
        <CommandButton id="build-plan" group="plan" label={t.build} command={props.buildPlan} primary />
      </Actions>
      {plan ? <PlanView {...props} plan={plan} /> : null}
    </Card>
  );
});

function PlanView(props: PlanPanelProps & { plan: DunningPlan }) {
  const { t, f, language } = props.text;
  const plan = props.plan;
  const unique = (values: string[]) => [...new Set(values)].sort(f.compare);
  const unclaimed = plan.actions.filter((account) => account.penaltyError !== null);
  // The same reason for 99 accounts is said once, with how many and the first few.
  const reasons = groupMessages(
    unclaimed.flatMap((account) => (account.penaltyError ? [{ account: account.customer, error: account.penaltyError }] : [])),
    language,
  ).map((group) => `${group.text} — ${accountsText(group.accounts, language)}`);
  const filter = (key: keyof PlanFilters, label: string, options: Array<readonly [string, string]>) => (
    <label class="field">
      <span class="label">{label}</span>
      <select
        id={`filter-${key}`}
        value={props.filters[key]}
        onChange={(event: JSX.TargetedEvent<HTMLSelectElement>) => props.onFilters({ [key]: event.currentTarget.value })}
      >
        <option value="">{t.all}</option>
        {options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <>
      <div class="filters">
        {filter(
          'owner',
          t.owner,
          unique(plan.actions.map((a) => a.owner ?? '')).map((o) => [o, o] as const),
        )}
        {filter(
          'stage',
          t.stage,
          plan.policy.stages.map((s) => [s.id, s.name[language]] as const),
        )}
        {filter(
          'currency',
          t.currency,
          unique(plan.actions.map((a) => a.currency)).map((c) => [c, c] as const),
        )}
      </div>
      {unclaimed.length > 0 ? (
        <p class="warning" id="penalties-missing">
          {t.penaltiesMissing(unclaimed.length, reasons.join('; '))}
        </p>
      ) : null}
      <div class="table-scroll">
        <table class="plan stacked" id="plan-actions">
          <thead>
            <tr>
              <th>
                <span class="sr-only">{t.selected(props.selected.size)}</span>
              </th>
              <th>{t.customer}</th>
              <th>{t.stage}</th>
              <th class="num">{t.due}</th>
              <th class="num">{t.oldest}</th>
              <th>{t.owner}</th>
              <th class="num">{t.claims}</th>
            </tr>
          </thead>
          <tbody>
            {props.visible.map((account) => (
              <ActionRow
                key={accountKey(account)}
                text={props.text}
                account={account}
                selected={props.selected.has(accountKey(account))}
                onSelect={props.onSelect}
              />
            ))}
          </tbody>
        </table>
      </div>
      <details id="plan-excluded">
        <summary>{t.excluded(plan.excluded.length)}</summary>
        <table class="plan stacked">
          <tbody>
            {[...plan.excluded]
              .sort((a, b) => f.compare(a.customer, b.customer))
              .map((account) => (
                <tr data-customer={account.customer} key={accountKey(account)}>
                  <td class="customer">{account.customer}</td>
                  <td>{account.currency}</td>
                  <td class="reason">{exclusionText(account, language)}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </details>
    </>
  );
}

const ActionRow = memo(function ActionRow(props: {
  text: PaneText;
  account: AccountPlan;
  selected: boolean;
  onSelect: (key: string, selected: boolean) => void;
}) {
  const { t, f, language } = props.text;
  const account = props.account;
  const money = (minor: number, currency = account.currency) => f.money(minor, currency);
  // The core's: the fees stay claimed when the interest cannot be, as in the letter.
  const claims = claimsText(account, language);
  const oldest = account.dunned[0];
  return (
    <tr data-customer={account.customer} data-stage={account.stage?.id ?? ''}>
      <td class="select">
        <input
          type="checkbox"
          data-account={accountKey(account)}
          aria-label={account.customer}
          checked={props.selected}
          onChange={(event: JSX.TargetedEvent<HTMLInputElement>) =>
            props.onSelect(accountKey(account), event.currentTarget.checked)
          }
        />
      </td>
      <td class="customer">{account.customer}</td>
      <td class="stage">
        {account.stage?.name[language] ?? ''}
        {planNotes(account, language).map((note) => (
          <div class="help plan-note" key={note}>
            {note}
          </div>
        ))}
      </td>
      <td class="num amount">{money(account.amountDue)}</td>
      <td class="num oldest">
        {oldest
          ? `${oldest.item.invoiceNumber} · ${oldest.daysOverdue > 0 ? t.days(oldest.daysOverdue) : t.dueIn(-oldest.daysOverdue)}`
          : ''}
      </td>
      <td class="owner">{account.owner ?? ''}</td>
      <td class="num claims" title={account.penaltyError ? account.penaltyError.localized(language) : undefined}>
        {claims}
      </td>
    </tr>
  );
});
