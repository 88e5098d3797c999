// The call list for the phone stage: whom to ring today, what they owe, and what to say, in
// the customer's language.

import { formatLongDate } from '../primitives/dates';
import { colon } from '../primitives/localeText';
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

/**
 * The line under a call's heading: the phone, the account's owner and the oldest invoice, each
 * only when the ledger gives it (no "Téléphone : — · ·" for an account without them).
 */
export function callDetails(
  entry: CallListEntry,
  phoneLabel: string,
  language: Language,
  shortDate: (day: number) => string,
): string {
  const phone = entry.phone?.trim();
  const owner = entry.owner?.trim();
  const invoice = entry.oldestInvoice;
  return [
    phone ? `${phoneLabel}${colon(language)}${phone}` : null,
    owner || null,
    invoice ? `${invoice.number} (${shortDate(invoice.dueDay)})` : null,
  ]
    .filter((part) => part !== null)
    .join(' · ');
}

function callScript(account: AccountPlan, language: Language, company: string): string {
  const amount = formatMoney(account.amountDue, account.currency, language);
  const count = account.dunned.length;
  const oldest = account.dunned[0];
  const owner = account.owner?.trim() ? account.owner.trim() : null;
  const name = company.trim();
  const due = oldest ? formatLongDate(oldest.item.dueDay, language) : '';
  const broken = account.brokenPromiseDay === null ? null : formatLongDate(account.brokenPromiseDay, language);
  if (language === 'fr') {
    // One invoice is "la facture", not "la plus ancienne" of one.
    const about =
      count > 1
        ? `au sujet de ${count} factures échues, pour un total de ${amount}${
            oldest ? `, dont la plus ancienne (n° ${oldest.item.invoiceNumber}) était à régler le ${due}.` : '.'
          }`
        : `au sujet d’une facture échue${oldest ? ` (n° ${oldest.item.invoiceNumber})` : ''}, pour un montant de ${amount}${
            oldest ? `, qui était à régler le ${due}.` : '.'
          }`;
    return [
      // A person is set apart from the company (« ici Marie Lefort, d’Ateliers Réunis SAS »); the
      // department is the company's own (« ici le service comptabilité d’Ateliers Réunis SAS »).
      owner !== null
        ? `Bonjour, ici ${owner}${name === '' ? '' : `, ${deElided(name)}`}.`
        : `Bonjour, ici le service comptabilité${name === '' ? '' : ` ${deElided(name)}`}.`,
      ` Je vous appelle ${about}`,
      broken ? ` Un règlement nous avait été promis pour le ${broken} et nous ne l’avons pas reçu.` : '',
      ' Pouvez-vous me dire quand le paiement sera effectué ? Y a-t-il un point qui bloque le règlement ?',
    ].join('');
  }
  const about =
    count > 1
      ? `${count} overdue invoices totalling ${amount}${
          oldest ? `, the oldest of which (no. ${oldest.item.invoiceNumber}) was due on ${due}.` : '.'
        }`
      : `an overdue invoice${oldest ? ` (no. ${oldest.item.invoiceNumber})` : ''} for ${amount}${oldest ? `, which was due on ${due}.` : '.'}`;
  return [
    owner !== null
      ? `Hello, this is ${owner}${name === '' ? '' : ` from ${name}`}.`
      : `Hello, this is the accounts department${name === '' ? '' : ` of ${name}`}.`,
    ` I am calling about ${about}`,
    broken ? ` We were promised payment by ${broken} and have not received it.` : '',
    ' Could you tell me when payment will be made? Is anything holding it up?',
  ].join('');
}

// Words whose h is aspirated ("la Hachette", "de Hachette"): French does not elide before them.
// The rest of the words starting with h are mute ("d'Hermès", "d'Hôtel de la Gare").
const ASPIRATED_H = new Set([
  'hachette',
  'haribo',
  'hall',
  'halle',
  'halles',
  'hameau',
  'hangar',
  'haras',
  'hardi',
  'haut',
  'haute',
  'hauts',
  'hautes',
  'havre',
  'hennessy',
  'héros',
  'hêtre',
  'hibou',
  'hollande',
  'homard',
  'hongrie',
  'honte',
  'hotte',
  'housse',
  'huit',
  'hyundai',
]);

/**
 * "de" before a name, elided before a vowel or a mute h as French requires: « d'Ateliers Réunis »,
 * « d'Hermès », but « de Brightwater », « de Hachette ».
 */
export function deElided(name: string): string {
  const trimmed = name.trim();
  const first = (trimmed.split(/[\s'’-]/)[0] ?? '').toLowerCase();
  const initial = first.normalize('NFD').charAt(0);
  const vowel = /[aeiou]/.test(initial);
  const muteH = initial === 'h' && !ASPIRATED_H.has(first);
  // The typographic apostrophe, as in the letters (« d’agréer »).
  return vowel || muteH ? `d’${trimmed}` : `de ${trimmed}`;
}
