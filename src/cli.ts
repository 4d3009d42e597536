/**
 * The command line (contract §1):
 *   baokan build [--input DIR] [--out DIR] [--base /sub/path/] [--origin https://…] [--config FILE] …
 *   baokan dev   [the same] [--port N] [--host H]      build, serve, watch, rebuild, reload
 * `npm run build -- …` runs the same without the word `build`, which may be left out;
 * `npm run dev -- …` runs `baokan dev`.
 * Settings come from the flags, then baokan.config.json (src/config.ts), then the defaults.
 * Exit status 0: every input used; 1: some inputs rejected (site built from the rest);
 * 2: usage or configuration error, or the output folder is locked by another build and
 * --no-wait was given (nothing written); 3: an internal error (the previous site is kept).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { VFile } from 'vfile';
import { build, BUILT_IN_PAPERS, BuildError, defaultCacheDir, normaliseBase, UsageError } from './build.js';
import type { BuildOptions, BuildResult, WriteOptions } from './build.js';
import { CONFIG_FILE, ConfigError, loadConfig, mergePapers, parseOrigin } from './config.js';
import { formatReport } from './diagnostics.js';
import { explainPage } from './explain.js';
import { describeHolder, display, LockBusyError, startedAt, type LockHolder } from './lock.js';
import { PROJECT_ROOT } from './read.js';
import { GENERATOR } from './version.js';

/** Exit statuses (README, "Command line"). */
export const EXIT = { ok: 0, rejected: 1, usage: 2, internal: 3 } as const;

const USAGE = `usage: baokan build [--input DIR] [--out DIR] [--base /sub/path/] [--origin https://host] [--config FILE]
                   [--no-cache] [--no-wait] [--explain] [--verbose] [--quiet]
       baokan dev [the same options but --explain and --no-wait] [--port N] [--host ADDRESS]
       (in a checkout of baokan: npm run build -- [options], npm run dev -- [options])

  --input DIR     folder of page files (*.txt), default seeds/
  --out DIR       output folder, default dist/ (replaced only when the build succeeds)
  --base PATH     URL path the site is served under, default /
  --origin URL    https:// origin the site is served from: absolute canonical links, feeds, sitemap
  --config FILE   configuration file, default baokan.config.json in the working directory if any
  --no-cache      parse, render and write everything afresh (no cache, no reuse of the previous output)
  --no-wait       if another build is writing the output folder, exit at once (status 2) instead of waiting
  --explain       print, for every article, which source lines went where and why
  --verbose       also print info diagnostics, and the stack of an internal error
  --quiet         print errors only
  --version       print the version

baokan dev builds, serves the site at http://127.0.0.1:8080<base> (--port, --host), rebuilds when a
page file, a template, a public asset or the configuration changes, and reloads open pages.

Exit status: 0 built, 1 some inputs rejected (the rest built), 2 usage or configuration error or
output folder busy with --no-wait, 3 internal error (the previous site is kept).
Flags win over the configuration file; see the README for its keys (title, origin, base, input, out, papers).`;

const BUILD_FLAGS = {
  input: { type: 'string' },
  out: { type: 'string' },
  base: { type: 'string' },
  origin: { type: 'string' },
  config: { type: 'string' },
  'no-cache': { type: 'boolean', default: false },
  quiet: { type: 'boolean', default: false },
  verbose: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', default: false },
} as const;

const FLAGS = {
  build: { ...BUILD_FLAGS, explain: { type: 'boolean', default: false }, 'no-wait': { type: 'boolean', default: false } },
  dev: { ...BUILD_FLAGS, port: { type: 'string', default: '8080' }, host: { type: 'string', default: '127.0.0.1' } },
} as const;

/** The flags every command has. */
interface Flags {
  input?: string | undefined;
  out?: string | undefined;
  base?: string | undefined;
  origin?: string | undefined;
  config?: string | undefined;
  'no-cache': boolean;
  quiet: boolean;
  verbose: boolean;
}

