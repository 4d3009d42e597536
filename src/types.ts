/**
 * Typed data passed between the pipeline stages:
 *
 *   read (disk) → SourcePage → parse → ParsedPage → assemble → Issue[] → site model → Site
 *     → render (HTML) + api (JSON) + index (search) → OutputFile[] → write (disk)
 *
 * Only `read` and `write` touch the disk; every other stage is a pure function of these types.
 */
import type { VFile } from 'vfile';

/** A point in a source file, 1-based like unist and vfile. */
export interface Point {
  line: number;
  column: number;
  offset?: number;
}

/** A span of a source file (unist `Position`). */
export interface Position {
  start: Point;
  end: Point;
}

/** Keys an archivist may set in a page file's YAML front matter. */
export interface FrontMatter {
  paper?: string;
  date?: string; // ISO yyyy-mm-dd
  page?: number; // 版 number
  pageName?: string; // 版名, e.g. 要闻
  issueNumber?: string; // 第3期
  totalNumber?: string; // 总第1657期
}

/** Stage 1 output: one decoded input file. Diagnostics accumulate on `file` as vfile messages. */
export interface SourcePage {
  /** Path relative to --input with '/' separators; also `file.path`. */
  source: string;
  /** The whole decoded file (BOM removed, line endings kept as they were). */
  file: VFile;
  /** Text after the front matter, line endings normalised to \n. */
  body: string;
  /** 1-based line in the file where `body` starts (1 when there is no front matter). */
  bodyLine: number;
  frontMatter: FrontMatter;
  /** Content digest of the raw bytes (sha256 hex), for caches and stable ids. */
  digest: string;
}

/** A known newspaper (from src/papers.json). */
export interface Paper {
  id: string; // URL slug, e.g. yangpu-times
  name: string; // 杨浦时报
  district: string | null; // 杨浦区
  /** Other names the paper is printed or referred to under. */
  aliases?: string[];
  /** Places (streets, towns, landmarks) in the district, used as evidence when no masthead is printed. */
  places?: string[];
}

export type BlockKind =
  | 'masthead'
  | 'furniture'
  | 'section'
  | 'kicker'
  | 'headline'
  | 'subheadline'
  | 'byline'
  | 'photo-credit'
  | 'caption'
  | 'jump-marker'
  | 'brief'
  | 'intertitle'
  | 'body';

/** One classified stretch of source text (usually a line), with where it came from and why. */
export interface Block {
  kind: BlockKind;
  text: string;
  position: Position;
  /** Short human reason for the classification, shown by --explain. */
  reason: string;
}

export interface Intertitle {
  text: string;
  beforeParagraph: number;
}

/** An article rebuilt in reading order: the structure of the data API, plus provenance. */
export interface Article {
  headline: string | null;
  kicker: string | null;
  subheadline: string | null;
  section: string | null;
  bylines: string[];
  photoCredits: string[];
  dateline: string | null; // 7月23日
  paragraphs: string[];
  intertitles: Intertitle[];
  captions: string[];
  /** Jump markers as printed: (下转第4版), 刊2版▶ … */
  markers: string[];
  continuedTo: string | null; // 第N版
  continuedFrom: string | null; // 第N版
  incomplete: boolean;
  /** Blocks that went into this article, in the order they were used (for --explain). */
  blocks: Block[];
  /** Where the article starts in the source. */
  position: Position;
}

/** A guess with the text that supports it, so diagnostics can point at the evidence. */
export interface Evidence<T> {
  value: T;
  /** One line saying why, e.g. "masthead line" or "latest dateline 7月27日; year from 2020年上半年". */
  reason: string;
  position: Position;
}

/** What the page itself says (or suggests) about its paper, issue and date. */
export interface PageMetaDetected {
  /** Paper name as printed in a masthead, or guessed from the content. */
  paper: Evidence<string> | null;
  paperInferred: boolean;
  date: Evidence<string> | null; // ISO
  dateInferred: boolean;
  issueNumber: string | null; // 第3期
  totalNumber: string | null; // 总第1657期
  weekday: string | null; // 星期一
  pageNumber: number | null; // 版 number when printed
  pageName: string | null; // 版名 when printed
}

/** Stage 2 output: everything the parser found on one page. */
export interface ParsedPage {
  source: string;
  meta: PageMetaDetected;
  articles: Article[];
  /** Lines that belong to no article (promo lines, masthead lines, URL line). */
  furniture: Block[];
  /** Every block in source order with its classification (for --explain and tests). */
  blocks: Block[];
}

/** A diagnostic as published in the data API. */
export interface Diagnostic {
  severity: 'error' | 'warning' | 'info';
  rule: string;
  message: string;
  line: number;
  column: number;
}

/** One written file of the site, relative to the output folder with '/' separators. */
export interface OutputFile {
  path: string;
  contents: string | Uint8Array;
  /**
   * Contents made chunk by chunk while the file is written (src/streamed.ts), for files too
   * large to hold in memory (the exports); `contents` is then empty.
   */
  stream?: StreamedContents;
  /**
   * The file is byte-identical to the one at this path in the previous build's output, which
   * is updated in place: nothing is written and `contents` is empty (see src/reuse.ts).
   */
  unchanged?: boolean;
}

/**
 * File contents made chunk by chunk while they are written (src/streamed.ts), for files too
 * large to hold in memory; iterating again makes the same bytes again.
 */
export interface StreamedContents extends AsyncIterable<Uint8Array> {
  readonly streamed: true;
}
