// The task pane's entry. In Excel it shares its runtime with the custom functions and drives
// the workbook through Office.js; opened anywhere else it runs in Preview on the sample ledger.

import sampleCompany from '../samples/company.json';
import sampleLog from '../samples/dunning-log.csv';
import sampleLedger from '../samples/ledger.csv';
import { currentSample } from '../src/commands/sample';
import { el, Pane } from '../src/pane/app';
import { renderGrid } from '../src/pane/preview/grid';
import { type PreviewSheet, PreviewWorkbook } from '../src/pane/preview/previewWorkbook';
import { csvToSheet, xlsxToSheets } from '../src/pane/preview/sheetFiles';
import { parseTextDate } from '../src/primitives/dates';
import type { Language } from '../src/primitives/messages';
import { localToday as today } from './excelHost';
import { ExcelWorkbook } from './excelWorkbook';

function languageOf(tag: string | undefined): Language {
  return (tag ?? '').toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

function appRoot(): HTMLElement {
  const root = document.getElementById('app');
  if (!root) throw new Error('taskpane.html has no #app');
  return root;
}

async function startExcel(): Promise<void> {
  const pane = new Pane({
    workbook: new ExcelWorkbook(),
    root: appRoot(),
    today,
    displayLanguage: languageOf(Office.context.displayLanguage),
  });
  await pane.start();
}

/**
 * The sample ledger, its dunning log, and one rule of the user's own (large amounts in bold),
 * dated so that its as-of date is `today` (the sample always looks as on its own date).
 */
export function sampleSheets(today: number): PreviewSheet[] {
  const sample = currentSample({ ledger: sampleLedger, log: sampleLog }, today);
  const ledger = csvToSheet('Créances', sample.ledger);
  const header = ledger.values[0] ?? [];
  const amountColumn = header.indexOf('Reste dû');
  ledger.columnFormats[amountColumn] = '#,##0.00';
  ledger.columnFormats[header.indexOf('Montant TTC')] = '#,##0.00';
  ledger.rules.push({
    kind: 'user',
    formula: `=$H2>20000`,
    column: amountColumn,
    above: 20000,
    bold: true,
    fill: null,
    firstRow: 1,
    lastRow: ledger.values.length - 1,
  });
  return [ledger, csvToSheet('Journal des relances', sample.log)];
}

/**
 * Preview's today: the computer's, or the day the link names (`taskpane.html?today=2025-11-28`
 * shows the sample on its own date; the browser tests open it so).
 */
function previewToday(): () => number {
  const named = new URLSearchParams(window.location.search).get('today');
  if (named === null) return today;
  try {
    const day = parseTextDate(named);
    return () => day;
  } catch {
    console.warn(`AgeBucket: ?today=${named} is not a date (YYYY-MM-DD); Preview uses today.`);
    return today;
  }
}

async function startPreview(): Promise<void> {
  document.body.classList.add('preview');
  // The sample's firm signs its letters, so Preview's letters work before Settings are filled.
  const workbook = new PreviewWorkbook('agebucket.preview.settings', {
    companyName: sampleCompany.name,
    companyLegalForm: sampleCompany.legalForm,
    companyAddress: sampleCompany.address,
    companyRegistration: sampleCompany.registration,
    companyIban: sampleCompany.iban,
    companyEmail: sampleCompany.email,
    companyPhone: sampleCompany.phone,
    companyCity: sampleCompany.city,
  });
  const todayInPreview = previewToday();
  workbook.load(sampleSheets(todayInPreview()));
  const grid = document.getElementById('preview-grid') as HTMLElement;
  const redraw = () => renderGrid(grid, workbook, () => pane.asOfDay(), redraw);
  const fileInput = (strings: { preview: string; loadFile: string }) => {
    const input = el('input', { id: 'load-file', type: 'file', accept: '.xlsx,.csv,text/csv' });
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file) return;
      void pane.run(async () => {
        const sheets = file.name.toLowerCase().endsWith('.csv')
          ? [csvToSheet(file.name.replace(/\.csv$/i, ''), await file.text())]
          : await xlsxToSheets(await file.arrayBuffer());
        workbook.load(sheets);
        return pane.detect(true);
      });
    });
    return el('div', { class: 'preview-banner' }, el('p', {}, strings.preview), el('label', {}, strings.loadFile, input));
  };
  const pane: Pane = new Pane({
    workbook,
    root: appRoot(),
    today: todayInPreview,
    displayLanguage: languageOf(navigator.language),
    header: fileInput,
    afterCommand: redraw,
  });
  redraw();
  await pane.start();
  (window as unknown as { agebucket: unknown }).agebucket = { pane, workbook };
}

async function main(): Promise<void> {
  // Without office.js (blocked or offline) there is no Office: that is Preview too.
  if (typeof Office === 'undefined') return startPreview();
  const info = await Office.onReady();
  if (info.host === Office.HostType.Excel) await startExcel();
  else await startPreview();
}

main().catch((error: unknown) => {
  appRoot().textContent = `AgeBucket could not start: ${error instanceof Error ? error.message : String(error)}`;
});
