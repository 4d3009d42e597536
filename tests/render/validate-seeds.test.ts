import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { htmlValidate } from './html-validate.js';

describe('html-validate on the real build of seeds/', () => {
  it('every HTML file has no errors', async () => {
    // Imported lazily: the pipeline is another module; this test needs all of it.
    const { buildSite } = await import('../../src/build.js');
    const { files } = await buildSite({ input: path.resolve(import.meta.dirname, '../../seeds'), base: '/archive/' });
    const html = files.filter((file) => file.path.endsWith('.html'));
    expect(html.length).toBeGreaterThan(10);
    const problems: string[] = [];
    for (const file of html) {
      const report = await htmlValidate.validateString(String(file.contents), file.path);
      for (const result of report.results) for (const m of result.messages) problems.push(`${file.path}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
    expect(problems).toEqual([]);
  });
});
