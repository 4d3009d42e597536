/**
 * Stage 3: decide each page's paper, date and 版 (front matter wins over what the page prints,
 * which wins over what its content suggests), then gather pages of the same paper and date
 * into issues. Every guess and every rejection is reported on the page's file.
 */
import { report } from './diagnostics.js';
import type { Paper, ParsedPage, SourcePage } from './types.js';

export interface IssuePage {
  page: SourcePage;
  parsed: ParsedPage;
  number: number | null;
  name: string | null;
}

export interface Issue {
  /** URL slug within the paper: the ISO date, or undated-<digest> for pages without a date. */
  slug: string;
  paper: Paper;
  date: string | null;
  dateInferred: boolean;
  issueNumber: string | null;
  totalNumber: string | null;
  pages: IssuePage[];
}

interface Resolved extends IssuePage {
  paper: Paper;
  date: string | null;
  dateInferred: boolean;
  issueNumber: string | null;
  totalNumber: string | null;
}

/** Days an inferred date may precede the printed date of the issue the page is put into. */
const ATTACH_WINDOW_DAYS = 6;

/** Finds a paper by name, alias or id. */
export function findPaper(papers: Paper[], name: string): Paper | undefined {
  const wanted = name.trim();
  return papers.find((p) => p.name === wanted || p.id === wanted || (p.aliases ?? []).includes(wanted));
}

