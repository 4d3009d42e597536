import { describe, expect, it } from 'vitest';
import { findRanges, snippet } from '../../src/browser/snippet.js';
import { formatDate, pageList, parseHighlight, searchFromState, stateFromSearch } from '../../src/browser/state.js';
import { gunzip, isGzip } from '../../src/browser/loader.js';
import { gzipSync } from 'node:zlib';

describe('snippet', () => {
  it('finds matches of folded terms in the original text, in source offsets', () => {
    const text = '臺灣同胞參訪北外灘，ＡＢＣ公司';
    expect(findRanges(text, ['台湾', 'abc']).map(([s, e]) => text.slice(s, e))).toEqual(['臺灣', 'ＡＢＣ']);
  });

  it('marks a term with punctuation where its folded form is printed, whichever variant of the mark', () => {
    const text = '杨浦区12・4国家宪法日，12月4日；“６天＋３６５天”。';
    expect(findRanges(text, ['12·4']).map(([s, e]) => text.slice(s, e))).toEqual(['12・4']);
    expect(findRanges(text, ['6天+365天']).map(([s, e]) => text.slice(s, e))).toEqual(['６天＋３６５天']);
    expect(findRanges(text, ['日,12'])).toEqual([[text.indexOf('日，'), text.indexOf('月')]]);
  });

  it('merges overlapping matches', () => {
    expect(findRanges('大桥街道', ['大桥', '桥街'])).toEqual([[0, 3]]);
  });

  it('cuts a window around the first match with the whole match marked and ellipses', () => {
    const text = '甲'.repeat(200) + '谢坚钢' + '乙'.repeat(200);
    const pieces = snippet(text, ['谢坚钢'], 40);
    expect(pieces[0]).toEqual({ text: '…', mark: false });
    expect(pieces[pieces.length - 1]).toEqual({ text: '…', mark: false });
    expect(pieces.filter((p) => p.mark).map((p) => p.text)).toEqual(['谢坚钢']);
    expect(pieces.map((p) => p.text).join('').length).toBeLessThanOrEqual(44);
  });

  it('never cuts a long match at the window end, and shows field breaks', () => {
    const text = '标题\n' + '正文'.repeat(10) + '很长的一个匹配词语很长的一个匹配词语';
    const pieces = snippet(text, ['很长的一个匹配词语很长的一个匹配词语'], 10);
    expect(pieces.filter((p) => p.mark).map((p) => p.text)).toEqual(['很长的一个匹配词语很长的一个匹配词语']);
    expect(snippet('标题\n正文', ['正文']).map((p) => p.text).join('')).toBe('标题 / 正文');
  });
});

describe('state', () => {
  it('round-trips the URL state and drops defaults and junk', () => {
    const s = stateFromSearch('?q=旧改&paper=yangpu-times&from=2020-01-01&to=bad&sort=date&page=3');
    expect(s).toEqual({ q: '旧改', paper: 'yangpu-times', from: '2020-01-01', to: undefined, sort: 'date', page: 3 });
    expect(stateFromSearch(searchFromState(s))).toEqual(s);
    expect(searchFromState(stateFromSearch('?q=a&sort=nonsense&page=-2'))).toBe('?q=a');
  });

  it('formats dates and page lists', () => {
    expect(formatDate('2020-07-27')).toBe('2020年7月27日');
    expect(formatDate(null)).toBe('日期不详');
    expect(pageList(5, 10)).toEqual([1, 0, 3, 4, 5, 6, 7, 0, 10]);
    expect(pageList(1, 3)).toEqual([1, 2, 3]);
  });

  it('accepts only well-formed highlight requests', () => {
    expect(parseHighlight('{"path":"/a/","terms":["x"]}')).toEqual({ path: '/a/', terms: ['x'] });
    expect(parseHighlight('{"path":1}')).toBeNull();
    expect(parseHighlight('not json')).toBeNull();
    expect(parseHighlight(null)).toBeNull();
  });
});

describe('loader', () => {
  it('gunzips gzip bytes and passes already-decoded bytes through (servers that set Content-Encoding)', async () => {
    const plain = new TextEncoder().encode('{"a":1}');
    const gz = new Uint8Array(gzipSync(plain));
    expect(isGzip(gz)).toBe(true);
    expect(await gunzip(gz)).toEqual(plain);
    expect(await gunzip(plain)).toBe(plain);
  });
});
