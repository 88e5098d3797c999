// The ledger reader reads each distinct customer, currency, language, type and flag text once
// per ledger (a large ledger repeats them on every row). The oracle: the same rows read one at a
// time, each on its own, where nothing can be remembered from another row. Whole or row by row,
// the items, the skipped rows and their errors must be the same.

import { type ColumnMapping, detectColumns, type LedgerItem, readLedger, type SkippedLedgerRow } from '../../src/ledger/ledger';
import type { CellValue } from '../../src/primitives/cells';
import { dayFromCalendar, excelSerialFromDay } from '../../src/primitives/dates';

const HEADERS = [
  'Client',
  'N° facture',
  'Échéance',
  'Reste dû',
  'Devise',
  'Langue',
  'Type de client',
  'Type de pièce',
  'Litige',
  'Pays',
];

// Texts that fold to the same reading, texts that fail, and names that are object keys.
const CUSTOMERS: CellValue[] = [
  'ACME',
  ' ACME',
  'ACME\u00A0',
  'Acme',
  'A  C  M  E',
  1234,
  '#N/A',
  '',
  'constructor',
  '__proto__',
  'toString',
];
const CURRENCIES: CellValue[] = ['EUR', '€', 'usd', ' GBP ', 'XX1', '', null, '#VALUE!'];
const LANGUAGES: CellValue[] = ['FR', 'fr', 'Français', 'english', 'EN-GB', 'xx', '', null, 7];
const TYPES: CellValue[] = ['Professionnel', 'consumer', 'Particulier', 'Collectivité', 'bogus', '', null, '#REF!'];
const DOCUMENTS: CellValue[] = ['Facture', 'avoir', 'RG', 'À nouveau', 'other', '', null];
const FLAGS: CellValue[] = ['oui', 'x', 'no', 'Litige', '', null, 1, 0, true];
const COUNTRIES: CellValue[] = ['France', 'DE', ' uk', '', null];

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generatedRows(count: number, seed: number): CellValue[][] {
  const random = mulberry32(seed);
  const pick = (values: readonly CellValue[]) => values[Math.floor(random() * values.length)] as CellValue;
  const rows: CellValue[][] = [HEADERS];
  const firstDue = dayFromCalendar(2025, 1, 1);
  for (let i = 0; i < count; i++) {
    rows.push([
      pick(CUSTOMERS),
      `F${i}`,
      // Serials: a date column is read the same way whole or one row at a time.
      excelSerialFromDay(firstDue + Math.floor(random() * 400)),
      Math.round((random() - 0.2) * 1_000_000) / 100,
      pick(CURRENCIES),
      pick(LANGUAGES),
      pick(TYPES),
      pick(DOCUMENTS),
      pick(FLAGS),
      pick(COUNTRIES),
    ]);
  }
  return rows;
}

const OPTIONS = { serialSystem: 'excel1900', defaultCurrency: 'EUR', asOf: dayFromCalendar(2026, 6, 30) } as const;

const described = (skipped: readonly SkippedLedgerRow[]) =>
  skipped.map((row) => ({ row: row.row, en: row.error.localized('en'), fr: row.error.localized('fr') }));

test('a generated ledger read whole gives the items and the errors of its rows read one by one', () => {
  const rows = generatedRows(4000, 20261130);
  const mapping: ColumnMapping = detectColumns(HEADERS);
  expect(Object.keys(mapping).length).toBe(HEADERS.length);
  const whole = readLedger(rows, mapping, OPTIONS);

  const items: LedgerItem[] = [];
  const skipped: SkippedLedgerRow[] = [];
  for (let index = 1; index < rows.length; index++) {
    // rowsAbove keeps each row's own number, as in the whole read.
    const alone = readLedger([HEADERS, rows[index] as CellValue[]], mapping, { ...OPTIONS, rowsAbove: index - 1 });
    items.push(...alone.items);
    skipped.push(...alone.skipped);
  }
  expect(whole.items).toEqual(items);
  expect(described(whole.skipped)).toEqual(described(skipped));
  // The generator reaches every case: readable rows, and rows refused for each failing text.
  expect(whole.items.length).toBeGreaterThan(1000);
  const errors = new Set(described(whole.skipped).map((row) => row.en.replace(/^.*?: /, '')));
  for (const expected of ['#N/A', 'XX1', '#VALUE!', 'bogus', '#REF!'])
    expect([...errors].some((text) => text.includes(expected))).toBe(true);
  // Folded customer keys: ' ACME' and 'ACME' + no-break space are the account ACME.
  expect(new Set(whole.items.map((item) => item.customer))).toEqual(
    new Set(['ACME', 'Acme', 'A C M E', '1234', 'constructor', '__proto__', 'toString']),
  );
});
