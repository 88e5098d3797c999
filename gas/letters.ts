/// <reference types="google-apps-script" />
// Letters from Sheets: one Google Doc with one letter per page, and a Gmail draft per account.
// Both work in batches that stop well inside Apps Script's 6-minute limit and at the daily
// quotas; the sidebar calls again with what is left, so a long run resumes where it stopped.

import type { Letter, LetterTable } from '../src/letters/letter';
import type { EmailDraft } from '../src/pane/workbook';

/** Stop a batch after this long: Apps Script ends a call at 6 minutes. */
const BATCH_MILLISECONDS = 4 * 60 * 1000;

declare const Gmail: {
  Users: { Drafts: { create(resource: { message: { raw: string } }, userId: string): { id: string } } };
};

export interface BatchResult {
  /** How many of the given items were done; the caller sends the rest in the next call. */
  readonly done: number;
  /** Why it stopped early (a quota, for instance), or null. */
  readonly stopped: string | null;
}

function quotaMessage(error: unknown): string | null {
  const text = error instanceof Error ? error.message : String(error);
  return /too many times|quota|limit exceeded|rate limit/i.test(text) ? text : null;
}

function appendTable(body: GoogleAppsScript.Document.Body, table: LetterTable): void {
  const cells = [table.headers.map(String), ...table.rows.map((row) => row.map(String))];
  const docTable = body.appendTable(cells);
  const header = docTable.getRow(0);
  for (let c = 0; c < header.getNumCells(); c++) header.getCell(c).editAsText().setBold(true);
  for (const [label, value] of table.totals) body.appendParagraph(`${label}\t${value}`).editAsText().setBold(true);
}

function appendLetter(body: GoogleAppsScript.Document.Body, letter: Letter): void {
  body.appendParagraph(letter.sender.name).editAsText().setBold(true);
  for (const line of letter.sender.lines) body.appendParagraph(line);
  body.appendParagraph('');
  const recipient = [letter.recipient.name, ...letter.recipient.lines];
  recipient.forEach((line, index) => {
    const paragraph = body.appendParagraph(line).setIndentStart(255).setIndentFirstLine(255);
    paragraph.editAsText().setBold(index === 0);
  });
  body.appendParagraph('');
  body.appendParagraph(letter.placeAndDate).setAlignment(DocumentApp.HorizontalAlignment.RIGHT);
  body.appendParagraph(letter.subject).editAsText().setBold(true);
  for (const block of letter.blocks) {
    if (block.kind === 'paragraph') body.appendParagraph(block.text);
    else appendTable(body, block.table);
  }
  body.appendParagraph('');
  for (const line of letter.signature) body.appendParagraph(line);
}

/** Appends letters to the Doc (created on the first call); returns its id, its URL and how far it got. */
export function writeLettersDocument(
  letters: Letter[],
  title: string,
  documentId: string | null,
): BatchResult & { documentId: string; url: string } {
  const started = Date.now();
  let document: GoogleAppsScript.Document.Document;
  try {
    document = documentId ? DocumentApp.openById(documentId) : DocumentApp.create(title);
  } catch (error) {
    const stopped = quotaMessage(error);
    if (stopped) return { done: 0, stopped, documentId: documentId ?? '', url: '' };
    throw error;
  }
  const body = document.getBody();
  let done = 0;
  for (const letter of letters) {
    if (Date.now() - started > BATCH_MILLISECONDS) break;
    // Every letter after the first starts on a new page.
    if (documentId !== null || done > 0) body.appendPageBreak();
    appendLetter(body, letter);
    done++;
  }
  if (documentId === null && body.getNumChildren() > 0 && body.getChild(0).asText().getText() === '')
    body.getChild(0).removeFromParent();
  document.saveAndClose();
  return { done, stopped: null, documentId: document.getId(), url: document.getUrl() };
}

/** A MIME message whose subject and body survive any accent (base64 UTF-8). */
function mimeMessage(draft: EmailDraft): string {
  const utf8 = (text: string) => Utilities.base64Encode(text, Utilities.Charset.UTF_8);
  return [
    `To: ${draft.to.replace(/[\r\n]/g, '')}`,
    `Subject: =?UTF-8?B?${utf8(draft.subject)}?=`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    utf8(draft.body),
  ].join('\r\n');
}

/** Gmail drafts through the Gmail service's compose scope (not the full mailbox). */
export function createEmailDrafts(drafts: EmailDraft[]): BatchResult {
  const started = Date.now();
  let done = 0;
  for (const draft of drafts) {
    if (Date.now() - started > BATCH_MILLISECONDS) break;
    try {
      Gmail.Users.Drafts.create({ message: { raw: Utilities.base64EncodeWebSafe(mimeMessage(draft)) } }, 'me');
    } catch (error) {
      const stopped = quotaMessage(error);
      if (stopped) return { done, stopped };
      throw error;
    }
    done++;
  }
  return { done, stopped: null };
}
