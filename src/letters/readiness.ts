// Before letters are made: which accounts' letters can go. A registered letter or a formal
// notice to an account without a postal address, or a formal notice nobody signs, is held and
// named; the other letters go on, and the run says which were held and why.

import type { AccountPlan } from '../dunning/plan';
import { type DunningPolicy, isFormalNotice, sentByPost } from '../dunning/policy';
import { accountsText, formatMessage, type Language } from '../primitives/messages';
import { type CompanyDetails, type Letter, signatoryOf } from './letter';

export type HoldReason = 'noPostalAddress' | 'noSignatory';

export interface HeldLetter {
  readonly account: AccountPlan;
  readonly reason: HoldReason;
}

/** The accounts whose letters can be made, and those held: one entry per missing piece (an account may lack two). */
export function lettersReady(
  accounts: readonly AccountPlan[],
  company: CompanyDetails,
  kind: 'reminder' | 'statement',
): { ready: AccountPlan[]; held: HeldLetter[] } {
  const ready: AccountPlan[] = [];
  const held: HeldLetter[] = [];
  const signatory = signatoryOf(company);
  for (const account of accounts) {
    const stage = account.stage ?? account.targetStage;
    if (kind === 'statement' || stage === null) {
      ready.push(account);
      continue;
    }
    // Every missing piece at once: fixing the address must not reveal, only then, the signatory.
    const reasons: HoldReason[] = [];
    if (sentByPost(stage) && (account.address ?? '').trim() === '') reasons.push('noPostalAddress');
    if (isFormalNotice(stage) && !account.owner?.trim() && signatory === null) reasons.push('noSignatory');
    if (reasons.length === 0) ready.push(account);
    for (const reason of reasons) held.push({ account, reason });
  }
  return { ready, held };
}

/** One sentence per reason, naming the accounts held (the first few) and how many letters were made. */
export function heldText(held: readonly HeldLetter[], made: number, language: Language): string[] {
  const lines: string[] = [];
  for (const [reason, code] of [
    ['noPostalAddress', 'lettersHeldNoAddress'],
    ['noSignatory', 'lettersHeldNoSignatory'],
  ] as const) {
    const names = held.filter((h) => h.reason === reason).map((h) => h.account.customer);
    if (names.length === 0) continue;
    const accounts = accountsText(names, language, 5);
    const text = formatMessage(code, { accounts, made }, language);
    lines.push(text.charAt(0).toUpperCase() + text.slice(1));
  }
  return lines;
}

/**
 * A letter whose stage goes by registered post (a formal notice, a registered reminder): it is
 * printed and posted, never offered as an email draft, so it is not logged as an email.
 */
export function goesByPost(letter: Letter, policy: DunningPolicy): boolean {
  const stage = policy.stages.find((s) => s.id === letter.stageId);
  return stage !== undefined && sentByPost(stage);
}
