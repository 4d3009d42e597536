/**
 * The site model: every paper, issue, 版 and article with its final id and URL.
 * Renderers, the data API and the search indexer all read this one structure.
 */
import type { Article, Diagnostic, Paper } from './types.js';

export interface Site {
  /** URL prefix the site is served under, always starting and ending with '/'. */
  base: string;
  /** Name and version of the generator, e.g. "baokan 0.1.0". */
  generator: string;
  /** Papers with at least one issue, ordered by name. */
  papers: SitePaper[];
  /** Every article in archive order (paper, issue date, 版, reading order). */
  articles: SiteArticle[];
}

export interface SitePaper {
  paper: Paper;
  url: string;
  /** Issues in date order (undated ones last). */
  issues: SiteIssue[];
}

export interface SiteIssue {
  /** e.g. yangpu-times-2020-07-27 */
  id: string;
  paper: Paper;
  date: string | null;
  dateInferred: boolean;
  issueNumber: string | null;
  totalNumber: string | null;
  url: string;
  /** URL of the issue's JSON file in the data API. */
  api: string;
  pages: SitePage[];
}

export interface SitePage {
  /** e.g. yangpu-times-2020-07-27-p01 */
  id: string;
  issueId: string;
  number: number | null;
  name: string | null;
  /** Human label: 第1版, or 未标版次 (n) when the page prints no number. */
  label: string;
  source: string;
  url: string;
  articles: SiteArticle[];
  diagnostics: Diagnostic[];
}

export interface SiteArticle {
  /** e.g. yangpu-times-2020-07-27-p01-03 */
  id: string;
  url: string;
  article: Article;
  /** Display title: the headline, else the start of the first paragraph. */
  title: string;
  paperId: string;
  issueId: string;
  pageId: string;
  /** Neighbours in reading order across the whole issue, or null at its ends. */
  prevUrl: string | null;
  nextUrl: string | null;
  /** The continuing / continued article in this archive, when it can be found. */
  continuedToUrl: string | null;
  continuedFromUrl: string | null;
}
