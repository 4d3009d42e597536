/** The pure part of the home page's 历史上的今天 (src/browser/on-this-day-pick.ts). */
import { describe, expect, it } from 'vitest';
import { monthDayOf, pickOnThisDay, type OnThisDayEntry } from '../../src/browser/on-this-day-pick.js';

const entry = (date: string, title = date): OnThisDayEntry => ({ date, title, url: `/${title}/`, paper: '杨浦时报', page: '第1版' });

describe('monthDayOf', () => {
  it("uses the reader's local calendar date, zero-padded", () => {
    // Local constructor: whatever the machine's time zone, this is 3 March locally.
    expect(monthDayOf(new Date(2026, 2, 3, 0, 30))).toBe('03-03');
    expect(monthDayOf(new Date(2024, 1, 29, 23, 59))).toBe('02-29');
    expect(monthDayOf(new Date(2026, 11, 31, 12))).toBe('12-31');
  });
});

describe('pickOnThisDay', () => {
  it('leaves out this year and later years: today is news, not history', () => {
    const picked = pickOnThisDay([entry('2026-07-27'), entry('2027-07-27'), entry('2025-07-27')], 2026);
    expect(picked.map((e) => e.date)).toEqual(['2025-07-27']);
  });

  it('takes one per year in turn, newest first, before a second from any year, up to the limit', () => {
    const entries = [entry('2023-07-27', 'a1'), entry('2023-07-27', 'a2'), entry('2023-07-27', 'a3'), entry('2019-07-27', 'b1'), entry('2001-07-27', 'c1'), entry('2001-07-27', 'c2')];
    expect(pickOnThisDay(entries, 2026, 4).map((e) => e.title)).toEqual(['a1', 'a2', 'b1', 'c1']);
    expect(pickOnThisDay(entries, 2026, 100).map((e) => e.title)).toEqual(['a1', 'a2', 'a3', 'b1', 'c1', 'c2']);
  });

  it('gives nothing for no entries or only future ones', () => {
    expect(pickOnThisDay([], 2026)).toEqual([]);
    expect(pickOnThisDay([entry('2026-01-01')], 2026)).toEqual([]);
  });
});
