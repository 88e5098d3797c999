// Thousands separators in imported files: a separator is dropped only where it groups
// thousands, so no amount comes out 10 or 1,000 times too small or too large without a word.

import { importText } from '../../src/ledger/import';
import { parseTextDate } from '../../src/primitives/dates';

const options = {
  fileName: 'export.csv',
  language: 'en' as const,
  asOf: parseTextDate('2026-11-30'),
  defaultCurrency: 'EUR',
  partialMatch: 'lowerCaseOrStar' as const,
};
const amounts = (text: string) =>
  (importText(text, 'utf-8', options).report.ledger?.items ?? []).map((item) => [item.invoiceNumber, item.amount]);

test('a US export: "2,500" beside "1,234.56" is two thousand five hundred, not 2.50', () => {
  const csv =
    'Customer,Invoice,Due date,Amount\nAcme,F1,2026-10-01,"1,234.56"\nAcme,F2,2026-10-01,"2,500"\nAcme,F3,2026-10-01,980.00\n';
  // By hand: 1,234.56 + 2,500.00 + 980.00 = 4,714.56.
  expect(amounts(csv)).toEqual([
    ['F1', 123456],
    ['F2', 250000],
    ['F3', 98000],
  ]);
});

test('a French export: "99.90" beside "1 234,56" stays 99.90, and "1.234,00" is a thousand and more', () => {
  const csv =
    'Client;Facture;Échéance;Montant\nDupont;F1;01/10/2026;1 234,56\nDupont;F2;01/10/2026;250,00\nDupont;F3;01/10/2026;99.90\nDupont;F4;01/10/2026;1.234,00\n';
  expect(amounts(csv)).toEqual([
    ['F1', 123456],
    ['F2', 25000],
    ['F3', 9990],
    ['F4', 123400],
  ]);
});
