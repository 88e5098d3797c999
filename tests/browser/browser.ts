// Chromium from Debian, driven by playwright-core, on the built pane. CI must have Chromium
// (the tests fail there without it); on a laptop without it they are skipped, loudly.
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { CHROMIUM, launchChromium } from '../../scripts/chromium';
import { SAMPLE_AS_OF } from '../../src/commands/sample';
import { requireFreshBuild } from '../freshBuild';

requireFreshBuild();

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { serve, OFFICE_JS_DIST } = require('../../scripts/staticServer.js') as {
  serve: (root: string, port: number) => Promise<Server>;
  OFFICE_JS_DIST: string;
};

export { CHROMIUM };
export const SCREENSHOTS = join(__dirname, '..', '..', 'artifacts', 'screenshots');

export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI) throw new Error(`Chromium is not at ${CHROMIUM}: CI must install it (apt-get install -y chromium).`);
  console.warn(
    `\n*** Browser tests SKIPPED: Chromium is not at ${CHROMIUM}. Install it with "sudo apt-get install -y chromium" (Debian/Ubuntu) or set CHROMIUM_PATH. ***\n`,
  );
  return false;
}

/** LibreOffice and poppler, to read the letters .docx as a word processor does. */
export const SOFFICE = process.env.SOFFICE_PATH ?? '/usr/bin/soffice';
export const PDFTOTEXT = process.env.PDFTOTEXT_PATH ?? '/usr/bin/pdftotext';

export function missingWordProcessorTools(): string[] {
  return [SOFFICE, PDFTOTEXT].filter((path) => !existsSync(path));
}

/**
 * Whether the .docx can be checked in LibreOffice. Missing tools fail CI (the check then runs
 * and says what to install); on a laptop the check is reported as skipped, never as passed.
 */
export function wordProcessorAvailable(): boolean {
  const missing = missingWordProcessorTools();
  if (missing.length === 0) return true;
  if (!process.env.CI)
    console.warn(
      `\n*** .docx check in LibreOffice SKIPPED: ${missing.join(' and ')} not found. Install them with "sudo apt-get install -y libreoffice-writer-nogui poppler-utils" or set SOFFICE_PATH and PDFTOTEXT_PATH. ***\n`,
    );
  return false;
}

/** Reports each `securitypolicyviolation` event of a page as a console error. */
export const CSP_REPORTER = `document.addEventListener('securitypolicyviolation', (event) => {
  console.error('CSP violation: ' + event.effectiveDirective + ' refused ' + (event.blockedURI || 'inline') +
    ' at ' + (event.sourceFile || document.URL) + ':' + event.lineNumber);
});`;

/**
 * office.js (o15apptofilemappingtable.js) opens a hidden logging frame on Microsoft's telemetry
 * service, `style="display:none"` set as an attribute. The pane's policy allows scripts from
 * office.js's origin only, so both are refused, on purpose (README, "Reliability"); office.js
 * keeps its log lines in memory instead. Exactly these two refusals are set apart; any other is
 * a problem.
 */
export const OFFICE_TELEMETRY_FRAME = 'https://telemetryservice.firstpartyapps.oaspapps.com/';
const OFFICE_JS_FILES = 'https://appsforoffice.microsoft.com/lib/1/hosted/';

export function isOfficeTelemetryRefusal(text: string, url: string): boolean {
  if (text.startsWith('CSP violation: '))
    return (
      text.startsWith(`CSP violation: frame-src refused ${OFFICE_TELEMETRY_FRAME.replace(/\/$/, '')}`) ||
      text.startsWith(`CSP violation: style-src-attr refused inline at ${OFFICE_JS_FILES}`)
    );
  // Chromium's own messages for the same two refusals.
  return (
    text.startsWith(`Framing '${OFFICE_TELEMETRY_FRAME}' violates the following Content Security Policy directive`) ||
    (text.startsWith('Applying inline style violates the following Content Security Policy directive') &&
      url.startsWith(OFFICE_JS_FILES))
  );
}

export interface Session {
  context: BrowserContext;
  page: Page;
  server: Server;
  url: string;
  problems: string[];
  /** office.js's telemetry frame, refused by the pane's policy on purpose (not a problem). */
  refused: string[];
}

export interface OpenOptions {
  /** The page under `dist/<root>/`. */
  readonly path?: string;
  readonly root?: string;
  readonly initScript?: string;
  readonly offline?: boolean;
  /** Preview's today (`?today=`); null for none, Preview then takes the page's clock. */
  readonly today?: string | null;
  /** The page's clock at load (Playwright's, which the test may move on); the machine's when absent. */
  readonly clock?: Date;
  /** The browser window; the pane's own width when the page is the pane alone. */
  readonly viewport?: { readonly width: number; readonly height: number };
}

