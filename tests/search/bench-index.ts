/**
 * Times buildSearchIndex alone on an archive (run by hand, not part of `vitest`):
 *
 *   npx tsx tests/search/bench-index.ts /tmp/a10k [runs=3] [--save ref.v8] [--compare ref.v8]
 *
 * The site model is built once (`buildSite`, no cache) and kept as a v8 snapshot beside
 * /tmp so repeated runs skip parsing. --save/--compare check byte identity across versions.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { serialize, deserialize } from 'node:v8';
import { performance } from 'node:perf_hooks';
import { createHash } from 'node:crypto';
import { buildSite } from '../../src/build.js';
import { buildSearchIndex } from '../../src/search/index.js';
import type { Site } from '../../src/site.js';
import type { OutputFile } from '../../src/types.js';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const save = flag('--save');
const compare = flag('--compare');
const input = args[0] ?? '/tmp/a10k';
const runs = Number(args[1] ?? 3);

async function loadSite(): Promise<Site> {
  const snap = `/tmp/sbench/site-${createHash('sha1').update(input).digest('hex').slice(0, 8)}.v8`;
  if (existsSync(snap)) return deserialize(readFileSync(snap)) as Site;
  const { site } = await buildSite({ input, cache: false });
  writeFileSync(snap, serialize(site));
  return site;
}

const site = await loadSite();
console.log(`${site.articles.length} articles`);
let files: OutputFile[] = [];
const times: number[] = [];
for (let r = 0; r < runs; r++) {
  globalThis.gc?.();
  const t = performance.now();
  files = buildSearchIndex(site);
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
console.log(`rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);
if (save) writeFileSync(save, serialize(files.map((f) => [f.path, Buffer.from(f.contents)])));
if (compare) {
  const ref = new Map(deserialize(readFileSync(compare)) as Array<[string, Buffer]>);
  let diff = 0;
  for (const f of files) if (!ref.get(f.path)?.equals(Buffer.from(f.contents))) diff++;
  console.log(`compare: ${diff} differ, ${ref.size - files.length} count difference`);
}
