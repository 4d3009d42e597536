/**
 * The search page in a real browser: the seeds are built to a temp folder, served by sirv under
 * a sub-path base on a random localhost port, and driven with Debian's chromium. The index is
 * then rebuilt with low thresholds, so the most frequent grams come in blocks of their own as in
 * a large archive (heads, first pages, block fetches) while the others stay in hash shards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import sirv from 'sirv';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Site } from '../../src/site.js';
import { articleSearchText } from '../../src/search/doc-text.js';
import { normalize, parseQuery } from '../../src/search/tokenize.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CHROMIUM = '/usr/bin/chromium';
const BASE = '/archive/';
/** Grams with more than 32 bytes of postings (的, 。 and ~200 others in the seeds) in blocks of ~16 bytes. */
const BLOCKS = { ownFileBytes: 32, blockBytes: 16 };

let site: Site;
let dir: string;
let server: Server;
let origin: string;
let browser: Browser;
const outside: string[] = [];

/** Articles whose normalized text holds every term of the query (the oracle). */
function expected(query: string): Set<string> {
  const terms = parseQuery(query);
  return new Set(site.articles.filter((a) => terms.every((t) => normalize(articleSearchText(a.article)).includes(t))).map((a) => a.url));
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (never download a browser)`);
  const { build } = await import('../../src/build.js');
  dir = await mkdtemp(path.join(tmpdir(), 'baokan-search-'));
  // Served from `dir`, the site lives at dir/archive/ = the base path.
  const result = await build({ input: path.join(ROOT, 'seeds'), out: path.join(dir, 'archive'), base: BASE });
  site = result.site;
  const { buildSearchIndex } = await import('../../src/search/index.js');
  for (const f of buildSearchIndex(site, BLOCKS)) {
    await mkdir(path.dirname(path.join(dir, 'archive', f.path)), { recursive: true });
    await writeFile(path.join(dir, 'archive', f.path), f.contents);
  }
  const handler = sirv(dir, { dev: false, etag: false });
  server = createServer((req, res) =>
    handler(req, res, () => {
      res.statusCode = 404;
      res.end('not found');
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  if (!addr || typeof addr === 'string') throw new Error('test server has no port');
  origin = `http://127.0.0.1:${addr.port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  if (dir) await rm(dir, { recursive: true, force: true });
  expect(outside).toEqual([]);
});

/** A page that blocks and records any request leaving localhost, and counts bytes fetched. */
async function openPage(): Promise<Page & { bytes: () => number }> {
  const page = await browser.newPage();
  let bytes = 0;
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname !== '127.0.0.1') {
      outside.push(url.href);
      return route.abort();
    }
    return route.continue();
  });
  page.on('response', (r) => {
    void r.body().then(
      (b) => (bytes += b.length),
      () => undefined,
    );
  });
  return Object.assign(page, { bytes: () => bytes });
}

async function settled(page: Page): Promise<string> {
  await page.waitForSelector('[data-search-status="done"], [data-search-status="error"]', { state: 'attached' });
  return (await page.getAttribute('[data-search-status]', 'data-search-status')) ?? '';
}

async function resultHrefs(page: Page): Promise<string[]> {
  return page.$$eval('a[data-result]', (as) => as.map((a) => a.getAttribute('href') ?? ''));
}

async function count(page: Page): Promise<number> {
  const text = (await page.textContent('[data-result-count]')) ?? '';
  expect(text).toMatch(/^\d+$/);
  return Number(text);
}

