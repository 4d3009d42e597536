/** Builds the archive search index files from the site model (pure and deterministic). */
import { createHash } from 'node:crypto';
import type { Site } from '../site.js';
import type { OutputFile } from '../types.js';
import { articleSearchText, headlineText } from './doc-text.js';
import {
  ByteWriter,
  FORMAT_NAME,
  FORMAT_VERSION,
  META_PATH,
  SHARD_MAGIC,
  docPath,
  ShardKind,
  ownFilePath,
  quantizeLength,
  shardPath,
  type SearchDoc,
  type SearchMeta,
} from './format.js';
import { COMPRESSOR, gzip, gzipAll } from './gzip.js';
import { groupByGram, normalizedLength, scanTexts, type FlatPostings, type GramOccurrences } from './grams.js';

/** Tuning knobs; the defaults aim at the targets in docs/search.md. */
export interface BuildSearchIndexOptions {
  /** Aimed-for uncompressed bytes of postings per shard file (what a rare gram costs to fetch). */
  shardBytes?: number;
  /** A gram whose postings exceed this many bytes gets its own file, so rare grams never pay for it. */
  ownFileBytes?: number;
  /**
   * `state` of an earlier build (see buildSearchIndexWithState): a file whose uncompressed
   * bytes it has already compressed is not compressed again. The output does not depend on it.
   */
  previous?: SearchIndexState | null;
  /** Threads for compression (default: one per core; at most one helper worker is used). */
  threads?: number;
}

/**
 * What a later build can reuse: the compressed bytes of every file of this build, keyed by a
 * digest of its uncompressed bytes (so a file that only moved, such as `docs/<i>` after an
 * insertion, is reused too). Save it with `encodeSearchIndexState`.
 */
export interface SearchIndexState {
  /** Compressor identity; a state from another zlib or gzip setting is ignored. */
  readonly compressor: string;
  /** SHA-1 of the uncompressed bytes (base64) → gzip bytes. */
  readonly gz: ReadonlyMap<string, Uint8Array>;
}

/** The index files, and the state that lets the next build skip unchanged work. */
export interface SearchIndexBuild {
  files: OutputFile[];
  state: SearchIndexState;
}

const DEFAULT_SHARD_BYTES = 2 * 1024;
const DEFAULT_OWN_FILE_BYTES = 8 * 1024;
/** Every search index file, under `search/`, sorted by path; byte-identical for the same site. */
export function buildSearchIndex(site: Site, options: BuildSearchIndexOptions = {}): OutputFile[] {
  return buildIndex(site, options, false).files;
}

/** Like buildSearchIndex, plus the state to pass as `previous` next time (same files either way). */
export function buildSearchIndexWithState(site: Site, options: BuildSearchIndexOptions = {}): SearchIndexBuild {
  return buildIndex(site, options, true) as SearchIndexBuild;
}

