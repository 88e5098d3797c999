import JSZip from 'jszip';
import { sampleAsOf } from '../../scripts/sampleData';
import { type AccountPlan, planDunning } from '../../src/dunning/plan';
import { DEFAULT_POLICY } from '../../src/dunning/policy';
import { DEFAULT_TEMPLATES } from '../../src/letters/defaultTemplates';
import { lettersToDocx } from '../../src/letters/docx';
import { buildLetter, type Letter } from '../../src/letters/letter';
import { lettersToSheetRows, letterToHtml, letterToText } from '../../src/letters/render';
import { validateTemplate } from '../../src/letters/templates';
import { sheetText } from '../../src/primitives/sheetText';
import { invoice, logged } from '../dunning/fixtures';
import { options, plan } from './sample';

const byCustomer = (name: string) => plan.actions.find((a) => a.customer === name) as AccountPlan;
const NBSP = '\u00A0';

describe('templates', () => {
  test('every stage of the default policy has a letter in English and French, plus the statement', () => {
    for (const id of [...DEFAULT_POLICY.stages.map((s) => s.id), 'statement']) {
      for (const language of ['en', 'fr'] as const) {
        const template = DEFAULT_TEMPLATES.find((t) => t.stageId === id && t.language === language);
        expect(template).toBeDefined();
        expect(() => validateTemplate(template as NonNullable<typeof template>)).not.toThrow();
      }
    }
  });
  test('an unknown placeholder is named before anything is generated', () => {
    expect(() =>
      validateTemplate({ stageId: 'first', language: 'fr', subject: 'Relance', body: 'Montant : {{totl_due}}' }),
    ).toThrow(
      'template "first" (fr, body): unknown placeholder {{totl_due}}; see the list of placeholders in the Templates sheet',
    );
  });
  test('an unknown flag in a block', () => {
    expect(() =>
      validateTemplate({ stageId: 'first', language: 'en', subject: '{{#if vip}}Dear friend{{/if}}', body: '' }),
    ).toThrow('unknown placeholder {{vip}}');
  });
  test('a helper call is not a placeholder', () => {
    expect(() => validateTemplate({ stageId: 'first', language: 'en', subject: '{{uppercase customer}}', body: '' })).toThrow(
      'unknown placeholder {{uppercase customer}}',
    );
  });
  test('a broken block says where', () => {
    expect(() =>
      validateTemplate({ stageId: 'final', language: 'en', subject: 'x', body: '{{#if claims_interest}} unclosed' }),
    ).toThrow(/template "final" \(en, body\) cannot be read/);
  });
});

