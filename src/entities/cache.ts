/**
 * Article analyses (entities and terms) cached by a digest of what they depend on: the
 * article's text, the names known for it, and the code of src/entities (a changed rule
 * invalidates every entry by itself). An incremental build analyses only new or changed
 * articles. The entries live in one file of JSON lines, `<key> <analysis>`, written whole as
 * the entities stage ends and renamed into place when the build has succeeded (src/staged-file.ts),
 * holding exactly the entries the last build used. The file is read and
 * written a line at a time: as one string it is ~1.2 KB an article, twice over while it was split
 * or joined (~300 MB at 50,000 articles).
 */
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import fg from 'fast-glob';
import type { AnalysisInput, ArticleAnalysis } from './analyse.js';
import { stageFile, type StagedFile } from '../staged-file.js';

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
  const entries = new Map<string, ArticleAnalysis>();
  const input = createReadStream(path.join(dir, FILE), { encoding: 'utf8' });
  try {
    for await (const line of createInterface({ input, crlfDelay: Infinity })) {
      const space = line.indexOf(' ');
      if (space < 0) continue;
      try {
        entries.set(line.slice(0, space), JSON.parse(line.slice(space + 1)) as ArticleAnalysis);
      } catch {
        // a torn line: that article is analysed again
      }
    }
  } catch {
    // a missing or unreadable file: what was read so far is still good
  }
  return entries;
}

/** Lines of the file gathered into writes of about this many characters. */
const CHUNK = 1 << 20;

/** Writes the entries this build used, replacing the file whole. */
export async function writeAnalyses(dir: string, entries: Iterable<[string, ArticleAnalysis]>): Promise<void> {
  await (await stageAnalyses(dir, entries)).commit();
}

/** Writes the entries this build used under a temporary name, to replace the file when committed. */
export async function stageAnalyses(dir: string, entries: Iterable<[string, ArticleAnalysis]>): Promise<StagedFile> {
  return stageFile(path.join(dir, FILE), async (temporary) => {
    const output = createWriteStream(temporary);
    const done = finished(output);
    done.catch(() => undefined);
    try {
      let chunk = '';
      for (const [key, analysis] of entries) {
        chunk += `${key} ${JSON.stringify(analysis)}\n`;
        if (chunk.length < CHUNK) continue;
        const ready = output.write(chunk);
        chunk = '';
        if (!ready) await once(output, 'drain');
      }
      output.end(chunk);
      await done;
    } catch (error) {
      output.destroy();
      throw error;
    }
  });
}
