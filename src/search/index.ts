/** Client-side Chinese full-text search: indexer, browser bundle and search page. */
export { buildSearchIndex, buildSearchIndexWithState, searchIndexBatches, searchOrder, type BuildSearchIndexOptions, type SearchIndexBuild } from './build-index.js';
export { encodeSearchIndexState, decodeSearchIndexState, type SearchIndexState } from './index-state.js';
export { bundleBrowserCode } from './bundle.js';
export { searchPageContent } from './page.js';
export { normalize, parseQuery, tokenize, miniSearchOptions } from './tokenize.js';
export { FORMAT_NAME, FORMAT_VERSION, type SearchMeta, type SearchDoc } from './format.js';
