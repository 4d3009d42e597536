/**
 * The reading view of a story printed in parts across 版 (`<first part's url>whole/`): every
 * part's text in reading order, each break marked by the 版 the text continues on (接第4版),
 * linked to that 版 and to the part's own page. It is not an article of its own: the search
 * index and the data API know only the parts, so a search finds the part that matched.
 */
import { h } from 'hastscript';
import type { ElementContent } from 'hast';
import type { ArticleRef, SiteArticle, SiteIssue, SitePaper } from '../../site.js';
import { wholeUrl } from '../../parts.js';
import type { RenderContext } from '../context.js';
import { articleTitle, excerpt, issueLabel, issueLongLabel, lookup, pageLabel } from '../context.js';
import { articleBodyHast } from '../article-body.js';
import { jumpLine } from '../article-links.js';
import type { PageSpec } from '../layout.js';
import { banCrumbs } from './ban.js';

/**
 * Builds the reading view of the story whose first part is `head` (its `parts` lists them all),
 * printed in `issue`: a story's parts are all in one issue (src/parts.ts), and their text is read from it.
 */
export function wholePage(ctx: RenderContext, paper: SitePaper<ArticleRef>, issue: SiteIssue, head: SiteArticle): PageSpec {
  const inIssue = new Map(issue.pages.flatMap((p) => p.articles.map((a) => [a.id, a] as const)));
  const parts = head.parts.map((id) => lookup(inIssue, id, 'article'));
  const firstPage = lookup(ctx.pageById, head.pageId, '版');
  const title = articleTitle(head);
  const url = wholeUrl(head.url);
  const bylines = [...new Set(parts.flatMap((p) => p.article.bylines))];

  const sections = parts.map((part, i): ElementContent => {
    const page = lookup(ctx.pageById, part.pageId, '版');
    const id = `part-${i + 1}`;
    // The break names the 版 the text goes on to, as the printed jump line does.
    const mark = h('p', { className: ['part-break'], id, dataPartBreak: String(i + 1) }, [
      i === 0 ? '刊于' : '接',
      h('a', { href: page.url }, pageLabel(page)),
      ' · ',
      h('a', { href: part.url }, i === 0 ? '本部分原文' : `本部分原文：${excerpt(articleTitle(part), 20)}`),
    ]);
    const body: ElementContent[] = [mark];
    if (part.article.subheadline && i > 0) body.push(h('p', { className: ['subheadline'] }, part.article.subheadline));
    body.push(...articleBodyHast(part.article));
    // Where the last part still jumps on (to a 版 not in the archive), say so.
    const on = i === parts.length - 1 ? jumpLine(ctx, part, '下转') : null;
    if (on) body.push(on);
    return h('section', { className: ['whole-part', 'article-body'], ariaLabelledBy: id }, body);
  });
  const before = jumpLine(ctx, head, '上接');

  const main: ElementContent[] = [
    h('article', { className: ['article', 'whole'], ariaLabelledBy: 'article-title' }, [
      h('header', { className: ['article-header'] }, [
        head.article.kicker ? h('p', { className: ['kicker'] }, head.article.kicker) : null,
        h('h1', { id: 'article-title', className: ['headline'] }, title),
        head.article.subheadline ? h('p', { className: ['subheadline'] }, head.article.subheadline) : null,
        bylines.length > 0 ? h('p', { className: ['byline'] }, `作者：${bylines.join('、')}`) : null,
        h('p', { className: ['article-source'] }, [
          `${paper.paper.name} `,
          issue.date ? h('time', { dateTime: issue.date }, issueLongLabel(issue)) : issueLabel(issue),
          ` · 全文 ${parts.length} 部分，${[...new Set(parts.map((p) => lookup(ctx.pageById, p.pageId, '版').label))].join('、')}`,
        ]),
      ]),
      before ? h('div', { className: ['article-body'] }, [before]) : null,
      ...sections,
    ]),
    h('p', { className: ['pager-up'] }, [h('a', { href: head.url }, '返回首个部分'), h('a', { href: issue.url }, '返回本期目录')]),
  ];
  return {
    url,
    title: `${excerpt(title, 40)}（全文）· ${paper.paper.name} ${issueLabel(issue)}`,
    description: excerpt(head.article.paragraphs[0] ?? title, 100),
    breadcrumbs: [...banCrumbs(ctx, paper, issue, firstPage), { label: excerpt(title, 16), url: head.url }, { label: '全文', url }],
    main,
  };
}
