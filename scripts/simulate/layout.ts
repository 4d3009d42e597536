/**
 * Lays one simulated page out and damages it the way the five seed pages are damaged, keeping
 * the exact truth of every article beside the text (gold.ts only reshapes it).
 *
 *   plan the page (paper, date, masthead, which articles, which damage)   ← rates below
 *   compose clean articles (corpus.ts), turn punctuation half-width, cut jumps and gaps
 *   print each article as lines: banner, title lines, byline, pieces of paragraphs broken at
 *     column ends, intertitles, caption + credit, end byline, markers
 *   displace fragments between articles (1–3 per page)
 *   order articles by where their heads landed, serialize (blank lines, BOM, CRLF, indentation)
 *
 * Every printed line is separated from the next by one blank line (three now and then), as in
 * every seed. A paragraph's pieces are substrings of the page, in order, so joining them with
 * nothing added gives the gold paragraph back.
 */
import {
  addDays, composeArticle, composeBrief, composeTeaserHeadline, distinctNames, hasPreview, makeCast,
  shortDistrict, BRIEF_BANNERS, PAGE_NAMES, PAPERS, SECTION_BANNERS, TOPICS,
  type CleanArticle, type Draw, type LeadForm, type MonthDay, type Paper, type PageContext,
  type TitleShape, type Topic,
} from './corpus.js';
import type { GoldArticle, GoldMasthead } from './gold.js';

// ---------------------------------------------------------------------------------------------
// Rates. Each mirrors what the five seed pages (000–004) show; where the seeds show nothing the
// brief asked for the damage anyway and the rate is kept low. Counts are over the 25 titled
// articles, 105 paragraphs and 17,080 body characters of the seeds.

/** 25 mid-sentence column breaks in 17,080 body characters: one per 683 characters. */
export const COLUMN_BREAK_EVERY_CHARS = 683;
/** 000 opens with four blank lines, 001–004 with two. */
export const FOUR_LEADING_BLANK_LINES_RATE = 0.2;
/** 5 of ~170 line gaps outside 001's masthead and the captions are three blank lines, not one. */
export const WIDE_GAP_RATE = 0.03;
/** 001 ends with no newline like 002–004; 000 ends with a blank line. */
export const TRAILING_BLANK_LINE_RATE = 0.2;

/** 001 prints a nameplate and the `准印证号… / 第3期(总第1657期) / 2022年1月17日 星期一` line. */
export const MASTHEAD_FULL_RATE = 0.2;
/** No seed has a one-line running head (inside pages of real papers do); the brief asks for it. */
export const MASTHEAD_RUNNING_HEAD_RATE = 0.1;
/** 001 prints app/微信/微博/抖音 promo lines and the 数字报 URL between nameplate and permit line. */
export const FURNITURE_WITH_MASTHEAD_RATE = 0.8;
/** The permit / issue / date parts on three lines instead of 001's one (not in the seeds). */
export const SPLIT_PERMIT_LINE_RATE = 0.3;

/** 000: a thematic banner (深入学习“四史” 坚守初心使命) over the lead article. */
export const SECTION_BANNER_RATE = 0.2;
/** 001: two `□` briefs under the 大字新闻 banner. */
export const BRIEFS_RATE = 0.2;
/** 004: a teaser, `进博会北外滩馆表达“零碳”愿景` + `刊2版▶`. */
export const TEASER_RATE = 0.2;
/** 002: a jump-in article, repeated headline + `(上接第1版)…`. */
export const JUMP_IN_RATE = 0.2;
/** 002: a 16-paragraph 侧记 with a `——` subheadline and three intertitles. */
export const FEATURE_RATE = 0.2;
/** 002: text missing between `…全面从严治党` and `更多杨浦样本。` (kept as two paragraphs). */
export const GAP_RATE = 0.2;
/** 004: `共商游戏电竞产业合作` ends at `…行业活动、` with no marker. */
export const UNMARKED_CUT_RATE = 0.2;
/** 001 and 004 send articles to later pages. */
export const JUMP_OUT_PAGE_RATE = 0.4;
/** On such a page, 004 jumps 4 of 8 articles and 001 1 of 5. */
export const JUMP_OUT_ARTICLE_RATE = 0.35;
/** 004 glues `下转▶3版` to the text (after a comma 3 times of 4); 001 prints `(下转第4版)` alone. */
export const ARROW_MARKER_RATE = 0.5;

/** 000 and 003 each print one captioned photo. */
export const CAPTION_RATE = 0.4;
/** 000's caption interrupts a sentence (`永远奋斗 | caption | 是我们党`); 003's sits between paragraphs. */
export const CAPTION_IN_SENTENCE_RATE = 0.5;
/** 000 glues `■记者 朱良城 摄` to the caption; 003 prints `陈二 摄` on its own line. */
export const CREDIT_GLUED_RATE = 0.5;

/** Displaced fragments per page: the brief asks for 1–3; 000 shows one, 003 two. */
export const DISPLACEMENTS_PER_PAGE: Readonly<Record<'1' | '2' | '3', number>> = { 1: 0.5, 2: 0.35, 3: 0.15 };
/**
 * Kinds of displacement besides a caption inside a broken sentence (which counts as one):
 * 003 prints `医媒合作`'s lead before its headline and `好班长`'s last column before 医媒合作;
 * the others are the forms the brief names (a fragment under another article's title block, a
 * stray column after a later headline, a piece pushed after a later article).
 */
export const DISPLACEMENT_KINDS: Readonly<Record<MovedKind, number>> = {
  leadBeforeHeadline: 0.2, movedEarlier: 0.2, underOtherTitle: 0.2, strayColumn: 0.2, movedLater: 0.2,
};

/** Every seed prints `,;:?()` half-width; some pages stay full-width so neither form is assumed. */
export const HALF_WIDTH_RATE = 0.8;
/** No seed has CRLF, a BOM or U+3000 indentation; the brief asks for all three. */
export const CRLF_RATE = 0.1;
/** See CRLF_RATE. */
export const BOM_RATE = 0.1;
/** See CRLF_RATE. */
export const INDENT_RATE = 0.1;

