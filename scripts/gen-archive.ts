/**
 * Deterministic generator of a realistic SYNTHETIC ARCHIVE of raw page files, for benchmarks
 * and tests (see docs/synthetic-archive.md).
 *
 *   npx tsx scripts/gen-archive.ts --articles 1000 --out /tmp/archive [--seed 1]
 *   npx tsx scripts/gen-archive.ts --articles 1000 --out /tmp/archive --extra-page [--extra-index 0]
 *
 * Text is REAL: sentences, clauses and title lines of the five seed pages in `seeds/`,
 * recombined into new articles, with district names, places, dates and figures varied per paper
 * and issue. The layout copies the seeds' mess: mastheads, bylines in several forms, columns
 * broken mid-sentence, displaced fragments, captions, briefs, jump markers, front matter, CRLF,
 * BOM and full-width indentation. The same arguments give byte-identical files.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Draw, mulberry32 } from './prng.js';

// ---------------------------------------------------------------------------------------------
// Inputs

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The five seed pages the text comes from (fixed, so adding pages to seeds/ changes nothing). */
export const SEED_FILES = [
  { file: '000_e4b77a2f99e63835.txt', home: '杨浦', year: 2020 },
  { file: '001_1d17138d3524729c.txt', home: '徐汇', year: 2022 },
  { file: '002_38b13da157e2fc4c.txt', home: '杨浦', year: 2019 },
  { file: '003_1d6fdeb0f2abfb71.txt', home: '徐汇', year: 2021 },
  { file: '004_449c355421db4d04.txt', home: '虹口', year: 2024 },
] as const;

export interface Paper {
  id: string;
  name: string;
  district: string;
  aliases: string[];
  places: string[];
}

/** The folder holding the seed pages: the test copy beside their gold (seeds/ is the archivists' to change). */
export function seedDir(): string {
  const dir = path.join(ROOT, 'tests', 'fixtures', 'gold');
  if (existsSync(path.join(dir, SEED_FILES[0].file))) return dir;
  throw new Error(`gen-archive: seed pages not found in ${dir}`);
}

/** The seed pages' text, in SEED_FILES order (line endings normalised). */
export function readSeedTexts(): string[] {
  const dir = seedDir();
  return SEED_FILES.map((s) => readFileSync(path.join(dir, s.file), 'utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
}

function readPapers(): Paper[] {
  return JSON.parse(readFileSync(path.join(ROOT, 'src', 'papers.json'), 'utf8')) as Paper[];
}

// ---------------------------------------------------------------------------------------------
// Seeded randomness (mulberry32); every stream is derived from the seed and a fixed label.

function mix(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const p of parts) {
    h = Math.imul(h ^ (p | 0), 0x01000193);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
  }
  return h >>> 0;
}

function strHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The generator's stream of draws: one mulberry32 sequence per seed (scripts/prng.ts). */
class Rng extends Draw {
  constructor(seed: number) {
    super(mulberry32(seed));
  }
}

// ---------------------------------------------------------------------------------------------
// Corpus: what the seed pages contain, cut into reusable real pieces.

interface Piece {
  text: string;
  /** Index into SEED_FILES (for the home district and year). */
  seed: number;
}

interface Corpus {
  /** 本报讯 lead sentences without `本报讯` and the reporter parenthesis. */
  leads: Piece[];
  /** Body paragraphs as lists of sentences. */
  paragraphs: { sentences: string[]; seed: number }[];
  sentences: Piece[];
  /** Clauses of 6–18 characters that read like headlines. */
  clauses: Piece[];
  /** Printed title lines (headlines, banners, intertitles). */
  titles: Piece[];
  /** Long title lines (kickers). */
  kickers: Piece[];
  /** Halves of two-part titles (`大格局谋发展 高质量抓落实`). */
  halves: Piece[];
  captions: Piece[];
  briefs: Piece[];
}

const SENTENCE_RE = /[^。！？]*[。！？]+[”’」』)）]*/g;
const TITLE_PUNCT = /[，,。；;：:！？!?]/;
const CREDIT_LINE = /^[\u4e00-\u9fff]{2,3}\s+摄$/;
const MARKER_RE = /[(（](?:下转|上接)第\d+版[)）]|下转▶\d+版|刊\d+版▶/g;
const TRAILING_BYLINE = /\s*[■●]\s*(?:记者\s*)?[\u4e00-\u9fff]{2,3}(?:\s+[\u4e00-\u9fff]{2,3})?(?:\s*摄)?\s*$/;
const SEED_HOMES = ['杨浦', '徐汇', '虹口'];
const ALL_SHORTS = ['黄浦', '徐汇', '长宁', '静安', '普陀', '虹口', '杨浦', '闵行', '宝山', '嘉定', '浦东', '金山', '松江', '青浦', '奉贤', '崇明'];

function isFurniture(b: string): boolean {
  return /APP$|微信$|微博$|抖音$|数字报|准印证号|^\S{2,3}(?:时报|报)$|^大字新闻$/.test(b);
}

function titleLike(b: string): boolean {
  // `本报讯 4月` is the start of a lead broken by the column layout, not a title.
  return b.length <= 64 && !TITLE_PUNCT.test(b) && !/^本报讯|\d月?$/.test(b);
}

function endsSentence(t: string): boolean {
  return /[。！？][”’」』)）]*$/.test(t);
}

function balanced(t: string): boolean {
  const count = (re: RegExp): number => (t.match(re) ?? []).length;
  return count(/“/g) === count(/”/g) && count(/[(（]/g) === count(/[)）]/g) && count(/《/g) === count(/》/g);
}

