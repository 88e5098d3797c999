// The call list: the accounts at the phone stage, what to say in the customer's language, and
// what the customer answered (a promise with its date, a dispute with its reason, no answer),
// logged in one click.

import { memo } from 'preact/compat';
import { useState } from 'preact/hooks';
import { type CallListEntry, callDetails } from '../../dunning/callList';
import { formatIsoDate } from '../../primitives/dates';
import type { PaneText } from '../messages';
import { Card, CommandButton, StatusLine } from '../ui';

const CALLS = 'calls';
/**
 * Calls drawn at first, and added as many at a time when the user asks: a large ledger puts
 * hundreds of accounts at the phone stage, and nobody calls them all in one sitting.
 */
export const CALLS_AT_ONCE = 25;

export type CallOutcome = 'promise' | 'dispute' | 'noAnswer';

export interface CallListPanelProps {
  readonly text: PaneText;
  readonly asOf: number;
  readonly calls: readonly CallListEntry[] | null;
  /** Logs what the customer said; `invoices` are the disputed ones, as typed. */
  readonly logCall: (call: CallListEntry, outcome: CallOutcome, detail: string, invoices: string) => Promise<string | undefined>;
}

export const CallListPanel = memo(function CallListPanel(props: CallListPanelProps) {
  const { t } = props.text;
  const [shown, setShown] = useState(CALLS_AT_ONCE);
  if (!props.calls) return null;
  const left = props.calls.length - shown;
  return (
    <Card id="call-list" title={t.callList}>
      <StatusLine group={CALLS} />
      {props.calls.length === 0 ? (
        <p class="help">{t.noCalls}</p>
      ) : (
        props.calls
          .slice(0, shown)
          .map((call) => (
            <Call
              key={`${call.customer}\u0000${call.currency}`}
              text={props.text}
              call={call}
              asOf={props.asOf}
              logCall={props.logCall}
            />
          ))
      )}
      {left > 0 ? (
        <button type="button" id="more-calls" onClick={() => setShown((count) => count + CALLS_AT_ONCE)}>
          {t.moreCalls(Math.min(left, CALLS_AT_ONCE), left)}
        </button>
      ) : null}
    </Card>
  );
});

function Call(props: { text: PaneText; call: CallListEntry; asOf: number; logCall: CallListPanelProps['logCall'] }) {
  const { t, f } = props.text;
  const call = props.call;
  const [promised, setPromised] = useState(formatIsoDate(props.asOf + 7));
  const [reason, setReason] = useState('');
  const [disputed, setDisputed] = useState(call.oldestInvoice?.number ?? '');
  // One status for the list, shown above it: a call taken down leaves the list with its card.
  const group = CALLS;
  const button = (outcome: CallOutcome, label: string, detail: () => string) => (
    <CommandButton
      id={`call-${outcome}-${call.customer}`}
      group={group}
      label={label}
      command={() => props.logCall(call, outcome, detail(), disputed)}
    />
  );
  return (
    <article class="call" data-customer={call.customer}>
      <h3>
        <span class="customer">{call.customer}</span> <span class="num amount">{f.money(call.amountDue, call.currency)}</span>
      </h3>
      <p>{callDetails(call, t.phone, props.text.language, (day) => f.shortDate(day))}</p>
      <p class="script" lang={call.language}>
        {call.script}
      </p>
      {call.loggedToday.length > 0 ? <p class="logged-today">{t.loggedToday(call.loggedToday.join(', '))}</p> : null}
      <div class="actions">
        <span class="inline">
          <input
            type="date"
            aria-label={t.promiseDate}
            value={promised}
            onInput={(event) => setPromised(event.currentTarget.value)}
          />
          {button('promise', t.promise, () => promised)}
        </span>
        <span class="inline">
          <input
            type="text"
            aria-label={t.disputeInvoices}
            placeholder={t.disputeInvoices}
            value={disputed}
            onInput={(event) => setDisputed(event.currentTarget.value)}
          />
          <input
            type="text"
            aria-label={t.disputeReason}
            placeholder={t.disputeReason}
            value={reason}
            onInput={(event) => setReason(event.currentTarget.value)}
          />
          {button('dispute', t.dispute, () => reason)}
        </span>
        {button('noAnswer', t.noAnswer, () => '')}
      </div>
    </article>
  );
}
