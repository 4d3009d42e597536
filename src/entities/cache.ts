/**
 * Article analyses (entities and terms) cached by a digest of what they depend on: the
 * article's text, the names known for it, and the code of src/entities (a changed rule
 * invalidates every entry by itself). An incremental build analyses only new or changed
 * articles. The entries live in one file of JSON lines, `<key> <analysis>`, written whole and
 * renamed into place, holding exactly the entries the last build used.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fg from 'fast-glob';
import type { AnalysisInput, ArticleAnalysis } from './analyse.js';

const FILE = 'analyses.jsonl';

/** Digest of the entity code and data (TypeScript sources and the gazetteer's JSON, or the compiled command's bundle) below `dir`. */
export async function analysisFingerprint(dir: string): Promise<string> {
  const hash = createHash('sha256').update('analyses 1\0');
  for (const name of (await fg(['**/*.ts', '**/*.js', '**/*.json'], { cwd: dir })).sort()) {
    hash.update(name).update('\0').update(await readFile(path.join(dir, name))).update('\0');
  }
  return hash.digest('hex');
}

/** The cache key of one article's analysis. */
export function analysisKey(fingerprint: string, input: AnalysisInput): string {
  return createHash('sha256').update(fingerprint).update('\0').update(JSON.stringify(input)).digest('hex');
}

/** The cached analyses in `dir` (none when the file is missing or unreadable). */
export async function readAnalyses(dir: string): Promise<Map<string, ArticleAnalysis>> {
  const text = await readFile(path.join(dir, FILE), 'utf8').catch(() => '');
  const entries = new Map<string, ArticleAnalysis>();
  for (const line of text.split('\n')) {
    const space = line.indexOf(' ');
    if (space < 0) continue;
    try {
      entries.set(line.slice(0, space), JSON.parse(line.slice(space + 1)) as ArticleAnalysis);
    } catch {
      // a torn line: that article is analysed again
    }
  }
  return entries;
}

/** Writes the entries this build used, replacing the file whole. */
export async function writeAnalyses(dir: string, entries: ReadonlyMap<string, ArticleAnalysis>): Promise<void> {
  await mkdir(dir, { recursive: true });
  const temporary = path.join(dir, `${FILE}.${process.pid}.tmp`);
  await writeFile(temporary, [...entries].map(([key, analysis]) => `${key} ${JSON.stringify(analysis)}\n`).join(''));
  await rename(temporary, path.join(dir, FILE));
}
