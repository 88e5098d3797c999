// The payment-delays table (Code de commerce D441-6): the year it covers, the section, the
// reference terms, HT or TTC, the year's turnover and purchases, and the sheet holding the
// supplier ledger; then the command that writes the table and its detail sheet.

import type { JSX } from 'preact';
import { memo } from 'preact/compat';
import { useEffect, useState } from 'preact/hooks';
import { closingDateOfFec, PAYMENT_DELAYS_COMMAND } from '../../commands/paymentDelays';
import type { PaneSettings } from '../../commands/settings';
import { parseTextDate } from '../../primitives/dates';
import type { AgeBucketError } from '../../primitives/messages';
import type { PaneText } from '../messages';
import { Actions, Card, CommandButton, Field, TextInput } from '../ui';

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

/** The ledger rows the last table could not count, with their reasons (the sheet's note points here). */
export interface DelaysSkipped {
  readonly rows: ReadonlyArray<{ readonly side: 'issued' | 'received'; readonly row: number; readonly error: AgeBucketError }>;
  /** The sheets each side was read from. */
  readonly issuedSheet: string;
  readonly receivedSheet: string | null;
}

/** Rows listed in the pane; the rest are counted. */
const SKIPPED_SHOWN = 50;

export interface PaymentDelaysPanelProps {
  readonly text: PaneText;
  readonly values: Pick<PaneSettings, DelaysKey | 'delaysFromFec'>;
  /** The rows the last table left out, or null before any table. */
  readonly skipped: DelaysSkipped | null;
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
    <Field label={label}>
      <TextInput
        id={`setting-${key}`}
        type={type}
        value={props.values[key]}
        onCommit={(value) => props.onChange({ [key]: value })}
      />
    </Field>
  );
  // The year's figures: typed ones win; else the last FEC's, shown in the field and marked so.
  const fec = props.values.delaysFromFec;
  // The closing date its import set, said so while it is still the FEC's.
  const closingFromFec = closingDateOfFec(props.values);
  const figure = (key: 'delaysTurnover' | 'delaysPurchases', label: string) => {
    const typed = props.values[key];
    const fromFec = fec === null ? null : key === 'delaysTurnover' ? fec.turnover : fec.purchases;
    let mark: string | null = null;
    if (fec !== null && fromFec !== null) {
      if (typed.trim() !== '') mark = t.delaysFecTyped(fec.file, fromFec);
      else {
        const from = dayOrNull(fec.firstDay);
        const to = dayOrNull(fec.lastDay);
        if (from !== null && to !== null)
          mark = key === 'delaysTurnover' ? t.delaysFecTurnover(fec.file, from, to) : t.delaysFecPurchases(fec.file, from, to);
      }
    }
    return (
      <div class="field">
        <label class="label" for={`setting-${key}`}>
          {label}
        </label>
        <TextInput
          id={`setting-${key}`}
          value={typed.trim() === '' && fromFec !== null ? fromFec : typed}
          {...(typed.trim() === '' && fromFec !== null ? { class: 'from-fec' } : {})}
          onCommit={(value) => props.onChange({ [key]: value })}
        />
        {mark === null ? null : (
          <span class="help" id={`${key}-source`}>
            {mark}
          </span>
        )}
      </div>
    );
  };
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
          {closingFromFec === null ? null : (
            <span class="help" id="delaysClosingDate-source">
              {t.delaysFecClosing(closingFromFec.file, closingFromFec.how === 'name')}
            </span>
          )}
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
          {figure('delaysTurnover', t.delaysTurnover)}
          {figure('delaysPurchases', t.delaysPurchases)}
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
      {fec !== null && props.values.delaysTerms === 'contractual' ? (
        <div id="delays-fec-terms" class="help">
          <p>{t.delaysFecTermsAssumed(fec.file)}</p>
          <button type="button" id="delays-use-legal" onClick={() => props.onChange({ delaysTerms: 'legal60' })}>
            {t.delaysUseLegal60}
          </button>
        </div>
      ) : null}
      <Actions group="delays">
        <CommandButton id="payment-delays" group="delays" label={PAYMENT_DELAYS_COMMAND[language]} command={props.write} />
      </Actions>
      {props.skipped && props.skipped.rows.length > 0 ? (
        <details id="delays-skipped" class="read-report" open>
          <summary>{t.delaysSkipped(props.skipped.rows.length)}</summary>
          <ul>
            {props.skipped.rows.slice(0, SKIPPED_SHOWN).map(({ side, row, error }) => {
              const skipped = props.skipped as DelaysSkipped;
              const sheet = side === 'issued' ? skipped.issuedSheet : (skipped.receivedSheet ?? '');
              return (
                <li key={`${side}:${row}`} data-side={side} data-row={row}>
                  {`${t.delaysSkippedWhere(side, sheet, row)}${language === 'fr' ? ' : ' : ': '}${error.localized(language)}`}
                </li>
              );
            })}
          </ul>
          {props.skipped.rows.length > SKIPPED_SHOWN ? (
            <p class="help">{t.delaysSkippedMore(props.skipped.rows.length - SKIPPED_SHOWN)}</p>
          ) : null}
        </details>
      ) : null}
    </Card>
  );
});

function dayOrNull(text: string): number | null {
  try {
    return parseTextDate(text);
  } catch {
    return null;
  }
}
