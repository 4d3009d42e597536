/** The output folder's lock (src/lock.ts): one holder, waiting, --no-wait, taking over a dead holder's lock. */
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isHolderAlive, lockFile, LockBusyError, lockOutput, type LockHolder } from '../../src/lock.js';

const scratch = () => mkdtemp(path.join(tmpdir(), 'baokan-lock-'));
/** Above the largest pid Linux hands out (2^22): a process that is surely gone. */
const DEAD = 4_194_305;

describe('lockOutput', () => {
  it('writes a lock file beside the output folder naming the holder, and removes it on release', async () => {
    const dir = await scratch();
    const out = path.join(dir, 'dist');
    const lock = await lockOutput(out);
    expect(lock.file).toBe(`${out}.baokan-lock`);
    const holder = JSON.parse(await readFile(lock.file, 'utf8')) as LockHolder;
    expect(holder).toMatchObject({ pid: process.pid, host: hostname(), out });
    expect(Number.isNaN(Date.parse(holder.started))).toBe(false);
    expect(await readdir(dir)).toEqual(['dist.baokan-lock']);
    await lock.release();
    expect(await readdir(dir)).toEqual([]);
  });

  it('makes a second taker wait until the first releases (also within one process)', async () => {
    const out = path.join(await scratch(), 'dist');
    const first = await lockOutput(out);
    const waited: LockHolder[] = [];
    let got = false;
    const second = lockOutput(out, { onWait: (h) => waited.push(h) }).then((lock) => {
      got = true;
      return lock;
    });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(got).toBe(false);
    expect(waited.map((h) => h.pid)).toEqual([process.pid]);
    await first.release();
    const lock = await second;
    expect(JSON.parse(await readFile(lockFile(out), 'utf8')).token).toBe(lock.holder.token);
    await lock.release();
  });

  it('with wait: false, throws at once naming the holder', async () => {
    const out = path.join(await scratch(), 'dist');
    const first = await lockOutput(out);
    const error = await lockOutput(out, { wait: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LockBusyError);
    expect((error as Error).message).toMatch(new RegExp(`^build ${process.pid} \\(started \\d\\d:\\d\\d:\\d\\d\\) is writing .*dist/; not waiting for it \\(--no-wait\\)$`));
    await first.release();
  });

  it('takes over the lock of a process that is gone, telling so, and leaves no stray file', async () => {
    const dir = await scratch();
    const out = path.join(dir, 'dist');
    const stale: LockHolder = { pid: DEAD, host: hostname(), started: new Date(0).toISOString(), out, token: 'dead' };
    await writeFile(lockFile(out), JSON.stringify(stale));
    await writeFile(`${lockFile(out)}.${DEAD}-0123`, 'left by a taker killed midway');
    const taken: number[] = [];
    const lock = await lockOutput(out, { wait: false, onTakeOver: (h) => taken.push(h.pid) });
    expect(taken).toEqual([DEAD]);
    expect(await readdir(dir)).toEqual(['dist.baokan-lock']);
    await lock.release();
    expect(await readdir(dir)).toEqual([]);
  });

  it('takes over a lock file left empty by a build killed while creating it, once it is old', async () => {
    const out = path.join(await scratch(), 'dist');
    await writeFile(lockFile(out), '');
    const { utimes } = await import('node:fs/promises');
    await utimes(lockFile(out), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    const lock = await lockOutput(out, { wait: false });
    await lock.release();
  });

  it('lets exactly one of many simultaneous takers hold the lock at a time', async () => {
    const out = path.join(await scratch(), 'dist');
    let holding = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        const lock = await lockOutput(out);
        holding += 1;
        most = Math.max(most, holding);
        await new Promise((resolve) => setTimeout(resolve, 30));
        holding -= 1;
        await lock.release();
      }),
    );
    expect(most).toBe(1);
  });
});

describe('isHolderAlive', () => {
  it('is true for a running process, false for a gone one, and true for another host (it cannot tell)', () => {
    expect(isHolderAlive({ pid: process.pid, host: hostname() })).toBe(true);
    expect(isHolderAlive({ pid: DEAD, host: hostname() })).toBe(false);
    expect(isHolderAlive({ pid: DEAD, host: `not-${hostname()}` })).toBe(true);
    // A running pid that started at another time is not the holder: the pid was reused.
    expect(isHolderAlive({ pid: process.pid, host: hostname(), since: '1' })).toBe(false);
  });
});
