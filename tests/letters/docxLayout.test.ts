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
import { invoiceTableLayout, lettersToDocx } from '../../src/letters/docx';
import { buildLetter, type Letter } from '../../src/letters/letter';
import { parseTextDate } from '../../src/primitives/dates';
import { invoice } from '../dunning/fixtures';
import { lettersToDocxWithLibrary } from './docxReference';
import { options } from './sample';
import { STAGE_AS_OF, STAGE_IDS, stageAccount, stageLetter } from './stageLetters';

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

/** A word as pdftotext places it (points from the page's top left corner). */
interface PlacedWord {
  readonly text: string;
  readonly xMin: number;
  readonly xMax: number;
  readonly yMin: number;
}

/** Each document's pages as placed words, LibreOffice converting them all in one run. */
function placedWordsOf(folder: string, files: readonly string[]): PlacedWord[][][] {
  execFileSync(
    'soffice',
    ['--headless', `-env:UserInstallation=file://${folder}/profile`, '--convert-to', 'pdf', '--outdir', folder, ...files],
    { stdio: 'pipe', timeout: 300_000 },
  );
  const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };
  return files.map((file) => {
    const html = execFileSync('pdftotext', ['-bbox', file.replace(/\.docx$/, '.pdf'), '-'], { encoding: 'utf8' });
    return html
      .split(/<page\b/)
      .slice(1)
      .map((page) =>
        [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map(
          ([, xMin, yMin, xMax, text]) => ({
            text: (text as string).replace(/&[a-z]+;/g, (entity) => entities[entity] ?? entity),
            xMin: Number(xMin),
            xMax: Number(xMax),
            yMin: Number(yMin),
          }),
        ),
      );
  });
}

/** Words on the same line as `word` (within 2 points), left to right. */
function lineOf(words: readonly PlacedWord[], word: PlacedWord): PlacedWord[] {
  return words.filter((other) => Math.abs(other.yMin - word.yMin) < 2).sort((a, b) => a.xMin - b.xMin);
}

const spaced = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();

/**
 * Every row of every table of the letter, read back from the PDF: on one line, each cell's words
 * inside its own column of the grid (the margin, 2 cm = 56.7 pt, plus the widths before it),
 * nothing else there. A value pushed into the next column or wrapped onto a second line fails.
 */
function expectRowsInTheirColumns(letter: Letter, pages: readonly PlacedWord[][]): number {
  let rows = 0;
  for (const block of letter.blocks) {
    if (block.kind !== 'table') continue;
    const { widths } = invoiceTableLayout(block.table);
    const edges = [56.7];
    for (const width of widths) edges.push((edges.at(-1) as number) + width / 20);
    for (const cells of block.table.rows) {
      const number = cells[0] ?? '';
      const found = pages.flatMap((page) => page.filter((word) => word.text === number).map((word) => ({ page, word })));
      expect({ number, times: found.length }).toEqual({ number, times: 1 });
      const [{ page, word }] = found as [{ page: PlacedWord[]; word: PlacedWord }];
      const line = lineOf(page, word);
      cells.forEach((cell, column) => {
        const [left, right] = [(edges[column] as number) - 4, (edges[column + 1] as number) + 4];
        const inColumn = line.filter((placed) => placed.xMin >= left && placed.xMax <= right);
        expect({ number, column, text: spaced(inColumn.map((placed) => placed.text).join(' ')) }).toEqual({
          number,
          column,
          text: spaced(cell),
        });
        // A number ends at its cell's right edge, less the cell's margin (40 twips, 2 pt): its
        // paragraph style, not the cell, right-aligns it.
        if (block.table.numeric[column] === true && inColumn.length > 0) {
          const end = inColumn.reduce((right, placed) => Math.max(right, placed.xMax), 0);
          const gap = (edges[column + 1] as number) - 2 - end;
          expect({ number, column, rightAligned: Math.abs(gap) < 3 }).toEqual({ number, column, rightAligned: true });
        }
      });
      // Nothing of the row outside the grid's columns (a value pushed past the last one).
      expect(line.filter((placed) => placed.xMin < 56.7 - 4 || placed.xMax > (edges.at(-1) as number) + 4)).toEqual([]);
      rows++;
    }
  }
  return rows;
}

