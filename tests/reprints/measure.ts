/**
 * Precision and recall of reprint detection on the planted archive of scripts/gen-reprints.ts,
 * built through the whole pipeline (pages parsed as any input is). Used by the test and by
 * `npx tsx tests/reprints/measure.ts [--stories N] [--seed S]`, which prints the numbers.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildSite } from '../../src/build.js';
import { generateReprintArchive, startOf } from '../../scripts/gen-reprints.js';

export interface Scores {
  precision: number;
  recall: number;
  truePairs: number;
  foundPairs: number;
  articles: number;
  /** Printed copies that could not be found among the parsed articles (the parser merged or split them). */
  unmatched: number;
}

/** Builds the planted archive and compares the pairs found with the pairs planted. */
export async function measureReprints(stories = 400, seed = 1): Promise<Scores> {
  const archive = generateReprintArchive({ stories, seed });
  const input = await mkdtemp(path.join(tmpdir(), 'baokan-reprints-'));
  try {
    for (const f of archive.files) {
      await mkdir(path.dirname(path.join(input, f.path)), { recursive: true });
      await writeFile(path.join(input, f.path), f.contents);
    }
    const { site } = await buildSite({ input, trace: false });
    // Each printed copy is the next parsed article of its file whose text starts with its first
    // words; a parsed article in between is a piece of the copy before it (the parser split it).
    const groupOf = new Map<string, number>();
    archive.truth.forEach((group, g) => group.forEach((c) => groupOf.set(`${c.file}\0${c.start}`, g)));
    const heads = new Map<string, number>(); // article id → planted group, for whole copies
    const pieces = new Map<string, number>(); // article id → planted group, for pieces of copies
    const printed = groupBy(archive.printed, (c) => c.file);
    let unmatched = 0;
    for (const paper of site.papers) {
      for (const issue of paper.issues) {
        for (const page of issue.pages) {
          const copies = printed.get(page.source) ?? [];
          let next = 0;
          let current: number | undefined;
          for (const a of page.articles) {
            const start = startOf(a.article.paragraphs.join(''));
            const at = copies.findIndex((c, k) => k >= next && c.start === start);
            if (at >= 0) {
              unmatched += at - next;
              next = at + 1;
              current = groupOf.get(`${page.source}\0${start}`);
              if (current !== undefined) heads.set(a.id, current);
            } else if (current !== undefined) pieces.set(a.id, current);
          }
          unmatched += copies.length - next;
        }
      }
    }
    const pair = (a: string, b: string): string => (a < b ? `${a} ${b}` : `${b} ${a}`);
    const truth = new Set<string>();
    const members = groupBy([...heads], ([, g]) => g);
    for (const group of members.values()) {
      for (let i = 0; i < group.length; i++) for (let j = i + 1; j < group.length; j++) truth.add(pair(group[i]![0], group[j]![0]));
    }
    // A link from a piece of a copy to another copy of the same text is right, but not required.
    const groupOfArticle = (id: string): number | undefined => heads.get(id) ?? pieces.get(id);
    const found = new Set<string>();
    const right = new Set<string>();
    for (const a of site.articles) {
      for (const b of a.reprints) {
        const p = pair(a.id, b);
        found.add(p);
        if (truth.has(p) || (groupOfArticle(a.id) !== undefined && groupOfArticle(a.id) === groupOfArticle(b))) right.add(p);
      }
    }
    const hits = [...found].filter((p) => truth.has(p)).length;
    return {
      precision: found.size === 0 ? 1 : right.size / found.size,
      recall: truth.size === 0 ? 1 : hits / truth.size,
      truePairs: truth.size,
      foundPairs: found.size,
      articles: site.articles.length,
      unmatched,
    };
  } finally {
    await rm(input, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { stories: { type: 'string' }, seed: { type: 'string' } } });
  console.log(await measureReprints(Number(values.stories ?? 400), Number(values.seed ?? 1)));
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
