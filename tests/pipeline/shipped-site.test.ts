/**
 * What the render worker receives (src/shipped-site.ts): the site's index and each issue in
 * full as a message. Rendered from those, in the worker's order, the pages are the pages.
 */
import { describe, expect, it } from 'vitest';
import { shipIssues } from '../../src/shipped-site.js';
import { renderSiteBatches, renderSiteParts } from '../../src/render/index.js';
import { siteIndex, type Site, type SiteIssue } from '../../src/site.js';
import type { OutputFile } from '../../src/types.js';
import { fixtureSite, loadTemplates } from '../render/fixture.js';

/** The fixture site with what pages show of other articles: reprints, parts, entities, related articles. */
function linkedSite(): Site {
  const site = fixtureSite('/');
  const ids = site.articles.map((a) => a.id);
  site.articles.forEach((a, k) => {
    a.reprints = ids.filter((_, j) => j !== k && Math.abs(j - k) <= 2);
    a.related = site.articles.filter((_, j) => j !== k && j % 3 === k % 3).map((b) => ({ id: b.id, url: b.url, title: b.title }));
    a.entities = [{ id: 'place-杨浦', name: '杨浦', kind: 'place', url: '/entities/place-杨浦/' }];
    a.article.blocks = [{ kind: 'text', text: 'a source block', reason: 'test' } as never];
  });
  // A story in two parts on two 版 of one issue.
  const issue = site.papers.flatMap((p) => p.issues).find((i) => i.pages.length >= 2 && i.pages.every((p) => p.articles.length > 0))!;
  const story = [issue.pages[0]!.articles[0]!, issue.pages[1]!.articles[0]!];
  for (const part of story) part.parts = story.map((a) => a.id);
  site.entities = [{ id: 'place-杨浦', name: '杨浦', kind: 'place', url: '/entities/place-杨浦/', articles: ids, years: [{ year: 2020, count: ids.length }] }];
  return site;
}

/** Renders as the worker does: from a copy of the index, each issue taken from a copy of what is sent. */
function renderShipped(site: Site, skip: Set<string>): OutputFile[] {
  const index = structuredClone(siteIndex(site));
  const sent = shipIssues(site, skip, true);
  const files: OutputFile[] = [];
  for (const part of renderSiteParts(index, loadTemplates(), { skipIssues: skip, citations: true })) {
    files.push(...(Array.isArray(part) ? part : part.render(structuredClone(sent.next().value as SiteIssue))));
  }
  expect(sent.next().done).toBe(true);
  return files;
}

describe('the site shipped to the render worker', () => {
  it('renders from the index and one issue at a time the same files as from the whole site', () => {
    const site = linkedSite();
    const whole = [...renderSiteBatches(site, loadTemplates(), { citations: true })].flat();
    expect(whole.some((f) => f.path.endsWith('whole/index.html'))).toBe(true);
    expect(renderShipped(site, new Set())).toEqual(whole);
    const skip = new Set([site.papers[0]!.issues[0]!.id]);
    expect(renderShipped(site, skip)).toEqual([...renderSiteBatches(site, loadTemplates(), { citations: true, skipIssues: skip })].flat());
  });

  it('indexes every article by what a link shows, without its text, entities or copies', () => {
    const site = linkedSite();
    const index = siteIndex(site);
    expect(index.articles.map((a) => a.id)).toEqual(site.articles.map((a) => a.id));
    expect(index.papers[0]!.issues[0]!.pages[0]!.articles[0]).toBe(index.articles[0]);
    for (const ref of index.articles) {
      expect(Object.keys(ref).sort()).toEqual(['article', 'id', 'issueId', 'pageId', 'paperId', 'title', 'url']);
      expect(Object.keys(ref.article).sort()).toEqual(['headline', 'paragraphs']);
    }
    expect(site.articles[0]!.article.paragraphs.length).toBeGreaterThan(0); // the build's own site is untouched
  });

  it('sends the issues in render order, skipped ones left out, without source blocks only when asked', () => {
    const site = linkedSite();
    const all = site.papers.flatMap((p) => p.issues.map((i) => i.id));
    const skip = new Set([all[1]!]);
    const sent = [...shipIssues(site, skip, true)];
    expect(sent.map((i) => i.id)).toEqual(all.filter((id) => !skip.has(id)));
    expect(sent.flatMap((i) => i.pages.flatMap((p) => p.articles)).every((a) => a.article.blocks.length === 0)).toBe(true);
    expect(site.articles.every((a) => a.article.blocks.length === 1)).toBe(true);
    expect([...shipIssues(site, skip, false)][0]).toBe(site.papers.flatMap((p) => p.issues).find((i) => !skip.has(i.id)));
  });
});
