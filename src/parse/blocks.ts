/**
 * Stage 2a: cut the page body into lines, each with the exact place of its first and last real
 * character. Blank-line separated blocks in extracted pages are single lines, so a line is the
 * unit every later step works on; pieces of a line (a byline glued to a paragraph) are spans.
 *
 *     "　　本报讯 7月23日,…  ■记者 张蓓\n"
 *          ^ column 3 (after U+3000 indentation)
 */
import type { Position } from '../types.js';
import { clean, isBlank } from './text.js';

/** A stretch of one source line: [start, end) are UTF-16 indexes into the raw line. */
export interface Span {
  /** 1-based line in the source file. */
  line: number;
  /** The raw line as in the body (no trimming). */
  raw: string;
  start: number;
  end: number;
}

/** Splits a body into non-blank line spans, trimmed of whitespace, indentation and zero-width marks. */
export function splitLines(body: string, bodyLine: number): Span[] {
  const spans: Span[] = [];
  const lines = body.split('\n');
  lines.forEach((raw, i) => {
    const span = trimSpan({ line: bodyLine + i, raw, start: 0, end: raw.length });
    if (span) spans.push(span);
  });
  return spans;
}

/** Narrows a span to its first and last non-blank characters; null when nothing is left. */
export function trimSpan(span: Span): Span | null {
  let { start, end } = span;
  while (start < end && isBlank(span.raw[start])) start++;
  while (end > start && isBlank(span.raw[end - 1])) end--;
  return start < end ? { ...span, start, end } : null;
}

/** The sub-span [from, to) of a span, in span-relative indexes, trimmed; null when blank. */
export function subSpan(span: Span, from: number, to: number): Span | null {
  return trimSpan({ ...span, start: span.start + from, end: span.start + to });
}

/** The text of a span with invisible characters removed. */
export function spanText(span: Span): string {
  return clean(span.raw.slice(span.start, span.end));
}

/** The raw text of a span (indexes line up with the source). */
export function spanRaw(span: Span): string {
  return span.raw.slice(span.start, span.end);
}

/** The unist position of a span (1-based columns, end column just after the last character). */
export function spanPosition(span: Span): Position {
  return {
    start: { line: span.line, column: span.start + 1 },
    end: { line: span.line, column: span.end + 1 },
  };
}

/** Position of `length` characters at `index` of a span's cleaned text (invisible marks skipped). */
export function positionIn(span: Span, index: number, length: number): Position {
  const rawIndex = (cleanIndex: number): number => {
    let seen = 0;
    for (let k = span.start; k < span.end; k++) {
      if (seen === cleanIndex) return k;
      if (clean(span.raw[k] ?? '') !== '') seen++;
    }
    return span.end;
  };
  const start = rawIndex(index);
  const end = Math.max(start, rawIndex(index + length));
  return { start: { line: span.line, column: start + 1 }, end: { line: span.line, column: end + 1 } };
}
