/**
 * The one normalizer and tokenizer of baokan search. The indexer (Node) and the browser code
 * both import this module, so index-time and query-time text always fold the same way.
 * Browser-safe: no Node imports.
 *
 * Normalization is defined per code point, so a normalized string is the concatenation of the
 * folds of its source code points and every normalized offset maps back to a source offset
 * (what highlighting needs):
 *
 *   fold(c) = lowercase(variant(t2s(NFKC(c))))   e.g. 臺 → 台, Ａ → a, ２７ → 27, 麼 → 么, ・ → ·, – → -
 *
 * `variant` merges punctuation printed interchangeably for the same mark (middle dots, short
 * dashes, wave dashes; see PUNCTUATION_VARIANTS), as NFKC merges full- and half-width forms.
 *
 * Searchable characters are every character but separators: whitespace and the invisible
 * controls, format characters and lone surrogates. Punctuation and symbols are searchable
 * (12·4, 4+4+4+3, 2.0版 match only as printed). Changing what this module does to text changes
 * the index: bump FORMAT_VERSION in format.ts with it.
 */
import { T2S_TABLE } from './t2s-table.js';

const WORD = /^[\p{L}\p{N}\p{M}]$/u;
const HAN = /^\p{Script=Han}$/u;
const SEPARATOR = /^[\p{White_Space}\p{Cc}\p{Cf}\p{Cs}]$/u;

/**
 * Punctuation variants, applied after NFKC (which already maps full-width and half-width forms
 * to one, e.g. ･ → ・, － → -, ～ → ~, … → ...). Each key is printed in Chinese text for the
 * same mark as its value, so a reader cannot tell which one the page holds.
 */
export const PUNCTUATION_VARIANTS: ReadonlyMap<string, string> = new Map([
  // Middle dot (间隔号: 12·4, 策·图旺): katakana middle dot, bullet, hyphenation point, operators.
  ['\u30fb', '\u00b7'], // ・
  ['\u2022', '\u00b7'], // •
  ['\u2027', '\u00b7'], // ‧
  ['\u2219', '\u00b7'], // ∙
  ['\u22c5', '\u00b7'], // ⋅
  ['\u2e31', '\u00b7'], // ⸱
  // Hyphen and short dashes (1-3月, 2020–2021): hyphen (‑ is ‐ by NFKC), figure dash, en dash,
  // hyphen bullet, minus.
  ['\u2010', '-'], // ‐
  ['\u2012', '-'], // ‒
  ['\u2013', '-'], // –
  ['\u2043', '-'], // ⁃
  ['\u2212', '-'], // −
  // Long dash (破折号) and wave dash (range 1〜3).
  ['\u2015', '\u2014'], // ― → —
  ['\u301c', '~'], // 〜
  ['\u223c', '~'], // ∼
  // Midline ellipsis, as … (which NFKC makes three dots).
  ['\u22ef', '...'], // ⋯
]);

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

/** Folds one code point: NFKC, traditional → simplified (one to one), punctuation variants, lowercase. */
export function foldChar(ch: string): string {
  const cached = foldCache.get(ch);
  if (cached !== undefined) return cached;
  const table = t2sTable();
  let out = '';
  for (const c of ch.normalize('NFKC')) {
    const s = table.get(c) ?? c;
    out += PUNCTUATION_VARIANTS.get(s) ?? s;
  }
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

/**
 * Whether a (normalized) code point is searchable: anything but whitespace, controls, format
 * characters (zero-width space, soft hyphen, BOM…) and lone surrogates. The index holds grams of
 * searchable characters only, and a query term never contains anything else.
 */
export function isSearchable(ch: string): boolean {
  return !SEPARATOR.test(ch);
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

/** Quote pairs that mark a phrase in a query (after folding, so ＂ is " and ﹁ is 「). */
const QUOTES: ReadonlyMap<string, string> = new Map([
  ['"', '"'],
  ['“', '”'],
  ['「', '」'],
  ['『', '』'],
  ['«', '»'],
]);

/**
 * Dropped from the ends of an unquoted term: brackets, quotation marks and the sentence marks
 * , . ; : ! ? 、 。 (folded, so also ， ； and …), so 《新闻联播》 or a copied "3·15，" still
 * finds the name. Everything else, and everything inside a term, is kept.
 */
const EDGE = /^[\p{Ps}\p{Pe}\p{Pi}\p{Pf}"',.;:!?、。]$/u;
const PUNCTUATION = /^\p{P}+$/u;

/**
 * An unquoted term as searched: without the brackets, quotes and sentence marks at its ends
 * (see EDGE), and empty when only punctuation is left (a lone `-` or `·` typed between words
 * separates them; quote it to search for it).
 */
export function trimTerm(term: string): string {
  const cps = Array.from(term);
  let a = 0;
  let b = cps.length;
  while (a < b && EDGE.test(cps[a]!)) a++;
  while (b > a && EDGE.test(cps[b - 1]!)) b--;
  const trimmed = cps.slice(a, b).join('');
  return PUNCTUATION.test(trimmed) ? '' : trimmed;
}

/**
 * Parses a query into normalized terms, all of which must occur (AND); a term matches exactly
 * where its folded text is printed, punctuation included. Terms are separated by whitespace only:
 * `12·4`, `5.2亿` and `谢坚钢，薛侃` are each one term, with brackets, quotes and sentence marks
 * trimmed from the ends and lone punctuation dropped (trimTerm). A quoted phrase is one term with only its whitespace dropped
 * (Chinese has none inside a phrase: "大桥 街道" finds 大桥街道) and its punctuation kept, even
 * at the ends ("《新闻联播》" needs the brackets). Duplicates are dropped; order is kept.
 */
export function parseQuery(query: string): string[] {
  const terms: string[] = [];
  const add = (t: string): void => {
    if (t && !terms.includes(t)) terms.push(t);
  };
  // Folding is per code point, so quotes and whitespace are still where the reader typed them.
  const chars = Array.from(normalize(query));
  let term = '';
  const endTerm = (): void => {
    add(trimTerm(term));
    term = '';
  };
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const close = QUOTES.get(ch);
    if (close !== undefined) {
      const end = chars.indexOf(close, i + 1);
      if (end > i) {
        endTerm();
        add(chars.slice(i + 1, end).filter(isSearchable).join(''));
        i = end;
        continue;
      }
    }
    if (isSearchable(ch)) term += ch;
    else endTerm();
  }
  endTerm();
  return terms;
}
