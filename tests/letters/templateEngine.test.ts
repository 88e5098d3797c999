// The letters render their templates themselves (src/letters/templates.ts) instead of
// Handlebars' compiler, which generates JavaScript with `new Function` and so cannot run under
// the pane's Content-Security-Policy. Node has no CSP: here Handlebars itself, compiled with the
// options the letters used before, is the oracle — every default template, and generated ones.
import fc from 'fast-check';
import Handlebars from 'handlebars';
import { DEFAULT_TEMPLATES, type LetterTemplate } from '../../src/letters/defaultTemplates';
import { compileTemplate, FLAGS, PLACEHOLDERS, type TemplateValues, validateTemplate } from '../../src/letters/templates';
import { AgeBucketError } from '../../src/primitives/messages';

const HANDLEBARS_OPTIONS = { noEscape: true, strict: true, knownHelpersOnly: true, knownHelpers: { if: true, unless: true } };
const oracle = (text: string, values: TemplateValues): string => Handlebars.compile(text, HANDLEBARS_OPTIONS)(values);
const ours = (text: string, values: TemplateValues): string => {
  const template: LetterTemplate = { stageId: 'first', language: 'en', subject: text, body: text };
  return compileTemplate(template).body(values);
};

const PLACEHOLDER_NAMES = Object.keys(PLACEHOLDERS);
const FLAG_NAMES = Object.keys(FLAGS);

function valuesWith(
  placeholder: (name: string, index: number) => string,
  flag: (name: string, index: number) => string | boolean,
) {
  const values: Record<string, string | boolean> = {};
  PLACEHOLDER_NAMES.forEach((name, index) => {
    values[name] = placeholder(name, index);
  });
  FLAG_NAMES.forEach((name, index) => {
    values[name] = flag(name, index);
  });
  return values as TemplateValues;
}

const VALUE_SETS: Record<string, TemplateValues> = {
  'every flag set': valuesWith(
    (name) => `‹${name}›`,
    () => true,
  ),
  'no flag set': valuesWith(
    (name) => `‹${name}›`,
    () => false,
  ),
  'flags alternate, some values empty': valuesWith(
    (name, index) => (index % 3 === 0 ? '' : `${name} & <b>"${index}"</b>`),
    (_, index) => index % 2 === 0,
  ),
  'flags as text, values that look like templates': valuesWith(
    (name, index) => (index % 2 === 0 ? `{{${name}}}` : `line one\nline two $& $1 ${index}`),
    (_, index) => (index % 3 === 0 ? '' : index % 3 === 1 ? 'yes' : 'false'),
  ),
};

