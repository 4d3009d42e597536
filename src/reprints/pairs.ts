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
