/**
 * Jump markers: the printed pointers that carry an article to or from another page
 * ((下转第4版), 下转▶3版, 刊2版▶, （转第2版）, 详见第5版, (上接第1版), (接第1版)).
 */
import { readNumber } from './text.js';

export type JumpDirection = 'to' | 'from';

export interface JumpMarker {
  direction: JumpDirection;
  /** As printed, trimmed. */
  raw: string;
  /** Normalised 第N版, or null when the page number does not read as a number. */
  page: string | null;
  /** Where the marker starts and ends in the text it was found in. */
  index: number;
  end: number;
}

// A page number as printed: digits, full-width digits or Chinese numerals.
const NUM = '[0-9０-９一二三四五六七八九十]{1,3}';
// Arrow glyphs used by jump markers.
const ARROW = '[▶►→]';
// "to" markers: 下转第4版, 转2版, 详见第5版, 下转▶3版, 刊2版▶, 见第3版 (brackets optional).
const TO_CORE = `(?:${ARROW}?\\s*(?:下转|转至|转|详见|参见|见|刊)\\s*${ARROW}?\\s*第?\\s*(${NUM})\\s*版\\s*${ARROW}?|${ARROW}\\s*第?\\s*(${NUM})\\s*版)`;
// "from" markers: 上接第1版, 紧接第1版, 接第1版, 承第1版, 续第1版, ▶上接1版 (brackets optional).
const FROM_CORE = `${ARROW}?\\s*(?:上接|紧接|接|承|续)\\s*第?\\s*(${NUM})\\s*版`;
const OPEN = '[（(]?\\s*';
const CLOSE = '\\s*[）)]?';

// Matches a whole line that is only a jump marker.
const WHOLE_TO = new RegExp(`^${OPEN}${TO_CORE}${CLOSE}$`);
const WHOLE_FROM = new RegExp(`^${OPEN}${FROM_CORE}${CLOSE}$`);
// Matches a "to" marker glued to the end of a text line: bracketed, or with 下转/转/详见/刊 or an
// arrow; a bare page with its arrow after a space (…向市民开放 3版▶) points a teaser to its 版.
const TRAILING_TO = new RegExp(`(?:[（(]\\s*${TO_CORE}\\s*[）)]|${ARROW}?\\s*(?:下转|转至|详见|刊)\\s*${ARROW}?\\s*第?\\s*(${NUM})\\s*版\\s*${ARROW}?|转\\s*${ARROW}\\s*第?\\s*(${NUM})\\s*版|转第\\s*(${NUM})\\s*版|\\s${ARROW}?\\s*第?(${NUM})版\\s*${ARROW}|\\s${ARROW}\\s*第?(${NUM})版)$`);
// Matches a bracketed "from" marker (or 上接…版) opening a text line.
const LEADING_FROM = new RegExp(`^(?:[（(]\\s*${FROM_CORE}\\s*[）)]|${ARROW}?\\s*上接\\s*第?\\s*(${NUM})\\s*版)`);

function firstGroup(m: RegExpExecArray): string | undefined {
  return m.slice(1).find((g) => g !== undefined);
}

function normalisePage(num: string | undefined): string | null {
  if (num === undefined) return null;
  const n = readNumber(num);
  return Number.isFinite(n) && n > 0 ? `第${n}版` : null;
}

function build(direction: JumpDirection, m: RegExpExecArray, offset = 0): JumpMarker {
  return {
    direction,
    raw: m[0].trim(),
    page: normalisePage(firstGroup(m)),
    index: offset + m.index,
    end: offset + m.index + m[0].length,
  };
}

/** The jump marker a whole line consists of, or null. */
export function wholeLineMarker(text: string): JumpMarker | null {
  const t = text.trim();
  const to = WHOLE_TO.exec(t);
  if (to) return build('to', to);
  const from = WHOLE_FROM.exec(t);
  return from ? build('from', from) : null;
}

/** A "to" marker glued to the end of a line of text (…有限公司,下转▶3版), or null. */
export function trailingMarker(text: string): JumpMarker | null {
  const m = TRAILING_TO.exec(text);
  if (!m || m.index === 0) return null;
  return build('to', m);
}

/** A "from" marker opening a line of text ((上接第1版)把…), or null. */
export function leadingMarker(text: string): JumpMarker | null {
  const m = LEADING_FROM.exec(text);
  if (!m || m[0].length === text.length) return null;
  return build('from', m);
}
