/**
 * Parsing on every core. Pages are independent, so batches of them go to worker threads through
 * a shared queue (a slow page does not hold up a whole share); results come back in input order,
 * so the output does not depend on scheduling.
 */
import { availableParallelism } from 'node:os';
import { parsePage } from './parse/index.js';
import type { Paper, ParsedPage } from './types.js';
import { startWorker } from './workers.js';

export interface ParseJob {
  source: string;
  body: string;
  bodyLine: number;
}

/** Below this many pages, starting workers costs more than it saves. */
const MIN_PAGES_FOR_WORKERS = 200;
const BATCH = 40;

/** Parses all jobs, in worker threads when there are enough of them and more than one core. */
export async function parseInParallel(jobs: ParseJob[], papers: Paper[], threads = availableParallelism()): Promise<ParsedPage[]> {
  if (threads < 2 || jobs.length < MIN_PAGES_FOR_WORKERS) return jobs.map((job) => parsePage(job, papers));
  const results: ParsedPage[] = new Array(jobs.length);
  const batches: { id: number; jobs: ParseJob[] }[] = [];
  for (let i = 0; i < jobs.length; i += BATCH) batches.push({ id: i, jobs: jobs.slice(i, i + BATCH) });
  const workers = Array.from({ length: Math.min(threads, batches.length) }, () => startWorker('parse-worker', { papers }));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const next = (): void => {
              const batch = batches.shift();
              if (batch) worker.postMessage(batch);
              else resolve();
            };
            worker.on('message', ({ id, pages }: { id: number; pages: ParsedPage[] }) => {
              pages.forEach((page, k) => (results[id + k] = page));
              next();
            });
            worker.on('error', reject);
            next();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
