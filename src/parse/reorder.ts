/**
 * Stage 2c: reading order. Columns break sentences mid-word, so a body block that ends
 * mid-sentence continues in a block that starts mid-sentence, possibly after a caption, another
 * article's headline, or (when a column ran back up the page) earlier in the text:
 *
 *     …在旧改征收            ← dangling end (no 。！？ …)
 *     [caption ■记者 … 摄]   ← skipped
 *     基地仔细听取了…         ← continuation: joined with nothing added
 *
 * Each candidate join is scored on evidence that generalises: adjacency in the text, punctuation
 * that cannot open a sentence, character n-grams across the join that occur elsewhere on the
 * page (活动现|场通过: 现场 is a word of this page), quote balance, and topic overlap.
 */
import { type Unit, isLead } from './classify.js';
import { type Lexicon, jiebaLexicon } from './lexicon.js';
import { breakCycles, maxWeightMatching } from './assignment.js';
import { assignTitleRoles } from './titles.js';
import { endsSentence, hanCount, isHan, opensSentence, quoteBalance, squeeze, startsWithContinuationPunct } from './text.js';

/** Options of the reading-order stage. */
export interface ReorderOptions {
  /** The language prior for joins; null leaves it out (to measure what it adds). */
  lexicon?: Lexicon | null;
}

/** One decided join between a dangling block and its continuation. */
export interface Join {
  from: Unit;
  to: Unit;
  score: number;
  reason: string;
  /** The best candidate this join beat for either of its two blocks, if there was one. */
  runnerUp: { from: Unit; to: Unit; score: number } | null;
}

/** Body blocks joined into one paragraph, in reading order. */
export interface Paragraph {
  kind: 'paragraph';
  units: Unit[];
  text: string;
  /** The paragraph still ends mid-sentence: nothing on the page continues it. */
  dangling: boolean;
  /** Opens with 本报讯 or the like. */
  lead: boolean;
  /** Would open an article with neither title nor lead, and continues nothing found on the page. */
  stray?: boolean;
}

/** The page in reading order: paragraphs and all other blocks. */
export type Item = Paragraph | { kind: 'unit'; unit: Unit };

