/** Home page: a search box, then every paper with its latest issues. */
import { h } from 'hastscript';
import type { ElementContent } from 'hast';
import type { RenderContext } from '../context.js';
import { issueLabel } from '../context.js';
import { renderIssueList } from '../article-list.js';
import type { PageSpec } from '../layout.js';
import { ON_THIS_DAY_DIR } from '../../on-this-day.js';

/** How many recent issues the home page shows per paper. */
const latestCount = 5;

/** Builds the home page (`index.html`). */
export function homePage(ctx: RenderContext): PageSpec {
  const { site, layout } = ctx;
  const issueCount = site.papers.reduce((sum, paper) => sum + paper.issues.length, 0);
  const main: ElementContent[] = [
    h('h1', layout.siteName),
    h('p', { className: ['lead'] }, [
      `收录 ${site.papers.length} 种区报、${issueCount} 期、${site.articles.length} 篇文章。按报纸和日期浏览，或`,
      h('a', { href: `${site.base}search/` }, '搜索全文'),
      '。',
    ]),
    // A plain GET form, like the header's: it lands on the search page, which runs ?q= on load.
    h('form', { className: ['home-search'], role: 'search', ariaLabel: '搜索全部文章', action: `${site.base}search/`, method: 'get' }, [
      h('label', { for: 'home-search-q' }, '搜索全部文章'),
      h('div', { className: ['home-search-row'] }, [
        h('input', { id: 'home-search-q', name: 'q', type: 'search', placeholder: '人名、地名或词语', autoComplete: 'off', enterKeyHint: 'search' }),
        h('button', { type: 'submit' }, '搜索'),
      ]),
    ]),
  ];
  // 历史上的今天: an empty slot that assets/on-this-day.js fills for the reader's date (or leaves empty).
  main.push(h('div', { className: ['on-this-day-slot'], dataOnThisDay: `${site.base}${ON_THIS_DAY_DIR}` }));
  if (site.papers.length === 0) main.push(h('p', '还没有收录任何报纸。'));
  main.push(
    h(
      'ul',
      { className: ['paper-list'] },
      site.papers.map((paper) => {
        // Issues come in date order with undated ones last: newest dated first reads best here.
        const dated = paper.issues.filter((issue) => issue.date !== null).reverse();
        const undated = paper.issues.filter((issue) => issue.date === null);
        const latest = [...dated, ...undated].slice(0, latestCount);
        const first = dated[dated.length - 1];
        const last = dated[0];
        const span = first && last && first !== last ? `${issueLabel(first)}至${issueLabel(last)}` : first ? issueLabel(first) : '';
        return h('li', { className: ['paper-card'] }, [
          h('h2', [h('a', { href: paper.url }, paper.paper.name)]),
          h('p', { className: ['paper-facts'] }, [paper.paper.district, `${paper.issues.length} 期`, span].filter(Boolean).join(' · ')),
          h('h3', { className: ['visually-hidden'] }, `${paper.paper.name}最新各期`),
          renderIssueList(latest),
        ]);
      }),
    ),
  );
  return {
    url: site.base,
    title: layout.siteName,
    description: `上海区报文字档案：${site.papers.map((paper) => paper.paper.name).join('、') || '暂无报纸'}，按期按版阅读，全文可搜索。`,
    breadcrumbs: [{ label: '首页', url: site.base }],
    main,
    head: [h('script', { type: 'module', src: `${site.base}assets/on-this-day.js` })],
  };
}
