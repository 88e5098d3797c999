// Debian's Chromium as the browser tests and the pane's benchmark drive it, through
// playwright-core: one executable, one set of flags, one window, so that what the tests check
// is what the benchmark measures.
import { type BrowserContext, chromium } from 'playwright-core';

/** CHROMIUM_PATH: another Chromium or Chrome executable. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// No sandbox (Chromium's cannot start as root or without user namespaces, as in CI containers), no GPU, and none of the browser's own traffic
// (updates, sync, first-run pages) to disturb a test or a timing. playwright adds --headless and
// --user-data-dir itself.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Chromium on a fresh `profile` folder: a 1400 × 900 window unless `viewport` says otherwise, British English. */
export function launchChromium(
  profile: string,
  viewport: { readonly width: number; readonly height: number } = { width: 1400, height: 900 },
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    timeout: 60_000,
    args: CHROMIUM_ARGS,
    viewport,
    acceptDownloads: true,
    locale: 'en-GB',
  });
}
