/**
 * The recogniser against the hand-labelled mentions (tests/fixtures/entities/, written to its
 * GUIDELINES.md in texts the rules were not written for): exact span and kind. The thresholds
 * are the measured level (README "People, places and organisations"), so a change that loses
 * precision or recall fails here; the targets are 0.90 and 0.80.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rates, scoreEntities } from '../../scripts/score-entities.js';

describe('entity recognition on the labelled set', () => {
  const score = scoreEntities();

  it('has the labelled set it claims: at least 150 mentions of every kind together', () => {
    expect(score.all.gold).toBeGreaterThanOrEqual(150);
    for (const counts of Object.values(score.byKind)) expect(counts.gold).toBeGreaterThan(50);
  });

  it('keeps precision and recall at the measured level', () => {
    const all = rates(score.all);
    expect(all.precision).toBeGreaterThanOrEqual(0.96);
    expect(all.recall).toBeGreaterThanOrEqual(0.94);
    expect(rates(score.byKind.person).precision).toBeGreaterThanOrEqual(0.98);
    expect(rates(score.byKind.person).recall).toBeGreaterThanOrEqual(0.96);
    expect(rates(score.byKind.place).recall).toBeGreaterThanOrEqual(0.92);
    expect(rates(score.byKind.org).recall).toBeGreaterThanOrEqual(0.92);
  });
});

describe('entity recognition on the second blind set (tests/fixtures/entities/round2/)', () => {
  // Measured blind at 0.826 / 0.719 (README); the rules were then fixed by reading its errors, so
  // this is now a second tuning set, and these thresholds keep the level reached on it.
  const score = scoreEntities(fileURLToPath(new URL('../fixtures/entities/round2/mentions.jsonl', import.meta.url)));

  it('keeps precision and recall at the level reached', () => {
    const all = rates(score.all);
    expect(score.all.gold).toBeGreaterThanOrEqual(150);
    expect(all.precision).toBeGreaterThanOrEqual(0.97);
    expect(all.recall).toBeGreaterThanOrEqual(0.92);
    expect(rates(score.byKind.person).precision).toBeGreaterThanOrEqual(0.98);
    expect(rates(score.byKind.person).recall).toBeGreaterThanOrEqual(0.95);
    expect(rates(score.byKind.place).recall).toBeGreaterThanOrEqual(0.85);
    expect(rates(score.byKind.org).recall).toBeGreaterThanOrEqual(0.94);
  });
});
