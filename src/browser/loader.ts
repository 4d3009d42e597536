/**
 * Fetches and caches index files. Files are gzip-compressed on disk and gunzipped here, so a
 * plain static server (no Content-Encoding) works; when a server does decode them on the way
 * (Content-Encoding: gzip), the bytes arrive without the gzip magic and are used as they are.
 */
import {
  DATES_PATH,
  META_PATH,
  checkMeta,
  datesLookup,
  paperPath,
  rangesLookup,
  blockPath,
  decodeHead,
  decodePostings,
  decodeShardDirectory,
  docPath,
  gramLength,
  gramShardPath,
  withRestOfPositions,
} from '../search/format.js';
import type { DateRuns, PaperRanges, Postings, SearchDoc, SearchMeta, ShardDirectory } from '../search/format.js';
import { needsDates, type ArticleFacts, type GramEntry, type PostingsSource, type ResultOptions } from './engine.js';

/** The subset of `fetch` the loader uses (injectable for tests). */
export type FetchBytes = (url: string) => Promise<Uint8Array>;

/** Whether bytes start with the gzip magic number. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Gunzips with the browser's DecompressionStream (also in Node 18+), or passes plain bytes through. */
export async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  if (!isGzip(bytes)) return bytes;
  if (typeof DecompressionStream === 'undefined') {
    throw new Error('baokan search: this browser lacks DecompressionStream, needed to read the search index');
  }
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** `fetch` returning the body bytes, failing with the URL and status on an HTTP error. */
export async function fetchBytes(url: string): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`baokan search: could not load ${url} (HTTP ${res.status})`);
  return new Uint8Array(await res.arrayBuffer());
}

/** A cached reader of one search index rooted at `root` (a URL ending in `/`). */
export interface IndexLoader extends PostingsSource {
  docs(ids: number[]): Promise<SearchDoc[]>;
  /** What filtering and ordering with these options need (fetched only when they ask for it). */
  facts(opts: ResultOptions): Promise<ArticleFacts>;
}

/** Creates a loader; every file is fetched at most once per page. */
export function createLoader(root: string, get: FetchBytes = fetchBytes): IndexLoader {
  let metaPromise: Promise<SearchMeta> | null = null;
  const files = new Map<string, Promise<{ buf: Uint8Array; dir: ShardDirectory }>>();
  const docs = new Map<number, Promise<SearchDoc>>();
  const json = new Map<string, Promise<unknown>>();

  const meta = (): Promise<SearchMeta> => {
    metaPromise ??= get(root + META_PATH)
      .then(gunzip)
      .then((b) => checkMeta(JSON.parse(new TextDecoder().decode(b))));
    // A failed load is retried on the next query instead of being cached.
    metaPromise.catch(() => (metaPromise = null));
    return metaPromise;
  };

  const shard = (path: string, digest: string): Promise<{ buf: Uint8Array; dir: ShardDirectory }> => {
    let p = files.get(path);
    if (!p) {
      p = get(`${root}${path}?v=${digest}`)
        .then(gunzip)
        .then((buf) => ({ buf, dir: decodeShardDirectory(buf, path) }));
      p.catch(() => files.delete(path));
      files.set(path, p);
    }
    return p;
  };

  /** A small JSON file of the index, fetched once. */
  const jsonFile = <T>(path: string, digest: string): Promise<T> => {
    let p = json.get(path);
    if (!p) {
      p = get(`${root}${path}?v=${digest}`)
        .then(gunzip)
        .then((b) => JSON.parse(new TextDecoder().decode(b)) as unknown);
      p.catch(() => json.delete(path));
      json.set(path, p);
    }
    return p as Promise<T>;
  };

  return {
    meta,
    async facts(opts: ResultOptions): Promise<ArticleFacts> {
      const m = await meta();
      const paperNo = opts.paper ? m.papers.findIndex((p) => p.id === opts.paper) : -1;
      const [dates, ranges] = await Promise.all([
        needsDates(opts) ? jsonFile<DateRuns>(DATES_PATH, m.digest).then(datesLookup) : null,
        paperNo >= 0 ? jsonFile<PaperRanges>(paperPath(paperNo), m.digest).then(rangesLookup) : null,
      ]);
      return {
        date(doc) {
          if (!dates) throw new Error('baokan search: article dates were not loaded for these options');
          return dates(doc);
        },
        // A paper the index does not know has no articles.
        inPaper: (doc, paper) => paper === opts.paper && ranges !== null && ranges(doc),
      };
    },
    async entries(grams: string[]): Promise<Map<string, GramEntry>> {
      const m = await meta();
      const out = new Map<string, GramEntry>();
      await Promise.all(
        grams.map(async (gram) => {
          const { buf, dir } = await shard(gramShardPath(gram, m.shardCount), m.digest);
          const head = decodeHead(buf, dir, gram);
          out.set(gram, head ? { head } : { postings: decodePostings(buf, dir, gram) });
        }),
      );
      return out;
    },
    async blocks(gram: string, blocks: number[], positions: boolean): Promise<Postings> {
      const m = await meta();
      const bigram = gramLength(gram) === 2;
      // A bigram block's positions live in a second file beside its doc list; all are fetched at once.
      const parts = await Promise.all(
        blocks.map(async (b) => {
          const [list, rest] = await Promise.all([
            shard(blockPath(gram, b), m.digest),
            bigram && positions ? shard(blockPath(gram, b, true), m.digest) : null,
          ]);
          const p = decodePostings(list.buf, list.dir, gram);
          return rest ? withRestOfPositions(p, rest.buf, rest.dir, gram) : p;
        }),
      );
      return concatPostings(parts);
    },
    prefetchDocs(ids: number[]): void {
      // Cached like any fetch; a failure shows when the results ask for the doc.
      void this.docs(ids).catch(() => undefined);
    },
    async docs(ids: number[]): Promise<SearchDoc[]> {
      const m = await meta();
      return Promise.all(
        ids.map((id) => {
          let p = docs.get(id);
          if (!p) {
            p = get(`${root}${docPath(id)}?v=${m.digest}`)
              .then(gunzip)
              .then((b) => JSON.parse(new TextDecoder().decode(b)) as SearchDoc);
            p.catch(() => docs.delete(id));
            docs.set(id, p);
          }
          return p;
        }),
      );
    },
  };
}

/** Postings of consecutive blocks as one (their articles ascend from block to block). */
function concatPostings(parts: Postings[]): Postings {
  const out: Postings = { docs: [], counts: [] };
  const keys = ['positions', 'first', 'heads'] as const;
  for (const k of keys) if (parts.some((p) => p[k])) out[k] = [];
  for (const p of parts) {
    out.docs.push(...p.docs);
    out.counts.push(...p.counts);
    for (const k of keys) if (p[k]) (out[k] as unknown[]).push(...(p[k] as unknown[]));
  }
  return out;
}
