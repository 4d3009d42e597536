/**
 * Article pages (assets/highlight.js): when the reader arrived from a search result, mark the
 * query's matches inside the article. The query travels in sessionStorage, not in the URL, so
 * result links stay exactly the article URLs. The normalizer (with its t2s table) is loaded
 * only when there is something to highlight.
 */
import { HIGHLIGHT_KEY, parseHighlight } from './state.js';

async function main(): Promise<void> {
  let request;
  try {
    request = parseHighlight(sessionStorage.getItem(HIGHLIGHT_KEY));
  } catch {
    return; // storage disabled
  }
  if (!request || request.terms.length === 0 || request.path !== location.pathname) return;
  const { highlightIn } = await import('./highlight-apply.js');
  const first = highlightIn(document.querySelectorAll('article'), request.terms);
  if (first && !location.hash) first.scrollIntoView({ block: 'center' });
}

void main();
