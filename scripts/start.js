// `npm start`: serves the built add-in (dist/addin) and says how to use it. Excel needs the
// add-in over https on localhost; the development certificates come from
// office-addin-dev-certs. Trusting their authority needs admin rights (sudo), so it is the
// README's own step, never run from here: the certificates are made and used, Preview is plain
// http, and this says whether Excel will trust them yet.
const { existsSync, readFileSync } = require('node:fs');
const { homedir } = require('node:os');
const { join } = require('node:path');
const { serve } = require('./staticServer');

const root = join(__dirname, '..', 'dist', 'addin');
const HTTPS_PORT = 3000;
const HTTP_PORT = 3001;

async function certificates() {
  const devCerts = require('office-addin-dev-certs');
  const folder = join(homedir(), '.office-addin-dev-certs');
  const paths = { ca: join(folder, 'ca.crt'), cert: join(folder, 'localhost.crt'), key: join(folder, 'localhost.key') };
  // Never install anything here: trusting the authority needs administrator rights (sudo on
  // Linux), which is the README's separate step `npx office-addin-dev-certs install`. Making the
  // certificate files needs none, and Preview needs no certificate at all (plain http).
  if (!existsSync(paths.cert) || !existsSync(paths.key)) {
    if (existsSync(paths.ca)) throw new Error(`${folder} holds an authority without its localhost certificate`);
    await quietly(() => devCerts.generateCertificates(paths.ca, paths.cert, paths.key, 30));
  }
  return { cert: readFileSync(paths.cert), key: readFileSync(paths.key), trusted: authorityTrusted(devCerts) };
}

/** Whether the development authority is installed: a read-only check, its output kept to itself. */
function authorityTrusted(devCerts) {
  try {
    return devCerts.getCaCertificateStatus().status === 'installed';
  } catch {
    return false;
  }
}

/** Runs `make` with console.log silenced: the library announces the files it writes. */
async function quietly(make) {
  const log = console.log;
  console.log = () => {};
  try {
    await make();
  } finally {
    console.log = log;
  }
}

async function main() {
  if (!existsSync(join(root, 'taskpane.html'))) throw new Error('dist/addin is missing: run npm run build');
  let httpsLine;
  try {
    const tls = await certificates();
    await serve(root, HTTPS_PORT, { cert: tls.cert, key: tls.key });
    httpsLine = tls.trusted
      ? `Add-in served at https://localhost:${HTTPS_PORT}/ (development certificate trusted).`
      : `Add-in served at https://localhost:${HTTPS_PORT}/ with development certificates your system does not trust yet.\n  Excel needs them trusted: run once npx office-addin-dev-certs install (it asks for administrator rights). Preview does not.`;
  } catch (error) {
    httpsLine = `No https on port ${HTTPS_PORT} (${error instanceof Error ? error.message : error}); Excel needs it, Preview does not.`;
  }
  await serve(root, HTTP_PORT);
  console.log(`
AgeBucket is running.

  ${httpsLine}

  Preview (the pane in any browser, on a sample ledger): http://localhost:${HTTP_PORT}/taskpane.html

  Excel on the web: Insert > Add-ins > Upload My Add-in > dist/addin/manifest.xml
  Excel for Windows or Mac: npx office-addin-debugging start dist/addin/manifest.xml
    (more in README.md, "Installing in Excel")
  Google Sheets: paste dist/gas/Code.js into the spreadsheet’s Apps Script project
    (README.md, "Installing it on a spreadsheet")

Stop with Ctrl+C.`);
}

if (require.main === module)
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });

module.exports = { certificates };
