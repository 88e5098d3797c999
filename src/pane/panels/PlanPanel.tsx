// The dunning plan: the accounts to chase today in priority order, with their stage, what they
// owe and what the stage claims; filters by owner, stage and currency; the accounts with no
// action today, each with its reason. Customer and amount lead every row, so a narrow pane
// still shows them. A long plan scrolls in its own box and draws only the rows in view.

import type { JSX } from 'preact';
import { memo } from 'preact/compat';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
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
      <ActionList {...props} />
      <ExcludedList text={props.text} excluded={plan.excluded} />
    </>
  );
}

/**
 * The accounts with no action today, drawn once the list is first opened: a large ledger has
 * thousands, each reason a sentence to write, for a list most runs never open.
 */
function ExcludedList(props: { text: PaneText; excluded: readonly AccountPlan[] }) {
  const { t, f, language } = props.text;
  const [opened, setOpened] = useState(false);
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: Enter or Space on the summary fires this click too
    <details
      id="plan-excluded"
      // The click draws the rows as it opens the list (the toggle comes a moment after); the
      // toggle catches any other way it opens.
      onClick={() => setOpened(true)}
      onToggle={(event: JSX.TargetedEvent<HTMLDetailsElement>) => {
        if (event.currentTarget.open) setOpened(true);
      }}
    >
      <summary>{t.excluded(props.excluded.length)}</summary>
      {opened ? (
        <table class="plan stacked">
          <tbody>
            {[...props.excluded]
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
      ) : null}
    </details>
  );
}

/** Plans up to this many accounts are drawn whole, in the pane's own scroll. */
export const DRAWN_WHOLE = 200;
/** Rows drawn above and below the ones in view, so a quick scroll or a Tab finds them drawn. */
const OVERSCAN = 8;
/** A row's height until it has been drawn and measured: a stacked row of three lines. */
const GUESSED_ROW_HEIGHT = 64;

/**
 * The accounts to chase. A long plan (thousands of accounts on a large ledger) scrolls inside
 * its own box and draws only the rows in view and a few around them; rows are as tall as their
 * text, so each drawn row is measured and the others are counted at the average height. The
 * focused row stays drawn wherever the box is scrolled, so the keyboard never loses its place.
 * For screen readers the table keeps its whole size: aria-rowcount, and each row its
 * aria-rowindex.
 */
function ActionList(props: PlanPanelProps) {
  const { t } = props.text;
  const rows = props.visible;
  const windowed = rows.length > DRAWN_WHOLE;
  const box = useRef<HTMLElement>(null);
  const body = useRef<HTMLTableSectionElement>(null);
  const heights = useRef(new Map<string, number>());
  const focused = useRef<string | null>(null);
  const [view, setView] = useState({ top: 0, height: 480 });
  const [, setMeasured] = useState(0);

  const measured = heights.current;
  let sum = 0;
  for (const height of measured.values()) sum += height;
  const guess = measured.size > 0 ? sum / measured.size : GUESSED_ROW_HEIGHT;
  const heightOf = (index: number) => measured.get(accountKey(rows[index] as AccountPlan)) ?? guess;

  // The rows to draw: those in view and OVERSCAN either side, and the focused one.
  let start = 0;
  let end = rows.length;
  if (windowed) {
    let y = 0;
    let first = 0;
    while (first < rows.length - 1 && y + heightOf(first) <= view.top) y += heightOf(first++);
    let last = first;
    for (let bottom = y; last < rows.length && bottom < view.top + view.height; last++) bottom += heightOf(last);
    start = Math.max(0, first - OVERSCAN);
    end = Math.min(rows.length, last + OVERSCAN);
  }
  // The focused row and its neighbours, wherever the box is scrolled: Tab goes on from there.
  const focusedIndex =
    windowed && focused.current !== null ? rows.findIndex((account) => accountKey(account) === focused.current) : -1;
  const aroundFocus =
    focusedIndex < 0
      ? []
      : [focusedIndex - 1, focusedIndex, focusedIndex + 1].filter(
          (index) => index >= 0 && index < rows.length && (index < start || index >= end),
        );
  const drawn: number[] = aroundFocus.filter((index) => index < start);
  for (let index = start; index < end; index++) drawn.push(index);
  for (const index of aroundFocus) if (index >= end) drawn.push(index);

  // Each gap between drawn rows is one empty row as tall as the rows it stands for.
  const cells: JSX.Element[] = [];
  let next = 0;
  const gap = (from: number, to: number) => {
    if (to <= from) return;
    let height = 0;
    for (let index = from; index < to; index++) height += heightOf(index);
    cells.push(
      // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an empty row standing for rows not drawn; nothing in it takes focus
      <tr class="gap" aria-hidden="true" key={`gap-${from}`} style={{ height: `${height}px` }}>
        <td colSpan={7} />
      </tr>,
    );
  };
  for (const index of drawn) {
    gap(next, index);
    const account = rows[index] as AccountPlan;
    cells.push(
      <ActionRow
        key={accountKey(account)}
        text={props.text}
        account={account}
        rowIndex={index + 2}
        selected={props.selected.has(accountKey(account))}
        onSelect={props.onSelect}
      />,
    );
    next = index + 1;
  }
  gap(next, rows.length);

  /** The account of a drawn row, from its place in the whole table. */
  const accountOf = (row: Element | null | undefined): AccountPlan | undefined =>
    row ? rows[Number(row.getAttribute('aria-rowindex')) - 2] : undefined;

  // Drawn rows measured as drawn, and the box's height; when one changed, the rows are laid out
  // again with it.
  useLayoutEffect(() => {
    if (!windowed || !body.current || !box.current) return;
    let changed = false;
    for (const row of Array.from(body.current.rows)) {
      const account = row.classList.contains('gap') ? undefined : accountOf(row);
      if (!account) continue;
      const height = row.getBoundingClientRect().height;
      const key = accountKey(account);
      if (Math.abs((measured.get(key) ?? -1) - height) > 0.5) {
        measured.set(key, height);
        changed = true;
      }
    }
    const height = box.current.clientHeight;
    if (height > 0 && height !== view.height) setView({ top: box.current.scrollTop, height });
    else if (changed) setMeasured((n) => n + 1);
  });

  const table = (
    <table class="plan stacked" id="plan-actions" aria-rowcount={rows.length + 1}>
      <thead>
        <tr aria-rowindex={1}>
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
      <tbody
        ref={body}
        onFocusIn={(event: JSX.TargetedFocusEvent<HTMLTableSectionElement>) => {
          const account = accountOf((event.target as Element).closest('tr'));
          focused.current = account ? accountKey(account) : null;
        }}
        onFocusOut={(event: JSX.TargetedFocusEvent<HTMLTableSectionElement>) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) focused.current = null;
        }}
      >
        {cells}
      </tbody>
    </table>
  );
  if (!windowed) return <div class="table-scroll">{table}</div>;
  return (
    <section
      class="table-scroll plan-window"
      ref={box}
      aria-label={t.toChase(rows.length)}
      onScroll={(event: JSX.TargetedEvent<HTMLElement>) => {
        const element = event.currentTarget;
        setView({ top: element.scrollTop, height: element.clientHeight });
      }}
    >
      {table}
    </section>
  );
}

const ActionRow = memo(function ActionRow(props: {
  text: PaneText;
  account: AccountPlan;
  /** The row's place in the whole table, its header row being 1. */
  rowIndex: number;
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
    <tr data-customer={account.customer} data-stage={account.stage?.id ?? ''} aria-rowindex={props.rowIndex}>
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
