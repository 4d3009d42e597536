/**
 * The installable command, as a user gets it: `npm pack` (which compiles lib/ through the
 * `prepack` script), the tarball installed as a dependency of an empty project, then
 * `npx baokan build --input pages` there. Packed from a snapshot of the repository, with which
 * its builds are compared, so edits made while the test runs change neither side.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateArchive } from '../../scripts/gen-archive.js';
import { snapshotRepository } from '../../scripts/snapshot.js';
import { fingerprint, ROOT } from '../helpers/cli.js';

/** npm as a user runs it: without the npm_* variables of an `npm test` around this test. */
function npm(command: 'npm' | 'npx', args: string[], cwd: string) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  const r = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 1 << 26 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

let repo: string;
let project: string;
let packed: { filename: string; files: { path: string }[] };
let run: ReturnType<typeof npm>;

/** `npm run build -- …` in the snapshot: the sources under tsx. */
function fromSources(args: string[]) {
  const r = spawnSync(path.join(repo, 'node_modules/.bin/tsx'), ['src/bin.ts', ...args], { cwd: repo, encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr };
}

beforeAll(async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'baokan-package-'));
  repo = await snapshotRepository(ROOT, path.join(dir, 'repo'));
  const pack = npm('npm', ['pack', '--json', '--pack-destination', dir], repo);
  expect(pack.status, pack.stderr).toBe(0);
  [packed] = JSON.parse(pack.stdout) as [typeof packed];
  const tarball = path.join(dir, packed.filename);
  project = path.join(dir, 'project');
  await mkdir(project);
  await writeFile(path.join(project, 'package.json'), `${JSON.stringify({ name: 'my-archive', private: true }, null, 2)}\n`);
  await cp(path.join(ROOT, 'seeds'), path.join(project, 'pages'), { recursive: true });
  // The tarball brings the compiled command; its few dependencies come from npm's cache when
  // they are there (they are after `npm ci` of this repository), else from the registry.
  const install = npm('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], project);
  expect(install.status, install.stderr).toBe(0);
  run = npm('npx', ['baokan', 'build', '--input', 'pages'], project);
});

describe('the installed baokan command', () => {
  it('ships the compiled command, the templates and the styles, and no TypeScript', () => {
    const files = packed.files.map((f) => f.path);
    expect(files).toContain('lib/bin.js');
    expect(files).toContain('lib/parse-worker.js');
    expect(files).toContain('lib/render-worker.js');
    expect(files).toContain('lib/assets/search.js');
    expect(files).toContain('templates/layout.html');
    expect(files.filter((f) => f.startsWith('public/')).length).toBeGreaterThan(0);
    expect(files.filter((f) => /\.ts$/.test(f) || f.startsWith('src/') || f.startsWith('tests/'))).toEqual([]);
  });

  it('builds the site with `npx baokan build --input pages`', async () => {
    expect(run.stderr).toMatch(/baokan: 5 files, 5 pages, \d+ articles, 0 rejected.* → dist\//);
    expect(run.status).toBe(0);
    const catalog = JSON.parse(await readFile(path.join(project, 'dist/api/catalog.json'), 'utf8'));
    expect(catalog.papers).toHaveLength(3);
    expect(await readFile(path.join(project, 'dist/sitemap.xml'), 'utf8')).toContain('<loc>/yangpu-times/</loc>');
    expect(await readFile(path.join(project, 'dist/assets/search.js'), 'utf8')).not.toBe('');
  });

  it('builds the same bytes as `npm run build` from the sources', async () => {
    const out = path.join(await mkdtemp(path.join(tmpdir(), 'baokan-package-')), 'dist');
    expect(fromSources(['--input', path.join(project, 'pages'), '--out', out]).status).toBe(0);
    expect(await fingerprint(path.join(project, 'dist'))).toEqual(await fingerprint(out));
  });

  it('parses and renders in worker threads from the compiled code, with the same bytes', async () => {
    // Over 200 pages and 500 articles: parse workers and the render worker both start.
    const dir = await mkdtemp(path.join(tmpdir(), 'baokan-package-'));
    const input = path.join(dir, 'archive');
    const archive = generateArchive({ articles: 1300, seed: 7 });
    expect(archive.files.length).toBeGreaterThanOrEqual(200);
    for (const f of archive.files) {
      await mkdir(path.dirname(path.join(input, f.path)), { recursive: true });
      await writeFile(path.join(input, f.path), f.contents);
    }
    const installed = npm('npx', ['baokan', 'build', '--input', input, '--out', path.join(dir, 'installed'), '--no-cache', '--quiet'], project);
    expect(installed.status, installed.stderr).toBe(0);
    expect(fromSources(['--input', input, '--out', path.join(dir, 'source'), '--no-cache', '--quiet']).status).toBe(0);
    expect(await fingerprint(path.join(dir, 'installed'))).toEqual(await fingerprint(path.join(dir, 'source')));
  }, 300_000);

  it('keeps its cache in the project, so the next build reuses everything', () => {
    const again = npm('npx', ['baokan', 'build', '--input', 'pages'], project);
    expect(again.status).toBe(0);
    expect(again.stderr).toMatch(/0 pages parsed, 5 from cache, \d+ issues reused .* 0 written/);
  });

  it('says `baokan build` and `baokan dev` in its usage, and exits 2 on an unknown command', () => {
    const help = npm('npx', ['baokan', '--help'], project);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^usage: baokan build \[--input DIR\]/);
    expect(help.stdout).toMatch(/^ {7}baokan dev /m);
    const wrong = npm('npx', ['baokan', 'biuld'], project);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('baokan: unknown command "biuld"; the commands are `baokan build` and `baokan dev`');
  });

  it('runs the dev server from the compiled code: it serves the site with the reload script and stops cleanly', async () => {
    const bin = path.join(project, 'node_modules/.bin/baokan');
    const server = spawn(bin, ['dev', '--input', 'pages', '--out', 'preview', '--port', '0'], { cwd: project, stdio: ['ignore', 'ignore', 'pipe'] });
    let output = '';
    server.stderr.setEncoding('utf8').on('data', (d: string) => (output += d));
    const exited = new Promise<number | null>((resolve) => server.once('exit', resolve));
    try {
      const until = Date.now() + 60_000;
      while (!/^baokan: 5 files, /m.test(output) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
      const url = /serving .* at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)?.[1];
      expect(url, output).toBeDefined();
      expect(await (await fetch(url!)).text()).toContain('<script src="/__baokan/client.js"');
      expect((await fetch(new URL('__baokan/client.js', url))).status).toBe(200);
      expect(await readFile(path.join(project, 'preview/index.html'), 'utf8')).not.toContain('__baokan');
    } finally {
      server.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect((await readdir(project)).filter((f) => f.startsWith('preview'))).toEqual(['preview']);
  }, 120_000);
});
