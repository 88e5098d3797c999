// The Letter templates sheet: written once with the defaults, read back as the user left it.
import { DEFAULT_POLICY } from '../../src/dunning/policy';
import { DEFAULT_TEMPLATES } from '../../src/letters/defaultTemplates';
import { templatesFromSheet, templatesSheetLayout } from '../../src/letters/templateSheet';
import { FLAGS, PLACEHOLDERS } from '../../src/letters/templates';

test('the sheet as written reads back as the default templates', () => {
  const layout = templatesSheetLayout(DEFAULT_POLICY, 'fr');
  expect(layout.rows[0]?.slice(0, 5)).toEqual(['Clé du niveau', 'Niveau', 'Langue', 'Objet', 'Corps']);
  expect(templatesFromSheet(layout.rows)).toEqual(DEFAULT_TEMPLATES);
});

test('beside the letters, every placeholder and flag with its meaning in the sheet’s language', () => {
  const layout = templatesSheetLayout(DEFAULT_POLICY, 'en');
  const reference = layout.rows.slice(1).map((row) => row[6]);
  expect(reference).toContain('{{total_due}}');
  expect(reference).toContain('{{#if claims_interest}}');
  expect(reference.filter((cell) => cell !== '')).toHaveLength(Object.keys(PLACEHOLDERS).length + Object.keys(FLAGS).length);
  const formalNotice = layout.rows.find((row) => row[0] === 'formalNotice' && row[2] === 'fr');
  expect(formalNotice?.[1]).toBe('Formal notice');
});

test('rows without a stage key or with another language are not templates', () => {
  expect(
    templatesFromSheet([
      ['Stage key', 'Stage', 'Language', 'Subject', 'Body'],
      ['first', 'First reminder', 'EN', 'Reminder', 'Dear {{customer}}'],
      ['', '', 'en', 'orphan', 'no key'],
      ['first', 'First reminder', 'de', 'Mahnung', 'Sehr geehrte'],
      ['second', 'Second', 'fr', 5, null],
    ]),
  ).toEqual([
    { stageId: 'first', language: 'en', subject: 'Reminder', body: 'Dear {{customer}}' },
    { stageId: 'second', language: 'fr', subject: '5', body: '' },
  ]);
});
