// Finding a letter among thousands by its customer, as a credit manager types part of a name:
// case, accents, spacing and punctuation aside ("amis du rail" finds "Association Les Amis du
// Rail"; "oneill" and "o’neill" find "O'Neill Catering"; "saint martin" finds "Saint-Martin").

import { fold } from '../dunning/policy';

/**
 * A name as searched: folded (case, accents), then without spaces and punctuation, so that an
 * apostrophe typed straight, curly or not at all, a hyphen or a dot never stands in the way.
 */
function searchKey(text: string): string {
  return fold(text).replace(/[^\p{L}\p{N}]/gu, '');
}

/** The positions, in order, of the customers (one per letter) whose name contains the text typed. */
export function lettersOfCustomer(customers: readonly string[], typed: string): number[] {
  const wanted = searchKey(typed);
  const found: number[] = [];
  customers.forEach((customer, index) => {
    if (searchKey(customer).includes(wanted)) found.push(index);
  });
  return found;
}

/**
 * The letters the preview's arrows go to from the one shown: with a search that found letters,
 * the previous and next of those; with no search, or one that found nothing, the previous and
 * next of all letters (a failed search must not leave the user unable to move on).
 */
export function neighbourLetters(
  matches: readonly number[] | null,
  at: number,
  count: number,
): { previous: number | undefined; next: number | undefined } {
  if (matches && matches.length > 0) {
    let previous: number | undefined;
    for (const index of matches) if (index < at) previous = index;
    return { previous, next: matches.find((index) => index > at) };
  }
  return { previous: at > 0 ? at - 1 : undefined, next: at < count - 1 ? at + 1 : undefined };
}
