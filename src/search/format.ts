/**
 * The archive search index format, shared by the indexer (encode) and the browser (decode).
 * Browser-safe: no Node imports. See docs/search.md for the design and the byte layout.
 *
 * Files under `<base>search/`, all gzip-compressed (the browser gunzips them itself, so any
 * plain static server works; a server that adds Content-Encoding is handled too):
 *
 *   meta.json.gz          SearchMeta: version, shard count, papers, article count
 *                         (the same few hundred bytes at any archive size)
 *   shards/<k>/<n>.bin.gz postings of every rare gram whose hash is n (mod shardCount), k = n >> 10,
 *                         and the head of every frequent one (its blocks, count and first page)
 *   terms/<h>/<hex>.<b>.bin.gz      block b of a frequent gram: a unigram's postings, a bigram's doc list
 *   terms/<h>/<hex>.<b>.pos.bin.gz  the rest of block b's positions (a frequent bigram)
 *   docs/<k>/<i>.json.gz  SearchDoc of article i (for the results shown), k = i >> 10
 *   dates.json.gz         DateRuns: each article's issue date (fetched for a date filter or order)
 *   papers/<p>.json.gz    PaperRanges: paper p's articles (fetched for a paper filter)
 *
 * Folders fan out by 1,024 so none holds 10,000 entries.
 */
import { upperBound } from '../sorted.js';

/** Name of the format, checked by the browser before anything else. */
export const FORMAT_NAME = 'baokan-search';
/**
 * Bumped on any incompatible change, including what tokenize.ts does to text (the postings are
 * of folded text); the browser refuses an index of another version, and a build ignores the
 * saved state of another version. 2: punctuation and symbols are indexed (docs/search.md).
 * 3: no per-article table in meta (headline lengths in the bigram postings, dates and papers in
 * files of their own, display fields in the docs), folders fanned out.
 * 4: frequent grams in blocks of article ranges, their heads in the hash shards (no list in meta).
 */
export const FORMAT_VERSION = 4;
/** Results per page; a frequent gram's head holds its first page in result order. */
export const PAGE_SIZE = 10;
/** First bytes of every (decompressed) shard file. */
export const SHARD_MAGIC = [0x42, 0x4b, 0x53, FORMAT_VERSION]; // "BKS" + version

/** Everything a query needs before fetching postings; its size does not depend on the archive's. */
export interface SearchMeta {
  format: typeof FORMAT_NAME;
  version: number;
  /** Digest of all index files, appended to their URLs so a redeploy never mixes versions. */
  digest: string;
  /** Number of hash shards, a power of two. */
  shardCount: number;
  /** The papers, in archive order; `papers/<p>.json.gz` lists paper p's articles. */
  papers: Array<{ id: string; name: string }>;
  /** Number of articles (numbered 0 … count − 1 in index order). */
  count: number;
}

/** What the browser fetches for each result it shows. */
export interface SearchDoc {
  id: string;
  url: string;
  title: string;
  /** The article's searchable text (fields joined by "\n"), not normalized. */
  text: string;
  /** Its paper's id, issue date (ISO, null when undated) and 版 label. */
  paper: string;
  date: string | null;
  page: string;
}

/**
 * Each article's issue date, as runs in article order (articles of one date are consecutive:
 * index order is by date within each kind of date). Days are counted from 1970-01-01.
 */
export interface DateRuns {
  /** Undated articles, which come first. */
  undated: number;
  /** Articles in each run, and its day minus the previous run's day (the first: minus 0). */
  runs: number[];
  days: number[];
}

/** One paper's articles: [start, end) ranges as gaps and lengths, from article 0. */
export interface PaperRanges {
  ranges: number[];
}

/**
 * Postings of one gram. A single character lists the articles holding it and how often; a
 * two-character gram also lists, per article, the sorted UTF-16 offsets in the normalized
 * text where it starts, so a longer substring is checked exactly without the article text.
 */
export interface Postings {
  docs: number[];
  counts: number[];
  /** Present for bigrams: positions[k] are the offsets in docs[k]. */
  positions?: number[][];
  /** Present for a frequent bigram's doc list (fetched without positions): first offset per article. */
  first?: number[];
  /**
   * Bigrams: per article, the length of its normalized headline when the bigram starts in it
   * (its first offset is below the headline's length), else 0. Headline matches rank first;
   * this carries the headline length only where a match can be in it, so no per-article table
   * is needed to rank.
   */
  heads?: number[];
}

