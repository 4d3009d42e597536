/**
 * What a citation of one article says, gathered once from the site model: who wrote it (the
 * parser's bylines with roles such as 记者 or 通讯员 stripped), its title, the paper, the issue's
 * date and the 版. Every format (GB/T 7714, BibTeX, RIS, CSL-JSON) is written from this.
 */
import { readByline } from '../parse/byline.js';
import type { ArticleRef, SiteArticle, SiteIndex, SiteIssue, SitePage } from '../site.js';

/** The download formats, in the order the page lists them (contract §4: `a[data-cite-download]`). */
export const CITE_FORMATS = ['bibtex', 'ris', 'csl-json'] as const;
export type CiteFormat = (typeof CITE_FORMATS)[number];

/** File name of each format beside the article's page, and the media type it is served as. */
export const CITE_FILES: Record<CiteFormat, { name: string; type: string; label: string }> = {
  bibtex: { name: 'cite.bib', type: 'application/x-bibtex', label: 'BibTeX' },
  ris: { name: 'cite.ris', type: 'application/x-research-info-systems', label: 'RIS' },
  'csl-json': { name: 'cite.json', type: 'application/vnd.citationstyles.csl+json', label: 'CSL-JSON' },
};

export interface Reference {
  /** The article's id, also the BibTeX key and the CSL id (ASCII, unique in the archive). */
  key: string;
  /** Personal names in byline order, each once. */
  authors: string[];
  /** The headline; for a brief without one, the start of its text (see `titleSupplied`). */
  title: string;
  /** True when the article prints no headline and `title` was made from its text. */
  titleSupplied: boolean;
  /** The paper's name as the archive lists it. */
  paper: string;
  /** ISO date of the issue, or null for an undated page. */
  date: string | null;
  /** The date was inferred from the page's content, not printed. */
  dateInferred: boolean;
  /** The 版 number (版次), or null when the page prints none. */
  page: number | null;
  /** The 版's name (要闻, 综合新闻 …) when printed. */
  section: string | null;
  /** The article's page as an absolute URL, when the site's origin is configured. */
  url: string | null;
  /** Where the download files are, base-prefixed, by format. */
  files: Record<CiteFormat, string>;
}

/** The reference of `item`, printed in `issue` on `page`. */
export function referenceOf(site: SiteIndex, issue: SiteIssue<ArticleRef>, page: SitePage<ArticleRef>, item: SiteArticle): Reference {
  const { article } = item;
  return {
    key: item.id,
    authors: authorNames(article.bylines),
    title: article.headline ?? item.title,
    titleSupplied: article.headline === null,
    paper: issue.paper.name,
    date: issue.date,
    dateInferred: issue.date !== null && issue.dateInferred,
    page: page.number,
    section: page.name,
    url: site.origin ? `${site.origin}${item.url}` : null,
    files: Object.fromEntries(CITE_FORMATS.map((f) => [f, `${item.url}${CITE_FILES[f].name}`])) as Record<CiteFormat, string>,
  };
}

/**
 * Names from bylines as the parser keeps them: usually one name each (张雯), sometimes still
 * with a role or several names (本报记者 张三 李四, 记者 王芳 通讯员 李明). The parser's own
 * byline reader strips the roles; what it cannot read is kept as printed.
 */
export function authorNames(bylines: readonly string[]): string[] {
  const names = bylines.flatMap((b) => readByline(b.trim())?.names ?? [b.trim()]);
  return [...new Set(names.filter((n) => n.length > 0))];
}
