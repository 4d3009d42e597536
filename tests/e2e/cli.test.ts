/**
 * The command line with a configuration file (flags win over the file, the file over the
 * defaults; a bad file stops the build with exit status 2) and with duplicate page files.
 */
import { cp, mkdir, mkdtemp, readFile, writeFile, access } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

const SEEDS = path.join(ROOT, 'seeds');
const SEED = '000_e4b77a2f99e63835.txt';
const exists = (file: string) => access(file).then(() => true, () => false);
const read = (file: string) => readFile(file, 'utf8');

describe('baokan.config.json', () => {
  let dir: string;
  let site: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'baokan-config-'));
    site = path.join(dir, 'site');
    await cp(SEEDS, path.join(site, 'pages'), { recursive: true });
    // A page of a paper that only the configuration knows.
    const text = await read(path.join(SEEDS, SEED));
    await writeFile(path.join(site, 'pages/pujiang.txt'), `---\npaper: 浦江日报\ndate: 2023-03-01\npage: 1\n---\n${text}\n浦江日报社 编印\n`);
    const config = {
      title: '浦江报刊档案',
      origin: 'https://archive.example.org',
      base: '/archive/',
      input: 'pages',
      out: 'public',
      papers: [{ id: 'pujiang-daily', name: '浦江日报', district: '浦东新区' }],
    };
    await writeFile(path.join(site, 'baokan.config.json'), JSON.stringify(config, null, 2));
  });

  it('is read from the working directory: title, origin, base, folders and an extra paper', async () => {
    const run = runCli(['build'], site);
    expect(run.stderr).toMatch(/6 files, 6 pages, .* 0 rejected.* → public\//);
    expect(run.status).toBe(0);
    const home = await read(path.join(site, 'public/index.html'));
    expect(home).toContain('<title>浦江报刊档案</title>');
    expect(home).toContain('<meta property="og:site_name" content="浦江报刊档案">');
    expect(home).toContain('<link rel="canonical" href="https://archive.example.org/archive/">');
    expect(home).toContain('href="/archive/search/"');
    const catalog = JSON.parse(await read(path.join(site, 'public/api/catalog.json')));
    expect(catalog.papers.map((p: { id: string }) => p.id)).toContain('pujiang-daily');
    expect(await read(path.join(site, 'public/sitemap.xml'))).toContain('<loc>https://archive.example.org/archive/pujiang-daily/2023-03-01/</loc>');
    expect(await read(path.join(site, 'public/robots.txt'))).toContain('Sitemap: https://archive.example.org/archive/sitemap.xml');
  });

  it('gives way to flags', async () => {
    const run = runCli(['build', '--out', 'other', '--base', '/', '--origin', 'https://other.example.org'], site);
    expect(run.status).toBe(0);
    const home = await read(path.join(site, 'other/index.html'));
    expect(home).toContain('<link rel="canonical" href="https://other.example.org/">');
    // What no flag overrides still comes from the file.
    expect(home).toContain('<title>浦江报刊档案</title>');
    expect(JSON.parse(await read(path.join(site, 'other/api/catalog.json'))).papers).toHaveLength(4);
  });

  it('can be named with --config, its folders relative to the file', async () => {
    await mkdir(path.join(dir, 'conf'), { recursive: true });
    await writeFile(path.join(dir, 'conf/archive.json'), JSON.stringify({ input: '../site/pages', out: '../built', papers: [{ id: 'pujiang-daily', name: '浦江日报' }] }));
    const run = runCli(['build', '--config', 'conf/archive.json'], dir);
    expect(run.status).toBe(0);
    expect(await read(path.join(dir, 'built/index.html'))).toContain('<link rel="canonical" href="/">');
  });

  it('stops the build with exit status 2 and a message naming the key, writing nothing', async () => {
    const bad = path.join(dir, 'bad');
    await mkdir(bad);
    await writeFile(path.join(bad, 'baokan.config.json'), JSON.stringify({ input: SEEDS, origin: 'http://archive.example.org' }));
    const run = runCli(['build'], bad);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('baokan: baokan.config.json: "origin" must be the https:// origin the site is served from');
    expect(await exists(path.join(bad, 'dist'))).toBe(false);
    const missing = runCli(['build', '--config', 'nowhere.json'], bad);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('baokan: nowhere.json: cannot read the configuration file (ENOENT)');
    const flag = runCli(['build', '--input', SEEDS, '--origin', 'archive.example.org'], dir);
    expect(flag.status).toBe(2);
    expect(flag.stderr).toContain('baokan: --origin must be the https:// origin');
    expect(await exists(path.join(dir, 'dist'))).toBe(false);
  });
});

describe('duplicate page files', () => {
  it('publishes the first of two files with the same text in one issue and rejects the other (exit 1), naming both', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'baokan-duplicate-'));
    const input = path.join(dir, 'pages');
    await mkdir(path.join(input, 'copy'), { recursive: true });
    await cp(path.join(SEEDS, SEED), path.join(input, 'a.txt'));
    await cp(path.join(SEEDS, SEED), path.join(input, 'copy/a.txt'));
    const run = runCli(['build', '--input', input, '--out', path.join(dir, 'dist')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^copy\/a\.txt:1:1: error: Same page text as a\.txt:1:1 in 杨浦时报 2020-07-27; published a\.txt, not this copy \[page-duplicate\]$/m);
    const catalog = JSON.parse(await read(path.join(dir, 'dist/api/catalog.json')));
    const sources = catalog.papers.flatMap((p: { issues: { pages: { source: string }[] }[] }) => p.issues.flatMap((i) => i.pages.map((pg) => pg.source)));
    expect(sources).toEqual(['a.txt']);
  });
});
