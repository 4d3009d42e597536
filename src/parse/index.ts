/** The page parser (stage 2): raw page text → ParsedPage. Each stage is exported on its own. */
export { parsePage, type PageInput, type ParseOptions } from './parse-page.js';
export { splitLines } from './blocks.js';
export { classify, type Unit } from './classify.js';
export { reorder, type Item, type Paragraph, type Join, type ReorderOptions } from './reorder.js';
export { jiebaLexicon, type Lexicon } from './lexicon.js';
export { assemble } from './assemble.js';
export { readMasthead, furnitureReason } from './masthead.js';
export { datelineOf, findDates, eventDates } from './dates.js';
export { inferPaper, inferYear, inferDate } from './infer.js';