/** Seeds print 3–8 articles besides briefs and teasers (002: a 侧记, a jump-in and one more). */
export const ARTICLES_PER_PAGE = { min: 3, max: 8, withFeatureMax: 4 } as const;
/** Paragraphs of the seeds' complete news articles: mostly 3–4, from 1 to 7. */
export const PARAGRAPHS_PER_ARTICLE: Readonly<Record<'1' | '2' | '3' | '4' | '5' | '6', number>> = {
  1: 0.05, 2: 0.1, 3: 0.3, 4: 0.3, 5: 0.15, 6: 0.1,
};
/**
 * Title stacks of the 25 seed articles: 13 single lines, 8 headline + subheadline (001, 002,
 * 003, 004), 2 kicker + headline (002, 004), 2 kicker + headline merged on one line (000 lines
 * 7 and 57); no three-line stack (kept rare).
 */
export const TITLE_FORMS: Readonly<Record<TitleForm, number>> = {
  single: 0.5, headlineSub: 0.32, kickerHeadline: 0.08, merged: 0.08, kickerHeadlineSub: 0.02,
};
/** 001 line 49: `共谋发展向前看 区区合作再出发 本报讯 1月11日上午,…` (1 of 25). */
export const HEADLINE_GLUED_TO_LEAD_RATE = 0.04;
/**
 * Byline house style, one per seed page: 000 glues `■记者 张蓓` to the last paragraph, 001 puts
 * `● 记者 刘坤` under the title, 002 `■记者 杨晓梅`, 003 `记者 姚丽敏` or a bare `宗河`, 004
 * writes `本报讯(记者 张雯)` in the lead.
 */
export const BYLINE_STYLES: Readonly<Record<BylineStyle, number>> = {
  endGlued: 0.2, underBullet: 0.2, underSquare: 0.2, underPlain: 0.2, inLead: 0.2,
};
/** 001's 区区合作 and a jumping article carry no byline: 2 of 25. */
export const NO_BYLINE_RATE = 0.08;
/** 002's `■记者 毛信慧 成佳佳` (1 of 25; a little more so it shows up). */
export const TWO_REPORTERS_RATE = 0.06;
/** `■成佳佳`, `■宗永` (000) and `宗河` (003): 3 of 9 end/plain bylines carry no 记者. */
export const BARE_NAME_RATE = 0.3;
/** 002 prints its end byline on its own line instead of gluing it. */
export const END_BYLINE_OWN_LINE_RATE = 0.2;
/** `记者 X 通讯员 Y`: not in the seeds, asked for by the brief. */
export const CORRESPONDENT_RATE = 0.05;
/** `文/X 图/Y`: not in the seeds, asked for by the brief. */
export const TEXT_AND_PHOTO_RATE = 0.04;
/**
 * Leads of the 24 seed articles with one: 本报讯 + date in almost all; 001's lead has no 本报讯;
 * 004 has one `近日`, one date after the subject, one scheduled event before the dateline; 002
 * one range (`12月7日至8日`).
 */
export const LEAD_FORMS: Readonly<Record<LeadForm, number>> = {
  tagged: 0.76, untagged: 0.06, vague: 0.06, range: 0.04, subjectFirst: 0.04, preview: 0.04,
};

/** Years the simulated issues fall in (the seeds span 2019–2024). */
export const YEARS = { first: 2018, last: 2025 } as const;

// About a fifth of titled articles can take a glued headline (a single line, a 本报讯 lead, no
// byline between them), so the draw among those is scaled to give the overall rate.
const GLUE_ELIGIBLE_SHARE = 0.2;

// Pages are redrawn (rarely) until they print their year and district, as every seed does, so
// the gold's inferredYear and paper always have evidence on the page.
const MAX_ATTEMPTS = 30;

// ---------------------------------------------------------------------------------------------
// Types

/** A title stack as printed; `merged` is a kicker + headline pair on one line (seed 000). */
export type TitleForm = 'single' | 'headlineSub' | 'kickerHeadline' | 'merged' | 'kickerHeadlineSub';
/** Where a page's bylines go. */
export type BylineStyle = 'endGlued' | 'underBullet' | 'underSquare' | 'underPlain' | 'inLead';
/** Where one article's byline is printed. */
export type BylineForm = 'none' | 'endGlued' | 'endLine' | 'underBullet' | 'underSquare' | 'underPlain' | 'inLead' | 'textAndPhoto';
/** A displacement other than a caption in a broken sentence. */
export type MovedKind = 'leadBeforeHeadline' | 'movedEarlier' | 'underOtherTitle' | 'strayColumn' | 'movedLater';
/** Every kind of displaced fragment. */
export type DisplacementKind = MovedKind | 'afterCaption';
/** What an article is on the page. */
export type ArticleKind = 'news' | 'feature' | 'brief' | 'teaser' | 'jumpIn';

/** One article as printed, with its exact truth: the gold fields plus its kind. */
export interface PlacedArticle extends GoldArticle {
  kind: ArticleKind;
  /** ISO date of the dateline's last day, in the issue's year; null without a dateline. */
  datelineEnd: string | null;
}

/** The masthead facts the page prints (nulls when it prints none), as in the gold schema. */
export type MastheadFacts = GoldMasthead;

/** One displaced fragment: which article's text moved where (reading-order indices). */
export interface Displacement {
  kind: DisplacementKind;
  source: number;
  target: number | null;
  /** The first characters of the moved text, to find it in the page. */
  fragment: string;
}

/** Which damage a page got, so rates can be measured and scores broken down by damage. */
export interface DamageLog {
  masthead: 'full' | 'runningHead' | 'none';
  furniture: boolean;
  halfWidth: boolean;
  crlf: boolean;
  bom: boolean;
  indent: boolean;
  leadingBlankLines: number;
  gaps: number;
  wideGaps: number;
  /** Gaps before lines other than captions and masthead furniture (which are always wide). */
  ordinaryGaps: number;
  ordinaryWideGaps: number;
  bodyChars: number;
  naturalBreaks: number;
  forcedBreaks: number;
  displacements: Displacement[];
  caption: { inSentence: boolean; creditGlued: boolean } | null;
  titleForms: TitleForm[];
  headlineGluedToLead: number;
  bylineStyle: BylineStyle;
  /** Where each titled article's byline went (before cuts dropped end bylines). */
  bylineForms: BylineForm[];
  leadForms: LeadForm[];
  briefs: number;
  teaser: boolean;
  jumpIn: boolean;
  feature: boolean;
  sectionBanner: boolean;
  jumpOut: number;
  jumpOutStyle: 'arrow' | 'paren' | null;
  unmarkedCut: boolean;
  gap: boolean;
  /** Reading-order index of the article that lost text in a gap, or null. */
  gapArticle: number | null;
  /** How many drafts were drawn before one printed its year and district. */
  attempts: number;
}

