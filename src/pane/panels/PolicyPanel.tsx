// The dunning policy editor: the stages (names in both languages, from which day, the channel,
// whether interest and the recovery fee are claimed, which earlier stage its letter says was
// sent), the interval and minimum, whose penalties apply, a contractual rate, the formal
// notice's deadline. Every change is checked by the
// core's validatePolicy; a policy that fails is not saved, and its message says what to fix.

import type { JSX } from 'preact';
import { memo } from 'preact/compat';
import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_POLICY, type DunningPolicy, type DunningStage, validatePolicy } from '../../dunning/policy';
import { CUSTOMER_TYPES, type CustomerType } from '../../penalties/customerType';
import { type EnteredRate, JURISDICTIONS, parseJurisdiction } from '../../penalties/statutoryRates';
import { AgeBucketError } from '../../primitives/messages';
import type { PaneText } from '../messages';
import { Card } from '../ui';

export interface PolicyPanelProps {
  readonly text: PaneText;
  readonly policy: DunningPolicy;
  /** Saves a policy the core accepted. */
  readonly onPolicy: (policy: DunningPolicy) => void;
}

/** A number as typed: decimal comma or point; blank is not a number. */
function typedNumber(text: string): number {
  const trimmed = text.trim().replace(',', '.');
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

export const PolicyPanel = memo(function PolicyPanel(props: PolicyPanelProps) {
  const { t, language } = props.text;
  // The policy being edited: it may be invalid for a while, and is saved only once valid.
  const [draft, setDraft] = useState<DunningPolicy>(props.policy);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  // A policy from elsewhere (the workbook's settings, read after the pane opened) replaces the draft.
  useEffect(() => {
    setDraft(props.policy);
    setError(null);
  }, [props.policy]);
  const update = (next: DunningPolicy) => {
    setDraft(next);
    setSaved(false);
    try {
      validatePolicy(next);
    } catch (caught) {
      setError(caught instanceof AgeBucketError ? caught.localized(language) : String(caught));
      return;
    }
    setError(null);
    setSaved(true);
    props.onPolicy(next);
  };
  const withStage = (index: number, patch: Partial<DunningStage>) =>
    update({ ...draft, stages: draft.stages.map((stage, i) => (i === index ? { ...stage, ...patch } : stage)) });
  const addStage = () => {
    const last = draft.stages[draft.stages.length - 1];
    const ids = new Set(draft.stages.map((stage) => stage.id));
    let n = draft.stages.length + 1;
    while (ids.has(`stage${n}`)) n++;
    const stage: DunningStage = {
      id: `stage${n}`,
      fromDay: (last?.fromDay ?? 0) + 15,
      name: { en: '', fr: '' },
      channel: { en: '', fr: '' },
      claimsInterest: false,
      claimsRecoveryFee: false,
      suggestsCreditHold: false,
      phoneCall: false,
    };
    update({ ...draft, stages: [...draft.stages, stage] });
  };
  const text = (id: string, label: string, value: string, commit: (value: string) => void, numeric = false) => (
    <label class="field">
      <span class="label">{label}</span>
      <input
        id={id}
        type="text"
        inputMode={numeric ? 'decimal' : 'text'}
        value={value}
        onChange={(event: JSX.TargetedEvent<HTMLInputElement>) => commit(event.currentTarget.value)}
      />
    </label>
  );
  const check = (id: string, label: string, value: boolean, commit: (value: boolean) => void) => (
    <label class="check">
      <input
        id={id}
        type="checkbox"
        checked={value}
        onChange={(event: JSX.TargetedEvent<HTMLInputElement>) => commit(event.currentTarget.checked)}
      />
      <span>{label}</span>
    </label>
  );
  return (
    <Card id="policy" title={t.policy}>
      <p class="help">{t.policyHelp}</p>
      <ol class="stages">
        {draft.stages.map((stage, index) => (
          <li key={stage.id} class="stage" data-stage={stage.id}>
            <fieldset>
              <legend>{`${t.stageN(index + 1)} — ${stage.name[language] || stage.id}`}</legend>
              {text(
                `policy-${stage.id}-from`,
                t.from,
                String(stage.fromDay),
                (v) => withStage(index, { fromDay: typedNumber(v) }),
                true,
              )}
              {text(`policy-${stage.id}-name-en`, t.nameEn, stage.name.en, (v) =>
                withStage(index, { name: { ...stage.name, en: v } }),
              )}
              {text(`policy-${stage.id}-name-fr`, t.nameFr, stage.name.fr, (v) =>
                withStage(index, { name: { ...stage.name, fr: v } }),
              )}
              {text(`policy-${stage.id}-channel-en`, t.channelEn, stage.channel.en, (v) =>
                withStage(index, { channel: { ...stage.channel, en: v } }),
              )}
              {text(`policy-${stage.id}-channel-fr`, t.channelFr, stage.channel.fr, (v) =>
                withStage(index, { channel: { ...stage.channel, fr: v } }),
              )}
              {check(`policy-${stage.id}-interest`, t.interest, stage.claimsInterest, (v) =>
                withStage(index, { claimsInterest: v }),
              )}
              {check(`policy-${stage.id}-fee`, t.fee, stage.claimsRecoveryFee, (v) => withStage(index, { claimsRecoveryFee: v }))}
              {check(`policy-${stage.id}-phone`, t.phoneCall, stage.phoneCall, (v) => withStage(index, { phoneCall: v }))}
              {index > 0 ? (
                <label class="field">
                  <span class="label">{t.refersTo}</span>
                  <select
                    id={`policy-${stage.id}-refers-to`}
                    value={stage.refersTo ?? ''}
                    onChange={(event: JSX.TargetedEvent<HTMLSelectElement>) => {
                      const value = event.currentTarget.value;
                      withStage(index, { refersTo: value === '' ? null : value });
                    }}
                  >
                    <option value="">{t.refersToNone}</option>
                    {draft.stages.slice(0, index).map((earlier) => (
                      <option key={earlier.id} value={earlier.id}>
                        {earlier.name[language] || earlier.id}
                      </option>
                    ))}
                  </select>
                </label>
              ) : null}
              <button
                type="button"
                class="link"
                onClick={() => update({ ...draft, stages: draft.stages.filter((_, i) => i !== index) })}
              >
                {t.removeStage}
              </button>
            </fieldset>
          </li>
        ))}
      </ol>
      <div class="actions">
        <button id="policy-add-stage" type="button" onClick={addStage}>
          {t.addStage}
        </button>
      </div>
      {text(
        'policy-interval',
        t.interval,
        String(draft.minimumIntervalDays),
        (v) => update({ ...draft, minimumIntervalDays: typedNumber(v) }),
        true,
      )}
      {text(
        'policy-minimum',
        t.minimum,
        String(draft.minimumAmount),
        (v) => update({ ...draft, minimumAmount: typedNumber(v) }),
        true,
      )}
      <label class="field">
        <span class="label">{t.jurisdiction}</span>
        <select
          id="policy-jurisdiction"
          value={draft.jurisdiction ?? ''}
          onChange={(event: JSX.TargetedEvent<HTMLSelectElement>) => {
            const value = event.currentTarget.value;
            update({ ...draft, jurisdiction: value === '' ? null : parseJurisdiction(value) });
          }}
        >
          {['FR', 'EU', 'DE', 'UK'].map((j) => (
            <option key={j} value={j}>
              {j}
            </option>
          ))}
          <option value="">{t.none}</option>
        </select>
      </label>
      {text(
        'policy-rate',
        t.rate,
        draft.explicitRate === null ? '' : String(draft.explicitRate),
        (v) => update({ ...draft, explicitRate: v.trim() === '' ? null : typedNumber(v) }),
        true,
      )}
      {text(
        'policy-deadline',
        t.deadline,
        String(draft.paymentDeadlineDays),
        (v) => update({ ...draft, paymentDeadlineDays: typedNumber(v) }),
        true,
      )}
      <label class="field">
        <span class="label">{t.firstRun}</span>
        <select
          id="policy-first-run"
          value={draft.firstRun ?? 'ageStage'}
          onChange={(event: JSX.TargetedEvent<HTMLSelectElement>) =>
            update({ ...draft, firstRun: event.currentTarget.value === 'oneStage' ? 'oneStage' : 'ageStage' })
          }
        >
          <option value="ageStage">{t.firstRunAge}</option>
          <option value="oneStage">{t.firstRunFirst}</option>
        </select>
      </label>
      <label class="field">
        <span class="label">{t.customerType}</span>
        <select
          id="policy-customer-type"
          value={draft.defaultCustomerType}
          onChange={(event: JSX.TargetedEvent<HTMLSelectElement>) => {
            const value = event.currentTarget.value;
            update({ ...draft, defaultCustomerType: CUSTOMER_TYPES.find((type) => type === value) ?? 'professional' });
          }}
        >
          {CUSTOMER_TYPES.map((type: CustomerType) => (
            <option key={type} value={type}>
              {t.customerTypes[type]}
            </option>
          ))}
        </select>
      </label>
      <fieldset class="rates" id="policy-rates">
        <legend>{t.statutoryRates}</legend>
        <p class="help">{t.statutoryHelp}</p>
        {draft.enteredRates.map((entered, index) => {
          const withRate = (patch: Partial<EnteredRate>) =>
            update({ ...draft, enteredRates: draft.enteredRates.map((r, i) => (i === index ? { ...r, ...patch } : r)) });
          return (
            <div class="rate options" key={index} data-rate={index}>
              <label class="field">
                <span class="label">{t.rateJurisdiction}</span>
                <select
                  value={entered.jurisdiction}
                  onChange={(event: JSX.TargetedEvent<HTMLSelectElement>) => {
                    const value = event.currentTarget.value;
                    withRate({ jurisdiction: JURISDICTIONS.find((j) => j === value) ?? 'FR' });
                  }}
                >
                  {JURISDICTIONS.map((j) => (
                    <option key={j} value={j}>
                      {j}
                    </option>
                  ))}
                </select>
              </label>
              {text(`policy-rate-${index}-half`, t.halfYear, entered.halfYear, (v) => withRate({ halfYear: v.trim() }))}
              {text(
                `policy-rate-${index}-rate`,
                t.rateValue,
                Number.isNaN(entered.rate) ? '' : String(entered.rate),
                (v) => withRate({ rate: typedNumber(v) }),
                true,
              )}
              <button
                type="button"
                class="link"
                onClick={() => update({ ...draft, enteredRates: draft.enteredRates.filter((_, i) => i !== index) })}
              >
                {t.removeRate}
              </button>
            </div>
          );
        })}
        <div class="actions">
          <button
            id="policy-add-rate"
            type="button"
            onClick={() =>
              update({
                ...draft,
                enteredRates: [
                  ...draft.enteredRates,
                  { jurisdiction: draft.jurisdiction ?? 'FR', halfYear: '', rate: Number.NaN },
                ],
              })
            }
          >
            {t.addRate}
          </button>
        </div>
      </fieldset>
      <div class="actions-block">
        <div class="actions">
          <button id="policy-reset" type="button" onClick={() => update(DEFAULT_POLICY)}>
            {t.resetPolicy}
          </button>
        </div>
        {error ? (
          <p id="policy-error" class="status error" role="alert">
            {`${t.policyInvalid}: ${error}`}
          </p>
        ) : saved ? (
          <p id="policy-status" class="status info" role="status">
            {t.policySaved}
          </p>
        ) : null}
      </div>
    </Card>
  );
});
