/** What the dev server notices: changes below watched folders (filtered) and to single files, even when replaced by a rename. */
import { mkdir, mkdtemp, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { watchTargets } from '../../src/dev/watch.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `seen` holds `file` (or 5 s pass). */
async function until(seen: Set<string>, file: string): Promise<void> {
  for (let i = 0; i < 100 && !seen.has(file); i++) await sleep(50);
}

describe('watchTargets', () => {
  it('reports changed files below a folder, at any depth, but not editor droppings or what the filter refuses', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'baokan-watch-'));
    await mkdir(path.join(dir, 'a/b'), { recursive: true });
    const seen = new Set<string>();
    const watcher = watchTargets([{ path: dir, kind: 'folder', accept: (rel) => !rel.startsWith('cache') }], (f) => seen.add(f));
    try {
      await writeFile(path.join(dir, 'page.txt.swp'), 'x');
      await writeFile(path.join(dir, 'cache.json'), 'x');
      await writeFile(path.join(dir, 'a/b/deep.txt'), 'x');
      await until(seen, path.join(dir, 'a/b/deep.txt'));
      await writeFile(path.join(dir, 'top.txt'), 'x');
      await until(seen, path.join(dir, 'top.txt'));
      await sleep(100);
      expect([...seen].filter((f) => f.endsWith('.txt')).sort()).toEqual([path.join(dir, 'a/b/deep.txt'), path.join(dir, 'top.txt')]);
      expect([...seen].filter((f) => f.endsWith('.swp') || f.endsWith('cache.json'))).toEqual([]);
    } finally {
      watcher.close();
    }
  });

  it('reports a single file saved by renaming a new file over it, and one created later, but not its neighbours', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'baokan-watch-'));
    const config = path.join(dir, 'baokan.config.json');
    const seen = new Set<string>();
    const watcher = watchTargets([{ path: config, kind: 'file' }], (f) => seen.add(f));
    try {
      await writeFile(path.join(dir, 'other.json'), '{}');
      await writeFile(config, '{}');
      await until(seen, config);
      expect([...seen]).toEqual([config]);
      seen.clear();
      await writeFile(`${config}.tmp`, '{"title":"x"}');
      await rename(`${config}.tmp`, config);
      await until(seen, config);
      expect([...seen]).toEqual([config]);
    } finally {
      watcher.close();
    }
  });

  it('skips a target that does not exist, saying why', () => {
    const problems: string[] = [];
    const watcher = watchTargets([{ path: path.join(tmpdir(), 'baokan-no-such-folder'), kind: 'folder' }], () => undefined, (p) => problems.push(p));
    watcher.close();
    expect(problems).toEqual([expect.stringMatching(/^cannot watch .*baokan-no-such-folder: ENOENT$/)]);
  });
});
