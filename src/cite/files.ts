/**
 * The citation files of an issue's articles: cite.bib, cite.ris and cite.json beside each
 * article's index.html. They sit under the issue's folder, so an issue reused from the last
 * build reuses them too (src/reuse.ts).
 */
import type { SiteIndex, SiteIssue } from '../site.js';
import type { OutputFile } from '../types.js';
import { bibtex } from './bibtex.js';
import { cslJson } from './csl.js';
import { CITE_FORMATS, referenceOf, type CiteFormat, type Reference } from './reference.js';
import { ris } from './ris.js';

const writers: Record<CiteFormat, (ref: Reference) => string> = { bibtex, ris, 'csl-json': cslJson };

/** Every citation file of `issue`'s articles, in page and reading order. */
export function citationFiles(site: SiteIndex, issue: SiteIssue): OutputFile[] {
  return issue.pages.flatMap((page) =>
    page.articles.flatMap((item) => {
      const ref = referenceOf(site, issue, page, item);
      return CITE_FORMATS.map((format) => ({ path: ref.files[format].slice(site.base.length), contents: writers[format](ref) }));
    }),
  );
}
