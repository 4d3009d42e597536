/**
 * The last stage: puts the site on disk so that a failed or killed build never leaves a
 * half-written site. Two ways:
 *
 * - A full build (`openStaging`, `writeOutput`) writes the whole site into a staging folder next
 *   to the output folder, then swaps it in with renames.
 * - An incremental build (`openUpdate`) changes an existing output folder in place, because
 *   rewriting or linking ~30k files to change a few hundred is what makes it slow. Changed files
 *   are first appended to a pack in an update folder next to the output folder; `journal.json`
 *   (renamed into place: the commit point) then lists them, and applying it overwrites the
 *   targets. A crash before the commit point leaves the output untouched; after it, the journal
 *   is applied again (roll forward), which is harmless however often it is repeated.
 *
 * `recoverOutput` runs before every build and cleans up after a killed one: it removes staging
 * folders and uncommitted updates, restores a site retired by an interrupted swap, and rolls
 * committed updates forward. It touches only folders whose owner is gone: each name carries
 * the pid of the process that made it (`<out>.baokan-staging-<pid>-<random>`), and a folder of a
 * process that still runs, or one this process is still writing, is left alone. (Builds also
 * hold the output folder's lock, src/lock.ts, so normally no other writer is there at all.)
 * A folder being written is removed when the process is stopped by SIGINT or SIGTERM.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { lstat, mkdir, open, readdir, readFile, rename, rm, rmdir, stat, unlink, writeFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { onExit } from './exit.js';
import { isProcessAlive } from './lock.js';
import type { OutputFile } from './types.js';

const STAGING = '.baokan-staging-';
const RETIRED = '.baokan-old-';
const UPDATE = '.baokan-update-';
const PACK = 'pack';
const JOURNAL = 'journal.json';
/** Files written at once: keeps file handles (and, for updates, buffers) in check. */
const WIDTH = 16;

/** Staging and update folders this process is writing now (absolute paths). */
const inUse = new Set<string>();

/**
 * True when the process that made `folder` (a sibling named `<out><kind><pid>-<random>`) is gone,
 * or is this process and no longer writes it: only then may recovery touch the folder.
 */
function ownerGone(folder: string, kind: string): boolean {
  const name = path.basename(folder);
  const pid = Number(/^(\d+)-/.exec(name.slice(name.indexOf(kind) + kind.length))?.[1]);
  if (!Number.isSafeInteger(pid) || pid <= 0) return true;
  return pid === process.pid ? !inUse.has(folder) : !isProcessAlive(pid);
}

/**
 * Removes a folder at once, from an exit or signal handler. Writes already handed to libuv's
 * thread pool may still land in it meanwhile (rm then fails with ENOTEMPTY, or a directory comes
 * back), so it retries briefly: the main thread blocks here, so no new write starts while the
 * pending ones finish.
 */
function removeNow(folder: string): void {
  rmSync(folder, { recursive: true, force: true, maxRetries: 10, retryDelay: 20 });
  // A directory creation already under way may bring the folder back: wait for it once, remove again.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 30);
  rmSync(folder, { recursive: true, force: true, maxRetries: 10, retryDelay: 20 });
}

/** Marks `folder` as being written by this process until the returned function is called. */
function claim(folder: string, cleanup: () => void): () => void {
  inUse.add(folder);
  const unregister = onExit(cleanup);
  return () => {
    inUse.delete(folder);
    unregister();
  };
}

/** The identity of a folder (device and inode), so a journal is never applied to another folder that took its name. */
async function folderId(folder: string): Promise<string | undefined> {
  const info = await stat(folder, { bigint: true }).catch(() => undefined);
  return info ? `${info.dev}:${info.ino}` : undefined;
}

/**
 * Removes staging folders of killed builds, restores a site retired by an interrupted swap, and
 * finishes interrupted updates (or drops those killed before their commit point).
 */
export async function recoverOutput(out: string): Promise<void> {
  const dir = path.dirname(out);
  const name = path.basename(out);
  const siblings = await readdir(dir).catch(() => [] as string[]);
  const stale = (kind: string) => siblings.filter((s) => s.startsWith(`${name}${kind}`) && ownerGone(path.join(dir, s), kind));
  let outExists = siblings.includes(name);
  const retired = stale(RETIRED).sort();
  if (!outExists && retired.length > 0) {
    await rename(path.join(dir, retired.pop() as string), out);
    outExists = true;
  }
  for (const s of [...stale(STAGING), ...retired]) await rm(path.join(dir, s), { recursive: true, force: true });
  // Every build recovers before it opens an update, so at most one committed journal can be
  // waiting here and their order does not matter.
  const target = await folderId(out);
  for (const s of stale(UPDATE)) {
    const folder = path.join(dir, s);
    const journal = await readJournal(folder);
    // Without `out` (deleted by hand) the journal has nothing to finish; nor when `out` is no
    // longer the folder it was written for (a fresh site was swapped in since).
    if (journal && outExists && (journal.target === undefined || journal.target === target)) await applyJournal(out, folder, journal);
    await rm(folder, { recursive: true, force: true });
  }
}

