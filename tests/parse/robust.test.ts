/**
 * The parser never throws, is deterministic, and loses no character: whatever the input
 * (empty, junk, CRLF remnants, U+3000 indentation, tabs, zero-width marks, huge pages).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePage } from '../../src/parse/index.js';
import type { Paper, ParsedPage } from '../../src/types.js';
import papersJson from '../../src/papers.json' with { type: 'json' };

const papers = papersJson as Paper[];
const here = path.dirname(fileURLToPath(import.meta.url));
const seedDir = path.resolve(here, '../fixtures/gold');
const seeds = fs.readdirSync(seedDir).filter((f) => f.endsWith('.txt')).map((f) => fs.readFileSync(path.join(seedDir, f), 'utf8'));

// Pieces of newspaper text that exercise every classifier branch, for random pages.
const PIECES = ['本报讯 7月23日,', '■记者 张蓓', '● 记者 刘坤', '宗河', '陈二 摄', '(下转第4版)', '(上接第1版)', '下转▶3版', '刊2版▶',
  '□ ', '大字新闻', '徐汇报', '准印证号(B)0150 / 第3期(总第1657期) / 2022年1月17日 星期一', '第2版 要闻', '02 综合新闻',
  '区委召开会议', '增进友谊 共赢发展', '——侧记', '活动现', '场通过情景剧。', '“', '”', '，', '。', '\u3000\u3000', '\t', '\u200b',
  '\r', '\n', '\n\n', ' ', '（摄影 王五）', '本报讯(记者 张雯)', '12月7日至8日', '第七届中国国际进口博览会', '2020年上半年', '杨浦区'];

const pageText = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string(), fc.string({ unit: 'grapheme' })), { maxLength: 60 }).map((a) => a.join(''));

function parse(body: string): ParsedPage {
  return parsePage({ source: 'x.txt', body, bodyLine: 3 }, papers);
}

/** Every non-blank character of the input, in order. */
function visible(text: string): string {
  return text.replace(/[\s\u200B-\u200D\u2060\uFEFF]/g, '');
}

describe('robustness', () => {
  it('never throws and accounts for every character (random pages)', () => {
    fc.assert(fc.property(pageText, (body) => {
      const page = parse(body);
      // The blocks, in source order, hold every visible character exactly once.
      const ordered = [...page.blocks].sort((a, b) => a.position.start.line - b.position.start.line || a.position.start.column - b.position.start.column);
      expect(visible(ordered.map((b) => b.text).join(''))).toBe(visible(body));
      for (const b of page.blocks) {
        expect(b.reason.length).toBeGreaterThan(0);
        expect(b.position.start.line).toBeGreaterThanOrEqual(3);
      }
    }), { numRuns: 400 });
  });

  it('puts every block of an article into the article, and nothing twice', () => {
    fc.assert(fc.property(pageText, (body) => {
      const page = parse(body);
      const used = page.articles.flatMap((a) => a.blocks).concat(page.furniture);
      const key = (b: { position: { start: { line: number; column: number } } }) => `${b.position.start.line}:${b.position.start.column}`;
      expect(new Set(used.map(key)).size).toBe(used.length);
      const known = new Set(page.blocks.map(key));
      for (const b of used) expect(known.has(key(b))).toBe(true);
    }), { numRuns: 200 });
  });

  it('is deterministic', () => {
    fc.assert(fc.property(pageText, (body) => {
      expect(JSON.stringify(parse(body))).toBe(JSON.stringify(parse(body)));
    }), { numRuns: 100 });
  });

  it('handles empty and blank bodies', () => {
    for (const body of ['', ' ', '\n\n\n', '\u3000\u3000\n\t\n', '\u200b\ufeff', '\r\n\r\n']) {
      const page = parse(body);
      expect(page.articles).toEqual([]);
      expect(page.meta.paper).toBeNull();
      expect(page.meta.date).toBeNull();
    }
  });

  it('keeps columns right under full-width indentation and shifts lines by bodyLine', () => {
    const page = parsePage({ source: 'x.txt', body: '\n\u3000\u3000本报讯 7月23日，会议举行。', bodyLine: 5 }, papers);
    expect(page.blocks[0]?.position.start).toEqual({ line: 6, column: 3 });
    expect(page.articles[0]?.paragraphs).toEqual(['本报讯 7月23日，会议举行。']);
  });

  it('parses a seed with CRLF, a BOM and indentation like the plain seed', () => {
    for (const seed of seeds) {
      const plain = parse(seed);
      const messy = parse(`\ufeff${seed.split('\n').map((l) => (l ? `\u3000\u3000${l}\u200b` : l)).join('\r\n')}`);
      const strip = (p: ParsedPage) => p.articles.map(({ blocks: _b, position: _p, ...a }) => a);
      expect(strip(messy)).toEqual(strip(plain));
    }
  });

  it('parses a huge page in reasonable time', () => {
    const body = Array.from({ length: 40 }, () => seeds.join('\n\n')).join('\n\n');
    const started = Date.now();
    const page = parse(body);
    expect(page.articles.length).toBeGreaterThan(100);
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});
