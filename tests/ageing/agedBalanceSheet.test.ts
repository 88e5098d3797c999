// The aged balance sheet in its language: customers in the order a reader of that language
// expects (the pane's lists use the same), and no English left in a French sheet.
import { agedBalance } from '../../src/ageing/agedBalance';
import { agedBalanceSheet } from '../../src/ageing/agedBalanceSheet';
import { makeBuckets } from '../../src/ageing/ageing';
import { DEFAULT_COLLECTION_CURVE } from '../../src/ageing/collection';
import { agedBalanceSheetFor } from '../../src/commands/ageing';
import { defaultSettings } from '../../src/commands/settings';
import { paneText } from '../../src/pane/messages';

const asOf = 20_787; // 2026-11-30
const names = [
  'Électricité Martin',
  'Brightwater Ltd',
  'Zinc & Co',
  'Éditions du Lac',
  'Bâtiment Durand',
  'Eagle Corp',
  'atelier bleu',
];
const items = names.flatMap((customer, i) => [
  { customer, currency: 'EUR', ageDay: asOf - 10 * i, amount: 100_00 + i },
  ...(customer === 'Eagle Corp' ? [{ customer, currency: 'GBP', ageDay: asOf - 40, amount: 50_00 }] : []),
]);
const report = {
  balance: agedBalance(items, { asOf, buckets: makeBuckets(), curve: DEFAULT_COLLECTION_CURVE }),
  blankRows: 0,
  skipped: [],
  itemCount: items.length,
};
// Written out by hand: accents and case come second, so "Bâtiment" sits among the Bs and
// "Éditions", "Électricité" after "Eagle", among the Es; a customer's currencies together.
const EXPECTED = [
  ['atelier bleu', 'EUR'],
  ['Bâtiment Durand', 'EUR'],
  ['Brightwater Ltd', 'EUR'],
  ['Eagle Corp', 'EUR'],
  ['Eagle Corp', 'GBP'],
  ['Éditions du Lac', 'EUR'],
  ['Électricité Martin', 'EUR'],
  ['Zinc & Co', 'EUR'],
];

describe.each(['fr', 'en'] as const)('the aged balance sheet in %s', (language) => {
  const layout = agedBalanceSheet(report, { asOf, language, basis: 'dueDate', curveLabel: DEFAULT_COLLECTION_CURVE.label });
  const header = layout.rows.findIndex((row) => row[0] === (language === 'fr' ? 'Client' : 'Customer'));
  const lines = layout.rows.slice(header + 1, header + 1 + EXPECTED.length).map((row) => [row[0], row[1]]);
  test('customers sorted as the language sorts names', () => expect(lines).toEqual(EXPECTED));
  test('the same order as the pane’s lists', () => {
    const pane = [...names].sort(paneText(language).f.compare);
    expect([...new Set(lines.map(([customer]) => customer))]).toEqual(pane);
  });
});

test('row 2 of a French sheet says where the expected collection comes from, in French', () => {
  const settings = { ...defaultSettings('fr', asOf), language: 'fr' as const };
  const { layout } = agedBalanceSheetFor(report, settings, asOf);
  expect(layout.rows[1]?.[0]).toBe(
    'Ancienneté par date d’échéance · Encaissement attendu\u00A0: Règle empirique attribuée à une enquête de 2004 de la Commercial Collection Agency Association',
  );
  const english = agedBalanceSheetFor(report, { ...defaultSettings('en', asOf), language: 'en' as const }, asOf).layout;
  expect(english.rows[1]?.[0]).toBe(
    'Ageing by due date · Expected collection: Rule of thumb attributed to a 2004 Commercial Collection Agency Association survey',
  );
});

test('counts in the last row as the language writes them: 2,170 and 2 170', () => {
  const many = { ...report, itemCount: 2170, skipped: [], blankRows: 1234 };
  const fr = agedBalanceSheet(many, { asOf, language: 'fr', basis: 'dueDate', curveLabel: '' });
  const en = agedBalanceSheet(many, { asOf, language: 'en', basis: 'dueDate', curveLabel: '' });
  expect(fr.rows[fr.rows.length - 1]?.[0]).toBe('2\u00A0170 pièces lues, 0 ligne ignorée, 1\u00A0234 lignes vides');
  expect(en.rows[en.rows.length - 1]?.[0]).toBe('2,170 items read, 0 rows skipped, 1,234 blank rows');
});