/** A laid-out page: its text and the truth about everything on it. */
export interface LaidOutPage {
  name: string;
  text: string;
  paper: Paper;
  year: number;
  /** ISO publication date (printed or not). */
  issueDate: string;
  pageNumber: number;
  masthead: MastheadFacts;
  furniture: string[];
  sectionBanners: string[];
  /** In reading order. */
  articles: PlacedArticle[];
  damage: DamageLog;
}

type Role = 'masthead' | 'furniture' | 'banner' | 'title' | 'bylineTop' | 'intertitle' | 'piece' | 'caption'
  | 'credit' | 'bylineEnd' | 'marker' | 'brief' | 'teaser';

/** One printed line; `item` indexes the page's items in layout order, null for masthead lines. */
interface Line {
  role: Role;
  item: number | null;
  body: string;
  /** Glued before the body: `(上接第1版)`, or a headline printed into its lead. */
  prefix: string;
  /** Glued after the body: ` ■记者 X`, `下转▶3版`, ` ■记者 X 摄`. */
  suffix: string;
  para: number;
  piece: number;
  /** Blank lines before this line. */
  gap: number;
}

/** An article being laid out: its truth and how each of its parts is printed. */
interface Item {
  gold: PlacedArticle;
  titleLines: string[];
  gluedHeadline: boolean;
  bylineTop: string | null;
  bylineEnd: string | null;
  bylineGlue: string | null;
  markerGlue: string | null;
  markerLine: string | null;
  markerPrefix: string | null;
  banner: string | null;
  briefText: string | null;
  captionCandidates: string[];
}

// ---------------------------------------------------------------------------------------------
// Small helpers

const HALF = new Map([['，', ','], ['；', ';'], ['：', ':'], ['？', '?'], ['！', '!'], ['（', '('], ['）', ')']]);

/** `，；：？！（）` → `,;:?!()`, as every seed prints them. */
export function toHalfWidth(s: string): string {
  return s.replace(/[，；：？！（）]/g, (c) => HALF.get(c) ?? c);
}

const SENTENCE_END = /[。！？!?]/;
// A piece never starts with punctuation that closes something: no seed fragment does.
const NO_PIECE_START = /[，,。、；;：:）)”》！？!?]/;

/**
 * Whether a column may end between s[i-1] and s[i]: mid-sentence, never at a space, and never
 * inside a `本报讯(记者 X)` tag (a name split across columns could not be a gold byline).
 */
function canBreak(s: string, i: number): boolean {
  if (i < 2 || i > s.length - 2) return false;
  const tag = /^本报讯[(（][^)）]*[)）]/.exec(s);
  if (tag && i < tag[0].length) return false;
  const before = s[i - 1]!, after = s[i]!;
  return !SENTENCE_END.test(before) && !/\s/.test(before) && !/\s/.test(after) && !NO_PIECE_START.test(after);
}

function iso(year: number, md: MonthDay): string {
  return `${year}-${String(md.month).padStart(2, '0')}-${String(md.day).padStart(2, '0')}`;
}

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

function weekday(year: number, md: MonthDay): string {
  return WEEKDAYS[new Date(Date.UTC(year, md.month - 1, md.day)).getUTCDay()]!;
}

function dayOfYear(year: number, md: MonthDay): number {
  return Math.round((Date.UTC(year, md.month - 1, md.day) - Date.UTC(year, 0, 1)) / 86_400_000) + 1;
}

function emptyArticle(kind: ArticleKind): PlacedArticle {
  return {
    kind, headline: null, kicker: null, subheadline: null, section: null, bylines: [], photoCredits: [],
    dateline: null, datelineEnd: null, paragraphs: [], intertitles: [], captions: [], markers: [],
    continuedTo: null, continuedFrom: null, incomplete: false,
  };
}

function emptyItem(gold: PlacedArticle): Item {
  return {
    gold, titleLines: [], gluedHeadline: false, bylineTop: null, bylineEnd: null, bylineGlue: null, markerGlue: null,
    markerLine: null, markerPrefix: null, banner: null, briefText: null, captionCandidates: [],
  };
}

// Only some topics have a scheduled event to open with; they take the preview form more often so
// the page-wide rate stays LEAD_FORMS.preview.
const PREVIEW_TOPICS = TOPICS.filter(hasPreview).length;

function leadWeights(topic: Topic): Record<LeadForm, number> {
  return { ...LEAD_FORMS, preview: hasPreview(topic) ? (LEAD_FORMS.preview * TOPICS.length) / PREVIEW_TOPICS : 0 };
}

// ---------------------------------------------------------------------------------------------
// Cuts: what the page loses at jumps and gaps (they change the truth, so they come first)

/** Cuts the end of an article after a mark in `marks` (never in the lead unless it is alone). */
function cutEnd(draw: Draw, paras: string[], marks: RegExp, keepEnd: boolean): string[] | null {
  const j = paras.length >= 2 ? draw.int(1, paras.length - 1) : 0;
  const p = paras[j]!;
  // Keep a real column's worth: 004 and 001 cut after 60+ characters of the last paragraph.
  const from = Math.max(j === 0 ? 40 : 15, Math.floor(p.length * 0.3));
  const at: number[] = [];
  for (let i = from; i <= p.length; i++) if (marks.test(p[i - 1]!) && (keepEnd || i < p.length)) at.push(i);
  if (at.length === 0) return null;
  return [...paras.slice(0, j), p.slice(0, draw.pick(at))];
}

/** Drops an article's start up to a comma or full stop inside a later paragraph (seed 002's jump-in). */
function cutStart(draw: Draw, paras: string[]): string[] | null {
  if (paras.length < 3) return null;
  const j = draw.int(1, paras.length - 2);
  const p = paras[j]!;
  const at: number[] = [];
  for (let i = 8; i < p.length - 20; i++) if (/[，,。]/.test(p[i - 1]!)) at.push(i);
  if (at.length === 0) return null;
  return [p.slice(draw.pick(at)), ...paras.slice(j + 1)];
}

