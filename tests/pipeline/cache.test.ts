import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCache, withoutTrace, writeCache } from '../../src/cache.js';
import { parsePage } from '../../src/parse/index.js';
import type { Paper } from '../../src/types.js';
import papers from '../../src/papers.json' with { type: 'json' };
import { ROOT } from '../helpers/cli.js';

describe('parse cache', () => {
  it('gives back the page with its trace, or without it, and drops entries no longer used', async () => {
    const dir = path.join(await mkdtemp(path.join(tmpdir(), 'baokan-cache-')), 'parse');
    const body = await readFile(path.join(ROOT, 'seeds/000_e4b77a2f99e63835.txt'), 'utf8');
    const page = parsePage({ source: 'a.txt', body, bodyLine: 1 }, papers as Paper[]);
    expect(page.blocks.length).toBeGreaterThan(0);
    expect(page.articles.some((a) => a.blocks.length > 0)).toBe(true);
    await writeCache(dir, new Map([['k1', page], ['k2', page]]), new Set(['k1', 'k2']));

    const full = await readCache(dir, ['k1', 'missing'], true);
    expect([...full.keys()]).toEqual(['k1']);
    expect(full.get('k1')).toEqual(page);
    const slim = (await readCache(dir, ['k1'], false)).get('k1')!;
    expect(slim).toEqual(withoutTrace(page));
    expect(slim.blocks).toEqual([]);
    expect(slim.articles.map((a) => a.paragraphs)).toEqual(page.articles.map((a) => a.paragraphs));

    await writeCache(dir, new Map([['k2', page]]), new Set());
    expect(await readdir(dir)).toEqual(['k2.json']);
  });
});
