// A FEC's year and its opening entries (à-nouveaux), read from a real-shaped file named as the
// administration names it (SirenFECAAAAMMJJ): the period for DSO ends on the closing date of the
// name, the opening balance stays in the aged balance with no due date (none invented from the
// terms) and never bears interest or a recovery fee; the customer and supplier imports of one
// FEC are named by their side, and their reports count only their side's lines.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { agedBalance } from '../../src/ageing/agedBalance';
import { agedBalanceSheet } from '../../src/ageing/agedBalanceSheet';
import { makeBuckets } from '../../src/ageing/ageing';
import { DEFAULT_COLLECTION_CURVE } from '../../src/ageing/collection';
import { planDunning, planNotes } from '../../src/dunning/plan';
import { DEFAULT_POLICY } from '../../src/dunning/policy';
import { fecClosingDayOfName, isOpeningEntry } from '../../src/ledger/fec';
import { type ImportResult, importLedgerFile } from '../../src/ledger/import';
import { detectColumns, type LedgerItem, readLedger } from '../../src/ledger/ledger';
import { describeReading } from '../../src/ledger/readingReport';
import { dayFromCalendar, formatIsoDate } from '../../src/primitives/dates';

const NAME = '123456789FEC20260930.txt';
const BYTES = new Uint8Array(readFileSync(join(__dirname, '..', 'data', NAME)));
const AS_OF = dayFromCalendar(2026, 11, 30);

function importFec(options: { fileName?: string; side?: 'customer' | 'supplier'; language?: 'en' | 'fr' } = {}) {
  return importLedgerFile(BYTES, {
    fileName: options.fileName ?? NAME,
    language: options.language ?? 'en',
    asOf: AS_OF,
    defaultCurrency: 'EUR',
    partialMatch: 'lowerCaseOrStar',
    side: options.side ?? 'customer',
  });
}

describe('the closing date in the file’s name', () => {
  test('SirenFECAAAAMMJJ gives the closing date; another name gives none', () => {
    expect(formatIsoDate(fecClosingDayOfName('123456789FEC20260930.txt') as number)).toBe('2026-09-30');
    expect(formatIsoDate(fecClosingDayOfName('C:\\exports\\123456789fec20251231.TXT') as number)).toBe('2025-12-31');
    expect(fecClosingDayOfName('grand-livre.txt')).toBeNull();
    expect(fecClosingDayOfName('123456789FEC20260231.txt')).toBeNull(); // no 31 February
  });
  test('the period for DSO runs to 30/09/2026: 365 days from 01/10/2025', async () => {
    const result = await importFec();
    // By hand, October 2025 to September 2026: 31+30+31+31+28+31+30+31+30+31+31+30.
    expect(31 + 30 + 31 + 31 + 28 + 31 + 30 + 31 + 30 + 31 + 31 + 30).toBe(365);
    expect(result.report.lines.find((line) => line.startsWith('Sales of the period'))).toContain(
      'from 01/10/2025 to 30/09/2026 (365 days, the closing date in the file’s name), for DSO.',
    );
  });
  test('renamed, the file’s last entry ends the period, and the report says why', async () => {
    const result = await importFec({ fileName: 'grand-livre.txt' });
    expect(result.report.lines.find((line) => line.startsWith('Sales of the period'))).toContain(
      'from 01/10/2025 to 15/09/2026 (350 days, the last entry: the file’s name gives no closing date), for DSO.',
    );
  });
});