/** Path of the meta file, relative to the search root. */
export const META_PATH = 'meta.json.gz';
/** Path of the date runs, relative to the search root. */
export const DATES_PATH = 'dates.json.gz';

/** Path of paper p's article ranges. */
export function paperPath(p: number): string {
  return `papers/${p}.json.gz`;
}

/** Files per folder for docs and shards (a static host may limit a folder's entries). */
const FAN_OUT = 1024;

/** 32-bit FNV-1a over UTF-16 units: cheap, stable, and the same in Node and the browser. */
export function hashGram(gram: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < gram.length; i++) {
    h ^= gram.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Path of the hash shard holding a gram (its postings, or the head of a frequent gram). */
export function gramShardPath(gram: string, shardCount: number): string {
  return shardPath(hashGram(gram) & (shardCount - 1));
}

/** Path of hash shard n. */
export function shardPath(n: number): string {
  return `shards/${Math.floor(n / FAN_OUT)}/${n}.bin.gz`;
}

/**
 * Path of block b of a frequent gram: its code points in hex, so any gram is a safe name.
 * A bigram's block has two files: the doc list (enough for a two-character term) and `.pos`
 * with the rest of its positions.
 */
export function blockPath(gram: string, b: number, positions = false): string {
  const name = Array.from(gram, (c) => c.codePointAt(0)!.toString(16)).join('-');
  return `terms/${hashGram(gram) & (FAN_OUT - 1)}/${name}.${b}${positions ? '.pos' : ''}.bin.gz`;
}

/** Path of article i's display file. */
export function docPath(i: number): string {
  return `docs/${Math.floor(i / FAN_OUT)}/${i}.json.gz`;
}

/** Day number (since 1970-01-01) of an ISO date, and back. */
export function dayOf(iso: string): number {
  return Math.round(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000);
}
export function isoOfDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** The date of each article, from its runs (binary search over the run ends). */
export function datesLookup(d: DateRuns): (doc: number) => string | null {
  const ends: number[] = [];
  const isos: string[] = [];
  let end = d.undated;
  let day = 0;
  d.runs.forEach((n, k) => {
    ends.push((end += n));
    isos.push(isoOfDay((day += d.days[k]!)));
  });
  return (doc) => (doc < d.undated ? null : isos[upperBound(ends, doc)] ?? null);
}

/** Whether an article is in the ranges (binary search over their starts). */
export function rangesLookup(r: PaperRanges): (doc: number) => boolean {
  const starts: number[] = [];
  const ends: number[] = [];
  let at = 0;
  for (let k = 0; k + 1 < r.ranges.length; k += 2) {
    starts.push((at += r.ranges[k]!));
    ends.push((at += r.ranges[k + 1]!));
  }
  return (doc) => {
    const after = upperBound(starts, doc);
    return after > 0 && doc < ends[after - 1]!;
  };
}

/** Number of code points in a gram: 1 (unigram) or 2 (bigram, positional). */
export function gramLength(gram: string): number {
  let n = 0;
  for (const _ of gram) n++;
  return n;
}

/** Growable byte buffer with unsigned LEB128 varints; the one writer of every index file. */
export class ByteWriter {
  buf: Uint8Array;
  length = 0;

  constructor(capacity = 256) {
    this.buf = new Uint8Array(capacity);
  }

  private ensure(extra: number): void {
    if (this.length + extra <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + extra) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  /** Appends an unsigned integer (below 2^53) as a varint. */
  uint(value: number): void {
    if (!(value >= 0) || !Number.isInteger(value)) {
      throw new Error(`baokan search: cannot encode ${value} as an unsigned varint`);
    }
    if (this.length + 8 > this.buf.length) this.ensure(8);
    const buf = this.buf;
    // Shifts are 32-bit: the fast path for the usual small values, division above.
    while (value >= 0x80) {
      buf[this.length++] = (value & 0x7f) | 0x80;
      value = value < 0x80000000 ? value >>> 7 : Math.floor(value / 128);
    }
    buf[this.length++] = value;
  }

  /** Appends one code point as UTF-8. */
  utf8(cp: number): void {
    this.ensure(4);
    const buf = this.buf;
    if (cp < 0x80) {
      buf[this.length++] = cp;
    } else if (cp < 0x800) {
      buf[this.length++] = 0xc0 | (cp >> 6);
      buf[this.length++] = 0x80 | (cp & 0x3f);
    } else if (cp < 0x10000) {
      buf[this.length++] = 0xe0 | (cp >> 12);
      buf[this.length++] = 0x80 | ((cp >> 6) & 0x3f);
      buf[this.length++] = 0x80 | (cp & 0x3f);
    } else {
      buf[this.length++] = 0xf0 | (cp >> 18);
      buf[this.length++] = 0x80 | ((cp >> 12) & 0x3f);
      buf[this.length++] = 0x80 | ((cp >> 6) & 0x3f);
      buf[this.length++] = 0x80 | (cp & 0x3f);
    }
  }

  /** Appends raw bytes. */
  bytes(data: ArrayLike<number>): void {
    this.ensure(data.length);
    this.buf.set(data, this.length);
    this.length += data.length;
  }

  /** The bytes written so far, without copying (valid until the next write). */
  view(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }

  /** A copy of the bytes written so far. */
  result(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

/** Reads varints from a byte array. */
class ByteReader {
  constructor(
    readonly buf: Uint8Array,
    public pos = 0,
  ) {}

  uint(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      if (this.pos >= this.buf.length) throw new Error('baokan search: truncated varint in shard');
      const b = this.buf[this.pos++]!;
      value += (b & 0x7f) * scale;
      if (b < 0x80) return value;
      scale *= 128;
    }
  }
}

/**
 * Encodes one gram's postings block: per article a doc delta and count, then position deltas.
 * A bigram's count is doubled, plus 1 when it starts in the headline, which then follows
 * (see Postings.heads). As a doc list (`firstOnly`), a bigram keeps only its first position.
 */
export function encodePostings(postings: Postings, firstOnly = false): Uint8Array {
  const w = new ByteWriter();
  let prevDoc = 0;
  postings.docs.forEach((doc, k) => {
    w.uint(doc - prevDoc);
    prevDoc = doc;
    const head = postings.heads?.[k] ?? 0;
    if (postings.positions) {
      w.uint(postings.counts[k]! * 2 + (head > 0 ? 1 : 0));
      if (head > 0) w.uint(head);
    } else {
      w.uint(postings.counts[k]!);
    }
    const pos = postings.positions?.[k];
    if (pos && firstOnly) {
      w.uint(pos[0]!);
    } else if (pos) {
      let prev = 0;
      for (const p of pos) {
        w.uint(p - prev);
        prev = p;
      }
    }
  });
  return w.result();
}

/** What a shard file's blocks hold. */
export const enum ShardKind {
  /** Full postings (hash shards, frequent unigrams). */
  Full = 0,
  /** A frequent bigram's doc list: docs, counts, first position. */
  DocList = 1,
  /** The same bigram's other positions, read together with its doc list. */
  RestOfPositions = 2,
}

/** Encodes the positions after each article's first, for a `RestOfPositions` file. */
export function encodeRestOfPositions(postings: Postings): Uint8Array {
  const w = new ByteWriter();
  for (const pos of postings.positions ?? []) {
    for (let j = 1; j < pos.length; j++) w.uint(pos[j]! - pos[j - 1]!);
  }
  return w.result();
}

/** A shard directory entry: a rare gram's postings block, or (`own`) a frequent gram's head. */
export interface ShardEntry {
  gram: string;
  df: number;
  block: Uint8Array;
  own?: boolean;
}

/**
 * Encodes a shard: magic, kind (see ShardKind), gram count, a directory (gram, article count ·
 * 2 + own, block length) in code unit order, then the blocks in the same order. The directory
 * lets the browser decode only the grams a query needs.
 */
export function encodeShard(entries: ShardEntry[], kind = ShardKind.Full): Uint8Array {
  const sorted = [...entries].sort((a, b) => (a.gram < b.gram ? -1 : a.gram > b.gram ? 1 : 0));
  const w = new ByteWriter();
  w.bytes(Uint8Array.from(SHARD_MAGIC));
  w.uint(kind);
  w.uint(sorted.length);
  const enc = new TextEncoder();
  for (const e of sorted) {
    const bytes = enc.encode(e.gram);
    w.uint(bytes.length);
    w.bytes(bytes);
    w.uint(e.df * 2 + (e.own ? 1 : 0));
    w.uint(e.block.length);
  }
  for (const e of sorted) w.bytes(e.block);
  return w.result();
}

/** A decoded shard directory: where each gram's block lies, and what blocks hold. */
export interface ShardDirectory {
  kind: ShardKind;
  entries: Map<string, { df: number; offset: number; length: number; own: boolean }>;
}

/** Reads a shard's directory, after checking its magic and version. */
export function decodeShardDirectory(buf: Uint8Array, name: string): ShardDirectory {
  for (let i = 0; i < 3; i++) {
    if (buf[i] !== SHARD_MAGIC[i]) throw new Error(`baokan search: ${name} is not a baokan shard file`);
  }
  if (buf[3] !== FORMAT_VERSION) {
    throw new Error(
      `baokan search: ${name} has index format version ${buf[3]}, this page reads version ${FORMAT_VERSION}; rebuild the site`,
    );
  }
  const r = new ByteReader(buf, 4);
  const kind = r.uint();
  if (kind > 2) throw new Error(`baokan search: ${name} has unknown shard kind ${kind}`);
  const n = r.uint();
  const dec = new TextDecoder();
  const heads: Array<[string, number, number]> = [];
  for (let i = 0; i < n; i++) {
    const len = r.uint();
    const gram = dec.decode(buf.subarray(r.pos, r.pos + len));
    r.pos += len;
    heads.push([gram, r.uint(), r.uint()]);
  }
  const dir: ShardDirectory = { kind: kind as ShardKind, entries: new Map() };
  let offset = r.pos;
  for (const [gram, dfOwn, length] of heads) {
    dir.entries.set(gram, { df: Math.floor(dfOwn / 2), own: dfOwn % 2 === 1, offset, length });
    offset += length;
  }
  return dir;
}

/** Weight of a headline occurrence in ranking (also orders a frequent gram's first page). */
export const HEAD_WEIGHT = 3;

/** One result of a frequent gram's first page: its count and whether it is in the headline (0/1). */
export interface PageEntry {
  doc: number;
  count: number;
  inHead: number;
}

/**
 * What the hash shard says of a frequent gram: its article count, the first article of each
 * of its blocks (block b holds its articles from starts[b] up to starts[b + 1]), and the top
 * PAGE_SIZE articles in result order for a query of that gram alone.
 */
export interface GramHead {
  df: number;
  starts: number[];
  page: PageEntry[];
}

/** Result order of a one-gram query: headline first, then occurrences (headline ones weigh more), then archive order. */
export function pageOrder(a: PageEntry, b: PageEntry): number {
  // Past the first test both are in the headline or neither: occurrences order as BM25 would.
  return b.inHead - a.inHead || b.count - a.count || a.doc - b.doc;
}

/** Encodes a head's bytes (the df is in the directory): block starts as deltas, then the page. */
export function encodeHead(head: Omit<GramHead, 'df'>, w = new ByteWriter()): Uint8Array {
  w.uint(head.starts.length);
  let prev = 0;
  for (const s of head.starts) {
    w.uint(s - prev);
    prev = s;
  }
  w.uint(head.page.length);
  for (const e of head.page) {
    w.uint(e.doc);
    w.uint(e.count * 2 + e.inHead);
  }
  return w.result();
}

/** Decodes a frequent gram's head from its hash shard (undefined for a rare or absent gram). */
export function decodeHead(buf: Uint8Array, dir: ShardDirectory, gram: string): GramHead | undefined {
  const entry = dir.entries.get(gram);
  if (!entry?.own) return undefined;
  const r = new ByteReader(buf.subarray(entry.offset, entry.offset + entry.length));
  const starts: number[] = [];
  let at = 0;
  for (let n = r.uint(); n > 0; n--) starts.push((at += r.uint()));
  const page: PageEntry[] = [];
  for (let n = r.uint(); n > 0; n--) {
    const doc = r.uint();
    const field = r.uint();
    page.push({ doc, count: Math.floor(field / 2), inHead: field % 2 });
  }
  return { df: entry.df, starts, page };
}

/**
 * Splits a frequent gram's postings into blocks, each closed once its bytes (doc list and
 * positions, doc deltas from 0) reach `blockBytes`: dense stretches of the archive get short
 * blocks, sparse ones long, so a block costs about the same to fetch anywhere; an appended
 * article changes only the last, open block. For the reference indexer and tests (it encodes
 * every prefix of a block); the fast indexer does the same on bytes.
 */
export function splitPostings(p: Postings, blockBytes: number): Postings[] {
  const out: Postings[] = [];
  const slice = (from: number, to: number): Postings => ({
    docs: p.docs.slice(from, to),
    counts: p.counts.slice(from, to),
    ...(p.positions ? { positions: p.positions.slice(from, to), heads: p.heads!.slice(from, to) } : {}),
  });
  const size = (b: Postings): number => (b.positions ? encodePostings(b, true).length + encodeRestOfPositions(b).length : encodePostings(b).length);
  let from = 0;
  for (let k = 0; k < p.docs.length; k++) {
    if (size(slice(from, k + 1)) >= blockBytes) {
      out.push(slice(from, k + 1));
      from = k + 1;
    }
  }
  if (from < p.docs.length) out.push(slice(from, p.docs.length));
  return out;
}

/** A gram's first page: as a bigram, inHead is 1 when its first offset ends inside the headline. */
export function firstPage(p: Postings, gram: string): PageEntry[] {
  const entries = p.docs.map((doc, k): PageEntry => {
    const head = p.heads?.[k] ?? 0;
    const first = p.positions?.[k]?.[0] ?? 0;
    return { doc, count: p.counts[k]!, inHead: head > 0 && first + gram.length <= head ? 1 : 0 };
  });
  return entries.sort(pageOrder).slice(0, PAGE_SIZE);
}

/** Decodes one gram's postings from its shard. */
export function decodePostings(buf: Uint8Array, dir: ShardDirectory, gram: string): Postings {
  const entry = dir.entries.get(gram);
  const bigram = gramLength(gram) === 2;
  if (!entry) return { docs: [], counts: [], ...(bigram ? { positions: [] } : {}) };
  if (entry.own) throw new Error(`baokan search: ${gram} is a frequent gram; its postings are in blocks (decodeHead)`);
  const r = new ByteReader(buf.subarray(entry.offset, entry.offset + entry.length));
  if (dir.kind === ShardKind.RestOfPositions) {
    throw new Error(`baokan search: positions of ${gram} need its doc list; use withRestOfPositions`);
  }
  const docList = bigram && dir.kind === ShardKind.DocList;
  const positional = bigram && !docList;
  const docs: number[] = [];
  const counts: number[] = [];
  const positions: number[][] = [];
  const first: number[] = [];
  const heads: number[] = [];
  let doc = 0;
  for (let k = 0; k < entry.df; k++) {
    doc += r.uint();
    docs.push(doc);
    let count = r.uint();
    if (bigram) {
      heads.push(count & 1 ? r.uint() : 0);
      count = Math.floor(count / 2);
    }
    counts.push(count);
    if (docList) {
      first.push(r.uint());
    } else if (positional) {
      const pos: number[] = new Array<number>(count);
      let p = 0;
      for (let j = 0; j < count; j++) {
        p += r.uint();
        pos[j] = p;
      }
      positions.push(pos);
    }
  }
  if (docList) return { docs, counts, first, heads };
  return positional ? { docs, counts, positions, heads } : { docs, counts };
}

/** Completes a frequent bigram's doc list with the positions from its `.pos` file. */
export function withRestOfPositions(list: Postings, buf: Uint8Array, dir: ShardDirectory, gram: string): Postings {
  const entry = dir.entries.get(gram);
  if (dir.kind !== ShardKind.RestOfPositions || !entry || !list.first) {
    throw new Error(`baokan search: no positions for ${gram} in this file; rebuild the site`);
  }
  const r = new ByteReader(buf.subarray(entry.offset, entry.offset + entry.length));
  const positions = list.docs.map((_, k) => {
    const pos = new Array<number>(list.counts[k]!);
    let p = list.first![k]!;
    pos[0] = p;
    for (let j = 1; j < pos.length; j++) pos[j] = p += r.uint();
    return pos;
  });
  return { docs: list.docs, counts: list.counts, positions, ...(list.heads ? { heads: list.heads } : {}) };
}

/** Checks a parsed meta file, so a stale or foreign index fails with a clear message. */
export function checkMeta(value: unknown): SearchMeta {
  const meta = value as Partial<SearchMeta> | null;
  if (!meta || meta.format !== FORMAT_NAME) {
    throw new Error(`baokan search: ${META_PATH} is not a baokan search index`);
  }
  if (meta.version !== FORMAT_VERSION) {
    throw new Error(
      `baokan search: the index has format version ${String(meta.version)}, this page reads version ${FORMAT_VERSION}; rebuild the site`,
    );
  }
  return meta as SearchMeta;
}
