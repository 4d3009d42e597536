import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReprintMemo, writeReprintMemo } from '../../src/cache.js';
import { containment, normalise, shingles, SHINGLE } from '../../src/reprints/shingles.js';
import { BANDS, candidatePairs, HASHES, signature } from '../../src/reprints/minhash.js';
import { decodeMemo, encodeMemo, findReprints, MIN_SHINGLES } from '../../src/reprints/find.js';
import { isPairTable } from '../../src/reprints/pairs.js';
import { reprintTexts } from '../../src/reprints/site.js';
import type { Site } from '../../src/site.js';
import { measureReprints } from './measure.js';

const story = '区政府召开常务会议，研究部署今年城市更新和旧区改造工作。会议指出，要坚持以人民为中心，加快推进成片旧改，让更多居民早日圆安居梦。会议要求各街道压实责任，倒排时间节点，确保年底前完成征收签约。会议还审议了老旧小区综合治理三年行动方案，明确加装电梯、雨污分流和停车改造等重点任务。';
const other = '本报讯 区图书馆新馆昨日开馆，馆内设有少儿阅览区、古籍修复室和数字体验区，全天候向市民开放。开馆首日共接待读者三千余人次，不少家长带着孩子前来借阅绘本。馆方介绍，新馆还将定期举办读书会、名家讲座和非遗展示活动，打造家门口的文化客厅。';

const third = '今天上午，区人大常委会组织代表视察了滨江公共空间贯通工程，听取了建设单位关于绿地、步道和配套设施进展的汇报。代表们建议进一步完善无障碍设施，增加休憩座椅和夜间照明，让市民在江边走得更舒心。';

describe('shingles', () => {
  it('ignore whitespace, punctuation and full-width forms, so a re-broken, re-punctuated copy has the same shingles', () => {
    const rebroken = story.replace(/，/g, ',').replace(/。/g, '.\n\n').replace(/区政府/, '区 政\n府');
    expect(normalise(rebroken)).toBe(normalise(story));
    expect(shingles(normalise(rebroken))).toEqual(shingles(normalise(story)));
    expect(normalise('ＡＢＣ１２３')).toBe('abc123');
  });

  it('are sorted and distinct, one per run of SHINGLE characters', () => {
    const s = shingles('一二三四五六一二三四五六');
    expect([...s]).toEqual([...s].sort((a, b) => a - b));
    expect(new Set(s).size).toBe(s.length);
    expect(s.length).toBe(6); // 8 runs, of which the last two repeat the first two
    expect(shingles('一二三四').length).toBe(SHINGLE - 5);
  });

  it('measure containment of the shorter text in the longer one', () => {
    const whole = shingles(normalise(story));
    const half = shingles(normalise(story.slice(0, story.length / 2)));
    expect(containment(half, whole)).toBe(1);
    expect(containment(whole, half)).toBe(1);
    expect(containment(whole, shingles(normalise(other)))).toBeLessThan(0.05);
  });
});

describe('MinHash and LSH', () => {
  it('agree in about as many positions as the Jaccard similarity', () => {
    const a = shingles(normalise(story + other));
    const b = shingles(normalise(story));
    const agree = signature(a).filter((v, i) => v === signature(b)[i]).length / HASHES;
    const jaccard = b.length / a.length; // b ⊂ a
    expect(Math.abs(agree - jaccard)).toBeLessThan(0.15);
  });

  it('propose similar texts as candidates and unrelated ones rarely', () => {
    const sigs = [signature(shingles(normalise(story))), signature(shingles(normalise(other))), signature(shingles(normalise(story.slice(10))))];
    expect([...candidatePairs(sigs)]).toEqual([0, 2]);
    expect([...candidatePairs([sigs[0]!, null, sigs[2]!])]).toEqual([0, 2]);
    expect(BANDS * 2).toBe(HASHES);
  });

  it('skip buckets larger than the limit (very common text), so the work stays linear', () => {
    const same = signature(shingles(normalise(story)));
    expect([...candidatePairs([same, same, same], 2)]).toEqual([]);
    expect([...candidatePairs([same, same, same], 3)]).toEqual([0, 1, 0, 2, 1, 2]);
  });

  it('give each pair once however many bands propose it, past the size where the list is first compacted', () => {
    // 60 copies of one text and 60 of another: every band proposes all 2 × 1,770 pairs again.
    const a = signature(shingles(normalise(story)));
    const b = signature(shingles(normalise(other)));
    const sigs = Array.from({ length: 120 }, (_, i) => (i % 2 === 0 ? a : b));
    const expected: number[] = [];
    for (let i = 0; i < 120; i++) for (let j = i + 2; j < 120; j += 2) expected.push(i, j);
    expect([...candidatePairs(sigs)]).toEqual(expected);
  });
});

