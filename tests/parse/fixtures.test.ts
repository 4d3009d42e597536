/**
 * Held-out pages written by hand in the seeds' layout but with other districts, masthead forms,
 * bylines, credits and jump markers (tests/fixtures/parse/<case>/input.txt + expected.json).
 * Each expected.json was judged by reading the page; it is never regenerated from the output.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePage } from '../../src/parse/index.js';
import type { Article, Paper, ParsedPage } from '../../src/types.js';
import papersJson from '../../src/papers.json' with { type: 'json' };
import { scoreDirs, summaryLine } from '../../../shared/tools/score-parse.mjs';
import { writeApi } from './write-api.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../fixtures/parse');
const papers = papersJson as Paper[];
const cases = fs.readdirSync(root).filter((d) => fs.existsSync(path.join(root, d, 'input.txt'))).sort();

interface Expected {
  source: string;
  paper: string;
  masthead: { issueNumber: string | null; totalNumber: string | null; date: string | null; weekday: string | null };
  page: { pageNumber: number | null; pageName: string | null };
  paperInferred: boolean;
  date: string | null;
  dateInferred: boolean;
  furniture: string[];
  articles: Array<Omit<Article, 'blocks' | 'position'>>;
}

/** What stage 1 does before the parser: drop the BOM, normalise line endings. */
function readBody(file: string): string {
  return fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

function parseCase(name: string): ParsedPage {
  return parsePage({ source: `${name}.txt`, body: readBody(path.join(root, name, 'input.txt')), bodyLine: 1 }, papers);
}

function expected(name: string): Expected {
  return JSON.parse(fs.readFileSync(path.join(root, name, 'expected.json'), 'utf8')) as Expected;
}

const FIELDS = ['headline', 'kicker', 'subheadline', 'section', 'bylines', 'photoCredits', 'dateline', 'paragraphs',
  'intertitles', 'captions', 'markers', 'continuedTo', 'continuedFrom', 'incomplete'] as const;

describe.each(cases)('held-out page %s', (name) => {
  const want = expected(name);
  const page = parseCase(name);

  it('reads the page metadata', () => {
    expect({
      paper: page.meta.paper?.value ?? null,
      paperInferred: page.meta.paperInferred,
      date: page.meta.date?.value ?? null,
      dateInferred: page.meta.dateInferred,
      issueNumber: page.meta.issueNumber,
      totalNumber: page.meta.totalNumber,
      weekday: page.meta.weekday,
      pageNumber: page.meta.pageNumber,
      pageName: page.meta.pageName,
    }).toEqual({
      paper: want.paper,
      paperInferred: want.paperInferred,
      date: want.date,
      dateInferred: want.dateInferred,
      issueNumber: want.masthead.issueNumber,
      totalNumber: want.masthead.totalNumber,
      weekday: want.masthead.weekday,
      pageNumber: want.page.pageNumber,
      pageName: want.page.pageName,
    });
  });

  it('sets the furniture apart', () => {
    expect(page.furniture.map((b) => b.text)).toEqual(want.furniture);
  });

  it('rebuilds every article exactly', () => {
    expect(page.articles.length).toBe(want.articles.length);
    want.articles.forEach((w, i) => {
      const got = page.articles[i];
      for (const field of FIELDS) expect.soft(got?.[field], `article ${i} ${field}`).toEqual(w[field]);
    });
  });

  it('gives the same articles from the raw file (BOM, CRLF left in)', () => {
    const raw = fs.readFileSync(path.join(root, name, 'input.txt'), 'utf8');
    const again = parsePage({ source: `${name}.txt`, body: raw, bodyLine: 1 }, papers);
    const strip = (p: ParsedPage) => p.articles.map(({ blocks: _b, position: _p, ...a }) => a);
    expect(strip(again)).toEqual(strip(page));
  });
});

describe('held-out pages with the gold scorer', () => {
  it('scores at the thresholds', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baokan-fixtures-'));
    const gold = path.join(dir, 'gold');
    fs.mkdirSync(gold);
    for (const name of cases) fs.copyFileSync(path.join(root, name, 'expected.json'), path.join(gold, `${name}.json`));
    const api = writeApi(dir, cases.map(parseCase), papers);
    const result = scoreDirs(gold, api);
    console.log(summaryLine(result.total));
    fs.rmSync(dir, { recursive: true, force: true });
    for (const metric of ['bodyF1', 'headlineExact', 'paragraphExact', 'bylineF1', 'datelineAccuracy', 'continuationAccuracy', 'paperAccuracy', 'yearAccuracy']) {
      expect.soft(result.total[metric] ?? 0, metric).toBeGreaterThanOrEqual(0.95);
    }
  });
});
