// A payment lettered with invoices (a partial lettrage code the payment and its invoices share)
// reduces those invoices first; only unlettered credits, and what a lettered one has left, go to
// the oldest invoices (Code civil art. 1342-10: the debtor's assignment first, then the oldest
// debt due). The amount a formal notice claims interest on follows.
// Real-shaped files: a Cegid échéancier (tests/ledger/fixtures/cegid-echeancier.csv), the Sage
// grand livre clients and the FEC (tests/data/), read as the pane reads them: from the sheet
// the import writes. Today 30 November 2026.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type AccountPlan, planDunning } from '../../src/dunning/plan';
import { DEFAULT_POLICY } from '../../src/dunning/policy';
import { importLedgerFile } from '../../src/ledger/import';
import { detectColumns, type LedgerItem, readLedger } from '../../src/ledger/ledger';
import { setCredits } from '../../src/ledger/owed';
import { parseTextDate } from '../../src/primitives/dates';

const today = parseTextDate('2026-11-30');

async function sheetItems(path: string, edit = (text: string) => text, fecTerms?: string): Promise<LedgerItem[]> {
  const bytes = Buffer.from(edit(readFileSync(path).toString('latin1')), 'latin1');
  const result = await importLedgerFile(new Uint8Array(bytes), {
    fileName: path.split('/').at(-1) as string,
    language: 'fr',
    asOf: today,
    defaultCurrency: 'EUR',
    partialMatch: 'lowerCaseOrStar',
    locale: 'fr-FR',
    ...(fecTerms ? { fecTerms } : {}),
  });
  const rows = result.layout.rows as Array<Array<string | number | null>>;
  const ledger = readLedger(rows, detectColumns(rows[0] ?? []), { serialSystem: 'excel1900', defaultCurrency: 'EUR' });
  expect(ledger.skipped).toEqual([]);
  return [...ledger.items];
}

function account(items: readonly LedgerItem[], customer: string): AccountPlan {
  const plan = planDunning(
    items.filter((item) => item.customer === customer),
    [],
    { asOf: today, policy: DEFAULT_POLICY },
  );
  const found = [...plan.actions, ...plan.excluded][0];
  if (!found) throw new Error(`no account ${customer}`);
  return found;
}

const owed = (plan: AccountPlan) => Object.fromEntries(plan.dunned.map((d) => [d.item.invoiceNumber, d.owed]));

/** Interest in cents by hand: euros × rate × days / 365, half up (no tie arises here). */
const cents = (euros: number, rate: number, days: number) => Math.round((euros * 100 * rate * days) / 365);

test('the rule itself: lettered credits to their own invoices, the rest oldest first', () => {
  const invoices = [
    { dueDay: 10, amount: 1000 },
    { dueDay: 20, amount: 500, partialMatchCode: 'ab' },
    { dueDay: 30, amount: 300, partialMatchCode: 'cd' },
  ];
  // 'ab' pays 200 of its 500; 'cd' pays 400, 100 more than its 300 (to the oldest); 50 unlettered.
  expect(
    setCredits(invoices, [{ amount: -200, partialMatchCode: 'ab' }, { amount: -400, partialMatchCode: 'cd' }, { amount: -50 }]),
  ).toEqual({ owed: [850, 300, 0], applied: 650, creditBalance: 0 });
  // Codes compare as written: 'AB' (a full lettrage) is not 'ab'.
  expect(setCredits(invoices, [{ amount: -200, partialMatchCode: 'AB' }]).owed).toEqual([800, 500, 300]);
});

describe('Cegid: Hôtel du Lac’s payment R-2026-1120 (1 500,00 €) is lettered BY* with F-2026-1015', () => {
  // F-2026-0911 12 345,67 € due 10/10/2026, no lettrage; F-2026-1015 2 500,00 € due 14/11/2026,
  // BY*, with the payment R-2026-1120 1 500,00 € BY*. The payment reduces F-2026-1015 to
  // 1 000,00 €; F-2026-0911 owes its 12 345,67 €. (Oldest first would have cut F-2026-0911 to
  // 10 845,67 € and left F-2026-1015 whole.)
  test('what each invoice owes, and the interest at the L441-10 rate of 2026-H2 (ECB 2,40 % + 10 = 12,40 %)', async () => {
    const plan = account(await sheetItems(join(__dirname, '..', 'ledger', 'fixtures', 'cegid-echeancier.csv')), 'Hôtel du Lac');
    expect(owed(plan)).toEqual({ 'F-2026-0911': 12_345_67, 'F-2026-1015': 1_000_00 });
    expect(plan.stage?.id).toBe('formalNotice');
    // 11 October to 30 November: 51 days; 15 to 30 November: 16 days.
    const byHand = { 'F-2026-0911': cents(12_345.67, 0.124, 51), 'F-2026-1015': cents(1_000, 0.124, 16) };
    expect(byHand).toEqual({ 'F-2026-0911': 213_90, 'F-2026-1015': 5_44 });
    expect(Object.fromEntries(plan.dunned.map((d) => [d.item.invoiceNumber, d.interest]))).toEqual(byHand);
    expect(plan.interestTotal).toBe(213_90 + 5_44);
  });
});

describe('Sage: Café de la Gare’s acompte RG2026-0090 (1 000,00 €, lettered ab)', () => {
  const file = join(__dirname, '..', 'data', 'sage-grand-livre-clients.csv');
  test('as exported: lettered with its oldest invoice FA2026-0301, which it reduces to 1 340,00 €', async () => {
    const plan = account(await sheetItems(file), '411CAFE');
    // FA2026-0700 (650,00 €, due 15/12/2026) is not dunned yet.
    expect(owed(plan)).toEqual({ 'FA2026-0301': 1_340_00 });
  });
  test('lettered instead with the newer FA2026-0700 (not yet due): it pays that one first, only what is left goes to the overdue one', async () => {
    // The same export with the code moved from FA2026-0301's line to FA2026-0700's.
    const moved = (text: string) =>
      text
        .replace('Facture Café de la Gare;2 340,00;;ab', 'Facture Café de la Gare;2 340,00;;')
        .replace('Facture Café de la Gare;650,00;;', 'Facture Café de la Gare;650,00;;ab');
    const edited = (text: string) => {
      const out = moved(text);
      expect(out).not.toBe(text);
      return out;
    };
    const plan = account(await sheetItems(file, edited), '411CAFE');
    // 650,00 € paid in full by the 1 000,00 € acompte; the 350,00 € left go to FA2026-0301:
    // 2 340,00 − 350,00 = 1 990,00 € (oldest first would have left it 1 340,00 €).
    expect(owed(plan)).toEqual({ 'FA2026-0301': 1_990_00 });
  });
});

test('FEC: CAFÉ DU COMMERCE’s cheque CHQ-0610 lettered a with F26-0120; DURAND’s unlettered credit note to the oldest', async () => {
  const items = await sheetItems(join(__dirname, '..', 'data', '123456789FEC20260930.txt'), undefined, '30 jours');
  // F26-0120 1 800,00 € a, CHQ-0610 1 000,00 € a: 800,00 € owed.
  expect(owed(account(items, 'CAFÉ DU COMMERCE'))).toEqual({ 'F26-0120': 800_00 });
  // DURAND & FILS: F26-0210 6 000,00 €, AV26-0003 600,00 € not lettered: 5 400,00 €.
  expect(owed(account(items, 'DURAND & FILS'))).toEqual({ 'F26-0210': 5_400_00 });
});
