/**
 * The entities stage, between the site model and rendering: analyses every article (or takes
 * the analysis from the cache), gathers the archive's entities, finds each article's related
 * articles, and records them on the site model for the renderer and the data API.
 */
import type { Site, SiteArticle } from '../site.js';
import type { Paper } from '../types.js';
import { relatedArticles } from '../related/related.js';
import { analysisInput, type ArticleAnalysis } from './analyse.js';
import { analyseInParallel } from './parallel.js';
import { analysisKey } from './cache.js';
import { collectEntities } from './archive.js';

/** What the entity stage read from and gives back to the analysis cache. */
export interface AnalysisCache {
  fingerprint: string;
  /** Entries of the last build, by key. */
  previous: ReadonlyMap<string, ArticleAnalysis>;
}

/** The names a paper's registry entry knows: its district (杨浦区, and 杨浦) and its places. */
export function knownPlaces(paper: Paper): string[] {
  const names = new Set(paper.places ?? []);
  if (paper.district) {
    names.add(paper.district);
    const short = paper.district.replace(/(新区|区)$/u, '');
    if (short.length >= 2) names.add(short);
  }
  return [...names].sort();
}

/**
 * Analyses every article of `site` (in worker threads when many are not cached) and annotates
 * the model in place: `site.entities`, each article's `entities` and `related`. Returns the
 * analyses by cache key (the entries to keep) and how many were made afresh.
 */
export async function annotateSite(site: Site, cache: AnalysisCache | null, threads?: number): Promise<{ entries: Map<string, ArticleAnalysis>; analysed: number }> {
  const entries = new Map<string, ArticleAnalysis>();
  const known = new Map(site.papers.map((p) => [p.paper.id, { places: knownPlaces(p.paper) }]));
  const dates = new Map<string, string | null>();
  for (const paper of site.papers) for (const issue of paper.issues) dates.set(issue.id, issue.date);
  const inputs = site.articles.map((item) => analysisInput(item.article, known.get(item.paperId) ?? { places: [] }));
  const keys = inputs.map((input) => (cache ? analysisKey(cache.fingerprint, input) : ''));
  // Each distinct text once: what the cache lacks is analysed, in parallel when there is much.
  const missing = new Map<string, number>();
  keys.forEach((key, i) => {
    if (!cache?.previous.has(key) && !missing.has(key || String(i))) missing.set(key || String(i), i);
  });
  const fresh = await analyseInParallel([...missing.values()].map((i) => inputs[i]!), threads);
  const made = new Map([...missing.keys()].map((key, k) => [key, fresh[k]!]));
  const analyses = keys.map((key, i) => {
    const analysis = cache?.previous.get(key) ?? made.get(key || String(i))!;
    if (cache) entries.set(key, analysis);
    return analysis;
  });
  const { entities, byArticle } = collectEntities(
    site.articles.map((a) => ({ id: a.id, date: dates.get(a.issueId) ?? null })),
    analyses,
    site.base,
  );
  const related = relatedArticles(analyses.map((a, i) => ({ terms: a.terms, entities: byArticle[i]!.map((e) => e.id) })));
  site.articles.forEach((item, i) => {
    item.entities = byArticle[i]!;
    item.related = related[i]!.map((j) => link(site.articles[j]!));
  });
  site.entities = entities;
  return { entries, analysed: missing.size };
}

function link(a: SiteArticle): { id: string; url: string; title: string } {
  return { id: a.id, url: a.url, title: a.title };
}
