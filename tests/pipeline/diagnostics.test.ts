import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { formatReport, report, rules, toDiagnostics } from '../../src/diagnostics.js';

describe('diagnostics', () => {
  it('documents every rule id with its severity in docs/diagnostics.md', async () => {
    const doc = await readFile(path.join(import.meta.dirname, '../../docs/diagnostics.md'), 'utf8');
    for (const [id, rule] of Object.entries(rules)) expect(doc, id).toContain(`| \`${id}\` | ${rule.severity} |`);
  });

  it('prints compiler-style lines sorted by file and place, filtered by severity', () => {
    const b = new VFile({ path: 'b.txt' });
    const a = new VFile({ path: 'sub/a.txt' });
    report(b, 'date-inferred', 'Date guessed', { line: 9, column: 2 });
    report(b, 'empty-file', 'File has no text', { line: 1, column: 1 });
    report(a, 'encoding-gb18030', 'GBK');
    expect(formatReport([a, b])).toEqual(['b.txt:1:1: error: File has no text [empty-file]', 'b.txt:9:2: warning: Date guessed [date-inferred]']);
    expect(formatReport([a, b], 'info')[2]).toBe('sub/a.txt:1:1: info: GBK [encoding-gb18030]');
    expect(toDiagnostics(b).map((d) => [d.severity, d.rule, d.line])).toEqual([['error', 'empty-file', 1], ['warning', 'date-inferred', 9]]);
  });
});
