// The dunning run: per customer account (and currency), never per invoice, which stage to send
// today, or why nothing is sent. Escalation climbs one stage at a time, after a minimum
// interval, and the log is the memory of what was already sent.

import { compareCodePoints } from '../ageing/agedBalance';
import type { LedgerItem } from '../ledger/ledger';
import { setCreditsAgainstOldest, setLetteredCredits } from '../ledger/owed';
import { type AccountLaw, accountLaw, itemFee, itemInterest } from '../penalties/accountPenalties';
import { jurisdictionOfCountry } from '../penalties/customerType';
import type { RecoveryFee } from '../penalties/recoveryFee';
import { largest } from '../primitives/arrays';
import { type DayNumber, formatLongDate } from '../primitives/dates';
import { AgeBucketError, formatMessage, type Language, type MessageCode } from '../primitives/messages';
import { amountFromMinor, formatMoney, type MinorUnits, minorFromNumber } from '../primitives/money';
import type { LogEntry, UnreadableLogRow } from './log';
import {
  type AccountMemory,
  accountMemory,
  belongsTo,
  covers,
  cycleOf,
  type OpenDispute,
  openDisputesOf,
  unreadableRowsOf,
  withMemory,
} from './memory';
import type { DunningPolicy, DunningStage } from './policy';
import { stageIndexForDays, stageIndexForInvoice } from './policy';

export interface PlanOptions {
  readonly asOf: DayNumber;
  readonly policy: DunningPolicy;
  /** Log rows that could not be read: the accounts they might concern are held for review. */
  readonly unreadableLog?: readonly UnreadableLogRow[];
}

/**
 * How the account's stage was chosen: from the reminders already sent about its invoices, or,
 * with none, as a first run (no log rows at all: the policy's rule) or a new cycle (invoices no
 * logged reminder chased: from the first overdue stage).
 */
export type StartRule = 'history' | 'firstRunAge' | 'firstRunOneStage' | 'newCycle' | 'joinsCollection';

export interface DunnedItem {
  readonly item: LedgerItem;
  readonly daysOverdue: number;
  /**
   * What is still owed on this invoice once the account's credit notes and unapplied payments
   * are set against the oldest invoices first: the amount its interest runs on. Letters show it
   * beside the invoice's amount, so each line's interest can be checked by hand.
   */
  readonly owed: MinorUnits;
  /** Interest the stage claims on this invoice (0 when it claims none). */
  readonly interest: MinorUnits;
  /** The fixed recovery fee the stage claims on this invoice, if any. */
  readonly fee: RecoveryFee | null;
}

export type Exclusion =
  | { readonly code: 'reasonNoOpenInvoices' | 'reasonNotDue' | 'reasonDisputed' }
  | { readonly code: 'reasonPromise'; readonly until: DayNumber }
  | { readonly code: 'reasonLogUnreadable'; readonly rows: readonly UnreadableLogRow[] }
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
  /** The highest stage already sent about the invoices chased today (its rung on the ladder). */
  readonly lastSent: { readonly stage: DunningStage; readonly day: DayNumber } | null;
  /** The latest reminder about every invoice chased today: the one a letter cites (see cycleOf). */
  readonly lastReminder: { readonly stage: DunningStage; readonly day: DayNumber } | null;
  readonly startRule: StartRule;
  /**
   * The stage the rules called for, when its letter refers to an earlier stage the log does not
   * show for these invoices: the plan sent that earlier stage instead (`stage`). Null otherwise.
   */
  readonly heldBack: {
    readonly wanted: DunningStage;
    readonly missing: DunningStage;
    /**
     * The invoices listed today that the log shows without that earlier stage, when it shows it
     * for the others (a new invoice joined the account since): empty when none of them had it.
     */
    readonly without: readonly string[];
  } | null;
  readonly exclusion: Exclusion | null;
  /**
   * The account's invoices already referred for collection (the log shows the policy's last stage
   * about them) while later ones are chased: those later ones join the file on their own, the
   * letter lists them alone and names these, which it does not claim again. Null otherwise.
   */
  readonly collectionFile: { readonly items: readonly LedgerItem[]; readonly day: DayNumber } | null;
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
  /** The day the broken promise was logged (null when it came from the ledger's column). */
  readonly brokenPromiseLoggedOn: DayNumber | null;
  /** Disputes still open on the account, one per dispute logged (or invoice flagged in the ledger). */
  readonly disputes: readonly OpenDispute[];
  readonly creditHoldSuggested: boolean;
  /** Overdue amount (minor units) × days overdue of the oldest item: the order of the worklist within a currency. */
  readonly priority: number;
}

