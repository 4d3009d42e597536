/**
 * The text of a copy as a set of shingles: what two printings of the same text share however
 * their columns were broken, their lines re-wrapped or their punctuation set (half- or
 * full-width). Whitespace and punctuation are dropped and full-width forms folded (NFKC) before
 * the text is cut into overlapping runs of SHINGLE characters, each hashed to 32 bits.
 */

/** Characters per shingle: long enough that unrelated news rarely shares one, short enough to survive an edited word. */
export const SHINGLE = 5;

/** The text reduced to what a reprint keeps: letters and digits, full-width forms folded, lower case. */
export function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The distinct shingle hashes of a normalised text, sorted ascending (empty when shorter than a shingle). */
export function shingles(normalised: string): Uint32Array {
  const chars = Array.from(normalised);
  const count = chars.length - SHINGLE + 1;
  if (count <= 0) return new Uint32Array(0);
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let h = 0x811c9dc5; // FNV-1a over the code points of the shingle
    for (let j = i; j < i + SHINGLE; j++) {
      h ^= chars[j]!.codePointAt(0)!;
      h = Math.imul(h, 0x01000193);
    }
    out[i] = h >>> 0;
  }
  out.sort();
  let n = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[n - 1]) out[n++] = out[i]!;
  return out.slice(0, n);
}

/** How much of the smaller set the larger one contains, 0–1 (sets sorted ascending, as `shingles` gives them). */
export function containment(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 || b.length === 0) return 0;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared / Math.min(a.length, b.length);
}
