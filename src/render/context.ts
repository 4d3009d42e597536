/** Lookups and labels shared by the page modules. */
import type { ArticleRef, SiteIndex, SiteIssue, SitePage, SitePaper } from '../site.js';
import type { Layout } from './layout.js';
import { formatDate, formatDateWithWeekday, parseIsoDate } from './dates.js';

/**
 * Everything a page module may read: the site's index, the layout, and lookups built once per
 * render. What they give of other articles is a link's worth (`ArticleRef`); the issue being
 * rendered is handed to its pages in full.
 */
export interface RenderContext {
  site: SiteIndex;
  layout: Layout;
  paperOfIssue: ReadonlyMap<string, SitePaper<ArticleRef>>;
  issueById: ReadonlyMap<string, SiteIssue<ArticleRef>>;
  pageById: ReadonlyMap<string, SitePage<ArticleRef>>;
  /** Articles by URL: an article's neighbours (prevUrl, nextUrl) are given by URL. */
  articleByUrl: ReadonlyMap<string, ArticleRef>;
  /** Articles by id: parts and reprints are given by id. */
  articleById: ReadonlyMap<string, ArticleRef>;
}

/** Builds the id indexes; ids are unique in a valid Site, duplicates are a model bug. */
export function createContext(site: SiteIndex, layout: Layout): RenderContext {
  const paperOfIssue = new Map<string, SitePaper<ArticleRef>>();
  const issueById = new Map<string, SiteIssue<ArticleRef>>();
  const pageById = new Map<string, SitePage<ArticleRef>>();
  const articleByUrl = new Map<string, ArticleRef>();
  const articleById = new Map<string, ArticleRef>();
  for (const paper of site.papers) {
    for (const issue of paper.issues) {
      if (issueById.has(issue.id)) throw new Error(`baokan render: two issues share the id \`${issue.id}\``);
      paperOfIssue.set(issue.id, paper);
      issueById.set(issue.id, issue);
      for (const page of issue.pages) {
        pageById.set(page.id, page);
        for (const article of page.articles) {
          articleByUrl.set(article.url, article);
          articleById.set(article.id, article);
        }
      }
    }
  }
  return { site, layout, paperOfIssue, issueById, pageById, articleByUrl, articleById };
}

/** Looks up a map entry that the Site model guarantees, naming the id when it is absent. */
export function lookup<T>(map: ReadonlyMap<string, T>, id: string, what: string): T {
  const value = map.get(id);
  if (value === undefined) throw new Error(`baokan render: ${what} \`${id}\` is referenced but not in the site model`);
  return value;
}

/** The issue's date as readers see it, or its number when undated. */
export function issueLabel(issue: SiteIssue<ArticleRef>): string {
  if (parseIsoDate(issue.date)) return formatDate(issue.date);
  return issue.issueNumber ? `${issue.issueNumber}（日期不详）` : `日期不详（${issue.id}）`;
}

/** Issue label with weekday, for headings and metadata. */
export function issueLongLabel(issue: SiteIssue<ArticleRef>): string {
  if (parseIsoDate(issue.date)) return formatDateWithWeekday(issue.date);
  return issueLabel(issue);
}

/** 第N期（总第M期）, or empty when the issue prints neither. */
export function issueNumbers(issue: SiteIssue<ArticleRef>): string {
  const parts = [issue.issueNumber, issue.totalNumber ? `（${issue.totalNumber}）` : null].filter(Boolean);
  return parts.join('');
}

/** The 版's label with its name: 第1版 要闻. */
export function pageLabel(page: SitePage<ArticleRef>): string {
  return page.name ? `${page.label} ${page.name}` : page.label;
}

/** The first `length` characters (code points) of a text, with an ellipsis when cut. */
export function excerpt(text: string, length: number): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length <= length ? chars.join('') : `${chars.slice(0, length).join('')}…`;
}

/** Year of an issue, or null when undated. */
export function issueYear(issue: SiteIssue<ArticleRef>): number | null {
  return parseIsoDate(issue.date)?.year ?? null;
}

/** URL of a paper's year calendar. */
export function yearUrl(paper: SitePaper<ArticleRef>, year: number): string {
  return `${paper.url}${year}/`;
}

/** An article's display title for lists and breadcrumbs. */
export function articleTitle(article: ArticleRef): string {
  return article.title || excerpt(article.article.paragraphs[0] ?? '', 24) || '（无标题）';
}
