import { mkdtemp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { recoverOutput, writeOutput } from '../../src/write.js';

const scratch = () => mkdtemp(path.join(tmpdir(), 'baokan-write-'));

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
    await mkdir(path.join(dir, 'dist.baokan-staging-123-abcd/x'), { recursive: true });
    await mkdir(path.join(dir, 'dist.baokan-old-123-abcd'));
    await writeFile(path.join(dir, 'dist.baokan-old-123-abcd/index.html'), 'previous');
    await recoverOutput(out);
    expect(await readdir(dir)).toEqual(['dist']);
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('previous');
  });
});
