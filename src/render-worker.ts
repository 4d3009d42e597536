/**
 * Worker thread body: renders the site's HTML in batches while the main thread builds the search
 * index, running at most `credits` batches ahead of the writer (see `streamWorker`). It starts
 * with the site's index and receives each issue to render, with its articles in full, as an
 * input message (src/shipped-site.ts), so its heap holds the index and the issues in flight.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { renderSiteParts, type Templates } from './render/index.js';
import type { SiteIndex, SiteIssue } from './site.js';

const { index, templates, skipIssues, skipEntities, credits } = workerData as { index: SiteIndex; templates: Templates; skipIssues: string[]; skipEntities: string[]; credits: number };
let available = credits;
const inbox: SiteIssue[] = [];
let wake: (() => void) | null = null;
parentPort?.on('message', (message: 'credit' | { input: SiteIssue }) => {
  if (message === 'credit') available++;
  else inbox.push(message.input);
  wake?.();
  wake = null;
});
const until = async (ready: () => boolean): Promise<void> => {
  while (!ready()) await new Promise<void>((resolve) => (wake = resolve));
};
for (const part of renderSiteParts(index, templates, { skipIssues: new Set(skipIssues), skipEntities: new Set(skipEntities), citations: true })) {
  let batch;
  if (Array.isArray(part)) batch = part;
  else {
    await until(() => inbox.length > 0);
    batch = part.render(inbox.shift()!);
  }
  await until(() => available > 0);
  available--;
  // `took`: this batch used an input, so the main thread may send the next one.
  parentPort?.postMessage({ batch, took: !Array.isArray(part) });
}
parentPort?.postMessage({ done: true });
