/**
 * A test archive with planted reprints, for measuring reprint detection (src/reprints/).
 *
 *   npx tsx scripts/gen-reprints.ts --out /tmp/reprints [--stories 400] [--seed 1]
 *
 * Stories are written from jieba's dictionary (words drawn by frequency, so unrelated stories
 * share common words as real news does, but not whole phrases). Then some stories are printed
 * again in other papers and issues, as district papers run a 区府 or 市里 text:
 * - whole, under another headline, with its paragraphs re-broken by another column layout
 *   (a paragraph split across blocks, half- and full-width punctuation swapped);
 * - partly: a run of at least half its paragraphs, sometimes after a lead of the paper's own;
 * and near misses are planted that are NOT reprints:
 * - stories that end with the same long standard paragraph (a 区融媒体 formula) or open with the
 *   same sentence and headline as another story (a follow-up of the same event).
 * `truth` lists the planted copies of each story by (file, first words of the copy), so a test
 * can map the parsed articles back to them.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { lowerBound } from '../src/sorted.js';
import { Draw, mulberry32 } from './prng.js';

export interface ReprintArchive {
  files: { path: string; contents: string }[];
  /** Every printing of a planted text: the groups whose members are reprints of each other. */
  truth: PlantedCopy[][];
  /** Every printed article: its file and the start of its first paragraph (12 characters). */
  printed: PlantedCopy[];
}

export interface PlantedCopy {
  file: string;
  /** The first 12 letters or digits of the copy's first paragraph: finds it among the parsed articles. */
  start: string;
}

interface Story {
  headline: string;
  paragraphs: string[];
}

const PAPERS = ['杨浦时报', '徐汇报', '虹口报', '静安报', '闵行报', '浦东时报'];

/** Letters and digits only: how the test finds a copy's first words in a parsed article. */
export function startOf(text: string): string {
  return Array.from(text.normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, '')).slice(0, 12).join('');
}

/** Words and their sampling weights from jieba's dictionary (content words of 2–4 characters). */
function vocabulary(): { words: string[]; cumulative: Float64Array } {
  const require = createRequire(import.meta.url);
  const dict = readFileSync(path.join(path.dirname(require.resolve('@node-rs/jieba/package.json')), 'dict.txt'), 'utf8');
  const words: string[] = [];
  const weights: number[] = [];
  for (const line of dict.split('\n')) {
    const [word, freq, tag] = line.split(' ');
    const f = Number(freq);
    if (!word || !tag || f < 200 || !/^[\u4e00-\u9fff]{2,4}$/.test(word) || !/^(n|v|vn|a|ad|an|d|ns|nt|nz)$/.test(tag)) continue;
    words.push(word);
    weights.push(f ** 0.6);
  }
  const cumulative = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((w, i) => (cumulative[i] = total += w));
  return { words, cumulative };
}

const FUNCTION_WORDS = ['的', '了', '和', '在', '是', '将', '对', '与', '为', '把', '并', '也', '都', '要', '从'];

