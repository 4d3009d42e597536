import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { renderSite } from '../../src/render/index.js';
import { fixtureSite, loadTemplates } from './fixture.js';
import { excerpt } from '../../src/render/context.js';
import { parsePage, select, selectAll, text } from './helpers.js';

// Characters that matter to HTML, JSON and script parsing, plus CJK and a line separator.
const tricky = fc.string({ unit: fc.constantFrom('<', '>', '&', '"', "'", '/', '!', '-', 's', 'c', 'r', 'i', 'p', 't', ' ', '中', '\u2028', '='), minLength: 1 });

describe('any input text round-trips as text', () => {
  it('headline, paragraph and JSON-LD come back exactly as given', () => {
    const templates = loadTemplates();
    fc.assert(
      fc.property(tricky, tricky, (headline, paragraph) => {
        const site = fixtureSite('/');
        const target = site.articles.find((a) => a.article.headline !== null)!;
        target.article.headline = headline;
        target.title = headline;
        target.article.paragraphs = [paragraph];
        const files = renderSite(site, templates);
        const path = target.url.slice(1) + 'index.html';
        const tree = parsePage(files, path);
        expect(text(select('article h1', tree))).toBe(headline);
        expect(text(select('.article-body > p', tree))).toBe(paragraph);
        const scripts = selectAll('script', tree);
        expect(scripts).toHaveLength(3); // JSON-LD, the highlight and the citation modules
        // JSON-LD carries the headline with whitespace collapsed (excerpt), otherwise unchanged.
        expect((JSON.parse(text(scripts[0])) as { headline: string }).headline).toBe(excerpt(headline, 110));
      }),
      { numRuns: 40 },
    );
  });
});
