/**
 * Times buildSearchIndex alone on an archive (run by hand, not part of `vitest`):
 *
 *   npx tsx tests/search/bench-index.ts /tmp/a10k [runs=3] [threads] [--save ref.v8] [--compare ref.v8]
 *   npx tsx tests/search/bench-index.ts /tmp/a10k 1 --incremental /tmp/a10k-plus-one-page
 *
 * The site model is built once (`buildSite`, no cache) and kept as a v8 snapshot beside
 * /tmp so repeated runs skip parsing. --save/--compare check byte identity across versions.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { serialize, deserialize } from 'node:v8';
import { performance } from 'node:perf_hooks';
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { buildSite } from '../../src/build.js';
import { buildSearchIndex, buildSearchIndexWithState, decodeSearchIndexState, encodeSearchIndexState } from '../../src/search/index.js';
import type { Site } from '../../src/site.js';
import type { OutputFile } from '../../src/types.js';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const save = flag('--save');
const incremental = flag('--incremental');
const compare = flag('--compare');
const input = args[0] ?? '/tmp/a10k';
const runs = Number(args[1] ?? 3);
const threads = args[2] ? Number(args[2]) : undefined;

async function loadSite(input: string): Promise<Site> {
  const snap = `/tmp/sbench/site-${createHash('sha1').update(input).digest('hex').slice(0, 8)}.v8`;
  if (existsSync(snap)) return deserialize(readFileSync(snap)) as Site;
  const { site } = await buildSite({ input, cache: false });
  writeFileSync(snap, serialize(site));
  return site;
}

const site = await loadSite(input);
globalThis.gc?.();
const siteRss = process.memoryUsage().rss / 2 ** 20;
console.log(`${site.articles.length} articles`);
let files: OutputFile[] = [];
const times: number[] = [];
for (let r = 0; r < runs; r++) {
  globalThis.gc?.();
  const t = performance.now();
  files = buildSearchIndex(site, { threads });
  times.push(performance.now() - t);
}
const bytes = files.reduce((s, f) => s + f.contents.length, 0);
const by = (prefix: string): string => {
  const fs = files.filter((f) => f.path.startsWith(`search/${prefix}`));
  return `${fs.length} files ${fs.reduce((s, f) => s + f.contents.length, 0)} B`;
};
console.log(`ms: ${times.map((t) => t.toFixed(0)).join(' ')}`);
console.log(`files ${files.length}, ${bytes} B, ${(bytes / site.articles.length).toFixed(0)} B/article`);
console.log(`shards ${by('shards/')}; terms ${by('terms/')}; docs ${by('docs/')}; meta ${by('meta')}`);
console.log(`rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB now, peak ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB (site alone ${siteRss.toFixed(0)} MiB)`);
if (save) writeFileSync(save, serialize(files.map((f) => [f.path, Buffer.from(f.contents)])));
if (compare) {
  const ref = new Map(deserialize(readFileSync(compare)) as Array<[string, Buffer]>);
  let diff = 0;
  for (const f of files) {
    const want = ref.get(f.path);
    // Gzip settings may differ between versions: compare what the browser reads.
    if (!want || !gunzipSync(want).equals(gunzipSync(f.contents))) diff++;
  }
  console.log(`compare: ${diff} differ, ${ref.size - files.length} count difference`);
}

if (incremental) {
  const site2 = await loadSite(incremental);
  let t = performance.now();
  const first = buildSearchIndexWithState(site, { threads });
  console.log(`with state: ${(performance.now() - t).toFixed(0)} ms`);
  t = performance.now();
  const blob = encodeSearchIndexState(first.state);
  const encodeMs = performance.now() - t;
  t = performance.now();
  const previous = decodeSearchIndexState(blob);
  console.log(`state ${blob.length} B, encode ${encodeMs.toFixed(0)} ms, decode ${(performance.now() - t).toFixed(0)} ms`);
  for (let r = 0; r < runs; r++) {
    t = performance.now();
    const inc = buildSearchIndexWithState(site2, { previous, threads });
    const incMs = performance.now() - t;
    t = performance.now();
    const clean = buildSearchIndex(site2, { threads });
    const cleanMs = performance.now() - t;
    // Files left unchanged are the first build's bytes (as the output folder has them).
    const before = new Map(first.files.map((f) => [f.path, f.contents]));
    const got = inc.files.map((f) => (f.unchanged ? { ...f, contents: before.get(f.path)! } : f));
    const same = got.length === clean.length && got.every((f, i) => f.path === clean[i]!.path && Buffer.from(f.contents).equals(Buffer.from(clean[i]!.contents)));
    const reused = inc.files.filter((f) => f.unchanged).length;
    console.log(`${site2.articles.length} articles: incremental ${incMs.toFixed(0)} ms, clean ${cleanMs.toFixed(0)} ms, identical to clean ${same}; ${reused} of ${inc.files.length} files unchanged (appended to ${inc.appendedTo} articles)`);
  }
}
