import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { CSV_COLUMNS, renderExports } from '../../src/export.js';
import { bytesOf } from '../../src/streamed.js';
import { fixtureSite } from '../render/fixture.js';

describe('exports', () => {
  const site = fixtureSite('/sub/');
  const files = renderExports({ ...site, origin: 'https://example.org' });
  const jsonl = files.find((f) => f.path === 'export/articles.jsonl')!;
  const csv = files.find((f) => f.path === 'export/articles.csv')!;

  it('are streamed: made chunk by chunk, anew and the same on every pass', async () => {
    expect(jsonl.contents).toBe('');
    const first = await bytesOf(jsonl);
    expect((await bytesOf(jsonl)).equals(first)).toBe(true);
    let chunks = 0;
    for await (const chunk of csv.stream!) {
      expect(chunk).toBeInstanceOf(Uint8Array);
      chunks++;
    }
    expect(chunks).toBeGreaterThanOrEqual(2); // the header, then the articles
  });

  it('give one JSON line per article in archive order, with paper, date and 版', async () => {
    const lines = (await bytesOf(jsonl)).toString('utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(site.articles.map((a) => a.id));
    const first = site.papers[0]!;
    const issue = first.issues[0]!;
    expect(lines[0]).toMatchObject({ paper: { id: first.paper.id, name: first.paper.name }, date: issue.date, page: { number: issue.pages[0]!.number, label: issue.pages[0]!.label } });
    expect(lines[0]).toHaveProperty('reprints');
    expect(lines[0].paragraphs).toEqual(site.articles[0]!.article.paragraphs);
  });

  it('give a CSV that a real parser reads back exactly, with absolute URLs when an origin is set', async () => {
    const text = (await bytesOf(csv)).toString('utf8');
    expect(text.startsWith('\uFEFFheadline,paper,date,page,bylines,url,text\r\n')).toBe(true);
    const rows: Record<string, string>[] = parse(text, { bom: true, columns: true });
    expect(Object.keys(rows[0]!)).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(site.articles.length);
    site.articles.forEach((a, i) => {
      expect(rows[i]!.url).toBe(`https://example.org${a.url}`);
      expect(rows[i]!.text).toBe(a.article.paragraphs.join('\n'));
      expect(rows[i]!.headline).toBe(a.article.headline ?? '');
      expect(rows[i]!.bylines).toBe(a.article.bylines.join('、'));
    });
  });
});
