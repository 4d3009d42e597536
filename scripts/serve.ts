/**
 * Preview server: serves the built site like a plain static host would.
 *   npm run serve -- [--dir dist] [--port 8080] [--base /]
 * With --watch it is the dev server instead (`baokan dev`, src/dev/): it builds into --dir,
 * serves it, rebuilds on every change and reloads open pages; the other flags are the build's.
 *   npm run serve -- --watch [--dir dist] [--port 8080] [--input seeds] [--base /] …
 */
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import sirv from 'sirv';
import { main } from '../src/cli.js';

const argv = process.argv.slice(2);
if (argv.includes('--watch')) {
  const args = argv.filter((a) => a !== '--watch').map((a) => (a === '--dir' ? '--out' : a.startsWith('--dir=') ? `--out=${a.slice('--dir='.length)}` : a));
  process.exitCode = await main(['dev', ...args]);
} else {
  serve();
}

function serve(): void {
  const { values } = parseArgs({
    args: argv,
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
}
