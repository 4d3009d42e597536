import { describe, expect, it } from 'vitest';
import { renderSite } from '../../src/render/index.js';
import { monthGrid } from '../../src/render/calendar.js';
import { weekdayIndex } from '../../src/render/dates.js';
import { fixtureSite, hostile, loadTemplates } from './fixture.js';
import { fileText, parsePage, renderFixture, select, selectAll, text } from './helpers.js';

const files = renderFixture('/');
const hostileArticle = 'xuhui-news/2022-01-17/1/2/index.html';
const yangpuLead = 'yangpu-times/2020-07-27/1/1/index.html';

describe('renderSite', () => {
  it('writes every page type at its URL', () => {
    const paths = files.map((file) => file.path);
    for (const path of [
      'index.html',
      'search/index.html',
      'about/index.html',
      '404.html',
      'yangpu-times/index.html',
      'yangpu-times/2020/index.html',
      'yangpu-times/2021/index.html',
      'yangpu-times/2020-07-27/index.html',
      'yangpu-times/2020-07-27/1/index.html',
      yangpuLead,
    ]) {
      expect(paths).toContain(path);
    }
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('is deterministic: rendering twice gives identical files in the same order', () => {
    const again = renderSite(fixtureSite('/'), loadTemplates());
    expect(again).toEqual(files);
  });

  it('refuses a base that does not start and end with a slash', () => {
    expect(() => renderSite(fixtureSite('sub'), loadTemplates())).toThrow(/site.base/);
  });

  it('names a layout element it cannot find', () => {
    const templates = loadTemplates();
    const broken = { ...templates, 'layout.html': templates['layout.html']!.replace(' data-slot="main"', '') };
    expect(() => renderSite(fixtureSite('/'), broken)).toThrow(/\[data-slot="main"\]/);
  });

  it('names a missing template', () => {
    expect(() => renderSite(fixtureSite('/'), { 'layout.html': loadTemplates()['layout.html']! })).toThrow(/about\.md/);
  });
});

describe('escaping', () => {
  const html = fileText(files, hostileArticle);
  const tree = parsePage(files, hostileArticle);

  it('shows hostile headline, kicker, paragraphs and captions as text', () => {
    expect(text(select('h1', tree))).toBe(hostile.script);
    expect(text(select('.kicker', tree))).toBe(hostile.img);
    expect(text(select('.article-body h2', tree))).toBe(hostile.img);
    const paragraphs = selectAll('.article-body > p:not(.jump)', tree).map((p) => text(p));
    expect(paragraphs).toContain(hostile.js);
    expect(paragraphs).toContain(hostile.breakout);
    expect(text(select('figcaption', tree))).toContain(hostile.script);
  });

  it('never lets input become markup', () => {
    // The only scripts are the JSON-LD and the highlight and citation modules; no img, no javascript: link.
    expect(selectAll('script', tree).map((s) => s.properties.type)).toEqual(['application/ld+json', 'module', 'module']);
    expect(selectAll('img', tree)).toHaveLength(0);
    expect(selectAll('[onerror]', tree)).toHaveLength(0);
    expect(selectAll('a', tree).every((a) => !String(a.properties.href).startsWith('javascript:'))).toBe(true);
    // Inside quoted attribute values `<` is inert, so look only at markup outside them.
    const markup = html.replace(/="[^"]*"/g, '=""');
    expect(markup).not.toContain('<script>alert');
    expect(markup).not.toContain('<img');
  });

  it('does not read paragraph text as Markdown', () => {
    expect(html).toContain('**不是粗体** [不是链接](http://example.com/)');
    expect(html).not.toContain('<strong>');
  });

  it('keeps JSON-LD inside its script element and equal to the data', () => {
    const scripts = selectAll('script[type="application/ld+json"]', tree);
    expect(scripts).toHaveLength(1);
    const json = text(scripts[0]);
    expect(json).not.toMatch(/<|>/);
    const data = JSON.parse(json) as Record<string, unknown>;
    expect(data['@type']).toBe('NewsArticle');
    expect(data.headline).toBe(hostile.script);
    expect(data.alternativeHeadline).toBe(hostile.breakout);
    const markup = html.replace(/="[^"]*"/g, '=""');
    expect(markup.match(/<\/script>/g)).toHaveLength(3);
    expect(markup).not.toContain('<!--');
  });
});

describe('head metadata', () => {
  it('gives every page a title, description, canonical and OpenGraph tags', () => {
    for (const file of files) {
      const tree = parsePage(files, file.path);
      expect(select('html', tree)?.properties.lang, file.path).toBe('zh-CN');
      expect(text(select('title', tree)), file.path).not.toBe('');
      expect(select('meta[name="description"]', tree)?.properties.content, file.path).toBeTruthy();
      const canonical = select('link[rel="canonical"]', tree)?.properties.href;
      expect(String(canonical), file.path).toMatch(/^\//);
      for (const property of ['og:title', 'og:description', 'og:url', 'og:type', 'og:site_name']) {
        expect(select(`meta[property="${property}"]`, tree)?.properties.content, `${file.path} ${property}`).toBeTruthy();
      }
      expect(select('nav.breadcrumbs ol', tree), file.path).toBeTruthy();
      expect(select('a.skip-link[href="#main"]', tree), file.path).toBeTruthy();
    }
  });

  it('uses the base in every canonical and link', () => {
    const sub = renderFixture('/sub/');
    for (const file of sub) {
      const tree = parsePage(sub, file.path);
      for (const element of selectAll('[href], [src]', tree)) {
        const url = String(element.properties.href ?? element.properties.src);
        if (url.startsWith('#') || url.startsWith('https://')) continue;
        expect(url, `${file.path}: ${url}`).toMatch(/^\/sub\//);
      }
    }
  });
});

describe('breadcrumbs', () => {
  it('lead the way from home to the article', () => {
    const tree = parsePage(files, yangpuLead);
    const items = selectAll('nav.breadcrumbs li', tree).map((li) => text(li));
    expect(items).toEqual(['首页', '杨浦时报', '2020年', '2020年7月27日', '第1版 要闻', '回望来时路 以实际行动践行初心使…']);
    expect(select('nav.breadcrumbs li:last-child [aria-current="page"]', tree)).toBeTruthy();
    expect(selectAll('nav.breadcrumbs a', tree).map((a) => a.properties.href)).toEqual([
      '/',
      '/yangpu-times/',
      '/yangpu-times/2020/',
      '/yangpu-times/2020-07-27/',
      '/yangpu-times/2020-07-27/1/',
    ]);
  });

  it('skip the year for an undated issue', () => {
    const tree = parsePage(files, 'hongkou-news/undated-1/index.html');
    expect(selectAll('nav.breadcrumbs li', tree).map((li) => text(li))).toEqual(['首页', '虹口报', '日期不详（hongkou-news-undated-1）']);
  });
});

describe('article page', () => {
  const tree = parsePage(files, yangpuLead);

  it('puts the kicker, headline and subheadline in order inside <article>', () => {
    const group = select('article hgroup', tree);
    expect(group?.children.filter((c) => c.type === 'element').map((c) => (c.type === 'element' ? c.tagName : ''))).toEqual(['p', 'h1', 'p']);
    expect(text(select('article .kicker', tree))).toBe('区区级机关党员干部主题党日分享抗疫事迹');
    expect(text(select('article h1', tree))).toBe('回望来时路 以实际行动践行初心使命');
    expect(text(select('article .subheadline', tree))).toBe('65家基层党组织在线收看');
    expect(text(select('article .byline', tree))).toBe('作者：朱良城、王文');
    expect(text(select('article .photo-credit', tree))).toBe('摄影：朱良城');
    expect(text(select('article .section-label', tree))).toBe('深入学习“四史” 坚守初心使命');
  });

  it('places intertitles before the paragraphs they head', () => {
    const body = select('.article-body', tree)!;
    const sequence = body.children.flatMap((c) => (c.type === 'element' ? [`${c.tagName}:${text(c).slice(0, 5)}`] : []));
    expect(sequence).toEqual(['p:本报讯 7', 'h2:走好脚下路', 'p:谢坚钢表示', 'h2:坚定前行路', 'p:回望来时路', 'p:（下转第2']);
  });

  it('links continuations when the other part is in the archive, and prints them otherwise', () => {
    expect(select('.jump-to a', tree)?.properties.href).toBe('/yangpu-times/2020-07-27/2/1/');
    expect(text(select('.jump-to', tree))).toBe('（下转第2版）');
    const back = parsePage(files, 'yangpu-times/2020-07-27/2/1/index.html');
    expect(select('.jump-from a', back)?.properties.href).toBe('/yangpu-times/2020-07-27/1/1/');
    expect(text(select('.jump-from', back))).toBe('（上接第1版）');
    const unresolved = parsePage(files, hostileArticle);
    expect(text(select('.jump-to', unresolved))).toBe('（下转第4版）');
    expect(select('.jump-to a', unresolved)).toBeUndefined();
  });

  it('links the previous and next articles across 版, and back to the issue and 版', () => {
    const middle = parsePage(files, 'yangpu-times/2020-07-27/1/2/index.html');
    expect(select('nav.pager a[rel~="prev"]', middle)?.properties.href).toBe('/yangpu-times/2020-07-27/1/1/');
    expect(select('nav.pager a[rel~="next"]', middle)?.properties.href).toBe('/yangpu-times/2020-07-27/2/1/');
    expect(select('nav.pager a[rel~="prev"]', tree)).toBeUndefined();
    const links = selectAll('nav.pager a', tree).map((a) => a.properties.href);
    expect(links).toContain('/yangpu-times/2020-07-27/');
    expect(links).toContain('/yangpu-times/2020-07-27/1/');
  });

  it('loads the search highlighter and captions as figures', () => {
    expect(select('script[type="module"][src="/assets/highlight.js"]', tree)).toBeTruthy();
    expect(text(select('article figure figcaption', tree))).toContain('活动现场通过情景剧');
  });

  it('titles briefs by their first words', () => {
    const brief = parsePage(files, 'yangpu-times/2020-07-27/1/2/index.html');
    expect(text(select('article h1', brief))).toBe('简讯：区政协召开常委会议。');
  });
});

describe('issue and 版 pages', () => {
  it('list the 版 in order with their articles in reading order', () => {
    const tree = parsePage(files, 'yangpu-times/2020-07-27/index.html');
    expect(selectAll('section.ban h2', tree).map((h2) => text(h2))).toEqual(['第1版 要闻', '第2版 综合']);
    const first = selectAll('section.ban', tree)[0]!;
    expect(selectAll('.article-list > li > a', first).map((a) => text(a))).toEqual([
      '区区级机关党员干部主题党日分享抗疫事迹回望来时路 以实际行动践行初心使命',
      '区政协召开常委会议。',
    ]);
    expect(text(select('.kicker', first))).toBe('区区级机关党员干部主题党日分享抗疫事迹');
  });

  it('show issue numbers and the inferred-date note', () => {
    const numbered = parsePage(files, 'xuhui-news/2022-01-17/index.html');
    expect(text(select('dl.facts', numbered))).toContain('第3期');
    expect(text(select('dl.facts', numbered))).toContain('总第1657期');
    expect(text(select('dl.facts', numbered))).toContain('2022年1月17日 星期一');
    expect(text(numbered)).not.toContain('日期由内容推断');
    const inferred = parsePage(files, 'yangpu-times/2021-03-05/index.html');
    expect(text(select('main', inferred))).toContain('日期由内容推断');
  });

  it('link 上一版 and 下一版', () => {
    const first = parsePage(files, 'yangpu-times/2020-07-27/1/index.html');
    expect(select('nav.pager a[rel~="next"]', first)?.properties.href).toBe('/yangpu-times/2020-07-27/2/');
    expect(text(select('nav.pager a[rel~="next"]', first))).toBe('下一版：第2版 综合');
    expect(select('nav.pager a[rel~="prev"]', first)).toBeUndefined();
    const second = parsePage(files, 'yangpu-times/2020-07-27/2/index.html');
    expect(select('nav.pager a[rel~="prev"]', second)?.properties.href).toBe('/yangpu-times/2020-07-27/1/');
  });
});

describe('calendars', () => {
  it('start weeks on Monday: 2022-01-17 is a Monday, 2022-01-01 a Saturday', () => {
    expect(weekdayIndex(2022, 1, 17)).toBe(0);
    const grid = monthGrid(2022, 1);
    expect(grid[0]).toEqual([null, null, null, null, null, 1, 2]);
    expect(grid.find((week) => week.includes(17))?.[0]).toBe(17);
    expect(grid).toHaveLength(6);
    expect(monthGrid(2021, 2)).toHaveLength(4); // February 2021 starts on a Monday and has 28 days
    expect(monthGrid(2020, 2).flat().filter((d) => d !== null)).toHaveLength(29);
  });

  it('render a month grid with 一…日 headers and the issue day linked', () => {
    const tree = parsePage(files, 'xuhui-news/index.html');
    const table = select('table.calendar', tree)!;
    expect(text(select('caption', table))).toBe('2022年1月');
    expect(selectAll('thead th', table).map((th) => text(th))).toEqual(['一', '二', '三', '四', '五', '六', '日']);
    const rows = selectAll('tbody tr', table);
    expect(rows).toHaveLength(6);
    const mondayCell = selectAll('td', rows[3]!)[0]!;
    expect(select('a', mondayCell)?.properties.href).toBe('/xuhui-news/2022-01-17/');
    expect(selectAll('a', table)).toHaveLength(1);
  });

  it('show all twelve months on the year page', () => {
    const tree = parsePage(files, 'yangpu-times/2020/index.html');
    expect(selectAll('table.calendar caption', tree).map((c) => text(c))).toEqual(
      Array.from({ length: 12 }, (_, i) => `2020年${i + 1}月`),
    );
    expect(selectAll('table.calendar a', tree).map((a) => a.properties.href)).toEqual(['/yangpu-times/2020-07-27/']);
    expect(select('nav.pager a[rel~="next"]', tree)?.properties.href).toBe('/yangpu-times/2021/');
  });

  it('group a paper page by year with undated issues apart', () => {
    const tree = parsePage(files, 'yangpu-times/index.html');
    expect(selectAll('section.year h2', tree).map((h2) => text(h2))).toEqual(['2020年', '2021年']);
    const hongkou = parsePage(files, 'hongkou-news/index.html');
    expect(selectAll('section.year h2', hongkou).map((h2) => text(h2))).toEqual(['日期不详']);
  });
});

describe('home, search, about and 404', () => {
  it('home lists papers with their latest issues', () => {
    const tree = parsePage(files, 'index.html');
    expect(selectAll('.paper-card h2', tree).map((h2) => text(h2))).toEqual(['虹口报', '徐汇报', '杨浦时报'].sort((a, b) => a.localeCompare(b, 'zh-CN')));
    const yangpu = selectAll('.paper-card', tree).find((card) => text(card).includes('杨浦时报'))!;
    expect(selectAll('.issue-list a', yangpu).map((a) => a.properties.href)).toEqual(['/yangpu-times/2021-03-05/', '/yangpu-times/2020-07-27/']);
  });

  it('search page holds the search module content inside main', () => {
    const tree = parsePage(files, 'search/index.html');
    expect(select('main form[role="search"]', tree)).toBeTruthy();
    expect(select('main [data-search-status]', tree)).toBeTruthy();
    expect(select('.site-nav a[aria-current="page"]', tree)?.properties.href).toBe('/search/');
  });

  it('about page comes from about.md with base-prefixed links', () => {
    const sub = renderFixture('/sub/');
    const tree = parsePage(sub, 'about/index.html');
    expect(text(select('main h1', tree))).toBe('关于本站');
    expect(select('main a[href="/sub/search/"]', tree)).toBeTruthy();
  });

  it('404 uses absolute base-prefixed links and is not indexed', () => {
    const sub = renderFixture('/archive/');
    const tree = parsePage(sub, '404.html');
    expect(select('link[rel="stylesheet"]', tree)?.properties.href).toBe('/archive/assets/site.css');
    expect(selectAll('main a', tree).map((a) => a.properties.href)).toEqual(['/archive/', '/archive/search/']);
    expect(select('meta[name="robots"]', tree)?.properties.content).toBe('noindex');
  });
});
