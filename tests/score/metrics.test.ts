/** The project's parser scorer: metrics on small hand-checked pages, and reading a written data API. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type GoldPage, type PredictedPage, lcs, scorePages } from '../../scripts/score/metrics.js';
import { ScoreUsageError, loadGold, loadOutput, pageKey } from '../../scripts/score/load.js';
import { parseText } from '../../scripts/score/in-memory.js';
import type { Paper } from '../../src/types.js';
import papersJson from '../../src/papers.json' with { type: 'json' };
import { writeApi } from '../parse/write-api.js';

const codes = (s: string) => Uint32Array.from(s, (c) => c.codePointAt(0) ?? 0);
const gold: GoldPage = {
  source: 'p.txt', paper: '徐汇报', district: '徐汇区', inferredYear: 2022,
  masthead: { issueNumber: '第3期', totalNumber: null, date: null },
  articles: [
    { headline: '甲标题', bylines: ['张三'], dateline: '1月2日', paragraphs: ['本报讯 1月2日,第一段文字。', '第二段文字。'] },
    { headline: '乙标题', photoCredits: ['李四'], captions: ['图说'], paragraphs: ['乙的正文很长很长。'] },
    { headline: '导读标题', continuedTo: '第2版', paragraphs: [] },
  ],
};
const meta = { paper: '徐汇报', district: '徐汇区', date: '2022-01-05', dateInferred: true, issueNumber: '3', totalNumber: null };

describe('scorer metrics', () => {
  it('computes the longest common subsequence', () => {
    expect(lcs(codes('abcde'), codes('ace'))).toBe(3);
    expect(lcs(codes('中文分词'), codes('分词中文'))).toBe(2);
    expect(lcs(codes(''), codes('x'))).toBe(0);
  });

  it('gives 1.000 to an exact page and pairs a teaser by its headline', () => {
    const page: PredictedPage = { meta, articles: gold.articles.map((a) => ({ ...a })) };
    const r = scorePages([{ key: 'p', doc: gold }], new Map([['p', page]]));
    for (const k of ['bodyF1', 'articleF1', 'headlineExact', 'paragraphExact', 'bylineF1', 'captionF1', 'continuationAccuracy', 'paperAccuracy', 'yearAccuracy', 'issueNumberAccuracy'] as const) {
      expect(r.total[k], k).toBe(1);
    }
    expect(r.pages[0]?.matched).toBe(3);
    expect(r.total.mastheadDateAccuracy).toBeNull(); // gold prints no date: not scored
  });

  it('penalises a wrong headline, a split paragraph and a stray article', () => {
    const page: PredictedPage = {
      meta: { ...meta, paper: '杨浦时报' },
      articles: [
        { headline: '乙标题', bylines: ['张三'], dateline: '1月2日', paragraphs: ['本报讯 1月2日,第一段', '文字。', '第二段文字。'] },
        { headline: null, paragraphs: ['乙的正文很长很长。'] },
        { headline: '多余', paragraphs: ['无关的内容在这里'] },
      ],
    };
    const r = scorePages([{ key: 'p', doc: gold }], new Map([['p', page]]), { verbose: true });
    expect(r.total.headlineExact).toBe(0); // 乙标题 ≠ 甲标题, null ≠ 乙标题; the teaser is unmatched
    expect(r.total.paragraphExact).toBeCloseTo(2 / 3);
    expect(r.total.articleF1).toBeCloseTo((2 * 2) / 6);
    expect(r.total.paperAccuracy).toBe(0);
    expect(r.pages[0]?.details?.some((d) => d.includes('extra predicted article: 多余'))).toBe(true);
  });

  it('scores a missing page as zero', () => {
    const r = scorePages([{ key: 'p', doc: gold }], new Map());
    expect(r.total.pagesFound).toBe(0);
    expect(r.total.bodyF1).toBe(0);
    expect(r.total.paperAccuracy).toBe(0);
  });
});

describe('scorer input', () => {
  it('reads a built data API under a base prefix and pairs pages by source name', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baokan-score-'));
    try {
      const text = '徐汇报\n\n第3期(总第1657期) / 2022年1月17日 星期一\n\n凝心聚力 再创佳绩\n\n本报讯 1月12日,徐汇区召开工作会议，部署全年任务。会议要求各部门抓好落实。';
      const page = parseText('x/p.txt', text);
      const api = writeApi(dir, [page], papersJson as Paper[]);
      const { pages } = loadOutput(api);
      expect([...pages.keys()]).toEqual(['p']);
      expect(pages.get('p')?.meta.paper).toBe('徐汇报');
      expect(pages.get('p')?.articles[0]?.headline).toBe('凝心聚力 再创佳绩');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names the problem when gold or the catalog is missing', () => {
    expect(() => loadGold('/nonexistent-gold')).toThrow(ScoreUsageError);
    expect(() => loadOutput('/nonexistent-api')).toThrow(/catalog not found/);
    expect(pageKey('a/b/000_x.txt')).toBe('000_x');
  });
});