let corpusCache: Corpus | null = null;

/** Cuts the seed pages into pieces (cached). */
export function buildCorpus(): Corpus {
  if (corpusCache) return corpusCache;
  const c: Corpus = { leads: [], paragraphs: [], sentences: [], clauses: [], titles: [], kickers: [], halves: [], captions: [], briefs: [] };
  const seen = new Set<string>();
  const addTitle = (t: string, seed: number): void => {
    if (seen.has(t)) return;
    seen.add(t);
    if (t.startsWith('——')) return; // subheadlines are generated from titles
    if (t.length > 22) c.kickers.push({ text: t, seed });
    else c.titles.push({ text: t, seed });
    const parts = t.split(/\s+/);
    if (parts.length === 2 && parts.every((p) => p.length >= 4 && p.length <= 12)) {
      for (const p of parts) c.halves.push({ text: p, seed });
    }
  };
  const addParagraph = (text: string, seed: number): void => {
    const sentences = (text.match(SENTENCE_RE) ?? []).map((s) => s.trim()).filter((s) => s.length >= 6);
    // A sentence naming several districts (`静安、长宁、虹口、杨浦…`) would read oddly after substitution.
    const usable = sentences.filter((s) => ALL_SHORTS.filter((d) => s.includes(d)).length < 3);
    let body = usable;
    const first = usable[0];
    if (first?.startsWith('本报讯')) {
      c.leads.push({ text: first.replace(/^本报讯\s*(?:[(（]记者\s*[^)）]*[)）])?\s*/, ''), seed });
      body = usable.slice(1);
    }
    if (body.length > 0) c.paragraphs.push({ sentences: body, seed });
    for (const s of body) {
      c.sentences.push({ text: s, seed });
      for (const clause of s.split(/[，,；;：:。！？]/)) {
        const t = clause.replace(/^(?:要|并|还|也|同时|此外)(?=[\u4e00-\u9fff]{5})/, '').trim();
        // Not names and titles of officials (`区委书记谢坚钢`), not list fragments.
        const official = /^(?:区委|区政协|区人大|区领导|副区长|区长|市委|市人大|电气集团)/.test(t);
        if (t.length >= 6 && t.length <= 18 && !official && !/\d|^[的和及等与]|[、—]$/.test(t) && balanced(t)) c.clauses.push({ text: t, seed });
      }
    }
  };
  readSeedTexts().forEach((text, seed) => {
    const blocks = text.split(/\n[ \t\u3000]*\n/).map((b) => b.replace(/\s*\n\s*/g, '').trim()).filter(Boolean);
    let pending = '';
    const flush = (): void => {
      if (pending) addParagraph(pending, seed);
      pending = '';
    };
    for (let k = 0; k < blocks.length; k++) {
      let b = blocks[k] ?? '';
      const next = blocks[k + 1] ?? '';
      if (isFurniture(b) || /^[■●]/.test(b) || /^记者\s/.test(b) || /^[\u4e00-\u9fff]{2,3}$/.test(b) || CREDIT_LINE.test(b)) continue;
      if (/^(?:[(（](?:下转|上接)第\d+版[)）]|刊\d+版▶)$/.test(b)) continue;
      if (/摄$/.test(b) || CREDIT_LINE.test(next)) {
        c.captions.push({ text: b.replace(TRAILING_BYLINE, '').replace(/。$/, ''), seed });
        continue;
      }
      if (b.startsWith('□')) {
        c.briefs.push({ text: b.replace(/^□\s*/, ''), seed });
        continue;
      }
      const merged = /^(\S.{3,40}?)\s+(本报讯.*)$/.exec(b);
      if (merged?.[1] && merged[2] && titleLike(merged[1])) {
        flush();
        addTitle(merged[1], seed);
        b = merged[2];
      }
      if (titleLike(b)) {
        flush();
        addTitle(b, seed);
        continue;
      }
      b = b.replace(MARKER_RE, '').replace(TRAILING_BYLINE, '').trim();
      if (pending && !endsSentence(pending)) pending += b;
      else {
        flush();
        pending = b;
      }
    }
    flush();
  });
  // Short descriptive sentences also serve as captions.
  for (const s of c.sentences) {
    if (s.text.length >= 14 && s.text.length <= 40 && !/“|^要|强调|指出|表示/.test(s.text)) c.captions.push({ text: s.text.replace(/。$/, ''), seed: s.seed });
  }
  corpusCache = c;
  return c;
}

// ---------------------------------------------------------------------------------------------
// Localising real text for a paper and an issue: districts, places, years, dates, figures.

const DAY = 86_400_000;
const SEED_PLACES: string[] = (() => {
  const papers = readPapers();
  const homes = papers.filter((p) => SEED_HOMES.some((h) => p.district.startsWith(h)));
  return homes.flatMap((p) => p.places);
})();
const SUB_RE = new RegExp(
  [...new Set([...SEED_PLACES, ...SEED_HOMES])]
    .sort((a, b) => b.length - a.length)
    .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|'),
  'g',
);
const COUNT_RE = /(?<![\d.])(\d+(?:\.\d+)?)(?=%|个|户|名|人|家|万|亿|项|平方米|张|多|余|所|条|场|支|位|座|处|元|美元|千|百)/g;

function shortName(paper: Paper): string {
  return paper.district.replace(/新区$|区$/, '');
}

function ymd(ms: number): { y: number; m: number; d: number; dow: number } {
  const t = new Date(ms);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate(), dow: t.getUTCDay() };
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

