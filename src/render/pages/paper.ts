/** Paper page: the paper's issues grouped by year, a calendar for each month with issues. */
import { h } from 'hastscript';
import type { Element, ElementContent } from 'hast';
import type { ArticleRef, SiteIssue, SitePaper } from '../../site.js';

type IssueRef = SiteIssue<ArticleRef>;
import type { RenderContext } from '../context.js';
import { issueLabel, issueYear, yearUrl } from '../context.js';
import { renderIssueList } from '../article-list.js';
import { renderMonth, type CalendarLink } from '../calendar.js';
import { parseIsoDate } from '../dates.js';
import type { PageSpec } from '../layout.js';

/** Dated issues keyed by ISO date; the first issue of a day wins (later ones are in the list). */
export function calendarLinks(issues: readonly IssueRef[]): Map<string, CalendarLink> {
  const links = new Map<string, CalendarLink>();
  for (const issue of issues) {
    if (issue.date && parseIsoDate(issue.date) && !links.has(issue.date)) {
      links.set(issue.date, { url: issue.url, label: issue.issueNumber ? `${issueLabel(issue)} ${issue.issueNumber}` : issueLabel(issue) });
    }
  }
  return links;
}

/** Issues grouped by year (ascending), undated issues apart. */
export function issuesByYear<I extends IssueRef>(paper: { issues: readonly I[] }): { years: Map<number, I[]>; undated: I[] } {
  const years = new Map<number, I[]>();
  const undated: I[] = [];
  for (const issue of paper.issues) {
    const year = issueYear(issue);
    if (year === null) undated.push(issue);
    else years.set(year, [...(years.get(year) ?? []), issue]);
  }
  return { years: new Map([...years].sort(([a], [b]) => a - b)), undated };
}

/** Months (1–12) in which the issues fall, ascending. */
function monthsOf(issues: readonly IssueRef[]): number[] {
  const months = new Set<number>();
  for (const issue of issues) {
    const date = parseIsoDate(issue.date);
    if (date) months.add(date.month);
  }
  return [...months].sort((a, b) => a - b);
}

/** Builds a paper's page (`<paper.url>index.html`). */
export function paperPage(ctx: RenderContext, paper: SitePaper<ArticleRef>): PageSpec {
  const { site } = ctx;
  const { years, undated } = issuesByYear(paper);
  const links = calendarLinks(paper.issues);
  const main: ElementContent[] = [
    h('h1', paper.paper.name),
    h('p', { className: ['lead'] }, `${paper.paper.district ? `${paper.paper.district}区报，` : ''}本站收录 ${paper.issues.length} 期。`),
  ];
  for (const [year, issues] of years) {
    const headingId = `year-${year}`;
    const calendars: Element[] = monthsOf(issues).map((month) => renderMonth(year, month, links));
    main.push(
      h('section', { className: ['year'], ariaLabelledBy: headingId }, [
        h('h2', { id: headingId }, `${year}年`),
        h('p', [h('a', { href: yearUrl(paper, year) }, `${year}年全年日历`), `（${issues.length} 期）`]),
        h('div', { className: ['calendars'] }, calendars),
        renderIssueList(issues),
      ]),
    );
  }
  if (undated.length > 0) {
    main.push(
      h('section', { className: ['year'], ariaLabelledBy: 'undated' }, [
        h('h2', { id: 'undated' }, '日期不详'),
        renderIssueList(undated),
      ]),
    );
  }
  return {
    url: paper.url,
    title: paper.paper.name,
    description: `${paper.paper.name}${paper.paper.district ? `（${paper.paper.district}）` : ''}的文字档案：${paper.issues.length} 期，按年份和日历浏览。`,
    breadcrumbs: [
      { label: '首页', url: site.base },
      { label: paper.paper.name, url: paper.url },
    ],
    main,
    // The paper's Atom feed (src/feeds.ts), for feed readers.
    head: [h('link', { rel: 'alternate', type: 'application/atom+xml', title: `${paper.paper.name} 最新文章`, href: `${paper.url}feed.xml` })],
  };
}
