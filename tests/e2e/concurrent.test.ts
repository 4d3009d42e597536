/**
 * One writer per output folder: builds started together on one folder wait for each other (or,
 * with --no-wait, exit 2 naming the holder), none crashes, and the folder ends as a clean build
 * makes it. A stopped build (SIGINT, SIGTERM) leaves no lock and no staging folder; a killed
 * one's lock is taken over by the next build.
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockFile, lockOutput } from '../../src/lock.js';
import { fingerprint, ROOT, runCli } from '../helpers/cli.js';

const BIN = path.join(ROOT, 'src/bin.ts');
const scratch = () => mkdtemp(path.join(tmpdir(), 'baokan-concurrent-'));

interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Starts `baokan` as one node process; `signal` (if given) is sent after `delay` ms. */
function start(args: string[], kill?: { signal: NodeJS.Signals; delay: number }): Promise<Run> {
  const child = spawn(process.execPath, ['--import', 'tsx', BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const timer = kill ? setTimeout(() => child.kill(kill.signal), kill.delay) : undefined;
  return new Promise((resolve) =>
    child.once('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stderr });
    }),
  );
}

/** A copy of the seeds with a page of a new issue, so that builds have something to differ in. */
async function workspace(): Promise<{ dir: string; input: string; out: string }> {
  const dir = await scratch();
  const input = path.join(dir, 'input');
  await cp(path.join(ROOT, 'seeds'), input, { recursive: true });
  const seed = await readFile(path.join(ROOT, 'seeds/001_1d17138d3524729c.txt'), 'utf8');
  await writeFile(path.join(input, 'newest.txt'), `---\ndate: 2031-03-02\npage: 1\n---\n${seed.replace(/准印证号.*\n/, '')}`);
  return { dir, input, out: path.join(dir, 'dist') };
}

/** No Node stack trace, no uncaught error, no internal error. */
function expectNoCrash(run: Run): void {
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(run.stderr).not.toMatch(/internal error|Uncaught|ENOENT|ENOTEMPTY/);
}

describe('builds of one output folder started together', () => {
  it('all end with 0 (or 2 with --no-wait, naming the holder), never a crash, and the folder equals a clean build', async () => {
    const { dir, input, out } = await workspace();
    const clean = path.join(await scratch(), 'dist');
    expect(runCli(['--input', input, '--out', clean, '--no-cache']).status).toBe(0);
    // Three fresh builds (each replaces the whole folder), two cached ones (updating it in
    // place once a manifest describes it), one that will not wait.
    const runs = await Promise.all([
      start(['--input', input, '--out', out, '--no-cache']),
      start(['--input', input, '--out', out]),
      start(['--input', input, '--out', out, '--no-cache']),
      start(['--input', input, '--out', out]),
      start(['--input', input, '--out', out, '--no-cache']),
      start(['--input', input, '--out', out, '--no-wait']),
    ]);
    runs.forEach(expectNoCrash);
    const waiting = runs.slice(0, 5);
    expect(waiting.map((r) => r.status)).toEqual([0, 0, 0, 0, 0]);
    // With two cores some builds always overlap: someone waited, naming the build it waited for.
    expect(waiting.some((r) => /^baokan: waiting for build \d+ writing .*dist\/ \(started \d\d:\d\d:\d\d; --no-wait to give up instead\)$/m.test(r.stderr))).toBe(true);
    const noWait = runs[5]!;
    expect([0, 2]).toContain(noWait.status);
    if (noWait.status === 2) expect(noWait.stderr).toMatch(/^baokan: build \d+ \(started \d\d:\d\d:\d\d\) is writing .*dist\/; not waiting for it \(--no-wait\)$/m);
    expect(await fingerprint(out)).toEqual(await fingerprint(clean));
    expect((await readdir(dir)).sort()).toEqual(['dist', 'input']);
    // What the builds left in the cache agrees with the folder: cached builds that follow give
    // the same bytes (after a --no-cache build last, the first of them writes a fresh site).
    expect(runCli(['--input', input, '--out', out]).status).toBe(0);
    const again = runCli(['--input', input, '--out', out]);
    expect(again.status).toBe(0);
    expect(again.stderr).toMatch(/ 0 written, /);
    expect(await fingerprint(out)).toEqual(await fingerprint(clean));
  }, 180_000);
});

describe('the lock of the output folder', () => {
  it('--no-wait exits 2 at once while another process holds it, naming the holder and writing nothing', async () => {
    const { dir, input, out } = await workspace();
    const lock = await lockOutput(out);
    try {
      const run = runCli(['--input', input, '--out', out, '--no-wait']);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(new RegExp(`^baokan: build ${process.pid} \\(started \\d\\d:\\d\\d:\\d\\d\\) is writing .*dist/; not waiting for it \\(--no-wait\\)$`, 'm'));
      expect((await readdir(dir)).sort()).toEqual(['dist.baokan-lock', 'input']);
    } finally {
      await lock.release();
    }
  });

  it('is taken over from a build that is gone, with a warning', async () => {
    const { dir, input, out } = await workspace();
    const gone = { pid: 4_194_305, host: hostname(), started: new Date().toISOString(), out, token: 'killed' };
    await writeFile(lockFile(out), JSON.stringify(gone));
    const run = runCli(['--input', input, '--out', out]);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/^baokan: warning: build 4194305 \(started \d\d:\d\d:\d\d\) is gone but left its lock on .*dist\/; taking it over$/m);
    expect((await readdir(dir)).sort()).toEqual(['dist', 'input']);
  });

  it('and the staging folder are removed when a build is stopped by SIGINT or SIGTERM, at any moment', async () => {
    const { dir, input, out } = await workspace();
    expect(runCli(['--input', input, '--out', out, '--no-cache']).status).toBe(0);
    const site = await fingerprint(out);
    let stopped = 0;
    for (const [signal, delay] of [['SIGTERM', 900], ['SIGINT', 1300], ['SIGTERM', 1700], ['SIGINT', 2100]] as const) {
      const run = await start(['--input', input, '--out', out, '--no-cache'], { signal, delay });
      expectNoCrash(run);
      // Stopped by the signal (ending as the signal says), or finished before it came.
      if (run.status !== 0) expect(run.signal).toBe(signal);
      if (run.signal) stopped += 1;
      expect((await readdir(dir)).sort()).toEqual(['dist', 'input']);
      expect(await fingerprint(out)).toEqual(site);
    }
    expect(stopped).toBeGreaterThan(0);
  }, 120_000);
});
