/**
 * The article page's side column: the other articles of its 版 and the issue's 版, so a reader
 * can move through the paper the way they would turn its pages. On wide screens site.css puts
 * it beside the article; on narrow ones it follows the article.
 */
import { h } from 'hastscript';
import type { Element } from 'hast';
import type { ArticleRef, SiteArticle, SiteIssue, SitePage, SitePaper } from '../site.js';
import { articleTitle, excerpt, issueLabel, pageLabel } from './context.js';

/** Longest title shown in the column: enough to recognise an article, short enough to scan. */
const titleLength = 40;

/** The title a list shows for an article: briefs say so, as their page heading does. */
export function listTitle(item: ArticleRef): string {
  const title = excerpt(articleTitle(item), titleLength);
  return item.article.headline === null ? `简讯：${title}` : title;
}

/** The side column of `item`'s page: two navigation landmarks with their own headings. */
export function renderArticleSide(paper: SitePaper<ArticleRef>, issue: SiteIssue, page: SitePage, item: SiteArticle): Element {
  const articles = h(
    'ol',
    { className: ['side-list'] },
    page.articles.map((other) =>
      other === item
        ? h('li', [h('span', { className: ['side-current'], ariaCurrent: 'page' }, listTitle(other))])
        : h('li', [h('a', { href: other.url }, listTitle(other))]),
    ),
  );
  const pages = h(
    'ol',
    { className: ['side-list'] },
    issue.pages.map((other) =>
      h('li', [
        h('a', other === page ? { href: other.url, ariaCurrent: 'true', className: ['side-current'] } : { href: other.url }, pageLabel(other)),
        h('span', { className: ['side-count'] }, ` ${other.articles.length} 篇`),
      ]),
    ),
  );
  return h('div', { className: ['article-side'] }, [
    h('nav', { className: ['side-section'], ariaLabelledBy: 'side-ban' }, [
      h('h2', { id: 'side-ban' }, '本版文章'),
      h('p', { className: ['side-note'] }, `${pageLabel(page)} · 共 ${page.articles.length} 篇`),
      articles,
    ]),
    h('nav', { className: ['side-section'], ariaLabelledBy: 'side-issue' }, [
      h('h2', { id: 'side-issue' }, '本期各版'),
      h('p', { className: ['side-note'] }, [h('a', { href: issue.url }, `${paper.paper.name} ${issueLabel(issue)}`), ` · 共 ${issue.pages.length} 个版`]),
      pages,
    ]),
  ]);
}
