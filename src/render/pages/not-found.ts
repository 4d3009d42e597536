/** 404 page: served for any missing path, so every link in it is absolute with the base. */
import { h } from 'hastscript';
import type { RenderContext } from '../context.js';
import type { PageSpec } from '../layout.js';

/** Builds `404.html`. */
export function notFoundPage(ctx: RenderContext): PageSpec {
  const { site } = ctx;
  return {
    url: `${site.base}404.html`,
    file: '404.html',
    title: '页面不存在',
    description: '找不到这个页面。',
    breadcrumbs: [
      { label: '首页', url: site.base },
      { label: '页面不存在', url: `${site.base}404.html` },
    ],
    main: [
      h('h1', '页面不存在'),
      h('p', '这个网址没有对应的页面。它可能输错了，或者文章已经换了位置。'),
      h('ul', [
        h('li', [h('a', { href: site.base }, '回到首页'), '，按报纸和日期浏览']),
        h('li', [h('a', { href: `${site.base}search/` }, '搜索文章'), '，按标题或正文中的词查找']),
      ]),
    ],
    head: [h('meta', { name: 'robots', content: 'noindex' })],
  };
}
