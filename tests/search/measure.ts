/**
 * Index size and query transfer on synthetic archives (run by hand, not part of `vitest`):
 *
 *   npx tsx tests/search/measure.ts [articles=2000] [model=markov|zipf]
 *   npx tsx tests/search/measure.ts 0 /tmp/archive     # pages from scripts/gen-archive.ts, through the real build
 *
 * Real archives sit between the two text models: `markov` (order-2 chain trained on the seeds)
 * repeats the seeds' vocabulary, so it under-counts distinct bigrams; `zipf` draws characters
 * independently, so nearly every bigram is new and it over-counts them.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { buildSearchIndex } from '../../src/search/index.js';
import { bundleBrowserCode } from '../../src/search/bundle.js';
import { parseQuery } from '../../src/search/tokenize.js';
import { searchQuery } from '../../src/browser/engine.js';
import { makeSite, YANGPU, HONGKOU, type FixturePage } from './fixture.js';
import { memoryIndex } from './memory.js';
import { lowerBound } from '../../src/sorted.js';

const N = Number(process.argv[2] ?? 2000);
const MODEL = process.argv[3] ?? 'markov';
const seedDir = fileURLToPath(new URL('../../seeds/', import.meta.url));
const corpus = readdirSync(seedDir).sort().map((f) => readFileSync(seedDir + f, 'utf8')).join('\n');

let state = 12345;
const rand = (): number => {
  state = (Math.imul(state, 1103515245) + 12345) >>> 0;
  return state / 4294967296;
};

function markovGenerator(): (len: number) => string {
  const chars = Array.from(corpus.replace(/\s+/g, ''));
  const next = new Map<string, string[]>();
  for (let i = 2; i < chars.length; i++) {
    const key = chars[i - 2]! + chars[i - 1]!;
    let list = next.get(key);
    if (!list) next.set(key, (list = []));
    list.push(chars[i]!);
  }
  return (len) => {
    const at = Math.floor(rand() * (chars.length - 2));
    let a = chars[at]!;
    let b = chars[at + 1]!;
    let out = a + b;
    for (let i = 2; i < len; i++) {
      const list = next.get(a + b);
      const c = list ? list[Math.floor(rand() * list.length)]! : chars[Math.floor(rand() * chars.length)]!;
      out += c;
      a = b;
      b = c;
    }
    return out;
  };
}

function zipfGenerator(): (len: number) => string {
  const freq = new Map<string, number>();
  for (const c of corpus) if (/\p{Script=Han}/u.test(c)) freq.set(c, (freq.get(c) ?? 0) + 1);
  const ranked = [...freq.keys()].sort((a, b) => freq.get(b)! - freq.get(a)!);
  const weights = ranked.map((_, i) => 1 / (i + 1));
  const total = weights.reduce((s, w) => s + w, 0);
  const cumulative: number[] = [];
  let acc = 0;
  for (const w of weights) cumulative.push((acc += w / total));
  const pick = (): string => {
    return ranked[Math.min(lowerBound(cumulative, rand()), cumulative.length - 1)]!;
  };
  return (len) => {
    let out = '';
    for (let i = 0; i < len; i++) out += rand() < 0.07 ? '，' : pick();
    return out;
  };
}

const gen = MODEL === 'zipf' ? zipfGenerator() : markovGenerator();
const pages: FixturePage[] = [];
let made = MODEL.includes('/') ? N : 0;
for (let day = 0; made < N; day++) {
  const date = new Date(Date.UTC(2015, 0, 1 + day)).toISOString().slice(0, 10);
  for (let p = 1; p <= 4 && made < N; p++) {
    const articles = [];
    for (let a = 0; a < 8 && made < N; a++, made++) {
      const paragraphs = Array.from({ length: 2 + Math.floor(rand() * 5) }, () => gen(60 + Math.floor(rand() * 200)));
      articles.push({ headline: gen(8 + Math.floor(rand() * 10)), paragraphs });
    }
    pages.push({ paper: day % 2 ? YANGPU : HONGKOU, date, number: p, articles });
  }
}
const site = MODEL.includes('/')
  ? (await import('../../src/build.js').then((b) => b.buildSite({ input: MODEL, threads: 4 }))).site
  : makeSite(pages);
const chars = site.articles.reduce((s, a) => s + a.article.paragraphs.join('').length + (a.article.headline?.length ?? 0), 0);

let t = performance.now();
const files = buildSearchIndex(site);
const buildMs = performance.now() - t;
const size = (pred: (p: string) => boolean): number => files.filter((f) => pred(f.path)).reduce((s, f) => s + f.contents.length, 0);
const total = size(() => true);
const js = (await bundleBrowserCode()).find((f) => f.path === 'assets/search.js')!;
const { gzipSync } = await import('node:zlib');
const jsGz = gzipSync(js.contents).length;

console.log(`model ${MODEL}: ${site.articles.length} articles, ${(chars / site.articles.length).toFixed(0)} chars each, built in ${(buildMs / 1000).toFixed(1)} s`);
console.log(`files ${files.length}; index ${(total / 1024).toFixed(0)} KB gz = ${(total / site.articles.length).toFixed(0)} B/article`);
console.log(
  `  shards ${(size((p) => p.includes('/shards/')) / site.articles.length).toFixed(0)} B/article, own-file grams ${(size((p) => p.includes('/terms/')) / site.articles.length).toFixed(0)}, docs ${(size((p) => p.includes('/docs/')) / site.articles.length).toFixed(0)}, meta ${(size((p) => p.endsWith('meta.json.gz')) / 1024).toFixed(1)} KB`,
);
console.log(`search.js ${(jsGz / 1024).toFixed(1)} KB gz`);

// Queries: substrings of real article text, 2 to 6 characters, plus one very common bigram.
const queries: string[] = [];
for (let i = 0; i < 30; i++) {
  const a = site.articles[Math.floor(rand() * site.articles.length)]!;
  const p = a.article.paragraphs[0]!;
  const len = 2 + (i % 5);
  const at = Math.floor(rand() * Math.max(1, p.length - len));
  queries.push(p.slice(at, at + len));
}
const rows: Array<{ q: string; hits: number; coldKB: number; warmKB: number; warmMs: number; shardsKB: number; termsKB: number; docsKB: number }> = [];
for (const q of queries) {
  const { loader, fetched } = memoryIndex(files);
  await loader.meta();
  const terms = parseQuery(q);
  // As the page asks for its first screen: the first page and the exact count.
  const first = await searchQuery(terms, loader, { firstPage: true });
  await loader.docs(first.matches.slice(0, 10).map((m) => m.doc));
  const cold = fetched.reduce((s, f) => s + f.bytes, 0) + jsGz;
  // Warm: another query of the same kind on the loaded page (meta and JS cached).
  const before = fetched.length;
  const q2 = queries[(queries.indexOf(q) + 1) % queries.length]!;
  const t0 = performance.now();
  const second = await searchQuery(parseQuery(q2), loader, { firstPage: true });
  const warmMs = performance.now() - t0;
  await loader.docs(second.matches.slice(0, 10).map((m) => m.doc));
  const warmFiles = fetched.slice(before);
  const warm = warmFiles.reduce((s, f) => s + f.bytes, 0);
  const part = (k: string): number => warmFiles.filter((f) => f.path.includes(k)).reduce((s, f) => s + f.bytes, 0) / 1024;
  rows.push({ q, hits: first.total, coldKB: cold / 1024, warmKB: warm / 1024, warmMs, shardsKB: part('/shards/'), termsKB: part('/terms/'), docsKB: part('/docs/') });
}
const pct = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
for (const key of ['coldKB', 'warmKB', 'warmMs', 'shardsKB', 'termsKB', 'docsKB'] as const) {
  const xs = rows.map((r) => r[key]);
  console.log(`${key}: median ${pct(xs, 0.5).toFixed(1)}  p90 ${pct(xs, 0.9).toFixed(1)}  max ${Math.max(...xs).toFixed(1)}`);
}
if (process.env.VERBOSE) for (const r of rows) console.log(JSON.stringify(r));
console.log('note: warmMs includes gunzip + decode of the fetched shards in memory (no network).');