const CN_DIGITS = '零一二三四五六七八九';
const ANNIVERSARY_BASE: Record<string, number> = { 建党: 1921, 中国共产党成立: 1921, 新中国成立: 1949, 中华人民共和国成立: 1949, 改革开放: 1978 };
// The latest plenary session of the Party Central Committee held in a year (十九届四中全会: 2019).
const PLENUM_OF_YEAR: Record<number, [string, string]> = {
  2018: ['十九', '三'], 2019: ['十九', '四'], 2020: ['十九', '五'], 2021: ['十九', '六'], 2022: ['十九', '七'],
  2023: ['二十', '二'], 2024: ['二十', '三'], 2025: ['二十', '四'], 2026: ['二十', '五'],
};

function chineseNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n] ?? String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : (CN_DIGITS[tens] ?? '')}十${ones ? (CN_DIGITS[ones] ?? '') : ''}`;
}

/**
 * Keeps the text's time anchors true to the issue year: anniversaries (建党100周年), the numbered
 * import expo (第七届进博会) and plenary sessions (十九届四中全会) are what readers, and the
 * parser's year inference, date a page by.
 */
function retime(text: string, year: number): string {
  const plenum = PLENUM_OF_YEAR[Math.min(2026, Math.max(2018, year))] ?? ['二十', '三'];
  return text
    .replace(/(建党|中国共产党成立|新中国成立|中华人民共和国成立|改革开放)(\d{2,3})周年/g, (_m, what: string) => `${what}${year - (ANNIVERSARY_BASE[what] ?? 1921)}周年`)
    .replace(/第(?:[一二三四五六七八九十]{1,3}|\d{1,2})([届屆])((?:中国国际)?进(?:口博览会|博会))/g, (_m, jie: string, rest: string) => `第${chineseNumber(Math.max(1, year - 2017))}${jie}${rest}`)
    .replace(/(?:十八|十九|二十)([届屆])[一二三四五六七]中全会/g, (_m, jie: string) => `${plenum[0]}${jie}${plenum[1]}中全会`);
}

/** Per-article context: where and when the text is set, and its own random stream. */
class Ctx {
  readonly short: string;
  readonly salt: number;
  readonly year: number;
  private event: number | null = null;
  constructor(
    readonly paper: Paper,
    readonly issueMs: number,
    readonly rng: Rng,
  ) {
    this.short = shortName(paper);
    this.year = ymd(issueMs).y;
    this.salt = rng.int(0, 1 << 20);
  }
  /** The event date of the article (1–6 days before the issue), then dates shortly before it. */
  nextDate(): number {
    if (this.event === null) {
      this.event = this.issueMs - this.rng.int(1, 6) * DAY;
      return this.event;
    }
    return this.event - this.rng.int(0, 3) * DAY;
  }
  localize(piece: Piece): string {
    const seed = SEED_FILES[piece.seed] ?? SEED_FILES[0];
    const yearShift = this.year - seed.year;
    const places = this.paper.places;
    let t = piece.text.replace(SUB_RE, (m) =>
      SEED_HOMES.includes(m) ? this.short : (places[(strHash(m) + this.salt) % places.length] ?? this.short),
    );
    t = t.replace(/(?<!\d)(20[0-3]\d)(?=年|-|—)/g, (y) => String(Number(y) + yearShift));
    if (t.includes('周年') || t.includes('届') || t.includes('屆')) t = retime(t, this.year);
    t = t.replace(/(\d{1,2})月(\d{1,2})日(?:至(\d{1,2})日)?/g, (_m, _mo, _d, to: string | undefined) => {
      const when = this.nextDate();
      const { m, d } = ymd(when);
      const end = ymd(when + DAY);
      const range = to !== undefined && end.m === m && when + DAY < this.issueMs ? `至${end.d}日` : '';
      return `${m}月${d}日${range}`;
    });
    t = t.replace(COUNT_RE, (n, _n: string, offset: number, whole: string) => {
      const unit = whole[offset + n.length] ?? '';
      const decimals = n.includes('.') ? (n.split('.')[1] ?? '').length : 0;
      const value = Number(n);
      // Rates stay below 100%; `200多人` stays a round figure.
      let v = unit === '%' && value > 50 ? value * (0.9 + 0.1 * this.rng.float()) : value * (0.6 + this.rng.float());
      if (unit === '%' && value <= 100) v = Math.min(v, 99.9);
      if ((unit === '多' || unit === '余') && decimals === 0) {
        const step = 10 ** Math.max(0, n.length - 1);
        return String(Math.max(step, Math.round(v / step) * step));
      }
      return decimals > 0 ? v.toFixed(decimals) : String(Math.max(1, Math.round(v)));
    });
    return t;
  }
}

// ---------------------------------------------------------------------------------------------
// Stories

const SURNAMES = ['张', '刘', '柴', '杨', '姚', '吴', '耿', '陆', '殷', '孙', '毛', '成', '宗', '朱', '陈'];
const GIVEN = ['蓓', '坤', '斌', '晓梅', '丽敏', '会雄', '洁玉', '雯', '小彦', '雪媛', '建华', '洁静', '信慧', '佳佳', '永', '河', '良城', '二'];

type BylineForm = 'glued' | 'dot' | 'plain' | 'bare' | 'square' | 'lead' | 'endLine' | 'none';

interface Caption {
  text: string;
  credit: string;
  /** Paragraph index the caption comes before; `inside` splits that paragraph around it. */
  at: number;
  inside: boolean;
  glued: boolean;
}

interface Story {
  kicker: string | null;
  headline: string;
  subheadline: string | null;
  bylineForm: BylineForm;
  names: string[];
  paragraphs: string[];
  caption: Caption | null;
}

/** Staff of a paper: a few reporters and a photographer, stable per paper. */
function staff(paperIndex: number, seed: number): { reporters: string[]; photographers: string[] } {
  const rng = new Rng(mix(seed, 0x57aff, paperIndex));
  const name = (): string => rng.pick(SURNAMES) + rng.pick(GIVEN);
  return { reporters: Array.from({ length: 7 }, name), photographers: Array.from({ length: 3 }, name) };
}

function makeHeadline(ctx: Ctx, c: Corpus): string {
  const r = ctx.rng;
  const kind = r.weighted({ title: 3, pair: 3, clause: 4 });
  if (kind === 'title') return ctx.localize(r.pick(c.titles));
  if (kind === 'pair') {
    const a = r.chance(0.5) ? r.pick(c.halves) : r.pick(c.clauses);
    let b = r.pick(c.halves);
    if (b.text === a.text) b = r.pick(c.clauses);
    return `${ctx.localize(a)} ${ctx.localize(b)}`;
  }
  return ctx.localize(r.pick(c.clauses));
}

function makeParagraph(ctx: Ctx, c: Corpus, min = 1, max = 4): string {
  const r = ctx.rng;
  const src = r.pick(c.paragraphs);
  const n = Math.min(src.sentences.length, r.int(min, max));
  const start = r.int(0, src.sentences.length - n);
  const picked: Piece[] = src.sentences.slice(start, start + n).map((text) => ({ text, seed: src.seed }));
  if (r.chance(0.35)) picked.splice(r.int(0, picked.length), r.chance(0.5) ? 1 : 0, r.pick(c.sentences));
  if (picked.length === 0) picked.push(r.pick(c.sentences));
  return picked.map((p) => ctx.localize(p)).join('');
}

function makeStory(ctx: Ctx, c: Corpus, team: { reporters: string[]; photographers: string[] }, minParagraphs = 2): Story {
  const r = ctx.rng;
  const headline = makeHeadline(ctx, c);
  const kicker = r.chance(0.15) ? ctx.localize(r.pick(r.chance(0.5) ? c.kickers : c.titles)) : null;
  let subheadline: string | null = null;
  if (!kicker && r.chance(0.18)) {
    subheadline = r.chance(0.3) ? `——${ctx.localize(r.pick(c.titles)).replace(/\s+/g, '')}侧记` : ctx.localize(r.pick(c.kickers.length && r.chance(0.4) ? c.kickers : c.titles));
  }
  const bylineForm = r.weighted<BylineForm>({ glued: 5, dot: 2, plain: 2, bare: 1, square: 1, lead: 3, endLine: 1, none: 1 });
  const names = [r.pick(team.reporters)];
  if (r.chance(0.15)) names.push(r.pick(team.reporters.filter((n) => n !== names[0])));
  // Lead: 本报讯 + a real lead with a new date, or (sometimes) plain body text.
  const paragraphs: string[] = [];
  const count = Math.max(minParagraphs, r.pick([1, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 5, 5, 6]));
  if (r.chance(0.85) || bylineForm === 'lead') {
    let lead = ctx.localize(r.pick(c.leads));
    if (!/\d{1,2}月\d{1,2}日|^近日|^今年/.test(lead) && r.chance(0.5)) {
      const { m, d } = ymd(ctx.nextDate());
      lead = `${m}月${d}日${r.pick(['', '上午', '下午'])},${lead}`;
    }
    const prefix = bylineForm === 'lead' ? `本报讯(记者 ${names.join(' ')})` : '本报讯 ';
    const more = r.chance(0.5) ? makeParagraph(ctx, c, 1, 2) : '';
    paragraphs.push(prefix + lead + more);
  }
  while (paragraphs.length < count) paragraphs.push(makeParagraph(ctx, c));
  let caption: Caption | null = null;
  if (r.chance(0.22)) {
    const text = ctx.localize(r.pick(c.captions));
    const at = r.int(1, paragraphs.length - 1 || 1);
    caption = { text, credit: r.pick(team.photographers), at, inside: r.chance(0.3), glued: r.chance(0.3) };
  }
  return { kicker, headline, subheadline, bylineForm, names, paragraphs, caption };
}

function makeBrief(ctx: Ctx, c: Corpus): string {
  const r = ctx.rng;
  const base = r.chance(0.3) ? r.pick(c.briefs) : r.pick(c.leads);
  let text = ctx.localize(base);
  if (!/\d{1,2}月\d{1,2}日|^近日|^今年/.test(text) && r.chance(0.5)) {
    const { m, d } = ymd(ctx.nextDate());
    text = `${m}月${d}日${r.pick(['上午', '下午', ''])},${text}`;
  }
  return text;
}

// ---------------------------------------------------------------------------------------------
// Layout: stories → blocks → page text

type BlockKind = 'title' | 'byline' | 'body' | 'caption' | 'marker' | 'furniture';

interface Block {
  text: string;
  kind: BlockKind;
  /** Starts a paragraph (gets full-width indentation on indented pages). */
  start?: boolean;
  /** The tail of a paragraph broken by the column layout. */
  fragment?: boolean;
}

/** A split index inside `text` that is not next to whitespace, or -1. */
function cutPoint(text: string, r: Rng, minLen = 12): number {
  if (text.length < minLen * 2 + 4) return -1;
  for (let tries = 0; tries < 6; tries++) {
    const i = r.int(minLen, text.length - minLen);
    if (!/\s/.test(text[i - 1] ?? ' ') && !/\s/.test(text[i] ?? ' ')) return i;
  }
  return -1;
}

/** Adds a paragraph as one block or, broken by the column layout, as two. */
function pushParagraph(out: Block[], text: string, r: Rng, breakChance: number, start = true): void {
  const i = r.chance(breakChance) ? cutPoint(text, r) : -1;
  if (i < 0) {
    out.push({ text, kind: 'body', start });
    return;
  }
  out.push({ text: text.slice(0, i), kind: 'body', start });
  out.push({ text: text.slice(i), kind: 'body', fragment: true });
}

interface StoryPart {
  story: Story;
  /** Paragraph range on this page; `cut` is a character offset into paragraph `to` (mid-paragraph jump). */
  from: number;
  to: number;
  headOffset: number;
  tailOffset: number;
  jumpTo: number | null;
  jumpFrom: number | null;
  markerForm: 'paren' | 'arrow';
  continuationHeadline: string | null;
}

function renderStory(part: StoryPart, r: Rng): Block[] {
  const { story: s } = part;
  const out: Block[] = [];
  const first = part.jumpFrom === null;
  const last = part.jumpTo === null;
  const byline = (prefix: string): string => `${prefix}${s.names.join(' ')}`;
  if (first) {
    if (s.kicker) out.push({ text: s.kicker, kind: 'title' });
    out.push({ text: s.headline, kind: 'title' });
    if (s.subheadline) out.push({ text: s.subheadline, kind: 'title' });
    if (s.bylineForm === 'dot') out.push({ text: byline('● 记者 '), kind: 'byline' });
    if (s.bylineForm === 'plain') out.push({ text: byline('记者 '), kind: 'byline' });
    if (s.bylineForm === 'bare') out.push({ text: byline(''), kind: 'byline' });
    if (s.bylineForm === 'square') out.push({ text: byline('■记者 '), kind: 'byline' });
  } else {
    out.push({ text: part.continuationHeadline ?? s.headline, kind: 'title' });
  }
  const paragraphs = s.paragraphs.slice(part.from, part.to + 1).map((p, k) => {
    let t = p;
    const index = part.from + k;
    if (index === part.to && part.headOffset > 0) t = t.slice(0, part.headOffset);
    if (index === part.from && part.tailOffset > 0) t = t.slice(part.tailOffset);
    return { t, index, continued: index === part.from && part.tailOffset > 0 };
  });
  paragraphs.forEach(({ t, index, continued }, k) => {
    let text = t;
    if (k === 0 && part.jumpFrom !== null) {
      text = r.chance(0.7) ? `(上接第${part.jumpFrom}版)${text}` : text;
      if (!text.startsWith('(上接')) out.push({ text: `(上接第${part.jumpFrom}版)`, kind: 'marker' });
    }
    const cap = s.caption;
    if (cap && cap.at === index) {
      const capBlocks: Block[] = cap.glued
        ? [{ text: `${cap.text} ■记者 ${cap.credit} 摄`, kind: 'caption' }]
        : [
            { text: cap.text, kind: 'caption' },
            { text: `${cap.credit} 摄`, kind: 'caption' },
          ];
      const i = cap.inside ? cutPoint(text, r) : -1;
      if (i > 0) {
        out.push({ text: text.slice(0, i), kind: 'body', start: !continued });
        out.push(...capBlocks);
        out.push({ text: text.slice(i), kind: 'body', fragment: true });
        return;
      }
      out.push(...capBlocks);
    }
    pushParagraph(out, text, r, 0.22, !continued);
  });
  const lastBody = [...out].reverse().find((b) => b.kind === 'body');
  if (!last) {
    if (part.markerForm === 'arrow' && lastBody) lastBody.text += `下转▶${part.jumpTo}版`;
    else out.push({ text: `(下转第${part.jumpTo}版)`, kind: 'marker' });
  } else if (lastBody) {
    if (s.bylineForm === 'glued') lastBody.text += r.chance(0.8) ? ` ■记者 ${s.names.join(' ')}` : ` ■${s.names.join(' ')}`;
    if (s.bylineForm === 'endLine') out.push({ text: `■记者 ${s.names.join(' ')}`, kind: 'byline' });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Planning: papers, issues, 版 and article counts (cheap, no text)

interface IssuePlan {
  index: number;
  paperIndex: number;
  ms: number;
  issueNo: number;
  totalNo: number;
  /** Article count (stories + briefs) per 版. */
  pageArticles: number[];
}

interface Plan {
  papers: Paper[];
  issues: IssuePlan[];
}

const START_MS = Date.UTC(2019, 0, 7); // a Monday

function paperCount(articles: number): number {
  return Math.min(16, Math.max(6, Math.round(articles / 3000)));
}

function planArchive(articles: number, seed: number): Plan {
  const papers = readPapers().slice(0, paperCount(articles));
  const rng = new Rng(mix(seed, 0x91a4));
  const issues: IssuePlan[] = [];
  let remaining = Math.max(0, Math.floor(articles));
  const perYear = new Map<string, number>();
  // Small archives skip weeks so that every archive spans about three years (calendars of
  // several years); from ~15,000 articles on, every weekly issue is there.
  const issuesPerPaper = articles / 31 / papers.length;
  const stride = Math.max(1, Math.min(26, Math.floor(156 / Math.max(1, issuesPerPaper))));
  for (let n = 0; remaining > 0; n++) {
    const week = n * stride;
    for (let j = 0; j < papers.length && remaining > 0; j++) {
      const ms = START_MS + (week * 7 + (j % 5)) * DAY;
      const key = `${j}:${ymd(ms).y}`;
      const issueNo = (perYear.get(key) ?? 0) + 1;
      perYear.set(key, issueNo);
      const pages = rng.pick([2, 3, 4, 4, 4, 4, 5, 6, 6, 8, 8, 8]);
      const pageArticles: number[] = [];
      for (let p = 0; p < pages && remaining > 0; p++) {
        const n = Math.min(remaining, rng.int(4, 8));
        pageArticles.push(n);
        remaining -= n;
      }
      issues.push({ index: issues.length, paperIndex: j, ms, issueNo, totalNo: 1200 + j * 311 + week + 1, pageArticles });
    }
  }
  return { papers, issues };
}

// ---------------------------------------------------------------------------------------------
// Rendering an issue

const PAGE_NAMES = ['要闻', '综合新闻', '经济', '社区', '民生', '党建', '法治', '文化', '专版'];
const WEEKDAYS = '日一二三四五六';

export interface GeneratedFile {
  path: string;
  contents: string;
}

interface IssueOutput {
  files: GeneratedFile[];
  articles: number;
  jumps: number;
}

function dateLine(ms: number): string {
  const { y, m, d, dow } = ymd(ms);
  return `${y}年${m}月${d}日 星期${WEEKDAYS[dow]}`;
}

function mastheadBlocks(paper: Paper, plan: IssuePlan, r: Rng): Block[] {
  const slug = paper.id.split('-')[0] ?? paper.id;
  const short = shortName(paper);
  const f = (text: string): Block => ({ text, kind: 'furniture' });
  const numbers = `第${plan.issueNo}期(总第${plan.totalNo}期)`;
  switch (r.weighted({ full: 4, short: 3, line: 2, none: 2 })) {
    case 'full':
      return [
        f(paper.name),
        f(`${paper.aliases.find((a) => a.endsWith('通')) ?? short + '融媒'} APP`),
        f(`上海${short}微信`),
        f(`上海${short}发布微博`),
        ...(r.chance(0.6) ? [f(`上海${short}抖音`)] : []),
        f(`《${paper.name}》数字报 <http://www.${slug}bao.com>`),
        f(`准印证号(B)${String(100 + plan.paperIndex * 7).padStart(4, '0')} / ${numbers} / ${dateLine(plan.ms)}`),
      ];
    case 'short':
      return [f(paper.name), f(`${dateLine(plan.ms)} ${numbers}`)];
    case 'line':
      return [f(`${paper.name} ${numbers} ${dateLine(plan.ms)} 第1版 要闻`)];
    default:
      return [];
  }
}

