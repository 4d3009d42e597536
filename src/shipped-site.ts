/**
 * What the render worker receives (src/render-worker.ts): the site's index once (src/site.ts:
 * every paper, issue and 版, and of each article what a link to it shows), then the issues to
 * render in full, one message each, in the order they are rendered and a bounded number ahead
 * (src/workers.ts, `streamWorker`). Posting a message copies every string: the whole site at
 * once was a second copy of the archive's text, entities, related and reprint lists in the
 * worker's heap; now the worker holds the index and the issues in flight.
 */
import type { Site, SiteIssue } from './site.js';

/**
 * The issues to send, in render order (papers as the site lists them, skipped ones left out);
 * `withoutBlocks` also drops the articles' source blocks (only --explain and the cache need them).
 * Made one at a time, as the worker asks for the next.
 */
export function* shipIssues(site: Site, skip: ReadonlySet<string>, withoutBlocks: boolean): Generator<SiteIssue> {
  for (const paper of site.papers) {
    for (const issue of paper.issues) {
      if (skip.has(issue.id)) continue;
      yield withoutBlocks ? { ...issue, pages: issue.pages.map((p) => ({ ...p, articles: p.articles.map((a) => ({ ...a, article: { ...a.article, blocks: [] } })) })) } : issue;
    }
  }
}
