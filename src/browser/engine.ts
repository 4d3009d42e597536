/**
 * The query engine: exact substring matching over positional gram postings, ranking, filters,
 * sorting and pagination. Pure functions plus one async `runQuery` that asks a source for
 * postings; no DOM, so the same code runs in the browser and in the oracle tests.
 */
import { gramLength, type Postings, type SearchMeta } from '../search/format.js';

/** A gram to fetch, and whether its positions are needed (a two-character term needs none). */
export interface GramRequest {
  gram: string;
  positions: boolean;
}

/** Where postings come from (the browser loader, or files in memory in tests). */
export interface PostingsSource {
  meta(): Promise<SearchMeta>;
  /** Postings of every gram asked for, fetched in one parallel round trip. */
  postings(grams: GramRequest[]): Promise<Map<string, Postings>>;
}

/** One matching article and why. */
export interface Match {
  doc: number;
  /** 1 when every term is in the headline, else 0; ranks above `score`. */
  exact: number;
  /** 1 when a multi-term query also occurs as one contiguous string (terms joined). */
  adjacent: number;
  score: number;
}

/** A term's occurrences in one article. */
interface Hits {
  count: number;
  inHead: number;
}

/** What fetching a gram costs, relative to a shard: own-file grams are the frequent, big ones. */
export type GramCost = (gram: string) => number;

const ownFileSets = new WeakMap<SearchMeta, Set<string>>();

/** Gram costs from the meta: a gram with its own file costs as much as ~20 shards. */
export function gramCostOf(meta: SearchMeta): GramCost {
  let own = ownFileSets.get(meta);
  if (!own) ownFileSets.set(meta, (own = new Set(meta.ownFile)));
  const set = own;
  return (gram) => (set.has(gram) ? 20 : 1);
}

/** The grams to fetch for a term: its single character, or the cheapest bigram cover of it. */
export function termGrams(term: string, cost: GramCost = () => 1): Array<{ gram: string; offset: number }> {
  const cps = Array.from(term);
  if (cps.length === 1) return [{ gram: term, offset: 0 }];
  return bigramCover(cps, cost);
}

/**
 * The cheapest set of bigrams that pins every character of the term. Bigram i covers
 * characters i and i+1, so the first and last bigrams are forced and no two neighbours may
 * both be left out (abcde → ab@0, cd@2, de@3 when all cost the same; a frequent middle bigram
 * is avoided when its neighbours cover it). Positional bigrams at p + offset then fix
 * characters p … p+len-1, so a match is exact. Offsets are in UTF-16 units.
 */
export function bigramCover(cps: string[], cost: GramCost = () => 1): Array<{ gram: string; offset: number }> {
  const unitOffsets: number[] = [];
  let u = 0;
  for (const c of cps) {
    unitOffsets.push(u);
    u += c.length;
  }
  const grams = cps.slice(0, -1).map((c, i) => c + cps[i + 1]!);
  const m = grams.length;
  // take[i] / skip[i]: least cost for bigrams 0..i with bigram i taken / left out.
  const take: number[] = new Array<number>(m);
  const skip: number[] = new Array<number>(m);
  take[0] = cost(grams[0]!);
  skip[0] = Infinity; // the first character needs bigram 0
  for (let i = 1; i < m; i++) {
    take[i] = cost(grams[i]!) + Math.min(take[i - 1]!, skip[i - 1]!);
    skip[i] = take[i - 1]!; // character i needs bigram i-1 when bigram i is left out
  }
  const chosen: number[] = [];
  let taken = true; // the last character needs bigram m-1
  for (let i = m - 1; i >= 0; i--) {
    if (taken) {
      chosen.push(i);
      taken = !(i > 0 && skip[i - 1]! < take[i - 1]!);
    } else {
      taken = true;
    }
  }
  return chosen.reverse().map((i) => ({ gram: grams[i]!, offset: unitOffsets[i]! }));
}

