// A statement of account says what is true in every case: its sentence adds up (open invoices,
// of which overdue; less credits; = balance) whether credits are smaller or larger than what is
// overdue, or leave the account in the customer's favour; and a payment is called a payment, a
// credit note a credit note, and a line nothing explains an "unapplied credit", never a guess.
// Real-shaped file: a Sage grand livre (tests/data/sage-grand-livre-clients.csv), as of today.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultSettings, paymentPrefixesOf } from '../../src/commands/settings';
import { type AccountPlan, planDunning } from '../../src/dunning/plan';
import { DEFAULT_POLICY } from '../../src/dunning/policy';
import { importLedgerFile } from '../../src/ledger/import';
import { detectColumns, type LedgerItem, readLedger } from '../../src/ledger/ledger';
import { buildLetter, creditKind, type Letter, type LetterOptions } from '../../src/letters/letter';
import { letterToText } from '../../src/letters/render';
import { parseTextDate } from '../../src/primitives/dates';
import type { Language } from '../../src/primitives/messages';
import { invoice } from '../dunning/fixtures';
import { options } from './sample';

const today = parseTextDate('2026-11-30');
const NAME = 'sage-grand-livre-clients.csv';

async function sageItems(): Promise<LedgerItem[]> {
  const result = await importLedgerFile(new Uint8Array(readFileSync(join(__dirname, '..', 'data', NAME))), {
    fileName: NAME,
    language: 'fr',
    asOf: today,
    defaultCurrency: 'EUR',
    partialMatch: 'lowerCaseOrStar',
    locale: 'fr-FR',
  });
  // The pane reads the sheet the import wrote, not the file: read it back the same way.
  const rows = result.layout.rows as Array<Array<string | number | null>>;
  const ledger = readLedger(rows, detectColumns(rows[0] ?? []), { serialSystem: 'excel1900', defaultCurrency: 'EUR' });
  expect(ledger.skipped).toEqual([]);
  return [...ledger.items];
}

function accountOf(items: readonly LedgerItem[], customer: string): AccountPlan {
  const plan = planDunning(
    items.filter((item) => item.customer === customer),
    [],
    { asOf: today, policy: DEFAULT_POLICY },
  );
  const account = [...plan.actions, ...plan.excluded][0];
  if (account === undefined) throw new Error(`no account ${customer}`);
  return account;
}

function statement(account: AccountPlan, language: Language, extra: Partial<LetterOptions> = {}): Letter {
  return buildLetter({ ...account, language }, { ...options, asOf: today, kind: 'statement', ...extra });
}

/** "15 570,50 €" or "€15,570.50" as cents, written independently of the app's formatter. */
function cents(text: string): number {
  const plain = text.replace(/[\s\u00a0\u202f€]/g, '');
  const negative = plain.startsWith('-');
  const digits = plain.replace('-', '');
  const [units, decimals] =
    digits.includes(',') && !digits.includes('.') ? digits.split(',') : digits.replace(/,/g, '').split('.');
  const value = Number(units) * 100 + Number((decimals ?? '0').padEnd(2, '0'));
  return negative ? -value : value;
}

const AMOUNT = '(-?[\\d\\s\\u00a0\\u202f.,]+\\s?€|€-?[\\d,.]+)';

/** The figures the statement's sentence states, read back from its words. */
function sentenceFigures(letter: Letter): {
  invoices: number | null;
  overdue: number | null;
  credits: number | null;
  balance: number;
} {
  const text = letterToText(letter).replace(/\s+/g, ' ');
  const withCredits = [
    new RegExp(
      `Your open invoices come to ${AMOUNT}(?:, of which ${AMOUNT} overdue)?; less your open credit notes and payments, ${AMOUNT}, (?:the balance of your account is ${AMOUNT}|your account shows a credit of ${AMOUNT} in your favour)\\.`,
    ),
    new RegExp(
      `Vos factures ouvertes s’élèvent à ${AMOUNT}(?:, dont ${AMOUNT} échus)? ; déduction faite de vos avoirs et règlements non soldés, soit ${AMOUNT}, (?:le solde de votre compte s’élève à ${AMOUNT}|votre compte présente un solde de ${AMOUNT} en votre faveur)\\.`,
    ),
  ];
  for (const pattern of withCredits) {
    const m = pattern.exec(text);
    if (!m) continue;
    const balance = m[4] !== undefined ? cents(m[4]) : -cents(m[5] as string);
    return {
      invoices: cents(m[1] as string),
      overdue: m[2] === undefined ? 0 : cents(m[2]),
      credits: cents(m[3] as string),
      balance,
    };
  }
  const without = [
    new RegExp(`The balance of your account is ${AMOUNT}(?:, of which ${AMOUNT} is overdue|; none of it is overdue)\\.`),
    new RegExp(`Le solde de votre compte s’élève à ${AMOUNT}(?:, dont ${AMOUNT} échus| ; aucune somme n’est échue)\\.`),
  ];
  for (const pattern of without) {
    const m = pattern.exec(text);
    if (m)
      return { invoices: null, overdue: m[2] === undefined ? 0 : cents(m[2]), credits: null, balance: cents(m[1] as string) };
  }
  throw new Error(`no balance sentence in:\n${text}`);
}

