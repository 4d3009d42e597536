/**
 * The pipeline, end to end:
 *
 *   read (disk) → parse → assemble issues → site model → render + api + search index → write (disk)
 *
 * `buildSite` runs every stage but the last and returns the site in memory (tests use it);
 * `build` also writes it, replacing the output folder only when everything succeeded, while
 * holding the output folder's lock (src/lock.ts). An unexpected failure is thrown as a
 * BuildError naming the stage it happened in; the previous site stays.
 */
import { existsSync } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { VFile } from 'vfile';
import { renderApiBatches } from './api.js';
import { assembleIssues } from './assemble.js';
import { hasErrors } from './diagnostics.js';
import { renderFeeds } from './feeds.js';
import { renderExports } from './export.js';
import { renderOnThisDay } from './on-this-day.js';
import { parseInParallel } from './parallel.js';
import { cacheKey, parserFingerprint, readCacheEntry, readReprintMemo, readSearchState, removeStaleEntries, stageReprintMemo, stageSearchState, withoutTrace, writeCacheEntries } from './cache.js';
import { emptyMemo, findReprints, linkReprints, reprintTexts } from './reprints/index.js';
import type { StagedFile } from './staged-file.js';
import { COMPILED, listSources, PROJECT_ROOT, readCompiledBrowserCode, readPublicAssets, readSource, readTemplates } from './read.js';
import { renderSiteBatches } from './render/index.js';
import { bundleBrowserCode, searchIndexBatches, type SearchIndexState } from './search/index.js';
import { dropManifest, entityKeys, issueKeys, manifestOf, markUnchanged, outputCacheDir, readReusable, removedFiles, renderFingerprint, reusedFiles, unchangedKeys, writeManifest, type ReuseManifest } from './reuse.js';
import { buildSiteModel, siteIndex, type Site, type SiteArticle } from './site.js';
import { htmlPageUrls, renderRobots, renderSitemap } from './sitemap.js';
import { isUrlPath, parseOrigin } from './config.js';
import { streamWorker } from './workers.js';
import { shipIssues } from './shipped-site.js';
import type { OutputFile, Paper, ParsedPage, SourcePage } from './types.js';
import papersJson from './papers.json' with { type: 'json' };
import { GENERATOR } from './version.js';
import { measureStreamed, streamed } from './streamed.js';
import { LockBusyError, lockOutput, type LockHolder } from './lock.js';
import { openStaging, openUpdate, recoverOutput } from './write.js';
import { annotateSite } from './entities/annotate.js';
import { analysisFingerprint, readAnalyses, stageAnalyses } from './entities/cache.js';

/** Path of the search meta file, whose digest ties the saved search state to the output. */
const SEARCH_META = 'search/meta.json.gz';

export interface BuildOptions {
  /** Folder of page files (read only). */
  input: string;
  /** URL prefix the site is served under; normalised to start and end with '/'. */
  base?: string;
  /** Paper registry; defaults to src/papers.json (see `BUILT_IN_PAPERS`). */
  papers?: Paper[];
  /**
   * Where the site is served, `https://host[:port]` (the base is added): canonical links,
   * og:url, feeds and the sitemap then carry absolute URLs.
   */
  origin?: string;
  /** The site's name, instead of the one in templates/layout.html. */
  title?: string;
  /** Cache folder (parsed pages, render manifest), or false for none (the default). */
  cache?: string | false;
  /**
   * Keep every article's source blocks and their reasons (what --explain prints); default true.
   * Without it, pages come from the cache without the trace, which is most of their size.
   */
  trace?: boolean;
  /** Worker threads for parsing (default: one per core; 1 parses on the main thread). */
  threads?: number;
  /** Called as stages advance, for a progress display. */
  onProgress?: (stage: string, done: number, total: number) => void;
}

