/**
 * Reader details in chromium, under a sub-path base: the article page's side column (beside the
 * article on wide screens, below it on phones), the favicon (no request for /favicon.ico, no
 * 404), the header and home search boxes (keyboard, GET to <base>search/?q=), and the search
 * page's 年/月/日 date filters, which filter exactly as the `from` / `to` URL parameters do.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { SiteArticle } from '../../src/site.js';
import { articleSearchText } from '../../src/search/doc-text.js';
import { normalize, parseQuery } from '../../src/search/tokenize.js';
import { AxeBuilder } from '@axe-core/playwright';
import { buildTestSite, launchChromium, pageTypeUrls, producedElsewhere, serveSite, type BuiltSite, type ServedSite } from './support.js';

const BASE = '/sub/';

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
  width: number;
  height: number;
}

async function box(page: Page, selector: string): Promise<Box | null> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return { left: r.left, right: r.right, top: r.top + scrollY, bottom: r.bottom + scrollY, width: r.width, height: r.height };
  }, selector);
}

/** Presses Tab until `selector` has focus (at most `limit` times); true when it got there. */
async function tabTo(page: Page, selector: string, limit = 30): Promise<boolean> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return true;
  }
  return false;
}

/** axe's WCAG 2.2 AA and best-practice findings on the page as it is now (as in a11y.test.ts). */
async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

async function settled(page: Page): Promise<string> {
  await page.waitForSelector('[data-search-status="done"], [data-search-status="error"]', { state: 'attached' });
  return (await page.getAttribute('[data-search-status]', 'data-search-status')) ?? '';
}

for (const source of ['fixture', 'seeds'] as const) {
  describe(`reader details of the ${source} site in chromium, under ${BASE}`, () => {
    let built: BuiltSite;
    let served: ServedSite;
    let browser: Browser;
    let urls: Record<string, string>;

    beforeAll(async () => {
      built = await buildTestSite(source, BASE);
      served = await serveSite(built.files, BASE);
      browser = await launchChromium();
      urls = pageTypeUrls(built);
    });

    afterAll(async () => {
      await browser?.close();
      await served?.close();
    });

    for (const scheme of ['light', 'dark'] as const) {
      it(`the article page's side column stands beside the article from 1200 px and follows it at 360 px, axe-clean both ways (${scheme})`, async () => {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        const page = await context.newPage();
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(served.origin + urls.article!);
        const item = built.site.articles.find((a) => a.url === urls.article)!;
        const ban = built.site.papers.flatMap((p) => p.issues).flatMap((i) => i.pages).find((p) => p.id === item.pageId)!;

        for (const width of [1200, 1280, 1600]) {
          await page.setViewportSize({ width, height: 900 });
          const article = (await box(page, 'main article'))!;
          const side = (await box(page, 'main .article-side'))!;
          expect(side.width, `${width}`).toBeGreaterThan(200);
          expect(side.left, `${width}: beside, not below`).toBeGreaterThanOrEqual(article.right);
          expect(side.top, `${width}: level with the article`).toBeLessThan(article.top + 100);
          expect(side.right, `${width}`).toBeLessThanOrEqual(width);
          expect(await page.locator('.article-side').isVisible()).toBe(true);
          // Every other article of the 版 is one click away, in the first screen.
          const links = page.locator('.article-side nav').first().locator('a');
          expect(await links.count()).toBe(ban.articles.length - 1);
          if (ban.articles.length > 1) expect((await links.first().boundingBox())!.y).toBeLessThan(900);
        }
        expect(await axeViolations(page)).toEqual([]);

        await page.setViewportSize({ width: 360, height: 800 });
        const article = (await box(page, 'main article'))!;
        const pager = (await box(page, 'main nav.pager'))!;
        const side = (await box(page, 'main .article-side'))!;
        expect(side.top).toBeGreaterThanOrEqual(pager.bottom);
        expect(side.left).toBeCloseTo(article.left, 0);
        expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
        const wide = await page.evaluate(() => [...document.querySelectorAll('main *')].filter((el) => el.getBoundingClientRect().right > innerWidth + 0.5).map((el) => el.tagName));
        expect(wide).toEqual([]);
        expect(await axeViolations(page)).toEqual([]);
        await context.close();
      });
    }

    it('no page load asks for /favicon.ico or gets a 404: the SVG icon is served under the base', async () => {
      for (const url of [urls.home!, urls.article!]) {
        const context = await browser.newContext();
        const page = await context.newPage();
        const before = served.requests.length;
        await page.goto(served.origin + url);
        // The browser asks for its icon after the page loads, outside the page's own requests.
        const asked = (): { path: string; status: number }[] => served.requests.slice(before).filter((r) => /favicon/.test(r.path));
        for (let i = 0; i < 50 && asked().length === 0; i++) await page.waitForTimeout(100);
        expect(asked(), url).toEqual([{ path: `${BASE}assets/favicon.svg`, status: 200 }]);
        const missing = served.requests.slice(before).filter((r) => r.status === 404 && !producedElsewhere(source, BASE, r.path));
        expect(missing, url).toEqual([]);
        await context.close();
      }
    });

    it('the header search box, reached with Tab, submits to <base>search/?q=…; so does the home page box', async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const query = source === 'seeds' ? built.site.articles[0]!.title.slice(0, 2) : '初心';
      await page.goto(served.origin + urls.article!);
      expect(await tabTo(page, 'header #site-search-q')).toBe(true);
      await page.keyboard.type(query);
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.pathname === `${BASE}search/`);
      expect(new URL(page.url()).searchParams.get('q')).toBe(query);
      expect(await page.locator('main h1').innerText()).toBe('搜索');
      if (source === 'seeds') {
        // The search page runs the query on load (contract §3).
        expect(await settled(page)).toBe('done');
        expect(await page.inputValue('main #q')).toBe(query);
        expect(Number(await page.textContent('[data-result-count]'))).toBeGreaterThan(0);
        expect(await page.locator('a[data-result]').count()).toBeGreaterThan(0);
      }

      await page.goto(served.origin + urls.home!);
      expect(await tabTo(page, 'main #home-search-q')).toBe(true);
      await page.keyboard.type(query);
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.closest('form')?.getAttribute('action'))).toBe(`${BASE}search/`);
      await page.keyboard.press('Enter'); // the submit button
      await page.waitForURL((url) => url.pathname === `${BASE}search/`);
      expect(new URL(page.url()).searchParams.get('q')).toBe(query);
      await page.close();
    });
  });
}

