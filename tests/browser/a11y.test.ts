import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { buildTestSite, launchChromium, pageTypeUrls, serveSite, type BuiltSite, type ServedSite } from './support.js';

const SOURCES = ['fixture', 'seeds'] as const;
const SCHEMES = ['light', 'dark'] as const;
// WCAG 2.2 A/AA plus axe's best practices (landmarks, heading order, region…).
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

for (const source of SOURCES) {
  describe(`axe on every page type of the ${source} site`, () => {
    let built: BuiltSite;
    let served: ServedSite;
    let browser: Browser;
    let urls: Record<string, string> = {};

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

    for (const scheme of SCHEMES) {
      it(`reports no violations in ${scheme} mode`, async () => {
        // AxeBuilder needs a page from an explicit context.
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        const page = await context.newPage();
        await page.emulateMedia({ colorScheme: scheme });
        const problems: string[] = [];
        let passes = 0;
        for (const [type, url] of Object.entries(urls)) {
          await page.goto(served.origin + url);
          if (url.includes('?q=')) await page.waitForSelector('[data-search-status="done"]', { state: 'attached' });
          // The scheme really applies: dark mode paints a dark page.
          const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
          expect(background, `${type} background`).toBe(scheme === 'dark' ? 'rgb(21, 23, 26)' : 'rgb(251, 250, 246)');
          const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
          passes += results.passes.length;
          for (const violation of results.violations) {
            problems.push(`${type} ${url}: ${violation.id} (${violation.impact}) ${violation.help} — ${violation.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
          }
        }
        await context.close();
        expect(problems).toEqual([]);
        expect(passes).toBeGreaterThan(Object.keys(urls).length * 10); // axe did check things
      });
    }
  });
}
