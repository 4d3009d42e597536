import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import { selectAll } from 'hast-util-select';
import { buildTestSite, producedElsewhere, type SiteSource } from './support.js';
import type { OutputFile } from '../../src/types.js';

/** The output file a site path is served from (directory URLs serve their index.html). */
function fileFor(base: string, pathname: string): string | null {
  if (!pathname.startsWith(base)) return null;
  const rest = decodeURIComponent(pathname.slice(base.length));
  return rest === '' || rest.endsWith('/') ? `${rest}index.html` : rest;
}

/** Every broken internal link or asset reference in the output, as `page → url (why)`. */
function brokenLinks(source: SiteSource, base: string, files: OutputFile[]): string[] {
  const byPath = new Map(files.map((file) => [file.path, file]));
  const ids = new Map<string, Set<string>>();
  const trees = new Map(
    files
      .filter((file) => file.path.endsWith('.html'))
      .map((file) => [file.path, unified().use(rehypeParse).parse(String(typeof file.contents === 'string' ? file.contents : new TextDecoder().decode(file.contents)))]),
  );
  for (const [path, tree] of trees) ids.set(path, new Set(selectAll('[id]', tree).map((el) => String(el.properties.id))));
  const broken: string[] = [];
  for (const [path, tree] of trees) {
    // 404.html is served at any URL, so its links must not depend on where it is: no relative ones.
    const pageUrl = path === '404.html' ? `${base}some/missing/deep/path/` : `${base}${path.replace(/index\.html$/, '')}`;
    for (const element of selectAll('a[href], link[href], script[src], img[src], form[action]', tree)) {
      const raw = String(element.properties.href ?? element.properties.src ?? element.properties.action);
      if (/^(https?:|mailto:)/.test(raw)) continue;
      if (!raw.startsWith('/') && !raw.startsWith('#')) {
        broken.push(`${path} → ${raw} (relative URL: every internal link must be absolute with the base)`);
        continue;
      }
      const url = new URL(raw, `http://localhost${pageUrl}`);
      const target = raw.startsWith('#') ? path : fileFor(base, url.pathname);
      if (target === null) {
        broken.push(`${path} → ${raw} (outside the base ${base})`);
        continue;
      }
      if (!byPath.has(target)) {
        if (!producedElsewhere(source, base, url.pathname)) broken.push(`${path} → ${raw} (no file ${target})`);
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && target.endsWith('.html') && !ids.get(target)?.has(fragment)) broken.push(`${path} → ${raw} (no id ${fragment} in ${target})`);
    }
  }
  return broken;
}

describe('link checker: every internal link and asset in the output resolves', () => {
  for (const source of ['fixture', 'seeds'] as const) {
    for (const base of ['/', '/sub/']) {
      it(`${source} site under ${base}`, async () => {
        const { files } = await buildTestSite(source, base);
        expect(files.filter((file) => file.path.endsWith('.html')).length).toBeGreaterThan(5);
        expect(brokenLinks(source, base, files)).toEqual([]);
      });
    }
  }
});

describe('the link checker itself', () => {
  it('reports missing files, missing fragments and relative links', () => {
    const page = (body: string): OutputFile => ({ path: 'index.html', contents: `<!DOCTYPE html><html><body id="top">${body}</body></html>` });
    expect(brokenLinks('seeds', '/', [page('<a href="/gone/">x</a><a href="#nowhere">y</a><a href="rel/">z</a><a href="#top">ok</a>')])).toEqual([
      'index.html → /gone/ (no file gone/index.html)',
      'index.html → #nowhere (no id nowhere in index.html)',
      'index.html → rel/ (relative URL: every internal link must be absolute with the base)',
    ]);
  });
});
