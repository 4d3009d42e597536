/**
 * Parser scores: a page's predicted articles against its hand-made gold structure. Pure
 * functions over in-memory data, so the seed gold, the held-out fixtures and the simulated
 * pages are all scored the same way (loading from disk lives in load.ts).
 *
 * Gold and predicted articles of a page are paired one-to-one, greedily by the longest common
 * subsequence (LCS) of their bodies (paragraphs joined, whitespace removed); a pair needs an LCS
 * of at least half the shorter body. A gold article with no body (a teaser) pairs by headline.
 * Every metric is a ratio of sums, so totals are micro-averaged over pages.
 */

/** The metrics, in the order reports print them. */
export const METRICS = [
  'bodyF1', 'articleF1', 'headlineExact', 'paragraphExact', 'titleBlock',
  'bodyRecall', 'bodyPrecision', 'articleRecall', 'articlePrecision',
  'bylineF1', 'photoCreditF1', 'captionF1', 'datelineAccuracy', 'continuationAccuracy',
  'pagesFound', 'paperAccuracy', 'districtAccuracy', 'mastheadDateAccuracy', 'yearAccuracy',
  'issueNumberAccuracy',
] as const;

export type Metric = (typeof METRICS)[number];
const META: Metric[] = ['paperAccuracy', 'districtAccuracy', 'mastheadDateAccuracy', 'yearAccuracy', 'issueNumberAccuracy'];
// A pair must share at least this share of the shorter body: less is a different article.
const MIN_SHARE = 0.5;

/** The article fields the scorer reads (gold files and the data API both have them). */
export interface ScoredArticle {
  headline?: string | null;
  kicker?: string | null;
  subheadline?: string | null;
  bylines?: string[];
  photoCredits?: string[];
  captions?: string[];
  dateline?: string | null;
  paragraphs?: string[];
  continuedTo?: string | null;
  continuedFrom?: string | null;
}

/** A gold page (tests/fixtures/gold/README.md has the whole schema). */
export interface GoldPage {
  source?: string;
  paper?: string | null;
  district?: string | null;
  masthead?: { issueNumber?: string | null; totalNumber?: string | null; date?: string | null };
  inferredYear?: number | null;
  articles: ScoredArticle[];
}

/** What the build says about a page's issue. */
export interface PredictedMeta {
  paper?: string | null;
  district?: string | null;
  date?: string | null;
  dateInferred?: boolean;
  issueNumber?: string | number | null;
  totalNumber?: string | number | null;
}

/** One output page: its articles and its issue's metadata. */
export interface PredictedPage {
  meta: PredictedMeta;
  articles: ScoredArticle[];
}

/** Scores of one page, or of all pages together. */
export type Scores = Record<Metric, number | null>;

/** The result of scoring a set of pages. */
export interface ScoreResult {
  pages: Array<{
    page: string;
    found: boolean;
    goldArticles: number;
    predArticles: number;
    matched: number;
    /** Metadata checks passed and scored. */
    meta: [number, number];
    metrics: Scores;
    details?: string[];
  }>;
  total: Scores;
}

type Tally = Record<Metric, [number, number]>;

const squeeze = (s: unknown): string => (s == null ? '' : String(s).replace(/\s+/g, ''));
const trimmed = (s: unknown): string => (s == null ? '' : String(s).trim());
const codes = (s: string): Uint32Array => Uint32Array.from(squeeze(s), (c) => c.codePointAt(0) ?? 0);
const list = <T>(v: T[] | undefined | null): T[] => (Array.isArray(v) ? v : []);
const digits = (v: unknown): string | null => (v == null ? null : String(v).replace(/\D/g, '') || null);
const snip = (arr: Uint32Array, from: number, to: number): string => String.fromCodePoint(...arr.subarray(Math.max(0, from), to));

