// The static server for dist/addin: used by `npm start` and by the browser tests. Files are
// served by sirv (a maintained static server, which keeps every request inside its folder and
// answers a malformed escape with a 404); this only adds what Excel needs from the origin.
const http = require('node:http');
const https = require('node:https');
const { extname, join } = require('node:path');
const sirv = require('sirv');

// The bundles hold French text: text types say how they are encoded (sirv's types do not).
const TEXT_TYPES = {
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

function handler(root) {
  // dev: look each file up on disk at each request (a rebuild while serving is seen at once),
  // with `Cache-Control: no-store`, so a browser never keeps a previous build.
  const files = sirv(root, {
    dev: true,
    extensions: [],
    setHeaders: (response, pathname) => {
      // Excel loads functions.json and the pane from this origin.
      response.setHeader('Access-Control-Allow-Origin', '*');
      const type = TEXT_TYPES[extname(pathname)];
      if (type) response.setHeader('Content-Type', type);
    },
  });
  return (request, response) => {
    if (request.url === '/' || request.url?.startsWith('/?')) {
      response.writeHead(302, { location: '/taskpane.html' });
      response.end();
      return;
    }
    files(request, response, () => {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('not found');
    });
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
