// The dunning run: per customer account (and currency), never per invoice, which stage to send
// today, or why nothing is sent. Escalation climbs one stage at a time, after a minimum
// interval, and the log is the memory of what was already sent.

import { compareCodePoints } from '../ageing/agedBalance';
import type { LedgerItem } from '../ledger/ledger';
import { type AccountLaw, accountLaw, itemFee, itemInterest } from '../penalties/accountPenalties';
import { jurisdictionOfCountry } from '../penalties/customerType';
import type { RecoveryFee } from '../penalties/recoveryFee';
import { largest } from '../primitives/arrays';
import { type DayNumber, dayFromCalendar, formatLongDate } from '../primitives/dates';
import { AgeBucketError, formatMessage, type Language, type MessageCode } from '../primitives/messages';
import { formatMoney, type MinorUnits, minorFromNumber } from '../primitives/money';
import { type LogEntry, logEventOf } from './log';
import type { DunningPolicy, DunningStage } from './policy';
import { stageIndexForDays } from './policy';

export interface PlanOptions {
  readonly asOf: DayNumber;
  readonly policy: DunningPolicy;
}

export interface DunnedItem {
  readonly item: LedgerItem;
  readonly daysOverdue: number;
  /** Interest the stage claims on this invoice (0 when it claims none). */
  readonly interest: MinorUnits;
  /** The fixed recovery fee the stage claims on this invoice, if any. */
  readonly fee: RecoveryFee | null;
}

export type Exclusion =
  | { readonly code: 'reasonNoOpenInvoices' | 'reasonNotDue' | 'reasonDisputed' }
  | { readonly code: 'reasonPromise'; readonly until: DayNumber }
  | { readonly code: 'reasonBelowMinimum'; readonly amount: MinorUnits; readonly minimum: MinorUnits }
  | { readonly code: 'reasonCovered'; readonly credits: MinorUnits }
  /** Overdue, but not yet as late as the first overdue stage: no courtesy letter for a late invoice. */
  | { readonly code: 'reasonBeforeFirstReminder'; readonly days: number; readonly from: number; readonly on: DayNumber }
  | {
      readonly code: 'reasonAlreadySent';
      readonly stage: DunningStage;
      readonly day: DayNumber;
      readonly nextStage: DunningStage | null;
    }
  | {
      readonly code: 'reasonTooSoon';
      readonly stage: DunningStage;
      readonly day: DayNumber;
      readonly daysAgo: number;
      readonly next: DayNumber;
    };

export interface AccountPlan {
  readonly customer: string;
  readonly currency: string;
  readonly owner: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly address: string | null;
  readonly language: Language | null;
  /** Who the customer is, where, and so which penalties the law gives. */
  readonly law: AccountLaw;
  /** The stage to send today; null when the account gets no action. */
  readonly stage: DunningStage | null;
  readonly stageIndex: number | null;
  /** The stage the oldest overdue invoice has reached, whatever was sent. */
  readonly targetStage: DunningStage | null;
  readonly lastSent: { readonly stage: DunningStage; readonly day: DayNumber } | null;
  readonly exclusion: Exclusion | null;
  /** Invoices the reminder is about (overdue, or due soon for a courtesy reminder). */
  readonly dunned: readonly DunnedItem[];
  readonly notDue: readonly LedgerItem[];
  /** Listed as under review, never claimed. */
  readonly disputed: readonly LedgerItem[];
  /** Held by a promise to pay that has not expired. */
  readonly promised: readonly LedgerItem[];
  /** Credit notes and unapplied payments. */
  readonly credits: readonly LedgerItem[];
  /** What the letter is about: the dunned items' total (due soon for a courtesy reminder). */
  readonly amountDue: MinorUnits;
  /** Overdue items only (days overdue > 0), disputed and promised ones excluded: "Total échu". */
  readonly overdueAmount: MinorUnits;
  readonly creditsTotal: MinorUnits;
  /** Everything open on the account (all items, credits netted). */
  readonly balance: MinorUnits;
  readonly oldestDaysOverdue: number | null;
  readonly interestTotal: MinorUnits;
  readonly feeTotals: ReadonlyArray<{ readonly currency: string; readonly amount: MinorUnits }>;
  /** A penalty that could not be computed (a half-year with no statutory rate): say so, claim none. */
  readonly penaltyError: AgeBucketError | null;
  /** A promise that was not kept: worth saying in the letter or on the phone. */
  readonly brokenPromiseDay: DayNumber | null;
  readonly creditHoldSuggested: boolean;
  /** Overdue amount (major units) × days overdue of the oldest item: the order of the worklist. */
  readonly priority: number;
}

