/**
 * `npm run bench`: first times starting the command (scripts/bench-cli.ts), then builds
 * synthetic archives of real text (1k and 10k articles; 10k and 200k with --large), measures the
 * build and the search, and runs Pagefind on the same HTML in the same run (up to 200k
 * articles) so every search figure is also given as a ratio baokan / Pagefind. A growth table
 * across the sizes shows how each cost scales.
 *
 *   npm run bench -- [--sizes 1000,10000] [--large] [--queries 20] [--cli-runs 9] [--no-cli] [--write]
 *   npm run bench -- --search DIR [--queries 20]   (the search of a site already built in DIR,
 *                                                  beside Pagefind's index when DIR/pagefind has one)
 *
 * --write replaces the results sections of BENCHMARKS.md. Machines are noisy: read the ratios.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import sirv from 'sirv';
import { createLoader } from '../src/browser/loader.js';
import { runQuery } from '../src/browser/engine.js';
import { normalize, parseQuery } from '../src/search/tokenize.js';
import { benchCli, writeCliSection } from './bench-cli.js';
import { extraPage, iterateArchive } from './gen-archive.js';
import { mulberry32 } from './prng.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    sizes: { type: 'string' },
    large: { type: 'boolean', default: false },
    'no-cli': { type: 'boolean', default: false },
    search: { type: 'string' },
    queries: { type: 'string', default: '20' },
    write: { type: 'boolean', default: false },
    'cli-runs': { type: 'string', default: '9' },
  },
});
const sizes = (values.sizes ?? (values.large ? '10000,200000' : '1000,10000')).split(',').map(Number);
/** Pagefind takes as long as the build and more: beyond this size baokan runs alone. */
const PAGEFIND_MAX = 200_000;
const QUERY_COUNT = Number(values.queries);
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

interface BuildRun {
  ms: number;
  maxRssMiB: number;
  articles: number;
  pages: number;
  files: number;
  bytes: number;
  /** Files written (not left as they were). */
  written: number;
  parsed: number;
  rejected: number;
  /** Peak RSS (MiB) while each stage the build reports ran (the full build only). */
  stagePeaks?: Record<string, number>;
}

