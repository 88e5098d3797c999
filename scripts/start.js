// `npm start`: serves the built add-in (dist/addin) and says how to use it. Excel needs the
// add-in over https on localhost; the development certificates come from
// office-addin-dev-certs. Installing their authority needs admin rights, which a build machine
// may not have: then the certificates are still made and used, and this says what is missing.
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
  try {
    return { ...(await devCerts.getHttpsServerOptions()), trusted: true };
  } catch (error) {
    // Typically: the authority could not be installed (no sudo). Make the files anyway.
    if (!existsSync(paths.cert) || !existsSync(paths.key))
      await devCerts.generateCertificates(paths.ca, paths.cert, paths.key, 30);
    return {
      cert: readFileSync(paths.cert),
      key: readFileSync(paths.key),
      trusted: false,
      reason: error instanceof Error ? error.message.split('\n')[0] : String(error),
    };
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
      : `Add-in served at https://localhost:${HTTPS_PORT}/ with development certificates that are NOT trusted yet (${tls.reason}).\n  To trust them, run once as an administrator: npx office-addin-dev-certs install`;
  } catch (error) {
    httpsLine = `Could not serve https on port ${HTTPS_PORT} (${error instanceof Error ? error.message : error}); Excel needs it, Preview does not.`;
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

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
