import { cp, mkdtemp, readFile, writeFile, readdir, access } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { fingerprint, killCliAfter, ROOT, runCli } from '../helpers/cli.js';

const SEEDS = path.join(ROOT, 'seeds');
const SCHEMA = path.join(ROOT, 'docs/api.schema.json');
const scratch = () => mkdtemp(path.join(tmpdir(), 'baokan-e2e-'));
const readJson = async (file: string) => JSON.parse(await readFile(file, 'utf8'));

let out: string;
let run: ReturnType<typeof runCli>;

beforeAll(async () => {
  out = path.join(await scratch(), 'dist');
  run = runCli(['--input', SEEDS, '--out', out]);
});

describe('building the seeds', () => {
  it('exits 0 and says what it built', () => {
    expect(run.stderr).toMatch(/5 files, 5 pages, \d+ articles, 0 rejected/);
    expect(run.status).toBe(0);
  });

  it('publishes a data API that validates against the contract schema, with 3 papers and 5 pages', async () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(await readJson(SCHEMA));
    const catalog = await readJson(path.join(out, 'api/catalog.json'));
    expect(validate(catalog), JSON.stringify(validate.errors)).toBe(true);
    expect(catalog.papers.map((p: { name: string }) => p.name).sort()).toEqual(['徐汇报', '杨浦时报', '虹口报'].sort());
    const sources: string[] = [];
    for (const paper of catalog.papers) {
      for (const issue of paper.issues) {
        const doc = await readJson(path.join(out, issue.api));
        expect(validate(doc), `${issue.api}: ${JSON.stringify(validate.errors)}`).toBe(true);
        expect(doc.pages.map((p: { source: string }) => p.source)).toEqual(issue.pages.map((p: { source: string }) => p.source));
        sources.push(...doc.pages.map((p: { source: string }) => p.source));
        for (const page of doc.pages) {
          expect(page.articles.length).toBeGreaterThan(0);
          for (const a of page.articles) await access(path.join(out, a.url, 'index.html'));
        }
      }
    }
    expect(sources.sort()).toEqual((await readdir(SEEDS)).sort());
  });

  it('reports inferred dates as diagnostics in the data API', async () => {
    const catalog = await readJson(path.join(out, 'api/catalog.json'));
    const issues = catalog.papers.flatMap((p: { issues: unknown[] }) => p.issues);
    const inferred = issues.filter((i: { dateInferred: boolean }) => i.dateInferred);
    expect(inferred.length).toBeGreaterThan(0);
    for (const issue of inferred) {
      const doc = await readJson(path.join(out, issue.api));
      const rules = doc.pages.flatMap((p: { diagnostics: { rule: string }[] }) => p.diagnostics.map((d) => d.rule));
      expect(rules).toContain('date-inferred');
    }
  });

  it('gives byte-identical output for the same input, and never writes to the input folder', async () => {
    const before = await fingerprint(SEEDS);
    const again = path.join(await scratch(), 'dist');
    expect(runCli(['--input', SEEDS, '--out', again]).status).toBe(0);
    expect(await fingerprint(again)).toEqual(await fingerprint(out));
    expect(await fingerprint(SEEDS)).toEqual(before);
  });

  it('serves from a sub-path: every URL in the API and every internal link carries --base', async () => {
    const sub = path.join(await scratch(), 'dist');
    expect(runCli(['--input', SEEDS, '--out', sub, '--base', '/archive/']).status).toBe(0);
    const catalog = await readFile(path.join(sub, 'api/catalog.json'), 'utf8');
    const urls = [...catalog.matchAll(/"(?:url|api)": "([^"]*)"/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(10);
    for (const u of urls) expect(u.startsWith('/archive/'), u).toBe(true);
    const home = await readFile(path.join(sub, 'index.html'), 'utf8');
    const hrefs = [...home.matchAll(/(?:href|src)="(\/[^"]*)"/g)].map((m) => m[1]!);
    expect(hrefs.length).toBeGreaterThan(3);
    for (const h of hrefs) expect(h.startsWith('/archive/'), h).toBe(true);
  });
});

describe('bad input and usage', () => {
  it('exits 1 and still builds the good pages when one file is rejected, printing path:line:col', async () => {
    const input = await scratch();
    await cp(SEEDS, input, { recursive: true });
    await writeFile(path.join(input, 'scan.txt'), new Uint8Array([0x41, 0x0a, 0x42, 0x00]));
    const dest = path.join(await scratch(), 'dist');
    const r = runCli(['--input', input, '--out', dest]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('scan.txt:2:2: error: File looks binary (NUL byte at offset 3) [binary-file]');
    const catalog = await readJson(path.join(dest, 'api/catalog.json'));
    expect(catalog.papers).toHaveLength(3);
  });

  it('exits 2 on a usage error and writes nothing', async () => {
    const dest = path.join(await scratch(), 'dist');
    expect(runCli(['--input', SEEDS, '--out', dest, '--frobnicate']).status).toBe(2);
    expect(runCli(['--input', path.join(ROOT, 'no-such-folder'), '--out', dest]).status).toBe(2);
    expect(runCli(['--input', SEEDS, '--out', path.join(SEEDS, 'dist')]).status).toBe(2);
    expect(runCli(['--input', SEEDS, '--out', dest, '--base', '../x']).status).toBe(2);
    await expect(access(dest)).rejects.toThrow();
  });

  it('keeps the previous site when a build fails or is killed at any moment', async () => {
    const dir = await scratch();
    const dest = path.join(dir, 'dist');
    expect(runCli(['--input', SEEDS, '--out', dest]).status).toBe(0);
    const site = await fingerprint(dest);
    expect(runCli(['--input', path.join(dir, 'missing'), '--out', dest]).status).toBe(2);
    expect(await fingerprint(dest)).toEqual(site);
    for (const delay of [200, 600, 1000, 1400, 1800]) {
      await killCliAfter(['--input', SEEDS, '--out', dest], delay);
      // Whatever the moment, a complete site is there (or, in the instant between the two renames
      // of the swap, the retired complete site next to it), never a partial one.
      const siblings = await readdir(dir);
      if (siblings.includes('dist')) expect(await fingerprint(dest)).toEqual(site);
      else expect(await fingerprint(path.join(dir, siblings.find((s) => s.startsWith('dist.baokan-old-'))!))).toEqual(site);
      const runCheck = runCli(['--input', SEEDS, '--out', dest]);
      expect(runCheck.status).toBe(0);
      expect(await fingerprint(dest)).toEqual(site);
      expect((await readdir(dir)).sort()).toEqual(['dist']);
    }
  }, 300_000);
});
