/** Derives the one-to-one traditional → simplified character pairs from opencc-js. */
import * as OpenCC from 'opencc-js';

/** Code point ranges holding Han characters that OpenCC may convert. */
const RANGES: Array<[number, number]> = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
  [0x20000, 0x2ebef],
];

/** Source locales, first wins: OpenCC traditional, then Taiwan and Hong Kong variants. */
const SOURCES = ['t', 'tw', 'hk'] as const;

/** Every [traditional, simplified] pair where opencc-js converts one character to one other. */
export function t2sPairsFromOpenCC(): Array<[string, string]> {
  const converters = SOURCES.map((from) => OpenCC.Converter({ from, to: 'cn' }));
  const pairs: Array<[string, string]> = [];
  for (const [lo, hi] of RANGES) {
    for (let cp = lo; cp <= hi; cp++) {
      const ch = String.fromCodePoint(cp);
      for (const convert of converters) {
        const out = convert(ch);
        if (out !== ch && [...out].length === 1) {
          pairs.push([ch, out]);
          break;
        }
      }
    }
  }
  return dropChains(pairs);
}

/**
 * Keeps the fold idempotent: a character that is itself some pair's simplified form stays as
 * it is (e.g. 么 is the simplified form of 麼, so the Hong Kong variant rule 么 → 幺 is dropped).
 */
function dropChains(pairs: Array<[string, string]>): Array<[string, string]> {
  const targets = new Set(pairs.map(([, s]) => s));
  return pairs.filter(([t]) => !targets.has(t));
}

/** The compact table form: T deltas and S − T offsets in base 36 (see src/search/t2s-table.ts). */
export function encodeT2S(pairs: Array<[string, string]>): string {
  const deltas: string[] = [];
  const offsets: string[] = [];
  let prev = 0;
  for (const [t, s] of pairs) {
    const tc = t.codePointAt(0)!;
    const sc = s.codePointAt(0)!;
    if (tc <= prev) throw new Error(`gen-t2s: pairs must be sorted by code point, ${t} is out of order`);
    deltas.push((tc - prev).toString(36));
    offsets.push((sc - tc).toString(36));
    prev = tc;
  }
  return `${deltas.join(',')}|${offsets.join(',')}`;
}
