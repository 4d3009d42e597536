import { describe, expect, it } from 'vitest';
import { MAX_RELATED, POSTINGS, relatedArticles, type RelatedInput } from '../../src/related/related.js';

const doc = (terms: Record<string, number>, entities: string[] = []): RelatedInput => ({ terms: Object.entries(terms), entities });

describe('related articles', () => {
  // Filler articles make 会议 and 工作 common words of the archive.
  const filler = Array.from({ length: 20 }, (_, i) => doc({ 会议: 2, 工作: 3, [`填充${i}`]: 1 }));

  it('ranks articles sharing rare terms and entities above those sharing common words', () => {
    const docs = [
      doc({ 电梯: 3, 加装: 2, 会议: 1 }, ['place-曲阳新村']),
      doc({ 会议: 3, 工作: 2 }),
      doc({ 电梯: 2, 加装: 1, 工作: 1 }, ['place-曲阳新村']),
      doc({ 电梯: 1, 会议: 2 }),
      ...filler,
    ];
    const related = relatedArticles(docs);
    expect(related[0]![0]).toBe(2);
    expect(related[0]).not.toContain(0);
    expect(related[2]![0]).toBe(0);
  });

  it('gives at most five, best first, never the article itself, and nothing for an article sharing nothing', () => {
    const docs = [...Array.from({ length: 9 }, () => doc({ 桥梁: 2, 航道: 1 })), doc({ 独有: 5 }), ...filler];
    const related = relatedArticles(docs);
    expect(related[0]).toHaveLength(MAX_RELATED);
    related.forEach((list, i) => expect(list).not.toContain(i));
    expect(related[9]).toEqual([]);
    // Equal scores: the earlier article first (ties broken by archive order).
    expect(related[0]).toEqual([1, 2, 3, 4, 5]);
  });

  it('is the same for the same archive (deterministic)', () => {
    const docs = Array.from({ length: 200 }, (_, i) => doc({ [`词${i % 17}`]: 1 + (i % 3), [`语${i % 23}`]: 2, 共同: 1 }, [`person-某${i % 11}`]));
    expect(relatedArticles(docs)).toEqual(relatedArticles(docs.map((d) => ({ terms: [...d.terms], entities: [...d.entities] }))));
  });

  it('matches an article only with the heaviest articles of a term in more than POSTINGS articles', () => {
    // A term in many articles: each keeps it, but only POSTINGS of them are on its posting list.
    const n = 3 * POSTINGS;
    const docs = Array.from({ length: n }, (_, i) => doc({ 常见: 1 + (i % 2), [`专${i}`]: 1 }));
    docs.push(...Array.from({ length: n }, (_, i) => doc({ [`别${i}`]: 1 })));
    const related = relatedArticles(docs);
    const candidates = new Set(related.slice(0, n).flat());
    expect(candidates.size).toBeLessThanOrEqual(POSTINGS);
  });
});
