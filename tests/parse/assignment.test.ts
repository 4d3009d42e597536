/** The page-level join assignment and the lexicon prior, on cases they were not written for. */
import { describe, expect, it } from 'vitest';
import { breakCycles, maxWeightMatching } from '../../src/parse/assignment.js';
import { jiebaLexicon } from '../../src/parse/lexicon.js';
import { parsePage } from '../../src/parse/index.js';
import type { Paper } from '../../src/types.js';
import papersJson from '../../src/papers.json' with { type: 'json' };

describe('maxWeightMatching', () => {
  it('gives up one strong join when two weaker ones together weigh more', () => {
    // Greedy would take 1→2 (5) and leave 4 and 1's rival unmatched: 5 < 4 + 3.
    const chosen = maxWeightMatching([{ a: 1, b: 2, weight: 5 }, { a: 1, b: 5, weight: 4 }, { a: 4, b: 2, weight: 3 }]);
    expect(chosen.map((e) => `${e.a}→${e.b}`).sort()).toEqual(['1→5', '4→2']);
  });

  it('never takes a block twice nor an edge of weight ≤ 0', () => {
    const chosen = maxWeightMatching([{ a: 1, b: 9, weight: 2 }, { a: 2, b: 9, weight: 3 }, { a: 3, b: 7, weight: 0 }, { a: 4, b: 8, weight: -1 }]);
    expect(chosen).toEqual([{ a: 2, b: 9, weight: 3 }]);
  });

  it('matches optimally on random graphs (checked by brute force)', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 40; round++) {
      const edges: Array<{ a: number; b: number; weight: number }> = [];
      for (let a = 0; a < 4; a++) for (let b = 10; b < 14; b++) if (rand() < 0.6) edges.push({ a, b, weight: Math.round(rand() * 10) - 3 });
      const best = (i: number, used: Set<number>): number => {
        if (i === 4) return 0;
        let top = best(i + 1, used);
        for (const e of edges) {
          if (e.a !== i || used.has(e.b) || e.weight <= 0) continue;
          used.add(e.b);
          top = Math.max(top, e.weight + best(i + 1, used));
          used.delete(e.b);
        }
        return top;
      };
      const total = maxWeightMatching(edges).reduce((s, e) => s + e.weight, 0);
      expect(total).toBe(best(0, new Set()));
    }
  });

  it('breaks a cycle at its weakest join and keeps chains', () => {
    const kept = breakCycles([{ a: 1, b: 2, weight: 3 }, { a: 2, b: 3, weight: 1 }, { a: 3, b: 1, weight: 2 }, { a: 5, b: 6, weight: 1 }]);
    expect(kept.map((e) => `${e.a}→${e.b}`)).toEqual(['1→2', '3→1', '5→6']);
  });
});

describe('jiebaLexicon', () => {
  it('reads a dictionary word across a mid-word break', () => {
    expect(jiebaLexicon('通过举办各类活动，持续改善人居环', '境质量。')?.word).toMatch(/^环境/);
    expect(jiebaLexicon('会议要求加强基层治', '理能力建设')?.word).toBe('治理');
  });

  it('finds nothing across a word boundary or punctuation', () => {
    expect(jiebaLexicon('居民代表参加了', '会议。')).toBeNull();
    expect(jiebaLexicon('会议结束，', '大家')).toBeNull();
  });

  it('decides a join that page n-grams cannot (the word occurs nowhere else on the page)', () => {
    // Two fragments below a caption-like line compete for one dangling end; only the lexicon
    // knows that 巩|固 is one word (巩固 is printed nowhere else on the page).
    const page = [
      '社区食堂开业', '本报讯 6月5日，新开的社区食堂迎来首批老年食客，菜品丰富、价格实惠。',
      '街道负责人表示，下一步要持续巩', '固服务成效，让老人吃得放心。',
    ].join('\n\n');
    const papers = papersJson as Paper[];
    const joinOf = (lexicon: boolean) => parsePage({ source: 't.txt', body: page, bodyLine: 1 }, papers, lexicon ? {} : { lexicon: null })
      .articles[0]?.blocks.find((b) => b.text.startsWith('固'))?.reason ?? '';
    expect(joinOf(true)).toMatch(/the lexicon reads "巩固"/);
    expect(joinOf(false)).not.toMatch(/lexicon/);
  });
});
