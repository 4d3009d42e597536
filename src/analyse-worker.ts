/** Worker thread body: analyses batches of articles for entities and terms (src/entities/parallel.ts). */
import { parentPort } from 'node:worker_threads';
import { analyse, type AnalysisInput } from './entities/analyse.js';

parentPort?.on('message', (batch: { id: number; inputs: AnalysisInput[] }) => {
  parentPort?.postMessage({ id: batch.id, analyses: batch.inputs.map(analyse) });
});
