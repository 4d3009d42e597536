/**
 * Reference indexer: the first, straightforward implementation of `buildSearchIndex` (a string
 * and Map per gram, one small array per posting list), kept for tests only. The fast indexer in
 * src/search/build-index.ts must produce the same files (see reference.test.ts).
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { GZIP_OPTIONS } from '../../src/search/gzip.js';
import type { Site, SiteArticle } from '../../src/site.js';
import type { OutputFile } from '../../src/types.js';
import { articleSearchText, headlineText } from '../../src/search/doc-text.js';
import {
  DATES_PATH,
  FORMAT_NAME,
  FORMAT_VERSION,
  META_PATH,
  docPath,
  paperPath,
  encodePostings,
  encodeRestOfPositions,
  encodeHead,
  encodeShard,
  firstPage,
  ShardKind,
  blockPath,
  hashGram,
  shardPath,
  splitPostings,
  type DateRuns,
  type PaperRanges,
  type Postings,
  type SearchDoc,
  type SearchMeta,
} from '../../src/search/format.js';
import { isSearchable, normalize } from '../../src/search/tokenize.js';

/** Tuning knobs; the defaults aim at the targets in docs/search.md. */
export interface BuildSearchIndexOptions {
  /** Aimed-for uncompressed bytes of postings per shard file (what a rare gram costs to fetch). */
  shardBytes?: number;
  /** A gram whose postings exceed this many bytes gets its own file, so rare grams never pay for it. */
  ownFileBytes?: number;
  /** Bytes at which a block of a frequent gram is closed. */
  blockBytes?: number;
}

const DEFAULT_SHARD_BYTES = 2 * 1024;
const DEFAULT_OWN_FILE_BYTES = 8 * 1024;
const DEFAULT_BLOCK_BYTES = 4 * 1024;

