/**
 * Reprints: the same copy printed in several papers or issues (district papers often run the
 * same 区府 or 市里 text). Each article's text is shingled and MinHashed, LSH banding proposes
 * the pairs that may share much of their text, and each proposed pair is checked exactly: a
 * reprint is a pair where at least THRESHOLD of the shorter copy's shingles are in the longer
 * one (containment, so a copy that prints only part of the text still counts). The work is
 * linear in the archive's size: no pair is compared unless the banding proposes it.
 *
 * Signatures (HASHES hashes per shingle) and the exact checks are the costly parts; both are
 * kept by the digest of the normalised text (`ReprintMemo`), so a build after adding a page
 * computes the new articles' signatures and checks only pairs with a new text. The banding
 * itself is redone over the whole archive (cheap), so the result is the clean build's.
 */
import { createHash } from 'node:crypto';
import { lowerBound } from '../sorted.js';
import { candidatePairs, signature } from './minhash.js';
import { containment, normalise, shingles } from './shingles.js';
import { emptyPairs, findPair, isPairTable, mergePairs, PairRun, type PairTable } from './pairs.js';

/** Fewer shingles than this (about 45 characters) is a formula or a one-line brief, not a text worth linking. */
export const MIN_SHINGLES = 40;
/**
 * Share of the shorter copy's shingles the longer one must contain. Reprints measure 0.85–1
 * (a re-broken or re-punctuated copy loses only the shingles across its edits); articles that
 * merely share an opening formula or a quoted paragraph stay below 0.4 (tests/reprints).
 */
export const THRESHOLD = 0.6;
/** Two excerpts of one longer copy are copies of each other when they share this much of the shorter one. */
export const EXCERPT_OVERLAP = 0.2;

/** An article's text to compare: its paragraphs, without headline and bylines (which reprints change). */
export interface ReprintText {
  id: string;
  text: string;
}

/**
 * What one build leaves for the next: each text's MinHash signature, and the containment of
 * every pair it checked, both by the digest of the normalised text. Containment is a function
 * of the two texts alone, so a pair of texts both seen before is never checked again.
 */
export interface ReprintMemo {
  /** Signatures by digest; the digests in this order number the texts of `checked`. */
  signatures: Map<string, Uint32Array>;
  /** Containment (0–1) of each checked pair, by `pairKey` of the two texts' numbers. */
  checked: PairTable;
}

export interface ReprintResult {
  /** For each input article with reprints, the ids of the other copies in input order. */
  reprints: Map<string, string[]>;
  /** What the next build can reuse. */
  memo: ReprintMemo;
  /** Signatures computed in this run (the others came from the previous memo). */
  computed: number;
  /** Candidate pairs proposed by LSH, and containments computed (the others came from the memo). */
  candidates: number;
  compared: number;
}

/** An empty memo: every signature and containment is computed. */
export function emptyMemo(): ReprintMemo {
  return { signatures: new Map(), checked: emptyPairs() };
}

/** The key of the pair of texts numbered `a` and `b` (in either order) among `count`. */
function pairKey(a: number, b: number, count: number): number {
  return a < b ? a * count + b : b * count + a;
}

/** Copies contained in more longer copies than this are a formula, not excerpts of one text. */
const MAX_EXCERPTS = 64;