describe('letter templates rendered without Handlebars’ compiler', () => {
  test.each(Object.entries(VALUE_SETS))('every default template, both languages, %s: as Handlebars renders it', (_, values) => {
    let compared = 0;
    for (const template of DEFAULT_TEMPLATES) {
      const compiled = compileTemplate(template);
      expect(compiled.subject(values)).toBe(oracle(template.subject, values));
      expect(compiled.body(values)).toBe(oracle(template.body, values));
      compared += 2;
    }
    // Both languages, every stage and the statement: not a vacuous loop.
    expect(new Set(DEFAULT_TEMPLATES.map((t) => t.language))).toEqual(new Set(['en', 'fr']));
    expect(compared).toBe(DEFAULT_TEMPLATES.length * 2);
    expect(compared).toBeGreaterThanOrEqual(20);
  });

  test('a default template’s flags change the letter (the comparison above sees both sides of each block)', () => {
    const withBlocks = DEFAULT_TEMPLATES.filter((t) => /\{\{[#^]/.test(t.body));
    expect(withBlocks.length).toBeGreaterThan(0);
    for (const template of withBlocks) {
      const compiled = compileTemplate(template);
      expect(compiled.body(VALUE_SETS['every flag set'] as TemplateValues)).not.toBe(
        compiled.body(VALUE_SETS['no flag set'] as TemplateValues),
      );
    }
  });

  test.each([
    ['else if chains', '{{#if claims_fee}}A{{else if has_credits}}B{{else unless is_consumer}}C{{else}}D{{/if}}'],
    ['an inverted block', '{{^if claims_fee}}no fee{{/if}}|{{^unless claims_fee}}fee{{/unless}}'],
    ['{{^}} as else', '{{#if claims_fee}}yes{{^}}no{{/if}}'],
    ['triple and ampersand mustaches', '{{{customer}}} {{& customer}} {{ customer }} {{[customer]}}'],
    ['an escaped mustache', '\\{{customer}} and {{customer}}'],
    ['comments', 'a{{! note }}b{{!-- {{customer}} --}}c'],
    ['whitespace control', 'Dear   {{~customer~}}  ,\n  {{~#if claims_fee~}}  fee  {{~else~}}  none {{~/if}}  end'],
    ['standalone block lines', 'Hello\n  {{#if claims_fee}}  \nFee line\n  {{else}}\nNo fee\n{{/if}}\nBye\n'],
    ['a standalone comment line', 'one\n  {{! a note }}\ntwo'],
    ['CRLF lines', 'one\r\n{{#if has_credits}}\r\ncredits\r\n{{/if}}\r\ntwo'],
    ['a placeholder used as a flag', '{{#if company_iban}}IBAN {{company_iban}}{{else}}no IBAN{{/if}}'],
  ])('%s: as Handlebars renders it', (_, text) => {
    for (const values of Object.values(VALUE_SETS)) expect(ours(text, values)).toBe(oracle(text, values));
  });

  test('values are inserted as they are (renderers escape for their format)', () => {
    const values = valuesWith(
      () => '<&>"\'',
      () => true,
    );
    expect(ours('{{customer}}', values)).toBe('<&>"\'');
  });

  test.each([
    ['{{customer a=1}}', 'customer a=1'],
    ['{{#if claims_fee includeZero=true}}x{{/if}}', '#if'],
    ['{{#if claims_fee as |x|}}x{{/if}}', '#if'],
    ['{{#if "claims_fee"}}x{{/if}}', '#if'],
    ['{{#if claims_fee has_credits}}x{{/if}}', '#if'],
    ['{{#each customer}}x{{/each}}', '#each'],
    ['{{> letterhead}}', 'PartialStatement'],
    ['{{this.customer}}', 'this.customer'],
    ['{{../customer}}', '../customer'],
    ['{{@root.customer}}', '@root.customer'],
    ['{{customer.length}}', 'customer.length'],
    ['{{#if this.claims_fee}}x{{/if}}', 'this.claims_fee'],
    ['{{^if vip}}x{{/if}}', 'vip'],
    ['{{claims_fee}}', 'claims_fee'],
  ])('%s is refused before any letter, naming %s', (text, name) => {
    const template: LetterTemplate = { stageId: 'first', language: 'en', subject: 'x', body: text };
    expect(() => validateTemplate(template)).toThrow(`unknown placeholder {{${name}}}`);
    expect(() => compileTemplate(template)).toThrow(AgeBucketError);
  });

  test('a value missing from the call is a defect, not a blank in the letter', () => {
    const values = { ...VALUE_SETS['every flag set'] } as Record<string, unknown>;
    delete values.customer;
    expect(() => ours('Dear {{customer}}', values as TemplateValues)).toThrow('No value for the placeholder {{customer}}');
  });

  test('a template is read once and rendered without generating code', () => {
    const template: LetterTemplate = {
      stageId: 'first',
      language: 'en',
      subject: '{{customer}}',
      body: '{{#if claims_fee}}x{{/if}}',
    };
    const compiled = compileTemplate(template);
    expect(compileTemplate(template)).toBe(compiled);
    // What the pane's Content-Security-Policy does to `new Function` and `eval`, done here by hand.
    // biome-ignore lint/security/noGlobalEval: saved to be put back, never called
    const saved = { Function: globalThis.Function, eval: globalThis.eval };
    const refuse = () => {
      throw new EvalError('code generation from strings refused');
    };
    globalThis.Function = new Proxy(saved.Function, { apply: refuse, construct: refuse });
    globalThis.eval = refuse as typeof eval;
    try {
      const fresh: LetterTemplate = { ...template, body: `${template.body}{{customer}}` };
      expect(compileTemplate(fresh).body(VALUE_SETS['every flag set'] as TemplateValues)).toBe('x‹customer›');
      // The guard itself works: Handlebars' compiler is refused under it.
      expect(() => oracle('{{customer}}', VALUE_SETS['every flag set'] as TemplateValues)).toThrow(EvalError);
    } finally {
      globalThis.Function = saved.Function;
      globalThis.eval = saved.eval;
    }
  });
});

// Generated templates: text, placeholders, nested if/unless/else, `~` whitespace control and
// blocks standing alone on their lines, written as a user would type them in the sheet.
type Tree =
  | { kind: 'text'; text: string }
  | { kind: 'value'; name: string; form: number; tildes: [boolean, boolean] }
  | { kind: 'comment'; text: string; tildes: [boolean, boolean] }
  | {
      kind: 'block';
      helper: 'if' | 'unless';
      flag: string;
      whenTrue: Tree[];
      whenFalse: Tree[] | null;
      tildes: boolean[];
      standalone: boolean;
      indent: string;
    };

const textArbitrary = fc
  .array(fc.constantFrom('a', 'Z', ' ', '  ', '\t', '\n', '\r\n', 'é', '€', '.', ':', '\u00A0', '—'), { maxLength: 8 })
  .map((parts) => parts.join(''));
const anyName = fc.constantFrom(...PLACEHOLDER_NAMES);
const anyFlag = fc.constantFrom(...FLAG_NAMES, 'company_iban', 'customer', 'broken_promise_date');
const tildePair = fc.tuple(fc.boolean(), fc.boolean());

const { tree } = fc.letrec<{ tree: Tree; forest: Tree[] }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    textArbitrary.map((text): Tree => ({ kind: 'text', text })),
    fc.record({ kind: fc.constant('value' as const), name: anyName, form: fc.integer({ min: 0, max: 3 }), tildes: tildePair }),
    fc.record({
      kind: fc.constant('comment' as const),
      text: fc.constantFrom(' note ', '-- {{customer}} --'),
      tildes: tildePair,
    }),
    fc.record({
      kind: fc.constant('block' as const),
      helper: fc.constantFrom('if' as const, 'unless' as const),
      flag: anyFlag,
      whenTrue: tie('forest'),
      whenFalse: fc.option(tie('forest'), { nil: null }),
      tildes: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
      standalone: fc.boolean(),
      indent: fc.constantFrom('', '  ', '\t'),
    }),
  ),
  forest: fc.array(tie('tree'), { maxLength: 5 }),
}));

