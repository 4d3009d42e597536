/**
 * One Atom feed per paper (`<paper>/feed.xml`): its newest articles, so readers and other
 * archives can follow new issues. Built as an xast tree, so input text is always escaped.
 * Links are absolute when the site's origin is configured (feed readers resolve nothing else
 * reliably), base-prefixed paths otherwise.
 */
import { x } from 'xastscript';
import { toXml } from 'xast-util-to-xml';
import type { Site, SiteArticle, SitePaper } from './site.js';
import type { OutputFile } from './types.js';

/** How many of a paper's newest articles its feed lists. */
export const FEED_SIZE = 50;

/** Renders every paper's Atom feed. */
export function renderFeeds(site: Site): OutputFile[] {
  return site.papers.map((paper) => ({ path: `${paper.url.slice(site.base.length)}feed.xml`, contents: feedOf(site, paper) }));
}

function feedOf(site: Site, paper: SitePaper): string {
  // Newest dated issues first; within an issue, reading order.
  const dated = paper.issues.filter((i) => i.date !== null).reverse();
  const entries: { article: SiteArticle; date: string }[] = [];
  for (const issue of dated) {
    for (const page of issue.pages) for (const article of page.articles) entries.push({ article, date: issue.date as string });
    if (entries.length >= FEED_SIZE) break;
  }
  const shown = entries.slice(0, FEED_SIZE);
  const updated = `${shown[0]?.date ?? '1970-01-01'}T00:00:00Z`;
  const at = (url: string): string => (site.origin ?? '') + url;
  const tree = x(null, [
    { type: 'instruction', name: 'xml', value: 'version="1.0" encoding="utf-8"' },
    x('feed', { xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': 'zh-CN' }, [
      x('id', `urn:baokan:${paper.paper.id}`),
      x('title', `${paper.paper.name}（${site.title ?? `${site.generator.split(' ')[0]} 档案`}）`),
      x('updated', updated),
      x('link', { rel: 'alternate', type: 'text/html', href: at(paper.url) }),
      x('link', { rel: 'self', type: 'application/atom+xml', href: at(`${paper.url}feed.xml`) }),
      x('author', [x('name', paper.paper.name)]),
      ...shown.map(({ article, date }) =>
        x('entry', [
          x('id', `urn:baokan:${article.id}`),
          x('title', article.title),
          x('link', { rel: 'alternate', type: 'text/html', href: at(article.url) }),
          x('updated', `${date}T00:00:00Z`),
          ...article.article.bylines.map((name) => x('author', [x('name', name)])),
          x('summary', excerpt(article.article.paragraphs.join(''), 120)),
        ]),
      ),
    ]),
  ]);
  return `${toXml(tree)}\n`;
}

function excerpt(text: string, length: number): string {
  const chars = [...text];
  return chars.length > length ? `${chars.slice(0, length).join('')}…` : text;
}
