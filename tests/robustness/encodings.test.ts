/**
 * The same page saved by different tools (UTF-8 with BOM, UTF-16, GB18030, CRLF or lone CR line
 * endings, full-width indentation, zero-width characters) gives the same articles.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { parsePage } from '../../src/parse/index.js';
import papers from '../../src/papers.json' with { type: 'json' };
import { toSourcePage } from '../../src/read.js';
import type { Paper } from '../../src/types.js';

const seed = readFileSync(path.join(import.meta.dirname, '../../seeds/000_e4b77a2f99e63835.txt'), 'utf8');

function articlesOf(bytes: Uint8Array): { headline: string | null; paragraphs: string[] }[] {
  const file = new VFile({ path: 'x.txt' });
  const page = toSourcePage(file, bytes);
  if (!page) throw new Error(file.messages.map(String).join('\n'));
  return parsePage({ source: page.source, body: page.body, bodyLine: page.bodyLine }, papers as Paper[]).articles.map((a) => ({
    headline: a.headline,
    paragraphs: a.paragraphs,
  }));
}

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const plain = articlesOf(utf8(seed));

describe('the same page from different tools', () => {
  it('has articles to compare', () => expect(plain.length).toBeGreaterThan(3));

  const variants: Record<string, () => Uint8Array> = {
    'UTF-8 with BOM and CRLF': () => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(seed.replace(/\n/g, '\r\n'))]),
    'lone CR line endings': () => utf8(seed.replace(/\n/g, '\r')),
    'UTF-16 LE with BOM': () => new Uint8Array([0xff, 0xfe, ...Buffer.from(seed.replace(/\n/g, '\r\n'), 'utf16le')]),
    'full-width indentation and trailing tabs': () => utf8(seed.replace(/^(?=\S)/gm, '\u3000\u3000').replace(/\n/g, '\t\n')),
    'zero-width characters between blocks and at line starts': () => utf8(seed.replace(/\n\n/g, '\n\u200b\n').replace(/^(?=本报讯)/gm, '\ufeff')),
  };
  for (const [name, bytes] of Object.entries(variants)) {
    it(`reads ${name} into the same articles`, () => expect(articlesOf(bytes())).toEqual(plain));
  }

  it('reads GB18030 into the same articles', () => {
    // Node can decode but not encode GB18030: build the bytes from a decoder round trip table.
    const decoder = new TextDecoder('gb18030');
    const table = new Map<string, number[]>();
    for (let hi = 0x81; hi <= 0xfe; hi++) {
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        if (lo === 0x7f) continue;
        const ch = decoder.decode(new Uint8Array([hi, lo]));
        if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [hi, lo]);
      }
    }
    const bytes: number[] = [];
    let encodable = true;
    for (const ch of seed) {
      if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
      else if (table.has(ch)) bytes.push(...(table.get(ch) as number[]));
      else encodable = false;
    }
    expect(encodable).toBe(true);
    expect(articlesOf(new Uint8Array(bytes))).toEqual(plain);
  });
});
