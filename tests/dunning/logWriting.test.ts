// New log rows are written as the log's own rows are: in their language (whatever the pane's),
// with dates a spreadsheet makes date cells of, like theirs; a letter that goes by registered post is logged with its stage's channel, never
// as an email. Checked on the Preview's sample log (samples/dunning-log.csv made current, its
// dates become date cells as in a spreadsheet) and on hand-made logs.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sampleLogCells } from '../../scripts/sampleData';
import { currentSample } from '../../src/commands/sample';
import { LOG_SHEETS, readDunningLog } from '../../src/dunning/log';
import { inLogLanguage, logStyleOf } from '../../src/dunning/logEntries';
import type { Delivery } from '../../src/dunning/outcomes';
import { sentEntries } from '../../src/dunning/outcomes';
import { DEFAULT_POLICY } from '../../src/dunning/policy';
import type { Letter } from '../../src/letters/letter';
import { goesByPost } from '../../src/letters/readiness';
import { appendToLog } from '../../src/pane/dunningCommands';
import { PreviewWorkbook } from '../../src/pane/preview/previewWorkbook';
import { csvToSheet } from '../../src/pane/preview/sheetFiles';
import { dayFromCalendar, excelSerialFromDay } from '../../src/primitives/dates';
import type { Language } from '../../src/primitives/messages';
import { MemoryStorage } from '../memoryStorage';

const TODAY = dayFromCalendar(2026, 11, 30);

/** What sentEntries and goesByPost read of a letter. */
function letter(customer: string, stageId: string, invoices: string[]): Letter {
  return {
    customer,
    currency: 'EUR',
    stageId,
    stageName: DEFAULT_POLICY.stages.find((s) => s.id === stageId)?.name.en ?? '',
    amountDue: 1_000_00,
    invoiceNumbers: invoices,
    owner: 'Julien Morel',
  } as unknown as Letter;
}

function previewWith(...sheets: ReturnType<typeof csvToSheet>[]): PreviewWorkbook {
  (globalThis as { localStorage?: unknown }).localStorage = new MemoryStorage();
  const workbook = new PreviewWorkbook('agebucket-log-writing');
  workbook.load(sheets);
  return workbook;
}

/** "Mark as sent" as the pane does it: the pane in `language`, the letters delivered by `delivery`. */
async function markSent(workbook: PreviewWorkbook, letters: Letter[], delivery: Delivery, language: Language) {
  return appendToLog(workbook, [], sentEntries(letters, DEFAULT_POLICY, TODAY, delivery, language), DEFAULT_POLICY, language);
}

describe('the Preview’s sample log (French names, date cells)', () => {
  const sampleLog = readFileSync(join(__dirname, '..', '..', 'samples', 'dunning-log.csv'), 'utf8');
  // The log moves with the ledger: its reminders follow the due dates recomputed from the terms.
  const sampleLedger = readFileSync(join(__dirname, '..', '..', 'samples', 'ledger.csv'), 'utf8');
  const log = () => csvToSheet(LOG_SHEETS.fr, currentSample({ ledger: sampleLedger, log: sampleLog }, TODAY).log);

  test('its language: French, though the pane is in English', async () => {
    const workbook = previewWith(log());
    expect(logStyleOf(await workbook.readSheet(LOG_SHEETS.fr), LOG_SHEETS.fr, DEFAULT_POLICY, 'en')).toEqual({ language: 'fr' });
  });

  test('an English pane marks Brasserie Lemaire’s formal notice and a second reminder as sent: French rows, a date cell, the registered channel', async () => {
    const workbook = previewWith(log());
    const notice = letter('Brasserie Lemaire', 'formalNotice', ['FA-2025-04121']);
    const second = letter('Cave Chez Léon', 'second', ['FA-2025-04106']);
    expect(goesByPost(notice, DEFAULT_POLICY)).toBe(true);
    expect(goesByPost(second, DEFAULT_POLICY)).toBe(false);
    await markSent(workbook, [notice, second], 'email', 'en');
    const values = workbook.sheet(LOG_SHEETS.fr)?.values ?? [];
    const rows = values.slice(-2).map((row) => row.slice(0, 4));
    // The rows above: Première relance, Deuxième relance… with dates as date cells.
    expect(typeof values[1]?.[0]).toBe('number');
    expect(rows).toEqual([
      [excelSerialFromDay(TODAY), 'Brasserie Lemaire', 'Mise en demeure', 'Lettre recommandée avec accusé de réception'],
      [excelSerialFromDay(TODAY), 'Cave Chez Léon', 'Deuxième relance', 'Email'],
    ]);
    // Read back as the next plan reads it: today, at the formal notice stage.
    const read = readDunningLog((await workbook.readSheet(LOG_SHEETS.fr)) ?? [], DEFAULT_POLICY, 'excel1900');
    expect(read.skipped).toEqual([]);
    expect(read.entries.slice(-2).map((e) => [e.day, e.customer, e.stageIndex])).toEqual([
      [TODAY, 'Brasserie Lemaire', 4],
      [TODAY, 'Cave Chez Léon', 2],
    ]);
  });
});

