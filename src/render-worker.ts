/** Worker thread body: renders the site's HTML while the main thread builds the search index. */
import { parentPort, workerData } from 'node:worker_threads';
import { renderSite, type Templates } from './render/index.js';
import type { Site } from './site.js';

const { site, templates, skipIssues } = workerData as { site: Site; templates: Templates; skipIssues: string[] };
parentPort?.postMessage(renderSite(site, templates, { skipIssues: new Set(skipIssues) }));
