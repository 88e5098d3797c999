// The aged balance's expected collection applies the collection curve to what each invoice still
// owes, once its account's credit notes and unapplied or partly lettered payments are set against
// its oldest invoices: a partial payment no longer drives « Encaissement attendu » to zero. And
// the sheet says "not yet due" rather than a negative number of days overdue, and how credits are
// shown. The figures are worked out by hand here, from the FEC's lines and the curve's points.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { agedBalanceSheetFor, ageLedger } from '../../src/commands/ageing';
import { defaultSettings } from '../../src/commands/settings';
import { importLedgerFile } from '../../src/ledger/import';
import { detectColumns, type LedgerTable } from '../../src/ledger/ledger';
import type { CellValue } from '../../src/primitives/cells';
import { excelSerialFromDay, parseTextDate } from '../../src/primitives/dates';
import type { Language } from '../../src/primitives/messages';

const AS_OF = parseTextDate('2026-11-30');

function aged(values: CellValue[][], language: Language) {
  const table: LedgerTable = {
    sheetName: 'Ledger',
    headerRow: 0,
    firstColumn: 0,
    values,
    serialSystem: 'excel1900',
    description: 'Ledger',
  };
  const settings = { ...defaultSettings(language, AS_OF), followToday: false, asOf: '2026-11-30' };
  const { report } = ageLedger(table, detectColumns(values[0] as string[]), settings, AS_OF);
  return { report, sheet: agedBalanceSheetFor(report, settings, AS_OF).layout };
}

async function fec(language: Language) {
  const file = '123456789FEC20260930.txt';
  const result = await importLedgerFile(new Uint8Array(readFileSync(join(__dirname, '..', 'data', file))), {
    fileName: file,
    language,
    asOf: AS_OF,
    defaultCurrency: 'EUR',
    partialMatch: 'lowerCaseOrStar',
    terms: '30 jours',
  });
  return aged(result.layout.rows as CellValue[][], language);
}

// The default curve's points (CCAA rule of thumb): 90 days 69.6 %, 180 days 52.1 %; 60 days
// 81.3 %; linear in between.
const between = (days: number, fromDays: number, from: number, toDays: number, to: number) =>
  from + ((days - fromDays) / (toDays - fromDays)) * (to - from);

describe('the FEC as of 30 November 2026', () => {
  // CAFÉ DU COMMERCE: F26-0120 of 1 800,00 (5 May, 30 days: due 4 June) less CHQ-0610 1 000,00
  // lettered a: 800,00 owed, 179 days overdue (26 days of June + 31 + 31 + 30 + 31 + 30).
  const cafeP = between(26 + 31 + 31 + 30 + 31 + 30, 90, 0.696, 180, 0.521); // 0.52294…
  const cafeLoss = Math.round(800_00 * (1 - cafeP)); // 381,64
  // DURAND & FILS: F26-0210 of 6 000,00 (15 August: due 14 September) less AV26-0003 600,00:
  // 5 400,00 owed, 77 days overdue (16 days of September + 31 + 30).
  const durandP = between(16 + 31 + 30, 60, 0.813, 90, 0.696); // 0.7467
  const durandLoss = Math.round(5400_00 * (1 - durandP)); // 1 367,82

  test('CAFÉ DU COMMERCE expects about 418 € (800 × 0,523), not 0; DURAND & FILS 5 400 × 0,7467', async () => {
    const { report } = await fec('fr');
    const line = (customer: string) => report.balance.lines.find((l) => l.customer === customer);
    expect(cafeLoss).toBe(38164);
    expect(line('CAFÉ DU COMMERCE')?.expectedLoss).toBe(cafeLoss);
    expect((line('CAFÉ DU COMMERCE')?.total ?? 0) - cafeLoss).toBe(418_36);
    expect(durandLoss).toBe(136782);
    expect(line('DURAND & FILS')?.expectedLoss).toBe(durandLoss);
  });

  test('the sheet’s « Encaissement attendu » and « Perte attendue » follow', async () => {
    const { sheet, report } = await fec('fr');
    const header = sheet.rows.findIndex((row) => row[0] === 'Client');
    const expectedColumn = sheet.rows[header]?.indexOf('Encaissement attendu') as number;
    const cafe = sheet.rows.find((row) => row[0] === 'CAFÉ DU COMMERCE');
    expect(cafe?.[expectedColumn]).toBe(418.36);
    const eurLoss = report.balance.totals.find((t) => t.currency === 'EUR')?.expectedLoss;
    const others = report.balance.lines
      .filter((l) => l.currency === 'EUR' && l.customer !== 'CAFÉ DU COMMERCE' && l.customer !== 'DURAND & FILS')
      .reduce((total, l) => total + l.expectedLoss, 0);
    expect(eurLoss).toBe(others + cafeLoss + durandLoss);
    expect(sheet.rows.find((row) => row[0] === 'Perte attendue')?.[1]).toBe((others + cafeLoss + durandLoss) / 100);
  });
});

