// A line carrying a partial lettrage (lower case in Sage, EBP, Quadra: "ab") is partly matched,
// not unmatched. It stays open, and the statement says what it is: the acompte RG2026-0090 of
// Café de la Gare, lettered "ab" with its invoice FA2026-0301 but not in full, is no
// "règlement non lettré". The sentence deducts "avoirs et règlements non soldés" (open, not yet
// fully matched: GLOSSARY, « pièce non soldée »), true of both kinds of line.
// Real-shaped file: the Sage grand livre clients (tests/data/sage-grand-livre-clients.csv).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type AccountPlan, planDunning } from '../../src/dunning/plan';
import { DEFAULT_POLICY } from '../../src/dunning/policy';
import { importLedgerFile } from '../../src/ledger/import';
import { detectColumns, type LedgerItem, readLedger } from '../../src/ledger/ledger';
import { buildLetter, type Letter } from '../../src/letters/letter';
import { letterToText } from '../../src/letters/render';
import { parseTextDate } from '../../src/primitives/dates';
import type { Language } from '../../src/primitives/messages';
import { options } from './sample';

const today = parseTextDate('2026-11-30');
const NAME = 'sage-grand-livre-clients.csv';

async function imported() {
  return importLedgerFile(new Uint8Array(readFileSync(join(__dirname, '..', 'data', NAME))), {
    fileName: NAME,
    language: 'fr',
    asOf: today,
    defaultCurrency: 'EUR',
    partialMatch: 'lowerCaseOrStar',
    locale: 'fr-FR',
  });
}

/** The items as the pane reads them: from the sheet the import wrote, not from the file. */
async function sheetItems(): Promise<LedgerItem[]> {
  const rows = (await imported()).layout.rows as Array<Array<string | number | null>>;
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

function statement(plan: AccountPlan, language: Language): { letter: Letter; text: string } {
  const letter = buildLetter({ ...plan, language }, { ...options, asOf: today, kind: 'statement' });
  return { letter, text: letterToText(letter).replace(/[\s\u00a0\u202f]+/g, ' ') };
}

function table(letter: Letter) {
  const block = letter.blocks.find((b) => b.kind === 'table');
  if (block?.kind !== 'table') throw new Error('no table');
  return block.table;
}

test('the import keeps the partial code beside the lines it keeps open, and the sheet reads it back', async () => {
  const rows = (await imported()).layout.rows as Array<Array<string | number | null>>;
  const header = rows[0] ?? [];
  const column = header.indexOf('Lettrage partiel');
  expect(column).toBeGreaterThan(0);
  // The fully matched pair (AB) is closed; the partly matched pair (ab) is open and marked.
  const codeOf = new Map(rows.slice(1).map((row) => [row[header.indexOf('N° facture')], row[column]]));
  expect(codeOf.has('FA2026-0501')).toBe(false);
  expect(codeOf.has('RG2026-0150')).toBe(false);
  expect(codeOf.get('FA2026-0301')).toBe('ab');
  expect(codeOf.get('RG2026-0090')).toBe('ab');
  expect(codeOf.get('RG2026-0101')).toBeNull();
  const items = new Map((await sheetItems()).map((item) => [item.invoiceNumber, item]));
  expect(items.get('RG2026-0090')?.partialMatchCode).toBe('ab');
  expect(items.get('FA2026-0301')?.partialMatchCode).toBe('ab');
  expect(items.get('RG2026-0101')?.partialMatchCode ?? null).toBeNull();
});

test('a sheet with its own Lettrage column: lower case is partial (kept open, marked) unless the setting says otherwise', () => {
  const rows = [
    ['Client', 'N° facture', 'Échéance', 'Reste dû', 'Lettrage'],
    ['Café de la Gare', 'FA-1', '30/05/2026', 2340, 'ab'],
    ['Café de la Gare', 'RG-1', '15/06/2026', -1000, 'ab'],
    ['Café de la Gare', 'FA-2', '15/12/2026', 650, null],
  ];
  const read = (partialMatch: 'lowerCaseOrStar' | 'none') =>
    readLedger(rows, detectColumns(rows[0] ?? []), {
      serialSystem: 'excel1900',
      defaultCurrency: 'EUR',
      partialMatch,
      asOf: today,
    }).items.map((item) => [item.invoiceNumber, item.partialMatchCode ?? null]);
  expect(read('lowerCaseOrStar')).toEqual([
    ['FA-1', 'ab'],
    ['RG-1', 'ab'],
    ['FA-2', null],
  ]);
  // Lower case is a full match under the 'none' setting: those lines are closed, none marked.
  expect(read('none')).toEqual([['FA-2', null]]);
});

describe('Café de la Gare’s statement (Sage): the acompte lettered "ab" is partly matched', () => {
  // By hand from the file: FA2026-0301 2 340,00 € due 30/05/2026 (overdue), FA2026-0700
  // 650,00 € due 15/12/2026 (not due): 2 990,00 € of invoices; the acompte RG2026-0090
  // −1 000,00 €; balance 1 990,00 €.
  test('French', async () => {
    const { letter, text } = statement(account(await sheetItems(), '411CAFE'), 'fr');
    const rows = table(letter).rows;
    expect(rows.find((row) => row[0] === 'RG2026-0090')?.at(-1)).toBe('Règlement partiellement lettré (ab)');
    expect(rows.find((row) => row[0] === 'FA2026-0301')?.at(-1)).toBe('Partiellement lettrée (ab)');
    expect(rows.find((row) => row[0] === 'FA2026-0700')?.at(-1)).toBe('Non échue');
    expect(table(letter).totals.map(([label]) => label)).toContain('Règlements non lettrés ou partiellement lettrés');
    expect(text).toContain(
      'Vos factures ouvertes s’élèvent à 2 990,00 €, dont 2 340,00 € échus ; déduction faite de vos avoirs et règlements non soldés, soit 1 000,00 €, le solde de votre compte s’élève à 1 990,00 €.',
    );
    // Nowhere called unmatched on its own.
    expect(text.replaceAll('non lettrés ou partiellement lettrés', '')).not.toContain('non lettr');
  });

  test('English', async () => {
    const { letter, text } = statement(account(await sheetItems(), '411CAFE'), 'en');
    expect(
      table(letter)
        .rows.find((row) => row[0] === 'RG2026-0090')
        ?.at(-1),
    ).toBe('Payment, partly matched (ab)');
    expect(
      table(letter)
        .rows.find((row) => row[0] === 'FA2026-0301')
        ?.at(-1),
    ).toBe('Partly matched (ab)');
    expect(table(letter).totals.map(([label]) => label)).toContain('Unapplied or partly matched payments');
    expect(text).toContain(
      'Your open invoices come to €2,990.00, of which €2,340.00 overdue; less your open credit notes and payments, €1,000.00, the balance of your account is €1,990.00.',
    );
    expect(text.replaceAll('Unapplied or partly matched', '').toLowerCase()).not.toContain('unapplied');
  });

  test('Dupont’s payment RG2026-0101 carries no lettrage: it is still called unapplied, where that is true', async () => {
    for (const [language, status, total] of [
      ['fr', 'Règlement', 'Règlements non lettrés'],
      ['en', 'Payment', 'Unapplied payments'],
    ] as const) {
      const { letter } = statement(account(await sheetItems(), '411DUPONT'), language);
      expect(
        table(letter)
          .rows.find((row) => row[0] === 'RG2026-0101')
          ?.at(-1),
      ).toBe(status);
      expect(table(letter).totals.map(([label]) => label)).toContain(total);
    }
  });
});
