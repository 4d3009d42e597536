/**
 * The postings of a search index build, kept so the next build can append to them (see
 * build-index.ts), and their binary form for the build cache.
 */
import { ByteWriter, type PageEntry } from './format.js';
import type { FlatPostings } from './grams.js';

/** What the next build needs to append new articles instead of indexing everything again. */
export interface SearchIndexState {
  /** Format, compressor and tuning the state was built with; another setting ignores it. */
  readonly settings: string;
  /** SHA-1 (base64) of each article's display record, in index order. */
  readonly articles: readonly string[];
  readonly shardCount: number;
  /** SHA-1 (base64) of every index file's bytes but meta's, by path under `search/`. */
  readonly files: ReadonlyMap<string, string>;
  /** SHA-1 (base64) of meta.json.gz, which ties the state to the output it describes. */
  readonly meta: string;
  readonly grams: GramTable;
  /** Each frequent gram's head and where its closed blocks end, by its text. */
  readonly own: ReadonlyMap<string, OwnGramState>;
}

/**
 * A frequent gram as the last build left it: its head (as in its hash shard), and its closed
 * blocks summed up (where they end in its encoded postings, their last article, their first
 * articles and the best page among them), so an append decodes only the open last block and
 * the new articles.
 */
export interface OwnGramState {
  head: Uint8Array;
  closedBytes: number;
  closedLastDoc: number;
  closedStarts: number[];
  closedPage: PageEntry[];
}

/**
 * Every gram with its encoded postings block. Ids: unigrams 0 … uniCount − 1, then bigrams.
 * A block is per article: doc delta, count, then (bigrams) UTF-16 offset deltas (a bigram's count
 * doubled, plus one and followed by the headline's length when it starts there); a build that
 * appends articles with higher numbers only adds bytes at the end of the blocks it touches.
 */
export class GramTable {
  /** Grams whose block `append` changed, this table's appends and its parents' (all of them for a table built from nothing). */
  readonly touched: Uint8Array;
  /** FNV-1a of each gram's UTF-16 units (hashGram in format.ts). */
  readonly hash: Uint32Array;

  constructor(
    /** Code point of each unigram. */
    readonly uniCp: Uint32Array,
    /** The unigram ids of each bigram's two characters. */
    readonly biFirst: Uint32Array,
    readonly biSecond: Uint32Array,
    /** Gram g's block is bytes[start[g], start[g + 1]). */
    readonly start: Float64Array,
    readonly bytes: Uint8Array,
    /** Articles holding each gram, and the last of them (the base of an appended doc delta). */
    readonly df: Uint32Array,
    readonly last: Uint32Array,
    hash?: Uint32Array,
    touched?: Uint8Array,
  ) {
    this.touched = touched ?? new Uint8Array(this.count);
    this.hash = hash ?? this.computeHashes();
  }

  /** The same postings with no gram marked as touched (the start of another build). */
  untouched(): GramTable {
    return new GramTable(this.uniCp, this.biFirst, this.biSecond, this.start, this.bytes, this.df, this.last, this.hash);
  }

  static empty(): GramTable {
    const none = new Uint32Array(0);
    return new GramTable(none, none, none, new Float64Array(1), new Uint8Array(0), none, none);
  }

  get uniCount(): number {
    return this.uniCp.length;
  }

  get count(): number {
    return this.uniCp.length + this.biFirst.length;
  }

  isBigram(g: number): boolean {
    return g >= this.uniCp.length;
  }

  block(g: number): Uint8Array {
    return this.bytes.subarray(this.start[g]!, this.start[g + 1]!);
  }

  blockLength(g: number): number {
    return this.start[g + 1]! - this.start[g]!;
  }

  /** The gram as a string. */
  text(g: number): string {
    if (g < this.uniCount) return String.fromCodePoint(this.uniCp[g]!);
    const b = g - this.uniCount;
    return String.fromCodePoint(this.uniCp[this.biFirst[b]!]!, this.uniCp[this.biSecond[b]!]!);
  }

  /** Appends the gram's UTF-8 length and bytes. */
  writeName(w: ByteWriter, g: number): void {
    if (g < this.uniCount) {
      const cp = this.uniCp[g]!;
      w.uint(utf8Length(cp));
      w.utf8(cp);
    } else {
      const a = this.uniCp[this.biFirst[g - this.uniCount]!]!;
      const b = this.uniCp[this.biSecond[g - this.uniCount]!]!;
      w.uint(utf8Length(a) + utf8Length(b));
      w.utf8(a);
      w.utf8(b);
    }
  }

