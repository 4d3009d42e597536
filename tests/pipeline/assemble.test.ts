import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { assembleIssues } from '../../src/assemble.js';
import { buildSiteModel } from '../../src/site.js';
import type { Article, FrontMatter, Paper, PageMetaDetected, ParsedPage, SourcePage } from '../../src/types.js';

const papers: Paper[] = [
  { id: 'yangpu-times', name: '杨浦时报', district: '杨浦区' },
  { id: 'xuhui-news', name: '徐汇报', district: '徐汇区', aliases: ['徐汇'] },
];
const at = { start: { line: 3, column: 1 }, end: { line: 3, column: 5 } };

function article(headline: string | null, extra: Partial<Article> = {}): Article {
  return {
    headline, kicker: null, subheadline: null, section: null, bylines: [], photoCredits: [], dateline: null,
    paragraphs: ['正文。'], intertitles: [], captions: [], markers: [], continuedTo: null, continuedFrom: null,
    incomplete: false, blocks: [], position: at, ...extra,
  };
}

function input(source: string, meta: Partial<PageMetaDetected>, frontMatter: FrontMatter = {}, articles = [article('标题')], body = `正文 ${source}`, bodyLine = 1) {
  const page: SourcePage = { source, file: new VFile({ path: source }), body, bodyLine, frontMatter, digest: source.padEnd(64, '0') };
  const parsed: ParsedPage = {
    source,
    meta: { paper: null, paperInferred: false, date: null, dateInferred: false, issueNumber: null, totalNumber: null, weekday: null, pageNumber: null, pageName: null, ...meta },
    articles, furniture: [], blocks: [],
  };
  return { page, parsed };
}
const printed = (value: string) => ({ value, reason: 'masthead', position: at });
const rules = (i: ReturnType<typeof input>) => i.page.file.messages.map((m) => m.ruleId);

describe('assembleIssues', () => {
  it('puts pages of the same paper and date into one issue, ordered by 版', () => {
    const a = input('b.txt', { paper: printed('徐汇报'), date: printed('2022-01-17'), pageNumber: 2 });
    const b = input('a.txt', { paper: printed('徐汇报'), date: printed('2022-01-17'), pageNumber: 1, issueNumber: '第3期' });
    const issues = assembleIssues([a, b], papers);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.pages.map((p) => p.page.source)).toEqual(['a.txt', 'b.txt']);
    expect(issues[0]).toMatchObject({ slug: '2022-01-17', date: '2022-01-17', dateInferred: false, issueNumber: '第3期' });
  });

  it('lets front matter win over what the page prints, without an inference warning', () => {
    const a = input('a.txt', { paper: printed('杨浦时报'), paperInferred: true, date: printed('2020-07-27'), dateInferred: true }, { paper: '徐汇', date: '2020-07-29', page: 3 });
    const [issue] = assembleIssues([a], papers);
    expect(issue).toMatchObject({ paper: { id: 'xuhui-news' }, date: '2020-07-29', dateInferred: false });
    expect(issue!.pages[0]!.number).toBe(3);
    expect(rules(a)).toEqual([]);
  });

  it('reports inferred paper and date as warnings at their evidence', () => {
    const a = input('a.txt', { paper: printed('杨浦时报'), paperInferred: true, date: { value: '2020-07-27', reason: 'latest dateline', position: at }, dateInferred: true });
    const [issue] = assembleIssues([a], papers);
    expect(issue).toMatchObject({ date: '2020-07-27', dateInferred: true });
    expect(rules(a)).toEqual(['paper-inferred', 'date-inferred']);
    expect(a.page.file.messages[1]).toMatchObject({ line: 3, column: 1, fatal: false });
  });

  it('rejects a page of an unknown or undetectable paper, listing the known ones', () => {
    const unknown = input('u.txt', { paper: printed('火星日报') });
    const none = input('n.txt', {});
    expect(assembleIssues([unknown, none], papers)).toEqual([]);
    expect(rules(unknown)).toEqual(['paper-unknown']);
    expect(unknown.page.file.messages[0]!.reason).toContain('杨浦时报、徐汇报');
    expect(unknown.page.file.messages[0]!.reason).toContain('baokan.config.json');
    expect(rules(none)).toEqual(['paper-undetected']);
  });

  it('rejects the second of two files claiming the same paper, date and 版, naming both', () => {
    const a = input('a.txt', { paper: printed('徐汇报'), date: printed('2022-01-17'), pageNumber: 1 });
    const b = input('b.txt', { paper: printed('徐汇报'), date: printed('2022-01-17'), pageNumber: 1 });
    const [issue] = assembleIssues([b, a], papers);
    expect(issue!.pages.map((p) => p.page.source)).toEqual(['a.txt']);
    expect(rules(b)).toEqual(['page-conflict']);
    expect(b.page.file.messages[0]!.reason).toContain('a.txt');
  });

  it('rejects the later file (in path order) of two with the same page text in one issue, naming both places', () => {
    const text = '杨浦时报\n2020年7月27日\n正文第一段。\n';
    const b = input('b.txt', { paper: printed('杨浦时报'), date: printed('2020-07-27'), pageNumber: 1 }, {}, undefined, text);
    const a = input('a.txt', { paper: printed('杨浦时报'), date: printed('2020-07-27'), pageNumber: 2 }, {}, undefined, text, 6);
    // The same text again, with trailing blanks and a final newline more: still the same page.
    const c = input('c.txt', { paper: printed('杨浦时报'), date: printed('2020-07-27'), pageNumber: 3 }, {}, undefined, '杨浦时报  \n2020年7月27日\n正文第一段。\n\n');
    const [issue] = assembleIssues([b, c, a], papers);
    expect(issue!.pages.map((p) => p.page.source)).toEqual(['a.txt']);
    expect(rules(a)).toEqual([]);
    expect(rules(b)).toEqual(['page-duplicate']);
    expect(rules(c)).toEqual(['page-duplicate']);
    expect(b.page.file.messages[0]).toMatchObject({ line: 1, column: 1, fatal: true });
    expect(b.page.file.messages[0]!.reason).toContain('a.txt:6:1');
    expect(b.page.file.messages[0]!.reason).toContain('杨浦时报 2020-07-27');
  });

  it('reports two copies claiming one 版 as a duplicate, not as a conflict', () => {
    const a = input('a.txt', { paper: printed('徐汇报'), date: printed('2022-01-17'), pageNumber: 1 }, {}, undefined, '同一版');
    const b = input('b.txt', { paper: printed('徐汇报'), date: printed('2022-01-17'), pageNumber: 1 }, {}, undefined, '同一版');
    assembleIssues([a, b], papers);
    expect(rules(b)).toEqual(['page-duplicate']);
  });

  it('publishes the same page text in two issues, warning on the later one and naming both', () => {
    const a = input('2020/a.txt', { paper: printed('杨浦时报'), date: printed('2020-07-20'), pageNumber: 1 }, {}, undefined, '同一段文字', 5);
    const b = input('2020/b.txt', { paper: printed('杨浦时报'), date: printed('2020-07-27'), pageNumber: 1 }, {}, undefined, '同一段文字', 5);
    const issues = assembleIssues([b, a], papers);
    expect(issues.map((i) => i.pages.map((p) => p.page.source))).toEqual([['2020/a.txt'], ['2020/b.txt']]);
    expect(rules(a)).toEqual([]);
    expect(rules(b)).toEqual(['page-duplicate-issue']);
    expect(b.page.file.messages[0]).toMatchObject({ line: 5, column: 1, fatal: false });
    expect(b.page.file.messages[0]!.reason).toContain('2020/a.txt:5:1');
    expect(b.page.file.messages[0]!.reason).toContain('杨浦时报 2020-07-20');
  });

  it('puts an undated page into an issue of its own, and attaches an inferred date to the next printed issue', () => {
    const undated = input('x.txt', { paper: printed('徐汇报') });
    const inferred = input('p2.txt', { paper: printed('徐汇报'), date: printed('2022-01-14'), dateInferred: true, pageNumber: 2 });
    const front = input('p1.txt', { paper: printed('徐汇报'), date: printed('2022-01-17'), pageNumber: 1 });
    const issues = assembleIssues([undated, inferred, front], papers);
    expect(issues.map((i) => [i.slug, i.pages.map((p) => p.page.source)])).toEqual([
      ['2022-01-17', ['p1.txt', 'p2.txt']],
      ['undated-x.txt00000', ['x.txt']],
    ]);
    expect(rules(undated)).toEqual(['date-missing']);
  });
});

