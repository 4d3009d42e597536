import { describe, expect, it } from 'vitest';
import { selectAll, select } from 'hast-util-select';
import { renderSite } from '../../src/render/index.js';
import { fixtureSite, loadTemplates } from './fixture.js';
import { parsePage, text } from './helpers.js';

describe('同文另见 on an article page', () => {
  it('lists each copy with its paper, date and 版, and at most 20 of them', () => {
    const site = fixtureSite('/');
    const [first, second] = site.articles;
    first!.reprints = Array.from({ length: 23 }, () => second!.id);
    second!.reprints = [first!.id];
    const files = renderSite(site, loadTemplates());
    const many = parsePage(files, `${first!.url.slice(1)}index.html`);
    expect(selectAll('a[data-reprint]', many)).toHaveLength(20);
    expect(text(select('.reprint-more', many))).toContain('另有 3 篇');
    const one = parsePage(files, `${second!.url.slice(1)}index.html`);
    expect(selectAll('a[data-reprint]', one).map((a) => a.properties.href)).toEqual([first!.url]);
    expect(text(select('.reprints', one))).toContain(site.papers[0]!.paper.name);
    expect(select('.reprint-more', one)).toBeUndefined();
  });

  it('is absent when the article has no copies elsewhere', () => {
    const site = fixtureSite('/');
    const files = renderSite(site, loadTemplates());
    expect(select('.reprints', parsePage(files, `${site.articles[0]!.url.slice(1)}index.html`))).toBeUndefined();
  });
});
