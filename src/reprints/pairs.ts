/**
 * The containments of checked pairs of texts, as two parallel arrays sorted by pair key: 16
 * bytes a pair, looked up by binary search. The reprint memo holds a pair for every candidate
 * the banding proposed (1.6 million at 10,000 synthetic articles); as a Map that was ~60 bytes
 * a pair held twice during a rebuild (the last build's and this one's) and seconds to save and
 * load, while these arrays are copied to and from the cache file as they are.
 */
import { lowerBound } from '../sorted.js';

export interface PairTable {
  /** Pair keys (`a * count + b` of the two texts' numbers, a < b), strictly increasing. */
  keys: Float64Array;
  /** Containment of each pair, exactly as computed. */
  values: Float64Array;
}

/** A table with no pair. */
export function emptyPairs(): PairTable {
  return { keys: new Float64Array(0), values: new Float64Array(0) };
}

/** Index of `key` in the table, or -1. */
export function findPair(table: PairTable, key: number): number {
  const at = lowerBound(table.keys, key);
  return table.keys[at] === key ? at : -1;
}

/** The pairs of a map (key → containment), sorted. */
export function pairsOf(map: ReadonlyMap<number, number>): PairTable {
  const keys = Float64Array.from(map.keys()).sort();
  return { keys, values: keys.map((k) => map.get(k)!) };
}

/** The union of two tables without a common key. */
export function mergePairs(a: PairTable, b: PairTable): PairTable {
  // Nothing to merge (a clean build): no copy of a table that may hold millions of pairs.
  if (a.keys.length === 0) return b;
  if (b.keys.length === 0) return a;
  const size = a.keys.length + b.keys.length;
  const keys = new Float64Array(size);
  const values = new Float64Array(size);
  let i = 0;
  let j = 0;
  for (let k = 0; k < size; k++) {
    const fromA = j >= b.keys.length || (i < a.keys.length && a.keys[i]! < b.keys[j]!);
    keys[k] = fromA ? a.keys[i]! : b.keys[j]!;
    values[k] = fromA ? a.values[i++]! : b.values[j++]!;
  }
  return { keys, values };
}

/** True when the keys are strictly increasing and below `limit` (a table read from disk is checked before use). */
export function isPairTable(table: PairTable, limit: number): boolean {
  const { keys } = table;
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k]!;
    if (!Number.isSafeInteger(key) || key < 0 || key >= limit || (k > 0 && key <= keys[k - 1]!)) return false;
  }
  return keys.length === table.values.length;
}

/** Entries of one chunk of a `PairRun`. */
const CHUNK_BITS = 20;
const CHUNK = 1 << CHUNK_BITS;

/**
 * Pairs appended as they are found, 16 bytes a pair in chunks that are never copied to grow,
 * and sorted once at the end: what a build computes, without a hash table. A key appended
 * again must come with the same value (a pair checked twice); the table keeps it once.
 */
export class PairRun {
  private keys: Float64Array[] = [];
  private values: Float64Array[] = [];
  size = 0;

  push(key: number, value: number): void {
    const at = this.size & (CHUNK - 1);
    if (at === 0) {
      this.keys.push(new Float64Array(CHUNK));
      this.values.push(new Float64Array(CHUNK));
    }
    this.keys[this.size >>> CHUNK_BITS]![at] = key;
    this.values[this.size >>> CHUNK_BITS]![at] = value;
    this.size++;
  }

  /**
   * The pairs as a sorted table without repeats, given that keys are `pairKey`s of items
   * numbered below `count`: bucketed by their first item (a counting sort), then each bucket
   * sorted. The run is emptied.
   */
  table(count: number): PairTable {
    const key = (k: number): number => this.keys[k >>> CHUNK_BITS]![k & (CHUNK - 1)]!;
    const starts = new Uint32Array(count + 1);
    for (let k = 0; k < this.size; k++) starts[Math.floor(key(k) / count) + 1]!++;
    for (let a = 0; a < count; a++) starts[a + 1]! += starts[a]!;
    const order = new Uint32Array(this.size);
    const next = starts.slice(0, count);
    for (let k = 0; k < this.size; k++) order[next[Math.floor(key(k) / count)]!++] = k;
    for (let a = 0; a < count; a++) if (starts[a + 1]! - starts[a]! > 1) order.subarray(starts[a], starts[a + 1]).sort((x, y) => key(x) - key(y));
    const keys = new Float64Array(this.size);
    const values = new Float64Array(this.size);
    let n = 0;
    for (const k of order) {
      if (n > 0 && keys[n - 1] === key(k)) continue;
      keys[n] = key(k);
      values[n++] = this.values[k >>> CHUNK_BITS]![k & (CHUNK - 1)]!;
    }
    this.keys = [];
    this.values = [];
    this.size = 0;
    return n === keys.length ? { keys, values } : { keys: keys.slice(0, n), values: values.slice(0, n) };
  }
}
