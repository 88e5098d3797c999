// Every default letter's sentences about the invoices it lists agree with their number, in both
// languages: "la facture suivante demeure impayée" for one, "les factures suivantes demeurent
// impayées" for several; never "la ou les factures", "facture(s)" or "invoice(s)". A Templates
// sheet written by the version before (tests/letters/data/templates-sheet-before-singular.json,
// the default letters as they were written into workbooks) keeps working: its rows never edited
// give today's letters, a row the user edited is used as it stands.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type AccountPlan, planDunning } from '../../src/dunning/plan';
import { DEFAULT_POLICY } from '../../src/dunning/policy';
import { DEFAULT_TEMPLATES, type LetterTemplate } from '../../src/letters/defaultTemplates';
import { buildLetter } from '../../src/letters/letter';
import { letterToText } from '../../src/letters/render';
import { templatesFromSheet, templatesSheetLayout } from '../../src/letters/templateSheet';
import { validateTemplate } from '../../src/letters/templates';
import { parseTextDate } from '../../src/primitives/dates';
import type { Language } from '../../src/primitives/messages';
import { invoice, logged } from '../dunning/fixtures';
import { options } from './sample';

const asOf = parseTextDate('2026-11-30');
const STAGES = DEFAULT_POLICY.stages;

/**
 * The account at stage `index` with `count` invoices: each invoice 2 days past the stage's
 * first day (before its due date for the courtesy reminder), the previous stage logged about
 * all of them 12 days ago when `reminded` (else a first run, which never goes past the formal notice).
 */
function accountAt(index: number, count: number, reminded: boolean): AccountPlan {
  const stage = STAGES[index];
  if (stage === undefined) throw new Error(`no stage ${index}`);
  const late = stage.fromDay <= 0 ? -3 : stage.fromDay + 2;
  const items = Array.from({ length: count }, (_, n) =>
    invoice({ customer: 'Dupont SA', invoiceNumber: `F${n + 1}`, dueDay: asOf - late, amount: (n + 1) * 100_00 }),
  );
  const log =
    reminded && index > 1
      ? [
          logged(
            'Dupont SA',
            index - 1,
            asOf - 12,
            items.map((i) => i.invoiceNumber),
          ),
        ]
      : [];
  const account = planDunning(items, log, { asOf, policy: DEFAULT_POLICY }).actions[0];
  if (account?.stage?.id !== stage.id) throw new Error(`expected ${stage.id}, got ${account?.stage?.id}`);
  return account;
}

function text(account: AccountPlan, language: Language, templates: readonly LetterTemplate[] = DEFAULT_TEMPLATES): string {
  const letter = buildLetter({ ...account, language }, { ...options, asOf, templates });
  return `${letter.subject}\n${letterToText(letter)}`;
}

const NEITHER = /la ou les|facture\(s\)|invoice\(s\)|\(s\)/;
const PLURAL = { fr: /factures suivantes|ces factures/, en: /following invoices|these invoices/ };
const SINGULAR = { fr: /facture suivante|cette facture/, en: /following invoice\b|this invoice/ };

describe.each(STAGES.map((stage, index) => [stage.id, index] as const))('%s', (id, index) => {
  const cases = [false, true].filter((reminded) => reminded || id !== 'collection');
  test.each(cases)('one invoice, then two, agree in both languages (previous stage logged: %s)', (reminded) => {
    for (const language of ['fr', 'en'] as const) {
      const one = text(accountAt(index, 1, reminded), language);
      const two = text(accountAt(index, 2, reminded), language);
      expect([language, one.match(NEITHER)?.[0], two.match(NEITHER)?.[0]]).toEqual([language, undefined, undefined]);
      expect([language, one.match(SINGULAR[language])?.[0] !== undefined, one.match(PLURAL[language])?.[0]]).toEqual([
        language,
        true,
        undefined,
      ]);
      expect([language, two.match(PLURAL[language])?.[0] !== undefined, two.match(SINGULAR[language])?.[0]]).toEqual([
        language,
        true,
        undefined,
      ]);
    }
  });
});

test('the French formal notice for one invoice, word for word', () => {
  const fr = text(accountAt(4, 1, true), 'fr');
  expect(fr).toContain('Malgré notre relance du 18 novembre 2026, la facture suivante demeure impayée :');
  const first = text(accountAt(4, 1, false), 'fr');
  expect(first).toContain('La facture suivante demeure impayée alors que son échéance est dépassée :');
  expect(first).not.toContain('Les factures suivantes demeurent impayées');
});

test('one disputed invoice is introduced in the singular', () => {
  const items = [
    invoice({ customer: 'Dupont SA', invoiceNumber: 'F1', dueDay: asOf - 15, amount: 100_00 }),
    invoice({ customer: 'Dupont SA', invoiceNumber: 'F2', dueDay: asOf - 15, amount: 50_00, disputed: true }),
  ];
  const account = planDunning(items, [], { asOf, policy: DEFAULT_POLICY }).actions[0] as AccountPlan;
  expect(text(account, 'fr')).toContain(
    'La facture suivante fait l’objet d’une réclamation en cours d’examen ; elle n’est pas réclamée dans ce courrier :',
  );
  expect(text(account, 'en')).toContain(
    'The following invoice is under review following your query; it is not claimed in this letter:',
  );
});

describe('a Templates sheet written by the version before', () => {
  const before: LetterTemplate[] = JSON.parse(
    readFileSync(join(__dirname, 'data', 'templates-sheet-before-singular.json'), 'utf8'),
  );
  const sheet = (templates: readonly LetterTemplate[]) => {
    const layout = templatesSheetLayout(DEFAULT_POLICY, 'fr');
    // The sheet as that version laid it out: its letters in the subject and body columns.
    return [layout.rows[0] ?? [], ...templates.map((t) => [t.stageId, '', t.language, t.subject, t.body])];
  };

  test('it still reads, every template checks, and its untouched letters are today’s', () => {
    expect(before.some((t) => /la ou les factures/.test(t.body))).toBe(true);
    const read = templatesFromSheet(sheet(before));
    for (const template of read) validateTemplate(template);
    expect(read).toEqual(DEFAULT_TEMPLATES);
    expect(text(accountAt(1, 1, false), 'fr', read)).toContain('la facture suivante reste impayée');
  });

  test('a letter the user edited is kept as written, even with its "la ou les"', () => {
    const edited = before.map((t) =>
      t.stageId === 'first' && t.language === 'fr' ? { ...t, body: t.body.replace('Madame, Monsieur,', 'Cher client,') } : t,
    );
    const read = templatesFromSheet(sheet(edited));
    const first = read.find((t) => t.stageId === 'first' && t.language === 'fr');
    expect(first?.body).toMatch(/^Cher client,/);
    expect(first?.body).toContain('la ou les factures suivantes');
    const letter = text(accountAt(1, 1, false), 'fr', read);
    expect(letter).toContain('Cher client,');
    // The others, untouched, are today's.
    expect(read.find((t) => t.stageId === 'second' && t.language === 'fr')).toEqual(
      DEFAULT_TEMPLATES.find((t) => t.stageId === 'second' && t.language === 'fr'),
    );
  });
});
