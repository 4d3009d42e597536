import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { decode } from '../../src/decode.js';
import { formatMessage } from '../../src/diagnostics.js';
import { toSourcePage } from '../../src/read.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const page = '杨浦时报\n\n本报讯 7月23日,活动举行。\n';

describe('decode', () => {
  it('reads UTF-8 with and without BOM', () => {
    expect(decode(utf8(page))).toEqual({ ok: true, text: page, encoding: 'utf-8' });
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(page)]);
    expect(decode(bom)).toEqual({ ok: true, text: page, encoding: 'utf-8' });
  });

  it('reads UTF-16 LE and BE with BOM', () => {
    const le = new Uint8Array([0xff, 0xfe, ...Buffer.from(page, 'utf16le')]);
    expect(decode(le)).toMatchObject({ ok: true, text: page, encoding: 'utf-16le' });
    const be = Buffer.from(page, 'utf16le').swap16();
    expect(decode(new Uint8Array([0xfe, 0xff, ...be]))).toMatchObject({ ok: true, text: page, encoding: 'utf-16be' });
  });

  it('detects GB18030 (GBK) text', () => {
    // 杨浦 in GBK: D1EE C6D6; 时报: CAB1 B1A8
    const gbk = new Uint8Array([0xd1, 0xee, 0xc6, 0xd6, 0xca, 0xb1, 0xb1, 0xa8, 0x0a]);
    expect(decode(gbk)).toEqual({ ok: true, text: '杨浦时报\n', encoding: 'gb18030' });
  });

  it('rejects NUL bytes as binary with their place', () => {
    const bytes = new Uint8Array([...utf8('第一行\nab'), 0, 0x41]);
    expect(decode(bytes)).toMatchObject({ ok: false, problem: 'binary', place: { line: 2, column: 3 } });
  });

  it('reports the first invalid byte with line and column instead of replacing it', () => {
    const bytes = new Uint8Array([...utf8('好的\n好'), 0xff, 0xfe, 0x41, 0x42]);
    const result = decode(bytes);
    expect(result).toMatchObject({ ok: false, problem: 'invalid', place: { line: 2, column: 2 } });
  });
});

describe('toSourcePage', () => {
  it('normalises CRLF and lone CR line endings without changing line numbers', () => {
    const file = new VFile({ path: 'a.txt' });
    const source = toSourcePage(file, utf8('---\r\npaper: 徐汇报\r\n---\r\n标题\r正文\r\n'));
    expect(source?.body).toBe('标题\n正文\n');
    expect(source?.bodyLine).toBe(4);
    expect(source?.frontMatter).toEqual({ paper: '徐汇报' });
  });

  it('rejects empty and whitespace-only files', () => {
    for (const text of ['', ' \n\u3000\n\t']) {
      const file = new VFile({ path: 'empty.txt' });
      expect(toSourcePage(file, utf8(text))).toBeNull();
      expect(file.messages.map((m) => m.ruleId)).toEqual(['empty-file']);
    }
  });

  it('reports an info diagnostic when a file was GBK, and a compiler-style error line for binary', () => {
    const gbkFile = new VFile({ path: 'gbk.txt' });
    expect(toSourcePage(gbkFile, new Uint8Array([0xd1, 0xee, 0xc6, 0xd6, 0x0a]))?.body).toBe('杨浦\n');
    expect(gbkFile.messages[0]?.ruleId).toBe('encoding-gb18030');
    const bin = new VFile({ path: 'dir/scan.txt' });
    expect(toSourcePage(bin, new Uint8Array([0x41, 0x00, 0x42]))).toBeNull();
    expect(formatMessage(bin, bin.messages[0]!)).toBe('dir/scan.txt:1:2: error: File looks binary (NUL byte at offset 1) [binary-file]');
  });
});
