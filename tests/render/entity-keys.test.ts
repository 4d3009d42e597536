/** An entity page's render key covers what the page shows (src/render/pages/entity.ts, src/reuse.ts). */
import { describe, expect, it } from 'vitest';
import { entityPageShows } from '../../src/render/index.js';
import { entityKeys } from '../../src/reuse.js';
import type { Site } from '../../src/site.js';
import { fixtureSite } from './fixture.js';

/** The fixture site with one entity listing its first two articles. */
function withEntity(): Site {
  const site = fixtureSite('/');
  const [a, b] = site.articles;
  site.entities = [{ id: 'person-张三', name: '张三', kind: 'person', url: '/entities/person-张三/', articles: [a!.id, b!.id], years: [{ year: 2020, count: 2 }] }];
  return site;
}

describe('entity page keys', () => {
  it('change when a listed article’s title, or the entity’s articles, change', () => {
    const site = withEntity();
    const before = entityKeys(site, 'print').get('person-张三');
    expect(before).toMatch(/^[0-9a-f]{64}$/);
    site.articles[0]!.title = '另一个标题';
    site.articles[0]!.article = { ...site.articles[0]!.article, headline: '另一个标题' };
    expect(entityKeys(site, 'print').get('person-张三')).not.toBe(before);
    const other = withEntity();
    other.entities![0]!.articles.pop();
    expect(entityKeys(other, 'print').get('person-张三')).not.toBe(before);
    expect(entityKeys(withEntity(), 'another renderer').get('person-张三')).not.toBe(before);
  });

  it('stay the same when an article the page does not list changes', () => {
    const site = withEntity();
    const before = entityPageShows(site).get('person-张三');
    const unlisted = site.articles[site.articles.length - 1]!;
    expect(site.entities![0]!.articles).not.toContain(unlisted.id);
    unlisted.title = '别的文章';
    unlisted.article = { ...unlisted.article, headline: '别的文章', paragraphs: ['全新的正文。'] };
    expect(entityPageShows(site).get('person-张三')).toBe(before);
  });
});
