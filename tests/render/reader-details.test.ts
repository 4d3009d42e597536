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

describe('上一篇 and 下一篇 on the article page', () => {
  it('show the titles of the neighbouring articles, across 版', () => {
    const middle = parsePage(files, yangpuBrief);
    const prev = select('nav.pager a[rel~="prev"]', middle)!;
    const next = select('nav.pager a[rel~="next"]', middle)!;
    expect(prev.properties.href).toBe(`${base}yangpu-times/2020-07-27/1/1/`);
    expect(text(prev)).toBe('上一篇 回望来时路 以实际行动践行初心使命');
    expect(text(select('.pager-title', prev))).toBe('回望来时路 以实际行动践行初心使命');
    expect(next.properties.href).toBe(`${base}yangpu-times/2020-07-27/2/1/`);
    expect(text(select('.pager-title', next))).toBe('回望来时路 以实际行动践行初心使命');
  });

  it('title a brief by its first words, as its own page does, and say so at the ends of the issue', () => {
    const lead = parsePage(files, yangpuLead);
    expect(text(select('nav.pager a[rel~="next"] .pager-title', lead))).toBe('简讯：区政协召开常委会议。');
    expect(select('nav.pager a[rel~="prev"]', lead)).toBeUndefined();
    expect(text(select('nav.pager .pager-none', lead))).toBe('已是本期第一篇');
    const last = parsePage(files, yangpuSecond);
    expect(text(select('nav.pager .pager-none', last))).toBe('已是本期最后一篇');
  });

  it('shorten a long title to 40 characters', () => {
    const site = fixtureSite('/');
    const first = site.articles.find((a) => a.url === '/yangpu-times/2020-07-27/1/1/')!;
    first.article.headline = '长'.repeat(60);
    first.title = first.article.headline;
    const rendered = renderSite(site, loadTemplates());
    expect(text(select('nav.pager a[rel~="prev"] .pager-title', parsePage(rendered, yangpuBrief)))).toBe(`${'长'.repeat(40)}…`);
  });
});

describe('the article page side column', () => {
  const tree = parsePage(files, yangpuLead);
  const side = select('main .article-side', tree)!;

  it('follows the article and its pager, as two navigation landmarks with headings', () => {
    const layout = select('main > .article-layout', tree)!;
    const parts = layout.children.filter((c): c is Element => c.type === 'element').map((c) => String((c.properties.className as string[])[0]));
    expect(parts).toEqual(['article-main', 'article-side']);
    expect(select('.article-main > article', layout)).toBeTruthy();
    expect(select('.article-main > nav.pager', layout)).toBeTruthy();
    const navs = selectAll(':scope > nav', side);
    expect(navs.map((nav) => text(select(`#${String(nav.properties.ariaLabelledBy)}`, tree)))).toEqual(['本版文章', '本期各版']);
  });

  it('lists every article of the 版 in reading order, the current one marked and not linked', () => {
    const items = selectAll('nav:first-child li', side);
    expect(items.map((li) => text(li))).toEqual(['回望来时路 以实际行动践行初心使命', '简讯：区政协召开常委会议。']);
    expect(select('a', items[0]!)).toBeUndefined();
    expect(select('[aria-current="page"]', items[0]!)).toBeTruthy();
    expect(select('a', items[1]!)?.properties.href).toBe(`${base}yangpu-times/2020-07-27/1/2/`);
  });

  it("lists the issue's 版 with their article counts, the article's own 版 marked", () => {
    const links = selectAll('nav:last-child li a', side);
    expect(links.map((a) => a.properties.href)).toEqual([`${base}yangpu-times/2020-07-27/1/`, `${base}yangpu-times/2020-07-27/2/`]);
    expect(selectAll('nav:last-child li', side).map((li) => text(li))).toEqual(['第1版 要闻 2 篇', '第2版 综合 1 篇']);
    expect(links.map((a) => a.properties.ariaCurrent ?? null)).toEqual(['true', null]);
    const other = select('main .article-side', parsePage(files, yangpuSecond))!;
    expect(selectAll('nav:last-child li a', other).map((a) => a.properties.ariaCurrent ?? null)).toEqual([null, 'true']);
  });
});

describe('the search page date filters', () => {
  const tree = parsePage(files, 'search/index.html');

  it('are 年/月/日 selects, not <input type=date> (which shows the browser locale, e.g. mm/dd/yyyy)', () => {
    expect(selectAll('input[type="date"]', tree)).toHaveLength(0);
    const fields = selectAll('form fieldset[data-date-field]', tree);
    expect(fields.map((f) => [f.properties.dataDateField, text(select('legend', f))])).toEqual([
      ['from', '起始日期'],
      ['to', '截止日期'],
    ]);
    for (const field of fields) {
      const selects = selectAll('select', field);
      expect(selects.map((s) => s.properties.dataDatePart)).toEqual(['year', 'month', 'day']);
      // Each select is labelled by its unit, written after it: [2020]年[7]月[27]日.
      expect(selects.map((s) => labelled(tree, s))).toEqual(['年', '月', '日']);
      // No name: the script turns the three into one ISO `from` / `to` parameter.
      expect(selects.every((s) => s.properties.name === undefined)).toBe(true);
    }
  });

  it("offer the archive's years, the twelve months and 31 days, each with an empty choice first", () => {
    const field = select('fieldset[data-date-field="from"]', tree)!;
    const options = (part: string): string[] => selectAll(`select[data-date-part="${part}"] option`, field).map((o) => String(o.properties.value));
    expect(options('year')).toEqual(['', '2020', '2021', '2022']);
    expect(options('month')).toEqual(['', ...Array.from({ length: 12 }, (_, i) => String(i + 1))]);
    expect(options('day')).toEqual(['', ...Array.from({ length: 31 }, (_, i) => String(i + 1))]);
    expect(selectAll('select[data-date-part] option[value=""]', field).map((o) => text(o))).toEqual(['不限', '全年', '全月']);
  });

  it('keep the contract hooks of the search page', () => {
    expect(select('main [data-result-count]', tree)).toBeTruthy();
    expect(select('main [data-search-status="loading"]', tree)).toBeTruthy();
    expect(select('main form[data-search-index] input[name="q"]', tree)).toBeTruthy();
  });
});
