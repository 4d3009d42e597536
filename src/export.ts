/**
 * The whole archive as two files for researchers (contract §4): `export/articles.jsonl`, one
 * article per line with its data API fields plus `paper`, `date` and `page`, and
 * `export/articles.csv` (UTF-8 with a byte-order mark, so spreadsheet programs read the Chinese
 * right; a header row; RFC 4180 quoting and CRLF record ends by csv-stringify). Both are streamed: made article by
 * article while they are written (src/streamed.ts), never held whole in memory.
 */
import { stringify } from 'csv-stringify/sync';
import { articleJson, paperJson } from './api.js';
import type { Site, SiteArticle, SiteIssue, SitePage, SitePaper } from './site.js';
import { streamed } from './streamed.js';
import type { OutputFile } from './types.js';

/** The CSV's columns, in order (the header row). */
export const CSV_COLUMNS = ['headline', 'paper', 'date', 'page', 'bylines', 'url', 'text'] as const;

/** Articles per chunk: large enough that writing is not per line, small enough to stay light. */
const CHUNK = 200;

/** The two export files of the site. */
export function renderExports(site: Site): OutputFile[] {
  return [
    { path: 'export/articles.jsonl', contents: '', stream: streamed(() => chunks(site, (rows) => rows.map((r) => `${JSON.stringify(jsonLine(r))}\n`).join(''))) },
    {
      path: 'export/articles.csv',
      contents: '',
      stream: streamed(async function* () {
        yield stringify([], { bom: true, header: true, columns: [...CSV_COLUMNS], record_delimiter: 'windows' });
        yield* chunks(site, (rows) => stringify(rows.map((r) => csvRecord(site, r)), { columns: [...CSV_COLUMNS], record_delimiter: 'windows' }));
      }),
    },
  ];
}

/** An article with where it was printed. */
interface Row {
  paper: SitePaper;
  issue: SiteIssue;
  page: SitePage;
  article: SiteArticle;
}

/** The archive in order, CHUNK articles at a time, each chunk turned into text by `format`. */
async function* chunks(site: Site, format: (rows: Row[]) => string): AsyncGenerator<string> {
  let rows: Row[] = [];
  for (const paper of site.papers) {
    for (const issue of paper.issues) {
      for (const page of issue.pages) {
        for (const article of page.articles) {
          rows.push({ paper, issue, page, article });
          if (rows.length === CHUNK) {
            yield format(rows);
            rows = [];
          }
        }
      }
    }
  }
  if (rows.length > 0) yield format(rows);
}

/** One JSON Lines record: the article as the data API gives it, and where it was printed. */
function jsonLine({ paper, issue, page, article }: Row): Record<string, unknown> {
  return {
    ...articleJson(article),
    paper: paperJson(paper.paper),
    date: issue.date,
    page: { number: page.number, name: page.name, label: page.label },
  };
}

/** One CSV record: what a spreadsheet needs to read and cite the article. */
function csvRecord(site: Site, { paper, issue, page, article }: Row): Record<(typeof CSV_COLUMNS)[number], string> {
  const a = article.article;
  return {
    headline: a.headline ?? '',
    paper: paper.paper.name,
    date: issue.date ?? '',
    page: page.label,
    bylines: a.bylines.join('、'),
    url: (site.origin ?? '') + article.url,
    text: a.paragraphs.join('\n'),
  };
}