/** Articles containing the term exactly, with occurrence counts (and how many in the headline). */
export function matchTerm(term: string, postings: Map<string, Postings>, meta: SearchMeta): Map<number, Hits> {
  const out = new Map<number, Hits>();
  const grams = termGrams(term, gramCostOf(meta));
  const length = gramLength(term);
  if (length === 1) {
    const p = postings.get(term);
    // A single character: the count is exact, the headline share is unknown without positions.
    p?.docs.forEach((doc, k) => out.set(doc, { count: p.counts[k]!, inHead: 0 }));
    return out;
  }
  if (length === 2) {
    // One bigram is the whole term: its doc list is the answer (a frequent bigram comes
    // without positions, with its first offset, enough to tell a headline match).
    const p = postings.get(term);
    p?.docs.forEach((doc, k) => {
      const head = p.heads?.[k] ?? 0;
      const pos = p.positions?.[k];
      const inHead = pos ? pos.filter((x) => x + term.length <= head).length : (p.first?.[k] ?? head) + term.length <= head ? 1 : 0;
      out.set(doc, { count: p.counts[k]!, inHead });
    });
    return out;
  }
  const lists = grams.map((g) => ({ ...g, p: postings.get(g.gram) }));
  if (lists.some((l) => !l.p || l.p.docs.length === 0)) return out;
  // Anchor on the gram with the fewest articles; look the others up by article.
  const anchor = lists.reduce((a, b) => (b.p!.docs.length < a.p!.docs.length ? b : a));
  const others = lists.filter((l) => l !== anchor).map((l) => ({ offset: l.offset, byDoc: indexByDoc(l.p!) }));
  const termUnits = term.length;
  anchor.p!.docs.forEach((doc, k) => {
    const otherPos = others.map((o) => ({ offset: o.offset, pos: o.byDoc.get(doc) }));
    if (otherPos.some((o) => !o.pos)) return;
    let count = 0;
    let inHead = 0;
    // Known when the anchor starts in the headline; otherwise no occurrence can lie in it.
    const head = anchor.p!.heads?.[k] ?? 0;
    for (const ap of anchor.p!.positions![k]!) {
      const start = ap - anchor.offset;
      if (start < 0) continue;
      if (otherPos.every((o) => hasSorted(o.pos!, start + o.offset))) {
        count++;
        if (start + termUnits <= head) inHead++;
      }
    }
    if (count > 0) out.set(doc, { count, inHead });
  });
  return out;
}

function indexByDoc(p: Postings): Map<number, number[]> {
  const m = new Map<number, number[]>();
  p.docs.forEach((doc, k) => m.set(doc, p.positions![k]!));
  return m;
}

