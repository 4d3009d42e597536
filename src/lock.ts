/**
 * One writer per output folder. A build holds `<out>.baokan-lock`, a file beside the output
 * folder naming its holder (pid, host, start time), from before it cleans up after killed builds
 * until its site and cache are written. Another build of the same folder waits (or, asked not
 * to, gives up at once naming the holder); a lock whose process is gone is taken over.
 *
 *   dist/                    the site
 *   dist.baokan-lock         {"pid":1234,"host":"…","started":"…","token":"…"}: a build is writing dist/
 *
 * The file is created with O_EXCL (`wx`), so of two builds exactly one gets it. Its holder is
 * alive when a process with its pid runs on its host (and, where /proc tells, started when the
 * holder did: a pid reused by another program does not count). The lock is removed when the
 * build ends, also on SIGINT and SIGTERM (src/exit.ts); after a SIGKILL the next build finds
 * the holder gone and takes the lock over.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { link, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { onExit } from './exit.js';

const SUFFIX = '.baokan-lock';
/** How often a waiting build looks at the lock again. */
const POLL_MS = 100;
/** A lock file with no readable holder this old was left by a build killed while creating it. */
const UNREADABLE_STALE_MS = 5_000;

/** Who holds an output folder, as recorded in its lock file. */
export interface LockHolder {
  pid: number;
  host: string;
  /** When the holder took the lock (ISO 8601). */
  started: string;
  /** The output folder, as the holder was given it (for messages). */
  out: string;
  /** The holder process's start time in clock ticks since boot (Linux), to tell a reused pid. */
  since?: string;
  /** Random: tells this holding from any other of the same pid. */
  token: string;
}

/** Thrown when the folder is locked and waiting was not allowed (`--no-wait`). */
export class LockBusyError extends Error {
  override name = 'LockBusyError';
  constructor(
    readonly holder: LockHolder,
    readonly out: string,
  ) {
    super(`${describeHolder(holder)} (started ${startedAt(holder)}) is writing ${display(out)}; not waiting for it (--no-wait)`);
  }
}

export interface LockOptions {
  /** Wait for the holder to finish (default), or throw LockBusyError at once. */
  wait?: boolean;
  /** Called when the build starts waiting, once per holder. */
  onWait?: (holder: LockHolder) => void;
  /** Called when a lock left by a process that is gone is taken over. */
  onTakeOver?: (holder: LockHolder) => void;
}

/** A held lock; `release` removes the lock file (only if it is still this holder's). */
export interface OutputLock {
  file: string;
  holder: LockHolder;
  release(): Promise<void>;
}

/** The lock file of an output folder: beside it, so it survives the folder being swapped. */
export function lockFile(out: string): string {
  return `${path.resolve(out)}${SUFFIX}`;
}

/** "build 1234", or "build 1234 on otherhost": how messages name a holder. */
export function describeHolder(holder: LockHolder): string {
  return `build ${holder.pid}${holder.host === hostname() ? '' : ` on ${holder.host}`}`;
}

/** When the holder took the lock, as local time of day ("10:32:07"). */
export function startedAt(holder: LockHolder): string {
  const date = new Date(holder.started);
  return Number.isNaN(date.getTime()) ? holder.started : date.toLocaleTimeString('en-GB');
}

/**
 * Takes the lock of `out` (whose parent folder must exist), waiting while another live build
 * holds it unless `wait` is false. Released by `release()`, or when the process ends.
 */
export async function lockOutput(out: string, options: LockOptions = {}): Promise<OutputLock> {
  const file = lockFile(out);
  const since = processSince(process.pid);
  const holder: LockHolder = {
    pid: process.pid,
    host: hostname(),
    started: new Date().toISOString(),
    out,
    ...(since !== undefined ? { since } : {}),
    token: randomBytes(8).toString('hex'),
  };
  const temporary = `${file}.${holder.pid}-${holder.token}`;
  // Registered before the lock exists: a signal at any moment from here on removes it.
  const unregister = onExit(() => {
    rmQuietly(temporary);
    try {
      if (JSON.parse(readFileSync(file, 'utf8')).token === holder.token) unlinkSync(file);
    } catch {
      // Not taken yet, gone already, or no longer ours.
    }
  });
  try {
    await take(file, temporary, holder, out, options);
  } catch (error) {
    unregister();
    throw error;
  }
  await removeLeftovers(file);
  let released = false;
  return {
    file,
    holder,
    async release() {
      if (released) return;
      released = true;
      unregister();
      const found = await readHolder(file);
      if (typeof found === 'object' && found.token === holder.token) await unlink(file).catch(() => undefined);
    },
  };
}

