// The letters preview: one letter at a time, with "Letter 3 of 2,410" and the previous and next
// letters a click away, and a search by customer. Thousands of letters in one frame took the
// browser seconds to lay out, and making them all a good part of a second: a letter is made and
// drawn when it is the one shown, so the first appears at once and every other is there to read.

import type { JSX } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { lettersOfCustomer, neighbourLetters } from '../../letters/find';
import type { Letter } from '../../letters/letter';
import { letterToHtml } from '../../letters/render';
import { AgeBucketError } from '../../primitives/messages';
// The preview frame's stylesheet, as text: its hash is in the pane's Content-Security-Policy,
// which the frame inherits (webpack.config.js reads the same file).
import PREVIEW_STYLE from '../letterPreview.css';
import type { PaneText } from '../messages';

/** The letters of a preview, each made when asked for (and kept). */
export interface PreviewLetters {
  /** One customer per letter, in the letters' order. */
  readonly customers: readonly string[];
  readonly letterAt: (index: number) => Letter;
}

interface View {
  /** The letters this view is of: a new preview starts again at its first letter. */
  readonly letters: PreviewLetters;
  /** The position of the letter shown. */
  readonly at: number;
  /** The customer searched for, as typed. */
  readonly typed: string;
}

export function LetterPreview(props: { text: PaneText; letters: PreviewLetters }) {
  const { t, language } = props.text;
  const { letters } = props;
  const count = letters.customers.length;
  const [state, setState] = useState<View>({ letters, at: 0, typed: '' });
  const view = state.letters === letters ? state : { letters, at: 0, typed: '' };
  const searching = view.typed.trim() !== '';
  const matches = useMemo(
    () => (searching ? lettersOfCustomer(letters.customers, view.typed) : null),
    [letters, view.typed, searching],
  );
  const at = Math.min(view.at, count - 1);
  const shown = useMemo(() => {
    if (at < 0) return null;
    try {
      return { letter: letters.letterAt(at), error: null };
    } catch (error) {
      return { letter: null, error: error instanceof AgeBucketError ? error.localized(language) : String(error) };
    }
  }, [letters, at, language]);
  if (!shown) return null;
  // With a search that found letters, the arrows go from one match to the next; else through all.
  const { previous, next } = neighbourLetters(matches, at, count);
  const go = (index: number | undefined) => {
    if (index !== undefined) setState({ ...view, at: index });
  };
  const search = (typed: string) => {
    const found = typed.trim() === '' ? null : lettersOfCustomer(letters.customers, typed);
    // The letter shown stays while it matches; else the first letter that does is shown.
    const first = found?.[0];
    setState({ letters, typed, at: found && first !== undefined && !found.includes(at) ? first : at });
  };
  const match = matches ? matches.indexOf(at) : -1;
  const customer = letters.customers[at] ?? '';
  return (
    <section id="letter-browser" aria-label={t.previewLetters}>
      <label class="field">
        <span class="label">{t.findLetter}</span>
        <input
          id="letter-find"
          type="search"
          value={view.typed}
          onInput={(event: JSX.TargetedEvent<HTMLInputElement>) => search(event.currentTarget.value)}
          onKeyDown={(event: JSX.TargetedKeyboardEvent<HTMLInputElement>) => {
            if (event.key === 'Enter') go(next);
          }}
        />
      </label>
      <div class="letter-nav">
        <button id="letter-previous" type="button" disabled={previous === undefined} onClick={() => go(previous)}>
          {t.previousLetter}
        </button>
        <p id="letter-position" aria-live="polite">
          {t.letterOf(at + 1, count)}
          {matches ? (
            <span id="letter-matches">
              {' · '}
              {matches.length === 0
                ? t.noLetterFor(view.typed.trim())
                : match >= 0
                  ? t.matchOf(match + 1, matches.length)
                  : t.matches(matches.length)}
            </span>
          ) : null}
        </p>
        <button id="letter-next" type="button" disabled={next === undefined} onClick={() => go(next)}>
          {t.nextLetter}
        </button>
      </div>
      {shown.letter ? (
        // The letter is HTML from the core's renderer, which escapes every value; the frame runs no script.
        <iframe
          id="letter-preview"
          title={`${t.previewLetters} — ${customer}`}
          data-customer={customer}
          sandbox=""
          srcdoc={`<!doctype html><meta charset="utf-8"><style>${PREVIEW_STYLE}</style>${letterToHtml(shown.letter)}`}
        />
      ) : (
        <p class="error" id="letter-error" role="alert">
          {t.letterNotMade(customer, shown.error ?? '')}
        </p>
      )}
    </section>
  );
}
