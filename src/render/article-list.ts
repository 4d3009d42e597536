/** Lists of articles (issue and 版 pages) and lists of issues (home, paper, year pages). */
import { h } from 'hastscript';
import type { Element, ElementContent } from 'hast';
import type { ArticleRef, SiteArticle, SiteIssue } from '../site.js';
import { articleTitle, excerpt, issueLongLabel, issueNumbers } from './context.js';

/** Articles in reading order: kicker above the headline, or the first words of a brief. */
export function renderArticleList(articles: readonly SiteArticle[], options: { excerpts: boolean }): Element {
  return h(
    'ol',
    { className: ['article-list'] },
    articles.map((item) => {
      const { article } = item;
      const brief = article.headline === null;
      const link: ElementContent[] = [];
      if (article.kicker) link.push(h('span', { className: ['kicker'] }, article.kicker));
      link.push(h('span', { className: [brief ? 'brief-title' : 'headline'] }, articleTitle(item)));
      const extra: ElementContent[] = [];
      if (article.subheadline) extra.push(h('p', { className: ['subheadline'] }, article.subheadline));
      const first = article.paragraphs[0];
      if (options.excerpts && !brief && first) extra.push(h('p', { className: ['excerpt'] }, excerpt(first, 80)));
      const notes = [
        article.section ? `栏目：${article.section}` : null,
        article.bylines.length > 0 ? `作者：${article.bylines.join('、')}` : null,
        brief ? '简讯' : null,
      ].filter((note): note is string => note !== null);
      if (notes.length > 0) extra.push(h('p', { className: ['article-notes'] }, notes.join(' · ')));
      return h('li', { className: brief ? ['brief'] : [] }, [h('a', { href: item.url }, link), ...extra]);
    }),
  );
}

/** Issues as a list of links: date with weekday and 第N期. */
export function renderIssueList(issues: ReadonlyArray<SiteIssue<ArticleRef>>): Element {
  return h(
    'ul',
    { className: ['issue-list'] },
    issues.map((issue) => {
      const numbers = issueNumbers(issue);
      return h('li', [
        h('a', { href: issue.url }, issueLongLabel(issue)),
        numbers ? h('span', { className: ['issue-numbers'] }, ` ${numbers}`) : null,
        issue.dateInferred ? h('span', { className: ['inferred'] }, '（日期由内容推断）') : null,
      ]);
    }),
  );
}
