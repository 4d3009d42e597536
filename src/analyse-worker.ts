/** Worker thread body: analyses batches of articles for entities and terms (src/entities/parallel.ts). */
import { parentPort } from 'node:worker_threads';
import { analyse, type AnalysisInput } from './entities/analyse.js';

parentPort?.on('message', (batch: { id: number; items: AnalysisInput[] }) => {
  parentPort?.postMessage({ id: batch.id, results: batch.items.map(analyse) });
});
