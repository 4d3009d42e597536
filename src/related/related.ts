/**
 * Related articles: for each article, up to five others that share its rarest words and its
 * entities, by TF-IDF over the archive. Linear in the archive's size, never all pairs:
 *
 *   1. document frequency of every term over the archive (one pass);
 *   2. each article keeps its FEATURES best-weighted terms and entities (tf × idf);
 *      idf is log2(N / df) with N and df rounded down to powers of two, so that adding a page
 *      changes an article's weights only when a term's frequency (or the archive) doubles, and
 *      incremental builds re-render only the articles the new page is really related to;
 *   3. an inverted index from feature to the articles that kept it, each posting list capped
 *      at POSTINGS entries (the heaviest); a term in more articles than that says little anyway;
 *   4. each article scores only the articles on its features' posting lists (≤ FEATURES ×
 *      POSTINGS candidates) by the cosine of their feature vectors.
 * Every ordering breaks ties by index, and the indexes follow the archive's order, so the same
 * archive always gives the same related articles.
 */

/** What the related-articles pass reads of an article. */
export interface RelatedInput {
  /** Content words with their counts in the article. */
  terms: ReadonlyArray<readonly [string, number]>;
  /** Ids of the entities the article mentions. */
  entities: readonly string[];
}

/** Most related articles per article. */
export const MAX_RELATED = 5;
/** Features (terms and entities) each article is matched on. */
export const FEATURES = 16;
/** Articles kept per feature in the inverted index. */
export const POSTINGS = 64;
// An entity weighs like a term mentioned this often: a shared name says more than a shared word.
const ENTITY_TF = 2;
// Below this cosine two articles share only a word or two in passing.
const MIN_SCORE = 0.1;

type Vector = Array<[string, number]>;

/** For each article (by index), the indexes of its related articles, best first. */
export function relatedArticles(docs: readonly RelatedInput[]): number[][] {
  const n = docs.length;
  const df = new Map<string, number>();
  const featuresOf = (d: RelatedInput): Array<[string, number]> => [
    ...d.terms.map(([t, c]): [string, number] => [`t:${t}`, c]),
    ...d.entities.map((e): [string, number] => [`e:${e}`, ENTITY_TF]),
  ];
  for (const d of docs) for (const [f] of featuresOf(d)) df.set(f, (df.get(f) ?? 0) + 1);
  const log2n = Math.floor(Math.log2(Math.max(1, n)));
  const idf = (f: string): number => log2n - Math.floor(Math.log2(df.get(f)!));
  const vectors: Vector[] = docs.map((d) => {
    const weighted = featuresOf(d)
      .map(([f, tf]): [string, number] => [f, (1 + Math.log(tf)) * idf(f)])
      .filter(([, w]) => w > 0)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .slice(0, FEATURES);
    const norm = Math.hypot(...weighted.map(([, w]) => w)) || 1;
    return weighted.map(([f, w]): [string, number] => [f, w / norm]);
  });
  const postings = new Map<string, Array<[number, number]>>();
  vectors.forEach((v, i) => {
    for (const [f, w] of v) {
      let list = postings.get(f);
      if (!list) postings.set(f, (list = []));
      list.push([i, w]);
    }
  });
  for (const list of postings.values()) {
    if (list.length > POSTINGS) {
      list.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      list.length = POSTINGS;
    }
  }
  return vectors.map((v, i) => {
    const scores = new Map<number, number>();
    for (const [f, w] of v) {
      for (const [j, wj] of postings.get(f) ?? []) if (j !== i) scores.set(j, (scores.get(j) ?? 0) + w * wj);
    }
    return [...scores]
      .filter(([, s]) => s >= MIN_SCORE)
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, MAX_RELATED)
      .map(([j]) => j);
  });
}
