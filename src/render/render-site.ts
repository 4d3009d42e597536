/** renderSite: every HTML page of the site from the Site model and the templates. */
import type { ArticleRef, Site, SiteIndex, SiteIssue } from '../site.js';
import type { OutputFile } from '../types.js';
import { createContext } from './context.js';
import { prepareLayout, renderPage, type PageSpec } from './layout.js';
import { templateText, type Templates } from './templates.js';
import { homePage } from './pages/home.js';
import { issuesByYear, paperPage } from './pages/paper.js';
import { yearPage } from './pages/year.js';
import { issuePage } from './pages/issue.js';
import { banPage } from './pages/ban.js';
import { articlePage } from './pages/article.js';
import { wholePage } from './pages/whole.js';
import { searchPage } from './pages/search.js';
import { aboutPage } from './pages/about.js';
import { notFoundPage } from './pages/not-found.js';
import { entitiesIndexPage, entityPage } from './pages/entity.js';
import { citationFiles } from '../cite/index.js';

/** Entity pages rendered per batch (bounds what is held before it is written). */
const ENTITY_BATCH = 500;

export interface RenderOptions {
  /**
   * Issues whose pages (issue, 版, articles) are not rendered because the caller reuses them from
   * the previous build (see src/reuse.ts); every other page is rendered as usual.
   */
  skipIssues?: ReadonlySet<string>;
  /** Entities whose pages are reused from the previous build in the same way (by entity id). */
  skipEntities?: ReadonlySet<string>;
  /**
   * Also the citation files of each issue's articles (src/cite/), in the issue's batch: they sit
   * beside the article pages and are written and reused with them. The build wants them.
   */
  citations?: boolean;
}

/** Renders all pages; pure and deterministic (same Site and templates → identical files, same order). */
export function renderSite(site: Site, templates: Templates, options: RenderOptions = {}): OutputFile[] {
  return [...renderSiteBatches(site, templates, options)].flat();
}

/**
 * Renders the pages in batches — the site-wide pages, then each paper's pages, then each issue's
 * pages — so a caller can write one batch before the next is made and memory stays bounded.
 * Together the batches are exactly `renderSite`'s files, in the same order.
 */
export function* renderSiteBatches(site: Site, templates: Templates, options: RenderOptions = {}): Generator<OutputFile[]> {
  // The site is its own index: the issues it lists are the ones to render, in full.
  for (const part of renderSiteParts(site, templates, options)) yield Array.isArray(part) ? part : part.render(part.issue as SiteIssue);
}

/** An issue whose pages come next in the order of the batches: `render` takes it with its articles in full. */
export interface IssueToRender {
  /** The issue as the index has it. */
  issue: SiteIssue<ArticleRef>;
  render(issue: SiteIssue): OutputFile[];
}

/**
 * `renderSiteBatches` from the site's index (src/site.ts): the batches of site-wide and paper
 * pages as they are, and in place of each issue's batch the issue to render, which the caller
 * renders once it has the issue's articles in full. The render worker holds the index and one
 * issue at a time this way, not the archive's text.
 */
export function* renderSiteParts(site: SiteIndex, templates: Templates, options: RenderOptions = {}): Generator<OutputFile[] | IssueToRender> {
  if (!site.base.startsWith('/') || !site.base.endsWith('/')) {
    throw new Error(`baokan render: site.base must start and end with '/', got \`${site.base}\``);
  }
  const layout = prepareLayout(site, templateText(templates, 'layout.html'));
  const ctx = createContext(site, layout);
  // Two pages writing one path would silently lose one of them: refuse (the caller then
  // abandons its staging folder, so nothing is published).
  const seen = new Map<string, string>();
  const render = (specs: PageSpec[]): OutputFile[] =>
    specs.map((spec) => {
      const file = renderPage(site, layout, spec);
      const previous = seen.get(file.path);
      if (previous !== undefined) {
        throw new Error(`baokan render: \`${file.path}\` would be written twice (${previous} and ${spec.url}); URLs in the site model must be unique`);
      }
      seen.set(file.path, spec.url);
      return file;
    });

  yield render([homePage(ctx), searchPage(ctx), aboutPage(ctx, templateText(templates, 'about.md')), notFoundPage(ctx), entitiesIndexPage(ctx)]);
  const entities = (site.entities ?? []).filter((e) => !options.skipEntities?.has(e.id));
  for (let i = 0; i < entities.length; i += ENTITY_BATCH) yield render(entities.slice(i, i + ENTITY_BATCH).map((e) => entityPage(ctx, e, ctx.articleById)));
  for (const paper of site.papers) {
    const { years } = issuesByYear(paper);
    const yearList = [...years.keys()];
    yield render([paperPage(ctx, paper), ...[...years].map(([year, issues]) => yearPage(ctx, paper, year, issues, yearList))]);
    for (const listed of paper.issues) {
      if (options.skipIssues?.has(listed.id)) continue;
      yield {
        issue: listed,
        render(issue) {
          if (issue.id !== listed.id) throw new Error(`baokan render: issue \`${listed.id}\` comes next, not \`${issue.id}\``);
          const specs = [issuePage(ctx, paper, issue)];
          for (const page of issue.pages) {
            specs.push(banPage(ctx, paper, issue, page));
            for (const article of page.articles) {
              specs.push(articlePage(ctx, paper, issue, page, article));
              if (article.parts[0] === article.id) specs.push(wholePage(ctx, paper, issue, article));
            }
          }
          return options.citations ? [...render(specs), ...citationFiles(site, issue)] : render(specs);
        },
      };
    }
  }
}
