// Importing a file: a ledger exported from accounting software (CSV, TSV, TXT, .xlsx) or a FEC
// becomes a new sheet of open items, which the pane then reads as the ledger; the report says
// how the file was read. Preview can also open a file as its whole workbook.

import type { JSX } from 'preact';
import { memo } from 'preact/compat';
import { useContext, useState } from 'preact/hooks';
import type { FecSide } from '../../ledger/fec';
import type { PaneText } from '../messages';
import { Field, RunnerContext, StatusLine, TextInput } from '../ui';

export interface ImportChoices {
  /** Payment terms for files without due dates (a FEC has none). */
  readonly terms: string;
  readonly side: FecSide;
}

export interface ImportPanelProps {
  readonly text: PaneText;
  /** Imports a file as a new sheet of open items; says what it wrote. */
  readonly importFile: (file: File, choices: ImportChoices) => Promise<string | undefined>;
  /** What the last import read and left out, in the pane's language. */
  readonly report: readonly string[] | null;
  /** Preview: opens the chosen file as the whole workbook; absent in Excel and Sheets. */
  readonly loadFile: ((file: File) => void) | null;
  /** How the loaded file was decoded (a CSV), as the import says it. */
  readonly loadReport?: string | null;
}

const ACCEPTED = '.csv,.tsv,.txt,.xlsx,.xls,text/csv,text/plain,text/tab-separated-values';

export const ImportPanel = memo(function ImportPanel(props: ImportPanelProps) {
  const { t } = props.text;
  const [terms, setTerms] = useState('30 jours');
  const [side, setSide] = useState<FecSide>('customer');
  const loadFile = props.loadFile;
  const runner = useContext(RunnerContext);
  return (
    <>
      {loadFile ? (
        <div class="import">
          <p class="help">{t.preview}</p>
          <Field label={t.loadFile}>
            <input
              id="load-file"
              type="file"
              accept=".xlsx,.csv,text/csv"
              onChange={(event: JSX.TargetedEvent<HTMLInputElement>) => {
                const file = event.currentTarget.files?.[0];
                if (file) loadFile(file);
              }}
            />
          </Field>
          {props.loadReport ? (
            <p id="load-report" class="help">
              {props.loadReport}
            </p>
          ) : null}
        </div>
      ) : null}
      <details id="import" class="import" open={props.report !== null}>
        <summary>{t.importTitle}</summary>
        <p class="help">{t.importHelp}</p>
        <Field label={t.importFile}>
          <input
            id="import-file"
            type="file"
            accept={ACCEPTED}
            disabled={runner.busy}
            onChange={(event: JSX.TargetedEvent<HTMLInputElement>) => {
              const input = event.currentTarget;
              const file = input.files?.[0];
              // The same file chosen again is a new import.
              input.value = '';
              if (file) runner.run('import', () => props.importFile(file, { terms, side }));
            }}
          />
        </Field>
        <Field label={t.importTerms}>
          <TextInput id="import-terms" value={terms} onCommit={setTerms} />
        </Field>
        <Field label={t.importSide}>
          <select
            id="import-side"
            value={side}
            onChange={(event: JSX.TargetedEvent<HTMLSelectElement>) =>
              setSide(event.currentTarget.value === 'supplier' ? 'supplier' : 'customer')
            }
          >
            <option value="customer">{t.importCustomers}</option>
            <option value="supplier">{t.importSuppliers}</option>
          </select>
        </Field>
        <StatusLine group="import" />
        {props.report ? (
          <div id="import-report" class="read-report">
            {props.report.map((line) => (
              <p class="help" key={line}>
                {line}
              </p>
            ))}
          </div>
        ) : null}
      </details>
    </>
  );
});
