/**
 * Page simulator: raw pages of Shanghai district newspapers, damaged the way the seed pages are,
 * each with its exact gold structure, so the parser can be scored at volume on truth nobody
 * tuned it to.
 *
 *   npx tsx scripts/simulate/index.ts --seed 1 --count 200 --out DIR
 *
 * writes DIR/<name>.txt (the raw page) and DIR/<name>.json (its gold, in the schema of
 * tests/fixtures/gold/README.md). The same seed gives byte-identical pages, and page i is the same
 * whatever the count. corpus.ts holds the text, layout.ts the layout and damage, gold.ts the truth.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { mulberry32 } from '../prng.js';
import { Draw } from './corpus.js';
import { goldOf, type GoldPage } from './gold.js';
import { layOutPage, type DamageLog } from './layout.js';

// The gold schema and the damage log, for callers that score or break scores down by damage.
export type { GoldArticle, GoldMasthead, GoldPage } from './gold.js';
export type { DamageLog, Displacement, DisplacementKind } from './layout.js';

/** One simulated page: file name (no extension), raw text, gold, and the damage it got. */
export interface SimulatedPage {
  name: string;
  text: string;
  gold: GoldPage;
  damage: DamageLog;
}

// Each page gets its own stream from (seed, index), so page i never depends on how many come before.
function pageSeed(seed: number, index: number): number {
  let h = 0x811c9dc5 ^ (seed | 0);
  for (const x of [Math.floor(seed / 2 ** 32), index]) {
    h = Math.imul(h ^ (x | 0), 0x01000193);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
  }
  return h >>> 0;
}

/** Page `index` of the run with this seed. */
export function simulatePage(seed: number, index: number): SimulatedPage {
  const draw = new Draw(mulberry32(pageSeed(seed, index)));
  const hex = () => Math.floor(draw.float() * 2 ** 32).toString(16).padStart(8, '0');
  // Named like the seed pages: a running number and a 16-digit hex tag.
  const name = `${String(index).padStart(3, '0')}_${hex()}${hex()}`;
  const page = layOutPage(draw, name);
  return { name, text: page.text, gold: goldOf(page), damage: page.damage };
}

/** `count` pages with their gold; deterministic for a seed. */
export function simulatePages(options: { seed: number; count: number }): SimulatedPage[] {
  const { seed, count } = options;
  if (!Number.isSafeInteger(seed)) throw new Error(`simulatePages: seed must be an integer, got ${seed}`);
  if (!Number.isSafeInteger(count) || count < 0) throw new Error(`simulatePages: count must be a non-negative integer, got ${count}`);
  return Array.from({ length: count }, (_, i) => simulatePage(seed, i));
}

function main(argv: string[]): number {
  const usage = 'usage: npx tsx scripts/simulate/index.ts --seed N --count N --out DIR';
  const { values } = parseArgs({
    args: argv,
    options: { seed: { type: 'string', default: '1' }, count: { type: 'string', default: '200' }, out: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const seed = Number(values.seed), count = Number(values.count);
  if (!values.out || !Number.isSafeInteger(seed) || !Number.isSafeInteger(count) || count < 0) {
    console.error(`simulate: --out is required; --seed and --count take integers\n${usage}`);
    return 2;
  }
  mkdirSync(values.out, { recursive: true });
  for (const page of simulatePages({ seed, count })) {
    writeFileSync(path.join(values.out, `${page.name}.txt`), page.text);
    writeFileSync(path.join(values.out, `${page.name}.json`), JSON.stringify(page.gold, null, 2) + '\n');
  }
  console.error(`simulate: wrote ${count} pages and their gold to ${values.out}`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = main(process.argv.slice(2));
