// Letters: the templates sheet, which letters to make (reminders or statements), and where to
// put them (a preview, a Word file or a Google Doc, a sheet, email drafts). Before logging the
// same letters twice on one day, the pane asks here, beside the button that was clicked.

import type { JSX } from 'preact';
import { memo } from 'preact/compat';
import type { Letter } from '../../letters/letter';
import type { PaneText } from '../messages';
import { Actions, Card, CommandButton } from '../ui';
import { LetterPreview, type PreviewLetters } from './LetterPreview';

/** An email draft offered outside Sheets: logged only when the user marks it sent. */
export interface EmailDraftLink {
  readonly letter: Letter;
  readonly href: string | null;
  readonly note: string;
  readonly sent: boolean;
}

export interface Question {
  readonly text: string;
  readonly answer: (yes: boolean) => void;
}

export interface LettersPanelProps {
  readonly text: PaneText;
  readonly selectedCount: number;
  readonly kind: 'reminder' | 'statement';
  readonly onKind: (kind: 'reminder' | 'statement') => void;
  /** The host makes Google Docs (Sheets) rather than Word files. */
  readonly googleDocs: boolean;
  readonly question: Question | null;
  readonly documentUrl: string;
  readonly emailDrafts: readonly EmailDraftLink[];
  readonly attachDocx: boolean;
  readonly onAttachDocx: (attach: boolean) => void;
  readonly emlDraft: (letter: Letter) => Promise<string | undefined>;
  readonly markSent: (drafts: readonly EmailDraftLink[]) => Promise<string | undefined>;
  /** The letters previewed, made and shown one at a time (null: no preview). */
  readonly preview: PreviewLetters | null;
  readonly templatesSheet: () => Promise<string | undefined>;
  readonly previewLetters: () => Promise<string | undefined>;
  readonly docx: () => Promise<string | undefined>;
  readonly googleDoc: () => Promise<string | undefined>;
  readonly lettersSheet: () => Promise<string | undefined>;
  readonly emails: () => Promise<string | undefined>;
  /** Letters the last run held, one sentence per reason (no postal address, no signatory). */
  readonly held: readonly string[];
}

export const LettersPanel = memo(function LettersPanel(props: LettersPanelProps) {
  const { t } = props.text;
  return (
    <Card id="letters" title={`${t.letters} — ${t.selected(props.selectedCount)}`}>
      <Actions group="templates">
        <CommandButton id="templates-sheet" group="templates" label={t.openTemplates} command={props.templatesSheet} />
      </Actions>
      <label class="field">
        <span class="label">{t.kind}</span>
        <select
          id="letters-kind"
          value={props.kind}
          onChange={(event: JSX.TargetedEvent<HTMLSelectElement>) =>
            props.onKind(event.currentTarget.value === 'statement' ? 'statement' : 'reminder')
          }
        >
          <option value="reminder">{t.reminders}</option>
          <option value="statement">{t.statements}</option>
        </select>
      </label>
      <Actions group="letters">
        <CommandButton id="preview-letters" group="letters" label={t.previewLetters} command={props.previewLetters} />
        {props.googleDocs ? (
          <CommandButton id="letters-doc" group="letters" label={t.googleDoc} command={props.googleDoc} primary />
        ) : (
          <CommandButton id="letters-docx" group="letters" label={t.docx} command={props.docx} primary />
        )}
        <CommandButton id="letters-sheet" group="letters" label={t.sheet} command={props.lettersSheet} />
        <CommandButton id="letters-email" group="letters" label={t.email} command={props.emails} />
      </Actions>
      {props.question ? <QuestionView text={props.text} question={props.question} /> : null}
      {props.held.length > 0 ? (
        <ul class="warning" id="letters-held" role="alert">
          {props.held.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
      {props.documentUrl ? (
        <p>
          <a id="letters-doc-link" href={props.documentUrl} target="_blank" rel="noopener">
            {t.openDoc}
          </a>
        </p>
      ) : null}
      {props.emailDrafts.length > 0 ? <EmailDrafts {...props} /> : null}
      {props.preview ? <LetterPreview text={props.text} letters={props.preview} /> : null}
    </Card>
  );
});

function QuestionView(props: { text: PaneText; question: Question }) {
  const { t } = props.text;
  return (
    <div class="question" role="alertdialog" id="question" aria-labelledby="question-text">
      <p id="question-text">{props.question.text}</p>
      <div class="actions">
        <button id="confirm-yes" type="button" class="primary" onClick={() => props.question.answer(true)}>
          {t.yes}
        </button>
        <button id="confirm-no" type="button" onClick={() => props.question.answer(false)}>
          {t.no}
        </button>
      </div>
    </div>
  );
}

function EmailDrafts(props: LettersPanelProps) {
  const { t } = props.text;
  return (
    <section id="email-drafts">
      <label class="check">
        <input
          type="checkbox"
          id="eml-attach-docx"
          checked={props.attachDocx}
          onChange={(event: JSX.TargetedEvent<HTMLInputElement>) => props.onAttachDocx(event.currentTarget.checked)}
        />
        <span>{t.attachDocx}</span>
      </label>
      <ul>
        {props.emailDrafts.map((draft, index) => {
          const customer = draft.letter.customer;
          return (
            <li key={`${customer}\u0000${draft.letter.currency}`} data-customer={customer}>
              {draft.href ? (
                <a href={draft.href} target="_blank" rel="noopener">
                  {customer}
                </a>
              ) : (
                customer
              )}
              {` — ${draft.note}`}
              {draft.letter.email ? (
                draft.sent ? (
                  <span class="sent">{` — ${t.sent}`}</span>
                ) : (
                  <span class="inline">
                    {' '}
                    <CommandButton
                      id={`eml-${index}`}
                      group="letters"
                      label={t.eml}
                      command={() => props.emlDraft(draft.letter)}
                    />
                    <CommandButton
                      id={`mark-sent-${index}`}
                      group="letters"
                      label={t.markSent}
                      command={() => props.markSent([draft])}
                    />
                  </span>
                )
              ) : null}
            </li>
          );
        })}
      </ul>
      <div class="actions">
        <CommandButton
          id="mark-all-sent"
          group="letters"
          label={t.markAllSent}
          command={() => props.markSent(props.emailDrafts)}
        />
      </div>
    </section>
  );
}
