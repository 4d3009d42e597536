/** Wraps query matches in `<mark>` inside given elements (DOM side of highlighting). */
import { findRanges } from './snippet.js';

/**
 * Marks every match of the terms in the text of the roots, one text node at a time (a match
 * split across inline elements is not marked). Returns the first mark, or null.
 */
export function highlightIn(roots: Iterable<Element>, terms: string[]): HTMLElement | null {
  let first: HTMLElement | null = null;
  for (const root of roots) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => (n.parentElement?.closest('mark, script, style') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    const nodes: Text[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
    for (const node of nodes) {
      const text = node.data;
      const ranges = findRanges(text, terms);
      if (ranges.length === 0) continue;
      const frag = document.createDocumentFragment();
      let at = 0;
      for (const [s, e] of ranges) {
        if (s > at) frag.append(text.slice(at, s));
        const mark = document.createElement('mark');
        mark.dataset.searchHighlight = '';
        mark.textContent = text.slice(s, e);
        frag.append(mark);
        first ??= mark;
        at = e;
      }
      if (at < text.length) frag.append(text.slice(at));
      node.replaceWith(frag);
    }
  }
  return first;
}
