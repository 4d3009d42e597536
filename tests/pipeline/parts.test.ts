import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { linkParts, reportUnresolvedJumps, wholeUrl } from '../../src/parts.js';
import type { SiteArticle, SitePage } from '../../src/site.js';
import { article as plainArticle } from '../render/fixture.js';

function article(id: string, to: string | null, from: string | null, links: { toUrl?: string; fromUrl?: string } = {}): SiteArticle {
  const position = { start: { line: 3, column: 1 }, end: { line: 9, column: 12 } };
  const a = plainArticle({ headline: id, paragraphs: ['正文'], continuedTo: to, continuedFrom: from, position });
  return {
    id,
    url: `/${id}/`,
    article: a,
    title: id,
    paperId: 'p',
    issueId: 'i',
    pageId: 'pg',
    prevUrl: null,
    nextUrl: null,
    continuedToUrl: links.toUrl ?? null,
    continuedFromUrl: links.fromUrl ?? null,
    parts: [],
    reprints: [],
  };
}

function page(number: number | null, articles: SiteArticle[]): SitePage {
  return { id: `pg${number}`, issueId: 'i', number, name: null, label: number === null ? '未标版次(1)' : `第${number}版`, source: `${number}.txt`, url: `/p${number}/`, articles, diagnostics: [] };
}

describe('linkParts', () => {
  it('chains a story over three 版 in reading order, from either side of each link', () => {
    const a = article('a', '第2版', null, { toUrl: '/b/' });
    const b = article('b', '第3版', '第1版'); // its forward link is missing: c points back
    const c = article('c', null, '第2版', { fromUrl: '/b/' });
    const alone = article('d', null, null);
    linkParts([page(1, [a, alone]), page(2, [b]), page(3, [c])]);
    expect(a.parts).toEqual(['a', 'b', 'c']);
    expect(c.parts).toBe(a.parts);
    expect(alone.parts).toEqual([]);
  });

  it('survives markers that point in a circle, visiting each article once', () => {
    const a = article('a', '第2版', '第2版', { toUrl: '/b/', fromUrl: '/b/' });
    const b = article('b', '第1版', '第1版', { toUrl: '/a/', fromUrl: '/a/' });
    linkParts([page(1, [a]), page(2, [b])]);
    expect(a.parts).toEqual(['a', 'b']);
    expect(b.parts).toEqual(['a', 'b']);
  });

  it('puts the reading view below the first part', () => {
    expect(wholeUrl('/x/2021-03-01/p01/01/')).toBe('/x/2021-03-01/p01/01/whole/');
  });
});

describe('reportUnresolvedJumps', () => {
  it('reports a jump to a 版 not in the archive at the end of the article, and one nothing answers at its start', () => {
    const files = [new VFile({ path: '1.txt' }), new VFile({ path: '2.txt' })];
    const pages = [page(1, [article('a', '第4版', null)]), page(2, [article('b', null, '第1版')])];
    reportUnresolvedJumps(pages, files);
    reportUnresolvedJumps(pages, files); // twice adds nothing
    expect(files[0]!.messages.map((m) => [m.ruleId, m.line, m.column, m.reason])).toEqual([
      ['jump-unresolved', 9, 12, '下转第4版, but 第4版 is not in this archive: the rest of “a” is not linked'],
    ]);
    expect(files[1]!.messages.map((m) => [m.ruleId, m.line, m.column, m.reason])).toEqual([
      ['jump-unresolved', 3, 1, '上接第1版, but no article on 第1版 says 下转第2版: the start of “b” is not linked'],
    ]);
    expect(files[0]!.messages[0]!.fatal).toBe(false); // a warning: the page is still published
  });

  it('leaves resolved jumps alone', () => {
    const file = new VFile({ path: '1.txt' });
    reportUnresolvedJumps([page(1, [article('a', '第2版', null, { toUrl: '/b/' })])], [file]);
    expect(file.messages).toEqual([]);
  });
});