export interface DunningPlan {
  readonly asOf: DayNumber;
  readonly policy: DunningPolicy;
  /** Accounts to chase today, highest priority first. */
  readonly actions: readonly AccountPlan[];
  /** Accounts with no action today, each with its reason, by customer. */
  readonly excluded: readonly AccountPlan[];
  /** Every open dispute, oldest first (undated ones, from the ledger's column, last). */
  readonly disputes: readonly OpenDispute[];
  /** Log rows the plan could not read, with their row number and reason. */
  readonly unreadableLog: readonly UnreadableLogRow[];
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
  const logByCustomer = new Map<string, LogEntry[]>();
  for (const entry of log) {
    const list = logByCustomer.get(entry.customer);
    if (list) list.push(entry);
    else logByCustomer.set(entry.customer, [entry]);
  }
  const unreadable = options.unreadableLog ?? [];
  const actions: AccountPlan[] = [];
  const excluded: AccountPlan[] = [];
  for (const list of accounts.values()) {
    const first = list[0] as LedgerItem;
    const entries = (logByCustomer.get(first.customer) ?? []).filter((entry) => belongsTo(entry, first.customer, first.currency));
    const memory = accountMemory(list, entries, options.policy);
    const held = unreadable.length === 0 ? [] : unreadableRowsOf(unreadable, first.customer, first.currency);
    const plan = planAccount(list, memory, held, options);
    (plan.stage ? actions : excluded).push(plan);
  }
  excluded.sort(compareCustomers);
  const disputes = [...actions, ...excluded].flatMap((account) => account.disputes).sort(compareDisputes);
  return {
    asOf: options.asOf,
    policy: options.policy,
    actions: worklistOrder(actions),
    excluded,
    disputes,
    unreadableLog: unreadable,
  };
}

/**
 * The worklist: within a currency, overdue amount (minor units) × days overdue of the oldest
 * item, larger amount first on a tie; across currencies only by days, then amount, because
 * 1,000,000 JPY is not a hundred times 10,000 EUR. Each currency's list is sorted on its own
 * and the lists are merged by their heads, so both rules hold at once.
 */
function worklistOrder(actions: readonly AccountPlan[]): AccountPlan[] {
  const byCurrency = new Map<string, AccountPlan[]>();
  for (const account of actions) {
    const list = byCurrency.get(account.currency);
    if (list) list.push(account);
    else byCurrency.set(account.currency, [account]);
  }
  const queues = [...byCurrency.values()].map((list) => list.sort(comparePriority));
  const heads = queues.map(() => 0);
  const order: AccountPlan[] = [];
  while (order.length < actions.length) {
    let best = -1;
    for (let q = 0; q < queues.length; q++) {
      const candidate = queues[q]?.[heads[q] ?? 0];
      if (candidate === undefined) continue;
      const current = best < 0 ? undefined : queues[best]?.[heads[best] ?? 0];
      if (current === undefined || acrossCurrencies(candidate, current) < 0) best = q;
    }
    order.push(queues[best]?.[heads[best] ?? 0] as AccountPlan);
    heads[best] = (heads[best] ?? 0) + 1;
  }
  return order;
}

/** Across currencies: more days overdue first, then the larger amount in major units, then the currency code. */
function acrossCurrencies(a: AccountPlan, b: AccountPlan): number {
  const days = (b.oldestDaysOverdue ?? 0) - (a.oldestDaysOverdue ?? 0);
  if (days !== 0) return days;
  const major = amountFromMinor(b.amountDue, b.currency) - amountFromMinor(a.amountDue, a.currency);
  return major !== 0 ? major : compareCodePoints(a.currency, b.currency);
}

