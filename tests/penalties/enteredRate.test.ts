// The statutory rate a user enters for a half-year not on file is typed as a percentage, in the
// pane's language, as the contractual rate is ("12,15 %", "12.15%", "12,15"), read by the same
// parser; the policy keeps the fraction. Rates stored before, as fractions, read as they were:
// nothing is converted. A rate typed the old way (0,1215) would be 0.1215 %, lower than any
// statutory rate ever was: refused with what to type, never kept.

import { completePolicy, validatePolicy } from '../../src/dunning/policy';
import { parseAnnualRate, parseEnteredRate, statutoryInterest } from '../../src/penalties/lateInterest';
import { statutoryRate } from '../../src/penalties/statutoryRates';
import { parseTextDate } from '../../src/primitives/dates';
import { AgeBucketError } from '../../src/primitives/messages';

const refusal = (typed: string) => {
  try {
    parseEnteredRate(typed);
  } catch (error) {
    if (error instanceof AgeBucketError) return [error.localized('en'), error.localized('fr')];
    throw error;
  }
  throw new Error(`${typed} was accepted`);
};

test('a percentage as either language writes it, kept as the fraction', () => {
  for (const typed of ['12,15 %', '12.15%', '12,15', '12.15', '12,15\u00A0%', ' 12,15\u202F% ']) {
    expect([typed, parseEnteredRate(typed)]).toEqual([typed, 0.1215]);
  }
  expect(parseEnteredRate('12,4')).toBe(0.124);
  // The contractual rate's field reads the same text the same way.
  expect(parseEnteredRate('12,15 %')).toBe(parseAnnualRate('12,15 %', 'percent'));
});

test('the old way (a fraction), an unreadable text or more than 100 %: refused, said what to type', () => {
  expect(refusal('0,1215')).toEqual([
    '"0,1215" reads as 0.1215%, lower than any statutory rate: type the rate as a percentage, such as 12.15%',
    '« 0,1215 » se lit 0,1215\u00A0%, moins que tout taux légal : saisissez le taux en pourcentage, comme 12,15 %',
  ]);
  expect(refusal('douze')).toEqual([
    '"douze" is not a rate: type a percentage such as 12.15% (or 12.15)',
    '« douze » n’est pas un taux : saisissez un pourcentage comme 12,15 % (ou 12,15)',
  ]);
  expect(refusal('1215')[0]).toBe('"1215" is not a rate: type a percentage such as 12.15% (or 12.15)');
});

test('a fraction stored by an earlier version is still the rate, unchanged', () => {
  // As a workbook saved it: the policy's enteredRates hold 0.1265 for 2027-H1.
  const stored = completePolicy(
    JSON.parse('{"enteredRates":[{"jurisdiction":"FR","halfYear":"2027-H1","rate":0.1265}]}') as Parameters<
      typeof completePolicy
    >[0],
  );
  const policy = validatePolicy(stored);
  expect(policy.enteredRates).toEqual([{ jurisdiction: 'FR', halfYear: '2027-H1', rate: 0.1265 }]);
  const day = parseTextDate('2027-03-01');
  expect(statutoryRate('FR', day, policy.enteredRates).rate.toNumber()).toBe(0.1265);
  // 1 000,00 € due on 31 January 2027, as of 1 March 2027: interest from 1 February, 29 days at
  // 12.65 %, 1 000 × 0.1265 × 29 / 365 = 10.0507… → 10.05 €.
  const interest = statutoryInterest(100_000, 'FR', parseTextDate('2027-01-31'), day, policy.enteredRates);
  expect(interest.interest).toBe(1_005);
});
