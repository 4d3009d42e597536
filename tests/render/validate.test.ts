import { describe, expect, it } from 'vitest';
import { htmlValidate } from './html-validate.js';
import { renderFixture } from './helpers.js';

describe('html-validate', () => {
  for (const base of ['/', '/sub/']) {
    const files = renderFixture(base);
    it.each(files.map((file) => [file.path, String(file.contents)] as const))(`%s (base ${base}) has no errors`, async (path, html) => {
      const report = await htmlValidate.validateString(html, path);
      const messages = report.results.flatMap((result) => result.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`));
      expect(messages).toEqual([]);
    });
  }
});

describe('the validator itself', () => {
  it('does report errors (so a clean run above means something)', async () => {
    const report = await htmlValidate.validateString('<!DOCTYPE html><html lang="zh-CN"><head><title>x</title></head><body><p id="a"></p><p id="a"></p></body></html>');
    expect(report.valid).toBe(false);
  });
});
