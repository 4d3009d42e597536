/**
 * What citations and 历史上的今天 cost at 10k articles, measured against their peers in the
 * same process (machines here are shared and noisy: read the ratios):
 *
 *   npx tsx scripts/bench-extras.ts [--articles 10000] [--rounds 3]
 *
 * - citation files (cite.bib, cite.ris, cite.json for every article) against rendering the
 *   article HTML they sit beside: time, files and bytes;
 * - writing the citation files against writing the article pages, to a temporary folder
 *   (small files cost their count more than their bytes);
 * - the 366 on-this-day files against the data API's issue files: time and bytes.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildSite } from '../src/build.js';
import { renderApi } from '../src/api.js';
import { citationFiles } from '../src/cite/index.js';
import { renderOnThisDay } from '../src/on-this-day.js';
import { renderSiteBatches } from '../src/render/index.js';
import { readTemplates } from '../src/read.js';
import type { OutputFile } from '../src/types.js';
import { generateArchive } from './gen-archive.js';

const { values } = parseArgs({ options: { articles: { type: 'string', default: '10000' }, rounds: { type: 'string', default: '3' } } });
const articles = Number(values.articles);
const rounds = Number(values.rounds);

const input = await mkdtemp(path.join(tmpdir(), 'baokan-bench-extras-'));
for (const f of generateArchive({ articles }).files) {
  const target = path.join(input, f.path);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, f.contents);
}
const { site } = await buildSite({ input, trace: false });
const templates = await readTemplates();
const issues = site.papers.flatMap((p) => p.issues);

const bytes = (files: OutputFile[]) => files.reduce((n, f) => n + (typeof f.contents === 'string' ? Buffer.byteLength(f.contents) : f.contents.byteLength), 0);
/** Median time of `fn` over the rounds, and its last result. */
function time<T>(fn: () => T): { ms: number; result: T } {
  const times: number[] = [];
  let result!: T;
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    result = fn();
    times.push(performance.now() - start);
  }
  return { ms: times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!, result };
}

const cite = time(() => issues.flatMap((issue) => citationFiles(site, issue)));
const pages = time(() => [...renderSiteBatches(site, templates)].flat());
const html = pages.result.filter((f) => f.path.endsWith('.html'));
const articleHtml = html.filter((f) => /\/[px]\d+\/\d+\/index\.html$/.test(f.path));
const onThisDay = time(() => renderOnThisDay(site));
const api = time(() => renderApi(site));
const issueJson = api.result.filter((f) => f.path.startsWith('api/issues/'));
const largest = Math.max(...onThisDay.result.map((f) => bytes([f])));

/** Seconds to write `files` below a fresh folder, 64 at a time, folders made first. */
async function writeTime(files: OutputFile[]): Promise<number> {
  const dir = await mkdtemp(path.join(tmpdir(), 'baokan-bench-write-'));
  await Promise.all([...new Set(files.map((f) => path.dirname(path.join(dir, f.path))))].map((d) => mkdir(d, { recursive: true })));
  const start = performance.now();
  for (let i = 0; i < files.length; i += 64) await Promise.all(files.slice(i, i + 64).map((f) => writeFile(path.join(dir, f.path), f.contents)));
  const ms = performance.now() - start;
  await rm(dir, { recursive: true, force: true });
  return ms;
}
const writeCite = await writeTime(cite.result);
const writeArticles = await writeTime(articleHtml);

const row = (name: string, ms: number, files: OutputFile[]) => `| ${name} | ${ms.toFixed(0)} ms | ${files.length.toLocaleString('en')} | ${(bytes(files) / 2 ** 20).toFixed(1)} MiB |`;
console.log(`${site.articles.length.toLocaleString('en')} articles, ${issues.length} issues; median of ${rounds} rounds, one process`);
console.log('| output | time | files | bytes |');
console.log('|---|---|---|---|');
console.log(row('every page (HTML)', pages.ms, pages.result));
console.log(row('  of which article pages', NaN, articleHtml).replace('NaN ms', '—'));
console.log(row('citation files alone', cite.ms, cite.result));
console.log(row('data API (catalog and issue files)', api.ms, api.result));
console.log(row('on-this-day files', onThisDay.ms, onThisDay.result));
console.log(`citation files: ${(cite.ms / pages.ms).toFixed(3)} × the page render's time, ${(bytes(cite.result) / bytes(articleHtml)).toFixed(3)} × the article pages' bytes, ${(bytes(cite.result) / cite.result.length).toFixed(0)} B per file`);
console.log(`writing: citation files ${writeCite.toFixed(0)} ms, article pages ${writeArticles.toFixed(0)} ms (${(writeCite / writeArticles).toFixed(2)} ×)`);
console.log(`on-this-day: ${(onThisDay.ms / api.ms).toFixed(3)} × the data API's time, ${(bytes(onThisDay.result) / bytes(issueJson)).toFixed(4)} × its issue files' bytes; largest day file ${(largest / 1024).toFixed(1)} KiB`);
