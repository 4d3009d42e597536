/**
 * The article page's links into the rest of the archive: the people, places and organisations
 * it mentions (src/entities/; linked when they have a page) and its related articles
 * ("相关报道", src/related/).
 */
import { h } from 'hastscript';
import type { Element, ElementContent } from 'hast';
import type { SiteArticle } from '../site.js';
import { excerpt } from './context.js';
import { KIND_LABELS } from './pages/entity.js';

/** The sections, or nothing when the article has neither entities nor related articles. */
export function renderArticleExtras(item: SiteArticle): Element[] {
  const out: Element[] = [];
  const entities = item.entities ?? [];
  if (entities.length > 0) {
    const groups: ElementContent[] = [];
    for (const kind of ['person', 'place', 'org'] as const) {
      const list = entities.filter((e) => e.kind === kind);
      if (list.length === 0) continue;
      const names: ElementContent[] = list.flatMap((e, i): ElementContent[] => [
        ...(i > 0 ? [{ type: 'text' as const, value: '、' }] : []),
        e.url ? h('a', { href: e.url, dataEntity: e.kind }, e.name) : h('span', { dataEntity: e.kind }, e.name),
      ]);
      groups.push(h('dt', KIND_LABELS[kind]), h('dd', names));
    }
    out.push(h('section', { className: ['article-entities'], ariaLabelledBy: 'article-entities' }, [h('h2', { id: 'article-entities' }, '文中人物、地点与机构'), h('dl', { className: ['facts'] }, groups)]));
  }
  const related = item.related ?? [];
  if (related.length > 0) {
    out.push(
      h('nav', { className: ['article-related'], ariaLabelledBy: 'article-related' }, [
        h('h2', { id: 'article-related' }, '相关报道'),
        h('ol', related.map((r) => h('li', [h('a', { href: r.url, dataRelated: '' }, excerpt(r.title, 40))]))),
      ]),
    );
  }
  return out;
}