/** Higher priority first; products compared exactly (in minor units they can pass 2^53). */
function comparePriority(a: AccountPlan, b: AccountPlan): number {
  const pa = BigInt(a.amountDue) * BigInt(Math.max(a.oldestDaysOverdue ?? 0, 0));
  const pb = BigInt(b.amountDue) * BigInt(Math.max(b.oldestDaysOverdue ?? 0, 0));
  if (pa !== pb) return pa > pb ? -1 : 1;
  return b.amountDue - a.amountDue || compareCustomers(a, b);
}

/** Oldest first; disputes with no date (the ledger's column) after the dated ones. */
function compareDisputes(a: OpenDispute, b: OpenDispute): number {
  if (a.since !== b.since) {
    if (a.since === null) return 1;
    if (b.since === null) return -1;
    return a.since - b.since;
  }
  return compareCodePoints(a.customer, b.customer) || compareCodePoints(a.invoices[0] ?? '', b.invoices[0] ?? '');
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

function planAccount(
  ledgerItems: readonly LedgerItem[],
  memory: AccountMemory,
  held: readonly UnreadableLogRow[],
  options: PlanOptions,
): AccountPlan {
  const { asOf, policy } = options;
  const stages = policy.stages;
  // Disputes and promises logged against invoices count as if the ledger said so.
  const items = withMemory(ledgerItems, memory);
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
  const lateBeforeFirstStage = target !== null && oldest !== null && stageIndexForInvoice(oldest, stages) < 0;
  // An overdue stage is about the overdue invoices; a courtesy stage only about those not yet due.
  const reminderItems =
    target === null || lateBeforeFirstStage
      ? []
      : candidates
          .filter((item) => (target.fromDay > 0 ? days(item) >= 1 : days(item) >= target.fromDay && days(item) <= 0))
          .sort((a, b) => a.dueDay - b.dueDay);
  // An account already referred for collection whose customer let a later invoice fall overdue:
  // once that invoice is as late as the first overdue stage, it joins the collection file on its
  // own. The file's invoices are with the collection department and are not claimed again; the
  // later ones get the stage the account is at (collection), which sends the formal notice
  // first when the log does not show one for them (the collection letter refers to it).
  const file = target !== null && target.fromDay > 0 ? collectionFileOf(reminderItems, memory, policy) : null;
  const firstOverdue = stages.find((s) => s.fromDay > 0);
  const joinsFile =
    file !== null && firstOverdue !== undefined && file.joining.some((item) => days(item) >= firstOverdue.fromDay);
  const dunnedItems = joinsFile && file ? file.joining : reminderItems;
  const amountDue = sum(dunnedItems);
  const overdueAmount = sum(candidates.filter((item) => days(item) > 0));
  const law = accountLaw(
    items.find((item) => item.customerType != null)?.customerType ?? policy.defaultCustomerType,
    jurisdictionOfCountry(items.find((item) => item.country != null)?.country ?? null),
    policy,
  );
  // Only the reminders about the invoices chased today count: an old, paid cycle does not.
  const cycle = cycleOf(dunnedItems, memory, policy);
  const history = cycle.lastSent;
  const lastIndex = history ? history.stageIndex : -1;
  const startRule: StartRule = joinsFile
    ? 'joinsCollection'
    : history
      ? 'history'
      : memory.hasHistory
        ? 'newCycle'
        : (policy.firstRun ?? 'ageStage') === 'ageStage'
          ? 'firstRunAge'
          : 'firstRunOneStage';
  const broken = brokenPromiseOf(candidates, memory, asOf);

  const exclusion = ((): Exclusion | null => {
    if (positives.length === 0) return { code: 'reasonNoOpenInvoices' };
    // A row the plan cannot read might be the reminder already sent: review before re-sending.
    if (held.length > 0) return { code: 'reasonLogUnreadable', rows: held };
    // A promise taken down in a call is about the account: it holds it until its date.
    const running = memory.accountPromise;
    if (running !== null && running.until >= asOf) return { code: 'reasonPromise', until: running.until };
    // A promise holds the invoices it covers; the account waits until the first one runs out.
    const promiseHold = (): Exclusion => ({
      code: 'reasonPromise',
      until: promised.reduce((earliest, item) => Math.min(earliest, item.promiseDay as number), Number.POSITIVE_INFINITY),
    });
    if (candidates.length === 0) return promised.length > 0 ? promiseHold() : { code: 'reasonDisputed' };
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
      if (promised.some((item) => days(item) > 0)) return promiseHold();
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
  if (exclusion === null && target !== null && (startRule === 'firstRunAge' || joinsFile)) {
    // A new user's first run: the stage the age calls for, as the policy chose.
    stageIndex = targetIndex;
  } else if (exclusion === null && target !== null) {
    // Never skip a stage; but a stage before the due date is no step for an invoice already late.
    let next = lastIndex + 1;
    while (next < targetIndex && (stages[next] as DunningStage).fromDay <= 0 && target.fromDay > 0) next++;
    stageIndex = Math.min(next, targetIndex);
  }
  // A letter never states a step the log does not show: a stage whose letter refers to an
  // earlier one ("our formal notice has remained without effect") waits until the log shows it
  // about these invoices, and that earlier stage is sent instead, whatever the first-run rule
  // or the age called for.
  let heldBack: AccountPlan['heldBack'] = null;
  while (stageIndex !== null) {
    const chosen = stages[stageIndex] as DunningStage;
    const required = chosen.refersTo == null ? -1 : stages.findIndex((s) => s.id === chosen.refersTo);
    if (required < 0 || required >= stageIndex) break;
    const sentFor = (item: LedgerItem) =>
      memory.reminders.some((entry) => entry.stageIndex === required && covers(entry, item, policy));
    // "Our formal notice has remained without effect" above a list of invoices says it about
    // each of them: true only when the log shows that stage for every one. One letter per
    // account, so an account whose invoices stand at different steps gets the earlier step for
    // all of them (a formal notice that also covers the invoices that had one: one deadline,
    // one claim); the later stage follows for the whole account once the log shows it.
    const without = dunnedItems.filter((item) => !sentFor(item));
    if (without.length === 0) break;
    heldBack ??= {
      wanted: chosen,
      missing: stages[required] as DunningStage,
      without: without.length < dunnedItems.length ? without.map((item) => item.invoiceNumber) : [],
    };
    stageIndex = required;
  }
  const stage = stageIndex === null ? null : (stages[stageIndex] as DunningStage);

  let penaltyError: AgeBucketError | null = null;
  // Credit notes and unapplied payments cut the debt the penalties run on: a payment lettered
  // with invoices against those first, the others against the oldest invoices first, so a formal
  // notice never claims interest on money already credited.
  // A payment lettered with invoices pays them wherever they stand (not yet due, disputed, or
  // dunned); what it leaves, and the other credits, go to the dunned invoices, oldest first.
  const byLetter = setLetteredCredits(positives, credits);
  const afterLetter = new Map<LedgerItem, MinorUnits>();
  positives.forEach((item, index) => {
    afterLetter.set(item, byLetter.owed[index] as MinorUnits);
  });
  const owedOf = setCreditsAgainstOldest(
    dunnedItems.map((item) => ({ dueDay: item.dueDay, amount: afterLetter.get(item) ?? item.amount })),
    -byLetter.unallocated,
  ).owed;
  const dunned: DunnedItem[] = dunnedItems.map((item, index) => {
    const overdue = days(item);
    const owed = owedOf[index] as MinorUnits;
    if (!stage || overdue <= 0 || owed <= 0) return { item, daysOverdue: overdue, owed, interest: 0, fee: null };
    // An opening balance (à-nouveau) has no known due date: no day from which a penalty runs.
    if (item.openingBalance) return { item, daysOverdue: overdue, owed, interest: 0, fee: null };
    let interest = 0;
    if (stage.claimsInterest) {
      try {
        interest = itemInterest(law, owed, item.dueDay, asOf, policy).interest;
      } catch (error) {
        if (!(error instanceof AgeBucketError)) throw error;
        penaltyError = error;
      }
    }
    // The fee stands on its own: a missing rate stops the interest, never the 40 € (D441-5).
    // An invoice wholly covered by credits is no longer owed: neither interest nor fee.
    const fee = stage.claimsRecoveryFee ? itemFee(law, item.amount, item.currency) : null;
    return { item, daysOverdue: overdue, owed, interest, fee };
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
    // The stage the oldest invoice has reached, as DUNNINGSTAGE shows it: none while it is late
    // but before the first overdue stage.
    targetStage: lateBeforeFirstStage ? null : target,
    lastSent: history ? { stage: stages[history.stageIndex] as DunningStage, day: history.day } : null,
    lastReminder: cycle.lastReminder
      ? { stage: stages[cycle.lastReminder.stageIndex] as DunningStage, day: cycle.lastReminder.day }
      : null,
    startRule,
    heldBack,
    exclusion,
    collectionFile: joinsFile && file ? { items: file.inFile, day: file.day } : null,
    dunned,
    notDue: notDunned(candidates, reminderItems),
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
    brokenPromiseDay: broken?.until ?? null,
    brokenPromiseLoggedOn: broken?.loggedOn ?? null,
    disputes: openDisputesOf(ledgerItems, memory, asOf),
    creditHoldSuggested: stage?.suggestsCreditHold ?? false,
    priority: amountDue * Math.max(oldest ?? 0, 0),
  };
}

/**
 * The chased invoices the log shows at the policy's last stage (referred for collection), the
 * others, and the day of the latest row that referred them. Null unless some are and some not.
 */
function collectionFileOf(
  chased: readonly LedgerItem[],
  memory: AccountMemory,
  policy: PlanOptions['policy'],
): { inFile: LedgerItem[]; joining: LedgerItem[]; day: DayNumber } | null {
  const last = policy.stages.length - 1;
  const rows = last > 0 ? memory.reminders.filter((entry) => entry.stageIndex === last) : [];
  if (rows.length === 0) return null;
  const inFile: LedgerItem[] = [];
  const joining: LedgerItem[] = [];
  let day = Number.NEGATIVE_INFINITY;
  for (const item of chased) {
    let referred = false;
    for (const entry of rows) {
      if (!covers(entry, item, policy)) continue;
      referred = true;
      if (entry.day > day) day = entry.day;
    }
    (referred ? inFile : joining).push(item);
  }
  return inFile.length === 0 || joining.length === 0 ? null : { inFile, joining, day };
}

/** The candidates not in the reminder: a set, since an account may hold 200,000 items. */
function notDunned(candidates: readonly LedgerItem[], dunned: readonly LedgerItem[]): LedgerItem[] {
  const inReminder = new Set(dunned);
  return candidates.filter((item) => !inReminder.has(item));
}

/** The latest promise on the chased invoices whose date has passed while they are still open. */
function brokenPromiseOf(
  candidates: readonly LedgerItem[],
  memory: AccountMemory,
  asOf: DayNumber,
): { until: DayNumber; loggedOn: DayNumber | null } | null {
  let broken: { until: DayNumber; loggedOn: DayNumber | null } | null = null;
  for (const item of candidates) {
    const promise = memory.promises.get(item.invoiceNumber);
    if (promise === undefined || promise.until >= asOf) continue;
    if (broken === null || promise.until > broken.until) broken = promise;
  }
  return broken;
}

function sum(items: readonly LedgerItem[]): MinorUnits {
  return items.reduce((total, item) => total + item.amount, 0);
}

function firstText(items: readonly LedgerItem[], field: 'owner' | 'email' | 'phone' | 'address'): string | null {
  return items.find((item) => item[field] !== null)?.[field] ?? null;
}

/**
 * What the stage claims on the account beside the debt, as the plan lists it and the letter
 * claims it: the interest (or, when it cannot be claimed, say a contractual rate below the
 * L441-10 floor or a half-year with no rate, that it is not), then the fixed recovery fees,
 * which are owed whatever happens to the interest (Code de commerce D441-5: 40 € per invoice).
 */
export function claimsText(plan: AccountPlan, language: Language): string {
  const stage = plan.stage;
  if (stage === null) return '';
  const fees = plan.feeTotals.map((fee) => formatMoney(fee.amount, fee.currency, language));
  const interest = !stage.claimsInterest
    ? []
    : plan.penaltyError !== null
      ? [formatMessage('interestNotClaimed', {}, language)]
      : [formatMoney(plan.interestTotal, plan.currency, language)];
  return [...interest, ...fees].join(' + ');
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
    case 'reasonLogUnreadable': {
      const firstRow = exclusion.rows[0];
      return formatMessage(
        'reasonLogUnreadable',
        {
          rows: exclusion.rows.map((row) => row.row).join(', '),
          message: firstRow ? firstRow.error.localized(language) : '',
        },
        language,
      );
    }
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

/**
 * What the plan wants the user to know about an account it chases: which rule chose the stage
 * on a first run or a new cycle, and a promise that was not kept. Empty when nothing is special.
 */
export function planNotes(plan: AccountPlan, language: Language): string[] {
  const notes: string[] = [];
  if (plan.stage !== null && plan.startRule !== 'history') {
    if (plan.startRule === 'joinsCollection' && plan.collectionFile !== null) {
      notes.push(
        formatMessage(
          'ruleJoinsCollection',
          {
            invoices: plan.dunned.map((dunned) => dunned.item.invoiceNumber).join(', '),
            file: plan.collectionFile.items.map((item) => item.invoiceNumber).join(', '),
            date: formatLongDate(plan.collectionFile.day, language),
            stage: lowerFirst(plan.stage.name[language]),
          },
          language,
        ),
      );
    } else {
      const code: MessageCode =
        plan.startRule === 'firstRunAge'
          ? 'ruleFirstRunAge'
          : plan.startRule === 'firstRunOneStage'
            ? 'ruleFirstRunOneStage'
            : 'ruleNewCycle';
      notes.push(formatMessage(code, {}, language));
    }
  }
  if (plan.stage !== null && plan.heldBack !== null) {
    const params = {
      stage: plan.heldBack.wanted.name[language],
      missing: lowerFirst(plan.heldBack.missing.name[language]),
    };
    const code: MessageCode =
      plan.heldBack.without.length > 0
        ? 'ruleRefersToMissingFor'
        : plan.lastSent === null
          ? 'ruleRefersToFirstLetter'
          : 'ruleRefersToMissing';
    notes.push(formatMessage(code, { ...params, invoices: plan.heldBack.without.join(', ') }, language));
  }
  // Said where a claim would be expected: the stage claims penalties, but not on these.
  const openings = plan.dunned.filter((dunned) => dunned.item.openingBalance).map((dunned) => dunned.item.invoiceNumber);
  if (openings.length > 0 && (plan.stage?.claimsInterest || plan.stage?.claimsRecoveryFee)) {
    notes.push(formatMessage('ruleOpeningBalance', { invoices: openings.join(', ') }, language));
  }
  if (plan.brokenPromiseDay !== null) {
    const date = formatLongDate(plan.brokenPromiseDay, language);
    // A promise from the ledger's column was never logged: say where it came from, not "logged on —".
    notes.push(
      plan.brokenPromiseLoggedOn === null
        ? formatMessage('ruleBrokenPromiseLedger', { date }, language)
        : formatMessage('ruleBrokenPromise', { date, logged: formatLongDate(plan.brokenPromiseLoggedOn, language) }, language),
    );
  }
  return notes;
}

/** "Formal notice" inside a sentence: "formal notice first". */
function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** The log rows the plan could not read, one line each, in the user's language. */
export function unreadableLogText(plan: DunningPlan, language: Language): string[] {
  return plan.unreadableLog.map((row) =>
    formatMessage('logRowUnreadable', { row: row.row, message: row.error.localized(language) }, language),
  );
}
