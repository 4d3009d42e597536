/**
 * The cost of the entities stage (src/entities/: entities and related articles) at archive
 * scale, measured against the rest of the same build (the peer in the same run):
 *
 *   node --import tsx scripts/bench-entities.ts [--articles 10000]
 *
 * Generates a synthetic archive (scripts/gen-archive.ts), builds it with a cold cache, then
 * adds one page of a new issue and builds again. For each build: the wall time, the entities
 * stage's own time (from the build's progress events), how many articles were analysed rather
 * than taken from the cache, and how many issues were rendered again.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build, type BuildResult } from '../src/build.js';
import { extraPage, generateArchive, type GeneratedFile } from './gen-archive.js';

const { values } = parseArgs({ options: { articles: { type: 'string', default: '10000' } } });
const articles = Number(values.articles);
const dir = await mkdtemp(path.join(tmpdir(), 'baokan-bench-entities-'));
const input = path.join(dir, 'input');
const write = async (file: GeneratedFile) => {
  await mkdir(path.dirname(path.join(input, file.path)), { recursive: true });
  await writeFile(path.join(input, file.path), file.contents);
};
for (const file of generateArchive({ articles, seed: 1 }).files) await write(file);

async function measured(): Promise<{ result: BuildResult; ms: number; entitiesMs: number }> {
  const marks = new Map<string, number>();
  const started = performance.now();
  const result = await build({
    input,
    out: path.join(dir, 'dist'),
    cache: path.join(dir, 'cache'),
    trace: false,
    onProgress: (stage) => {
      if (!marks.has(stage)) marks.set(stage, performance.now());
    },
  });
  return { result, ms: performance.now() - started, entitiesMs: (marks.get('render') ?? 0) - (marks.get('entities') ?? 0) };
}

const report = (label: string, { result, ms, entitiesMs }: Awaited<ReturnType<typeof measured>>) => {
  const issues = result.site.papers.reduce((n, p) => n + p.issues.length, 0);
  console.log(
    JSON.stringify({
      build: label,
      articles: result.site.articles.length,
      entities: result.site.entities?.length ?? 0,
      seconds: +(ms / 1000).toFixed(2),
      entitiesSeconds: +(entitiesMs / 1000).toFixed(2),
      entitiesShare: +(entitiesMs / ms).toFixed(3),
      analysed: result.analyses.analysed,
      issues,
      issuesRendered: issues - result.reusedIssues,
      filesWritten: result.written?.files ?? 0,
    }),
  );
};

report('full (cold cache)', await measured());
await write(extraPage({ articles, seed: 1 }));
report('one page of a new issue added', await measured());
report('nothing changed', await measured());
await rm(dir, { recursive: true, force: true });
