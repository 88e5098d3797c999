// The payment-delays card's closing date after a FEC import. The administration names a FEC
// SirenFECAAAAMMJJ, AAAAMMJJ being the closing date of its year (LPF art. A47 A-1; BOFiP
// BOI-CF-IOR-60-40-20): the import sets the card's closing date to it, else (a renamed file) to
// its last entry, unless the card's date already fits the FEC. The user can still type another.
// The FEC is the real-shaped one of tests/data, imported as the pane imports it on 30 November 2026.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { closingDateOfFec, delaysSettingsFromFecImport, paymentDelaysFor } from '../../src/commands/paymentDelays';
import { defaultSettings, type PaneSettings } from '../../src/commands/settings';
import { importLedgerFile } from '../../src/ledger/import';
import { detectColumns } from '../../src/ledger/ledger';
import { parseTextDate } from '../../src/primitives/dates';
import type { AgeBucketError } from '../../src/primitives/messages';

const today = parseTextDate('2026-11-30');
const NAME = '123456789FEC20260930.txt';
const bytes = new Uint8Array(readFileSync(join(__dirname, '..', 'data', NAME)));

// The oracles, read off the file by hand: the closing date its name states, and its last entry
// (the latest EcritureDate, the fourth field, of any line).
const NAMED_CLOSING = '2026-09-30';
const LAST_ENTRY = (() => {
  const lines = new TextDecoder().decode(bytes).split(/\r?\n/).slice(1);
  const latest = lines
    .map((line) => line.split('\t')[3] ?? '')
    .filter((date) => /^\d{8}$/.test(date))
    .sort()
    .at(-1) as string;
  return `${latest.slice(0, 4)}-${latest.slice(4, 6)}-${latest.slice(6, 8)}`;
})();

/** The file imported on the customer side as the pane does, under the name it is given. */
async function imported(fileName: string) {
  const result = await importLedgerFile(bytes, {
    fileName,
    language: 'fr',
    asOf: today,
    defaultCurrency: 'EUR',
    partialMatch: 'lowerCaseOrStar',
    terms: '30 jours',
    side: 'customer',
  });
  const fec = result.report.fec;
  if (fec === null) throw new Error('the FEC was not read as a FEC');
  return { result, fec };
}

/** The card's settings: the default ones of 30 November 2026, with what the user changed. */
function card(changes: Partial<PaneSettings> = {}): PaneSettings {
  return { ...defaultSettings('fr', today), delaysTerms: 'legal60', ...changes };
}

/** The table from the imported sheet, with the card's settings. */
function table(result: Awaited<ReturnType<typeof imported>>['result'], settings: PaneSettings) {
  const values = result.layout.rows.map((row) => [...row]);
  return paymentDelaysFor(
    {
      customers: {
        mapping: detectColumns(values[0] ?? []),
        table: { sheetName: result.sheetName, headerRow: 0, firstColumn: 0, values, serialSystem: 'excel1900', description: '' },
      },
      suppliers: null,
      log: null,
    },
    settings,
  );
}

describe(`${NAME} imported on 30 November 2026`, () => {
  test('the oracles: the name states 30 September 2026, the last entry is 15 September 2026', () => {
    expect(LAST_ENTRY).toBe('2026-09-15');
    expect(card().delaysClosingDate).toBe('2025-12-31');
  });

  test('the card’s default closing date (31/12/2025) becomes the name’s, and the table is of that year', async () => {
    const { result, fec } = await imported(NAME);
    const before = card();
    const patch = delaysSettingsFromFecImport(before, fec, NAME, today);
    expect(patch.delaysClosingDate).toBe(NAMED_CLOSING);
    expect(patch.delaysFromFec?.file).toBe(NAME);
    // Left at 31/12/2025, the FEC's figures are refused as another year's (the defect as met).
    let refused: unknown = null;
    try {
      table(result, { ...before, delaysFromFec: patch.delaysFromFec ?? null });
    } catch (error) {
      refused = error;
    }
    expect((refused as AgeBucketError | null)?.code).toBe('delaysFecPeriod');
    const after = { ...before, ...patch };
    expect(closingDateOfFec(after)).toEqual({ file: NAME, how: 'name' });
    const delays = table(result, after);
    expect(delays.table.name).toBe(`Délais de paiement ${NAMED_CLOSING}`);
    expect(delays.warnings.map((warning) => warning.code)).not.toContain('delaysClosingNotFec');
  });

  test('a date typed for another year is replaced by the FEC’s; the FEC’s own date stays as it is', async () => {
    const { fec } = await imported(NAME);
    expect(delaysSettingsFromFecImport(card({ delaysClosingDate: '2026-06-30' }), fec, NAME, today).delaysClosingDate).toBe(
      NAMED_CLOSING,
    );
    expect(delaysSettingsFromFecImport(card({ delaysClosingDate: '' }), fec, NAME, today).delaysClosingDate).toBe(NAMED_CLOSING);
    expect(delaysSettingsFromFecImport(card({ delaysClosingDate: NAMED_CLOSING }), fec, NAME, today)).not.toHaveProperty(
      'delaysClosingDate',
    );
  });

  test('the user can still type another date after the import: the table is of that date, and warns', async () => {
    const { result, fec } = await imported(NAME);
    const before = card();
    const typed = { ...before, ...delaysSettingsFromFecImport(before, fec, NAME, today), delaysClosingDate: '2026-06-30' };
    expect(closingDateOfFec(typed)).toBeNull();
    const delays = table(result, { ...typed, delaysTurnover: '100000', delaysPurchases: '50000' });
    expect(delays.table.name).toBe('Délais de paiement 2026-06-30');
    expect(delays.warnings.map((warning) => warning.code)).toContain('delaysClosingNotFec');
  });

  test('the same file renamed: its last entry gives the date; a date in that month, after it, is kept', async () => {
    const renamed = 'grand-livre-2026.txt';
    const { result, fec } = await imported(renamed);
    const before = card();
    const patch = delaysSettingsFromFecImport(before, fec, renamed, today);
    expect(patch.delaysClosingDate).toBe(LAST_ENTRY);
    expect(closingDateOfFec({ ...before, ...patch })).toEqual({ file: renamed, how: 'lastEntry' });
    expect(table(result, { ...before, ...patch }).warnings.map((warning) => warning.code)).not.toContain('delaysClosingNotFec');
    // 30 September is after the last entry and in its month: the year the user meant, kept.
    expect(delaysSettingsFromFecImport(card({ delaysClosingDate: NAMED_CLOSING }), fec, renamed, today)).not.toHaveProperty(
      'delaysClosingDate',
    );
    // 31 August is before it: another year's, replaced.
    expect(delaysSettingsFromFecImport(card({ delaysClosingDate: '2026-08-31' }), fec, renamed, today).delaysClosingDate).toBe(
      LAST_ENTRY,
    );
  });
});
