import { mkdtemp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { recoverOutput, writeOutput } from '../../src/write.js';

const scratch = () => mkdtemp(path.join(tmpdir(), 'baokan-write-'));
/** Above the largest pid Linux hands out (2^22): a process that is surely gone. */
const DEAD = 4_194_305;

describe('writeOutput', () => {
  it('replaces the output folder as a whole, leaving no staging folder behind', async () => {
    const dir = await scratch();
    const out = path.join(dir, 'dist');
    await writeOutput(out, [{ path: 'a/index.html', contents: 'one' }, { path: 'stale.txt', contents: 'x' }]);
    await writeOutput(out, [{ path: 'a/index.html', contents: 'two' }]);
    expect(await readFile(path.join(out, 'a/index.html'), 'utf8')).toBe('two');
    expect(await readdir(out)).toEqual(['a']);
    expect(await readdir(dir)).toEqual(['dist']);
  });

  it('leaves the previous site intact when writing fails', async () => {
    const dir = await scratch();
    const out = path.join(dir, 'dist');
    await writeOutput(out, [{ path: 'index.html', contents: 'old' }]);
    // A file and a folder at the same path cannot both be written.
    await expect(writeOutput(out, [{ path: 'x', contents: '1' }, { path: 'x/y', contents: '2' }])).rejects.toThrow();
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['dist']);
  });

  it('cleans up after a killed build and restores a site retired by an interrupted swap', async () => {
    const dir = await scratch();
    const out = path.join(dir, 'dist');
    await mkdir(path.join(dir, `dist.baokan-staging-${DEAD}-abcd/x`), { recursive: true });
    await mkdir(path.join(dir, `dist.baokan-old-${DEAD}-abcd`));
    await writeFile(path.join(dir, `dist.baokan-old-${DEAD}-abcd/index.html`), 'previous');
    await recoverOutput(out);
    expect(await readdir(dir)).toEqual(['dist']);
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('previous');
  });

  it('leaves alone the folders of a process that still runs: another build may be writing them', async () => {
    const dir = await scratch();
    const out = path.join(dir, 'dist');
    await writeOutput(out, [{ path: 'index.html', contents: 'site' }]);
    // The test runner that started this test runs as long as the test does.
    const alive = process.ppid;
    const theirs = [`dist.baokan-staging-${alive}-abcd`, `dist.baokan-old-${alive}-abcd`, `dist.baokan-update-${alive}-abcd`];
    for (const name of theirs) await mkdir(path.join(dir, name, 'x'), { recursive: true });
    await mkdir(path.join(dir, `dist.baokan-staging-${DEAD}-abcd`));
    await writeOutput(out, [{ path: 'index.html', contents: 'new' }]);
    expect((await readdir(dir)).sort()).toEqual(['dist', ...theirs].sort());
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('new');
  });
});
