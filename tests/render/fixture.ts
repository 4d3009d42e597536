/**
 * A small hand-made Site for renderer tests: three papers, several issues across two years,
 * an inferred date, an undated issue, briefs, intertitles, captions, continuations (found and
 * not found) and hostile text that must come out as text.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Site, SiteArticle, SiteIssue, SitePage, SitePaper } from '../../src/site.js';
import type { Article, Paper } from '../../src/types.js';
import type { Templates } from '../../src/render/index.js';

export const hostile = {
  script: '<script>alert(1)</script>',
  img: '<img src=x onerror=alert(1)>',
  js: 'javascript:alert(1)',
  breakout: '</script><script>alert("ld")</script><!--',
} as const;

const position = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };

/** An article with every field empty but those given. */
export function article(fields: Partial<Article>): Article {
  return {
    headline: null,
    kicker: null,
    subheadline: null,
    section: null,
    bylines: [],
    photoCredits: [],
    dateline: null,
    paragraphs: [],
    intertitles: [],
    captions: [],
    markers: [],
    continuedTo: null,
    continuedFrom: null,
    incomplete: false,
    blocks: [],
    position,
    ...fields,
  };
}

const yangpu: Paper = { id: 'yangpu-times', name: '杨浦时报', district: '杨浦区' };
const xuhui: Paper = { id: 'xuhui-news', name: '徐汇报', district: '徐汇区' };
const hongkou: Paper = { id: 'hongkou-news', name: '虹口报', district: '虹口区' };

interface IssueSpec {
  paper: Paper;
  date: string | null;
  dateInferred?: boolean;
  issueNumber?: string;
  totalNumber?: string;
  slug: string;
  pages: { number: number | null; name: string | null; articles: Article[] }[];
}

const issueSpecs: IssueSpec[] = [
  {
    paper: hongkou,
    date: null,
    slug: 'undated-1',
    pages: [{ number: null, name: null, articles: [article({ headline: '无日期的一篇', paragraphs: ['这一期没有日期。'] })] }],
  },
  {
    paper: xuhui,
    date: '2022-01-17',
    issueNumber: '第3期',
    totalNumber: '总第1657期',
    slug: '2022-01-17',
    pages: [
      {
        number: 1,
        name: '要闻',
        articles: [
          article({
            headline: '从党史中汲取力量 为建设“卓越徐汇”提供坚强保障',
            subheadline: '徐汇区召开党史学习教育总结会议',
            bylines: ['刘坤'],
            paragraphs: ['徐汇区党史学习教育总结会议1月12日下午举行。', '市委党史学习教育第二巡回指导组组长苏明到会指导。'],
          }),
          article({
            headline: hostile.script,
            kicker: hostile.img,
            subheadline: hostile.breakout,
            section: '大字新闻',
            bylines: ['A&B <b>'],
            paragraphs: [hostile.js, hostile.breakout, '**不是粗体** [不是链接](http://example.com/)'],
            intertitles: [{ text: hostile.img, beforeParagraph: 1 }],
            captions: [hostile.script],
            continuedTo: '第4版',
            markers: ['(下转第4版)'],
            incomplete: true,
          }),
          article({ section: '大字新闻', paragraphs: ['市人大常委会主任蒋卓庆1月13日下午到我区开展“促发展、保安全”大走访、大排查工作。'] }),
        ],
      },
    ],
  },
  {
    paper: yangpu,
    date: '2020-07-27',
    issueNumber: '第30期',
    slug: '2020-07-27',
    pages: [
      {
        number: 1,
        name: '要闻',
        articles: [
          article({
            kicker: '区区级机关党员干部主题党日分享抗疫事迹',
            headline: '回望来时路 以实际行动践行初心使命',
            subheadline: '65家基层党组织在线收看',
            section: '深入学习“四史” 坚守初心使命',
            bylines: ['朱良城', '王文'],
            photoCredits: ['朱良城'],
            dateline: '7月23日',
            paragraphs: [
              '本报讯 7月23日,“践初心守家园、担使命为人民”杨浦区区级机关党员干部抗疫事迹分享主题党日活动举行。',
              '谢坚钢表示,此次活动是杨浦抗击疫情成果的一次大展示。',
              '回望来时路,不忘初心是我们党一脉相承的动力源泉。',
            ],
            intertitles: [
              { text: '走好脚下路', beforeParagraph: 1 },
              { text: '坚定前行路', beforeParagraph: 2 },
            ],
            captions: ['活动现场通过情景剧、主题演讲、现场采访等多种形式,展现了机关干部的家国情怀。'],
            continuedTo: '第2版',
            markers: ['(下转第2版)'],
            incomplete: true,
          }),
          article({ paragraphs: ['区政协召开常委会议。'] }),
        ],
      },
      {
        number: 2,
        name: '综合',
        articles: [
          article({
            headline: '回望来时路 以实际行动践行初心使命',
            paragraphs: ['截至目前,共有260名市级机关干部下沉杨浦社区一线。'],
            continuedFrom: '第1版',
            markers: ['(上接第1版)'],
            incomplete: true,
          }),
        ],
      },
    ],
  },
  {
    paper: yangpu,
    date: '2021-03-05',
    dateInferred: true,
    slug: '2021-03-05',
    pages: [{ number: 3, name: null, articles: [article({ headline: '春季植树', paragraphs: ['植树节前夕,居民在公园植树。'] })] }],
  },
];

