import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, buildSite } from '../../src/build.js';
import { generateArchive } from '../../scripts/gen-archive.js';
import { bytesOf } from '../../src/streamed.js';

describe('building on several cores', () => {
  it('gives the same files with worker threads (parse and render) as on one thread', async () => {
    const input = await mkdtemp(path.join(tmpdir(), 'baokan-threads-'));
    for (const f of generateArchive({ articles: 700, seed: 7 }).files) {
      await mkdir(path.dirname(path.join(input, f.path)), { recursive: true });
      await writeFile(path.join(input, f.path), f.contents);
    }
    const one = await buildSite({ input, threads: 1 });
    const two = await buildSite({ input, threads: 2 });
    expect(one.site.articles.length).toBeGreaterThanOrEqual(500); // large enough to use the workers
    expect(two.files.map((f) => f.path)).toEqual(one.files.map((f) => f.path));
    for (const [i, f] of two.files.entries()) expect((await bytesOf(f)).equals(await bytesOf(one.files[i]!)), f.path).toBe(true);
    // Writing streams the HTML batch by batch from the worker: the folder holds the same bytes.
    const out = path.join(await mkdtemp(path.join(tmpdir(), 'baokan-threads-out-')), 'dist');
    const written = await build({ input, out, threads: 2 });
    expect(written.written?.files).toBe(one.files.length);
    for (const f of one.files) {
      const bytes = await readFile(path.join(out, f.path));
      expect(bytes.equals(await bytesOf(f)), f.path).toBe(true);
    }
  }, 300_000);
});
