// A registered letter needs an address to go to, a formal notice someone to sign it. An account
// without a postal address gets no registered letter or formal notice, one nobody signs gets no
// formal notice: each is named, in EN and FR, and the other letters are made.
// Real-shaped file: a Sage grand livre with no address and no owner column
// (tests/data/sage-grand-livre-clients.csv), as of today, first run.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { companyDetails, defaultSettings } from '../../src/commands/settings';
import { type AccountPlan, planDunning } from '../../src/dunning/plan';
import { DEFAULT_POLICY } from '../../src/dunning/policy';
import { importLedgerFile } from '../../src/ledger/import';
import { detectColumns, type LedgerItem, readLedger } from '../../src/ledger/ledger';
import { buildLetter, type CompanyDetails } from '../../src/letters/letter';
import { heldText, lettersReady } from '../../src/letters/readiness';
import { letterToText } from '../../src/letters/render';
import { parseTextDate } from '../../src/primitives/dates';
import { AgeBucketError } from '../../src/primitives/messages';
import { invoice } from '../dunning/fixtures';
import { options } from './sample';

const today = parseTextDate('2026-11-30');
const NAME = 'sage-grand-livre-clients.csv';
const COMPANY: CompanyDetails = { ...options.company, signatoryName: '', signatoryTitle: '' };

async function sagePlan() {
  const result = await importLedgerFile(new Uint8Array(readFileSync(join(__dirname, '..', 'data', NAME))), {
    fileName: NAME,
    language: 'fr',
    asOf: today,
    defaultCurrency: 'EUR',
    partialMatch: 'lowerCaseOrStar',
    locale: 'fr-FR',
  });
  const rows = result.layout.rows as Array<Array<string | number | null>>;
  const ledger = readLedger(rows, detectColumns(rows[0] ?? []), { serialSystem: 'excel1900', defaultCurrency: 'EUR' });
  return planDunning(ledger.items, [], { asOf: today, policy: DEFAULT_POLICY });
}

function account(extra: Partial<LedgerItem>, daysLate = 50): AccountPlan {
  const item = invoice({ customer: 'Dupont SA', invoiceNumber: 'F1', dueDay: today - daysLate, amount: 2_000_00, ...extra });
  const plan = planDunning([item], [], { asOf: today, policy: DEFAULT_POLICY });
  return plan.actions[0] as AccountPlan;
}

describe('no postal address: no registered letter, no formal notice', () => {
  test('the Sage ledger: the registered letters and formal notices are held and named, the second reminder is made', async () => {
    const plan = await sagePlan();
    // Worked out from the file: days late at 30 November 2026 of each account's oldest open invoice.
    const stages = Object.fromEntries(plan.actions.map((a) => [a.customer, a.stage?.id]));
    expect(stages).toEqual({
      '411HOTEL': 'formalNotice', // due 30/03/2026, 245 days: formal notice (first run, never collection)
      '411CAFE': 'formalNotice', // due 30/05/2026 (partly matched, still open), 184 days
      '411DUPONT': 'formalNotice', // due 14/08/2026, 108 days
      '411BOUL': 'final', // due 25/10/2026, 36 days: final reminder, by registered letter
      '411GARAGE': 'second', // due 02/11/2026, 28 days: second reminder, letter and call
    });
    const { ready, held } = lettersReady(plan.actions, COMPANY, 'reminder');
    expect(ready.map((a) => a.customer)).toEqual(['411GARAGE']);
    // The file has no owner column and the company no signatory: the formal notices lack a
    // signatory too, said at the same time as the address.
    expect(held.map((h) => [h.account.customer, h.reason]).sort()).toEqual([
      ['411BOUL', 'noPostalAddress'],
      ['411CAFE', 'noPostalAddress'],
      ['411CAFE', 'noSignatory'],
      ['411DUPONT', 'noPostalAddress'],
      ['411DUPONT', 'noSignatory'],
      ['411HOTEL', 'noPostalAddress'],
      ['411HOTEL', 'noSignatory'],
    ]);
    const names = (reason: string) =>
      held
        .filter((h) => h.reason === reason)
        .map((h) => h.account.customer)
        .join(', ');
    expect(heldText(held, ready.length, 'en')).toEqual([
      `Not made, no postal address for a registered letter or formal notice: 4 accounts: ${names('noPostalAddress')}. Add an address column (Address, Adresse) to the ledger, build the plan again, then make them again. Letters made for the other accounts: 1`,
      `Formal notices not made, no one to sign them (the account has no owner and Settings › Your company has no signatory): 3 accounts: ${names('noSignatory')}. Fill in the signatory’s name and title, or the ledger’s owner column. Letters made for the other accounts: 1`,
    ]);
    expect(heldText(held, ready.length, 'fr')).toEqual([
      `Non produites, faute d’adresse postale pour une lettre recommandée ou une mise en demeure : 4 comptes : ${names('noPostalAddress')}. Ajoutez une colonne Adresse au grand livre, établissez à nouveau le plan, puis produisez-les à nouveau. Lettres produites pour les autres comptes : 1`,
      `Mises en demeure non produites, faute de signataire (le compte n’a pas de responsable et Paramètres › Votre société n’a pas de signataire) : 3 comptes : ${names('noSignatory')}. Renseignez le nom et la fonction du signataire, ou la colonne Responsable du grand livre. Lettres produites pour les autres comptes : 1`,
    ]);
    // Statements go by any channel: none is held.
    expect(lettersReady(plan.actions, COMPANY, 'statement').held).toEqual([]);
  });

  test('a formal notice built directly for an account without an address is refused, in EN and FR', () => {
    const noAddress = account({ address: null });
    expect(noAddress.stage?.id).toBe('formalNotice');
    let caught: unknown;
    try {
      buildLetter(noAddress, { ...options, asOf: today, company: COMPANY });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AgeBucketError);
    expect((caught as AgeBucketError).localized('en')).toBe(
      'the Mise en demeure to Dupont SA goes by registered post and the account has no postal address: add an address column (Address, Adresse) to the ledger',
    );
    expect((caught as AgeBucketError).localized('fr')).toBe(
      'la lettre « Mise en demeure » à Dupont SA part en recommandé et le compte n’a pas d’adresse postale : ajoutez une colonne Adresse au grand livre',
    );
    // A first reminder by email or letter needs no address.
    const first = account({ address: null }, 12);
    expect(first.stage?.id).toBe('first');
    expect(lettersReady([first], COMPANY, 'reminder').held).toEqual([]);
    expect(() => buildLetter(first, { ...options, asOf: today, company: COMPANY })).not.toThrow();
  });
});