/** Finds every pair of reprints among `texts`, reusing what `previous` (an earlier build's memo) computed. */
export function findReprints(texts: readonly ReprintText[], previous: ReprintMemo = emptyMemo()): ReprintResult {
  const signatures = new Map<string, Uint32Array>();
  const sets: Array<Uint32Array | null> = [];
  const sigs: Array<Uint32Array | null> = [];
  const digests: Array<string | null> = [];
  let computed = 0;
  for (const { text } of texts) {
    const normalised = normalise(text);
    const set = shingles(normalised);
    if (set.length < MIN_SHINGLES) {
      sets.push(null);
      sigs.push(null);
      digests.push(null);
      continue;
    }
    const digest = createHash('sha1').update(normalised).digest('hex');
    let sig = signatures.get(digest) ?? previous.signatures.get(digest);
    if (!sig) {
      sig = signature(set);
      computed++;
    }
    signatures.set(digest, sig);
    sets.push(set);
    sigs.push(sig);
    digests.push(digest);
  }
  // Texts are numbered by their digests in sorted order, the order the memo is saved in.
  const order = [...signatures.keys()].sort();
  const numberOf = new Map(order.map((d, k) => [d, k]));
  const previousOrder = [...previous.signatures.keys()];
  const previousIndex = new Map(previousOrder.map((d, k) => [d, k]));
  const number = digests.map((d) => (d === null ? -1 : numberOf.get(d)!));
  const previousNumber = digests.map((d) => (d === null ? undefined : previousIndex.get(d)));
  // Which of the last build's pairs were asked again (the memo keeps only pairs of the archive
  // as it is, so it does not grow with deleted texts), and the pairs computed in this build.
  const reused = new Uint8Array(previous.checked.keys.length);
  // Candidates (each pair of articles once) are checked into a run: a text printed twice is
  // checked under its first article only (the other copy's pairs are the same candidates, and
  // computed again without being kept), so no key repeats. The excerpts' pairs are looked up in
  // the candidates' sorted run; the rest go to a second run, where a pair asked again (by
  // another longer copy, or for another printing) repeats, and the sort drops the repeats.
  // Hash tables of these pairs were ~3 times their size at 50,000 synthetic articles (8.6
  // million excerpts' pairs), and twice that while growing.
  const firstOf = new Int32Array(order.length).fill(-1);
  number.forEach((a, i) => {
    if (a >= 0 && firstOf[a]! < 0) firstOf[a] = i;
  });
  const selfChecked = new Uint8Array(order.length);
  const run = new PairRun();
  const excerptRun = new PairRun();
  let candidatesChecked: PairTable | null = null;
  const contain = (i: number, j: number): number => {
    const a = number[i]!;
    const b = number[j]!;
    const key = pairKey(a, b, order.length);
    const pa = previousNumber[i];
    const pb = previousNumber[j];
    const at = pa !== undefined && pb !== undefined ? findPair(previous.checked, pairKey(pa, pb, previousOrder.length)) : -1;
    if (at >= 0) {
      reused[at] = 1;
      return previous.checked.values[at]!;
    }
    if (candidatesChecked) {
      const found = findPair(candidatesChecked, key);
      if (found >= 0) return candidatesChecked.values[found]!;
      const value = a === b ? 1 : containment(sets[i]!, sets[j]!);
      excerptRun.push(key, value);
      return value;
    }
    const value = a === b ? 1 : containment(sets[i]!, sets[j]!);
    const first = a === b ? !selfChecked[a] : firstOf[a] === i && firstOf[b] === j;
    if (first) {
      if (a === b) selfChecked[a] = 1;
      run.push(key, value);
    }
    return value;
  };

  // Linked articles as pairs of their indexes (a Set per article held ~40 bytes a link): the
  // candidates' links in the order found, which is key order; the excerpts' as found, repeats
  // and all (whether a pair of excerpts is linked does not depend on the order they are asked).
  const candidateLinks: number[] = [];
  const excerptLinks = new PairRun();
  // Copies contained in each longer copy: two excerpts of one text are copies of each other too.
  const contained = texts.map(() => [] as number[]);
  let pairs: Uint32Array | null = candidatePairs(sigs);
  const candidates = pairs.length / 2;
  for (let k = 0; k < pairs.length; k += 2) {
    const i = pairs[k]!;
    const j = pairs[k + 1]!;
    if (contain(i, j) < THRESHOLD) continue;
    candidateLinks.push(pairKey(i, j, texts.length));
    const [small, large] = sets[i]!.length <= sets[j]!.length ? [i, j] : [j, i];
    contained[large]!.push(small);
  }
  pairs = null;
  candidatesChecked = run.table(order.length);
  for (const excerpts of contained) {
    if (excerpts.length > MAX_EXCERPTS) continue;
    for (let a = 0; a < excerpts.length; a++) {
      for (let b = a + 1; b < excerpts.length; b++) {
        const i = excerpts[a]!;
        const j = excerpts[b]!;
        const key = pairKey(i, j, texts.length);
        // Two excerpts that overlap, not two stories that a longer text (or a misjoined page) both holds.
        if (candidateLinks[lowerBound(candidateLinks, key)] !== key && contain(i, j) >= EXCERPT_OVERLAP) excerptLinks.push(key, 1);
      }
    }
  }
  // The texts are no longer needed: let them go before the sorts below.
  sets.length = 0;
  contained.length = 0;
  const reprints = new Map<string, string[]>();
  adjacency([candidateLinks, excerptLinks.table(texts.length).keys], texts.length).forEach((others, i) => {
    if (others.length > 0) reprints.set(texts[i]!.id, Array.from(others, (k) => texts[k]!.id));
  });
  const sortedSignatures = new Map(order.map((d) => [d, signatures.get(d)!]));
  const excerptsChecked = excerptRun.table(order.length);
  const compared = candidatesChecked.keys.length + excerptsChecked.keys.length;
  const checked = mergePairs(renumbered(previous.checked, reused, previousOrder, numberOf), mergePairs(candidatesChecked, excerptsChecked));
  return { reprints, memo: { signatures: sortedSignatures, checked }, computed, candidates, compared };
}

