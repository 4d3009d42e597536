import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { streamed } from '../../src/streamed.js';
import type { OutputFile } from '../../src/types.js';
import { openUpdate, writeOutput } from '../../src/write.js';

/** A file of `n` lines made one line at a time, with yields between them. */
function lines(file: string, n: number): OutputFile {
  return {
    path: file,
    contents: '',
    stream: streamed(async function* () {
      for (let i = 0; i < n; i++) {
        await new Promise((resolve) => setImmediate(resolve));
        yield `第${i}行\n`;
      }
    }),
  };
}
const expected = (n: number): string => Array.from({ length: n }, (_, i) => `第${i}行\n`).join('');

describe('streamed output files', () => {
  it('are written chunk by chunk into a fresh site', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'baokan-streamed-'));
    try {
      const out = path.join(dir, 'dist');
      await writeOutput(out, [lines('export/a.txt', 500), { path: 'index.html', contents: 'home' }]);
      expect(await readFile(path.join(out, 'export/a.txt'), 'utf8')).toBe(expected(500));
      expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('home');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('land whole in an update even while other batches are written at the same time', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'baokan-streamed-'));
    try {
      const out = path.join(dir, 'dist');
      await mkdir(out);
      await writeFile(path.join(out, 'old.txt'), 'old');
      const update = await openUpdate(out);
      // Three writes started together: the streamed file's chunks must not interleave with the others.
      await Promise.all([
        update.write([{ path: 'a.html', contents: 'A'.repeat(1000) }]),
        update.write([lines('export/a.txt', 300), { path: 'b.html', contents: 'B' }]),
        update.write([{ path: 'c.html', contents: 'C'.repeat(777) }, lines('export/b.txt', 50)]),
      ]);
      await update.commit(['old.txt']);
      expect(await readFile(path.join(out, 'export/a.txt'), 'utf8')).toBe(expected(300));
      expect(await readFile(path.join(out, 'export/b.txt'), 'utf8')).toBe(expected(50));
      expect(await readFile(path.join(out, 'a.html'), 'utf8')).toBe('A'.repeat(1000));
      expect(await readFile(path.join(out, 'b.html'), 'utf8')).toBe('B');
      expect(await readFile(path.join(out, 'c.html'), 'utf8')).toBe('C'.repeat(777));
      await expect(readFile(path.join(out, 'old.txt'))).rejects.toThrow();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
