/**
 * Content-digest cache of parsed pages, so a rebuild after adding or changing one page file
 * parses only that file. A key covers everything parsing depends on: the page text and where it
 * starts, the paper registry and the parser's own source code, so a changed parser or registry
 * invalidates every entry by itself. Entries are plain JSON of `ParsedPage`.
 * The cache folder also keeps the search index state (see search/index-state.ts).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fg from 'fast-glob';
import { decodeSearchIndexState, encodeSearchIndexState, type SearchIndexState } from './search/index-state.js';
import type { Paper, ParsedPage } from './types.js';
import { decodeMemo, emptyMemo, HASHES, memoParts, type ReprintMemo } from './reprints/index.js';
import { inParallel } from './write.js';
import { stageFile, type StagedFile } from './staged-file.js';

/** Digest of the parser's source files and the registry: the part of every key that is shared. */
export async function parserFingerprint(parserDir: string, papers: Paper[]): Promise<string> {
  // The entry layout's version: a new layout never reads an old one's files.
  const hash = createHash('sha256').update('entries 3\0');
  // TypeScript sources, or the compiled command's JavaScript.
  for (const name of (await fg(['**/*.ts', '**/*.js'], { cwd: parserDir })).sort()) {
    hash.update(name).update('\0').update(await readFile(path.join(parserDir, name))).update('\0');
  }
  return hash.update(JSON.stringify(papers)).digest('hex');
}

/** The cache key of one page. */
export function cacheKey(fingerprint: string, source: string, body: string, bodyLine: number): string {
  return createHash('sha256').update(fingerprint).update('\0').update(source).update('\0').update(String(bodyLine)).update('\0').update(body).digest('hex');
}

/**
 * Reads the entries that exist for `keys` (missing or unreadable ones are simply absent). An
 * entry is two JSON lines: the page without its trace, then the trace (every block with its
 * reason, for --explain), which is two thirds of it and is only parsed when `trace` is asked
 * for; otherwise pages come without blocks.
 */
export async function readCache(dir: string, keys: string[], trace: boolean): Promise<Map<string, ParsedPage>> {
  const entries = await Promise.all(keys.map((key) => readCacheEntry(dir, key, trace)));
  return new Map(keys.flatMap((key, i) => (entries[i] ? [[key, entries[i]] as const] : [])));
}

/** One entry of the cache (see readCache), or null when there is none that can be read. */
export async function readCacheEntry(dir: string, key: string, trace: boolean): Promise<ParsedPage | null> {
  try {
    // Synchronous, as page files are read (see readSource): much faster for many small files.
    const bytes = readFileSync(path.join(dir, `${key}.json`));
    // JSON text never holds a raw newline, so the first one ends the page line.
    const end = bytes.indexOf(0x0a);
    if (end < 0) return null;
    const page = JSON.parse(bytes.toString('utf8', 0, end)) as ParsedPage;
    return trace ? withTrace(page, JSON.parse(bytes.toString('utf8', end + 1)) as Trace) : page;
  } catch {
    // not cached (or a corrupt entry, which is parsed again and overwritten)
    return null;
  }
}

/** Writes new entries and removes those no longer used, so the cache tracks the input. */
export async function writeCache(dir: string, entries: Map<string, ParsedPage>, fresh: Set<string>): Promise<void> {
  await writeCacheEntries(dir, [...fresh].map((key) => [key, entries.get(key)!]));
  await removeStaleEntries(dir, new Set(entries.keys()));
}

let entriesWritten = 0;

/**
 * Writes entries (a build writes its fresh ones as parsing ends, and keeps only their keys).
 * An entry is right for its key whatever the build does next, so it goes straight into place,
 * each under a temporary name first so that a reader never sees half of one.
 */