describe('a formal notice is signed by a person', () => {
  test('with the account’s owner: signed by the owner', () => {
    const letter = buildLetter(account({}), { ...options, asOf: today, company: COMPANY });
    expect(letter.signature).toEqual(['Claire Petit', COMPANY.name]);
  });

  test('no owner and no signatory: held and named; built directly, refused', () => {
    const unsigned = account({ owner: null });
    const { ready, held } = lettersReady([unsigned], COMPANY, 'reminder');
    expect(ready).toEqual([]);
    expect(held.map((h) => h.reason)).toEqual(['noSignatory']);
    expect(heldText(held, 0, 'en')).toEqual([
      'Formal notices not made, no one to sign them (the account has no owner and Settings › Your company has no signatory): 1 account: Dupont SA. Fill in the signatory’s name and title, or the ledger’s owner column. Letters made for the other accounts: 0',
    ]);
    expect(heldText(held, 0, 'fr')[0]).toMatch(/^Mises en demeure non produites, faute de signataire/);
    expect(() => buildLetter(unsigned, { ...options, asOf: today, company: COMPANY })).toThrow(
      'the formal notice to Dupont SA has no signatory: the account has no owner and Settings › Your company has no signatory; fill in the signatory’s name and title',
    );
    // A reminder below the formal notice is signed by the company and goes on.
    const final = account({ owner: null }, 35);
    expect(final.stage?.id).toBe('final');
    expect(lettersReady([final], COMPANY, 'reminder').held).toEqual([]);
  });

  test('the company’s signatory signs with name and title, and is the contact the letter names', () => {
    const settings = {
      ...defaultSettings('fr', today),
      ...{ companyName: COMPANY.name, companyAddress: COMPANY.address, companyIban: COMPANY.iban },
      companySignatoryName: 'Marie Lefort',
      companySignatoryTitle: 'Directrice financière',
    };
    const company = companyDetails(settings);
    expect([company.signatoryName, company.signatoryTitle]).toEqual(['Marie Lefort', 'Directrice financière']);
    const unsigned = account({ owner: null });
    expect(lettersReady([unsigned], company, 'reminder').held).toEqual([]);
    const letter = buildLetter(unsigned, { ...options, asOf: today, company });
    expect(letter.signature).toEqual(['Marie Lefort', 'Directrice financière', COMPANY.name]);
    expect(letterToText(letter)).toContain('Marie Lefort');
  });
});

describe('a formal notice missing both its address and its signatory', () => {
  test('both are said at once, not the signatory only once the address is fixed', () => {
    const bare = account({ owner: null, address: null });
    expect(bare.stage?.id).toBe('formalNotice');
    const { ready, held } = lettersReady([bare], COMPANY, 'reminder');
    expect(ready).toEqual([]);
    expect(held.map((h) => h.reason)).toEqual(['noPostalAddress', 'noSignatory']);
    const en = heldText(held, 0, 'en');
    expect(en).toHaveLength(2);
    expect(en[0]).toMatch(/^Not made, no postal address .*: 1 account: Dupont SA\./);
    expect(en[1]).toMatch(/^Formal notices not made, no one to sign them .*: 1 account: Dupont SA\./);
    const fr = heldText(held, 0, 'fr');
    expect(fr[0]).toMatch(/^Non produites, faute d’adresse postale/);
    expect(fr[1]).toMatch(/^Mises en demeure non produites, faute de signataire/);
    expect(() => buildLetter(bare, { ...options, asOf: today, company: COMPANY })).toThrow(
      /lacks two things: a postal address .* and a signatory/,
    );
    try {
      buildLetter(bare, { ...options, asOf: today, company: COMPANY });
    } catch (error) {
      expect((error as AgeBucketError).localized('fr')).toMatch(/^il manque deux choses à la mise en demeure à Dupont SA/);
    }
  });
});
