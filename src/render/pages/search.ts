/** Search page: the layout around the search module's own content. */
import { h } from 'hastscript';
import { searchPageContent } from '../../search/page.js';
import type { RenderContext } from '../context.js';
import type { PageSpec } from '../layout.js';

/** Builds `search/index.html`; the form, results container and script come from src/search/page.ts. */
export function searchPage(ctx: RenderContext): PageSpec {
  const { site } = ctx;
  return {
    url: `${site.base}search/`,
    title: '搜索',
    description: '在全部区报文章中按关键词搜索标题和正文。',
    breadcrumbs: [
      { label: '首页', url: site.base },
      { label: '搜索', url: `${site.base}search/` },
    ],
    main: [h('h1', '搜索'), ...searchPageContent(site)],
  };
}