function issueFiles(plan: IssuePlan, papers: Paper[], seed: number, corpus: Corpus): IssueOutput {
  const paper = papers[plan.paperIndex] as Paper;
  const r = new Rng(mix(seed, 0x15500e, plan.index));
  const team = staff(plan.paperIndex, seed);
  const nPages = plan.pageArticles.length;
  const ctx = (): Ctx => new Ctx(paper, plan.ms, new Rng(mix(seed, 0xa271c1e, plan.index, r.int(0, 1 << 30))));
  // Stories and briefs per 版.
  const pages = plan.pageArticles.map((n) => {
    const briefs = n >= 4 && r.chance(0.18) ? Math.min(n - 2, r.int(2, 3)) : 0;
    const stories = Array.from({ length: n - briefs }, () => makeStory(ctx(), corpus, team));
    return { stories, briefs: Array.from({ length: briefs }, () => makeBrief(ctx(), corpus)), continuations: [] as StoryPart[] };
  });
  // Jumps: the last story of 版 1 (sometimes also of 版 2) continues on a later 版.
  const parts = pages.map((p) =>
    p.stories.map(
      (story): StoryPart => ({ story, from: 0, to: story.paragraphs.length - 1, headOffset: 0, tailOffset: 0, jumpTo: null, jumpFrom: null, markerForm: 'paren', continuationHeadline: null }),
    ),
  );
  let jumps = 0;
  for (const src of [0, 1]) {
    if (src >= nPages - 1 || !r.chance(src === 0 ? 0.6 : 0.25)) continue;
    const list = parts[src];
    const head = list?.[list.length - 1];
    if (!list || !head) continue;
    const s = head.story;
    while (s.paragraphs.length < 3) s.paragraphs.push(makeParagraph(ctx(), corpus));
    const target = r.int(src + 2, nPages);
    const form = r.chance(0.5) ? 'arrow' : 'paren';
    const k = r.int(1, s.paragraphs.length - 2);
    // The arrow form breaks mid-paragraph (`…有限公司,下转▶3版`); the paren form after a paragraph.
    const cut = form === 'arrow' ? cutPoint(s.paragraphs[k] ?? '', r) : -1;
    if (s.caption && s.caption.at >= k) s.caption = null;
    const tail: StoryPart = {
      story: s,
      from: cut > 0 ? k : k + 1,
      to: s.paragraphs.length - 1,
      headOffset: 0,
      tailOffset: cut > 0 ? cut : 0,
      jumpTo: null,
      jumpFrom: src + 1,
      markerForm: form,
      continuationHeadline: r.chance(0.35) ? makeHeadline(ctx(), corpus) : null,
    };
    Object.assign(head, { to: k, headOffset: cut > 0 ? cut : 0, jumpTo: target, markerForm: form });
    pages[target - 1]?.continuations.push(tail);
    jumps++;
  }
  const files: GeneratedFile[] = [];
  let articles = 0;
  pages.forEach((page, p) => {
    const number = p + 1;
    const pr = new Rng(mix(seed, 0x9a9e, plan.index, number));
    const storyParts = [...page.continuations, ...(parts[p] ?? [])];
    const rendered = storyParts.map((part) => renderStory(part, pr));
    // Displacements, as the column layout leaves them in extracted text.
    if (rendered.length >= 2 && pr.chance(0.15)) {
      // A paragraph tail slips below the next article's headline.
      const i = pr.int(0, rendered.length - 2);
      const a = rendered[i] ?? [];
      const b = rendered[i + 1] ?? [];
      const fragIndex = a.map((x) => x.fragment === true).lastIndexOf(true);
      if (fragIndex >= 0) {
        const [frag] = a.splice(fragIndex, 1);
        let at = 0;
        while (at < b.length && (b[at]?.kind === 'title' || b[at]?.kind === 'byline')) at++;
        if (frag) b.splice(at + (pr.chance(0.5) ? 1 : 0), 0, frag);
      }
    }
    if (rendered.length >= 1 && pr.chance(0.08)) {
      // A headline printed after the lead paragraph's first block.
      const a = rendered[pr.int(0, rendered.length - 1)] ?? [];
      const heads = a.findIndex((x) => x.kind === 'body');
      if (heads > 0 && a[0]?.kind === 'title') {
        const moved = a.splice(0, heads);
        a.splice(1, 0, ...moved);
      }
    }
    const blocks: Block[] = [];
    if (number === 1) blocks.push(...mastheadBlocks(paper, plan, pr));
    else {
      const name = pr.pick(PAGE_NAMES.slice(1));
      const header = pr.weighted({ plain: 3, dated: 1, none: 5 });
      if (header === 'plain') blocks.push({ text: `第${number}版 ${name}`, kind: 'furniture' });
      if (header === 'dated') blocks.push({ text: `${paper.name} ${dateLine(plan.ms)} 第${number}版 ${name}`, kind: 'furniture' });
    }
    if (pr.chance(0.08)) blocks.push({ text: `${ctx().localize(pr.pick(corpus.halves))} ${ctx().localize(pr.pick(corpus.halves))}`, kind: 'title' });
    const briefsAt = pr.int(0, rendered.length);
    // A teaser on 版 1 for an article further in (`进博会北外滩馆表达“零碳”愿景` / `刊2版▶`).
    let teaser: Block[] = [];
    if (number === 1 && nPages >= 2 && pr.chance(0.2)) {
      const t = pr.int(2, nPages);
      const story = pages[t - 1]?.stories[0];
      if (story) teaser = [{ text: story.headline, kind: 'title' }, { text: `刊${t}版▶`, kind: 'marker' }];
    }
    const teaserAt = pr.int(1, Math.max(1, rendered.length));
    rendered.forEach((story, i) => {
      if (i === briefsAt) blocks.push(...briefBlocks(page.briefs, pr));
      if (i === teaserAt) blocks.push(...teaser);
      blocks.push(...story);
    });
    if (briefsAt >= rendered.length) blocks.push(...briefBlocks(page.briefs, pr));
    if (teaserAt >= rendered.length) blocks.push(...teaser);
    articles += page.stories.length + page.briefs.length;
    files.push(pageFile(paper, plan, number, pr.pick(PAGE_NAMES.slice(number === 1 ? 0 : 1)), blocks, pr));
  });
  return { files, articles, jumps };
}