describe('an account with nothing overdue, and one due today', () => {
  const serial = (iso: string) => excelSerialFromDay(parseTextDate(iso));
  const values: CellValue[][] = [
    ['Customer', 'Invoice', 'Due date', 'Open amount', 'Currency'],
    ['Kensington Ltd', 'K-1', serial('2026-12-20'), 1200, 'GBP'],
    ['Kensington Ltd', 'K-2', serial('2026-12-10'), 300, 'GBP'],
    ['Ashford plc', 'A-1', serial('2026-11-30'), 500, 'GBP'],
    ['Bramley & Co', 'B-1', serial('2026-10-31'), 400, 'GBP'],
    ['Bramley & Co', 'CN-1', serial('2026-11-15'), -100, 'GBP'],
  ];
  const cell = (language: Language, customer: string, header: string) => {
    const { sheet } = aged(values, language);
    const headerRow = sheet.rows.find((row) => row[0] === (language === 'fr' ? 'Client' : 'Customer')) ?? [];
    return sheet.rows.find((row) => row[0] === customer)?.[headerRow.indexOf(header)];
  };
  test('"not yet due" / « non échue », never −10; due today says so; 30 days overdue stays a number', () => {
    expect(cell('en', 'Kensington Ltd', 'Oldest (days overdue)')).toBe('not yet due');
    expect(cell('fr', 'Kensington Ltd', 'Plus ancienne (jours de retard)')).toBe('non échue');
    expect(cell('en', 'Ashford plc', 'Oldest (days overdue)')).toBe('due today');
    expect(cell('fr', 'Ashford plc', 'Plus ancienne (jours de retard)')).toBe('échéance ce jour');
    expect(cell('en', 'Bramley & Co', 'Oldest (days overdue)')).toBe(30);
  });
  test('a credit note stays in the column of its own date, and the note says so in both languages', () => {
    const { sheet } = aged(values, 'en');
    const header = sheet.rows.find((row) => row[0] === 'Customer') ?? [];
    const bramley = sheet.rows.find((row) => row[0] === 'Bramley & Co') ?? [];
    // B-1 is 30 days overdue (1-30); CN-1 is 15 days old, also 1-30: 400 − 100 there.
    expect(bramley[header.indexOf('1-30')]).toBe(300);
    expect(sheet.rows.map((row) => row[0])).toContain(
      'Credit notes and unapplied payments are shown in the column of their own date (negative amounts) and netted in the totals, as an aged trial balance shows them.',
    );
    expect(aged(values, 'fr').sheet.rows.map((row) => row[0])).toContain(
      'Les avoirs et règlements non imputés figurent dans la colonne de leur propre date (montants négatifs) et sont déduits dans les totaux, comme dans toute balance âgée.',
    );
  });
  test('the curve on Bramley’s 300 owed (400 − 100 set against it), 30 days: 89,9 %', () => {
    const { report } = aged(values, 'en');
    const bramley = report.balance.lines.find((l) => l.customer === 'Bramley & Co');
    expect(bramley?.expectedLoss).toBe(Math.round(300_00 * (1 - 0.899)));
  });
});
