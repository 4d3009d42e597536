/**
 * Markup in page text or front matter must reach every output as text, never as markup:
 * HTML pages, the data API, search snippets.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { selectAll } from 'hast-util-select';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, serveSite, type ServedSite } from '../browser/support.js';
import { buildSite, type BuildResult } from '../../src/build.js';
import type { Element } from 'hast';

const PAYLOADS = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  'javascript:window.__pwned=1',
  '&lt;b&gt;实体&amp;',
  '</script><!-- -->',
  '<a href="javascript:alert(1)">点我</a>',
  '"><svg onload=window.__pwned=1>',
];

const PAGE = `---
paper: 徐汇报
date: 2022-01-17
page: 2
pageName: 综合新闻
---

区领导调研${PAYLOADS[0]}工作

● 记者 刘坤${PAYLOADS[1]}

本报讯 1月12日下午,${PAYLOADS.join('正文继续,')}会议举行。

第二段${PAYLOADS[4]}内容${PAYLOADS[6]}结束。
`;

let result: BuildResult;

beforeAll(async () => {
  const input = await mkdtemp(path.join(tmpdir(), 'baokan-inject-'));
  await writeFile(path.join(input, 'inject.txt'), PAGE);
  result = await buildSite({ input });
});

const text = (contents: string | Uint8Array): string => (typeof contents === 'string' ? contents : new TextDecoder().decode(contents));

describe('injection', () => {
  it('builds the page', () => {
    expect(result.exitCode).toBe(0);
    expect(result.site.articles.length).toBeGreaterThan(0);
  });

  it('puts no input markup into any HTML page: no event handlers, no foreign scripts, no javascript: links', () => {
    const html = result.files.filter((f) => f.path.endsWith('.html'));
    expect(html.length).toBeGreaterThan(5);
    for (const file of html) {
      const tree = unified().use(rehypeParse).parse(text(file.contents));
      for (const el of selectAll('*', tree) as Element[]) {
        for (const key of Object.keys(el.properties ?? {})) expect(key.toLowerCase().startsWith('on'), `${file.path}: ${el.tagName}.${key}`).toBe(false);
      }
      expect(selectAll('svg, img[src=x]', tree), file.path).toEqual([]);
      for (const a of selectAll('a[href]', tree) as Element[]) expect(String(a.properties.href), file.path).not.toMatch(/^\s*javascript:/i);
      for (const s of selectAll('script', tree) as Element[]) {
        const external = typeof s.properties.src === 'string' && s.properties.src.startsWith('/assets/');
        const jsonLd = s.properties.type === 'application/ld+json';
        expect(external || jsonLd, `${file.path}: unexpected script`).toBe(true);
        if (jsonLd) {
          const raw = (s.children[0] as { value?: string } | undefined)?.value ?? '';
          expect(() => JSON.parse(raw), file.path).not.toThrow();
        }
      }
    }
  });

  it('shows the payloads as text on the article page', () => {
    const article = result.site.articles.find((a) => a.article.paragraphs.join('').includes('javascript:'));
    expect(article).toBeDefined();
    const file = result.files.find((f) => f.path === `${article!.url.slice(1)}index.html`);
    const tree = unified().use(rehypeParse).parse(text(file!.contents));
    const body = (selectAll('article', tree) as Element[]).map((e) => JSON.stringify(e)).join('');
    expect(body).toContain('window.__pwned=1');
  });

  it('escapes the payloads in the Atom feed', () => {
    const feed = text(result.files.find((f) => f.path.endsWith('/feed.xml'))!.contents);
    expect(feed).toContain('&#x3C;script>window.__pwned=1&#x3C;/script>');
    expect(feed).not.toMatch(/<script|<img|<svg/);
  });

  it('keeps the payloads verbatim as strings in the data API', () => {
    const issue = result.files.find((f) => f.path.startsWith('api/issues/'));
    const doc = JSON.parse(text(issue!.contents));
    const paragraphs = doc.pages[0].articles.flatMap((a: { paragraphs: string[] }) => a.paragraphs).join('');
    for (const p of [PAYLOADS[2], PAYLOADS[3], PAYLOADS[5]]) expect(paragraphs).toContain(p);
  });
});

describe('injection in chromium', () => {
  let browser: Browser;
  let served: ServedSite;

  beforeAll(async () => {
    browser = await launchChromium();
    served = await serveSite(result.files, '/');
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('runs no injected script on the article, issue, search-result and article-after-search pages', async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const article = result.site.articles.find((a) => a.article.paragraphs.join('').includes('__pwned'))!;
    const issue = result.site.papers[0]!.issues[0]!;
    for (const url of [article.url, issue.url, '/search/?q=' + encodeURIComponent('pwned'), '/search/?q=' + encodeURIComponent('<script>')]) {
      await page.goto(served.origin + url);
      if (url.startsWith('/search/')) await page.waitForSelector('[data-search-status="done"]');
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), url).toBeUndefined();
      expect(await page.locator('svg[onload], img[onerror]').count(), url).toBe(0);
    }
    // The search found the article, shows the payload as text in its snippet, and opening it
    // (which highlights the query inside the article) still runs nothing.
    await page.goto(served.origin + '/search/?q=' + encodeURIComponent('pwned'));
    await page.waitForSelector('[data-search-status="done"]');
    expect(await page.locator('[data-result-count]').textContent()).not.toBe('0');
    await page.locator('a[data-result]').first().click();
    await page.waitForURL((u) => u.pathname === article.url);
    expect(await page.locator('article').textContent()).toContain('window.__pwned=1');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await page.close();
  });
});
