// Who the customer is decides which late-payment law applies. Between professionals, French
// law (Code de commerce L441-10, D441-5), the German BGB §288(2) and (5), the UK Late Payment
// Act 1998 and Directive 2011/7/EU give statutory interest and a fixed recovery fee. A consumer
// gets neither: only legal interest from the formal notice (Code civil 1231-6). A French public
// body pays moratory interest under the Code de la commande publique (R2192-31, D2192-35).

import type { Jurisdiction } from './statutoryRates';

export const CUSTOMER_TYPES = ['professional', 'consumer', 'publicBody'] as const;
export type CustomerType = (typeof CUSTOMER_TYPES)[number];

function fold(text: string): string {
  return text
    .replace(/[\u00a0\u202f]/g, ' ')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[-_.']/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const TYPE_WORDS = new Map<string, CustomerType>();
for (const word of ['professional', 'professionnel', 'pro', 'b2b', 'business', 'company', 'entreprise', 'societe', 'commercial'])
  TYPE_WORDS.set(word, 'professional');
for (const word of [
  'consumer',
  'consommateur',
  'particulier',
  'private',
  'private individual',
  'individual',
  'b2c',
  'personne physique',
])
  TYPE_WORDS.set(word, 'consumer');
for (const word of [
  'public',
  'public body',
  'public sector',
  'public authority',
  'organisme public',
  'personne publique',
  'acheteur public',
  'administration',
  'collectivite',
  'collectivite territoriale',
  'etat',
  'etablissement public',
  'b2g',
])
  TYPE_WORDS.set(word, 'publicBody');

/** A ledger cell or a setting as a customer type; null for a blank or a word it does not know. */
export function readCustomerType(text: string | null): CustomerType | null {
  if (text === null) return null;
  return TYPE_WORDS.get(fold(text)) ?? null;
}

// EU member states other than France and Germany: Directive 2011/7/EU as transposed there.
const EU_MEMBERS = new Set([
  'at',
  'austria',
  'autriche',
  'osterreich',
  'be',
  'belgium',
  'belgique',
  'belgie',
  'bg',
  'bulgaria',
  'bulgarie',
  'hr',
  'croatia',
  'croatie',
  'cy',
  'cyprus',
  'chypre',
  'cz',
  'czechia',
  'czech republic',
  'tchequie',
  'republique tcheque',
  'dk',
  'denmark',
  'danemark',
  'ee',
  'estonia',
  'estonie',
  'fi',
  'finland',
  'finlande',
  'gr',
  'el',
  'greece',
  'grece',
  'hu',
  'hungary',
  'hongrie',
  'ie',
  'ireland',
  'irlande',
  'it',
  'italy',
  'italie',
  'lv',
  'latvia',
  'lettonie',
  'lt',
  'lithuania',
  'lituanie',
  'lu',
  'luxembourg',
  'mt',
  'malta',
  'malte',
  'nl',
  'netherlands',
  'pays bas',
  'holland',
  'pl',
  'poland',
  'pologne',
  'pt',
  'portugal',
  'ro',
  'romania',
  'roumanie',
  'sk',
  'slovakia',
  'slovaquie',
  'si',
  'slovenia',
  'slovenie',
  'es',
  'spain',
  'espagne',
  'se',
  'sweden',
  'suede',
]);
const COUNTRIES = new Map<string, Jurisdiction>();
for (const word of ['fr', 'fra', 'france']) COUNTRIES.set(word, 'FR');
for (const word of ['de', 'deu', 'germany', 'allemagne', 'deutschland']) COUNTRIES.set(word, 'DE');
for (const word of [
  'gb',
  'gbr',
  'uk',
  'united kingdom',
  'royaume uni',
  'great britain',
  'grande bretagne',
  'england',
  'angleterre',
  'scotland',
  'ecosse',
  'wales',
  'pays de galles',
  'northern ireland',
  'irlande du nord',
])
  COUNTRIES.set(word, 'UK');
for (const word of EU_MEMBERS) COUNTRIES.set(word, 'EU');

/**
 * The rules for a customer's country: FR, DE, UK, or EU for the other member states. Null for
 * a blank or any other country: the policy's jurisdiction then applies (the seller's terms).
 */
export function jurisdictionOfCountry(text: string | null): Jurisdiction | null {
  if (text === null) return null;
  return COUNTRIES.get(fold(text)) ?? null;
}
