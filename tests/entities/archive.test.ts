import { describe, expect, it } from 'vitest';
import { collectEntities, entityId, MIN_ARTICLES } from '../../src/entities/archive.js';
import type { ArticleAnalysis } from '../../src/entities/analyse.js';

const analysis = (...names: Array<[string, 'person' | 'place' | 'org']>): ArticleAnalysis => ({ entities: names.map(([name, kind]) => ({ name, kind, mentions: 1 })), terms: [] });

describe('the archive of entities', () => {
  it('gives readable, stable ids and URLs made of the kind and the name', () => {
    expect(entityId('person', '柯振华')).toBe('person-柯振华');
    expect(entityId('org', '上海某某（集团）有限公司')).toBe('org-上海某某-集团-有限公司');
  });

  it(`gives a page to entities in at least ${MIN_ARTICLES} articles, with their articles by date and a count per year`, () => {
    const articles = [
      { id: 'b', date: '2021-03-01' },
      { id: 'a', date: '2020-05-01' },
      { id: 'c', date: null },
      { id: 'd', date: '2021-01-09' },
    ];
    const { entities, byArticle } = collectEntities(
      articles,
      [analysis(['柯振华', 'person'], ['闵行区', 'place']), analysis(['柯振华', 'person']), analysis(['柯振华', 'person'], ['某某中学', 'org']), analysis(['闵行区', 'place'])],
      '/sub/',
    );
    expect(entities.map((e) => e.id)).toEqual(['person-柯振华', 'place-闵行区']);
    const person = entities[0]!;
    expect(person.url).toBe('/sub/entities/person-柯振华/');
    expect(person.articles).toEqual(['a', 'b', 'c']);
    expect(person.years).toEqual([
      { year: 2020, count: 1 },
      { year: 2021, count: 1 },
    ]);
    // The article keeps every entity; those without a page have no URL.
    expect(byArticle[2]).toEqual([
      { id: 'person-柯振华', name: '柯振华', kind: 'person', url: '/sub/entities/person-柯振华/' },
      { id: 'org-某某中学', name: '某某中学', kind: 'org', url: null },
    ]);
  });
});