describe('a formal notice in French (Association Les Amis du Rail: two of its invoices never had one)', () => {
  const letter = buildLetter(byCustomer('Association Les Amis du Rail'), options);
  const text = letterToText(letter);

  test('it states no step the log does not show for all five invoices', () => {
    // The log's formal notice and final reminder were about 04113, 04126 and 04127 only.
    expect(text).not.toContain('Notre mise en demeure est restée sans effet');
    expect(text).not.toMatch(/Malgré notre relance|Notre relance du/);
    expect(text).toContain('Les factures suivantes demeurent impayées alors que leur échéance est dépassée');
    expect(letter.invoiceNumbers).toEqual(['FA-2025-04113', 'FA-2025-04126', 'FA-2025-04127', 'FA-2025-04163', 'FA-2025-04181']);
  });

  test('subject and date in French typography', () => {
    // 24 167,76 overdue + 420,60 interest + 5 × 40 € fees
    expect(letter.subject).toBe(`Mise en demeure de payer — 24${NBSP}788,36${NBSP}€`);
    expect(letter.placeAndDate).toBe('Lyon, le 28 novembre 2025');
    expect(letter.totalClaimed).toBe(24_788_36);
  });
  test('the table lists each overdue invoice with its interest and fee', () => {
    const table = letter.blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.table.headers).toEqual([
      'Facture',
      'Date',
      'Échéance',
      'Jours de retard',
      'Montant TTC',
      'Déjà réglé',
      'Reste dû',
      'Pénalités',
      'Indemnité',
    ]);
    expect(table?.kind === 'table' && table.table.rows[0]).toEqual([
      'FA-2025-04113',
      '20/07/2025',
      '14/09/2025',
      '75',
      `10${NBSP}791,01${NBSP}€`,
      '',
      `10${NBSP}791,01${NBSP}€`,
      `269,41${NBSP}€`,
      `40,00${NBSP}€`,
    ]);
    // Partly paid (samples/ledger.csv: 11 916,74 TTC, 8 117,45 still owed): the invoice never
    // reads as an 8 117,45 € one; 11 916,74 − 8 117,45 = 3 799,29 already paid.
    const partly = table?.kind === 'table' ? table.table.rows.find((row) => row[0] === 'FA-2025-04127') : undefined;
    expect(partly?.slice(4, 7)).toEqual([`11${NBSP}916,74${NBSP}€`, `3${NBSP}799,29${NBSP}€`, `8${NBSP}117,45${NBSP}€`]);
    expect(text).toMatch(new RegExp(`Total réclamé +24${NBSP}788,36${NBSP}€`));
  });
  test('disputed invoices are mentioned as under review, not claimed', () => {
    expect(text).toContain('font l’objet d’une réclamation en cours d’examen');
    // Each disputed invoice on its own line: number, due date, amount, then its dispute reason.
    const under = text.slice(text.indexOf('réclamation en cours d’examen'));
    for (const [number, reason] of [
      ['FA-2025-04128', 'Marchandise endommagée'],
      ['FA-2025-04135', 'Prix non conforme au devis'],
      ['FA-2025-04154', 'Facture en double selon le client'],
    ]) {
      expect(under).toMatch(new RegExp(`^${number} +\\d{2}/\\d{2}/\\d{4} +[\\d${NBSP} ]+,\\d{2}${NBSP}€ +${reason}$`, 'm'));
      expect(text.slice(0, text.length - under.length)).not.toContain(number);
      expect(letter.invoiceNumbers).not.toContain(number);
    }
  });
  test('the injunction to pay is mentioned', () => expect(text).toContain('injonction de payer'));
});

describe('a formal notice claims the penalties the law allows', () => {
  const asOf = sampleAsOf;
  const account = planDunning(
    [invoice({ customer: 'Dupont SA', dueDay: asOf - 46, amount: 10_000_00, invoiceNumber: 'F1' })],
    [logged('Dupont SA', 3, asOf - 15, ['F1'])],
    { asOf, policy: DEFAULT_POLICY },
  ).actions[0] as AccountPlan;
  const text = letterToText(buildLetter(account, options));
  test('deadline, rate, interest and the 40 € indemnity in French', () => {
    expect(text).toContain('dans un délai de 8 jours à compter de la réception de la présente.');
    expect(text).toContain('au taux prévu à cet article (12,15\u00a0% au 2e semestre 2025)');
    expect(text).toContain(`elles s’élèvent à 153,12${NBSP}€`);
    expect(text).toContain(`(articles L441-10 et D441-5 du Code de commerce), soit 40,00${NBSP}€ pour 1 facture.`);
  });
  test('in English for an English-speaking customer', () => {
    const english = letterToText(buildLetter({ ...account, language: 'en' }, options));
    expect(english).toContain('we require you to pay us the principal sum of €10,000.00 within 8 days of receiving it');
    expect(english).toContain('at the rate that article sets (12.15% in H2 2025)');
    expect(english).toContain('The total claimed at 28 November 2025 is therefore €10,193.12.');
  });
});

