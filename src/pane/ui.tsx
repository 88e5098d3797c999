// The small parts every panel is built from: a card, a command button, the status line shown
// beside the action that caused it, a labelled field. They receive what they show as props;
// the one shared state they read is the command runner, given by the pane through a context.

import { type ComponentChildren, createContext, type JSX } from 'preact';
import { useContext, useEffect, useRef, useState } from 'preact/hooks';

export type StatusKind = 'info' | 'error';

export interface Status {
  /** The group of actions the status belongs to: it is shown beside them. */
  readonly group: string;
  readonly text: string;
  readonly kind: StatusKind;
  /** Done and total while a long command reports progress. */
  readonly progress: readonly [number, number] | null;
  /** Still running. */
  readonly running: boolean;
}

export interface Runner {
  readonly busy: boolean;
  /** Runs a command once at a time (a double click does not do the work twice). */
  run(group: string, command: () => Promise<string | undefined>): void;
}

export const RunnerContext = createContext<Runner>({ busy: false, run: () => undefined });

/**
 * The last command's status, apart from the runner: a pane can hold thousands of command buttons
 * (one per call to make), and a status or progress update redraws only the status lines.
 */
export const StatusContext = createContext<Status | null>(null);

export function Card(props: { id: string; title: string; children?: ComponentChildren; class?: string }) {
  return (
    <section id={props.id} class={`card ${props.class ?? ''}`} aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      {props.children}
    </section>
  );
}

export function CommandButton(props: {
  id: string;
  group: string;
  label: string;
  command: () => Promise<string | undefined>;
  primary?: boolean;
  title?: string;
}) {
  const runner = useContext(RunnerContext);
  return (
    <button
      id={props.id}
      type="button"
      class={props.primary ? 'primary' : ''}
      title={props.title}
      disabled={runner.busy}
      onClick={() => runner.run(props.group, props.command)}
    >
      {props.label}
    </button>
  );
}

/** A row of actions with their status line under them. */
export function Actions(props: { group: string; children?: ComponentChildren }) {
  return (
    <div class="actions-block">
      <div class="actions">{props.children}</div>
      <StatusLine group={props.group} />
    </div>
  );
}

/**
 * The outcome of the group's last command, or its progress while it runs. When the command is
 * over, the outcome is brought into view if the user is still at the action (its button, or the
 * page when the button left with what it acted on); never while they work elsewhere in the pane.
 */
export function StatusLine(props: { group: string }) {
  const status = useContext(StatusContext);
  const shown = status && status.group === props.group && (status.text !== '' || status.running) ? status : null;
  const line = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = line.current;
    if (!element || !shown || shown.running) return;
    const active = document.activeElement;
    const card = element.closest('.card, details') ?? element.parentElement;
    if (active === null || active === document.body || card?.contains(active)) element.scrollIntoView({ block: 'nearest' });
  }, [shown]);
  if (!shown) return null;
  return (
    <div class={`status ${shown.kind}`} ref={line}>
      <p id="status" class={`status ${shown.kind}`} role={shown.kind === 'error' ? 'alert' : 'status'} aria-live="polite">
        {shown.text}
      </p>
      {shown.running ? (
        shown.progress ? (
          <progress max={shown.progress[1]} value={shown.progress[0]} />
        ) : (
          <progress aria-label={shown.text} />
        )
      ) : null}
    </div>
  );
}

export function Field(props: { label: string; children: ComponentChildren; class?: string }) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is the child passed in
    <label class={props.class ?? 'field'}>
      <span class="label">{props.label}</span>
      {props.children}
    </label>
  );
}

/**
 * A text field that reports its value when the user leaves it (change), not at every key. What
 * the user is typing stays as typed until the value the pane holds changes: a panel drawn again
 * meanwhile (a command finishing, a status, a setting saved elsewhere) does not put the old value
 * back under the caret, and a value the pane refused stays on screen to be corrected.
 */
export function TextInput(props: {
  id?: string;
  value: string;
  onCommit: (value: string) => void;
  label?: string;
  placeholder?: string;
  inputMode?: 'numeric' | 'decimal' | 'text';
  invalid?: boolean;
  type?: 'text' | 'date';
  class?: string;
  /** Several lines (a postal address): a text area this many rows high. */
  rows?: number;
}) {
  const [typed, setTyped] = useState<{ readonly text: string; readonly over: string } | null>(null);
  const shown = typed !== null && typed.over === props.value ? typed.text : props.value;
  const common = {
    id: props.id,
    class: props.class,
    value: shown,
    'aria-label': props.label,
    'aria-invalid': props.invalid ? ('true' as const) : undefined,
    placeholder: props.placeholder,
    onInput: (event: JSX.TargetedEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      setTyped({ text: event.currentTarget.value, over: props.value }),
    // The browser's own change event (on leaving the field, or Enter), as a capture listener:
    // preact/compat, loaded for memo, turns a text field's onChange into onInput (React's
    // meaning), which committed every keystroke; a commit mid-word could then come back from a
    // command finishing and replace what was being typed (a digit lost while the plan rebuilt).
    // Once committed, the field shows the value as the pane writes it back (« 1 000 » typed in an
    // English pane reads "1,000"), even when that value is the one already saved.
    onChangeCapture: (event: JSX.TargetedEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      const committed = event.currentTarget.value;
      setTyped(null);
      props.onCommit(committed);
    },
  };
  return props.rows ? (
    <textarea {...common} rows={props.rows} />
  ) : (
    <input {...common} type={props.type ?? 'text'} inputMode={props.inputMode} />
  );
}
