/**
 * The dev server (`baokan dev`) in chromium, under a base path: an added page file appears in
 * open pages without a manual reload; a broken page file shows the build's errors in an overlay
 * while the last good site keeps being served; an edited template re-renders; stopping the
 * server leaves no process, no lock and no staging folder. The server runs from a copy of the
 * repository, so its templates can be edited, on a free 127.0.0.1 port.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotRepository } from '../../scripts/snapshot.js';
import { launchChromium } from '../browser/support.js';
import { ROOT } from '../helpers/cli.js';

const BASE = '/sub/';
/** Bounds every wait: a rebuild of six pages takes well under a second. */
const WAIT = 30_000;

let dir: string;
let repo: string;
let input: string;
let out: string;
let server: ChildProcess;
let output = '';
let url: string;
let browser: Browser;
let page: Page;

/** Resolves with the first match of `pattern` in the server's output after `from` (characters), or fails after WAIT. */
async function waitForOutput(pattern: RegExp, from = 0): Promise<RegExpMatchArray> {
  const until = Date.now() + WAIT;
  for (;;) {
    const match = output.slice(from).match(pattern);
    if (match) return match;
    if (Date.now() > until) throw new Error(`the dev server did not print ${pattern} in ${WAIT} ms; it printed:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A seed page as 版 1 of an issue dated after every seed (2031-03-02), of 徐汇报. */
async function newestPage(frontMatter = 'date: 2031-03-02\npage: 1'): Promise<string> {
  const seed = await readFile(path.join(ROOT, 'seeds/001_1d17138d3524729c.txt'), 'utf8');
  return `---\n${frontMatter}\n---\n${seed.replace(/准印证号.*\n/, '')}`;
}

/** Marks the page's window: the mark is gone once the page has been reloaded. */
const mark = (p: Page) => p.evaluate(() => Object.assign(window, { baokanTestMark: true }));
const marked = (p: Page) => p.evaluate(() => 'baokanTestMark' in window);

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'baokan-dev-'));
  repo = await snapshotRepository(ROOT, path.join(dir, 'repo'));
  input = path.join(dir, 'pages');
  out = path.join(dir, 'site');
  await cp(path.join(ROOT, 'seeds'), input, { recursive: true });
  server = spawn(process.execPath, ['--import', 'tsx', path.join(repo, 'src/bin.ts'), 'dev', '--input', input, '--out', out, '--base', BASE, '--port', '0'], {
    cwd: repo,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [server.stdout!, server.stderr!]) stream.setEncoding('utf8').on('data', (d: string) => (output += d));
  [, url] = (await waitForOutput(/serving .* at (http:\/\/127\.0\.0\.1:\d+\/sub\/)/)) as [string, string];
  await waitForOutput(/^baokan: 5 files, 5 pages, .* → /m);
  browser = await launchChromium();
  page = await browser.newPage();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (server && server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
});

describe('baokan dev', () => {
  it('serves the site under the base, adding its script to the pages it serves but not to the built files', async () => {
    const response = await page.goto(url);
    expect(response?.status()).toBe(200);
    expect(await page.locator('script[src="/sub/__baokan/client.js"]').count()).toBe(1);
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).not.toContain('__baokan');
    expect((await fetch(new URL('/elsewhere/', url), { redirect: 'manual' })).headers.get('location')).toBe(BASE);
    // Styles and scripts under the base, as a static host serves them.
    const css = await fetch(new URL('assets/site.css', url));
    expect([css.status, css.headers.get('content-type')]).toEqual([200, 'text/css']);
    expect((await fetch(new URL('api/catalog.json', url))).status).toBe(200);
    const missing = await fetch(new URL('no-such-page/', url));
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('/sub/__baokan/client.js');
  });

  it('shows new articles after page files are added, reloading open pages by themselves', async () => {
    // Home lists each paper's issues; an issue page lists its 版 and their articles.
    await page.goto(url);
    const issuePage = await browser.newPage();
    await issuePage.goto(new URL('xuhui-news/2022-01-17/', url).href);
    expect(await issuePage.locator('a[href^="/sub/xuhui-news/2022-01-17/p08/"]').count()).toBe(0);
    await Promise.all([mark(page), mark(issuePage)]);
    const from = output.length;
    // A new issue, and a new 版 8 of an existing one (another seed's text, filed under 徐汇报).
    await writeFile(path.join(input, 'newest.txt'), await newestPage());
    const other = await readFile(path.join(ROOT, 'seeds/004_449c355421db4d04.txt'), 'utf8');
    await writeFile(path.join(input, 'added.txt'), `---\npaper: 徐汇报\ndate: 2022-01-17\npage: 8\n---\n${other}`);
    await waitForOutput(/(newest|added)\.txt( and 1 more)? changed; building/, from);
    await page.locator('a[href^="/sub/xuhui-news/2031-03-02/"]').first().waitFor({ timeout: WAIT });
    await issuePage.locator('a[href^="/sub/xuhui-news/2022-01-17/p08/01/"]').first().waitFor({ timeout: WAIT });
    expect(await marked(page)).toBe(false);
    expect(await marked(issuePage)).toBe(false);
    await issuePage.close();
    await waitForOutput(/^baokan: 7 files, 7 pages, .* 0 rejected/m, from);
  });

  it('shows the errors of a broken page file in an overlay, keeps serving the last good site, and clears it once fixed', async () => {
    await page.goto(new URL('xuhui-news/2031-03-02/', url).href);
    await mark(page);
    const from = output.length;
    await writeFile(path.join(input, 'newest.txt'), await newestPage('date: [2031-03-02\npage: 1'));
    const overlay = page.locator('#baokan-dev-overlay');
    await overlay.getByText('[front-matter-yaml]').waitFor({ timeout: WAIT });
    expect(await overlay.getByRole('alertdialog').textContent()).toMatch(/newest\.txt:\d+:\d+: error: .*\[front-matter-yaml\]/);
    await waitForOutput(/site\/ is left as the last build without errors made it/, from);
    // No reload: the page and the files it came from are the last good build's.
    expect(await marked(page)).toBe(true);
    expect((await fetch(new URL('xuhui-news/2031-03-02/', url))).status).toBe(200);
    expect(await readdir(path.join(out, 'xuhui-news'))).toContain('2031-03-02');
    // A page opened now shows the overlay too.
    const other = await browser.newPage();
    await other.goto(url);
    await other.locator('#baokan-dev-overlay').getByText('[front-matter-yaml]').waitFor({ timeout: WAIT });
    await other.close();
    // Fixed (and moved to 版 2): the page reloads, without the overlay.
    await writeFile(path.join(input, 'newest.txt'), await newestPage('date: 2031-03-02\npage: 2'));
    await page.waitForURL(/\/sub\/xuhui-news\/2031-03-02\/$/, { timeout: WAIT });
    await overlay.waitFor({ state: 'detached', timeout: WAIT });
    await page.locator('a[href="/sub/xuhui-news/2031-03-02/p02/"]').first().waitFor({ timeout: WAIT });
    expect(await marked(page)).toBe(false);
  });

  it('renders again when a template is edited', async () => {
    await page.goto(url);
    await mark(page);
    const layout = path.join(repo, 'templates/layout.html');
    await writeFile(layout, (await readFile(layout, 'utf8')).replace('上海各区区报的文字档案。', '上海各区区报的文字档案（模板已改）。'));
    await page.locator('footer').getByText('（模板已改）').waitFor({ timeout: WAIT });
    expect(await marked(page)).toBe(false);
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toContain('（模板已改）');
  });

  it('builds again when a public asset or the configuration file changes; a broken configuration shows in the overlay', async () => {
    await page.goto(url);
    await mark(page);
    const css = path.join(repo, 'public/site.css');
    await writeFile(css, `${await readFile(css, 'utf8')}\n/* changed while serving */\n`);
    await page.waitForFunction(() => !('baokanTestMark' in window), undefined, { timeout: WAIT });
    expect(await (await fetch(new URL('assets/site.css', url))).text()).toContain('/* changed while serving */');
    // The configuration file is read again: a new title; then a mistake, shown until fixed.
    const config = path.join(repo, 'baokan.config.json');
    await writeFile(config, JSON.stringify({ title: '实时预览档案' }));
    await page.waitForFunction(() => document.title.includes('实时预览档案'), undefined, { timeout: WAIT });
    await writeFile(config, JSON.stringify({ title: 7 }));
    await page.locator('#baokan-dev-overlay').getByText('"title" must be').waitFor({ timeout: WAIT });
    await writeFile(config, JSON.stringify({ title: '实时预览档案' }));
    await page.locator('#baokan-dev-overlay').waitFor({ state: 'detached', timeout: WAIT });
  });

  it('stops on SIGINT, also during a build, leaving no process, no lock and no staging folder', async () => {
    const from = output.length;
    // Back to 版 1 of the issue: a rebuild; the server is stopped while it runs.
    await writeFile(path.join(input, 'newest.txt'), await newestPage());
    await waitForOutput(/newest\.txt changed; building/, from);
    const exited = new Promise<[number | null, string | null]>((resolve) => server.once('exit', (code, signal) => resolve([code, signal])));
    server.kill('SIGINT');
    const [code] = await Promise.race([exited, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the dev server did not stop')), 10_000))]);
    expect(code).toBe(0);
    expect(output).toMatch(/baokan: stopped \(SIGINT\)/);
    expect(() => process.kill(server.pid!, 0)).toThrow();
    expect((await readdir(dir)).sort()).toEqual(['pages', 'repo', 'site']);
    await expect(fetch(url)).rejects.toThrow();
  });
});
