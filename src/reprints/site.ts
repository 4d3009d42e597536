/** Reprints in the site model: each article's text to compare, and the found copies set on each article. */
import type { Site, SiteIssue } from '../site.js';
import type { ReprintText } from './find.js';

/**
 * Every article's text as reprints are compared: its paragraphs (intertitles, headline and
 * bylines left out, as reprints change them). Each text is joined when it is read, not kept:
 * `findReprints` reads it once, and held together the texts are ~3 KB an article.
 */
export function reprintTexts(site: Site): ReprintText[] {
  return site.articles.map((a) => ({
    id: a.id,
    get text() {
      return a.article.paragraphs.join('\n');
    },
  }));
}

/** Sets `reprints` on every article of the site from what `findReprints` found. */
export function linkReprints(site: Site, reprints: ReadonlyMap<string, string[]>): void {
  for (const a of site.articles) a.reprints = reprints.get(a.id) ?? [];
}

/**
 * What an issue's pages show of the copies in other issues (their titles, papers, dates, 版):
 * part of the issue's render key (src/reuse.ts), so a page is rendered again when a copy
 * elsewhere changes, and only then. Made one issue at a time, when its key is made: held for
 * every issue at once these were ~100 characters a link (gigabytes at 50,000 synthetic
 * articles, where an article has hundreds of copies). '' for an issue that shows none.
 */
export function reprintKeys(site: Site): (issue: SiteIssue) => string {
  const byId = new Map(site.articles.map((a) => [a.id, a]));
  const issueOf = new Map(site.papers.flatMap((p) => p.issues.map((i) => [i.id, i] as const)));
  const pageOf = new Map(site.papers.flatMap((p) => p.issues.flatMap((i) => i.pages.map((pg) => [pg.id, pg] as const))));
  return (issue) => {
    const shown = issue.pages.flatMap((pg) =>
      pg.articles.flatMap((a) =>
        a.reprints.map((id) => {
          const other = byId.get(id);
          const i = other ? issueOf.get(other.issueId) : undefined;
          const page = other ? pageOf.get(other.pageId) : undefined;
          return [id, other?.title, other?.article.headline === null, other?.paperId, i?.date, i?.issueNumber, page?.label, page?.name];
        }),
      ),
    );
    return shown.length > 0 ? JSON.stringify(shown) : '';
  };
}
