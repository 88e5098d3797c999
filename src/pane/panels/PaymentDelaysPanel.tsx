// The payment-delays table (Code de commerce D441-6): the year it covers, the section, the
// reference terms, HT or TTC, the year's turnover and purchases, and the sheet holding the
// supplier ledger; then the command that writes the table and its detail sheet.

import type { JSX } from 'preact';
import { memo } from 'preact/compat';
import { PAYMENT_DELAYS_COMMAND } from '../../commands/paymentDelays';
import type { PaneSettings } from '../../commands/settings';
import type { PaneText } from '../messages';
import { Actions, Card, CommandButton } from '../ui';

export type DelaysKey =
  | 'delaysClosingDate'
  | 'delaysYearStart'
  | 'delaysSection'
  | 'delaysTerms'
  | 'delaysAmountBasis'
  | 'delaysBaseBasis'
  | 'delaysTurnover'
  | 'delaysPurchases'
  | 'delaysSupplierSheet';

export interface PaymentDelaysPanelProps {
  readonly text: PaneText;
  readonly values: Pick<PaneSettings, DelaysKey>;
  readonly onChange: (patch: Partial<Pick<PaneSettings, DelaysKey>>) => void;
  readonly write: () => Promise<string | undefined>;
}

export const PaymentDelaysPanel = memo(function PaymentDelaysPanel(props: PaymentDelaysPanelProps) {
  const { t, language } = props.text;
  const commit = (key: DelaysKey) => (event: JSX.TargetedEvent<HTMLInputElement | HTMLSelectElement>) =>
    props.onChange({ [key]: event.currentTarget.value });
  const input = (key: DelaysKey, label: string, type: 'date' | 'text' = 'text') => (
    <label class="field">
      <span class="label">{label}</span>
      <input id={`setting-${key}`} type={type} value={props.values[key]} onChange={commit(key)} />
    </label>
  );
  const choice = (key: DelaysKey, label: string, options: ReadonlyArray<readonly [string, string]>) => (
    <label class="field">
      <span class="label">{label}</span>
      <select id={`setting-${key}`} value={props.values[key]} onChange={commit(key)}>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <Card id="payment-delays-card" title={PAYMENT_DELAYS_COMMAND[language]}>
      <details>
        <summary>{t.delaysOptions}</summary>
        <div class="options">
          {input('delaysClosingDate', t.delaysClosingDate, 'date')}
          {input('delaysYearStart', t.delaysYearStart, 'date')}
          {choice('delaysSection', t.delaysSection, [
            ['I', t.delaysSectionI],
            ['II', t.delaysSectionII],
          ])}
          {choice('delaysTerms', t.delaysTerms, [
            ['contractual', t.delaysContractual],
            ['legal60', t.delaysLegal60],
            ['legal45EndOfMonth', t.delaysLegal45],
          ])}
          {choice('delaysAmountBasis', t.delaysAmountBasis, [
            ['TTC', t.ttc],
            ['HT', t.ht],
          ])}
          {choice('delaysBaseBasis', t.delaysBaseBasis, [
            ['HT', t.ht],
            ['TTC', t.ttc],
          ])}
          {input('delaysTurnover', t.delaysTurnover)}
          {input('delaysPurchases', t.delaysPurchases)}
          {input('delaysSupplierSheet', t.delaysSupplierSheet)}
        </div>
      </details>
      <Actions group="delays">
        <CommandButton id="payment-delays" group="delays" label={PAYMENT_DELAYS_COMMAND[language]} command={props.write} />
      </Actions>
    </Card>
  );
});
