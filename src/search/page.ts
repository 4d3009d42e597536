/** The search page's main content (form, filters, results container) as hast. */
import { h } from 'hastscript';
import type { ElementContent } from 'hast';
import type { Site } from '../site.js';

/** Builds the search page body; the layout around it comes from the renderer. */
export function searchPageContent(site: Site): ElementContent[] {
  return [
    h('form', { role: 'search', action: `${site.base}search/`, method: 'get' }, [
      h('label', { for: 'q' }, '搜索'),
      h('input', { id: 'q', name: 'q', type: 'search' }),
      h('button', { type: 'submit' }, '搜索'),
    ]),
    h('p', [h('span', { dataResultCount: '' }, '0'), ' 篇']),
    h('ol', { id: 'results', dataSearchStatus: 'loading' }),
    h('script', { type: 'module', src: `${site.base}assets/search.js` }),
  ];
}