/** What `build` needs besides the build options: where to write, and how to share the folder. */
export interface WriteOptions {
  /** Output folder, replaced or updated only when the build succeeds. */
  out: string;
  /** Wait while another build writes `out` (the default), or throw LockBusyError at once. */
  wait?: boolean;
  /** Told when the build waits for another build of `out`, or takes over the lock of one that is gone. */
  onLock?: (event: 'wait' | 'take-over', holder: LockHolder) => void;
  /**
   * When some inputs are rejected (exit status 1) and `out` already holds a site, leave that
   * site as it is instead of publishing the rest (the dev server's rule: a page broken while
   * being edited does not vanish from the preview). `kept` is then true in the result.
   */
  keepSiteWhenRejected?: boolean;
}

/** The papers the build knows without configuration (src/papers.json). */
export const BUILT_IN_PAPERS = papersJson as Paper[];

/**
 * Where the command keeps its cache: `node_modules/.cache/baokan` of the project the working
 * directory belongs to (the nearest folder with a package.json, as other tools do), else of
 * baokan's own folder.
 */
export function defaultCacheDir(cwd = process.cwd()): string {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return path.join(dir, 'node_modules/.cache/baokan');
    if (dir === path.dirname(dir)) return path.join(PROJECT_ROOT, 'node_modules/.cache/baokan');
  }
}

export interface BuildResult {
  site: Site;
  files: OutputFile[];
  /** One vfile per input file, carrying its diagnostics. */
  reports: VFile[];
  /** Parsed pages by source path, for --explain (without blocks unless `trace`). */
  parsed: Map<string, ParsedPage>;
  /** Sources rejected with an error. */
  rejected: string[];
  /** Parse cache bookkeeping: how many pages were parsed vs taken from the cache. */
  cacheStats: { parsed: number; cached: number };
  /** Issues whose pages were reused from the previous build instead of rendered. */
  reusedIssues: number;
  /** Entity pages reused from the previous build instead of rendered. */
  reusedEntities: number;
  /** Last build's manifest when its output can be reused, else null. */
  previous: ReuseManifest | null;
  /** Render key of every issue and every entity page, for the reuse manifest. */
  renderKeys: { issues: Map<string, string>; entities: Map<string, string> };
  /** Keys of the parse cache entries this build used (`build` removes the others once it has succeeded). */
  cacheKeys: Set<string>;
  /** Signatures and pair checks this build computed rather than took from the last build's memo. */
  signaturesComputed: number;
  pairsCompared: number;
  /** The reprint memo differs from the one the build started with (it is saved only then). */
  reprintMemoChanged: boolean;
  /** How many article analyses (entities, terms) were made afresh and read from the cache (src/entities/). */
  analyses: { analysed: number; read: number };
  /** What `build` wrote: files and bytes written, files left as the last build wrote them. */
  written?: { files: number; bytes: number; unchanged: number };
  /** True when `keepSiteWhenRejected` left the previous site in place of this one. */
  kept?: boolean;
  /** 0 when every input was used, 1 when some were rejected (contract §1). */
  exitCode: 0 | 1;
}

/** Thrown for a usage or configuration problem (exit status 2; nothing is written). */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * An unexpected failure (a bug, a full disk, a broken template), with the stage the build was
 * in: "rendering", "writing dist/". The original error is the `cause`.
 */