/** Loses text inside paragraph j: the two remains stay two paragraphs (seed 002). */
function cutGap(draw: Draw, paras: string[], j: number): string[] | null {
  const p = paras[j]!;
  const starts: number[] = [];
  for (let i = 12; i < p.length - 40; i++) if (canBreak(p, i)) starts.push(i);
  if (starts.length === 0) return null;
  const a = draw.pick(starts);
  const ends: number[] = [];
  for (let i = a + 8; i < p.length - 5; i++) if (!SENTENCE_END.test(p[i - 1]!) && !NO_PIECE_START.test(p[i]!) && !/\s/.test(p[i]!)) ends.push(i);
  if (ends.length === 0) return null;
  return [...paras.slice(0, j), p.slice(0, a), p.slice(draw.pick(ends)), ...paras.slice(j + 1)];
}

// ---------------------------------------------------------------------------------------------
// Bylines

interface Byline {
  /** Reporters then correspondent, as gold `bylines`. */
  names: string[];
  photographer: string | null;
  where: BylineForm;
  /** What is printed (for inLead: the text inside 本报讯（…）). */
  text: string;
}

function planByline(draw: Draw, style: BylineStyle, lead: LeadForm | null, people: () => string): Byline {
  if (draw.chance(NO_BYLINE_RATE)) return { names: [], photographer: null, where: 'none', text: '' };
  if (draw.chance(TEXT_AND_PHOTO_RATE)) {
    const writer = people(), photographer = people();
    return { names: [writer], photographer, where: 'textAndPhoto', text: `文/${writer} 图/${photographer}` };
  }
  const reporters = draw.chance(TWO_REPORTERS_RATE) ? [people(), people()] : [people()];
  const correspondent = draw.chance(CORRESPONDENT_RATE) ? people() : null;
  const names = correspondent ? [...reporters, correspondent] : reporters;
  const credit = `记者 ${reporters.join(' ')}${correspondent ? ` 通讯员 ${correspondent}` : ''}`;
  const bare = !correspondent && draw.chance(BARE_NAME_RATE) ? reporters.join(' ') : null;
  let where: Byline['where'] = style;
  if (style === 'inLead' && (lead === null || lead === 'untagged')) where = 'underPlain'; // no 本报讯 to hold it
  if (style === 'endGlued' && draw.chance(END_BYLINE_OWN_LINE_RATE)) where = 'endLine';
  switch (where) {
    case 'endGlued': return { names, photographer: null, where, text: ` ■${bare ?? credit}` };
    case 'endLine': return { names, photographer: null, where, text: `■${credit}` };
    case 'underBullet': return { names, photographer: null, where, text: `● ${credit}` };
    case 'underSquare': return { names, photographer: null, where, text: `■${credit}` };
    case 'underPlain': return { names, photographer: null, where, text: bare ?? credit };
    default: return { names, photographer: null, where, text: credit };
  }
}

// ---------------------------------------------------------------------------------------------
// Column breaks

/** Breaks paragraphs where columns end: one column's worth of characters flows across the page. */
function makeBreaker(draw: Draw) {
  let untilBreak = draw.float() * COLUMN_BREAK_EVERY_CHARS; // the page starts mid-column
  const stats = { natural: 0, chars: 0 };
  const pieces = (p: string): string[] => {
    stats.chars += p.length;
    const cuts: number[] = [];
    let pos = 0;
    while (untilBreak < p.length - pos) {
      let at = pos + Math.max(1, Math.round(untilBreak));
      while (at < p.length && !canBreak(p, at)) at++;
      if (at < p.length && at > (cuts[cuts.length - 1] ?? 0)) {
        cuts.push(at);
        stats.natural++;
      }
      pos = Math.min(at, p.length);
      untilBreak = COLUMN_BREAK_EVERY_CHARS * (0.5 + draw.float()); // columns vary, mean 683
    }
    untilBreak -= p.length - pos;
    return [0, ...cuts].map((c, i) => p.slice(c, cuts[i] ?? p.length));
  };
  return { pieces, stats };
}

// ---------------------------------------------------------------------------------------------
// Line operations (displacements work on the printed lines, never on the truth)

function line(role: Role, item: number | null, body: string, gap = 1): Line {
  return { role, item, body, prefix: '', suffix: '', para: -1, piece: -1, gap };
}

const HEAD_ROLES = new Set<Role>(['banner', 'title', 'bylineTop', 'brief', 'teaser']);

/** Where an article starts for reading order: its banner, title, byline or first lead piece. */
function headIndex(lines: Line[], item: number): number {
  return lines.findIndex((l) => l.item === item && (HEAD_ROLES.has(l.role) || (l.role === 'piece' && l.para === 0 && l.piece === 0)));
}

/** The index just after an article's title lines and top byline, or -1 when its title is not on a line. */
function titleBlockEnd(lines: Line[], item: number): number {
  let end = -1;
  lines.forEach((l, i) => { if (l.item === item && (l.role === 'title' || l.role === 'bylineTop')) end = i + 1; });
  return end;
}

/** Splits a piece line at a legal point near its middle; returns the continuation's index or -1. */
function forceBreak(draw: Draw, lines: Line[], k: number): number {
  const l = lines[k]!;
  const at: number[] = [];
  for (let i = Math.floor(l.body.length * 0.25); i <= Math.ceil(l.body.length * 0.75); i++) if (canBreak(l.body, i)) at.push(i);
  if (at.length === 0) return -1;
  const i = draw.pick(at);
  const second: Line = { ...l, body: l.body.slice(i), prefix: '', piece: l.piece + 1, gap: 1 };
  l.body = l.body.slice(0, i);
  l.suffix = '';
  lines.splice(k + 1, 0, second);
  return k + 1;
}

/** A continuation piece of an article (one starting mid-sentence), breaking a column if needed. */
function continuation(draw: Draw, lines: Line[], item: number, log: DamageLog): number {
  const existing = lines.flatMap((l, i) => (l.item === item && l.role === 'piece' && l.piece > 0 ? [i] : []));
  if (existing.length > 0) return draw.pick(existing);
  const candidates = lines.flatMap((l, i) => (l.item === item && l.role === 'piece' && l.body.length >= 12 ? [i] : []));
  for (const k of draw.shuffle(candidates)) {
    const c = forceBreak(draw, lines, k);
    if (c >= 0) {
      log.forcedBreaks++;
      return c;
    }
  }
  return -1;
}

/** Moves the lines at `picked` (ascending) to where `where` says in the remaining lines. */
function move(lines: Line[], picked: number[], where: (rest: Line[]) => number): Line[] {
  const set = new Set(picked);
  const moved = picked.map((i) => lines[i]!);
  const rest = lines.filter((_, i) => !set.has(i));
  const at = where(rest);
  rest.splice(at, 0, ...moved);
  return rest;
}

