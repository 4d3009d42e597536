/**
 * In Chromium: the home page's 历史上的今天 (picked for the reader's local date, from a small
 * static file, absent without JavaScript or when nothing matches) and the article page's
 * citation (the GB/T 7714 text, a copy button that says 已复制, downloads that parse), on a
 * small archive of known dates, at the root and under a sub-path. Axe-clean.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import { buildSite } from '../../src/build.js';
import type { Site } from '../../src/site.js';
import { writeDatedArchive } from '../helpers/dated-archive.js';
import { launchChromium, serveSite, type ServedSite } from './support.js';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const ZONE = 'Asia/Shanghai';
// 2026-07-26 17:00 UTC is already 27 July in Shanghai: the reader's date, not UTC's, counts.
const READER_NOW = new Date('2026-07-26T17:00:00Z');

const PAGES = [
  { paper: '杨浦时报', date: '2019-07-27', page: 1 },
  { paper: '杨浦时报', date: '2021-07-27', page: 1 },
  { paper: '徐汇报', date: '2023-07-27', page: 2 },
  // This year's own issue is today's news, not history; 26 July is UTC's date, not the reader's.
  { paper: '杨浦时报', date: '2026-07-27', page: 1 },
  { paper: '徐汇报', date: '2020-07-26', page: 1 },
];

async function axeProblems(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const base of ['/', '/archive/']) {
  describe(`extras in Chromium (base ${base})`, () => {
    let site: Site;
    let served: ServedSite;
    let browser: Browser;

    beforeAll(async () => {
      const input = await writeDatedArchive(PAGES);
      const built = await buildSite({ input, base, origin: 'https://archive.example.org' });
      site = built.site;
      served = await serveSite(built.files, base);
      browser = await launchChromium();
    });

    afterAll(async () => {
      await browser?.close();
      await served?.close();
    });

    async function home(now: Date, javaScriptEnabled = true): Promise<{ context: BrowserContext; page: Page }> {
      const context = await browser.newContext({ timezoneId: ZONE, javaScriptEnabled });
      const page = await context.newPage();
      await page.clock.setFixedTime(now);
      await page.goto(served.origin + base);
      await page.waitForLoadState('networkidle');
      return { context, page };
    }

    it("shows earlier years' articles printed on the reader's local month and day, from that day's file", async () => {
      const { context, page } = await home(READER_NOW);
      const section = page.locator('section.on-this-day');
      await expect.poll(() => section.count()).toBe(1);
      expect(await section.getByRole('heading', { level: 2 }).textContent()).toBe('历史上的今天');
      expect(await section.locator('.on-this-day-lead').textContent()).toBe('7月27日，往年今日的报纸：');
      const links = section.locator('a');
      const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
      const expected = site.articles.filter((a) => ['2023', '2021', '2019'].some((y) => a.id.includes(`${y}-07-27`)));
      expect(hrefs.sort()).toEqual(expected.map((a) => a.url).sort());
      expect(await section.locator('time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')))).toEqual([
        '2023-07-27', '2023-07-27', '2021-07-27', '2021-07-27', '2019-07-27', '2019-07-27',
      ]);
      expect(await section.locator('.on-this-day-year').first().textContent()).toBe('2023年（3年前）');
      // Only the reader's day's file was fetched.
      const fetched = served.requests.filter((r) => r.path.includes('/on-this-day/')).map((r) => r.path);
      expect(fetched).toContain(`${base}api/on-this-day/07-27.json`);
      expect(fetched.every((p) => p.endsWith('/07-27.json'))).toBe(true);
      // The links lead to the articles.
      await links.first().click();
      await page.waitForURL(/\/p0\d\/0\d\/$/);
      expect(await page.locator('h1').textContent()).toContain('2023-07-27');
      await context.close();
    });

    it('is axe-clean with the section shown, in light and dark mode', async () => {
      for (const scheme of ['light', 'dark'] as const) {
        const { context, page } = await home(READER_NOW);
        await page.emulateMedia({ colorScheme: scheme });
        await page.locator('section.on-this-day').waitFor();
        expect(await axeProblems(page)).toEqual([]);
        await context.close();
      }
    });

    it('is absent, with no heading, when no earlier year printed anything that day', async () => {
      const { context, page } = await home(new Date('2026-03-15T04:00:00Z'));
      expect(await page.locator('section.on-this-day').count()).toBe(0);
      expect(await page.getByText('历史上的今天').count()).toBe(0);
      await context.close();
    });

    it('is absent without JavaScript', async () => {
      const { context, page } = await home(READER_NOW, false);
      expect(await page.locator('section.on-this-day').count()).toBe(0);
      expect(await page.getByText('历史上的今天').count()).toBe(0);
      expect(await page.locator('[data-on-this-day]').evaluate((slot) => slot.childNodes.length)).toBe(0);
      await context.close();
    });

    it('shows the GB/T 7714 reference on the article page and copies it, saying 已复制 politely', async () => {
      const item = site.articles.find((a) => a.id.includes('2019-07-27') && a.article.bylines.length === 2)!;
      const context = await browser.newContext();
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: served.origin });
      const page = await context.newPage();
      await page.goto(served.origin + item.url);
      const text = await page.locator('[data-cite="gbt7714"]').textContent();
      expect(text).toBe(`张三, 李四. ${item.article.headline}[N]. 杨浦时报, 2019-07-27(1).`);
      const status = page.getByRole('status');
      expect(await status.getAttribute('aria-live')).toBe('polite');
      await page.getByRole('button', { name: '复制引文' }).click();
      await expect.poll(() => status.textContent()).toBe('已复制');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
      expect(await axeProblems(page)).toEqual([]);
      await context.close();
    });

    it('offers BibTeX, RIS and CSL-JSON downloads that parse and name the article', async () => {
      const item = site.articles.find((a) => a.id.includes('2021-07-27'))!;
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(served.origin + item.url);
      const links = page.locator('a[data-cite-download]');
      expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('data-cite-download')))).toEqual(['bibtex', 'ris', 'csl-json']);
      const bodies: Record<string, string> = {};
      for (const link of await links.all()) {
        const href = (await link.getAttribute('href'))!;
        expect(href.startsWith(item.url)).toBe(true);
        const response = await page.request.get(served.origin + href);
        expect(response.status()).toBe(200);
        bodies[(await link.getAttribute('data-cite-download'))!] = await response.text();
      }
      const bib = parseBibtex(bodies.bibtex!);
      expect(bib.errors).toEqual([]);
      expect(bib.entries[0]!.fields).toMatchObject({ title: item.article.headline, journal: '杨浦时报', date: '2021-07-27', url: `https://archive.example.org${item.url}` });
      expect(new Cite(bodies.ris!).data[0]).toMatchObject({ type: 'article-newspaper', title: item.article.headline });
      expect(JSON.parse(bodies['csl-json']!)[0]).toMatchObject({ type: 'article-newspaper', title: item.article.headline, 'container-title': '杨浦时报' });
      await context.close();
    });

    it('shows the reference and the downloads without JavaScript, and no copy button that cannot work', async () => {
      const item = site.articles[0]!;
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(served.origin + item.url);
      expect(await page.locator('[data-cite="gbt7714"]').textContent()).toMatch(/\[N\]\. /);
      expect(await page.locator('a[data-cite-download]').count()).toBe(3);
      expect(await page.getByRole('button', { name: '复制引文' }).count()).toBe(0);
      await context.close();
    });
  });
}
