// Finding a letter among thousands by its customer, as a credit manager types part of a name:
// case, accents and spacing aside ("amis du rail" finds "Association Les Amis du Rail").

import { fold } from '../dunning/policy';
import type { Letter } from './letter';

/** The positions, in order, of the letters whose customer contains the text typed. */
export function lettersOfCustomer(letters: readonly Letter[], typed: string): number[] {
  const wanted = fold(typed);
  const found: number[] = [];
  letters.forEach((letter, index) => {
    if (fold(letter.customer).includes(wanted)) found.push(index);
  });
  return found;
}
