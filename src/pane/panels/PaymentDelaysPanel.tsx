// The payment-delays table (Code de commerce D441-6): the year it covers, the section, the
// reference terms, HT or TTC, the year's turnover and purchases, and the sheet holding the
// supplier ledger; then the command that writes the table and its detail sheet.

import type { JSX } from 'preact';
import { memo } from 'preact/compat';
import { useEffect, useState } from 'preact/hooks';
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
  /** The workbook's sheets, for the supplier ledger: asked when the card opens and when the list is. */
  readonly sheetNames: () => Promise<string[]>;
  /** The customer ledger's sheet, not offered as the supplier ledger. */
  readonly ledgerSheet: string | null;
}

export const PaymentDelaysPanel = memo(function PaymentDelaysPanel(props: PaymentDelaysPanelProps) {
  const { t, language } = props.text;
  const [sheets, setSheets] = useState<readonly string[]>([]);
  const listSheets = () => {
    props
      .sheetNames()
      .then(setSheets)
      .catch(() => setSheets([]));
  };
  // Asked once when the card is drawn; the list asks again each time it is opened.
  useEffect(listSheets, []);
  const suppliers = sheets.filter((name) => name !== props.ledgerSheet);
  // A sheet chosen before and since renamed or deleted stays shown, so the choice is visible.
  const chosen = props.values.delaysSupplierSheet;
  if (chosen !== '' && !suppliers.includes(chosen)) suppliers.push(chosen);
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
          <label class="field">
            <span class="label">{t.delaysSupplierSheet}</span>
            <select id="setting-delaysSupplierSheet" value={chosen} onFocus={listSheets} onChange={commit('delaysSupplierSheet')}>
              <option value="">{t.delaysNoSupplier}</option>
              {suppliers.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </label>
        </div>
      </details>
      <Actions group="delays">
        <CommandButton id="payment-delays" group="delays" label={PAYMENT_DELAYS_COMMAND[language]} command={props.write} />
      </Actions>
    </Card>
  );
});
