import { describe, expect, it } from 'vitest';
import MiniSearch from 'minisearch';
import { foldChar, normalize, normalizeWithOffsets, parseQuery, segments, tokenize, miniSearchOptions } from '../../src/search/tokenize.js';

describe('normalize', () => {
  it('folds full-width forms, case and traditional characters one to one', () => {
    expect(normalize('ＡＢＣ１２３')).toBe('abc123');
    expect(normalize('臺灣發展國際會議')).toBe('台湾发展国际会议');
    expect(normalize('Shanghai')).toBe('shanghai');
    expect(foldChar('麼')).toBe('么');
    expect(foldChar('么')).toBe('么'); // idempotent: simplified forms stay
  });

  it('is idempotent and keeps an offset map back to the source', () => {
    const src = '臺灣ＡＢＣ，①号';
    const n = normalizeWithOffsets(src);
    expect(normalize(n.text)).toBe(n.text);
    expect(n.starts.length).toBe(n.text.length);
    const i = n.text.indexOf('abc');
    expect(src.slice(n.starts[i]!, n.ends[i + 2]!)).toBe('ＡＢＣ');
  });
});

describe('tokenize', () => {
  it('makes Han bigrams plus single characters, Latin and digit runs whole', () => {
    expect(tokenize('27日')).toEqual(['27', '日']);
    expect(tokenize('谢坚钢')).toEqual(['谢', '谢坚', '坚', '坚钢', '钢']);
    expect(tokenize('Shanghai欢迎')).toEqual(['shanghai', '欢', '欢迎', '迎']);
    expect(tokenize('进博会，大桥')).toEqual(['进', '进博', '博', '博会', '会', '大', '大桥', '桥']);
  });

  it('splits on spaces and punctuation only', () => {
    expect(segments(normalize('旧改，进博会 abc-12'))).toEqual([
      { start: 0, text: '旧改' },
      { start: 3, text: '进博会' },
      { start: 7, text: 'abc' },
      { start: 11, text: '12' },
    ]);
  });

  it('plugs into MiniSearch for small indexes', () => {
    const ms = new MiniSearch({ fields: ['text'], ...miniSearchOptions });
    ms.addAll([
      { id: 1, text: '大桥街道旧改征收' },
      { id: 2, text: '進博會志願者' },
    ]);
    expect(ms.search('进博会').map((r) => r.id)).toEqual([2]);
    expect(ms.search('大桥').map((r) => r.id)).toEqual([1]);
  });
});

describe('parseQuery', () => {
  it('splits terms on spaces and punctuation, normalizes, dedupes', () => {
    expect(parseQuery('谢坚钢  大桥街道')).toEqual(['谢坚钢', '大桥街道']);
    expect(parseQuery('謝堅鋼，谢坚钢')).toEqual(['谢坚钢']);
    expect(parseQuery('  ')).toEqual([]);
    expect(parseQuery('5.2亿')).toEqual(['5', '2亿']);
  });

  it('keeps a quoted phrase as one term, dropping its inner spaces', () => {
    expect(parseQuery('"大桥 街道" 旧改')).toEqual(['大桥街道', '旧改']);
    expect(parseQuery('“进博 会”')).toEqual(['进博会']);
    expect(parseQuery('"unclosed')).toEqual(['unclosed']);
  });
});
