// The ledger and its columns: which table was found, which column holds what (the user fixes
// any that is wrong), and how many rows were read, skipped or blank, each skip with its reason.

import type { ComponentChildren, JSX } from 'preact';
import { memo } from 'preact/compat';
import { useContext, useEffect, useState } from 'preact/hooks';
import type { AgedBalanceReport } from '../../ageing/agedBalance';
import {
  COLUMN_LABELS,
  COLUMN_ROLES,
  type ColumnMapping,
  type ColumnRole,
  type Ledger,
  missingRoles,
  type PartialMatchRule,
} from '../../ledger/ledger';
import { describeReading } from '../../ledger/readingReport';
import { type CellValue, cellLabel } from '../../primitives/cells';
import type { DayNumber } from '../../primitives/dates';
import type { PaneText } from '../messages';
import { Actions, Card, CommandButton, RunnerContext } from '../ui';

export interface LedgerPanelProps {
  readonly text: PaneText;
  /** The currency of a ledger without a currency column (Settings), said in the reading report. */
  readonly defaultCurrency: string;
  /** Where the ledger was found ("Créances!A1:Q337") and its header row; null before it is found. */
  readonly found: { readonly description: string; readonly headers: readonly CellValue[] } | null;
  readonly mapping: ColumnMapping;
  readonly monthFirst: readonly ColumnRole[];
  readonly ledger: Ledger | null;
  readonly report: AgedBalanceReport | null;
  readonly detect: () => Promise<string | undefined>;
  /** The workbook's locale, which decides dates that fit both orders. */
  readonly locale: string;
  readonly partialMatch: PartialMatchRule;
  /** The as-of date the ledger was read at (lines paid by then are set aside). */
  readonly asOf?: DayNumber;
  readonly onMapping: (role: ColumnRole, column: number | null) => void;
  readonly onMonthFirst: (role: ColumnRole, monthFirst: boolean) => void;
  /** The header row the user picked (1-based in the sheet's range), or null when found. */
  readonly headerRow: number | null;
  readonly onHeaderRow: (row: number | null) => Promise<string | undefined>;
  /** The import panel, inside the ledger's card. */
  readonly children?: ComponentChildren;
}

const DATE_ROLES: ReadonlySet<ColumnRole> = new Set<ColumnRole>(['dueDate', 'invoiceDate', 'promiseDate']);

export const LedgerPanel = memo(function LedgerPanel(props: LedgerPanelProps) {
  const { t } = props.text;
  return (
    <Card id="ledger" title={t.ledger}>
      <Actions group="ledger">
        <CommandButton id="detect" group="ledger" label={t.detect} command={props.detect} />
      </Actions>
      {props.children}
      {props.found ? <ColumnsView {...props} found={props.found} /> : null}
      {props.report && props.ledger ? (
        <ReadReport
          text={props.text}
          report={props.report}
          ledger={props.ledger}
          lines={describeReading(props.ledger, {
            language: props.text.language,
            locale: props.locale,
            partialMatch: props.partialMatch,
            hasMatchingCodes: props.mapping.matchingCode !== undefined,
            ...(props.asOf === undefined ? {} : { asOf: props.asOf }),
            ...(props.mapping.currency === undefined ? { assumedCurrency: props.defaultCurrency || 'EUR' } : {}),
          })}
        />
      ) : null}
    </Card>
  );
});

function ColumnsView(props: LedgerPanelProps & { found: NonNullable<LedgerPanelProps['found']> }) {
  const { t, language } = props.text;
  const missing = missingRoles(props.mapping);
  const runner = useContext(RunnerContext);
  const [open, setOpen] = useState(missing.length > 0);
  // A column still needed opens the list, so the user sees what to map.
  useEffect(() => {
    if (missing.length > 0) setOpen(true);
  }, [missing.length]);
  return (
    <details
      id="mapping"
      open={open}
      onToggle={(event: JSX.TargetedEvent<HTMLDetailsElement>) => setOpen(event.currentTarget.open)}
    >
      <summary>{`${t.mapping} — ${props.found.description}`}</summary>
      <p class="help">{t.mappingHelp}</p>
      <label class="field">
        <span class="label">{t.headerRow}</span>
        <input
          id="header-row"
          type="number"
          min="1"
          value={props.headerRow === null ? '' : String(props.headerRow)}
          onChange={(event: JSX.TargetedEvent<HTMLInputElement>) => {
            const row = Number(event.currentTarget.value);
            const chosen = event.currentTarget.value === '' || !(row >= 1) ? null : Math.floor(row);
            runner.run('ledger', () => props.onHeaderRow(chosen));
          }}
        />
      </label>
      {missing.length > 0 ? (
        <p class="warning" id="missing">
          {t.missing(missing.map((role) => COLUMN_LABELS[language][role]).join(', '))}
        </p>
      ) : null}
      <table class="mapping">
        <tbody>
          {COLUMN_ROLES.map((role) => (
            <tr key={role}>
              <th scope="row">{COLUMN_LABELS[language][role]}</th>
              <td>
                <select
                  data-role={role}
                  aria-label={COLUMN_LABELS[language][role]}
                  value={props.mapping[role] === undefined ? '' : String(props.mapping[role])}
                  onChange={(event: JSX.TargetedEvent<HTMLSelectElement>) => {
                    const value = event.currentTarget.value;
                    props.onMapping(role, value === '' ? null : Number(value));
                  }}
                >
                  <option value="">{t.notMapped}</option>
                  {props.found.headers.map((header, index) => (
                    <option key={index} value={String(index)}>
                      {header === null || header === undefined || header === '' ? `#${index + 1}` : cellLabel(header)}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                {DATE_ROLES.has(role) ? (
                  <input
                    type="checkbox"
                    data-month-first={role}
                    title={t.monthFirst}
                    aria-label={t.monthFirst}
                    // The order the column is read in, whoever decided it (the file, the locale or the user).
                    checked={
                      props.ledger?.dateColumns.find((reading) => reading.role === role)?.order === 'monthFirst' ||
                      props.monthFirst.includes(role)
                    }
                    onChange={(event: JSX.TargetedEvent<HTMLInputElement>) =>
                      props.onMonthFirst(role, event.currentTarget.checked)
                    }
                  />
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function ReadReport(props: { text: PaneText; report: AgedBalanceReport; ledger: Ledger; lines: readonly string[] }) {
  const { t } = props.text;
  const skipped = props.report.skipped;
  return (
    <div id="read-report" class="read-report">
      <p>{`${t.readSummary(props.report.itemCount, props.ledger.rowCount)} · ${t.blank(props.ledger.blankRows)}`}</p>
      {props.lines.map((line) => (
        <p class="help reading" key={line}>
          {line}
        </p>
      ))}
      {skipped.length > 0 ? (
        <details id="skipped">
          <summary class="warning">{t.skipped(skipped.length)}</summary>
          <ul>
            {/* The first thousand say enough; the count above is the whole. */}
            {skipped.slice(0, 1000).map((row) => (
              <li key={row.row}>{`${t.row(row.row)}: ${row.error.localized(props.text.language)}`}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
