import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OutputFile } from '../../src/types.js';
import { openUpdate, recoverOutput } from '../../src/write.js';

const scratch = () => mkdtemp(path.join(tmpdir(), 'baokan-update-'));

/** Every file under `root` with its contents, by relative path (folders end in /). */
async function snapshot(root: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    const rel = path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    result[entry.isDirectory() ? `${rel}/` : rel] = entry.isDirectory() ? '' : await readFile(path.join(root, rel), 'utf8');
  }
  return result;
}

/** A site of a few files in `dir/dist`. */
async function site(dir: string): Promise<string> {
  const out = path.join(dir, 'dist');
  for (const [rel, contents] of Object.entries({
    'index.html': 'home',
    'keep/page.html': 'untouched',
    'old/only.html': 'to be removed',
    'a/b/deep.html': 'to be removed',
    'a/other.html': 'changes',
  })) {
    await mkdir(path.dirname(path.join(out, rel)), { recursive: true });
    await writeFile(path.join(out, rel), contents);
  }
  return out;
}

/** The update folder next to `out` as a crash would leave it, in the journal format of src/write.ts. */
async function crashedUpdate(out: string, files: [string, string][], remove: string[], committed: boolean): Promise<string> {
  // 4194305 is above the largest pid Linux hands out: the process that made it is gone.
  const folder = `${out}.baokan-update-4194305-deadbeef`;
  await mkdir(folder);
  const entries: [string, number, number][] = [];
  let offset = 0;
  for (const [rel, contents] of files) {
    const length = Buffer.byteLength(contents);
    entries.push([rel, offset, length]);
    offset += length;
  }
  await writeFile(path.join(folder, 'pack'), files.map(([, c]) => c).join(''));
  if (committed) await writeFile(path.join(folder, 'journal.json'), JSON.stringify({ files: entries, remove }));
  else await writeFile(path.join(folder, 'journal.json.tmp'), JSON.stringify({ files: entries, remove }).slice(0, 20));
  return folder;
}

