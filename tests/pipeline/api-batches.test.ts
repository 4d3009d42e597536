/** The data API is made in batches (src/api.ts), so the build writes each before making the next. */
import { describe, expect, it } from 'vitest';
import { renderApi, renderApiBatches } from '../../src/api.js';
import type { Site } from '../../src/site.js';
import { fixtureSite } from '../render/fixture.js';

/** The fixture site with its first paper's first issue copied `n` times under new ids. */
function manyIssues(n: number): Site {
  const site = fixtureSite('/');
  const paper = site.papers[0]!;
  const issue = paper.issues[0]!;
  const copies = Array.from({ length: n }, (_, k) => ({ ...issue, id: `${issue.id}-c${k}`, api: issue.api.replace(/\.json$/, `-c${k}.json`) }));
  return { ...site, papers: [{ ...paper, issues: [...paper.issues, ...copies] }, ...site.papers.slice(1)] };
}

describe('the data API in batches', () => {
  it('makes the catalog first, then at most 64 issue files a batch; together exactly renderApi’s files', () => {
    const site = manyIssues(150);
    const batches = [...renderApiBatches(site)];
    expect(batches[0]!.map((f) => f.path)).toContain('api/catalog.json');
    expect(batches.length).toBeGreaterThanOrEqual(4);
    for (const batch of batches.slice(1)) {
      expect(batch.length).toBeGreaterThan(0);
      expect(batch.length).toBeLessThanOrEqual(64);
      for (const f of batch) expect(f.path).not.toMatch(/^api\/(catalog|entities)\.json$/);
    }
    const issues = site.papers.reduce((n, p) => n + p.issues.length, 0);
    expect(batches.slice(1).flat()).toHaveLength(issues);
    expect(batches.flat()).toEqual(renderApi(site));
  });

  it('leaves out the issues the caller reuses, and their batches with them', () => {
    const site = manyIssues(10);
    const skip = new Set(site.papers.flatMap((p) => p.issues.map((i) => i.id)));
    const batches = [...renderApiBatches(site, skip)];
    expect(batches).toHaveLength(1);
    expect(batches[0]!.map((f) => f.path)).toEqual(['api/catalog.json', ...(site.entities ? ['api/entities.json'] : [])]);
  });
});
