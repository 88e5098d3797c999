// A ledger without a currency column is read in the default currency: IBM's sample (dollars,
// no currency column) must not be taken for euros without a word. The reading report says which
// currency was assumed and where to change it, in English and French; a ledger with a currency
// column gets no such line.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IBM_SAMPLE } from '../../scripts/csv';
import { importLedgerFile } from '../../src/ledger/import';
import { parseTextDate } from '../../src/primitives/dates';
import type { Language } from '../../src/primitives/messages';

const AS_OF = parseTextDate('2013-09-30');
const load = (file: string, name: string, language: Language, defaultCurrency: string) =>
  importLedgerFile(new Uint8Array(readFileSync(file)), {
    fileName: name,
    language,
    asOf: AS_OF,
    defaultCurrency,
    partialMatch: 'lowerCaseOrStar',
  });

test('IBM’s sample, read in the default currency: the report names it and says how to change it', async () => {
  const en = await load(IBM_SAMPLE, 'ibm-accounts-receivable.csv', 'en', 'EUR');
  expect(en.report.lines).toContain(
    'No currency column: every amount is read in EUR. If the ledger is in another currency, change "Currency when none is given" in Settings (or map a currency column).',
  );
  const fr = await load(IBM_SAMPLE, 'ibm-accounts-receivable.csv', 'fr', 'USD');
  expect(fr.report.lines).toContain(
    'Pas de colonne de devise : tous les montants sont lus en USD. Si le tableau est dans une autre devise, changez « Devise par défaut » dans les Paramètres (ou associez une colonne de devise).',
  );
});

test('a ledger with a currency column: no currency is assumed, nothing said', async () => {
  const sample = await load(join(__dirname, '..', '..', 'samples', 'ledger.csv'), 'ledger.csv', 'en', 'EUR');
  expect(sample.report.lines.length).toBeGreaterThan(2);
  expect(sample.report.lines.join('\n')).not.toMatch(/currency column/i);
});
