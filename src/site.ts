/**
 * The site model: every paper, issue, 版 and article with its final id and URL.
 * Renderers, the data API and the search indexer all read this one structure.
 */
import type { Issue } from './assemble.js';
import { toDiagnostics } from './diagnostics.js';
import { linkParts, reportUnresolvedJumps } from './parts.js';
import type { Article, Diagnostic, Paper } from './types.js';
import type { ArticleEntity, SiteEntity } from './entities/archive.js';

export interface Site<A extends ArticleRef = SiteArticle> {
  /** URL prefix the site is served under, always starting and ending with '/'. */
  base: string;
  /** Name and version of the generator, e.g. "baokan 0.1.0". */
  generator: string;
  /** `https://host` the site is served from, when configured: URLs shown to others become absolute. */
  origin?: string;
  /** The site's name when configured, instead of the layout template's. */
  title?: string;
  /** Papers with at least one issue, ordered by name. */
  papers: Array<SitePaper<A>>;
  /** Every article in archive order (paper, issue date, 版, reading order). */
  articles: A[];
  /** Entities with a page (src/entities/), once the entities stage has run. */
  entities?: SiteEntity[];
}

export interface SitePaper<A extends ArticleRef = SiteArticle> {
  paper: Paper;
  url: string;
  /** Issues in date order (undated ones last). */
  issues: Array<SiteIssue<A>>;
}

export interface SiteIssue<A extends ArticleRef = SiteArticle> {
  /** e.g. yangpu-times-2020-07-27 */
  id: string;
  paper: Paper;
  date: string | null;
  dateInferred: boolean;
  issueNumber: string | null;
  totalNumber: string | null;
  url: string;
  /** URL of the issue's JSON file in the data API. */
  api: string;
  pages: Array<SitePage<A>>;
}

export interface SitePage<A extends ArticleRef = SiteArticle> {
  /** e.g. yangpu-times-2020-07-27-p01 */
  id: string;
  issueId: string;
  number: number | null;
  name: string | null;
  /** Human label: 第1版, or 未标版次 (n) when the page prints no number. */
  label: string;
  source: string;
  url: string;
  articles: A[];
  diagnostics: Diagnostic[];
}

/**
 * What a page shows of an article it only links to (a neighbour, a reprint, an entity's
 * article): where it is, its title and whether it is a brief. Every `SiteArticle` is one.
 */
export interface ArticleRef {
  id: string;
  url: string;
  title: string;
  paperId: string;
  issueId: string;
  pageId: string;
  /** The headline (null for a brief); the first paragraph only stands in for an empty title. */
  article: Pick<Article, 'headline' | 'paragraphs'>;
}

/**
 * The site as the pages that link across it need it: every paper, issue and 版, and of each
 * article only its `ArticleRef`. The render worker holds this and one issue in full at a time,
 * so its heap does not grow with the archive's text (src/shipped-site.ts).
 */
export type SiteIndex = Site<ArticleRef>;

/** The index of `site`: the same papers, issues and 版 with each article cut down to its ref. */
export function siteIndex(site: Site): SiteIndex {
  const refs = new Map<SiteArticle, ArticleRef>();
  const ref = (a: SiteArticle): ArticleRef => {
    let r = refs.get(a);
    if (!r) {
      const { id, url, title, paperId, issueId, pageId } = a;
      r = { id, url, title, paperId, issueId, pageId, article: { headline: a.article.headline, paragraphs: title ? [] : a.article.paragraphs.slice(0, 1) } };
      refs.set(a, r);
    }
    return r;
  };
  return {
    ...site,
    articles: site.articles.map(ref),
    papers: site.papers.map((p) => ({
      ...p,
      issues: p.issues.map((i) => ({ ...i, pages: i.pages.map((pg) => ({ ...pg, articles: pg.articles.map(ref) })) })),
    })),
  };
}

export interface SiteArticle {
  /** e.g. yangpu-times-2020-07-27-p01-03 */
  id: string;
  url: string;
  article: Article;
  /** Display title: the headline, else the start of the first paragraph. */
  title: string;
  paperId: string;
  issueId: string;
  pageId: string;
  /** Neighbours in reading order across the whole issue, or null at its ends. */
  prevUrl: string | null;
  nextUrl: string | null;
  /** The continuing / continued article in this archive, when it can be found. */
  continuedToUrl: string | null;
  continuedFromUrl: string | null;
  /** For a story printed in parts across 版: the ids of all its parts in reading order, itself included (src/parts.ts); else empty. */
  parts: string[];
  /** Ids of the other copies of the same text in the archive, in archive order (src/reprints/). */
  reprints: string[];
  /** People, places and organisations it mentions (src/entities/), once that stage has run. */
  entities?: ArticleEntity[];
  /** Related articles, best first (src/related/), with what their links show. */
  related?: Array<{ id: string; url: string; title: string }>;
}

