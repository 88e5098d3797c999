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

/** The templates the user kept in the sheet: rows with a stage key and a language (en or fr). */
export function templatesFromSheet(values: readonly (readonly CellValue[])[]): LetterTemplate[] {
  const templates: LetterTemplate[] = [];
  for (const row of values.slice(1)) {
    const stageId = readText(row[0] ?? null);
    const language = readText(row[2] ?? null)?.toLowerCase();
    if (!stageId || (language !== 'en' && language !== 'fr')) continue;
    templates.push({ stageId, language, subject: readText(row[3] ?? null) ?? '', body: readText(row[4] ?? null) ?? '' });
  }
  return templates;
}