/** A staging folder being filled; `commit` swaps it in place of the output folder. */
export interface Staging {
  /** Writes a batch of files into the staging folder. */
  write(files: OutputFile[]): Promise<void>;
  /** Swaps the staging folder in place of the output folder. */
  commit(): Promise<void>;
  /** Removes the staging folder; the previous output stays as it was. */
  abort(): Promise<void>;
}

/** Opens a staging folder next to `out` (after cleaning leftovers of killed builds). */
export async function openStaging(out: string): Promise<Staging> {
  const absolute = path.resolve(out);
  await mkdir(path.dirname(absolute), { recursive: true });
  await recoverOutput(absolute);
  const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const staging = `${absolute}${STAGING}${tag}`;
  // Claimed before it exists: a signal at any moment from here on removes it.
  const release = claim(staging, () => removeNow(staging));
  await mkdir(staging).catch((error: unknown) => {
    release();
    throw error;
  });
  const made = new Set<string>();
  return {
    async write(files) {
      const dirs = [...new Set(files.map((f) => path.dirname(path.join(staging, f.path))))].filter((d) => !made.has(d)).sort();
      for (const d of dirs) {
        await mkdir(d, { recursive: true });
        made.add(d);
      }
      await inParallel(files, async (f) => {
        if (f.unchanged) throw new Error(`baokan: ${f.path}: a fresh site has no unchanged files to keep`);
        await writeFile(path.join(staging, f.path), f.stream ?? f.contents);
      });
    },
    async commit() {
      // From here a stopped build leaves the folders for the next build's recovery to sort out.
      release();
      const retired = `${absolute}${RETIRED}${tag}`;
      const hadOld = await rename(absolute, retired).then(
        () => true,
        (e: NodeJS.ErrnoException) => {
          if (e.code === 'ENOENT') return false;
          throw e;
        },
      );
      await rename(staging, absolute);
      if (hadOld) await rm(retired, { recursive: true, force: true });
    },
    async abort() {
      await rm(staging, { recursive: true, force: true });
      release();
    },
  };
}

/** Writes all files to a staging folder and swaps it in place of `out`. */
export async function writeOutput(out: string, files: OutputFile[]): Promise<void> {
  const staging = await openStaging(out);
  try {
    await staging.write(files);
  } catch (error) {
    await staging.abort();
    throw error;
  }
  await staging.commit();
}

/** An in-place update of an existing output folder, made crash-safe by a write-ahead pack. */
export interface Update {
  /** Appends a batch of changed or new files (each with `contents`; unchanged files are left out). */
  write(files: OutputFile[]): Promise<void>;
  /**
   * Commits: records the journal, then deletes the files in `remove` (relative paths; missing
   * ones and paths that are now folders are skipped) and applies every written file.
   */
  commit(remove: string[]): Promise<void>;
  /** Discards everything written; the output folder is untouched. A no-op once the journal is committed. */
  abort(): Promise<void>;
}

/**
 * `journal.json` in an update folder: each written file as [path, offset, length] of its bytes
 * in `pack`, and the files to delete. Paths are relative to the output folder, with `/`.
 */
interface Journal {
  files: [string, number, number][];
  remove: string[];
  /** The identity (device:inode) of the output folder it was written for. */
  target?: string;
}

