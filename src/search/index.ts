/** Client-side Chinese full-text search: indexer, browser bundle and search page. */
export {
  buildSearchIndex,
  buildSearchIndexWithState,
  encodeSearchIndexState,
  decodeSearchIndexState,
  type BuildSearchIndexOptions,
  type SearchIndexBuild,
  type SearchIndexState,
} from './build-index.js';
export { bundleBrowserCode } from './bundle.js';
export { searchPageContent } from './page.js';
export { normalize, parseQuery, tokenize, miniSearchOptions } from './tokenize.js';
export { FORMAT_NAME, FORMAT_VERSION, type SearchMeta, type SearchDoc } from './format.js';