test('the committed sample log is French; a log whose header alone speaks, or with no sheet yet, follows it or its name', () => {
  expect(logStyleOf(sampleLogCells(), LOG_SHEETS.fr, DEFAULT_POLICY, 'en')).toEqual({ language: 'fr' });
  expect(logStyleOf([['Date', 'Customer', 'Stage']], LOG_SHEETS.fr, DEFAULT_POLICY, 'fr')).toEqual({ language: 'en' });
  expect(logStyleOf(null, LOG_SHEETS.en, DEFAULT_POLICY, 'fr')).toEqual({ language: 'en' });
});

test('an English log appended from a French pane: English names, and the date reads back as today', async () => {
  const workbook = previewWith(
    csvToSheet(
      'Dunning log',
      'Date,Customer,Stage,Channel,Overdue amount,Currency,Invoices\n21/11/2026,Dupont SA,First reminder,Email,500,EUR,F1\n',
    ),
  );
  await markSent(workbook, [letter('Dupont SA', 'final', ['F1'])], 'post', 'fr');
  const read = (await workbook.readSheet('Dunning log')) ?? [];
  expect(read.at(-1)?.slice(0, 4)).toEqual(['2026-11-30', 'Dupont SA', 'Final reminder', 'Registered letter']);
  expect(readDunningLog(read, DEFAULT_POLICY, 'excel1900').entries.at(-1)?.day).toBe(TODAY);
});

test('no log yet: made in the pane’s language, its header too, with ISO dates', async () => {
  const workbook = previewWith(csvToSheet('Ledger', 'Client,Montant\nDupont SA,500\n'));
  await markSent(workbook, [letter('Dupont SA', 'first', ['F1'])], 'post', 'fr');
  const values = workbook.sheet(LOG_SHEETS.fr)?.values ?? [];
  expect(values[0]?.slice(0, 4)).toEqual(['Date', 'Client', 'Niveau', 'Canal']);
  expect(values[1]?.slice(0, 4)).toEqual(['2026-11-30', 'Dupont SA', 'Première relance', 'Courrier']);
});

test('stage, event and channel names are put in the log’s language; anything else is kept', () => {
  const entry = {
    day: TODAY,
    customer: 'Dupont SA',
    currency: 'EUR',
    stageText: 'Promise to pay',
    channel: 'Phone call',
    amount: 0,
    invoices: [],
    owner: '',
    note: '',
  };
  expect(inLogLanguage(entry, 'fr', DEFAULT_POLICY)).toMatchObject({
    stageText: 'Promesse de paiement',
    channel: 'Appel téléphonique',
  });
  expect(
    inLogLanguage({ ...entry, stageText: 'Relevé de compte au 30 novembre 2026', channel: 'Gmail' }, 'en', DEFAULT_POLICY),
  ).toMatchObject({
    stageText: 'Relevé de compte au 30 novembre 2026',
    channel: 'Gmail',
  });
});

test('each stage is logged with the channel it reached the customer by: a letter posted, an email, or its registered post', () => {
  // A Word file, a Google Doc and the letters sheet are printed and posted ('post'); a draft
  // marked sent and a Gmail draft went as email. Registered stages keep the policy's channel.
  const logged = (delivery: Delivery, language: Language) =>
    DEFAULT_POLICY.stages.map(
      (stage) => sentEntries([letter('Dupont SA', stage.id, ['F1'])], DEFAULT_POLICY, TODAY, delivery, language)[0]?.channel,
    );
  expect(logged('post', 'fr')).toEqual([
    'Courrier',
    'Courrier',
    'Courrier',
    'Lettre recommandée',
    'Lettre recommandée avec accusé de réception',
    'Courrier',
  ]);
  expect(logged('email', 'en')).toEqual([
    'Email',
    'Email',
    'Email',
    'Registered letter',
    'Registered letter with acknowledgement of receipt',
    'Email',
  ]);
});