describe('the statement’s sentence adds up in every case (EN and FR)', () => {
  const inv = (number: string, days: number, amount: number) =>
    invoice({ customer: 'Roux', invoiceNumber: number, dueDay: today - days, amount });
  const cases: ReadonlyArray<{ name: string; items: LedgerItem[]; overdue: number; credits: number; balance: number }> = [
    {
      name: 'no credits',
      items: [inv('FA-1', 40, 1_000_00), inv('FA-2', -10, 500_00)],
      overdue: 1_000_00,
      credits: 0,
      balance: 1_500_00,
    },
    {
      name: 'credits smaller than the overdue part, balance below it (the Sage case)',
      items: [inv('FA-1', 108, 12_450_00), inv('FA-2', 90, 3_120_50), inv('RG-1', 102, -3_120_50)],
      overdue: 15_570_50,
      credits: 3_120_50,
      balance: 12_450_00,
    },
    {
      name: 'credits larger than the overdue part',
      items: [inv('FA-1', 20, 300_00), inv('FA-2', -15, 2_000_00), inv('AV-1', 5, -800_00)],
      overdue: 300_00,
      credits: 800_00,
      balance: 1_500_00,
    },
    {
      name: 'credits larger than every invoice: in the customer’s favour',
      items: [inv('FA-1', 20, 300_00), inv('VIR-7', 3, -1_000_00)],
      overdue: 300_00,
      credits: 1_000_00,
      balance: -700_00,
    },
    { name: 'nothing overdue', items: [inv('FA-2', -15, 650_00)], overdue: 0, credits: 0, balance: 650_00 },
    {
      name: 'credits and nothing overdue',
      items: [inv('FA-2', -15, 650_00), inv('AV-1', 2, -50_00)],
      overdue: 0,
      credits: 50_00,
      balance: 600_00,
    },
  ];
  for (const c of cases) {
    for (const language of ['en', 'fr'] as const) {
      test(`${c.name} (${language})`, () => {
        const figures = sentenceFigures(statement(accountOf(c.items, 'Roux'), language));
        // The oracle: the case's figures worked out by hand, and the sentence's own arithmetic.
        expect(figures.balance).toBe(c.balance);
        expect(figures.overdue).toBe(c.overdue);
        if (figures.invoices === null) {
          expect(c.credits).toBe(0);
          expect(figures.overdue).toBeLessThanOrEqual(figures.balance);
        } else {
          expect(figures.credits).toBe(c.credits);
          expect(figures.invoices - (figures.credits ?? 0)).toBe(figures.balance);
          expect(figures.overdue).toBeLessThanOrEqual(figures.invoices);
        }
      });
    }
  }

  test('the Sage ledger: Dupont’s statement no longer says "solde 12 450,00 €, dont 15 570,50 € échus"', async () => {
    const dupont = accountOf(await sageItems(), '411DUPONT');
    const fr = letterToText(statement(dupont, 'fr')).replace(/[\u00a0\u202f]/g, ' ');
    expect(fr).not.toMatch(/dont 15 570,50 € échus\./);
    expect(fr).toContain(
      'Vos factures ouvertes s’élèvent à 15 570,50 €, dont 15 570,50 € échus ; déduction faite de vos avoirs et règlements non soldés, soit 3 120,50 €, le solde de votre compte s’élève à 12 450,00 €.',
    );
    const en = letterToText(statement(dupont, 'en'));
    expect(en).toContain(
      'Your open invoices come to €15,570.50, of which €15,570.50 overdue; less your open credit notes and payments, €3,120.50, the balance of your account is €12,450.00.',
    );
  });
});

