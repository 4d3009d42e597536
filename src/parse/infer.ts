/**
 * Stage 2e: what the page says about its paper and date when no masthead prints them. The
 * paper is guessed from the names of papers, districts and their places in the text; the date
 * from the latest dateline, with the year taken from clues in the text (explicit years, planning
 * for "next year", anniversaries, numbered national events of generally known years).
 */
import type { Evidence, Paper, Position } from '../types.js';
import type { FoundDate } from './dates.js';
import { asciiDigits, readNumber } from './text.js';

/** A text with the position of its start, so evidence can point into the source. */
export interface Located {
  text: string;
  /** Position of the character at `index` in `text`. */
  at: (index: number, length: number) => Position;
}

interface Hit {
  count: number;
  first: { where: Located; index: number; length: number } | null;
}

function countIn(texts: Located[], needle: string, skip?: RegExp): Hit {
  const hit: Hit = { count: 0, first: null };
  if (needle.length === 0) return hit;
  for (const where of texts) {
    for (let i = where.text.indexOf(needle); i >= 0; i = where.text.indexOf(needle, i + needle.length)) {
      if (skip && skip.test(where.text.slice(i, i + needle.length + 1))) continue;
      hit.count++;
      hit.first ??= { where, index: i, length: needle.length };
    }
  }
  return hit;
}

/** Guesses the paper from names in the text: paper names ×5, district ×3, short district ×2, places ×1. */
export function inferPaper(texts: Located[], papers: Paper[]): Evidence<string> | null {
  let best: { paper: Paper; score: number; reason: string; hit: Hit } | null = null;
  for (const paper of papers) {
    let score = 0;
    const reasons: string[] = [];
    let firstHit: Hit | null = null;
    const add = (needle: string, weight: number, skip?: RegExp): void => {
      const hit = countIn(texts, needle, skip);
      if (hit.count === 0) return;
      score += hit.count * weight;
      reasons.push(`"${needle}" ×${hit.count}`);
      firstHit ??= hit;
    };
    for (const name of [paper.name, ...(paper.aliases ?? [])]) add(name, 5);
    if (paper.district) {
      add(paper.district, 3);
      const short = paper.district.replace(/(新区|区)$/, '');
      // The short name counts where it is not the district name itself (already counted) nor
      // a different proper noun (黄浦江 is a river, not the 黄浦 district).
      if (short.length >= 2 && short !== paper.district) add(short, 2, new RegExp(`^${short}(?:区|新区|江)`));
    }
    for (const place of paper.places ?? []) add(place, 1);
    if (score > 0 && (!best || score > best.score)) best = { paper, score, reason: reasons.slice(0, 4).join(', '), hit: firstHit ?? { count: 0, first: null } };
  }
  if (!best) return null;
  const first = best.hit.first;
  return {
    value: best.paper.name,
    reason: `named in the text: ${best.reason} (score ${best.score})`,
    position: first ? first.where.at(first.index, first.length) : zero(),
  };
}

