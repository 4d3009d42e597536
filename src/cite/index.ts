/** Citations of articles: the reference, its GB/T 7714 text and the download formats. */
export { CITE_FILES, CITE_FORMATS, authorNames, referenceOf, type CiteFormat, type Reference } from './reference.js';
export { gbt7714 } from './gbt7714.js';
export { bibtex, escapeTex } from './bibtex.js';
export { ris } from './ris.js';
export { cslItem, cslJson } from './csl.js';
export { citationFiles } from './files.js';
