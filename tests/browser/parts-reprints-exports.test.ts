/**
 * Whole articles across 版, reprints and exports, end to end: a small archive built through the
 * whole pipeline (tests/browser/extras.fixture.ts), its pages in chromium (with axe), its
 * exports written to disk and read back with a real CSV parser.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { parse } from 'csv-parse/sync';
import { build, buildSite, type BuildResult } from '../../src/build.js';
import type { SiteArticle } from '../../src/site.js';
import { launchChromium, serveSite, type ServedSite } from './support.js';
import { fingerprint } from '../helpers/cli.js';
import { htmlValidate } from '../render/html-validate.js';
import { JUMP_FIRST, JUMP_REST, LIBRARY, PAGES } from './extras.fixture.js';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

describe('whole articles, reprints and exports', () => {
  let input: string;
  let result: BuildResult;
  let served: ServedSite;
  let browser: Browser;
  let page: Page;
  const byHeadline = (start: string): SiteArticle => result.site.articles.find((a) => a.article.headline?.startsWith(start))!;

  beforeAll(async () => {
    input = await mkdtemp(path.join(tmpdir(), 'baokan-extras-'));
    for (const [file, text] of Object.entries(PAGES)) {
      await mkdir(path.dirname(path.join(input, file)), { recursive: true });
      await writeFile(path.join(input, file), text);
    }
    result = await buildSite({ input, threads: 1 });
    served = await serveSite(result.files, '/');
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await served?.close();
    await rm(input, { recursive: true, force: true });
  });

  it('lists the parts of a story jumped across 版 in the data API, in reading order', async () => {
    const head = byHeadline('区政府召开常务会议')!;
    const rest = result.site.articles.find((a) => a.article.continuedFrom === '第1版')!;
    expect(head.parts).toEqual([head.id, rest.id]);
    expect(rest.parts).toEqual(head.parts);
    const issue = JSON.parse(String(result.files.find((f) => f.path === 'api/issues/yangpu-times/yangpu-times-2021-03-01.json')!.contents));
    const articles = issue.pages.flatMap((p: { articles: unknown[] }) => p.articles);
    expect(articles.find((a: { id: string }) => a.id === head.id).parts).toEqual(head.parts);
    // Articles printed in one piece have no parts.
    expect(articles.find((a: { id: string }) => a.id === byHeadline('五角场街道').id)).not.toHaveProperty('parts');
  });

  it('shows all parts in the reading view, each break naming and linking the 版 it continues on', async () => {
    const head = byHeadline('区政府召开常务会议')!;
    const rest = result.site.articles.find((a) => a.article.continuedFrom === '第1版')!;
    await page.goto(`${served.origin}${head.url}`);
    const link = page.locator('a[data-read-whole]');
    expect(await link.getAttribute('href')).toBe(`${head.url}whole/`);
    await page.goto(`${served.origin}${rest.url}`);
    expect(await page.locator('a[data-read-whole]').getAttribute('href')).toBe(`${head.url}whole/`);
    await link.page().goto(`${served.origin}${head.url}whole/`);
    const breaks = page.locator('[data-part-break]');
    expect(await breaks.count()).toBe(2);
    expect(await breaks.nth(1).innerText()).toContain('接第2版');
    const pageTwo = result.site.papers.flatMap((p) => p.issues.flatMap((i) => i.pages)).find((p) => p.id === rest.pageId)!;
    expect(await breaks.nth(1).locator('a').first().getAttribute('href')).toBe(pageTwo.url);
    const text = await page.locator('article.whole').innerText();
    const first = text.indexOf(JUMP_FIRST.slice(0, 20));
    const second = text.indexOf(JUMP_REST.slice(0, 20));
    expect(first).toBeGreaterThan(-1);
    expect(second).toBeGreaterThan(text.indexOf('接第2版'));
    expect(text.indexOf('接第2版')).toBeGreaterThan(first);
    const axe = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });

  it('renders valid HTML on every page, the reading view included', async () => {
    const html = result.files.filter((f) => f.path.endsWith('.html'));
    expect(html.some((f) => f.path.endsWith('/whole/index.html'))).toBe(true);
    const problems: string[] = [];
    for (const file of html) {
      const report = await htmlValidate.validateString(String(file.contents), file.path);
      for (const r of report.results) for (const m of r.messages) problems.push(`${file.path}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
    expect(problems).toEqual([]);
  });

  it('shows a jump to a 版 the archive does not have as such, and reports it', async () => {
    const lamp = byHeadline('滨江步道')!;
    await page.goto(`${served.origin}${lamp.url}`);
    expect(await page.locator('.jump-to').innerText()).toBe('（下转第4版，本站未收）');
    expect(await page.locator('.jump-to a').count()).toBe(0);
    expect(await page.locator('a[data-read-whole]').count()).toBe(0);
    const report = result.reports.find((f) => f.path === 'yangpu/2021-03-01-01.txt')!;
    const message = report.messages.find((m) => m.ruleId === 'jump-unresolved')!;
    expect(message.reason).toContain('第4版 is not in this archive');
    expect(message.line).toBeGreaterThan(1);
  });

  it('links each printing of a reprinted story to the other under 同文另见', async () => {
    const yangpu = byHeadline('区图书馆新馆')!;
    const xuhui = byHeadline('家门口的文化客厅')!;
    expect(yangpu.reprints).toEqual([xuhui.id]);
    expect(xuhui.reprints).toEqual([yangpu.id]);
    expect(byHeadline('徐家汇书院').reprints).toEqual([]);
    await page.goto(`${served.origin}${yangpu.url}`);
    expect(await page.locator('#reprints-title').innerText()).toBe('同文另见');
    expect(await page.locator('a[data-reprint]').getAttribute('href')).toBe(xuhui.url);
    expect(await page.locator('.reprints').innerText()).toContain('徐汇报');
    await page.goto(`${served.origin}${xuhui.url}`);
    expect(await page.locator('a[data-reprint]').getAttribute('href')).toBe(yangpu.url);
    const axe = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });

  it('finds the part that matched in search, and the reading view is not a result of its own', async () => {
    const rest = result.site.articles.find((a) => a.article.continuedFrom === '第1版')!;
    await page.goto(`${served.origin}/search/?q=${encodeURIComponent('老旧小区综合治理')}`);
    await page.waitForSelector('[data-search-status="done"]', { state: 'attached' });
    expect(await page.locator('[data-result-count]').innerText()).toBe('1');
    expect(await page.locator('a[data-result]').getAttribute('href')).toBe(rest.url);
  });

  it('exports every article as JSON Lines and CSV, written to disk and linked from the about page', async () => {
    const out = path.join(await mkdtemp(path.join(tmpdir(), 'baokan-extras-out-')), 'dist');
    try {
      await build({ input, out, threads: 1 });
      const lines = (await readFile(path.join(out, 'export/articles.jsonl'), 'utf8')).split('\n');
      expect(lines.pop()).toBe('');
      const records = lines.map((l) => JSON.parse(l));
      expect(records.map((r) => r.id)).toEqual(result.site.articles.map((a) => a.id));
      const library = records.find((r) => r.headline === '区图书馆新馆开馆迎客');
      expect(library.paper).toEqual({ id: 'yangpu-times', name: '杨浦时报', district: '杨浦区' });
      expect(library.date).toBe('2021-03-01');
      expect(library.page).toMatchObject({ number: 2, label: '第2版' });
      expect(library.reprints).toEqual([byHeadline('家门口的文化客厅').id]);
      expect(library.paragraphs).toEqual(byHeadline('区图书馆新馆').article.paragraphs);

      const csv = await readFile(path.join(out, 'export/articles.csv'));
      expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 byte-order mark
      const rows: Record<string, string>[] = parse(csv, { bom: true, columns: true, record_delimiter: '\r\n' });
      expect(Object.keys(rows[0]!)).toEqual(['headline', 'paper', 'date', 'page', 'bylines', 'url', 'text']);
      expect(rows.map((r) => r.url)).toEqual(result.site.articles.map((a) => a.url));
      const row = rows.find((r) => r.headline === '区图书馆新馆开馆迎客')!;
      expect(row).toMatchObject({ paper: '杨浦时报', date: '2021-03-01', page: '第2版', bylines: '王芳' });
      expect(row.text).toBe(`本报讯 ${LIBRARY.join('\n')}`);
      // Commas, quotes and line breaks survive the round trip.
      expect(rows.find((r) => r.headline === '家门口的文化客厅开门了')!.text).toContain(',');

      const about = await readFile(path.join(out, 'about/index.html'), 'utf8');
      expect(about).toContain('href="/export/articles.jsonl"');
      expect(about).toContain('href="/export/articles.csv"');
    } finally {
      await rm(path.dirname(out), { recursive: true, force: true });
    }
  }, 120_000);

  it('adds a reprint in an incremental build: only the new signatures are computed, the old copy links to the new, bytes as a clean build', async () => {
    const scratch = await mkdtemp(path.join(tmpdir(), 'baokan-extras-incr-'));
    try {
      const partial = path.join(scratch, 'input');
      for (const [file, text] of Object.entries(PAGES).filter(([file]) => !file.startsWith('xuhui/'))) {
        await mkdir(path.dirname(path.join(partial, file)), { recursive: true });
        await writeFile(path.join(partial, file), text);
      }
      const out = path.join(scratch, 'dist');
      const cache = path.join(scratch, 'cache');
      const first = await build({ input: partial, out, cache, threads: 1 });
      expect(first.site.articles.every((a) => a.reprints.length === 0)).toBe(true);
      await mkdir(path.join(partial, 'xuhui'));
      await writeFile(path.join(partial, 'xuhui/2021-03-03-01.txt'), PAGES['xuhui/2021-03-03-01.txt']!);
      const second = await build({ input: partial, out, cache, threads: 1 });
      // Of the two new articles, the reprint normalises to the text of its original, whose
      // signature is in the cache: only the other one is computed.
      expect(second.signaturesComputed).toBe(1);
      const library = second.site.articles.find((a) => a.article.headline === '区图书馆新馆开馆迎客')!;
      expect(library.reprints).toHaveLength(1);
      expect(await readFile(path.join(out, library.url, 'index.html'), 'utf8')).toContain('同文另见');
      const clean = path.join(scratch, 'clean');
      await build({ input: partial, out: clean, cache: false, threads: 1 });
      expect(await fingerprint(out)).toEqual(await fingerprint(clean));
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  }, 120_000);
});
