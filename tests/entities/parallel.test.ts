import { describe, expect, it } from 'vitest';
import { analyse, type AnalysisInput } from '../../src/entities/analyse.js';
import { analyseInParallel } from '../../src/entities/parallel.js';

describe('analysing articles in worker threads', () => {
  it('gives exactly what analysing on this thread gives, in input order', async () => {
    const names = ['柯振华', '庞雪晴', '詹若溪', '龚立夫', '尹秋白'];
    const inputs: AnalysisInput[] = Array.from({ length: 450 }, (_, i) => ({
      text: `第${i}篇：副区长${names[i % 5]}在闵行区中心医院调研，随后前往漕宝路${i % 7}号。`,
      known: { places: ['闵行区'], people: [] },
    }));
    const parallel = await analyseInParallel(inputs, 2);
    expect(parallel).toEqual(inputs.map(analyse));
    expect(parallel[3]!.entities.map((e) => e.name)).toContain(names[3]);
  });
});