export interface DunningPlan {
  readonly asOf: DayNumber;
  readonly policy: DunningPolicy;
  /** Accounts to chase today, highest priority first. */
  readonly actions: readonly AccountPlan[];
  /** Accounts with no action today, each with its reason, by customer. */
  readonly excluded: readonly AccountPlan[];
}

/** Runs the policy over the ledger and the log as of a date. */
export function planDunning(items: readonly LedgerItem[], log: readonly LogEntry[], options: PlanOptions): DunningPlan {
  const accounts = new Map<string, LedgerItem[]>();
  for (const item of items) {
    const key = accountKey(item.customer, item.currency);
    const list = accounts.get(key);
    if (list) list.push(item);
    else accounts.set(key, [item]);
  }
  const actions: AccountPlan[] = [];
  const excluded: AccountPlan[] = [];
  for (const list of accounts.values()) {
    const first = list[0] as LedgerItem;
    const history = lastStageSent(log, first.customer, first.currency, list, options.policy);
    const plan = planAccount(list, history, loggedOutcome(log, first.customer, first.currency, history), options);
    (plan.stage ? actions : excluded).push(plan);
  }
  actions.sort((a, b) => b.priority - a.priority || b.amountDue - a.amountDue || compareCustomers(a, b));
  excluded.sort(compareCustomers);
  return { asOf: options.asOf, policy: options.policy, actions, excluded };
}

function compareCustomers(a: AccountPlan, b: AccountPlan): number {
  return (
    compareCodePoints(a.customer.toLowerCase(), b.customer.toLowerCase()) ||
    compareCodePoints(a.customer, b.customer) ||
    compareCodePoints(a.currency, b.currency)
  );
}

function accountKey(customer: string, currency: string): string {
  return `${customer}\u0000${currency}`;
}

/**
 * The account's last reminder in the log. A cycle whose invoices are all gone from the ledger
 * was paid: the account starts again from the first stage.
 */
function lastStageSent(
  log: readonly LogEntry[],
  customer: string,
  currency: string,
  items: readonly LedgerItem[],
  policy: DunningPolicy,
): LogEntry | null {
  let last: LogEntry | null = null;
  for (const entry of log) {
    if (entry.stageIndex < 0 || entry.customer !== customer) continue;
    if (entry.currency !== null && entry.currency !== currency) continue;
    if (entry.stageIndex >= policy.stages.length) continue;
    if (last === null || entry.day >= last.day) last = entry;
  }
  if (last === null || last.invoices.length === 0) return last;
  const open = new Set(items.filter((item) => item.amount > 0).map((item) => item.invoiceNumber));
  return last.invoices.some((number) => open.has(number)) ? last : null;
}

/** What the last call logged for the account since its last reminder: a promise, or a dispute. */
interface LoggedOutcome {
  readonly promiseUntil: DayNumber | null;
  readonly disputed: boolean;
}

const ISO_IN_NOTE = /(\d{4})-(\d{2})-(\d{2})/;

function loggedOutcome(log: readonly LogEntry[], customer: string, currency: string, history: LogEntry | null): LoggedOutcome {
  let latest: LogEntry | null = null;
  for (const entry of log) {
    if (entry.stageIndex >= 0 || entry.customer !== customer) continue;
    if (entry.currency !== null && entry.currency !== currency) continue;
    if (history && entry.day < history.day) continue;
    const event = logEventOf(entry.stageText);
    if (event !== 'promise' && event !== 'dispute') continue;
    if (latest === null || entry.day >= latest.day) latest = entry;
  }
  if (latest === null) return { promiseUntil: null, disputed: false };
  if (logEventOf(latest.stageText) === 'dispute') return { promiseUntil: null, disputed: true };
  const date = ISO_IN_NOTE.exec(latest.note);
  return { promiseUntil: date ? dayFromCalendar(Number(date[1]), Number(date[2]), Number(date[3])) : null, disputed: false };
}

