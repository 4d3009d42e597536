/**
 * Parsing on every core. Pages are independent, so batches of them go to worker threads
 * (`mapInWorkers`: a shared queue, results in input order).
 */
import { availableParallelism } from 'node:os';
import { parsePage } from './parse/index.js';
import type { Paper, ParsedPage } from './types.js';
import { mapInWorkers } from './workers.js';

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
  return mapInWorkers<ParseJob, ParsedPage>('parse-worker', { papers }, jobs, BATCH, threads);
}
