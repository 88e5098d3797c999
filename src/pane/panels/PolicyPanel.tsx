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
import { parseAnnualRate, parseEnteredRate } from '../../penalties/lateInterest';
import { type EnteredRate, JURISDICTIONS, parseJurisdiction } from '../../penalties/statutoryRates';
import { colon, percentText } from '../../primitives/localeText';
import { AgeBucketError } from '../../primitives/messages';
import type { PaneText } from '../messages';
import { Card, TextInput } from '../ui';

export interface PolicyPanelProps {
  readonly text: PaneText;
  readonly policy: DunningPolicy;
  /** Saves a policy the core accepted. */
  readonly onPolicy: (policy: DunningPolicy) => void;
}

/** A number as the field shows it: one that is not a number yet (blank, or text) as blank. */
function shownNumber(value: number): string {
  return Number.isNaN(value) ? '' : String(value);
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
  // The control the last change came from: its outcome is shown under it, where the user is
  // looking, not at the foot of a card taller than the pane.
  const [origin, setOrigin] = useState<string | null>(null);
  // A policy from elsewhere (the workbook's settings, read after the pane opened) replaces the draft.
  useEffect(() => {
    setDraft(props.policy);
    setError(null);
  }, [props.policy]);
  const update = (next: DunningPolicy, from: string) => {
    setDraft(next);
    setOrigin(from);
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
  /** A value that cannot even be read: not saved, and said why under its field. */
  const refuse = (caught: unknown, from: string) => {
    setOrigin(from);
    setSaved(false);
    setError(
      caught instanceof AgeBucketError
        ? new AgeBucketError('policyRefused', {}, undefined, caught).localized(language)
        : String(caught),
    );
  };
  const withStage = (index: number, patch: Partial<DunningStage>, from: string) =>
    update({ ...draft, stages: draft.stages.map((stage, i) => (i === index ? { ...stage, ...patch } : stage)) }, from);
  /** Whether the change was saved, or why not, under the control it came from. */
  const outcome = (id: string) =>
    origin !== id ? null : error ? (
      <p id="policy-error" class="status error" role="alert">
        {`${t.policyInvalid}${colon(language)}${error}`}
      </p>
    ) : saved ? (
      <p id="policy-status" class="status info" role="status">
        {t.policySaved}
      </p>
    ) : null;
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
    update({ ...draft, stages: [...draft.stages, stage] }, 'policy-add-stage');
  };
  const text = (id: string, label: string, value: string, commit: (value: string, from: string) => void, numeric = false) => (
    <div class="field">
      <label class="label" for={id}>
        {label}
      </label>
      <TextInput id={id} value={value} inputMode={numeric ? 'decimal' : 'text'} onCommit={(typed) => commit(typed, id)} />
      {outcome(id)}
    </div>
  );
  const check = (id: string, label: string, value: boolean, commit: (value: boolean, from: string) => void) => (
    <>
      <label class="check">
        <input
          id={id}
          type="checkbox"
          checked={value}
          onChange={(event: JSX.TargetedEvent<HTMLInputElement>) => commit(event.currentTarget.checked, id)}
        />
        <span>{label}</span>
      </label>
      {outcome(id)}
    </>
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
                shownNumber(stage.fromDay),
                (v, from) => withStage(index, { fromDay: typedNumber(v) }, from),
                true,
              )}
              {text(`policy-${stage.id}-name-en`, t.nameEn, stage.name.en, (v, from) =>
                withStage(index, { name: { ...stage.name, en: v } }, from),
              )}
              {text(`policy-${stage.id}-name-fr`, t.nameFr, stage.name.fr, (v, from) =>
                withStage(index, { name: { ...stage.name, fr: v } }, from),
              )}
              {text(`policy-${stage.id}-channel-en`, t.channelEn, stage.channel.en, (v, from) =>
                withStage(index, { channel: { ...stage.channel, en: v } }, from),
              )}
              {text(`policy-${stage.id}-channel-fr`, t.channelFr, stage.channel.fr, (v, from) =>
                withStage(index, { channel: { ...stage.channel, fr: v } }, from),
              )}
              {check(`policy-${stage.id}-interest`, t.interest, stage.claimsInterest, (v, from) =>
                withStage(index, { claimsInterest: v }, from),
              )}
              {check(`policy-${stage.id}-fee`, t.fee, stage.claimsRecoveryFee, (v, from) =>
                withStage(index, { claimsRecoveryFee: v }, from),
              )}
              {check(`policy-${stage.id}-phone`, t.phoneCall, stage.phoneCall, (v, from) =>
                withStage(index, { phoneCall: v }, from),
              )}
              {index > 0 ? (
                <label class="field">
                  <span class="label">{t.refersTo}</span>
                  <select
                    id={`policy-${stage.id}-refers-to`}
                    value={stage.refersTo ?? ''}
                    onChange={(event: JSX.TargetedEvent<HTMLSelectElement>) => {
                      const value = event.currentTarget.value;
                      withStage(index, { refersTo: value === '' ? null : value }, `policy-${stage.id}-refers-to`);
                    }}
                  >
                    <option value="">{t.refersToNone}</option>
                    {draft.stages.slice(0, index).map((earlier) => (
                      <option key={earlier.id} value={earlier.id}>
                        {earlier.name[language] || earlier.id}
                      </option>
                    ))}
                  </select>
                  {outcome(`policy-${stage.id}-refers-to`)}
                </label>
              ) : null}
              <button
                type="button"
                class="link"
                onClick={() => update({ ...draft, stages: draft.stages.filter((_, i) => i !== index) }, 'policy-add-stage')}
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
      {outcome('policy-add-stage')}
      {text(
        'policy-interval',
        t.interval,
        shownNumber(draft.minimumIntervalDays),
        (v, from) => update({ ...draft, minimumIntervalDays: typedNumber(v) }, from),
        true,
      )}
      {text(
        'policy-minimum',
        t.minimum,
        shownNumber(draft.minimumAmount),
        (v, from) => update({ ...draft, minimumAmount: typedNumber(v) }, from),
        true,
      )}
      <label class="field">
        <span class="label">{t.jurisdiction}</span>
        <select
          id="policy-jurisdiction"
          value={draft.jurisdiction ?? ''}
          onChange={(event: JSX.TargetedEvent<HTMLSelectElement>) => {
            const value = event.currentTarget.value;
            update({ ...draft, jurisdiction: value === '' ? null : parseJurisdiction(value) }, 'policy-jurisdiction');
          }}
        >
          {['FR', 'EU', 'DE', 'UK'].map((j) => (
            <option key={j} value={j}>
              {j}
            </option>
          ))}
          <option value="">{t.none}</option>
        </select>
        {outcome('policy-jurisdiction')}
      </label>
      {text(
        'policy-rate',
        t.rate,
        draft.explicitRate === null || Number.isNaN(draft.explicitRate) ? '' : percentText(draft.explicitRate, language),
        (v, from) => {
          // A credit manager types a percentage ("12,15 %", "12.15%", "12,15"); the core keeps the fraction.
          let rate: number | null = null;
          try {
            rate = v.trim() === '' ? null : parseAnnualRate(v, 'percent', 'policyRateUnreadable');
          } catch (caught) {
            refuse(caught, from);
            return;
          }
          update({ ...draft, explicitRate: rate }, from);
        },
        true,
      )}
      {text(
        'policy-deadline',
        t.deadline,
        shownNumber(draft.paymentDeadlineDays),
        (v, from) => update({ ...draft, paymentDeadlineDays: typedNumber(v) }, from),
        true,
      )}
      <label class="field">
        <span class="label">{t.firstRun}</span>
        <select
          id="policy-first-run"
          value={draft.firstRun ?? 'ageStage'}
          onChange={(event: JSX.TargetedEvent<HTMLSelectElement>) =>
            update({ ...draft, firstRun: event.currentTarget.value === 'oneStage' ? 'oneStage' : 'ageStage' }, 'policy-first-run')
          }
        >
          <option value="ageStage">{t.firstRunAge}</option>
          <option value="oneStage">{t.firstRunFirst}</option>
        </select>
        {outcome('policy-first-run')}
      </label>
      <label class="field">
        <span class="label">{t.customerType}</span>
        <select
          id="policy-customer-type"
          value={draft.defaultCustomerType}
          onChange={(event: JSX.TargetedEvent<HTMLSelectElement>) => {
            const value = event.currentTarget.value;
            update(
              { ...draft, defaultCustomerType: CUSTOMER_TYPES.find((type) => type === value) ?? 'professional' },
              'policy-customer-type',
            );
          }}
        >
          {CUSTOMER_TYPES.map((type: CustomerType) => (
            <option key={type} value={type}>
              {t.customerTypes[type]}
            </option>
          ))}
        </select>
        {outcome('policy-customer-type')}
      </label>
      <fieldset class="rates" id="policy-rates">
        <legend>{t.statutoryRates}</legend>
        <p class="help">{t.statutoryHelp}</p>
        {draft.enteredRates.map((entered, index) => {
          const withRate = (patch: Partial<EnteredRate>, from: string) =>
            update({ ...draft, enteredRates: draft.enteredRates.map((r, i) => (i === index ? { ...r, ...patch } : r)) }, from);
          return (
            <div class="rate options" key={index} data-rate={index}>
              <label class="field">
                <span class="label">{t.rateJurisdiction}</span>
                <select
                  id={`policy-rate-${index}-jurisdiction`}
                  value={entered.jurisdiction}
                  onChange={(event: JSX.TargetedEvent<HTMLSelectElement>) => {
                    const value = event.currentTarget.value;
                    withRate(
                      { jurisdiction: JURISDICTIONS.find((j) => j === value) ?? 'FR' },
                      `policy-rate-${index}-jurisdiction`,
                    );
                  }}
                >
                  {JURISDICTIONS.map((j) => (
                    <option key={j} value={j}>
                      {j}
                    </option>
                  ))}
                </select>
                {outcome(`policy-rate-${index}-jurisdiction`)}
              </label>
              {text(`policy-rate-${index}-half`, t.halfYear, entered.halfYear, (v, from) =>
                withRate({ halfYear: v.trim() }, from),
              )}
              {text(
                `policy-rate-${index}-rate`,
                t.rateValue,
                Number.isFinite(entered.rate) ? percentText(entered.rate, language) : '',
                (v, from) => {
                  // A percentage in the pane's language, as the contractual rate; the policy keeps the fraction.
                  let rate = Number.NaN;
                  try {
                    if (v.trim() !== '') rate = parseEnteredRate(v);
                  } catch (caught) {
                    refuse(caught, from);
                    return;
                  }
                  withRate({ rate }, from);
                },
                true,
              )}
              <button
                type="button"
                class="link"
                onClick={() =>
                  update({ ...draft, enteredRates: draft.enteredRates.filter((_, i) => i !== index) }, 'policy-add-rate')
                }
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
              update(
                {
                  ...draft,
                  enteredRates: [
                    ...draft.enteredRates,
                    { jurisdiction: draft.jurisdiction ?? 'FR', halfYear: '', rate: Number.NaN },
                  ],
                },
                'policy-add-rate',
              )
            }
          >
            {t.addRate}
          </button>
        </div>
        {outcome('policy-add-rate')}
      </fieldset>
      <div class="actions-block">
        <div class="actions">
          <button id="policy-reset" type="button" onClick={() => update(DEFAULT_POLICY, 'policy-reset')}>
            {t.resetPolicy}
          </button>
        </div>
        {outcome('policy-reset')}
      </div>
    </Card>
  );
});
