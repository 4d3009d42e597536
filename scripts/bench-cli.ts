/**
 * Starting the command: a no-op rebuild of the five seeds (every page cached, nothing written),
 * run the ways people run baokan, side by side and interleaved so a busy machine slows all alike:
 *   - from the sources: `npm run build -- …`, and `tsx src/bin.ts …` (what that script runs);
 *   - installed: `npm pack`'d and installed into an empty project, then `npx baokan build …`,
 *     and `node_modules/.bin/baokan build …` (the command itself, without npx).
 * Both run from a snapshot of the repository's sources, so edits made meanwhile change neither.
 * Part of `npm run bench`; alone: `node --import tsx scripts/bench-cli.ts [--runs 9] [--write]`
 * (--write replaces the section between the bench:cli markers of BENCHMARKS.md).
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { snapshotRepository } from './snapshot.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const SEEDS = path.join(ROOT, 'seeds');

/** npm and the command as a user runs them: without the npm_* variables of `npm run bench`. */
function run(command: string, args: string[], cwd: string): { ms: number; status: number | null; stdout: string; stderr: string } {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  const started = performance.now();
  const r = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 1 << 26 });
  return { ms: performance.now() - started, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Way {
  name: string;
  command: string;
  args: string[];
  cwd: string;
}

/** Packs and installs the command, times `runs` no-op rebuilds per way; returns a Markdown section. */
export async function benchCli(runs = 9): Promise<string[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'baokan-bench-cli-'));
  try {
    const repo = await snapshotRepository(ROOT, path.join(dir, 'repo'));
    process.stderr.write('bench cli: npm pack (compiles lib/) and install into an empty project…\n');
    const pack = run('npm', ['pack', '--json', '--pack-destination', dir], repo);
    if (pack.status !== 0) throw new Error(`bench cli: npm pack failed: ${pack.stderr}`);
    const [{ filename }] = JSON.parse(pack.stdout) as [{ filename: string }];
    const project = path.join(dir, 'project');
    await mkdir(project);
    await writeFile(path.join(project, 'package.json'), '{ "name": "bench-archive", "private": true }\n');
    const install = run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', path.join(dir, filename)], project);
    if (install.status !== 0) throw new Error(`bench cli: npm install failed: ${install.stderr}`);
    const fromSource = ['build', '--input', SEEDS, '--out', path.join(dir, 'dist-source')];
    const installed = ['build', '--input', SEEDS];
    const ways: Way[] = [
      { name: '`npm run build -- …` (sources, tsx)', command: 'npm', args: ['run', 'build', '--', ...fromSource], cwd: repo },
      { name: '`tsx src/bin.ts build …` (what `npm run build` runs)', command: path.join(repo, 'node_modules/.bin/tsx'), args: ['src/bin.ts', ...fromSource], cwd: repo },
      { name: '`npx baokan build …` (installed)', command: 'npx', args: ['baokan', ...installed], cwd: project },
      { name: '`node_modules/.bin/baokan build …` (installed, without npx)', command: path.join(project, 'node_modules/.bin/baokan'), args: installed, cwd: project },
    ];
    // Two builds each first: the first may parse and write, the second settles the cache.
    for (const way of ways) for (let i = 0; i < 2; i++) check(way, run(way.command, way.args, way.cwd), i === 1);
    const times = new Map(ways.map((w) => [w, [] as number[]]));
    for (let i = 0; i < runs; i++) {
      process.stderr.write(`bench cli: round ${i + 1}/${runs}\n`);
      for (const way of ways) {
        const r = run(way.command, way.args, way.cwd);
        check(way, r, true);
        times.get(way)!.push(r.ms);
      }
    }
    const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
    const base = median(times.get(ways[1]!)!);
    return [
      `Run on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}; ${runs} interleaved rounds.`,
      '',
      '| no-op rebuild of the 5 seeds, wall time | median (s) | fastest (s) | median / tsx |',
      '|---|---|---|---|',
      ...ways.map((w) => {
        const t = times.get(w)!;
        return `| ${w.name} | ${(median(t) / 1000).toFixed(2)} | ${(Math.min(...t) / 1000).toFixed(2)} | ${(median(t) / base).toFixed(2)} |`;
      }),
      '',
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A run must succeed, and a no-op must be one: every page from the cache, no file written. */
function check(way: Way, r: ReturnType<typeof run>, noOp: boolean): void {
  if (r.status !== 0) throw new Error(`bench cli: ${way.name} exited ${r.status}: ${r.stderr}`);
  if (noOp && !/0 pages parsed, 5 from cache.* 0 written/.test(r.stderr)) throw new Error(`bench cli: ${way.name} was not a no-op: ${r.stderr}`);
}

/** Replaces the text between `<!-- bench:cli -->` and `<!-- /bench:cli -->` in BENCHMARKS.md. */
export async function writeCliSection(lines: string[]): Promise<void> {
  const file = path.join(ROOT, 'BENCHMARKS.md');
  const doc = await readFile(file, 'utf8');
  const start = '<!-- bench:cli -->';
  const end = '<!-- /bench:cli -->';
  const [head, rest] = doc.split(start);
  const tail = rest?.split(end)[1];
  if (head === undefined || tail === undefined) throw new Error(`bench cli: BENCHMARKS.md has no ${start} … ${end} section`);
  await writeFile(file, `${head}${start}\n${lines.join('\n')}\n${end}${tail}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '9' }, write: { type: 'boolean', default: false } } });
  const lines = await benchCli(Number(values.runs));
  console.log(lines.join('\n'));
  if (values.write) await writeCliSection(lines);
}
