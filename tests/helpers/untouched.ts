import type { Site } from '../../src/site.js';

/**
 * Issues of `after` whose pages need no new render: not in `edited`, present before with the
 * same neighbours, and with the same entities and related articles in every article. Related
 * articles and entities are computed over the whole archive (src/entities/), so a new page
 * renders again the issues whose related articles it changes.
 */
export function untouchedIssues(before: Site, after: Site, edited: ReadonlySet<string>): string[] {
  const shape = (site: Site) =>
    new Map(
      site.papers.flatMap((p) =>
        p.issues.map((issue, i) => [
          issue.id,
          JSON.stringify([p.issues[i - 1]?.id, p.issues[i + 1]?.id, issue.pages.map((pg) => pg.articles.map((a) => [a.entities, a.related]))]),
        ]),
      ),
    );
  const was = shape(before);
  return [...shape(after)].filter(([id, now]) => !edited.has(id) && was.get(id) === now).map(([id]) => id);
}
