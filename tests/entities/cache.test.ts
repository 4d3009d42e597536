import { appendFile, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ArticleAnalysis } from '../../src/entities/analyse.js';
import { readAnalyses, writeAnalyses } from '../../src/entities/cache.js';

const dirs: string[] = [];
const scratch = async (): Promise<string> => {
  const dir = await mkdtemp(path.join(tmpdir(), 'baokan-analyses-'));
  dirs.push(dir);
  return dir;
};
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** Enough entries of ~1 KB that the file takes several of the writer's chunks. */
function entries(count: number, salt: string): Map<string, ArticleAnalysis> {
  return new Map(
    Array.from({ length: count }, (_, i) => [
      `${salt}${String(i).padStart(6, '0')}`,
      {
        entities: [{ name: `人名${i}`, kind: 'person', mentions: i % 3 }],
        terms: Array.from({ length: 48 }, (_, k) => [`词语${(i * 48 + k) % 997}`, 48 - k] as [string, number]),
      },
    ]),
  );
}

describe('the cache of article analyses', () => {
  it('reads back exactly the entries written, over many chunks, and replaces the file whole', async () => {
    const dir = await scratch();
    await writeAnalyses(dir, entries(4000, 'a'));
    const later = entries(3000, 'b');
    await writeAnalyses(dir, later);
    expect((await readFile(path.join(dir, 'analyses.jsonl'), 'utf8')).length).toBeGreaterThan(3 << 19);
    const read = await readAnalyses(dir);
    expect([...read.keys()]).toEqual([...later.keys()]);
    expect(read).toEqual(later);
    expect(await readdir(dir)).toEqual(['analyses.jsonl']); // no temporary file left
  });

  it('skips a torn line and reads nothing from a missing file', async () => {
    const dir = await scratch();
    expect((await readAnalyses(dir)).size).toBe(0);
    await writeAnalyses(dir, entries(3, 'c'));
    await appendFile(path.join(dir, 'analyses.jsonl'), 'd000001 {"entities":[{"na');
    const read = await readAnalyses(dir);
    expect([...read.keys()]).toEqual(['c000000', 'c000001', 'c000002']);
    await writeAnalyses(dir, new Map());
    expect((await readAnalyses(dir)).size).toBe(0);
  });
});
