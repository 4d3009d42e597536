/**
 * The static JSON data API (docs/contract.md, schema in docs/api.schema.json): `api/catalog.json` and one file per issue.
 * Field names are the contract; add fields freely, never rename or drop one.
 */
import type { Site, SiteArticle, SiteIssue, SitePage } from './site.js';
import type { OutputFile, Paper } from './types.js';
import type { SiteEntity } from './entities/archive.js';
import { gbt7714, referenceOf, type Reference } from './cite/index.js';

/** Version of the data API's shape, bumped when a field's meaning changes. */
export const API_VERSION = 1;

/**
 * Renders the catalog and every issue file, but those of `skipIssues` (which the caller reuses
 * from the previous build, see src/reuse.ts).
 */
export function renderApi(site: Site, skipIssues: ReadonlySet<string> = new Set()): OutputFile[] {
  return [...renderApiBatches(site, skipIssues)].flat();
}

/** Issue files in one batch of `renderApiBatches` (bounds what is held before it is written). */
const ISSUE_BATCH = 64;

/**
 * `renderApi`'s files in batches — the catalog and the entities, then the issue files a few
 * dozen at a time — so a caller can write each batch before the next is made, as it does with
 * the HTML: the data API repeats every article's text, so it is as large as the archive.
 */
export function* renderApiBatches(site: Site, skipIssues: ReadonlySet<string> = new Set()): Generator<OutputFile[]> {
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
  if (site.entities) files.push({ path: 'api/entities.json', contents: json(entitiesJson(site.entities)) });
  yield files;
  let batch: OutputFile[] = [];
  for (const { issues } of site.papers) {
    for (const issue of issues) {
      if (skipIssues.has(issue.id)) continue;
      batch.push({ path: issue.api.slice(site.base.length), contents: json(issueJson(site, issue)) });
      if (batch.length === ISSUE_BATCH) {
        yield batch;
        batch = [];
      }
    }
  }
  if (batch.length > 0) yield batch;
}

export function paperJson(paper: Paper): { id: string; name: string; district: string | null } {
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

/** One article as the data API gives it (also each line of the JSON Lines export, src/export.ts). */
export function articleJson(a: SiteArticle): Record<string, unknown> {
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
    ...(a.parts.length > 0 ? { parts: a.parts } : {}),
    reprints: a.reprints,
    ...(a.entities ? { entities: a.entities.map(({ id, name, kind }) => ({ id, name, kind })) } : {}),
    ...(a.related ? { related: a.related.map((r) => r.id) } : {}),
  };
}

/** `api/entities.json`: every entity with a page, the articles mentioning it (contract §4). */
function entitiesJson(entities: SiteEntity[]): object {
  return { entities: entities.map(({ id, name, kind, url, articles }) => ({ id, name, kind, url, count: articles.length, articles })) };
}

/** Contract §4: the GB/T 7714 reference, and where the download files are. */
function citeJson(ref: Reference): object {
  return { gbt7714: gbt7714(ref), files: ref.files };
}

/** Stable, readable JSON; JSON escapes all input text by construction. */
function json(value: unknown): string {
  return `${JSON.stringify(value, null, 1)}\n`;
}
