/**
 * An article's body as mdast (paragraphs, intertitles as headings) converted to hast with
 * mdast-util-to-hast. The text goes into the tree as text nodes only, so nothing in it is
 * ever read as Markdown or HTML.
 */
import { toHast } from 'mdast-util-to-hast';
import type { ElementContent } from 'hast';
import type { Heading, Paragraph, Root as MdastRoot, RootContent as MdastContent } from 'mdast';
import type { Article } from '../types.js';

/** The body as an mdast tree: each intertitle as a level-2 heading before its paragraph. */
export function articleBodyMdast(article: Article): MdastRoot {
  const children: MdastContent[] = [];
  // Stable sort keeps intertitles that share a paragraph in their printed order.
  const intertitles = [...article.intertitles].sort((a, b) => a.beforeParagraph - b.beforeParagraph);
  let next = 0;
  const heading = (text: string): Heading => ({ type: 'heading', depth: 2, children: [{ type: 'text', value: text }] });
  article.paragraphs.forEach((text, index) => {
    while (next < intertitles.length && (intertitles[next]?.beforeParagraph ?? 0) <= index) {
      children.push(heading(intertitles[next]!.text));
      next++;
    }
    const paragraph: Paragraph = { type: 'paragraph', children: [{ type: 'text', value: text }] };
    children.push(paragraph);
  });
  // An intertitle pointing past the last paragraph is still printed text: keep it at the end.
  for (; next < intertitles.length; next++) children.push(heading(intertitles[next]!.text));
  return { type: 'root', children };
}

/** The body as hast nodes, ready for the article element. */
export function articleBodyHast(article: Article): ElementContent[] {
  const tree = toHast(articleBodyMdast(article));
  return tree.type === 'root' ? (tree.children as ElementContent[]) : [tree as ElementContent];
}