/** Generates the archive; the same options give the same files. */
export function generateReprintArchive(options: { stories?: number; seed?: number } = {}): ReprintArchive {
  const draw = new Draw(mulberry32(options.seed ?? 1));
  const { words, cumulative } = vocabulary();
  const total = cumulative[cumulative.length - 1]!;
  const word = (): string => {
    const x = draw.float() * total;
    return words[Math.min(lowerBound(cumulative, x), cumulative.length - 1)]!;
  };
  const sentence = (): string => {
    const n = draw.int(7, 16);
    let s = '';
    for (let i = 0; i < n; i++) {
      s += word();
      if (draw.chance(0.3)) s += draw.pick(FUNCTION_WORDS);
      if (i > 2 && i < n - 2 && draw.chance(0.15)) s += '，';
    }
    return `${s}。`;
  };
  const paragraph = (): string => Array.from({ length: draw.int(2, 4) }, sentence).join('');
  // Two clauses with a space between, as headlines are set.
  const headline = (): string => `${word()}${word()} ${word()}${word()}${draw.chance(0.5) ? word() : ''}`;
  const story = (): Story => ({ headline: headline(), paragraphs: Array.from({ length: draw.int(3, 7) }, paragraph) });
  // The standard closing paragraph many stories end with, and nothing else in common.
  const formula = `${sentence()}${sentence()}`;

  const count = options.stories ?? 400;
  const stories: Story[] = Array.from({ length: count }, story);
  const placed: { story: Story; planted: number | null }[] = stories.map((s) => ({ story: s, planted: null }));
  const groups: Story[][] = [];
  for (let i = 0; i < count; i++) {
    const base = stories[i]!;
    if (draw.chance(0.15)) base.paragraphs.push(formula);
    if (!draw.chance(0.2)) continue;
    // A planted text: 1–3 more printings, each whole or partial.
    const copies: Story[] = [base];
    for (let k = draw.int(1, 3); k > 0; k--) {
      let paragraphs = base.paragraphs.slice();
      if (draw.chance(0.5)) {
        const keep = Math.max(2, Math.ceil(paragraphs.length * (0.5 + 0.5 * draw.float())));
        const from = draw.int(0, paragraphs.length - keep);
        paragraphs = paragraphs.slice(from, from + keep);
        if (draw.chance(0.4)) paragraphs.unshift(sentence());
      }
      copies.push({ headline: headline(), paragraphs });
    }
    groups.push(copies);
    for (const copy of copies.slice(1)) placed.push({ story: copy, planted: groups.length - 1 });
  }
  // Near misses: a follow-up with the same headline and opening sentence, the rest its own.
  for (let i = 0; i < count / 10; i++) {
    const other = draw.pick(stories);
    const opening = /^[^。]*。/.exec(other.paragraphs[0]!)?.[0] ?? '';
    const follow = story();
    follow.headline = other.headline;
    follow.paragraphs[0] = opening + follow.paragraphs[0]!;
    placed.push({ story: follow, planted: null });
  }

  // Pages: the printings shuffled over papers, weekly issues and 版, 3–6 stories to a 版.
  const order = draw.shuffle(placed.map((_, i) => i));
  const files: ReprintArchive['files'] = [];
  const truth: PlantedCopy[][] = groups.map(() => []);
  const printed: PlantedCopy[] = [];
  const firstOf = new Map<Story, PlantedCopy>();
  let at = 0;
  for (let n = 0; at < order.length; n++) {
    const paper = PAPERS[n % PAPERS.length]!;
    const week = Math.floor(n / (PAPERS.length * 4));
    const pageNo = (Math.floor(n / PAPERS.length) % 4) + 1;
    const date = new Date(Date.UTC(2021, 0, 4 + 7 * week)).toISOString().slice(0, 10);
    const file = `${paper}/${date}-${String(pageNo).padStart(2, '0')}.txt`;
    const lines = ['---', `paper: ${paper}`, `date: ${date}`, `page: ${pageNo}`, '---', ''];
    for (let k = draw.int(3, 6); k > 0 && at < order.length; k--) {
      const { story: s, planted } = placed[order[at++]!]!;
      const copy = { file, start: startOf(`本报讯${s.paragraphs[0]!}`) };
      printed.push(copy);
      if (planted !== null) truth[planted]!.push(copy);
      else firstOf.set(s, copy);
      lines.push(s.headline, '');
      // Another column layout: a paragraph may be split across blocks, commas set half-width.
      for (const [i, p] of s.paragraphs.entries()) {
        // Stories open with 本报讯, as the papers print them.
        const opened = i === 0 ? `本报讯 ${p}` : p;
        const text = planted !== null && draw.chance(0.5) ? opened.replace(/，/g, ',') : opened;
        const chars = Array.from(text);
        if (planted !== null && chars.length > 40 && draw.chance(0.5)) {
          const cut = draw.int(12, chars.length - 12);
          lines.push(chars.slice(0, cut).join(''), '', chars.slice(cut).join(''), '');
        } else lines.push(text, '');
      }
    }
    files.push({ path: file, contents: `${lines.join('\n')}\n` });
  }
  // The originals of planted texts were printed as ordinary stories: put them first in their group.
  groups.forEach((copies, g) => truth[g]!.unshift(firstOf.get(copies[0]!)!));
  return { files, truth, printed };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { out: { type: 'string' }, stories: { type: 'string' }, seed: { type: 'string' } } });
  if (!values.out) throw new Error('gen-reprints: --out DIR is required');
  const archive = generateReprintArchive({ stories: Number(values.stories ?? 400), seed: Number(values.seed ?? 1) });
  for (const f of archive.files) {
    mkdirSync(path.dirname(path.join(values.out, f.path)), { recursive: true });
    writeFileSync(path.join(values.out, f.path), f.contents);
  }
  writeFileSync(path.join(values.out, 'truth.json'), JSON.stringify(archive.truth, null, 1));
  console.log(`gen-reprints: ${archive.files.length} pages, ${archive.printed.length} articles, ${archive.truth.length} planted texts → ${values.out}`);
}
