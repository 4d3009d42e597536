/**
 * Analysing articles on every core, as pages are parsed (`mapInWorkers`). Each worker loads
 * jieba's dictionary once (~0.5 s), so a few articles are analysed on this thread instead.
 */
import { availableParallelism } from 'node:os';
import { mapInWorkers } from '../workers.js';
import { analyse, type AnalysisInput, type ArticleAnalysis } from './analyse.js';

/** Below this many articles, starting workers costs more than it saves. */
const MIN_ARTICLES_FOR_WORKERS = 400;
const BATCH = 100;

/** Analyses all inputs, in worker threads when there are enough of them and more than one core. */
export async function analyseInParallel(inputs: AnalysisInput[], threads = availableParallelism()): Promise<ArticleAnalysis[]> {
  if (threads < 2 || inputs.length < MIN_ARTICLES_FOR_WORKERS) return inputs.map(analyse);
  return mapInWorkers<AnalysisInput, ArticleAnalysis>('analyse-worker', null, inputs, BATCH, threads);
}