/** Runs the CLI with `argv` (without node and script); returns the exit status. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv[0] !== undefined && !argv[0].startsWith('-') ? [argv[0], ...argv.slice(1)] : ['build', ...argv];
  if (command === 'help') return help();
  if (command !== 'build' && command !== 'dev') return usageError(`unknown command ${JSON.stringify(command)}; the commands are \`baokan build\` and \`baokan dev\``);
  let run: () => Promise<number>;
  let flags: Flags & { help: boolean; version: boolean };
  try {
    if (command === 'dev') {
      const { values } = parseArgs({ args: rest, options: FLAGS.dev, strict: true });
      flags = values;
      run = () => dev(values, values.port, values.host);
    } else {
      const { values } = parseArgs({ args: rest, options: FLAGS.build, strict: true });
      flags = values;
      run = () => buildOnce(values, values.explain, values['no-wait']);
    }
  } catch (error) {
    return usageError((error as Error).message);
  }
  if (flags.help) return help();
  if (flags.version) {
    console.log(GENERATOR);
    return EXIT.ok;
  }
  try {
    return await run();
  } catch (error) {
    return failure(error, flags);
  }
}

/** `baokan build`: one build, its diagnostics and a summary. */
async function buildOnce(flags: Flags, explain: boolean, noWait: boolean): Promise<number> {
  const started = performance.now();
  const settings = await resolveSettings(flags);
  // A progress line only on an interactive terminal: CI logs and pipes stay clean.
  const live = process.stderr.isTTY === true && !process.env.CI && !flags.quiet;
  const onProgress = live
    ? (stage: string, done: number, total: number): void => {
        process.stderr.write(`\r\x1b[2K baokan: ${stage}${total > 1 ? ` ${done}/${total}` : ''}…`);
      }
    : undefined;
  let result: BuildResult;
  try {
    result = await build({ ...settings.options, trace: explain, onProgress, wait: !noWait, onLock: lockMessages(flags, settings.options.out) });
  } finally {
    if (live) process.stderr.write('\r\x1b[2K');
  }
  printBuild(result, flags, settings.options.out, started);
  if (explain) for (const parsed of result.parsed.values()) console.log(explainPage(parsed));
  return result.exitCode;
}

/** `baokan dev`: builds, serves, watches and rebuilds until stopped (src/dev/start.ts). */
async function dev(flags: Flags, port: string, host: string): Promise<number> {
  if (!/^\d+$/.test(port) || Number(port) > 65535) return usageError(`--port must be a port number such as 8080 (0: any free port), not ${JSON.stringify(port)}`);
  const { runDevServer } = await import('./dev/start.js');
  return runDevServer({
    port: Number(port),
    host,
    async settings() {
      const { options, configFile } = await resolveSettings(flags);
      return {
        out: options.out,
        base: normaliseBase(options.base),
        watch: [
          // Page files, and folders (a folder moved or deleted takes its pages along); never
          // dot-folders or other files, which builds do not read (a cache kept below the input
          // folder must not set off a rebuild after every build).
          { path: path.resolve(options.input), kind: 'folder' as const, accept: isPagePath },
          { path: path.join(PROJECT_ROOT, 'templates'), kind: 'folder' as const },
          { path: path.join(PROJECT_ROOT, 'public'), kind: 'folder' as const },
          { path: configFile, kind: 'file' as const },
        ],
        options,
      };
    },
    async build(settings, changes) {
      const started = performance.now();
      const { options } = settings;
      if (!changes.includes('start') && !flags.quiet) console.error(`baokan: ${describeChanges(changes)} changed; building`);
      try {
        const result = await build({ ...options, trace: false, keepSiteWhenRejected: true, onLock: lockMessages(flags, options.out) });
        // After the first build, warnings only of the files that changed: the rest were printed before.
        const first = changes.includes('start');
        const changed = new Set(changes.map((c) => path.resolve(c)));
        printBuild(result, flags, options.out, started, first ? undefined : (file) => changed.has(path.resolve(options.input, String(file.path))));
        const errors = formatReport(result.reports, 'error');
        if (result.kept) console.error(`baokan: ${result.rejected.length} ${result.rejected.length === 1 ? 'file was' : 'files were'} rejected: ${display(options.out)} is left as the last build without errors made it`);
        return { changed: !result.kept && (result.written?.files ?? 0) > 0, errors };
      } catch (error) {
        return { changed: false, errors: reportFailure(error, flags, options.out) };
      }
    },
    failed: (error) => reportFailure(error, flags, undefined),
    log: (line) => console.error(line),
  });
}

/** The settings of a build: flags over the configuration file over the defaults. */
async function resolveSettings(flags: Flags): Promise<{ options: BuildOptions & WriteOptions; configFile: string }> {
  const { config } = await loadConfig(process.cwd(), flags.config);
  if (flags.origin !== undefined && parseOrigin(flags.origin) === null) {
    throw new UsageError(`--origin must be the https:// origin the site is served from, such as https://example.org, not ${JSON.stringify(flags.origin)}`);
  }
  // Flags (relative to the working directory) win over the file (its folders are absolute).
  const input = flags.input ?? (config.input ? relative(config.input) : 'seeds');
  const out = flags.out ?? (config.out ? relative(config.out) : 'dist');
  const origin = flags.origin ?? config.origin;
  const base = flags.base ?? config.base;
  return {
    options: {
      input,
      out,
      ...(base !== undefined ? { base } : {}),
      ...(origin !== undefined ? { origin } : {}),
      ...(config.title !== undefined ? { title: config.title } : {}),
      papers: config.papers ? mergePapers(BUILT_IN_PAPERS, config.papers) : BUILT_IN_PAPERS,
      cache: flags['no-cache'] ? false : defaultCacheDir(),
    },
    configFile: path.resolve(flags.config ?? CONFIG_FILE),
  };
}

