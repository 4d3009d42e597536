/** The search page's state as URL parameters, and small display helpers. Pure functions. */
import type { ResultOptions } from './engine.js';

/** Everything the page shows is a function of this (kept in the URL, so results can be linked). */
export interface SearchState extends ResultOptions {
  q: string;
  page: number;
}

const SORTS = new Set(['relevance', 'date', 'date-asc']);
const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** Reads the state from a query string such as `?q=旧改&paper=yangpu-times&page=2`. */
export function stateFromSearch(search: string): SearchState {
  const p = new URLSearchParams(search);
  const sort = p.get('sort') ?? 'relevance';
  const from = p.get('from') ?? '';
  const to = p.get('to') ?? '';
  return {
    q: p.get('q') ?? '',
    paper: p.get('paper') || undefined,
    from: ISO.test(from) ? from : undefined,
    to: ISO.test(to) ? to : undefined,
    sort: (SORTS.has(sort) ? sort : 'relevance') as SearchState['sort'],
    page: Math.max(1, Number.parseInt(p.get('page') ?? '1', 10) || 1),
  };
}

/** Writes the state as a query string, leaving defaults out (`?q=…` for a plain query). */
export function searchFromState(s: SearchState): string {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  if (s.paper) p.set('paper', s.paper);
  if (s.from) p.set('from', s.from);
  if (s.to) p.set('to', s.to);
  if (s.sort && s.sort !== 'relevance') p.set('sort', s.sort);
  if (s.page > 1) p.set('page', String(s.page));
  const str = p.toString();
  return str ? `?${str}` : '';
}

/** 2020-07-27 → 2020年7月27日; null → 日期不详. */
export function formatDate(iso: string | null): string {
  if (!iso) return '日期不详';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

/** A date as the search page's 年/月/日 selects hold it: digits, or '' for an empty choice. */
export interface DateParts {
  year: string;
  month: string;
  day: string;
}

/**
 * The ISO date a 年/月/日 field stands for, or undefined without a year. A field left at 全年 or
 * 全月 covers the whole year or month, so `from` takes its first day and `to` its last; a day past
 * the month's end (2月31日) is its last day.
 */
export function isoFromParts(parts: DateParts, edge: 'from' | 'to'): string | undefined {
  const year = Number.parseInt(parts.year, 10);
  if (!/^\d{4}$/.test(parts.year) || !(year > 0)) return undefined;
  const month = Number.parseInt(parts.month, 10);
  if (!(month >= 1 && month <= 12)) return iso(year, edge === 'from' ? 1 : 12, edge === 'from' ? 1 : 31);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Number.parseInt(parts.day, 10);
  if (!(day >= 1)) return iso(year, month, edge === 'from' ? 1 : last);
  return iso(year, month, Math.min(day, last));
}

/** The 年/月/日 choices that show an ISO date (all empty for none). */
export function partsFromIso(date: string | undefined): DateParts {
  const m = date ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date) : null;
  return m ? { year: m[1]!, month: String(Number(m[2])), day: String(Number(m[3])) } : { year: '', month: '', day: '' };
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Page numbers to offer: first, last, and a window around the current one (0 = a gap). */
export function pageList(page: number, pages: number, around = 2): number[] {
  const out: number[] = [];
  for (let i = 1; i <= pages; i++) {
    if (i === 1 || i === pages || Math.abs(i - page) <= around) out.push(i);
    else if (out[out.length - 1] !== 0) out.push(0);
  }
  return out;
}

/** What sessionStorage carries from a result click to the article page. */
export interface HighlightRequest {
  path: string;
  terms: string[];
}

/** sessionStorage key shared by search.ts (writer) and highlight.ts (reader). */
export const HIGHLIGHT_KEY = 'baokan:search-highlight';

/** Parses a stored highlight request, or null when absent or malformed. */
export function parseHighlight(raw: string | null): HighlightRequest | null {
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as Partial<HighlightRequest>;
    if (typeof v.path === 'string' && Array.isArray(v.terms) && v.terms.every((t) => typeof t === 'string')) {
      return { path: v.path, terms: v.terms };
    }
  } catch {
    // A foreign or corrupt value: ignore it.
  }
  return null;
}
