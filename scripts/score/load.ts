/**
 * Where scored pages come from: gold files on disk, a built data API on disk (catalog → issue
 * files → pages, as contract §2 describes), or parsed pages in memory. Pages are keyed by the
 * base name of their source file, so `000_e4b7….txt` pairs with `000_e4b7….json`.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Paper, ParsedPage } from '../../src/types.js';
import type { GoldPage, PredictedPage, ScoredArticle } from './metrics.js';

/** A usage problem (a missing folder, unreadable JSON): the CLI prints it and exits 2. */
export class ScoreUsageError extends Error {}

/** The key a page is paired by: its source file's base name without extension. */
export function pageKey(source: string): string {
  return source.split(/[\\/]/).pop()?.replace(/\.[^.]*$/, '') ?? source;
}

function readJson(file: string, what: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new ScoreUsageError(`${what} not found: ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ScoreUsageError(`${what} is not valid JSON: ${file}: ${(error as Error).message}`);
  }
}

/** Reads every gold file (`*.json` with `articles`) of a folder, sorted by name. */
export function loadGold(dir: string): Array<{ key: string; doc: GoldPage }> {
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  } catch (error) {
    throw new ScoreUsageError(`cannot read gold folder ${dir}: ${(error as Error).message}`);
  }
  const gold = names.flatMap((f) => {
    const doc = readJson(path.join(dir, f), 'gold file') as GoldPage | null;
    return doc && Array.isArray(doc.articles) ? [{ key: pageKey(doc.source ?? f), doc }] : [];
  });
  if (gold.length === 0) throw new ScoreUsageError(`no gold files (*.json with "articles") in ${dir}`);
  return gold;
}

interface CatalogIssue { id?: string; api?: string; date?: string | null; dateInferred?: boolean; issueNumber?: unknown; totalNumber?: unknown; pages?: Array<{ source?: string }> }
interface IssueFile extends CatalogIssue { paper?: { name?: string; district?: string | null }; pages?: Array<{ source?: string; articles?: ScoredArticle[] }> }

/** The file a site-relative path (`/base/api/issues/x.json`) names under the output folder. */
function resolveSitePath(p: string | undefined, outDir: string): string | null {
  if (!p) return null;
  const segments = decodeURI(p.split(/[?#]/)[0] ?? '').split('/').filter((s) => s && s !== '.' && s !== '..');
  // The path carries the --base prefix: drop leading segments until the file exists.
  for (let k = 0; k < segments.length; k++) {
    const file = path.join(outDir, ...segments.slice(k));
    if (fs.existsSync(file) && fs.statSync(file).isFile()) return file;
  }
  return null;
}

/** Reads a built data API (`<out>/api`) into pages keyed by source; warnings for unreadable issues. */
export function loadOutput(apiDir: string): { pages: Map<string, PredictedPage>; warnings: string[] } {
  const catalog = readJson(path.join(apiDir, 'catalog.json'), 'catalog') as { papers?: Array<{ name?: string; district?: string | null; issues?: CatalogIssue[] }> } | null;
  if (!Array.isArray(catalog?.papers)) throw new ScoreUsageError(`malformed catalog ${path.join(apiDir, 'catalog.json')}: no "papers" array`);
  const outDir = path.dirname(path.resolve(apiDir));
  const pages = new Map<string, PredictedPage>();
  const warnings: string[] = [];
  for (const paper of catalog.papers) {
    for (const issue of paper.issues ?? []) {
      const file = resolveSitePath(issue.api, outDir);
      const doc = file ? (readJson(file, 'issue file') as IssueFile | null) : null;
      if (!doc || typeof doc !== 'object') {
        warnings.push(`issue ${issue.id}: cannot read its api file ${JSON.stringify(issue.api)}; its pages count as missing`);
        continue;
      }
      const meta = {
        paper: doc.paper?.name ?? paper.name ?? null,
        district: doc.paper?.district ?? paper.district ?? null,
        date: doc.date ?? issue.date ?? null,
        dateInferred: doc.dateInferred ?? issue.dateInferred ?? false,
        issueNumber: (doc.issueNumber ?? issue.issueNumber ?? null) as string | null,
        totalNumber: (doc.totalNumber ?? issue.totalNumber ?? null) as string | null,
      };
      (doc.pages ?? []).forEach((pg, i) => {
        const source = pg.source ?? issue.pages?.[i]?.source;
        if (typeof source !== 'string') { warnings.push(`issue ${doc.id ?? issue.id}: page ${i} has no source`); return; }
        const key = pageKey(source);
        if (pages.has(key)) { warnings.push(`page source ${source} appears twice; the first one is scored`); return; }
        pages.set(key, { meta, articles: pg.articles ?? [] });
      });
    }
  }
  return { pages, warnings };
}

/** A parsed page as the scorer sees it (what the data API would publish for it alone). */
export function predictedFromParsed(page: ParsedPage, papers: Paper[]): PredictedPage {
  const name = page.meta.paper?.value ?? null;
  const paper = papers.find((p) => p.name === name);
  return {
    meta: {
      paper: name,
      district: paper?.district ?? null,
      date: page.meta.date?.value ?? null,
      dateInferred: page.meta.dateInferred,
      issueNumber: page.meta.issueNumber,
      totalNumber: page.meta.totalNumber,
    },
    articles: page.articles,
  };
}
