/**
 * MinHash signatures and LSH banding: finding the pairs of texts that may share much of their
 * shingles without comparing every pair. A signature keeps, for each of HASHES hash functions,
 * the least hash over the text's shingles; two texts agree in one position with probability
 * equal to their Jaccard similarity. Cut into BANDS bands of ROWS positions, texts that agree
 * in a whole band land in one bucket and become a candidate pair: with 2 rows, a pair of Jaccard
 * 0.3 (a third of a text reprinted) is a candidate in 64 bands with probability 0.998, a pair of
 * unrelated news (Jaccard < 0.01) in under 1%.
 */

/** Positions of a signature. */
export const HASHES = 128;
/** Positions per band. */
export const ROWS = 2;
export const BANDS = HASHES / ROWS;

/** Per-position seeds of the hash family, fixed so signatures are the same on every build. */
const SEEDS = Uint32Array.from({ length: HASHES }, (_, i) => fmix32(0x9e3779b9 ^ Math.imul(i + 1, 0x85ebca6b)));

/** murmur3's finaliser: a fast 32-bit mixer whose outputs for distinct seeds behave as independent hashes. */
function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The MinHash signature of a non-empty shingle set. */
export function signature(shingles: Uint32Array): Uint32Array {
  const sig = new Uint32Array(HASHES).fill(0xffffffff);
  for (const s of shingles) {
    for (let i = 0; i < HASHES; i++) {
      const v = fmix32(s ^ SEEDS[i]!);
      if (v < sig[i]!) sig[i] = v;
    }
  }
  return sig;
}

/**
 * Candidate pairs as a flat list `i, j, i, j, …` (i < j, indexes into `signatures`; null entries
 * take no part), sorted by i then j. Buckets holding more than `maxBucket` texts are what very
 * common text (a standard closing formula) makes, not reprints; they are skipped so the work
 * stays linear. Pairs are gathered as codes `i * n + j` in a typed array, sorted and deduplicated
 * there (8 bytes a proposal instead of a Set entry and a tuple per pair), also whenever the
 * array fills, so it grows with the distinct pairs rather than with the proposals.
 */
export function candidatePairs(signatures: ReadonlyArray<Uint32Array | null>, maxBucket = 64): Uint32Array {
  const n = signatures.length;
  let codes = new Float64Array(1024);
  let size = 0;
  for (let band = 0; band < BANDS; band++) {
    const buckets = new Map<number, number[]>();
    signatures.forEach((sig, index) => {
      if (!sig) return;
      let key = band;
      for (let r = band * ROWS; r < (band + 1) * ROWS; r++) key = fmix32(key ^ sig[r]!);
      const bucket = buckets.get(key);
      if (bucket) bucket.push(index);
      else buckets.set(key, [index]);
    });
    for (const bucket of buckets.values()) {
      if (bucket.length < 2 || bucket.length > maxBucket) continue;
      for (let a = 0; a < bucket.length; a++) {
        for (let b = a + 1; b < bucket.length; b++) {
          if (size === codes.length) {
            // Full: drop the repeats first (a pair of close copies is proposed by most of the
            // bands), and grow only if that leaves the array more than half full.
            size = sortUnique(codes, size);
            if (2 * size > codes.length) {
              const grown = new Float64Array(codes.length * 2);
              grown.set(codes.subarray(0, size));
              codes = grown;
            }
          }
          codes[size++] = bucket[a]! * n + bucket[b]!;
        }
      }
    }
  }
  const unique = sortUnique(codes, size);
  const sorted = codes;
  const pairs = new Uint32Array(unique * 2);
  for (let k = 0; k < unique; k++) {
    pairs[2 * k] = Math.floor(sorted[k]! / n);
    pairs[2 * k + 1] = sorted[k]! % n;
  }
  return pairs;
}

/** Sorts the first `size` codes and keeps each once at the front; returns how many there are. */
function sortUnique(codes: Float64Array, size: number): number {
  const sorted = codes.subarray(0, size).sort();
  let unique = 0;
  for (let k = 0; k < size; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) sorted[unique++] = sorted[k]!;
  return unique;
}
