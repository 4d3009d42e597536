/**
 * A small bar chart of articles per year, drawn as inline SVG at build time (no script). The
 * SVG is an image with a title and a description that says every number; the same numbers
 * follow as a list, for readers who cannot see the bars and for copying.
 */
import { h, s } from 'hastscript';
import type { Element } from 'hast';

const BAR = 28;
const GAP = 8;
const HEIGHT = 96;
const LABEL = 16;

/** The chart and its numbers as text; `id` makes the title and description ids unique on the page. */
export function renderYearChart(years: ReadonlyArray<{ year: number; count: number }>, id: string, subject: string): Element {
  const max = Math.max(1, ...years.map((y) => y.count));
  const width = Math.max(120, years.length * (BAR + GAP) + GAP);
  const numbers = years.map((y) => `${y.year}年 ${y.count} 篇`).join('，');
  const bars = years.flatMap((y, i) => {
    const x = GAP + i * (BAR + GAP);
    const height = Math.max(2, Math.round((y.count / max) * (HEIGHT - 2 * LABEL)));
    const top = HEIGHT - LABEL - height;
    return [
      s('rect', { x, y: top, width: BAR, height, className: ['chart-bar'] }),
      s('text', { x: x + BAR / 2, y: top - 4, textAnchor: 'middle', className: ['chart-count'] }, String(y.count)),
      s('text', { x: x + BAR / 2, y: HEIGHT - 4, textAnchor: 'middle', className: ['chart-year'] }, String(y.year)),
    ];
  });
  return h('figure', { className: ['year-chart'] }, [
    s(
      'svg',
      { role: 'img', ariaLabelledBy: `${id}-title ${id}-desc`, viewBox: `0 0 ${width} ${HEIGHT}`, width, height: HEIGHT, xmlns: 'http://www.w3.org/2000/svg' },
      [s('title', { id: `${id}-title` }, `${subject}：每年的报道篇数`), s('desc', { id: `${id}-desc` }, numbers || '没有标明日期的报道'), ...bars],
    ),
    h('figcaption', [
      h('span', { className: ['visually-hidden'] }, '每年篇数：'),
      h('ul', { className: ['year-counts'] }, years.map((y) => h('li', `${y.year}年：${y.count} 篇`))),
    ]),
  ]);
}
