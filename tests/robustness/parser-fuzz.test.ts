/**
 * Property-based tests of the parser: whatever the text, it returns a page and loses no
 * character silently (every input character is in an article's blocks or in furniture).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePage } from '../../src/parse/index.js';
import papers from '../../src/papers.json' with { type: 'json' };
import type { Paper, ParsedPage } from '../../src/types.js';

const SEEDS = path.join(import.meta.dirname, '../../seeds');
const seeds = readdirSync(SEEDS).sort().map((f) => readFileSync(path.join(SEEDS, f), 'utf8'));

/** Non-whitespace characters with their counts. */
function charBag(text: string): Map<string, number> {
  const bag = new Map<string, number>();
  for (const ch of text.replace(/[\s\u3000\u200b-\u200d\ufeff]/gu, '')) bag.set(ch, (bag.get(ch) ?? 0) + 1);
  return bag;
}

/** Characters of `input` that appear in no block of any article nor in furniture. */
function lost(input: string, page: ParsedPage): string {
  const kept = charBag([...page.articles.flatMap((a) => a.blocks), ...page.furniture].map((b) => b.text).join(''));
  let missing = '';
  for (const [ch, n] of charBag(input)) if ((kept.get(ch) ?? 0) < n) missing += ch;
  return missing;
}

const parse = (body: string): ParsedPage => parsePage({ source: 'fuzz.txt', body, bodyLine: 1 }, papers as Paper[]);

// Characters that matter to the parser: Han text, CJK punctuation, markers, digits, ASCII.
const pieces = ['本报讯', '记者', '■', '●', '□', '摄', '(下转第4版)', '(上接第1版)', '下转▶3版', '刊2版▶', '大字新闻', '第3期', '总第1657期', '2022年1月17日', '星期一', '——', '。', ',', '、', '“', '”', '(', ')', '\n', '\n\n', '\u3000\u3000', ' ', '\t', '\u200b', '<script>', 'A1'];
const junk = fc.array(
  fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: 'grapheme', maxLength: 6 }), fc.stringMatching(/^[\u4e00-\u9fa5]{1,12}$/)),
  { maxLength: 80 },
).map((parts) => parts.join(''));

/** A real page with its blocks shuffled, dropped, duplicated or cut. */
const mutatedSeed = fc
  .record({
    seed: fc.integer({ min: 0, max: seeds.length - 1 }),
    ops: fc.array(fc.record({ kind: fc.constantFrom('drop', 'swap', 'dup', 'cut', 'junk'), at: fc.nat(), to: fc.nat(), text: junk }), { maxLength: 6 }),
  })
  .map(({ seed, ops }) => {
    const blocks = (seeds[seed] ?? '').split('\n\n');
    for (const op of ops) {
      const i = op.at % Math.max(blocks.length, 1);
      const j = op.to % Math.max(blocks.length, 1);
      if (op.kind === 'drop') blocks.splice(i, 1);
      else if (op.kind === 'swap') [blocks[i], blocks[j]] = [blocks[j] ?? '', blocks[i] ?? ''];
      else if (op.kind === 'dup') blocks.splice(j, 0, blocks[i] ?? '');
      else if (op.kind === 'cut') blocks[i] = (blocks[i] ?? '').slice(0, op.to % 40);
      else blocks.splice(i, 0, op.text);
    }
    return blocks.join('\n\n');
  });

describe('parser robustness', () => {
  it('never throws on random text and loses no character', () => {
    fc.assert(
      fc.property(junk, (body) => {
        const page = parse(body);
        expect(Array.isArray(page.articles)).toBe(true);
        expect(lost(body, page)).toBe('');
      }),
      { numRuns: 300, seed: 20261124 },
    );
  });

  it('never throws on mutated real pages and loses no character', () => {
    fc.assert(
      fc.property(mutatedSeed, (body) => {
        const page = parse(body);
        expect(lost(body, page)).toBe('');
      }),
      { numRuns: 200, seed: 20261124 },
    );
  });

  it('keeps every character of each real page', () => {
    for (const body of seeds) expect(lost(body, parse(body))).toBe('');
  });
});
