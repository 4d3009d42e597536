import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { fingerprint, killCliAfter, ROOT, runCli } from '../helpers/cli.js';
import { untouchedIssues } from '../helpers/untouched.js';

const scratch = () => mkdtemp(path.join(tmpdir(), 'baokan-incr-'));

/** A copy of the seeds to change, and fresh cache and output folders. */
async function workspace(): Promise<{ input: string; cache: string; out: string }> {
  const input = await scratch();
  await cp(path.join(ROOT, 'seeds'), input, { recursive: true });
  return { input, cache: path.join(await scratch(), 'cache'), out: path.join(await scratch(), 'dist') };
}

/** Writes `newest.txt`: a seed page as 版 1 of an issue dated after every seed. */
async function addNewestPage(input: string): Promise<void> {
  const seed = await readFile(path.join(ROOT, 'seeds/001_1d17138d3524729c.txt'), 'utf8');
  await writeFile(path.join(input, 'newest.txt'), `---\ndate: 2031-03-02\npage: 1\n---\n${seed.replace(/准印证号.*\n/, '')}`);
}


describe('incremental builds', () => {
  it('parses only the added or changed page and gives the same bytes as a clean build', async () => {
    const { input, cache, out } = await workspace();

    const first = await build({ input, out, cache });
    expect(first.cacheStats).toEqual({ parsed: 5, cached: 0 });
    expect(first.reusedIssues).toBe(0);
    const unchanged = await build({ input, out, cache });
    expect(unchanged.reusedIssues).toBe(5);
    // Entity pages are reused the same way: none rendered when nothing they show changed.
    expect(first.reusedEntities).toBe(0);
    expect(unchanged.site.entities!.length).toBeGreaterThan(0);
    expect(unchanged.reusedEntities).toBe(unchanged.site.entities!.length);
    // Nothing changed: every file is left as the previous build wrote it, none written again.
    expect(unchanged.files.filter((f) => !f.unchanged).map((f) => f.path)).toEqual([]);

    // A new page for another date, and an edit to an existing one.
    const seed = await readFile(path.join(input, '001_1d17138d3524729c.txt'), 'utf8');
    await writeFile(path.join(input, 'added.txt'), `---\ndate: 2022-01-24\npage: 2\n---\n${seed.replace(/准印证号.*\n/, '')}`);
    const other = path.join(input, '000_e4b77a2f99e63835.txt');
    await writeFile(other, (await readFile(other, 'utf8')).replace('区疫情防控工作领导小组召开例会', '区疫情防控工作领导小组召开专题例会'));

    const second = await build({ input, out, cache });
    expect(second.cacheStats).toEqual({ parsed: 2, cached: 4 });
    // Only the edited issue, the new one and those whose neighbours, entities or related
    // articles changed are rendered; the others are reused. (On five pages, a page that copies
    // another shifts every article's term weights; BENCHMARKS.md measures it at 10k articles.)
    const edited = second.site.articles.find((a) => a.title.includes('专题例会'))!.issueId;
    expect(second.reusedIssues).toBe(untouchedIssues(first.site, second.site, new Set([edited])).length);
    expect(second.reusedEntities).toBeLessThan(second.site.entities!.length);
    // Articles are analysed for entities only when their text is new: the added page repeats a
    // seed page (whose analyses are cached by content), so only the edited article is.
    expect(first.analyses.analysed).toBe(first.site.articles.length);
    expect(second.analyses.analysed).toBe(1);

    const clean = path.join(await scratch(), 'dist');
    await build({ input, out: clean, cache: false });
    expect(await fingerprint(out)).toEqual(await fingerprint(clean));
  });

  it('renders every issue again when the origin or the title changes, as a clean build would', async () => {
    const { input, cache, out } = await workspace();
    await build({ input, out, cache });
    const changed = await build({ input, out, cache, origin: 'https://example.org', title: '测试档案' });
    expect(changed.reusedIssues).toBe(0);
    const clean = path.join(await scratch(), 'dist');
    await build({ input, out: clean, cache: false, origin: 'https://example.org', title: '测试档案' });
    expect(await fingerprint(out)).toEqual(await fingerprint(clean));
  });

  it('re-parses everything when the cache entries are corrupt, with the same result', async () => {
    const cache = path.join(await scratch(), 'cache');
    const a = path.join(await scratch(), 'dist');
    const first = await build({ input: path.join(ROOT, 'seeds'), out: a, cache });
    for (const key of first.cacheKeys) await writeFile(path.join(cache, 'parse', `${key}.json`), '{not json');
    const b = path.join(await scratch(), 'dist');
    const again = await build({ input: path.join(ROOT, 'seeds'), out: b, cache });
    expect(again.cacheStats).toEqual({ parsed: 5, cached: 0 });
    expect(await fingerprint(b)).toEqual(await fingerprint(a));
  });
});

