// Past the ~125,000 elements where a spread or an apply over a data-sized array overflows V8's
// stack: a 150,000-row export and a 150,000-line FEC import, and their totals match a sum
// kept while writing them.

import { importLedgerFile } from '../../src/ledger/import';
import { dayFromCalendar } from '../../src/primitives/dates';

const ROWS = 150_000;
const AS_OF = dayFromCalendar(2026, 11, 30);
const OPTIONS = {
  language: 'fr',
  asOf: AS_OF,
  defaultCurrency: 'EUR',
  partialMatch: 'lowerCaseOrStar',
  locale: 'fr-FR',
} as const;

test('a 150,000-row ; export with debit, credit and lettrage', async () => {
  const lines = ['Export comptable;;;;;;', ';;;;;;', 'Compte;Client;Date;Pièce;Débit;Crédit;Lettrage'];
  let open = 0;
  for (let i = 0; i < ROWS; i++) {
    const cents = 100 + ((i * 7919) % 1_000_000);
    const credit = i % 4 === 3;
    const matched = i % 3 === 0;
    const amount = `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;
    lines.push(
      `411${i % 997};Client ${i % 997};${1 + (i % 28)}/11/2026;P${i};${credit ? '' : amount};${credit ? amount : ''};${matched ? 'AA' : ''}`,
    );
    if (!matched) open += credit ? -cents : cents;
  }
  const bytes = new TextEncoder().encode(lines.join('\r\n'));
  const result = await importLedgerFile(bytes, { ...OPTIONS, fileName: 'export.csv', terms: '30' });
  expect(result.report.totals).toEqual([{ currency: 'EUR', minor: open }]);
  expect(result.report.ledger?.matchedRows).toBe(ROWS / 3);
  expect(result.layout.rows.length).toBe(1 + ROWS - ROWS / 3);
});

test('a 150,000-line FEC', async () => {
  const lines = [
    'JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|CompAuxLib|PieceRef|PieceDate|EcritureLib|Debit|Credit|EcritureLet|DateLet|ValidDate|Montantdevise|Idevise',
  ];
  let open = 0;
  let sales = 0;
  for (let i = 0; lines.length <= ROWS; i++) {
    const cents = 1000 + ((i * 104729) % 5_000_000);
    const day = String(1 + (i % 28)).padStart(2, '0');
    const matched = i % 2 === 0;
    const amount = `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;
    lines.push(
      `VT|Ventes|${i}|202610${day}|411000|Clients|C${i % 5000}|Client ${i % 5000}|FA${i}|202610${day}|Facture|${amount}|0,00|${matched ? 'AB' : ''}|${matched ? '20261115' : ''}|202610${day}||`,
    );
    lines.push(`VT|Ventes|${i}|202610${day}|706000|Ventes|||FA${i}|202610${day}|Facture|0,00|${amount}|||202610${day}||`);
    if (!matched) open += cents;
    sales += cents;
  }
  const result = await importLedgerFile(new TextEncoder().encode(lines.join('\n')), { ...OPTIONS, fileName: 'FEC.txt' });
  expect(result.report.totals).toEqual([{ currency: 'EUR', minor: open }]);
  expect(result.report.fec?.sales).toBe(sales);
  expect(result.report.fec?.lineCount).toBe(lines.length - 1);
});
