/**
 * A language prior for joins that does not depend on the page: does the text across a junction
 * read better as Chinese words joined than apart? jieba's dictionary (shipped with
 * @node-rs/jieba: ~350,000 words with frequencies) gives a unigram word model; the evidence is
 * how much more probable the best segmentation of the joined characters is than the best
 * segmentations of the two sides apart (a log-likelihood ratio, in nats):
 *
 *     …复杂严 | 峻的国际…   joined 复杂/严峻/的/国际, apart 复杂/严 + 峻/的/国际   → large gain
 *     …进行现场 | 会上…     joined 进行/现场/会上,   apart 进行/现场 + 会上       → no gain
 *
 * A junction at a word boundary is no evidence against a join (columns break between words too).
 * The dictionary is read lazily (~0.5 s, once per thread) the first time a page needs it.
 */
import { createRequire } from 'node:module';
import { isHan } from './text.js';

/** What the lexicon says about one junction. */
export interface JunctionReading {
  /** The word of the joined reading that spans the junction. */
  word: string;
  /** Log-likelihood gain of reading the two sides joined rather than apart (nats, ≥ 0). */
  gain: number;
}

/** Reads text across a junction; null when no word of the best joined reading spans it. */
export type Lexicon = (left: string, right: string) => JunctionReading | null;

interface WordModel {
  /** Dictionary frequency of each word of up to `longest` characters. */
  freq: Map<string, number>;
  logTotal: number;
  longest: number;
}

let model: WordModel | null = null;

// Longest word considered: context is CONTEXT characters on each side.
const CONTEXT = 4;

function load(): WordModel {
  if (model) return model;
  // The package's dictionary file as the package exports it (a Buffer of "word freq tag" lines).
  const require = createRequire(import.meta.url);
  const { dict } = require('@node-rs/jieba/dict.js') as { dict: Buffer };
  const text = dict.toString('utf8');
  const freq = new Map<string, number>();
  let total = 0;
  // Parsed by hand with indexOf: split() and a regex per line take twice as long on 350,000 lines.
  for (let i = 0; i < text.length;) {
    const space = text.indexOf(' ', i);
    if (space < 0) break;
    const space2 = text.indexOf(' ', space + 1);
    const newline = text.indexOf('\n', space2 < 0 ? space : space2);
    let n = 0;
    for (let k = space + 1; k < (space2 < 0 ? newline : space2); k++) n = n * 10 + (text.charCodeAt(k) - 48);
    if (space - i <= 2 * CONTEXT && n > 0) {
      freq.set(text.slice(i, space), n);
      total += n;
    }
    if (newline < 0) break;
    i = newline + 1;
  }
  model = { freq, logTotal: Math.log(total), longest: 2 * CONTEXT };
  return model;
}

/** Log probability of a word; a character the dictionary lacks counts as the rarest word (freq 1), other unknown strings as impossible. */
function logProbability(word: string, single: boolean, m: WordModel): number | undefined {
  const n = m.freq.get(word);
  if (n !== undefined) return Math.log(n) - m.logTotal;
  return single ? -m.logTotal : undefined;
}

/** Best segmentation of `chars` under the unigram model: its log probability and its words. */
function segment(chars: string[], m: WordModel): { score: number; words: string[] } {
  const n = chars.length;
  const best = new Float64Array(n + 1).fill(-Infinity);
  const from = new Int32Array(n + 1);
  best[0] = 0;
  for (let end = 1; end <= n; end++) {
    for (let start = Math.max(0, end - m.longest); start < end; start++) {
      const word = chars.slice(start, end).join('');
      const lp = logProbability(word, end - start === 1, m);
      if (lp === undefined) continue;
      const score = (best[start] as number) + lp;
      if (score > (best[end] as number)) { best[end] = score; from[end] = start; }
    }
  }
  const words: string[] = [];
  for (let end = n; end > 0; end = from[end] as number) words.unshift(chars.slice(from[end] as number, end).join(''));
  return { score: best[n] as number, words };
}

/** The Han run touching the junction on one side, up to CONTEXT characters. */
function edge(text: string, side: 'end' | 'start'): string[] {
  const chars = [...text.replace(/\s+/g, '')];
  const out: string[] = [];
  for (let k = 0; k < CONTEXT; k++) {
    const ch = side === 'end' ? chars[chars.length - 1 - k] : chars[k];
    if (ch === undefined || !isHan(ch)) break;
    if (side === 'end') out.unshift(ch);
    else out.push(ch);
  }
  return out;
}

/** The dictionary lexicon: the word read across `left|right` and how much the joined reading gains. */
export const jiebaLexicon: Lexicon = (left, right) => {
  const l = edge(left, 'end');
  const r = edge(right, 'start');
  if (l.length === 0 || r.length === 0) return null;
  const m = load();
  const joined = segment([...l, ...r], m);
  let at = 0;
  let word: string | null = null;
  for (const w of joined.words) {
    const length = [...w].length;
    if (at < l.length && at + length > l.length) { word = w; break; }
    at += length;
  }
  if (word === null) return null;
  const gain = joined.score - segment(l, m).score - segment(r, m).score;
  return gain > 0 ? { word, gain } : null;
};