/** Creates the lock file, waiting for live holders and taking over from dead ones. */
async function take(file: string, temporary: string, holder: LockHolder, out: string, options: LockOptions): Promise<void> {
  let waitedFor = '';
  for (;;) {
    if (await create(file, temporary, holder)) return;
    const found = await readHolder(file);
    if (found === 'missing') continue;
    if (found === 'unreadable') {
      // Being written this instant, or left by a build killed between creating and writing it.
      const age = await stat(file).then((s) => Date.now() - s.mtimeMs, () => 0);
      if (age > UNREADABLE_STALE_MS) await takeOver(file, null);
      else await sleep(POLL_MS / 2);
      continue;
    }
    if (!isHolderAlive(found)) {
      if (await takeOver(file, found)) options.onTakeOver?.(found);
      continue;
    }
    if (options.wait === false) throw new LockBusyError(found, out);
    if (waitedFor !== found.token) {
      waitedFor = found.token;
      options.onWait?.(found);
    }
    await sleep(POLL_MS + Math.floor(Math.random() * POLL_MS));
  }
}

/** Private files of lock takers killed midway (`<lock>.<pid>-…`, `<lock>.stale-<pid>-…`) whose process is gone. */
async function removeLeftovers(file: string): Promise<void> {
  const prefix = `${path.basename(file)}.`;
  for (const name of await readdir(path.dirname(file)).catch(() => [] as string[])) {
    const pid = name.startsWith(prefix) ? /^(?:stale-)?(\d+)-/.exec(name.slice(prefix.length))?.[1] : undefined;
    if (pid !== undefined && Number(pid) !== process.pid && !isProcessAlive(Number(pid))) {
      await unlink(path.join(path.dirname(file), name)).catch(() => undefined);
    }
  }
}

/** Creates the lock file holding `holder`, atomically; false when it exists. */
async function create(file: string, temporary: string, holder: LockHolder): Promise<boolean> {
  // Written whole under a private name, then linked into place: readers never see it half
  // written, and link() fails when the lock exists, as O_EXCL would.
  const handle = await open(temporary, 'wx');
  try {
    await handle.writeFile(`${JSON.stringify(holder)}\n`);
  } finally {
    await handle.close();
  }
  try {
    await link(temporary, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // No hard links on this file system: O_EXCL directly (a reader may then briefly see it empty).
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS') return createExclusive(file, holder);
    throw error;
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
}

async function createExclusive(file: string, holder: LockHolder): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(`${JSON.stringify(holder)}\n`);
  } finally {
    await handle.close();
  }
  return true;
}

/** The holder recorded in the lock file, 'missing' when there is none, 'unreadable' when it is not a holder. */
export async function readHolder(file: string): Promise<LockHolder | 'missing' | 'unreadable'> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
  try {
    const h = JSON.parse(text) as Partial<LockHolder>;
    if (Number.isSafeInteger(h.pid) && typeof h.host === 'string' && typeof h.token === 'string' && typeof h.started === 'string') {
      return { out: '', ...h } as LockHolder;
    }
  } catch {
    // Not JSON (yet).
  }
  return 'unreadable';
}

/**
 * Removes a lock left by a process that is gone. It is first renamed to a name of our own and
 * read again, so of two builds taking over the same dead holder's lock only one removes it, and
 * a lock taken meanwhile by a live build is put back. True when the stale lock was removed.
 */
async function takeOver(file: string, stale: LockHolder | null): Promise<boolean> {
  const claimed = `${file}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await rename(file, claimed);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  const found = await readHolder(claimed);
  const same = stale === null ? found === 'unreadable' : typeof found === 'object' && found.token === stale.token;
  if (!same) await link(claimed, file).catch(() => undefined);
  await unlink(claimed).catch(() => undefined);
  return same;
}

/** True while the holder's process runs (always true for a holder on another host: we cannot tell). */
export function isHolderAlive(holder: Pick<LockHolder, 'pid' | 'host' | 'since'>): boolean {
  if (holder.host !== hostname()) return true;
  if (!isProcessAlive(holder.pid)) return false;
  // The pid runs; where /proc tells when it started, it must be the very process that locked.
  const since = processSince(holder.pid);
  return holder.since === undefined || since === undefined || since === holder.since;
}

/** True when a process with this pid exists on this host. */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A process's start time in clock ticks since boot (field 22 of /proc/<pid>/stat), where there is /proc. */
function processSince(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count after its end.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/** A folder as messages show it: with a trailing slash. */
export function display(out: string): string {
  return out.endsWith('/') ? out : `${out}/`;
}

function rmQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Not there.
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