function planAccount(
  items: readonly LedgerItem[],
  history: LogEntry | null,
  outcome: LoggedOutcome,
  options: PlanOptions,
): AccountPlan {
  const { asOf, policy } = options;
  const stages = policy.stages;
  const first = items[0] as LedgerItem;
  const days = (item: LedgerItem) => asOf - item.dueDay;
  const positives = items.filter((item) => item.amount > 0);
  const credits = items.filter((item) => item.amount < 0);
  const disputed = positives.filter((item) => item.disputed);
  const promised = positives.filter((item) => !item.disputed && item.promiseDay !== null && item.promiseDay >= asOf);
  const candidates = positives.filter((item) => !item.disputed && !(item.promiseDay !== null && item.promiseDay >= asOf));
  const creditsTotal = sum(credits);
  const oldest = candidates.length === 0 ? null : largest(candidates.map(days));
  const targetIndex = oldest === null ? -1 : stageIndexForDays(oldest, stages);
  const target = targetIndex >= 0 ? (stages[targetIndex] as DunningStage) : null;
  // A late invoice is never "due soon": an account with overdue items waits for the first
  // overdue stage rather than getting a courtesy reminder.
  const lateBeforeFirstStage = target !== null && target.fromDay <= 0 && oldest !== null && oldest > 0;
  // An overdue stage is about the overdue invoices; a courtesy stage only about those not yet due.
  const dunnedItems =
    target === null || lateBeforeFirstStage
      ? []
      : candidates
          .filter((item) => (target.fromDay > 0 ? days(item) >= 1 : days(item) >= target.fromDay && days(item) <= 0))
          .sort((a, b) => a.dueDay - b.dueDay);
  const amountDue = sum(dunnedItems);
  const overdueAmount = sum(candidates.filter((item) => days(item) > 0));
  const law = accountLaw(
    items.find((item) => item.customerType != null)?.customerType ?? policy.defaultCustomerType,
    jurisdictionOfCountry(items.find((item) => item.country != null)?.country ?? null),
    policy,
  );
  const lastIndex = history ? history.stageIndex : -1;
  const brokenPromises = positives
    .filter((item) => item.promiseDay !== null && item.promiseDay < asOf)
    .map((item) => item.promiseDay as number);

  const exclusion = ((): Exclusion | null => {
    if (positives.length === 0) return { code: 'reasonNoOpenInvoices' };
    // A promise or a dispute taken down on the phone holds the whole account.
    if (outcome.promiseUntil !== null && outcome.promiseUntil >= asOf)
      return { code: 'reasonPromise', until: outcome.promiseUntil };
    if (outcome.disputed) return { code: 'reasonDisputed' };
    if (candidates.length === 0) {
      if (promised.length > 0)
        return { code: 'reasonPromise', until: largest(promised.map((item) => item.promiseDay as number)) };
      return { code: 'reasonDisputed' };
    }
    if (lateBeforeFirstStage) {
      const firstOverdue = stages.find((s) => s.fromDay > 0);
      if (firstOverdue)
        return {
          code: 'reasonBeforeFirstReminder',
          days: oldest ?? 0,
          from: firstOverdue.fromDay,
          on: asOf + firstOverdue.fromDay - (oldest ?? 0),
        };
      return { code: 'reasonNotDue' };
    }
    if (target === null) {
      const overdueHeld = disputed.some((item) => days(item) > 0);
      return overdueHeld ? { code: 'reasonDisputed' } : { code: 'reasonNotDue' };
    }
    const minimum = minorFromNumber(policy.minimumAmount, first.currency);
    if (amountDue < minimum || amountDue <= 0) return { code: 'reasonBelowMinimum', amount: amountDue, minimum };
    if (amountDue + creditsTotal <= 0) return { code: 'reasonCovered', credits: creditsTotal };
    if (history && lastIndex >= targetIndex) {
      return {
        code: 'reasonAlreadySent',
        stage: stages[lastIndex] as DunningStage,
        day: history.day,
        nextStage: stages[lastIndex + 1] ?? null,
      };
    }
    if (history && asOf - history.day < policy.minimumIntervalDays) {
      return {
        code: 'reasonTooSoon',
        stage: stages[lastIndex] as DunningStage,
        day: history.day,
        daysAgo: asOf - history.day,
        next: history.day + policy.minimumIntervalDays,
      };
    }
    return null;
  })();

  let stageIndex: number | null = null;
  if (exclusion === null && target !== null) {
    // Never skip a stage; but a stage before the due date is no step for an invoice already late.
    let next = lastIndex + 1;
    while (next < targetIndex && (stages[next] as DunningStage).fromDay <= 0 && target.fromDay > 0) next++;
    stageIndex = Math.min(next, targetIndex);
  }
  const stage = stageIndex === null ? null : (stages[stageIndex] as DunningStage);

  let penaltyError: AgeBucketError | null = null;
  const dunned: DunnedItem[] = dunnedItems.map((item) => {
    const overdue = days(item);
    if (!stage || overdue <= 0) return { item, daysOverdue: overdue, interest: 0, fee: null };
    let interest = 0;
    if (stage.claimsInterest) {
      try {
        interest = itemInterest(law, item.amount, item.dueDay, asOf, policy).interest;
      } catch (error) {
        if (!(error instanceof AgeBucketError)) throw error;
        penaltyError = error;
      }
    }
    // The fee stands on its own: a missing rate stops the interest, never the 40 € (D441-5).
    const fee = stage.claimsRecoveryFee ? itemFee(law, item.amount) : null;
    return { item, daysOverdue: overdue, interest, fee };
  });
  const feeTotals = new Map<string, MinorUnits>();
  for (const { fee } of dunned) if (fee) feeTotals.set(fee.currency, (feeTotals.get(fee.currency) ?? 0) + fee.amount);

  return {
    customer: first.customer,
    currency: first.currency,
    owner: firstText(items, 'owner'),
    email: firstText(items, 'email'),
    phone: firstText(items, 'phone'),
    address: firstText(items, 'address'),
    language: items.find((item) => item.language !== null)?.language ?? null,
    law,
    stage,
    stageIndex,
    targetStage: target,
    lastSent: history && history.stageIndex >= 0 ? { stage: stages[history.stageIndex] as DunningStage, day: history.day } : null,
    exclusion,
    dunned,
    notDue: notDunned(candidates, dunnedItems),
    disputed,
    promised,
    credits,
    amountDue,
    overdueAmount,
    creditsTotal,
    balance: sum(items),
    oldestDaysOverdue: oldest,
    interestTotal: penaltyError ? 0 : dunned.reduce((total, d) => total + d.interest, 0),
    feeTotals: [...feeTotals.entries()].map(([currency, amount]) => ({ currency, amount })),
    penaltyError,
    brokenPromiseDay: brokenPromises.length > 0 ? largest(brokenPromises) : null,
    creditHoldSuggested: stage?.suggestsCreditHold ?? false,
    priority: (amountDue / 100) * Math.max(oldest ?? 0, 0),
  };
}

