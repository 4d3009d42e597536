/**
 * Builds the archive search index files from the site model (pure and deterministic).
 *
 * Articles are numbered in date order (see searchOrder), so an archive that grows by new
 * issues only appends article numbers: every posting list keeps its bytes and gains a tail.
 * The postings of a build are kept as a `SearchIndexState`; given the last build's state, a
 * build whose articles extend the previous ones scans only the new articles and re-encodes only
 * the files their grams fall in. Either way the files are those of a clean build, byte for byte.
 */
import { createHash } from 'node:crypto';
import type { Site, SiteArticle } from '../site.js';
import type { OutputFile } from '../types.js';
import { articleSearchText, headlineText } from './doc-text.js';
import {
  ByteWriter,
  DATES_PATH,
  FORMAT_NAME,
  FORMAT_VERSION,
  META_PATH,
  PAGE_SIZE,
  SHARD_MAGIC,
  blockPath,
  dayOf,
  docPath,
  encodeHead,
  pageOrder,
  ShardKind,
  paperPath,
  shardPath,
  type DateRuns,
  type PageEntry,
  type PaperRanges,
  type SearchDoc,
  type SearchMeta,
} from './format.js';
import { COMPRESSOR, gzip, gzipAll } from './gzip.js';
import { groupByGram, normalizedLength, scanTexts } from './grams.js';
import { GramTable, nextPowerOfTwo, type OwnGramState, type SearchIndexState } from './index-state.js';

/** Tuning knobs; the defaults aim at the targets in docs/search.md. */
export interface BuildSearchIndexOptions {
  /** Aimed-for uncompressed bytes of postings per shard file (what a rare gram costs to fetch). */
  shardBytes?: number;
  /** A gram whose postings exceed this many bytes gets files of its own, so rare grams never pay for it. */
  ownFileBytes?: number;
  /** Bytes (raw) at which a block of such a gram is closed (a query fetches only the blocks that can hold a match). */
  blockBytes?: number;
  /**
   * State of the build whose files are in the output folder now. When this build's articles
   * extend its articles, only new postings are encoded and files that did not change are
   * returned as `unchanged` (no contents). Files are otherwise the same as without it.
   */
  previous?: SearchIndexState | null;
  /** Threads for compression (default: one per core; at most one helper worker is used). */
  threads?: number;
  /** Articles scanned at once (default 8,192); the files do not depend on it. */
  scanBatch?: number;
}

/** The index files, and the state that lets the next build append to this one. */
export interface SearchIndexBuild {
  /** Every file (from searchIndexBatches: only meta, the others having come in batches). */
  files: OutputFile[];
  state: SearchIndexState;
  /** Articles whose postings were taken from `previous` rather than scanned. */
  appendedTo: number;
}

const DEFAULT_SHARD_BYTES = 2 * 1024;
const DEFAULT_OWN_FILE_BYTES = 8 * 1024;
const DEFAULT_BLOCK_BYTES = 4 * 1024;
/** Articles scanned at once (bounds the scan's memory; appending a batch copies the postings). */
const SCAN_BATCH = 8192;
/** Raw bytes of index files compressed and handed out at once. */
const BATCH_BYTES = 16 * 1024 * 1024;

/** Every search index file, under `search/`, sorted by path; byte-identical for the same site. */
export function buildSearchIndex(site: Site, options: Omit<BuildSearchIndexOptions, 'previous'> = {}): OutputFile[] {
  return buildSearchIndexWithState(site, options).files;
}

/**
 * The articles in index order: undated issues, then issues with a guessed date, then issues with
 * a printed (or given) date; by date within each, archive order among equals. An archive grows
 * by new issues, which print their date, so their articles come last and only append to the
 * index; a guessed date can be years off and would otherwise sit after them.
 */
export function searchOrder(site: Site): SiteArticle[] {
  const keyed: Array<{ key: string; article: SiteArticle }> = [];
  for (const paper of site.papers) {
    for (const issue of paper.issues) {
      const key = issue.date === null ? '0' : `${issue.dateInferred ? 1 : 2}${issue.date}`;
      for (const page of issue.pages) for (const article of page.articles) keyed.push({ key, article });
    }
  }
  // Array.prototype.sort is stable: archive order is kept among equal keys.
  return keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((d) => d.article);
}

