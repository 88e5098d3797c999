// Reading ledgers at scale: a 1,000,000-line FEC to its open items (target under 5 s), a
// 100,000-row sheet with debit and credit columns, and a 1,000,000-row one (no stack overflow).
import { performance } from 'node:perf_hooks';
import { seededRandom } from '../scripts/generatedLedger';
import { importLedgerFile } from '../src/ledger/import';
import { detectColumns, readLedger } from '../src/ledger/ledger';
import type { CellValue } from '../src/primitives/cells';
import { calendarFromDay, dayFromCalendar, excelSerialFromDay } from '../src/primitives/dates';

const FEC_HEADER =
  'JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise';
const FIRST_DAY = dayFromCalendar(2026, 1, 1);
const AS_OF = dayFromCalendar(2026, 11, 30);

function yyyymmdd(day: number): string {
  const { year, month, day: d } = calendarFromDay(day);
  return `${year}${String(month).padStart(2, '0')}${String(d).padStart(2, '0')}`;
}

function comma(cents: number): string {
  return `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;
}

/**
 * A year's FEC of about `lines` lines for 10,000 customers: sales entries of three lines
 * (customer, sales, VAT), two thirds of them paid by a bank entry of two lines that matches the
 * invoice, and some purchase entries.
 */
export function benchFec(lines: number): string {
  const rand = seededRandom(7);
  const out: string[] = [FEC_HEADER];
  let entry = 0;
  let letter = 0;
  while (out.length <= lines) {
    entry++;
    const day = FIRST_DAY + Math.floor(rand() * 333);
    const date = yyyymmdd(day);
    const customer = Math.floor(rand() * 10_000);
    const aux = `C${String(customer).padStart(5, '0')}`;
    const name = `Client ${String(customer).padStart(5, '0')} SARL`;
    const net = 1000 + Math.floor(rand() * 2_000_000);
    const vat = Math.round(net * 0.2);
    const piece = `FA${entry}`;
    const paid = rand() < 0.66 && day + 45 < AS_OF;
    const code = paid ? `L${(letter++).toString(36).toUpperCase()}` : '';
    const payDay = day + 30 + Math.floor(rand() * 20);
    const matchDate = paid ? yyyymmdd(payDay) : '';
    const base = `VT\tVentes\t${entry}\t${date}`;
    out.push(
      `${base}\t411000\tClients\t${aux}\t${name}\t${piece}\t${date}\tFacture ${piece}\t${comma(net + vat)}\t0,00\t${code}\t${matchDate}\t${date}\t\t`,
    );
    out.push(
      `${base}\t706000\tPrestations de services\t\t\t${piece}\t${date}\tFacture ${piece}\t0,00\t${comma(net)}\t\t\t${date}\t\t`,
    );
    out.push(`${base}\t445710\tTVA collectée\t\t\t${piece}\t${date}\tFacture ${piece}\t0,00\t${comma(vat)}\t\t\t${date}\t\t`);
    if (paid) {
      entry++;
      const bank = `BQ\tBanque\t${entry}\t${matchDate}`;
      out.push(
        `${bank}\t512000\tBanque\t\t\tVIR${entry}\t${matchDate}\tVirement ${name}\t${comma(net + vat)}\t0,00\t\t\t${matchDate}\t\t`,
      );
      out.push(
        `${bank}\t411000\tClients\t${aux}\t${name}\tVIR${entry}\t${matchDate}\tVirement ${name}\t0,00\t${comma(net + vat)}\t${code}\t${matchDate}\t${matchDate}\t\t`,
      );
    }
    if (rand() < 0.1) {
      entry++;
      const supplier = `F${String(Math.floor(rand() * 500)).padStart(4, '0')}`;
      const buy = `AC\tAchats\t${entry}\t${date}`;
      out.push(`${buy}\t606000\tAchats non stockés\t\t\tF${entry}\t${date}\tAchat\t${comma(net)}\t0,00\t\t\t${date}\t\t`);
      out.push(
        `${buy}\t401000\tFournisseurs\t${supplier}\tFournisseur ${supplier}\tF${entry}\t${date}\tAchat\t0,00\t${comma(net)}\t\t\t${date}\t\t`,
      );
    }
  }
  return `${out.slice(0, lines + 1).join('\r\n')}\r\n`;
}

/** A sheet as a host reads it: a title, the header, then rows with debit, credit and a matching code. */
export function benchDebitCreditSheet(rows: number): CellValue[][] {
  const rand = seededRandom(11);
  const values: CellValue[][] = [
    ['Grand livre clients', null, null, null, null, null, null, null],
    [null, null, null, null, null, null, null, null],
    ['Compte', 'Client', 'Date', 'Pièce', 'Échéance', 'Débit', 'Crédit', 'Lettrage'],
  ];
  for (let i = 0; i < rows; i++) {
    const customer = Math.floor(rand() * 5_000);
    const day = FIRST_DAY + Math.floor(rand() * 333);
    const cents = 1000 + Math.floor(rand() * 2_000_000);
    const credit = rand() < 0.3;
    values.push([
      `411${String(customer).padStart(5, '0')}`,
      `Client ${customer}`,
      excelSerialFromDay(day),
      `P${i}`,
      excelSerialFromDay(day + 30),
      credit ? null : cents / 100,
      credit ? cents / 100 : null,
      rand() < 0.5 ? `L${i % 9000}` : null,
    ]);
  }
  return values;
}

export async function benchLedgerImport(): Promise<void> {
  const text = benchFec(1_000_000);
  const bytes = new TextEncoder().encode(text);
  // The machine is shared: the process's CPU time is printed beside the wall time, so a run
  // slowed by other work shows as such.
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  const result = await importLedgerFile(bytes, {
    fileName: 'FEC.txt',
    language: 'fr',
    asOf: AS_OF,
    defaultCurrency: 'EUR',
    partialMatch: 'lowerCaseOrStar',
    terms: '30 jours fin de mois',
  });
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuBefore);
  console.log(
    `FEC of 1,000,000 lines (${(bytes.length / 1e6).toFixed(0)} MB) to open items and their sheet: ${ms.toFixed(0)} ms (CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms), ${result.report.openItems.toLocaleString('en')} open items (target < 5000 ms)`,
  );

  for (const rows of [100_000, 1_000_000]) {
    const sheet = benchDebitCreditSheet(rows);
    const begin = performance.now();
    const header = 2;
    const ledger = readLedger(sheet.slice(header), detectColumns(sheet[header] ?? []), {
      serialSystem: 'excel1900',
      defaultCurrency: 'EUR',
      partialMatch: 'lowerCaseOrStar',
      asOf: AS_OF,
      rowsAbove: header,
    });
    const took = performance.now() - begin;
    console.log(
      `Sheet of ${rows.toLocaleString('en')} rows with debit/credit and lettrage read: ${took.toFixed(0)} ms, ${ledger.items.length.toLocaleString('en')} open items, ${ledger.matchedRows.toLocaleString('en')} matched${rows === 100_000 ? ' (target < 1000 ms)' : ' (no stack overflow)'}`,
    );
  }
}
