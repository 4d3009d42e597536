import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_PAPERS } from '../../src/build.js';
import { ConfigError, loadConfig, mergePapers, parseConfig, validateConfig } from '../../src/config.js';

const DIR = path.resolve('/projects/site');
const check = (json: unknown) => validateConfig(json, 'baokan.config.json', DIR);
/** The message of the ConfigError `json` raises. */
const problem = (json: unknown): string => {
  try {
    check(json);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error(`no error for ${JSON.stringify(json)}`);
};

describe('baokan.config.json', () => {
  it('accepts every key, making folders absolute (relative to the file) and the origin bare', () => {
    const config = check({
      $schema: './baokan.schema.json',
      title: '浦东报刊档案',
      origin: 'https://archive.example.org/',
      base: '/archive/',
      input: 'pages',
      out: '../public',
      papers: [{ id: 'pujiang-daily', name: '浦江日报', district: '浦东新区', aliases: ['浦江报'], places: ['陆家嘴'] }],
    });
    expect(config).toEqual({
      title: '浦东报刊档案',
      origin: 'https://archive.example.org',
      base: '/archive/',
      input: path.join(DIR, 'pages'),
      out: path.resolve(DIR, '../public'),
      papers: [{ id: 'pujiang-daily', name: '浦江日报', district: '浦东新区', aliases: ['浦江报'], places: ['陆家嘴'] }],
    });
    expect(check({})).toEqual({});
    expect(check({ origin: 'https://example.org:8443' }).origin).toBe('https://example.org:8443');
  });

  it('says where invalid JSON breaks', () => {
    expect(() => parseConfig('{\n  "title": "x",\n}', 'site.json', DIR)).toThrow(/^site\.json:3:1: not valid JSON/);
    expect(() => parseConfig('[]', 'site.json', DIR)).toThrow('site.json: the configuration must be a JSON object');
  });

  it.each([
    [{ output: 'dist' }, '"output" is not a configuration key (did you mean "out"?); known keys: title, origin, base, input, out, papers'],
    [{ colour: 'red' }, '"colour" is not a configuration key; known keys'],
    [{ title: 3 }, '"title" must be a string, not number 3'],
    [{ title: '  ' }, '"title" must not be empty'],
    [{ title: 'a\nb' }, '"title" must be one line without control characters'],
    [{ origin: 'http://example.org' }, '"origin" must be the https:// origin the site is served from, such as https://example.org (no path: that is "base"), not "http://example.org"'],
    [{ origin: 'https://example.org/archive/' }, '"origin" must be the https:// origin'],
    [{ origin: 'https://example.org?x=1' }, '"origin" must be the https:// origin'],
    [{ origin: 'https://user:pw@example.org' }, '"origin" must be the https:// origin'],
    [{ origin: 'example.org' }, '"origin" must be the https:// origin'],
    [{ origin: null }, '"origin" must be a string, not null'],
    [{ base: '/a/../b/' }, '"base" must be a URL path such as /archive/, not "/a/../b/"'],
    [{ base: '/a b/' }, '"base" must be a URL path'],
    [{ input: ['pages'] }, '"input" must be a string, not a list'],
    [{ out: '' }, '"out" must not be empty'],
    [{ papers: {} }, '"papers" must be a list of papers'],
    [{ papers: ['浦江日报'] }, '"papers[0]" must be an object with "id" and "name"'],
    [{ papers: [{ id: 'a', name: 'A', website: 'x' }] }, '"papers[0].website" is not a paper key; known keys: id, name, district, aliases, places'],
    [{ papers: [{ name: '浦江日报' }] }, '"papers[0].id" is missing'],
    [{ papers: [{ id: 'Pujiang Daily', name: '浦江日报' }] }, '"papers[0].id" must be a URL slug of lowercase letters, digits and single hyphens (such as pudong-times), not "Pujiang Daily"'],
    [{ papers: [{ id: 'a', name: 'A' }, { id: 'a', name: 'B' }] }, '"papers[1].id" repeats "a"; each paper is listed once'],
    [{ papers: [{ id: 'a' }] }, '"papers[0].name" is missing'],
    [{ papers: [{ id: 'a', name: '<b>A</b>' }] }, '"papers[0].name" must not contain /, \\, <, > or ".."'],
    [{ papers: [{ id: 'a', name: 'A', district: 7 }] }, '"papers[0].district" must be a string, not number 7'],
    [{ papers: [{ id: 'a', name: 'A', aliases: 'AA' }] }, '"papers[0].aliases" must be a list of strings'],
    [{ papers: [{ id: 'a', name: 'A', places: ['x', 1] }] }, '"papers[0].places[1]" must be a string, not number 1'],
  ])('rejects %j naming the key', (json, message) => {
    expect(problem(json)).toContain(`baokan.config.json: ${message}`);
  });

  it('merges papers into the built-in registry: new ids are added, a built-in id is replaced', () => {
    const yangpu = BUILT_IN_PAPERS.find((p) => p.id === 'yangpu-times')!;
    const merged = mergePapers(BUILT_IN_PAPERS, [
      { id: 'pujiang-daily', name: '浦江日报', district: null },
      { ...yangpu, aliases: [...(yangpu.aliases ?? []), '杨浦报'] },
    ]);
    expect(merged).toHaveLength(BUILT_IN_PAPERS.length + 1);
    expect(merged.find((p) => p.id === 'yangpu-times')!.aliases).toContain('杨浦报');
    expect(merged.find((p) => p.id === 'pujiang-daily')).toEqual({ id: 'pujiang-daily', name: '浦江日报', district: null });
  });

  it('rejects a paper whose name or alias another paper already has', () => {
    expect(() => mergePapers(BUILT_IN_PAPERS, [{ id: 'pujiang-daily', name: '浦江日报', district: null, aliases: ['杨浦时报'] }])).toThrow(
      'baokan.config.json: "papers[0]": the name "杨浦时报" is used by both yangpu-times and pujiang-daily',
    );
  });

  it('is optional in the working directory, required when named with --config', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'baokan-config-'));
    expect(await loadConfig(dir)).toEqual({ config: {}, file: null });
    await expect(loadConfig(dir, 'site.json')).rejects.toThrow(/^site\.json: cannot read the configuration file \(ENOENT\)/);
    await writeFile(path.join(dir, 'baokan.config.json'), '{ "input": "pages" }');
    expect(await loadConfig(dir)).toEqual({ config: { input: path.join(dir, 'pages') }, file: path.join(dir, 'baokan.config.json') });
    await writeFile(path.join(dir, 'bad.json'), '{ "base": 1 }');
    await expect(loadConfig(dir, 'bad.json')).rejects.toThrow('bad.json: "base" must be a string, not number 1');
  });
});
