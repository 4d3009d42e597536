/** Article page: headline hierarchy, metadata, body with intertitles, captions, continuations, neighbours, side column. */
import { h } from 'hastscript';
import type { Element, ElementContent } from 'hast';
import type { ArticleRef, SiteArticle, SiteIssue, SitePage, SitePaper } from '../../site.js';
import type { RenderContext } from '../context.js';
import { articleTitle, excerpt, issueLabel, issueLongLabel, lookup, pageLabel } from '../context.js';
import { articleBodyHast } from '../article-body.js';
import { listTitle, renderArticleSide } from '../article-side.js';
import { jsonLdScript } from '../json-ld.js';
import type { PageSpec } from '../layout.js';
import { banCrumbs } from './ban.js';
import { jumpLine, readWholeLink, reprintsSection } from '../article-links.js';
import { renderArticleExtras } from '../article-extras.js';
import { renderCitation } from '../article-cite.js';
import { referenceOf } from '../../cite/index.js';

/** 上一篇 / 下一篇 with the neighbour's title, or null at the issue's ends. */
function neighbourLink(ctx: RenderContext, url: string | null, rel: 'prev' | 'next'): Element | null {
  if (!url) return null;
  const other = lookup(ctx.articleByUrl, url, 'article');
  return h('a', { href: url, rel: [rel], className: [`pager-${rel}`] }, [
    h('span', { className: ['pager-dir'] }, rel === 'prev' ? '上一篇' : '下一篇'),
    ' ',
    h('span', { className: ['pager-title'] }, listTitle(other)),
  ]);
}