maybe(
  'every stage’s invoice table is a Word table: each row’s values stay on one line, each in its column, with invoice numbers of 13 characters and more',
  async () => {
    const letters = STAGE_IDS.flatMap((stageId) => (['fr', 'en'] as const).map((language) => stageLetter(stageId, language)));
    // Letters that list invoices under review too: the disputed invoices' table.
    const disputed = stageAccount('formalNotice', 'fr', 'Garage Étoile SARL');
    const withDispute = {
      ...disputed,
      disputed: [
        invoice({
          customer: 'Garage Étoile SARL',
          invoiceNumber: 'FA-2026-LITIGE-0042',
          dueDay: STAGE_AS_OF - 70,
          amount: 3_456_78,
          disputed: true,
          disputeReason: 'Marchandise endommagée à la livraison',
        }),
      ],
    };
    letters.push(buildLetter(withDispute, { ...options, asOf: STAGE_AS_OF }));
    // And a statement of account, whose last column is text.
    letters.push(buildLetter(stageAccount('first', 'en'), { ...options, asOf: STAGE_AS_OF, kind: 'statement' }));
    for (const letter of letters)
      for (const block of letter.blocks)
        if (block.kind === 'table')
          for (const cells of block.table.rows) expect((cells[0] ?? '').length).toBeGreaterThanOrEqual(13);
    const folder = mkdtempSync(join(tmpdir(), 'agebucket-table-'));
    const files = letters.map((letter, index) => ({ file: join(folder, `letter-${index}.docx`), letter }));
    for (const { file, letter } of files) writeFileSync(file, await lettersToDocx([letter], 'Relances'));
    const placed = placedWordsOf(
      folder,
      files.map(({ file }) => file),
    );
    let rows = 0;
    files.forEach(({ letter }, index) => {
      rows += expectRowsInTheirColumns(letter, placed[index] as PlacedWord[][]);
    });
    // 12 stage letters of 3 invoices, the disputed one, the statement's 3 lines.
    expect(rows).toBe(12 * 3 + 1 + 3 + 3);
    const zip = await JSZip.loadAsync(readFileSync(files[0]?.file ?? ''));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const styles = (await zip.file('word/styles.xml')?.async('string')) ?? '';
    expect(xml).toMatch(/<w:tbl><w:tblPr>[\s\S]*<w:tblGrid><w:gridCol/);
    expect(xml).toContain('<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>');
    // An amount's cell names its paragraph style, which holds the size and the alignment.
    const size = /<w:pStyle w:val="R(\d+)"\/><\/w:pPr><w:r><w:t>12\u00a0000,00\u00a0€/.exec(xml)?.[1];
    expect(size).toMatch(/^(19|18|17|16|15|14)$/);
    expect(styles).toContain(
      `<w:style w:type="paragraph" w:styleId="R${size}"><w:name w:val="Invoice table ${Number(size) / 2} pt right"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0" w:before="0"/><w:jc w:val="right"/></w:pPr><w:rPr><w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr></w:style>`,
    );
  },
  400_000,
);

maybe(
  'a table that runs over two pages repeats its header row at the top of the second',
  async () => {
    const customer = 'Transports Étoile SA';
    const items = Array.from({ length: 70 }, (_, k) =>
      invoice({
        customer,
        dueDay: STAGE_AS_OF - 15 - (k % 5),
        amount: 1_000_00 + k,
        invoiceNumber: `FA-2026-${String(100000 + k)}`,
      }),
    );
    const account = planDunning(items, [], { asOf: STAGE_AS_OF, policy: DEFAULT_POLICY }).actions[0] as AccountPlan;
    const letter = buildLetter(account, { ...options, asOf: STAGE_AS_OF });
    const folder = mkdtempSync(join(tmpdir(), 'agebucket-header-'));
    const file = join(folder, 'long.docx');
    writeFileSync(file, await lettersToDocx([letter], 'Relances'));
    const [pages] = placedWordsOf(folder, [file]) as [PlacedWord[][]];
    expect(expectRowsInTheirColumns(letter, pages)).toBe(70);
    const withRows = pages.filter((page) => page.some((word) => /^FA-2026-1\d{5}$/.test(word.text)));
    expect(withRows.length).toBeGreaterThan(1);
    for (const page of withRows) {
      const firstRow = Math.min(...page.filter((word) => /^FA-2026-1\d{5}$/.test(word.text)).map((word) => word.yMin));
      const header = page.find((word) => word.text === 'Échéance' && word.yMin < firstRow);
      expect(header).toBeDefined();
      if (header) expect(lineOf(page, header).map((word) => word.text)).toContain('Facture');
    }
  },
  400_000,
);