describe('buildSiteModel', () => {
  it('gives every issue, 版 and article an id and URL under the base, and links reading order and continuations', () => {
    const p1 = input('p1.txt', { paper: printed('徐汇报'), date: printed('2022-01-17'), pageNumber: 1 }, {}, [
      article('头条'),
      article('区领导率队开展大走访', { continuedTo: '第4版', incomplete: true }),
    ]);
    const p4 = input('p4.txt', { paper: printed('徐汇报'), date: printed('2022-01-17'), pageNumber: 4 }, {}, [
      article(null, { paragraphs: ['本报讯 数字化手段,推动科技与文化相结合。'] }),
      article('区领导率队开展大走访', { continuedFrom: '第1版', incomplete: true }),
    ]);
    const site = buildSiteModel(assembleIssues([p1, p4], papers), '/archive/', 'baokan test');
    const issue = site.papers[0]!.issues[0]!;
    expect(issue).toMatchObject({ id: 'xuhui-news-2022-01-17', url: '/archive/xuhui-news/2022-01-17/', api: '/archive/api/issues/xuhui-news/xuhui-news-2022-01-17.json' });
    expect(issue.pages.map((p) => [p.id, p.label, p.url])).toEqual([
      ['xuhui-news-2022-01-17-p01', '第1版', '/archive/xuhui-news/2022-01-17/p01/'],
      ['xuhui-news-2022-01-17-p04', '第4版', '/archive/xuhui-news/2022-01-17/p04/'],
    ]);
    const [a1, a2, a3, a4] = site.articles;
    expect(a1!.prevUrl).toBeNull();
    expect(a2!.nextUrl).toBe(a3!.url);
    expect(a4!.nextUrl).toBeNull();
    expect(a2!.continuedToUrl).toBe(a4!.url);
    expect(a4!.continuedFromUrl).toBe(a2!.url);
    expect(a3!.title).toBe('数字化手段,推动科技与文化相结合。');
  });
});
