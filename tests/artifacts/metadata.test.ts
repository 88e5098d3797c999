// The registration files users' Excel reads: the generated English metadata, the hand-written
// French one, and the manifest that points to both.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DIST } from './harness';

interface Parameter {
  name: string;
  description: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description: string;
  parameters: Parameter[];
  result: unknown;
}
const read = (file: string) => JSON.parse(readFileSync(join(DIST, 'addin', file), 'utf8')).functions as FunctionMetadata[];
const english = read('functions.json');
const french = read('functions-fr.json');

test('both metadata files list the same ids with the same parameters', () => {
  expect(french.map((f) => f.id)).toEqual(english.map((f) => f.id));
  for (const [en, fr] of english.map((f, i) => [f, french[i] as FunctionMetadata] as const)) {
    const shape = (p: Parameter) => ({ type: p.type, dimensionality: p.dimensionality, optional: p.optional });
    expect(fr.parameters.map(shape)).toEqual(en.parameters.map(shape));
    expect(fr.result).toEqual(en.result);
  }
});

test('French names: at least 3 letters, not a cell reference, not a French Excel built-in', () => {
  // Names of French Excel built-ins near ours, which a clash would shadow.
  const builtIns = ['JOURS', 'DATE', 'TAUX', 'INTERET', 'ECHEANCE', 'NB.JOURS.OUVRES', 'FIN.MOIS', 'MOIS.DECALER', 'PROBABILITE'];
  for (const f of french) {
    expect(f.name).toMatch(/^[A-Z][A-Z.]{2,}$/);
    expect(f.name).not.toMatch(/^[A-Z]{1,3}\d+$/);
    expect(builtIns).not.toContain(f.name);
    expect(f.description).not.toBe(english.find((e) => e.id === f.id)?.description);
  }
  expect(french.map((f) => f.name)).toEqual([
    'TRANCHEAGE',
    'JOURSRETARD',
    'BALANCEAGEE',
    'DATEECHEANCE',
    'NIVEAURELANCE',
    'INTERETSRETARD',
    'INDEMNITERECOUVREMENT',
    'TAUXPENALITES',
    'PROBARECOUVREMENT',
    'DATEPAIEMENTPREVUE',
  ]);
});

describe('manifest.xml, checked offline', () => {
  const xml = readFileSync(join(DIST, 'addin', 'manifest.xml'), 'utf8');
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
  const app = parsed.OfficeApp;
  const host = app.VersionOverrides.Hosts.Host;
  const resources = app.VersionOverrides.Resources;
  const urls = [resources['bt:Urls']['bt:Url']].flat() as Array<{
    id: string;
    DefaultValue: string;
    'bt:Override'?: { Locale: string; Value: string };
  }>;
  const ids = new Set([
    ...urls.map((u) => u.id),
    ...[resources['bt:Images']['bt:Image']].flat().map((i: { id: string }) => i.id),
    ...[resources['bt:ShortStrings']['bt:String']].flat().map((s: { id: string }) => s.id),
    ...[resources['bt:LongStrings']['bt:String']].flat().map((s: { id: string }) => s.id),
  ]);

  test('is well-formed', () => expect(XMLValidator.validate(xml)).toBe(true));
  test('asks for ReadWriteDocument and names no external domain', () => {
    expect(app.Permissions).toBe('ReadWriteDocument');
    expect(app.AppDomains).toBeUndefined();
    const hosts = new Set(
      [...xml.matchAll(/https?:\/\/([^/"]+)/g)]
        .map((m) => m[1])
        .filter((h) => !h?.startsWith('schemas.microsoft.com') && h !== 'www.w3.org'),
    );
    expect([...hosts]).toEqual(['localhost:3000']);
  });
  test('shared runtime: the requirement, Runtimes first, one resid for runtime, page and function file', () => {
    expect(app.Requirements.Sets.Set).toMatchObject({ Name: 'SharedRuntime', MinVersion: '1.1' });
    expect(Object.keys(host)[0]).toBe('Runtimes');
    const runtime = host.Runtimes.Runtime;
    expect(runtime.lifetime).toBe('long');
    const functions = host.AllFormFactors.ExtensionPoint;
    expect(functions['xsi:type']).toBe('CustomFunctions');
    expect(functions.Page.SourceLocation.resid).toBe(runtime.resid);
    expect(host.DesktopFormFactor.FunctionFile.resid).toBe(runtime.resid);
  });
  test('every resid it uses is defined', () => {
    const used = [...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
    expect(used.filter((id) => !ids.has(id as string))).toEqual([]);
  });
  test('namespace AR, the French metadata for fr-fr, and URLs that match the build', () => {
    const strings = [resources['bt:ShortStrings']['bt:String']].flat() as Array<{ id: string; DefaultValue: string }>;
    expect(strings.find((s) => s.id === 'Functions.Namespace')?.DefaultValue).toBe('AR');
    const metadata = urls.find((u) => u.id === 'Functions.Metadata.Url');
    expect(metadata?.['bt:Override']).toEqual({ Locale: 'fr-fr', Value: 'https://localhost:3000/functions-fr.json' });
    for (const url of urls) {
      const file = url.DefaultValue.replace('https://localhost:3000/', '');
      expect(() => readFileSync(join(DIST, 'addin', file))).not.toThrow();
    }
  });
});

test('the build check fails when the metadata generator wrote nothing', () => {
  const copy = mkdtempSync(join(tmpdir(), 'agebucket-dist-'));
  try {
    cpSync(DIST, copy, { recursive: true });
    rmSync(join(copy, 'addin', 'functions.json'));
    const run = () => execFileSync('node', [join(__dirname, '..', '..', 'scripts', 'check-build.js'), copy], { stdio: 'pipe' });
    expect(run).toThrow(/dist\/addin\/functions.json was not written/);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});
