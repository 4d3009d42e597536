/** Month calendars: a real Monday-first grid with the days that have an issue linked. */
import { h } from 'hastscript';
import type { Element, ElementContent } from 'hast';
import { daysInMonth, isoDate, weekdayIndex, weekdayShort } from './dates.js';

/** Weeks of a month, Monday first; null for the blank cells before day 1 and after the last day. */
export function monthGrid(year: number, month: number): (number | null)[][] {
  const cells: (number | null)[] = Array.from({ length: weekdayIndex(year, month, 1) }, () => null);
  for (let day = 1; day <= daysInMonth(year, month); day++) cells.push(day);
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (number | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** A linked day: the issue page for that date and a label for assistive technology. */
export interface CalendarLink {
  url: string;
  label: string;
}

/** One month as a table; `links` maps ISO dates to the issue to link. */
export function renderMonth(year: number, month: number, links: ReadonlyMap<string, CalendarLink>): Element {
  const rows = monthGrid(year, month).map((week) =>
    h(
      'tr',
      week.map((day): ElementContent => {
        if (day === null) return h('td', { className: ['calendar-blank'] });
        const iso = isoDate(year, month, day);
        const link = links.get(iso);
        // Only linked days carry a machine-readable date: plain days are just grid.
        return link
          ? h('td', { className: ['calendar-issue'] }, [h('a', { href: link.url, title: link.label }, [h('time', { dateTime: iso }, String(day))])])
          : h('td', String(day));
      }),
    ),
  );
  return h('table', { className: ['calendar'] }, [
    h('caption', `${year}年${month}月`),
    h('thead', [
      h(
        'tr',
        weekdayShort.map((name) => h('th', { scope: 'col', abbr: `星期${name}` }, name)),
      ),
    ]),
    h('tbody', rows),
  ]);
}
