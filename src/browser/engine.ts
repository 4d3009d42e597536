/**
 * The query engine: exact substring matching over positional gram postings, ranking, filters,
 * sorting and pagination. Pure functions plus one async `searchQuery` that asks a source for
 * the grams' shard entries, then for the blocks of frequent grams that can hold a match; no
 * DOM, so the same code runs in the browser and in the oracle tests.
 */
import { lowerBound } from '../sorted.js';
import { gramLength, HEAD_WEIGHT, PAGE_SIZE, type GramHead, type Postings, type SearchMeta } from '../search/format.js';

/** What a gram's hash shard says of it: its postings (a rare gram), or the head of a frequent one. */
export type GramEntry = { postings: Postings } | { head: GramHead };

/** Where postings come from (the browser loader, or files in memory in tests). */
export interface PostingsSource {
  meta(): Promise<SearchMeta>;
  /** Every gram's entry from its hash shard, fetched in one parallel round trip. */
  entries(grams: string[]): Promise<Map<string, GramEntry>>;
  /**
   * A frequent gram's postings in the given blocks (ascending), with positions or as a doc
   * list; the blocks of all grams a query needs are fetched in one parallel round trip.
   */
  blocks(gram: string, blocks: number[], positions: boolean): Promise<Postings>;
  /** Starts fetching what these articles show as results (they are likely to be); optional. */
  prefetchDocs?(docs: number[]): void;
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

/** Gram costs from the grams' entries: a frequent gram (blocks of its own) costs as much as ~20 shards. */
export function gramCostOf(entries: ReadonlyMap<string, GramEntry>): GramCost {
  return (gram) => {
    const e = entries.get(gram);
    return e && 'head' in e ? 20 : 1;
  };
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
export function matchTerm(term: string, postings: Map<string, Postings>, cost: GramCost): Map<number, Hits> {
  const out = new Map<number, Hits>();
  const grams = termGrams(term, cost);
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
  return arr[lowerBound(arr, x)] === x;
}

/** Every gram whose entry a query reads: each term's characters (one) or adjacent pairs, for the joined terms too. */
export function queryGrams(terms: string[]): string[] {
  const grams = new Set<string>();
  for (const t of withJoined(terms)) {
    const cps = Array.from(t);
    if (cps.length === 1) grams.add(t);
    for (let i = 0; i + 1 < cps.length; i++) grams.add(cps[i]! + cps[i + 1]!);
  }
  return [...grams].sort();
}

/** The terms, and for several terms their joined form (adjacency ranks higher). */
function withJoined(terms: string[]): string[] {
  return terms.length > 1 ? [...terms, terms.join('')] : terms;
}

/**
 * BM25's term-frequency saturation (MiniSearch's k1). No length normalization (b = 0):
 * articles' lengths would be a per-article table that grows with the archive and that every
 * query would have to fetch for all its matches.
 */
const K1 = 1.2;

/**
 * A term's article count for idf, from the gram entries alone (so ranking does not depend on
 * which blocks a query fetched): exact for one or two characters, else that of its rarest pair
 * (an upper bound).
 */
export function termDf(term: string, entries: ReadonlyMap<string, GramEntry>): number {
  const cps = Array.from(term);
  const grams = cps.length === 1 ? [term] : cps.slice(0, -1).map((c, i) => c + cps[i + 1]!);
  return Math.min(
    ...grams.map((g) => {
      const e = entries.get(g);
      return !e ? 0 : 'head' in e ? e.head.df : e.postings.docs.length;
    }),
  );
}

/** BM25 score of one term in one article. */
function termScore(n: number, df: number, tf: number): number {
  const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
  return (idf * (tf * (K1 + 1))) / (tf + K1);
}

/** All articles containing every term (AND), exact, ranked: headline-exact first, then adjacency, then BM25. */
export function rankMatches(terms: string[], postings: Map<string, Postings>, meta: SearchMeta, entries: ReadonlyMap<string, GramEntry>): Match[] {
  if (terms.length === 0) return [];
  const cost = gramCostOf(entries);
  const perTerm = terms.map((t) => ({ hits: matchTerm(t, postings, cost), df: termDf(t, entries) }));
  const smallest = perTerm.reduce((a, b) => (b.hits.size < a.hits.size ? b : a)).hits;
  const joined = terms.length > 1 ? matchTerm(terms.join(''), postings, cost) : null;
  const out: Match[] = [];
  for (const doc of smallest.keys()) {
    if (!perTerm.every((m) => m.hits.has(doc))) continue;
    let score = 0;
    let allInHead = true;
    perTerm.forEach((m) => {
      const hits = m.hits.get(doc)!;
      score += termScore(meta.count, m.df, hits.count + (HEAD_WEIGHT - 1) * hits.inHead);
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

/**
 * Which blocks of each frequent gram a query needs. The rare grams (postings in their shard)
 * give each term's candidate articles; the articles every term allows are the only ones whose
 * blocks matter. A query of frequent grams only has no candidates (null), and reads them whole.
 */
export function blockPlan(
  terms: string[],
  entries: ReadonlyMap<string, GramEntry>,
): { candidates: number[] | null; grams: Array<{ gram: string; blocks: number[]; positions: boolean }> } {
  const cost = gramCostOf(entries);
  let candidates: number[] | null = null;
  // Postings list articles in ascending order, and narrowing keeps it.
  const narrow = (known: number[] | null, docs: number[]): number[] => {
    if (!known) return docs;
    const keep = new Set(docs);
    return known.filter((d) => keep.has(d));
  };
  for (const t of terms) {
    let termDocs: number[] | null = null;
    for (const { gram } of termGrams(t, cost)) {
      const e = entries.get(gram);
      if (!(e && 'head' in e)) termDocs = narrow(termDocs, e?.postings.docs ?? []);
    }
    if (termDocs) candidates = narrow(candidates, termDocs);
  }
  const need = new Map<string, boolean>();
  for (const t of withJoined(terms)) {
    for (const { gram } of termGrams(t, cost)) {
      const e = entries.get(gram);
      if (e && 'head' in e) need.set(gram, (need.get(gram) ?? false) || gramLength(t) > 2);
    }
  }
  const grams = [...need].map(([gram, positions]) => {
    const { starts } = (entries.get(gram) as { head: GramHead }).head;
    return { gram, positions, blocks: candidates ? blocksHolding(starts, candidates) : starts.map((_, b) => b) };
  });
  return { candidates, grams };
}

/** The blocks (by their first articles) that hold any of the sorted articles. */
export function blocksHolding(starts: number[], docs: number[]): number[] {
  const out: number[] = [];
  let b = 0;
  for (const doc of docs) {
    if (doc < starts[0]!) continue;
    while (b + 1 < starts.length && starts[b + 1]! <= doc) b++;
    if (out[out.length - 1] !== b) out.push(b);
  }
  return out;
}

/** A query's results: all of them, or (`firstPage`) only the first page, with the exact total. */
export interface QueryResult {
  matches: Match[];
  total: number;
}

/**
 * Runs a parsed query against a source: the grams' hash shards in one round trip, then the
 * blocks of frequent grams that can hold a match in another (none when the shards answer).
 * With `firstPage`, a query of one frequent one- or two-character term takes its first page
 * from the head and fetches no blocks.
 */
export async function searchQuery(terms: string[], source: PostingsSource, opts: { firstPage?: boolean } = {}): Promise<QueryResult> {
  const meta = await source.meta();
  if (terms.length === 0) return { matches: [], total: 0 };
  const entries = await source.entries(queryGrams(terms));
  const only = terms.length === 1 ? entries.get(terms[0]!) : undefined;
  if (opts.firstPage && only && 'head' in only) {
    const { head } = only;
    const matches = head.page.map((e) => ({ doc: e.doc, exact: e.inHead, adjacent: 0, score: termScore(meta.count, head.df, e.count + (HEAD_WEIGHT - 1) * e.inHead) }));
    return { matches, total: head.df };
  }
  const postings = new Map<string, Postings>();
  for (const [gram, e] of entries) if ('postings' in e) postings.set(gram, e.postings);
  const plan = blockPlan(terms, entries);
  // When blocks must be fetched for a page's worth of candidates or fewer, their texts come in
  // the same round trip: the results shown are among them.
  if (plan.grams.length > 0 && plan.candidates && plan.candidates.length <= PAGE_SIZE) source.prefetchDocs?.(plan.candidates);
  await Promise.all(plan.grams.map(async (b) => postings.set(b.gram, await source.blocks(b.gram, b.blocks, b.positions))));
  const matches = rankMatches(terms, postings, meta, entries);
  return { matches, total: matches.length };
}

/** Every result of a parsed query, ranked. */
export async function runQuery(terms: string[], source: PostingsSource): Promise<Match[]> {
  return (await searchQuery(terms, source)).matches;
}
