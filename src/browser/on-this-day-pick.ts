/**
 * Pure helpers of the home page's 历史上的今天: which day's file to fetch for the reader's
 * local date, and which of its articles to show.
 */

import type { OnThisDayEntry } from '../on-this-day.js';

/** One article in `api/on-this-day/MM-DD.json`, as the build writes it. */
export type { OnThisDayEntry };

/** Most articles the section shows. */
export const SHOWN = 6;

/** MM-DD of a date in the reader's own time zone (what their calendar says today). */
export function monthDayOf(now: Date): string {
  return `${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/**
 * Articles of years before `year` (this year's own issue is today's news, not history),
 * newest year first, one per year in turn before a second from any year, at most `max`.
 */
export function pickOnThisDay(entries: readonly OnThisDayEntry[], year: number, max = SHOWN): OnThisDayEntry[] {
  const byYear = new Map<number, OnThisDayEntry[]>();
  for (const e of entries) {
    const y = Number(e.date.slice(0, 4));
    if (!Number.isInteger(y) || y >= year) continue;
    byYear.set(y, [...(byYear.get(y) ?? []), e]);
  }
  const years = [...byYear.keys()].sort((a, b) => b - a);
  const picked: OnThisDayEntry[] = [];
  for (let round = 0; picked.length < max; round++) {
    const before = picked.length;
    for (const y of years) {
      const e = byYear.get(y)?.[round];
      if (e && picked.length < max) picked.push(e);
    }
    if (picked.length === before) break;
  }
  // Shown grouped by year, newest first, each year's articles in their file order.
  return picked.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : entries.indexOf(a) - entries.indexOf(b)));
}