/** Opens an update of the existing folder `out` (after cleaning leftovers of killed builds). */
export async function openUpdate(out: string): Promise<Update> {
  const absolute = path.resolve(out);
  await recoverOutput(absolute);
  if (!(await stat(absolute).then((s) => s.isDirectory(), () => false))) {
    throw new Error(`baokan: cannot update ${absolute} in place: it is not an existing folder (write the whole site instead)`);
  }
  const target = await folderId(absolute);
  const folder = `${absolute}${UPDATE}${process.pid}-${randomBytes(4).toString('hex')}`;
  let committed = false;
  // Stopped before its commit point, the update is dropped; after it, left to be rolled forward.
  const release = claim(folder, () => {
    if (!committed) removeNow(folder);
  });
  let pack: FileHandle;
  try {
    await mkdir(folder);
    pack = await open(path.join(folder, PACK), 'w');
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    release();
    throw error;
  }
  // Only paths and positions are kept: the bytes live in the pack.
  const files: [string, number, number][] = [];
  const written = new Set<string>();
  const folders = new Set<string>();
  const pending = new Set<Promise<void>>();
  let size = 0;
  let failed = false;
  let closed = false;

  const append = async (batch: OutputFile[]): Promise<void> => {
    if (closed) throw new Error('baokan: this update is already committed or aborted');
    // Check the whole batch before taking any of it, so a rejected batch changes nothing.
    const paths = new Set<string>();
    const parents = new Set<string>();
    for (const f of batch) {
      checkPath(f.path);
      if (f.unchanged) throw new Error(`baokan: ${f.path}: an update only writes contents; leave out unchanged (reused) files`);
      if (written.has(f.path) || paths.has(f.path)) throw new Error(`baokan: ${f.path} is written twice`);
      if (folders.has(f.path) || parents.has(f.path)) throw new Error(`baokan: ${f.path} is written both as a file and as a folder`);
      for (const p of ancestors(f.path)) {
        if (written.has(p) || paths.has(p)) throw new Error(`baokan: ${p} is written both as a file and as a folder`);
        parents.add(p);
      }
      paths.add(f.path);
    }
    const whole = batch.filter((f) => !f.stream);
    const buffers = whole.map((f) => (typeof f.contents === 'string' ? Buffer.from(f.contents, 'utf8') : f.contents));
    // Offsets are handed out now, so batches written at the same time land in separate ranges.
    const start = size;
    whole.forEach((f, i) => {
      const length = (buffers[i] as Uint8Array).byteLength;
      files.push([f.path, size, length]);
      size += length;
      written.add(f.path);
    });
    for (const f of batch) written.add(f.path);
    for (const p of parents) folders.add(p);
    // This batch's end: `size` moves on while the write runs if another batch comes meanwhile.
    const end = size;
    try {
      const { bytesWritten } = await pack.writev(buffers, start);
      if (bytesWritten !== end - start) throw new Error(`baokan: short write to ${path.join(folder, PACK)}`);
      // A streamed file's length is known only at its end: it is appended alone, chunk by
      // chunk, while no other batch appends (see `write`).
      for (const f of batch) {
        if (!f.stream) continue;
        const from = size;
        for await (const chunk of f.stream) {
          const { bytesWritten: n } = await pack.write(chunk, 0, chunk.byteLength, size);
          if (n !== chunk.byteLength) throw new Error(`baokan: short write to ${path.join(folder, PACK)}`);
          size += n;
        }
        files.push([f.path, from, size - from]);
      }
    } catch (error) {
      failed = true;
      throw error;
    }
  };
  // Batches are appended one after the other, so a streamed file's chunks are contiguous.
  let queue: Promise<void> = Promise.resolve();

  // Waits for every write still running (so the pack can be closed), without its errors.
  const settle = () => Promise.allSettled([...pending]);

  return {
    write(batch) {
      const run = queue.then(() => append(batch));
      queue = run.catch(() => undefined);
      pending.add(run);
      void run.catch(() => undefined).finally(() => pending.delete(run));
      return run;
    },
    async commit(remove) {
      if (closed) throw new Error('baokan: this update is already committed or aborted');
      closed = true;
      await settle();
      if (failed) throw new Error('baokan: a write to this update failed; abort it');
      remove.forEach(checkPath);
      const journal: Journal = { files, remove: [...new Set(remove)], ...(target ? { target } : {}) };
      try {
        await pack.sync();
        await pack.close();
        const temporary = path.join(folder, `${JOURNAL}.tmp`);
        const handle = await open(temporary, 'w');
        try {
          await handle.writeFile(JSON.stringify(journal));
          await handle.sync();
        } finally {
          await handle.close();
        }
        await rename(temporary, path.join(folder, JOURNAL)); // The commit point.
        committed = true;
      } catch (error) {
        // Failed before the commit point: the output is untouched, the update is dropped.
        await pack.close().catch(() => undefined);
        await rm(folder, { recursive: true, force: true });
        release();
        throw error;
      }
      await syncFolder(folder);
      try {
        await applyJournal(absolute, folder, journal);
        await rm(folder, { recursive: true, force: true });
      } finally {
        // Applied, or failed midway: either way the next build's recovery may take it now.
        release();
      }
    },
    async abort() {
      // Past the commit point the journal must survive, to be rolled forward by the next build.
      if (committed) return;
      closed = true;
      await settle();
      await pack.close().catch(() => undefined);
      await rm(folder, { recursive: true, force: true });
      release();
    },
  };
}

