// Ageing: the as-of date, the buckets and the basis, the commands that colour the ledger and
// write the aged balance sheet, and the legend of the colours.

import type { JSX } from 'preact';
import { memo } from 'preact/compat';
import { makeBuckets, parseBoundaries } from '../../ageing/ageing';
import { BUCKET_FILLS, DISPUTED_FILL } from '../../ageing/colourRules';
import type { PaneText } from '../messages';
import { Actions, Card, CommandButton, Field, TextInput } from '../ui';

export interface AgeingOptions {
  readonly asOf: string;
  readonly followToday: boolean;
  readonly boundaries: string;
  readonly basis: 'dueDate' | 'invoiceDate';
}

export interface AgeingPanelProps {
  readonly text: PaneText;
  readonly options: AgeingOptions;
  readonly onOptions: (patch: Partial<AgeingOptions>) => void;
  readonly colour: () => Promise<string | undefined>;
  readonly removeColours: () => Promise<string | undefined>;
  readonly writeAgedBalance: () => Promise<string | undefined>;
}

export const AgeingPanel = memo(function AgeingPanel(props: AgeingPanelProps) {
  const { t } = props.text;
  const { options, onOptions } = props;
  return (
    <Card id="ageing" title={t.ageing}>
      <div class="options">
        <Field label={t.asOf}>
          <input
            id="as-of"
            type="date"
            value={options.asOf}
            disabled={options.followToday}
            onChange={(event: JSX.TargetedEvent<HTMLInputElement>) => onOptions({ asOf: event.currentTarget.value })}
          />
        </Field>
        <label class="check">
          <input
            id="follow-today"
            type="checkbox"
            checked={options.followToday}
            onChange={(event: JSX.TargetedEvent<HTMLInputElement>) => onOptions({ followToday: event.currentTarget.checked })}
          />
          <span>{t.followToday}</span>
        </label>
        <Field label={t.boundaries}>
          <TextInput id="boundaries" value={options.boundaries} onCommit={(boundaries) => onOptions({ boundaries })} />
        </Field>
        <Field label={t.basis}>
          <select
            id="basis"
            value={options.basis}
            onChange={(event: JSX.TargetedEvent<HTMLSelectElement>) =>
              onOptions({ basis: event.currentTarget.value === 'invoiceDate' ? 'invoiceDate' : 'dueDate' })
            }
          >
            <option value="dueDate">{t.basisDue}</option>
            <option value="invoiceDate">{t.basisInvoice}</option>
          </select>
        </Field>
      </div>
      <Actions group="ageing">
        <CommandButton id="colour" group="ageing" label={t.colour} command={props.colour} primary />
        <CommandButton id="remove-colours" group="ageing" label={t.removeColours} command={props.removeColours} />
        <CommandButton id="aged-balance" group="ageing" label={t.agedBalance} command={props.writeAgedBalance} primary />
      </Actions>
      <Legend text={props.text} boundaries={options.boundaries} />
    </Card>
  );
});

function Legend(props: { text: PaneText; boundaries: string }) {
  const { t, language } = props.text;
  let labels: readonly string[];
  try {
    labels = makeBuckets(parseBoundaries(props.boundaries), undefined, language).labels;
  } catch {
    // Boundaries being typed: the ledger's card says what is wrong with them.
    return null;
  }
  const swatches = labels.slice(1).map((label, index) => ({
    label,
    fill: BUCKET_FILLS[Math.min(index, BUCKET_FILLS.length - 1)] as string,
  }));
  swatches.push({ label: t.disputed, fill: DISPUTED_FILL });
  return (
    <ul class="legend" aria-label={t.legend}>
      {swatches.map((swatch) => (
        <li key={swatch.label}>
          <span class="swatch" style={{ background: swatch.fill }} />
          {swatch.label}
        </li>
      ))}
    </ul>
  );
}
