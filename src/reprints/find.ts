/**
 * Reprints: the same copy printed in several papers or issues (district papers often run the
 * same 区府 or 市里 text). Each article's text is shingled and MinHashed, LSH banding proposes
 * the pairs that may share much of their text, and each proposed pair is checked exactly: a
 * reprint is a pair where at least THRESHOLD of the shorter copy's shingles are in the longer
 * one (containment, so a copy that prints only part of the text still counts). The work is
 * linear in the archive's size: no pair is compared unless the banding proposes it.
 *
 * Signatures are the costly part (HASHES hashes per shingle); they are kept by the digest of
 * the normalised text, so a build after adding a page computes only the new articles' ones.
 */
import { createHash } from 'node:crypto';
import { candidatePairs, signature } from './minhash.js';
import { containment, normalise, shingles } from './shingles.js';

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

/** MinHash signatures by the digest of the normalised text. */
export type Signatures = Map<string, Uint32Array>;

export interface ReprintResult {
  /** For each input article with reprints, the ids of the other copies in input order. */
  reprints: Map<string, string[]>;
  /** The signatures of this archive's articles, for the next build. */
  signatures: Signatures;
  /** Signatures computed in this run (the others came from `previous`). */
  computed: number;
  /** Candidate pairs checked exactly. */
  candidates: number;
}

/** Finds every pair of reprints among `texts`; `previous` holds signatures of earlier builds. */
export function findReprints(texts: readonly ReprintText[], previous: ReadonlyMap<string, Uint32Array> = new Map()): ReprintResult {
  const signatures: Signatures = new Map();
  const sets: Array<Uint32Array | null> = [];
  const sigs: Array<Uint32Array | null> = [];
  let computed = 0;
  for (const { text } of texts) {
    const normalised = normalise(text);
    const set = shingles(normalised);
    if (set.length < MIN_SHINGLES) {
      sets.push(null);
      sigs.push(null);
      continue;
    }
    const digest = createHash('sha1').update(normalised).digest('hex');
    let sig = signatures.get(digest) ?? previous.get(digest);
    if (!sig) {
      sig = signature(set);
      computed++;
    }
    signatures.set(digest, sig);
    sets.push(set);
    sigs.push(sig);
  }
  const linked = texts.map(() => new Set<number>());
  // Copies contained in each longer copy: two excerpts of one text are copies of each other too.
  const contained = texts.map(() => [] as number[]);
  const pairs = candidatePairs(sigs);
  for (const [i, j] of pairs) {
    if (containment(sets[i]!, sets[j]!) < THRESHOLD) continue;
    linked[i]!.add(j);
    linked[j]!.add(i);
    const [small, large] = sets[i]!.length <= sets[j]!.length ? [i, j] : [j, i];
    contained[large]!.push(small);
  }
  for (const excerpts of contained) {
    for (let a = 0; a < excerpts.length; a++) {
      for (let b = a + 1; b < excerpts.length; b++) {
        const i = excerpts[a]!;
        const j = excerpts[b]!;
        // Two excerpts that overlap, not two stories that a longer text (or a misjoined page) both holds.
        if (!linked[i]!.has(j) && containment(sets[i]!, sets[j]!) >= EXCERPT_OVERLAP) {
          linked[i]!.add(j);
          linked[j]!.add(i);
        }
      }
    }
  }
  const reprints = new Map<string, string[]>();
  linked.forEach((others, i) => {
    if (others.size > 0) reprints.set(texts[i]!.id, [...others].sort((a, b) => a - b).map((k) => texts[k]!.id));
  });
  return { reprints, signatures, computed, candidates: pairs.length };
}

const MAGIC = 'baokan-minhash-1';

/** The signatures as bytes for the cache: a header naming the format and size, then digest and signature per entry, by digest. */
export function encodeSignatures(signatures: ReadonlyMap<string, Uint32Array>): Buffer {
  const entries = [...signatures].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const width = entries[0]?.[1].length ?? 0;
  const header = Buffer.from(`${MAGIC} ${width} ${entries.length}\n`);
  const body = Buffer.alloc(entries.length * (20 + width * 4));
  entries.forEach(([digest, sig], k) => {
    const at = k * (20 + width * 4);
    body.write(digest, at, 20, 'hex');
    Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength).copy(body, at + 20);
  });
  return Buffer.concat([header, body]);
}

/** Reads what `encodeSignatures` wrote; anything else (another format, a torn file) gives none, so they are computed again. */
export function decodeSignatures(bytes: Uint8Array, width: number): Signatures {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const newline = buffer.indexOf(10);
  const [magic, w, n] = buffer.subarray(0, Math.max(newline, 0)).toString('latin1').split(' ');
  const count = Number(n);
  const entry = 20 + width * 4;
  const out: Signatures = new Map();
  if (magic !== MAGIC || Number(w) !== width || !Number.isSafeInteger(count) || buffer.length !== newline + 1 + count * entry) return out;
  for (let k = 0; k < count; k++) {
    const at = newline + 1 + k * entry;
    const sig = new Uint32Array(width);
    Buffer.from(sig.buffer).set(buffer.subarray(at + 20, at + entry));
    out.set(buffer.toString('hex', at, at + 20), sig);
  }
  return out;
}
