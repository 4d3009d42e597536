/**
 * The fast indexer (typed arrays, interned grams, batched and cached compression) must write
 * exactly the files of the straightforward reference indexer, and an incremental build (with
 * `previous`) exactly the files of a clean one.
 */
import { describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import type { Site } from '../../src/site.js';
import type { OutputFile } from '../../src/types.js';
import {
  buildSearchIndex,
  buildSearchIndexWithState,
  decodeSearchIndexState,
  encodeSearchIndexState,
  type BuildSearchIndexOptions,
} from '../../src/search/build-index.js';
import { normalizedLength, scanTexts } from '../../src/search/grams.js';
import { gzip, gzipAll } from '../../src/search/gzip.js';
import { normalize } from '../../src/search/tokenize.js';
import { referenceSearchIndex } from './reference-index.js';
import { HONGKOU, YANGPU, makeSite, seedSite, type FixturePage } from './fixture.js';

function expectSameFiles(got: OutputFile[], want: OutputFile[]): void {
  expect(got.map((f) => f.path)).toEqual(want.map((f) => f.path));
  const differ = got.filter((f, i) => !Buffer.from(f.contents).equals(Buffer.from(want[i]!.contents))).map((f) => f.path);
  expect(differ).toEqual([]);
}

/** Text that exercises every path of the fast scan: folds to several characters, astral, surrogates, marks. */
const TRICKY = [
  '臺灣發展國際會議 ＡＢＣ１２３ Shanghai ＳＨＡＮＧＨＡＩ',
  'ﬁle ﬃ ㍿ ① ½ ℌ 𝐀𝐁𝐂 Ⅻ ㈱ ﹙括号﹚ ｶﾀｶﾅ',
  '𠀀𠀁𠀀x 𠀀中 中𠀀 😀😀 a😀b',
  'lone \ud800 high, lone \udc00 low, pair \ud840\udc00 and \ud800\ud800',
  'café cafe\u0301 e\u0301\u0301 İstanbul ΣΑΣ straße',
  '二〇二〇年7月27日 5.2亿 99.5% 谢坚钢，薛侃',
  '',
  '   ',
];

function trickySite(extra: FixturePage[] = []): Site {
  const pages: FixturePage[] = TRICKY.map((text, n) => ({
    paper: n % 2 ? HONGKOU : YANGPU,
    date: `2021-01-${String(10 + n).padStart(2, '0')}`,
    number: 1,
    articles: [
      { headline: text.slice(0, 6) || null, paragraphs: [text, text.split('').reverse().join('')], captions: [text.slice(3)] },
      { headline: null, paragraphs: [`${text} 发展 发展 ${text}`] },
    ],
  }));
  return makeSite([...pages, ...extra]);
}

describe('fast indexer against the reference', () => {
  it('scans text exactly as normalize + for…of does', () => {
    const texts = TRICKY.flatMap((t) => [t, t + t]);
    const occ = scanTexts(texts);
    texts.forEach((t, i) => {
      expect(occ.lengths[i]).toBe(normalize(t).length);
      expect(normalizedLength(t)).toBe(normalize(t).length);
    });
  });

  const cases: Array<[string, () => Site, BuildSearchIndexOptions]> = [
    ['seeds', () => seedSite(), {}],
    ['seeds, frequent grams in their own files', () => seedSite(), { ownFileBytes: 64, shardBytes: 512 }],
    ['tricky text', () => trickySite(), {}],
    ['tricky text, own files, one shard', () => trickySite(), { ownFileBytes: 16, shardBytes: 1 << 20 }],
    ['empty site', () => makeSite([]), {}],
  ];
  for (const [name, site, options] of cases) {
    it(`writes the reference's files: ${name}`, () => {
      expectSameFiles(buildSearchIndex(site(), options), referenceSearchIndex(site(), options));
    });
  }
});

describe('incremental index builds', () => {
  const before = (): Site => trickySite();
  // Pages added in the middle of the archive order: every later article's number shifts.
  const after = (): Site =>
    trickySite([
      { paper: YANGPU, date: '2021-01-11', number: 2, articles: [{ headline: '新增文章', paragraphs: ['新增的版面，发展 ＡＢＣ'] }] },
      { paper: HONGKOU, date: '2020-12-31', number: 1, articles: [{ headline: null, paragraphs: ['𠀀中 更早的一期'] }] },
    ]);

  it('gives the files of a clean build, through a saved state', () => {
    const first = buildSearchIndexWithState(before());
    expectSameFiles(first.files, buildSearchIndex(before()));
    const saved = encodeSearchIndexState(first.state);
    expect(Buffer.from(encodeSearchIndexState(decodeSearchIndexState(saved)!)).equals(Buffer.from(saved))).toBe(true);
    const previous = decodeSearchIndexState(saved)!;
    const second = buildSearchIndexWithState(after(), { previous });
    expectSameFiles(second.files, buildSearchIndex(after()));
    // Unchanged articles' display files moved (new numbers) but were not compressed again.
    const old = new Set([...previous.gz.values()]);
    const reused = second.files.filter((f) => old.has(f.contents as Uint8Array)).map((f) => f.path);
    expect(reused.filter((p) => p.startsWith('search/docs/')).length).toBe(before().articles.length);
    // And the state keeps only this build's files.
    expect(second.state.gz.size).toBeLessThanOrEqual(second.files.length);
  });

  it('ignores a state that is corrupt or from another compressor', () => {
    const first = buildSearchIndexWithState(before());
    const saved = encodeSearchIndexState(first.state);
    expect(decodeSearchIndexState(saved.subarray(0, saved.length - 1))).toBeNull();
    expect(decodeSearchIndexState(new Uint8Array([1, 2, 3]))).toBeNull();
    // A state whose cached bytes are wrong is only used when its compressor matches.
    const bogus = { compressor: 'gzip 1 zlib other', gz: new Map([...first.state.gz.keys()].map((k) => [k, new Uint8Array([0])])) };
    expectSameFiles(buildSearchIndexWithState(after(), { previous: bogus }).files, buildSearchIndex(after()));
  });
});

describe('parallel gzip', () => {
  it('gives the same bytes on the helper worker as on the main thread', () => {
    const raws = Array.from({ length: 400 }, (_, i) => new TextEncoder().encode(`文件 ${i} `.repeat(200 + (i % 50))));
    const parallel = gzipAll(raws, 2, 0);
    expect(parallel.map((b, i) => Buffer.from(b).equals(Buffer.from(gzip(raws[i]!))))).toEqual(raws.map(() => true));
    expect(gunzipSync(parallel[7]!).equals(Buffer.from(raws[7]!))).toBe(true);
    expect(parallel[0]![9]).toBe(0xff);
  });
});
