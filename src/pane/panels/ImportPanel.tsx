// Importing a file into the workbook. Preview loads a .xlsx or .csv as its workbook; the hosts
// add their own imports (a CSV or FEC to a new sheet) here.

import type { JSX } from 'preact';
import type { PaneText } from '../messages';

export interface ImportPanelProps {
  readonly text: PaneText;
  /** Loads the chosen file into the workbook; absent where the host has no import yet. */
  readonly loadFile: ((file: File) => void) | null;
}

export function ImportPanel(props: ImportPanelProps) {
  const { t } = props.text;
  const loadFile = props.loadFile;
  if (!loadFile) return null;
  return (
    <div id="import" class="import">
      <p class="help">{t.preview}</p>
      <label class="field">
        <span class="label">{t.loadFile}</span>
        <input
          id="load-file"
          type="file"
          accept=".xlsx,.csv,text/csv"
          onChange={(event: JSX.TargetedEvent<HTMLInputElement>) => {
            const file = event.currentTarget.files?.[0];
            if (file) loadFile(file);
          }}
        />
      </label>
    </div>
  );
}
