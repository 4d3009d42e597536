import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildTestSite, launchChromium, pageTypeUrls, serveSite, type BuiltSite, type ServedSite } from './support.js';

const SOURCES = ['fixture', 'seeds'] as const;

for (const source of SOURCES) {
  describe(`reading the ${source} site in chromium`, () => {
    let built: BuiltSite;
    let served: ServedSite;
    let browser: Browser;
    let urls: Record<string, string>;
    const outside: string[] = [];
    const dialogs: string[] = [];

    beforeAll(async () => {
      built = await buildTestSite(source, '/');
      served = await serveSite(built.files, '/');
      browser = await launchChromium();
      urls = pageTypeUrls(built);
    });

    afterAll(async () => {
      await browser?.close();
      await served?.close();
    });

    /** A page that records every request leaving localhost (and blocks it) and every dialog (alert). */
    async function openPage(width = 1280): Promise<Page> {
      const page = await browser.newPage({ viewport: { width, height: 800 } });
      await page.route('**/*', (route) => {
        const url = new URL(route.request().url());
        if (url.hostname === '127.0.0.1' || url.hostname === 'localhost') return route.continue();
        outside.push(url.href);
        return route.abort();
      });
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      return page;
    }

    it('a reader follows home → paper → issue → article and sees headline, byline and paragraphs', async () => {
      const page = await openPage();
      const paper = built.site.papers.find((p) => p.issues.some((i) => i.pages.some((pg) => pg.articles.some((a) => a.article.headline && a.article.bylines.length > 0))))!;
      const issue = paper.issues.find((i) => i.pages.some((pg) => pg.articles.some((a) => a.article.headline && a.article.bylines.length > 0)))!;
      const target = issue.pages.flatMap((pg) => pg.articles).find((a) => a.article.headline && a.article.bylines.length > 0 && !a.article.headline.includes('<'))!;

      await page.goto(served.origin + built.site.base);
      await page.getByRole('link', { name: paper.paper.name, exact: true }).first().click();
      await expect(page).toHaveURLPath(paper.url);
      await page.locator(`main a[href="${issue.url}"]`).first().click();
      await expect(page).toHaveURLPath(issue.url);
      await page.locator(`main a[href="${target.url}"]`).first().click();
      await expect(page).toHaveURLPath(target.url);

      const article = page.locator('main article');
      expect(await article.locator('h1').innerText()).toBe(target.article.headline);
      expect(await article.locator('.byline').innerText()).toContain(target.article.bylines[0]!);
      const paragraphs = await article.locator('.article-body > p:not(.jump)').allInnerTexts();
      expect(paragraphs.length).toBe(target.article.paragraphs.length);
      expect(paragraphs[0]).toBe(target.article.paragraphs[0]);
      expect(await page.title()).toContain(target.article.headline!.slice(0, 10));
      await page.close();
    });

    it('keyboard only: Tab reaches the skip link first, then the navigation, then article links', async () => {
      const page = await openPage();
      await page.goto(served.origin + urls.issue!);
      const focused = async (): Promise<{ text: string; href: string | null; inNav: boolean; inMain: boolean; visible: boolean }> =>
        page.evaluate(() => {
          const el = document.activeElement as HTMLElement;
          const rect = el.getBoundingClientRect();
          return {
            text: el.innerText,
            href: el.getAttribute('href'),
            inNav: !!el.closest('nav.site-nav'),
            inMain: !!el.closest('main'),
            visible: rect.width > 0 && rect.height > 0 && rect.top >= 0,
          };
        });
      await page.keyboard.press('Tab');
      const skip = await focused();
      expect(skip.href).toBe('#main');
      expect(skip.visible).toBe(true); // the skip link shows itself when focused

      const seen: Awaited<ReturnType<typeof focused>>[] = [];
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        seen.push(await focused());
      }
      expect(seen.some((f) => f.inNav && f.text === '搜索')).toBe(true);
      const firstArticleLink = seen.findIndex((f) => f.inMain && (f.href ?? '').startsWith(urls.issue!) && f.href !== urls.issue);
      expect(firstArticleLink).toBeGreaterThan(seen.findIndex((f) => f.inNav));

      // Activating the skip link moves focus into main, so the next Tab lands on main's first link.
      await page.goto(served.origin + urls.article!);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);

      // Focus is visible: the focused link has an outline.
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
      expect(outline).not.toBe('none');
      await page.close();
    });

    it('at 360 px wide no page type scrolls sideways, and no request leaves localhost', async () => {
      const page = await openPage(360);
      for (const [type, url] of Object.entries(urls)) {
        await page.goto(served.origin + url);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${type} ${url}`).toBeLessThanOrEqual(0);
      }
      await page.close();
      expect(outside).toEqual([]);
      expect(dialogs).toEqual([]);
    });

    it('serves the 404 page with working styles at any depth', async () => {
      const page = await openPage();
      const response = await page.goto(`${served.origin}${built.site.base}a/b/c/missing.html`);
      expect(response?.status()).toBe(404);
      expect(await page.locator('h1').innerText()).toBe('页面不存在');
      // The stylesheet applied: the skip link is moved off screen.
      expect(await page.locator('.skip-link').evaluate((el) => el.getBoundingClientRect().top < 0)).toBe(true);
      await page.getByRole('link', { name: '回到首页' }).click();
      await expect(page).toHaveURLPath(built.site.base);
      await page.close();
    });
  });
}

// A tiny matcher so navigation checks read naturally without @playwright/test.
declare module 'vitest' {
  interface Assertion {
    toHaveURLPath(path: string): Promise<void>;
  }
}
expect.extend({
  async toHaveURLPath(page: Page, path: string) {
    await page.waitForURL((url) => url.pathname === path, { timeout: 10_000 }).catch(() => undefined);
    const actual = new URL(page.url()).pathname;
    return { pass: actual === path, message: () => `expected page path ${actual} to be ${path}` };
  },
});