/** Groups parsed pages into issues; pages that cannot be placed are reported and left out. */
export function assembleIssues(inputs: { page: SourcePage; parsed: ParsedPage }[], papers: Paper[]): Issue[] {
  const resolved = inputs.map((input) => resolvePage(input, papers)).filter((r): r is Resolved => r !== null);
  const printed = resolved.filter((r) => r.date && !r.dateInferred);
  for (const r of resolved) {
    if (!r.date || !r.dateInferred) continue;
    const target = nearestPrintedIssue(printed, r.paper.id, r.date);
    if (target) r.date = target;
  }
  const groups = new Map<string, Resolved[]>();
  for (const r of resolved) {
    const slug = r.date ?? `undated-${r.page.digest.slice(0, 10)}`;
    const key = `${r.paper.id}/${slug}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const issues: Issue[] = [];
  const published = new Map<string, Resolved>();
  for (const [key, members] of [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const pages = withoutConflicts(withoutDuplicates(members).sort(byPageOrder));
    if (pages.length === 0) continue;
    for (const p of pages) {
      const text = pageText(p.page.body);
      const earlier = published.get(text);
      if (!earlier) published.set(text, p);
      else sameTextElsewhere(p, earlier);
    }
    const first = pages[0] as Resolved;
    issues.push({
      slug: key.slice(key.indexOf('/') + 1),
      paper: first.paper,
      date: first.date,
      dateInferred: pages.every((p) => p.dateInferred),
      issueNumber: pages.find((p) => p.issueNumber)?.issueNumber ?? null,
      totalNumber: pages.find((p) => p.totalNumber)?.totalNumber ?? null,
      pages: pages.map(({ page, parsed, number, name }) => ({ page, parsed, number, name })),
    });
  }
  return issues;
}

/** Applies front matter over the page's own evidence and reports what was guessed. */
function resolvePage({ page, parsed }: { page: SourcePage; parsed: ParsedPage }, papers: Paper[]): Resolved | null {
  const { file, frontMatter: fm } = page;
  const meta = parsed.meta;
  const known = papers.map((p) => p.name).join('、');
  let paper: Paper | undefined;
  if (fm.paper) {
    paper = findPaper(papers, fm.paper);
    if (!paper) report(file, 'paper-unknown', `Front matter names paper "${fm.paper}", which is not in the registry (known: ${known}); to add it, list its id, name and district under "papers" in baokan.config.json (or in src/papers.json)`, { line: 2, column: 1 });
  } else if (meta.paper) {
    paper = findPaper(papers, meta.paper.value);
    if (!paper) report(file, 'paper-unknown', `Paper "${meta.paper.value}" is not in the registry (known: ${known}); to add it, list its id, name and district under "papers" in baokan.config.json (or in src/papers.json)`, meta.paper.position);
    else if (meta.paperInferred) report(file, 'paper-inferred', `Paper not printed on the page; inferred ${paper.name}: ${meta.paper.reason}`, meta.paper.position);
  } else {
    report(file, 'paper-undetected', 'The page prints no paper name and its content names no known district', { line: page.bodyLine, column: 1 });
  }
  if (!paper) return null;

  let date: string | null = fm.date ?? null;
  let dateInferred = false;
  if (!date && meta.date) {
    date = meta.date.value;
    dateInferred = meta.dateInferred;
    if (dateInferred) report(file, 'date-inferred', `Date not printed on the page; inferred ${date}: ${meta.date.reason}`, meta.date.position);
  }
  if (!date) report(file, 'date-missing', 'No date is printed on the page and none could be inferred', { line: page.bodyLine, column: 1 });
  return {
    page,
    parsed,
    paper,
    date,
    dateInferred,
    number: fm.page ?? meta.pageNumber,
    name: fm.pageName ?? meta.pageName,
    issueNumber: fm.issueNumber ?? meta.issueNumber,
    totalNumber: fm.totalNumber ?? meta.totalNumber,
  };
}

/** The printed issue date of the same paper that an inferred date most likely belongs to. */
function nearestPrintedIssue(printed: Resolved[], paperId: string, inferred: string): string | null {
  const from = Date.parse(inferred);
  let best: string | null = null;
  for (const r of printed) {
    if (r.paper.id !== paperId || !r.date) continue;
    const days = (Date.parse(r.date) - from) / 86_400_000;
    if (days >= 0 && days <= ATTACH_WINDOW_DAYS && (best === null || r.date < best)) best = r.date;
  }
  return best;
}

function byPageOrder(a: Resolved, b: Resolved): number {
  const na = a.number ?? Number.MAX_SAFE_INTEGER;
  const nb = b.number ?? Number.MAX_SAFE_INTEGER;
  return na - nb || (a.page.source < b.page.source ? -1 : a.page.source > b.page.source ? 1 : 0);
}

/** The page text as compared for duplicates: line ends and trailing blanks do not count. */
function pageText(body: string): string {
  return body
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
}

/** `a.txt:3:1`: where a page's text starts, as a reporter prints places. */
function placeOf(r: Resolved): string {
  return `${r.page.source}:${r.page.bodyLine}:1`;
}

function issueLabel(r: Resolved): string {
  return `${r.paper.name} ${r.date ?? '(undated)'}`;
}

/**
 * Within one issue, keeps the first file (in path order) of each page text and rejects later
 * copies, naming both: a page saved twice would otherwise be published twice.
 */
function withoutDuplicates(members: Resolved[]): Resolved[] {
  const seen = new Map<string, Resolved>();
  return [...members]
    .sort((a, b) => (a.page.source < b.page.source ? -1 : a.page.source > b.page.source ? 1 : 0))
    .filter((p) => {
      const text = pageText(p.page.body);
      const earlier = seen.get(text);
      if (!earlier) {
        seen.set(text, p);
        return true;
      }
      report(
        p.page.file,
        'page-duplicate',
        `Same page text as ${placeOf(earlier)} in ${issueLabel(p)}; published ${earlier.page.source}, not this copy`,
        { line: p.page.bodyLine, column: 1 },
      );
      return false;
    });
}

/** The same text published in two issues: both stay, but one of them is probably misfiled. */
function sameTextElsewhere(p: Resolved, earlier: Resolved): void {
  report(
    p.page.file,
    'page-duplicate-issue',
    `Same page text as ${placeOf(earlier)}, which is in ${issueLabel(earlier)}; this page is in ${issueLabel(p)}, and both are published`,
    { line: p.page.bodyLine, column: 1 },
  );
}

/** Keeps the first file for each 版 number and rejects the others, naming both files. */
function withoutConflicts(pages: Resolved[]): Resolved[] {
  const seen = new Map<number, Resolved>();
  return pages.filter((p) => {
    if (p.number === null) return true;
    const earlier = seen.get(p.number);
    if (!earlier) {
      seen.set(p.number, p);
      return true;
    }
    report(
      p.page.file,
      'page-conflict',
      `${p.page.source} and ${earlier.page.source} both claim ${p.paper.name} ${p.date ?? '(undated)'} 第${p.number}版; kept ${earlier.page.source}`,
      { line: p.page.bodyLine, column: 1 },
    );
    return false;
  });
}
