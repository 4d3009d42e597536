/**
 * `npm run screenshots`: builds seeds/ in memory, serves it on localhost and saves a PNG of each
 * page type at 390 px and 1280 px wide (light, plus dark at 390 px), and an article as printed,
 * into screenshots/.
 * `--fixture` uses the renderer's hand-made test site instead (no parser needed).
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { buildTestSite, launchChromium, pageTypeUrls, ROOT, serveSite } from '../tests/browser/support.js';

const WIDTHS = [390, 1280] as const;

async function main(): Promise<void> {
  const source = process.argv.includes('--fixture') ? 'fixture' : 'seeds';
  const out = path.join(ROOT, 'screenshots');
  await mkdir(out, { recursive: true });
  const built = await buildTestSite(source, '/');
  const served = await serveSite(built.files, '/');
  const browser = await launchChromium();
  try {
    const urls = pageTypeUrls(built);
    for (const width of WIDTHS) {
      for (const scheme of width === 390 ? (['light', 'dark'] as const) : (['light'] as const)) {
        const context = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
        const page = await context.newPage();
        await page.emulateMedia({ colorScheme: scheme });
        for (const [type, url] of Object.entries(urls)) {
          await page.goto(served.origin + url);
          const file = path.join(out, `${type}-${width}${scheme === 'dark' ? '-dark' : ''}.png`);
          await page.screenshot({ path: file, fullPage: true });
          console.log(path.relative(ROOT, file));
        }
        await context.close();
      }
    }
    // The print stylesheet, as a PDF-like page image of an article.
    const context = await browser.newContext({ viewport: { width: 794, height: 1123 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await page.emulateMedia({ media: 'print' });
    await page.goto(served.origin + urls.article!);
    const file = path.join(out, 'article-print.png');
    await page.screenshot({ path: file, fullPage: true });
    console.log(path.relative(ROOT, file));
    await context.close();
  } finally {
    await browser.close();
    await served.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
