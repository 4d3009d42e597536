/**
 * People, places, organisations and related articles on the built seeds site: the data API
 * (valid against the contract schema), the entity pages with their charts, and the links between
 * articles and entities, all read from the files written to disk.
 */
import { access, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { select, selectAll } from 'hast-util-select';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { ROOT } from '../helpers/cli.js';

interface EntitiesJson {
  entities: Array<{ id: string; name: string; kind: string; url: string; count: number; articles: string[] }>;
}

const BASE = '/archive/';
let out: string;
const readJson = async (file: string) => JSON.parse(await readFile(path.join(out, file), 'utf8'));
const page = async (url: string) => unified().use(rehypeParse).parse(await readFile(path.join(out, decodeURI(url).slice(BASE.length), 'index.html'), 'utf8'));

beforeAll(async () => {
  out = path.join(await mkdtemp(path.join(tmpdir(), 'baokan-entities-')), 'dist');
  await build({ input: path.join(ROOT, 'seeds'), out, base: BASE });
});

describe('entities and related articles on the built seeds', () => {
  it('publishes api/entities.json and the articles’ entities and related ids, valid against the schema', async () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(await readFile(path.join(ROOT, 'docs/api.schema.json'), 'utf8')));
    const doc = (await readJson('api/entities.json')) as EntitiesJson;
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(doc.entities.length).toBeGreaterThan(5);
    for (const kind of ['person', 'place', 'org']) expect(doc.entities.some((e) => e.kind === kind), kind).toBe(true);
    const catalog = await readJson('api/catalog.json');
    const ids = new Set<string>();
    for (const paper of catalog.papers) {
      for (const issue of paper.issues) {
        const json = await readJson(issue.api.slice(BASE.length));
        expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
        for (const p of json.pages) for (const a of p.articles) {
          ids.add(a.id);
          expect(a.entities).toBeInstanceOf(Array);
          expect(a.related.length).toBeLessThanOrEqual(5);
        }
      }
    }
    // Every listed article exists, and each entity counts its articles.
    for (const e of doc.entities) {
      expect(e.count).toBe(e.articles.length);
      expect(e.count).toBeGreaterThanOrEqual(2);
      for (const id of e.articles) expect(ids.has(id), id).toBe(true);
    }
  });

  it('gives every entity a page with its articles and a per-year chart in SVG that says its numbers', async () => {
    const { entities } = (await readJson('api/entities.json')) as EntitiesJson;
    for (const e of entities) {
      const tree = await page(e.url);
      expect(select('h1', tree)).toBeTruthy();
      expect(selectAll('.entity-articles li a', tree)).toHaveLength(e.count);
    }
    const dated = entities[0]!;
    const tree = await page(dated.url);
    const svg = select('svg[role="img"]', tree)!;
    expect(svg).toBeTruthy();
    const labelled = String(svg.properties.ariaLabelledBy).split(' ');
    for (const id of labelled) expect(select(`#${id}`, tree), id).toBeTruthy();
    expect(selectAll('rect', svg).length).toBeGreaterThan(0);
    expect(selectAll('.year-counts li', tree).length).toBe(selectAll('rect', svg).length);
  });

  it('links each article to the pages of the entities it mentions, and the entity pages back', async () => {
    const { entities } = (await readJson('api/entities.json')) as EntitiesJson;
    const catalog = await readJson('api/catalog.json');
    const urls = new Map<string, string>();
    for (const paper of catalog.papers) for (const issue of paper.issues) {
      const json = await readJson(issue.api.slice(BASE.length));
      for (const p of json.pages) for (const a of p.articles) urls.set(a.id, a.url);
    }
    const e = entities[0]!;
    for (const id of e.articles) {
      const tree = await page(urls.get(id)!);
      const links = selectAll('.article-entities a', tree).map((a) => String(a.properties.href));
      expect(links, id).toContain(e.url);
    }
    const index = await page(`${BASE}entities/`);
    expect(selectAll('.entity-list a', index).map((a) => String(a.properties.href)).sort()).toEqual(entities.map((x) => x.url).sort());
    // The site navigation leads to the index.
    expect(selectAll('.site-nav a', await page(BASE)).map((a) => String(a.properties.href))).toContain(`${BASE}entities/`);
  });

  it('shows related articles (相关报道) as links that resolve to their article pages', async () => {
    const catalog = await readJson('api/catalog.json');
    let shown = 0;
    for (const paper of catalog.papers) for (const issue of paper.issues) {
      const json = await readJson(issue.api.slice(BASE.length));
      for (const p of json.pages) for (const a of p.articles) {
        const links = selectAll('.article-related a[data-related]', await page(a.url)).map((l) => String(l.properties.href));
        expect(links).toHaveLength(a.related.length);
        for (const href of links) await access(path.join(out, decodeURI(href).slice(BASE.length), 'index.html'));
        shown += links.length;
      }
    }
    expect(shown).toBeGreaterThan(0);
  });
});