/** The candidates not in the reminder: a set, since an account may hold 200,000 items. */
function notDunned(candidates: readonly LedgerItem[], dunned: readonly LedgerItem[]): LedgerItem[] {
  const inReminder = new Set(dunned);
  return candidates.filter((item) => !inReminder.has(item));
}

function sum(items: readonly LedgerItem[]): MinorUnits {
  return items.reduce((total, item) => total + item.amount, 0);
}

function firstText(items: readonly LedgerItem[], field: 'owner' | 'email' | 'phone' | 'address'): string | null {
  return items.find((item) => item[field] !== null)?.[field] ?? null;
}

/** The reason an account gets no action, in the user's language. */
export function exclusionText(plan: AccountPlan, language: Language): string {
  const exclusion = plan.exclusion;
  if (exclusion === null) return '';
  const date = (day: DayNumber) => formatLongDate(day, language);
  const money = (minor: MinorUnits) => formatMoney(minor, plan.currency, language);
  switch (exclusion.code) {
    case 'reasonNoOpenInvoices':
    case 'reasonNotDue':
    case 'reasonDisputed':
      return formatMessage(exclusion.code, {}, language);
    case 'reasonPromise':
      return formatMessage('reasonPromise', { date: date(exclusion.until) }, language);
    case 'reasonBelowMinimum':
      return formatMessage(
        'reasonBelowMinimum',
        { amount: money(exclusion.amount), minimum: money(exclusion.minimum) },
        language,
      );
    case 'reasonCovered':
      return formatMessage('reasonCovered', { credits: money(exclusion.credits) }, language);
    case 'reasonBeforeFirstReminder':
      return formatMessage(
        'reasonBeforeFirstReminder',
        { days: dayCount(exclusion.days, language), from: exclusion.from, date: date(exclusion.on) },
        language,
      );
    case 'reasonAlreadySent': {
      const code: MessageCode = exclusion.nextStage ? 'reasonAlreadySent' : 'reasonAlreadySentLast';
      return formatMessage(
        code,
        { stage: exclusion.stage.name[language], date: date(exclusion.day), nextDay: exclusion.nextStage?.fromDay ?? '' },
        language,
      );
    }
    case 'reasonTooSoon':
      return formatMessage(
        'reasonTooSoon',
        { days: exclusion.daysAgo, stage: exclusion.stage.name[language], date: date(exclusion.day), next: date(exclusion.next) },
        language,
      );
  }
}

function dayCount(days: number, language: Language): string {
  if (language === 'fr') return days === 1 ? '1 jour' : `${days} jours`;
  return days === 1 ? '1 day' : `${days} days`;
}
