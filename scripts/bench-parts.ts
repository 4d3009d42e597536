/**
 * What reprints and exports cost on a synthetic archive (scripts/gen-archive.ts), each measured
 * beside a peer in the same run:
 * - reprints with every signature computed (a cold cache) vs with the cached ones (a rebuild
 *   after adding one page), and the search index built over the same site as the peer;
 * - the two exports streamed (made and digested, as an incremental build does) vs the data API
 *   rendered as strings, with the heap they need;
 * - the build itself, full and after adding one page of a new issue, with the signatures it computed.
 *
 *   npx tsx scripts/bench-parts.ts [--articles 10000]
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { build } from '../src/build.js';
import { renderApi } from '../src/api.js';
import { renderExports } from '../src/export.js';
import { findReprints, reprintTexts } from '../src/reprints/index.js';
import { buildSearchIndexWithState } from '../src/search/index.js';
import { extraPage, iterateArchive } from './gen-archive.js';
import { generateReprintArchive } from './gen-reprints.js';

const { values } = parseArgs({ options: { articles: { type: 'string', default: '10000' } } });
const articles = Number(values.articles);
const scratch = await mkdtemp(path.join(tmpdir(), 'baokan-bench-parts-'));
const input = path.join(scratch, 'input');
for (const f of iterateArchive({ articles, seed: 1 })) {
  await mkdir(path.dirname(path.join(input, f.path)), { recursive: true });
  await writeFile(path.join(input, f.path), f.contents);
}
const out = path.join(scratch, 'dist');
const cache = path.join(scratch, 'cache');
const time = async <T>(fn: () => T | Promise<T>): Promise<{ ms: number; value: T }> => {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
};

const full = await time(() => build({ input, out, cache, trace: false }));
const { site } = full.value;
const extra = extraPage({ articles, seed: 1 });
await writeFile(path.join(input, extra.path.replaceAll('/', '_')), extra.contents);
const incremental = await time(() => build({ input, out, cache, trace: false }));

const texts = reprintTexts(site);
const cold = await time(() => findReprints(texts));
const warm = await time(() => findReprints(texts, cold.value.memo));
const search = await time(() => buildSearchIndexWithState(site, { previous: null, threads: 1 }));

global.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
let heapPeak = heapBefore;
const exported = await time(async () => {
  let bytes = 0;
  // The heap is sampled at every chunk (the stream never yields to timers).
  for (const f of renderExports(site)) {
    for await (const chunk of f.stream!) {
      bytes += chunk.byteLength;
      heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    }
  }
  return bytes;
});
const api = await time(() => renderApi(site).reduce((n, f) => n + Buffer.byteLength(f.contents), 0));

// The same stage on text that is not recombined from five seed pages: the planted-reprint
// archive's stories (src/reprints/ over the page files' blocks, without parsing).
const planted = generateReprintArchive({ stories: Math.round(articles / 1.5), seed: 1 });
const plantedTexts = planted.files.flatMap((f) =>
  f.contents
    .split(/\n\n(?=[^\n]{4,30}\n\n本报讯)/)
    .slice(1)
    .map((block, i) => ({ id: `${f.path}#${i}`, text: block })),
);
const newest = plantedTexts.pop()!;
const plantedCold = await time(() => findReprints(plantedTexts));
const plantedWarm = await time(() => findReprints([...plantedTexts, newest], plantedCold.value.memo));

const linked = site.articles.filter((a) => a.reprints.length > 0).length;
const s = (ms: number): string => (ms / 1000).toFixed(2);
console.log(`| ${site.articles.length} articles | time | peer in the same run |
|---|---|---|
| full build (s) | ${s(full.ms)} (${full.value.signaturesComputed} signatures computed, ${full.value.pairsCompared} pairs compared) | |
| incremental build after one added page (s) | ${s(incremental.ms)} (${incremental.value.signaturesComputed} signatures computed, ${incremental.value.pairsCompared} pairs compared, ${incremental.value.reusedIssues} issues reused) | ${((100 * incremental.ms) / full.ms).toFixed(0)}% of the full build |
| reprints, cold: every signature computed (s) | ${s(cold.ms)} (${cold.value.candidates} candidate pairs; ${linked} articles linked) | ${(cold.ms / search.ms).toFixed(2)} × the search index (${s(search.ms)} s) |
| reprints, signatures and checks from the memo (s) | ${s(warm.ms)} (${warm.value.compared} pairs compared) | ${((100 * warm.ms) / cold.ms).toFixed(0)}% of cold |
| reprints on ${plantedTexts.length} planted-archive stories, cold (s) | ${s(plantedCold.ms)} (${plantedCold.value.candidates} candidate pairs; ${plantedCold.value.reprints.size} articles linked) | ${(plantedCold.ms / cold.ms).toFixed(2)} × the synthetic archive's cold run |
| the same after adding one story, memo from the cold run (s) | ${s(plantedWarm.ms)} (${plantedWarm.value.computed} signature, ${plantedWarm.value.compared} pairs compared) | ${((100 * plantedWarm.ms) / plantedCold.ms).toFixed(0)}% of cold |
| exports made (s) | ${s(exported.ms)} (${(exported.value / 2 ** 20).toFixed(1)} MiB; heap peak +${((heapPeak - heapBefore) / 2 ** 20).toFixed(1)} MiB) | ${(exported.ms / api.ms).toFixed(2)} × the data API as strings (${s(api.ms)} s, ${(api.value / 2 ** 20).toFixed(1)} MiB) |`);
await rm(scratch, { recursive: true, force: true });
