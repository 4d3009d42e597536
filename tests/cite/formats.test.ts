/**
 * The download formats read back with real parsers: BibTeX with @retorquere/bibtex-parser (the
 * parser of Zotero's Better BibTeX, which decodes TeX to Unicode), RIS and CSL-JSON with
 * Citation.js. Hostile text (TeX specials, braces, line breaks) must come back as printed.
 */
import { describe, expect, it } from 'vitest';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-bibtex';
import { bibtex, cslJson, ris, type Reference } from '../../src/cite/index.js';

const base: Reference = {
  key: 'yangpu-times-2020-07-27-p01-03',
  authors: ['张蓓', '成佳佳'],
  title: '杨浦与上海电气签署战略合作框架协议',
  titleSupplied: false,
  paper: '杨浦时报',
  date: '2020-07-27',
  dateInferred: false,
  page: 1,
  section: '要闻',
  url: 'https://archive.example.org/yangpu-times/2020-07-27/p01/03/',
  files: { bibtex: '', ris: '', 'csl-json': '' },
};

const hostileTitles = [
  '100% 完成 & 超额 #1',
  '{括号} \\反斜杠 $5 a_b ^上 ~波',
  '换行\n之后 } 未配对 {',
  '"引号" @at = 等号, 逗号',
  'and 与 AND',
];

describe('BibTeX', () => {
  it('parses as one @article with entrysubtype newspaper, each name whole, the date, year and 版', () => {
    const lib = parseBibtex(bibtex(base));
    expect(lib.errors).toEqual([]);
    expect(lib.entries).toHaveLength(1);
    const entry = lib.entries[0]!;
    expect(entry.type).toBe('article');
    expect(entry.key).toBe(base.key);
    expect(entry.fields).toMatchObject({
      entrysubtype: 'newspaper',
      title: base.title,
      journal: '杨浦时报',
      date: '2020-07-27',
      year: '2020',
      pages: '1',
      url: base.url,
      langid: 'chinese',
    });
    expect((entry.fields.author as { name?: string }[]).map((a) => a.name)).toEqual(['张蓓', '成佳佳']);
  });

  it.each(hostileTitles)('escapes TeX specials so the title reads back as printed: %j', (title) => {
    const lib = parseBibtex(bibtex({ ...base, title, authors: ['欧阳·修', 'Li & Co'] }));
    expect(lib.errors).toEqual([]);
    expect(lib.entries[0]!.fields.title).toBe(title.replace(/\s+/g, ' '));
    expect((lib.entries[0]!.fields.author as { name?: string }[]).map((a) => a.name)).toEqual(['欧阳·修', 'Li & Co']);
  });

  it('marks an inferred date approximate and leaves out what the page does not give', () => {
    const text = bibtex({ ...base, authors: [], date: '2019-12-08', dateInferred: true, page: null, url: null });
    expect(text).toContain('date         = {2019-12-08~}');
    expect(text).not.toMatch(/author|pages|url/);
    expect(parseBibtex(text).errors).toEqual([]);
    expect(bibtex({ ...base, date: null })).not.toMatch(/date|year/);
  });

  it('Citation.js reads it as a newspaper article too', () => {
    const [item] = new Cite(bibtex(base)).data;
    expect(item).toMatchObject({ title: base.title, 'container-title': '杨浦时报', issued: { 'date-parts': [[2020, 7, 27]] } });
    expect(item!.genre ?? item!.type).toMatch(/newspaper/);
  });
});

describe('RIS', () => {
  it('parses with Citation.js as a newspaper article with its reporters, paper, year and 版', () => {
    const [item] = new Cite(ris(base)).data;
    expect(item).toMatchObject({ type: 'article-newspaper', title: base.title, 'container-title': '杨浦时报', id: base.key, URL: base.url });
    expect(JSON.stringify(item!.issued)).toContain('2020');
    // Citation.js names the RIS authors of a NEWS record its reporters.
    const people = (item!.author ?? item!.reporter) as unknown;
    expect(JSON.stringify(people)).toContain('张蓓');
    expect(JSON.stringify(people)).toContain('成佳佳');
  });

  it('writes one tag per line, CR LF, the date as YYYY/MM/DD/, ending with ER', () => {
    const text = ris({ ...base, title: '换行\n之后' });
    expect(text.startsWith('TY  - NEWS\r\n')).toBe(true);
    expect(text.endsWith('ER  -\r\n')).toBe(true);
    expect(text).toContain('TI  - 换行 之后\r\n');
    expect(text).toContain('DA  - 2020/07/27/\r\n');
    expect(text).toContain('SP  - 1\r\n');
    expect(text.split('\r\n').slice(0, -1).every((line) => /^[A-Z][A-Z0-9]  -( |$)/.test(line))).toBe(true);
  });
});

describe('CSL-JSON', () => {
  it('is an array of one article-newspaper item that Citation.js loads unchanged', () => {
    const data = JSON.parse(cslJson(base)) as Record<string, unknown>[];
    expect(data).toHaveLength(1);
    const [item] = new Cite(data, { forceType: '@csl/list+object' }).data;
    expect(item).toMatchObject({
      id: base.key,
      type: 'article-newspaper',
      title: base.title,
      author: [{ literal: '张蓓' }, { literal: '成佳佳' }],
      'container-title': '杨浦时报',
      issued: { 'date-parts': [[2020, 7, 27]] },
      page: '1',
      section: '要闻',
      URL: base.url,
    });
  });

  it('says circa for an inferred date and has no issued date for an undated page', () => {
    expect(JSON.parse(cslJson({ ...base, dateInferred: true }))[0].issued).toEqual({ 'date-parts': [[2020, 7, 27]], circa: true });
    expect(JSON.parse(cslJson({ ...base, date: null }))[0]).not.toHaveProperty('issued');
  });
});
