/**
 * Oracle: for random substrings of article text, the engine's results are exactly the articles
 * whose normalized search text contains every query term (brute force). Deterministic PRNG.
 */
import { describe, expect, it } from 'vitest';
import * as OpenCC from 'opencc-js';
import type { Site } from '../../src/site.js';
import { buildSearchIndex, searchOrder, type BuildSearchIndexOptions } from '../../src/search/index.js';
import { articleSearchText } from '../../src/search/doc-text.js';
import { normalize, parseQuery } from '../../src/search/tokenize.js';
import { runQuery } from '../../src/browser/engine.js';
import { memoryIndex } from './memory.js';
import { seedSite } from './fixture.js';
import { mulberry32 } from '../../scripts/prng.js';


/** Random queries: 1–6 code point substrings, plus targeted Han bigrams, digit–Han and Latin. */
function sampleQueries(texts: string[], rand: () => number, n: number): string[] {
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const out = new Set<string>();
  const cps = texts.map((t) => Array.from(t));
  for (let i = 0; i < n; i++) {
    const doc = pick(cps);
    if (doc.length === 0) continue;
    const len = 1 + Math.floor(rand() * 6);
    const start = Math.floor(rand() * Math.max(1, doc.length - len));
    out.add(doc.slice(start, start + len).join(''));
  }
  const all = texts.join('\n');
  const targeted = [
    ...(all.match(/\p{Script=Han}{2}/gu) ?? []),
    ...(all.match(/\d\p{Script=Han}|\p{Script=Han}\d/gu) ?? []),
    ...(all.match(/[A-Za-z0-9]{1,6}/g) ?? []),
  ];
  for (let i = 0; i < n / 2 && targeted.length; i++) {
    const t = pick(targeted);
    const a = Math.floor(rand() * t.length);
    out.add(t.slice(a, a + 1 + Math.floor(rand() * (t.length - a))) || t);
  }
  return [...out].filter((q) => parseQuery(q).length > 0);
}

/** Articles whose normalized text contains every term: the definition of a correct answer. */
function bruteForce(normalized: string[], query: string): number[] {
  const terms = parseQuery(query);
  return normalized.flatMap((t, i) => (terms.every((term) => t.includes(term)) ? [i] : []));
}

async function checkOracle(site: Site, seed: number, n: number, options?: BuildSearchIndexOptions): Promise<number> {
  const files = buildSearchIndex(site, options);
  if (options?.ownFileBytes) expect(files.some((f) => f.path.startsWith('search/terms/'))).toBe(true);
  const { loader } = memoryIndex(files);
  const texts = searchOrder(site).map((a) => articleSearchText(a.article));
  const normalized = texts.map(normalize);
  const queries = sampleQueries(texts, mulberry32(seed), n);
  const failures: string[] = [];
  for (const q of queries) {
    const got = (await runQuery(parseQuery(q), loader)).map((m) => m.doc).sort((a, b) => a - b);
    const want = bruteForce(normalized, q);
    if (JSON.stringify(got) !== JSON.stringify(want)) failures.push(`${JSON.stringify(q)}: got ${got} want ${want}`);
  }
  expect(failures.slice(0, 10)).toEqual([]);
  return queries.length;
}

describe('oracle over the seed text', () => {
  it('random 1–6 character substrings (Han, digit–Han, Latin): results are exactly the containing articles', async () => {
    const site = seedSite();
    expect(site.articles.length).toBeGreaterThan(20);
    const n = await checkOracle(site, 20240601, 1500);
    expect(n).toBeGreaterThan(1000);
  });

  it('gives the same exact answers with tiny shards and many own-file grams', async () => {
    await checkOracle(seedSite(), 4242, 600, { shardBytes: 64, ownFileBytes: 24 });
  });

  it('traditional and full-width forms of the same substrings give the same results', async () => {
    const site = seedSite();
    const { loader } = memoryIndex(buildSearchIndex(site));
    const toTrad = OpenCC.Converter({ from: 'cn', to: 'tw' });
    const fullWidth = (s: string): string => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    const texts = site.articles.map((a) => articleSearchText(a.article));
    const queries = sampleQueries(texts, mulberry32(7), 300);
    let changed = 0;
    for (const q of queries) {
      const variant = fullWidth(toTrad(q));
      if (variant !== q) changed++;
      const a = (await runQuery(parseQuery(q), loader)).map((m) => m.doc);
      const b = (await runQuery(parseQuery(variant), loader)).map((m) => m.doc);
      expect(b, `${q} vs ${variant}`).toEqual(a);
    }
    expect(changed).toBeGreaterThan(50);
  });
});

// The real pipeline (src/build.ts) builds the seeds through the parser; checked when it exists.
const buildModule = '../../src/build.js';
const build = await import(/* @vite-ignore */ buildModule).catch(() => null);

describe.skipIf(!build?.buildSite)('oracle over the built seeds', () => {
  it('random substrings of the parsed articles: results are exactly the containing articles', async () => {
    const input = new URL('../../seeds/', import.meta.url).pathname;
    const { site } = (await build.buildSite({ input, base: '/' })) as { site: Site };
    expect(site.articles.length).toBeGreaterThan(10);
    await checkOracle(site, 99, 1500);
  });
});
