/**
 * The page parser: body text → blocks → classified units → reading order → articles, plus the
 * page's metadata (masthead, or paper and date inferred from the text with their evidence).
 *
 *   splitLines → classify → reorder → assemble → detect meta
 */
import type { Article, PageMetaDetected, Paper, ParsedPage } from '../types.js';
import { positionIn, spanPosition, splitLines } from './blocks.js';
import { type Unit, classify } from './classify.js';
import { type DatedLine, type Located, inferDate, inferPaper } from './infer.js';
import { assemble, toBlock } from './assemble.js';
import { datelineOf } from './dates.js';
import { type ReorderOptions, reorder } from './reorder.js';

/** Input of the page parser: a page body (front matter removed, \n line endings). */
export interface PageInput {
  source: string;
  body: string;
  /** 1-based line of the file where the body starts. */
  bodyLine: number;
}

/** Options of the parser (tests and the scorer use them to measure what a part adds). */
export type ParseOptions = ReorderOptions;

/** Parses one page body into classified blocks, articles in reading order and page metadata. */
export function parsePage(input: PageInput, papers: Paper[], options: ParseOptions = {}): ParsedPage {
  const body = typeof input.body === 'string' ? input.body.replace(/\r\n?/g, '\n') : '';
  const bodyLine = Number.isInteger(input.bodyLine) && input.bodyLine > 0 ? input.bodyLine : 1;
  const { items, units } = reorder(classify(splitLines(body, bodyLine), papers, options.lexicon), options);
  const { articles, loose } = assemble(items);
  // Lines that went into no article: mastheads, promo lines, and banners with nothing under them.
  const furniture = loose.map(toBlock).sort((a, b) => a.position.start.line - b.position.start.line || a.position.start.column - b.position.start.column);
  return {
    source: input.source,
    meta: detectMeta(units, articles, papers),
    articles,
    furniture,
    blocks: units.map(toBlock),
  };
}

function located(unit: Unit): Located {
  return { text: unit.text, at: (index, length) => positionIn(unit.span, index, length) };
}

/** Page metadata: what the masthead prints, else the paper and date inferred from the text. */
function detectMeta(units: Unit[], articles: Article[], papers: Paper[]): PageMetaDetected {
  const meta: PageMetaDetected = {
    paper: null, paperInferred: false, date: null, dateInferred: false,
    issueNumber: null, totalNumber: null, weekday: null, pageNumber: null, pageName: null,
  };
  for (const u of units) {
    const f = u.masthead;
    if (!f) continue;
    const position = spanPosition(u.span);
    if (f.paper && !meta.paper) meta.paper = { value: f.paper, reason: f.reason, position };
    if (f.date && !meta.date) meta.date = { value: f.date, reason: f.reason, position };
    meta.issueNumber ??= f.issueNumber ?? null;
    meta.totalNumber ??= f.totalNumber ?? null;
    meta.weekday ??= f.weekday ?? null;
    meta.pageNumber ??= f.pageNumber ?? null;
    meta.pageName ??= f.pageName ?? null;
  }
  const texts = units.filter((u) => u.kind !== 'furniture' && u.kind !== 'masthead').map(located);
  if (!meta.paper) {
    meta.paper = inferPaper(texts, papers);
    meta.paperInferred = meta.paper !== null;
  }
  if (!meta.date) {
    meta.date = inferDate(datelines(articles), texts);
    meta.dateInferred = meta.date !== null;
  }
  return meta;
}

/** The event dates of the articles' 本报讯 leads, with where each lead starts. */
function datelines(articles: Article[]): DatedLine[] {
  const out: DatedLine[] = [];
  for (const a of articles) {
    const lead = a.paragraphs[0];
    if (lead === undefined || a.dateline === null) continue;
    const date = datelineOf(lead);
    const first = a.blocks.find((b) => b.kind === 'body');
    if (date && first) out.push({ date, position: first.position });
  }
  return out;
}

