/**
 * The search page (assets/search.js): reads the query from `?q=` and the form, runs it against
 * the static index, and renders results. The DOM wiring lives here; matching, ranking,
 * snippets and URL state are pure modules beside it.
 */
import { parseQuery } from '../search/tokenize.js';
import { PAGE_SIZE, type SearchDoc, type SearchMeta } from '../search/format.js';
import { filterMatches, paginate, searchQuery, sortMatches } from './engine.js';
import { createLoader, type IndexLoader } from './loader.js';
import { findRanges, markPieces, snippet, type Piece } from './snippet.js';
import {
  HIGHLIGHT_KEY,
  formatDate,
  isoFromParts,
  pageList,
  partsFromIso,
  searchFromState,
  stateFromSearch,
  type DateParts,
  type SearchState,
} from './state.js';

/** A frequent term's first page comes precomputed in the index, so pages are its size. */
const PER_PAGE = PAGE_SIZE;

interface Elements {
  form: HTMLFormElement;
  input: HTMLInputElement;
  results: HTMLElement;
  count: HTMLElement;
  range: HTMLElement | null;
  message: HTMLElement;
  pages: HTMLElement;
  /** The 年/月/日 date fields (`fieldset[data-date-field="from"]`, `…="to"`), rendered by src/render/date-select.ts. */
  dates: HTMLFieldSetElement[];
}

function findElements(): Elements | null {
  const form = document.querySelector<HTMLFormElement>('form[data-search-index]');
  const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
  const results = document.querySelector<HTMLElement>('[data-search-status]');
  const count = document.querySelector<HTMLElement>('[data-result-count]');
  const message = document.getElementById('search-message');
  const pages = document.getElementById('search-pages');
  if (!form || !input || !results || !count || !message || !pages) return null;
  const dates = [...form.querySelectorAll<HTMLFieldSetElement>('fieldset[data-date-field]')];
  return { form, input, results, count, range: document.getElementById('search-range'), message, pages, dates };
}

/** Builds an element with text or children (never innerHTML: article text is not markup). */
function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  children: Array<Node | string> = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

function piecesToNodes(pieces: Piece[]): Node[] {
  return pieces.map((p) => (p.mark ? el('mark', {}, [p.text]) : document.createTextNode(p.text)));
}

function resultItem(doc: SearchDoc, meta: SearchMeta, terms: string[]): HTMLLIElement {
  const paper = meta.papers.find((p) => p.id === doc.paper);
  const title = markPieces(doc.title, findRanges(doc.title, terms));
  // The href is exactly the article's URL from the site model (contract §3).
  const link = el('a', { href: doc.url, 'data-result': '' }, piecesToNodes(title));
  const metaLine = el('p', { class: 'result-meta' }, [
    paper?.name ?? '',
    ' · ',
    el('time', doc.date ? { datetime: doc.date } : {}, [formatDate(doc.date)]),
    ' · ',
    doc.page,
  ]);
  const text = el('p', { class: 'result-snippet' }, piecesToNodes(snippet(doc.text, terms)));
  return el('li', { class: 'search-result' }, [el('h2', {}, [link]), metaLine, text]);
}

function setStatus(ui: Elements, status: 'loading' | 'done' | 'error'): void {
  ui.results.dataset.searchStatus = status;
  ui.results.setAttribute('aria-busy', status === 'loading' ? 'true' : 'false');
}

function showMessage(ui: Elements, text: string, isError = false): void {
  ui.message.textContent = text;
  ui.message.hidden = !text;
  ui.message.setAttribute('role', isError ? 'alert' : 'status');
  ui.message.classList.toggle('search-error', isError);
}

function fillForm(ui: Elements, s: SearchState): void {
  ui.input.value = s.q;
  const set = (name: string, value: string): void => {
    const field = ui.form.elements.namedItem(name);
    if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement) field.value = value;
  };
  set('paper', s.paper ?? '');
  set('from', s.from ?? '');
  set('to', s.to ?? '');
  set('sort', s.sort ?? 'relevance');
  fillDates(ui.dates, s);
}

const DATE_PARTS = ['year', 'month', 'day'] as const;

function datePart(field: HTMLFieldSetElement, part: keyof DateParts): HTMLSelectElement | null {
  return field.querySelector<HTMLSelectElement>(`select[data-date-part="${part}"]`);
}

