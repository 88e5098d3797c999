import {
  DEFAULT_POLICY,
  findStage,
  policyFromTable,
  stageIndexForDays,
  stageIndexForInvoice,
  validatePolicy,
} from '../../src/dunning/policy';

const stageAt = (days: number) => DEFAULT_POLICY.stages[stageIndexForDays(days, DEFAULT_POLICY.stages)]?.name.en ?? '';

describe('default policy', () => {
  test.each([
    [-6, ''],
    [-5, 'Courtesy reminder'],
    [9, 'Courtesy reminder'],
    [10, 'First reminder'],
    [19, 'First reminder'],
    [20, 'Second reminder'],
    [30, 'Final reminder'],
    [44, 'Final reminder'],
    [45, 'Formal notice'],
    [60, 'Collection'],
    [400, 'Collection'],
  ])('%i days overdue: %s', (days, name) => expect(stageAt(days)).toBe(name));
  test.each([
    [-6, ''],
    [-5, 'Courtesy reminder'],
    [0, 'Courtesy reminder'],
    [1, ''],
    [9, ''],
    [10, 'First reminder'],
    [60, 'Collection'],
  ])('an invoice %i days overdue has reached: %s', (days, name) =>
    expect(DEFAULT_POLICY.stages[stageIndexForInvoice(days, DEFAULT_POLICY.stages)]?.name.en ?? '').toBe(name),
  );
  test('French names', () => expect(DEFAULT_POLICY.stages.map((s) => s.name.fr)).toContain('Mise en demeure'));
  test('only formal notice and collection claim interest and fees', () => {
    expect(DEFAULT_POLICY.stages.filter((s) => s.claimsInterest && s.claimsRecoveryFee).map((s) => s.id)).toEqual([
      'formalNotice',
      'collection',
    ]);
  });
  test('the final reminder suggests a credit hold', () =>
    expect(DEFAULT_POLICY.stages.find((s) => s.id === 'final')?.suggestsCreditHold).toBe(true));
});

describe('user policies are checked', () => {
  test('stages must go up', () => {
    const stages = [...DEFAULT_POLICY.stages];
    [stages[1], stages[2]] = [stages[2] as (typeof stages)[number], stages[1] as (typeof stages)[number]];
    expect(() => validatePolicy({ ...DEFAULT_POLICY, stages })).toThrow(
      'dunning policy: stage "First reminder" starts on day 10, not after "Second reminder" (day 20)',
    );
  });
  test('interest needs a jurisdiction or a rate', () => {
    expect(() => validatePolicy({ ...DEFAULT_POLICY, jurisdiction: null })).toThrow(/choose a jurisdiction/);
  });
  test('a rate given as a percentage', () =>
    expect(() => validatePolicy({ ...DEFAULT_POLICY, explicitRate: 12 })).toThrow(
      /the contractual rate 1,200% must be between 0% and 100%/,
    ));
  test('a two-column table', () => {
    const policy = policyFromTable([
      [5, 'Level 1'],
      [20, 'Level 2'],
    ]);
    expect(policy.stages.map((s) => [s.fromDay, s.name.en])).toEqual([
      [5, 'Level 1'],
      [20, 'Level 2'],
    ]);
    expect(() => policyFromTable([[5, '']])).toThrow(/stage 1 has no name/);
  });
});

test('the log names stages in either language, ignoring case and accents', () => {
  expect(findStage('première relance', DEFAULT_POLICY.stages)).toBe(1);
  expect(findStage('PREMIERE RELANCE', DEFAULT_POLICY.stages)).toBe(1);
  expect(findStage('Formal notice', DEFAULT_POLICY.stages)).toBe(4);
  expect(findStage('Appel téléphonique', DEFAULT_POLICY.stages)).toBe(-1);
});
