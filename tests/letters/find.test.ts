// Finding a letter by its customer in the preview: part of the name, case, accents and spacing
// aside; every letter of that customer (one per currency), in the order the letters are made.

import { lettersOfCustomer, neighbourLetters } from '../../src/letters/find';
import { buildLetter } from '../../src/letters/letter';
import { lettersReady } from '../../src/letters/readiness';
import { options, plan } from './sample';

/** The sample run's letters, by customer, as the preview lists them. */
const customers: string[] = lettersReady(plan.actions, options.company, 'reminder').ready.map(
  (account) => buildLetter(account, options).customer,
);

describe('lettersOfCustomer', () => {
  test('the sample run has letters to search', () => {
    expect(customers.length).toBeGreaterThan(10);
  });

  test('part of a name, in any case and without its accents, finds the letter', () => {
    const at = customers.indexOf('Association Les Amis du Rail');
    expect(at).toBeGreaterThanOrEqual(0);
    expect(lettersOfCustomer(customers, 'amis du rail')).toEqual([at]);
    expect(lettersOfCustomer(customers, '  AMIS   DU rail ')).toEqual([at]);
  });

  test('accents and spaces the user types or leaves out match either way', () => {
    const list = ['Société Générale d’Électricité', 'Boulangerie\u00a0Lefèvre', 'Hôtel du Lac'];
    expect(lettersOfCustomer(list, 'electricite')).toEqual([0]);
    expect(lettersOfCustomer(list, 'ÉLECTRICITÉ')).toEqual([0]);
    expect(lettersOfCustomer(list, 'boulangerie lefevre')).toEqual([1]);
    expect(lettersOfCustomer(list, 'hotel')).toEqual([2]);
    expect(lettersOfCustomer(list, 'Dupont')).toEqual([]);
  });

  test('every letter of a customer, in order: one per currency', () => {
    expect(lettersOfCustomer(['Thames Valley Ltd', 'Roux', 'Thames Valley Ltd'], 'thames')).toEqual([0, 2]);
  });

  test('nothing typed finds every letter', () => {
    expect(lettersOfCustomer(customers, '')).toHaveLength(customers.length);
  });
});

describe('apostrophes and punctuation', () => {
  const list = ["O'Neill Catering", 'Saint-Martin S.A.R.L.', 'Boulangerie Lefèvre'];
  test('an apostrophe typed straight, curly or not at all finds the name', () => {
    expect(lettersOfCustomer(list, 'oneill')).toEqual([0]);
    expect(lettersOfCustomer(list, 'o’neill')).toEqual([0]);
    expect(lettersOfCustomer(list, "O'NEILL catering")).toEqual([0]);
    expect(lettersOfCustomer(['O’Neill Catering'], "o'neill")).toEqual([0]);
  });
  test('hyphens, dots and spaces aside', () => {
    expect(lettersOfCustomer(list, 'saint martin')).toEqual([1]);
    expect(lettersOfCustomer(list, 'sarl')).toEqual([1]);
    expect(lettersOfCustomer(list, 'neil')).toEqual([0]);
    expect(lettersOfCustomer(list, 'Dupont')).toEqual([]);
  });
});

describe('neighbourLetters: where the arrows go', () => {
  test('with matches, from one match to the next', () => {
    expect(neighbourLetters([1, 4, 7], 4, 10)).toEqual({ previous: 1, next: 7 });
    expect(neighbourLetters([1, 4, 7], 7, 10)).toEqual({ previous: 4, next: undefined });
  });
  test('a search that found nothing leaves every letter a click away', () => {
    expect(neighbourLetters([], 4, 10)).toEqual({ previous: 3, next: 5 });
    expect(neighbourLetters([], 0, 10)).toEqual({ previous: undefined, next: 1 });
  });
  test('no search: through all letters', () => {
    expect(neighbourLetters(null, 9, 10)).toEqual({ previous: 8, next: undefined });
  });
});
