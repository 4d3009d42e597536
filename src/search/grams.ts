/**
 * Fast gram collection for the indexer (Node only, never bundled for the browser).
 *
 * Same semantics as normalizing each text with `normalize` and walking its code points (see
 * docs/search.md): a unigram per searchable character (`isSearchable`: letters, digits,
 * punctuation, symbols; not whitespace), a bigram with its UTF-16 offset per pair of adjacent
 * searchable characters. What differs is the cost: grams are interned as integer ids (no
 * string per occurrence), occurrences go to growable typed arrays, and posting lists are built
 * by one counting sort over all occurrences instead of a Map and an array per gram and article.
 */
import { foldChar, isSearchable } from './tokenize.js';

/** A growable Uint32Array (amortized doubling), so occurrences cost no JS objects. */
export class U32List {
  data: Uint32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Uint32Array(capacity);
  }
  /** Appends one value. */
  push(v: number): void {
    if (this.length === this.data.length) this.grow(this.length + 1);
    this.data[this.length++] = v;
  }
  /** Makes room for at least `n` values in total. */
  grow(n: number): void {
    if (n <= this.data.length) return;
    let size = this.data.length * 2;
    while (size < n) size *= 2;
    const next = new Uint32Array(size);
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }
  /** The values pushed so far (a view, not a copy). */
  view(): Uint32Array {
    return this.data.subarray(0, this.length);
  }
}

/**
 * Fold of each BMP code unit, filled lazily: 0 unknown, -1 not a single code point (or a
 * surrogate; slow path), otherwise ((folded code point << 1) | isSearchable) + 1. Nearly every
 * character of an archive hits this table, so normalizing costs one array read per character.
 */
const FAST = new Int32Array(0x10000);
/** Slow-path folds by source code point: the folded code points as (cp << 1) | isSearchable. */
const SLOW = new Map<number, number[]>();

function foldedCodes(cp: number): number[] {
  let codes = SLOW.get(cp);
  if (codes === undefined) {
    codes = [];
    for (const ch of foldChar(String.fromCodePoint(cp))) codes.push((ch.codePointAt(0)! << 1) | (isSearchable(ch) ? 1 : 0));
    SLOW.set(cp, codes);
  }
  return codes;
}

function fastFold(unit: number): number {
  let v = FAST[unit]!;
  if (v === 0) {
    if (unit >= 0xd800 && unit <= 0xdfff) {
      v = -1;
    } else {
      const codes = foldedCodes(unit);
      v = codes.length === 1 ? codes[0]! + 1 : -1;
    }
    FAST[unit] = v;
  }
  return v;
}

/** Length in UTF-16 units of `normalize(text)`, without building it. */
export function normalizedLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const v = fastFold(text.charCodeAt(i));
    if (v > 0) {
      n += (v - 1) >>> 1 > 0xffff ? 2 : 1;
      continue;
    }
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    for (const c of foldedCodes(cp)) n += c >>> 1 > 0xffff ? 2 : 1;
  }
  return n;
}

/** Every gram occurrence of a list of texts, with grams interned as integer ids. */
export interface GramOccurrences {
  /** Code point of each unigram id. */
  uniCp: Uint32Array;
  /** The two unigram ids of each bigram id. */
  biFirst: Uint32Array;
  biSecond: Uint32Array;
  /** Unigram id of every searchable character, texts in order; text d's are [uniEnd[d-1], uniEnd[d]). */
  uniOcc: Uint32Array;
  uniEnd: Uint32Array;
  /** Bigram id and UTF-16 offset (in the normalized text) of every adjacent pair, likewise by text. */
  biOcc: Uint32Array;
  biPos: Uint32Array;
  biEnd: Uint32Array;
  /** Length of each normalized text. */
  lengths: Uint32Array;
}

/**
 * Normalizes every text once and records its gram occurrences (see GramOccurrences). Unigrams
 * are interned by code point (a direct table for the BMP), bigrams by their id pair in an
 * open-addressing table; the loop keeps everything in locals and typed arrays.
 */
