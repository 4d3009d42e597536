/**
 * One build in its own process, for `npm run bench`: prints a JSON line with the wall time and
 * the process's peak RSS (worker threads included), so runs do not share a heap. With
 * `--stages`, also the peak RSS during each stage the build reports (sampled every 50 ms from
 * /proc by a thread of its own, so a stage that keeps the main thread busy is still seen).
 *   node --import tsx scripts/bench-build.ts --input DIR --out DIR --cache DIR [--threads N] [--stages]
 */

import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { build } from '../src/build.js';

const { values } = parseArgs({
  options: { input: { type: 'string' }, out: { type: 'string' }, cache: { type: 'string' }, threads: { type: 'string' }, stages: { type: 'boolean', default: false } },
});
if (!values.input || !values.out) throw new Error('bench-build: --input and --out are required');

const STAGES = ['start', 'parse', 'assemble', 'reprints', 'entities', 'render', 'index', 'api', 'write'];
// [current stage, peak RSS in KiB per stage…], shared with the sampling thread.
const shared = new Int32Array(new SharedArrayBuffer(4 * (1 + STAGES.length)));
const sampler = values.stages
  ? new Worker(
      `const { workerData } = require('node:worker_threads');
       const fs = require('node:fs');
       const s = workerData;
       setInterval(() => {
         const m = /VmRSS:\\s+(\\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
         const kib = m ? Number(m[1]) : 0;
         const at = 1 + Atomics.load(s, 0);
         if (kib > Atomics.load(s, at)) Atomics.store(s, at, kib);
       }, 50);`,
      { eval: true, workerData: shared },
    )
  : null;
sampler?.unref();

const started = performance.now();
const result = await build({
  input: values.input,
  out: values.out,
  cache: values.cache ?? false,
  threads: values.threads ? Number(values.threads) : undefined,
  // As `npm run build` without --explain.
  trace: false,
  onProgress: (stage) => {
    const i = STAGES.indexOf(stage);
    if (i < 0) return;
    // Each stage's peak as it ends, on stderr: a run that dies (out of memory) still reports.
    const was = Atomics.exchange(shared, 0, i);
    if (values.stages && was !== i) console.error(`${STAGES[was]} ${Math.round(shared[1 + was]! / 1024)} MiB, ${Math.round((performance.now() - started) / 1000)} s`);
  },
});
const ms = performance.now() - started;
const bytes = result.written?.bytes ?? 0;
const stagePeaks = values.stages ? Object.fromEntries(STAGES.map((s, i) => [s, Math.round(shared[1 + i]! / 1024)])) : undefined;
console.log(
  JSON.stringify({
    ms,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
    articles: result.site.articles.length,
    pages: result.site.papers.reduce((n, p) => n + p.issues.reduce((m, i) => m + i.pages.length, 0), 0),
    files: result.files.length,
    bytes,
    written: result.written?.files ?? 0,
    parsed: result.cacheStats.parsed,
    rejected: result.rejected.length,
    ...(stagePeaks ? { stagePeaks } : {}),
  }),
);
await sampler?.terminate();