describe('saving the caches as stages end', () => {
  it('puts them in place only when the build succeeds: a build that fails later leaves the last good files and no temporary ones', async () => {
    const { input, cache, out } = await workspace();
    await build({ input, out, cache });
    const files = async (): Promise<Map<string, string>> => {
      const names = (await readdir(cache, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => path.relative(cache, path.join(e.parentPath, e.name)));
      return new Map(await Promise.all(names.sort().map(async (n) => [n, (await readFile(path.join(cache, n))).toString('base64')] as const)));
    };
    const before = await files();
    expect([...before.keys()].some((n) => n.endsWith('analyses.jsonl'))).toBe(true);
    expect([...before.keys()].some((n) => n.endsWith('reprints.bin'))).toBe(true);
    expect([...before.keys()].some((n) => n.endsWith('search-state.bin'))).toBe(true);
    // A new page: every stage has something new to save when the build fails after the search index.
    await addNewestPage(input);
    const failing = build({
      input,
      out,
      cache,
      onProgress: (stage) => {
        if (stage === 'api') throw new Error('stopped after the index');
      },
    });
    await expect(failing).rejects.toThrow('stopped after the index');
    const after = await files();
    expect([...after.keys()].filter((n) => n.endsWith('.tmp'))).toEqual([]);
    // The new page's parse entry is kept (it is right for its key whatever happens); nothing else changed.
    const added = [...after.keys()].filter((n) => !before.has(n));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(/^parse\/[0-9a-f]{64}\.json$/);
    for (const [n, bytes] of before) expect(after.get(n), n).toBe(bytes);
    // The next build saves them all, and agrees with a clean build.
    const next = await build({ input, out, cache });
    expect(next.cacheStats.parsed).toBe(0);
    expect([...(await files()).keys()].filter((n) => n.endsWith('.tmp'))).toEqual([]);
    const clean = path.join(await scratch(), 'dist');
    await build({ input, out: clean, cache: false });
    expect(await fingerprint(out)).toEqual(await fingerprint(clean));
  });
});

describe('in-place updates', () => {
  it('writes only what a new issue changes, deletes what a removed page leaves, and matches clean builds', async () => {
    const { input, cache, out } = await workspace();
    const first = await build({ input, out, cache, trace: false });
    const stray = path.join(out, 'about', 'index.html');
    const inode = (await stat(stray)).ino;

    // A page of a new issue, dated after everything: its articles append to the search index.
    await addNewestPage(input);
    const added = await build({ input, out, cache, trace: false });
    // Pages: only the new issue's and the pages that list it. The search index: only the shards
    // the new articles' grams fall in (since index format 2 punctuation is indexed too, so one
    // small page touches most shards of a five-page site; the bench measures it at scale).
    const changed = (search: boolean) => added.files.filter((f) => f.path.startsWith('search/') === search);
    // Related articles are archive-wide: the new page (a copy of a seed page) changes those of
    // some earlier issues, which are rendered again; the others are not even rendered.
    const untouched = untouchedIssues(first.site, added.site, new Set());
    expect(added.reusedIssues).toBe(untouched.length);
    const ofIssue = (id: string) => first.site.papers.flatMap((p) => p.issues).find((i) => i.id === id)!.url.slice(1);
    for (const id of untouched) for (const f of added.files.filter((f) => f.path.startsWith(ofIssue(id)))) expect(f.unchanged, f.path).toBe(true);
    expect(changed(true).filter((f) => !f.unchanged).length).toBeLessThan(changed(true).length);
    // The search index appended: every earlier article's display file is left as it was.
    const docs = added.files.filter((f) => f.path.startsWith('search/docs/'));
    expect(docs.filter((f) => f.unchanged)).toHaveLength(first.site.articles.length);
    expect(docs.length).toBeGreaterThan(first.site.articles.length);
    // Files the build did not change are the very same files, not rewritten copies.
    expect((await stat(stray)).ino).toBe(inode);
    const clean = path.join(await scratch(), 'dist');
    await build({ input, out: clean, cache: false });
    expect(await fingerprint(out)).toEqual(await fingerprint(clean));

    // The page goes again: its issue's files are deleted from the output.
    await rm(path.join(input, 'newest.txt'));
    await build({ input, out, cache, trace: false });
    const again = path.join(await scratch(), 'dist');
    await build({ input, out: again, cache: false });
    expect(await fingerprint(out)).toEqual(await fingerprint(again));
    expect(await readdir(path.dirname(out))).toEqual(['dist']);
  });
});

describe('two output folders', () => {
  it('keep their own manifests: building into one does not make the other start afresh', async () => {
    const cache = path.join(await scratch(), 'cache');
    const a = path.join(await scratch(), 'dist');
    const b = path.join(await scratch(), 'dist');
    const seeds = path.join(ROOT, 'seeds');
    await build({ input: seeds, out: a, cache });
    await build({ input: seeds, out: b, cache, base: '/sub/' });
    const again = await build({ input: seeds, out: a, cache });
    expect(again.reusedIssues).toBe(again.site.papers.reduce((n, p) => n + p.issues.length, 0));
    expect(again.written!.files).toBe(0);
  });
});

describe('a killed in-place update', () => {
  it('leaves the old site, or a committed journal the next build completes; never a site the next build cannot mend', async () => {
    const dir = await scratch();
    const input = path.join(dir, 'input');
    const out = path.join(dir, 'dist');
    await cp(path.join(ROOT, 'seeds'), input, { recursive: true });
    const newest = path.join(input, 'newest.txt');
    const want = path.join(await scratch(), 'dist');
    await addNewestPage(input);
    expect(runCli(['--input', input, '--out', want, '--no-cache']).status).toBe(0);
    const wanted = await fingerprint(want);
    for (const delay of [300, 800, 1300, 1800]) {
      await rm(newest, { force: true });
      expect(runCli(['--input', input, '--out', out]).status).toBe(0);
      const old = await fingerprint(out);
      await addNewestPage(input);
      await killCliAfter(['--input', input, '--out', out], delay);
      const siblings = await readdir(dir);
      const committed = await Promise.all(
        siblings.filter((s) => s.startsWith('dist.baokan-update-')).map((s) => stat(path.join(dir, s, 'journal.json')).then(() => true, () => false)),
      );
      if (!committed.includes(true)) {
        const now = await fingerprint(out);
        expect([old, wanted]).toContainEqual(now);
      }
      expect(runCli(['--input', input, '--out', out]).status).toBe(0);
      expect(await fingerprint(out)).toEqual(wanted);
      expect((await readdir(dir)).sort()).toEqual(['dist', 'input']);
    }
  }, 300_000);
});

describe('reuse after a build that bypassed the cache', () => {
  it('links nothing from an output folder the manifest does not describe', async () => {
    const { input, cache, out } = await workspace();
    await build({ input, out, cache });
    // A --no-cache build of different input replaces the folder without updating the manifest.
    const other = await scratch();
    await writeFile(path.join(other, 'only.txt'), await readFile(path.join(input, '001_1d17138d3524729c.txt')));
    await build({ input: other, out, cache: false });
    const again = await build({ input, out, cache });
    expect(again.reusedIssues).toBe(0);
    expect(again.files.filter((f) => f.unchanged)).toEqual([]);
    const clean = path.join(await scratch(), 'dist');
    await build({ input, out: clean, cache: false });
    expect(await fingerprint(out)).toEqual(await fingerprint(clean));
  });
});