  /**
   * A number per gram ordered like the grams' texts in UTF-16: a code point's units are never
   * a prefix of another's, so texts sort by first character, the unigram before its bigrams,
   * then by second character.
   */
  sortKeys(): Float64Array {
    const n = this.uniCount;
    const byUnits = Array.from({ length: n }, (_, u) => u).sort((a, b) => utf16Key(this.uniCp[a]!) - utf16Key(this.uniCp[b]!));
    const rank = new Float64Array(n);
    byUnits.forEach((u, r) => (rank[u] = r));
    const keys = new Float64Array(this.count);
    for (let u = 0; u < n; u++) keys[u] = rank[u]! * (n + 1);
    for (let b = 0; b < this.biFirst.length; b++) keys[n + b] = rank[this.biFirst[b]!]! * (n + 1) + rank[this.biSecond[b]!]! + 1;
    return keys;
  }

  /**
   * A table with the postings of more articles, numbered from `from` (above every article
   * already in it). The new articles' grams come as local ids (scanTexts) with their postings
   * grouped by gram (groupByGram, doc numbers local to the new articles), and the length of
   * each new article's normalized headline.
   */
  append(
    uniCp: Uint32Array,
    biFirst: Uint32Array,
    biSecond: Uint32Array,
    uni: FlatPostings,
    bi: FlatPostings,
    heads: Uint32Array,
    from: number,
  ): GramTable {
    const u0 = this.uniCount;
    const b0 = this.biFirst.length;
    // Local unigram → global unigram id (new ones numbered after the old).
    const byCp = new Map<number, number>();
    this.uniCp.forEach((cp, u) => byCp.set(cp, u));
    const newUniCp: number[] = [];
    const uniMap = Uint32Array.from(uniCp, (cp) => {
      let u = byCp.get(cp);
      if (u === undefined) {
        u = u0 + newUniCp.push(cp) - 1;
        byCp.set(cp, u);
      }
      return u;
    });
    const u1 = u0 + newUniCp.length;
    // Local bigram → global bigram index (0-based among bigrams); into an empty table, itself.
    const newFirst: number[] = [];
    const newSecond: number[] = [];
    const biMap = new Uint32Array(biFirst.length);
    if (b0 === 0) {
      for (let b = 0; b < biFirst.length; b++) {
        biMap[b] = b;
        newFirst.push(uniMap[biFirst[b]!]!);
        newSecond.push(uniMap[biSecond[b]!]!);
      }
    } else {
      const pairs = new PairTable(this.biFirst, this.biSecond);
      for (let b = 0; b < biFirst.length; b++) {
        const f = uniMap[biFirst[b]!]!;
        const s = uniMap[biSecond[b]!]!;
        let k = pairs.get(f, s);
        if (k < 0) {
          k = b0 + newFirst.push(f) - 1;
          newSecond.push(s);
          pairs.set(f, s, k);
        }
        biMap[b] = k;
      }
    }
    const b1 = b0 + newFirst.length;
    const count = u1 + b1;
    // Global id in the new table of an old gram id and of a global bigram index.
    const oldToNew = (g: number): number => (g < u0 ? g : u1 + (g - u0));

    // The new articles' postings per touched gram, encoded after the gram's last article.
    const df = new Uint32Array(count);
    const last = new Uint32Array(count);
    const touched = new Uint8Array(count);
    for (let g = 0; g < this.count; g++) {
      df[oldToNew(g)] = this.df[g]!;
      last[oldToNew(g)] = this.last[g]!;
      // Touched by an earlier append of the same build (batches of one build).
      touched[oldToNew(g)] = this.touched[g]!;
    }
    const tail = new Float64Array(count + 1).fill(-1);
    const tailEnd = new Float64Array(count);
    const w = new ByteWriter(2 * (uni.doc.length + bi.doc.length) + 1024);
    const encode = (g: number, p: FlatPostings, local: number, positions: boolean): void => {
      const had = df[g]! > 0;
      let prevDoc = had ? last[g]! : 0;
      tail[g] = w.length;
      const end = p.start[local + 1]!;
      for (let i = p.start[local]!; i < end; ) {
        const doc = from + p.doc[i]!;
        let j = i + 1;
        while (j < end && p.doc[j] === p.doc[i]) j++;
        w.uint(doc - prevDoc);
        if (positions) {
          // Offsets are sorted: the bigram starts in the headline when its first one does.
          const head = heads[p.doc[i]!]!;
          const inHead = p.pos![i]! < head;
          w.uint((j - i) * 2 + (inHead ? 1 : 0));
          if (inHead) w.uint(head);
          let prev = 0;
          for (let k = i; k < j; k++) {
            w.uint(p.pos![k]! - prev);
            prev = p.pos![k]!;
          }
        } else {
          w.uint(j - i);
        }
        prevDoc = doc;
        df[g]!++;
        i = j;
      }
      last[g] = prevDoc;
      tailEnd[g] = w.length;
      touched[g] = 1;
    };
    for (let u = 0; u < uniCp.length; u++) encode(uniMap[u]!, uni, u, false);
    for (let b = 0; b < biFirst.length; b++) encode(u1 + biMap[b]!, bi, b, true);

    // Old blocks followed by their tails, in id order, in one buffer.
    const start = new Float64Array(count + 1);
    const bytes = new Uint8Array(this.bytes.length + w.length);
    const tails = w.view();
    let at = 0;
    const place = (g: number, old: number): void => {
      start[g] = at;
      if (old >= 0) {
        const block = this.block(old);
        bytes.set(block, at);
        at += block.length;
      }
      if (tail[g]! >= 0) {
        bytes.set(tails.subarray(tail[g]!, tailEnd[g]!), at);
        at += tailEnd[g]! - tail[g]!;
      }
    };
    for (let u = 0; u < u1; u++) place(u, u < u0 ? u : -1);
    for (let b = 0; b < b1; b++) place(u1 + b, b < b0 ? u0 + b : -1);
    start[count] = at;

    const allUni = new Uint32Array(u1);
    allUni.set(this.uniCp);
    allUni.set(newUniCp, u0);
    const allFirst = new Uint32Array(b1);
    allFirst.set(this.biFirst);
    allFirst.set(newFirst, b0);
    const allSecond = new Uint32Array(b1);
    allSecond.set(this.biSecond);
    allSecond.set(newSecond, b0);
    const hash = new Uint32Array(count);
    hash.set(this.hash.subarray(0, u0));
    hash.set(this.hash.subarray(u0), u1);
    for (let u = u0; u < u1; u++) hash[u] = fnv(0x811c9dc5, allUni[u]!);
    for (let b = b0; b < b1; b++) hash[u1 + b] = fnv(hash[allFirst[b]!]!, allUni[allSecond[b]!]!);
    return new GramTable(allUni, allFirst, allSecond, start, bytes, df, last, hash, touched);
  }