function write(node: Tree): string {
  const open = (tilde: boolean | undefined) => (tilde ? '{{~' : '{{');
  const close = (tilde: boolean | undefined) => (tilde ? '~}}' : '}}');
  switch (node.kind) {
    case 'text':
      return node.text;
    case 'value': {
      const [before, after] = node.tildes;
      if (node.form === 1) return `${open(before)}{${node.name}}${close(after)}`;
      const inner = node.form === 2 ? `& ${node.name}` : node.form === 3 ? ` ${node.name} ` : node.name;
      return `${open(before)}${inner}${close(after)}`;
    }
    case 'comment': {
      return `${open(node.tildes[0])}!${node.text}${close(node.tildes[1])}`;
    }
    case 'block': {
      const t = node.tildes;
      // A block tag alone on its line (with indentation) is dropped with its line, as Handlebars does.
      const line = (tag: string) => (node.standalone ? `\n${node.indent}${tag}\n` : tag);
      const whenTrue = node.whenTrue.map(write).join('');
      const whenFalse =
        node.whenFalse === null ? '' : `${line(`${open(t[2])}else${close(t[3])}`)}${node.whenFalse.map(write).join('')}`;
      return `${line(`${open(t[0])}#${node.helper} ${node.flag}${close(t[1])}`)}${whenTrue}${whenFalse}${line(`${open(t[4])}/${node.helper}${close(t[5])}`)}`;
    }
  }
}

const valuesArbitrary = fc
  .tuple(
    fc.array(
      fc.oneof(
        fc.constantFrom('', ' ', 'ACME SARL', '1 234,56 €', 'line\nbreak', '{{customer}}', '$&'),
        fc.string({ maxLength: 6 }),
      ),
      {
        minLength: PLACEHOLDER_NAMES.length,
        maxLength: PLACEHOLDER_NAMES.length,
      },
    ),
    fc.array(fc.oneof(fc.boolean(), fc.constantFrom('', 'x', 'false', '0')), {
      minLength: FLAG_NAMES.length,
      maxLength: FLAG_NAMES.length,
    }),
  )
  .map(([texts, flags]) =>
    valuesWith(
      (_, index) => texts[index] ?? '',
      (_, index) => flags[index] ?? false,
    ),
  );

describe('generated templates', () => {
  test('render as Handlebars renders them (content, placeholders, nested if/unless/else, ~, standalone lines)', () => {
    let blocks = 0;
    fc.assert(
      fc.property(fc.array(tree, { minLength: 1, maxLength: 5 }), valuesArbitrary, (forest, values) => {
        const text = forest.map(write).join('');
        if (text.includes('{{#')) blocks++;
        expect(ours(text, values)).toBe(oracle(text, values));
      }),
      { numRuns: 1500 },
    );
    expect(blocks).toBeGreaterThan(300);
  });

  test('any text a user may type: either refused with the template’s error, or rendered as Handlebars renders it', () => {
    const token = fc.constantFrom(
      '{{',
      '}}',
      '{{{',
      '}}}',
      '~',
      '{',
      '}',
      '\\',
      '#if ',
      '#unless ',
      '/if',
      '/unless',
      'else',
      '^',
      '!',
      '--',
      '{{customer}}',
      '{{#if claims_fee}}',
      '{{#unless has_credits}}',
      '{{else}}',
      '{{/if}}',
      '{{/unless}}',
      'customer',
      'claims_fee',
      ' ',
      '\n',
      'x',
    );
    let rendered = 0;
    fc.assert(
      fc.property(fc.array(token, { maxLength: 14 }), valuesArbitrary, (tokens, values) => {
        const text = tokens.join('');
        let ourText: string;
        try {
          ourText = ours(text, values);
        } catch (error) {
          // Refused: a syntax error or a name that is not a placeholder, said in the user's words.
          expect(error).toBeInstanceOf(AgeBucketError);
          return;
        }
        rendered++;
        expect(ourText).toBe(oracle(text, values));
      }),
      { numRuns: 3000 },
    );
    expect(rendered).toBeGreaterThan(300);
  });
});
