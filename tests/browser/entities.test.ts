/**
 * People, places and organisations in chromium, on the seeds site served under a sub-path: an
 * article's entity link opens the entity's page (served, not the 404 page) with its chart drawn;
 * its 相关报道 links open articles; the entity page is axe-clean.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { buildTestSite, launchChromium, serveSite, type BuiltSite, type ServedSite } from './support.js';

const BASE = '/sub/';

describe('entity pages in chromium', () => {
  let built: BuiltSite;
  let served: ServedSite;
  let browser: Browser;

  beforeAll(async () => {
    built = await buildTestSite('seeds', BASE);
    served = await serveSite(built.files, BASE);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('follows an article’s entity link to the entity page, which draws its chart and lists the article', async () => {
    const entity = built.site.entities!.find((e) => e.years.length > 0)!;
    const article = built.site.articles.find((a) => a.id === entity.articles[0])!;
    const page = await browser.newPage();
    await page.goto(served.origin + article.url);
    await page.locator(`.article-entities a[href="${entity.url}"]`).first().click();
    await page.waitForURL((url) => decodeURIComponent(url.pathname) === entity.url);
    expect(await page.locator('h1').textContent()).toBe(entity.name);
    const chart = page.locator('figure.year-chart svg[role="img"]');
    expect(await chart.isVisible()).toBe(true);
    const box = await chart.boundingBox();
    expect(box!.width).toBeGreaterThan(50);
    expect(await page.locator('svg title').textContent()).toContain(entity.name);
    expect(await page.locator(`.entity-articles a[href="${article.url}"]`).count()).toBe(1);
    expect(served.requests.filter((r) => r.status !== 200 && r.status !== 304)).toEqual([]);
    await page.close();
  });

  it('opens a related article from 相关报道', async () => {
    const article = built.site.articles.find((a) => (a.related ?? []).length > 0)!;
    const target = article.related![0]!;
    const page = await browser.newPage();
    await page.goto(served.origin + article.url);
    expect(await page.getByRole('navigation', { name: '相关报道' }).isVisible()).toBe(true);
    await page.locator(`.article-related a[href="${target.url}"]`).click();
    await page.waitForURL((url) => url.pathname === target.url);
    expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(target.url);
    await page.close();
  });

  it('has no axe violations on an entity page and the index of entities', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    for (const url of [built.site.entities![0]!.url, `${BASE}entities/`]) {
      const response = await page.goto(served.origin + url);
      expect(response?.status()).toBe(200);
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
      for (const v of results.violations) problems.push(`${url}: ${v.id} ${v.help}`);
    }
    await context.close();
    expect(problems).toEqual([]);
  });
});