// ---------------------------------------------------------------------------------------------
// The page

/** Lays out and damages one page; redraws until it prints its year and district. */
export function layOutPage(draw: Draw, name: string): LaidOutPage {
  for (let attempt = 1; ; attempt++) {
    const page = draftPage(draw, name);
    page.damage.attempts = attempt;
    const dated = page.masthead.date !== null || page.text.includes(`${page.year}年`);
    if ((dated && page.text.includes(page.paper.district)) || attempt >= MAX_ATTEMPTS) return page;
  }
}

function draftPage(draw: Draw, name: string): LaidOutPage {
  const paper = draw.pick(PAPERS);
  const year = draw.int(YEARS.first, YEARS.last);
  const pub: MonthDay = { month: draw.int(1, 12), day: draw.int(1, 28) };
  if (pub.month === 1 && pub.day < 10) pub.day += 10; // keep a week of datelines inside the year
  const cast = makeCast(draw);
  const ctx: PageContext = { paper, year, cast };
  const taken = new Set([cast.secretary, cast.mayor, cast.deputy, ...cast.vice, cast.npc, cast.cppcc, cast.propaganda]);
  const people = () => {
    const [n] = distinctNames(draw, 1, taken);
    taken.add(n!);
    return n!;
  };

  const halfWidth = draw.chance(HALF_WIDTH_RATE);
  const put = halfWidth ? toHalfWidth : (s: string) => s;
  const mastheadForm = draw.chance(MASTHEAD_FULL_RATE) ? 'full' : draw.chance(MASTHEAD_RUNNING_HEAD_RATE / (1 - MASTHEAD_FULL_RATE)) ? 'runningHead' : 'none';
  const bylineStyle = draw.weighted(BYLINE_STYLES);
  const feature = draw.chance(FEATURE_RATE);
  const jumpIn = draw.chance(JUMP_IN_RATE);
  const briefs = draw.chance(BRIEFS_RATE);
  const teaser = draw.chance(TEASER_RATE);
  const banner = draw.chance(SECTION_BANNER_RATE);
  const gap = draw.chance(GAP_RATE);
  const unmarked = draw.chance(UNMARKED_CUT_RATE);
  const jumpOut = draw.chance(JUMP_OUT_PAGE_RATE);
  const arrow = draw.chance(ARROW_MARKER_RATE);
  const captioned = draw.chance(CAPTION_RATE);
  const pageNumber = jumpIn ? draw.int(2, 6) : draw.int(1, 6);

  const log: DamageLog = {
    masthead: mastheadForm, furniture: false, halfWidth, crlf: draw.chance(CRLF_RATE), bom: draw.chance(BOM_RATE),
    indent: draw.chance(INDENT_RATE), leadingBlankLines: draw.chance(FOUR_LEADING_BLANK_LINES_RATE) ? 4 : 2,
    gaps: 0, wideGaps: 0, ordinaryGaps: 0, ordinaryWideGaps: 0, bodyChars: 0, naturalBreaks: 0, forcedBreaks: 0, displacements: [], caption: null,
    titleForms: [], headlineGluedToLead: 0, bylineStyle, bylineForms: [], leadForms: [], briefs: 0, teaser, jumpIn, feature,
    sectionBanner: banner, jumpOut: 0, jumpOutStyle: null, unmarkedCut: false, gap: false, gapArticle: null, attempts: 1,
  };

  // --- compose the articles -------------------------------------------------------------------
  const regular = feature ? draw.int(ARTICLES_PER_PAGE.min, ARTICLES_PER_PAGE.withFeatureMax) : draw.int(ARTICLES_PER_PAGE.min, ARTICLES_PER_PAGE.max);
  const topics = draw.sample(TOPICS, regular);
  const eventDate = () => addDays(year, pub, -draw.int(1, 6));

  const titled = (kind: ArticleKind, topic: Topic): Item => {
    const isFeature = kind === 'feature';
    const form: TitleForm = kind === 'jumpIn' ? 'single' : isFeature ? (draw.chance(0.8) ? 'headlineSub' : 'kickerHeadlineSub') : draw.weighted(TITLE_FORMS);
    const shape: TitleShape = form === 'merged' ? 'kickerHeadline' : form;
    const lead: LeadForm = kind === 'jumpIn' ? 'tagged' : draw.weighted(leadWeights(topic));
    const byline = kind === 'jumpIn'
      ? planByline(draw, 'endGlued', null, people) // a continuation signs off at its end (002)
      : planByline(draw, bylineStyle, lead, people);
    const paragraphs = isFeature ? draw.int(8, 12) : kind === 'jumpIn' ? draw.int(4, 6) : Number(draw.weighted(PARAGRAPHS_PER_ARTICLE));
    const clean: CleanArticle = composeArticle(draw, ctx, {
      topic, shape, lead, leadByline: byline.where === 'inLead' ? byline.text : null, date: eventDate(), paragraphs, feature: isFeature,
    });
    const gold: PlacedArticle = {
      ...emptyArticle(kind),
      headline: put(clean.headline), kicker: clean.kicker && put(clean.kicker), subheadline: clean.subheadline && put(clean.subheadline),
      bylines: byline.names, photoCredits: byline.photographer ? [byline.photographer] : [],
      dateline: clean.dateline, datelineEnd: clean.datelineEnd && iso(year, clean.datelineEnd),
      paragraphs: clean.paragraphs.map(put), intertitles: clean.intertitles.map((t) => ({ ...t, text: put(t.text) })),
    };
    const item = emptyItem(gold);
    item.captionCandidates = clean.captions.map(put);
    const k = gold.kicker, h = gold.headline!, s = gold.subheadline;
    item.titleLines = form === 'merged' ? [`${k} ${h}`] : [k, h, s].filter((x): x is string => x !== null);
    if (kind !== 'jumpIn') {
      log.titleForms.push(form);
      log.leadForms.push(lead);
      log.bylineForms.push(byline.where);
    }
    // A single headline may run into a 本报讯 lead when nothing sits between them (001 line 49).
    if (form === 'single' && kind === 'news' && gold.paragraphs[0]!.startsWith('本报讯')
      && !['underBullet', 'underSquare', 'underPlain', 'textAndPhoto'].includes(byline.where) && draw.chance(HEADLINE_GLUED_TO_LEAD_RATE / GLUE_ELIGIBLE_SHARE)) {
      item.gluedHeadline = true;
      log.headlineGluedToLead++;
    }
    switch (byline.where) {
      case 'endGlued': item.bylineGlue = byline.text; break;
      case 'endLine': item.bylineEnd = byline.text; break;
      case 'underBullet': case 'underSquare': case 'underPlain': case 'textAndPhoto': item.bylineTop = byline.text; break;
      default: break; // none, or inside the lead already
    }
    return item;
  };

  const news: Item[] = [];
  let t = 0;
  const lead: Item | null = feature ? titled('feature', topics[t++]!) : null;
  const jumper: Item | null = jumpIn ? titled('jumpIn', topics[t++]!) : null;
  while (t < topics.length) news.push(titled('news', topics[t++]!));

  // --- cuts: jumps out, an unmarked cut, a jump in, a gap ------------------------------------
  const dropEndByline = (it: Item) => {
    // The signature after the text went with the lost end; a byline at the top stays (004).
    if (it.bylineGlue !== null || it.bylineEnd !== null) it.gold.bylines = [];
    it.bylineGlue = null;
    it.bylineEnd = null;
  };
  const trimIntertitles = (it: Item) => {
    it.gold.intertitles = it.gold.intertitles.filter((x) => x.beforeParagraph < it.gold.paragraphs.length);
  };
  if (jumpOut && news.length > 0) {
    const chosen = news.filter(() => draw.chance(JUMP_OUT_ARTICLE_RATE));
    if (chosen.length === 0) chosen.push(news[news.length - 1]!);
    for (const it of chosen) {
      const paras = cutEnd(draw, it.gold.paragraphs, arrow ? (draw.chance(0.75) ? /[，,]/ : /。/) : /。/, !arrow);
      if (!paras) continue;
      const target = pageNumber + draw.int(1, 3);
      it.gold.paragraphs = paras;
      trimIntertitles(it);
      dropEndByline(it);
      const marker = arrow ? `下转▶${target}版` : put(`（下转第${target}版）`);
      if (arrow) it.markerGlue = marker;
      else it.markerLine = marker;
      Object.assign(it.gold, { markers: [marker], continuedTo: `第${target}版`, incomplete: true });
      log.jumpOut++;
    }
    if (log.jumpOut > 0) log.jumpOutStyle = arrow ? 'arrow' : 'paren';
  }
  if (unmarked) {
    const free = news.filter((it) => !it.gold.incomplete);
    for (const it of draw.shuffle(free)) {
      const paras = cutEnd(draw, it.gold.paragraphs, /[、，,]/, false);
      if (!paras) continue;
      it.gold.paragraphs = paras;
      trimIntertitles(it);
      dropEndByline(it);
      it.gold.incomplete = true;
      log.unmarkedCut = true;
      break;
    }
  }
  if (jumper) {
    const paras = cutStart(draw, jumper.gold.paragraphs) ?? jumper.gold.paragraphs.slice(1);
    const from = draw.int(1, pageNumber - 1);
    const marker = put(`（上接第${from}版）`);
    Object.assign(jumper.gold, {
      paragraphs: paras, intertitles: [], dateline: null, datelineEnd: null, markers: [marker],
      continuedFrom: `第${from}版`, incomplete: true,
    });
    jumper.markerPrefix = marker;
  }
  let gapItem: Item | null = null;
  if (gap) {
    const pool = [lead, jumper, ...news].filter((it): it is Item => it !== null && !it.gluedHeadline);
    outer: for (const it of draw.shuffle(pool)) {
      const first = it.gold.kind === 'jumpIn' ? 0 : 1; // a 本报讯 lead keeps its dateline whole
      for (const j of draw.shuffle(it.gold.paragraphs.map((_, i) => i).slice(first))) {
        if (it.gold.paragraphs[j]!.length < 60) continue;
        const paras = cutGap(draw, it.gold.paragraphs, j);
        if (!paras) continue;
        it.gold.paragraphs = paras;
        it.gold.intertitles = it.gold.intertitles.map((x) => (x.beforeParagraph > j ? { ...x, beforeParagraph: x.beforeParagraph + 1 } : x));
        log.gap = true;
        gapItem = it;
        break outer;
      }
    }
  }

  // --- page order: lead (feature) first, the jump-in, briefs and teaser among the rest --------
  const items: Item[] = [...(lead ? [lead] : []), ...news];
  const insertAfterFirst = (group: Item[]) => items.splice(draw.int(1, items.length), 0, ...group);
  if (jumper) insertAfterFirst([jumper]);
  const bannerText = banner ? put(draw.pick(SECTION_BANNERS)) : null;
  if (bannerText) {
    items[0]!.banner = bannerText;
    items[0]!.gold.section = bannerText;
  }
  if (briefs) {
    const heading = put(draw.pick(BRIEF_BANNERS));
    const group = Array.from({ length: draw.int(2, 4) }, () => {
      const it = emptyItem({ ...emptyArticle('brief'), section: heading });
      // Briefs are dated before every article, so they never decide latestEventDate.
      it.briefText = put(composeBrief(draw, ctx, addDays(year, pub, -draw.int(7, 9))));
      it.gold.paragraphs = [it.briefText];
      return it;
    });
    group[0]!.banner = heading;
    log.briefs = group.length;
    insertAfterFirst(group);
  }
  if (teaser) {
    const target = pageNumber + draw.int(1, 2);
    const marker = `刊${target}版▶`;
    const it = emptyItem({ ...emptyArticle('teaser'), headline: put(composeTeaserHeadline(draw, ctx)), markers: [marker], continuedTo: `第${target}版`, incomplete: true });
    it.markerLine = marker;
    insertAfterFirst([it]);
  }

  // --- print -----------------------------------------------------------------------------------
  const gapOf = () => (draw.chance(WIDE_GAP_RATE) ? 3 : 1);
  const masthead = printMasthead(draw, paper, year, pub, pageNumber, mastheadForm, put);
  log.furniture = masthead.furniture.length > 0;
  let lines: Line[] = [...masthead.lines];
  const breaker = makeBreaker(draw);
  items.forEach((it, index) => {
    const push = (role: Role, body: string) => {
      const l = line(role, index, body, gapOf());
      lines.push(l);
      return l;
    };
    if (it.banner) push('banner', it.banner);
    if (it.gold.kind === 'brief') {
      push('brief', `□ ${it.briefText}`);
      return;
    }
    if (it.gold.kind === 'teaser') {
      push('teaser', it.gold.headline!);
      push('marker', it.markerLine!);
      return;
    }
    if (!it.gluedHeadline) for (const title of it.titleLines) push('title', title);
    if (it.bylineTop) push('bylineTop', it.bylineTop);
    const pieceLines: Line[] = [];
    it.gold.paragraphs.forEach((p, i) => {
      for (const x of it.gold.intertitles) if (x.beforeParagraph === i) push('intertitle', x.text);
      breaker.pieces(p).forEach((body, k) => {
        const l = push('piece', body);
        l.para = i;
        l.piece = k;
        pieceLines.push(l);
      });
    });
    const first = pieceLines[0], last = pieceLines[pieceLines.length - 1];
    if (first && it.markerPrefix) first.prefix = it.markerPrefix;
    if (first && it.gluedHeadline) first.prefix = `${it.titleLines[0]} `;
    if (last) last.suffix = it.bylineGlue ?? it.markerGlue ?? '';
    if (it.bylineEnd) push('bylineEnd', it.bylineEnd);
    if (it.markerLine) push('marker', it.markerLine);
  });
  log.bodyChars = breaker.stats.chars;
  log.naturalBreaks = breaker.stats.natural;

  // --- caption: inside a broken sentence (a displaced fragment) or between paragraphs ----------
  const bodied = (i: number) => ['news', 'feature', 'jumpIn'].includes(items[i]!.gold.kind) && items[i]!.gold.paragraphs.length > 0;
  const afterCaption: Displacement[] = [];
  const hosts = items.map((_, i) => i).filter((i) => bodied(i) && items[i]!.captionCandidates.length > 0);
  if (captioned && hosts.length > 0) {
    const host = draw.pick(hosts);
    const it = items[host]!;
    const inSentence = draw.chance(CAPTION_IN_SENTENCE_RATE);
    const glued = draw.chance(CREDIT_GLUED_RATE);
    const caption = draw.pick(it.captionCandidates);
    // A 文/X 图/Y byline already credits the photo; the caption then prints no credit of its own.
    const photographer = it.gold.photoCredits.length > 0 ? null : draw.chance(0.3) && it.gold.bylines[0] ? it.gold.bylines[0] : people();
    const capLine = line('caption', host, caption, 3); // both seed captions follow three blank lines
    const credit: Line[] = [];
    if (photographer && glued) capLine.suffix = ` ■记者 ${photographer} 摄`;
    if (photographer && !glued) credit.push(line('credit', host, `${photographer} 摄`));
    let at = -1;
    if (inSentence) {
      const k = continuation(draw, lines, host, log);
      if (k >= 0) {
        at = k;
        afterCaption.push({ kind: 'afterCaption', source: host, target: null, fragment: lines[k]!.body.slice(0, 12) });
      }
    }
    if (at < 0) {
      // After the last piece of a paragraph that is not the last one (or after the only one).
      const pieces = lines.flatMap((l, i) => (l.item === host && l.role === 'piece' ? [i] : []));
      const ends = pieces.filter((i) => lines[i + 1]?.item !== host || lines[i + 1]?.role !== 'piece' || lines[i + 1]?.piece === 0);
      const options = ends.length > 1 ? ends.slice(0, -1) : ends;
      at = draw.pick(options) + 1;
    }
    lines.splice(at, 0, capLine, ...credit);
    it.gold.captions = [caption];
    if (photographer) it.gold.photoCredits = [photographer];
    log.caption = { inSentence: afterCaption.length > 0, creditGlued: glued && photographer !== null };
  }

  // --- displaced fragments ----------------------------------------------------------------------
  const wanted = Number(draw.weighted(DISPLACEMENTS_PER_PAGE)) - afterCaption.length;
  const moves: Displacement[] = [];
  const usedSources = new Set<number>(afterCaption.map((d) => d.source));
  const titledAt = (i: number) => bodied(i) && !items[i]!.gluedHeadline;
  const phase: Record<MovedKind, number> = { leadBeforeHeadline: 0, movedEarlier: 1, strayColumn: 1, underOtherTitle: 2, movedLater: 2 };
  const kinds = Array.from({ length: Math.max(0, wanted) }, () => draw.weighted(DISPLACEMENT_KINDS)).sort((a, b) => phase[a] - phase[b]);
  const tryMove = (kind: MovedKind): boolean => {
    const sources = draw.shuffle(items.map((_, i) => i).filter((i) => bodied(i) && !usedSources.has(i)));
    for (const b of sources) {
      const r = displace(draw, lines, items, kind, b, titledAt, log);
      if (r) {
        lines = r.lines;
        usedSources.add(b);
        moves.push({ kind, source: b, target: r.target, fragment: r.fragment });
        return true;
      }
    }
    return false;
  };
  for (const kind of kinds) if (!tryMove(kind)) tryMove(draw.pick(Object.keys(DISPLACEMENT_KINDS) as MovedKind[]));
  // Every page carries at least one displaced fragment (the brief's floor).
  for (const kind of draw.shuffle(Object.keys(DISPLACEMENT_KINDS) as MovedKind[])) {
    if (afterCaption.length + moves.length > 0) break;
    tryMove(kind);
  }

  // --- reading order, then text -----------------------------------------------------------------
  const heads = items.map((_, i) => headIndex(lines, i));
  const order = items.map((_, i) => i).sort((a, b) => heads[a]! - heads[b]!);
  const rank = new Map(order.map((item, r) => [item, r]));
  if (gapItem) log.gapArticle = rank.get(items.indexOf(gapItem)) ?? null;
  log.displacements = [...afterCaption, ...moves].map((d) => ({
    ...d, source: rank.get(d.source)!, target: d.target === null ? null : rank.get(d.target)!,
  }));

  let text = '\n'.repeat(log.leadingBlankLines);
  lines.forEach((l, i) => {
    if (i > 0) {
      text += '\n'.repeat(l.gap + 1);
      log.gaps++;
      if (l.gap > 1) log.wideGaps++;
      if (l.role !== 'caption' && l.role !== 'furniture') {
        log.ordinaryGaps++;
        if (l.gap > 1) log.ordinaryWideGaps++;
      }
    }
    const indent = log.indent && l.role === 'piece' && l.piece === 0 && !(l.prefix && items[l.item!]!.gluedHeadline) ? '\u3000\u3000' : '';
    text += indent + l.prefix + l.body + l.suffix;
  });
  if (draw.chance(TRAILING_BLANK_LINE_RATE)) text += '\n\n';
  if (log.crlf) text = text.replace(/\n/g, '\r\n');
  if (log.bom) text = '\uFEFF' + text;

  const bannerLines = lines.filter((l) => l.role === 'banner').map((l) => l.body);
  return {
    name, text, paper, year, issueDate: iso(year, pub), pageNumber,
    masthead: masthead.facts, furniture: masthead.furniture, sectionBanners: bannerLines,
    articles: order.map((i) => items[i]!.gold), damage: log,
  };
}

