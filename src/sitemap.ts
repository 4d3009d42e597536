/**
 * `sitemap.xml` and `robots.txt`, so search engines find every page of the archive. The sitemap
 * lists every HTML page (not 404.html) with its absolute URL when the site's origin is
 * configured, else with its base-prefixed path (contract §4). Beyond 50,000 URLs, the protocol's
 * limit for one file, `sitemap.xml` becomes a sitemap index pointing to `sitemap-1.xml`, … .
 * Built as xast trees like the feeds, so URLs are always escaped.
 */
import { x } from 'xastscript';
import { toXml } from 'xast-util-to-xml';
import type { Element, ElementContent } from 'xast';
import type { OutputFile } from './types.js';

/** The sitemap protocol's limit of URLs in one file (https://www.sitemaps.org/protocol.html). */
export const SITEMAP_LIMIT = 50_000;

const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

/** The page URLs (with base) of the HTML files among `paths` (output paths), sorted. */
export function htmlPageUrls(paths: Iterable<string>, base: string): string[] {
  const urls: string[] = [];
  for (const p of paths) {
    if (!p.endsWith('.html') || p === '404.html') continue;
    urls.push(base + (p === 'index.html' || p.endsWith('/index.html') ? p.slice(0, -'index.html'.length) : p));
  }
  return urls.sort();
}

/**
 * The sitemap files for `urls` (base-prefixed paths): one `sitemap.xml`, or an index and its
 * parts of at most `limit` URLs each. `origin` (`https://host`, no trailing slash) makes every
 * location absolute; `base` is where the files themselves are served.
 */
export function renderSitemap(urls: string[], options: { base: string; origin: string | null; limit?: number }): OutputFile[] {
  const limit = options.limit ?? SITEMAP_LIMIT;
  // Sitemaps take URLs escaped as in RFC 3986: entity pages have names in their paths.
  const at = (url: string): string => (options.origin ?? '') + encodeURI(url);
  if (urls.length <= limit) return [{ path: 'sitemap.xml', contents: xml(urlset(urls.map(at))) }];
  const parts: OutputFile[] = [];
  for (let i = 0; i < urls.length; i += limit) {
    parts.push({ path: `sitemap-${parts.length + 1}.xml`, contents: xml(urlset(urls.slice(i, i + limit).map(at))) });
  }
  const index = x('sitemapindex', { xmlns: NS }, lines(parts.map((part) => x('sitemap', [x('loc', at(options.base + part.path))]))));
  return [{ path: 'sitemap.xml', contents: xml(index) }, ...parts];
}

/** `robots.txt`: everything may be crawled; the sitemap is named (absolute with an origin). */
export function renderRobots(options: { base: string; origin: string | null }): OutputFile {
  return { path: 'robots.txt', contents: `User-agent: *\nAllow: ${options.base}\n\nSitemap: ${options.origin ?? ''}${options.base}sitemap.xml\n` };
}

function urlset(locations: string[]): Element {
  return x('urlset', { xmlns: NS }, lines(locations.map((loc) => element('url', [element('loc', [{ type: 'text', value: loc }])]))));
}

/** `x(name, children)` without its argument handling: large archives have tens of thousands of URLs. */
function element(name: string, children: ElementContent[]): Element {
  return { type: 'element', name, attributes: {}, children };
}

/** One entry per line, so the files read (and diff) line by line. */
function lines(elements: Element[]): ElementContent[] {
  return elements.flatMap((e): ElementContent[] => [{ type: 'text', value: '\n' }, e]).concat({ type: 'text', value: '\n' });
}

function xml(root: Element): string {
  return `${toXml(x(null, [{ type: 'instruction', name: 'xml', value: 'version="1.0" encoding="UTF-8"' }, { type: 'text', value: '\n' }, root]))}\n`;
}
