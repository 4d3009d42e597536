import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build.js';
import { htmlPageUrls, renderRobots, renderSitemap, SITEMAP_LIMIT } from '../../src/sitemap.js';

const locs = (xml: string | Uint8Array): string[] => [...String(xml).matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]!);

describe('sitemap.xml and robots.txt', () => {
  it('lists the URL of every HTML page but 404.html, under the base', () => {
    expect(htmlPageUrls(['index.html', '404.html', 'about/index.html', 'api/catalog.json', 'a/b/index.html', 'x/page.html'], '/archive/')).toEqual([
      '/archive/',
      '/archive/a/b/',
      '/archive/about/',
      '/archive/x/page.html',
    ]);
  });

  it('gives absolute URLs with an origin, base-prefixed paths without, and escapes them', () => {
    const urls = ['/archive/', '/archive/a&b/'];
    const [plain] = renderSitemap(urls, { base: '/archive/', origin: null });
    expect(plain!.path).toBe('sitemap.xml');
    expect(String(plain!.contents)).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">\n<url><loc>\/archive\/<\/loc><\/url>\n/);
    expect(String(plain!.contents)).toContain('<loc>/archive/a&#x26;b/</loc>');
    const [absolute] = renderSitemap(urls, { base: '/archive/', origin: 'https://example.org' });
    expect(locs(absolute!.contents)[0]).toBe('https://example.org/archive/');
    // Entity pages carry names in their paths: percent-encoded as UTF-8.
    const [named] = renderSitemap(['/archive/entities/place-杨浦区/'], { base: '/archive/', origin: null });
    expect(String(named!.contents)).toContain('<loc>/archive/entities/place-%E6%9D%A8%E6%B5%A6%E5%8C%BA/</loc>');
  });

  it(`splits more than ${SITEMAP_LIMIT.toLocaleString('en')} URLs into parts listed by a sitemap index`, () => {
    const urls = Array.from({ length: 2 * SITEMAP_LIMIT + 1 }, (_, i) => `/a/${String(i).padStart(6, '0')}/`);
    const files = renderSitemap(urls, { base: '/a/', origin: 'https://example.org' });
    expect(files.map((f) => f.path)).toEqual(['sitemap.xml', 'sitemap-1.xml', 'sitemap-2.xml', 'sitemap-3.xml']);
    const index = String(files[0]!.contents);
    expect(index).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(locs(index)).toEqual(['https://example.org/a/sitemap-1.xml', 'https://example.org/a/sitemap-2.xml', 'https://example.org/a/sitemap-3.xml']);
    const parts = files.slice(1).map((f) => locs(f.contents));
    expect(parts.map((p) => p.length)).toEqual([SITEMAP_LIMIT, SITEMAP_LIMIT, 1]);
    expect(parts.flat()).toEqual(urls.map((u) => `https://example.org${u}`));
    // Exactly the limit still fits one file.
    expect(renderSitemap(urls.slice(0, SITEMAP_LIMIT), { base: '/a/', origin: null }).map((f) => f.path)).toEqual(['sitemap.xml']);
  });

  it('points robots.txt to the sitemap', () => {
    expect(renderRobots({ base: '/', origin: null }).contents).toBe('User-agent: *\nAllow: /\n\nSitemap: /sitemap.xml\n');
    expect(renderRobots({ base: '/archive/', origin: 'https://example.org' }).contents).toContain('Sitemap: https://example.org/archive/sitemap.xml\n');
  });

  it('is part of every build: every page of the seeds, absolute with an origin', async () => {
    const { files } = await buildSite({ input: path.join(import.meta.dirname, '../../seeds'), base: '/archive/', origin: 'https://example.org/' });
    const pages = files.filter((f) => f.path.endsWith('.html') && f.path !== '404.html');
    const listed = locs(files.find((f) => f.path === 'sitemap.xml')!.contents);
    expect(listed).toHaveLength(pages.length);
    expect(listed).toContain('https://example.org/archive/search/');
    for (const url of listed) expect(url.startsWith('https://example.org/archive/'), url).toBe(true);
    expect(files.find((f) => f.path === 'robots.txt')!.contents).toContain('Sitemap: https://example.org/archive/sitemap.xml');
    const home = String(files.find((f) => f.path === 'index.html')!.contents);
    expect(home).toContain('<link rel="canonical" href="https://example.org/archive/">');
    expect(home).toContain('<meta property="og:url" content="https://example.org/archive/">');
    const feed = String(files.find((f) => f.path === 'yangpu-times/feed.xml')!.contents);
    expect(feed).toContain('<link rel="self" type="application/atom+xml" href="https://example.org/archive/yangpu-times/feed.xml">');
  });
});
