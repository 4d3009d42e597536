/**
 * Home page (assets/on-this-day.js): 历史上的今天. Fetches the small file of the reader's local
 * month and day (`[data-on-this-day]` holds the folder's URL, base included) and, when earlier
 * years printed something that day, fills the empty slot with a section listing it. Without
 * JavaScript, or when nothing matches, the slot stays empty and no heading is shown.
 */
import { monthDayOf, pickOnThisDay, type OnThisDayEntry } from './on-this-day-pick.js';

async function main(): Promise<void> {
  const slot = document.querySelector<HTMLElement>('[data-on-this-day]');
  const folder = slot?.dataset.onThisDay;
  if (!slot || !folder) return;
  const now = new Date();
  let entries: OnThisDayEntry[];
  try {
    const response = await fetch(`${folder}${monthDayOf(now)}.json`);
    if (!response.ok) return;
    entries = ((await response.json()) as { articles?: OnThisDayEntry[] }).articles ?? [];
  } catch {
    return; // offline or a broken file: the home page simply has no such section
  }
  const shown = pickOnThisDay(entries, now.getFullYear());
  if (shown.length === 0) return;
  slot.replaceChildren(section(shown, now));
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string | null, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children);
  return node;
}

function section(shown: OnThisDayEntry[], now: Date): HTMLElement {
  const heading = el('h2', 'on-this-day-title', '历史上的今天');
  heading.id = 'on-this-day-title';
  const items = shown.map((e) => {
    const year = Number(e.date.slice(0, 4));
    const time = el('time', null, `${year}年`);
    time.dateTime = e.date;
    const link = el('a', null, e.title);
    link.href = e.url;
    return el('li', null, el('span', 'on-this-day-year', time, `（${now.getFullYear() - year}年前）`), ' ', link, ' ', el('span', 'on-this-day-source', `${e.paper} ${e.page}`));
  });
  const box = el('section', 'on-this-day', heading, el('p', 'on-this-day-lead', `${now.getMonth() + 1}月${now.getDate()}日，往年今日的报纸：`), el('ul', 'on-this-day-list', ...items));
  box.setAttribute('aria-labelledby', heading.id);
  return box;
}

void main();