describe('opening entries (à-nouveaux)', () => {
  let result: ImportResult;
  let items: readonly LedgerItem[];
  beforeAll(async () => {
    result = await importFec();
    const rows = result.layout.rows;
    const ledger = readLedger(rows, detectColumns(rows[0] ?? []), { serialSystem: 'excel1900', defaultCurrency: 'EUR' });
    expect(ledger.skipped).toEqual([]);
    items = ledger.items;
  });
  test('journal AN, "A nouveaux", "Reprise à nouveau", "Report à nouveau" are opening entries; a sale is not', () => {
    expect(isOpeningEntry('AN', 'A nouveaux', 'Reprise à nouveau')).toBe(true);
    expect(isOpeningEntry('RAN', '', '')).toBe(true);
    expect(isOpeningEntry('OD', 'Opérations diverses', 'Report à nouveau 2025')).toBe(true);
    expect(isOpeningEntry('VE', 'Ventes', 'Facture F26-0007 DURAND & FILS')).toBe(false);
    expect(isOpeningEntry('VE', 'Ventes', 'Facture ANNA')).toBe(false);
  });
  test('MARTIN BTP’s 4 800,00 opening balance: no due date and no terms invented, marked as such', () => {
    const header = result.layout.rows[0] as string[];
    const row = result.layout.rows.find((cells) => cells[header.indexOf('Invoice no.')] === 'AN2025') as unknown[];
    expect(row[header.indexOf('Due date')]).toBeNull();
    expect(row[header.indexOf('Payment terms')]).toBeNull();
    expect(row[header.indexOf('Document type')]).toBe('Opening balance');
    expect(row[header.indexOf('Open amount')]).toBe(4800);
    expect(result.report.lines).toContain(
      "1 opening balance (à-nouveau, €4,800.00, dated 01/10/2025) kept in the aged balance with no known due date: aged from its date, and no interest or recovery fee is ever claimed on it (its invoices and due dates are in last year's books).",
    );
  });
  test('read back, it stays in the aged balance, aged from 01/10/2025, and the reading report flags it', () => {
    const opening = items.find((item) => item.invoiceNumber === 'AN2025');
    expect(opening?.openingBalance).toBe(true);
    expect(formatIsoDate(opening?.dueDay as number)).toBe('2025-10-01');
    const balance = agedBalance(
      items.map((item) => ({ customer: item.customer, currency: item.currency, ageDay: item.dueDay, amount: item.amount })),
      { asOf: AS_OF, buckets: makeBuckets(), curve: DEFAULT_COLLECTION_CURVE },
    );
    const martin = balance.lines.find((line) => line.customer === 'MARTIN BTP SARL');
    expect(martin?.total).toBe(4800_00);
    const rows = result.layout.rows;
    const ledger = readLedger(rows, detectColumns(rows[0] ?? []), { serialSystem: 'excel1900', defaultCurrency: 'EUR' });
    expect(
      describeReading(ledger, { language: 'fr', locale: 'fr-FR', partialMatch: 'lowerCaseOrStar', hasMatchingCodes: false }),
    ).toContain(
      '1 à-nouveau n’a pas d’échéance : il est âgé depuis sa date, sans pénalités ni indemnité de recouvrement réclamées.',
    );
  });
  test('the plan claims no interest and no fee on it, at a stage that claims both on an invoice', () => {
    const claims = (list: readonly LedgerItem[]) => {
      const plan = planDunning(list, [], { asOf: AS_OF, policy: DEFAULT_POLICY });
      const account = [...plan.actions, ...plan.excluded].find((a) => a.customer === 'MARTIN BTP SARL');
      const dunned = account?.dunned.find((d) => d.item.invoiceNumber === 'AN2025');
      return {
        stage: account?.stage,
        interest: dunned?.interest,
        fee: dunned?.fee?.amount ?? null,
        notes: account ? planNotes(account, 'en') : [],
      };
    };
    const flagged = claims(items);
    // 425 days after 01/10/2025: a stage that claims interest and the fee.
    expect(flagged.stage?.claimsInterest).toBe(true);
    expect(flagged.stage?.claimsRecoveryFee).toBe(true);
    expect([flagged.interest, flagged.fee]).toEqual([0, null]);
    expect(flagged.notes).toContain(
      'no interest and no recovery fee on AN2025: an opening balance (à-nouveau) with no known due date',
    );
    // The same line as an invoice due that day would bear both: the rule is what keeps them off.
    const asInvoice = claims(items.map((item) => ({ ...item, openingBalance: false })));
    expect(asInvoice.interest).toBeGreaterThan(0);
    expect(asInvoice.fee).toBe(40_00);
  });
});

describe('one FEC, two imports: each named and counted by its side', () => {
  test('the sheets are "Import clients FEC20260930" and "Import fournisseurs FEC20260930"', async () => {
    expect((await importFec({ language: 'fr' })).sheetName).toBe('Import clients FEC20260930');
    expect((await importFec({ language: 'fr', side: 'supplier' })).sheetName).toBe('Import fournisseurs FEC20260930');
    expect((await importFec({ side: 'supplier' })).sheetName).toBe('Import suppliers FEC20260930');
  });
  test('a FEC saved under a longer name (the pipe-separated export) keeps its closing date in the sheet’s name', async () => {
    // Was "Import clients 123456789FEC2026": the 31-character limit cut the date off.
    const piped = await importFec({ language: 'fr', fileName: '123456789FEC20260930-pipe.txt' });
    expect(piped.sheetName).toBe('Import clients FEC20260930');
    for (const language of ['en', 'fr'] as const)
      for (const side of ['customer', 'supplier'] as const) {
        const name = (await importFec({ language, side, fileName: '123456789FEC20260930 export Cegid (séparateur pipe).txt' }))
          .sheetName;
        expect(name.length).toBeLessThanOrEqual(31);
        expect(name).toMatch(/ FEC20260930$/);
      }
    // A renamed file with no closing date in its name keeps its name, cut to length.
    expect((await importFec({ language: 'fr', fileName: 'grand-livre.txt' })).sheetName).toBe('Import clients grand-livre');
  });
  test('the supplier import counts no 411 partial match; French says "0 ligne"', async () => {
    const supplier = await importFec({ side: 'supplier' });
    expect(supplier.report.lines[1]).toMatch(/; 0 partly matched lines kept open\.$/);
    const customer = await importFec();
    expect(customer.report.lines[1]).toMatch(/; 2 partly matched lines kept open\.$/);
    const fr = await importFec({ side: 'supplier', language: 'fr' });
    expect(fr.report.lines[1]).toMatch(/ ; 0 ligne en lettrage partiel laissée ouverte\.$/);
  });
});

describe('the aged balance sheet’s footer agrees in number', () => {
  test('"0 ligne ignorée, 0 ligne vide" in French, "1 item read, 0 rows skipped" in English', () => {
    const balance = agedBalance([{ customer: 'A', currency: 'EUR', ageDay: AS_OF, amount: 100 }], {
      asOf: AS_OF,
      buckets: makeBuckets(),
      curve: DEFAULT_COLLECTION_CURVE,
    });
    const footer = (language: 'en' | 'fr') => {
      const layout = agedBalanceSheet(
        { balance, blankRows: 0, skipped: [], itemCount: 1 },
        { asOf: AS_OF, language, basis: 'dueDate', curveLabel: 'x' },
      );
      return layout.rows.flat().find((cell) => typeof cell === 'string' && /lue|read,/.test(cell));
    };
    expect(footer('fr')).toBe('1 pièce lue, 0 ligne ignorée, 0 ligne vide');
    expect(footer('en')).toBe('1 item read, 0 rows skipped, 0 blank rows');
  });
});