describe('findReprints', () => {
  const texts = [
    { id: 'a', text: story },
    { id: 'b', text: other },
    { id: 'c', text: `${story.slice(0, 80)}\n\n${story.slice(80).replace(/，/g, ',')}` },
    { id: 'd', text: story.slice(0, 70) }, // an excerpt
    { id: 'e', text: '会议指出，要坚持以人民为中心。' }, // too short to count
  ];

  it('links every copy to the others, excerpts included, in input order', () => {
    const { reprints } = findReprints(texts);
    expect(reprints.get('a')).toEqual(['c', 'd']);
    expect(reprints.get('c')).toEqual(['a', 'd']);
    expect(reprints.get('d')).toEqual(['a', 'c']);
    expect(reprints.has('b')).toBe(false);
    expect(reprints.has('e')).toBe(false);
    expect(shingles(normalise(texts[4]!.text)).length).toBeLessThan(MIN_SHINGLES);
  });

  it('checks each pair of texts once, however many articles print them, and keeps it once in the memo', () => {
    // Three printings of one text, two of its excerpt and two of the other: pairs of articles
    // repeat pairs of texts, candidates and excerpts' pairs ask the same pairs again.
    const printed = [...texts, { id: 'f', text: story }, { id: 'g', text: story.slice(0, 70) }, { id: 'h', text: story }, { id: 'i', text: other }];
    const clean = findReprints(printed);
    expect(clean.reprints.get('f')).toEqual(['a', 'c', 'd', 'g', 'h']);
    expect(clean.reprints.get('g')).toEqual(['a', 'c', 'd', 'f', 'h']);
    expect(clean.reprints.get('b')).toEqual(['i']);
    expect(isPairTable(clean.memo.checked, clean.memo.signatures.size ** 2)).toBe(true);
    expect(clean.compared).toBe(clean.memo.checked.keys.length);
    // Every pair of distinct texts among a, c, d, b (a and f are one text, d and g another).
    expect(clean.memo.checked.keys.length).toBeGreaterThanOrEqual(3);
    expect(findReprints(printed, clean.memo).compared).toBe(0);
  });

  it('does not link texts that share only an opening sentence or a closing formula', () => {
    const formula = '欢迎广大市民关注区融媒体中心微信公众号，获取更多本区新闻资讯和便民服务信息。';
    const { reprints } = findReprints([
      { id: 'a', text: `${story}${formula}` },
      { id: 'b', text: `${other}${formula}` },
      // A follow-up: the same opening sentence, then its own report.
      { id: 'c', text: `${story.slice(0, 29)}${third}` },
    ]);
    expect(reprints.size).toBe(0);
  });

  it('takes signatures and checked pairs from the previous build by text digest, computing only what is new', () => {
    const first = findReprints(texts);
    expect(first.computed).toBe(3); // a and c differ in punctuation only: one signature; b, d
    expect(first.compared).toBeGreaterThan(0);
    const again = findReprints([...texts, { id: 'f', text: story }], first.memo);
    expect(again.computed).toBe(0);
    expect(again.compared).toBe(0); // f has a's text: every pair it is in was checked before
    expect(again.reprints.get('f')).toEqual(['a', 'c', 'd']);
    const added = findReprints([...texts, { id: 'g', text: `${third}${third}` }], first.memo);
    expect(added.computed).toBe(1);
    // The same links as without a memo.
    expect(findReprints(texts, first.memo).reprints).toEqual(first.reprints);
    const decoded = decodeMemo(encodeMemo(first.memo), HASHES);
    expect([...decoded.signatures.keys()]).toEqual([...first.memo.signatures.keys()]);
    for (const [k, v] of first.memo.signatures) expect([...decoded.signatures.get(k)!]).toEqual([...v]);
    expect(decoded.checked).toEqual(first.memo.checked);
    expect(decodeMemo(Buffer.from('garbage'), HASHES).signatures.size).toBe(0);
    expect(decodeMemo(encodeMemo(first.memo), HASHES / 2).signatures.size).toBe(0);
  });

  it('leaves the memo a clean build would leave after texts are added and removed, and loads only a memo it can trust', () => {
    const first = findReprints(texts);
    expect(first.memo.checked.keys.length).toBeGreaterThan(1);
    // The first text goes, two come: every other text's number shifts.
    const changed = [...texts.slice(1), { id: 'g', text: `${third}${story}` }, { id: 'h', text: `${other}。` }];
    const again = findReprints(changed, first.memo);
    const clean = findReprints(changed);
    expect(again.compared).toBeLessThan(clean.compared);
    expect(again.reprints).toEqual(clean.reprints);
    expect([...again.memo.signatures.keys()]).toEqual([...clean.memo.signatures.keys()]);
    expect(again.memo.checked).toEqual(clean.memo.checked);
    // Keys out of order (a hand-edited or torn file) are not trusted: nothing is reused.
    const bytes = encodeMemo(first.memo);
    const keys = bytes.length - 16 * first.memo.checked.keys.length;
    bytes.copy(bytes, keys, keys + 8, keys + 16);
    expect(decodeMemo(bytes, HASHES).checked.keys.length).toBe(0);
  });

  it('saves the memo in parts as the bytes encodeMemo gives, and reads it back whole', async () => {
    const memo = findReprints(texts).memo;
    const dir = await mkdtemp(path.join(tmpdir(), 'baokan-memo-'));
    try {
      await writeReprintMemo(dir, memo);
      expect(await readFile(path.join(dir, 'reprints.bin'))).toEqual(encodeMemo(memo));
      const read = await readReprintMemo(dir);
      expect(read.checked).toEqual(memo.checked);
      expect([...read.signatures]).toEqual([...memo.signatures]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('reprintTexts', () => {
  it('gives each article\'s paragraphs as one text, joined when read rather than kept beside the site', () => {
    const article = { paragraphs: [story, other] };
    const site = { articles: [{ id: 'a-1', article }] } as unknown as Site;
    const [text] = reprintTexts(site);
    expect(text!.id).toBe('a-1');
    expect(text!.text).toBe(`${story}\n${other}`);
    article.paragraphs = [third];
    expect(text!.text).toBe(third);
  });
});

describe('on an archive with planted reprints (scripts/gen-reprints.ts)', () => {
  it('finds them with precision and recall of at least 0.95', async () => {
    const scores = await measureReprints(400, 1);
    expect(scores.unmatched).toBe(0);
    expect(scores.truePairs).toBeGreaterThan(200);
    expect(scores.precision).toBeGreaterThanOrEqual(0.95);
    expect(scores.recall).toBeGreaterThanOrEqual(0.95);
  }, 180_000);
});
