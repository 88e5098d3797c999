// The call list for the phone stage: whom to ring today, what they owe, and what to say, in
// the customer's language.

import { formatLongDate } from '../primitives/dates';
import type { Language } from '../primitives/messages';
import { formatMoney, type MinorUnits } from '../primitives/money';
import { type LogEntry, logEventOf } from './log';
import type { AccountPlan, DunningPlan } from './plan';

export interface CallListEntry {
  readonly customer: string;
  readonly currency: string;
  readonly phone: string | null;
  readonly email: string | null;
  readonly owner: string | null;
  readonly language: Language;
  readonly amountDue: MinorUnits;
  readonly invoiceCount: number;
  readonly oldestInvoice: { readonly number: string; readonly dueDay: number; readonly daysOverdue: number } | null;
  readonly script: string;
  /** Call outcomes already logged for the account on the plan's date ("No answer", "Dispute"). */
  readonly loggedToday: readonly string[];
}

export interface CallListOptions {
  readonly company: string;
  /** Used when the account has no language of its own. */
  readonly defaultLanguage: Language;
  /** The log, to say which calls were already taken down today. */
  readonly log?: readonly LogEntry[];
}

export function callList(plan: DunningPlan, options: CallListOptions): CallListEntry[] {
  const today = new Map<string, string[]>();
  for (const entry of options.log ?? []) {
    if (entry.day !== plan.asOf || entry.stageIndex >= 0 || logEventOf(entry.stageText) === null) continue;
    const key = `${entry.customer}\u0000${entry.currency ?? ''}`;
    const list = today.get(key);
    if (list) list.push(entry.stageText);
    else today.set(key, [entry.stageText]);
  }
  const loggedToday = (account: AccountPlan) => [
    ...(today.get(`${account.customer}\u0000${account.currency}`) ?? []),
    ...(today.get(`${account.customer}\u0000`) ?? []),
  ];
  return plan.actions
    .filter((account) => account.stage?.phoneCall)
    .map((account) => callListEntry(account, options, loggedToday(account)));
}

function callListEntry(account: AccountPlan, options: CallListOptions, loggedToday: readonly string[]): CallListEntry {
  const language = account.language ?? options.defaultLanguage;
  const oldest = account.dunned[0];
  const oldestInvoice = oldest
    ? { number: oldest.item.invoiceNumber, dueDay: oldest.item.dueDay, daysOverdue: oldest.daysOverdue }
    : null;
  return {
    customer: account.customer,
    currency: account.currency,
    phone: account.phone,
    email: account.email,
    owner: account.owner,
    language,
    amountDue: account.amountDue,
    invoiceCount: account.dunned.length,
    oldestInvoice,
    script: callScript(account, language, options.company),
    loggedToday,
  };
}

function callScript(account: AccountPlan, language: Language, company: string): string {
  const amount = formatMoney(account.amountDue, account.currency, language);
  const count = account.dunned.length;
  const oldest = account.dunned[0];
  const owner = account.owner ?? (language === 'fr' ? 'le service comptabilité' : 'the accounts team');
  const due = oldest ? formatLongDate(oldest.item.dueDay, language) : '';
  const broken = account.brokenPromiseDay === null ? null : formatLongDate(account.brokenPromiseDay, language);
  if (language === 'fr') {
    return [
      `Bonjour, ici ${owner}, de ${company}. Je vous appelle au sujet de ${count > 1 ? `${count} factures échues` : 'une facture échue'}, pour un total de ${amount}`,
      oldest ? `, dont la plus ancienne (n° ${oldest.item.invoiceNumber}) était à régler le ${due}.` : '.',
      broken ? ` Un règlement nous avait été promis pour le ${broken} et nous ne l'avons pas reçu.` : '',
      ' Pouvez-vous me dire quand le paiement sera effectué ? Y a-t-il un point qui bloque le règlement ?',
    ].join('');
  }
  return [
    `Hello, this is ${owner} from ${company}. I am calling about ${count > 1 ? `${count} overdue invoices` : 'an overdue invoice'} totalling ${amount}`,
    oldest ? `, the oldest of which (no. ${oldest.item.invoiceNumber}) was due on ${due}.` : '.',
    broken ? ` We were promised payment by ${broken} and have not received it.` : '',
    ' Could you tell me when payment will be made? Is anything holding it up?',
  ].join('');
}
