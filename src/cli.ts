/**
 * The command line (contract §1):
 *   baokan build [--input DIR] [--out DIR] [--base /sub/path/] [--origin https://…] [--config FILE] …
 * `npm run build -- …` runs the same without the word `build`, which may be left out.
 * Settings come from the flags, then baokan.config.json (src/config.ts), then the defaults.
 * Exit status 0: every input used; 1: some inputs rejected (site built from the rest);
 * 2: usage or configuration error (nothing written).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build, BUILT_IN_PAPERS, defaultCacheDir, UsageError } from './build.js';
import type { BuildResult } from './build.js';
import { ConfigError, loadConfig, mergePapers, parseOrigin } from './config.js';
import { formatReport } from './diagnostics.js';
import { explainPage } from './explain.js';
import { GENERATOR } from './version.js';

const USAGE = `usage: baokan build [--input DIR] [--out DIR] [--base /sub/path/] [--origin https://host] [--config FILE]
                   [--no-cache] [--explain] [--verbose] [--quiet]
       (in a checkout of baokan: npm run build -- [options])

  --input DIR     folder of page files (*.txt), default seeds/
  --out DIR       output folder, default dist/ (replaced only when the build succeeds)
  --base PATH     URL path the site is served under, default /
  --origin URL    https:// origin the site is served from: absolute canonical links, feeds, sitemap
  --config FILE   configuration file, default baokan.config.json in the working directory if any
  --no-cache      parse, render and write everything afresh (no cache, no reuse of the previous output)
  --explain       print, for every article, which source lines went where and why
  --verbose       also print info diagnostics
  --quiet         print errors only
  --version       print the version

Flags win over the configuration file; see the README for its keys (title, origin, base, input, out, papers).`;

/** Runs the CLI with `argv` (without node and script); returns the exit status. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv[0] !== undefined && !argv[0].startsWith('-') ? [argv[0], ...argv.slice(1)] : ['build', ...argv];
  if (command === 'help') return help();
  if (command !== 'build') return usageError(`unknown command ${JSON.stringify(command)}; the command is \`baokan build\``);
  let values;
  try {
    ({ values } = parseArgs({
      args: rest,
      options: {
        input: { type: 'string' },
        out: { type: 'string' },
        base: { type: 'string' },
        origin: { type: 'string' },
        config: { type: 'string' },
        explain: { type: 'boolean', default: false },
        'no-cache': { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
        verbose: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    return usageError((error as Error).message);
  }
  if (values.help) return help();
  if (values.version) {
    console.log(GENERATOR);
    return 0;
  }
  const started = performance.now();
  try {
    const { config } = await loadConfig(process.cwd(), values.config);
    if (values.origin !== undefined && parseOrigin(values.origin) === null) {
      return usageError(`--origin must be the https:// origin the site is served from, such as https://example.org, not ${JSON.stringify(values.origin)}`);
    }
    // Flags (relative to the working directory) win over the file (its folders are absolute).
    const input = values.input ?? (config.input ? relative(config.input) : 'seeds');
    const out = values.out ?? (config.out ? relative(config.out) : 'dist');
    const origin = values.origin ?? config.origin;
    const base = values.base ?? config.base;
    // A progress line only on an interactive terminal: CI logs and pipes stay clean.
    const live = process.stderr.isTTY === true && !process.env.CI && !values.quiet;
    const onProgress = live
      ? (stage: string, done: number, total: number): void => {
          process.stderr.write(`\r\x1b[2K baokan: ${stage}${total > 1 ? ` ${done}/${total}` : ''}…`);
        }
      : undefined;
    const result = await build({
      input,
      out,
      ...(base !== undefined ? { base } : {}),
      ...(origin !== undefined ? { origin } : {}),
      ...(config.title !== undefined ? { title: config.title } : {}),
      papers: config.papers ? mergePapers(BUILT_IN_PAPERS, config.papers) : BUILT_IN_PAPERS,
      cache: values['no-cache'] ? false : defaultCacheDir(),
      trace: values.explain,
      onProgress,
    });
    if (live) process.stderr.write('\r\x1b[2K');
    const min = values.quiet ? 'error' : values.verbose ? 'info' : 'warning';
    for (const line of formatReport(result.reports, min)) console.error(line);
    if (values.explain) for (const parsed of result.parsed.values()) console.log(explainPage(parsed));
    if (!values.quiet) console.error(summary(result, out, performance.now() - started));
    return result.exitCode;
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError || (error as NodeJS.ErrnoException).code === 'ENOENT') {
      console.error(`baokan: ${(error as Error).message}`);
      return 2;
    }
    throw error;
  }
}

/** A folder as the user would type it from the working directory. */
function relative(folder: string): string {
  return path.relative(process.cwd(), folder) || '.';
}

function help(): number {
  console.log(USAGE);
  return 0;
}

function usageError(message: string): number {
  console.error(`baokan: ${message}\n${USAGE}`);
  return 2;
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