export function scanTexts(texts: readonly string[]): GramOccurrences {
  const total = texts.reduce((n, t) => n + t.length, 0);
  // Usually enough (a fold rarely yields several characters); grown when not.
  let uniOcc: Uint32Array = new Uint32Array(total + 16);
  let biOcc: Uint32Array = new Uint32Array(total + 16);
  let biPos: Uint32Array = new Uint32Array(total + 16);
  let nUniOcc = 0;
  let nBiOcc = 0;
  const uniEnd = new Uint32Array(texts.length);
  const biEnd = new Uint32Array(texts.length);
  const lengths = new Uint32Array(texts.length);

  const bmpId = new Int32Array(0x10000).fill(-1);
  const astralId = new Map<number, number>();
  const uniCp = new U32List(4096);
  const first = new U32List(1 << 16);
  const second = new U32List(1 << 16);
  let slots = new Int32Array(1 << 17).fill(-1);
  let mask = slots.length - 1;
  const slotOf = (a: number, b: number): number => (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) & mask;

  let prev = -1;
  let prevAt = 0;
  let offset = 0;
  // One normalized code point, (cp << 1) | isSearchable: a searchable character extends the run, a separator ends it.
  const emit = (code: number): void => {
    const cp = code >>> 1;
    if ((code & 1) === 0) {
      prev = -1;
      offset += cp > 0xffff ? 2 : 1;
      return;
    }
    if (nUniOcc === uniOcc.length) {
      const grow = (a: Uint32Array): Uint32Array => {
        const b = new Uint32Array(a.length * 2);
        b.set(a);
        return b;
      };
      uniOcc = grow(uniOcc);
      biOcc = grow(biOcc);
      biPos = grow(biPos);
    }
    let id = cp <= 0xffff ? bmpId[cp]! : (astralId.get(cp) ?? -1);
    if (id < 0) {
      id = uniCp.length;
      uniCp.push(cp);
      if (cp <= 0xffff) bmpId[cp] = id;
      else astralId.set(cp, id);
    }
    uniOcc[nUniOcc++] = id;
    if (prev >= 0) {
      let s = slotOf(prev, id);
      let bi: number;
      for (;;) {
        bi = slots[s]!;
        if (bi < 0 || (first.data[bi] === prev && second.data[bi] === id)) break;
        s = (s + 1) & mask;
      }
      if (bi < 0) {
        bi = first.length;
        slots[s] = bi;
        first.push(prev);
        second.push(id);
        if (first.length * 2 > slots.length) {
          slots = new Int32Array(slots.length * 2).fill(-1);
          mask = slots.length - 1;
          for (let k = 0; k < first.length; k++) {
            let t = slotOf(first.data[k]!, second.data[k]!);
            while (slots[t]! >= 0) t = (t + 1) & mask;
            slots[t] = k;
          }
        }
      }
      biOcc[nBiOcc] = bi;
      biPos[nBiOcc++] = prevAt;
    }
    prev = id;
    prevAt = offset;
    offset += cp > 0xffff ? 2 : 1;
  };

  for (let d = 0; d < texts.length; d++) {
    const text = texts[d]!;
    prev = -1;
    offset = 0;
    for (let i = 0; i < text.length; i++) {
      const v = fastFold(text.charCodeAt(i));
      if (v > 0) {
        emit(v - 1);
        continue;
      }
      // Surrogates and multi-character folds: by code point, as `for…of` walks the text.
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) i++;
      for (const c of foldedCodes(cp)) emit(c);
    }
    uniEnd[d] = nUniOcc;
    biEnd[d] = nBiOcc;
    lengths[d] = offset;
  }
  return {
    uniCp: uniCp.view(),
    biFirst: first.view(),
    biSecond: second.view(),
    uniOcc: uniOcc.subarray(0, nUniOcc),
    uniEnd,
    biOcc: biOcc.subarray(0, nBiOcc),
    biPos: biPos.subarray(0, nBiOcc),
    biEnd,
    lengths,
  };
}

/**
 * Posting lists of every gram, as flat arrays sorted by gram id, then article, then offset:
 * gram g's occurrences are [start[g], start[g + 1]) of `doc` (and `pos` for bigrams).
 */
export interface FlatPostings {
  start: Uint32Array;
  doc: Uint32Array;
  pos?: Uint32Array;
}

/** Groups occurrences by gram with a stable counting sort (articles and offsets stay in order). */
export function groupByGram(ids: Uint32Array, ends: Uint32Array, gramCount: number, positions?: Uint32Array): FlatPostings {
  const start = new Uint32Array(gramCount + 1);
  for (let i = 0; i < ids.length; i++) start[ids[i]! + 1]!++;
  for (let g = 0; g < gramCount; g++) start[g + 1]! += start[g]!;
  const cursor = start.slice(0, gramCount);
  const doc = new Uint32Array(ids.length);
  const pos = positions ? new Uint32Array(ids.length) : undefined;
  let i = 0;
  for (let d = 0; d < ends.length; d++) {
    for (const end = ends[d]!; i < end; i++) {
      const j = cursor[ids[i]!]!++;
      doc[j] = d;
      if (pos) pos[j] = positions![i]!;
    }
  }
  return { start, doc, pos };
}