/** Length of the longest common subsequence of two code-point arrays (two rows of the table). */
export function lcs(a: Uint32Array, b: Uint32Array): number {
  if (a.length < b.length) [a, b] = [b, a];
  const m = b.length;
  let prev = new Uint32Array(m + 1);
  let cur = new Uint32Array(m + 1);
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    for (let j = 1; j <= m; j++) {
      const up = prev[j] ?? 0;
      const left = cur[j - 1] ?? 0;
      cur[j] = x === b[j - 1] ? (prev[j - 1] ?? 0) + 1 : up > left ? up : left;
    }
    [prev, cur] = [cur, prev];
  }
  return prev[m] ?? 0;
}

/** Size of the multiset intersection of two string lists, compared by `key`. */
function hits(gold: string[] | undefined, pred: string[] | undefined, key: (s: string) => string = trimmed): number {
  const bag = new Map<string, number>();
  for (const s of list(gold)) bag.set(key(s), (bag.get(key(s)) ?? 0) + 1);
  let n = 0;
  for (const s of list(pred)) {
    const c = bag.get(key(s)) ?? 0;
    if (c > 0) { n++; bag.set(key(s), c - 1); }
  }
  return n;
}

/** Dice coefficient of the title fields' character bigrams (per field, so a role swap still scores 1). */
function titleDice(a: ScoredArticle, b: ScoredArticle): number {
  const grams = (x: ScoredArticle): string[] => [x.kicker, x.headline, x.subheadline].map(squeeze).filter(Boolean)
    .flatMap((s) => { const c = [...s]; return c.length < 2 ? c : c.slice(1).map((ch, i) => `${c[i]}${ch}`); });
  const ga = grams(a);
  const gb = grams(b);
  return ga.length + gb.length ? (2 * hits(ga, gb, String)) / (ga.length + gb.length) : 1;
}

interface Side { a: ScoredArticle; text: Uint32Array }

/** Pairs gold and predicted articles one-to-one; returns gold index → predicted index and LCS. */
function matchArticles(gold: Side[], pred: Side[]): Map<number, { j: number; l: number }> {
  const pairs: Array<{ i: number; j: number; l: number }> = [];
  gold.forEach((g, i) => pred.forEach((p, j) => {
    if (!g.text.length || !p.text.length) return;
    const l = lcs(g.text, p.text);
    if (l > 0 && l >= MIN_SHARE * Math.min(g.text.length, p.text.length)) pairs.push({ i, j, l });
  }));
  pairs.sort((x, y) => y.l - x.l || x.i - y.i || x.j - y.j);
  const byGold = new Map<number, { j: number; l: number }>();
  const used = new Set<number>();
  const take = (i: number, j: number, l: number): void => { byGold.set(i, { j, l }); used.add(j); };
  for (const { i, j, l } of pairs) if (!byGold.has(i) && !used.has(j)) take(i, j, l);
  gold.forEach((g, i) => { // teasers have no body: pair them by headline
    const h = squeeze(g.a.headline);
    if (g.text.length || byGold.has(i) || !h) return;
    const j = pred.findIndex((p, k) => !used.has(k) && squeeze(p.a.headline) === h);
    if (j >= 0) take(i, j, 0);
  });
  return byGold;
}

const tally = (): Tally => Object.fromEntries(METRICS.map((k) => [k, [0, 0]])) as unknown as Tally;
const add = (t: Tally, k: Metric, num: number, den = 1): void => { t[k][0] += num; t[k][1] += den; };
const finish = (t: Tally): Scores => Object.fromEntries(METRICS.map((k) => [k, t[k][1] ? t[k][0] / t[k][1] : null])) as Scores;

