/**
 * Whole articles across 版 (转版): an article jumped to another 版 (`下转第4版` … `上接第1版`) is one
 * story printed in parts. Once the site model has linked each jump to the article it continues
 * on (src/site.ts), this module chains those links into the parts of each story, in reading
 * order, and reports the jumps that lead nowhere in this archive: the 版 was not collected, or
 * nothing on it says where it came from.
 */
import type { VFile } from 'vfile';
import { report } from './diagnostics.js';
import type { SiteArticle, SitePage } from './site.js';

/** URL of the reading view of all the parts of the story whose first part is at `firstUrl`. */
export function wholeUrl(firstUrl: string): string {
  return `${firstUrl}whole/`;
}

/**
 * Sets `parts` (ids in reading order, the article itself included) on every article of a
 * story printed in more than one part; the others keep an empty list. The chain follows each
 * part's link to the next one, or else the next part's link back to it, and never visits an
 * article twice, so inconsistent markers cannot loop.
 */
export function linkParts(pages: SitePage[]): void {
  const articles = pages.flatMap((p) => p.articles);
  const byUrl = new Map(articles.map((a) => [a.url, a]));
  const pointedBack = new Map<string, SiteArticle>();
  for (const a of articles) if (a.continuedFromUrl && !pointedBack.has(a.continuedFromUrl)) pointedBack.set(a.continuedFromUrl, a);
  const next = (a: SiteArticle): SiteArticle | undefined => (a.continuedToUrl ? byUrl.get(a.continuedToUrl) : undefined) ?? pointedBack.get(a.url);
  const hasPrevious = new Set<SiteArticle>();
  for (const a of articles) {
    const n = next(a);
    if (n && n !== a) hasPrevious.add(n);
  }
  const placed = new Set<SiteArticle>();
  // Heads first (in reading order); then whatever is left is a loop, started at its first article.
  for (const head of [...articles.filter((a) => !hasPrevious.has(a)), ...articles]) {
    if (placed.has(head)) continue;
    const chain: SiteArticle[] = [];
    for (let a: SiteArticle | undefined = head; a && !placed.has(a); a = next(a)) {
      placed.add(a);
      chain.push(a);
    }
    if (chain.length < 2) continue;
    const ids = chain.map((a) => a.id);
    for (const a of chain) a.parts = ids;
  }
}

/**
 * Reports every jump marker whose other part is not in this archive (`jump-unresolved`): at the
 * article's end for a 下转, at its start for a 上接. `files[i]` is the source of `pages[i]`.
 * Reporting twice on one file adds nothing (the site model may be built more than once).
 */
export function reportUnresolvedJumps(pages: SitePage[], files: VFile[]): void {
  const present = new Set(pages.filter((p) => p.number !== null).map((p) => `第${p.number}版`));
  pages.forEach((page, i) => {
    const file = files[i];
    if (!file) return;
    for (const a of page.articles) {
      const { continuedTo, continuedFrom, position } = a.article;
      // A jump names the 版 it comes from by number: from a 版 without one it cannot be matched.
      const missing = (where: string, back: string): string =>
        !present.has(where) ? `${where} is not in this archive` : page.number === null ? 'this 版 prints no number' : `no article on ${where} says ${back}${page.label}`;
      if (continuedTo && !a.continuedToUrl) {
        const why = missing(continuedTo, '上接');
        once(file, `下转${continuedTo}, but ${why}: the rest of “${a.title}” is not linked`, position.end);
      }
      if (continuedFrom && !a.continuedFromUrl) {
        const why = missing(continuedFrom, '下转');
        once(file, `上接${continuedFrom}, but ${why}: the start of “${a.title}” is not linked`, position.start);
      }
    }
  });
}

function once(file: VFile, reason: string, place: { line: number; column: number }): void {
  const seen = file.messages.some((m) => m.ruleId === 'jump-unresolved' && m.reason === reason && m.line === place.line && m.column === place.column);
  if (!seen) report(file, 'jump-unresolved', reason, { line: place.line, column: place.column });
}
