import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseInParallel, type ParseJob } from '../../src/parallel.js';
import papers from '../../src/papers.json' with { type: 'json' };
import type { Paper } from '../../src/types.js';

const SEEDS = path.join(import.meta.dirname, '../../seeds');

describe('parseInParallel', () => {
  it('gives the same pages, in input order, in worker threads as on the main thread', async () => {
    const seeds = readdirSync(SEEDS).sort().map((f) => readFileSync(path.join(SEEDS, f), 'utf8'));
    const jobs: ParseJob[] = Array.from({ length: 250 }, (_, i) => ({
      source: `p${i}.txt`,
      // Vary the pages so a misplaced result would show.
      body: `${seeds[i % seeds.length]}\n\n第${i}条补充消息。\n`,
      bodyLine: 1 + (i % 3),
    }));
    const inline = await parseInParallel(jobs, papers as Paper[], 1);
    const threaded = await parseInParallel(jobs, papers as Paper[], 2);
    expect(threaded.map((p) => p.source)).toEqual(jobs.map((j) => j.source));
    expect(threaded).toEqual(inline);
  });
});
