/**
 * The layout: fills a copy of the parsed `layout.html` with one page's head metadata,
 * breadcrumbs and main content, and stringifies it.
 */
import { unified } from 'unified';
import rehypeStringify from 'rehype-stringify';
import { selectAll, select } from 'hast-util-select';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { Site } from '../site.js';
import type { OutputFile } from '../types.js';
import { renderBreadcrumbs, type Crumb } from './breadcrumbs.js';
import { cloneTree, eachElement, stripPositions } from './tree.js';
import { outputPath, resolveSiteUrl } from './urls.js';
import { parseHtmlTemplate } from './templates.js';

/** What a page module hands to the layout. */
export interface PageSpec {
  /** The page's URL (with base); also its canonical link. */
  url: string;
  /** Output path when it is not derived from the URL (404.html). */
  file?: string;
  /** Page title, without the site name. */
  title: string;
  description: string;
  breadcrumbs: Crumb[];
  main: ElementContent[];
  ogType?: 'website' | 'article';
  /** Extra head elements: JSON-LD, module scripts, robots. */
  head?: Element[];
}

/** A parsed layout ready to be filled many times. */
export interface Layout {
  tree: Root;
  siteName: string;
}

/** Parses layout.html once and resolves its `~/` URLs against the base. */
export function prepareLayout(site: Site, layoutHtml: string): Layout {
  const tree = parseHtmlTemplate(layoutHtml);
  stripPositions(tree);
  resolveUrls(tree, site.base);
  const siteName = attribute(required(tree, 'meta[property="og:site_name"]'), 'content');
  if (!siteName) throw new Error('baokan render: layout.html must give the site name in <meta property="og:site_name" content="…">');
  return { tree, siteName };
}

/** Rewrites `~/…` in href/src attributes to base-prefixed absolute paths. */
export function resolveUrls(tree: Root | Element, base: string): void {
  eachElement(tree, (element) => {
    for (const key of ['href', 'src'] as const) {
      const value = element.properties[key];
      if (typeof value === 'string') element.properties[key] = resolveSiteUrl(base, value);
    }
  });
}

/** Renders one page to an output file. */
export function renderPage(site: Site, layout: Layout, page: PageSpec): OutputFile {
  const tree = cloneTree(layout.tree);
  const fullTitle = page.title === layout.siteName ? page.title : `${page.title} · ${layout.siteName}`;

  fillSlot(tree, 'title', [{ type: 'text', value: fullTitle }]);
  setAttribute(tree, 'meta[name="description"]', 'content', page.description);
  setAttribute(tree, 'link[rel="canonical"]', 'href', page.url);
  setAttribute(tree, 'meta[property="og:type"]', 'content', page.ogType ?? 'website');
  setAttribute(tree, 'meta[property="og:title"]', 'content', page.title);
  setAttribute(tree, 'meta[property="og:description"]', 'content', page.description);
  setAttribute(tree, 'meta[property="og:url"]', 'content', page.url);
  fillSlot(tree, 'head', page.head ?? []);
  fillSlot(tree, 'breadcrumbs', [renderBreadcrumbs(page.breadcrumbs)]);
  fillSlot(tree, 'main', page.main);
  markCurrentNav(tree, page.url);

  return {
    path: page.file ?? outputPath(site.base, page.url),
    contents: stringify(tree),
  };
}

/** Serialises a document; the same tree always gives the same bytes. */
export function stringify(tree: Root): string {
  return `${unified().use(rehypeStringify, { upperDoctype: true, characterReferences: { useNamedReferences: true } }).stringify(tree)}\n`;
}

/** Replaces a slot's children (or a <template> slot itself) with nodes. */
function fillSlot(tree: Root, name: string, nodes: RootContent[]): void {
  const slot = required(tree, `[data-slot="${name}"]`);
  delete slot.properties.dataSlot;
  if (slot.tagName === 'template') {
    const parent = findParent(tree, slot);
    // One element per line, like the rest of the template's head.
    const lines = nodes.flatMap((node, index): RootContent[] => (index === 0 ? [node] : [{ type: 'text', value: '\n' }, node]));
    parent.children.splice(parent.children.indexOf(slot), 1, ...(lines as ElementContent[]));
  } else {
    slot.children = nodes as ElementContent[];
  }
}

/** The site navigation marks the link to the current page (home, search, about). */
function markCurrentNav(tree: Root, url: string): void {
  for (const link of selectAll('.site-nav a', tree)) {
    if (link.properties.href === url) link.properties.ariaCurrent = 'page';
  }
}

function setAttribute(tree: Root, selector: string, key: string, value: string): void {
  required(tree, selector).properties[key] = value;
}

function attribute(element: Element, key: string): string {
  const value = element.properties[key];
  return typeof value === 'string' ? value : '';
}

function required(tree: Root, selector: string): Element {
  const element = select(selector, tree);
  if (!element) throw new Error(`baokan render: layout.html has no element matching \`${selector}\`; the renderer fills it on every page`);
  return element;
}

function findParent(tree: Root, target: Element): Root | Element {
  let found: Root | Element | undefined;
  const visit = (parent: Root | Element): void => {
    for (const child of parent.children) {
      if (child === target) found = parent;
      else if (child.type === 'element') visit(child);
    }
  };
  visit(tree);
  if (!found) throw new Error('baokan render: slot element is not in the layout tree');
  return found;
}
