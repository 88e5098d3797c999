// Settings: the company that signs the letters, and how this workbook is read (default
// currency, 1904 dates, sales for the DSO). Each field is saved in the workbook when left.

import type { JSX } from 'preact';
import { memo } from 'preact/compat';
import type { PaneSettings } from '../../commands/settings';
import type { PaneText } from '../messages';
import { Actions, Card, CommandButton, Field, TextInput } from '../ui';

type TextKey =
  | 'companyName'
  | 'companyAddress'
  | 'companyLegalForm'
  | 'companyRegistration'
  | 'companyIban'
  | 'companyEmail'
  | 'companyPhone'
  | 'companyCity'
  | 'companySignatoryName'
  | 'companySignatoryTitle'
  | 'defaultCurrency'
  | 'sales'
  | 'periodDays'
  | 'paymentPrefixes';

export interface SettingsPanelProps {
  readonly text: PaneText;
  readonly values: Pick<PaneSettings, TextKey | 'date1904' | 'partialMatch'>;
  readonly onChange: (patch: Partial<Pick<PaneSettings, TextKey | 'date1904' | 'partialMatch'>>) => void;
  readonly save: () => Promise<string | undefined>;
  /** Preview: the sample firm that signs the letters of the ledger in use (the sample's), else null. */
  readonly sampleSender?: string | null;
}

export const SettingsPanel = memo(function SettingsPanel(props: SettingsPanelProps) {
  const { t } = props.text;
  const field = (key: TextKey, label: string, multiline = false) => {
    return (
      <Field label={label}>
        <TextInput
          id={`setting-${key}`}
          value={props.values[key]}
          onCommit={(value) => props.onChange({ [key]: value })}
          {...(multiline ? { rows: 3 } : {})}
        />
      </Field>
    );
  };
  return (
    <>
      <Card id="settings" title={t.company}>
        {props.sampleSender ? (
          <p class="help" id="sample-sender">
            {t.sampleSenderNote(props.sampleSender)}
          </p>
        ) : null}
        {field('companyName', t.companyName)}
        {field('companyAddress', t.companyAddress, true)}
        {field('companyLegalForm', t.companyLegalForm)}
        {field('companyRegistration', t.companyRegistration)}
        {field('companyIban', t.companyIban)}
        {field('companyEmail', t.companyEmail)}
        {field('companyPhone', t.companyPhone)}
        {field('companyCity', t.companyCity)}
        {field('companySignatoryName', t.companySignatoryName)}
        {field('companySignatoryTitle', t.companySignatoryTitle)}
      </Card>
      <Card id="workbook-settings" title={t.workbook}>
        {field('defaultCurrency', t.defaultCurrency)}
        <label class="check">
          <input
            id="setting-date1904"
            type="checkbox"
            checked={props.values.date1904}
            onChange={(event: JSX.TargetedEvent<HTMLInputElement>) => props.onChange({ date1904: event.currentTarget.checked })}
          />
          <span>{t.date1904}</span>
        </label>
        <label class="check">
          <input
            id="setting-partial-match"
            type="checkbox"
            checked={props.values.partialMatch === 'lowerCaseOrStar'}
            onChange={(event: JSX.TargetedEvent<HTMLInputElement>) =>
              props.onChange({ partialMatch: event.currentTarget.checked ? 'lowerCaseOrStar' : 'none' })
            }
          />
          <span>{t.partialMatch}</span>
        </label>
        {field('paymentPrefixes', t.paymentPrefixes)}
        {field('sales', t.sales)}
        {field('periodDays', t.periodDays)}
        <Actions group="settings">
          <CommandButton id="save-settings" group="settings" label={t.save} command={props.save} primary />
        </Actions>
      </Card>
    </>
  );
});