function buildIndex(site: Site, options: BuildSearchIndexOptions, keepState: boolean): { files: OutputFile[]; state?: SearchIndexState } {
  const shardBytes = options.shardBytes ?? DEFAULT_SHARD_BYTES;
  const ownFileBytes = options.ownFileBytes ?? DEFAULT_OWN_FILE_BYTES;
  const { docPages, ...tables } = articleTable(site);
  const texts = site.articles.map((a) => articleSearchText(a.article));
  const occ = scanTexts(texts);
  const grams = new GramSet(occ);
  const blocks = encodeBlocks(grams);

  // Every file's uncompressed bytes first, then one batch of compression (cached, parallel).
  const paths: string[] = [];
  const raws: Uint8Array[] = [];
  const add = (path: string, raw: Uint8Array): void => {
    paths.push(path);
    raws.push(raw);
  };

  // Which grams get their own file, and how many hash shards the rest need.
  const n = grams.count;
  const own: number[] = [];
  let inShards = 0;
  for (const g of grams.order) {
    const len = blocks.start[g + 1]! - blocks.start[g]!;
    if (len > ownFileBytes) own.push(g);
    else inShards += len;
  }
  const isOwn = new Uint8Array(n);
  for (const g of own) isOwn[g] = 1;
  const shardCount = nextPowerOfTwo(Math.max(1, Math.ceil(inShards / shardBytes)));

  // Grams of each shard in UTF-16 order: distribute the globally sorted grams stably.
  const shardStart = new Uint32Array(shardCount + 1);
  for (let g = 0; g < n; g++) if (!isOwn[g]) shardStart[(grams.hash[g]! & (shardCount - 1)) + 1]!++;
  for (let s = 0; s < shardCount; s++) shardStart[s + 1]! += shardStart[s]!;
  const cursor = shardStart.slice(0, shardCount);
  const shardGrams = new Uint32Array(shardStart[shardCount]!);
  for (const g of grams.order) if (!isOwn[g]) shardGrams[cursor[grams.hash[g]! & (shardCount - 1)]!++] = g;

  const w = new ByteWriter(1 << 16);
  for (let s = 0; s < shardCount; s++) {
    w.length = 0;
    writeShard(w, grams, blocks, shardGrams.subarray(shardStart[s]!, shardStart[s + 1]!), ShardKind.Full);
    add(shardPath(s), w.view().slice());
  }
  const ownNames: string[] = [];
  for (const g of own) {
    const name = grams.text(g);
    ownNames.push(name);
    w.length = 0;
    if (g >= grams.uniCount) {
      // A frequent bigram: a small doc list for two-character terms, positions for longer ones.
      const list = new ByteWriter(1024);
      const rest = new ByteWriter(1024);
      encodeSplit(grams.bi, g - grams.uniCount, list, rest);
      writeOwnFile(w, grams, g, blocks.df[g]!, list.view(), ShardKind.DocList);
      add(ownFilePath(name, false), w.view().slice());
      w.length = 0;
      writeOwnFile(w, grams, g, blocks.df[g]!, rest.view(), ShardKind.RestOfPositions);
      add(ownFilePath(name, true), w.view().slice());
    } else {
      writeOwnFile(w, grams, g, blocks.df[g]!, blocks.bytes.subarray(blocks.start[g]!, blocks.start[g + 1]!), ShardKind.Full);
      add(ownFilePath(name), w.view().slice());
    }
  }
  const encoder = new TextEncoder();
  site.articles.forEach((a, i) => {
    const doc: SearchDoc = { id: a.id, url: a.url, title: a.title, text: texts[i]! };
    add(docPath(i), encoder.encode(JSON.stringify(doc)));
  });

  const { files, state } = compress(paths, raws, options, keepState);

  const meta: SearchMeta = {
    format: FORMAT_NAME,
    version: FORMAT_VERSION,
    digest: digestOf(files),
    shardCount,
    ownFile: ownNames,
    ...tables,
    docs: {
      page: docPages,
      size: Array.from(occ.lengths, quantizeLength),
      head: site.articles.map((a) => normalizedLength(headlineText(a.article))),
    },
  };
  // Meta changes with every digest: never worth caching.
  files.push({ path: META_PATH, contents: gzip(encoder.encode(JSON.stringify(meta))) });

  const sorted = files
    .map((f) => ({ path: `search/${f.path}`, contents: f.contents }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files: sorted, state };
}

/** Gzips the files, taking from `options.previous` whatever it already compressed. */
function compress(
  paths: string[],
  raws: Uint8Array[],
  options: BuildSearchIndexOptions,
  keepState: boolean,
): { files: OutputFile[]; state?: SearchIndexState } {
  if (!keepState) {
    const gz = gzipAll(raws, options.threads);
    return { files: paths.map((path, i) => ({ path, contents: gz[i]! })) };
  }
  const previous = options.previous?.compressor === COMPRESSOR ? options.previous.gz : null;
  const keys = raws.map((raw) => createHash('sha1').update(raw).digest('base64'));
  const next = new Map<string, Uint8Array>();
  const missing: number[] = [];
  keys.forEach((key, i) => {
    const known = previous?.get(key);
    if (known) next.set(key, known);
    else if (!next.has(key)) {
      next.set(key, EMPTY);
      missing.push(i);
    }
  });
  const gz = gzipAll(missing.map((i) => raws[i]!), options.threads);
  missing.forEach((i, k) => next.set(keys[i]!, gz[k]!));
  return {
    files: paths.map((path, i) => ({ path, contents: next.get(keys[i]!)! })),
    state: { compressor: COMPRESSOR, gz: next },
  };
}

const EMPTY = new Uint8Array(0);

/** Papers, issues and pages as small tables, and each article's page number in them. */
function articleTable(site: Site): Pick<SearchMeta, 'papers' | 'issues' | 'pages'> & { docPages: number[] } {
  const papers: SearchMeta['papers'] = [];
  const issues: SearchMeta['issues'] = [];
  const pages: SearchMeta['pages'] = [];
  const pageIndex = new Map<string, number>();
  for (const sp of site.papers) {
    const paper = papers.push({ id: sp.paper.id, name: sp.paper.name }) - 1;
    for (const issue of sp.issues) {
      const issueNo = issues.push({ paper, date: issue.date }) - 1;
      for (const page of issue.pages) pageIndex.set(page.id, pages.push({ issue: issueNo, label: page.label }) - 1);
    }
  }
  const docPages = site.articles.map((a) => {
    const p = pageIndex.get(a.pageId);
    if (p === undefined) {
      throw new Error(`baokan search: article ${a.id} names page ${a.pageId}, which is not in site.papers`);
    }
    return p;
  });
  return { papers, issues, pages, docPages };
}

/**
 * All grams as ids: unigrams 0 … uniCount − 1, then bigrams. Per gram: FNV-1a hash of its
 * UTF-16 units (`hashGram`), UTF-8 length, and `order`, every id in UTF-16 string order.
 */
class GramSet {
  readonly uniCount: number;
  readonly count: number;
  readonly uni: FlatPostings;
  readonly bi: FlatPostings;
  readonly hash: Uint32Array;
  readonly order: Uint32Array;
  private readonly uniCp: Uint32Array;
  private readonly first: Uint32Array;
  private readonly second: Uint32Array;

  constructor(occ: GramOccurrences) {
    const nU = occ.uniCp.length;
    const nB = occ.biFirst.length;
    this.uniCount = nU;
    this.count = nU + nB;
    this.uniCp = occ.uniCp;
    this.first = occ.biFirst;
    this.second = occ.biSecond;
    this.uni = groupByGram(occ.uniOcc, occ.uniEnd, nU);
    this.bi = groupByGram(occ.biOcc, occ.biEnd, nB, occ.biPos);

    this.hash = new Uint32Array(this.count);
    for (let u = 0; u < nU; u++) this.hash[u] = fnv(0x811c9dc5, occ.uniCp[u]!);
    for (let b = 0; b < nB; b++) this.hash[nU + b] = fnv(this.hash[occ.biFirst[b]!]!, occ.uniCp[occ.biSecond[b]!]!);

    // A code point's units are never a prefix of another's, so string order is: by first
    // character, the unigram before its bigrams, then by second character.
    const uniOrder = Array.from({ length: nU }, (_, u) => u).sort((a, b) => compareUnits(occ.uniCp[a]!, occ.uniCp[b]!));
    const rank = new Uint32Array(nU);
    uniOrder.forEach((u, r) => (rank[u] = r));
    // LSD radix sort of bigrams: by second character, then stably by first.
    const bySecond = countingSort(nB, nU, (b) => rank[occ.biSecond[b]!]!);
    const byFirst = countingSort(nB, nU, (k) => rank[occ.biFirst[bySecond[k]!]!]!);
    this.order = new Uint32Array(this.count);
    let o = 0;
    let k = 0;
    for (const u of uniOrder) {
      this.order[o++] = u;
      for (; k < nB && occ.biFirst[bySecond[byFirst[k]!]!] === u; k++) this.order[o++] = nU + bySecond[byFirst[k]!]!;
    }
  }

  /** The gram as a string (only needed for the few grams with their own file). */
  text(g: number): string {
    if (g < this.uniCount) return String.fromCodePoint(this.uniCp[g]!);
    const b = g - this.uniCount;
    return String.fromCodePoint(this.uniCp[this.first[b]!]!, this.uniCp[this.second[b]!]!);
  }

  /** Appends the gram's UTF-8 length and bytes. */
  writeName(w: ByteWriter, g: number): void {
    if (g < this.uniCount) {
      const cp = this.uniCp[g]!;
      w.uint(utf8Length(cp));
      w.utf8(cp);
    } else {
      const a = this.uniCp[this.first[g - this.uniCount]!]!;
      const b = this.uniCp[this.second[g - this.uniCount]!]!;
      w.uint(utf8Length(a) + utf8Length(b));
      w.utf8(a);
      w.utf8(b);
    }
  }
}

/** FNV-1a over a code point's UTF-16 units, continuing from state h (see hashGram). */
function fnv(h: number, cp: number): number {
  if (cp > 0xffff) {
    h = Math.imul(h ^ (0xd800 + ((cp - 0x10000) >> 10)), 0x01000193) >>> 0;
    return Math.imul(h ^ (0xdc00 + ((cp - 0x10000) & 0x3ff)), 0x01000193) >>> 0;
  }
  return Math.imul(h ^ cp, 0x01000193) >>> 0;
}

/** Compares two code points as UTF-16 strings would: an astral one by its surrogate units. */
function compareUnits(a: number, b: number): number {
  return utf16Key(a) - utf16Key(b);
}

/** A number ordered like the code point's UTF-16 units (high surrogate, then low as a fraction). */
function utf16Key(cp: number): number {
  if (cp <= 0xffff) return cp;
  const v = cp - 0x10000;
  return 0xd800 + (v >> 10) + (0xdc00 + (v & 0x3ff)) / 0x10000;
}

/** Indices 0 … n − 1 stably sorted by an integer key in [0, buckets). */
function countingSort(n: number, buckets: number, key: (i: number) => number): Uint32Array {
  const start = new Uint32Array(buckets + 1);
  for (let i = 0; i < n; i++) start[key(i) + 1]!++;
  for (let b = 0; b < buckets; b++) start[b + 1]! += start[b]!;
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[start[key(i)]!++] = i;
  return out;
}

function utf8Length(cp: number): number {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/** Every gram's full postings block (see encodePostings) in one buffer: gram g's is [start[g], start[g + 1]). */
interface Blocks {
  bytes: Uint8Array;
  start: Uint32Array;
  df: Uint32Array;
}

/** Encodes every gram's block: per article a doc delta and count, then position deltas (bigrams). */
function encodeBlocks(grams: GramSet): Blocks {
  const { uni, bi } = grams;
  const w = new ByteWriter(2 * (uni.doc.length + bi.doc.length) + 1024);
  const start = new Uint32Array(grams.count + 1);
  const df = new Uint32Array(grams.count);
  for (let u = 0; u < grams.uniCount; u++) {
    const end = uni.start[u + 1]!;
    let prevDoc = 0;
    let n = 0;
    for (let i = uni.start[u]!; i < end; ) {
      const doc = uni.doc[i]!;
      let j = i + 1;
      while (j < end && uni.doc[j] === doc) j++;
      w.uint(doc - prevDoc);
      w.uint(j - i);
      prevDoc = doc;
      n++;
      i = j;
    }
    df[u] = n;
    start[u + 1] = w.length;
  }
  const pos = bi.pos!;
  for (let b = 0, g = grams.uniCount; g < grams.count; b++, g++) {
    const end = bi.start[b + 1]!;
    let prevDoc = 0;
    let n = 0;
    for (let i = bi.start[b]!; i < end; ) {
      const doc = bi.doc[i]!;
      let j = i + 1;
      while (j < end && bi.doc[j] === doc) j++;
      w.uint(doc - prevDoc);
      w.uint(j - i);
      let prev = 0;
      for (let k = i; k < j; k++) {
        w.uint(pos[k]! - prev);
        prev = pos[k]!;
      }
      prevDoc = doc;
      n++;
      i = j;
    }
    df[g] = n;
    start[g + 1] = w.length;
  }
  return { bytes: w.view(), start, df };
}

/** A frequent bigram's doc list (doc delta, count, first offset) and the rest of its offsets. */
function encodeSplit(bi: FlatPostings, b: number, list: ByteWriter, rest: ByteWriter): void {
  const pos = bi.pos!;
  const end = bi.start[b + 1]!;
  let prevDoc = 0;
  for (let i = bi.start[b]!; i < end; ) {
    const doc = bi.doc[i]!;
    let j = i + 1;
    while (j < end && bi.doc[j] === doc) j++;
    list.uint(doc - prevDoc);
    list.uint(j - i);
    list.uint(pos[i]!);
    for (let k = i + 1; k < j; k++) rest.uint(pos[k]! - pos[k - 1]!);
    prevDoc = doc;
    i = j;
  }
}

/** A shard (see encodeShard in format.ts): magic, kind, count, directory, then the blocks. */
function writeShard(w: ByteWriter, grams: GramSet, blocks: Blocks, ids: Uint32Array, kind: ShardKind): void {
  w.bytes(SHARD_MAGIC);
  w.uint(kind);
  w.uint(ids.length);
  for (const g of ids) {
    grams.writeName(w, g);
    w.uint(blocks.df[g]!);
    w.uint(blocks.start[g + 1]! - blocks.start[g]!);
  }
  for (const g of ids) w.bytes(blocks.bytes.subarray(blocks.start[g]!, blocks.start[g + 1]!));
}

/** A file holding one gram's block. */
function writeOwnFile(w: ByteWriter, grams: GramSet, g: number, df: number, block: Uint8Array, kind: ShardKind): void {
  w.bytes(SHARD_MAGIC);
  w.uint(kind);
  w.uint(1);
  grams.writeName(w, g);
  w.uint(df);
  w.uint(block.length);
  w.bytes(block);
}


function nextPowerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

/** Short digest of every index file (except meta), used to version shard URLs. */
function digestOf(files: OutputFile[]): string {
  const hash = createHash('sha256');
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    hash.update(f.path);
    hash.update(f.contents);
  }
  return hash.digest('hex').slice(0, 16);
}

const STATE_MAGIC = 'baokan-search-state 1';

/** Serializes a state for the build cache (one binary blob, about the size of the index). */
export function encodeSearchIndexState(state: SearchIndexState): Uint8Array {
  let size = 64 + STATE_MAGIC.length + state.compressor.length * 3;
  for (const gz of state.gz.values()) size += 20 + 5 + gz.length;
  const w = new ByteWriter(size);
  const enc = new TextEncoder();
  for (const text of [STATE_MAGIC, state.compressor]) {
    const bytes = enc.encode(text);
    w.uint(bytes.length);
    w.bytes(bytes);
  }
  w.uint(state.gz.size);
  // Sorted keys: the same state always gives the same bytes.
  for (const key of [...state.gz.keys()].sort()) {
    const gz = state.gz.get(key)!;
    w.bytes(Buffer.from(key, 'base64'));
    w.uint(gz.length);
    w.bytes(gz);
  }
  return w.view();
}

/** Reads a state written by encodeSearchIndexState; null when it is not one (stale or corrupt). */
export function decodeSearchIndexState(bytes: Uint8Array): SearchIndexState | null {
  let pos = 0;
  const uint = (): number => {
    let value = 0;
    let scale = 1;
    for (;;) {
      if (pos >= bytes.length) throw new RangeError('truncated');
      const b = bytes[pos++]!;
      value += (b & 0x7f) * scale;
      if (b < 0x80) return value;
      scale *= 128;
    }
  };
  const take = (n: number): Uint8Array => {
    if (pos + n > bytes.length) throw new RangeError('truncated');
    return bytes.subarray(pos, (pos += n));
  };
  try {
    const dec = new TextDecoder();
    if (dec.decode(take(uint())) !== STATE_MAGIC) return null;
    const compressor = dec.decode(take(uint()));
    const gz = new Map<string, Uint8Array>();
    for (let n = uint(); n > 0; n--) {
      const key = Buffer.from(take(20)).toString('base64');
      gz.set(key, take(uint()).slice());
    }
    return pos === bytes.length ? { compressor, gz } : null;
  } catch {
    return null;
  }
}
