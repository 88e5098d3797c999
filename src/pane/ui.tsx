// The small parts every panel is built from: a card, a command button, the status line shown
// beside the action that caused it, a labelled field. They receive what they show as props;
// the one shared state they read is the command runner, given by the pane through a context.

import { type ComponentChildren, createContext, type JSX } from 'preact';
import { useContext } from 'preact/hooks';

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
  readonly status: Status | null;
  /** Runs a command once at a time (a double click does not do the work twice). */
  run(group: string, command: () => Promise<string | undefined>): void;
}

export const RunnerContext = createContext<Runner>({ busy: false, status: null, run: () => undefined });

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

/** The outcome of the group's last command, or its progress while it runs. */
export function StatusLine(props: { group: string }) {
  const { status } = useContext(RunnerContext);
  if (!status || status.group !== props.group || (status.text === '' && !status.running)) return null;
  return (
    <div class={`status ${status.kind}`}>
      <p id="status" class={`status ${status.kind}`} role={status.kind === 'error' ? 'alert' : 'status'} aria-live="polite">
        {status.text}
      </p>
      {status.running ? (
        status.progress ? (
          <progress max={status.progress[1]} value={status.progress[0]} />
        ) : (
          <progress aria-label={status.text} />
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

/** A text input that reports its value when the user leaves it (change), not at every key. */
export function TextInput(props: {
  id?: string;
  value: string;
  onCommit: (value: string) => void;
  label?: string;
  placeholder?: string;
  inputMode?: 'numeric' | 'decimal' | 'text';
  invalid?: boolean;
}) {
  return (
    <input
      id={props.id}
      type="text"
      value={props.value}
      aria-label={props.label}
      aria-invalid={props.invalid ? 'true' : undefined}
      placeholder={props.placeholder}
      inputMode={props.inputMode}
      onChange={(event: JSX.TargetedEvent<HTMLInputElement>) => props.onCommit(event.currentTarget.value)}
    />
  );
}
