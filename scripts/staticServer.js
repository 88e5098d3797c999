// A small static file server for dist/addin: used by `npm start` and by the browser tests.
// Requests for office.js on Microsoft's CDN can be answered from the @microsoft/office-js
// package, so the pane loads offline exactly as it does in Office.
const { createReadStream, existsSync, statSync } = require('node:fs');
const http = require('node:http');
const https = require('node:https');
const { extname, join, normalize, resolve } = require('node:path');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.map': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

function handler(root) {
  const base = resolve(root);
  return (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const file = normalize(join(base, path === '/' ? 'taskpane.html' : path));
    if (!file.startsWith(base) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
      return;
    }
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      // Excel loads functions.json and the pane from this origin.
      'access-control-allow-origin': '*',
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(response);
  };
}

/** Serves `root` on `port` (0: any free port); https when given a key and certificate. */
function serve(root, port, tls) {
  const server = tls ? https.createServer(tls, handler(root)) : http.createServer(handler(root));
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolvePromise(server));
  });
}

/** Where the CDN's office.js files are in the npm package. */
const OFFICE_JS_DIST = join(__dirname, '..', 'node_modules', '@microsoft', 'office-js', 'dist');

module.exports = { serve, OFFICE_JS_DIST };
