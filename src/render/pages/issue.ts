/** Issue page: metadata of one issue and its 版 in order, each with its articles in reading order. */
import { h } from 'hastscript';
import type { ElementContent } from 'hast';
import type { ArticleRef, SiteIssue, SitePaper } from '../../site.js';
import type { RenderContext } from '../context.js';
import { issueLabel, issueLongLabel, issueYear, pageLabel, yearUrl } from '../context.js';
import { renderArticleList } from '../article-list.js';
import type { PageSpec } from '../layout.js';
import type { Crumb } from '../breadcrumbs.js';

/** Breadcrumbs down to an issue: 首页 › paper › year › date. */
export function issueCrumbs(ctx: RenderContext, paper: SitePaper<ArticleRef>, issue: SiteIssue<ArticleRef>): Crumb[] {
  const year = issueYear(issue);
  return [
    { label: '首页', url: ctx.site.base },
    { label: paper.paper.name, url: paper.url },
    ...(year === null ? [] : [{ label: `${year}年`, url: yearUrl(paper, year) }]),
    { label: issueLabel(issue), url: issue.url },
  ];
}

/** Builds an issue page (`<issue.url>index.html`). */
export function issuePage(ctx: RenderContext, paper: SitePaper<ArticleRef>, issue: SiteIssue): PageSpec {
  const { site } = ctx;
  // By id: the paper lists the index's copy of the issue, which is not `issue` in the render worker.
  const position = paper.issues.findIndex((i) => i.id === issue.id);
  const previous = position > 0 ? paper.issues[position - 1] : undefined;
  const next = position >= 0 ? paper.issues[position + 1] : undefined;
  const articleCount = issue.pages.reduce((sum, page) => sum + page.articles.length, 0);

  const facts: ElementContent[] = [
    h('dt', '出版日期'),
    h('dd', [
      issue.date ? h('time', { dateTime: issue.date }, issueLongLabel(issue)) : '日期不详',
      issue.dateInferred ? h('span', { className: ['inferred'] }, '（日期由内容推断）') : null,
    ]),
  ];
  if (issue.issueNumber) facts.push(h('dt', '期号'), h('dd', issue.issueNumber));
  if (issue.totalNumber) facts.push(h('dt', '总期号'), h('dd', issue.totalNumber));
  facts.push(h('dt', '版面'), h('dd', `${issue.pages.length} 个版，${articleCount} 篇文章`));
  facts.push(h('dt', '数据'), h('dd', [h('a', { href: issue.api, type: 'application/json' }, '本期 JSON')]));

  const main: ElementContent[] = [
    h('h1', [h('span', { className: ['paper-name'] }, paper.paper.name), ' ', issueLabel(issue)]),
    h('dl', { className: ['facts'] }, facts),
  ];
  if (issue.dateInferred) {
    main.push(h('p', { className: ['note'] }, '日期由内容推断：这一期的版面没有印出日期，日期是根据文中的日期和年份线索推算的，可能有误。'));
  }
  issue.pages.forEach((page, index) => {
    const headingId = `ban-${index + 1}`;
    main.push(
      h('section', { className: ['ban'], ariaLabelledBy: headingId }, [
        h('h2', { id: headingId }, [h('a', { href: page.url }, pageLabel(page))]),
        page.articles.length > 0 ? renderArticleList(page.articles, { excerpts: false }) : h('p', '本版没有识别出文章。'),
      ]),
    );
  });
  if (previous || next) {
    main.push(
      h('nav', { className: ['pager'], ariaLabel: '上一期与下一期' }, [
        previous ? h('a', { href: previous.url, rel: ['prev'] }, `上一期：${issueLabel(previous)}`) : null,
        next ? h('a', { href: next.url, rel: ['next'] }, `下一期：${issueLabel(next)}`) : null,
      ]),
    );
  }
  return {
    url: issue.url,
    title: `${paper.paper.name} ${issueLabel(issue)}`,
    description: `${paper.paper.name} ${issueLongLabel(issue)}${issue.issueNumber ? ` ${issue.issueNumber}` : ''}：${issue.pages.length} 个版，${articleCount} 篇文章。`,
    breadcrumbs: issueCrumbs(ctx, paper, issue),
    main,
  };
}
