/** Test helper: writes parsed pages as a minimal data API (catalog + one issue per page) for the scorer. */
import fs from 'node:fs';
import path from 'node:path';
import type { Paper, ParsedPage } from '../../src/types.js';

/** Writes `<dir>/api/catalog.json` and `<dir>/api/issues/<n>.json`; returns the api folder. */
export function writeApi(dir: string, pages: ParsedPage[], papers: Paper[]): string {
  const api = path.join(dir, 'api');
  fs.mkdirSync(path.join(api, 'issues'), { recursive: true });
  const byPaper = new Map<string, Array<{ id: string; api: string; date: string | null; dateInferred: boolean; url: string; pages: Array<{ number: null; source: string }> }>>();
  pages.forEach((page, n) => {
    const name = page.meta.paper?.value ?? 'unknown';
    const paper = papers.find((p) => p.name === name);
    const issue = {
      id: String(n),
      paper: { id: paper?.id ?? 'unknown', name, district: paper?.district ?? null },
      date: page.meta.date?.value ?? null,
      dateInferred: page.meta.dateInferred,
      issueNumber: page.meta.issueNumber,
      totalNumber: page.meta.totalNumber,
      pages: [{ number: page.meta.pageNumber, source: page.source, articles: page.articles, diagnostics: [] }],
    };
    fs.writeFileSync(path.join(api, 'issues', `${n}.json`), JSON.stringify(issue, null, 1));
    const list = byPaper.get(name) ?? [];
    list.push({ id: String(n), api: `/api/issues/${n}.json`, date: issue.date, dateInferred: issue.dateInferred, url: `/${n}/`, pages: [{ number: null, source: page.source }] });
    byPaper.set(name, list);
  });
  const catalog = {
    generator: 'baokan parse test',
    papers: [...byPaper].map(([name, issues]) => {
      const paper = papers.find((p) => p.name === name);
      return { id: paper?.id ?? 'unknown', name, district: paper?.district ?? null, issues };
    }),
  };
  fs.writeFileSync(path.join(api, 'catalog.json'), JSON.stringify(catalog, null, 1));
  return api;
}
