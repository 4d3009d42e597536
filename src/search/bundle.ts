/** Bundles the browser code (search page and article-page highlighting) with esbuild, in memory. */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { OutputFile } from '../types.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * assets/search.js (self-contained, so the search page needs no second script round trip) and
 * assets/highlight.js, a few hundred bytes on every article page that loads the normalizer
 * chunk (with the t2s table) only when there is something to highlight. Minified ESM, no
 * source maps, paths relative to the repository: the same sources give the same bytes.
 */
export async function bundleBrowserCode(): Promise<OutputFile[]> {
  const [search, highlight, small] = await Promise.all([
    bundle({ search: 'src/browser/search.ts' }, false),
    bundle({ highlight: 'src/browser/highlight.ts' }, true),
    // Each self-contained: the citation copy button, the home page's 历史上的今天.
    bundle({ cite: 'src/browser/cite.ts', 'on-this-day': 'src/browser/on-this-day.ts' }, false),
  ]);
  return [...search, ...highlight, ...small].sort((a, b) => (a.path < b.path ? -1 : 1));
}

async function bundle(entryPoints: Record<string, string>, splitting: boolean): Promise<OutputFile[]> {
  const outdir = path.join(ROOT, 'assets');
  let result;
  try {
    result = await build({
      absWorkingDir: ROOT,
      entryPoints,
      bundle: true,
      splitting,
      format: 'esm',
      platform: 'browser',
      target: 'es2020',
      minify: true,
      legalComments: 'none',
      charset: 'utf8',
      write: false,
      outdir,
      entryNames: '[name]',
      chunkNames: 'search-[name]-[hash]',
      logLevel: 'silent',
    });
  } catch (cause) {
    throw new Error(`baokan search: esbuild could not bundle ${Object.values(entryPoints).join(', ')}`, { cause });
  }
  return result.outputFiles.map((f) => ({
    path: `assets/${path.relative(outdir, f.path).split(path.sep).join('/')}`,
    contents: f.contents,
  }));
}