/** Binary search in a sorted array. */
function hasSorted(arr: number[], x: number): boolean {
  let lo = 0;
  let hi = arr.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = arr[mid]!;
    if (v === x) return true;
    if (v < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Every gram a query needs (its terms, and for several terms their joined form). */
export function queryGrams(terms: string[], meta: SearchMeta): GramRequest[] {
  const grams = new Map<string, boolean>();
  const cost = gramCostOf(meta);
  for (const t of [...terms, ...(terms.length > 1 ? [terms.join('')] : [])]) {
    const positions = gramLength(t) > 2;
    for (const g of termGrams(t, cost)) grams.set(g.gram, (grams.get(g.gram) ?? false) || positions);
  }
  return [...grams.keys()].sort().map((gram) => ({ gram, positions: grams.get(gram)! }));
}

/**
 * BM25's term-frequency saturation (MiniSearch's k1), and the weight of a headline occurrence.
 * Without length normalization (b = 0): articles' lengths would be a per-article table that
 * grows with the archive and that every query would have to fetch for all its matches.
 */
const K1 = 1.2;
const HEAD_WEIGHT = 3;

/** All articles containing every term (AND), exact, ranked: headline-exact first, then adjacency, then BM25. */
export function rankMatches(terms: string[], postings: Map<string, Postings>, meta: SearchMeta): Match[] {
  if (terms.length === 0) return [];
  const perTerm = terms.map((t) => matchTerm(t, postings, meta));
  const smallest = perTerm.reduce((a, b) => (b.size < a.size ? b : a));
  const n = meta.count;
  const joined = terms.length > 1 ? matchTerm(terms.join(''), postings, meta) : null;
  const out: Match[] = [];
  for (const doc of smallest.keys()) {
    if (!perTerm.every((m) => m.has(doc))) continue;
    let score = 0;
    let allInHead = true;
    perTerm.forEach((m) => {
      const hits = m.get(doc)!;
      const df = m.size;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      const tf = hits.count + (HEAD_WEIGHT - 1) * hits.inHead;
      score += (idf * (tf * (K1 + 1))) / (tf + K1);
      if (hits.inHead === 0) allInHead = false;
    });
    out.push({ doc, exact: allInHead ? 1 : 0, adjacent: joined?.has(doc) ? 1 : 0, score });
  }
  return out.sort(byRelevance);
}

/** Relevance order: exact headline, adjacency, score, then archive order for a stable result. */
export function byRelevance(a: Match, b: Match): number {
  return b.exact - a.exact || b.adjacent - a.adjacent || b.score - a.score || a.doc - b.doc;
}

/**
 * What filters and the date order know of articles: loaded for the options a query has (the
 * date runs, the chosen paper's ranges), in the same round trip as its postings.
 */
export interface ArticleFacts {
  /** An article's issue date (ISO), null when undated. */
  date(doc: number): string | null;
  /** Whether an article is in the paper. */
  inPaper(doc: number, paper: string): boolean;
}

/** Whether results with these options need the articles' dates. */
export function needsDates(opts: ResultOptions): boolean {
  return Boolean(opts.from || opts.to || opts.sort === 'date' || opts.sort === 'date-asc');
}

/** Reader's filters and order. Dates are ISO yyyy-mm-dd, inclusive. */
export interface ResultOptions {
  paper?: string;
  from?: string;
  to?: string;
  sort?: 'relevance' | 'date' | 'date-asc';
}

/** Keeps the matches of one paper and date range (undated articles drop out of a date filter). */
export function filterMatches(matches: Match[], facts: ArticleFacts, opts: ResultOptions): Match[] {
  if (!opts.paper && !opts.from && !opts.to) return matches;
  return matches.filter((m) => {
    if (opts.paper && !facts.inPaper(m.doc, opts.paper)) return false;
    if (opts.from || opts.to) {
      const date = facts.date(m.doc);
      if (!date) return false;
      if (opts.from && date < opts.from) return false;
      if (opts.to && date > opts.to) return false;
    }
    return true;
  });
}

/** Orders matches by relevance (as ranked) or by date, newest or oldest first; undated last. */
export function sortMatches(matches: Match[], facts: ArticleFacts, sort: ResultOptions['sort']): Match[] {
  if (!sort || sort === 'relevance') return [...matches].sort(byRelevance);
  const dir = sort === 'date' ? -1 : 1;
  return [...matches].sort((a, b) => {
    const da = facts.date(a.doc);
    const db = facts.date(b.doc);
    if (da !== db) {
      if (da === null) return 1;
      if (db === null) return -1;
      return da < db ? -dir : dir;
    }
    return byRelevance(a, b);
  });
}

/** One page of results (1-based page number, clamped to the range). */
export function paginate<T>(items: T[], page: number, perPage: number): { items: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(items.length / perPage));
  const p = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  return { items: items.slice((p - 1) * perPage, p * perPage), page: p, pages };
}

/** Runs a parsed query against a source: fetch every needed gram in one round trip, then rank. */
export async function runQuery(terms: string[], source: PostingsSource): Promise<Match[]> {
  const meta = await source.meta();
  if (terms.length === 0) return [];
  const postings = await source.postings(queryGrams(terms, meta));
  return rankMatches(terms, postings, meta);
}
