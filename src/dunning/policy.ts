// The dunning policy: the ladder of stages a credit manager climbs with an overdue account,
// from the courtesy reminder before the due date to collection. The user can edit every rung.

import { CUSTOMER_TYPES, type CustomerType } from '../penalties/customerType';
import { type EnteredRate, halfYearBounds, JURISDICTIONS, type Jurisdiction } from '../penalties/statutoryRates';
import { inBothLanguages, percentText } from '../primitives/localeText';
import type { Language, MessageCode } from '../primitives/messages';
import { AgeBucketError } from '../primitives/messages';

export type Localized = { readonly en: string; readonly fr: string };

export interface DunningStage {
  /** Stable key used by templates and the log ("first", "formalNotice" …). */
  readonly id: string;
  /** Days overdue at which the stage starts (negative: before the due date). */
  readonly fromDay: number;
  readonly name: Localized;
  readonly channel: Localized;
  readonly claimsInterest: boolean;
  readonly claimsRecoveryFee: boolean;
  readonly suggestsCreditHold: boolean;
  /** The stage puts the account on the call list. */
  readonly phoneCall: boolean;
  /**
   * The key of an earlier stage this stage's letter says was sent ("our formal notice has
   * remained without effect"). The plan picks this stage only when the log shows that earlier
   * stage about the invoices the letter lists (their cycle); otherwise it sends that earlier
   * stage: a letter never states a step that did not happen. Null or absent: it presupposes nothing.
   */
  readonly refersTo?: string | null;
}

export interface DunningPolicy {
  /** Ascending by fromDay. */
  readonly stages: readonly DunningStage[];
  /** Days that must pass after a reminder before the next one (default 10). */
  readonly minimumIntervalDays: number;
  /** Accounts owing less than this (in major units of their currency) get no reminder. */
  readonly minimumAmount: number;
  /** Whose statutory interest and fees are claimed; null when the user gives a rate. */
  readonly jurisdiction: Jurisdiction | null;
  /** An explicit annual rate (fraction) instead of the statutory one. */
  readonly explicitRate: number | null;
  /** Days given to pay in a formal notice, counted from its receipt. */
  readonly paymentDeadlineDays: number;
  /**
   * Statutory rates the user entered for half-years the shipped table does not cover yet: the
   * table stops where its sources stop, and a letter must not wait for the next release.
   */
  readonly enteredRates: readonly EnteredRate[];
  /** Accounts whose ledger says nothing about the customer are of this type. */
  readonly defaultCustomerType: CustomerType;
  /**
   * An account with no log rows at all (a new user's ledger): start at the stage its age calls
   * for ("ageStage", the default when absent), or climb one stage at a time ("oneStage").
   */
  readonly firstRun?: FirstRunRule;
}

export type FirstRunRule = 'ageStage' | 'oneStage';

const stage = (
  id: string,
  fromDay: number,
  en: string,
  fr: string,
  channelEn: string,
  channelFr: string,
  extra: Partial<
    Pick<DunningStage, 'claimsInterest' | 'claimsRecoveryFee' | 'suggestsCreditHold' | 'phoneCall' | 'refersTo'>
  > = {},
): DunningStage => ({
  id,
  fromDay,
  name: { en, fr },
  channel: { en: channelEn, fr: channelFr },
  claimsInterest: extra.claimsInterest ?? false,
  claimsRecoveryFee: extra.claimsRecoveryFee ?? false,
  suggestsCreditHold: extra.suggestsCreditHold ?? false,
  phoneCall: extra.phoneCall ?? false,
  refersTo: extra.refersTo ?? null,
});

export const DEFAULT_POLICY: DunningPolicy = {
  stages: [
    stage('courtesy', -5, 'Courtesy reminder', 'Rappel avant échéance', 'Email', 'Email'),
    stage('first', 10, 'First reminder', 'Première relance', 'Email or letter', 'Email ou courrier'),
    stage('second', 20, 'Second reminder', 'Deuxième relance', 'Letter and phone call', 'Courrier et appel téléphonique', {
      phoneCall: true,
    }),
    stage('final', 30, 'Final reminder', 'Dernière relance', 'Registered letter', 'Lettre recommandée', {
      suggestsCreditHold: true,
    }),
    stage(
      'formalNotice',
      45,
      'Formal notice',
      'Mise en demeure',
      'Registered letter with acknowledgement of receipt',
      'Lettre recommandée avec accusé de réception',
      { claimsInterest: true, claimsRecoveryFee: true, suggestsCreditHold: true },
    ),
    stage(
      'collection',
      60,
      'Collection',
      'Contentieux',
      'Collection agency or injunction to pay',
      'Société de recouvrement ou injonction de payer',
      {
        claimsInterest: true,
        claimsRecoveryFee: true,
        suggestsCreditHold: true,
        // Its letter opens "Our formal notice has remained without effect".
        refersTo: 'formalNotice',
      },
    ),
  ],
  minimumIntervalDays: 10,
  minimumAmount: 0,
  jurisdiction: 'FR',
  explicitRate: null,
  paymentDeadlineDays: 8,
  enteredRates: [],
  defaultCustomerType: 'professional',
  firstRun: 'ageStage',
};

