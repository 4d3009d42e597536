/**
 * Frequent grams in blocks of article ranges (index format 4): a query fetches only the blocks
 * that can hold a match, a frequent term's first screen needs no block at all, and an appended
 * issue rewrites only a gram's last block.
 */
import { describe, expect, it } from 'vitest';
import { buildSearchIndex, buildSearchIndexWithState, searchOrder, type BuildSearchIndexOptions } from '../../src/search/index.js';
import { blockPath, docPath, PAGE_SIZE } from '../../src/search/format.js';
import { blocksHolding, runQuery, searchQuery, type GramEntry } from '../../src/browser/engine.js';
import type { OutputFile } from '../../src/types.js';
import { parseQuery } from '../../src/search/tokenize.js';
import { YANGPU, makeSite } from './fixture.js';
import { memoryIndex } from './memory.js';

/** `n` daily issues of one article each, all about 发展; the article numbered `rare` also about 谋发展. */
function archive(n: number, rare: number): ReturnType<typeof makeSite> {
  return makeSite(
    Array.from({ length: n }, (_, i) => ({
      paper: YANGPU,
      date: `2021-01-${String(i + 1).padStart(2, '0')}`,
      number: 1,
      articles: [{ headline: `第${i}篇`, paragraphs: [i === rare ? '要谋发展，促发展。' : '推动发展。'.repeat(1 + (i % 4))] }],
    })),
  );
}

// 发展 (in every article) has blocks of its own (3 to 6 bytes an article); 谋发 (in one) stays in its hash shard.
const OPTIONS: BuildSearchIndexOptions = { ownFileBytes: 16, blockBytes: 9 };

/** The first article of each of 发展's blocks, as its head in its hash shard says. */
async function starts(files: OutputFile[]): Promise<number[]> {
  const entry: GramEntry = (await memoryIndex(files).loader.entries(['发展'])).get('发展')!;
  if (!('head' in entry)) throw new Error('发展 should have blocks of its own');
  return entry.head.starts;
}
const termFiles = (paths: string[], gram: string): string[] => paths.filter((p) => p.includes(blockPath(gram, 0).replace(/\.0\.bin\.gz$/, '.')));

describe('frequent grams in blocks', () => {
  it('a query whose candidates lie in one block fetches only that block', async () => {
    const site = archive(13, 7);
    const files = buildSearchIndex(site, OPTIONS);
    const blocks = await starts(files);
    expect(blocks.length).toBeGreaterThan(3);
    const [b] = blocksHolding(blocks, [7]);
    const { loader, fetched } = memoryIndex(files);
    const found = await runQuery(parseQuery('谋发展'), loader);
    expect(found.map((m) => searchOrder(site)[m.doc]!.title)).toEqual(['第7篇']);
    // The block of 发展 that holds article 7: its doc list and positions, nothing else.
    expect(termFiles(fetched.map((f) => f.path), '发展')).toEqual([`search/${blockPath('发展', b!)}`, `search/${blockPath('发展', b!, true)}`]);
    // Its one candidate's text was asked for with the block, not a round trip later.
    expect(fetched.map((f) => f.path)).toContain(`search/${docPath(7)}`);
  });

  it('a query of frequent grams only reads them whole', async () => {
    const files = buildSearchIndex(archive(13, 7), OPTIONS);
    const blocks = await starts(files);
    const { loader, fetched } = memoryIndex(files);
    expect(await runQuery(parseQuery('发展'), loader)).toHaveLength(13);
    // Every block, as doc lists (a two-character term needs no positions).
    expect(termFiles(fetched.map((f) => f.path), '发展').sort()).toEqual(blocks.map((_, b) => `search/${blockPath('发展', b)}`).sort());
  });

  it("a frequent term's first page comes from its hash shard, with the exact count and the complete ranking's order", async () => {
    const site = archive(13, 7);
    const { loader, fetched } = memoryIndex(buildSearchIndex(site, OPTIONS));
    const first = await searchQuery(parseQuery('发展'), loader, { firstPage: true });
    expect(fetched.some((f) => f.path.includes('/terms/'))).toBe(false);
    expect(first.total).toBe(13);
    expect(first.matches).toHaveLength(PAGE_SIZE);
    // More occurrences rank higher: articles 3 and 11 print 发展 four times, 2 (then 6, 10) three.
    expect(first.matches).toEqual((await runQuery(parseQuery('发展'), loader)).slice(0, PAGE_SIZE));
    expect(first.matches.slice(0, 3).map((m) => m.doc)).toEqual([3, 11, 2]);
  });

  it('an appended issue rewrites only the last block of a frequent gram', async () => {
    const before = buildSearchIndexWithState(archive(13, 7), OPTIONS);
    const after = buildSearchIndexWithState(archive(14, 7), { ...OPTIONS, previous: before.state });
    expect(after.appendedTo).toBe(13);
    const last = (await starts(buildSearchIndex(archive(14, 7), OPTIONS))).length - 1;
    expect(last).toBeGreaterThan(2);
    const written = after.files.filter((f) => !f.unchanged).map((f) => f.path);
    expect(termFiles(written, '发展')).toEqual([`search/${blockPath('发展', last)}`, `search/${blockPath('发展', last, true)}`]);
    // The same bytes as a clean build.
    const clean = new Map(buildSearchIndex(archive(14, 7), OPTIONS).map((f) => [f.path, Buffer.from(f.contents).toString('base64')]));
    for (const f of after.files.filter((x) => !x.unchanged)) expect(Buffer.from(f.contents).toString('base64')).toBe(clean.get(f.path));
  });
});