/** Builds the index files (see buildSearchIndex) and the state for the next build. */
export function buildSearchIndexWithState(site: Site, options: BuildSearchIndexOptions = {}): SearchIndexBuild {
  const files: OutputFile[] = [];
  const batches = searchIndexBatches(site, options);
  for (let step = batches.next(); ; step = batches.next()) {
    if (step.done) {
      files.push(...step.value.files);
      files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      return { ...step.value, files };
    }
    files.push(...step.value);
  }
}

/**
 * The index files a batch at a time, compressed (about 16 MB of raw bytes a batch, so the
 * index's bytes are never all in memory when the caller writes each batch before asking for
 * the next); then `meta.json.gz` (it digests every other file) and the state, as the result.
 * Files whose bytes did not change since `previous` come as `unchanged` entries.
 */
export function* searchIndexBatches(site: Site, options: BuildSearchIndexOptions = {}): Generator<OutputFile[], SearchIndexBuild> {
  const shardBytes = options.shardBytes ?? DEFAULT_SHARD_BYTES;
  const ownFileBytes = options.ownFileBytes ?? DEFAULT_OWN_FILE_BYTES;
  const blockBytes = options.blockBytes ?? DEFAULT_BLOCK_BYTES;
  const settings = `${FORMAT_NAME} ${FORMAT_VERSION}; ${COMPRESSOR}; shard ${shardBytes}; own ${ownFileBytes}; block ${blockBytes}`;

  const order = searchOrder(site);
  const texts = order.map((a) => articleSearchText(a.article));
  const facts = articleFacts(site, order);
  const record = (i: number): SearchDoc => {
    const a = order[i]!;
    return { id: a.id, url: a.url, title: a.title, text: texts[i]!, ...facts.shown[i]! };
  };
  // What an article's display file holds, as a digest: equal digests, equal files and postings.
  const docDigests = order.map((_, i) => createHash('sha1').update(JSON.stringify(record(i))).digest('base64'));

  // Append to the previous postings when this build's articles begin with exactly its articles.
  const previous = options.previous && options.previous.settings === settings && extendsArticles(options.previous.articles, docDigests) ? options.previous : null;
  const from = previous ? previous.articles.length : 0;
  // Scanned a batch at a time: the occurrence arrays (~36 bytes per character) stay the size
  // of a batch, only the encoded postings grow with the archive.
  const batch = options.scanBatch ?? SCAN_BATCH;
  let table = previous ? previous.grams.untouched() : GramTable.empty();
  for (let at = from; at < order.length; at += batch) {
    const end = Math.min(order.length, at + batch);
    const occ = scanTexts(texts.slice(at, end));
    table = table.append(
      occ.uniCp,
      occ.biFirst,
      occ.biSecond,
      groupByGram(occ.uniOcc, occ.uniEnd, occ.uniCp.length),
      groupByGram(occ.biOcc, occ.biEnd, occ.biFirst.length, occ.biPos),
      Uint32Array.from(order.slice(at, end), (a) => normalizedLength(headlineText(a.article))),
      at,
    );
  }

  // Which grams get their own file, and how many hash shards the rest need.
  const layout = planLayout(table, shardBytes, ownFileBytes);
  const sameLayout = previous !== null && previous.shardCount === layout.shardCount;
  const dirtyShard = new Uint8Array(layout.shardCount).fill(sameLayout ? 0 : 1);
  if (sameLayout) for (let g = 0; g < table.count; g++) if (table.touched[g]) dirtyShard[table.hash[g]! & (layout.shardCount - 1)] = 1;

  // Digests of every file: kept from the previous build where the file was not rewritten.
  const fileDigests = new Map<string, string>();
  if (sameLayout) for (const [p, d] of previous.files) fileDigests.set(p, d);
  // Files re-encoded by this build (only needed to tell which of the previous ones were not).
  const encoded = sameLayout ? new Set<string>() : null;
  // Uncompressed bytes of the files of the batch being filled.
  let paths: string[] = [];
  let raws: Uint8Array[] = [];
  let rawBytes = 0;
  const add = (path: string, raw: Uint8Array): void => {
    paths.push(path);
    raws.push(raw);
    rawBytes += raw.length;
    encoded?.add(path);
  };
  const full = (): boolean => rawBytes >= BATCH_BYTES;
  const flush = (): OutputFile[] => {
    const gz = gzipAll(raws, options.threads);
    const out = paths.map((p, i): OutputFile => {
      const digest = sha1(gz[i]!);
      // A file re-encoded to the same bytes (the dates and papers files, usually) is left alone.
      const same = fileDigests.get(p) === digest;
      fileDigests.set(p, digest);
      return same ? { path: `search/${p}`, contents: '', unchanged: true } : { path: `search/${p}`, contents: gz[i]! };
    });
    paths = [];
    raws = [];
    rawBytes = 0;
    return out;
  };
  const w = new ByteWriter(1 << 16);
  // Frequent grams: blocks of article ranges, and a head for their hash shard. An append
  // changes only a gram's last block (and adds blocks): its closed blocks are neither decoded
  // nor written again, and an untouched gram keeps its head.
  const heads = new Map<number, Uint8Array>();
  const own = new Map<string, OwnGramState>();
  for (const g of layout.own) {
    const name = table.text(g);
    const kept = sameLayout ? previous.own.get(name) : undefined;
    const rewrite = !sameLayout || table.touched[g] === 1;
    if (!rewrite && kept) {
      heads.set(g, kept.head);
      own.set(name, kept);
      continue;
    }
    const split = splitOwnBlock(table.block(g), table.isBigram(g), name.length, blockBytes, kept);
    heads.set(g, split.state.head);
    own.set(name, split.state);
    if (!rewrite) continue;
    split.blocks.forEach((blk, k) => {
      const b = split.firstBlock + k;
      w.length = 0;
      writeOwnFile(w, table, g, blk.df, blk.list, blk.rest ? ShardKind.DocList : ShardKind.Full);
      add(blockPath(name, b), w.view().slice());
      if (blk.rest) {
        w.length = 0;
        writeOwnFile(w, table, g, blk.df, blk.rest, ShardKind.RestOfPositions);
        add(blockPath(name, b, true), w.view().slice());
      }
    });
    if (full()) yield flush();
  }
  for (let s = 0; s < layout.shardCount; s++) {
    if (!dirtyShard[s]) continue;
    w.length = 0;
    writeShard(w, table, layout.shardGrams(s), heads);
    add(shardPath(s), w.view().slice());
    if (full()) yield flush();
  }
  const encoder = new TextEncoder();
  for (let i = from; i < order.length; i++) {
    add(docPath(i), encoder.encode(JSON.stringify(record(i))));
    if (full()) yield flush();
  }
  // Small and rewritten every build (an appended issue extends the last run or range).
  add(DATES_PATH, encoder.encode(JSON.stringify(facts.dates)));
  facts.papers.forEach((r, p) => add(paperPath(p), encoder.encode(JSON.stringify(r))));
  yield flush();
  if (encoded) {
    const kept = [...fileDigests.keys()].filter((p) => !encoded.has(p));
    yield kept.map((p) => ({ path: `search/${p}`, contents: '', unchanged: true }));
  }
  const sortedPaths = [...fileDigests.keys()].sort();

  const meta: SearchMeta = {
    format: FORMAT_NAME,
    version: FORMAT_VERSION,
    digest: digestOf(sortedPaths, fileDigests),
    shardCount: layout.shardCount,
    papers: site.papers.map((sp) => ({ id: sp.paper.id, name: sp.paper.name })),
    count: order.length,
  };
  const metaBytes = gzip(encoder.encode(JSON.stringify(meta)));

  const state: SearchIndexState = {
    settings,
    articles: docDigests,
    shardCount: layout.shardCount,
    files: fileDigests,
    meta: sha1(metaBytes),
    grams: table,
    own,
  };
  return { files: [{ path: `search/${META_PATH}`, contents: metaBytes }], state, appendedTo: from };
}

