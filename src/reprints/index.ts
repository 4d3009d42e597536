/** Reprints (同文另见): which articles print the same copy, found with shingles, MinHash and LSH. */
export { findReprints, encodeSignatures, decodeSignatures, MIN_SHINGLES, THRESHOLD, type ReprintResult, type ReprintText, type Signatures } from './find.js';
export { HASHES } from './minhash.js';
export { reprintTexts, linkReprints, reprintKeys } from './site.js';
