/**
 * The archive's entities: each article's names (src/entities/analyse.ts) gathered into one
 * entry per name and kind, with the articles that mention it. Entities mentioned in at least
 * MIN_ARTICLES articles get a page; a name in one article only is listed with that article but
 * has no page, which keeps the number of pages in proportion to what a reader can use.
 */
import type { ArticleAnalysis } from './analyse.js';
import type { EntityKind } from './recognise.js';

/** An article's entity, as its page and its data API show it. */
export interface ArticleEntity {
  id: string;
  name: string;
  kind: EntityKind;
  /** The entity's page, or null when it has none (mentioned in too few articles). */
  url: string | null;
}

/** An entity with a page. */
export interface SiteEntity {
  id: string;
  name: string;
  kind: EntityKind;
  url: string;
  /** Ids of the articles mentioning it, by date (undated last), then by id. */
  articles: string[];
  /** Articles per year, in year order (undated articles are not counted here). */
  years: Array<{ year: number; count: number }>;
}

/** An article as the entity pass needs it: its id and its issue's date. */
export interface DatedArticle {
  id: string;
  date: string | null;
}

/** Entities mentioned in fewer articles get no page (see the module comment). */
export const MIN_ARTICLES = 2;

const KIND_ORDER: Record<EntityKind, number> = { person: 0, place: 1, org: 2 };

/** Stable, readable id: the kind and the name, with anything but letters and digits as '-'. */
export function entityId(kind: EntityKind, name: string): string {
  return `${kind}-${name.normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '')}`;
}

/** URL of an entity's page. */
export function entityUrl(base: string, id: string): string {
  return `${base}entities/${id}/`;
}

/** Gathers every article's entities (`analyses[i]` belongs to `articles[i]`). */
export function collectEntities(
  articles: readonly DatedArticle[],
  analyses: readonly ArticleAnalysis[],
  base: string,
): { entities: SiteEntity[]; byArticle: ArticleEntity[][] } {
  const mentions = new Map<string, { name: string; kind: EntityKind; articles: DatedArticle[] }>();
  const ids = analyses.map((analysis, i) => {
    const seen = new Set<string>();
    return analysis.entities.flatMap((e) => {
      const id = entityId(e.kind, e.name);
      if (seen.has(id) || id === `${e.kind}-`) return [];
      seen.add(id);
      const entry = mentions.get(id) ?? { name: e.name, kind: e.kind, articles: [] };
      entry.articles.push(articles[i]!);
      mentions.set(id, entry);
      return [{ id, name: e.name, kind: e.kind }];
    });
  });
  const entities: SiteEntity[] = [];
  for (const [id, { name, kind, articles: list }] of mentions) {
    if (list.length < MIN_ARTICLES) continue;
    const sorted = [...list].sort(byDate);
    const years = new Map<number, number>();
    for (const a of sorted) if (a.date) years.set(Number(a.date.slice(0, 4)), (years.get(Number(a.date.slice(0, 4))) ?? 0) + 1);
    entities.push({
      id,
      name,
      kind,
      url: entityUrl(base, id),
      articles: sorted.map((a) => a.id),
      years: [...years].sort((a, b) => a[0] - b[0]).map(([year, count]) => ({ year, count })),
    });
  }
  entities.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || b.articles.length - a.articles.length || compare(a.id, b.id));
  const pages = new Map(entities.map((e) => [e.id, e.url]));
  // One object for each entity as a name spells it, shared by the articles that mention it
  // (nothing changes them), made as a literal: the spread (`{ ...e, url }`) of this site gave
  // every object a shape of its own, ~200 bytes each, one per mention (118,581 at 10k articles).
  const shared = new Map<string, ArticleEntity>();
  const entity = (e: { id: string; name: string; kind: EntityKind }): ArticleEntity => {
    const key = `${e.id}\0${e.name}`;
    let made = shared.get(key);
    if (!made) shared.set(key, (made = { id: e.id, name: e.name, kind: e.kind, url: pages.get(e.id) ?? null }));
    return made;
  };
  return { entities, byArticle: ids.map((list) => list.map(entity)) };
}

function byDate(a: DatedArticle, b: DatedArticle): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return compare(a.date, b.date);
  }
  return compare(a.id, b.id);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
