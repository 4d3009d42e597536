/**
 * Worker thread body: renders the site's HTML in batches while the main thread builds the search
 * index, running at most `credits` batches ahead of the writer (see `streamWorker`).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { renderSiteBatches, type Templates } from './render/index.js';
import { landSite, type ShippedSite } from './shipped-site.js';

const { shipped, templates, skipIssues, skipEntities, credits } = workerData as { shipped: ShippedSite; templates: Templates; skipIssues: string[]; skipEntities: string[]; credits: number };
const site = landSite(shipped);
let available = credits;
let wake: (() => void) | null = null;
parentPort?.on('message', () => {
  available++;
  wake?.();
  wake = null;
});
for (const batch of renderSiteBatches(site, templates, { skipIssues: new Set(skipIssues), skipEntities: new Set(skipEntities), citations: true })) {
  while (available === 0) await new Promise<void>((resolve) => (wake = resolve));
  available--;
  parentPort?.postMessage({ batch });
}
parentPort?.postMessage({ done: true });