/**
 * A policy as a workbook stored it, completed with the defaults of fields added since: a
 * policy saved by an older version keeps working.
 */
export function completePolicy(stored: Partial<DunningPolicy>): DunningPolicy {
  const policy = { ...DEFAULT_POLICY, ...stored, enteredRates: stored.enteredRates ?? [] };
  // A stage saved before stages could refer to an earlier one keeps the default's reference
  // when it is the default's stage (same key) and that earlier stage is still in the policy:
  // an old workbook's collection stage must not send "our formal notice…" on a first run.
  const ids = new Set(policy.stages.map((s) => s.id));
  const stages = policy.stages.map((s) => {
    if (s.refersTo !== undefined) return s;
    const known = DEFAULT_POLICY.stages.find((d) => d.id === s.id)?.refersTo ?? null;
    return { ...s, refersTo: known !== null && ids.has(known) ? known : null };
  });
  return { ...policy, stages };
}

export function stageName(stage: DunningStage, language: Language): string {
  return stage.name[language];
}

/** Checks a user-edited policy; every message says what to fix, in the pane's language. */
export function validatePolicy(policy: DunningPolicy): DunningPolicy {
  if (policy.stages.length === 0) refuse('policyNoStage');
  const ids = new Set<string>();
  policy.stages.forEach((stage, index) => {
    if (!Number.isInteger(stage.fromDay)) refuse('policyFromDayNotWhole', { index: index + 1 });
    if (stage.name.en.trim() === '' || stage.name.fr.trim() === '') refuse('policyStageUnnamed', { index: index + 1 });
    if (ids.has(stage.id)) refuse('policyStageKeyTwice', { key: stage.id });
    ids.add(stage.id);
    if (stage.refersTo != null && !policy.stages.slice(0, index).some((s) => s.id === stage.refersTo)) {
      // A later stage is named as the user named it; a key no stage has any more, as it is.
      const referred = policy.stages.find((s) => s.id === stage.refersTo);
      refuse('policyRefersToLater', {
        stage: shownName(stage),
        earlier: referred ? shownName(referred) : stage.refersTo,
      });
    }
    const previous = policy.stages[index - 1];
    if (previous && stage.fromDay <= previous.fromDay) {
      refuse('policyStagesNotAscending', {
        stage: shownName(stage),
        day: stage.fromDay,
        previous: shownName(previous),
        previousDay: previous.fromDay,
      });
    }
  });
  if (!(Number.isInteger(policy.minimumIntervalDays) && policy.minimumIntervalDays >= 0)) refuse('policyIntervalInvalid');
  if (!(policy.minimumAmount >= 0)) refuse('policyMinimumInvalid');
  if (policy.explicitRate !== null && !(policy.explicitRate >= 0 && policy.explicitRate <= 1)) {
    const rate = policy.explicitRate;
    refuse('policyRateOutOfRange', {
      rate: Number.isFinite(rate) ? inBothLanguages((language) => percentText(rate, language)) : String(rate),
    });
  }
  if (policy.jurisdiction === null && policy.explicitRate === null && policy.stages.some((s) => s.claimsInterest)) {
    refuse('policyNoInterestBasis');
  }
  if (!(Number.isInteger(policy.paymentDeadlineDays) && policy.paymentDeadlineDays >= 1)) refuse('policyDeadlineInvalid');
  if (!CUSTOMER_TYPES.includes(policy.defaultCustomerType)) refuse('policyCustomerTypeUnknown');
  const seen = new Set<string>();
  for (const entered of policy.enteredRates) validateEnteredRate(entered, seen);
  if (policy.firstRun !== undefined && policy.firstRun !== 'ageStage' && policy.firstRun !== 'oneStage') {
    refuse('policyFirstRunUnknown');
  }
  return policy;
}

type MessageParams = ConstructorParameters<typeof AgeBucketError>[1];

/** "dunning policy: <what to fix>", each part in the language the error is read in. */
function refuse(code: MessageCode, params: MessageParams = {}): never {
  throw new AgeBucketError('policyRefused', {}, undefined, new AgeBucketError(code, params));
}

