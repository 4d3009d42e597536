/**
 * An unexpected failure is reported as `baokan: internal error while <stage>: …` with a hint,
 * exit status 3, no stack trace unless --verbose, and the previous site left as it was: a broken
 * template (rendering, in a copy of the repository) and a full disk (writing, injected by
 * tests/e2e/no-space.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { snapshotRepository } from '../../scripts/snapshot.js';
import { fingerprint, ROOT } from '../helpers/cli.js';

const scratch = () => mkdtemp(path.join(tmpdir(), 'baokan-failure-'));

/** `baokan` from the sources of `repo`, as one node process, with extra `--import`s. */
function baokan(repo: string, args: string[], imports: string[] = []) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', ...imports.flatMap((i) => ['--import', i]), path.join(repo, 'src/bin.ts'), ...args], { cwd: repo, encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr };
}

/** The report of an internal error: two lines, no stack trace. */
function expectInternalError(run: { status: number | null; stderr: string }, stage: RegExp, cause: RegExp): void {
  expect(run.status).toBe(3);
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(2);
  expect(lines[0]).toMatch(new RegExp(`^baokan: internal error while ${stage.source}: ${cause.source}`));
  expect(lines[1]).toMatch(/^baokan: .*dist\/ is left as the last successful build made it\. This is a bug in baokan or a problem of this machine \(disk space, permissions\); run again with --verbose for the stack trace\.$/);
}

describe('an internal error', () => {
  let repo: string;
  let dir: string;
  let out: string;
  let site: Record<string, string>;

  beforeAll(async () => {
    dir = await scratch();
    repo = await snapshotRepository(ROOT, path.join(dir, 'repo'));
    out = path.join(dir, 'dist');
    expect(baokan(repo, ['--input', path.join(ROOT, 'seeds'), '--out', out, '--quiet']).status).toBe(0);
    site = await fingerprint(out);
  });

  it('while writing (the disk is full) exits 3 with the stage and a hint, and keeps the previous site', async () => {
    const run = baokan(repo, ['--input', path.join(ROOT, 'seeds'), '--out', out, '--no-cache', '--quiet'], [path.join(ROOT, 'tests/e2e/no-space.ts')]);
    expectInternalError(run, /writing .*dist\//, /ENOSPC: no space left on device, write '.*about\/index\.html'$/);
    expect(await fingerprint(out)).toEqual(site);
    expect((await readdir(dir)).sort()).toEqual(['dist', 'repo']);
  }, 120_000);

  it('while rendering (a broken template) does the same, for fresh and in-place builds, and --verbose prints the stack', async () => {
    const layout = path.join(repo, 'templates/layout.html');
    await writeFile(layout, (await readFile(layout, 'utf8')).replace(' data-slot="main"', ''));
    for (const cache of [['--no-cache'], []]) {
      const run = baokan(repo, ['--input', path.join(ROOT, 'seeds'), '--out', out, '--quiet', ...cache]);
      expectInternalError(run, /rendering/, /.*data-slot="main"/);
      expect(await fingerprint(out)).toEqual(site);
      expect((await readdir(dir)).sort()).toEqual(['dist', 'repo']);
    }
    const verbose = baokan(repo, ['--input', path.join(ROOT, 'seeds'), '--out', out, '--quiet', '--verbose']);
    expect(verbose.status).toBe(3);
    expect(verbose.stderr).toContain('the stack trace follows');
    expect(verbose.stderr).toMatch(/^\s+at .*src\/render\//m);
  }, 120_000);
});