/** Applies one displacement with `b` as the source; null when this page offers no place for it. */
function displace(
  draw: Draw, lines: Line[], items: Item[], kind: MovedKind, b: number, titledAt: (i: number) => boolean, log: DamageLog,
): { lines: Line[]; target: number | null; fragment: string } | null {
  const others = (pred: (i: number) => boolean) => draw.shuffle(items.map((_, i) => i).filter((i) => i !== b && pred(i)));
  switch (kind) {
    case 'leadBeforeHeadline': {
      // 003: `本报讯 4月` / `26日,…` printed, then `医媒合作…` and `记者 吴会雄`.
      if (!titledAt(b) || items[b]!.gold.kind === 'jumpIn') return null;
      const lead = lines.flatMap((l, i) => (l.item === b && l.role === 'piece' && l.para === 0 ? [i] : []));
      const title = lines.find((l) => l.item === b && l.role === 'title');
      if (lead.length === 0 || !title || lines.indexOf(title) > lead[0]!) return null;
      const span = Array.from({ length: lead[lead.length - 1]! - lead[0]! + 1 }, (_, k) => lead[0]! + k);
      const fragment = lines[lead[0]!]!.body.slice(0, 12);
      // Before the first title line; a banner, if any, stays above (it spans the whole article).
      return { lines: move(lines, span, (rest) => rest.indexOf(title)), target: null, fragment };
    }
    case 'movedEarlier':
    case 'strayColumn': {
      // The rest of B from a mid-sentence piece on: before an earlier article (003), or right
      // under a later article's title block.
      const targets = kind === 'movedEarlier' ? others((i) => i < b) : others((i) => i > b && titledAt(i));
      if (targets.length === 0) return null;
      const k = continuation(draw, lines, b, log);
      if (k < 0) return null;
      const tail = lines.flatMap((l, i) => (i >= k && l.item === b ? [i] : []));
      const c = targets[0]!;
      const fragment = lines[k]!.body.slice(0, 12);
      const anchor = kind === 'movedEarlier' ? lines[headIndex(lines, c)] : null;
      if (kind === 'movedEarlier' && !anchor) return null;
      return {
        lines: move(lines, tail, (rest) => (anchor ? rest.indexOf(anchor) : titleBlockEnd(rest, c))),
        target: c, fragment,
      };
    }
    case 'underOtherTitle':
    case 'movedLater': {
      // One mid-sentence piece of B: right under A's title block before A's lead, or after C's end.
      const targets = kind === 'underOtherTitle' ? others(titledAt) : others((i) => i > b);
      if (targets.length === 0) return null;
      const k = continuation(draw, lines, b, log);
      if (k < 0) return null;
      const c = targets[0]!;
      const fragment = lines[k]!.body.slice(0, 12);
      return {
        lines: move(lines, [k], (rest) => {
          if (kind === 'underOtherTitle') return titleBlockEnd(rest, c);
          let end = -1;
          rest.forEach((l, i) => { if (l.item === c) end = i + 1; });
          return end;
        }),
        target: c, fragment,
      };
    }
  }
}

