/**
 * The recogniser against the hand-labelled mentions (tests/fixtures/entities/ and round2/ … round8/, each
 * written to its GUIDELINES.md): exact span and kind. The floors sit a little under the level
 * reached (README "People, places and organisations"), so a change that loses precision or
 * recall fails here; the targets are 0.90 and 0.80.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rates, scoreEntities, type EntityScore } from '../../scripts/score-entities.js';
import type { EntityKind } from '../../src/entities/recognise.js';

type Floors = Partial<Record<'all' | EntityKind, { precision: number; recall: number }>>;

function expectAtLeast(score: EntityScore, floors: Floors): void {
  for (const [kind, floor] of Object.entries(floors)) {
    const r = rates(kind === 'all' ? score.all : score.byKind[kind as EntityKind]);
    expect(r.precision, `${kind} precision`).toBeGreaterThanOrEqual(floor.precision);
    expect(r.recall, `${kind} recall`).toBeGreaterThanOrEqual(floor.recall);
  }
}

describe('entity recognition on the labelled set', () => {
  const score = scoreEntities();

  it('has the labelled set it claims: at least 150 mentions of every kind together', () => {
    expect(score.all.gold).toBeGreaterThanOrEqual(150);
    for (const counts of Object.values(score.byKind)) expect(counts.gold).toBeGreaterThan(50);
  });

  it('keeps precision and recall at the level reached', () => {
    expectAtLeast(score, {
      all: { precision: 0.97, recall: 0.95 },
      person: { precision: 0.98, recall: 0.96 },
      place: { precision: 0.96, recall: 0.93 },
      org: { precision: 0.95, recall: 0.94 },
    });
  });
});

/** A later labelled set under tests/fixtures/entities/<folder>/, kept at its floors. */
function laterSet(folder: string, minMentions: number, level: string, floors: Floors): void {
  describe(`entity recognition on tests/fixtures/entities/${folder}/`, () => {
    const score = scoreEntities(fileURLToPath(new URL(`../fixtures/entities/${folder}/mentions.jsonl`, import.meta.url)));
    it(`keeps precision and recall at the level ${level}`, () => {
      expect(score.all.gold).toBeGreaterThanOrEqual(minMentions);
      expectAtLeast(score, floors);
    });
  });
}

// Measured blind at 0.826 / 0.719 (README); the rules were then fixed by reading its errors, so
// it is now a second tuning set, and the floors keep the level reached on it.
laterSet('round2', 150, 'reached', {
  all: { precision: 0.97, recall: 0.92 },
  person: { precision: 0.98, recall: 0.95 },
  place: { precision: 0.95, recall: 0.85 },
  org: { precision: 0.97, recall: 0.96 },
});

// Sets 3 to 7 were each measured once blind, then their errors were read (README, "How good it
// is"): they are tuning sets now, and the floors keep the level reached on each, a little under it.
// Columns: mentions at least; precision and recall floors for all, person, place, org.
const TUNED: Array<[string, number, ...Array<[number, number]>]> = [
  ['round3', 500, [0.94, 0.88], [0.98, 0.93], [0.89, 0.84], [0.96, 0.86]],
  ['round4', 590, [0.955, 0.9], [0.98, 0.94], [0.91, 0.9], [0.98, 0.85]],
  ['round5', 600, [0.93, 0.85], [0.97, 0.89], [0.88, 0.8], [0.96, 0.85]],
  ['round6', 570, [0.935, 0.855], [0.98, 0.91], [0.88, 0.83], [0.94, 0.82]],
  ['round7', 560, [0.92, 0.85], [0.97, 0.91], [0.88, 0.83], [0.93, 0.8]],
];
for (const [folder, minMentions, ...floors] of TUNED) {
  const [all, person, place, org] = floors.map(([precision, recall]) => ({ precision, recall }));
  laterSet(folder, minMentions, 'reached', { all, person, place, org });
}

// Measured blind once on 2026-12-01 with the rules as they stand (README): 0.902 / 0.822. Its
// errors are not read yet; the floors keep the blind level, so later rules are measured against it.
laterSet('round8', 520, 'measured blind', {
  all: { precision: 0.895, recall: 0.815 },
  person: { precision: 0.96, recall: 0.85 },
  place: { precision: 0.81, recall: 0.78 },
  org: { precision: 0.92, recall: 0.815 },
});
