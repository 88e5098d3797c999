// A newcomer's first hour in Preview, with their own files: a French ledger typed by hand
// (tests/data/fr-hand-ledger.csv) and a Sage export (tests/data/sage-grand-livre-clients.csv)
// loaded with "Load a .xlsx or .csv". Their letters are never signed by the sample's firm, and
// colouring a sheet whose due dates are text never reports success over nothing.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describePane } from './browser';

const DATA = join(__dirname, '..', 'data');

async function load(page: Page, name: string): Promise<void> {
  await page.setInputFiles('#load-file', { name, mimeType: 'text/csv', buffer: readFileSync(join(DATA, name)) });
  const sheet = name.replace(/\.csv$/, '');
  await page.waitForFunction((s) => document.querySelector('#mapping summary')?.textContent?.includes(s), sheet);
}

// Opened on 30 November 2026, the newcomer's day: letters are dated today, and their ledger is of 2026.
describePane('a newcomer’s own files in Preview', { today: '2026-11-30' }, (pane) => {
  test('Settings start empty: the sample’s firm is named as the sample’s, not typed in', async () => {
    const { page } = pane();
    await page.selectOption('#language', 'fr');
    await page.click('button[data-tab="settings"]');
    expect(await page.inputValue('#setting-companyName')).toBe('');
    expect(await page.inputValue('#setting-companyIban')).toBe('');
    expect(await page.textContent('#sample-sender')).toContain('Ateliers Réunis SAS');
  });

  test('their own ledger’s letters are refused until they type their company, never signed by the sample', async () => {
    const { page, problems } = pane();
    await page.selectOption('#language', 'fr');
    await page.click('button[data-tab="ageing"]');
    await load(page, 'fr-hand-ledger.csv');
    await page.click('button[data-tab="settings"]');
    // Their own ledger: the note about the sample's firm is gone.
    expect(await page.$('#sample-sender')).toBeNull();
    await page.click('button[data-tab="dunning"]');
    await page.click('#build-plan');
    await page.waitForSelector('#plan-actions');
    await page.click('#preview-letters');
    await page.waitForFunction(() => document.querySelector('#status')?.classList.contains('error'));
    expect(await page.textContent('#status')).toContain(
      'les lettres ont besoin du nom, de l’adresse et de l’IBAN (les lettres demandent un virement) de votre société, à renseigner dans Paramètres › Votre société',
    );
    expect(await page.$('iframe#letter-preview')).toBeNull();
    expect(problems).toEqual([]);
  });

  test('the Sage export loaded as typed: « Colorer les retards » colours nothing and says so, and to import', async () => {
    const { page, problems } = pane();
    await page.selectOption('#language', 'fr');
    await page.click('button[data-tab="ageing"]');
    await load(page, 'sage-grand-livre-clients.csv');
    await page.click('#colour');
    await page.waitForFunction(() => document.querySelector('#status')?.classList.contains('error'));
    expect(await page.textContent('#status')).toMatch(
      /rien n’a été coloré : les \d+ échéances de sage-grand-livre-clients sont du texte, pas des dates.*Importez le fichier avec Importer/,
    );
    const rules = await page.evaluate(
      () =>
        (window as unknown as { agebucket: { workbook: { sheets: Array<{ rules: Array<{ kind: string }> }> } } }).agebucket
          .workbook.sheets[0]?.rules.length,
    );
    expect(rules).toBe(0);
    expect(problems).toEqual([]);
  });
});