function briefBlocks(briefs: string[], r: Rng): Block[] {
  if (briefs.length === 0) return [];
  const banner = r.weighted({ 大字新闻: 6, 简讯: 2, 新闻速递: 1 });
  return [{ text: banner, kind: 'title' }, ...briefs.map((b): Block => ({ text: `□ ${b}`, kind: 'body', start: true }))];
}

function pageFile(paper: Paper, plan: IssuePlan, number: number, pageName: string, blocks: Block[], r: Rng): GeneratedFile {
  const indent = r.chance(0.1);
  let text = r.chance(0.5) ? '\n\n' : '';
  blocks.forEach((b, i) => {
    if (i > 0) text += r.chance(0.12) ? '\n\n\n\n' : '\n\n';
    text += indent && b.kind === 'body' && b.start ? `\u3000\u3000${b.text}` : b.text;
  });
  text += r.chance(0.7) ? '\n' : '';
  if (r.chance(0.15)) {
    const name = r.weighted({ name: 3, id: 1, alias: 1 });
    const label = name === 'id' ? paper.id : name === 'alias' ? (paper.aliases[0] ?? paper.name) : paper.name;
    const lines = ['---', `paper: ${label}`, `date: ${isoDate(plan.ms)}`, `page: ${number}`];
    if (r.chance(0.4)) lines.push(`pageName: ${pageName}`);
    if (number === 1 && r.chance(0.4)) lines.push(`issueNumber: ${plan.issueNo}`, `totalNumber: ${plan.totalNo}`);
    text = `${lines.join('\n')}\n---\n${text}`;
  }
  if (r.chance(0.03)) text = text.replace(/\n/g, '\r\n');
  if (r.chance(0.02)) text = `\uFEFF${text}`;
  const date = isoDate(plan.ms);
  return { path: `${paper.id}/${date.slice(0, 4)}/${date}-${String(number).padStart(2, '0')}.txt`, contents: text };
}

