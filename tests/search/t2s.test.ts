import { expect, it } from 'vitest';
import * as OpenCC from 'opencc-js';
import { t2sPairs } from '../../src/search/tokenize.js';
import { t2sPairsFromOpenCC } from '../../scripts/t2s-source.js';

it('the committed t2s table is exactly what scripts/gen-t2s.ts derives from opencc-js', () => {
  // On failure: run `npx tsx scripts/gen-t2s.ts` and commit src/search/t2s-table.ts.
  expect(t2sPairs()).toEqual(t2sPairsFromOpenCC());
});

it('every pair is a one-character conversion opencc-js itself makes', () => {
  const convs = (['t', 'tw', 'hk'] as const).map((from) => OpenCC.Converter({ from, to: 'cn' }));
  const pairs = t2sPairs();
  expect(pairs.length).toBeGreaterThan(2000);
  for (const [t, s] of pairs) expect(convs.some((c) => c(t) === s)).toBe(true);
  // Spot checks readers will try.
  const table = new Map(pairs);
  expect(['臺', '灣', '發', '國', '會', '謝', '堅', '鋼', '橋', '街'].map((c) => table.get(c) ?? c).join('')).toBe('台湾发国会谢坚钢桥街');
});
