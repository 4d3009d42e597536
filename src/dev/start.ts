/**
 * `baokan dev` (`npm run dev`): build, serve, watch, rebuild, reload.
 *
 *   settings → build → serve out/ under base ←── pages: SSE `state` (reload / error overlay)
 *                ↑                                          │
 *   watch input, templates, public, config ── debounce ── rebuild (one at a time, one queued)
 *
 * The build itself, its printing and its settings come from the command line (src/cli.ts) as
 * functions, so this module knows nothing of flags or reports. A build that fails or rejects
 * an input keeps the site as it was (the caller builds with `keepSiteWhenRejected`), and open
 * pages show its errors until a build without errors replaces them. Runs until SIGINT or
 * SIGTERM, then stops at once: a build still running is abandoned (its lock and staging folder
 * are removed by src/exit.ts's clean-ups), and the process exits.
 */
import { UsageError } from '../build.js';
import { rebuildQueue } from './queue.js';
import { createDevServer, type DevState } from './server.js';
import { watchTargets, type WatchTarget, type Watcher } from './watch.js';

/** What the dev server needs to know of the settings (read again after each change). */
export interface DevSettings {
  out: string;
  /** Normalised: '/' or '/sub/path/'. */
  base: string;
  /** Everything a build reads. */
  watch: WatchTarget[];
}

/** What a build tells the dev server. */
export interface DevBuildOutcome {
  /** True when the site in the output folder changed (open pages reload). */
  changed: boolean;
  /** Lines for the overlay (errors of the build, or why it failed); empty when there were none. */
  errors: string[];
}

export interface DevOptions<S extends DevSettings> {
  port: number;
  host: string;
  /** Milliseconds without changes before a rebuild starts. */
  debounceMs?: number;
  /** Reads the settings (again after a change, when the configuration file may have changed); may throw. */
  settings(): Promise<S>;
  /** Runs one build with `settings`, printing what it does; never throws. `changes` are the changed paths. */
  build(settings: S, changes: string[]): Promise<DevBuildOutcome>;
  /** The overlay lines for an error thrown by `settings()` (after printing it). */
  failed(error: unknown): string[];
  /** Prints a line of the server's own (listening, stopping). */
  log(line: string): void;
}

/** Runs the dev server until SIGINT or SIGTERM; then exits the process with status 0. */
export async function runDevServer<S extends DevSettings>(options: DevOptions<S>): Promise<never> {
  let settings = await options.settings();
  const session = Date.now().toString(36);
  let builds = 0;
  let state: DevState = { build: `${session}-0`, errors: [] };
  const server = createDevServer({ root: () => settings.out, base: () => settings.base }, state);
  let watcher: Watcher | undefined;
  let watching = '';
  const watch = (targets: WatchTarget[]): void => {
    const key = JSON.stringify(targets);
    if (key === watching) return;
    watcher?.close();
    watching = key;
    watcher = watchTargets(targets, (file) => queue.change(file), (problem) => options.log(`baokan: ${problem}`));
  };

  const queue = rebuildQueue(async (changes) => {
    let errors: string[];
    let changed = false;
    try {
      // The configuration may have changed: input, output, base.
      settings = await options.settings();
      watch(settings.watch);
      ({ changed, errors } = await options.build(settings, changes));
    } catch (error) {
      errors = options.failed(error);
    }
    if (changed) builds += 1;
    state = { build: `${session}-${builds}`, errors };
    server.publish(state);
  }, options.debounceMs ?? 150);

  const url = await server.listen(options.port, options.host).catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'EADDRINUSE' ? new UsageError(`port ${options.port} of ${options.host} is in use; choose another with --port`) : error;
  });
  options.log(`baokan: serving ${settings.out}/ at ${url} (watching for changes; Ctrl-C to stop)`);
  watch(settings.watch);
  queue.now('start');

  return new Promise<never>(() => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals): void => {
      if (stopping) process.exit(0);
      stopping = true;
      queue.close();
      watcher?.close();
      options.log(`baokan: stopped (${signal})`);
      // A build still running is abandoned: the exit clean-ups remove its lock and staging folder.
      void server.close().finally(() => process.exit(0));
      // Closing never takes long; if it does, exit anyway.
      setTimeout(() => process.exit(0), 2_000).unref();
    };
    // Kept installed (not `once`), so src/exit.ts sees someone handles the signal and leaves
    // the exit to this handler.
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