// ---------------------------------------------------------------------------------------------
// Public API

export interface ArchiveOptions {
  articles: number;
  seed?: number;
}

export interface ArchiveStats {
  articles: number;
  pages: number;
  issues: number;
  papers: number;
  jumps: number;
}

/** Streams the archive's files one issue at a time; `stats` is filled in as it goes. */
export function* iterateArchive(options: ArchiveOptions, stats: ArchiveStats = { articles: 0, pages: 0, issues: 0, papers: 0, jumps: 0 }): Generator<GeneratedFile> {
  const seed = options.seed ?? 1;
  const plan = planArchive(options.articles, seed);
  const corpus = buildCorpus();
  stats.papers = new Set(plan.issues.map((i) => i.paperIndex)).size;
  for (const issue of plan.issues) {
    const out = issueFiles(issue, plan.papers, seed, corpus);
    stats.articles += out.articles;
    stats.pages += out.files.length;
    stats.issues += 1;
    stats.jumps += out.jumps;
    yield* out.files;
  }
}

/** The whole archive in memory. `articles` is exactly `options.articles` (stories + briefs). */
export function generateArchive(options: ArchiveOptions): { files: GeneratedFile[]; articles: number; pages: number; issues: number } {
  const stats: ArchiveStats = { articles: 0, pages: 0, issues: 0, papers: 0, jumps: 0 };
  const files = [...iterateArchive(options, stats)];
  return { files, articles: stats.articles, pages: stats.pages, issues: stats.issues };
}