/** Each of `count` items' partners, ascending, from lists of pair keys (`pairKey`, in any order). */
export function adjacency(keyLists: ReadonlyArray<ArrayLike<number>>, count: number): Uint32Array[] {
  const sizes = new Uint32Array(count);
  for (const keys of keyLists) {
    for (let k = 0; k < keys.length; k++) {
      sizes[Math.floor(keys[k]! / count)]!++;
      sizes[keys[k]! % count]!++;
    }
  }
  const lists = Array.from(sizes, (size) => new Uint32Array(size));
  const filled = new Uint32Array(count);
  for (const keys of keyLists) {
    for (let k = 0; k < keys.length; k++) {
      const a = Math.floor(keys[k]! / count);
      const b = keys[k]! % count;
      lists[a]![filled[a]!++] = b;
      lists[b]![filled[b]!++] = a;
    }
  }
  for (const list of lists) list.sort();
  return lists;
}

/**
 * The last build's pairs marked in `keep`, keyed by this build's numbers. Both numberings are
 * ranks of sorted digests, so the renumbering keeps the keys' order: no sort needed.
 */
function renumbered(table: PairTable, keep: Uint8Array, previousOrder: string[], numberOf: ReadonlyMap<string, number>): PairTable {
  const count = previousOrder.length;
  let size = 0;
  for (const k of keep) size += k;
  const keys = new Float64Array(size);
  const values = new Float64Array(size);
  for (let k = 0, n = 0; k < keep.length; k++) {
    if (!keep[k]) continue;
    const key = table.keys[k]!;
    const a = numberOf.get(previousOrder[Math.floor(key / count)]!)!;
    const b = numberOf.get(previousOrder[key % count]!)!;
    keys[n] = pairKey(a, b, numberOf.size);
    values[n++] = table.values[k]!;
  }
  return { keys, values };
}

const MAGIC = 'baokan-reprints-3';

/**
 * The memo as bytes for the cache: a header naming the format and sizes; then each digest with
 * its signature, in order; then the checked pairs' keys and their containments as doubles
 * (exactly as computed, so a reused pair is decided as a clean build decides it).
 */
export function encodeMemo(memo: ReprintMemo): Buffer {
  return Buffer.concat(memoParts(memo));
}

/** `encodeMemo`'s bytes in parts, the pairs as views of their arrays: written one after another, no copy of the whole. */
export function memoParts(memo: ReprintMemo): Buffer[] {
  const entries = [...memo.signatures];
  const width = entries[0]?.[1].length ?? 0;
  const count = entries.length;
  const { keys, values } = memo.checked;
  const header = Buffer.from(`${MAGIC} ${width} ${count} ${keys.length}\n`);
  const entry = 20 + width * 4;
  const body = Buffer.alloc(count * entry);
  entries.forEach(([digest, sig], k) => {
    body.write(digest, k * entry, 20, 'hex');
    Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength).copy(body, k * entry + 20);
  });
  const bytes = (a: Float64Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  return [header, body, bytes(keys), bytes(values)];
}

/** Reads what `encodeMemo` wrote; anything else (another format, a torn file) gives an empty memo. */
export function decodeMemo(bytes: Uint8Array, width: number): ReprintMemo {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const newline = buffer.indexOf(10);
  const [magic, w, n, p] = buffer.subarray(0, Math.max(newline, 0)).toString('latin1').split(' ');
  const count = Number(n);
  const pairs = Number(p);
  const entry = 20 + width * 4;
  if (magic !== MAGIC || Number(w) !== width || !Number.isSafeInteger(count) || !Number.isSafeInteger(pairs)) return emptyMemo();
  if (buffer.length !== newline + 1 + count * entry + pairs * 16) return emptyMemo();
  const memo = emptyMemo();
  for (let k = 0; k < count; k++) {
    const at = newline + 1 + k * entry;
    const sig = new Uint32Array(width);
    Buffer.from(sig.buffer).set(buffer.subarray(at + 20, at + entry));
    memo.signatures.set(buffer.toString('hex', at, at + 20), sig);
  }
  // Copied out (the doubles need 8-byte alignment, which the file's layout does not promise).
  const doubles = (at: number): Float64Array => {
    const array = new Float64Array(pairs);
    Buffer.from(array.buffer).set(buffer.subarray(at, at + pairs * 8));
    return array;
  };
  const start = newline + 1 + count * entry;
  const checked = { keys: doubles(start), values: doubles(start + pairs * 8) };
  return isPairTable(checked, count * count) ? { ...memo, checked } : emptyMemo();
}
