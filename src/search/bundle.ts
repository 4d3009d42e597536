/** Bundles the browser code (search page and article-page highlighting) with esbuild, in memory. */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { OutputFile } from '../types.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * assets/search.js and assets/highlight.js (plus shared chunks, e.g. the t2s table, which
 * highlight.js imports only when there is something to highlight). Minified ESM, no source
 * maps, paths relative to the repository: the same sources give the same bytes.
 */
export async function bundleBrowserCode(): Promise<OutputFile[]> {
  let result;
  try {
    result = await build({
      absWorkingDir: ROOT,
      entryPoints: { search: 'src/browser/search.ts', highlight: 'src/browser/highlight.ts' },
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2020',
      minify: true,
      legalComments: 'none',
      charset: 'utf8',
      write: false,
      outdir: path.join(ROOT, 'assets'),
      entryNames: '[name]',
      chunkNames: 'search-[name]-[hash]',
      logLevel: 'silent',
    });
  } catch (cause) {
    throw new Error('baokan search: esbuild could not bundle src/browser/search.ts and highlight.ts', { cause });
  }
  return result.outputFiles
    .map((f) => ({ path: `assets/${path.relative(path.join(ROOT, 'assets'), f.path).split(path.sep).join('/')}`, contents: f.contents }))
    .sort((a, b) => (a.path < b.path ? -1 : 1));
}
