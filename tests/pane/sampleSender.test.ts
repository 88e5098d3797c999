// The sample's firm (« Ateliers Réunis SAS », its SIREN and IBAN) signs the sample ledger's
// letters in Preview, and no other ledger's. A newcomer who loads their own ledger in Preview
// without typing their company gets the "fill in Settings" refusal, never a letter carrying the
// sample's fictional IBAN; what they typed in Settings signs their letters; the sample's IBAN
// left in Settings by an earlier Preview refuses them. The ledger is a newcomer's real-shaped
// French file (tests/data/fr-hand-ledger.csv).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SAMPLE_COMPANY } from '../../scripts/sampleLedger';
import { defaultSettings, letterSender, type PaneSettings } from '../../src/commands/settings';
import { DEFAULT_POLICY } from '../../src/dunning/policy';
import { detectColumns, readLedger } from '../../src/ledger/ledger';
import { letterToHtml } from '../../src/letters/render';
import { lettersFor, readLogAndPlan } from '../../src/pane/dunningCommands';
import { PreviewWorkbook } from '../../src/pane/preview/previewWorkbook';
import { csvBytesToSheet, csvToSheet } from '../../src/pane/preview/sheetFiles';
import { parseTextDate } from '../../src/primitives/dates';
import { AgeBucketError } from '../../src/primitives/messages';
import { MemoryStorage } from '../memoryStorage';

const AS_OF = parseTextDate('2026-11-30');
const SAMPLE_AS_OF = parseTextDate('2025-11-28');
const SENDER = { ...SAMPLE_COMPANY, signatoryName: '', signatoryTitle: '' };

function previewWithSample(): PreviewWorkbook {
  (globalThis as { localStorage?: unknown }).localStorage = new MemoryStorage();
  const workbook = new PreviewWorkbook('agebucket-sample-sender', { sheet: 'Créances', sender: SENDER });
  const ledger = readFileSync(join(__dirname, '..', '..', 'samples', 'ledger.csv'), 'utf8');
  workbook.load([csvToSheet('Créances', ledger)], true);
  return workbook;
}

/** Every letter of the active sheet's ledger, as the pane makes them (the plan's accounts). */
async function letters(workbook: PreviewWorkbook, settings: PaneSettings, asOf: number) {
  const table = await workbook.readActiveTable();
  const ledger = readLedger(table.values, detectColumns(table.values[0] ?? []), {
    serialSystem: 'excel1900',
    defaultCurrency: 'EUR',
  });
  const { plan } = await readLogAndPlan(workbook, ledger, DEFAULT_POLICY, asOf, 'excel1900');
  expect(plan.actions.length).toBeGreaterThan(0);
  return lettersFor(workbook, plan, plan.actions, settings, 'reminder', asOf, undefined, table.sheetName);
}

function ownLedger(workbook: PreviewWorkbook): void {
  const bytes = new Uint8Array(readFileSync(join(__dirname, '..', 'data', 'fr-hand-ledger.csv')));
  workbook.load([csvBytesToSheet('fr-hand-ledger', bytes).sheet]);
}

async function refusal(promise: Promise<unknown>): Promise<AgeBucketError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AgeBucketError) return error;
    throw error;
  }
  throw new Error('the letters were made');
}

