/** 版 page: one printed page's articles in reading order, with links to the neighbouring 版. */
import { h } from 'hastscript';
import type { ElementContent } from 'hast';
import type { ArticleRef, SiteIssue, SitePage, SitePaper } from '../../site.js';
import type { RenderContext } from '../context.js';
import { issueLabel, pageLabel } from '../context.js';
import { renderArticleList } from '../article-list.js';
import type { PageSpec } from '../layout.js';
import type { Crumb } from '../breadcrumbs.js';
import { issueCrumbs } from './issue.js';

/** Breadcrumbs down to a 版: the issue's trail plus the 版. */
export function banCrumbs(ctx: RenderContext, paper: SitePaper<ArticleRef>, issue: SiteIssue<ArticleRef>, page: SitePage<ArticleRef>): Crumb[] {
  return [...issueCrumbs(ctx, paper, issue), { label: pageLabel(page), url: page.url }];
}

/** Builds a 版 page (`<page.url>index.html`). */
export function banPage(ctx: RenderContext, paper: SitePaper<ArticleRef>, issue: SiteIssue, page: SitePage): PageSpec {
  const index = issue.pages.indexOf(page);
  const previous = index > 0 ? issue.pages[index - 1] : undefined;
  const next = index >= 0 ? issue.pages[index + 1] : undefined;
  const main: ElementContent[] = [
    h('h1', [h('span', { className: ['paper-name'] }, `${paper.paper.name} ${issueLabel(issue)}`), ' ', pageLabel(page)]),
    page.articles.length > 0 ? renderArticleList(page.articles, { excerpts: true }) : h('p', '本版没有识别出文章。'),
    h('nav', { className: ['pager'], ariaLabel: '上一版与下一版' }, [
      previous ? h('a', { href: previous.url, rel: ['prev'] }, `上一版：${pageLabel(previous)}`) : h('span', { className: ['pager-none'] }, '已是第一个版'),
      h('a', { href: issue.url }, '本期目录'),
      next ? h('a', { href: next.url, rel: ['next'] }, `下一版：${pageLabel(next)}`) : h('span', { className: ['pager-none'] }, '已是最后一个版'),
    ]),
  ];
  return {
    url: page.url,
    title: `${pageLabel(page)} · ${paper.paper.name} ${issueLabel(issue)}`,
    description: `${paper.paper.name} ${issueLabel(issue)} ${pageLabel(page)}：${page.articles.length} 篇文章。`,
    breadcrumbs: banCrumbs(ctx, paper, issue, page),
    main,
  };
}