export async function writeCacheEntries(dir: string, entries: ReadonlyArray<readonly [string, ParsedPage]>): Promise<void> {
  await mkdir(dir, { recursive: true });
  // A few at a time: one writeFile per entry at once held ~20,000 files open at 200k articles (EMFILE).
  await inParallel([...entries], async ([key, page]) => {
    const temporary = path.join(dir, `${key}.${process.pid}-${++entriesWritten}.tmp`);
    await writeFile(temporary, `${JSON.stringify(withoutTrace(page))}\n${JSON.stringify(traceOf(page))}`);
    await rename(temporary, path.join(dir, `${key}.json`));
  });
}

/** Removes the entries whose key is not in `keep` (once a build has succeeded, those it did not use). */
export async function removeStaleEntries(dir: string, keep: ReadonlySet<string>): Promise<void> {
  const stale = (await readdir(dir).catch(() => [])).filter((f) => f.endsWith('.json') && !keep.has(f.slice(0, -5)));
  await inParallel(stale, (f) => rm(path.join(dir, f), { force: true }));
}

/** A page's blocks and each article's blocks. */
interface Trace {
  blocks: ParsedPage['blocks'];
  articles: Array<ParsedPage['blocks']>;
}

function traceOf(page: ParsedPage): Trace {
  return { blocks: page.blocks, articles: page.articles.map((a) => a.blocks) };
}

/** The page without its trace (`blocks` empty): all that building the site needs. */
export function withoutTrace(page: ParsedPage): ParsedPage {
  return { ...page, blocks: [], articles: page.articles.map((a) => ({ ...a, blocks: [] })) };
}

function withTrace(page: ParsedPage, trace: Trace): ParsedPage {
  if (trace.articles.length !== page.articles.length) throw new Error('trace does not match its page');
  return { ...page, blocks: trace.blocks, articles: page.articles.map((a, i) => ({ ...a, blocks: trace.articles[i]! })) };
}

const SEARCH_STATE = 'search-state.bin';

/**
 * Reads the search index state of the last build into an output folder (`dir`: that output's
 * cache folder, see outputCacheDir), when it belongs to the folder as it is: `metaDigest` is
 * the manifest's SHA-1 (hex) of the output's search/meta.json.gz.
 */
export async function readSearchState(dir: string, metaDigest: string | undefined): Promise<SearchIndexState | null> {
  if (!metaDigest) return null;
  const bytes = await readFile(path.join(dir, SEARCH_STATE)).catch(() => null);
  const state = bytes ? decodeSearchIndexState(bytes) : null;
  return state && Buffer.from(state.meta, 'base64').toString('hex') === metaDigest ? state : null;
}

/** Saves the search index state for the next build (written whole, then renamed into place). */
export async function writeSearchState(dir: string, state: SearchIndexState): Promise<void> {
  await (await stageSearchState(dir, state)).commit();
}

/** Writes the search index state under a temporary name, to replace the last build's when committed. */
export async function stageSearchState(dir: string, state: SearchIndexState): Promise<StagedFile> {
  return stageFile(path.join(dir, SEARCH_STATE), (temporary) => writeFile(temporary, encodeSearchIndexState(state)));
}

const REPRINTS = 'reprints.bin';

/** Reads what the last build's reprint search left (signatures and checked pairs, src/reprints/), or an empty memo. */
export async function readReprintMemo(dir: string): Promise<ReprintMemo> {
  const bytes = await readFile(path.join(dir, REPRINTS)).catch(() => null);
  return bytes ? decodeMemo(bytes, HASHES) : emptyMemo();
}

/** Saves the reprint memo for the next build (written whole, then renamed into place). */
export async function writeReprintMemo(dir: string, memo: ReprintMemo): Promise<void> {
  await (await stageReprintMemo(dir, memo)).commit();
}

/** Writes the reprint memo under a temporary name, to replace the last build's when committed. */
export async function stageReprintMemo(dir: string, memo: ReprintMemo): Promise<StagedFile> {
  return stageFile(path.join(dir, REPRINTS), (temporary) => writeFile(temporary, memoParts(memo)));
}