describe('openUpdate', () => {
  it('changes, adds and removes files in place, leaving untouched files and no update folder', async () => {
    const dir = await scratch();
    const out = await site(dir);
    const kept = await stat(path.join(out, 'keep/page.html'));
    const update = await openUpdate(out);
    await update.write([{ path: 'a/other.html', contents: 'changed 变了' }]);
    await update.write([{ path: 'new/nested/page.html', contents: new TextEncoder().encode('added') }]);
    await update.commit(['old/only.html', 'a/b/deep.html', 'missing.html']);
    expect(await snapshot(out)).toEqual({
      'index.html': 'home',
      'keep/': '',
      'keep/page.html': 'untouched',
      'a/': '',
      'a/other.html': 'changed 变了',
      'new/': '',
      'new/nested/': '',
      'new/nested/page.html': 'added',
    });
    const after = await stat(path.join(out, 'keep/page.html'));
    expect([after.ino, after.mtimeMs]).toEqual([kept.ino, kept.mtimeMs]);
    expect(await readdir(dir)).toEqual(['dist']);
  });

  it('leaves the output byte-identical after abort, or an error between write and commit', async () => {
    const dir = await scratch();
    const out = await site(dir);
    const before = await snapshot(out);
    const update = await openUpdate(out);
    await update.write([{ path: 'index.html', contents: 'new home' }, { path: 'x/y.html', contents: 'new' }]);
    expect(await readdir(dir)).toHaveLength(2);
    await update.abort();
    expect(await snapshot(out)).toEqual(before);
    expect(await readdir(dir)).toEqual(['dist']);

    const failing = async () => {
      const u = await openUpdate(out);
      try {
        await u.write([{ path: 'index.html', contents: 'new home' }]);
        throw new Error('render failed');
      } catch (error) {
        await u.abort();
        throw error;
      }
    };
    await expect(failing()).rejects.toThrow('render failed');
    expect(await snapshot(out)).toEqual(before);
    expect(await readdir(dir)).toEqual(['dist']);
  });

  it('refuses a folder that does not exist', async () => {
    const dir = await scratch();
    await expect(openUpdate(path.join(dir, 'dist'))).rejects.toThrow(/not an existing folder/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('writes thousands of files streamed in batches', async () => {
    const dir = await scratch();
    const out = await site(dir);
    const update = await openUpdate(out);
    for (let b = 0; b < 20; b++) {
      await update.write(Array.from({ length: 100 }, (_, i) => ({ path: `p/${b}/${i}.html`, contents: `page ${b}-${i} ${'报'.repeat(i)}` })));
    }
    await update.commit([]);
    for (let b = 0; b < 20; b++) {
      const names = await readdir(path.join(out, `p/${b}`));
      expect(names).toHaveLength(100);
      for (const i of [0, 37, 99]) expect(await readFile(path.join(out, `p/${b}/${i}.html`), 'utf8')).toBe(`page ${b}-${i} ${'报'.repeat(i)}`);
    }
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('home');
    expect(await readdir(dir)).toEqual(['dist']);
  });

  it('takes batches written at the same time (the HTML and the search index are written side by side)', async () => {
    const dir = await scratch();
    const out = await site(dir);
    const update = await openUpdate(out);
    const batch = (b: number): OutputFile[] => Array.from({ length: 50 }, (_, i) => ({ path: `q/${b}/${i}.html`, contents: `${b}:${i} ${'版'.repeat(i * b)}` }));
    await Promise.all(Array.from({ length: 8 }, (_, b) => update.write(batch(b))));
    await update.commit([]);
    for (let b = 0; b < 8; b++) for (const i of [0, 49]) expect(await readFile(path.join(out, `q/${b}/${i}.html`), 'utf8')).toBe(`${b}:${i} ${'版'.repeat(i * b)}`);
  });

  it('rejects invalid paths, a path written twice, unchanged files, and a path both file and folder', async () => {
    const dir = await scratch();
    const out = await site(dir);
    const update = await openUpdate(out);
    for (const bad of ['../escape.html', '/abs.html', 'a/../b.html', 'a\\b.html', 'a//b.html', './a.html', 'a/', '']) {
      await expect(update.write([{ path: bad, contents: 'x' }]), bad).rejects.toThrow(/invalid output path/);
    }
    await update.write([{ path: 'once.html', contents: '1' }]);
    await expect(update.write([{ path: 'once.html', contents: '2' }])).rejects.toThrow(/written twice/);
    await expect(update.write([{ path: 'two.html', contents: '1' }, { path: 'two.html', contents: '2' }])).rejects.toThrow(/written twice/);
    await expect(update.write([{ path: 'once.html/x.html', contents: '1' }])).rejects.toThrow(/both as a file and as a folder/);
    await expect(update.write([{ path: 'r.html', contents: '', unchanged: true }])).rejects.toThrow(/unchanged/);
    // A rejected batch takes nothing: its valid files can still be written.
    await update.write([{ path: 'two.html', contents: '2' }]);
    await expect(update.commit(['../outside.html'])).rejects.toThrow(/invalid output path/);
    await update.abort();
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('home');
    expect(await readdir(dir)).toEqual(['dist']);
  });

  it('replaces a folder by a file and a file by a folder', async () => {
    const dir = await scratch();
    const out = path.join(dir, 'dist');
    await mkdir(path.join(out, 'was-folder'), { recursive: true });
    await mkdir(path.join(out, 'stale-folder/inner'), { recursive: true });
    await writeFile(path.join(out, 'was-folder/index.html'), 'old');
    await writeFile(path.join(out, 'stale-folder/inner/index.html'), 'old');
    await writeFile(path.join(out, 'was-file'), 'old');
    await writeFile(path.join(out, 'stale-file'), 'old');
    const update = await openUpdate(out);
    await update.write([
      { path: 'was-folder', contents: 'now a file' },
      { path: 'was-file/index.html', contents: 'now in a folder' },
      // Not listed for removal: the new site still wins.
      { path: 'stale-folder', contents: 'file over a folder' },
      { path: 'stale-file/deeper/index.html', contents: 'folder over a file' },
    ]);
    await update.commit(['was-folder/index.html', 'was-file']);
    expect(await snapshot(out)).toEqual({
      'was-folder': 'now a file',
      'was-file/': '',
      'was-file/index.html': 'now in a folder',
      'stale-folder': 'file over a folder',
      'stale-file/': '',
      'stale-file/deeper/': '',
      'stale-file/deeper/index.html': 'folder over a file',
    });
    expect(await readdir(dir)).toEqual(['dist']);
  });
});

describe('recoverOutput after a killed update', () => {
  it('drops an update killed before its commit point', async () => {
    const dir = await scratch();
    const out = await site(dir);
    const before = await snapshot(out);
    await crashedUpdate(out, [['index.html', 'never committed']], ['keep/page.html'], false);
    await recoverOutput(out);
    expect(await snapshot(out)).toEqual(before);
    expect(await readdir(dir)).toEqual(['dist']);
  });

  it('rolls forward an update killed after its commit point, and again after a crash during recovery', async () => {
    const dir = await scratch();
    const out = await site(dir);
    const folder = await crashedUpdate(
      out,
      [['a/other.html', 'changed'], ['fresh/x.html', '新的'], ['old', 'a file where a folder was']],
      ['old/only.html', 'a/b/deep.html'],
      true,
    );
    const expected = {
      'index.html': 'home',
      'keep/': '',
      'keep/page.html': 'untouched',
      'a/': '',
      'a/other.html': 'changed',
      'fresh/': '',
      'fresh/x.html': '新的',
      old: 'a file where a folder was',
    };
    // As if apply had been interrupted: one file written half, one removal done.
    await writeFile(path.join(out, 'a/other.html'), 'cha');
    await rm(path.join(out, 'a/b/deep.html'));
    const copy = path.join(dir, 'saved');
    await cp(folder, copy, { recursive: true });
    await recoverOutput(out);
    expect(await snapshot(out)).toEqual(expected);
    expect(await readdir(dir)).toEqual(['dist', 'saved']);
    // A crash during recovery leaves the journal in place: applying it to the finished site changes nothing.
    await cp(copy, folder, { recursive: true });
    await recoverOutput(out);
    expect(await snapshot(out)).toEqual(expected);
    await recoverOutput(out);
    expect(await snapshot(out)).toEqual(expected);
    expect((await readdir(dir)).sort()).toEqual(['dist', 'saved']);
  });

  it('finishes a committed update before opening the next one', async () => {
    const dir = await scratch();
    const out = await site(dir);
    await crashedUpdate(out, [['index.html', 'from the journal']], [], true);
    const update = await openUpdate(out);
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('from the journal');
    await update.abort();
    expect(await readdir(dir)).toEqual(['dist']);
  });

  it('drops a committed journal written for another folder of the same name (a fresh site swapped in since)', async () => {
    const dir = await scratch();
    const out = await site(dir);
    const before = await snapshot(out);
    const folder = await crashedUpdate(out, [['index.html', 'from an old journal']], ['keep/page.html'], true);
    const journal = JSON.parse(await readFile(path.join(folder, 'journal.json'), 'utf8'));
    await writeFile(path.join(folder, 'journal.json'), JSON.stringify({ ...journal, target: '1:1' }));
    await recoverOutput(out);
    expect(await snapshot(out)).toEqual(before);
    expect(await readdir(dir)).toEqual(['dist']);
  });

  it('records the folder it was written for, and rolls forward onto that folder', async () => {
    const dir = await scratch();
    const out = await site(dir);
    const update = await openUpdate(out);
    await update.write([{ path: 'index.html', contents: 'committed' }]);
    await update.commit([]);
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('committed');
    const folder = await crashedUpdate(out, [['index.html', 'rolled forward']], [], true);
    const info = await stat(out, { bigint: true });
    const journal = JSON.parse(await readFile(path.join(folder, 'journal.json'), 'utf8'));
    await writeFile(path.join(folder, 'journal.json'), JSON.stringify({ ...journal, target: `${info.dev}:${info.ino}` }));
    await recoverOutput(out);
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('rolled forward');
  });
});
