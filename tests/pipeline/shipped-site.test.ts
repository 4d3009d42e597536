/** The site as the render worker receives it (src/shipped-site.ts): reprints as indexes, the same site once landed. */
import { describe, expect, it } from 'vitest';
import { landSite, shipSite } from '../../src/shipped-site.js';
import type { Site } from '../../src/site.js';
import { fixtureSite } from '../render/fixture.js';

/** The fixture site where every article is a reprint of the next two (and they of it). */
function withReprints(): Site {
  const site = fixtureSite('/');
  const ids = site.articles.map((a) => a.id);
  site.articles.forEach((a, k) => {
    a.reprints = ids.filter((_, j) => j !== k && Math.abs(j - k) <= 2);
  });
  return site;
}

describe('the site shipped to the render worker', () => {
  it('carries reprints as article indexes, not ids, and lands as the same site, articles shared as before', () => {
    const site = withReprints();
    const shipped = shipSite(site, false);
    expect(shipped.site.articles.every((a) => a.reprints.length === 0)).toBe(true);
    expect(shipped.reprints.every((r) => r instanceof Uint32Array)).toBe(true);
    expect(site.articles[0]!.reprints.length).toBeGreaterThan(0); // the build's own site is untouched
    const landed = landSite(structuredClone(shipped));
    expect(landed).toEqual(site);
    expect(landed.papers[0]!.issues[0]!.pages[0]!.articles[0]).toBe(landed.articles[0]);
  });

  it('drops the source blocks only when asked, and sends an unknown id as it is', () => {
    const site = withReprints();
    site.articles[1]!.reprints = ['elsewhere-2020-01-01-01', site.articles[0]!.id];
    const landed = landSite(structuredClone(shipSite(site, true)));
    expect(landed.articles.every((a) => a.article.blocks.length === 0)).toBe(true);
    expect(landed.articles.map((a) => a.reprints)).toEqual(site.articles.map((a) => a.reprints));
    expect(landed.articles.map((a) => a.article.paragraphs)).toEqual(site.articles.map((a) => a.article.paragraphs));
  });
});