describe('a payment is not called a credit note', () => {
  const negative = (invoiceNumber: string, label: string | null = null, extra: Partial<LedgerItem> = {}) =>
    invoice({ customer: 'Roux', invoiceNumber, dueDay: today - 5, amount: -100_00, label, ...extra });

  test('the Sage ledger: RG2026-0101 "Règlement Dupont" is a payment, AV2026-0010 "Avoir Garage" a credit note', async () => {
    const items = await sageItems();
    const byNumber = new Map(items.map((item) => [item.invoiceNumber, item]));
    // The label survives the import into the sheet the pane reads.
    expect(byNumber.get('RG2026-0101')?.label).toBe('Règlement Dupont Électricité');
    expect(creditKind(byNumber.get('RG2026-0101') as LedgerItem)).toBe('payment');
    expect(creditKind(byNumber.get('RG2026-0090') as LedgerItem)).toBe('payment');
    expect(creditKind(byNumber.get('AV2026-0010') as LedgerItem)).toBe('creditNote');
    const dupont = statement(accountOf(items, '411DUPONT'), 'fr');
    const table = dupont.blocks.find((block) => block.kind === 'table');
    if (table?.kind !== 'table') throw new Error('no table');
    expect(table.table.rows.find((row) => row[0] === 'RG2026-0101')?.[5]).toBe('Règlement');
    expect(table.table.totals.map(([label]) => label)).toEqual([
      'Total échu',
      'Non échu',
      'Règlements non lettrés',
      'Solde du compte',
    ]);
  });

  test('the common French and English payment prefixes', () => {
    for (const number of ['RG2026-0101', 'REG-12', 'RGL-881', 'VIR 2026/11', 'CHQ0042', 'PAY-9', 'PMT-3', 'ENC-7', 'RCPT-1']) {
      expect([number, creditKind(negative(number))]).toEqual([number, 'payment']);
    }
    // A prefix followed by a letter is another word: "PAYSAGE" is no payment, "REGUL" no règlement.
    expect(creditKind(negative('PAYSAGE-12'))).toBe('unknown');
    expect(creditKind(negative('REGUL-3'))).toBe('unknown');
    for (const number of ['AV2026-0010', 'AVO-3', 'CN-77']) expect(creditKind(negative(number))).toBe('creditNote');
  });

  test('the payment prefixes are a setting, typed as a list', () => {
    expect(paymentPrefixesOf(defaultSettings('fr', today))).toEqual([
      'RG',
      'REG',
      'RGL',
      'VIR',
      'CHQ',
      'ENC',
      'PAY',
      'PMT',
      'RCPT',
    ]);
    const typed = paymentPrefixesOf({ paymentPrefixes: ' ZR; VIR  CHQ,, ' });
    expect(typed).toEqual(['ZR', 'VIR', 'CHQ']);
    expect(creditKind(negative('ZR-5'), typed)).toBe('payment');
    expect(creditKind(negative('RG-5'), typed)).toBe('unknown');
  });

  test('the label’s words, when the number says nothing', () => {
    for (const label of [
      'Règlement Dupont',
      'Virement reçu',
      'Chèque n° 4411',
      'Paiement partiel',
      'Payment received',
      'Receipt 17',
    ])
      expect([label, creditKind(negative('X-17', label))]).toEqual([label, 'payment']);
    for (const label of ['Avoir commercial', 'Credit note 12']) expect(creditKind(negative('X-18', label))).toBe('creditNote');
    // The document type decides over everything.
    expect(creditKind(negative('RG-1', 'Règlement', { documentType: 'creditNote' }))).toBe('creditNote');
  });

  test('when nothing says, neutrally: "Crédit non lettré" / "Unapplied credit"', () => {
    const items = [invoice({ customer: 'Roux', invoiceNumber: 'FA-1', dueDay: today - 30, amount: 500_00 }), negative('X-19')];
    expect(creditKind(items[1] as LedgerItem)).toBe('unknown');
    for (const [language, status, total] of [
      ['fr', 'Crédit non lettré', 'Crédits non lettrés'],
      ['en', 'Unapplied credit', 'Unapplied credits'],
    ] as const) {
      const table = statement(accountOf(items, 'Roux'), language).blocks.find((block) => block.kind === 'table');
      if (table?.kind !== 'table') throw new Error('no table');
      expect(table.table.rows.find((row) => row[0] === 'X-19')?.[5]).toBe(status);
      expect(table.table.totals.map(([label]) => label)).toContain(total);
    }
  });
});