/** Builds the site model from assembled issues; `base` must start and end with '/'. */
export function buildSiteModel(issues: Issue[], base: string, generator: string): Site {
  const byPaper = new Map<string, SiteIssue[]>();
  const papers = new Map<string, Paper>();
  for (const issue of issues) {
    papers.set(issue.paper.id, issue.paper);
    byPaper.set(issue.paper.id, [...(byPaper.get(issue.paper.id) ?? []), toSiteIssue(issue, base)]);
  }
  const sitePapers = [...papers.values()]
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN') || compare(a.id, b.id))
    .map((paper) => ({
      paper,
      url: `${base}${paper.id}/`,
      issues: (byPaper.get(paper.id) ?? []).sort(byDate),
    }));
  const articles = sitePapers.flatMap((p) => p.issues.flatMap((i) => i.pages.flatMap((pg) => pg.articles)));
  return { base, generator, papers: sitePapers, articles };
}

function toSiteIssue(issue: Issue, base: string): SiteIssue {
  const id = `${issue.paper.id}-${issue.slug}`;
  const url = `${base}${issue.paper.id}/${issue.slug}/`;
  let unnumbered = 0;
  const pages: SitePage[] = issue.pages.map((p) => {
    const slug = p.number === null ? `x${++unnumbered}` : `p${String(p.number).padStart(2, '0')}`;
    const pageId = `${id}-${slug}`;
    const pageUrl = `${url}${slug}/`;
    const articles = p.parsed.articles.map((article, i): SiteArticle => {
      const n = String(i + 1).padStart(2, '0');
      return {
        id: `${pageId}-${n}`,
        url: `${pageUrl}${n}/`,
        article,
        title: displayTitle(article),
        paperId: issue.paper.id,
        issueId: id,
        pageId,
        prevUrl: null,
        nextUrl: null,
        continuedToUrl: null,
        continuedFromUrl: null,
        parts: [],
        reprints: [],
      };
    });
    return {
      id: pageId,
      issueId: id,
      number: p.number,
      name: p.name,
      label: p.number === null ? `未标版次(${unnumbered})` : `第${p.number}版`,
      source: p.page.source,
      url: pageUrl,
      articles,
      diagnostics: toDiagnostics(p.page.file),
    };
  });
  linkReadingOrder(pages.flatMap((p) => p.articles));
  linkContinuations(pages);
  linkParts(pages);
  reportUnresolvedJumps(pages, issue.pages.map((p) => p.page.file));
  pages.forEach((page, i) => (page.diagnostics = toDiagnostics(issue.pages[i]!.page.file)));
  return {
    id,
    paper: issue.paper,
    date: issue.date,
    dateInferred: issue.dateInferred,
    issueNumber: issue.issueNumber,
    totalNumber: issue.totalNumber,
    url,
    // One folder per paper: a host may limit a folder's entries, and a paper has ~100 issues a year.
    api: `${base}api/issues/${issue.paper.id}/${id}.json`,
    pages,
  };
}

/** The headline, or for briefs and headless fragments the first words of the text. */
export function displayTitle(article: Article): string {
  if (article.headline) return article.headline;
  const text = article.paragraphs.join('').replace(/^本报讯\s*/, '');
  const chars = [...text];
  return chars.length > 24 ? `${chars.slice(0, 24).join('')}…` : chars.join('') || '(无标题)';
}

function linkReadingOrder(articles: SiteArticle[]): void {
  articles.forEach((a, i) => {
    a.prevUrl = articles[i - 1]?.url ?? null;
    a.nextUrl = articles[i + 1]?.url ?? null;
  });
}

/**
 * Links 下转 / 上接 markers to the continuing article when its 版 is in the issue: the target is
 * the article on that 版 that points back at this one, preferring a shared title.
 */
function linkContinuations(pages: SitePage[]): void {
  const byNumber = new Map(pages.filter((p) => p.number !== null).map((p) => [`第${p.number}版`, p]));
  for (const page of pages) {
    const here = page.number === null ? null : `第${page.number}版`;
    for (const a of page.articles) {
      const to = a.article.continuedTo ? byNumber.get(a.article.continuedTo) : undefined;
      if (to && here) a.continuedToUrl = bestMatch(a, to.articles.filter((b) => b.article.continuedFrom === here))?.url ?? null;
      const from = a.article.continuedFrom ? byNumber.get(a.article.continuedFrom) : undefined;
      if (from && here) a.continuedFromUrl = bestMatch(a, from.articles.filter((b) => b.article.continuedTo === here))?.url ?? null;
    }
  }
}

function bestMatch(a: SiteArticle, candidates: SiteArticle[]): SiteArticle | undefined {
  if (candidates.length <= 1) return candidates[0];
  const mine = new Set(a.title);
  const score = (b: SiteArticle): number => [...b.title].filter((c) => mine.has(c)).length;
  return [...candidates].sort((x, y) => score(y) - score(x))[0];
}

function byDate(a: SiteIssue, b: SiteIssue): number {
  if (a.date && b.date) return compare(a.date, b.date) || compare(a.id, b.id);
  if (a.date) return -1;
  if (b.date) return 1;
  return compare(a.id, b.id);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
