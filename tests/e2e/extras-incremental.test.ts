/**
 * Incremental builds with citations and 历史上的今天: adding one page writes the citation files
 * of its own issue and the on-this-day file of its own month-day, nothing of the others, and
 * the result is byte-identical to a clean build.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { ON_THIS_DAY_DIR } from '../../src/on-this-day.js';
import { fingerprint } from '../helpers/cli.js';
import { datedPageText, writeDatedArchive } from '../helpers/dated-archive.js';

const scratch = () => mkdtemp(path.join(tmpdir(), 'baokan-extras-'));

describe('incremental builds with citations and 历史上的今天', () => {
  it('adding a page touches only its issue and its day, and matches a clean build', async () => {
    const input = await writeDatedArchive([
      { paper: '杨浦时报', date: '2019-07-27', page: 1 },
      { paper: '徐汇报', date: '2021-03-02', page: 1 },
      { paper: '杨浦时报', date: '2022-10-01', page: 1 },
    ]);
    const cache = path.join(await scratch(), 'cache');
    const out = path.join(await scratch(), 'dist');
    const first = await build({ input, out, cache });
    const citeFiles = (files: typeof first.files) => files.filter((f) => /\/cite\.(bib|ris|json)$/.test(f.path));
    expect(citeFiles(first.files)).toHaveLength(first.site.articles.length * 3);

    await writeFile(path.join(input, 'added.txt'), datedPageText({ paper: '虹口报', date: '2024-03-02', page: 3 }));
    const second = await build({ input, out, cache });
    expect(second.reusedIssues).toBe(3);
    const written = second.files.filter((f) => !f.unchanged).map((f) => f.path);
    expect(written.filter((p) => p.startsWith(ON_THIS_DAY_DIR))).toEqual([`${ON_THIS_DAY_DIR}03-02.json`]);
    // The new issue's citation files are written; every earlier one is left as it was.
    const newCite = citeFiles(second.files).filter((f) => f.path.startsWith('hongkou-news/2024-03-02/'));
    expect(newCite).toHaveLength(6);
    expect(citeFiles(second.files).filter((f) => !f.unchanged).map((f) => f.path).sort()).toEqual(newCite.map((f) => f.path).sort());

    const clean = path.join(await scratch(), 'dist');
    await build({ input, out: clean, cache: false });
    expect(await fingerprint(out)).toEqual(await fingerprint(clean));
  });
});
