/**
 * Scores the parser on every held-out page (tests/fixtures/parse/<case>/) with the shared gold
 * scorer, by writing the expected files as a temporary gold folder and the parsed pages as a
 * temporary data API. Used by fixtures.test.ts; also runnable on its own for a per-page table:
 *
 *     npx tsx tests/parse/score-fixtures.ts [--verbose] [--only PREFIX]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePage } from '../../src/parse/index.js';
import type { Paper, ParsedPage } from '../../src/types.js';
import papersJson from '../../src/papers.json' with { type: 'json' };
import { type ScoreResult, scoreDirs, summaryLine } from '../../../shared/tools/score-parse.mjs';
import { writeApi } from './write-api.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** Folder holding one sub-folder per held-out case. */
export const FIXTURES = path.resolve(here, '../fixtures/parse');
const papers = papersJson as Paper[];

/** Names of the held-out cases (folders with an input.txt), sorted. */
export function fixtureCases(): string[] {
  return fs.readdirSync(FIXTURES).filter((d) => fs.existsSync(path.join(FIXTURES, d, 'input.txt'))).sort();
}

/** What stage 1 does before the parser: drop the BOM, normalise line endings. */
export function readBody(file: string): string {
  return fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** Parses one held-out case as the build would. */
export function parseCase(name: string): ParsedPage {
  return parsePage({ source: `${name}.txt`, body: readBody(path.join(FIXTURES, name, 'input.txt')), bodyLine: 1 }, papers);
}

/** Scores all held-out cases together (micro-averaged, as the shared scorer does). */
export function scoreFixtures(options: { verbose?: boolean; only?: string } = {}): ScoreResult {
  const cases = fixtureCases().filter((c) => !options.only || c.startsWith(options.only));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baokan-fixtures-'));
  try {
    const gold = path.join(dir, 'gold');
    fs.mkdirSync(gold);
    for (const name of cases) fs.copyFileSync(path.join(FIXTURES, name, 'expected.json'), path.join(gold, `${name}.json`));
    const api = writeApi(dir, cases.map(parseCase), papers);
    return scoreDirs(gold, api, options);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const COLUMNS = ['bodyF1', 'headlineExact', 'paragraphExact', 'bylineF1', 'datelineAccuracy', 'continuationAccuracy', 'paperAccuracy', 'yearAccuracy'];

/** A plain-text table of the scores, one row per case plus the total. */
export function scoreTable(result: ScoreResult): string {
  const fmt = (v: number | null | undefined): string => (v == null ? 'n/a' : v.toFixed(3));
  const w = Math.max(5, ...result.pages.map((p) => p.page.length));
  const head = ['case'.padEnd(w), 'gold', 'pred', ...COLUMNS.map((c) => c.slice(0, 10).padStart(10))].join(' ');
  const rows = result.pages.flatMap((p) => [
    [p.page.padEnd(w), String(p.goldArticles).padStart(4), String(p.predArticles).padStart(4), ...COLUMNS.map((c) => fmt(p.metrics[c]).padStart(10))].join(' '),
    ...(p.details ?? []),
  ]);
  const total = ['TOTAL'.padEnd(w), '', '', ...COLUMNS.map((c) => fmt(result.total[c]).padStart(10))].join(' ');
  return [head, ...rows, total, summaryLine(result.total)].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const at = process.argv.indexOf('--only');
  const only = at > 0 ? process.argv[at + 1] : undefined;
  console.log(scoreTable(scoreFixtures({ verbose: process.argv.includes('--verbose'), ...(only ? { only } : {}) })));
}
