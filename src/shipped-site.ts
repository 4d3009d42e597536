/**
 * The site as the render worker receives it. Posting a message copies every string, and the
 * articles' reprint lists repeat other articles' ids: hundreds an article at 50,000 synthetic
 * articles, ~50 bytes each in the copy and as much again in the serialised message. The lists
 * travel as article indexes instead (4 bytes a link) and are made again in the worker from the
 * one copy of each id. Shared article objects stay shared.
 */
import type { Site, SiteArticle } from './site.js';

export interface ShippedSite {
  /** The site with empty reprint lists (and without source blocks when asked). */
  site: Site;
  /** Each article's reprints as indexes into `site.articles` (null: sent in the article as ids). */
  reprints: Array<Uint32Array | null>;
}

/** The site to post to a worker; `withoutBlocks` also drops the articles' source blocks (only --explain and the cache need them). */
export function shipSite(site: Site, withoutBlocks: boolean): ShippedSite {
  const index = new Map(site.articles.map((a, k) => [a.id, k]));
  const reprints = site.articles.map((a) => (a.reprints.length > 0 && a.reprints.every((id) => index.has(id)) ? Uint32Array.from(a.reprints, (id) => index.get(id)!) : null));
  const slim = new Map<SiteArticle, SiteArticle>();
  const copy = (a: SiteArticle): SiteArticle => {
    let s = slim.get(a);
    if (!s) {
      s = { ...a, reprints: reprints[index.get(a.id)!] ? [] : a.reprints };
      if (withoutBlocks) s.article = { ...a.article, blocks: [] };
      slim.set(a, s);
    }
    return s;
  };
  return {
    site: {
      ...site,
      articles: site.articles.map(copy),
      papers: site.papers.map((p) => ({
        ...p,
        issues: p.issues.map((i) => ({ ...i, pages: i.pages.map((pg) => ({ ...pg, articles: pg.articles.map(copy) })) })),
      })),
    },
    reprints,
  };
}

/** The site as it was shipped, in the worker. */
export function landSite({ site, reprints }: ShippedSite): Site {
  const index = new Map(site.articles.map((a, k) => [a.id, k]));
  const land = (a: SiteArticle): void => {
    const others = reprints[index.get(a.id)!];
    if (others && a.reprints.length === 0) a.reprints = Array.from(others, (j) => site.articles[j]!.id);
  };
  site.articles.forEach(land);
  for (const paper of site.papers) for (const issue of paper.issues) for (const page of issue.pages) page.articles.forEach(land);
  return site;
}
