/**
 * Clean-ups that must run however the process ends: a normal exit, `process.exit()`, or SIGINT /
 * SIGTERM (which would otherwise end node without running anything). The output lock and the
 * staging folders of a running build register here, so Ctrl-C leaves neither behind.
 *
 * Clean-ups are synchronous (nothing asynchronous runs once the process is exiting) and run once.
 * The signal handlers are installed only while a clean-up is registered; when nobody else
 * listens for the signal, it is raised again after the clean-ups, so the process still ends as
 * the signal says (status 130 for Ctrl-C in a shell).
 */
import { isMainThread } from 'node:worker_threads';

type Signal = 'SIGINT' | 'SIGTERM';
const SIGNALS: Signal[] = ['SIGINT', 'SIGTERM'];
const cleanups = new Set<() => void>();
let installed = false;

/** Runs every registered clean-up once; one that throws does not stop the others. */
function runAll(): void {
  for (const fn of [...cleanups]) {
    cleanups.delete(fn);
    try {
      fn();
    } catch {
      // Exiting anyway: what could not be cleaned is cleaned by the next build (write.ts).
    }
  }
}

function onSignal(signal: Signal): void {
  runAll();
  uninstall();
  // Others (the dev server) handle the signal themselves; otherwise end as node would have.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

const handlers = new Map<Signal, () => void>(SIGNALS.map((s) => [s, () => onSignal(s)]));

function install(): void {
  if (installed) return;
  installed = true;
  process.on('exit', runAll);
  // Worker threads receive no signals; their process's main thread cleans up.
  if (isMainThread) for (const [signal, handler] of handlers) process.on(signal, handler);
}

function uninstall(): void {
  if (!installed) return;
  installed = false;
  process.off('exit', runAll);
  for (const [signal, handler] of handlers) process.off(signal, handler);
}

/**
 * Registers `fn` to run when the process exits or is stopped by SIGINT/SIGTERM; returns a
 * function that unregisters it (call it once the clean-up is no longer needed).
 */
export function onExit(fn: () => void): () => void {
  cleanups.add(fn);
  install();
  return () => {
    cleanups.delete(fn);
    if (cleanups.size === 0) uninstall();
  };
}