/** True when `digests` starts with exactly the articles of `previous` (and has at least as many). */
function extendsArticles(previous: readonly string[], digests: readonly string[]): boolean {
  if (previous.length > digests.length) return false;
  for (let i = 0; i < previous.length; i++) if (previous[i] !== digests[i]) return false;
  return true;
}

function sha1(data: Uint8Array): string {
  return createHash('sha1').update(data).digest('base64');
}

interface Layout {
  shardCount: number;
  /** Grams with their own file, in UTF-16 order of their text. */
  own: number[];
  /** The grams of hash shard s (own-file grams too, by their heads), in UTF-16 order of their text. */
  shardGrams(s: number): Uint32Array;
}

/** Decides own files and the shard count, and groups the other grams by shard. */
function planLayout(table: GramTable, shardBytes: number, ownFileBytes: number): Layout {
  const n = table.count;
  const isOwn = new Uint8Array(n);
  const own: number[] = [];
  let inShards = 0;
  for (let g = 0; g < n; g++) {
    const len = table.blockLength(g);
    if (len > ownFileBytes) {
      isOwn[g] = 1;
      own.push(g);
    } else inShards += len;
  }
  const shardCount = nextPowerOfTwo(Math.max(1, Math.ceil(inShards / shardBytes)));
  const key = table.sortKeys();
  own.sort((a, b) => key[a]! - key[b]!);
  const start = new Uint32Array(shardCount + 1);
  for (let g = 0; g < n; g++) start[(table.hash[g]! & (shardCount - 1)) + 1]!++;
  for (let s = 0; s < shardCount; s++) start[s + 1]! += start[s]!;
  const cursor = start.slice(0, shardCount);
  const members = new Uint32Array(start[shardCount]!);
  for (let g = 0; g < n; g++) members[cursor[table.hash[g]! & (shardCount - 1)]!++] = g;
  return {
    shardCount,
    own,
    shardGrams: (s) => members.subarray(start[s]!, start[s + 1]!).sort((a, b) => key[a]! - key[b]!),
  };
}

