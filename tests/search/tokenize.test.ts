import { describe, expect, it } from 'vitest';
import MiniSearch from 'minisearch';
import {
  PUNCTUATION_VARIANTS,
  foldChar,
  isSearchable,
  miniSearchOptions,
  normalize,
  normalizeWithOffsets,
  parseQuery,
  segments,
  tokenize,
  trimTerm,
} from '../../src/search/tokenize.js';

describe('normalize', () => {
  it('folds full-width forms, case and traditional characters one to one', () => {
    expect(normalize('ＡＢＣ１２３')).toBe('abc123');
    expect(normalize('臺灣發展國際會議')).toBe('台湾发展国际会议');
    expect(normalize('Shanghai')).toBe('shanghai');
    expect(foldChar('麼')).toBe('么');
    expect(foldChar('么')).toBe('么'); // idempotent: simplified forms stay
  });

  it('folds the variants of a punctuation mark to one: middle dots, short dashes, wave dashes, full-width forms', () => {
    for (const dot of ['·', '・', '•', '‧', '･', '∙', '⋅', '⸱']) expect(normalize(`12${dot}4`)).toBe('12·4');
    for (const dash of ['-', '－', '﹣', '‐', '‑', '‒', '–', '−']) expect(normalize(`1${dash}3月`)).toBe('1-3月');
    expect(normalize('１２·４ ６天＋３６５天 ２．０版 99．5％ （一）')).toBe('12·4 6天+365天 2.0版 99.5% (一)');
    expect(normalize('1〜3 1～3 1∼3')).toBe('1~3 1~3 1~3');
    expect(normalize('――……⋯')).toBe('——.........');
    // Distinct marks stay distinct: full stop and dot, long and short dash, comma and 、.
    expect(new Set(['。', '.', '—', '-', '、', ','].map(normalize)).size).toBe(6);
  });

  it('is idempotent on every punctuation variant and its target', () => {
    for (const [from, to] of PUNCTUATION_VARIANTS) {
      expect(normalize(normalize(from))).toBe(normalize(from));
      expect(normalize(to)).toBe(to);
    }
  });

  it('treats only whitespace and invisible characters as separators', () => {
    for (const ch of [' ', '\n', '\u3000', '\u00a0', '\u200b', '\u00ad', '\ufeff', '\ud800']) expect(isSearchable(ch), JSON.stringify(ch)).toBe(false);
    for (const ch of ['a', '中', '1', '·', ',', '。', '+', '%', '《', '\u0301', '\ue000']) expect(isSearchable(ch), ch).toBe(true);
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

  it('segments (for ranking tokens) split at spaces and punctuation', () => {
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
  it('splits terms on whitespace only, normalizes, dedupes', () => {
    expect(parseQuery('谢坚钢  大桥街道')).toEqual(['谢坚钢', '大桥街道']);
    expect(parseQuery('謝堅鋼 谢坚钢')).toEqual(['谢坚钢']);
    expect(parseQuery('区委　书记\t谢坚钢')).toEqual(['区委', '书记', '谢坚钢']);
    expect(parseQuery('  ')).toEqual([]);
  });

  it('keeps the punctuation inside a term, folded', () => {
    expect(parseQuery('12·4')).toEqual(['12·4']);
    expect(parseQuery('12・4国家宪法日')).toEqual(['12·4国家宪法日']);
    expect(parseQuery('5.2亿')).toEqual(['5.2亿']);
    expect(parseQuery('６天＋３６５天')).toEqual(['6天+365天']);
    expect(parseQuery('謝堅鋼，薛侃')).toEqual(['谢坚钢,薛侃']);
    expect(parseQuery('99.5% 12·4')).toEqual(['99.5%', '12·4']);
  });

  it('drops brackets, quotation marks and sentence marks from the ends of an unquoted term', () => {
    expect(parseQuery('《新闻联播》')).toEqual(['新闻联播']);
    expect(parseQuery('3·15，')).toEqual(['3·15']);
    expect(parseQuery('（12·4）。 2.0版…')).toEqual(['12·4', '2.0版']);
    expect(parseQuery('，。、 ……')).toEqual([]);
    expect(trimTerm('‘a’b’')).toBe('a’b');
    // Other marks at the ends are part of the term.
    expect(parseQuery('-5℃ 100% ·x +86')).toEqual(['-5°c', '100%', '·x', '+86']); // ℃ is °C by NFKC
  });

  it('drops an unquoted term of punctuation only, and searches it when quoted', () => {
    expect(parseQuery('12·4 - 宪法 · ——')).toEqual(['12·4', '宪法']);
    expect(parseQuery('"——" “·”')).toEqual(['——', '·']);
    expect(parseQuery('+ ~ 😀')).toEqual(['+', '~', '😀']); // symbols are not punctuation
  });

  it('keeps a quoted phrase as one term with its punctuation, dropping only its whitespace', () => {
    expect(parseQuery('"大桥 街道" 旧改')).toEqual(['大桥街道', '旧改']);
    expect(parseQuery('“进博 会”')).toEqual(['进博会']);
    expect(parseQuery('"12·4"')).toEqual(['12·4']);
    expect(parseQuery('＂12・4＂')).toEqual(['12·4']);
    expect(parseQuery('“《新闻联播》”')).toEqual(['《新闻联播》']);
    expect(parseQuery('「4+4+4+3」党建')).toEqual(['4+4+4+3', '党建']);
    expect(parseQuery('"unclosed')).toEqual(['unclosed']);
    expect(parseQuery('"" “ ”')).toEqual([]);
  });
});
