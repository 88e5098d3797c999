// The .docx laid out by a real word processor: LibreOffice turns letters of every length from
// 1 to 45 invoices into a PDF, and no page may hold the signature without the closing formula
// and the paragraph before it; a letter's second page carries its customer and "page 2/2".

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { type AccountPlan, planDunning } from '../../src/dunning/plan';
import { DEFAULT_POLICY } from '../../src/dunning/policy';
import { lettersToDocx } from '../../src/letters/docx';
import { buildLetter } from '../../src/letters/letter';
import { parseTextDate } from '../../src/primitives/dates';
import { invoice } from '../dunning/fixtures';
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
