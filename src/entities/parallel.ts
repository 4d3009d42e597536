/**
 * Analysing articles on every core, as pages are parsed (src/parallel.ts): batches go to worker
 * threads through a shared queue and come back in input order, so the result does not depend on
 * scheduling. Each worker loads jieba's dictionary once (~0.5 s), so a few articles are analysed
 * on this thread instead.
 */
import { availableParallelism } from 'node:os';
import { startWorker } from '../workers.js';
import { analyse, type AnalysisInput, type ArticleAnalysis } from './analyse.js';

/** Below this many articles, starting workers costs more than it saves. */
const MIN_ARTICLES_FOR_WORKERS = 400;
const BATCH = 100;

/** Analyses all inputs, in worker threads when there are enough of them and more than one core. */
export async function analyseInParallel(inputs: AnalysisInput[], threads = availableParallelism()): Promise<ArticleAnalysis[]> {
  if (threads < 2 || inputs.length < MIN_ARTICLES_FOR_WORKERS) return inputs.map(analyse);
  const results: ArticleAnalysis[] = new Array(inputs.length);
  const batches: { id: number; inputs: AnalysisInput[] }[] = [];
  for (let i = 0; i < inputs.length; i += BATCH) batches.push({ id: i, inputs: inputs.slice(i, i + BATCH) });
  const workers = Array.from({ length: Math.min(threads, batches.length) }, () => startWorker('analyse-worker', null));
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
            worker.on('message', ({ id, analyses }: { id: number; analyses: ArticleAnalysis[] }) => {
              analyses.forEach((a, k) => (results[id + k] = a));
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