export async function openPane(path = 'taskpane.html', options: Omit<OpenOptions, 'path'> = {}): Promise<Session> {
  const server = await serve(join(__dirname, '..', '..', 'dist', options.root ?? 'addin'), 0);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  // A fresh profile each time.
  const context = await launchChromium(mkdtempSync(join(tmpdir(), 'agebucket-chromium-')), options.viewport);
  // office.js comes from Microsoft's CDN in Office; here from the npm package, offline.
  await context.route('https://appsforoffice.microsoft.com/**', async (route) => {
    if (options.offline) return route.abort();
    const file = join(OFFICE_JS_DIST, new URL(route.request().url()).pathname.replace(/^\/lib\/1\/hosted\//, ''));
    if (existsSync(file)) await route.fulfill({ body: readFileSync(file), contentType: 'text/javascript' });
    else await route.fulfill({ status: 404, body: '' });
  });
  // Every Content-Security-Policy violation (the pane's policy, or the letter preview frame's,
  // which inherits it) is a console error, so each suite's "no console error" check sees it.
  await context.addInitScript(CSP_REPORTER);
  if (options.initScript) await context.addInitScript(options.initScript);
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  const refused: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    if (isOfficeTelemetryRefusal(text, message.location().url)) refused.push(text);
    else problems.push(`console error: ${text}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  // Preview moves the sample's dates so that it is as of its today: the tests open it on the
  // sample's own date unless they name another day.
  const today = (options.root ?? 'addin') === 'addin' && options.today !== null ? `?today=${options.today ?? SAMPLE_AS_OF}` : '';
  if (options.clock) await context.clock.install({ time: options.clock });
  const url = `http://127.0.0.1:${port}/${path}${today}`;
  await page.goto(url);
  return { context, page, server, url, problems, refused };
}

/** What a test waits for before it starts: by default, the pane has found the ledger. */
export type Ready = (page: Page) => Promise<unknown>;

export const ledgerFound: Ready = (page) => page.waitForSelector('#mapping summary');

/** For the tests of what the pane shows before (or instead of) finding a ledger. */
export const pageLoaded: Ready = async () => undefined;

/** Opens the pane, waits until it is `ready`, hands it to `use`, and closes it whatever happens. */
export async function withPane<T>(
  options: OpenOptions & { readonly ready?: Ready },
  use: (session: Session) => Promise<T>,
): Promise<T> {
  const session = await openPane(options.path, options);
  try {
    await (options.ready ?? ledgerFound)(session.page);
    return await use(session);
  } finally {
    await closePane(session);
  }
}

type SuiteOptions = OpenOptions & { readonly ready?: Ready };
type SuiteTests = (pane: () => Session) => void;

/**
 * A suite of tests over one pane: opened and made `ready` before the first test, closed after
 * the last; each test gets it from `pane()`. Without Chromium the suite is skipped, loudly.
 */
export function describePane(title: string, tests: SuiteTests): void;
export function describePane(title: string, options: SuiteOptions, tests: SuiteTests): void;
export function describePane(title: string, ...rest: [SuiteTests] | [SuiteOptions, SuiteTests]): void {
  const [options, tests] = rest.length === 1 ? [{}, rest[0]] : rest;
  (chromiumAvailable() ? describe : describe.skip)(title, () => {
    let session: Session | null = null;
    beforeAll(async () => {
      const opened = await openPane(options.path, options);
      try {
        await (options.ready ?? ledgerFound)(opened.page);
      } catch (error) {
        await closePane(opened);
        throw error;
      }
      session = opened;
    }, 90_000);
    afterAll(async () => {
      if (session) await closePane(session);
    });
    tests(() => {
      if (!session) throw new Error('the pane did not open (see the error of beforeAll)');
      return session;
    });
  });
}

export async function closePane(session: Session): Promise<void> {
  await session.context.close();
  await new Promise((resolve) => session.server.close(resolve));
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/**
 * Switches the pane's language and waits until the pane speaks it: the page's `lang` is set by an
 * effect, after the pane has re-rendered in the new language. A field filled before then is
 * re-rendered under the user's typing (its value written the new language's way) and the typed
 * text is lost, which a person cannot do but a test can.
 */
export async function chooseLanguage(page: Page, language: 'en' | 'fr'): Promise<void> {
  await page.selectOption('#language', language);
  await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
}