describe('the search page in chromium, under a sub-path base', () => {
  it('runs ?q= on load and lists exactly the articles containing the query, each linking to its url', async () => {
    const page = await openPage();
    for (const q of ['进博', '区委', '2020']) {
      await page.goto(`${origin}${BASE}search/?q=${encodeURIComponent(q)}`);
      expect(await settled(page)).toBe('done');
      const want = expected(q);
      expect(want.size).toBeGreaterThan(0);
      expect(await count(page)).toBe(want.size);
      const hrefs = await resultHrefs(page);
      expect(hrefs.length).toBe(Math.min(10, want.size));
      for (const href of hrefs) expect(want.has(href)).toBe(true);
      // Each result shows paper, date, 版 and a snippet with the whole match marked.
      const first = page.locator('.search-result').first();
      expect(await first.locator('.result-meta').innerText()).toMatch(/报.*·.*年.*月.*日.*·.*版/);
      const marks = await page.$$eval('.result-snippet mark', (ms) => ms.map((m) => m.textContent ?? ''));
      expect(marks.length).toBeGreaterThan(0);
      for (const m of marks) expect(normalize(m)).toBe(normalize(q));
    }
    await page.close();
  });

  it('a query typed in the box runs on submit and goes into the URL; traditional and full-width forms match the same', async () => {
    const page = await openPage();
    await page.goto(`${origin}${BASE}search/`);
    expect(await settled(page)).toBe('done');
    expect(await count(page)).toBe(0);
    await page.fill('#q', '進博');
    await page.press('#q', 'Enter');
    await page.waitForURL(/q=/);
    expect(await settled(page)).toBe('done');
    const trad = await resultHrefs(page);
    expect(trad.length).toBeGreaterThan(0);
    expect(new URL(page.url()).searchParams.get('q')).toBe('進博');
    await page.goto(`${origin}${BASE}search/?q=${encodeURIComponent('进博')}`);
    await settled(page);
    expect(await resultHrefs(page)).toEqual(trad);
    await page.goto(`${origin}${BASE}search/?q=${encodeURIComponent('２０２０')}`);
    await settled(page);
    expect(await count(page)).toBe(expected('2020').size);
    await page.close();
  });

  it('says so when nothing matches, and shows an error for an index of another format version', async () => {
    const page = await openPage();
    await page.goto(`${origin}${BASE}search/?q=${encodeURIComponent('不存在的词语组合')}`);
    expect(await settled(page)).toBe('done');
    expect(await count(page)).toBe(0);
    expect(await page.locator('#search-message').innerText()).toContain('没有找到');

    await page.route('**/search/meta.json.gz', (route) =>
      route.fulfill({ body: gzipSync(JSON.stringify({ format: 'baokan-search', version: 999 })), contentType: 'application/gzip' }),
    );
    await page.goto(`${origin}${BASE}search/?q=${encodeURIComponent('进博')}`);
    expect(await settled(page)).toBe('error');
    expect(await page.locator('#search-message').innerText()).toContain('version');
    await page.close();
  });

  it('filters by paper, sorts by date and pages through results with the keyboard', async () => {
    const page = await openPage();
    const q = '的';
    const total = expected(q).size;
    expect(total).toBeGreaterThan(10);
    const blocks: string[] = [];
    page.on('request', (r) => void (r.url().includes('/search/terms/') && blocks.push(r.url())));
    await page.goto(`${origin}${BASE}search/?q=${encodeURIComponent(q)}`);
    await settled(page);
    expect(await count(page)).toBe(total);
    const first = await resultHrefs(page);
    expect(first).toHaveLength(10);
    // 的 is frequent: its first page and count come from its head, no block is fetched.
    expect(blocks).toEqual([]);

    await page.click('#search-pages a[data-page="2"]');
    await page.waitForURL(/page=2/);
    await settled(page);
    const second = await resultHrefs(page);
    expect(second).toHaveLength(Math.min(10, total - 10));
    // A later page reads the whole doc list, which ranks the first page the same way.
    expect(blocks.length).toBeGreaterThan(0);
    expect(second.filter((h) => first.includes(h))).toEqual([]);

    const paper = site.papers[0]!;
    await page.selectOption('#search-paper', paper.paper.id);
    await page.waitForURL(/paper=/);
    await settled(page);
    const inPaper = [...expected(q)].filter((u) => site.articles.find((a) => a.url === u)!.paperId === paper.paper.id);
    expect(await count(page)).toBe(inPaper.length);
    for (const href of await resultHrefs(page)) expect(inPaper).toContain(href);

    await page.selectOption('#search-paper', '');
    await page.selectOption('#search-sort', 'date');
    await page.waitForURL(/sort=date/);
    await settled(page);
    const dates = await page.$$eval('.result-meta time', (ts) => ts.map((t) => t.getAttribute('datetime') ?? ''));
    expect(dates).toEqual([...dates].sort().reverse());

    // "/" focuses the box, ↓ moves to the first result.
    await page.locator('h1').click();
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-result'))).toBe(true);
    await page.close();
  });

  it('opening a result highlights the query on the article page, with the href exactly the article url', async () => {
    const page = await openPage();
    const q = '进博';
    await page.goto(`${origin}${BASE}search/?q=${encodeURIComponent(q)}`);
    await settled(page);
    const href = (await resultHrefs(page))[0]!;
    expect(site.articles.some((a) => a.url === href)).toBe(true);
    await page.click('a[data-result]');
    await page.waitForURL((u) => u.pathname === href);
    await page.waitForSelector('article mark[data-search-highlight]');
    const marks = await page.$$eval('article mark[data-search-highlight]', (ms) => ms.map((m) => m.textContent ?? ''));
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) expect(normalize(m)).toBe(q);
    await page.close();
  });

  it('a term keeps its inner punctuation: 12·4 finds only where 12·4 is printed, in any variant of the dot, quoted or not', async () => {
    const page = await openPage();
    const cases: Array<[string, string]> = [
      ['12·4', '12·4'],
      ['"12·4"', '12·4'],
      ['12・4', '12·4'],
      ['１２•４国家宪法日', '12·4国家宪法日'],
      ['4+4+4+3', '4+4+4+3'],
      ['“6天+365天”', '6天+365天'],
      ['2.0版', '2.0版'],
    ];
    for (const [q, term] of cases) {
      await page.goto(`${origin}${BASE}search/?q=${encodeURIComponent(q)}`);
      expect(await settled(page)).toBe('done');
      const want = expected(q);
      expect(want.size, q).toBeGreaterThan(0);
      // The oracle's articles print the term itself (the seeds use these very characters).
      for (const url of want) expect(articleSearchText(site.articles.find((a) => a.url === url)!.article)).toContain(term);
      expect(await count(page), q).toBe(want.size);
      for (const href of await resultHrefs(page)) expect(want.has(href)).toBe(true);
      const marks = await page.$$eval('.result-snippet mark', (ms) => ms.map((m) => m.textContent ?? ''));
      expect(marks.length).toBeGreaterThan(0);
      for (const m of marks) expect(normalize(m)).toBe(term);
    }
    // The parts occur apart in the seeds, the name does not: no result.
    expect(expected('3 15').size).toBeGreaterThan(0);
    await page.goto(`${origin}${BASE}search/?q=${encodeURIComponent('3·15')}`);
    expect(await settled(page)).toBe('done');
    expect(await count(page)).toBe(0);

    // Opening a result marks 12·4 whole on the article page.
    await page.goto(`${origin}${BASE}search/?q=${encodeURIComponent('12・4')}`);
    await settled(page);
    const href = (await resultHrefs(page))[0]!;
    await page.click('a[data-result]');
    await page.waitForURL((u) => u.pathname === href);
    await page.waitForSelector('article mark[data-search-highlight]');
    const marks = await page.$$eval('article mark[data-search-highlight]', (ms) => ms.map((m) => m.textContent ?? ''));
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) expect(normalize(m)).toBe('12·4');
    await page.close();
  });

  it('a cold query fetches little and makes no outside request', async () => {
    const page = await openPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(`${origin}${BASE}search/?q=${encodeURIComponent('大桥街道')}`);
    await settled(page);
    const index = requests.filter((p) => p.startsWith(`${BASE}search/`) && p !== `${BASE}search/`);
    expect(index.filter((p) => p.endsWith('meta.json.gz'))).toHaveLength(1);
    expect(index.length).toBeLessThan(1 + 3 + 10 + 1);
    // Dates and papers' ranges only when a filter or the date order needs them.
    expect(index.filter((p) => p.includes('/dates.') || p.includes('/papers/'))).toEqual([]);
    await page.goto(`${origin}${BASE}search/?q=${encodeURIComponent('大桥街道')}&sort=date`);
    await settled(page);
    expect(requests.filter((p) => p.endsWith('/dates.json.gz'))).toHaveLength(1);
    await page.close();
  });
});
