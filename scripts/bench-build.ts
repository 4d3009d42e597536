/**
 * One build in its own process, for `npm run bench`: prints a JSON line with the wall time and
 * the process's peak RSS (worker threads included), so runs do not share a heap.
 *   node --import tsx scripts/bench-build.ts --input DIR --out DIR --cache DIR [--threads N]
 */
import { parseArgs } from 'node:util';
import { build } from '../src/build.js';

const { values } = parseArgs({
  options: { input: { type: 'string' }, out: { type: 'string' }, cache: { type: 'string' }, threads: { type: 'string' } },
});
if (!values.input || !values.out) throw new Error('bench-build: --input and --out are required');
const started = performance.now();
const result = await build({
  input: values.input,
  out: values.out,
  cache: values.cache ?? false,
  threads: values.threads ? Number(values.threads) : undefined,
  // As `npm run build` without --explain.
  trace: false,
});
const ms = performance.now() - started;
const bytes = result.written?.bytes ?? 0;
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
  }),
);
