/**
 * `npm run score:entities`: precision and recall of the entity recogniser (src/entities/)
 * against hand-labelled mentions (tests/fixtures/entities/mentions.jsonl, written to
 * tests/fixtures/entities/GUIDELINES.md, in texts the rules were not written for).
 *
 * A predicted mention counts when a labelled mention has exactly its span (start and end) and
 * its kind. The recogniser gets what a build gives it beyond the text: the registry's districts
 * (杨浦区 and 杨浦 …) as known places; not any paper's own places, since the texts name no paper.
 *
 *   npm run score:entities [-- --file mentions.jsonl] [--verbose] [--json]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { knownPlaces } from '../src/entities/annotate.js';
import { recognise, type EntityKind, type Mention } from '../src/entities/recognise.js';
import papers from '../src/papers.json' with { type: 'json' };
import type { Paper } from '../src/types.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const LABELS = path.join(ROOT, 'tests/fixtures/entities/mentions.jsonl');

interface Labelled {
  id: string;
  text: string;
  mentions: Mention[];
}

export interface Counts {
  gold: number;
  predicted: number;
  correct: number;
}

export interface EntityScore {
  all: Counts;
  byKind: Record<EntityKind, Counts>;
  /** Misses and false alarms per text, for --verbose. */
  errors: Array<{ id: string; missed: Mention[]; wrong: Mention[] }>;
}

/** The names every build knows: each district, full and short (see knownPlaces). */
export function districtPlaces(): string[] {
  return [...new Set((papers as Paper[]).flatMap((p) => knownPlaces({ ...p, places: [] })))].sort();
}

/** Scores the recogniser on a file of labelled texts: exact span and kind. */
export function scoreEntities(file = LABELS): EntityScore {
  const texts = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Labelled);
  const zero = (): Counts => ({ gold: 0, predicted: 0, correct: 0 });
  const score: EntityScore = { all: zero(), byKind: { person: zero(), place: zero(), org: zero() }, errors: [] };
  const places = districtPlaces();
  for (const { id, text, mentions } of texts) {
    const predicted = recognise(text, { places });
    const key = (m: Mention) => `${m.start}:${m.end}:${m.kind}`;
    const gold = new Set(mentions.map(key));
    const found = new Set(predicted.map(key));
    for (const m of mentions) score.byKind[m.kind].gold++;
    for (const m of predicted) {
      score.byKind[m.kind].predicted++;
      if (gold.has(key(m))) score.byKind[m.kind].correct++;
    }
    score.errors.push({ id, missed: mentions.filter((m) => !found.has(key(m))), wrong: predicted.filter((m) => !gold.has(key(m))) });
  }
  for (const c of Object.values(score.byKind)) {
    score.all.gold += c.gold;
    score.all.predicted += c.predicted;
    score.all.correct += c.correct;
  }
  return score;
}

/** Precision and recall of counts (1 when there is nothing to be wrong about). */
export function rates(c: Counts): { precision: number; recall: number; f1: number } {
  const precision = c.predicted === 0 ? 1 : c.correct / c.predicted;
  const recall = c.gold === 0 ? 1 : c.correct / c.gold;
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

function main(argv: string[]): void {
  const { values } = parseArgs({ args: argv, options: { file: { type: 'string', default: LABELS }, verbose: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } } });
  const score = scoreEntities(values.file);
  if (values.json) {
    console.log(JSON.stringify({ all: { ...score.all, ...rates(score.all) }, byKind: Object.fromEntries(Object.entries(score.byKind).map(([k, c]) => [k, { ...c, ...rates(c) }])) }, null, 1));
    return;
  }
  const row = (name: string, c: Counts) => {
    const r = rates(c);
    return `${name.padEnd(8)} ${String(c.gold).padStart(5)} ${String(c.predicted).padStart(5)} ${String(c.correct).padStart(5)}   ${r.precision.toFixed(3)}   ${r.recall.toFixed(3)}   ${r.f1.toFixed(3)}`;
  };
  console.log('kind      gold  pred  right   prec.   recall  F1   (exact span + kind)');
  for (const [kind, c] of Object.entries(score.byKind)) console.log(row(kind, c));
  console.log(row('all', score.all));
  if (values.verbose) {
    for (const e of score.errors) {
      if (e.missed.length + e.wrong.length === 0) continue;
      console.log(`\n${e.id}\n  missed: ${e.missed.map((m) => `${m.text}/${m.kind}`).join('  ')}\n  wrong:  ${e.wrong.map((m) => `${m.text}/${m.kind}`).join('  ')}`);
    }
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