/** The journal of an update folder, or undefined when there is none (killed before its commit point) or it is unusable. */
async function readJournal(folder: string): Promise<Journal | undefined> {
  let journal: unknown;
  try {
    journal = JSON.parse(await readFile(path.join(folder, JOURNAL), 'utf8'));
  } catch {
    return undefined;
  }
  const { files, remove, target } = (journal ?? {}) as Partial<Journal>;
  const valid =
    (target === undefined || typeof target === 'string') &&
    Array.isArray(files) &&
    Array.isArray(remove) &&
    files.every((e) => Array.isArray(e) && e.length === 3 && validPath(e[0]) && Number.isSafeInteger(e[1]) && Number.isSafeInteger(e[2]) && e[1] >= 0 && e[2] >= 0) &&
    remove.every(validPath);
  return valid ? { files, remove, ...(target !== undefined ? { target } : {}) } : undefined;
}

/**
 * Applies a committed journal to `out`. Idempotent, so a crash midway is repaired by applying it
 * again. Deletions go first, so a deleted path never takes away a written one and the obstacles
 * they leave are gone before writing. Otherwise the new site wins: a folder where a file goes,
 * or a file where a folder goes, is removed.
 */
async function applyJournal(out: string, folder: string, journal: Journal): Promise<void> {
  await inParallel(journal.remove, async (rel) => {
    await unlink(path.join(out, rel)).catch((e: NodeJS.ErrnoException) => {
      // Already gone, under what is now a file, or now a folder of the new site (EISDIR, or EPERM on macOS).
      if (!['ENOENT', 'ENOTDIR', 'EISDIR', 'EPERM'].includes(e.code ?? '')) throw e;
    });
  });
  // Folders emptied by the deletions, deepest first so a parent is tried after its children.
  const emptied = [...new Set(journal.remove.flatMap(ancestors))].sort((a, b) => depth(b) - depth(a));
  for (const rel of emptied) await rmdir(path.join(out, rel)).catch(() => undefined);

  for (const rel of [...new Set(journal.files.map(([p]) => path.posix.dirname(p)))].filter((d) => d !== '.').sort()) {
    await makeFolder(out, rel);
  }
  const pack = await open(path.join(folder, PACK), 'r');
  try {
    await inParallel(journal.files, async ([rel, offset, length]) => {
      const bytes = Buffer.allocUnsafe(length);
      const { bytesRead } = await pack.read(bytes, 0, length, offset);
      if (bytesRead !== length) throw new Error(`baokan: ${path.join(folder, PACK)} is truncated (${rel})`);
      const target = path.join(out, rel);
      await writeFile(target, bytes).catch(async (e: NodeJS.ErrnoException) => {
        if (e.code !== 'EISDIR') throw e;
        await rm(target, { recursive: true, force: true });
        await writeFile(target, bytes);
      });
    });
  } finally {
    await pack.close();
  }
}

/** mkdir -p of `rel` inside `out`, first removing a file that stands where a folder must go. */
async function makeFolder(out: string, rel: string): Promise<void> {
  const target = path.join(out, rel);
  try {
    await mkdir(target, { recursive: true });
    return;
  } catch (error) {
    if (!['EEXIST', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
  }
  for (const p of [...ancestors(rel).reverse(), rel]) {
    const info = await lstat(path.join(out, p)).catch(() => undefined);
    if (!info) break;
    if (!info.isDirectory()) {
      await unlink(path.join(out, p));
      break;
    }
  }
  await mkdir(target, { recursive: true });
}

/** Makes a rename inside `folder` durable (where folders can be opened: not on Windows). */
async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r').catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close();
}

/** Runs `fn` over `items`, at most WIDTH at a time (never one open file per item: EMFILE). */
export async function inParallel<T>(items: readonly T[], fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await fn(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(WIDTH, items.length) }, worker));
}

/** A path an update may touch: relative, `/`-separated, no empty, `.` or `..` segments. */
function validPath(p: unknown): p is string {
  return (
    typeof p === 'string' &&
    p !== '' &&
    !p.includes('\\') &&
    !p.includes('\0') &&
    !/^[A-Za-z]:/.test(p) &&
    p.split('/').every((s) => s !== '' && s !== '.' && s !== '..')
  );
}

function checkPath(p: string): void {
  if (!validPath(p)) throw new Error(`baokan: invalid output path ${JSON.stringify(p)} (must be relative, with /, and no empty, . or .. segments)`);
}

/** The folders above a relative path, nearest first: a/b/c → a/b, a. */
function ancestors(rel: string): string[] {
  const result: string[] = [];
  for (let i = rel.lastIndexOf('/'); i > 0; i = rel.lastIndexOf('/', i - 1)) result.push(rel.slice(0, i));
  return result;
}

function depth(rel: string): number {
  return rel.split('/').length;
}
