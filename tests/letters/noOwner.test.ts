// An account with no owner (a Sage ledger has no owner column) and a company with no signatory:
// the letters say "us" (« nous ») where they would name the owner, never the company's own name
// in the third person (« contacter sans attendre Ateliers Réunis SAS »). With an owner, or a
// signatory, the letters name them as before.

import { planDunning } from '../../src/dunning/plan';
import { DEFAULT_POLICY } from '../../src/dunning/policy';
import { DEFAULT_TEMPLATES } from '../../src/letters/defaultTemplates';
import { buildLetter, type LetterOptions } from '../../src/letters/letter';
import { letterToText } from '../../src/letters/render';
import { templatesFromSheet } from '../../src/letters/templateSheet';
import { dayFromCalendar } from '../../src/primitives/dates';
import type { Language } from '../../src/primitives/messages';
import { invoice } from '../dunning/fixtures';
import { options } from './sample';

const TODAY = dayFromCalendar(2026, 11, 30);
const company = { ...options.company, name: 'Ateliers Réunis SAS', signatoryName: '', signatoryTitle: '' };

/** The letter of an account whose one invoice is `daysLate` days late, in `language`. */
function letterText(daysLate: number, language: Language, owner: string | null, extra: Partial<LetterOptions> = {}): string {
  const items = [invoice({ customer: 'Garage Lemaire', invoiceNumber: 'F-9', dueDay: TODAY - daysLate, amount: 700_00, owner })];
  const [account] = planDunning(items, [], { asOf: TODAY, policy: DEFAULT_POLICY }).actions;
  if (!account) throw new Error('no account to chase');
  const letter = buildLetter({ ...account, language }, { ...options, company, asOf: TODAY, ...extra });
  return letterToText(letter).replace(/\s+/g, ' ');
}

describe('no owner and no signatory: the letters say « nous » / "us"', () => {
  test('second reminder (22 days late)', () => {
    const fr = letterText(22, 'fr', null);
    expect(fr).toContain(
      'Si une difficulté empêche ce règlement, nous vous invitons à nous contacter sans attendre afin que nous trouvions ensemble une solution.',
    );
    const en = letterText(22, 'en', null);
    expect(en).toContain('If something prevents payment, please contact us without delay so that we can resolve it together.');
  });
  test('statement of account', () => {
    const fr = letterText(22, 'fr', null, { kind: 'statement' });
    expect(fr).toContain('Si vos écritures diffèrent, merci de nous en informer afin que nous procédions au rapprochement.');
    const en = letterText(22, 'en', null, { kind: 'statement' });
    expect(en).toContain('If your records differ, please let us know so that we can reconcile them.');
  });
  test('courtesy reminder (due in 3 days)', () => {
    expect(letterText(-3, 'fr', null)).toContain(
      'Pour toute question relative à cette facture, nous restons à votre disposition.',
    );
    expect(letterText(-3, 'en', null)).toContain('Should you have any question about this invoice, we will be glad to help.');
  });
  test('no letter names the company in the third person', () => {
    for (const language of ['fr', 'en'] as const)
      for (const text of [
        letterText(22, language, null),
        letterText(22, language, null, { kind: 'statement' }),
        letterText(-3, language, null),
      ])
        expect(text).not.toMatch(
          /(contacter sans attendre|en informer|let|contact) Ateliers Réunis SAS|Ateliers Réunis SAS (reste|will be glad)/,
        );
  });
});

test('an owner, or else the signatory, is still named', () => {
  expect(letterText(22, 'fr', 'Marie Lefort')).toContain('nous vous invitons à contacter sans attendre Marie Lefort afin');
  expect(letterText(22, 'en', 'Marie Lefort', { kind: 'statement' })).toContain('please let Marie Lefort know');
  const signed = { company: { ...company, signatoryName: 'Claire Morel', signatoryTitle: 'Directrice financière' } };
  expect(letterText(22, 'fr', null, { ...signed, kind: 'statement' })).toContain('merci d’en informer Claire Morel afin');
  expect(letterText(-3, 'fr', null, signed)).toContain('Claire Morel reste à votre disposition.');
});

test('a templates sheet written before holds the old default word for word: the new one is used', () => {
  // The sentences as the previous defaults had them, put back into today's defaults.
  const before: Array<[string, string]> = [
    ['{{#if has_owner}}{{owner}} will{{else}}we will{{/if}} be glad', '{{owner}} will be glad'],
    ['{{#if has_owner}}{{owner}} reste{{else}}nous restons{{/if}} à votre', '{{owner}} reste à votre'],
    ['contact {{#if has_owner}}{{owner}}{{else}}us{{/if}} without', 'contact {{owner}} without'],
    [
      'à {{#if has_owner}}contacter sans attendre {{owner}}{{else}}nous contacter sans attendre{{/if}} afin',
      'à contacter sans attendre {{owner}} afin',
    ],
    ['let {{#if has_owner}}{{owner}}{{else}}us{{/if}} know', 'let {{owner}} know'],
    [
      'merci {{#if has_owner}}d’en informer {{owner}}{{else}}de nous en informer{{/if}} afin',
      'merci d’en informer {{owner}} afin',
    ],
    // The statement then also called every credit deducted unapplied (non lettré).
    ['less your open credit notes and payments,', 'less your credit notes and payments not yet applied to them,'],
    ['vos avoirs et règlements non soldés, soit', 'vos avoirs et règlements non lettrés, soit'],
  ];
  const changed = DEFAULT_TEMPLATES.filter((template) => template.body.includes('has_owner'));
  expect(changed.map((t) => `${t.stageId} ${t.language}`).sort()).toEqual([
    'courtesy en',
    'courtesy fr',
    'second en',
    'second fr',
    'statement en',
    'statement fr',
  ]);
  const rows = [
    ['stage', 'name', 'language', 'subject', 'body'],
    ...changed.map((t) => [
      t.stageId,
      '',
      t.language,
      t.subject,
      before.reduce((body, [now, then]) => body.replace(now, then), t.body),
    ]),
  ];
  for (const row of rows.slice(1)) expect(row[4]).not.toContain('has_owner');
  expect(templatesFromSheet(rows)).toEqual(changed);
  // A row the user edited, by one character, is kept as written.
  const edited = rows.map((row, index) => (index === 1 ? [...row.slice(0, 4), `${row[4]}!`] : row));
  expect(templatesFromSheet(edited)[0]?.body).not.toContain('has_owner');
});
