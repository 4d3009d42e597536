/**
 * The static JSON data API (docs/contract.md, schema in docs/api.schema.json): `api/catalog.json` and one file per issue.
 * Field names are the contract; add fields freely, never rename or drop one.
 */
import type { Site, SiteArticle, SiteIssue, SitePage } from './site.js';
import type { OutputFile, Paper } from './types.js';
import { gbt7714, referenceOf, type Reference } from './cite/index.js';

/** Version of the data API's shape, bumped when a field's meaning changes. */
export const API_VERSION = 1;

/**
 * Renders the catalog and every issue file, but those of `skipIssues` (which the caller reuses
 * from the previous build, see src/reuse.ts).
 */
export function renderApi(site: Site, skipIssues: ReadonlySet<string> = new Set()): OutputFile[] {
  const catalog = {
    generator: site.generator,
    apiVersion: API_VERSION,
    base: site.base,
    papers: site.papers.map(({ paper, url, issues }) => ({
      ...paperJson(paper),
      url,
      issues: issues.map((issue) => ({
        id: issue.id,
        date: issue.date,
        dateInferred: issue.dateInferred,
        issueNumber: issue.issueNumber,
        totalNumber: issue.totalNumber,
        url: issue.url,
        api: issue.api,
        pages: issue.pages.map((p) => ({ number: p.number, name: p.name, source: p.source, url: p.url })),
      })),
    })),
  };
  const files: OutputFile[] = [{ path: 'api/catalog.json', contents: json(catalog) }];
  for (const { issues } of site.papers) {
    for (const issue of issues) {
      if (!skipIssues.has(issue.id)) files.push({ path: issue.api.slice(site.base.length), contents: json(issueJson(site, issue)) });
    }
  }
  return files;
}

function paperJson(paper: Paper): { id: string; name: string; district: string | null } {
  return { id: paper.id, name: paper.name, district: paper.district };
}

function issueJson(site: Site, issue: SiteIssue): object {
  return {
    id: issue.id,
    paper: paperJson(issue.paper),
    date: issue.date,
    dateInferred: issue.dateInferred,
    issueNumber: issue.issueNumber,
    totalNumber: issue.totalNumber,
    url: issue.url,
    pages: issue.pages.map((page) => pageJson(site, issue, page)),
  };
}

function pageJson(site: Site, issue: SiteIssue, page: SitePage): object {
  return {
    number: page.number,
    name: page.name,
    label: page.label,
    source: page.source,
    url: page.url,
    articles: page.articles.map((a) => ({ ...articleJson(a), cite: citeJson(referenceOf(site, issue, page, a)) })),
    diagnostics: page.diagnostics,
  };
}

function articleJson(a: SiteArticle): object {
  const { article } = a;
  return {
    id: a.id,
    url: a.url,
    headline: article.headline,
    kicker: article.kicker,
    subheadline: article.subheadline,
    section: article.section,
    bylines: article.bylines,
    photoCredits: article.photoCredits,
    dateline: article.dateline,
    paragraphs: article.paragraphs,
    intertitles: article.intertitles,
    captions: article.captions,
    markers: article.markers,
    continuedTo: article.continuedTo,
    continuedFrom: article.continuedFrom,
    continuedToUrl: a.continuedToUrl,
    continuedFromUrl: a.continuedFromUrl,
    incomplete: article.incomplete,
    sourceLines: { start: article.position.start.line, end: article.position.end.line },
  };
}

/** Contract §4: the GB/T 7714 reference, and where the download files are. */
function citeJson(ref: Reference): object {
  return { gbt7714: gbt7714(ref), files: ref.files };
}

/** Stable, readable JSON; JSON escapes all input text by construction. */
function json(value: unknown): string {
  return `${JSON.stringify(value, null, 1)}\n`;
}
