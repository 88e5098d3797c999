// The .docx laid out by a real word processor: LibreOffice turns letters of every length from
// 1 to 45 invoices into a PDF, and no page may hold the signature without the closing formula
// and the paragraph before it; a letter's second page carries its customer and "page 2/2".
// And the run as one document reads, page for page, as each letter packed alone by the docx
// library itself: the shared headers and the hand-made package change nothing a reader sees.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { type AccountPlan, planDunning } from '../../src/dunning/plan';
import { DEFAULT_POLICY } from '../../src/dunning/policy';
import { lettersToDocx } from '../../src/letters/docx';
import { buildLetter, type Letter } from '../../src/letters/letter';
import { parseTextDate } from '../../src/primitives/dates';
import { invoice } from '../dunning/fixtures';
import { lettersToDocxWithLibrary } from './docxReference';
import { options } from './sample';

const tools = existsSync('/usr/bin/soffice') && existsSync('/usr/bin/pdftotext');
if (!tools) {
  if (process.env.CI) throw new Error('CI must install libreoffice-writer-nogui and poppler-utils for the .docx layout check');
  console.warn(
    '\n*** .docx layout check in LibreOffice SKIPPED: apt-get install -y libreoffice-writer-nogui poppler-utils ***\n',
  );
}
const maybe = tools ? test : test.skip;

const asOf = parseTextDate('2026-11-30');
const customer = (n: number) => `Client ${String(n).padStart(2, '0')} SARL`;

/** A first reminder for `n` overdue invoices. */
function account(n: number): AccountPlan {
  const items = Array.from({ length: n }, (_, k) =>
    invoice({ customer: customer(n), dueDay: asOf - 20 - k, amount: 100_00 + k, invoiceNumber: `FA-${n}-${k + 1}` }),
  );
  // One stage at a time on a first run: every letter is a first reminder, whatever its length.
  return planDunning(items, [], { asOf, policy: { ...DEFAULT_POLICY, firstRun: 'oneStage' } }).actions[0] as AccountPlan;
}

maybe(
  'no page holds the signature alone, and a second page names the customer and its page',
  async () => {
    const counts = Array.from({ length: 45 }, (_, k) => k + 1);
    const letters = counts.map((n) => buildLetter(account(n), { ...options, asOf }));
    const folder = mkdtempSync(join(tmpdir(), 'agebucket-layout-'));
    const file = join(folder, 'letters.docx');
    writeFileSync(file, await lettersToDocx(letters, 'Relances'));
    execFileSync(
      'soffice',
      ['--headless', `-env:UserInstallation=file://${folder}/profile`, '--convert-to', 'pdf', '--outdir', folder, file],
      { stdio: 'pipe', timeout: 180_000 },
    );
    const pages = execFileSync('pdftotext', ['-layout', join(folder, 'letters.pdf'), '-'], { encoding: 'utf8' })
      .split('\f')
      .filter((page) => page.trim() !== '');
    const signature = 'Claire Petit';
    const closing = 'Nous vous prions d’agréer';
    const lastParagraph = 'Si votre règlement nous est parvenu entre-temps';
    let twoPageLetters = 0;
    for (const page of pages) {
      if (page.includes(signature)) {
        expect(page).toContain(closing);
        expect(page).toContain(lastParagraph);
      }
      // Word fills the total from the SECTIONPAGES field; LibreOffice 7.4 leaves it blank.
      const header = /(Client \d\d SARL) — page (\d)\/(\d?)/.exec(page);
      if (header) {
        expect(header[2]).toBe('2');
        if (header[3] !== '') expect(header[3]).toBe('2');
        twoPageLetters++;
      }
    }
    // Each letter signs once; the longer ones run over two pages, each with its header.
    expect(pages.filter((page) => page.includes(signature))).toHaveLength(counts.length);
    expect(twoPageLetters).toBe(pages.length - counts.length);
    expect(twoPageLetters).toBeGreaterThan(5);
    // The header's fields: the page number and the section's page count.
    const xml = (await (await JSZip.loadAsync(readFileSync(file))).file('word/header1.xml')?.async('string')) ?? '';
    expect(xml).toMatch(/>PAGE<[\s\S]*>SECTIONPAGES</);
  },
  240_000,
);

/** Each document's pages as text, LibreOffice converting them all in one run. */
function pagesOf(folder: string, files: readonly string[]): string[][] {
  execFileSync(
    'soffice',
    ['--headless', `-env:UserInstallation=file://${folder}/profile`, '--convert-to', 'pdf', '--outdir', folder, ...files],
    { stdio: 'pipe', timeout: 300_000 },
  );
  return files.map((file) =>
    execFileSync('pdftotext', ['-layout', file.replace(/\.docx$/, '.pdf'), '-'], { encoding: 'utf8' })
      .split('\f')
      .filter((page) => page.trim() !== ''),
  );
}

maybe(
  'a run of letters reads page for page as each letter packed alone by the docx library',
  async () => {
    const named = (n: number, name: string, language: 'fr' | 'en'): Letter => {
      const letter = buildLetter(account(n), { ...options, asOf, defaultLanguage: language });
      return { ...letter, recipient: { ...letter.recipient, name } };
    };
    // Short and long letters (the long ones run over two pages, each with its own header), names
    // that need escaping, and both languages.
    const letters = [
      named(1, 'Boulangerie Martin SARL', 'fr'),
      named(45, 'O’Brien & Fils <Lyon>', 'fr'),
      named(3, 'Harrington & Cole LLP', 'en'),
      named(40, 'Transports Étoile SA', 'fr'),
      named(44, 'Zoé "Garage" Dupuis', 'en'),
      named(2, 'Menuiserie Roux', 'fr'),
    ];
    const folder = mkdtempSync(join(tmpdir(), 'agebucket-run-'));
    const run = join(folder, 'run.docx');
    writeFileSync(run, await lettersToDocx(letters, 'Relances'));
    const alone = await Promise.all(
      letters.map(async (letter, k) => {
        const file = join(folder, `alone-${k}.docx`);
        writeFileSync(file, await lettersToDocxWithLibrary([letter], 'Relances'));
        return file;
      }),
    );
    const [runPages, ...alonePages] = pagesOf(folder, [run, ...alone]);
    const expected = alonePages.flat();
    expect(runPages).toEqual(expected);
    // Each letter on its own pages: its customer's name on the first, the header from the second.
    let page = 0;
    letters.forEach((letter, k) => {
      const pages = alonePages[k] as string[];
      expect(pages[0]).toContain(letter.recipient.name);
      expect(pages[0]).not.toContain(`${letter.recipient.name} — page`);
      for (let next = 1; next < pages.length; next++)
        expect(pages[next]).toContain(`${letter.recipient.name} — page ${next + 1}`);
      page += pages.length;
    });
    expect(runPages).toHaveLength(page);
    expect(page).toBeGreaterThan(letters.length + 1);
  },
  400_000,
);
