/**
 * Datelines: the month and day of the reported event in a 本报讯 lead (7月23日, a range
 * 12月7日至8日 as printed), skipping dates of scheduled future events (11月5日至10日，…将…举行).
 */
import { asciiDigits } from './text.js';

/** A month-day date found in text. */
export interface FoundDate {
  /** As printed: 7月23日, 12月7日至8日. */
  raw: string;
  month: number;
  day: number;
  /** The last day of a range (12月7日至8日 → 12, 8); equals month/day otherwise. */
  endMonth: number;
  endDay: number;
  index: number;
}

// Matches 7月23日, ranges 12月7日至8日 / 11月5日-10日 / 12月30日至1月2日 and lists of days
// 8月12日、13日 / 8月12日和13日 (kept as printed, the last day is the end; digits ASCII after asciiDigits).
const DATE = /(?<![0-9])(\d{1,2})\s*月\s*(\d{1,2})\s*日(?:\s*(?:至|到|—|-|–|~|～|、|和)\s*(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*日)*/g;
// A scheduled event: "将…举行" (will be held) within the same clause group.
// 即将 counts only before such a verb: 即将发往全国 (goods about to ship) schedules nothing.
const SCHEDULED = /将[^。；;，,]{0,16}?(?:举行|举办|召开|开幕|开展|启动|亮相|开启|进行)|将于/;
// Matches the lead opening and an optional byline in brackets: 本报讯 / 本报讯(记者 张雯).
const LEAD_OPEN = /^\s*(?:本报讯|本报消息|讯)\s*(?:[（(][^（()）]{0,40}[）)])?/;

// Matches a lead opening with an unspecified time: 近日，/ 日前，/ 近期 / 连日来 / 前不久.
const UNDATED_OPEN = /^\s*(?:近日|日前|近期|最近|近来|前不久|不久前|连日来|近段时间|近一段时间)(?![\d０-９])/;

/** Every valid month-day date in the text, in order. */
export function findDates(text: string): FoundDate[] {
  const ascii = asciiDigits(text);
  const out: FoundDate[] = [];
  for (const m of ascii.matchAll(DATE)) {
    const month = Number(m[1]);
    const day = Number(m[2]);
    // The end is the last day printed, in the last month printed before it (8月5日和9日 → 8, 9).
    let endMonth = month;
    let endDay = day;
    for (const part of m[0].matchAll(/(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*日/g)) {
      if (part[1]) endMonth = Number(part[1]);
      endDay = Number(part[2]);
    }
    if (!valid(month, day) || !valid(endMonth, endDay)) continue;
    const index = m.index ?? 0;
    out.push({ raw: text.slice(index, index + m[0].length), month, day, endMonth, endDay, index });
  }
  return out;
}

function valid(month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** True when the date introduces a scheduled future event (…将在上海如期举行). */
export function isScheduled(text: string, date: FoundDate, nextDateIndex: number): boolean {
  const sentenceEnd = text.slice(date.index).search(/[。；;]/);
  // The date's own clause and the one after it (11月5日至10日，…将在上海如期举行): a 将 further on
  // belongs to another clause (…组成，将定期开展巡河).
  const after = text.slice(date.index + date.raw.length);
  const clauses = /^[^，,]*[，,][^，,]*/.exec(after);
  const clauseEnd = clauses ? date.index + date.raw.length + clauses[0].length : text.length;
  const stop = Math.min(sentenceEnd < 0 ? text.length : date.index + sentenceEnd, nextDateIndex, clauseEnd);
  return SCHEDULED.test(text.slice(date.index + date.raw.length, stop));
}

/** Event dates of a text that are not scheduled future events. */
export function eventDates(text: string): FoundDate[] {
  const dates = findDates(text);
  return dates.filter((d, i) => !isScheduled(text, d, dates[i + 1]?.index ?? text.length));
}

/** The dateline of a paragraph that opens a 本报讯 lead, or null (no lead, no calendar date). */
export function datelineOf(paragraph: string): FoundDate | null {
  const open = LEAD_OPEN.exec(paragraph);
  if (!open || !/本报|讯/.test(open[0])) return null;
  const rest = paragraph.slice(open[0].length);
  // A lead that dates its event 近日 / 日前 gives no calendar date: a date later in the sentence
  // is another one (日前，记者获悉，8月1日起施行的…), not the event's.
  if (UNDATED_OPEN.test(rest)) return null;
  const dates = findDates(rest);
  // The lead date is in the first sentence; a first sentence that only announces a scheduled
  // event hands over to the next sentence (…将如期举行。11月4日上午，…).
  let sentenceEnd = sentenceEndAfter(rest, 0);
  for (let i = 0; i < dates.length; i++) {
    const d = dates[i];
    if (!d) break;
    if (d.index > sentenceEnd) {
      if (i === 0 || !dates.slice(0, i).every((p, k) => isScheduled(rest, p, dates[k + 1]?.index ?? rest.length))) return null;
      sentenceEnd = sentenceEndAfter(rest, d.index);
    }
    if (!isScheduled(rest, d, dates[i + 1]?.index ?? rest.length)) return { ...d, index: d.index + open[0].length };
  }
  return null;
}

function sentenceEndAfter(text: string, from: number): number {
  const end = text.slice(from).search(/[。；;]/);
  return end < 0 ? text.length : from + end;
}

/** The dateline as printed without time of day: 7月23日, 12月7日至8日. */
export function datelineText(date: FoundDate): string {
  return date.raw.replace(/\s+/g, '');
}