export interface ExtraPageOptions extends ArchiveOptions {
  /** 0 for the first extra page, 1 for the next… (each a week after the previous). */
  index?: number;
  /** Articles on the page (default 6). */
  pageArticles?: number;
  /**
   * A page found late for an old issue date (in the middle of the archive) instead of the
   * newest issue: what an archivist filling gaps adds.
   */
  backfill?: boolean;
}

/**
 * One more page file for the archive generated with the same `articles` and `seed`: 版 1 of a
 * new issue of the archive's first paper, dated `index + 1` weeks after the archive's last
 * issue (of any paper), or with `backfill` a day after one of its issues halfway through, so
 * its path and date are not in the archive.
 */
export function extraPage(options: ExtraPageOptions): GeneratedFile & { articles: number } {
  const seed = options.seed ?? 1;
  const index = options.index ?? 0;
  const plan = planArchive(options.articles, seed);
  const own = plan.issues.filter((i) => i.paperIndex === 0);
  const lastIssue = own[own.length - 1];
  const newest = Math.max(START_MS - 7 * DAY, ...plan.issues.map((i) => i.ms));
  const middle = own[Math.floor(own.length / 2)];
  const ms = options.backfill && middle ? middle.ms + (index + 1) * DAY : newest + (index + 1) * 7 * DAY;
  const previous = options.backfill && middle ? middle : lastIssue;
  const issue: IssuePlan = {
    index: 0x7fff0000 + index,
    paperIndex: 0,
    ms,
    issueNo: (previous && ymd(ms).y === ymd(previous.ms).y ? previous.issueNo : 0) + index + 1,
    totalNo: (previous?.totalNo ?? 1200) + index + 1,
    pageArticles: [Math.max(1, options.pageArticles ?? 6)],
  };
  const out = issueFiles(issue, plan.papers, seed, buildCorpus());
  const file = out.files[0];
  if (!file) throw new Error('gen-archive: no extra page generated');
  return { ...file, articles: out.articles };
}

