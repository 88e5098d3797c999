// manifest.xml as Office's own tooling reads it (office-addin-manifest, the reader behind
// `npm run validate` and Microsoft's sideloading tools): what the design asks of it.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ManifestInfo } from 'office-addin-manifest';

const ROOT = join(__dirname, '..', '..');

/**
 * The package loads an ES module that Jest's module loader cannot require, while Node itself
 * can: it reads the manifest in a child Node process.
 */
function readManifest(path: string): ManifestInfo {
  const script = `require('office-addin-manifest').OfficeAddinManifest.readManifestFile(process.argv[1])
    .then((info) => process.stdout.write(JSON.stringify(info)), (error) => { console.error(error); process.exit(1); });`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script, path], { cwd: ROOT, encoding: 'utf8' })) as ManifestInfo;
}

describe('manifest.xml read by office-addin-manifest', () => {
  const info = readManifest(join(ROOT, 'manifest.xml'));

  test('a task-pane add-in for Excel workbooks', () => {
    expect(info.manifestType).toBe('xml');
    expect(info.officeAppType).toBe('TaskPaneApp');
    expect(info.hosts).toEqual(['Workbook']);
    expect(info.displayName).toBe('AgeBucket');
  });
  test('reads and writes the document only, and reaches no other domain', () => {
    expect(info.permissions).toBe('ReadWriteDocument');
    expect(info.appDomains).toEqual([]);
  });
  test('every address is on the development server, which the build rewrites for production', () => {
    const urls = [info.iconUrl, info.highResolutionIconUrl, info.supportUrl, info.defaultSettings?.sourceLocation];
    expect(urls.every((url) => url?.startsWith('https://localhost:3000/'))).toBe(true);
    expect(info.defaultSettings?.sourceLocation).toBe('https://localhost:3000/taskpane.html');
  });
  test('an add-in id Office accepts, and the version of package.json', () => {
    expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(info.version).toBe(`${version}.0`);
  });
});
