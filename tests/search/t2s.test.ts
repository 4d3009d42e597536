import { expect, it } from 'vitest';
import { T2S_PAIRS } from '../../src/search/t2s-table.js';
import { t2sPairsFromOpenCC } from '../../scripts/t2s-source.js';

it('the committed t2s table is exactly what scripts/gen-t2s.ts derives from opencc-js', () => {
  const expected = t2sPairsFromOpenCC().map(([t, s]) => t + s).join('');
  // On failure: run `npx tsx scripts/gen-t2s.ts` and commit src/search/t2s-table.ts.
  expect(T2S_PAIRS === expected).toBe(true);
  expect(Array.from(T2S_PAIRS).length % 2).toBe(0);
});

it('every pair is a one-character conversion opencc-js itself makes', async () => {
  const OpenCC = await import('opencc-js');
  const convs = (['t', 'tw', 'hk'] as const).map((from) => OpenCC.Converter({ from, to: 'cn' }));
  const cps = Array.from(T2S_PAIRS);
  for (let i = 0; i < cps.length; i += 2) {
    expect(convs.some((c) => c(cps[i]!) === cps[i + 1])).toBe(true);
  }
  expect(cps.length / 2).toBeGreaterThan(2000);
});
