// The sample ledger's dunning run and the letter options the letter tests share.

import { readSample, sampleAsOf } from '../../scripts/sampleData';
import { SAMPLE_COMPANY } from '../../scripts/sampleLedger';
import { planDunning } from '../../src/dunning/plan';
import { DEFAULT_POLICY } from '../../src/dunning/policy';
import { DEFAULT_TEMPLATES } from '../../src/letters/defaultTemplates';
import type { LetterOptions } from '../../src/letters/letter';

export const options: LetterOptions = {
  company: SAMPLE_COMPANY,
  policy: DEFAULT_POLICY,
  asOf: sampleAsOf,
  defaultLanguage: 'fr',
  templates: DEFAULT_TEMPLATES,
};

const { ledger, log } = readSample();
export const plan = planDunning(ledger.items, log.entries, { asOf: sampleAsOf, policy: DEFAULT_POLICY });
