/** Serves built index files from memory to the browser loader, counting what a query fetches. */
import type { OutputFile } from '../../src/types.js';
import { createLoader, type IndexLoader } from '../../src/browser/loader.js';

export interface MemoryIndex {
  loader: IndexLoader;
  /** Paths fetched so far, with their (compressed) sizes. */
  fetched: Array<{ path: string; bytes: number }>;
}

/** A loader over OutputFile[] as a static server would serve them under `/`. */
export function memoryIndex(files: OutputFile[]): MemoryIndex {
  const byPath = new Map(files.map((f) => [f.path, f.contents]));
  const fetched: MemoryIndex['fetched'] = [];
  const loader = createLoader('/search/', async (url) => {
    const path = url.replace(/^\//, '').replace(/\?.*$/, '');
    const body = byPath.get(path);
    if (body === undefined) throw new Error(`test server: 404 ${url}`);
    const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
    fetched.push({ path, bytes: bytes.length });
    return bytes;
  });
  return { loader, fetched };
}
