/**
 * The layout: fills a copy of the parsed `layout.html` with one page's head metadata,
 * breadcrumbs and main content, and stringifies it.
 */
import { unified } from 'unified';
import rehypeStringify from 'rehype-stringify';
import { selectAll, select } from 'hast-util-select';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { SiteIndex } from '../site.js';
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

/** Where in the layout tree each filled element sits: child indexes from the root. */
type TreePath = readonly number[];

/** The elements the renderer fills on every page, by CSS selector. */
const targets = {
  title: '[data-slot="title"]',
  description: 'meta[name="description"]',
  canonical: 'link[rel="canonical"]',
  ogType: 'meta[property="og:type"]',
  ogTitle: 'meta[property="og:title"]',
  ogDescription: 'meta[property="og:description"]',
  ogUrl: 'meta[property="og:url"]',
  head: '[data-slot="head"]',
  breadcrumbs: '[data-slot="breadcrumbs"]',
  main: '[data-slot="main"]',
} as const;

/** A parsed layout ready to be filled many times. */
export interface Layout {
  tree: Root;
  siteName: string;
  /** Found once with selectors, so each page only walks a few indexes (large archives have many pages). */
  paths: Record<keyof typeof targets, TreePath>;
  navPaths: TreePath[];
}

/** Parses layout.html once, resolves its `~/` URLs against the base and locates the slots. */
export function prepareLayout(site: SiteIndex, layoutHtml: string): Layout {
  const tree = parseHtmlTemplate(layoutHtml);
  stripPositions(tree);
  resolveUrls(tree, site.base);
  const siteNameMeta = required(tree, 'meta[property="og:site_name"]');
  // A configured title (baokan.config.json) replaces the template's name where the layout shows it.
  if (site.title) {
    siteNameMeta.properties.content = site.title;
    const link = select('.site-name', tree);
    if (link) link.children = [{ type: 'text', value: site.title }];
  }
  const siteName = attribute(siteNameMeta, 'content');
  if (!siteName) throw new Error('baokan render: layout.html must give the site name in <meta property="og:site_name" content="…">');
  const paths = Object.fromEntries(
    Object.entries(targets).map(([key, selector]) => [key, pathTo(tree, required(tree, selector))]),
  ) as Layout['paths'];
  const head = required(tree, targets.head);
  if (head.tagName !== 'template' || head.children.length > 0) {
    throw new Error('baokan render: layout.html must mark the extra head elements with an empty <template data-slot="head"></template>');
  }
  return { tree, siteName, paths, navPaths: selectAll('.site-nav a', tree).map((link) => pathTo(tree, link)) };
}

/** Rewrites `~/…` in href/src/action attributes to base-prefixed absolute paths. */
export function resolveUrls(tree: Root | Element, base: string): void {
  eachElement(tree, (element) => {
    for (const key of ['href', 'src', 'action'] as const) {
      const value = element.properties[key];
      if (typeof value === 'string') element.properties[key] = resolveSiteUrl(base, value);
    }
  });
}

/** Renders one page to an output file. */
export function renderPage(site: SiteIndex, layout: Layout, page: PageSpec): OutputFile {
  const tree = cloneTree(layout.tree);
  const at = (key: keyof typeof targets): Element => elementAt(tree, layout.paths[key]);
  const fullTitle = page.title === layout.siteName ? page.title : `${page.title} · ${layout.siteName}`;

  // Resolve every element before changing any: the head slot's replacement shifts its siblings.
  const slots = { title: at('title'), head: at('head'), breadcrumbs: at('breadcrumbs'), main: at('main') };
  const headParent = elementAt(tree, layout.paths.head.slice(0, -1));
  at('description').properties.content = page.description;
  // Absolute when the site's origin is configured, as canonical links and og:url should be.
  const absoluteUrl = (site.origin ?? '') + page.url;
  at('canonical').properties.href = absoluteUrl;
  at('ogType').properties.content = page.ogType ?? 'website';
  at('ogTitle').properties.content = page.title;
  at('ogDescription').properties.content = page.description;
  at('ogUrl').properties.content = absoluteUrl;
  for (const path of layout.navPaths) {
    const link = elementAt(tree, path);
    // The site navigation marks the link to the current page (home, search, about).
    if (link.properties.href === page.url) link.properties.ariaCurrent = 'page';
  }

  fillChildren(slots.title, [{ type: 'text', value: fullTitle }]);
  fillChildren(slots.breadcrumbs, [renderBreadcrumbs(page.breadcrumbs)]);
  fillChildren(slots.main, page.main);
  // One element per line, like the rest of the template's head.
  const headLines = (page.head ?? []).flatMap((node, index): ElementContent[] => (index === 0 ? [node] : [{ type: 'text', value: '\n' }, node]));
  headParent.children.splice(headParent.children.indexOf(slots.head), 1, ...headLines);

  return {
    path: page.file ?? outputPath(site.base, page.url),
    contents: stringify(tree),
  };
}

/** Serialises a document; the same tree always gives the same bytes. */
export function stringify(tree: Root): string {
  return `${serializer.stringify(tree)}\n`;
}

const serializer = unified().use(rehypeStringify, { upperDoctype: true, characterReferences: { useNamedReferences: true } }).freeze();

function attribute(element: Element, key: string): string {
  const value = element.properties[key];
  return typeof value === 'string' ? value : '';
}

function required(tree: Root, selector: string): Element {
  const element = select(selector, tree);
  if (!element) throw new Error(`baokan render: layout.html has no element matching \`${selector}\`; the renderer fills it on every page`);
  return element;
}

/** A slot element's children become the page's nodes; the marker attribute goes. */
function fillChildren(slot: Element, nodes: ElementContent[]): void {
  delete slot.properties.dataSlot;
  slot.children = nodes;
}

/** Child indexes leading from the root to `target`. */
function pathTo(tree: Root, target: Element): TreePath {
  const search = (parent: Root | Element, path: number[]): number[] | null => {
    for (const [index, child] of parent.children.entries()) {
      if (child === target) return [...path, index];
      if (child.type === 'element') {
        const found = search(child, [...path, index]);
        if (found) return found;
      }
    }
    return null;
  };
  const path = search(tree, []);
  if (!path) throw new Error('baokan render: layout element is not in the tree');
  return path;
}

/** The element at a path found by pathTo in a copy of the same tree. */
function elementAt(tree: Root, path: TreePath): Element {
  let node: Root | Element = tree;
  for (const index of path) {
    const child: RootContent | undefined = node.children[index];
    if (child?.type !== 'element') throw new Error('baokan render: layout path does not lead to an element');
    node = child;
  }
  if (node.type !== 'element') throw new Error('baokan render: layout path leads to the root');
  return node;
}
