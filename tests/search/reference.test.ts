/**
 * The fast indexer (typed arrays, interned grams, batched and cached compression) must write
 * exactly the files of the straightforward reference indexer, and an incremental build (with
 * `previous`) exactly the files of a clean one.
 */
import { describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import type { Site } from '../../src/site.js';
import type { OutputFile } from '../../src/types.js';
import { buildSearchIndex, buildSearchIndexWithState, type BuildSearchIndexOptions } from '../../src/search/build-index.js';
import { decodeSearchIndexState, encodeSearchIndexState, type SearchIndexState } from '../../src/search/index-state.js';
import { normalizedLength, scanTexts } from '../../src/search/grams.js';
import { gzip, gzipAll } from '../../src/search/gzip.js';
import { normalize } from '../../src/search/tokenize.js';
import { FORMAT_NAME, FORMAT_VERSION, docPath } from '../../src/search/format.js';
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
  '12·4 12・4 12•4 12‧4 12･4 １２∙４ “6天+365天” ２．０版 「4＋4＋4＋3」 1–3月 1〜3 ――…⋯ ﹁引﹂',
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
  // An undated page and one with a guessed, far-off date: numbered before the printed dates.
  const uncertain: FixturePage[] = [
    { paper: YANGPU, date: null, number: 3, articles: [{ headline: '无日期', paragraphs: [TRICKY[0]!] }] },
    { paper: HONGKOU, date: '2031-05-05', dateInferred: true, number: 1, articles: [{ headline: '推断日期', paragraphs: [TRICKY[2]!] }] },
  ];
  return makeSite([...pages, ...uncertain, ...extra]);
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
    ['seeds, frequent grams in blocks of 24 bytes', () => seedSite(), { ownFileBytes: 64, shardBytes: 512, blockBytes: 24 }],
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
  const before = (): Site => seedSite();
  // New issues after every existing one: article numbers are appended.
  const appended = (): Site =>
    seedSite('/', [
      { paper: YANGPU, date: '2020-08-01', number: 1, articles: [{ headline: '新增文章', paragraphs: ['新增的版面，发展 ＡＢＣ 𠀀中'] }] },
      { paper: HONGKOU, date: '2020-08-02', number: 1, articles: [{ headline: null, paragraphs: ['全新字符：龘靐 与 发展'] }] },
    ]);
  // A page dated in the middle of the archive: later articles' numbers shift.
  const inserted = (): Site =>
    seedSite('/', [{ paper: HONGKOU, date: '2020-07-20', number: 2, articles: [{ headline: null, paragraphs: ['𠀀中 更早的一期'] }] }]);

  /** The state after a round trip through its saved form (as a later build reads it). */
  const saved = (site: Site, options: BuildSearchIndexOptions = {}): SearchIndexState => {
    const blob = encodeSearchIndexState(buildSearchIndexWithState(site, options).state);
    // As read from disk: a Buffer, a view at an offset into a larger buffer.
    const state = decodeSearchIndexState(Buffer.concat([Buffer.alloc(3), blob]).subarray(3))!;
    expect(Buffer.from(encodeSearchIndexState(state)).equals(Buffer.from(blob))).toBe(true);
    return state;
  };

  /** Replaces `unchanged` files by the previous build's bytes, as the output folder has them. */
  const onDisk = (files: OutputFile[], before: OutputFile[]): OutputFile[] => {
    const old = new Map(before.map((f) => [f.path, f]));
    return files.map((f) => (f.unchanged ? old.get(f.path)! : f));
  };

  for (const [name, options] of [
    ['default settings', {}],
    ['frequent grams in their own files', { ownFileBytes: 24, shardBytes: 256 }],
    ['frequent grams in blocks of 8 bytes', { ownFileBytes: 24, shardBytes: 256, blockBytes: 8 }],
  ] as Array<[string, BuildSearchIndexOptions]>) {
    it(`appends new issues and gives the files of a clean build: ${name}`, () => {
      const first = buildSearchIndex(before(), options);
      const second = buildSearchIndexWithState(appended(), { ...options, previous: saved(before(), options) });
      expect(second.appendedTo).toBe(before().articles.length);
      expectSameFiles(onDisk(second.files, first), buildSearchIndex(appended(), options));
      // Only the new articles' display files and the files their grams fall in are written.
      const written = second.files.filter((f) => !f.unchanged).map((f) => f.path);
      expect(written.filter((p) => p.startsWith('search/docs/'))).toEqual(
        Array.from({ length: 2 }, (_, i) => `search/${docPath(before().articles.length + i)}`).sort(),
      );
      expect(second.files.some((f) => f.unchanged && f.path.startsWith('search/shards/'))).toBe(true);
      // And the state it leaves appends again.
      const third = buildSearchIndexWithState(appended(), { ...options, previous: second.state });
      expect(third.appendedTo).toBe(appended().articles.length);
      expect(third.files.filter((f) => !f.unchanged).map((f) => f.path)).toEqual(['search/meta.json.gz']);
    });
  }

  it('gives the same files whatever the scan batch (articles scanned at once)', () => {
    for (const scanBatch of [1, 4, 10]) expectSameFiles(buildSearchIndex(appended(), { scanBatch }), buildSearchIndex(appended()));
    const second = buildSearchIndexWithState(appended(), { previous: saved(before()), scanBatch: 1 });
    expectSameFiles(onDisk(second.files, buildSearchIndex(before())), buildSearchIndex(appended()));
  });

  it('indexes everything again when a page lands between earlier articles, with the same files', () => {
    const second = buildSearchIndexWithState(inserted(), { previous: saved(before()) });
    expect(second.appendedTo).toBe(0);
    expect(second.files.some((f) => f.unchanged)).toBe(false);
    expectSameFiles(second.files, buildSearchIndex(inserted()));
  });

  it('ignores a state that is corrupt or built with other settings', () => {
    const blob = encodeSearchIndexState(buildSearchIndexWithState(before()).state);
    expect(decodeSearchIndexState(blob.subarray(0, blob.length - 8))).toBeNull();
    expect(decodeSearchIndexState(new Uint8Array([1, 2, 3]))).toBeNull();
    const other = buildSearchIndexWithState(appended(), { previous: saved(before(), { shardBytes: 512 }) });
    expect(other.appendedTo).toBe(0);
    expectSameFiles(other.files, buildSearchIndex(appended()));
  });

  it('ignores the state of another format version (postings of text folded another way)', () => {
    const state = saved(before());
    expect(state.settings).toContain(`${FORMAT_NAME} ${FORMAT_VERSION};`);
    const older = { ...state, settings: state.settings.replace(`${FORMAT_NAME} ${FORMAT_VERSION};`, `${FORMAT_NAME} ${FORMAT_VERSION - 1};`) };
    const second = buildSearchIndexWithState(appended(), { previous: older });
    expect(second.appendedTo).toBe(0);
    expectSameFiles(second.files, buildSearchIndex(appended()));
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
