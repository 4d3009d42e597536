/**
 * Browser-test support: get a built site (the hand-made fixture, or the real build of seeds/),
 * write it to a temp folder, serve it with sirv on a random localhost port, start Debian's
 * chromium. Nothing here downloads anything.
 */
import { createServer, type Server } from 'node:http';
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sirv from 'sirv';
import { chromium, type Browser } from 'playwright-core';
import type { Site } from '../../src/site.js';
import type { OutputFile } from '../../src/types.js';
import { renderSite } from '../../src/render/index.js';
import { fixtureSite, loadTemplates } from '../render/fixture.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const CHROMIUM = '/usr/bin/chromium';

/** Which site a browser test runs against. */
export type SiteSource = 'fixture' | 'seeds';

export interface BuiltSite {
  source: SiteSource;
  site: Site;
  files: OutputFile[];
}

/** public/* as the write stage copies it: under assets/. */
async function publicAssets(): Promise<OutputFile[]> {
  const dir = path.join(ROOT, 'public');
  const names = (await readdir(dir)).sort();
  return Promise.all(names.map(async (name) => ({ path: `assets/${name}`, contents: new Uint8Array(await readFile(path.join(dir, name))) })));
}

/** Builds a site in memory: the fixture through renderSite, or seeds/ through the real pipeline. */
export async function buildTestSite(source: SiteSource, base = '/'): Promise<BuiltSite> {
  if (source === 'fixture') {
    const site = fixtureSite(base);
    return { source, site, files: [...renderSite(site, loadTemplates(), { citations: true }), ...(await publicAssets())] };
  }
  // Imported lazily so the fixture tests run even while the pipeline is being written.
  const { buildSite } = await import('../../src/build.js');
  const { site, files } = await buildSite({ input: path.join(ROOT, 'seeds'), base });
  return { source, site, files };
}

/** Files other stages produce that the fixture (renderer output + public/) does not contain. */
export function producedElsewhere(source: SiteSource, base: string, pathname: string): boolean {
  if (source !== 'fixture') return false;
  const rest = pathname.slice(base.length);
  // Data API, search index files and the search/highlight code and styles.
  return (
    rest.startsWith('api/') ||
    rest.endsWith('/feed.xml') ||
    (rest.startsWith('search/') && rest !== 'search/') ||
    ['assets/search.js', 'assets/highlight.js', 'assets/search.css', 'assets/cite.js', 'assets/on-this-day.js'].includes(rest)
  );
}

export interface ServedSite {
  origin: string;
  dir: string;
  /**
   * Every request the server answered, in order, with its status. The browser's own requests
   * (the favicon) never reach playwright's page events, only the server.
   */
  requests: { path: string; status: number }[];
  close(): Promise<void>;
}

/** Writes the files below `<tmp>/<base>` and serves the temp folder; misses get 404.html. */
export async function serveSite(files: OutputFile[], base: string): Promise<ServedSite> {
  const dir = await mkdtemp(path.join(tmpdir(), 'baokan-browser-'));
  const root = path.join(dir, ...base.split('/').filter(Boolean));
  for (const file of files) {
    const target = path.join(root, ...file.path.split('/'));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.contents);
  }
  const notFound = path.join(root, '404.html');
  const handler = sirv(dir, { dev: false, etag: false, dotfiles: false });
  const requests: ServedSite['requests'] = [];
  const server: Server = createServer((req, res) => {
    res.on('finish', () => requests.push({ path: new URL(req.url ?? '/', 'http://localhost').pathname, status: res.statusCode }));
    handler(req, res, () => {
      res.statusCode = 404;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      void readFile(notFound).then(
        (body) => res.end(body),
        () => res.end('not found'),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    dir,
    requests,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Starts Debian's chromium headless; fails with a clear message if it is not installed. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium package (never download a browser)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/** One URL per page type, chosen from the site model (the richest article, so checks see most parts). */
export function pageTypeUrls(built: BuiltSite): Record<string, string> {
  const { site } = built;
  const paper = site.papers.find((p) => p.issues.some((issue) => issue.date !== null)) ?? site.papers[0];
  if (!paper) throw new Error('site has no paper');
  const issue = paper.issues.find((i) => i.date !== null) ?? paper.issues[0]!;
  const page = issue.pages[0]!;
  const score = (a: Site['articles'][number]): number =>
    (a.article.kicker ? 2 : 0) + (a.article.subheadline ? 2 : 0) + (a.article.bylines.length > 0 ? 2 : 0) + a.article.intertitles.length + a.article.captions.length + (a.continuedToUrl ? 1 : 0);
  const article = [...site.articles].filter((a) => a.article.headline !== null && !a.article.headline.includes('<')).sort((a, b) => score(b) - score(a))[0];
  if (!article) throw new Error('site has no article with a headline');
  const year = issue.date?.slice(0, 4);
  return {
    home: site.base,
    paper: paper.url,
    ...(year ? { year: `${paper.url}${year}/` } : {}),
    issue: issue.url,
    ban: page.url,
    article: article.url,
    search: `${site.base}search/`,
    // Search with and without results needs the real index, which only the pipeline builds.
    ...(built.source === 'seeds'
      ? { searchResults: `${site.base}search/?q=${encodeURIComponent(article.title.slice(0, 2))}`, searchEmpty: `${site.base}search/?q=${encodeURIComponent('无此词语qqq')}` }
      : {}),
    about: `${site.base}about/`,
    notFound: `${site.base}no-such-page/`,
  };
}
