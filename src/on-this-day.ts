/**
 * 历史上的今天: one small JSON file per month and day (`api/on-this-day/MM-DD.json`, all 366,
 * empty ones too), listing articles printed on that day in any year. The home page's script
 * (src/browser/on-this-day.ts) fetches the file of the reader's own date and shows the earlier
 * years, so the static site is right on every day without a rebuild. Each file depends only on
 * the issues of its day: adding a page changes the file of its day and no other.
 *
 * Size is bounded for any archive: at most PER_YEAR articles for each of the MAX_YEARS latest
 * years with an issue on that day (the lead articles: first 版 first, one per paper before a
 * second from any). Only printed dates count: an inferred date may be off by days, and a day
 * is what this section is about.
 */
import type { Site, SiteArticle, SiteIssue, SitePage } from './site.js';
import type { OutputFile } from './types.js';

/** Where the files are, below the output folder (and below the base in URLs). */
export const ON_THIS_DAY_DIR = 'api/on-this-day/';
/** Articles kept per year on one day. */
export const PER_YEAR = 3;
/** Latest years kept per day. */
export const MAX_YEARS = 40;

/** One article in a day's file. */
export interface OnThisDayEntry {
  date: string;
  title: string;
  url: string;
  paper: string;
  page: string;
}

export interface OnThisDayFile {
  /** MM-DD */
  monthDay: string;
  /** Newest year first; within a year, lead articles first. */
  articles: OnThisDayEntry[];
}

interface Candidate {
  entry: OnThisDayEntry;
  /** Position among its issue's articles, headlined ones first and front pages first. */
  rank: number;
  paperIndex: number;
}

/** Every day's file, MM-DD order. */
export function renderOnThisDay(site: Site): OutputFile[] {
  const byDay = new Map<string, Candidate[]>();
  site.papers.forEach((paper, paperIndex) => {
    for (const issue of paper.issues) {
      if (!issue.date || issue.dateInferred) continue;
      const day = issue.date.slice(5);
      const list = byDay.get(day) ?? [];
      leadArticles(issue).forEach(({ item, page }, rank) => list.push({ entry: entryOf(issue, page, item), rank, paperIndex }));
      byDay.set(day, list);
    }
  });
  return allMonthDays().map((monthDay) => {
    const file: OnThisDayFile = { monthDay, articles: pick(byDay.get(monthDay) ?? []) };
    return { path: `${ON_THIS_DAY_DIR}${monthDay}.json`, contents: `${JSON.stringify(file, null, 1)}\n` };
  });
}

/** The issue's articles, headlined ones before briefs, each in 版 and reading order; at most PER_YEAR. */
function leadArticles(issue: SiteIssue): { item: SiteArticle; page: SitePage }[] {
  const all = issue.pages.flatMap((page) => page.articles.map((item) => ({ item, page })));
  return [...all.filter((a) => a.item.article.headline !== null), ...all.filter((a) => a.item.article.headline === null)].slice(0, PER_YEAR);
}

function entryOf(issue: SiteIssue, page: SitePage, item: SiteArticle): OnThisDayEntry {
  const title = item.article.headline === null ? `简讯：${item.title}` : item.title;
  return { date: issue.date as string, title, url: item.url, paper: issue.paper.name, page: page.label };
}

/** The kept entries: latest MAX_YEARS years, PER_YEAR each, by rank then paper. */
function pick(candidates: Candidate[]): OnThisDayEntry[] {
  const years = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const year = c.entry.date.slice(0, 4);
    years.set(year, [...(years.get(year) ?? []), c]);
  }
  return [...years.keys()]
    .sort()
    .reverse()
    .slice(0, MAX_YEARS)
    .flatMap((year) =>
      (years.get(year) ?? [])
        .sort((a, b) => a.rank - b.rank || a.paperIndex - b.paperIndex || (a.entry.date < b.entry.date ? -1 : a.entry.date > b.entry.date ? 1 : 0))
        .slice(0, PER_YEAR)
        .map((c) => c.entry),
    );
}

/** 01-01 … 12-31, with 02-29. */
function allMonthDays(): string[] {
  const days: string[] = [];
  for (let month = 1; month <= 12; month++) {
    // A leap year (2000) gives every day of every month, 02-29 included.
    const length = new Date(Date.UTC(2000, month, 0)).getUTCDate();
    for (let day = 1; day <= length; day++) days.push(`${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
  }
  return days;
}
