/** Search page: the layout around the search module's own content, with Chinese date fields. */
import { h } from 'hastscript';
import { select } from 'hast-util-select';
import type { Element, ElementContent } from 'hast';
import { searchPageContent } from '../../search/page.js';
import type { RenderContext } from '../context.js';
import type { PageSpec } from '../layout.js';
import { renderDateField } from '../date-select.js';
import { textOf } from '../tree.js';

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
    main: [h('h1', '搜索'), ...searchPageContent(site).map(withChineseDates)],
  };
}

/**
 * Replaces each `<label>起始日期 <input type=date name=from></label>` of the search module's form
 * with 年/月/日 selects (src/render/date-select.ts), keeping its name, label, id and bounds.
 */
export function withChineseDates(node: ElementContent): ElementContent {
  if (node.type !== 'element') return node;
  const input = node.tagName === 'label' ? select('input[type="date"]', node) : undefined;
  if (input) return dateField(node, input);
  return { ...node, children: node.children.map(withChineseDates) };
}

function dateField(label: Element, input: Element): Element {
  const prop = (key: string): string => (typeof input.properties[key] === 'string' ? (input.properties[key] as string) : '');
  const name = prop('name');
  const year = (iso: string): number => Number(iso.slice(0, 4));
  const [min, max] = [prop('min'), prop('max')];
  return renderDateField({
    name,
    legend: textOf(label).trim(),
    id: prop('id') || `date-${name}`,
    ...(/^\d{4}-/.test(min) && /^\d{4}-/.test(max) ? { years: { first: year(min), last: year(max) } } : {}),
  });
}
