/**
 * Templates: the raw text of the files in `templates/`, and turning them into hast.
 * The read stage loads them from disk; the renderer only ever sees strings.
 */
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { remove } from './tree.js';
import type { Root } from 'hast';

/** Raw template text keyed by file name, e.g. `{ 'layout.html': '<!doctype html>…', 'about.md': '# 关于…' }`. */
export type Templates = Readonly<Record<string, string>>;

/** Template files the renderer needs; the read stage must load at least these. */
export const requiredTemplates = ['layout.html', 'about.md'] as const;

/** Returns a template's text, or throws saying which file is missing and where it belongs. */
export function templateText(templates: Templates, name: (typeof requiredTemplates)[number]): string {
  const text = templates[name];
  if (typeof text !== 'string') {
    const given = Object.keys(templates).sort().join(', ') || 'none';
    throw new Error(
      `baokan render: template \`${name}\` is missing (given: ${given}); load every file of templates/ into the Templates record`,
    );
  }
  return text;
}

/** Parses an HTML template into a hast document, without its comments (they are notes for template authors). */
export function parseHtmlTemplate(text: string): Root {
  const tree = unified().use(rehypeParse, { fragment: false }).parse(text);
  remove(tree, (node) => node.type === 'comment');
  return tree;
}

/** Turns a Markdown template into hast (remark-parse → mdast → remark-rehype → hast). */
export function markdownToHast(text: string): Root {
  const processor = unified().use(remarkParse).use(remarkRehype);
  return processor.runSync(processor.parse(text));
}