/** Builds an article page (`<article.url>index.html`) of `item`, printed on `page` of `issue`. */
export function articlePage(ctx: RenderContext, paper: SitePaper<ArticleRef>, issue: SiteIssue, page: SitePage, item: SiteArticle): PageSpec {
  const { site } = ctx;
  const { article } = item;
  const title = articleTitle(item);
  const brief = article.headline === null;

  const heading: ElementContent[] = [];
  if (article.kicker) heading.push(h('p', { className: ['kicker'] }, article.kicker));
  heading.push(h('h1', { id: 'article-title', className: brief ? ['headline', 'brief-title'] : ['headline'] }, brief ? `简讯：${title}` : title));
  if (article.subheadline) heading.push(h('p', { className: ['subheadline'] }, article.subheadline));

  const header: ElementContent[] = [];
  if (article.section) header.push(h('p', { className: ['section-label'] }, article.section));
  header.push(heading.length > 1 ? h('hgroup', heading) : heading[0]!);
  if (article.bylines.length > 0) header.push(h('p', { className: ['byline'] }, `作者：${article.bylines.join('、')}`));
  // Where and when it was printed, up front: readers of an archive need the date first.
  header.push(
    h('p', { className: ['article-source'] }, [
      `${paper.paper.name} `,
      issue.date ? h('time', { dateTime: issue.date }, issueLongLabel(issue)) : issueLabel(issue),
      ` · ${pageLabel(page)}`,
    ]),
  );
  const whole = readWholeLink(ctx, item);
  if (whole) header.push(whole);

  const body: ElementContent[] = [];
  const from = jumpLine(ctx, item, '上接');
  if (from) body.push(from);
  body.push(...articleBodyHast(article));
  const to = jumpLine(ctx, item, '下转');
  if (to) body.push(to);

  const figures: ElementContent[] = article.captions.map((caption) =>
    h('figure', { className: ['caption'] }, [h('figcaption', [h('span', { className: ['caption-label'] }, '图片说明'), ' ', caption])]),
  );
  if (article.photoCredits.length > 0) figures.push(h('p', { className: ['photo-credit'] }, `摄影：${article.photoCredits.join('、')}`));

  const facts: ElementContent[] = [];
  if (article.section) facts.push(h('dt', '栏目'), h('dd', article.section));
  if (article.dateline) facts.push(h('dt', '报道日期'), h('dd', article.dateline));
  facts.push(
    h('dt', '出处'),
    h('dd', [
      h('a', { href: issue.url }, `${paper.paper.name} ${issueLongLabel(issue)}`),
      issue.dateInferred ? h('span', { className: ['inferred'] }, '（日期由内容推断）') : null,
      '，',
      h('a', { href: page.url }, pageLabel(page)),
    ]),
  );

  const notes: ElementContent[] = [];
  if (article.incomplete) {
    notes.push(h('p', { className: ['note'] }, '这篇文章在本版上不完整：开头或结尾印在其他版面，或原版面文字缺失。'));
  }

  const articleElement = h('article', { className: ['article'], ariaLabelledBy: 'article-title' }, [
    h('header', { className: ['article-header'] }, header),
    h('div', { className: ['article-body'] }, body),
    ...figures,
    ...notes,
    reprintsSection(ctx, item),
    h('footer', { className: ['article-footer'] }, [h('dl', { className: ['facts'] }, facts)]),
  ]);
  const pager = h('nav', { className: ['pager', 'article-pager'], ariaLabel: '上一篇与下一篇' }, [
    neighbourLink(ctx, item.prevUrl, 'prev') ?? h('span', { className: ['pager-none', 'pager-prev'] }, '已是本期第一篇'),
    neighbourLink(ctx, item.nextUrl, 'next') ?? h('span', { className: ['pager-none', 'pager-next'] }, '已是本期最后一篇'),
    h('p', { className: ['pager-up'] }, [h('a', { href: page.url }, `返回${pageLabel(page)}`), h('a', { href: issue.url }, '返回本期目录')]),
  ]);
  // The article and its pager are the reading column; the side column follows them, or on wide
  // screens stands beside them (site.css).
  const main: ElementContent[] = [
    h('div', { className: ['article-layout'] }, [h('div', { className: ['article-main'] }, [articleElement, ...renderArticleExtras(item), renderCitation(referenceOf(site, issue, page, item)), pager]), renderArticleSide(paper, issue, page, item)]),
  ];

  const jsonLd: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: excerpt(title, 110),
    ...(article.subheadline ? { alternativeHeadline: article.subheadline } : {}),
    ...(article.section ? { articleSection: article.section } : {}),
    ...(article.bylines.length > 0 ? { author: article.bylines.map((name) => ({ '@type': 'Person', name })) } : {}),
    ...(issue.date ? { datePublished: issue.date } : {}),
    inLanguage: 'zh-CN',
    url: item.url,
    mainEntityOfPage: item.url,
    ...(page.number !== null ? { pageStart: String(page.number) } : {}),
    publisher: { '@type': 'Organization', name: paper.paper.name },
    isPartOf: {
      '@type': 'PublicationIssue',
      ...(issue.issueNumber ? { issueNumber: issue.issueNumber } : {}),
      ...(issue.date ? { datePublished: issue.date } : {}),
      isPartOf: { '@type': 'Periodical', name: paper.paper.name },
    },
  };

  const first = article.paragraphs[0] ?? '';
  return {
    url: item.url,
    title: `${excerpt(title, 40)} · ${paper.paper.name} ${issueLabel(issue)}`,
    description: excerpt(first || title, 100),
    breadcrumbs: [...banCrumbs(ctx, paper, issue, page), { label: excerpt(title, 16), url: item.url }],
    main,
    ogType: 'article',
    head: [
      ...(issue.date ? [h('meta', { property: 'article:published_time', content: issue.date })] : []),
      ...(article.section ? [h('meta', { property: 'article:section', content: article.section })] : []),
      jsonLdScript(jsonLd),
      h('script', { type: 'module', src: `${site.base}assets/highlight.js` }),
      h('script', { type: 'module', src: `${site.base}assets/cite.js` }),
    ],
  };
}
