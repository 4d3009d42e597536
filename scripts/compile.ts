/**
 * Compiles the installable command into `lib/` (run by `npm run compile`, and by npm itself as
 * the `prepack` script: before `npm pack` and `npm publish`, and when baokan is installed from
 * git). Nothing is compiled at run time. Not `prepare`: npm counts that as an install script of
 * a tarball dependency and warns every project that installs baokan. It writes:
 *
 *   lib/bin.js            the `baokan` command (package.json "bin")
 *   lib/parse-worker.js   worker threads, found beside the code that starts them (src/workers.ts)
 *   lib/render-worker.js
 *   lib/analyse-worker.js
 *   lib/chunk-*.js        code shared by the four
 *   lib/assets/           the browser code (search page, highlighting), bundled once here
 *
 * The node code is bundled with the libraries it uses by esbuild: loading a few files instead of
 * several hundred small ESM modules is most of what makes the command start fast, and an
 * install fetches only the package's few "dependencies" (see EXTERNAL). esbuild itself stays
 * out: the compiled command uses the browser code bundled below, so `import 'esbuild'` resolves
 * to a stub.
 * The folder is written beside `lib/` and renamed into place, so a reader never sees half of it.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';
import { bundleBrowserCode } from '../src/search/bundle.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const LIB = path.join(ROOT, 'lib');
/**
 * What stays outside the bundle, installed with the package: its "dependencies", kept for what
 * cannot be bundled (the parser reads @node-rs/jieba's dictionary file at run time). Everything
 * else the command uses is a devDependency, bundled here.
 */
const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
const EXTERNAL = Object.keys(pkg.dependencies ?? {});

/** Replaces esbuild in the node bundle: the compiled command never bundles browser code itself. */
const noEsbuild: Plugin = {
  name: 'baokan-no-esbuild',
  setup(b) {
    b.onResolve({ filter: /^esbuild$/ }, () => ({ path: 'esbuild', namespace: 'baokan-stub' }));
    b.onLoad({ filter: /.*/, namespace: 'baokan-stub' }, () => ({
      contents: "export function build() { throw new Error('baokan: the compiled command uses the browser code in lib/assets/ and cannot run esbuild'); }",
      loader: 'js',
    }));
  },
};

/** Builds everything into `dir`. */
async function compile(dir: string): Promise<void> {
  await build({
    absWorkingDir: ROOT,
    entryPoints: { bin: 'src/bin.ts', 'parse-worker': 'src/parse-worker.ts', 'render-worker': 'src/render-worker.ts', 'analyse-worker': 'src/analyse-worker.ts' },
    outdir: dir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Chunks beside the entry points: src/workers.ts starts a worker as ./<name>.js next to its own code.
    chunkNames: 'chunk-[hash]',
    // CommonJS dependencies (gray-matter, fast-glob) call require() for node's own modules.
    banner: { js: "import { createRequire as __baokanRequire } from 'node:module'; const require = __baokanRequire(import.meta.url);" },
    external: EXTERNAL,
    plugins: [noEsbuild],
    logLevel: 'warning',
  });
  const assets = await bundleBrowserCode();
  for (const file of assets) {
    const target = path.join(dir, file.path);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.contents);
  }
}

const staging = `${LIB}.compile-${process.pid}`;
try {
  await compile(staging);
  await rm(LIB, { recursive: true, force: true });
  await rename(staging, LIB);
} finally {
  await rm(staging, { recursive: true, force: true });
}
console.error(`baokan: compiled the command into ${path.relative(process.cwd(), LIB) || '.'}/`);
