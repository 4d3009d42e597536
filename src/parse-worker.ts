/** Worker thread body: parses batches of pages sent by `parseInParallel`. */
import { parentPort, workerData } from 'node:worker_threads';
import { parsePage } from './parse/index.js';
import type { Paper } from './types.js';
import type { ParseJob } from './parallel.js';

const papers = (workerData as { papers: Paper[] }).papers;

parentPort?.on('message', (batch: { id: number; items: ParseJob[] }) => {
  parentPort?.postMessage({ id: batch.id, results: batch.items.map((job) => parsePage(job, papers)) });
});