/** Which end of the range a date field is: `to` takes the last day of a year or month left open. */
function dateEdge(field: HTMLFieldSetElement): 'from' | 'to' {
  return field.dataset.dateField === 'to' ? 'to' : 'from';
}

/** Shows the state's dates in the 年/月/日 selects (a year outside the archive's gets an option). */
function fillDates(fields: HTMLFieldSetElement[], s: SearchState): void {
  for (const field of fields) {
    const parts = partsFromIso(s[dateEdge(field)]);
    for (const key of DATE_PARTS) {
      const select = datePart(field, key);
      if (!select) continue;
      if (parts[key] && ![...select.options].some((o) => o.value === parts[key])) {
        const after = [...select.options].find((o) => o.value && Number(o.value) > Number(parts[key]));
        select.insertBefore(el('option', { value: parts[key] }, [parts[key]]), after ?? null);
      }
      select.value = parts[key];
    }
  }
}

/** The ISO date a 年/月/日 field stands for (undefined when its year is open). */
function readDate(field: HTMLFieldSetElement): string | undefined {
  const value = (key: keyof DateParts): string => datePart(field, key)?.value ?? '';
  return isoFromParts({ year: value('year'), month: value('month'), day: value('day') }, dateEdge(field));
}

function stateFromForm(ui: Elements): SearchState {
  const data = new FormData(ui.form);
  const params = new URLSearchParams();
  for (const [k, v] of data) if (typeof v === 'string') params.set(k, v);
  // The date fields' selects have no names: each field is one ISO parameter, as in the URL.
  for (const field of ui.dates) {
    const date = readDate(field);
    if (date) params.set(dateEdge(field), date);
    else params.delete(dateEdge(field));
  }
  return stateFromSearch(`?${params.toString()}`);
}

function renderPages(ui: Elements, s: SearchState, page: number, pages: number): void {
  ui.pages.replaceChildren();
  ui.pages.hidden = pages <= 1;
  if (pages <= 1) return;
  const link = (n: number, label: string, extra: Record<string, string> = {}): HTMLAnchorElement =>
    el('a', { href: searchFromState({ ...s, page: n }) || '?', 'data-page': String(n), ...extra }, [label]);
  const items: Node[] = [];
  if (page > 1) items.push(link(page - 1, '上一页', { rel: 'prev' }));
  for (const n of pageList(page, pages)) {
    items.push(n === 0 ? el('span', { class: 'gap' }, ['…']) : link(n, String(n), n === page ? { 'aria-current': 'page' } : {}));
  }
  if (page < pages) items.push(link(page + 1, '下一页', { rel: 'next' }));
  ui.pages.append(...items);
}

/** Runs the state's query and renders it; a newer run supersedes an older one still in flight. */
function createRunner(ui: Elements, loader: IndexLoader): (s: SearchState) => Promise<void> {
  let generation = 0;
  return async (s: SearchState): Promise<void> => {
    const mine = ++generation;
    const terms = parseQuery(s.q);
    setStatus(ui, 'loading');
    showMessage(ui, terms.length ? '正在搜索…' : '');
    try {
      const meta = await loader.meta();
      // The first screen without filters needs only the first page (precomputed for a frequent
      // term) and the exact count; the filters' tables come in the same round trip as the postings.
      const firstPage = !s.paper && !s.from && !s.to && (!s.sort || s.sort === 'relevance') && s.page <= 1;
      const [result, facts] = await Promise.all([searchQuery(terms, loader, { firstPage }), terms.length ? loader.facts(s) : null]);
      const all = result.matches;
      const filtered = facts ? sortMatches(filterMatches(all, facts, s), facts, s.sort) : all;
      const total = firstPage ? result.total : filtered.length;
      const shown = { ...paginate(filtered, s.page, PER_PAGE), pages: Math.max(1, Math.ceil(total / PER_PAGE)) };
      const docs = await loader.docs(shown.items.map((m) => m.doc));
      if (mine !== generation) return;
      ui.count.textContent = String(total);
      ui.results.replaceChildren(...docs.map((d) => resultItem(d, meta, terms)));
      if (ui.range) {
        ui.range.textContent = total
          ? `，显示第 ${(shown.page - 1) * PER_PAGE + 1}–${(shown.page - 1) * PER_PAGE + shown.items.length} 篇`
          : '';
      }
      renderPages(ui, s, shown.page, shown.pages);
      if (terms.length === 0) {
        showMessage(ui, s.q.trim() ? '搜索词里没有可检索的文字（标点和空格会被忽略）。' : '请输入要搜索的词。');
      } else if (total === 0) {
        const hint =
          result.total > 0
            ? `筛选条件排除了全部 ${result.total} 篇含这些词的文章，请放宽报纸或日期范围。`
            : '试试更短的词，检查有无错别字，或减少搜索词。';
        showMessage(ui, `没有找到包含“${terms.join('”和“')}”的文章。${hint}`);
      } else {
        showMessage(ui, '');
      }
      setStatus(ui, 'done');
    } catch (err) {
      if (mine !== generation) return;
      ui.count.textContent = '0';
      ui.results.replaceChildren();
      ui.pages.hidden = true;
      const reason = err instanceof Error ? err.message : String(err);
      showMessage(ui, `搜索出错：${reason}。请刷新页面重试。`, true);
      setStatus(ui, 'error');
    }
  };
}

