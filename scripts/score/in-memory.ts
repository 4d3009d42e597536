/**
 * Scoring without a build: page files are read and parsed in memory exactly as the build's
 * first two stages do (decode, front matter, parsePage), then scored against their gold. Used
 * for the held-out fixtures (tests/fixtures/parse/<case>/input.txt + expected.json) and the
 * simulated pages (scripts/simulate).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { VFile } from 'vfile';
import { type ParseOptions, parsePage } from '../../src/parse/index.js';
import { toSourcePage } from '../../src/read.js';
import type { Paper, ParsedPage } from '../../src/types.js';
import papersJson from '../../src/papers.json' with { type: 'json' };
import { type GoldPage, type PredictedPage, type ScoreResult, scorePages } from './metrics.js';
import { predictedFromParsed } from './load.js';
import { simulatePages } from '../simulate/index.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Folder holding one sub-folder per held-out case. */
export const FIXTURES = path.join(ROOT, 'tests/fixtures/parse');
const PAPERS = papersJson as Paper[];

/** Parses a page file's text as the build would (BOM, CRLF and front matter handled by stage 1). */
export function parseText(source: string, text: string, options: ParseOptions = {}, papers: Paper[] = PAPERS): ParsedPage {
  const page = toSourcePage(new VFile({ path: source }), new TextEncoder().encode(text));
  if (!page) throw new Error(`score: ${source} is not a readable page`);
  return parsePage({ source, body: page.body, bodyLine: page.bodyLine }, papers, options);
}

/** Scores named page texts against their gold, all in memory. */
export function scoreTexts(cases: Array<{ name: string; text: string; gold: GoldPage }>, options: { verbose?: boolean; parse?: ParseOptions } = {}): ScoreResult {
  const output = new Map<string, PredictedPage>();
  for (const c of cases) output.set(c.name, predictedFromParsed(parseText(`${c.name}.txt`, c.text, options.parse), PAPERS));
  return scorePages(cases.map((c) => ({ key: c.name, doc: c.gold })), output, options);
}

/** Names of the held-out cases (folders with an input.txt), sorted. */
export function fixtureCases(): string[] {
  return fs.readdirSync(FIXTURES).filter((d) => fs.existsSync(path.join(FIXTURES, d, 'input.txt'))).sort();
}

/** Reads one held-out case: its page text and its gold. */
export function readCase(name: string): { name: string; text: string; gold: GoldPage } {
  const dir = path.join(FIXTURES, name);
  return {
    name,
    text: fs.readFileSync(path.join(dir, 'input.txt'), 'utf8'),
    gold: JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8')) as GoldPage,
  };
}

/** Scores the held-out cases (those starting with `only`, when given). */
export function scoreFixtures(options: { verbose?: boolean; only?: string; parse?: ParseOptions } = {}): ScoreResult {
  const cases = fixtureCases().filter((c) => !options.only || c.startsWith(options.only));
  return scoreTexts(cases.map(readCase), options);
}

/** Scores `count` simulated pages of a seed (scripts/simulate: damaged pages with exact gold). */
export function scoreSimulated(options: { seed: number; count: number; verbose?: boolean; parse?: ParseOptions }): ScoreResult {
  const pages = simulatePages({ seed: options.seed, count: options.count });
  return scoreTexts(pages.map((p) => ({ name: p.name, text: p.text, gold: p.gold as GoldPage })), options);
}