export class BuildError extends Error {
  override name = 'BuildError';
  constructor(
    readonly stage: string,
    override readonly cause: unknown,
  ) {
    super(`${stage}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

/** `error` as a BuildError of `stage`, unless it is a usage error or already names its stage. */
function inStage(stage: string, error: unknown): unknown {
  return error instanceof UsageError || error instanceof LockBusyError || error instanceof BuildError ? error : new BuildError(stage, error);
}

/** A folder as messages show it: `dist/`. */
function asFolder(folder: string): string {
  return folder.endsWith('/') ? folder : `${folder}/`;
}

/** Runs `fn`, naming `stage` in what it throws. */
async function during<T>(stage: string, fn: () => Promise<T> | T): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw inStage(stage, error);
  }
}

/** Normalises a --base value to '/' or '/sub/path/'. */
export function normaliseBase(base = '/'): string {
  if (!isUrlPath(base)) {
    throw new UsageError(`--base must be a URL path such as /archive/, not ${JSON.stringify(base)}`);
  }
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** Runs every stage except writing; returns the site and its files in memory. */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const html: OutputFile[] = [];
  const result = await runPipeline(options, null, null, async (batch) => {
    html.push(...batch);
  });
  return { ...result, files: sortByPath([...html, ...result.files]) };
}

/**
 * Builds and writes the site to `out`. HTML is written batch by batch as it is rendered, so it
 * is never all in memory. With a cache whose manifest describes `out`, the folder is updated in
 * place: only files whose bytes changed are written, and files of the last build that are gone
 * are deleted. Otherwise the site is written to a staging folder that replaces `out` whole.
 * Either way a failed or killed build leaves the previous site (see write.ts).
 */
export async function build(options: BuildOptions & WriteOptions): Promise<BuildResult> {
  checkFolders(options.input, options.out);
  const lock = await during(`locking ${asFolder(options.out)}`, async () => {
    await mkdir(path.dirname(path.resolve(options.out)), { recursive: true });
    return lockOutput(options.out, {
      wait: options.wait ?? true,
      onWait: (holder) => options.onLock?.('wait', holder),
      onTakeOver: (holder) => options.onLock?.('take-over', holder),
    });
  });
  try {
    return await buildLocked(options);
  } finally {
    await lock.release();
  }
}

/** `build` once the lock of the output folder is held. */
async function buildLocked(options: BuildOptions & WriteOptions): Promise<BuildResult> {
  const writing = `writing ${asFolder(options.out)}`;
  const outCache = options.cache ? outputCacheDir(options.cache, options.out) : null;
  const { previous, searchState, target, hadSite } = await during(`preparing ${asFolder(options.out)}`, async () => {
    await recoverOutput(options.out);
    const hadSite = await stat(options.out).then((s) => s.isDirectory(), () => false);
    const previous = outCache ? await readReusable(outCache, options.out) : null;
    const searchState = previous && outCache ? await readSearchState(outCache, previous.digests[SEARCH_META]) : null;
    return { previous, searchState, target: await openTarget(options.out, previous, outCache), hadSite };
  });
  const digests: Record<string, string> = {};
  const written = { files: 0, bytes: 0, unchanged: 0 };
  const listed: OutputFile[] = [];
  const write = async (batch: OutputFile[]): Promise<void> => {
    // A streamed file (the exports) is made once to digest it, and again only if it changed.
    const streamed = new Map<string, { digest: string; size: number }>();
    if (options.cache) for (const f of batch) if (f.stream) streamed.set(f.path, await measureStreamed(f.stream));
    const marked = options.cache ? markUnchanged(batch, previous, new Map([...streamed].map(([p, m]) => [p, m.digest]))) : { files: batch, digests: {} };
    Object.assign(digests, marked.digests);
    const changed = marked.files.filter((f) => !f.unchanged).map((f) => (f.stream && !streamed.has(f.path) ? counted(f, (n) => (written.bytes += n)) : f));
    written.unchanged += marked.files.length - changed.length;
    written.files += changed.length;
    for (const f of changed) written.bytes += f.stream ? (streamed.get(f.path)?.size ?? 0) : typeof f.contents === 'string' ? Buffer.byteLength(f.contents) : f.contents.byteLength;
    await during(writing, () => target.write(changed));
    for (const f of marked.files) listed.push({ path: f.path, contents: '', ...(f.unchanged ? { unchanged: true } : {}) });
  };
  // Cache files the stages write as they end, put in place only once the site is (src/staged-file.ts).
  const save: CacheSave | null = options.cache && outCache ? { dir: options.cache, outDir: outCache, staged: [] } : null;
  const abortSaving = (): Promise<unknown> => Promise.all((save?.staged ?? []).map((f) => f.abort().catch(() => undefined)));
  let result: BuildResult;
  try {
    result = await runPipeline(options, previous, searchState, write, save);
    options.onProgress?.('write', 0, result.files.length);
    await write(result.files);
    result = { ...result, files: sortByPath(listed), written };
  } catch (error) {
    await target.abort().catch(() => undefined);
    await abortSaving();
    throw inStage(writing, error);
  }
  if (options.keepSiteWhenRejected && result.exitCode !== 0 && hadSite) {
    await abortSaving();
    await during(writing, () => target.abort());
    return { ...result, written: { files: 0, bytes: 0, unchanged: 0 }, kept: true };
  }
  try {
    await during(writing, () => target.commit(previous ? removedFiles(previous, result.files) : []));
  } catch (error) {
    await abortSaving();
    throw error;
  }
  if (save) {
    await during('saving the cache', async () => {
      try {
        await removeStaleEntries(path.join(save.dir, 'parse'), result.cacheKeys);
        await writeManifest(save.outDir, manifestOf(result.site, result.renderKeys, result.files, options.out, digests));
        // After the manifest, as before: the search state is read only with the manifest's digest of its meta.
        for (const file of save.staged) await file.commit();
      } catch (error) {
        await abortSaving();
        throw error;
      }
    });
  }
  return result;
}

/**
 * Where `build` saves its caches: each stage writes what it leaves for the next build as it
 * ends (fresh parse entries straight into place, the rest as staged files that `build` commits
 * when the site is written, or removes), instead of holding it to the end.
 */
interface CacheSave {
  /** The cache folder (parse entries, analyses, reprint memo). */
  dir: string;
  /** The output's own cache folder (manifest, search state). */
  outDir: string;
  staged: StagedFile[];
}

/** A streamed file whose bytes are counted as they are written. */
function counted(file: OutputFile, add: (bytes: number) => void): OutputFile {
  const source = file.stream!;
  return {
    ...file,
    stream: streamed(async function* () {
      for await (const chunk of source) {
        add(chunk.byteLength);
        yield chunk;
      }
    }),
  };
}

/** The output folder being written: updated in place, or replaced by a staging folder. */
interface Target {
  write(files: OutputFile[]): Promise<void>;
  /** Makes the new site the output; `removed` are the last build's files it no longer has. */
  commit(removed: string[]): Promise<void>;
  abort(): Promise<void>;
}

async function openTarget(out: string, previous: ReuseManifest | null, outCache: string | null): Promise<Target> {
  if (!previous || !outCache) {
    const staging = await openStaging(out);
    return { write: (f) => staging.write(f), commit: () => staging.commit(), abort: () => staging.abort() };
  }
  const update = await openUpdate(out);
  return {
    write: (f) => update.write(f),
    async commit(removed) {
      // The manifest would no longer describe the folder once the update starts changing it.
      await dropManifest(outCache);
      await update.commit(removed);
    },
    abort: () => update.abort(),
  };
}

/**
 * Every stage but the write. Rendered HTML goes to `onFiles` batch by batch (site-wide pages,
 * then each paper's and each issue's pages), and so do the search index's files and the data
 * API's; every other output is returned in `files`.
 */
async function runPipeline(
  options: BuildOptions,
  previous: ReuseManifest | null,
  searchState: SearchIndexState | null,
  onFiles: (batch: OutputFile[]) => Promise<void>,
  save: CacheSave | null = null,
): Promise<BuildResult> {
  const stage = { name: 'reading the input' };
  try {
    return await runStages(options, previous, searchState, onFiles, save, stage);
  } catch (error) {
    throw inStage(stage.name, error);
  }
}

/** The stages of `runPipeline`, naming the current one in `stage` for the message of a failure. */
async function runStages(
  options: BuildOptions,
  previous: ReuseManifest | null,
  searchState: SearchIndexState | null,
  onFiles: (batch: OutputFile[]) => Promise<void>,
  save: CacheSave | null,
  stage: { name: string },
): Promise<BuildResult> {
  const inputStat = await stat(options.input).catch(() => null);
  if (!inputStat?.isDirectory()) throw new UsageError(`--input ${options.input} is not a folder`);
  const base = normaliseBase(options.base);
  const origin = options.origin === undefined ? null : parseOrigin(options.origin);
  if (origin === null && options.origin !== undefined) throw new UsageError(`--origin must be an https:// origin such as https://example.org, not ${JSON.stringify(options.origin)}`);
  const papers = options.papers ?? BUILT_IN_PAPERS;
  // Stage 1: read (disk): each page file, then at once its cache entry, so reading and
  // decoding of some files overlap the waits for others.
  const parseDir = options.cache ? path.join(options.cache, 'parse') : null;
  // The compiled command's parser is somewhere in lib/: any change to lib/ is a new parser.
  const fingerprint = parseDir ? await parserFingerprint(path.join(PROJECT_ROOT, COMPILED ? 'lib' : 'src/parse'), papers) : '';
  const trace = options.trace ?? true;
  const cached = new Map<string, ParsedPage>();
  const sources = await listSources(options.input);
  const reads = await Promise.all(
    sources.map(async (s) => {
      const read = await readSource(options.input, s);
      const p = read.page;
      const key = p ? cacheKey(fingerprint, p.source, p.body, p.bodyLine) : '';
      const entry = p && parseDir ? await readCacheEntry(parseDir, key, trace) : null;
      if (entry) cached.set(key, entry);
      return { file: read.file, page: read.page, key };
    }),
  );
  const [templates, publicAssets, browserCode] = await Promise.all([readTemplates(), readPublicAssets(), COMPILED ? readCompiledBrowserCode() : bundleBrowserCode()]);
  const pages = reads.flatMap((r) => (r.page ? [r.page] : []));
  const keys = reads.flatMap((r) => (r.page ? [r.key] : []));
  // Every page shows the origin (canonical link) and the title: both are part of the render key.
  const renderCode = COMPILED ? ['lib/*.js'] : undefined;
  const renderPrint = options.cache ? `${await renderFingerprint(PROJECT_ROOT, templates, GENERATOR, renderCode)}\0${origin ?? ''}\0${options.title ?? ''}` : '';
  // Stage 2: parse each page (or take it from the cache).
  stage.name = 'parsing';
  const cacheKeys = new Set(keys);
  const misses = pages.flatMap((page, i) => (cached.has(keys[i] as string) ? [] : [i]));
  options.onProgress?.('parse', 0, misses.length);
  const fresh = await parseInParallel(
    misses.map((i) => ({ source: pages[i]!.source, body: pages[i]!.body, bodyLine: pages[i]!.bodyLine })),
    papers,
    options.threads,
  );
  const parsedFresh = misses.length;
  misses.forEach((i, k) => cached.set(keys[i] as string, fresh[k] as ParsedPage));
  // Fresh entries with their trace (two thirds of an entry) are saved now, not held to the end.
  if (save) await writeCacheEntries(path.join(save.dir, 'parse'), misses.map((i, k) => [keys[i] as string, fresh[k] as ParsedPage] as const));
  fresh.length = 0;
  const parsedPages = pages.map((page, i) => {
    const parsed = cached.get(keys[i] as string) as ParsedPage;
    // Without the trace, freshly parsed pages are built exactly like cached ones.
    return { page, parsed: trace ? parsed : withoutTrace(parsed) };
  });
  cached.clear();
  // Stages 3–4: assemble issues, the site model.
  stage.name = 'assembling issues';
  options.onProgress?.('assemble', 0, 1);
  const issues = assembleIssues(parsedPages, papers);
  const site: Site = { ...buildSiteModel(issues, base, GENERATOR), ...(origin ? { origin } : {}), ...(options.title ? { title: options.title } : {}) };
  // Reprints link articles across issues: found over the whole archive, from cached signatures.
  stage.name = 'finding reprints';
  options.onProgress?.('reprints', 0, 1);
  const reprints = await reprintStage(site, options.cache || null, save);
  // Stage 4b: people, places, organisations and related articles (analyses cached per article).
  stage.name = 'finding entities';
  options.onProgress?.('entities', 0, 1);
  const analyses = await entityStage(site, options, save);
  // Stages 5–6: render HTML, the data API, feeds and the search index.
  stage.name = 'rendering';
  options.onProgress?.('render', 0, 1);
  const renderKeys = { issues: issueKeys(site, renderPrint), entities: entityKeys(site, renderPrint) };
  const skip = unchangedKeys(renderKeys.issues, previous?.issues);
  const skipEntities = unchangedKeys(renderKeys.entities, previous?.entities);
  const reused = [...[...skip].flatMap((id) => reusedFiles(previous?.issues, id)), ...[...skipEntities].flatMap((id) => reusedFiles(previous?.entities, id))];
  // HTML and the search index are independent: on large sites the HTML is rendered in a worker
  // while this thread builds the index.
  const toRender = site.articles.length - reusedArticles(site, skip);
  const parallel = toRender >= MIN_ARTICLES_FOR_RENDER_WORKER && (options.threads ?? availableParallelism()) > 1;
  // Every HTML page's path, for the sitemap.
  const pagePaths = reused.map((f) => f.path);
  const collect = (batch: OutputFile[]): Promise<void> => {
    for (const f of batch) pagePaths.push(f.path);
    return onFiles(batch);
  };
  const html = parallel
    ? streamWorker<OutputFile[]>('render-worker', { index: siteIndex(site), templates, skipIssues: [...skip], skipEntities: [...skipEntities] }, RENDER_BATCHES_AHEAD, collect, shipIssues(site, skip, trace))
    : (async () => {
        for (const batch of renderSiteBatches(site, templates, { skipIssues: skip, skipEntities, citations: true })) await collect(batch);
      })();
  // Whatever happens below, the HTML stream must have settled before an error propagates.
  const rendered = html.catch((error: unknown) => {
    throw inStage('rendering', error);
  });
  rendered.catch(() => undefined);
  stage.name = 'indexing for search';
  options.onProgress?.('index', 0, 1);
  const indexFiles = await indexStage(site, searchState, options.threads, onFiles, save);
  await rendered;
  stage.name = 'rendering';
  options.onProgress?.('api', 0, 1);
  // The data API repeats every article: written a batch at a time too.
  for (const batch of renderApiBatches(site, skip)) await onFiles(batch);
  const sitemap = renderSitemap(htmlPageUrls(pagePaths, base), { base, origin });
  const files = [...reused, ...renderOnThisDay(site), ...renderFeeds(site), ...renderExports(site), ...sitemap, renderRobots({ base, origin }), ...indexFiles, ...browserCode, ...publicAssets];
  const reports = reads.map((r) => r.file);
  const rejected = reports.filter(hasErrors).map((f) => String(f.path));
  return {
    site,
    files,
    reports,
    parsed: new Map(parsedPages.map(({ page, parsed }) => [page.source, parsed])),
    rejected,
    cacheStats: { parsed: parsedFresh, cached: pages.length - parsedFresh },
    reusedIssues: skip.size,
    reusedEntities: skipEntities.size,
    previous,
    renderKeys,
    cacheKeys,
    ...reprints,
    analyses,
    exitCode: rejected.length > 0 ? 1 : 0,
  };
}

/**
 * Builds the search index, its files going to `onFiles` a batch at a time like the HTML (never
 * all in memory). Its state (the postings, for the next build to append to) is saved as the
 * stage ends and let go with it: the data API and the write do not need it. Returns the files
 * that come last (meta).
 */
async function indexStage(
  site: Site,
  previous: SearchIndexState | null,
  threads: number | undefined,
  onFiles: (batch: OutputFile[]) => Promise<void>,
  save: CacheSave | null,
): Promise<OutputFile[]> {
  const indexing = searchIndexBatches(site, { previous, threads });
  let step = indexing.next();
  for (; !step.done; step = indexing.next()) await onFiles(step.value);
  const { files, state } = step.value;
  // The same meta (it digests every index file) means the same index: nothing to save.
  if (save && state.meta !== previous?.meta) save.staged.push(await stageSearchState(save.outDir, state));
  return files;
}

/**
 * Finds the reprints over the whole archive from the last build's memo (read here, from
 * `cacheDir`) and links them on the site model; the new memo is saved (when it changed) as the
 * stage ends, so neither memo outlives the stage.
 */
async function reprintStage(
  site: Site,
  cacheDir: string | null,
  save: CacheSave | null,
): Promise<Pick<BuildResult, 'signaturesComputed' | 'pairsCompared' | 'reprintMemoChanged'>> {
  const memo = cacheDir ? await readReprintMemo(cacheDir) : emptyMemo();
  const found = findReprints(reprintTexts(site), memo);
  linkReprints(site, found.reprints);
  const changed = found.computed > 0 || found.compared > 0 || found.memo.signatures.size !== memo.signatures.size || found.memo.checked.keys.length !== memo.checked.keys.length;
  if (save && changed) save.staged.push(await stageReprintMemo(save.dir, found.memo));
  return { signaturesComputed: found.computed, pairsCompared: found.compared, reprintMemoChanged: changed };
}

/**
 * Annotates the site with its entities and related articles, analysing only what the analysis
 * cache lacks; the analyses this build used are saved as the stage ends (when they changed).
 */
async function entityStage(site: Site, options: BuildOptions, save: CacheSave | null): Promise<BuildResult['analyses']> {
  const cache = options.cache
    ? { fingerprint: await analysisFingerprint(path.join(PROJECT_ROOT, COMPILED ? 'lib' : 'src/entities')), previous: await readAnalyses(path.join(options.cache, 'entities')) }
    : null;
  const { entries, analysed } = await annotateSite(site, cache, options.threads);
  const read = cache?.previous.size ?? 0;
  if (save && (analysed > 0 || entries.size !== read)) save.staged.push(await stageAnalyses(path.join(save.dir, 'entities'), entries));
  return { analysed, read };
}

/** Articles in the issues whose pages are reused rather than rendered. */
function reusedArticles(site: Site, skip: Set<string>): number {
  let n = 0;
  for (const paper of site.papers) {
    for (const issue of paper.issues) if (skip.has(issue.id)) for (const page of issue.pages) n += page.articles.length;
  }
  return n;
}

function sortByPath(files: OutputFile[]): OutputFile[] {
  checkUniquePaths(files);
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Issue batches the render worker may run ahead of the writer (bounds memory). */
const RENDER_BATCHES_AHEAD = 32;

/** Below this many articles, a render worker costs more than it saves. */
const MIN_ARTICLES_FOR_RENDER_WORKER = 500;

/** Refuses output folders that would overwrite or contain the input. */
function checkFolders(input: string, out: string): void {
  const i = path.resolve(input);
  const o = path.resolve(out);
  const inside = (child: string, parent: string): boolean => child === parent || child.startsWith(parent + path.sep);
  if (inside(o, i)) throw new UsageError(`--out ${out} is inside the input folder ${input}; the input folder is never written`);
  if (inside(i, o)) throw new UsageError(`--out ${out} contains the input folder ${input}; replacing it would delete the input`);
  if (o === path.parse(o).root) throw new UsageError(`--out ${out} is a filesystem root`);
}

/** Two stages writing the same path is a programmer error: fail before anything is written. */
function checkUniquePaths(files: OutputFile[]): void {
  const seen = new Set<string>();
  for (const f of files) {
    if (seen.has(f.path)) throw new Error(`baokan: two outputs write ${f.path}; every page, API file and asset needs its own path`);
    seen.add(f.path);
  }
}
