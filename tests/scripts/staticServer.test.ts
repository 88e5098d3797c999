// The server behind `npm start` and the browser tests keeps every request inside the folder it
// serves, and survives requests a browser would never send.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http, { type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { serve } = require('../../scripts/staticServer.js') as {
  serve: (root: string, port: number) => Promise<Server>;
};

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A request with its path sent exactly as written (fetch and URL would normalise `..`). */
function get(port: number, path: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, path, method: 'GET' }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => {
        body += chunk;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

let folder: string;
let server: Server;
let port: number;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'agebucket-serve-'));
  // A sibling whose name starts with the served folder's name: a prefix check lets it through.
  const root = join(folder, 'addin');
  mkdirSync(root);
  mkdirSync(join(folder, 'addin-private'));
  mkdirSync(join(folder, 'sibling'));
  writeFileSync(join(root, 'taskpane.html'), '<p>pane</p>');
  writeFileSync(join(root, 'functions.js'), 'const label = "Non échu";');
  writeFileSync(join(folder, 'addin-private', 'secret.txt'), 'SECRET-PREFIX');
  writeFileSync(join(folder, 'sibling', 'secret.txt'), 'SECRET-SIBLING');
  server = await serve(root, 0);
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(folder, { recursive: true, force: true });
});

test('serves the pane, with the headers Excel and the French bundles need', async () => {
  const pane = await get(port, '/taskpane.html');
  expect(pane.status).toBe(200);
  expect(pane.body).toBe('<p>pane</p>');
  expect(pane.headers['cache-control']).toBe('no-store');
  const script = await get(port, '/functions.js');
  expect(script.body).toBe('const label = "Non échu";');
  expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
  expect(script.headers['access-control-allow-origin']).toBe('*');
  const root = await get(port, '/');
  expect([root.status, root.headers.location]).toEqual([302, '/taskpane.html']);
  expect((await get(port, '/missing.js')).status).toBe(404);
});

test.each([
  '/..%2Fsibling/secret.txt',
  '/..%2Faddin-private/secret.txt',
  '/../sibling/secret.txt',
  '/../addin-private/secret.txt',
  '/%2e%2e/sibling/secret.txt',
  '/%2E%2E%2Faddin-private%2Fsecret.txt',
  '/..%5Csibling%5Csecret.txt',
  '/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
])('never serves a file outside its folder: %s', async (path) => {
  const reply = await get(port, path);
  expect(reply.status).toBe(404);
  expect(reply.body).not.toMatch(/SECRET|root:/);
});

test.each(['/%E0%A4%A', '/%', '/%zz/taskpane.html'])(
  'a malformed escape (%s) gets a 404 and the server goes on',
  async (path) => {
    expect((await get(port, path)).status).toBe(404);
    expect((await get(port, '/taskpane.html')).status).toBe(200);
  },
);
