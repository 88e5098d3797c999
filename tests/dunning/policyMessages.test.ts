// The policy editor's checks speak the pane's language, name stages as the user named them, and
// its contractual rate is read as a percentage by the same parser as LATEINTEREST's rate cell.
import { DEFAULT_POLICY, type DunningPolicy, validatePolicy } from '../../src/dunning/policy';
import { lateInterestFunction } from '../../src/functions/catalogue';
import type { HostContext } from '../../src/functions/context';
import { parseAnnualRate } from '../../src/penalties/lateInterest';
import { AgeBucketError, type Language } from '../../src/primitives/messages';

function refusal(policy: DunningPolicy, language: Language): string {
  try {
    validatePolicy(policy);
  } catch (caught) {
    if (caught instanceof AgeBucketError) return caught.localized(language);
    throw caught;
  }
  throw new Error('the policy was accepted');
}

describe('the contractual rate as a credit manager types it', () => {
  test.each([
    ['12,15 %', 0.1215],
    ['12.15%', 0.1215],
    ['12,15', 0.1215],
    ['5%', 0.05],
    ['15 %', 0.15],
    ['12,5', 0.125],
    [`12,15\u00A0%`, 0.1215],
    [`12,15\u202F%`, 0.1215],
    ['0', 0],
  ])('the percentage field reads "%s" as the fraction %s', (typed, fraction) => {
    expect(parseAnnualRate(typed, 'percent')).toBe(fraction);
  });
  test('a function’s rate cell: a bare number is a fraction, a percent sign means hundredths', () => {
    expect(parseAnnualRate('0,1215', 'fraction')).toBe(0.1215);
    expect(parseAnnualRate('12.15 %', 'fraction')).toBe(0.1215);
    expect(() => parseAnnualRate('12.15', 'fraction')).toThrow(/looks like a percentage/);
  });
  test('LATEINTEREST reads "12,15 %" with the same parser: 15 000 at 12.15 % for 30 days', () => {
    // 15000 × 0.1215 × 30 / 365 = 149.79452… → 149.79
    const context: HostContext = {
      serialSystem: 'excel1900',
      today: () => 0,
      cellError: (message) => ({ error: message }),
      dateResult: (day) => day,
      language: 'en',
    };
    expect(lateInterestFunction(15000, 19970, '12,15 %', 20000, context)).toEqual([[149.79]]);
  });
  test('text that is no rate is refused with the text quoted, in the reader’s language', () => {
    const error = (() => {
      try {
        parseAnnualRate('douze', 'percent', 'policyRateUnreadable');
      } catch (caught) {
        return caught as AgeBucketError;
      }
      throw new Error('accepted');
    })();
    expect(error.localized('fr')).toBe('« douze » n’est pas un taux : saisissez un pourcentage comme 12,15 % (ou 12,15)');
    expect(error.localized('en')).toBe('"douze" is not a rate: type a percentage such as 12.15% (or 12.15)');
    expect(() => parseAnnualRate('-5 %', 'percent')).toThrow();
  });
});

describe('policy refusals in the pane’s language', () => {
  const swapped = () => {
    const stages = DEFAULT_POLICY.stages.map((stage) =>
      stage.id === 'formalNotice' ? { ...stage, fromDay: 25, name: { en: 'Formal notice', fr: 'Mise en demeure AR' } } : stage,
    );
    return { ...DEFAULT_POLICY, stages };
  };
  test('a stage out of order, named as the user named it in each language', () => {
    expect(refusal(swapped(), 'fr')).toBe(
      'politique de relance : le niveau « Mise en demeure AR » commence au jour 25, pas après « Dernière relance » (jour 30)',
    );
    expect(refusal(swapped(), 'en')).toBe(
      'dunning policy: stage "Formal notice" starts on day 25, not after "Final reminder" (day 30)',
    );
  });
  test('a rate out of range is shown as a percentage in the reader’s language', () => {
    expect(refusal({ ...DEFAULT_POLICY, explicitRate: 12.5 }, 'fr')).toBe(
      'politique de relance : le taux contractuel 1\u00A0250\u00A0% doit être compris entre 0 % et 100 %, par ex. 12,15 %',
    );
    expect(refusal({ ...DEFAULT_POLICY, explicitRate: 12.5 }, 'en')).toBe(
      'dunning policy: the contractual rate 1,250% must be between 0% and 100%, such as 12.15%',
    );
  });
  test.each([
    ['no stage', { ...DEFAULT_POLICY, stages: [] }],
    [
      'a fractional day',
      { ...DEFAULT_POLICY, stages: DEFAULT_POLICY.stages.map((s, i) => (i === 4 ? { ...s, fromDay: 45.5 } : s)) },
    ],
    ['no jurisdiction nor rate', { ...DEFAULT_POLICY, jurisdiction: null }],
    ['a negative interval', { ...DEFAULT_POLICY, minimumIntervalDays: -1 }],
    ['a negative minimum', { ...DEFAULT_POLICY, minimumAmount: -1 }],
    ['no deadline', { ...DEFAULT_POLICY, paymentDeadlineDays: 0 }],
    [
      'an entered rate as a percentage',
      { ...DEFAULT_POLICY, enteredRates: [{ jurisdiction: 'FR' as const, halfYear: '2027-H1', rate: 12.65 }] },
    ],
    [
      'an entered half-year misspelt',
      { ...DEFAULT_POLICY, enteredRates: [{ jurisdiction: 'FR' as const, halfYear: '2027-S1', rate: 0.12 }] },
    ],
  ])('%s: the French refusal has no English in it', (_, policy) => {
    const fr = refusal(policy as DunningPolicy, 'fr');
    const en = refusal(policy as DunningPolicy, 'en');
    expect(fr).not.toBe(en);
    expect(fr).not.toMatch(/\b(the|must|stage|give|choose|write|looks|entered|dunning|policy)\b/i);
  });
  test('stage 5 with a fractional day, in French', () => {
    const policy = { ...DEFAULT_POLICY, stages: DEFAULT_POLICY.stages.map((s, i) => (i === 4 ? { ...s, fromDay: 45.5 } : s)) };
    expect(refusal(policy, 'fr')).toBe('politique de relance : niveau 5 : « dès le jour » doit être un nombre entier de jours');
  });
});
