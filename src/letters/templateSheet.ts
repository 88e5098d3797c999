// The Letter templates sheet: the one place the user edits the letters' texts. Its layout (one
// row per stage and language, then a reference of the placeholders) and how it is read back
// belong here, so every host writes and reads the same sheet.

import type { SheetLayout } from '../ageing/agedBalanceSheet';
import type { DunningPolicy } from '../dunning/policy';
import { type CellValue, readText } from '../primitives/cells';
import type { Language } from '../primitives/messages';
import { DEFAULT_TEMPLATES, type LetterTemplate } from './defaultTemplates';
import { FLAGS, PLACEHOLDERS } from './templates';

/** The sheet's name in each language; an existing one is found under either. */
export const TEMPLATE_SHEETS: Record<Language, string> = { en: 'Letter templates', fr: 'Modèles de lettres' };

const TEMPLATE_HEADERS: Record<Language, string[]> = {
  en: ['Stage key', 'Stage', 'Language', 'Subject', 'Body', '', 'Placeholder', 'Meaning'],
  fr: ['Clé du niveau', 'Niveau', 'Langue', 'Objet', 'Corps', '', 'Champ', 'Signification'],
};

const STATEMENT_NAME: Record<Language, string> = { en: 'Statement of account', fr: 'Relevé de compte' };

/** The sheet as first written: the default letters, and beside them what each placeholder means. */
export function templatesSheetLayout(policy: DunningPolicy, language: Language): SheetLayout {
  const stageName = (id: string) => policy.stages.find((s) => s.id === id)?.name[language] ?? STATEMENT_NAME[language];
  const reference = [
    ...Object.entries(PLACEHOLDERS),
    ...Object.entries(FLAGS).map(([name, meaning]) => [`#if ${name}`, meaning] as const),
  ];
  const rows = DEFAULT_TEMPLATES.map((template, index) => {
    const entry = reference[index];
    return [
      template.stageId,
      stageName(template.stageId),
      template.language,
      template.subject,
      template.body,
      '',
      entry ? `{{${entry[0]}}}` : '',
      entry ? entry[1][language] : '',
    ];
  });
  for (const entry of reference.slice(DEFAULT_TEMPLATES.length))
    rows.push(['', '', '', '', '', '', `{{${entry[0]}}}`, entry[1][language]]);
  return { rows: [TEMPLATE_HEADERS[language], ...rows], columnFormats: [], boldRows: [0], cellFormats: [], chart: null };
}

/**
 * The default letters as an earlier version wrote them into the sheet (before their sentences
 * agreed with the number of invoices: "la ou les factures suivantes", "invoice(s)"; before they
 * said "us" for an account with no owner and a company with no signatory, and sent a French
 * public body to the administrative court rather than to an injunction to pay; before they
 * called every credit deducted "unapplied", partly matched ones included), by stage
 * and language: a fingerprint of the subject and body. A row still holding one of them word for
 * word was never edited, so the current default is used in its place; the sheet itself is never
 * rewritten, and a row the user changed, by a single character, is used as it stands.
 */
const SUPERSEDED_DEFAULTS: ReadonlyMap<string, readonly string[]> = new Map([
  ['courtesy en', ['2g18b6h65jf', '14872h9fmal']],
  ['courtesy fr', ['us2ww7gy4s', 'k0juasgfc5']],
  ['first en', ['1f6xqz9qt5i', '241d4nx4del']],
  ['first fr', ['1j7sjyyzb1c', 'bqjp3fyp8a']],
  ['second en', ['1hxutnduzt7', 'fuwauribxl']],
  ['second fr', ['1yfzu0rh4o9', '26pjgc1bf9y']],
  ['final en', ['9cbynj8ojx']],
  ['final fr', ['3uf5taute3']],
  ['formalNotice en', ['1r8in9ddz6z', '1svq6013weh']],
  ['formalNotice fr', ['x1b8t1a7si', 'qlycldtidx']],
  ['collection en', ['29p23fdxbm9', 'b1xedxkbqh']],
  ['collection fr', ['1pvh9tkyluh', '2f0sfiasg5e']],
  ['statement en', ['2dar9z7l1uz', 'llp0l4vyk1']],
  ['statement fr', ['esfcjexpjx', '1frywqb4qpq']],
]);

/** A 53-bit fingerprint (cyrb53) of a template's text, line endings as LF. */
export function templateFingerprint(subject: string, body: string): string {
  const text = `${subject}\u0000${body}`.replace(/\r\n?/g, '\n').trim();
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** The templates the user kept in the sheet: rows with a stage key and a language (en or fr). */
export function templatesFromSheet(values: readonly (readonly CellValue[])[]): LetterTemplate[] {
  const templates: LetterTemplate[] = [];
  for (const row of values.slice(1)) {
    const stageId = readText(row[0] ?? null);
    const language = readText(row[2] ?? null)?.toLowerCase();
    if (!stageId || (language !== 'en' && language !== 'fr')) continue;
    const subject = readText(row[3] ?? null) ?? '';
    const body = readText(row[4] ?? null) ?? '';
    const superseded = SUPERSEDED_DEFAULTS.get(`${stageId} ${language}`)?.includes(templateFingerprint(subject, body));
    const current = superseded ? DEFAULT_TEMPLATES.find((t) => t.stageId === stageId && t.language === language) : undefined;
    templates.push(current ?? { stageId, language, subject, body });
  }
  return templates;
}
