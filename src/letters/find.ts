// Finding a letter among thousands by its customer, as a credit manager types part of a name:
// case, accents and spacing aside ("amis du rail" finds "Association Les Amis du Rail").

import { fold } from '../dunning/policy';

/** The positions, in order, of the customers (one per letter) whose name contains the text typed. */
export function lettersOfCustomer(customers: readonly string[], typed: string): number[] {
  const wanted = fold(typed);
  const found: number[] = [];
  customers.forEach((customer, index) => {
    if (fold(customer).includes(wanted)) found.push(index);
  });
  return found;
}
