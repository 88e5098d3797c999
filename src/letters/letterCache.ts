// Letters already built, kept for the accounts of the plan they were built from. A letter is a
// function of its account and the letter options alone (buildLetter reads nothing else), so the
// same account object with the same options gives the same letter: the pane's preview, .docx,
// letters sheet and emails, run one after another on one plan, build each letter once (building
// 5,000 letters takes over a second). A new plan (the ledger or the log read again) has new
// account objects, so it never meets the letters of the old one; any change to the options (the
// company, its signatory, the templates, the language, the kind of letter, the policy, the day)
// drops every letter kept.

import type { AccountPlan } from '../dunning/plan';
import { buildLetter, type Letter, type LetterOptions } from './letter';

/** Everything in the options a letter depends on, as text: equal text, equal letters. */
export function letterOptionsKey(options: LetterOptions): string {
  return JSON.stringify([
    options.company,
    options.policy,
    options.asOf,
    options.defaultLanguage,
    options.templates,
    options.kind ?? 'reminder',
    options.paymentPrefixes ?? null,
  ]);
}

export class LetterCache {
  private key: string | null = null;
  // The options last seen: the same object needs no new key (a preview asks letter by letter).
  private options: LetterOptions | null = null;
  // Weak: the letters of a plan no longer shown go with it.
  private letters = new WeakMap<AccountPlan, Letter>();

  /** The account's letter: built now, or the one built before for the same account and options. */
  letter(account: AccountPlan, options: LetterOptions): Letter {
    this.use(options);
    return this.built(account, options);
  }

  /** The accounts' letters, in their order. */
  lettersFor(accounts: readonly AccountPlan[], options: LetterOptions): Letter[] {
    this.use(options);
    return accounts.map((account) => this.built(account, options));
  }

  private built(account: AccountPlan, options: LetterOptions): Letter {
    let letter = this.letters.get(account);
    if (!letter) {
      letter = buildLetter(account, options);
      this.letters.set(account, letter);
    }
    return letter;
  }

  private use(options: LetterOptions): void {
    if (options === this.options) return;
    this.options = options;
    const key = letterOptionsKey(options);
    if (key === this.key) return;
    this.key = key;
    this.letters = new WeakMap();
  }
}
