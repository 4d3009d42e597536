import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../src/decode.js';
import { listSources, readSource } from '../../src/read.js';

describe('read stage', () => {
  it('lists page files at any depth in sorted order, ignoring other files', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'baokan-read-'));
    await mkdir(path.join(dir, 'b/c'), { recursive: true });
    for (const f of ['b/c/2.txt', 'a.txt', 'b/1.txt', 'notes.md', 'b/scan.pdf']) await writeFile(path.join(dir, f), '正文');
    expect(await listSources(dir)).toEqual(['a.txt', 'b/1.txt', 'b/c/2.txt']);
  });

  it('refuses a file over the size limit with a clear message, without reading it whole', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'baokan-read-'));
    await writeFile(path.join(dir, 'huge.txt'), Buffer.alloc(MAX_FILE_BYTES + 1, 0x41));
    const { file, page } = await readSource(dir, 'huge.txt');
    expect(page).toBeNull();
    expect(file.messages.map((m) => [m.ruleId, m.fatal])).toEqual([['file-too-large', true]]);
    expect(file.messages[0]!.reason).toContain(`limit is ${MAX_FILE_BYTES} bytes`);
  });

  it('reads a GBK file with CRLF line endings into the same text as its UTF-8 twin', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'baokan-read-'));
    // 杨浦时报 CRLF CRLF 本报讯, in GBK
    const bytes = Buffer.from('D1EEC6D6CAB1B1A80D0A0D0AB1BEB1A8D1B6', 'hex');
    await writeFile(path.join(dir, 'gbk.txt'), bytes);
    const { file, page } = await readSource(dir, 'gbk.txt');
    expect(page?.body).toBe('杨浦时报\n\n本报讯');
    expect(file.messages.map((m) => m.ruleId)).toEqual(['encoding-gb18030']);
  });
});
