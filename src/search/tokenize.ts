/**
 * The one normalizer and tokenizer of baokan search. The indexer (Node) and the browser code
 * both import this module, so index-time and query-time text always fold the same way.
 * Browser-safe: no Node imports.
 *
 * Normalization is defined per code point, so a normalized string is the concatenation of the
 * folds of its source code points and every normalized offset maps back to a source offset
 * (what highlighting needs):
 *
 *   fold(c) = lowercase(t2s(NFKC(c)))        e.g. 臺 → 台, Ａ → a, ２７ → 27, 麼 → 么
 *
 * Word characters are letters, digits and marks (any script); everything else (spaces,
 * punctuation, symbols) separates terms and is never indexed.
 */
import { T2S_TABLE } from './t2s-table.js';

const WORD = /^[\p{L}\p{N}\p{M}]$/u;
const HAN = /^\p{Script=Han}$/u;

let t2s: Map<string, string> | null = null;
const foldCache = new Map<string, string>();

/** The [traditional, simplified] pairs of the generated table (see scripts/gen-t2s.ts). */
export function t2sPairs(table = T2S_TABLE): Array<[string, string]> {
  const [deltas = '', offsets = ''] = table.split('|');
  const ds = deltas.split(',');
  const os = offsets.split(',');
  if (ds.length !== os.length) throw new Error('baokan search: the t2s table is corrupt; run scripts/gen-t2s.ts');
  const pairs: Array<[string, string]> = [];
  let t = 0;
  ds.forEach((d, i) => {
    t += parseInt(d, 36);
    pairs.push([String.fromCodePoint(t), String.fromCodePoint(t + parseInt(os[i]!, 36))]);
  });
  return pairs;
}

/** The traditional → simplified table, decoded once. */
function t2sTable(): Map<string, string> {
  t2s ??= new Map(t2sPairs());
  return t2s;
}

/** Folds one code point: NFKC, traditional → simplified (one to one), lowercase. */
export function foldChar(ch: string): string {
  const cached = foldCache.get(ch);
  if (cached !== undefined) return cached;
  const table = t2sTable();
  let out = '';
  for (const c of ch.normalize('NFKC')) out += table.get(c) ?? c;
  out = out.toLowerCase();
  foldCache.set(ch, out);
  return out;
}

/** Normalizes text for search (see the module comment); same function at index and query time. */
export function normalize(text: string): string {
  let out = '';
  for (const ch of text) out += foldChar(ch);
  return out;
}

/** Normalized text plus, for each normalized UTF-16 unit, the source range [start, end) it came from. */
export interface NormalizedText {
  text: string;
  starts: number[];
  ends: number[];
}

/** Normalizes text and keeps the offset map back to the source, for snippets and highlighting. */
export function normalizeWithOffsets(text: string): NormalizedText {
  let out = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let offset = 0;
  for (const ch of text) {
    const folded = foldChar(ch);
    for (let i = 0; i < folded.length; i++) {
      starts.push(offset);
      ends.push(offset + ch.length);
    }
    out += folded;
    offset += ch.length;
  }
  return { text: out, starts, ends };
}

/** Whether a (normalized) code point is part of words: letters, digits and marks of any script. */
export function isWordChar(ch: string): boolean {
  return WORD.test(ch);
}

/** Whether a code point is a Han character (bigrammed by `tokenize`). */
export function isHan(ch: string): boolean {
  return HAN.test(ch);
}

/** A maximal run of word characters in normalized text, with its UTF-16 offset. */
export interface Segment {
  start: number;
  text: string;
}

/** Splits already-normalized text into runs of word characters (the searchable units). */
export function segments(normalized: string): Segment[] {
  const out: Segment[] = [];
  let start = -1;
  let offset = 0;
  for (const ch of normalized) {
    if (isWordChar(ch)) {
      if (start < 0) start = offset;
    } else if (start >= 0) {
      out.push({ start, text: normalized.slice(start, offset) });
      start = -1;
    }
    offset += ch.length;
  }
  if (start >= 0) out.push({ start, text: normalized.slice(start) });
  return out;
}

/**
 * Ranking tokens, as the issue specifies: Han runs become overlapping bigrams plus single
 * characters; Latin and digit runs are their own tokens (27日 → 27, 日). Used for MiniSearch
 * (small indexes); the archive index matches on character grams instead (see docs/search.md).
 */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const seg of segments(normalize(text))) {
    let run: string[] = [];
    let runIsHan = false;
    const flush = (): void => {
      if (run.length === 0) return;
      if (runIsHan) {
        for (let i = 0; i < run.length; i++) {
          tokens.push(run[i]!);
          if (i + 1 < run.length) tokens.push(run[i]! + run[i + 1]!);
        }
      } else {
        tokens.push(run.join(''));
      }
      run = [];
    };
    for (const ch of seg.text) {
      const han = isHan(ch);
      if (run.length > 0 && han !== runIsHan) flush();
      runIsHan = han;
      run.push(ch);
    }
    flush();
  }
  return tokens;
}

/** MiniSearch options that make it use this tokenizer at index and query time (small indexes). */
export const miniSearchOptions = {
  tokenize: (text: string): string[] => tokenize(text),
  processTerm: (term: string): string => term,
  searchOptions: {
    tokenize: (text: string): string[] => tokenize(text),
    processTerm: (term: string): string => term,
    combineWith: 'AND' as const,
  },
};

/** Quote pairs that mark a phrase in a query: ASCII, curly and corner brackets. */
const QUOTES: Record<string, string> = { '"': '"', '“': '”', '「': '」', '『': '』', '«': '»' };

/**
 * Parses a query into normalized terms, all of which must occur (AND). Outside quotes, spaces
 * and punctuation separate terms ("谢坚钢，薛侃" is two terms). A quoted phrase is one term with
 * its spaces and punctuation dropped, since Chinese text has none inside a phrase
 * ("大桥 街道" in quotes finds 大桥街道). Duplicates are dropped; order is kept.
 */
export function parseQuery(query: string): string[] {
  const terms: string[] = [];
  const add = (t: string): void => {
    if (t && !terms.includes(t)) terms.push(t);
  };
  const chars = Array.from(query);
  let plain = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const close = QUOTES[ch];
    if (close !== undefined) {
      const end = chars.indexOf(close, i + 1);
      if (end > i) {
        for (const seg of segments(normalize(plain))) add(seg.text);
        plain = '';
        add(segments(normalize(chars.slice(i + 1, end).join(''))).map((s) => s.text).join(''));
        i = end;
        continue;
      }
    }
    plain += ch;
  }
  for (const seg of segments(normalize(plain))) add(seg.text);
  return terms;
}