/** What filters need of the articles (dates, papers' ranges) and what a result shows of its issue. */
function articleFacts(site: Site, order: SiteArticle[]): { shown: Array<Pick<SearchDoc, 'paper' | 'date' | 'page'>>; dates: DateRuns; papers: PaperRanges[] } {
  const paperNo = new Map(site.papers.map((sp, p) => [sp.paper.id, p]));
  const pages = new Map<string, { date: string | null; label: string }>();
  for (const sp of site.papers) for (const issue of sp.issues) for (const page of issue.pages) pages.set(page.id, { date: issue.date, label: page.label });
  const shown = order.map((a) => {
    const page = pages.get(a.pageId);
    if (!page) throw new Error(`baokan search: article ${a.id} names page ${a.pageId}, which is not in site.papers`);
    return { paper: a.paperId, date: page.date, page: page.label };
  });
  // Index order puts undated articles first and keeps each date's articles together.
  const dates: DateRuns = { undated: 0, runs: [], days: [] };
  let lastDay = 0;
  let lastDate: string | null = null;
  for (const { date } of shown) {
    if (date === null) dates.undated++;
    else if (date === lastDate) dates.runs[dates.runs.length - 1]!++;
    else {
      const day = dayOf(date);
      dates.runs.push(1);
      dates.days.push(day - lastDay);
      lastDay = day;
      lastDate = date;
    }
  }
  const papers: PaperRanges[] = site.papers.map(() => ({ ranges: [] }));
  const ends = site.papers.map(() => 0);
  shown.forEach(({ paper }, i) => {
    const p = paperNo.get(paper)!;
    const r = papers[p]!.ranges;
    if (r.length > 0 && ends[p] === i) r[r.length - 1]!++;
    else r.push(i - ends[p]!, 1);
    ends[p] = i + 1;
  });
  return { shown, dates, papers };
}

/** A frequent gram's blocks from `firstBlock` on (doc list or unigram postings, and a bigram's other positions), and its state. */
interface OwnSplit {
  blocks: Array<{ df: number; list: Uint8Array; rest: Uint8Array | null }>;
  firstBlock: number;
  state: OwnGramState;
}

/**
 * Splits a gram's full block (doc delta, count, [headline length,] position deltas per article)
 * into blocks closed once they hold `blockBytes` (doc list and positions), each starting its
 * doc deltas from 0 (format.ts splitPostings, on bytes); a bigram's block as
 * its doc list (doc delta, count [and headline length], first offset) and the rest of its
 * offsets. Keeps the first page on the way (format.ts firstPage, on bytes). Given the last
 * build's state of the gram, starts after its closed blocks.
 */