/** Every search index file, under `search/`, sorted by path; byte-identical for the same site. */
export function referenceSearchIndex(site: Site, options: BuildSearchIndexOptions = {}): OutputFile[] {
  const shardBytes = options.shardBytes ?? DEFAULT_SHARD_BYTES;
  const ownFileBytes = options.ownFileBytes ?? DEFAULT_OWN_FILE_BYTES;
  const articles = inDateOrder(site);
  const shown = issueFields(site, articles);
  const texts = articles.map((a) => articleSearchText(a.article));
  const normalized = texts.map(normalize);
  const grams = collectGrams(normalized, articles.map((a) => normalize(headlineText(a.article)).length));

  const blocks = [...grams.entries()].map(([gram, postings]) => ({
    gram,
    df: postings.docs.length,
    block: encodePostings(postings),
    postings,
  }));
  const own = blocks.filter((b) => b.block.length > ownFileBytes).map((b) => b.gram).sort();
  const ownSet = new Set(own);
  const inShards = blocks.reduce((sum, b) => sum + (ownSet.has(b.gram) ? 0 : b.block.length), 0);
  const shardCount = nextPowerOfTwo(Math.max(1, Math.ceil(inShards / shardBytes)));

  const blockBytes = options.blockBytes ?? DEFAULT_BLOCK_BYTES;
  const shards: Array<Array<{ gram: string; df: number; block: Uint8Array; own?: boolean }>> = Array.from({ length: shardCount }, () => []);
  const files: OutputFile[] = [];
  for (const b of blocks) {
    const shard = shards[hashGram(b.gram) & (shardCount - 1)]!;
    if (!ownSet.has(b.gram)) {
      shard.push(b);
      continue;
    }
    // A frequent gram: blocks of articles, and a head in its hash shard.
    const parts = splitPostings(b.postings, blockBytes);
    shard.push({ gram: b.gram, df: b.df, own: true, block: encodeHead({ starts: parts.map((p) => p.docs[0]!), page: firstPage(b.postings, b.gram) }) });
    parts.forEach((part, k) => {
      const df = part.docs.length;
      if (part.positions) {
        files.push({ path: blockPath(b.gram, k), contents: gzip(encodeShard([{ gram: b.gram, df, block: encodePostings(part, true) }], ShardKind.DocList)) });
        files.push({ path: blockPath(b.gram, k, true), contents: gzip(encodeShard([{ gram: b.gram, df, block: encodeRestOfPositions(part) }], ShardKind.RestOfPositions)) });
      } else {
        files.push({ path: blockPath(b.gram, k), contents: gzip(encodeShard([{ gram: b.gram, df, block: encodePostings(part) }])) });
      }
    });
  }
  shards.forEach((entries, n) => files.push({ path: shardPath(n), contents: gzip(encodeShard(entries)) }));
  articles.forEach((a, i) => {
    const doc: SearchDoc = { id: a.id, url: a.url, title: a.title, text: texts[i]!, ...shown[i]! };
    files.push({ path: docPath(i), contents: gzip(new TextEncoder().encode(JSON.stringify(doc))) });
  });
  files.push({ path: DATES_PATH, contents: gzip(new TextEncoder().encode(JSON.stringify(dateRuns(shown.map((s) => s.date))))) });
  site.papers.forEach((sp, p) => {
    const ranges = paperRanges(shown.map((s) => s.paper === sp.paper.id));
    files.push({ path: paperPath(p), contents: gzip(new TextEncoder().encode(JSON.stringify(ranges))) });
  });

  const meta: SearchMeta = {
    format: FORMAT_NAME,
    version: FORMAT_VERSION,
    digest: digestOf(files),
    shardCount,
    papers: site.papers.map((sp) => ({ id: sp.paper.id, name: sp.paper.name })),
    count: articles.length,
  };
  files.push({ path: META_PATH, contents: gzip(new TextEncoder().encode(JSON.stringify(meta))) });

  return files
    .map((f) => ({ path: `search/${f.path}`, contents: f.contents }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Articles numbered by issue date: undated, then guessed dates, then printed ones; archive order within. */
function inDateOrder(site: Site): SiteArticle[] {
  const rank = new Map<string, [number, string]>();
  for (const p of site.papers) {
    for (const i of p.issues) for (const pg of i.pages) rank.set(pg.id, i.date === null ? [0, ''] : [i.dateInferred ? 1 : 2, i.date]);
  }
  const keyed = site.articles.map((a, i) => ({ a, i, rank: rank.get(a.pageId)! }));
  keyed.sort((x, y) => x.rank[0] - y.rank[0] || x.rank[1].localeCompare(y.rank[1], 'en') || x.i - y.i);
  return keyed.map((k) => k.a);
}

/** Each article's paper id, issue date and 版 label. */
function issueFields(site: Site, articles: SiteArticle[]): Array<Pick<SearchDoc, 'paper' | 'date' | 'page'>> {
  return articles.map((a) => {
    for (const sp of site.papers) {
      for (const issue of sp.issues) {
        const page = issue.pages.find((pg) => pg.id === a.pageId);
        if (page) return { paper: sp.paper.id, date: issue.date, page: page.label };
      }
    }
    throw new Error(`baokan search: article ${a.id} names page ${a.pageId}, which is not in site.papers`);
  });
}

/** Runs of equal dates, by day number, after the undated articles. */
function dateRuns(dates: Array<string | null>): DateRuns {
  const out: DateRuns = { undated: dates.filter((d) => d === null).length, runs: [], days: [] };
  const dated = dates.filter((d): d is string => d !== null);
  let prevDay = 0;
  dated.forEach((d, i) => {
    if (i > 0 && dated[i - 1] === d) {
      out.runs[out.runs.length - 1]!++;
      return;
    }
    const day = Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000;
    out.runs.push(1);
    out.days.push(day - prevDay);
    prevDay = day;
  });
  return out;
}

/** The articles where `member` holds, as gaps and lengths of runs. */
function paperRanges(member: boolean[]): PaperRanges {
  const ranges: number[] = [];
  let end = 0;
  member.forEach((m, i) => {
    if (!m) return;
    if (ranges.length > 0 && end === i) ranges[ranges.length - 1]!++;
    else ranges.push(i - end, 1);
    end = i + 1;
  });
  return { ranges };
}

/**
 * Unigram (count) and bigram (positions) postings of every searchable character and pair in the
 * texts; a bigram carries the headline's length where it starts in the headline.
 */
export function collectGrams(normalized: string[], headLengths: number[] = normalized.map(() => 0)): Map<string, Postings> {
  const uni = new Map<string, Map<number, number>>();
  const bi = new Map<string, Map<number, number[]>>();
  normalized.forEach((text, doc) => {
    let prev = '';
    let prevAt = 0;
    let offset = 0;
    for (const ch of text) {
      if (isSearchable(ch)) {
        let u = uni.get(ch);
        if (!u) uni.set(ch, (u = new Map()));
        u.set(doc, (u.get(doc) ?? 0) + 1);
        if (prev) {
          const gram = prev + ch;
          let b = bi.get(gram);
          if (!b) bi.set(gram, (b = new Map()));
          let pos = b.get(doc);
          if (!pos) b.set(doc, (pos = []));
          pos.push(prevAt);
        }
        prev = ch;
        prevAt = offset;
      } else {
        prev = '';
      }
      offset += ch.length;
    }
  });
  // Maps iterate in insertion order and docs are visited in order, so doc lists are sorted.
  const out = new Map<string, Postings>();
  for (const [gram, m] of uni) out.set(gram, { docs: [...m.keys()], counts: [...m.values()] });
  for (const [gram, m] of bi) {
    const docs = [...m.keys()];
    const positions = [...m.values()];
    const heads = docs.map((d, k) => (positions[k]![0]! < headLengths[d]! ? headLengths[d]! : 0));
    out.set(gram, { docs, counts: positions.map((p) => p.length), positions, heads });
  }
  return out;
}

function nextPowerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

/** Gzip with a fixed header (no mtime, OS "unknown"), so the bytes do not depend on the machine. */
function gzip(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(gzipSync(data, GZIP_OPTIONS));
  out[9] = 0xff;
  return out;
}

/** Short digest of every index file (except meta), used to version shard URLs. */
function digestOf(files: OutputFile[]): string {
  const hash = createHash('sha256');
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    hash.update(f.path).update('\0');
    hash.update(createHash('sha1').update(f.contents).digest('base64')).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}
