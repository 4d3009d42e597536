/**
 * The dev server's HTTP side: serves the output folder under the base as a static host would
 * (sirv, reading the disk on every request, so a rebuilt file is served at once), adds the
 * live-reload script to HTML responses only (the files on disk never have it), and sends the
 * state of the last build to every open page as server-sent events:
 *
 *   <base>__baokan/events      text/event-stream: `state` {build, errors} now and after every build
 *   <base>__baokan/client.js   the script (src/dev/client.ts)
 *
 * No site path begins with `__baokan` (paper ids are lowercase letters, digits and hyphens).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import sirv from 'sirv';
import { CLIENT_SCRIPT } from './client.js';

/** What every open page is told: the build it should show, and the errors of the last build. */
export interface DevState {
  /** Changes whenever a build changes the site: a page from another build reloads. */
  build: string;
  /** The last build's errors, one line each; empty when it had none. */
  errors: string[];
}

export interface DevServer {
  /** Starts listening; resolves with the site's URL (`http://host:port<base>`). */
  listen(port: number, host: string): Promise<string>;
  /** Sends `state` to every open page (and to pages opened later). */
  publish(state: DevState): void;
  /** Stops listening and ends every open connection. */
  close(): Promise<void>;
}

const PREFIX = '__baokan/';

/** A server of the folder `root()` under `base()` (both read per request: settings may change). */
export function createDevServer(site: { root(): string; base(): string }, initial: DevState): DevServer {
  let state = initial;
  const streams = new Set<ServerResponse>();
  const statics = new Map<string, ReturnType<typeof sirv>>();
  const staticsOf = (root: string) => {
    let handler = statics.get(root);
    // dev: no caching, every request looks at the disk.
    if (!handler) statics.set(root, (handler = sirv(root, { dev: true, etag: true, dotfiles: false })));
    return handler;
  };

  const events = (req: IncomingMessage, res: ServerResponse): void => {
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(`retry: 500\n\n${message(state)}`);
    streams.add(res);
    req.on('close', () => streams.delete(res));
  };

  /** An HTML page of the site, with the script added; false when `rest` is no HTML file. */
  const page = async (res: ServerResponse, root: string, base: string, rest: string, status = 200): Promise<boolean> => {
    const file = path.join(root, ...rest.split('/'));
    let html: string;
    try {
      html = await readFile(file, 'utf8');
    } catch {
      return false;
    }
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(inject(html, base, state.build));
    return true;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const base = site.base();
    const root = site.root();
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(base)) {
      res.writeHead(302, { location: base }).end();
      return;
    }
    let rest: string;
    try {
      // Leading slash first, so `..` cannot climb above the root.
      rest = path.posix.normalize(`/${decodeURIComponent(url.pathname.slice(base.length))}`).slice(1);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (rest === `${PREFIX}events`) return events(req, res);
    if (rest === `${PREFIX}client.js`) {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' }).end(CLIENT_SCRIPT);
      return;
    }
    if (rest === '' || rest.endsWith('/')) {
      if (await page(res, root, base, `${rest}index.html`)) return;
    } else if (rest.endsWith('.html')) {
      if (await page(res, root, base, rest)) return;
    } else if (await stat(path.join(root, rest)).then((s) => s.isDirectory(), () => false)) {
      // A folder without its slash: where a static host sends it, so relative links work.
      res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
      return;
    }
    // sirv serves the root: the path without the base (still URL-encoded, as sirv expects).
    req.url = `/${url.pathname.slice(base.length)}${url.search}`;
    staticsOf(root)(req, res, () => {
      void page(res, root, base, '404.html', 404).then((served) => {
        if (served) return;
        // No site yet (the first build is running, or failed): a page that reloads once there is.
        res.writeHead(404, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        res.end(inject('<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>baokan</title><body><p>Not found (or no site built yet).</p></body></html>', base, state.build));
      });
    });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`baokan dev server: ${(error as Error).message}`);
    });
  });

  return {
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const { port: actual } = server.address() as AddressInfo;
          resolve(`http://${host.includes(':') ? `[${host}]` : host}:${actual}${site.base()}`);
        });
      });
    },
    publish(next) {
      state = next;
      for (const res of streams) res.write(message(state));
    },
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const res of streams) res.end();
      streams.clear();
      server.closeAllConnections();
      await closed;
    },
  };
}

function message(state: DevState): string {
  return `event: state\ndata: ${JSON.stringify(state)}\n\n`;
}

/** The page with the dev script before `</body>` (or at its end). */
export function inject(html: string, base: string, build: string): string {
  const attribute = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const tag = `<script src="${attribute(`${base}${PREFIX}client.js`)}" data-events="${attribute(`${base}${PREFIX}events`)}" data-build="${attribute(build)}" defer></script>`;
  const end = html.lastIndexOf('</body>');
  return end === -1 ? `${html}${tag}` : `${html.slice(0, end)}${tag}\n${html.slice(end)}`;
}
