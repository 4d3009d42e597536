import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build.js';

describe('Atom feeds', () => {
  it('gives each paper a feed of its newest articles, linked from the paper page', async () => {
    const { site, files } = await buildSite({ input: path.join(import.meta.dirname, '../../seeds'), base: '/archive/' });
    const feeds = files.filter((f) => f.path.endsWith('/feed.xml'));
    expect(feeds.map((f) => f.path).sort()).toEqual(site.papers.map((p) => `${p.paper.id}/feed.xml`).sort());
    const yangpu = site.papers.find((p) => p.paper.id === 'yangpu-times')!;
    const xml = String(feeds.find((f) => f.path === 'yangpu-times/feed.xml')!.contents);
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"')).toBe(true);
    // Newest issue first, its articles in reading order, links under the base.
    const newest = yangpu.issues.filter((i) => i.date).at(-1)!;
    const links = [...xml.matchAll(/<entry><id>[^<]*<\/id><title>[^<]*<\/title><link rel="alternate" type="text\/html" href="([^"]+)"/g)].map((m) => m[1]);
    expect(links.slice(0, newest.pages[0]!.articles.length)).toEqual(newest.pages[0]!.articles.map((a) => a.url));
    expect(xml).toContain(`<updated>${newest.date}T00:00:00Z</updated>`);
    const paperPage = String(files.find((f) => f.path === 'yangpu-times/index.html')!.contents);
    expect(paperPage).toContain('<link rel="alternate" type="application/atom+xml" title="杨浦时报 最新文章" href="/archive/yangpu-times/feed.xml">');
  });
});
