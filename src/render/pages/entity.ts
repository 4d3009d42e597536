/**
 * Entity pages (src/entities/): one per person, place or organisation mentioned in enough
 * articles, listing those articles by date with a chart of how many per year, and the index of
 * all of them by kind (`entities/`).
 */
import { h } from 'hastscript';
import type { ElementContent } from 'hast';
import type { SiteEntity } from '../../entities/archive.js';
import type { ArticleRef, SiteIndex } from '../../site.js';
import type { RenderContext } from '../context.js';
import { issueLabel, lookup } from '../context.js';
import { listTitle } from '../article-side.js';
import type { PageSpec } from '../layout.js';
import { renderYearChart } from '../year-chart.js';

/** How each kind is named on the pages. */
export const KIND_LABELS = { person: '人物', place: '地点', org: '机构' } as const;

/** URL of the index of entities. */
export function entitiesIndexUrl(base: string): string {
  return `${base}entities/`;
}

/** The index of entities, grouped by kind, each with its number of articles. */
export function entitiesIndexPage(ctx: RenderContext): PageSpec {
  const { site } = ctx;
  const entities = site.entities ?? [];
  const url = entitiesIndexUrl(site.base);
  const main: ElementContent[] = [
    h('h1', '人物、地点与机构'),
    h('p', { className: ['lead'] }, `文章中提到的人名、地名和机构名，由程序识别，可能有误。这里列出至少在两篇文章中出现的 ${entities.length} 个。`),
  ];
  for (const kind of ['person', 'place', 'org'] as const) {
    const list = entities.filter((e) => e.kind === kind);
    main.push(
      h('section', { className: ['entity-group'], ariaLabelledBy: `entities-${kind}` }, [
        h('h2', { id: `entities-${kind}` }, `${KIND_LABELS[kind]}（${list.length}）`),
        list.length === 0
          ? h('p', '暂无。')
          : h('ul', { className: ['entity-list'] }, list.map((e) => h('li', [h('a', { href: e.url }, e.name), h('span', { className: ['side-count'] }, ` ${e.articles.length} 篇`)]))),
      ]),
    );
  }
  return {
    url,
    title: '人物、地点与机构',
    description: '档案中提到的人物、地点与机构，每个都列出提到它的文章。',
    breadcrumbs: [
      { label: '首页', url: site.base },
      { label: '人物、地点与机构', url },
    ],
    main,
  };
}

/**
 * What each entity's page shows, by entity id: the entity and, for every article it lists, the
 * link, the title and the issue's date and paper. Part of the page's render key (src/reuse.ts),
 * so a page is rendered again exactly when one of these changes.
 */
export function entityPageShows(site: SiteIndex): Map<string, string> {
  const articleById = new Map(site.articles.map((a) => [a.id, a]));
  const issueById = new Map(site.papers.flatMap((p) => p.issues.map((i) => [i.id, i] as const)));
  const shows = new Map<string, string>();
  for (const entity of site.entities ?? []) {
    const items = entity.articles.map((id) => {
      const item = lookup(articleById, id, 'article');
      const issue = lookup(issueById, item.issueId, 'issue');
      return [item.url, listTitle(item), issue.date, issueLabel(issue), issue.paper.name];
    });
    shows.set(entity.id, JSON.stringify([entity, items]));
  }
  return shows;
}

/** One entity's page: its articles by date and a chart of articles per year. */
export function entityPage(ctx: RenderContext, entity: SiteEntity, articleById: ReadonlyMap<string, ArticleRef>): PageSpec {
  const { site } = ctx;
  const label = KIND_LABELS[entity.kind];
  const items = entity.articles.map((id) => {
    const item = lookup(articleById, id, 'article');
    const issue = lookup(ctx.issueById, item.issueId, 'issue');
    const paper = lookup(ctx.paperOfIssue, item.issueId, 'issue');
    return h('li', [
      issue.date ? h('time', { dateTime: issue.date }, issueLabel(issue)) : issueLabel(issue),
      ` · ${paper.paper.name} · `,
      h('a', { href: item.url }, listTitle(item)),
    ]);
  });
  const main: ElementContent[] = [
    h('hgroup', [h('p', { className: ['kicker'] }, label), h('h1', entity.name)]),
    h('p', { className: ['lead'] }, `${entity.articles.length} 篇文章提到${label}“${entity.name}”。`),
  ];
  if (entity.years.length > 0) {
    main.push(h('section', { ariaLabelledBy: 'entity-years' }, [h('h2', { id: 'entity-years' }, '每年篇数'), renderYearChart(entity.years, 'entity-chart', entity.name)]));
  }
  main.push(h('section', { ariaLabelledBy: 'entity-articles' }, [h('h2', { id: 'entity-articles' }, '相关文章（按日期）'), h('ol', { className: ['entity-articles'] }, items)]));
  return {
    url: entity.url,
    title: `${entity.name}（${label}）`,
    description: `${entity.articles.length} 篇文章提到${label}“${entity.name}”，按日期排列。`,
    breadcrumbs: [
      { label: '首页', url: site.base },
      { label: '人物、地点与机构', url: entitiesIndexUrl(site.base) },
      { label: entity.name, url: entity.url },
    ],
    main,
  };
}
