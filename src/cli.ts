/**
 * The command line (contract §1):
 *   baokan [--input DIR] [--out DIR] [--base /sub/path/] [--explain] [--quiet]
 * Exit status 0: every input used; 1: some inputs rejected (site built from the rest);
 * 2: usage or configuration error (nothing written).
 */
import { parseArgs } from 'node:util';
import { build, DEFAULT_CACHE, UsageError } from './build.js';
import type { BuildResult } from './build.js';
import { formatReport } from './diagnostics.js';
import { explainPage } from './explain.js';

const USAGE = `usage: npm run build -- [--input DIR] [--out DIR] [--base /sub/path/] [--no-cache] [--explain] [--quiet] [--verbose]

  --input DIR   folder of page files (*.txt), default seeds/
  --out DIR     output folder, default dist/ (replaced only when the build succeeds)
  --base PATH   URL path the site is served under, default /
  --no-cache    parse, render and write everything afresh (no cache, no reuse of the previous output)
  --explain     print, for every article, which source lines went where and why
  --verbose     also print info diagnostics
  --quiet       print errors only`;

/** Runs the CLI with `argv` (without node and script); returns the exit status. */
export async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        input: { type: 'string', default: 'seeds' },
        out: { type: 'string', default: 'dist' },
        base: { type: 'string', default: '/' },
        explain: { type: 'boolean', default: false },
        'no-cache': { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
        verbose: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    console.error(`baokan: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const started = performance.now();
  try {
    // A progress line only on an interactive terminal: CI logs and pipes stay clean.
    const live = process.stderr.isTTY === true && !process.env.CI && !values.quiet;
    const onProgress = live
      ? (stage: string, done: number, total: number): void => {
          process.stderr.write(`\r\x1b[2K baokan: ${stage}${total > 1 ? ` ${done}/${total}` : ''}…`);
        }
      : undefined;
    const result = await build({
      input: values.input,
      out: values.out,
      base: values.base,
      cache: values['no-cache'] ? false : DEFAULT_CACHE,
      trace: values.explain,
      onProgress,
    });
    if (live) process.stderr.write('\r\x1b[2K');
    const min = values.quiet ? 'error' : values.verbose ? 'info' : 'warning';
    for (const line of formatReport(result.reports, min)) console.error(line);
    if (values.explain) for (const parsed of result.parsed.values()) console.log(explainPage(parsed));
    if (!values.quiet) console.error(summary(result, values.out, performance.now() - started));
    return result.exitCode;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`baokan: ${error.message}`);
      return 2;
    }
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      console.error(`baokan: ${(error as Error).message}`);
      return 2;
    }
    throw error;
  }
}

/** One line saying what was built: pages, articles, problems, cache use, output size and time. */
function summary(result: BuildResult, out: string, ms: number): string {
  const pages = result.site.papers.reduce((n, p) => n + p.issues.reduce((m, i) => m + i.pages.length, 0), 0);
  const messages = result.reports.flatMap((f) => f.messages);
  const errors = messages.filter((m) => m.fatal === true).length;
  const warnings = messages.filter((m) => m.fatal === false).length;
  const written = result.written ?? { files: result.files.length, bytes: 0, unchanged: 0 };
  return (
    `baokan: ${result.reports.length} files, ${pages} pages, ${result.site.articles.length} articles, ` +
    `${result.rejected.length} rejected, ${errors} errors, ${warnings} warnings; ` +
    `${result.cacheStats.parsed} pages parsed, ${result.cacheStats.cached} from cache, ${result.reusedIssues} issues reused → ${out}/ ` +
    `(${result.files.length} files: ${written.files} written, ${(written.bytes / 1048576).toFixed(1)} MiB; ${written.unchanged} left unchanged) in ${(ms / 1000).toFixed(2)} s`
  );
}
