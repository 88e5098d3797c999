// Payment terms → due date. French practice writes "45 jours fin de mois" (add 45 days, then
// go to the month end) and "fin de mois + 45" (month end, then 45 days): the two differ by up
// to a month, so the order of the words matters.

import { type DayNumber, lastDayOfMonth } from '../primitives/dates';
import { fail } from '../primitives/messages';

export type PaymentTerms =
  | { readonly kind: 'net'; readonly days: number }
  | { readonly kind: 'daysThenEndOfMonth'; readonly days: number }
  | { readonly kind: 'endOfMonthThenDays'; readonly days: number };

/** Longer than any legal or commercial practice: a bigger number is a typo. */
const MAX_TERM_DAYS = 720;

const DAYS_WORD = '(?:days?|jours?|j|d|net|nets?)';
const END_OF_MONTH = String.raw`(?:eom|e\.o\.m\.?|end of (?:the )?month|fin de mois|fdm|f\.d\.m\.?)`;
// Compared without accents: "a reception" and "à réception" are the same words.
const IMMEDIATE = new Set([
  'comptant',
  'au comptant',
  'cash',
  'immediate',
  'immediately',
  'immediat',
  'due on receipt',
  'on receipt',
  'upon receipt',
  'payable on receipt',
  'a reception',
  'a reception de facture',
  'des reception',
  'payable a reception',
]);

const NET = new RegExp(String.raw`^(?:net\s*)?(\d+)(?:\s*${DAYS_WORD})?$`);
const DAYS_THEN_EOM = new RegExp(String.raw`^(\d+)\s*(?:${DAYS_WORD}\s*)?${END_OF_MONTH}$`);
const EOM_THEN_DAYS = new RegExp(String.raw`^${END_OF_MONTH}\s*(?:\+\s*)?(\d+)(?:\s*${DAYS_WORD})?$`);

export function parsePaymentTerms(input: string | number): PaymentTerms {
  const original = String(input);
  if (typeof input === 'number') {
    if (!Number.isInteger(input) || input < 0) fail('termsUnknown', { value: original });
    return checked({ kind: 'net', days: input }, original);
  }
  const text = input
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ');
  if (IMMEDIATE.has(text)) return { kind: 'net', days: 0 };
  const net = NET.exec(text);
  if (net) return checked({ kind: 'net', days: Number(net[1]) }, original);
  const daysThenEom = DAYS_THEN_EOM.exec(text);
  if (daysThenEom) return checked({ kind: 'daysThenEndOfMonth', days: Number(daysThenEom[1]) }, original);
  const eomThenDays = EOM_THEN_DAYS.exec(text);
  if (eomThenDays) return checked({ kind: 'endOfMonthThenDays', days: Number(eomThenDays[1]) }, original);
  return fail('termsUnknown', { value: original });
}

function checked(terms: PaymentTerms, original: string): PaymentTerms {
  if (terms.days > MAX_TERM_DAYS) fail('termsTooLong', { value: original, max: MAX_TERM_DAYS });
  return terms;
}

export function dueDateFromTerms(invoiceDay: DayNumber, terms: PaymentTerms): DayNumber {
  switch (terms.kind) {
    case 'net':
      return invoiceDay + terms.days;
    case 'daysThenEndOfMonth':
      return lastDayOfMonth(invoiceDay + terms.days);
    case 'endOfMonthThenDays':
      return lastDayOfMonth(invoiceDay) + terms.days;
  }
}