/** Builds the fixture Site under a base such as '/' or '/sub/'. */
export function fixtureSite(base = '/'): Site {
  const papers = new Map<string, SitePaper>();
  const articles: SiteArticle[] = [];
  for (const spec of issueSpecs) {
    const paperUrl = `${base}${spec.paper.id}/`;
    const sitePaper = papers.get(spec.paper.id) ?? { paper: spec.paper, url: paperUrl, issues: [] };
    papers.set(spec.paper.id, sitePaper);
    const issueId = `${spec.paper.id}-${spec.slug}`;
    const issueUrl = `${paperUrl}${spec.slug}/`;
    const issueArticles: SiteArticle[] = [];
    const pages: SitePage[] = spec.pages.map((pageSpec, pageIndex) => {
      const pageId = `${issueId}-p${String(pageIndex + 1).padStart(2, '0')}`;
      const pageUrl = `${issueUrl}${pageSpec.number ?? `x${pageIndex + 1}`}/`;
      const page: SitePage = {
        id: pageId,
        issueId,
        number: pageSpec.number,
        name: pageSpec.name,
        label: pageSpec.number === null ? `未标版次 (${pageIndex + 1})` : `第${pageSpec.number}版`,
        source: `${issueId}-${pageIndex}.txt`,
        url: pageUrl,
        articles: [],
        diagnostics: [],
      };
      page.articles = pageSpec.articles.map((a, index) => {
        const item: SiteArticle = {
          id: `${pageId}-${String(index + 1).padStart(2, '0')}`,
          url: `${pageUrl}${index + 1}/`,
          article: a,
          title: a.headline ?? Array.from(a.paragraphs[0] ?? '').slice(0, 20).join(''),
          paperId: spec.paper.id,
          issueId,
          pageId,
          prevUrl: null,
          nextUrl: null,
          continuedToUrl: null,
          continuedFromUrl: null,
          parts: [],
          reprints: [],
        };
        issueArticles.push(item);
        return item;
      });
      return page;
    });
    issueArticles.forEach((item, index) => {
      item.prevUrl = issueArticles[index - 1]?.url ?? null;
      item.nextUrl = issueArticles[index + 1]?.url ?? null;
    });
    // Link the 杨浦 jump pair (第1版 → 第2版) both ways; the 徐汇 jump to 第4版 stays unresolved.
    const from = issueArticles.find((item) => item.article.continuedTo === '第2版');
    const to = issueArticles.find((item) => item.article.continuedFrom === '第1版');
    if (from && to) {
      from.continuedToUrl = to.url;
      to.continuedFromUrl = from.url;
    }
    articles.push(...issueArticles);
    const issue: SiteIssue = {
      id: issueId,
      paper: spec.paper,
      date: spec.date,
      dateInferred: spec.dateInferred ?? false,
      issueNumber: spec.issueNumber ?? null,
      totalNumber: spec.totalNumber ?? null,
      url: issueUrl,
      api: `${base}api/${spec.paper.id}/${spec.slug}.json`,
      pages,
    };
    sitePaper.issues.push(issue);
  }
  const sitePapers = [...papers.values()].sort((a, b) => a.paper.name.localeCompare(b.paper.name, 'zh-CN'));
  for (const paper of sitePapers) {
    paper.issues.sort((a, b) => (a.date === null ? 1 : b.date === null ? -1 : a.date.localeCompare(b.date)));
  }
  const ordered = sitePapers.flatMap((paper) => paper.issues.flatMap((issue) => issue.pages.flatMap((page) => page.articles)));
  return { base, generator: 'baokan test', papers: sitePapers, articles: ordered.length === articles.length ? ordered : articles };
}

/** The real templates/ folder, as the read stage would load it. */
export function loadTemplates(): Templates {
  const dir = fileURLToPath(new URL('../../templates/', import.meta.url));
  const templates: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) templates[name] = readFileSync(`${dir}${name}`, 'utf8');
  return templates;
}
