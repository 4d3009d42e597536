/**
 * When the dev server rebuilds: changes are debounced (an editor's save, or a copy of many page
 * files, is many events), builds never overlap, and changes made during a build queue exactly
 * one more build, which sees all of them.
 *
 *   change ─┬─ wait `debounceMs` after the last change ─→ build(changes) ─→ idle
 *           └─ during a build: remembered ─────────────────────────────────→ one more build
 */

export interface RebuildQueue {
  /** Notes a changed path; a build follows once changes stop for the debounce time. */
  change(what: string): void;
  /** Builds now (the first build), or right after the running one. */
  now(what: string): void;
  /** Resolves when no build runs or waits. */
  idle(): Promise<void>;
  /** Drops what is waiting; a running build finishes, but nothing follows it. */
  close(): void;
  /** True while a build runs. */
  readonly running: boolean;
}

/** A queue that runs `build` with the changes collected since the last build began. */
export function rebuildQueue(build: (changes: string[]) => Promise<void>, debounceMs: number): RebuildQueue {
  let pending: string[] = [];
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  /** Changes arrived (and their debounce ended) while a build ran: one more build follows it. */
  let again = false;
  let closed = false;
  let waiters: (() => void)[] = [];

  const settle = (): void => {
    if (running || timer || again) return;
    for (const resolve of waiters) resolve();
    waiters = [];
  };

  const start = (): void => {
    timer = undefined;
    if (closed) return settle();
    if (running) {
      again = true;
      return;
    }
    const changes = [...new Set(pending)];
    pending = [];
    running = true;
    void build(changes)
      .catch(() => undefined)
      .finally(() => {
        running = false;
        if (again && !closed) {
          again = false;
          start();
        } else {
          again = false;
          settle();
        }
      });
  };

  return {
    change(what) {
      if (closed) return;
      pending.push(what);
      clearTimeout(timer);
      timer = setTimeout(start, debounceMs);
    },
    now(what) {
      if (closed) return;
      pending.push(what);
      clearTimeout(timer);
      start();
    },
    idle() {
      return new Promise((resolve) => {
        waiters.push(resolve);
        settle();
      });
    },
    close() {
      closed = true;
      clearTimeout(timer);
      timer = undefined;
      again = false;
      settle();
    },
    get running() {
      return running;
    },
  };
}