function scoreMeta(t: Tally, gold: GoldPage, m: PredictedMeta | undefined, details: string[] | null): void {
  const mh = gold.masthead ?? {};
  const check = (k: Metric, want: unknown, ok: boolean, got: unknown): void => {
    if (want == null) return; // null in gold: not scored
    add(t, k, m && ok ? 1 : 0);
    if (m && !ok) details?.push(`  ${k}: want ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
  };
  check('paperAccuracy', gold.paper, squeeze(m?.paper) === squeeze(gold.paper), m?.paper);
  check('districtAccuracy', gold.district, squeeze(m?.district) === squeeze(gold.district), m?.district);
  check('mastheadDateAccuracy', mh.date, m?.date === mh.date && m?.dateInferred === false, [m?.date, m?.dateInferred]);
  check('yearAccuracy', gold.inferredYear, Number(String(m?.date).slice(0, 4)) === Number(gold.inferredYear), m?.date);
  const numbers = mh.issueNumber == null && mh.totalNumber == null ? null : [mh.issueNumber, mh.totalNumber];
  check('issueNumberAccuracy', numbers, digits(m?.issueNumber) === digits(mh.issueNumber)
    && digits(m?.totalNumber) === digits(mh.totalNumber), [m?.issueNumber, m?.totalNumber]);
}

const label = (a: ScoredArticle): string => squeeze(a.headline || list(a.paragraphs).join('')).slice(0, 20) || '(empty)';

/** Scores one page; `page` undefined means the output lacks it (everything scores zero). */
function scorePage(gold: GoldPage, page: PredictedPage | undefined, verbose: boolean): { t: Tally; details: string[]; G: number; P: number; matched: number } {
  const t = tally();
  const details: string[] = [];
  const G: Side[] = list(gold.articles).map((a) => ({ a, text: codes(list(a.paragraphs).join('')) }));
  const P: Side[] = list(page?.articles).map((a) => ({ a: a ?? {}, text: codes(list(a?.paragraphs).join('')) }));
  const goldChars = G.reduce((s, g) => s + g.text.length, 0);
  const predChars = P.reduce((s, p) => s + p.text.length, 0);
  const matched = matchArticles(G, P);
  let L = 0;
  for (const { l } of matched.values()) L += l;
  add(t, 'pagesFound', page ? 1 : 0);
  add(t, 'bodyRecall', L, goldChars);
  add(t, 'bodyPrecision', L, predChars);
  add(t, 'bodyF1', 2 * L, goldChars + predChars);
  add(t, 'articleRecall', matched.size, G.length);
  add(t, 'articlePrecision', matched.size, P.length);
  add(t, 'articleF1', 2 * matched.size, G.length + P.length);
  G.forEach((g, i) => {
    const m = matched.get(i);
    const ga = g.a;
    const p = m ? P[m.j] : undefined;
    add(t, 'paragraphExact', p ? hits(ga.paragraphs, p.a.paragraphs, squeeze) : 0, list(ga.paragraphs).length);
    if (!m || !p) { if (verbose) details.push(`  missing gold article: ${label(ga)}`); return; }
    const pa = p.a;
    if (ga.headline != null) {
      const ok = squeeze(ga.headline) === squeeze(pa.headline);
      add(t, 'headlineExact', ok ? 1 : 0);
      if (verbose && !ok) details.push(`  headline: want ${JSON.stringify(ga.headline)}, got ${JSON.stringify(pa.headline ?? null)}`);
    }
    add(t, 'titleBlock', titleDice(ga, pa));
    for (const [k, f] of [['bylineF1', 'bylines'], ['photoCreditF1', 'photoCredits'], ['captionF1', 'captions']] as const) {
      add(t, k, 2 * hits(ga[f], pa[f]), list(ga[f]).length + list(pa[f]).length);
    }
    if (ga.dateline != null) add(t, 'datelineAccuracy', trimmed(ga.dateline) === trimmed(pa.dateline) ? 1 : 0);
    if (ga.continuedTo != null || ga.continuedFrom != null) {
      add(t, 'continuationAccuracy', (ga.continuedTo ?? null) === (pa.continuedTo ?? null)
        && (ga.continuedFrom ?? null) === (pa.continuedFrom ?? null) ? 1 : 0);
    }
    if (verbose && g.text.length && m.l < 0.95 * Math.max(g.text.length, p.text.length)) { // text lost or added
      let k = 0;
      while (k < g.text.length && k < p.text.length && g.text[k] === p.text[k]) k++;
      details.push(`  ${label(ga)}: LCS/gold=${(m.l / g.text.length).toFixed(3)} LCS/pred=${(m.l / p.text.length).toFixed(3)}, first difference at char ${k}:`,
        `      gold …${snip(g.text, k - 12, k)}⟦${snip(g.text, k, k + 30)}`,
        `      pred …${snip(p.text, k - 12, k)}⟦${snip(p.text, k, k + 30)}`);
    }
  });
  if (verbose) {
    const used = new Set([...matched.values()].map((m) => m.j));
    P.forEach((p, j) => { if (!used.has(j)) details.push(`  extra predicted article: ${label(p.a)}`); });
  }
  scoreMeta(t, gold, page?.meta, verbose ? details : null);
  return { t, details, G: G.length, P: P.length, matched: matched.size };
}

/** Scores gold pages against their output pages (keyed alike); a missing output page scores zero. */
export function scorePages(gold: Array<{ key: string; doc: GoldPage }>, output: Map<string, PredictedPage>, options: { verbose?: boolean } = {}): ScoreResult {
  const total = tally();
  const pages: ScoreResult['pages'] = [];
  for (const { key, doc } of gold) {
    const page = output.get(key);
    const r = scorePage(doc, page, options.verbose === true);
    for (const k of METRICS) add(total, k, ...r.t[k]);
    const meta = META.reduce<[number, number]>((a, k) => [a[0] + r.t[k][0], a[1] + r.t[k][1]], [0, 0]);
    pages.push({ page: key, found: page !== undefined, goldArticles: r.G, predArticles: r.P, matched: r.matched, meta, metrics: finish(r.t),
      ...(options.verbose ? { details: r.details } : {}) });
  }
  return { pages, total: finish(total) };
}

const fmt = (v: number | null | undefined): string => (v == null ? 'n/a' : v.toFixed(3));

/** All metrics on one line: `bodyF1=1.000 articleF1=…`. */
export function summaryLine(total: Scores): string {
  return METRICS.map((k) => `${k}=${fmt(total[k])}`).join(' ');
}

/** A per-page table with details (when scored verbosely) and the total. */
export function scoreTable(result: ScoreResult): string {
  const cols: Array<[string, Metric]> = [['bodyR', 'bodyRecall'], ['bodyP', 'bodyPrecision'], ['bodyF1', 'bodyF1'], ['artF1', 'articleF1'],
    ['headl', 'headlineExact'], ['title', 'titleBlock'], ['paraEx', 'paragraphExact'], ['byline', 'bylineF1'], ['dateln', 'datelineAccuracy']];
  const w = Math.max(5, ...result.pages.map((r) => r.page.length));
  const cells = (name: string, found: string, g: string, p: string, m: string, vals: string[], meta: string): string => [name.padEnd(w), found.padEnd(5),
    g.padStart(4), p.padStart(4), m.padStart(5), ...vals.map((v, i) => v.padStart(Math.max(cols[i]?.[0].length ?? 0, 5))), meta.padStart(5)].join('  ');
  const lines = [cells('page', 'found', 'gold', 'pred', 'match', cols.map(([h]) => h), 'meta')];
  let g = 0;
  let p = 0;
  let m = 0;
  const meta: [number, number] = [0, 0];
  for (const r of result.pages) {
    lines.push(cells(r.page, r.found ? 'yes' : 'NO', String(r.goldArticles), String(r.predArticles), String(r.matched),
      cols.map(([, k]) => fmt(r.metrics[k])), `${r.meta[0]}/${r.meta[1]}`));
    lines.push(...(r.details ?? []));
    g += r.goldArticles; p += r.predArticles; m += r.matched; meta[0] += r.meta[0]; meta[1] += r.meta[1];
  }
  lines.push(cells('TOTAL', `${result.pages.filter((r) => r.found).length}/${result.pages.length}`, String(g), String(p), String(m),
    cols.map(([, k]) => fmt(result.total[k])), `${meta[0]}/${meta[1]}`));
  lines.push(summaryLine(result.total));
  return lines.join('\n');
}
