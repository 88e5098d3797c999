// The dunning policy editor: the stages (names in both languages, from which day, the channel,
// whether interest and the recovery fee are claimed, which earlier stage its letter says was
// sent), the interval and minimum, whose penalties apply, a contractual rate, the formal
// notice's deadline. Every change is checked by the
// core's validatePolicy; a policy that fails is not saved, and its message says what to fix.
// Validation is per field: a field left in error keeps its text and its message, and a later
// valid change to another field is saved on its own (the field in error does not hold it back).

import type { JSX } from 'preact';
import { memo } from 'preact/compat';
import { useEffect, useRef, useState } from 'preact/hooks';
import { DEFAULT_POLICY, type DunningPolicy, type DunningStage, validatePolicy } from '../../dunning/policy';
import { CUSTOMER_TYPES, type CustomerType } from '../../penalties/customerType';
import { parseAnnualRate, parseEnteredRate } from '../../penalties/lateInterest';
import { type EnteredRate, JURISDICTIONS, parseJurisdiction } from '../../penalties/statutoryRates';
import { colon, editableNumberText, percentText } from '../../primitives/localeText';
import { AgeBucketError, type Language } from '../../primitives/messages';
import { numberFromTyped } from '../../primitives/money';
import type { PaneText } from '../messages';
import { Card, TextInput } from '../ui';

export interface PolicyPanelProps {
  readonly text: PaneText;
  readonly policy: DunningPolicy;
  /** Saves a policy the core accepted. */
  readonly onPolicy: (policy: DunningPolicy) => void;
}

/** An amount or a number of days as the pane's language writes it ("1 000", "900,50"). */
function shownInLanguage(value: number, language: Language): string {
  return Number.isNaN(value) ? '' : editableNumberText(value, language);
}

/**
 * An amount or a number of days as typed in the pane's language ("1 000", "1,000", "900,50"),
 * read by the core's amount reader; blank or unreadable is not a number, which the policy's
 * check then refuses with the field's own message.
 */
function typedInLanguage(text: string, language: Language): number {
  if (text.trim() === '') return Number.NaN;
  try {
    return numberFromTyped(text, language);
  } catch {
    return Number.NaN;
  }
}

