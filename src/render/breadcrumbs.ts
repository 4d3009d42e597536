/** Breadcrumb trail: where a page sits in site → paper → year/issue → 版 → article. */
import { h } from 'hastscript';
import type { Element } from 'hast';

/** One step of the trail; the last step is the current page and is not linked. */
export interface Crumb {
  label: string;
  url: string;
}

/** The trail as an ordered list; the current page carries aria-current. */
export function renderBreadcrumbs(crumbs: readonly Crumb[]): Element {
  return h(
    'ol',
    crumbs.map((crumb, index) =>
      index === crumbs.length - 1
        ? h('li', [h('span', { ariaCurrent: 'page' }, crumb.label)])
        : h('li', [h('a', { href: crumb.url }, crumb.label)]),
    ),
  );
}
