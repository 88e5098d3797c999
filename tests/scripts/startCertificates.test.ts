// `npm start` on a machine without sudo (this one, CI, many a laptop): it makes the development
// certificates in the user's folder and uses them, never tries to install their authority (that
// needs administrator rights: the README's own `npx office-addin-dev-certs install` step), and
// prints nothing alarming. Run in a child process with a fresh home folder and no sudo on PATH.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const home = mkdtempSync(join(tmpdir(), 'agebucket-start-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

function certificates() {
  const script = `require(${JSON.stringify(join(ROOT, 'scripts', 'start.js'))}).certificates().then(
    (tls) => process.stdout.write(JSON.stringify({ trusted: tls.trusted, cert: String(tls.cert).slice(0, 27), key: tls.key.length > 0 })),
    (error) => { process.stdout.write('failed: ' + error.message); process.exitCode = 1; })`;
  // Only node's own folder and the system's: whatever sudo the machine has is out of reach.
  const path = [dirname(process.execPath), '/bin'].join(':');
  return spawnSync(process.execPath, ['-e', script], {
    cwd: ROOT,
    env: { HOME: home, USERPROFILE: home, PATH: path },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

test('the certificates are made without sudo, used untrusted, and nothing is printed', () => {
  const first = certificates();
  expect([first.status, first.stderr]).toEqual([0, '']);
  expect(JSON.parse(first.stdout)).toEqual({ trusted: false, cert: '-----BEGIN CERTIFICATE-----', key: true });
  const folder = join(home, '.office-addin-dev-certs');
  for (const file of ['ca.crt', 'localhost.crt', 'localhost.key']) expect(existsSync(join(folder, file))).toBe(true);
  // Started again, it uses the same certificate instead of making another.
  const made = readFileSync(join(folder, 'localhost.crt'), 'utf8');
  const second = certificates();
  expect([second.status, second.stderr, second.stdout]).toEqual([0, '', first.stdout]);
  expect(readFileSync(join(folder, 'localhost.crt'), 'utf8')).toBe(made);
}, 120_000);

test('npm start asks for no sudo and leaves the install to the README’s step', () => {
  const start = readFileSync(join(ROOT, 'scripts', 'start.js'), 'utf8');
  expect(start).toContain('npx office-addin-dev-certs install');
  expect(start).not.toMatch(/getHttpsServerOptions|installCaCertificate|ensureCertificatesAreInstalled/);
});