/** Remembers the query for the article page's highlighter; the href itself stays the article URL. */
function rememberQuery(event: MouseEvent): void {
  const a = (event.target as Element | null)?.closest?.('a[data-result]');
  if (!(a instanceof HTMLAnchorElement)) return;
  try {
    // The terms of the results shown (the box may have been edited since).
    const terms = parseQuery(stateFromSearch(location.search).q);
    sessionStorage.setItem(HIGHLIGHT_KEY, JSON.stringify({ path: new URL(a.href).pathname, terms }));
  } catch {
    // Storage may be disabled; highlighting is a nicety.
  }
}

/** Keyboard: "/" focuses the box; ↓/↑ move between the box and the results. */
function onKey(ui: Elements, event: KeyboardEvent): void {
  const target = event.target as HTMLElement | null;
  const editing = target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement;
  if (event.key === '/' && !editing && !event.ctrlKey && !event.metaKey && !event.altKey) {
    event.preventDefault();
    ui.input.focus();
    ui.input.select();
    return;
  }
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const links = [...ui.results.querySelectorAll<HTMLAnchorElement>('a[data-result]')];
  if (links.length === 0) return;
  const at = links.indexOf(target as HTMLAnchorElement);
  if (target === ui.input && event.key === 'ArrowDown') {
    event.preventDefault();
    links[0]!.focus();
  } else if (at >= 0) {
    event.preventDefault();
    const next = at + (event.key === 'ArrowDown' ? 1 : -1);
    if (next < 0) ui.input.focus();
    else links[Math.min(next, links.length - 1)]!.focus();
  }
}

/** Wires the page: initial query from the URL, the form, filters, pagination, history, keys. */
function main(): void {
  const ui = findElements();
  if (!ui) return;
  const root = ui.form.dataset.searchIndex ?? new URL('../search/', import.meta.url).pathname;
  const run = createRunner(ui, createLoader(new URL(root, location.href).href));

  const go = (s: SearchState, push: boolean): void => {
    const url = `${location.pathname}${searchFromState(s)}`;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
    void run(s);
  };

  ui.form.addEventListener('submit', (e) => {
    e.preventDefault();
    go({ ...stateFromForm(ui), page: 1 }, true);
  });
  ui.form.addEventListener('change', (e) => {
    if (e.target === ui.input) return;
    const s = { ...stateFromForm(ui), page: 1 };
    // A date field shows the day it filters from or to (2020年 → 2020年1月1日; 2月31日 → 2月29日);
    // while its year is open, its month and day wait for one.
    const field = (e.target as Element | null)?.closest?.('fieldset[data-date-field]');
    if (field instanceof HTMLFieldSetElement && readDate(field)) fillDates([field], s);
    go(s, false);
  });
  ui.pages.addEventListener('click', (e) => {
    const a = (e.target as Element | null)?.closest?.('a[data-page]');
    if (!(a instanceof HTMLAnchorElement) || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    go({ ...stateFromSearch(location.search), page: Number(a.dataset.page) }, true);
    ui.results.scrollIntoView({ block: 'start' });
    ui.input.focus({ preventScroll: true });
  });
  ui.results.addEventListener('click', rememberQuery);
  ui.results.addEventListener('auxclick', rememberQuery);
  document.addEventListener('keydown', (e) => onKey(ui, e));
  window.addEventListener('popstate', () => {
    const s = stateFromSearch(location.search);
    fillForm(ui, s);
    void run(s);
  });

  const initial = stateFromSearch(location.search);
  fillForm(ui, initial);
  void run(initial);
}

main();