/** What a build says while it waits for the output folder, or takes over a dead build's lock. */
function lockMessages(flags: Flags, out: string): WriteOptions['onLock'] {
  return (event: 'wait' | 'take-over', holder: LockHolder) => {
    if (flags.quiet) return;
    if (event === 'wait') console.error(`baokan: waiting for ${describeHolder(holder)} writing ${display(out)} (started ${startedAt(holder)}; --no-wait to give up instead)`);
    else console.error(`baokan: warning: ${describeHolder(holder)} (started ${startedAt(holder)}) is gone but left its lock on ${display(out)}; taking it over`);
  };
}

/** Prints the diagnostics (all errors; warnings only of the files `all` accepts) and the summary of a build. */
function printBuild(result: BuildResult, flags: Flags, out: string, started: number, all?: (file: VFile) => boolean): void {
  const min = flags.quiet ? 'error' : flags.verbose ? 'info' : 'warning';
  const lines = all ? [...result.reports].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)).flatMap((f) => formatReport([f], all(f) ? min : 'error')) : formatReport(result.reports, min);
  for (const line of lines) console.error(line);
  if (!flags.quiet) console.error(summary(result, out, performance.now() - started));
}

/** Prints why a command failed; returns its exit status. */
function failure(error: unknown, flags: Flags): number {
  if (isUsageProblem(error)) {
    console.error(`baokan: ${(error as Error).message}`);
    return EXIT.usage;
  }
  reportFailure(error, flags, flags.out);
  return EXIT.internal;
}

/** A mistake of the user's (flags, configuration, a missing file) or a busy output folder: exit status 2. */
function isUsageProblem(error: unknown): boolean {
  return error instanceof UsageError || error instanceof ConfigError || error instanceof LockBusyError || (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';
}

/**
 * Prints an error as `baokan: …` (an internal error: with its stage and a hint, the stack with
 * --verbose; never a bare stack trace); returns the lines, for the dev server's overlay.
 */
export function reportFailure(error: unknown, flags: { verbose?: boolean }, out: string | undefined): string[] {
  if (isUsageProblem(error)) {
    const line = `baokan: ${(error as Error).message}`;
    console.error(line);
    return [line];
  }
  const stage = error instanceof BuildError ? ` while ${error.stage}` : '';
  const cause = error instanceof BuildError ? error.cause : error;
  const message = cause instanceof Error ? cause.message : String(cause);
  const kept =
    error instanceof BuildError && error.stage === 'saving the cache'
      ? 'the site was written, but the cache was not saved (the next build starts afresh)'
      : `${out !== undefined ? display(out) : 'the output folder'} is left as the last successful build made it`;
  const lines = [
    `baokan: internal error${stage}: ${message}`,
    `baokan: ${kept}. This is a bug in baokan or a problem of this machine (disk space, permissions); ${flags.verbose ? 'the stack trace follows' : 'run again with --verbose for the stack trace'}.`,
  ];
  for (const line of lines) console.error(line);
  if (flags.verbose) console.error(cause instanceof Error ? (cause.stack ?? message) : message);
  return lines;
}

/** A path below the input folder that a build could read: a page file or a folder, not hidden. */
function isPagePath(relative: string): boolean {
  return !relative.split(path.sep).some((s) => s.startsWith('.')) && (relative.endsWith('.txt') || path.extname(relative) === '');
}

/** "seeds/a.txt", "seeds/a.txt and 2 more". */
function describeChanges(changes: string[]): string {
  const shown = changes.map((c) => {
    const rel = path.relative(process.cwd(), c);
    return rel === '' ? '.' : rel.startsWith('..') ? c : rel;
  });
  return shown.length <= 1 ? (shown[0] ?? 'something') : `${shown[0]} and ${shown.length - 1} more`;
}

/** A folder as the user would type it from the working directory. */
function relative(folder: string): string {
  return path.relative(process.cwd(), folder) || '.';
}

function help(): number {
  console.log(USAGE);
  return EXIT.ok;
}

function usageError(message: string): number {
  console.error(`baokan: ${message}\n${USAGE}`);
  return EXIT.usage;
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