  private computeHashes(): Uint32Array {
    const hash = new Uint32Array(this.count);
    for (let u = 0; u < this.uniCount; u++) hash[u] = fnv(0x811c9dc5, this.uniCp[u]!);
    for (let b = 0; b < this.biFirst.length; b++) hash[this.uniCount + b] = fnv(hash[this.biFirst[b]!]!, this.uniCp[this.biSecond[b]!]!);
    return hash;
  }
}

/** Open addressing from a pair of unigram ids to a bigram index (typed arrays, no objects). */
class PairTable {
  private slots: Int32Array;
  private first: number[] | Uint32Array;
  private second: number[] | Uint32Array;
  private firstMore: number[] = [];
  private secondMore: number[] = [];

  constructor(first: Uint32Array, second: Uint32Array) {
    this.first = first;
    this.second = second;
    this.slots = new Int32Array(nextPowerOfTwo(Math.max(1024, first.length * 2))).fill(-1);
    for (let k = 0; k < first.length; k++) this.insert(first[k]!, second[k]!, k);
  }

  get(a: number, b: number): number {
    const mask = this.slots.length - 1;
    for (let s = slot(a, b, mask); ; s = (s + 1) & mask) {
      const k = this.slots[s]!;
      if (k < 0 || (this.firstOf(k) === a && this.secondOf(k) === b)) return k;
    }
  }

  set(a: number, b: number, k: number): void {
    this.firstMore.push(a);
    this.secondMore.push(b);
    if ((this.first.length + this.firstMore.length) * 2 > this.slots.length) {
      const n = this.first.length + this.firstMore.length;
      this.slots = new Int32Array(this.slots.length * 2).fill(-1);
      for (let i = 0; i < n; i++) this.insert(this.firstOf(i), this.secondOf(i), i);
    } else this.insert(a, b, k);
  }

  private firstOf(k: number): number {
    return k < this.first.length ? this.first[k]! : this.firstMore[k - this.first.length]!;
  }

  private secondOf(k: number): number {
    return k < this.second.length ? this.second[k]! : this.secondMore[k - this.second.length]!;
  }

  private insert(a: number, b: number, k: number): void {
    const mask = this.slots.length - 1;
    let s = slot(a, b, mask);
    while (this.slots[s]! >= 0) s = (s + 1) & mask;
    this.slots[s] = k;
  }
}

function slot(a: number, b: number, mask: number): number {
  return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) & mask;
}

/** FNV-1a over a code point's UTF-16 units, continuing from state h (see hashGram). */
function fnv(h: number, cp: number): number {
  if (cp > 0xffff) {
    h = Math.imul(h ^ (0xd800 + ((cp - 0x10000) >> 10)), 0x01000193) >>> 0;
    return Math.imul(h ^ (0xdc00 + ((cp - 0x10000) & 0x3ff)), 0x01000193) >>> 0;
  }
  return Math.imul(h ^ cp, 0x01000193) >>> 0;
}

