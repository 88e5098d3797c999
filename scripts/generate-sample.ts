// Writes samples/ledger.csv, samples/dunning-log.csv and samples/ledger.xlsx (both sheets,
// with real dates and numbers) from the deterministic generator.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { generateSampleLedger, LEDGER_HEADERS, LOG_HEADERS, toCsv } from './sampleLedger';

const DATE_COLUMNS = new Set(['Date facture', 'Échéance', 'Promesse de paiement', 'Date']);
const AMOUNT_COLUMNS = new Set(['Montant TTC', 'Reste dû', 'Montant échu']);

async function main(): Promise<void> {
  const out = join(__dirname, '..', 'samples');
  mkdirSync(out, { recursive: true });
  const { ledger, log } = generateSampleLedger();
  writeFileSync(join(out, 'ledger.csv'), toCsv(LEDGER_HEADERS, ledger));
  writeFileSync(join(out, 'dunning-log.csv'), toCsv(LOG_HEADERS, log));

  const workbook = new ExcelJS.Workbook();
  const fixed = new Date(Date.UTC(2025, 10, 28));
  workbook.created = fixed;
  workbook.modified = fixed;
  workbook.creator = 'AgeBucket sample generator';
  const addSheet = (name: string, headers: readonly string[], rows: ReadonlyArray<Record<string, string | number>>) => {
    const sheet = workbook.addWorksheet(name);
    sheet.addRow([...headers]).font = { bold: true };
    for (const row of rows) {
      sheet.addRow(
        headers.map((header) => {
          const value = row[header] ?? '';
          if (DATE_COLUMNS.has(header) && typeof value === 'string' && value !== '') {
            return new Date(`${value}T00:00:00Z`);
          }
          return value;
        }),
      );
    }
    headers.forEach((header, index) => {
      const column = sheet.getColumn(index + 1);
      if (DATE_COLUMNS.has(header)) column.numFmt = 'dd/mm/yyyy';
      if (AMOUNT_COLUMNS.has(header)) column.numFmt = '#,##0.00';
      column.width = Math.min(40, Math.max(12, header.length + 4));
    });
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  };
  addSheet('Créances', LEDGER_HEADERS, ledger);
  addSheet('Journal des relances', LOG_HEADERS, log);
  await workbook.xlsx.writeFile(join(out, 'ledger.xlsx'));
  console.log(`samples/: ${ledger.length} ledger rows, ${log.length} dunning log rows`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