export const PolicyPanel = memo(function PolicyPanel(props: PolicyPanelProps) {
  const { t, language } = props.text;
  // The policy being edited: it may hold a field in error for a while; what is valid is saved.
  const [draft, setDraft] = useState<DunningPolicy>(props.policy);
  // The fields in error: what the user typed there (kept, never emptied) and why it is refused.
  const [errors, setErrors] = useState<ReadonlyMap<string, { readonly typed: string | null; readonly message: string }>>(
    new Map(),
  );
  const [saved, setSaved] = useState(false);
  // The control the last change came from: its outcome is shown under it, where the user is
  // looking, not at the foot of a card taller than the pane.
  const [origin, setOrigin] = useState<string | null>(null);
  // Every policy this editor saved: coming back as props.policy, none may reset the draft. Not
  // only the last one: an effect runs only when the next render begins, with the props of its
  // own render, so after two saves within one frame (a figure left by a click on a check box
  // while the pane is busy) the first save comes back after the second was sent. Taken then for
  // a policy from elsewhere, it put the older draft back over the newer one: the controlled
  // field was set under the caret (a digit lost, the caret moved) or the box unticked itself.
  const sent = useRef(new WeakSet<DunningPolicy>());
  // A policy from elsewhere (the workbook's settings, read after the pane opened) replaces the draft.
  useEffect(() => {
    if (sent.current.has(props.policy)) return;
    setDraft(props.policy);
    setErrors(new Map());
  }, [props.policy]);
  const refusal = (next: DunningPolicy): string | null => {
    try {
      validatePolicy(next);
      return null;
    } catch (caught) {
      return caught instanceof AgeBucketError ? caught.localized(language) : String(caught);
    }
  };
  const save = (policy: DunningPolicy) => {
    sent.current.add(policy);
    props.onPolicy(policy);
  };
  /**
   * A change from one control. The draft with it is saved when valid. When another field is in
   * error, the change is saved on its own, onto the policy last saved, when that is valid: one
   * field in error never holds the others back. Else the field is in error, with its text kept.
   */
  const update = (change: (policy: DunningPolicy) => DunningPolicy, from: string, typed: string | null = null) => {
    const next = change(draft);
    setDraft(next);
    setOrigin(from);
    const others = new Map(errors);
    others.delete(from);
    if (refusal(next) === null) {
      setErrors(new Map());
      setSaved(true);
      save(next);
      return;
    }
    const alone = change(props.policy);
    // A change that does nothing on the saved policy (a field of a stage or rate not saved yet) is not "saved".
    const why = JSON.stringify(alone) === JSON.stringify(props.policy) ? refusal(next) : refusal(alone);
    if (why === null) {
      setErrors(others);
      setSaved(true);
      save(alone);
      return;
    }
    others.set(from, { typed, message: why });
    setErrors(others);
    setSaved(false);
  };
  /** A value that cannot even be read: not saved, and said why under its field, its text kept. */
  const refuse = (caught: unknown, from: string, typed: string) => {
    setOrigin(from);
    setSaved(false);
    const message =
      caught instanceof AgeBucketError
        ? new AgeBucketError('policyRefused', {}, undefined, caught).localized(language)
        : String(caught);
    setErrors(new Map(errors).set(from, { typed, message }));
  };
  const withStage = (id: string, patch: Partial<DunningStage>, from: string, typed: string | null = null) =>
    update(
      (policy) => ({ ...policy, stages: policy.stages.map((stage) => (stage.id === id ? { ...stage, ...patch } : stage)) }),
      from,
      typed,
    );
  /** Whether the change was saved, or why a field is refused, under the control concerned. */
  const outcome = (id: string) => {
    const error = errors.get(id);
    if (error) {
      return (
        <p id={origin === id ? 'policy-error' : `${id}-error`} class="status error" role="alert">
          {`${t.policyInvalid}${colon(language)}${error.message}`}
        </p>
      );
    }
    return origin === id && saved ? (
      <p id="policy-status" class="status info" role="status">
        {t.policySaved}
      </p>
    ) : null;
  };
  /** A field's text: as typed while it is in error, else the draft's value. */
  const shown = (id: string, value: string) => errors.get(id)?.typed ?? value;
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
    update((policy) => ({ ...policy, stages: [...policy.stages, stage] }), 'policy-add-stage');
  };
  const text = (id: string, label: string, value: string, commit: (value: string, from: string) => void, numeric = false) => (
    <div class="field">
      <label class="label" for={id}>
        {label}
      </label>
      <TextInput
        id={id}
        value={shown(id, value)}
        inputMode={numeric ? 'decimal' : 'text'}
        onCommit={(typed) => commit(typed, id)}
      />
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
                shownInLanguage(stage.fromDay, language),
                (v, from) => withStage(stage.id, { fromDay: typedInLanguage(v, language) }, from, v),
                true,
              )}
              {text(`policy-${stage.id}-name-en`, t.nameEn, stage.name.en, (v, from) =>
                withStage(stage.id, { name: { ...stage.name, en: v } }, from, v),
              )}
              {text(`policy-${stage.id}-name-fr`, t.nameFr, stage.name.fr, (v, from) =>
                withStage(stage.id, { name: { ...stage.name, fr: v } }, from, v),
              )}
              {text(`policy-${stage.id}-channel-en`, t.channelEn, stage.channel.en, (v, from) =>
                withStage(stage.id, { channel: { ...stage.channel, en: v } }, from, v),
              )}
              {text(`policy-${stage.id}-channel-fr`, t.channelFr, stage.channel.fr, (v, from) =>
                withStage(stage.id, { channel: { ...stage.channel, fr: v } }, from, v),
              )}
              {check(`policy-${stage.id}-interest`, t.interest, stage.claimsInterest, (v, from) =>
                withStage(stage.id, { claimsInterest: v }, from),
              )}
              {check(`policy-${stage.id}-fee`, t.fee, stage.claimsRecoveryFee, (v, from) =>
                withStage(stage.id, { claimsRecoveryFee: v }, from),
              )}
              {check(`policy-${stage.id}-phone`, t.phoneCall, stage.phoneCall, (v, from) =>
                withStage(stage.id, { phoneCall: v }, from),
              )}
              {index > 0 ? (
                <label class="field">
                  <span class="label">{t.refersTo}</span>
                  <select
                    id={`policy-${stage.id}-refers-to`}
                    value={stage.refersTo ?? ''}
                    onChange={(event: JSX.TargetedEvent<HTMLSelectElement>) => {
                      const value = event.currentTarget.value;
                      withStage(stage.id, { refersTo: value === '' ? null : value }, `policy-${stage.id}-refers-to`);
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
                onClick={() =>
                  update((policy) => ({ ...policy, stages: policy.stages.filter((s) => s.id !== stage.id) }), 'policy-add-stage')
                }
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
        shownInLanguage(draft.minimumIntervalDays, language),
        (v, from) => update((policy) => ({ ...policy, minimumIntervalDays: typedInLanguage(v, language) }), from, v),
        true,
      )}
      {text(
        'policy-minimum',
        t.minimum,
        shownInLanguage(draft.minimumAmount, language),
        (v, from) => {
          // Text that is no amount at all is said so, with an example, rather than "must be 0 or more".
          let amount = Number.NaN;
          try {
            if (v.trim() !== '') amount = numberFromTyped(v, language);
          } catch (caught) {
            refuse(caught, from, v);
            return;
          }
          update((policy) => ({ ...policy, minimumAmount: amount }), from, v);
        },
        true,
      )}
      <label class="field">
        <span class="label">{t.jurisdiction}</span>
        <select
          id="policy-jurisdiction"
          value={draft.jurisdiction ?? ''}
          onChange={(event: JSX.TargetedEvent<HTMLSelectElement>) => {
            const value = event.currentTarget.value;
            update(
              (policy) => ({ ...policy, jurisdiction: value === '' ? null : parseJurisdiction(value) }),
              'policy-jurisdiction',
            );
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
            refuse(caught, from, v);
            return;
          }
          update((policy) => ({ ...policy, explicitRate: rate }), from, v);
        },
        true,
      )}
      {text(
        'policy-deadline',
        t.deadline,
        shownInLanguage(draft.paymentDeadlineDays, language),
        (v, from) => update((policy) => ({ ...policy, paymentDeadlineDays: typedInLanguage(v, language) }), from, v),
        true,
      )}
      <label class="field">
        <span class="label">{t.firstRun}</span>
        <select
          id="policy-first-run"
          value={draft.firstRun ?? 'ageStage'}
          onChange={(event: JSX.TargetedEvent<HTMLSelectElement>) =>
            update(
              (policy) => ({ ...policy, firstRun: event.currentTarget.value === 'oneStage' ? 'oneStage' : 'ageStage' }),
              'policy-first-run',
            )
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
              (policy) => ({ ...policy, defaultCustomerType: CUSTOMER_TYPES.find((type) => type === value) ?? 'professional' }),
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
          const withRate = (patch: Partial<EnteredRate>, from: string, typed: string | null = null) =>
            update(
              (policy) => ({
                ...policy,
                enteredRates: policy.enteredRates.map((r, i) => (i === index ? { ...r, ...patch } : r)),
              }),
              from,
              typed,
            );
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
                withRate({ halfYear: v.trim() }, from, v),
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
                    refuse(caught, from, v);
                    return;
                  }
                  withRate({ rate }, from, v);
                },
                true,
              )}
              <button
                type="button"
                class="link"
                onClick={() =>
                  update(
                    (policy) => ({ ...policy, enteredRates: policy.enteredRates.filter((_, i) => i !== index) }),
                    'policy-add-rate',
                  )
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
                (policy) => ({
                  ...policy,
                  enteredRates: [
                    ...policy.enteredRates,
                    { jurisdiction: policy.jurisdiction ?? 'FR', halfYear: '', rate: Number.NaN },
                  ],
                }),
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
          <button id="policy-reset" type="button" onClick={() => update(() => DEFAULT_POLICY, 'policy-reset')}>
            {t.resetPolicy}
          </button>
        </div>
        {outcome('policy-reset')}
      </div>
    </Card>
  );
});
