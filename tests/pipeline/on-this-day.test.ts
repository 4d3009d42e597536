/**
 * 历史上的今天's files (src/on-this-day.ts): one per month-day, each listing only the articles
 * printed on that day, bounded in size however large the archive, built from printed dates.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build.js';
import { MAX_YEARS, ON_THIS_DAY_DIR, PER_YEAR, renderOnThisDay, type OnThisDayFile } from '../../src/on-this-day.js';
import { fixtureSite } from '../render/fixture.js';
import { writeDatedArchive, type DatedPage } from '../helpers/dated-archive.js';

function files(out: { path: string; contents: string | Uint8Array }[]): Map<string, OnThisDayFile> {
  return new Map(out.filter((f) => f.path.startsWith(ON_THIS_DAY_DIR)).map((f) => [f.path.slice(ON_THIS_DAY_DIR.length, -'.json'.length), JSON.parse(String(f.contents)) as OnThisDayFile]));
}

describe('on-this-day files', () => {
  it('are written for all 366 month-days, 02-29 included, each naming its day', () => {
    const byDay = files(renderOnThisDay(fixtureSite('/')));
    expect(byDay.size).toBe(366);
    expect(byDay.has('02-29')).toBe(true);
    expect([...byDay.keys()]).toEqual([...byDay.keys()].sort());
    for (const [day, file] of byDay) expect(file.monthDay).toBe(day);
  });

  it('list only articles printed on their day, with printed dates only (inferred and undated issues left out)', () => {
    const site = fixtureSite('/sub/');
    const byDay = files(renderOnThisDay(site));
    const listed = [...byDay.values()].flatMap((f) => f.articles.map((a) => ({ ...a, day: f.monthDay })));
    expect(listed.length).toBeGreaterThan(0);
    for (const a of listed) expect(a.date.slice(5)).toBe(a.day);
    const issues = site.papers.flatMap((p) => p.issues);
    const inferred = issues.filter((i) => i.dateInferred).flatMap((i) => i.pages.flatMap((p) => p.articles.map((a) => a.url)));
    const undated = issues.filter((i) => i.date === null).flatMap((i) => i.pages.flatMap((p) => p.articles.map((a) => a.url)));
    expect(inferred.length + undated.length).toBeGreaterThan(0);
    for (const a of listed) {
      expect(inferred).not.toContain(a.url);
      expect(undated).not.toContain(a.url);
      expect(a.url.startsWith('/sub/')).toBe(true);
    }
  });

  it(`keep at most ${PER_YEAR} articles for each of the ${MAX_YEARS} latest years: lead articles, one per paper before a second`, async () => {
    const years = Array.from({ length: MAX_YEARS + 2 }, (_, i) => 1980 + i);
    const pages: DatedPage[] = years.flatMap((y) => [
      { paper: '杨浦时报', date: `${y}-07-27`, page: 1 },
      { paper: '徐汇报', date: `${y}-07-27`, page: 1 },
      { paper: '徐汇报', date: `${y}-07-27`, page: 2 },
    ]);
    const { site, files: out } = await buildSite({ input: await writeDatedArchive(pages) });
    const day = files(out).get('07-27')!;
    const kept = [...new Set(day.articles.map((a) => a.date.slice(0, 4)))];
    expect(kept).toEqual(years.slice(-MAX_YEARS).reverse().map(String));
    const perYear = new Map<string, typeof day.articles>();
    for (const a of day.articles) perYear.set(a.date.slice(0, 4), [...(perYear.get(a.date.slice(0, 4)) ?? []), a]);
    for (const [, list] of perYear) {
      expect(list).toHaveLength(PER_YEAR);
      // Each paper's first article of 第1版, then the second of the first paper in name order.
      expect(list.map((a) => a.page)).toEqual(['第1版', '第1版', '第1版']);
      expect(new Set(list.slice(0, 2).map((a) => a.paper)).size).toBe(2);
      expect(list[2]!.paper).toBe(list[0]!.paper);
    }
    // Every listed article is in the site, at its URL.
    const urls = new Set(site.articles.map((a) => a.url));
    for (const a of day.articles) expect(urls.has(a.url)).toBe(true);
    // The other days are empty.
    expect(files(out).get('07-26')!.articles).toEqual([]);
  });

  it('validate against the data API schema, as do the issue files with their cite objects', async () => {
    const schema = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../docs/api.schema.json'), 'utf8'));
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
    const { files: out } = await buildSite({ input: await writeDatedArchive([{ paper: '杨浦时报', date: '2020-02-29', page: 1 }]) });
    const docs = out.filter((f) => f.path.startsWith(ON_THIS_DAY_DIR) || f.path.startsWith('api/issues/'));
    expect(docs).toHaveLength(367);
    for (const f of docs) expect(validate(JSON.parse(String(f.contents))), `${f.path}: ${JSON.stringify(validate.errors)}`).toBe(true);
    const issue = JSON.parse(String(docs.find((f) => f.path.startsWith('api/issues/'))!.contents));
    expect(issue.pages[0].articles[0].cite.gbt7714).toMatch(/^张三, 李四\. .+\[N\]\. 杨浦时报, 2020-02-29\(1\)\.$/);
    expect(files(out).get('02-29')!.articles).toHaveLength(2);
  });
});
