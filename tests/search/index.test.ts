import { describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { buildSearchIndex, searchOrder } from '../../src/search/index.js';
import { checkMeta, decodePostings, decodeShardDirectory, encodePostings, encodeShard, FORMAT_VERSION, blockPath } from '../../src/search/format.js';
import { runQuery, filterMatches, sortMatches, paginate, bigramCover } from '../../src/browser/engine.js';
import { parseQuery } from '../../src/search/tokenize.js';
import { HONGKOU, YANGPU, makeSite, smallSite } from './fixture.js';
import { memoryIndex } from './memory.js';

async function query(q: string, site = smallSite()): Promise<string[]> {
  const { loader } = memoryIndex(buildSearchIndex(site));
  const matches = await runQuery(parseQuery(q), loader);
  return matches.map((m) => searchOrder(site)[m.doc]!.title);
}

describe('buildSearchIndex', () => {
  it('writes only under search/, sorted, byte-identical on rebuild', () => {
    const a = buildSearchIndex(smallSite());
    const b = buildSearchIndex(smallSite());
    expect(a.every((f) => f.path.startsWith('search/'))).toBe(true);
    expect(a.map((f) => f.path)).toEqual([...a.map((f) => f.path)].sort());
    expect(a.map((f) => Buffer.from(f.contents).toString('base64'))).toEqual(b.map((f) => Buffer.from(f.contents).toString('base64')));
    expect(a.some((f) => f.path === 'search/meta.json.gz')).toBe(true);
  });

  it('meta carries the format version and a mismatch is refused', () => {
    const meta = buildSearchIndex(smallSite()).find((f) => f.path === 'search/meta.json.gz')!;
    const json = JSON.parse(gunzipSync(meta.contents as Uint8Array).toString('utf8'));
    expect(json.version).toBe(FORMAT_VERSION);
    expect(() => checkMeta({ ...json, version: FORMAT_VERSION + 1 })).toThrow(/format version/);
    expect(() => checkMeta({})).toThrow(/not a baokan search index/);
  });

  it('meta holds nothing per article, so the first fetch does not grow with the archive', () => {
    const metaOf = (site: ReturnType<typeof smallSite>): Record<string, unknown> =>
      JSON.parse(gunzipSync(buildSearchIndex(site).find((f) => f.path === 'search/meta.json.gz')!.contents as Uint8Array).toString('utf8'));
    const site = smallSite();
    const meta = metaOf(site);
    expect(Object.keys(meta).sort()).toEqual(['count', 'digest', 'format', 'papers', 'shardCount', 'version']);
    expect(meta.count).toBe(site.articles.length);
    expect(meta.papers).toEqual(site.papers.map((p) => ({ id: p.paper.id, name: p.paper.name })));
  });

  it("dates and papers' ranges give every article's issue date and paper (undated, guessed and printed dates)", async () => {
    const a = (headline: string): { headline: string; paragraphs: string[] } => ({ headline, paragraphs: [`${headline}的正文。`] });
    const site = makeSite([
      { paper: YANGPU, date: '2021-03-04', number: 1, articles: [a('甲'), a('乙')] },
      { paper: HONGKOU, date: null, number: 1, articles: [a('丙')] },
      { paper: HONGKOU, date: '2021-03-04', number: 1, articles: [a('丁')] },
      { paper: YANGPU, date: '1999-12-31', dateInferred: true, number: 1, articles: [a('戊')] },
      { paper: HONGKOU, date: '2020-02-29', number: 2, articles: [a('己'), a('庚')] },
      { paper: YANGPU, date: '2020-02-29', number: 3, articles: [a('辛')] },
    ]);
    const order = searchOrder(site);
    const { loader } = memoryIndex(buildSearchIndex(site));
    const dates = await loader.facts({ sort: 'date' });
    const issueDate = (pageId: string): string | null => site.papers.flatMap((p) => p.issues).find((i) => i.pages.some((pg) => pg.id === pageId))!.date;
    expect(order.map((_, doc) => dates.date(doc))).toEqual(order.map((art) => issueDate(art.pageId)));
    for (const paper of [YANGPU, HONGKOU]) {
      const facts = await loader.facts({ paper: paper.id });
      expect(order.map((_, doc) => facts.inPaper(doc, paper.id))).toEqual(order.map((art) => art.paperId === paper.id));
    }
  });

  it('round-trips postings through the shard encoding', () => {
    const p = { docs: [0, 5, 300], counts: [2, 1, 1], positions: [[3, 200000], [0], [17]], heads: [0, 9, 0] };
    const shard = encodeShard([{ gram: '大桥', df: 3, block: encodePostings(p) }, { gram: 'a', df: 1, block: encodePostings({ docs: [9], counts: [4] }) }]);
    const dir = decodeShardDirectory(shard, 'test');
    expect(decodePostings(shard, dir, '大桥')).toEqual(p);
    expect(decodePostings(shard, dir, 'a')).toEqual({ docs: [9], counts: [4] });
    expect(decodePostings(shard, dir, '无')).toEqual({ docs: [], counts: [] });
    // As a doc list, a bigram keeps its first offset and where it starts in the headline.
    const list = encodeShard([{ gram: '大桥', df: 3, block: encodePostings(p, true) }]);
    expect(decodePostings(list, { ...decodeShardDirectory(list, 'test'), kind: 1 }, '大桥')).toEqual({ docs: [0, 5, 300], counts: [2, 1, 1], first: [3, 0, 17], heads: [0, 9, 0] });
    const wrong = shard.slice();
    wrong[3] = FORMAT_VERSION + 1;
    expect(() => decodeShardDirectory(wrong, 'shards/0.bin.gz')).toThrow(/version/);
  });
});

describe('queries', () => {
  it('finds names, places and campaigns as exact substrings', async () => {
    expect(await query('谢坚钢')).toEqual(['谢坚钢出席主题党日活动', '臺灣同胞參訪']);
    expect(await query('大桥街道')).toEqual(['大桥街道旧改征收启动']);
    expect(await query('进博会')).toEqual(['进博会志愿者招募', '第三届进博会将于11月举行，Shangh']);
    expect(await query('旧改')).toEqual(['大桥街道旧改征收启动']);
  });

  it('ANDs terms and checks the exact substring, not just the grams', async () => {
    expect(await query('谢坚钢 致辞')).toEqual(['谢坚钢出席主题党日活动']);
    expect(await query('坚钢谢')).toEqual([]);
    expect(await query('街道大桥')).toEqual([]);
  });

  it('matches digit–Han and Latin substrings inside runs', async () => {
    expect(await query('7日')).toEqual(['大桥街道旧改征收启动']);
    expect(await query('27日')).toEqual(['大桥街道旧改征收启动']);
    expect(await query('hai')).toEqual(['第三届进博会将于11月举行，Shangh']);
    expect(await query('99')).toEqual(['大桥街道旧改征收启动']);
  });

  it('matches punctuation inside a term exactly, never the parts apart (the issue: 12·4, 3·15)', async () => {
    const site = makeSite([
      {
        paper: YANGPU,
        date: '2020-12-05',
        number: 1,
        articles: [
          { headline: '12·4国家宪法日主题活动', paragraphs: ['杨浦区12·4国家宪法日主题活动举行。'] },
          { headline: '宪法宣传周', paragraphs: ['12月4日起，全区开展宣传，4场讲座共12个单位参加。'] },
          { headline: '常年展示交易平台', paragraphs: ['发挥“6天+365天”平台作用，打造2.0版，步行15分钟可达。'] },
          { headline: '党建责任制', paragraphs: ['构建“4+4+4+3”党建责任制工作格局，消费者权益日（3・15）活动。'] },
        ],
      },
      { paper: HONGKOU, date: '2020-12-06', number: 1, articles: [{ headline: '简讯', paragraphs: ['12•4国家宪法日，1２．０版。'] }] },
    ]);
    // The articles found, by title (ranking is tested elsewhere).
    const q = async (text: string): Promise<string[]> => (await query(text, site)).sort();
    expect(await q('12·4')).toEqual(['12·4国家宪法日主题活动', '简讯']);
    expect(await q('"12·4"')).toEqual(['12·4国家宪法日主题活动', '简讯']);
    expect(await q('12・4')).toEqual(['12·4国家宪法日主题活动', '简讯']);
    expect(await q('12 4')).toEqual(['12·4国家宪法日主题活动', '宪法宣传周', '简讯']);
    expect(await q('3·15')).toEqual(['党建责任制']);
    expect(await q('6天+365天')).toEqual(['常年展示交易平台']);
    expect(await q('365天')).toEqual(['常年展示交易平台']);
    expect(await q('2.0版')).toEqual(['常年展示交易平台', '简讯']);
    expect(await q('20版')).toEqual([]);
    expect(await q('4+4+4+3')).toEqual(['党建责任制']);
    expect(await q('4+3')).toEqual(['党建责任制']);
    expect(await q('“4+4+4+3”')).toEqual(['党建责任制']);
    expect(await q('"“4+4+4+3”"')).toEqual(['党建责任制']);
    expect(await q('"“4+4+4+3”。"')).toEqual([]);
    expect(await q('（3·15）')).toEqual(['党建责任制']);
    expect(await q('"（3·15）"')).toEqual(['党建责任制']);
    expect(await q('12·4国家宪法日，')).toEqual(['12·4国家宪法日主题活动', '简讯']);
    expect(await q('"12·4国家宪法日，"')).toEqual(['简讯']);
  });

  it('folds traditional and full-width queries and text', async () => {
    expect(await query('謝堅鋼')).toEqual(['谢坚钢出席主题党日活动', '臺灣同胞參訪']);
    expect(await query('台湾同胞')).toEqual(['臺灣同胞參訪']);
    expect(await query('abc')).toEqual(['臺灣同胞參訪']);
    expect(await query('ＳＨＡＮＧＨＡＩ')).toEqual(['第三届进博会将于11月举行，Shangh']);
  });

  it('ranks headline matches first', async () => {
    // 进博会 is in the headline of the Hongkou article only.
    expect((await query('进博会'))[0]).toBe('进博会志愿者招募');
  });

  it('filters by paper and date, sorts by date, paginates', async () => {
    const site = smallSite();
    const { loader, fetched } = memoryIndex(buildSearchIndex(site));
    const all = await runQuery(parseQuery('进博会'), loader);
    // Nothing beyond the postings for relevance order without filters.
    await loader.facts({});
    expect(fetched.some((f) => f.path.includes('dates') || f.path.includes('papers/'))).toBe(false);
    const paperOf = (ms: typeof all): string[] => ms.map((m) => searchOrder(site)[m.doc]!.paperId);
    expect(paperOf(filterMatches(all, await loader.facts({ paper: 'yangpu-times' }), { paper: 'yangpu-times' }))).toEqual(['yangpu-times']);
    expect(filterMatches(all, await loader.facts({ paper: 'no-such-paper' }), { paper: 'no-such-paper' })).toEqual([]);
    expect(fetched.filter((f) => f.path.includes('dates'))).toEqual([]);
    const dated = await loader.facts({ from: '2020-08-01' });
    expect(paperOf(filterMatches(all, dated, { from: '2020-08-01' }))).toEqual(['hongkou-news']);
    expect(paperOf(filterMatches(all, dated, { to: '2020-07-31' }))).toEqual(['yangpu-times']);
    expect(paperOf(sortMatches(all, dated, 'date'))).toEqual(['hongkou-news', 'yangpu-times']);
    expect(paperOf(sortMatches(all, dated, 'date-asc'))).toEqual(['yangpu-times', 'hongkou-news']);
    expect(paginate([1, 2, 3, 4, 5], 2, 2)).toEqual({ items: [3, 4], page: 2, pages: 3 });
    expect(paginate([1, 2, 3], 99, 2)).toEqual({ items: [3], page: 2, pages: 2 });
    expect(paginate([], 1, 10)).toEqual({ items: [], page: 1, pages: 1 });
  });

  it('fetches only the doc list of a frequent bigram for a two-character term, positions for longer terms', async () => {
    const site = smallSite();
    const { loader, fetched } = memoryIndex(buildSearchIndex(site, { ownFileBytes: 0 }));
    const titles = async (q: string): Promise<string[]> => (await runQuery(parseQuery(q), loader)).map((m) => searchOrder(site)[m.doc]!.title);
    expect(await titles('进博')).toEqual(['进博会志愿者招募', '第三届进博会将于11月举行，Shangh']);
    expect(fetched.map((f) => f.path)).toContain(`search/${blockPath('进博', 0)}`);
    expect(fetched.some((f) => f.path.includes('.pos.'))).toBe(false);
    expect(await titles('进博会')).toEqual(['进博会志愿者招募', '第三届进博会将于11月举行，Shangh']);
    expect(fetched.map((f) => f.path)).toContain(`search/${blockPath('进博', 0, true)}`);
    expect(await titles('博会志')).toEqual(['进博会志愿者招募']);
  });

  it('covers a term with non-overlapping bigrams', () => {
    expect(bigramCover(Array.from('abcde'))).toEqual([
      { gram: 'ab', offset: 0 },
      { gram: 'cd', offset: 2 },
      { gram: 'de', offset: 3 },
    ]);
    expect(bigramCover(Array.from('𠀀x'))).toEqual([{ gram: '𠀀x', offset: 0 }]);
    expect(bigramCover(Array.from('abcd'))).toEqual([
      { gram: 'ab', offset: 0 },
      { gram: 'cd', offset: 2 },
    ]);
  });

  it('avoids a costly (frequent) middle bigram when its neighbours pin the same characters', () => {
    const cost = (g: string): number => (g === '发展' ? 20 : 1);
    expect(bigramCover(Array.from('经济发展会议'), cost).map((g) => g.gram)).toEqual(['经济', '济发', '展会', '会议']);
    expect(bigramCover(Array.from('经济发展会议')).map((g) => g.gram)).toEqual(['经济', '发展', '会议']);
    // End bigrams are forced whatever they cost.
    expect(bigramCover(Array.from('发展中'), cost).map((g) => g.gram)).toEqual(['发展', '展中']);
  });
});
