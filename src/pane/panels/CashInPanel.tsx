// The expected cash-in: the sheet of paid invoices to learn from besides the ledger's settled
// lines, the command that writes the cash-in sheet, and this week and next at a glance.

import { memo } from 'preact/compat';
import type { CashInGlance } from '../../commands/forecast';
import { formatMessage } from '../../primitives/messages';
import type { PaneText } from '../messages';
import { Actions, Card, CommandButton, Field, TextInput } from '../ui';

export interface CashInPanelProps {
  readonly text: PaneText;
  readonly historySheet: string;
  readonly onHistorySheet: (name: string) => void;
  /** This week and next per currency, once the forecast has been made. */
  readonly glance: readonly CashInGlance[] | null;
  readonly write: () => Promise<string | undefined>;
}

export const CashInPanel = memo(function CashInPanel(props: CashInPanelProps) {
  const { t, f } = props.text;
  // Without a forecast the card says so: 0,00 € expected would read as a forecast of nothing.
  const week = (line: CashInGlance, amounts: CashInGlance['thisWeek'], which: string) => (
    <td data-week={which}>
      {line.noForecast === null ? (
        <span class="num" data-amount="expected">
          {f.money(amounts.expected, line.currency)}
        </span>
      ) : (
        <span data-amount="none">{t.cashInNoForecast}</span>
      )}
      <small data-amount="due">{t.cashInByDueDates(f.money(amounts.byDueDates, line.currency))}</small>
    </td>
  );
  const beyond = (props.glance ?? []).filter((line) => line.noForecast === 'beyondHistory').map((line) => line.currency);
  return (
    <Card id="cash-in-card" title={t.cashIn}>
      <p class="help">{t.cashInHelp}</p>
      <Field label={t.cashInHistorySheet}>
        <TextInput id="setting-historySheet" value={props.historySheet} onCommit={props.onHistorySheet} />
      </Field>
      <Actions group="cash-in">
        <CommandButton id="cash-in" group="cash-in" label={t.cashInSheet} command={props.write} />
      </Actions>
      {props.glance && props.glance.length > 0 ? (
        <table id="cash-in-glance" class="cash-in-glance">
          <thead>
            <tr>
              <th scope="col">{t.currency}</th>
              <th scope="col">{t.thisWeek}</th>
              <th scope="col">{t.nextWeek}</th>
            </tr>
          </thead>
          <tbody>
            {props.glance.map((line) => (
              <tr key={line.currency} data-currency={line.currency}>
                <th scope="row">{line.currency}</th>
                {week(line, line.thisWeek, 'this')}
                {week(line, line.nextWeek, 'next')}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {props.glance?.some((line) => line.noForecast === 'noHistory') ? (
        <p id="cash-in-no-forecast" class="notice">
          {formatMessage('paymentHistoryNone', {}, props.text.language)}
        </p>
      ) : beyond.length > 0 ? (
        <p id="cash-in-no-forecast" class="notice">
          {t.cashInBeyondHistory(beyond.join(', '))}
        </p>
      ) : null}
    </Card>
  );
});
