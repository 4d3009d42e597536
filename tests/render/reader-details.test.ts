/**
 * Reader details of every page, read from the rendered HTML: the header search form, the home
 * page's search box, the favicon, 上一篇/下一篇 with titles, the article page's side column and
 * the search page's 年/月/日 date fields. (Layout and behaviour in chromium: tests/browser/.)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Element } from 'hast';
import { renderSite } from '../../src/render/index.js';
import { fixtureSite, loadTemplates } from './fixture.js';
import { parsePage, renderFixture, select, selectAll, text } from './helpers.js';

const base = '/archive/';
const files = renderFixture(base);
const pages = files.map((file) => file.path);
const yangpuLead = 'yangpu-times/2020-07-27/1/1/index.html';
const yangpuBrief = 'yangpu-times/2020-07-27/1/2/index.html';
const yangpuSecond = 'yangpu-times/2020-07-27/2/1/index.html';

/** The text of the label whose `for` names this control. */
function labelled(tree: ReturnType<typeof parsePage>, control: Element): string {
  const id = String(control.properties.id);
  return text(select(`label[for="${id}"]`, tree));
}

describe('the favicon', () => {
  it('is an SVG in public/ linked from every page with the base prefix', () => {
    const svg = readFileSync(new URL('../../public/favicon.svg', import.meta.url), 'utf8');
    expect(svg).toMatch(/^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    for (const path of pages) {
      const icon = select('head link[rel~="icon"]', parsePage(files, path));
      expect(icon?.properties.href, path).toBe(`${base}assets/favicon.svg`);
      expect(icon?.properties.type, path).toBe('image/svg+xml');
    }
  });
});