/** A number ordered like the code point's UTF-16 units (high surrogate, then low as a fraction). */
function utf16Key(cp: number): number {
  if (cp <= 0xffff) return cp;
  const v = cp - 0x10000;
  return 0xd800 + (v >> 10) + (0xdc00 + (v & 0x3ff)) / 0x10000;
}

function utf8Length(cp: number): number {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

export function nextPowerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

const STATE_MAGIC = 'baokan-search-state 4\n';

/** Serializes a state for the build cache: a JSON header, then the typed arrays, 8-byte aligned. */
export function encodeSearchIndexState(state: SearchIndexState): Uint8Array {
  const t = state.grams;
  const arrays: ArrayBufferView[] = [t.uniCp, t.biFirst, t.biSecond, t.start, t.df, t.last, t.hash, t.bytes];
  const header = JSON.stringify({
    settings: state.settings,
    articles: state.articles,
    shardCount: state.shardCount,
    files: [...state.files],
    meta: state.meta,
    own: [...state.own].map(([gram, o]) => [gram, Buffer.from(o.head).toString('base64'), o.closedBytes, o.closedLastDoc, o.closedStarts, o.closedPage.flatMap((e) => [e.doc, e.count, e.inHead])]),
    lengths: arrays.map((a) => a.byteLength),
  });
  const head = new TextEncoder().encode(STATE_MAGIC + header);
  const headLength = align(8 + head.length);
  const total = arrays.reduce((n, a) => n + align(a.byteLength), headLength);
  const out = new Uint8Array(total);
  new DataView(out.buffer).setFloat64(0, head.length);
  out.set(head, 8);
  let at = headLength;
  for (const a of arrays) {
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
    at += align(a.byteLength);
  }
  return out;
}

/** Reads a state written by encodeSearchIndexState; null when it is not one (stale or corrupt). */
export function decodeSearchIndexState(bytes: Uint8Array): SearchIndexState | null {
  try {
    if (bytes.length < 8) return null;
    const headBytes = new DataView(bytes.buffer, bytes.byteOffset, 8).getFloat64(0);
    const text = new TextDecoder().decode(bytes.subarray(8, 8 + headBytes));
    if (!text.startsWith(STATE_MAGIC)) return null;
    const h = JSON.parse(text.slice(STATE_MAGIC.length)) as {
      settings: string;
      articles: string[];
      shardCount: number;
      files: Array<[string, string]>;
      meta: string;
      own: Array<[string, string, number, number, number[], number[]]>;
      lengths: number[];
    };
    let at = align(8 + headBytes);
    const take = (i: number): ArrayBuffer => {
      const n = h.lengths[i]!;
      if (at + n > bytes.length) throw new RangeError('truncated');
      // A copy (aligned, and not a view: Buffer#slice would share the file's whole buffer).
      const copy = new Uint8Array(bytes.subarray(at, at + n)).buffer;
      at += align(n);
      return copy;
    };
    const uniCp = new Uint32Array(take(0));
    const biFirst = new Uint32Array(take(1));
    const biSecond = new Uint32Array(take(2));
    const start = new Float64Array(take(3));
    const df = new Uint32Array(take(4));
    const last = new Uint32Array(take(5));
    const hash = new Uint32Array(take(6));
    const blockBytes = new Uint8Array(take(7));
    const count = uniCp.length + biFirst.length;
    const consistent =
      at === bytes.length &&
      biSecond.length === biFirst.length &&
      start.length === count + 1 &&
      df.length === count &&
      last.length === count &&
      hash.length === count &&
      start[count] === blockBytes.length &&
      Array.isArray(h.articles) &&
      Array.isArray(h.own);
    if (!consistent) return null;
    return {
      settings: h.settings,
      articles: h.articles,
      shardCount: h.shardCount,
      files: new Map(h.files),
      meta: h.meta,
      grams: new GramTable(uniCp, biFirst, biSecond, start, blockBytes, df, last, hash),
      own: new Map(
        h.own.map(([gram, head, closedBytes, closedLastDoc, closedStarts, page]) => [
          gram,
          {
            head: new Uint8Array(Buffer.from(head, 'base64')),
            closedBytes,
            closedLastDoc,
            closedStarts,
            closedPage: Array.from({ length: page.length / 3 }, (_, k) => ({ doc: page[3 * k]!, count: page[3 * k + 1]!, inHead: page[3 * k + 2]! })),
          },
        ]),
      ),
    };
  } catch {
    return null;
  }
}

function align(n: number): number {
  return Math.ceil(n / 8) * 8;
}
