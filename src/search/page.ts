/** The search page's main content (form, filters, results container) as hast. */
import { h } from 'hastscript';
import type { ElementContent } from 'hast';
import type { SiteIndex } from '../site.js';
import { META_PATH } from './format.js';

/** Earliest and latest issue dates in the archive, for the date inputs' bounds. */
function dateRange(site: SiteIndex): { min?: string; max?: string } {
  const dates = site.papers
    .flatMap((p) => p.issues.map((i) => i.date))
    .filter((d): d is string => d !== null)
    .sort();
  return dates.length ? { min: dates[0]!, max: dates[dates.length - 1]! } : {};
}

/**
 * Builds the search page body; the layout around it comes from the renderer. The script reads
 * the index from `data-search-index` (so any base path works) and fills the results container;
 * `data-search-status` starts as `loading` and the count as 0 (contract §3).
 */
export function searchPageContent(site: SiteIndex): ElementContent[] {
  const root = `${site.base}search/`;
  const range = dateRange(site);
  return [
    h('link', { rel: 'stylesheet', href: `${site.base}assets/search.css` }),
    // Start the one file every query needs while search.js loads (saves a round trip).
    h('link', { rel: 'preload', href: `${root}${META_PATH}`, as: 'fetch', crossOrigin: 'anonymous' }),
    h('form', { role: 'search', action: root, method: 'get', id: 'search-form', className: ['search-form'], dataSearchIndex: root }, [
      h('div', { className: ['search-box'] }, [
        h('label', { for: 'q' }, '搜索全文'),
        h('input', {
          id: 'q',
          name: 'q',
          type: 'search',
          autocomplete: 'off',
          enterKeyHint: 'search',
          ariaDescribedBy: 'search-help',
          ariaKeyShortcuts: '/',
        }),
        h('button', { type: 'submit' }, '搜索'),
      ]),
      h(
        'p',
        { id: 'search-help', className: ['search-help'] },
        '输入人名、地名或词语，多个词用空格分开（须全部出现）；用引号搜索整个短语。繁体、全角均可。按 / 键回到搜索框。',
      ),
      h('fieldset', { className: ['search-filters'] }, [
        h('legend', '筛选与排序'),
        h('label', [
          '报纸 ',
          h('select', { name: 'paper', id: 'search-paper' }, [
            h('option', { value: '' }, '全部报纸'),
            ...site.papers.map((p) => h('option', { value: p.paper.id }, p.paper.name)),
          ]),
        ]),
        h('label', ['起始日期 ', h('input', { type: 'date', name: 'from', id: 'search-from', ...range })]),
        h('label', ['截止日期 ', h('input', { type: 'date', name: 'to', id: 'search-to', ...range })]),
        h('label', [
          '排序 ',
          h('select', { name: 'sort', id: 'search-sort' }, [
            h('option', { value: 'relevance' }, '相关度'),
            h('option', { value: 'date' }, '日期（新→旧）'),
            h('option', { value: 'date-asc' }, '日期（旧→新）'),
          ]),
        ]),
      ]),
    ]),
    h('p', { id: 'search-summary', className: ['search-summary'], ariaLive: 'polite' }, [
      '找到 ',
      h('span', { dataResultCount: '' }, '0'),
      ' 篇文章',
      h('span', { id: 'search-range' }),
    ]),
    h('p', { id: 'search-message', className: ['search-message'], role: 'status', hidden: true }),
    h('ol', { id: 'results', className: ['search-results'], dataSearchStatus: 'loading', ariaBusy: 'true', ariaLabel: '搜索结果' }),
    h('nav', { id: 'search-pages', className: ['search-pages'], ariaLabel: '结果分页', hidden: true }),
    h('noscript', h('p', '搜索需要启用 JavaScript。')),
    h('script', { type: 'module', src: `${site.base}assets/search.js` }),
  ];
}
