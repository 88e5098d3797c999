// The task pane's entry. In Excel it shares its runtime with the custom functions and drives
// the workbook through Office.js; opened anywhere else it runs in Preview on the sample ledger.
// It always starts: when office.js is missing, or loads but never answers, Preview opens and
// says why.

import sampleCompany from '../samples/company.json';
import sampleLog from '../samples/dunning-log.csv';
import sampleLedger from '../samples/ledger.csv';
import { currentSample } from '../src/commands/sample';
import { startPane } from '../src/pane/App';
import { paneText } from '../src/pane/messages';
import { startPreviewGrid } from '../src/pane/preview/Grid';
import { type PreviewSheet, PreviewWorkbook } from '../src/pane/preview/previewWorkbook';
import { csvBytesToSheet, csvToSheet, xlsxToSheets } from '../src/pane/preview/sheetFiles';
import { parseTextDate } from '../src/primitives/dates';
import { type Language, languageOfTag } from '../src/primitives/messages';
import { localToday as today } from './excelHost';
import { ExcelWorkbook } from './excelWorkbook';

/** How long Office may take to say it is ready before the pane opens in Preview. */
export const OFFICE_READY_TIMEOUT_MS = 10_000;

function appRoot(): HTMLElement {
  const root = document.getElementById('app');
  if (!root) throw new Error('taskpane.html has no #app');
  return root;
}

/** The sample ledger's sheet in Preview. */
const SAMPLE_LEDGER_SHEET = 'Créances';

/**
 * The sample ledger, its dunning log, and one rule of the user's own (large amounts in bold),
 * dated so that its as-of date is `today` (the sample always looks as on its own date).
 */
export function sampleSheets(today: number): PreviewSheet[] {
  const sample = currentSample({ ledger: sampleLedger, log: sampleLog }, today);
  const ledger = csvToSheet(SAMPLE_LEDGER_SHEET, sample.ledger);
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

function startPreview(notice?: (language: Language) => string): void {
  document.body.classList.add('preview');
  // The sample's firm signs the sample ledger's letters, so Preview's letters work before
  // Settings are filled; it never signs a ledger the user loads (Settings start empty).
  const workbook = new PreviewWorkbook('agebucket.preview.settings', {
    sheet: SAMPLE_LEDGER_SHEET,
    sender: { ...sampleCompany, signatoryName: '', signatoryTitle: '' },
  });
  const todayInPreview = previewToday();
  workbook.load(sampleSheets(todayInPreview()), true);
  const grid = document.getElementById('preview-grid');
  if (grid) startPreviewGrid(grid, workbook, todayInPreview);
  startPane(appRoot(), {
    workbook,
    today: todayInPreview,
    displayLanguage: languageOfTag(navigator.language),
    loadFile: async (file) => {
      if (file.name.toLowerCase().endsWith('.csv')) {
        const loaded = csvBytesToSheet(file.name.replace(/\.csv$/i, ''), new Uint8Array(await file.arrayBuffer()));
        workbook.load([loaded.sheet]);
        return { encoding: loaded.encoding, sample: loaded.sample };
      }
      workbook.load(await xlsxToSheets(await file.arrayBuffer()));
      return null;
    },
    ...(notice ? { notice } : {}),
  });
  // The browser tests read the Preview workbook back.
  (window as unknown as { agebucket: unknown }).agebucket = { workbook };
}

/** Office.onReady, or null when it has not answered in time (office.js loaded, its own files did not). */
function officeReady(timeoutMs: number): Promise<{ host: Office.HostType | null } | null> {
  return Promise.race([Office.onReady(), new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs))]);
}

async function main(): Promise<void> {
  document.body.classList.add(document.body.dataset.theme === 'sheets' ? 'theme-sheets' : 'theme-excel');
  // Without office.js (blocked or offline) there is no Office: that is Preview too.
  if (typeof Office === 'undefined') return startPreview();
  const timeout =
    (window as unknown as { AGEBUCKET_OFFICE_TIMEOUT_MS?: number }).AGEBUCKET_OFFICE_TIMEOUT_MS ?? OFFICE_READY_TIMEOUT_MS;
  const info = await officeReady(timeout);
  if (info === null) {
    const seconds = Math.round(timeout / 1000);
    return startPreview((language) => paneText(language).t.officeSilent(seconds));
  }
  if (info.host !== Office.HostType.Excel) return startPreview();
  startPane(appRoot(), {
    workbook: new ExcelWorkbook(),
    today,
    displayLanguage: languageOfTag(Office.context.displayLanguage),
  });
}

main().catch((error: unknown) => {
  appRoot().textContent = `AgeBucket could not start: ${error instanceof Error ? error.message : String(error)}`;
});
