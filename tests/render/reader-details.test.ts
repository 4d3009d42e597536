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

describe('the header search form', () => {
  it('is on every page: a labelled GET form to <base>search/ with a q box and a submit button', () => {
    for (const path of pages) {
      const tree = parsePage(files, path);
      const form = select('header.site-header form[role="search"]', tree);
      expect(form, path).toBeTruthy();
      expect(form!.properties.action, path).toBe(`${base}search/`);
      expect(String(form!.properties.method).toLowerCase(), path).toBe('get');
      expect(form!.properties.ariaLabel, path).toBeTruthy();
      const input = select('input[name="q"]', form!)!;
      expect(input.properties.type, path).toBe('search');
      expect(labelled(tree, input), path).toBe('搜索全文');
      expect(select('button[type="submit"]', form!), path).toBeTruthy();
    }
  });
});

describe('the home page', () => {
  it('has a visible search box of its own, a GET form to the search page', () => {
    const tree = parsePage(files, 'index.html');
    const form = select('main form[role="search"]', tree)!;
    expect(form.properties.action).toBe(`${base}search/`);
    expect(String(form.properties.method).toLowerCase()).toBe('get');
    const input = select('input[name="q"][type="search"]', form)!;
    expect(labelled(tree, input)).toBe('搜索全部文章');
    expect(select('label.visually-hidden', form)).toBeUndefined();
    // Two search landmarks on one page: their names tell them apart.
    const names = selectAll('form[role="search"]', tree).map((f) => f.properties.ariaLabel);
    expect(new Set(names).size).toBe(2);
  });
});

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

