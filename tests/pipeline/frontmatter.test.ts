import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { splitFrontMatter } from '../../src/frontmatter.js';

const split = (text: string) => {
  const file = new VFile({ path: 'p.txt' });
  const result = splitFrontMatter(file, text);
  return { ...result, messages: file.messages.map((m) => ({ rule: m.ruleId, line: m.line, fatal: m.fatal, reason: m.reason })) };
};

describe('splitFrontMatter', () => {
  it('returns the whole text as body when there is no front matter', () => {
    expect(split('标题\n正文')).toMatchObject({ frontMatter: {}, body: '标题\n正文', bodyLine: 1, ok: true, messages: [] });
  });

  it('reads every known key with its type and counts the body line', () => {
    const r = split('---\npaper: 徐汇报\ndate: 2022-01-17\npage: 4\npageName: 综合新闻\nissueNumber: 3\ntotalNumber: 总第1657期\n---\n正文\n');
    expect(r.frontMatter).toEqual({
      paper: '徐汇报',
      date: '2022-01-17',
      page: 4,
      pageName: '综合新闻',
      issueNumber: '第3期',
      totalNumber: '总第1657期',
    });
    expect(r.body).toBe('正文\n');
    expect(r.bodyLine).toBe(9);
    expect(r.ok).toBe(true);
  });

  it('reports malformed YAML as an error with its line', () => {
    const r = split('---\npaper: 徐汇报\ndate: [2022\n---\n正文');
    expect(r.ok).toBe(false);
    expect(r.messages[0]).toMatchObject({ rule: 'front-matter-yaml', fatal: true });
    expect(r.messages[0]!.line).toBeGreaterThanOrEqual(3);
  });

  it('rejects wrong types with the line of the key', () => {
    const r = split('---\npaper: 徐汇报\npage: 四\ndate: 2022-02-30\n---\n正文');
    expect(r.ok).toBe(false);
    expect(r.messages).toEqual([
      expect.objectContaining({ rule: 'front-matter-type', line: 3 }),
      expect.objectContaining({ rule: 'front-matter-type', line: 4 }),
    ]);
  });

  it('warns about unknown keys and keeps the rest', () => {
    const r = split('---\npaper: 徐汇报\nauthor: 某人\n---\n正文');
    expect(r.ok).toBe(true);
    expect(r.frontMatter).toEqual({ paper: '徐汇报' });
    expect(r.messages).toEqual([expect.objectContaining({ rule: 'front-matter-unknown-key', line: 3, fatal: false })]);
  });

  it('rejects values that would escape the output folder or break URLs', () => {
    for (const bad of ['../../etc', 'a/b', 'x\\y', '<script>']) {
      const r = split(`---\npageName: "${bad.replace(/\\/g, '\\\\')}"\n---\n正文`);
      expect(r.ok, bad).toBe(false);
      expect(r.messages[0]?.rule, bad).toBe('front-matter-unsafe');
    }
  });
});