// ---------------------------------------------------------------------------------------------
// CLI

function main(): void {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string', default: '1000' },
      out: { type: 'string' },
      seed: { type: 'string', default: '1' },
      'extra-page': { type: 'boolean', default: false },
      'extra-index': { type: 'string', default: '0' },
    },
  });
  const articles = Number(values.articles);
  const seed = Number(values.seed);
  const index = Number(values['extra-index']);
  if (!values.out || !Number.isInteger(articles) || articles < 1 || !Number.isInteger(seed) || !Number.isInteger(index) || index < 0) {
    console.error('usage: tsx scripts/gen-archive.ts --articles N --out DIR [--seed S] [--extra-page [--extra-index I]]');
    process.exit(2);
  }
  const out = path.resolve(values.out);
  const started = performance.now();
  if (values['extra-page']) {
    const page = extraPage({ articles, seed, index });
    mkdirSync(path.dirname(path.join(out, page.path)), { recursive: true });
    writeFileSync(path.join(out, page.path), page.contents);
    console.log(`${page.path} (${page.articles} articles)`);
    return;
  }
  if (existsSync(out) && readdirSync(out).length > 0) console.warn(`gen-archive: ${out} is not empty; files are added or overwritten, none removed`);
  const stats: ArchiveStats = { articles: 0, pages: 0, issues: 0, papers: 0, jumps: 0 };
  const dirs = new Set<string>();
  let bytes = 0;
  for (const file of iterateArchive({ articles, seed }, stats)) {
    const target = path.join(out, file.path);
    const dir = path.dirname(target);
    if (!dirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      dirs.add(dir);
    }
    const data = Buffer.from(file.contents, 'utf8');
    bytes += data.length;
    writeFileSync(target, data);
  }
  const ms = Math.round(performance.now() - started);
  console.log(
    `${stats.articles} articles, ${stats.pages} pages, ${stats.issues} issues, ${stats.papers} papers, ${stats.jumps} jumps; ` +
      `${(bytes / 1048576).toFixed(1)} MiB written to ${out} in ${ms} ms`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
