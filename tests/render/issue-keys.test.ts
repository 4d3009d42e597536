/** An issue's render key covers what its pages show of reprints in other issues (src/reprints/site.ts, src/reuse.ts). */
import { describe, expect, it } from 'vitest';
import { reprintKeys } from '../../src/reprints/index.js';
import { issueKeys } from '../../src/reuse.js';
import type { Site } from '../../src/site.js';
import { fixtureSite } from './fixture.js';

/** The fixture site with its first article reprinted by an article of another issue. */
function withReprint(): { site: Site; issueId: string; copyId: string } {
  const site = fixtureSite('/');
  const first = site.articles[0]!;
  const copy = site.articles.find((a) => a.issueId !== first.issueId)!;
  first.reprints = [copy.id];
  copy.reprints = [first.id];
  return { site, issueId: first.issueId, copyId: copy.id };
}

describe('issue keys and reprints', () => {
  it('show, one issue at a time, what each issue lists of its copies elsewhere, and nothing for an issue without', () => {
    const { site, issueId, copyId } = withReprint();
    const key = reprintKeys(site);
    const issues = site.papers.flatMap((p) => p.issues);
    const shown = key(issues.find((i) => i.id === issueId)!);
    expect(JSON.parse(shown)[0][0]).toBe(copyId);
    const copyIssue = site.articles.find((a) => a.id === copyId)!.issueId;
    const without = issues.filter((i) => i.id !== issueId && i.id !== copyIssue);
    expect(without.length).toBeGreaterThan(0);
    for (const issue of without) expect(key(issue)).toBe('');
  });

  it('change when a copy in another issue changes its title, and only for the issues that list it', () => {
    const { site, issueId, copyId } = withReprint();
    const before = issueKeys(site, 'print');
    const copy = site.articles.find((a) => a.id === copyId)!;
    copy.title = '另一个标题';
    const after = issueKeys(site, 'print');
    expect(after.get(issueId)).not.toBe(before.get(issueId));
    for (const [id, key] of after) if (id !== issueId && id !== copy.issueId) expect(key).toBe(before.get(id));
  });
});