describe('Preview: the sample’s firm signs the sample’s letters only', () => {
  test('Settings start empty in Preview, as in Excel and Sheets', async () => {
    expect(await previewWithSample().readSettings()).toEqual({});
  });

  test('the sample ledger’s letters, with nothing typed, are signed by the sample’s firm', async () => {
    const workbook = previewWithSample();
    const made = await letters(workbook, defaultSettings('fr', SAMPLE_AS_OF), SAMPLE_AS_OF);
    expect(made.letters.length).toBeGreaterThan(0);
    expect(letterToHtml(made.letters[0] as never)).toContain('Ateliers Réunis SAS');
  });

  test('the user’s own ledger, nothing typed: refused, asking for the name and the address (EN and FR)', async () => {
    const workbook = previewWithSample();
    ownLedger(workbook);
    const error = await refusal(letters(workbook, defaultSettings('fr', AS_OF), AS_OF));
    expect(error.code).toBe('companyIncomplete');
    expect(error.localized('en')).toContain('letters need your company’s name, address');
    expect(error.localized('fr')).toContain('les lettres ont besoin du nom, de l’adresse');
  });

  test('the user’s own ledger with their company typed: their sender, nothing of the sample’s', async () => {
    const workbook = previewWithSample();
    ownLedger(workbook);
    const settings: PaneSettings = {
      ...defaultSettings('fr', AS_OF),
      companyName: 'Bois & Fils SARL',
      companyAddress: '3 quai Perrache\n69002 Lyon',
      companyIban: 'FR14 2004 1010 0505 0001 3M02 606',
      companyCity: 'Lyon',
    };
    const made = await letters(workbook, settings, AS_OF);
    expect(made.letters.length).toBeGreaterThan(0);
    for (const letter of made.letters) {
      const html = letterToHtml(letter);
      expect(html).toContain('Bois &amp; Fils SARL');
      expect(html).toContain('FR14 2004 1010 0505 0001 3M02 606');
      for (const sample of ['Ateliers Réunis', '812 345 678', 'FR76 3000 4000 0500 0012 3456 789', 'Part-Dieu']) {
        expect(html).not.toContain(sample);
      }
    }
  });

  test('the sample’s IBAN still in Settings (saved by an earlier Preview) refuses the user’s letters', async () => {
    const workbook = previewWithSample();
    ownLedger(workbook);
    const settings: PaneSettings = {
      ...defaultSettings('en', AS_OF),
      companyName: 'Bois & Fils SARL',
      companyAddress: '3 quai Perrache\n69002 Lyon',
      companyIban: 'FR7630004000050000123456789',
      companyRegistration: SAMPLE_COMPANY.registration,
    };
    const error = await refusal(letters(workbook, settings, AS_OF));
    expect(error.code).toBe('sampleSenderOnOwnLedger');
    expect(error.localized('en')).toBe(
      'the letters’ sender has the IBAN and registration of the sample’s fictional firm, Ateliers Réunis SAS: type your company’s own in Settings › Your company; nothing was generated or logged',
    );
    expect(error.localized('fr')).toBe(
      'l’expéditeur des lettres a l’IBAN et l’immatriculation de la société fictive de l’exemple, Ateliers Réunis SAS : saisissez ceux de votre société dans Paramètres › Votre société ; rien n’a été produit ni journalisé',
    );
  });

  test('a file imported next to the sample (a new sheet) is the user’s, not the sample’s', () => {
    const workbook = previewWithSample();
    expect(workbook.sampleSender('Créances')?.sampleLedger).toBe(true);
    expect(workbook.sampleSender('Grand livre importé')?.sampleLedger).toBe(false);
    ownLedger(workbook);
    expect(workbook.sampleSender('Créances')?.sampleLedger).toBe(false);
  });
});

describe('letterSender', () => {
  const settings = defaultSettings('fr', AS_OF);
  test('Excel and Sheets (no sample): what Settings hold, even empty', () => {
    expect(letterSender(settings, null).name).toBe('');
    expect(letterSender({ ...settings, companyName: 'X' }, null).name).toBe('X');
  });
  test('on the sample’s ledger, each field typed wins and the others are the sample’s', () => {
    const sender = letterSender({ ...settings, companyName: 'Ma Société' }, { sender: SENDER, sampleLedger: true });
    expect(sender.name).toBe('Ma Société');
    expect(sender.iban).toBe(SAMPLE_COMPANY.iban);
  });
  test('on another ledger, nothing of the sample’s', () => {
    const sender = letterSender({ ...settings, companyName: 'Ma Société' }, { sender: SENDER, sampleLedger: false });
    expect(sender).toMatchObject({ name: 'Ma Société', iban: '', address: '', registration: '' });
  });
});
