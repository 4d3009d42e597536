/** Hand-made Site models for search tests (no dependency on the parser or the build pipeline). */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Site, SiteArticle, SiteIssue, SitePage, SitePaper } from '../../src/site.js';
import type { Article, Paper } from '../../src/types.js';

export interface FixtureArticle {
  headline: string | null;
  paragraphs: string[];
  captions?: string[];
}
export interface FixturePage {
  paper: Paper;
  date: string | null;
  /** The date was guessed, not printed (default false). */
  dateInferred?: boolean;
  number: number;
  articles: FixtureArticle[];
}

const pos = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };

function article(a: FixtureArticle): Article {
  return {
    headline: a.headline,
    kicker: null,
    subheadline: null,
    section: null,
    bylines: [],
    photoCredits: [],
    dateline: null,
    paragraphs: a.paragraphs,
    intertitles: [],
    captions: a.captions ?? [],
    markers: [],
    continuedTo: null,
    continuedFrom: null,
    incomplete: false,
    blocks: [],
    position: pos,
  };
}

/** Builds a Site model from pages, with URLs shaped like the real renderer's. */
export function makeSite(pages: FixturePage[], base = '/'): Site {
  const papers = new Map<string, SitePaper>();
  const issues = new Map<string, SiteIssue>();
  for (const p of pages) {
    let sp = papers.get(p.paper.id);
    if (!sp) papers.set(p.paper.id, (sp = { paper: p.paper, url: `${base}${p.paper.id}/`, issues: [] }));
    const issueId = `${p.paper.id}-${p.date ?? 'undated'}`;
    let issue = issues.get(issueId);
    if (!issue) {
      issue = {
        id: issueId,
        paper: p.paper,
        date: p.date,
        dateInferred: p.dateInferred ?? false,
        issueNumber: null,
        totalNumber: null,
        url: `${base}${p.paper.id}/${p.date ?? 'undated'}/`,
        api: `${base}api/${issueId}.json`,
        pages: [],
      };
      issues.set(issueId, issue);
      sp.issues.push(issue);
    }
    const pageId = `${issueId}-p${String(p.number).padStart(2, '0')}`;
    const page: SitePage = {
      id: pageId,
      issueId,
      number: p.number,
      name: null,
      label: `第${p.number}版`,
      source: `${pageId}.txt`,
      url: `${issue.url}${p.number}/`,
      articles: [],
      diagnostics: [],
    };
    issue.pages.push(page);
    p.articles.forEach((a, i) => {
      const id = `${pageId}-${String(i + 1).padStart(2, '0')}`;
      const sa: SiteArticle = {
        id,
        url: `${page.url}${i + 1}/`,
        article: article(a),
        title: a.headline ?? a.paragraphs[0]?.slice(0, 20) ?? id,
        paperId: p.paper.id,
        issueId,
        pageId,
        prevUrl: null,
        nextUrl: null,
        continuedToUrl: null,
        continuedFromUrl: null,
        parts: [],
        reprints: [],
      };
      page.articles.push(sa);
    });
  }
  // Archive order: paper, issue, page, reading order (as the real site model).
  return {
    base,
    generator: 'baokan test',
    papers: [...papers.values()].sort((a, b) => (a.paper.name < b.paper.name ? -1 : 1)),
    articles: [...papers.values()]
      .sort((a, b) => (a.paper.name < b.paper.name ? -1 : 1))
      .flatMap((sp) => sp.issues.flatMap((i) => i.pages.flatMap((pg) => pg.articles))),
  };
}

export const YANGPU: Paper = { id: 'yangpu-times', name: '杨浦时报', district: '杨浦区' };
export const HONGKOU: Paper = { id: 'hongkou-news', name: '虹口报', district: '虹口区' };

/** A small site by hand, for unit tests. */
export function smallSite(base = '/'): Site {
  return makeSite(
    [
      {
        paper: YANGPU,
        date: '2020-07-27',
        number: 1,
        articles: [
          { headline: '谢坚钢出席主题党日活动', paragraphs: ['本报讯 7月23日，区委书记谢坚钢出席并致辞。', '200多人参加。'] },
          { headline: '大桥街道旧改征收启动', paragraphs: ['大桥街道旧改项目27日启动，居民签约率达到99.5%。'] },
          { headline: null, paragraphs: ['第三届进博会将于11月举行，Shanghai 欢迎您。'] },
        ],
      },
      {
        paper: HONGKOU,
        date: '2020-08-03',
        number: 2,
        articles: [
          { headline: '进博会志愿者招募', paragraphs: ['虹口区招募进博会志愿者，8月3日起报名。'], captions: ['图为志愿者培训现场'] },
          { headline: '臺灣同胞參訪', paragraphs: ['ＡＢＣ公司代表参访北外滩，谢坚钢未出席。'] },
        ],
      },
    ],
    base,
  );
}

const SEEDS = fileURLToPath(new URL('../../seeds/', import.meta.url));

/**
 * A site made from the seed pages without the parser: each non-empty line is a paragraph,
 * every four lines an article whose first line is its headline. Enough text for the oracle.
 */
export function seedSite(base = '/', extra: FixturePage[] = []): Site {
  const papers = [YANGPU, HONGKOU];
  const files = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
  return makeSite(
    files.map((f, n): FixturePage => {
      const lines = readFileSync(SEEDS + f, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
      const articles: FixtureArticle[] = [];
      for (let i = 0; i < lines.length; i += 4) {
        const group = lines.slice(i, i + 4);
        articles.push({ headline: group[0]!, paragraphs: group.slice(1) });
      }
      return { paper: papers[n % 2]!, date: `2020-07-${String(20 + n).padStart(2, '0')}`, number: 1 + (n % 3), articles };
    }).concat(extra),
    base,
  );
}