function zero(): Position {
  return { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
}

/** One clue towards the publication year. */
interface YearClue {
  year: number;
  weight: number;
  reason: string;
  position: Position;
}

// Plenary sessions of the Party Central Committee and their years (general knowledge).
const PLENUMS: Record<string, number[]> = {
  十八: [2012, 2013, 2013, 2014, 2015, 2016, 2017],
  十九: [2017, 2018, 2018, 2019, 2020, 2021, 2022],
  二十: [2022, 2023, 2024, 2025, 2026],
};
// Matches 党的十九届四中全会 / 十九屆六中全会 (traditional 屆 too).
const PLENUM = /(十八|十九|二十)[届屆]([一二三四五六七])中全会/g;
// Matches 建党100周年 / 中国共产党成立100周年 / 新中国成立70周年 / 改革开放40周年.
// Also 浦东开发开放34周年, 抗战胜利80周年, 上海解放75周年, 建军95周年, 五四运动105周年, 澳门回归25周年.
const ANNIVERSARY = /(建党|党的|中国共产党成立|新中国成立|中华人民共和国成立|改革开放|浦东开发开放|浦东开发|中国人民抗日战争(?:暨世界反法西斯战争)?胜利|抗日战争胜利|抗战胜利|上海解放|中国人民解放军建军|建军|五四运动|红军长征胜利|长征胜利|香港回归|澳门回归)\s*([0-9０-９]{2,3}|一百)\s*周年/g;
const ANNIVERSARY_BASE: Record<string, number> = {
  建党: 1921, 党的: 1921, 中国共产党成立: 1921, 新中国成立: 1949, 中华人民共和国成立: 1949, 改革开放: 1978,
  浦东开发开放: 1990, 浦东开发: 1990, 抗日战争胜利: 1945, 抗战胜利: 1945, 上海解放: 1949, 中国人民解放军建军: 1927, 建军: 1927,
  五四运动: 1919, 红军长征胜利: 1936, 长征胜利: 1936, 香港回归: 1997, 澳门回归: 1999,
};
// Matches 第七届中国国际进口博览会 / 第二届进博会 / 首届进博会 (first held 2018).
const CIIE = /(?:第([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})|首)[届屆](?:中国国际)?进(?:口博览会|博会)/g;
// Matches a year range (2024-2026年): its lower bound is the clue.
const YEAR_RANGE = /((?:19|20)[0-9]{2})\s*[-—–~～至到]\s*(?:19|20)[0-9]{2}\s*年/g;
// Matches an explicit year 2020年 (not the end of a range already counted; 截至2024年 is "as of").
const YEAR = /(?<![0-9\-—–~～到])(?<!(?<!截)至)((?:19|20)[0-9]{2})\s*年(?!\s*[-—–~～至到]\s*(?:19|20)[0-9]{2})/g;
// Matches what may stand before a sentence-opening year: nothing, or the end of a sentence.
const SENTENCE_BEFORE = /(?:^|[。！？；!?;”"])\s*$/;
// Matches what may stand before a clause-opening year (据介绍，2020年以来…): a sentence's end or a comma.
const CLAUSE_BEFORE = /(?:^|[。！？；!?;”"，,：:])\s*$/;
// What names a founding date before a year: 建于 / 始建于 / 成立于 / 创办于 / 诞生于.
const HISTORY_BEFORE = /(?:建于|始于|成立于|创办于|创建于|诞生于|落成于)\s*$/;
// Planning words: a year in a sentence with them is usually next year's plan (谋划2020年工作).
const PLANNING = /将|谋划|计划|规划|明年|展望|力争|部署/;
// The month from which a page's plans are next year's: year-end reviews and plans come in the last quarter.
const NEXT_YEAR_PLANS_FROM = 10;

function yearClues(texts: Located[], latestMonth?: number): YearClue[] {
  const clues: YearClue[] = [];
  const seen = new Set<string>();
  for (const where of texts) {
    const text = asciiDigits(where.text);
    const clue = (m: RegExpMatchArray, year: number, weight: number, why: string): void => {
      // A clue repeated verbatim counts once (the same anniversary named twice is one fact).
      const key = `${m[0]}|${year}|${why}`;
      if (seen.has(key) && weight >= 2) return;
      seen.add(key);
      const index = m.index ?? 0;
      clues.push({ year, weight, reason: `${why} "${where.text.slice(index, index + m[0].length)}"`, position: where.at(index, m[0].length) });
    };
    for (const m of text.matchAll(PLENUM)) {
      const year = PLENUMS[m[1] ?? '']?.[readNumber(m[2] ?? '') - 1];
      if (year) clue(m, year, 2, 'plenary session of');
    }
    for (const m of text.matchAll(ANNIVERSARY)) {
      const n = m[2] === '一百' ? 100 : Number(m[2]);
      const base = ANNIVERSARY_BASE[m[1] ?? ''] ?? (m[1]?.startsWith('中国人民抗日战争') ? 1945 : undefined);
      if (base && n > 0) clue(m, base + n, 3, 'anniversary');
    }
    for (const m of text.matchAll(CIIE)) {
      const n = m[1] === undefined ? 1 : readNumber(m[1]);
      if (n > 0) clue(m, 2017 + n, 3, 'numbered import expo');
    }
    for (const m of text.matchAll(YEAR_RANGE)) clue(m, Number(m[1]), 1, 'lower bound of the range');
    for (const m of text.matchAll(YEAR)) {
      const index = m.index ?? 0;
      const year = Number(m[1]);
      const after = text.slice(index + m[0].length, index + m[0].length + 3);
      const before = text.slice(Math.max(0, index - 2), index);
      // "自2021年以来" and "2022年3月" speak of the past: weak or no evidence of the present year.
      // But a clause opening "2023年以来，全区…" reviews the year so far: the present year, weakly.
      const opensClause = CLAUSE_BEFORE.test(text.slice(Math.max(0, index - 3), index));
      if (/^\s*以来/.test(after) && opensClause && !/[自从]$/.test(before)) {
        clue(m, year, 0.5, 'the year so far');
        continue;
      }
      if (/^\s*以来/.test(after) || /[自从]$/.test(before)) continue;
      // "建于1951年", "成立于2005年": a history's date, not the present's.
      if (HISTORY_BEFORE.test(text.slice(Math.max(0, index - 3), index))) continue;
      const monthNext = /^\s*[0-9]{1,2}\s*月/.test(after);
      const sentenceStart = Math.max(text.lastIndexOf('。', index), text.lastIndexOf('；', index)) + 1;
      const sentenceEndRel = text.slice(index).search(/[。；]/);
      const sentence = text.slice(sentenceStart, sentenceEndRel < 0 ? text.length : index + sentenceEndRel);
      const window = sentence.slice(Math.max(0, index - sentenceStart - 12), index - sentenceStart + 40);
      // A plan is next year's when the page is printed late in the year (its latest dateline in the
      // last quarter, or none); earlier in the year it is the present year's (2022年计划完成… in March).
      if (PLANNING.test(window) && !monthNext) {
        if (latestMonth !== undefined && latestMonth < NEXT_YEAR_PLANS_FROM) clue(m, year, 1, 'plans for the year');
        else clue(m, year - 1, 1, 'plans for the next year');
      }
      // "2014年，他回到家乡…" opens a sentence of narrative: a profile's or review's past, which
      // bounds the publication year from below but does not name it.
      else if (/^\s*[，,]/.test(after) && SENTENCE_BEFORE.test(text.slice(Math.max(0, index - 3), index))) continue;
      else clue(m, year, monthNext ? 0.5 : 1, 'explicit year');
    }
  }
  return clues;
}

/** The publication year best supported by clues in the text, or null when there are none. */
export function inferYear(texts: Located[], latestMonth?: number): { year: number; reason: string; position: Position } | null {
  const clues = yearClues(texts, latestMonth);
  if (clues.length === 0) return null;
  const votes = new Map<number, number>();
  for (const c of clues) votes.set(c.year, (votes.get(c.year) ?? 0) + c.weight);
  let year = 0;
  let weight = -1;
  // Ties go to the later year: a page is printed after everything it mentions.
  for (const [y, w] of votes) if (w > weight || (w === weight && y > year)) { year = y; weight = w; }
  const support = clues.filter((c) => c.year === year).sort((a, b) => b.weight - a.weight);
  const lead = support[0];
  if (!lead) return null;
  return {
    year,
    reason: `year ${year} from ${support.slice(0, 3).map((c) => c.reason).join(', ')}`,
    position: lead.position,
  };
}

/** The latest event date among datelines, with its source position. */
export interface DatedLine {
  date: FoundDate;
  position: Position;
}

/** Guesses the issue date: the latest dateline (range end counts) in the inferred year. */
export function inferDate(datelines: DatedLine[], texts: Located[]): Evidence<string> | null {
  if (datelines.length === 0) return null;
  const latest = datelines.reduce((a, b) =>
    b.date.endMonth * 100 + b.date.endDay > a.date.endMonth * 100 + a.date.endDay ? b : a);
  const year = inferYear(texts, latest.date.endMonth);
  if (!year) return null;
  const iso = `${year.year}-${String(latest.date.endMonth).padStart(2, '0')}-${String(latest.date.endDay).padStart(2, '0')}`;
  return {
    value: iso,
    reason: `latest dateline ${latest.date.raw} (line ${latest.position.start.line}); ${year.reason} (line ${year.position.start.line})`,
    position: latest.position,
  };
}
