/**
 * Links from an article to the rest of its story and to its other copies: the 上接 / 下转 lines
 * (or what is missing from the archive), the link to the reading view of a story printed in
 * parts (`a[data-read-whole]`, contract §4), and the list of reprints (同文另见).
 */
import { h } from 'hastscript';
import type { Element } from 'hast';
import type { SiteArticle } from '../site.js';
import { wholeUrl } from '../parts.js';
import type { RenderContext } from './context.js';
import { issueLabel, lookup, pageLabel } from './context.js';
import { listTitle } from './article-side.js';

/**
 * A jump line: 上接第1版 / 下转第4版 as a link when the other part is in the archive; otherwise
 * the printed words with why there is no link (the 版 was not collected, or nothing on it
 * continues this article).
 */
export function jumpLine(ctx: RenderContext, item: SiteArticle, verb: '上接' | '下转'): Element | null {
  const where = verb === '上接' ? item.article.continuedFrom : item.article.continuedTo;
  const url = verb === '上接' ? item.continuedFromUrl : item.continuedToUrl;
  if (!where && !url) return null;
  const label = `${verb}${where ?? (verb === '上接' ? '前文' : '后文')}`;
  const className = ['jump', verb === '上接' ? 'jump-from' : 'jump-to'];
  if (url) return h('p', { className }, ['（', h('a', { href: url }, label), '）']);
  const issue = lookup(ctx.issueById, item.issueId, 'issue');
  const collected = where !== null && issue.pages.some((p) => p.label === where);
  return h('p', { className: [...className, 'jump-unresolved'] }, `（${label}${collected ? '，未找到接续部分' : '，本站未收'}）`);
}

/** For a story in parts: a link to the reading view of all of them, or null. */
export function readWholeLink(ctx: RenderContext, item: SiteArticle): Element | null {
  const first = item.parts[0];
  if (!first) return null;
  const head = lookup(ctx.articleById, first, 'article');
  const pages = new Set(item.parts.map((id) => lookup(ctx.articleById, id, 'article').pageId)).size;
  return h('p', { className: ['read-whole'] }, [
    h('a', { href: wholeUrl(head.url), dataReadWhole: '' }, '阅读全文'),
    `（本文分 ${item.parts.length} 部分刊于 ${pages} 个版）`,
  ]);
}

/** Copies listed on a page: a text printed in every district paper has 15 others; more is a formula, listed in the data API only. */
const MAX_REPRINTS_SHOWN = 20;

/** 同文另见: the other printings of the same text, each with its paper, date and 版; or null. */
export function reprintsSection(ctx: RenderContext, item: SiteArticle): Element | null {
  if (item.reprints.length === 0) return null;
  return h('section', { className: ['reprints'], ariaLabelledBy: 'reprints-title' }, [
    h('h2', { id: 'reprints-title' }, '同文另见'),
    h('ul', [
      ...item.reprints.slice(0, MAX_REPRINTS_SHOWN).map((id) => {
        const other = lookup(ctx.articleById, id, 'article');
        const paper = lookup(ctx.paperOfIssue, other.issueId, 'issue');
        const issue = lookup(ctx.issueById, other.issueId, 'issue');
        const page = lookup(ctx.pageById, other.pageId, '版');
        return h('li', [
          h('a', { href: other.url, dataReprint: '' }, listTitle(other)),
          h('span', { className: ['reprint-source'] }, ` ${paper.paper.name} ${issueLabel(issue)} ${pageLabel(page)}`),
        ]);
      }),
      item.reprints.length > MAX_REPRINTS_SHOWN ? h('li', { className: ['reprint-more'] }, `另有 ${item.reprints.length - MAX_REPRINTS_SHOWN} 篇（全部见数据接口的 reprints）`) : null,
    ]),
  ]);
}
