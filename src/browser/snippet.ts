/** Finding query matches in display text, and cutting a snippet around them. Pure functions. */
import { normalizeWithOffsets } from '../search/tokenize.js';

/** A stretch of display text, marked when it is (part of) a match. */
export interface Piece {
  text: string;
  mark: boolean;
}

/** Source ranges [start, end) where any term occurs in the normalized text, merged and sorted. */
export function findRanges(text: string, terms: string[]): Array<[number, number]> {
  const norm = normalizeWithOffsets(text);
  const ranges: Array<[number, number]> = [];
  for (const term of terms) {
    if (!term) continue;
    for (let i = norm.text.indexOf(term); i >= 0; i = norm.text.indexOf(term, i + 1)) {
      ranges.push([norm.starts[i]!, norm.ends[i + term.length - 1]!]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** Splits text into pieces with every range marked. */
export function markPieces(text: string, ranges: Array<[number, number]>): Piece[] {
  const pieces: Piece[] = [];
  let at = 0;
  for (const [s, e] of ranges) {
    if (s > at) pieces.push({ text: text.slice(at, s), mark: false });
    pieces.push({ text: text.slice(s, e), mark: true });
    at = e;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), mark: false });
  return pieces;
}

/**
 * A snippet of about `width` characters around the first match, every match inside it marked
 * whole (the window grows rather than cut a match). Field breaks show as " / ".
 */
export function snippet(text: string, terms: string[], width = 100): Piece[] {
  const ranges = findRanges(text, terms);
  const first = ranges[0] ?? [0, 0];
  let start = Math.max(0, first[0] - Math.floor(width / 3));
  let end = Math.min(text.length, Math.max(first[1], start + width));
  // Never cut a match or a surrogate pair at either end.
  for (const [s, e] of ranges) {
    if (s < start && e > start) start = s;
    if (s < end && e > end) end = e;
  }
  if (start > 0 && isLowSurrogate(text.charCodeAt(start))) start--;
  if (end < text.length && isLowSurrogate(text.charCodeAt(end))) end++;
  const inside = ranges
    .filter(([s, e]) => s >= start && e <= end)
    .map(([s, e]): [number, number] => [s - start, e - start]);
  const pieces = markPieces(text.slice(start, end), inside).map((p) => ({ ...p, text: p.text.replace(/\n/g, ' / ') }));
  if (start > 0) pieces.unshift({ text: '…', mark: false });
  if (end < text.length) pieces.push({ text: '…', mark: false });
  return pieces;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