/** A stage as the user named it in each language (the other language's name, or its key, when blank). */
function shownName(stage: DunningStage): Localized {
  const en = stage.name.en.trim() || stage.name.fr.trim() || stage.id;
  const fr = stage.name.fr.trim() || stage.name.en.trim() || stage.id;
  return { en, fr };
}

function validateEnteredRate(entered: EnteredRate, seen: Set<string>): void {
  const where = { jurisdiction: String(entered.jurisdiction), halfYear: String(entered.halfYear) };
  const refuseRate = (code: MessageCode, params: MessageParams = {}): never => {
    throw new AgeBucketError('rateEnteredRefused', where, undefined, new AgeBucketError(code, params));
  };
  if (!JURISDICTIONS.includes(entered.jurisdiction)) refuseRate('enteredRateJurisdiction');
  if (halfYearBounds(entered.halfYear) === null) refuseRate('enteredRateHalfYear');
  if (!(entered.rate > 0 && entered.rate <= 1)) {
    if (entered.rate > 1) refuseRate('enteredRatePercentage', { value: entered.rate, fraction: entered.rate / 100 });
    refuseRate('enteredRateNotPositive');
  }
  const key = `${entered.jurisdiction} ${entered.halfYear}`;
  if (seen.has(key)) refuseRate('enteredRateTwice');
  seen.add(key);
}

/**
 * A formal notice (mise en demeure): the policy's formalNotice stage, or a stage the user named
 * so. It is signed by a person and sent by registered post.
 */
export function isFormalNotice(stage: DunningStage): boolean {
  return stage.id === 'formalNotice' || /formal notice|mise en demeure/i.test(`${stage.name.en} ${stage.name.fr}`);
}

/**
 * A stage whose letter goes by registered post (its channel says "registered", "recommandée",
 * LRAR or AR), or a formal notice: it needs the customer's postal address.
 */
export function sentByPost(stage: DunningStage): boolean {
  return isFormalNotice(stage) || /registered|recommand|\bLRAR\b|\bAR\b/i.test(`${stage.channel.en} ${stage.channel.fr}`);
}

/** The stage for a number of days overdue: the last one started; null before the first. */
export function stageIndexForDays(daysOverdue: number, stages: readonly DunningStage[]): number {
  let found = -1;
  for (let i = 0; i < stages.length; i++) {
    if (daysOverdue >= (stages[i] as DunningStage).fromDay) found = i;
    else break;
  }
  return found;
}

/**
 * The stage an invoice has reached `daysOverdue` days after its due date, as the dunning run
 * sees it (and DUNNINGSTAGE shows it): the last stage started, except that a stage starting
 * before the due date (the courtesy reminder) is about invoices not yet due and ends with the
 * due date. An invoice 1 to 9 days late has reached no stage under the default policy: too late
 * for a courtesy reminder, too early for the first reminder (day 10). -1 when none.
 */
export function stageIndexForInvoice(daysOverdue: number, stages: readonly DunningStage[]): number {
  const index = stageIndexForDays(daysOverdue, stages);
  if (index >= 0 && daysOverdue > 0 && (stages[index] as DunningStage).fromDay <= 0) return -1;
  return index;
}

/** A stage named in the log, in either language, or by its key; case and accents ignored. */
export function findStage(text: string, stages: readonly DunningStage[]): number {
  return stageNames(stages).get(fold(text)) ?? -1;
}

/**
 * Each folded name (key, English, French) of a policy's stages → the first stage that has it.
 * Made once per stages table: a log of thousands of rows was folding every name for every row.
 */
const STAGE_NAMES = new WeakMap<readonly DunningStage[], ReadonlyMap<string, number>>();
function stageNames(stages: readonly DunningStage[]): ReadonlyMap<string, number> {
  let names = STAGE_NAMES.get(stages);
  if (!names) {
    const made = new Map<string, number>();
    stages.forEach((stage, index) => {
      for (const name of [stage.id, stage.name.en, stage.name.fr]) {
        const folded = fold(name);
        if (!made.has(folded)) made.set(folded, index);
      }
    });
    names = made;
    STAGE_NAMES.set(stages, names);
  }
  return names;
}

export function fold(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ');
}

/** A policy from a two-column range (from day, name), as DUNNINGSTAGE takes it. */
export function policyFromTable(rows: ReadonlyArray<readonly [number, string]>): DunningPolicy {
  return validatePolicy({
    ...DEFAULT_POLICY,
    jurisdiction: null,
    stages: rows.map(([fromDay, name], index) => stage(`stage${index + 1}`, fromDay, name, name, '', '')),
  });
}
