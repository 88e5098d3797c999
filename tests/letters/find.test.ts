// Finding a letter by its customer in the preview: part of the name, case, accents and spacing
// aside; every letter of that customer (one per currency), in the order the letters are made.

import { lettersOfCustomer } from '../../src/letters/find';
import { buildLetter, type Letter } from '../../src/letters/letter';
import { lettersReady } from '../../src/letters/readiness';
import { options, plan } from './sample';

const letters: Letter[] = lettersReady(plan.actions, options.company, 'reminder').ready.map((account) =>
  buildLetter(account, options),
);
const named = (customer: string, currency = 'EUR') => ({ ...(letters[0] as Letter), customer, currency });

describe('lettersOfCustomer', () => {
  test('the sample run has letters to search', () => {
    expect(letters.length).toBeGreaterThan(10);
  });

  test('part of a name, in any case and without its accents, finds the letter', () => {
    const at = letters.findIndex((letter) => letter.customer === 'Association Les Amis du Rail');
    expect(at).toBeGreaterThanOrEqual(0);
    expect(lettersOfCustomer(letters, 'amis du rail')).toEqual([at]);
    expect(lettersOfCustomer(letters, '  AMIS   DU rail ')).toEqual([at]);
  });

  test('accents and spaces the user types or leaves out match either way', () => {
    const list = [named('Société Générale d’Électricité'), named('Boulangerie\u00a0Lefèvre'), named('Hôtel du Lac')];
    expect(lettersOfCustomer(list, 'electricite')).toEqual([0]);
    expect(lettersOfCustomer(list, 'ÉLECTRICITÉ')).toEqual([0]);
    expect(lettersOfCustomer(list, 'boulangerie lefevre')).toEqual([1]);
    expect(lettersOfCustomer(list, 'hotel')).toEqual([2]);
    expect(lettersOfCustomer(list, 'Dupont')).toEqual([]);
  });

  test('every letter of a customer, in order: one per currency', () => {
    const list = [named('Thames Valley Ltd', 'GBP'), named('Roux'), named('Thames Valley Ltd', 'EUR')];
    expect(lettersOfCustomer(list, 'thames')).toEqual([0, 2]);
  });

  test('nothing typed finds every letter', () => {
    expect(lettersOfCustomer(letters, '')).toHaveLength(letters.length);
  });
});
