/** Reprints (同文另见): which articles print the same copy, found with shingles, MinHash and LSH. */
export { findReprints, encodeMemo, memoParts, decodeMemo, emptyMemo, MIN_SHINGLES, THRESHOLD, type ReprintMemo, type ReprintResult, type ReprintText } from './find.js';
export { HASHES } from './minhash.js';
export { reprintTexts, linkReprints, reprintKeys } from './site.js';