describe('escaping what customers are called', () => {
  const hostile = (customer: string) =>
    planDunning([invoice({ customer, dueDay: sampleAsOf - 15, amount: 100_00, address: '<b>1 rue</b>, 75001 Paris' })], [], {
      asOf: sampleAsOf,
      policy: DEFAULT_POLICY,
    }).actions[0] as AccountPlan;
  const script = buildLetter(hostile('<script>alert(1)</script>'), options);
  const formula = buildLetter(hostile('=HYPERLINK("http://x")'), options);

  test('HTML shows the name as text', () => {
    const html = letterToHtml(script);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;b&gt;1 rue&lt;/b&gt;');
    expect(letterToHtml(formula)).toContain('=HYPERLINK(&quot;http://x&quot;)');
  });
  test('HTML escapes the table cells too: invoice numbers and dispute reasons are data', () => {
    const account = planDunning(
      [
        invoice({
          customer: 'Dupont SA',
          dueDay: sampleAsOf - 15,
          amount: 100_00,
          invoiceNumber: '<img src=x onerror=alert(1)>',
        }),
        invoice({
          customer: 'Dupont SA',
          dueDay: sampleAsOf - 20,
          amount: 50_00,
          invoiceNumber: 'F&2',
          disputed: true,
          disputeReason: '<b>prix</b> "faux"',
        }),
      ],
      [],
      { asOf: sampleAsOf, policy: DEFAULT_POLICY },
    ).actions[0] as AccountPlan;
    const html = letterToHtml(buildLetter(account, options));
    expect(html).toContain('<td>&lt;img src=x onerror=alert(1)&gt;</td>');
    expect(html).toContain('<td>F&amp;2</td>');
    expect(html).toContain('<td>&lt;b&gt;prix&lt;/b&gt; &quot;faux&quot;</td>');
    expect(html).not.toMatch(/<img|<b>/);
  });
  test('a printable sheet writes it as text, not a formula', () => {
    const cells = lettersToSheetRows([formula]).flat().map(sheetText);
    expect(cells).toContain('\'=HYPERLINK("http://x")');
    expect(cells.some((cell) => cell.startsWith('='))).toBe(false);
  });
  test('the .docx keeps it as text', async () => {
    const xml = await documentXml([script, formula]);
    expect(xml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(xml).not.toContain('<script>');
    expect(xml).toMatch(/=HYPERLINK\((&quot;|")http:\/\/x(&quot;|")\)/);
  });
});

async function documentXml(letters: Letter[]): Promise<string> {
  const zip = await JSZip.loadAsync(await lettersToDocx(letters, 'Relances'));
  return (await zip.file('word/document.xml')?.async('string')) ?? '';
}

test('the .docx holds one letter per page with each account’s name, total and invoice numbers', async () => {
  const letters = plan.actions.map((account) => buildLetter(account, options));
  const xml = await documentXml(letters);
  // Every letter is a section of its own, so it starts on a new page.
  expect(xml.match(/<w:sectPr>/g)).toHaveLength(letters.length);
  for (const letter of letters) {
    expect(xml).toContain(letter.customer.replace(/&/g, '&amp;').replace(/'/g, '&apos;').replace(/</g, '&lt;'));
    for (const number of letter.invoiceNumbers) expect(xml).toContain(number);
    const total = letter.blocks.flatMap((b) => (b.kind === 'table' ? b.table.totals : []))[0]?.[1] ?? '';
    expect(xml).toContain(total);
  }
});

test('a statement of account lists every open item', () => {
  const account = byCustomer('Association Les Amis du Rail');
  const letter = buildLetter(account, { ...options, kind: 'statement' });
  const table = letter.blocks.find((b) => b.kind === 'table');
  const rows = table?.kind === 'table' ? table.table.rows : [];
  expect(rows).toHaveLength(13);
  const headers = table?.kind === 'table' ? table.table.headers : [];
  // Partly paid invoices on the account: each line's full amount, what was paid and what is owed.
  expect(headers.slice(4)).toEqual(['Montant TTC', 'Déjà réglé', 'Reste dû', 'Statut']);
  expect(rows.filter((r) => r[7] === 'En litige')).toHaveLength(3);
  expect(rows.filter((r) => r[7] === 'Non échue')).toHaveLength(5);
  expect(rows.find((r) => r[0] === 'FA-2025-04181')?.slice(4, 7)).toEqual([`302,24${NBSP}€`, `228,47${NBSP}€`, `73,77${NBSP}€`]);
  expect(letter.subject).toBe('Relevé de compte au 28 novembre 2025');
});
