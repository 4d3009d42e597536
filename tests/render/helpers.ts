/** Test helpers: render the fixture once and query its pages as hast. */
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import { select, selectAll } from 'hast-util-select';
import type { Element, Root } from 'hast';
import { renderSite } from '../../src/render/index.js';
import type { OutputFile } from '../../src/types.js';
import { fixtureSite, loadTemplates } from './fixture.js';

/** Renders the fixture under a base. */
export function renderFixture(base = '/'): OutputFile[] {
  return renderSite(fixtureSite(base), loadTemplates());
}

/** The text of one output file, failing loudly when it is absent. */
export function fileText(files: OutputFile[], path: string): string {
  const file = files.find((candidate) => candidate.path === path);
  if (!file) throw new Error(`no output file ${path}; have ${files.map((f) => f.path).join(', ')}`);
  return String(file.contents);
}

/** Parses an output file back into hast. */
export function parsePage(files: OutputFile[], path: string): Root {
  return unified().use(rehypeParse).parse(fileText(files, path));
}

/** Text content of an element. */
export function text(node: Element | Root | undefined): string {
  if (!node) return '';
  return node.children.map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? text(child) : '')).join('');
}

export { select, selectAll };
