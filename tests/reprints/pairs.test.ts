import { describe, expect, it } from 'vitest';
import { emptyPairs, findPair, isPairTable, mergePairs, PairRun, pairsOf } from '../../src/reprints/pairs.js';
import { adjacency } from '../../src/reprints/find.js';

describe('the table of checked pairs', () => {
  it('sorts a map of pairs and finds each key by binary search, and no other', () => {
    const map = new Map([
      [90, 0.5],
      [3, 1],
      [2 ** 40 + 7, 0.25],
      [41, 0],
    ]);
    const table = pairsOf(map);
    expect([...table.keys]).toEqual([3, 41, 90, 2 ** 40 + 7]);
    for (const [key, value] of map) expect(table.values[findPair(table, key)]).toBe(value);
    for (const missing of [0, 4, 89, 91, 2 ** 41]) expect(findPair(table, missing)).toBe(-1);
    expect(findPair(emptyPairs(), 3)).toBe(-1);
  });

  it('merges two tables into one sorted table, each value staying with its key', () => {
    const a = pairsOf(new Map([[1, 0.1], [5, 0.5], [9, 0.9]]));
    const b = pairsOf(new Map([[2, 0.2], [10, 1]]));
    const merged = mergePairs(a, b);
    expect([...merged.keys]).toEqual([1, 2, 5, 9, 10]);
    expect([...merged.values]).toEqual([0.1, 0.2, 0.5, 0.9, 1]);
    expect(mergePairs(emptyPairs(), b)).toEqual(b);
  });

  it('trusts only strictly increasing whole keys below the limit', () => {
    const ok = pairsOf(new Map([[1, 0], [7, 1]]));
    expect(isPairTable(ok, 8)).toBe(true);
    expect(isPairTable(ok, 7)).toBe(false);
    expect(isPairTable({ keys: Float64Array.of(7, 1), values: Float64Array.of(0, 1) }, 100)).toBe(false);
    expect(isPairTable({ keys: Float64Array.of(1, 1), values: Float64Array.of(0, 1) }, 100)).toBe(false);
    expect(isPairTable({ keys: Float64Array.of(1.5), values: Float64Array.of(0) }, 100)).toBe(false);
  });

  it('lists each item\'s partners ascending from lists of pair keys in any order', () => {
    const count = 5;
    const key = (a: number, b: number): number => a * count + b;
    const lists = adjacency([Float64Array.of(key(3, 4), key(0, 3), key(1, 4)), [key(2, 3), key(1, 2)]], count);
    expect(lists.map((l) => [...l])).toEqual([[3], [2, 4], [1, 3], [0, 2, 4], [1, 3]]);
  });

  it('sorts a run of pairs appended in any order, across its chunks, each value staying with its key', () => {
    const count = 70_000; // keys up to count², past 2^32
    const run = new PairRun();
    const map = new Map<number, number>();
    // More pairs than one chunk holds (2^20), from a scrambled walk over first items.
    for (let k = 0; k < 1_100_000; k++) {
      const a = (k * 7919) % (count - 1);
      const b = a + 1 + ((k * 104_729) % (count - 1 - a));
      const key = a * count + b;
      if (map.has(key)) continue;
      map.set(key, (k % 1000) / 1000);
      run.push(key, (k % 1000) / 1000);
    }
    expect(run.size).toBeGreaterThan(1 << 20);
    const table = run.table(count);
    const expected = pairsOf(map);
    // Compared in a loop: a matcher over a million elements takes half a minute.
    let differ = -1;
    for (let k = 0; k < expected.keys.length && differ < 0; k++) if (table.keys[k] !== expected.keys[k] || table.values[k] !== expected.values[k]) differ = k;
    expect(differ).toBe(-1);
    expect(table.keys.length).toBe(expected.keys.length);
    expect(new PairRun().table(10)).toEqual(emptyPairs());
  });

  it('keeps a pair appended twice once, and empties the run', () => {
    const run = new PairRun();
    for (const [key, value] of [[7, 0.5], [3, 1], [7, 0.5], [12, 0], [3, 1]] as const) run.push(key, value);
    const table = run.table(4);
    expect([...table.keys]).toEqual([3, 7, 12]);
    expect([...table.values]).toEqual([1, 0.5, 0]);
    expect(run.size).toBe(0);
  });
});
