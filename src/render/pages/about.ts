/** About page: templates/about.md rendered through remark → rehype. */
import type { ElementContent } from 'hast';
import type { RenderContext } from '../context.js';
import type { PageSpec } from '../layout.js';
import { resolveUrls } from '../layout.js';
import { markdownToHast } from '../templates.js';
import { eachElement, stripPositions, textOf } from '../tree.js';

/** Builds `about/index.html` from the Markdown text of about.md; its first heading is the title. */
export function aboutPage(ctx: RenderContext, markdown: string): PageSpec {
  const { site } = ctx;
  const tree = markdownToHast(markdown);
  stripPositions(tree);
  resolveUrls(tree, site.base);
  let title = '';
  let description = '';
  eachElement(tree, (element) => {
    if (!title && element.tagName === 'h1') title = textOf(element);
    if (!description && element.tagName === 'p') description = textOf(element);
  });
  return {
    url: `${site.base}about/`,
    title: title || '关于',
    description: description || '关于本站。',
    breadcrumbs: [
      { label: '首页', url: site.base },
      { label: '关于', url: `${site.base}about/` },
    ],
    main: [{ type: 'element', tagName: 'div', properties: { className: ['prose'] }, children: tree.children as ElementContent[] }],
  };
}