describe(`the search page's 年/月/日 date filters in chromium (seeds, under ${BASE})`, () => {
  let built: BuiltSite;
  let served: ServedSite;
  let browser: Browser;
  const query = '区';
  let dates: Map<string, string | null>;

  beforeAll(async () => {
    built = await buildTestSite('seeds', BASE);
    served = await serveSite(built.files, BASE);
    browser = await launchChromium();
    const issues = new Map(built.site.papers.flatMap((p) => p.issues).map((i) => [i.id, i.date]));
    dates = new Map(built.site.articles.map((a) => [a.url, issues.get(a.issueId) ?? null]));
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  /** The oracle: articles holding every term, dated within [from, to] when a bound is given. */
  function expected(from?: string, to?: string): number {
    const terms = parseQuery(query);
    const holds = (a: SiteArticle): boolean => terms.every((t) => normalize(articleSearchText(a.article)).includes(t));
    const within = (a: SiteArticle): boolean => {
      if (!from && !to) return true;
      const date = dates.get(a.url);
      return !!date && (!from || date >= from) && (!to || date <= to);
    };
    return built.site.articles.filter((a) => holds(a) && within(a)).length;
  }

  const count = async (page: Page): Promise<number> => Number(await page.textContent('[data-result-count]'));
  const shown = async (page: Page, field: string): Promise<string[]> =>
    Promise.all(['year', 'month', 'day'].map((part) => page.inputValue(`fieldset[data-date-field="${field}"] select[data-date-part="${part}"]`)));

  it('show the dates of the URL as 年/月/日 and filter exactly as `from` and `to` do', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const known = [...new Set([...dates.values()].filter((d): d is string => d !== null))].sort();
    expect(known.length).toBeGreaterThan(1);
    const [first, last] = [known[0]!, known[known.length - 1]!];
    for (const [from, to] of [
      [first, first],
      [known[1]!, undefined],
      [undefined, known[known.length - 2]!],
      [first, last],
      ['2000-01-01', '2000-12-31'],
    ] as const) {
      const params = new URLSearchParams({ q: query, ...(from ? { from } : {}), ...(to ? { to } : {}) });
      await page.goto(`${served.origin}${BASE}search/?${params}`);
      expect(await settled(page)).toBe('done');
      expect(await count(page), `${from}…${to}`).toBe(expected(from, to));
      const parts = (iso: string | undefined): string[] => (iso ? iso.split('-').map((n) => String(Number(n))) : ['', '', '']);
      expect(await shown(page, 'from')).toEqual(parts(from));
      expect(await shown(page, 'to')).toEqual(parts(to));
    }
    await page.close();
  });

  it('are reached and changed with the keyboard; a year alone covers the whole year', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${served.origin}${BASE}search/?q=${encodeURIComponent(query)}`);
    expect(await settled(page)).toBe('done');
    const all = await count(page);
    expect(all).toBe(expected());

    await page.focus('main #q');
    expect(await tabTo(page, '#search-to-year')).toBe(true);
    // The earliest year of the archive, chosen with the arrow key from 不限.
    await page.keyboard.press('ArrowDown');
    const year = await page.inputValue('#search-to-year');
    expect(year).toMatch(/^\d{4}$/);
    await page.waitForURL((url) => url.searchParams.get('to') === `${year}-12-31`);
    expect(await settled(page)).toBe('done');
    expect(await count(page)).toBe(expected(undefined, `${year}-12-31`));
    // The field now shows the day it filters to.
    expect(await shown(page, 'to')).toEqual([year, '12', '31']);

    // A month with fewer days: 2月31日 → the last day of February.
    await page.selectOption('#search-to-month', '2');
    await page.waitForURL((url) => url.searchParams.get('to')?.slice(0, 7) === `${year}-02`);
    const to = new URL(page.url()).searchParams.get('to')!;
    expect(['28', '29']).toContain(to.slice(8));
    expect(await shown(page, 'to')).toEqual([year, '2', String(Number(to.slice(8)))]);

    // Back to 不限: no bound, every match again.
    await page.selectOption('#search-to-year', '');
    await page.waitForURL((url) => !url.searchParams.has('to'));
    expect(await settled(page)).toBe('done');
    expect(await count(page)).toBe(all);
    await page.close();
  });
});