function splitOwnBlock(block: Uint8Array, bigram: boolean, units: number, blockBytes: number, resume?: OwnGramState): OwnSplit {
  let at = resume?.closedBytes ?? 0;
  let doc = resume?.closedLastDoc ?? 0;
  const starts = [...(resume?.closedStarts ?? [])];
  const page = [...(resume?.closedPage ?? [])];
  const out: OwnSplit = { blocks: [], firstBlock: starts.length, state: { head: new Uint8Array(0), closedBytes: at, closedLastDoc: doc, closedStarts: [], closedPage: [...page] } };
  let closed = starts.length;
  const uint = (): number => {
    let value = 0;
    let scale = 1;
    for (;;) {
      const b = block[at++]!;
      value += (b & 0x7f) * scale;
      if (b < 0x80) return value;
      scale *= 128;
    }
  };
  let list = new ByteWriter(1024);
  let rest = new ByteWriter(1024);
  let inBlock = 0;
  let prev = 0;
  const close = (): void => {
    out.blocks.push({ df: inBlock, list: list.result(), rest: bigram ? rest.result() : null });
    list = new ByteWriter(1024);
    rest = new ByteWriter(1024);
    inBlock = 0;
    prev = 0;
  };
  while (at < block.length) {
    doc += uint();
    if (inBlock === 0) starts.push(doc);
    list.uint(doc - prev);
    prev = doc;
    const field = uint();
    list.uint(field);
    let count = field;
    let inHead = 0;
    if (bigram) {
      const head = field & 1 ? uint() : 0;
      if (field & 1) list.uint(head);
      count = Math.floor(field / 2);
      const first = uint();
      list.uint(first);
      inHead = head > 0 && first + units <= head ? 1 : 0;
      for (let k = 1; k < count; k++) rest.uint(uint());
    }
    keepTop(page, { doc, count, inHead });
    inBlock++;
    if (list.length + rest.length >= blockBytes) {
      close();
      out.state = { head: out.state.head, closedBytes: at, closedLastDoc: doc, closedStarts: [], closedPage: [...page] };
      closed = starts.length;
    }
  }
  if (inBlock > 0) close();
  out.state.closedStarts = starts.slice(0, closed);
  out.state.head = encodeHead({ starts, page });
  return out;
}

/** Inserts an entry into a page kept sorted by pageOrder, at most PAGE_SIZE long. */
function keepTop(page: PageEntry[], e: PageEntry): void {
  if (page.length === PAGE_SIZE && pageOrder(e, page[PAGE_SIZE - 1]!) >= 0) return;
  let i = page.length;
  while (i > 0 && pageOrder(e, page[i - 1]!) < 0) i--;
  page.splice(i, 0, e);
  if (page.length > PAGE_SIZE) page.pop();
}

/** A shard (see encodeShard in format.ts): magic, kind, count, directory, then the blocks (a frequent gram's: its head). */
function writeShard(w: ByteWriter, table: GramTable, ids: Uint32Array, heads: ReadonlyMap<number, Uint8Array>): void {
  w.bytes(SHARD_MAGIC);
  w.uint(ShardKind.Full);
  w.uint(ids.length);
  for (const g of ids) {
    const head = heads.get(g);
    table.writeName(w, g);
    w.uint(table.df[g]! * 2 + (head ? 1 : 0));
    w.uint(head ? head.length : table.blockLength(g));
  }
  for (const g of ids) w.bytes(heads.get(g) ?? table.block(g));
}

/** A file holding one block of a frequent gram. */
function writeOwnFile(w: ByteWriter, table: GramTable, g: number, df: number, block: Uint8Array, kind: ShardKind): void {
  w.bytes(SHARD_MAGIC);
  w.uint(kind);
  w.uint(1);
  table.writeName(w, g);
  w.uint(df * 2);
  w.uint(block.length);
  w.bytes(block);
}

/** Short digest of every index file (except meta), used to version shard URLs. */
function digestOf(paths: readonly string[], digests: ReadonlyMap<string, string>): string {
  const hash = createHash('sha256');
  for (const p of paths) hash.update(p).update('\0').update(digests.get(p)!).update('\0');
  return hash.digest('hex').slice(0, 16);
}

export type { SearchIndexState };
