/** Year page: a paper's calendar for one year, all twelve months. */
import { h } from 'hastscript';
import type { ElementContent } from 'hast';
import type { ArticleRef, SiteIssue, SitePaper } from '../../site.js';
import type { RenderContext } from '../context.js';
import { yearUrl } from '../context.js';
import { renderIssueList } from '../article-list.js';
import { renderMonth } from '../calendar.js';
import type { PageSpec } from '../layout.js';
import { calendarLinks } from './paper.js';

/** Builds a paper's year calendar (`<paper.url><yyyy>/index.html`); `years` lists all years with issues. */
export function yearPage(ctx: RenderContext, paper: SitePaper<ArticleRef>, year: number, issues: ReadonlyArray<SiteIssue<ArticleRef>>, years: readonly number[]): PageSpec {
  const { site } = ctx;
  const links = calendarLinks(issues);
  const index = years.indexOf(year);
  const previous = index > 0 ? years[index - 1] : undefined;
  const next = index >= 0 ? years[index + 1] : undefined;
  const main: ElementContent[] = [
    h('h1', `${paper.paper.name} ${year}年`),
    h('p', { className: ['lead'] }, `${year}年共收录 ${issues.length} 期；日历中带链接的日子有报纸。`),
    h('div', { className: ['calendars', 'calendars-year'] }, Array.from({ length: 12 }, (_, i) => renderMonth(year, i + 1, links))),
    h('h2', `${year}年各期`),
    renderIssueList(issues),
  ];
  if (previous !== undefined || next !== undefined) {
    main.push(
      h('nav', { className: ['pager'], ariaLabel: '其他年份' }, [
        previous !== undefined ? h('a', { href: yearUrl(paper, previous), rel: ['prev'] }, `上一年：${previous}年`) : null,
        next !== undefined ? h('a', { href: yearUrl(paper, next), rel: ['next'] }, `下一年：${next}年`) : null,
      ]),
    );
  }
  return {
    url: yearUrl(paper, year),
    title: `${paper.paper.name} ${year}年`,
    description: `${paper.paper.name}${year}年的出版日历：共 ${issues.length} 期。`,
    breadcrumbs: [
      { label: '首页', url: site.base },
      { label: paper.paper.name, url: paper.url },
      { label: `${year}年`, url: yearUrl(paper, year) },
    ],
    main,
  };
}
