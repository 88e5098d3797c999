// The pane's Content-Security-Policy as built (dist/addin/taskpane.html), read as a browser reads
// it, and the bundles the page loads: no code made from strings on the way to a letter.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
// The harness refuses a stale build before anything here reads dist/.
import { DIST } from './harness';

const OFFICE_JS_ORIGIN = 'https://appsforoffice.microsoft.com';
const html = readFileSync(join(DIST, 'addin', 'taskpane.html'), 'utf8');
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The page's elements in order, with their attributes and (for script and style) their text. */
function elements(page: string): Array<{ tag: string; attributes: string; text: string }> {
  const found: Array<{ tag: string; attributes: string; text: string }> = [];
  for (const match of page.matchAll(/<(script|style)\b([^>]*)>([\s\S]*?)<\/\1>|<(meta|link|base)\b([^>]*)>/gi)) {
    found.push({
      tag: (match[1] ?? match[4] ?? '').toLowerCase(),
      attributes: match[2] ?? match[5] ?? '',
      text: match[3] ?? '',
    });
  }
  return found;
}

function attribute(attributes: string, name: string): string | null {
  const match = new RegExp(`\\b${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(attributes);
  return match ? (match[1] ?? match[2] ?? match[3] ?? '') : null;
}

const page = elements(html);
const metaIndex = page.findIndex(
  (element) => element.tag === 'meta' && attribute(element.attributes, 'http-equiv')?.toLowerCase() === 'content-security-policy',
);
const policy = new Map(
  (metaIndex >= 0 ? (attribute(page[metaIndex]?.attributes ?? '', 'content') ?? '') : '')
    .split(';')
    .map((directive) => directive.trim().split(/\s+/))
    .filter((words) => words[0])
    .map(([name, ...sources]) => [name?.toLowerCase() ?? '', sources] as const),
);

describe('the pane’s Content-Security-Policy (dist/addin/taskpane.html)', () => {
  test('is a meta element placed before every script, style and link, so that it governs them all', () => {
    expect(metaIndex).toBeGreaterThanOrEqual(0);
    const firstGoverned = page.findIndex((element) => ['script', 'style', 'link', 'base'].includes(element.tag));
    expect(firstGoverned).toBeGreaterThan(metaIndex);
    // Several policies would all apply; one keeps what is allowed in one place.
    expect(page.filter((element) => /content-security-policy/i.test(element.attributes))).toHaveLength(1);
  });

  test('denies by default and names only directives a meta element can carry', () => {
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect([...policy.keys()].sort()).toEqual(['base-uri', 'default-src', 'form-action', 'script-src', 'style-src']);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
  });

  test('scripts: the add-in’s origin, office.js’s, and the page’s own inline script by its hash; no eval, no inline', () => {
    const inline = page.filter((element) => element.tag === 'script' && attribute(element.attributes, 'src') === null);
    const external = page.filter((element) => element.tag === 'script' && attribute(element.attributes, 'src') !== null);
    expect(inline.length).toBeGreaterThan(0);
    expect(policy.get('script-src')).toEqual(["'self'", OFFICE_JS_ORIGIN, ...inline.map((element) => sha256(element.text))]);
    // Each script the page loads comes from its own origin (a relative URL) or office.js's.
    for (const script of external) {
      const src = attribute(script.attributes, 'src') ?? '';
      expect([src, /^https?:/.test(src) ? new URL(src).origin === OFFICE_JS_ORIGIN : !src.startsWith('//')]).toEqual([src, true]);
    }
    // No handler attributes (onload=…), which no hash can allow.
    expect(html).not.toMatch(/<[^>]+\son[a-z]+=/i);
  });

  test('styles: the add-in’s origin, the page’s <style> and the letter preview’s, by their hashes', () => {
    const styles = page.filter((element) => element.tag === 'style').map((element) => sha256(element.text));
    const letterPreview = sha256(readFileSync(join(__dirname, '..', '..', 'src', 'pane', 'letterPreview.css'), 'utf8'));
    expect(policy.get('style-src')).toEqual(["'self'", ...styles, letterPreview]);
  });

  test('nothing anywhere allows eval, inline code, wildcards or other schemes', () => {
    for (const [name, sources] of policy) {
      for (const source of sources) {
        expect([name, source]).not.toEqual([
          name,
          expect.stringMatching(/unsafe-|strict-dynamic|\*|^(https?|data|blob|filesystem):?$/),
        ]);
      }
    }
  });
});

describe('the bundles make no code from strings on the way to a letter', () => {
  const bundles = [
    ...readdirSync(join(DIST, 'addin'))
      .filter((name) => name.endsWith('.js'))
      .map((name) => ({ name, text: readFileSync(join(DIST, 'addin', name), 'utf8') })),
    { name: 'Sidebar.html', text: readFileSync(join(DIST, 'gas', 'Sidebar.html'), 'utf8') },
  ];

  test('Handlebars’ compiler is not bundled (the letters use its parser and render the templates themselves)', () => {
    expect(bundles.map((bundle) => bundle.name)).toEqual(expect.arrayContaining(['taskpane.js', 'functions.js', 'Sidebar.html']));
    for (const { name, text } of bundles) {
      // Messages of Handlebars' JavaScript compiler and of its runtime's template checks.
      expect([name, text.includes('knownHelpersOnly')]).toEqual([name, false]);
      expect([name, text.includes('Template was precompiled with')]).toEqual([name, false]);
      expect([name, /\bFunction\.apply\(/.test(text)]).toEqual([name, false]);
    }
    // The parser is there: the letters read their templates with it.
    expect(bundles.find((bundle) => bundle.name === 'taskpane.js')?.text).toContain('Parse error on line');
  });

  test('every other `new Function` is a library fallback that modern browsers never reach', () => {
    // webpack's global object (after `globalThis`), and setImmediate's polyfill in ExcelJS (for a
    // string argument, which nothing passes): the browser test runs the pane with the policy and
    // sees no violation.
    const KNOWN = [
      /"object"==typeof globalThis\)return globalThis;try\{return this\|\|new Function\("return this"\)\(\)/,
      /"function"!=typeof \w+&&\(\w+=new Function\(""\+\w+\)\)/,
    ];
    for (const { name, text } of bundles) {
      let rest = text;
      for (const known of KNOWN) rest = rest.split(known).join('');
      expect([name, rest.match(/.{0,60}(\bnew Function\b|\beval\().{0,60}/g)]).toEqual([name, null]);
    }
  });
});
