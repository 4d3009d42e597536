/**
 * Preview server: serves the built site like a plain static host would.
 *   npm run serve -- [--dir dist] [--port 8080] [--base /]
 */
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import sirv from 'sirv';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: 'dist' },
    port: { type: 'string', default: '8080' },
    base: { type: 'string', default: '/' },
  },
});
const base = `/${values.base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
const files = sirv(values.dir, { dev: true, etag: true });
const notFound = (() => {
  try {
    return readFileSync(path.join(values.dir, '404.html'));
  } catch {
    return Buffer.from('Not found');
  }
})();

createServer((req, res) => {
  const url = req.url ?? '/';
  if (!url.startsWith(base)) {
    res.writeHead(302, { location: base }).end();
    return;
  }
  req.url = `/${url.slice(base.length)}`;
  files(req, res, () => {
    res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end(notFound);
  });
}).listen(Number(values.port), () => console.log(`serving ${values.dir} at http://localhost:${values.port}${base}`));