// Kinds a sentence may flow past without leaving its article (pictures sit inside columns).
const TRANSPARENT = new Set(['caption', 'photo-credit', 'furniture', 'masthead']);
const TITLE_KINDS = new Set(['headline', 'kicker', 'subheadline', 'section', 'intertitle']);
// Largest page for which non-adjacent joins are searched (pairs grow quadratically).
const MAX_BODIES_FOR_SEARCH = 600;
const JOIN_THRESHOLD = 3;
// Evidence of a dictionary word across the join (lexicon.ts), by the log-likelihood gain (nats)
// of reading the junction joined: a common word cut in two (严|峻, 巩|固) gains 8–13, a weak
// reading (高|地) about 1.
const LEXICON_STEPS: Array<[gain: number, points: number]> = [[6, 4], [4, 3], [2, 2], [1, 1]];
// A block under a title that is not that title's lead must continue something (an article
// never opens mid-sentence): worth more than any single piece of evidence.
const ORPHAN_WEIGHT = 4;
// The same for a block that would open an article with neither title nor lead: a little less sure
// (a page may open with the rest of an article from another page, printed without a marker).
const HEADLESS_WEIGHT = 3;
// The same from the other side: a dangling end whose column stops (a briefs box, a 上接 marker or
// the page end comes next) and no 下转 marker explains goes on somewhere: on this page when a
// block there is clearly about its article (the topic decides), else on another page.
const UNFOLLOWED_WEIGHT = 3;
// Lexicon gain that makes a title-like line running text: a common word cut in two.
const STRONG_GAIN = 4;
// Longest title-like line that may be a piece of running text.
const MAX_FRAGMENT_TITLE = 30;
// Matches the numbering that opens a list item: （一） (1) 一、 1. ①.
const LIST_ITEM = /^(?:[（(][一二三四五六七八九十0-9０-９]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|[0-9０-９]{1,2}[.．、]|[①-⑳])/;

// Topic similarity (summed log inverse block frequencies) worth a whole extra point.
const TOPIC_SCALE = 20;
// Longest block read as a photo caption when it sits inside a broken sentence without a credit.
const MAX_INLINE_CAPTION = 60;

interface Neighbour {
  index: number;
  crossesTitle: boolean;
  crossesByline: boolean;
}

/** The next (or previous) body block, and what kinds of blocks lie between. */
function neighbourBody(units: Unit[], from: number, step: 1 | -1): Neighbour | null {
  let crossesTitle = false;
  let crossesByline = false;
  for (let i = from + step; i >= 0 && i < units.length; i += step) {
    const u = units[i];
    if (!u) break;
    if (u.kind === 'body') return { index: i, crossesTitle, crossesByline };
    if (TRANSPARENT.has(u.kind)) continue;
    if (TITLE_KINDS.has(u.kind)) { crossesTitle = true; continue; }
    // Read forward, a byline met after a title is printed under that title (■记者 王磊 below
    // another article's headline): it signs nothing off, so the flow only crosses a title.
    if (u.kind === 'byline') { if (!(step === 1 && crossesTitle)) crossesByline = true; continue; }
    return null; // a jump marker or a brief ends the flow
  }
  return null;
}

/** Index of the nearest unit from `from` in direction `step` that is not a picture or furniture (may be out of range). */
function pastTransparent(units: Unit[], from: number, step: 1 | -1): number {
  let k = from + step;
  while (k >= 0 && k < units.length && TRANSPARENT.has(units[k]?.kind ?? '')) k += step;
  return k;
}

/** True when a jump marker right after the block explains why it stops mid-sentence. */
function endExplained(units: Unit[], i: number): boolean {
  for (let k = i + 1; k < units.length; k++) {
    const u = units[k];
    if (!u || TRANSPARENT.has(u.kind)) continue;
    return u.kind === 'jump-marker' && u.marker?.direction === 'to';
  }
  return false;
}

// Largest page text whose character n-grams are indexed (a printed page holds about 10,000).
const MAX_INDEXED_TEXT = 200_000;
// Largest number of (dangling, candidate) pairs scored; beyond it only next blocks are tried.
const MAX_PAIRS = 40_000;

/** Looks up runs of word characters in the page text, one line per block. */
interface GramLookup {
  has(gram: string): boolean;
}

/**
 * The page's text with blanks squeezed out, one block per line, so a join's n-grams can be looked
 * up with a substring search (cheaper than indexing every n-gram of every page up front).
 */
function gramIndex(page: string): GramLookup | null {
  if (page.length > MAX_INDEXED_TEXT) return null;
  const text = `\n${page.split('\n').map(squeeze).join('\n')}\n`;
  return { has: (gram) => !gram.includes('\n') && text.includes(gram) };
}

function isWordChar(ch: string): boolean {
  return isHan(ch) || /[0-9A-Za-z]/.test(ch);
}

/** Character n-gram evidence that the join forms words seen elsewhere on the page. */
function ngramEvidence(a: string, b: string, grams: GramLookup | null, minLength: number): { score: number; gram: string | null } {
  if (!grams) return { score: 0, gram: null };
  // Only the last and first three characters matter: squeeze just the ends of long blocks.
  const tail = [...squeeze(a.slice(-16))];
  const head = [...squeeze(b.slice(0, 16))];
  let best: { score: number; gram: string | null } = { score: 0, gram: null };
  for (let ka = 1; ka <= 3; ka++) {
    for (let kb = 1; kb <= 3; kb++) {
      const left = tail.slice(-ka);
      const right = head.slice(0, kb);
      if (left.length < ka || right.length < kb) continue;
      const gram = [...left, ...right];
      if (!gram.every(isWordChar)) continue;
      // The page text keeps blocks on separate lines, so a hit is never the join itself.
      if (!grams.has(gram.join(''))) continue;
      const score = gram.length >= minLength ? 3 : 1;
      if (score > best.score) best = { score, gram: gram.join('') };
    }
  }
  return best;
}

/** Distinct Han character bigrams of a text. */
function bigrams(text: string): Set<string> {
  const chars = [...text].filter(isHan);
  const grams = new Set<string>();
  for (let i = 0; i + 2 <= chars.length; i++) grams.add(`${chars[i]}${chars[i + 1]}`);
  return grams;
}

/**
 * Topic similarity of two stretches of one page: the shared character bigrams, each weighted by
 * how rare it is on the page (log inverse block frequency), so 首发 in two blocks about a 首发
 * policy counts and 工作 or 发展, printed in every article, hardly does. The sum is divided by
 * the square root of the second stretch's size (scaled to a 64-bigram stretch), so a long article
 * does not outweigh a short headline by length alone when a moved block is compared with both.
 */
function topicModel(units: Unit[]): (x: string, y: string) => number {
  const df = new Map<string, number>();
  let blocks = 0;
  for (const u of units) {
    if (u.kind !== 'body' && !TITLE_KINDS.has(u.kind)) continue;
    blocks++;
    for (const g of bigrams(u.content)) df.set(g, (df.get(g) ?? 0) + 1);
  }
  return (x, y) => {
    const gy = bigrams(y);
    let sum = 0;
    for (const g of bigrams(x)) if (gy.has(g)) sum += Math.log(1 + blocks / (df.get(g) ?? 1));
    return sum / Math.sqrt(Math.max(gy.size, 1) / 64);
  };
}

/**
 * The title stack a block stands under: the index of the stack's last line when only pictures and
 * the title's own byline lie between (标题 / ■记者 周文 / block), else -1. Intertitles do not count.
 */
function titleAbove(units: Unit[], b: number): number {
  let k = b - 1;
  while (k >= 0 && (TRANSPARENT.has(units[k]?.kind ?? '') || units[k]?.kind === 'byline')) k--;
  return TITLE_KINDS.has(units[k]?.kind ?? '') && units[k]?.kind !== 'intertitle' ? k : -1;
}

/** The lines of the title stack that ends at `k`, bottom line first. */
function titleStack(units: Unit[], k: number): string[] {
  const lines: string[] = [];
  for (let t = k; t >= 0 && TITLE_KINDS.has(units[t]?.kind ?? ''); t--) lines.push(units[t]?.content ?? '');
  return lines;
}

/** Text of the body blocks before `i` back to the start of its article (a title or a lead). */
/** Where the teaser box whose last title line is units[k] starts (its titles point to another 版), or null. */
function teaserBoxStart(units: Unit[], k: number): number | null {
  const after = units[pastTransparent(units, k, 1)];
  if (after?.kind !== 'jump-marker' || after.marker?.direction !== 'to') return null;
  let start = k;
  while (start > 0 && TITLE_KINDS.has(units[start - 1]?.kind ?? '') && units[start - 1]?.kind !== 'intertitle') start--;
  return start;
}

function contextBefore(units: Unit[], i: number): string {
  const parts: string[] = [];
  for (let k = i; k >= 0 && parts.length < 12; k--) {
    const u = units[k];
    if (!u) break;
    // The article's title names its topic best: it ends the context, included. A teaser box
    // (导读 … 详见3版) set inside an article is not its title: the context goes on above the box.
    if (TITLE_KINDS.has(u.kind) && u.kind !== 'intertitle') {
      const box = teaserBoxStart(units, k);
      if (box !== null) {
        k = box;
        continue;
      }
      parts.push(...titleStack(units, k));
      break;
    }
    // A brief is an article of its own: what follows it continues that brief.
    if (u.kind === 'brief') { parts.push(u.content); break; }
    if (u.kind === 'body') {
      // A stray block under the title is another article's text: it says nothing of this one.
      if (k !== i && !u.lead && orphanUnderTitle(units, k)) continue;
      parts.push(u.content);
      if (!u.lead) continue;
      // A lead's article is named by the title stack right above it, if any.
      const title = titleAbove(units, k);
      if (title >= 0) parts.push(...titleStack(units, title));
      break;
    }
  }
  return parts.join('');
}

/** True when block `b` lies in the stretch of article text that leads up to block `a`. */
function withinContext(units: Unit[], b: number, a: number): boolean {
  for (let k = a; k >= b; k--) {
    const u = units[k];
    if (!u) return false;
    if (TITLE_KINDS.has(u.kind) && u.kind !== 'intertitle') return false;
    if (u.kind === 'byline' && k !== a) return false;
    if (u.kind === 'body' && u.lead && k !== b) return false;
  }
  return true;
}

/** The body blocks that follow `i` in the same column: they move along when `i` is moved. */
function runAfter(units: Unit[], i: number): number[] {
  const run: number[] = [];
  let at = i;
  for (let guard = 0; guard < 50; guard++) {
    // An intertitle inside the column (a feature's 小标题) moves with it, as a unit of the run.
    const subheads: number[] = [];
    let k = at + 1;
    while (units[k] && (TRANSPARENT.has(units[k]?.kind ?? '') || units[k]?.kind === 'intertitle')) {
      if (units[k]?.kind === 'intertitle') subheads.push(k);
      k++;
    }
    const next = subheads.length > 0 ? (units[k]?.kind === 'body' ? { index: k, crossesTitle: false, crossesByline: false } : null) : neighbourBody(units, at, 1);
    const u = next ? units[next.index] : undefined;
    if (!next || !u || next.crossesTitle || next.crossesByline || u.lead) break;
    run.push(...subheads, next.index);
    at = next.index;
  }
  return run;
}

interface Candidate {
  a: number;
  b: number;
  score: number;
  adjacent: boolean;
  /** The continuation sits under a title printed between the two (another article's headline). */
  crossesTitle: boolean;
  reason: string;
  /** A short finished sentence printed between the two: a caption inside the broken sentence. */
  overCaption?: number;
}

/**
 * The block after the next one, when the next one is a short finished sentence with nothing
 * but pictures around it: a photo caption printed inside a broken sentence, without a credit.
 *
 *     …给予一定比例补              ← dangling
 *     发布会现场，品牌代表签约。    ← x: a caption, not the continuation
 *     贴，并在场地协调…            ← b
 */
function pastInlineCaption(units: Unit[], next: Neighbour | null): { x: number; b: number } | null {
  if (!next || next.crossesTitle || next.crossesByline) return null;
  const x = units[next.index];
  if (!x || x.lead || [...squeeze(x.content)].length > MAX_INLINE_CAPTION || !(endsSentence(x.content) || INLINE_SCENE.test(squeeze(x.content)))) return null;
  if (/[。！？!?].+[。！？!?]/.test(squeeze(x.content))) return null; // one sentence only
  const after = neighbourBody(units, next.index, 1);
  if (!after || after.crossesTitle || after.crossesByline) return null;
  return { x: next.index, b: after.index };
}

/**
 * True when body block `b` opens the text under a title but is not that article's start: it is
 * no lead, and the article's own 本报讯 lead follows it before the next title. Such a block is a
 * stray column of an earlier article printed below the next headline:
 *
 *     …部署了汛期安全防范和          ← dangling
 *     九亭镇首家社区食堂开业          ← another article's headline
 *     高温天气安全生产等重点工作。    ← b: orphan under that headline
 *     本报讯 6月5日，九亭镇…          ← the headline's own lead
 */
function orphanUnderTitle(units: Unit[], b: number): boolean {
  // The title's own byline may sit between it and the stray block (标题 / ■记者 周文 / 高品质的…).
  const title = titleAbove(units, b);
  if (title < 0) return false;
  // A feature's 小标题 in the stray column (…晾衣架, | 标题 | 不用时… | 小改造带来大变化 | 改造后…)
  // is part of it when the title was printed inside a broken sentence; else a 小标题 is the title's
  // own (its lead printed above the headline, a feature's text under it).
  let top = title;
  while (top > 0 && TITLE_KINDS.has(units[top - 1]?.kind ?? '')) top--;
  const cut = units[pastTransparent(units, top, -1)];
  const insideSentence = cut?.kind === 'body' && !endsSentence(cut.content);
  for (let i = b + 1; i < units.length; i++) {
    const u = units[i];
    if (!u) break;
    if (u.kind === 'body') { if (u.lead) return true; continue; }
    // Under a title printed inside a broken sentence, the stray column may sign off on its last
    // line (…预约参观。(蒋思佳)): text after that sign-off is the title's own (a feature has no lead).
    if (u.kind === 'byline' && insideSentence && units[i - 1]?.kind === 'body' && units[i - 1]?.span.line === u.span.line) {
      let k = i + 1;
      while (units[k] && (TRANSPARENT.has(units[k]?.kind ?? '') || units[k]?.kind === 'byline')) k++;
      if (units[k]?.kind === 'body') return true;
    }
    if (TRANSPARENT.has(u.kind) || u.kind === 'byline' || (u.kind === 'intertitle' && insideSentence)) continue;
    // A continued article's text starts at its 上接 marker: what stands above it is stray too.
    return u.kind === 'jump-marker' && u.marker?.direction === 'from';
  }
  return false;
}

/**
 * True when body block `b` would open an article with neither a title nor a lead: it opens the
 * page above every title, or follows a closed article (a 下转 marker or a sign-off byline) with
 * no title of its own. Such text ran over from a column elsewhere on the page.
 */
function headlessStart(units: Unit[], b: number): boolean {
  const u = units[b];
  if (!u || u.kind !== 'body' || u.lead || isLead(u.content)) return false;
  const k = pastTransparent(units, b, -1);
  const before = units[k];
  if (!before) return true;
  if (before.kind === 'jump-marker') return before.marker?.direction === 'to';
  // Between the items of a briefs block, after a brief that finished its sentence.
  if (before.kind === 'brief') return endsSentence(before.content);
  if (before.kind !== 'byline') return false;
  // A byline closes the article above it when text precedes it (…讨论。 ■记者 张蓓), unless
  // that text is itself another article's signed tail, printed inside this one.
  let j = k - 1;
  while (j >= 0 && (TRANSPARENT.has(units[j]?.kind ?? '') || units[j]?.kind === 'byline')) j--;
  return units[j]?.kind === 'body' && !signedTailInside(units, j);
}

/**
 * True when body block `b` is another article's tail, signed off, printed inside an article
 * that goes on after it and is signed off again further down. An article signs off once: of two
 * sign-offs in one run of text, the first one closes a block that ran in from elsewhere.
 *
 *     …做好“十四五”开局之年的各项工作。     ← this article's paragraph, finished
 *     向辖区其他片区推广，力争…全覆盖。 ■记者 宋嘉   ← b: a signed tail from elsewhere
 *     杜建邦强调，要把学习成果…              ← this article goes on
 *     …落地见效。 ■记者 顾晓晴               ← and signs off
 */
function signedTailInside(units: Unit[], b: number): boolean {
  const u = units[b];
  if (!u || u.kind !== 'body' || u.lead || isLead(u.content)) return false;
  // Text of the same run before it, finished: the block does not carry a broken sentence on.
  const p = pastTransparent(units, b, -1);
  if (units[p]?.kind !== 'body' || !endsSentence(units[p]?.content ?? '')) return false;
  const k = pastTransparent(units, b, 1);
  // Signed off on its own last line (…全覆盖。 ■记者 宋嘉): a byline line of its own may head the next text.
  if (units[k]?.kind !== 'byline' || units[k]?.span.line !== u.span.line) return false;
  // After the sign-off: more text with no title or lead of its own, opening a sentence (杜建邦强调，…)
  // as the article's next paragraph does, then a second sign-off.
  let text = false;
  for (let i = k + 1; i < units.length; i++) {
    const v = units[i];
    if (!v || TRANSPARENT.has(v.kind)) continue;
    if (v.kind === 'body') {
      if (v.lead || isLead(v.content) || (!text && !opensSentence(v.content))) return false;
      text = true;
      continue;
    }
    return v.kind === 'byline' && text;
  }
  return false;
}

// A date or an undated opener within a lead's first clause: news leads say when (…9月12日晚在…开幕).
const LEAD_DATE = /^[^。；！？!?]{0,40}?(?:[0-9０-９一二三四五六七八九十]{1,2}月[0-9０-９一二三四五六七八九十]{1,3}日|近日|日前|近期|连日来)/;

/** How much a block reads like the lead of the article under `title`: a dated first clause, the title's words. */
function leadLikeness(text: string, title: string): number {
  const head = bigrams(squeeze(text).slice(0, 60));
  const named = [...bigrams(title)];
  const shared = named.length ? named.filter((g) => head.has(g)).length / named.length : 0;
  return (LEAD_DATE.test(squeeze(text)) ? 2 : 0) + 3 * shared;
}

/**
 * The run that moves with a block taken from under a title, cut so that the title keeps its own
 * text. A stray column printed under a headline whose lead has no 本报讯 would otherwise carry
 * the whole article away and leave the headline with nothing:
 *
 *     松江区校园读书节开幕          ← title
 *     衍信息技术有限公司负责人余晖说。 ← b: continues another article
 *     松江区“校园读书节”9月12日晚… ← the title's own lead: the run stops before it
 *
 * The cut falls at the paragraph start that reads most like the title's lead.
 */
function keepTitleText(units: Unit[], b: number, run: number[]): number[] {
  const k = titleAbove(units, b);
  if (k < 0) return run;
  // Text of the title's own after the run (past bylines and a 上接 marker): nothing to cut.
  for (let i = (run[run.length - 1] ?? b) + 1; i < units.length; i++) {
    const kind = units[i]?.kind ?? '';
    if (kind === 'body') return run;
    if (TITLE_KINDS.has(kind) && kind !== 'intertitle') break;
  }
  const title = titleStack(units, k);
  const seq = [b, ...run];
  let best = -1;
  let bestScore = -1;
  for (let i = 1; i < seq.length; i++) {
    const before = units[seq[i - 1] as number];
    const u = units[seq[i] as number];
    if (!before || !u || u.kind !== 'body' || !endsSentence(before.content)) continue;
    const score = leadLikeness(u.content, title.join(''));
    if (score > bestScore) { best = i; bestScore = score; }
  }
  return best < 0 ? run : seq.slice(1, best);
}

// A caption's one sentence: a subject, 在 a place, an action; no clause break, no number.
const SCENE = /^[^，,。；：:、0-9０-９“”]{1,10}在[^，,。；：:0-9０-９]{2,24}。$/;
// Inside a broken sentence a caption may also set the scene first and end without a stop
// (招聘会现场，学生们在展位前咨询岗位信息): a sentence's own clause would not stand there.
const INLINE_SCENE = /^(?:[^，,。；：:、0-9０-９“”]{2,10}[，,])?[^，,。；：:、0-9０-９“”]{1,10}在[^，,。；：:0-9０-９]{2,24}。?$/;

// A lead cut right after its opener: 本报讯 / 本报讯（记者 冯慧） / 本报讯 4月.
const BARE_LEAD = /^(?:本报讯|本报消息|讯)(?:[（(][^（()）]{0,30}[）)])?(?:[0-9０-９]{1,2}月?)?$/;

/** True when the block is a news lead's opener and nothing else: its sentence is all in the next block. */
function bareLeadOpener(unit: Unit): boolean {
  return BARE_LEAD.test(squeeze(unit.content));
}

/** A predicate on block indexes that computes each answer once. */
function perBlock(test: (b: number) => boolean): (b: number) => boolean {
  const known = new Map<number, boolean>();
  return (b) => {
    let v = known.get(b);
    if (v === undefined) { v = test(b); known.set(b, v); }
    return v;
  };
}

// An end cut at a comma, and a block that opens with an adverb or conjunction no sentence
// opens with: the second clause of the same sentence (…参观了亮点展品， / 还自学了…).
const CLAUSE_BREAK = /[，,、]$/;
const CLAUSE_GOES_ON = /^(?:还|也|并|又|都|而|但|却|便|就|才|再|仍|则|且|更|均|亦)/;

// A number cut by a column: …占比约4 | 0%…, …共调解矛盾纠纷3 | 12件…, …270余 | 位企业家…,
// …1月 | 12日…. A dangling end that stops inside a number wants its digits or its unit.
const NUMBER_END = /[0-9０-９](?:[.．]|[余多]|月)?$/;
// Units and measure words a number takes (3|7家, 270余|位, 20|25年, 5|.3万).
const UNIT = '万亿千百个家名人户元件项场次年位座所条台辆岁天倍套栋批支张份处届平公吨';
const NUMBER_START = new RegExp(`^[0-9０-９.．%％]|^[${UNIT}月日余多]`);
const UNIT_START = new RegExp(`^[${UNIT}]`);
const NUMBER_WEIGHT = 4;

/** Whether a number (digits, an approximate 余/多, a date) runs on across `left|right`. */
function numberRunsOn(left: string, right: string): boolean {
  const end = NUMBER_END.exec(squeeze(left.slice(-8)))?.[0];
  if (end === undefined) return false;
  const start = squeeze(right.slice(0, 8));
  // After 余/多 or 月 only a unit or a day follows: 270余|位, 1月|12日.
  if (/[余多]$/.test(end)) return UNIT_START.test(start);
  if (end.endsWith('月')) return /^[0-9０-９]{1,2}日/.test(start);
  return NUMBER_START.test(start);
}

/** Scores every plausible continuation of every dangling body block. */
function candidates(units: Unit[], dangling: number[], bodies: number[], grams: GramLookup | null, lexicon: Lexicon | null): Candidate[] {
  const out: Candidate[] = [];
  const topic = topicModel(units);
  // Computed once per block: they walk over the page, and every dangling block asks them.
  const headless = perBlock((b) => headlessStart(units, b));
  const orphan = perBlock((b) => orphanUnderTitle(units, b));
  const signedTail = perBlock((b) => signedTailInside(units, b));
  // A block right after a brief cut mid-sentence is that brief's rest (briefs join on their own).
  const continuesBrief = perBlock((b) => {
    const before = units[pastTransparent(units, b, -1)];
    return before?.kind === 'brief' && !endsSentence(before.content);
  });
  // Text right after a 上接 marker goes on from another 版: no end on this page continues into it.
  const continuedFromElsewhere = (b: number): boolean => {
    const before = units[pastTransparent(units, b, -1)];
    return before?.kind === 'jump-marker' && before.marker?.direction === 'from';
  };
  const search = bodies.length <= MAX_BODIES_FOR_SEARCH && dangling.length * bodies.length <= MAX_PAIRS && grams !== null;
  for (const a of dangling) {
    const A = units[a];
    if (!A) continue;
    const next = neighbourBody(units, a, 1);
    const inline = pastInlineCaption(units, next);
    const targets = search ? bodies : [next?.index, inline?.b].filter((k): k is number => k !== undefined);
    for (const b of targets) {
      const B = units[b];
      if (!B || b === a || B.lead || isLead(B.content) || continuesBrief(b) || continuedFromElsewhere(b)) continue;
      // A clause ending in a colon announces a list: a numbered item (（一）…) is a new paragraph.
      if (/[：:]$/.test(squeeze(A.content)) && LIST_ITEM.test(squeeze(B.content))) continue;
      const reasons: string[] = [];
      let score = 0;
      const overCaption = inline?.b === b ? inline.x : undefined;
      const adjacent = next?.index === b || overCaption !== undefined;
      if (overCaption !== undefined) {
        const scene = INLINE_SCENE.test(squeeze(units[overCaption]?.content ?? ''));
        score += scene ? 4 : 2;
        reasons.push(scene ? 'next body block but one, past a caption of who is where doing what (+4)' : 'next body block but one, past a short finished sentence that reads as a caption (+2)');
      } else if (adjacent && next) {
        if (next.crossesByline) { score -= 2; reasons.push('a byline lies between (-2)'); }
        else if (next.crossesTitle) { score += 1; reasons.push('next body block, past a title (+1)'); }
        else if (opensSentence(B.content) && !bareLeadOpener(A)) { score += 1; reasons.push('next body block, but it opens with a sentence opener (+1)'); }
        else { score += 3; reasons.push('next body block (+3)'); }
      } else {
        // A block already read earlier in the same article cannot also continue it.
        if (b < a && withinContext(units, b, a)) continue;
        const prev = neighbourBody(units, b, -1);
        const prevUnit = prev ? units[prev.index] : undefined;
        if (prev && prevUnit && !prev.crossesTitle && !prev.crossesByline) {
          // After a dangling block the block is that one's natural continuation: a far join must
          // win against it in the assignment, with more evidence than after a finished paragraph.
          const afterDangling = !endsSentence(prevUnit.content) && !endExplained(units, prev.index);
          score -= afterDangling ? 2 : 1;
          reasons.push(afterDangling ? 'follows a dangling block (-2)' : 'follows a finished paragraph (-1)');
        }
      }
      if (!next && !inline) { score += UNFOLLOWED_WEIGHT; reasons.push(`continues an end that nothing follows in its column (+${UNFOLLOWED_WEIGHT})`); }
      if (startsWithContinuationPunct(B.content)) { score += 2; reasons.push('starts with punctuation (+2)'); }
      if (orphan(b)) { score += ORPHAN_WEIGHT; reasons.push(`opens the text under a title whose own lead comes later (+${ORPHAN_WEIGHT})`); }
      else if (signedTail(b)) { score += ORPHAN_WEIGHT; reasons.push(`a signed tail inside an article that signs off again later (+${ORPHAN_WEIGHT})`); }
      else if (headless(b)) { score += HEADLESS_WEIGHT; reasons.push(`would open an article with neither title nor lead (page top, or after a closed article) (+${HEADLESS_WEIGHT})`); }
      // A far join needs a longer shared word (现场|教学 → 现场教学) than the next block does.
      const gram = ngramEvidence(A.content, B.content, grams, adjacent ? 3 : 4);
      if (gram.score > 0) { score += gram.score; reasons.push(`"${gram.gram}" occurs elsewhere on the page (+${gram.score})`); }
      if (CLAUSE_BREAK.test(squeeze(A.content)) && CLAUSE_GOES_ON.test(squeeze(B.content))) { score += 2; reasons.push('a clause cut at its comma goes on with 还/也/并… (+2)'); }
      if (numberRunsOn(A.content, B.content)) { score += NUMBER_WEIGHT; reasons.push(`a number runs on across the join (+${NUMBER_WEIGHT})`); }
      if (quoteBalance(A.content) > 0 && /^[^“]*”/.test(B.content)) { score += 1; reasons.push('closes an open quotation (+1)'); }
      // A quotation left open is closed before another opens (a quote inside one takes ‘’).
      else if (quoteBalance(A.content) > 0 && squeeze(B.content).startsWith('“')) { score -= 2; reasons.push('opens a new quotation while one is open (-2)'); }
      const word = lexicon?.(A.content, B.content) ?? null;
      const points = word ? (LEXICON_STEPS.find(([gain]) => word.gain >= gain)?.[1] ?? 0) : 0;
      if (word && points > 0) { score += points; reasons.push(`the lexicon reads "${word.word}" across the join (gain ${word.gain.toFixed(1)}, +${points})`); }
      const pastTitle = adjacent && overCaption === undefined && next?.crossesTitle === true;
      // Topic evidence alone cannot carry a far join, nor take a title's own first block from it.
      if ((!adjacent || (pastTitle && !orphan(b))) && score + 1 < JOIN_THRESHOLD) continue;
      if (!adjacent || pastTitle) {
        // A far block, or one under another title, moves into the dangling article: is it about that?
        const moved = [b, ...keepTitleText(units, b, runAfter(units, b))].map((k) => units[k]?.content ?? '').join('');
        const mine = topic(moved, contextBefore(units, a));
        const own = topic(moved, contextBefore(units, b - 1));
        // More shared rare words with the dangling article than with where it stands: +1, up to +2.
        const points = mine > 1.5 * own + 1 ? 1 + Math.min(1, (mine - own) / TOPIC_SCALE) : mine > own ? 0 : -1;
        score += points;
        reasons.push(`topic: shares ${mine.toFixed(1)} with the dangling article vs ${own.toFixed(1)} with its neighbours (${points > 0 ? '+' : ''}${points.toFixed(2)})`);
      }
      if (process.env.DEBUG_JOINS) console.error('cand', A.span.line, B.span.line, score.toFixed(2), reasons.join('; '));
      out.push({ a, b, score, adjacent, crossesTitle: adjacent && next?.crossesTitle === true, reason: reasons.join('; '), ...(overCaption !== undefined ? { overCaption } : {}) });
    }
  }
  return out.sort((x, y) => y.score - x.score || Number(y.adjacent) - Number(x.adjacent) || Math.abs(x.b - x.a) - Math.abs(y.b - y.a));
}

/**
 * Decides all joins of the page at once: the set of joins with the largest total evidence in
 * which every dangling end takes at most one continuation and every block continues at most one
 * end (assignment.ts). Small tie-breaks prefer the next block, then the nearer one.
 */
function decideJoins(units: Unit[], grams: GramLookup | null, lexicon: Lexicon | null): { next: Map<number, Candidate>; prev: Map<number, number>; all: Candidate[] } {
  const bodies = units.flatMap((u, i) => (u.kind === 'body' ? [i] : []));
  const dangling = bodies.filter((i) => {
    const u = units[i];
    return u !== undefined && !endsSentence(u.content) && !endExplained(units, i);
  });
  const all = candidates(units, dangling, bodies, grams, lexicon);
  const edges = all.map((c) => ({
    a: c.a, b: c.b, candidate: c,
    weight: c.score - JOIN_THRESHOLD + 0.5 + (c.adjacent ? 0.01 : 0) - Math.abs(c.b - c.a) * 1e-6,
  }));
  const chosen = breakCycles(maxWeightMatching(edges));
  const next = new Map<number, Candidate>();
  const prev = new Map<number, number>();
  for (const e of chosen) {
    next.set(e.a, e.candidate);
    prev.set(e.b, e.a);
  }
  return { next, prev, all };
}

/** The strongest candidate a decided join beat: another continuation of its end, or another end of its block. */
function runnerUpOf(c: Candidate, all: Candidate[]): Candidate | null {
  let best: Candidate | null = null;
  for (const o of all) {
    if (o === c || (o.a !== c.a && o.b !== c.b)) continue;
    if (!best || o.score > best.score) best = o;
  }
  return best;
}

// A title set in parts with a space between them, each part of two Han characters or more.
const SPACED_PARTS = /^\p{Script=Han}{2,}(?:[ \u3000]+\p{Script=Han}{2,})+$/u;
// The labels of a page's boxes, short titles of their own: 导读, 提要, 要闻.
const BOX_LABEL = /^(?:导读|提要|要闻|目录|本期)$/;

/**
 * Title-like lines that are running text: a short piece of a sentence cut by columns stands on a
 * line of its own without punctuation and reads like a title (活动由嘉定区区应急管理 / 局主办，…).
 * When the words run on across its junction with the body block before or after it (a word of
 * the lexicon or of the page spans the junction, or a number is cut), it is body text; what is
 * left of its title stack takes its roles again.
 */
function titlesInRunningText(units: Unit[], grams: GramLookup | null, lexicon: Lexicon | null): void {
  // `pageOnly`: only what the page itself prints counts (a lexicon word alone does not).
  const across = (left: string, right: string, pageOnly = false): string | null => {
    if (numberRunsOn(left, right)) return 'a number runs on';
    const word = pageOnly ? null : lexicon?.(left, right) ?? null;
    if (word && word.gain >= STRONG_GAIN) return `the lexicon reads "${word.word}" across it`;
    const gram = ngramEvidence(left, right, grams, 3);
    return gram.score >= 3 ? `"${gram.gram}" occurs elsewhere on the page` : null;
  };
  // Blocks that cannot open an article: a title fragment may be the end they continue, far away.
  const mustContinue = units.flatMap((u, k) => (u.kind === 'body' && !u.lead && (headlessStart(units, k) || orphanUnderTitle(units, k) || startsWithContinuationPunct(u.content)) ? [k] : []));
  const touched = new Set<number>();
  units.forEach((u, i) => {
    if (!TITLE_KINDS.has(u.kind) || u.text.trim().startsWith('—') || [...squeeze(u.content)].length > MAX_FRAGMENT_TITLE) return;
    // A picture (caption, credit) may stand inside the broken sentence: look past it.
    const p = pastTransparent(units, i, -1);
    const n = pastTransparent(units, i, 1);
    const before = units[p];
    const after = units[n];
    // A line with a byline or a 本报讯 lead right under it is a title, whatever words it ends with;
    // so is a line set in spaced parts (普法入人心 法治润社区): running text is not set so.
    if (after?.kind === 'byline' || (after?.kind === 'body' && (after.lead || isLead(after.content)))) return;
    if (SPACED_PARTS.test(u.content.trim())) return;
    let why: string | null = null;
    if (before?.kind === 'body' && !endsSentence(before.content) && !endExplained(units, p)) why = across(before.content, u.content);
    // A block that opens a sentence (区文旅局相关负责人介绍，…) reads as starting after an
    // intertitle: only the page's own words can say the line runs on into it (协商|会上 → 协商会).
    if (!why && after?.kind === 'body' && !after.lead) why = across(u.content, after.content, opensSentence(after.content));
    // Two characters make no headline over running text: a word of the sentence below (活动 / 现场，…).
    if (!why && u.kind !== 'section' && !BOX_LABEL.test(squeeze(u.content)) && hanCount(u.content) <= 2 && after?.kind === 'body' && !after.lead && !isLead(after.content)) why = 'two characters over running text: a word of its sentence';
    for (const k of mustContinue) {
      if (why) break;
      const far = units[k];
      const reading = far ? across(u.content, far.content) : null;
      if (reading) why = `${reading} with line ${far?.span.line}, which cannot open an article`;
    }
    if (!why) return;
    units[i] = { ...u, kind: 'body', reason: `title-like line inside running text: ${why}` };
    if (u.group !== undefined) touched.add(u.group);
  });
  // The stacks that lost a line: the lines left take their roles again.
  for (const group of touched) {
    const members = units.flatMap((u, k) => (u.group === group && TITLE_KINDS.has(u.kind) && u.kind !== 'intertitle' && u.kind !== 'section' ? [k] : []));
    if (members.length === 0 || members.some((k) => units[k]?.kind === 'headline')) continue;
    const roles = assignTitleRoles(members.map((k) => ({ text: units[k]?.text ?? '' })));
    members.forEach((k, n) => {
      const u = units[k];
      const role = roles[n];
      if (u && role) units[k] = { ...u, kind: role.role, reason: `${role.reason} (after a line of the stack was read as running text)` };
    });
  }
}

/**
 * A 小标题 never interrupts a sentence. A title line printed right after a clause cut at its comma,
 * over text that runs on to a 本报讯 lead with no title of its own, is that lead's headline: the
 * text between is the interrupted article's stray column.
 *
 *     …生意红火,                       ← cut at a comma
 *     石化街道老旧小区加装电梯提速      ← read as a 小标题: the lead's headline
 *     周末常常要排队等位。 …            ← the stray column, back to …生意红火,
 *     本报讯 5月15日，石化街道…        ← the lead with no title
 */
function titlesInsideSentences(units: Unit[]): void {
  units.forEach((x, i) => {
    if (x.kind !== 'intertitle') return;
    const before = units[pastTransparent(units, i, -1)];
    const b = pastTransparent(units, i, 1);
    if (before?.kind !== 'body' || !CLAUSE_BREAK.test(squeeze(before.content)) || units[b]?.kind !== 'body' || units[b]?.lead) return;
    // Read as a headline, the stray column below must run on to a title-less lead; else it stays a 小标题.
    units[i] = { ...x, kind: 'headline', reason: `title line right after a clause cut at its comma (line ${before.span.line}), over text that runs on to a lead with no title: that lead's headline` };
    if (!orphanUnderTitle(units, b)) units[i] = x;
  });
}

/**
 * Puts the page in reading order: body blocks joined into paragraphs, moved columns placed after
 * what they continue. Returns the units as read at the page level too (a title-like fragment read
 * as running text, a sentence inside a broken one read as a caption).
 */
export function reorder(input: Unit[], options: ReorderOptions = {}): { items: Item[]; joins: Join[]; units: Unit[] } {
  const units = input.slice();
  const page = units.filter((u) => u.kind === 'body' || u.kind === 'brief' || u.kind === 'caption' || u.kind === 'intertitle' || u.kind === 'headline').map((u) => u.content).join('\n');
  const lexicon = options.lexicon === undefined ? jiebaLexicon : options.lexicon;
  const grams = gramIndex(page);
  titlesInRunningText(units, grams, lexicon);
  titlesInsideSentences(units);
  const { next, prev, all } = decideJoins(units, grams, lexicon);
  // A short sentence a join was made across, and that continues nothing, is the photo's caption.
  for (const c of next.values()) {
    const x = c.overCaption === undefined ? undefined : units[c.overCaption];
    if (!x || c.overCaption === undefined || prev.has(c.overCaption) || next.has(c.overCaption)) continue;
    units[c.overCaption] = { ...x, kind: 'caption', reason: `short finished sentence inside a broken sentence (line ${units[c.a]?.span.line} continues on line ${units[c.b]?.span.line}): photo caption` };
  }
  // A picture's caption between two paragraphs, printed without a credit: one short sentence that
  // shows who is where doing what (志愿者在小区垃圾箱房指导居民分类投放。), between running text.
  units.forEach((x, i) => {
    if (x.kind !== 'body' || x.lead || prev.has(i) || next.has(i) || !SCENE.test(squeeze(x.content))) return;
    const before = neighbourBody(units, i, -1);
    const after = neighbourBody(units, i, 1);
    if (!before || !after || before.crossesTitle || before.crossesByline || after.crossesTitle || after.crossesByline) return;
    if (!endsSentence(units[before.index]?.content ?? '') || units[after.index]?.lead) return;
    units[i] = { ...x, kind: 'caption', reason: 'one short sentence of who is where doing what, between paragraphs: photo caption' };
  });
  // Blocks that travel with a far continuation (the rest of its column).
  const runs = new Map<number, number[]>();
  const reserved = new Set<number>();
  // Bylines that sign off a moved stretch (…重点工作。 ■记者 姚丽敏) travel with it.
  const signoffs = new Map<number, number[]>();
  const claimed = new Set<number>();
  for (const c of next.values()) {
    if (c.adjacent && !c.crossesTitle) continue;
    const stretch = keepTitleText(units, c.b, runAfter(units, c.b));
    const run = stretch.filter((k) => !prev.has(k) && !reserved.has(k));
    runs.set(c.b, run);
    for (const k of run) reserved.add(k);
    const signoff: number[] = [];
    // Under another title, a byline on a line of its own is that title's byline (标题 / 碎片 /
    // 文/王逸 / 本报讯…); one glued to the moved text (…工作。 ■记者 姚丽敏) signs the text off.
    // When the title already has its byline above the moved text, a byline after it signs the text off.
    const last = stretch[stretch.length - 1] ?? c.b;
    const above = pastTransparent(units, c.b, -1);
    const titleWithoutByline = TITLE_KINDS.has(units[above]?.kind ?? '') && units[above]?.kind !== 'intertitle';
    let k = last + 1;
    for (; units[k]?.kind === 'byline' && !claimed.has(k); k++) {
      if (titleWithoutByline && units[k]?.row !== units[last]?.row) break;
      signoff.push(k);
    }
    // A 下转 marker printed after the moved text says where that text goes on: it moves too.
    if (signoff.length === 0 && units[k]?.kind === 'jump-marker' && units[k]?.marker?.direction === 'to' && !claimed.has(k)) signoff.push(k);
    for (const k of signoff) claimed.add(k);
    signoffs.set(c.b, signoff);
  }
  const items: Item[] = [];
  const emitted = new Set<number>();
  const emitChain = (head: number): void => {
    const chain: number[] = [];
    for (let k: number | undefined = head; k !== undefined && !emitted.has(k); k = next.get(k)?.b) {
      chain.push(k);
      emitted.add(k);
    }
    // Each continuation says where it was joined from and why, for --explain.
    const chained = chain
      .map((k, i) => {
        const unit = units[k];
        const from = i > 0 ? next.get(chain[i - 1] as number) : undefined;
        const source = from ? units[from.a] : undefined;
        if (!unit || !from || !source) return unit;
        const rival = runnerUpOf(from, all);
        const beat = rival ? `; beat line ${units[rival.a]?.span.line} → line ${units[rival.b]?.span.line} (score ${Number(rival.score.toFixed(2))})` : '; no rival';
        return { ...unit, reason: `${unit.reason}; continues line ${source.span.line}: score ${Number(from.score.toFixed(2))} = ${from.reason}${beat}` };
      })
      .filter((u): u is Unit => u !== undefined);
    const last = chain[chain.length - 1];
    const lastUnit = last === undefined ? undefined : units[last];
    items.push({
      kind: 'paragraph',
      units: chained,
      text: chained.map((u) => u.content).join(''),
      dangling: lastUnit !== undefined && last !== undefined && !endsSentence(lastUnit.content) && !endExplained(units, last),
      lead: chained[0]?.lead === true,
      ...(head !== undefined && headlessStart(units, head) ? { stray: true } : {}),
    });
    for (const k of chain) {
      for (const r of runs.get(k) ?? []) {
        const unit = units[r];
        if (emitted.has(r) || !unit) continue;
        if (unit.kind === 'body') emitChain(r);
        else { emitted.add(r); items.push({ kind: 'unit', unit }); }
      }
      for (const s of signoffs.get(k) ?? []) {
        const unit = units[s];
        if (unit && !emitted.has(s)) { emitted.add(s); items.push({ kind: 'unit', unit }); }
      }
    }
  };
  units.forEach((u, i) => {
    if (emitted.has(i)) return;
    if (u.kind !== 'body') {
      if (claimed.has(i) || reserved.has(i)) return; // emitted after the stretch it signs off or moves with
      items.push({ kind: 'unit', unit: u });
      return;
    }
    if (prev.has(i) || reserved.has(i)) return; // emitted with the block it continues
    emitChain(i);
  });
  // Safety net: anything a broken chain left behind is still emitted, never dropped.
  units.forEach((u, i) => { if (u.kind === 'body' && !emitted.has(i)) emitChain(i); });
  units.forEach((u, i) => { if ((claimed.has(i) || reserved.has(i)) && u.kind !== 'body' && !emitted.has(i)) { emitted.add(i); items.push({ kind: 'unit', unit: u }); } });
  const joins = [...next.values()].flatMap((c) => {
    const from = units[c.a];
    const to = units[c.b];
    const rival = runnerUpOf(c, all);
    const runnerUp = rival && units[rival.a] && units[rival.b] ? { from: units[rival.a] as Unit, to: units[rival.b] as Unit, score: rival.score } : null;
    return from && to ? [{ from, to, score: c.score, reason: c.reason, runnerUp }] : [];
  });
  return { items, joins, units };
}