/** The masthead lines, furniture and printed facts for a masthead form. */
function printMasthead(
  draw: Draw, paper: Paper, year: number, pub: MonthDay, pageNumber: number, form: DamageLog['masthead'], put: (s: string) => string,
): { lines: Line[]; furniture: string[]; facts: MastheadFacts } {
  const none: MastheadFacts = { issueNumber: null, totalNumber: null, date: null, weekday: null, lines: [] };
  if (form === 'none') return { lines: [], furniture: [], facts: none };
  const issue = Math.ceil(dayOfYear(year, pub) / 7);
  const total = (year - 1990) * 52 + issue + draw.int(0, 300);
  const dateText = `${year}年${pub.month}月${pub.day}日`;
  const wd = weekday(year, pub);
  const facts: MastheadFacts = { issueNumber: `第${issue}期`, totalNumber: `总第${total}期`, date: iso(year, pub), weekday: wd, lines: [] };
  if (form === 'runningHead') {
    const withIssue = draw.chance(0.5);
    const parts = draw.chance(0.5)
      ? [paper.name, `${dateText} ${wd}`, ...(withIssue ? [`第${issue}期`] : []), draw.pick(PAGE_NAMES)]
      : [`${dateText} ${wd}`, draw.pick(PAGE_NAMES), paper.name, ...(withIssue ? [`第${issue}期`] : [])];
    const text = parts.join('  ');
    return { lines: [line('masthead', null, text)], furniture: [], facts: { ...facts, totalNumber: null, issueNumber: withIssue ? facts.issueNumber : null, lines: [text] } };
  }
  const lines: Line[] = [line('masthead', null, paper.name)];
  const furniture: string[] = [];
  if (draw.chance(FURNITURE_WITH_MASTHEAD_RATE)) {
    const short = shortDistrict(paper.district);
    const app = paper.aliases.find((a) => a.endsWith('通')) ?? `${short}发布`;
    // 001: nameplate, then each promo line after three blank lines, then the 数字报 line.
    for (const promo of [`${app} APP`, `上海${short}微信`, `上海${short}发布微博`, `上海${short}抖音`]) {
      furniture.push(promo);
      lines.push(line('furniture', null, promo, 3));
    }
    const url = `《${paper.name}》数字报 <http://www.${paper.id.replace(/-/g, '')}.com>`;
    furniture.push(url);
    lines.push(line('furniture', null, url));
  }
  const permit = put(`准印证号（B）${String(draw.int(1, 9999)).padStart(4, '0')}`);
  const issueText = put(`第${issue}期（总第${total}期）`);
  const dateLine = `${dateText} ${wd}`;
  const printed = draw.chance(SPLIT_PERMIT_LINE_RATE) ? [permit, issueText, dateLine] : [`${permit} / ${issueText} / ${dateLine}`];
  for (const p of printed) lines.push(line('masthead', null, p));
  return { lines, furniture, facts: { ...facts, lines: [paper.name, ...printed] } };
}