/** Runs one build in a child process and returns what it printed. */
function runBuild(input: string, out: string, cache: string, stages = false): BuildRun {
  const args = ['--import', 'tsx', path.join(ROOT, 'scripts/bench-build.ts'), '--input', input, '--out', out, '--cache', cache, ...(stages ? ['--stages'] : [])];
  const r = spawnSync(process.execPath, args, {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (r.status !== 0 && r.status !== 1) throw new Error(`bench: build failed (${r.status}): ${r.stderr}`);
  const line = r.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as BuildRun;
}

async function sizeOf(dir: string, filter: (rel: string) => boolean = () => true): Promise<{ bytes: number; files: number; widest: { folder: string; entries: number } }> {
  let bytes = 0;
  let files = 0;
  const entries = new Map<string, number>();
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const folder = path.relative(dir, e.parentPath);
    entries.set(folder, (entries.get(folder) ?? 0) + 1);
    if (!e.isFile()) continue;
    const rel = path.relative(dir, path.join(e.parentPath, e.name));
    if (!filter(rel)) continue;
    bytes += (await stat(path.join(dir, rel))).size;
    files++;
  }
  let widest = { folder: '', entries: 0 };
  for (const [folder, n] of entries) if (n > widest.entries) widest = { folder, entries: n };
  return { bytes, files, widest };
}


interface Doc {
  url: string;
  text: string;
}

/** The articles as the search index sees them (docs/<i>.json.gz), in index order. */
async function readDocs(out: string): Promise<Doc[]> {
  const dir = path.join(out, 'search/docs');
  const names = (await readdir(dir, { recursive: true })).filter((n) => n.endsWith('.json.gz'));
  const docs: Doc[] = [];
  for (const n of names) {
    const i = Number(path.basename(n).split('.')[0]);
    const doc = JSON.parse(gunzipSync(await readFile(path.join(dir, n))).toString('utf8')) as { url: string; text: string };
    docs[i] = { url: doc.url, text: normalize(doc.text) };
  }
  return docs;
}

/** Queries people type: 2–4 character Han runs taken from random articles, plus a few names and campaigns. */
function pickQueries(docs: Doc[], count: number): string[] {
  const rand = mulberry32(20261124);
  const queries = new Set<string>(['进博会', '旧改', '疫情防控', '党史学习教育']);
  while (queries.size < count) {
    const doc = docs[Math.floor(rand() * docs.length)];
    const runs = doc?.text.match(/\p{Script=Han}{4,}/gu) ?? [];
    const run = runs[Math.floor(rand() * runs.length)];
    if (!run) continue;
    const len = 2 + Math.floor(rand() * 3);
    const at = Math.floor(rand() * (run.length - len + 1));
    queries.add(run.slice(at, at + len));
  }
  return [...queries].slice(0, count);
}

/** Exactly the articles whose normalized text contains every term of the query. */
function oracle(docs: Doc[], query: string): Set<string> {
  const terms = parseQuery(query).map(normalize);
  return new Set(docs.filter((d) => terms.every((t) => d.text.includes(t))).map((d) => d.url));
}

function recallPrecision(found: Set<string>, truth: Set<string>): { recall: number; precision: number } {
  let hit = 0;
  for (const u of found) if (truth.has(u)) hit++;
  return { recall: truth.size ? hit / truth.size : 1, precision: found.size ? hit / found.size : 1 };
}

/** baokan's full result set for a query, computed by the browser engine over the built files. */
async function baokanResults(out: string, docs: Doc[], query: string): Promise<Set<string>> {
  const loader = createLoader('/search/', async (url) => new Uint8Array(await readFile(path.join(out, url.replace(/^\//, '').replace(/\?.*$/, '')))));
  const matches = await runQuery(parseQuery(query), loader);
  return new Set(matches.map((m) => docs[m.doc]?.url ?? ''));
}

function serve(dir: string): Promise<{ server: Server; origin: string }> {
  const files = sirv(dir, { dev: true });
  const server = createServer((req, res) => files(req, res, () => {
    res.writeHead(404).end();
  }));
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    resolve({ server, origin: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` });
  }));
}

interface Transfer {
  bytes: number;
  requests: number;
  roundTrips: number;
  ms: number;
}

/**
 * Records what the page fetches while `action` runs: gzipped bytes (files already gzipped count
 * as they are, others as gzip would send them), request count and sequential round trips.
 */
async function measure(page: Page, action: () => Promise<void>, skip: (url: string) => boolean): Promise<Transfer> {
  const log: { start: number; end: number; bytes: number }[] = [];
  const starts = new Map<object, number>();
  const onRequest = (req: object): void => void starts.set(req, performance.now());
  const onFinished = async (req: import('playwright-core').Request): Promise<void> => {
    if (skip(req.url())) return;
    const res = await req.response();
    const body = res ? await res.body().catch(() => Buffer.alloc(0)) : Buffer.alloc(0);
    const gz = body[0] === 0x1f && body[1] === 0x8b ? body.length : gzipSync(body).length;
    log.push({ start: starts.get(req) ?? 0, end: performance.now(), bytes: gz });
  };
  page.on('request', onRequest);
  page.on('requestfinished', onFinished);
  const started = performance.now();
  await action();
  const ms = performance.now() - started;
  await new Promise((r) => setTimeout(r, 50));
  page.off('request', onRequest);
  page.off('requestfinished', onFinished);
  // A request's round trip is one more than the deepest request that finished before it began.
  const sorted = [...log].sort((a, b) => a.start - b.start);
  const depth: number[] = [];
  sorted.forEach((r, i) => {
    let d = 1;
    for (let j = 0; j < i; j++) if ((sorted[j]?.end ?? 0) <= r.start) d = Math.max(d, (depth[j] ?? 0) + 1);
    depth[i] = d;
  });
  return { bytes: log.reduce((n, r) => n + r.bytes, 0), requests: log.length, roundTrips: Math.max(0, ...depth), ms };
}

const PAGEFIND_PAGE = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>pagefind bench</title>
<script type="module">
let pf;
window.pfSearch = async (q, all) => {
  pf ??= await import('/pagefind/pagefind.js');
  const r = await pf.search(q);
  const shown = await Promise.all((all ? r.results : r.results.slice(0, 10)).map((x) => x.data()));
  return { count: r.results.length, urls: shown.map((d) => d.url) };
};
</script></html>`;

interface SearchFigures {
  coldBytes: number[];
  coldRequests: number[];
  coldRoundTrips: number[];
  warmBytes: number[];
  latency: number[];
  recall: number;
  precision: number;
}

const emptyFigures = (): SearchFigures => ({ coldBytes: [], coldRequests: [], coldRoundTrips: [], warmBytes: [], latency: [], recall: 0, precision: 0 });

async function benchSearch(browser: Browser, origin: string, out: string, docs: Doc[], queries: string[], withPagefind: boolean) {
  const baokan = emptyFigures();
  const pagefind = emptyFigures();
  let hitB = 0, foundB = 0, hitP = 0, foundP = 0, truthN = 0;
  // The page itself, its styles and the favicon (requested whenever the browser gets to it).
  const htmlOrCss = (u: string): boolean => /\/search\/(\?|$)|\.css(\?|$)|favicon|pagefind-bench\.html/.test(u);
  for (let i = 0; i < queries.length; i++) {
    const q = queries[i] as string;
    const next = queries[(i + 1) % queries.length] as string;
    const truth = oracle(docs, q);
    truthN += truth.size;
    // baokan: a cold first query in a fresh context, then a warm one typed into the box.
    {
      const context = await browser.newContext();
      const page = await context.newPage();
      const cold = await measure(page, async () => {
        await page.goto(`${origin}/search/?q=${encodeURIComponent(q)}`);
        await page.waitForSelector('[data-search-status="done"]', { timeout: 60_000 });
      }, htmlOrCss);
      baokan.coldBytes.push(cold.bytes);
      baokan.coldRequests.push(cold.requests);
      baokan.coldRoundTrips.push(cold.roundTrips);
      const warm = await measure(page, async () => {
        // The search page's own box (#q): the header's box is a plain form that loads the page again.
        await page.fill('#q', next);
        await page.press('#q', 'Enter');
        await page.waitForFunction(
          (want) => new URL(location.href).searchParams.get('q') === want && document.querySelector('[data-search-status]')?.getAttribute('data-search-status') === 'done',
          next,
          { timeout: 60_000 },
        );
      }, htmlOrCss);
      baokan.warmBytes.push(warm.bytes);
      baokan.latency.push(warm.ms);
      await context.close();
      process.stderr.write(`  ${q}: cold ${kb(cold.bytes)} KB in ${cold.roundTrips} round trips; then ${next}: warm ${kb(warm.bytes)} KB, ${warm.ms.toFixed(0)} ms\n`);
    }
    const found = await baokanResults(out, docs, q);
    for (const u of found) if (truth.has(u)) hitB++;
    foundB += found.size;
    // Pagefind: the same two steps through its JS API.
    if (withPagefind) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${origin}/pagefind-bench.html`);
      const cold = await measure(page, async () => void (await page.evaluate((query) => (window as unknown as { pfSearch: (q: string, a: boolean) => Promise<unknown> }).pfSearch(query, false), q)), htmlOrCss);
      pagefind.coldBytes.push(cold.bytes);
      pagefind.coldRequests.push(cold.requests);
      pagefind.coldRoundTrips.push(cold.roundTrips);
      const warm = await measure(page, async () => void (await page.evaluate((query) => (window as unknown as { pfSearch: (q: string, a: boolean) => Promise<unknown> }).pfSearch(query, false), next)), htmlOrCss);
      pagefind.warmBytes.push(warm.bytes);
      pagefind.latency.push(warm.ms);
      const all = (await page.evaluate((query) => (window as unknown as { pfSearch: (q: string, a: boolean) => Promise<{ urls: string[] }> }).pfSearch(query, true), q)) as { urls: string[] };
      const pfFound = new Set(all.urls.map((u) => u.replace(/index\.html$/, '')));
      for (const u of pfFound) if (truth.has(u)) hitP++;
      foundP += pfFound.size;
      await context.close();
    }
  }
  baokan.recall = truthN ? hitB / truthN : 1;
  baokan.precision = foundB ? hitB / foundB : 1;
  pagefind.recall = truthN ? hitP / truthN : 1;
  pagefind.precision = foundP ? hitP / foundP : 1;
  return { baokan, pagefind };
}

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] as number) : NaN;
};
const median = (xs: number[]): number => pct(xs, 50);
const kb = (b: number): string => (b / 1024).toFixed(1);
const ratio = (a: number, b: number): string => (b ? (a / b).toFixed(2) : 'n/a');

/** One size's figures for the growth table. */
interface Growth {
  size: number;
  articles: number;
  fullS: number;
  articlesPerS: number;
  rssMiB: number;
  incrementalS: number;
  backfillS: number;
  coldKB: number;
  coldMaxKB: number;
  coldRoundTrips: number;
  warmKB: number;
  warmP95KB: number;
  filesPer10k: number;
  mibPer10k: number;
  widest: string;
  load: string;
  pagefindRatio: string;
}
const growth: Growth[] = [];

const load = (): string => loadavg().map((l) => l.toFixed(1)).join(' ');

async function benchSize(browser: Browser, articles: number): Promise<string[]> {
  const dir = await mkdtemp(path.join(tmpdir(), `baokan-bench-${articles}-`));
  const input = path.join(dir, 'input');
  const out = path.join(dir, 'dist');
  const cache = path.join(dir, 'cache');
  const loadBefore = load();
  // Streamed to disk an issue at a time: a million articles' page files never sit in memory.
  const made = new Set<string>();
  for (const f of iterateArchive({ articles, seed: 1 })) {
    const folder = path.dirname(path.join(input, f.path));
    if (!made.has(folder)) {
      await mkdir(folder, { recursive: true });
      made.add(folder);
    }
    await writeFile(path.join(input, f.path), f.contents);
  }
  process.stderr.write(`bench ${articles}: full build…\n`);
  const full = runBuild(input, out, cache, true);
  const addPage = async (page: { path: string; contents: string | Uint8Array }): Promise<void> => {
    await mkdir(path.dirname(path.join(input, page.path)), { recursive: true });
    await writeFile(path.join(input, page.path), page.contents);
  };
  // The usual growth: a page of a new issue, dated after everything in the archive.
  await addPage(extraPage({ articles, seed: 1 }));
  process.stderr.write(`bench ${articles}: full build ${JSON.stringify(full)}\nbench ${articles}: incremental build (new issue)…\n`);
  const incremental = runBuild(input, out, cache);
  // Filling a gap: a page of an old date, so every later article's search number shifts.
  await addPage(extraPage({ articles, seed: 1, backfill: true }));
  process.stderr.write(`bench ${articles}: incremental ${JSON.stringify(incremental)}\nbench ${articles}: incremental build (backfilled page)…\n`);
  const backfill = runBuild(input, out, cache);

  process.stderr.write(`bench ${articles}: backfill ${JSON.stringify(backfill)}\n`);
  const site = await sizeOf(out);
  const withPagefind = articles <= PAGEFIND_MAX;
  let pfMs = 0;
  if (withPagefind) {
    process.stderr.write(`bench ${articles}: pagefind…\n`);
    const pfStarted = performance.now();
    const pf = spawnSync(path.join(ROOT, 'node_modules/.bin/pagefind'), ['--site', out, '--root-selector', 'article', '--glob', '*/*/*/*/index.html', '--output-subdir', 'pagefind', '--quiet'], { encoding: 'utf8' });
    pfMs = performance.now() - pfStarted;
    if (pf.status !== 0) throw new Error(`pagefind failed: ${pf.stderr}`);
    process.stderr.write(`bench ${articles}: pagefind ${(pfMs / 1000).toFixed(1)} s\n`);
    await writeFile(path.join(out, 'pagefind-bench.html'), PAGEFIND_PAGE);
  }

  const index = await sizeOf(path.join(out, 'search'));
  const pfIndex = withPagefind ? await sizeOf(path.join(out, 'pagefind')) : { bytes: 0, files: 0 };
  const docs = await readDocs(out);
  const queries = pickQueries(docs, QUERY_COUNT);
  const { server, origin } = await serve(out);
  process.stderr.write(`bench ${articles}: ${queries.length} queries in chromium…\n`);
  const s = await benchSearch(browser, origin, out, docs, queries, withPagefind);
  server.close();
  await rm(dir, { recursive: true, force: true });

  const n = backfill.articles;
  const b = s.baokan;
  const p = s.pagefind;
  const per10k = 10_000 / n;
  growth.push({
    size: articles,
    articles: n,
    fullS: full.ms / 1000,
    articlesPerS: full.articles / (full.ms / 1000),
    rssMiB: full.maxRssMiB,
    incrementalS: incremental.ms / 1000,
    backfillS: backfill.ms / 1000,
    coldKB: median(b.coldBytes) / 1024,
    coldMaxKB: Math.max(...b.coldBytes) / 1024,
    coldRoundTrips: Math.max(...b.coldRoundTrips),
    warmKB: median(b.warmBytes) / 1024,
    warmP95KB: pct(b.warmBytes, 95) / 1024,
    filesPer10k: site.files * per10k,
    mibPer10k: (site.bytes / 1048576) * per10k,
    widest: `${site.widest.entries} (${site.widest.folder || '.'})`,
    load: `${loadBefore} → ${load()}`,
    pagefindRatio: withPagefind ? ratio(full.ms, pfMs) : 'n/a',
  });
  const pfCell = (text: string): string => (withPagefind ? text : '(not run)');
  return [
    `### ${articles.toLocaleString('en')} articles (${full.pages} pages; ${n} articles after parsing)`,
    '',
    `Load average (1, 5, 15 min) before → after this size: ${growth.at(-1)!.load}; largest folder of the output: ${growth.at(-1)!.widest} entries.`,
    '',
    `Peak RSS of the full build by stage (MiB): ${Object.entries(full.stagePeaks ?? {}).map(([k, v]) => `${k} ${v}`).join(', ')}.`,
    '',
    '| figure | baokan | Pagefind | baokan / Pagefind |',
    '|---|---|---|---|',
    `| full build (s) | ${(full.ms / 1000).toFixed(1)} | ${pfCell(`${(pfMs / 1000).toFixed(1)} (index only)`)} | ${ratio(full.ms, pfMs)} |`,
    `| articles per second, full build | ${Math.round(full.articles / (full.ms / 1000))} | | |`,
    `| peak RSS (MiB) | ${full.maxRssMiB.toFixed(0)} | | |`,
    `| incremental build after one added page of a new issue (s) | ${(incremental.ms / 1000).toFixed(2)} (${incremental.parsed} page parsed, ${incremental.written} files written; ${((100 * incremental.ms) / full.ms).toFixed(0)}% of full) | | |`,
    `| incremental build after one backfilled page of an old date (s) | ${(backfill.ms / 1000).toFixed(2)} (${backfill.parsed} page parsed, ${backfill.written} files written; ${((100 * backfill.ms) / full.ms).toFixed(0)}% of full) | | |`,
    `| output: files / MiB | ${full.files} / ${(full.bytes / 1048576).toFixed(1)} | | |`,
    `| search index, gzipped bytes per article | ${Math.round(index.bytes / n)} | ${pfCell(String(Math.round(pfIndex.bytes / n)))} | ${ratio(index.bytes, pfIndex.bytes)} |`,
    `| cold first query, KB gzipped (median / max) | ${kb(median(b.coldBytes))} / ${kb(Math.max(...b.coldBytes))} | ${pfCell(`${kb(median(p.coldBytes))} / ${kb(Math.max(...p.coldBytes))}`)} | ${ratio(median(b.coldBytes), median(p.coldBytes))} |`,
    `| cold first query, requests / round trips (median; max round trips) | ${median(b.coldRequests)} / ${median(b.coldRoundTrips)}; ${Math.max(...b.coldRoundTrips)} | ${pfCell(`${median(p.coldRequests)} / ${median(p.coldRoundTrips)}; ${Math.max(...p.coldRoundTrips)}`)} | ${ratio(median(b.coldRequests), median(p.coldRequests))} |`,
    `| warm query, KB gzipped (median / p95) | ${kb(median(b.warmBytes))} / ${kb(pct(b.warmBytes, 95))} | ${pfCell(`${kb(median(p.warmBytes))} / ${kb(pct(p.warmBytes, 95))}`)} | ${ratio(median(b.warmBytes), median(p.warmBytes))} |`,
    `| warm query latency, ms (p50 / p95) | ${median(b.latency).toFixed(0)} / ${pct(b.latency, 95).toFixed(0)} | ${pfCell(`${median(p.latency).toFixed(0)} / ${pct(p.latency, 95).toFixed(0)}`)} | ${ratio(median(b.latency), median(p.latency))} |`,
    `| recall / precision vs exact substring | ${b.recall.toFixed(3)} / ${b.precision.toFixed(3)} | ${pfCell(`${p.recall.toFixed(3)} / ${p.precision.toFixed(3)}`)} | |`,
    '',
    `Queries (${queries.length}): ${queries.join('、')}`,
    '',
  ];
}

/** Only the search figures, of a site already built (a long run's output, while or after it runs). */
async function benchBuiltSearch(out: string): Promise<void> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const withPagefind = await stat(path.join(out, 'pagefind/pagefind.js')).then(() => true, () => false);
    if (withPagefind) await writeFile(path.join(out, 'pagefind-bench.html'), PAGEFIND_PAGE);
    const docs = await readDocs(out);
    const queries = pickQueries(docs, QUERY_COUNT);
    const { server, origin } = await serve(out);
    const { baokan: b } = await benchSearch(browser, origin, out, docs, queries, withPagefind);
    server.close();
    console.log(
      [
        `${docs.length} articles; queries (${queries.length}): ${queries.join('、')}`,
        `cold first query, KB gzipped (median / max): ${kb(median(b.coldBytes))} / ${kb(Math.max(...b.coldBytes))}`,
        `cold first query, requests / round trips (median; max round trips): ${median(b.coldRequests)} / ${median(b.coldRoundTrips)}; ${Math.max(...b.coldRoundTrips)}`,
        `warm query, KB gzipped (median / p95): ${kb(median(b.warmBytes))} / ${kb(pct(b.warmBytes, 95))}`,
        `warm query latency, ms (p50 / p95): ${median(b.latency).toFixed(0)} / ${pct(b.latency, 95).toFixed(0)}`,
        `recall / precision vs exact substring: ${b.recall.toFixed(3)} / ${b.precision.toFixed(3)}`,
      ].join('\n'),
    );
  } finally {
    await browser.close();
  }
}
if (values.search) {
  await benchBuiltSearch(values.search);
  process.exit(0);
}

if (!values['no-cli']) {
  const cli = await benchCli(Number(values['cli-runs']));
  console.log(cli.join('\n'));
  if (values.write) await writeCliSection(cli);
}

/** Each cost at every size, and per 10k articles where it should stay flat. */
function growthTable(): string[] {
  if (growth.length < 2) return [];
  const row = (name: string, cell: (g: Growth) => string): string => `| ${name} | ${growth.map(cell).join(' | ')} |`;
  return [
    '### Growth',
    '',
    `| figure | ${growth.map((g) => `${g.size.toLocaleString('en')}`).join(' | ')} |`,
    `|---|${growth.map(() => '---').join('|')}|`,
    row('articles after parsing', (g) => String(g.articles)),
    row('full build (s)', (g) => g.fullS.toFixed(1)),
    row('articles per second', (g) => g.articlesPerS.toFixed(0)),
    row('full build / Pagefind indexing, same run', (g) => g.pagefindRatio),
    row('peak RSS (MiB)', (g) => g.rssMiB.toFixed(0)),
    row('one page of a new issue (s)', (g) => g.incrementalS.toFixed(2)),
    row('one backfilled page (s)', (g) => g.backfillS.toFixed(2)),
    row('cold first query, KB (median / max)', (g) => `${g.coldKB.toFixed(1)} / ${g.coldMaxKB.toFixed(1)}`),
    row('cold first query, most round trips', (g) => String(g.coldRoundTrips)),
    row('warm query, KB (median / p95)', (g) => `${g.warmKB.toFixed(1)} / ${g.warmP95KB.toFixed(1)}`),
    row('files per 10k articles', (g) => g.filesPer10k.toFixed(0)),
    row('MiB per 10k articles', (g) => g.mibPer10k.toFixed(1)),
    row('largest folder, entries', (g) => g.widest),
    row('load average before → after', (g) => g.load),
    '',
  ];
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const lines: string[] = [
  `Run on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}.`,
  '',
];
try {
  for (const size of sizes) lines.push(...(await benchSize(browser, size)));
  lines.push(...growthTable());
} finally {
  await browser.close();
}
const report = lines.join('\n');
console.log(report);
if (values.write) {
  const file = path.join(ROOT, 'BENCHMARKS.md');
  const doc = await readFile(file, 'utf8').catch(() => '# Benchmarks\n\n## Results\n');
  const marker = '<!-- bench:results -->';
  const [head] = doc.split(marker);
  await writeFile(file, `${(head ?? '').trimEnd()}\n\n${marker}\n${report}`);
}
