/**
 * Stage 2b: classify every line (and the pieces glued into a line) as one block kind, with a
 * reason. First each line alone (masthead, furniture, markers, bylines, credits, briefs, body
 * or title), then in context (captions over credits, bare-name bylines, title stacks resolved
 * into section / kicker / headline / subheadline, intertitles inside running text).
 */
import type { BlockKind, Paper } from '../types.js';
import { type Span, spanRaw, spanText, subSpan } from './blocks.js';
import { type NamedLine, leadBylineNames, looksLikeBareName, readByline, readCredit, readSourceLine, trailingByline } from './byline.js';
import { type MastheadFacts, furnitureReason, readMasthead, readMastheadZoneLine } from './masthead.js';
import { type Lexicon, jiebaLexicon } from './lexicon.js';
import { type JumpMarker, leadingMarker, trailingMarker, wholeLineMarker } from './markers.js';
import { type FixedRole, assignTitleRoles, mergedTitleSplit, reportsEvent } from './titles.js';
import { SENTENCE_PUNCT, endsSentence, isHan, opensSentence, quoteBalance, squeeze, startsWithContinuationPunct } from './text.js';

/** A classified piece of the page: a block plus what later stages need to know about it. */
export interface Unit {
  kind: BlockKind;
  /** The text as printed (invisible characters removed). */
  text: string;
  /** The text an article publishes (a brief without its □ bullet). */
  content: string;
  span: Span;
  reason: string;
  /** Index of the source line among non-blank lines; pieces of one line share it. */
  row: number;
  /** Names of a byline or photo credit. */
  names?: string[];
  /** Photographers named in a byline (文/记者 陈静 图/记者 李明 → 李明). */
  photoNames?: string[];
  marker?: JumpMarker;
  masthead?: MastheadFacts;
  /** Units of one title stack share a group number. */
  group?: number;
  /** A body piece that opens an article lead (本报讯, 本报记者…). */
  lead?: boolean;
  /** A title line that goes on from the title line above it (one title wrapped over two lines). */
  wraps?: boolean;
}

/** Provisional kind before context: 'title' is resolved into section/kicker/headline/… later. */
type DraftKind = BlockKind | 'title';
interface Draft extends Omit<Unit, 'kind'> {
  kind: DraftKind;
}

// Matches the opening of a news lead: 本报讯, 本报记者 …, 本报消息.
const LEAD = /^(?:本报讯|本报消息|本报记者|本报通讯员|讯[（(]记者)/;
// Matches a brief's bullet at the start of a line: □ ◆ ▲ ● ■ ★ followed by text.
const BULLET_CHARS = '□◆▲△●■★☆◇○◎▪•▶▷►';
const BRIEF_BULLET = new RegExp(`^[${BULLET_CHARS}]\\s*`);
// Matches how an unmarked news lead opens: 近日，/ 日前，/ 5月3日上午，.
const NEWS_OPENING = /^(?:近日|日前|前不久|[0-9０-９]{1,2}月[0-9０-９]{1,2}日)/;
// Particles, prepositions and conjunctions that never end a title: the clause runs on.
const FUNCTION_WORD_END = /[的和与及把被或并]$/;
// Longest line still read as a title when it carries no clause punctuation.
const MAX_TITLE = 60;
// A title wrapped over two lines: the shortest whole title its lines repeat in the page's text,
// the longest second line a cut word alone may join, and the lexicon's gain for that word.
const MIN_WRAPPED = 8;
const MAX_WRAP_TAIL = 8;
const WRAP_GAIN = 6;

/** True when a text opens a news lead (本报讯 …). */
export function isLead(text: string): boolean {
  return LEAD.test(squeeze(text));
}

function draft(span: Span, row: number, kind: DraftKind, reason: string, extra: Partial<Draft> = {}): Draft {
  const text = spanText(span);
  return { kind, text, content: text, span, reason, row, ...extra };
}

function named(line: NamedLine): { names: string[]; photoNames?: string[] } {
  return line.photoNames ? { names: line.names, photoNames: line.photoNames } : { names: line.names };
}

// （右）, （左一）, （前排左三）, （左起） after a name, or 左二为 / 右一为 opening a clause.
const PHOTO_POSITION = /[（(](?:前排|后排|中排)?[左右](?:[一二三四五六七八九]|起)?[）)]|[（(]中[）)]|(?:^|[，,、])(?:前排|后排)?[左右][一二三四五六七八九]为/;
const MAX_POSITION_CAPTION = 60;

/** Classifies the running-text remainder of a line as body or title by its punctuation. */
function textDraft(span: Span, row: number): Draft {
  const text = spanText(span);
  if (isLead(text)) return draft(span, row, 'body', 'opens a news lead (本报讯)', { lead: true });
  // Where a person stands in the picture (顾佳怡（右）在…, 左二为…) is said by captions only.
  if (PHOTO_POSITION.test(text) && [...squeeze(text)].length <= MAX_POSITION_CAPTION) return draft(span, row, 'caption', "a person's place in the picture (（右）, 左二): photo caption");
  // A line ending in a clause mark (、 ， “) stops mid-sentence: running text, never a title.
  // A short line whose only mark is a final ！ or ？ is still a title (如何写好这篇大文章？).
  const exclaimedTitle = /[！？!?]["”’]?$/.test(text) && !SENTENCE_PUNCT.test(text.replace(/[！？!?]["”’]?$/, ''));
  // An opening bracket or quote left open (…通过了《嘉) means the sentence runs on in another block.
  const openBracket = /[《“（(【「『〈]/.test(text) && !/[》”）)】」』〉]/.test(text);
  // A function word at the end (…居民自治等 / …推动 / …的) leaves the clause unfinished: no title ends so.
  const unfinished = FUNCTION_WORD_END.test(squeeze(text));
  if (!exclaimedTitle && (SENTENCE_PUNCT.test(text) || endsSentence(text) || /[、，,“（(—《]$/.test(text) || openBracket || unfinished)) {
    return draft(span, row, 'body', 'running text: has clause punctuation');
  }
  if ([...squeeze(text)].length > MAX_TITLE) return draft(span, row, 'body', `running text: no punctuation but longer than ${MAX_TITLE} characters`);
  // ▲ 区青少年科技节启幕: a brief's title set after a bullet; the bullet is decoration, not the
  // title's (kept in the printed text, left out of what the article publishes, as a brief's □ is).
  const bullet = TITLE_BULLET.exec(text);
  return draft(span, row, 'title', bullet ? 'short line without clause punctuation, after a bullet' : 'short line without clause punctuation', bullet ? { content: text.slice(bullet[0].length) } : {});
}

// A decorative bullet before a title line (▲ ◇ ▷ ■ …), with the space after it: the briefs' bullets.
const TITLE_BULLET = new RegExp(`^[${BULLET_CHARS}]\\s*(?=\\S)`);

/** Splits one line into classified pieces (a line may hold a paragraph plus a byline, a marker…). */
function splitLine(span: Span, row: number, papers: Paper[]): Draft[] {
  const text = spanText(span);
  const raw = spanRaw(span);
  const furniture = furnitureReason(text);
  if (furniture) return [draft(span, row, 'furniture', furniture)];
  const masthead = readMasthead(text, papers);
  if (masthead) return [draft(span, row, 'masthead', masthead.reason, { masthead })];
  const marker = wholeLineMarker(text);
  if (marker) return [draft(span, row, 'jump-marker', `jump marker to/from ${marker.page ?? 'another page'} (${marker.direction})`, { marker })];
  const credit = readCredit(text);
  if (credit) return [draft(span, row, 'photo-credit', 'photo credit line (… 摄)', named(credit))];
  const byline = readByline(text);
  if (byline) return [draft(span, row, 'byline', byline.hasRole ? 'byline: role word and name' : 'byline: bullet and name', named(byline))];
  const source = readSourceLine(text);
  if (source) return [draft(span, row, 'byline', source.names.length > 0 ? 'source line naming its writer: byline' : 'source line (供稿/来源): signs the article off, names no reporter', { names: source.names })];

  const pieces: Draft[] = [];
  let from = 0;
  let to = raw.length;
  // Leading "from" marker: (上接第1版)把…
  const lead = leadingMarker(raw);
  if (lead) {
    const s = subSpan(span, lead.index, lead.end);
    if (s) pieces.push(draft(s, row, 'jump-marker', `continued from ${lead.page ?? 'another page'}`, { marker: lead }));
    from = lead.end;
  }
  // Trailing pieces, peeled from the end: 下转▶3版, ■记者 张蓓, ■记者 朱良城 摄.
  const tail: Draft[] = [];
  for (let guard = 0; guard < 3; guard++) {
    const rest = raw.slice(from, to);
    const jump = trailingMarker(rest);
    if (jump) {
      const s = subSpan(span, from + jump.index, from + jump.end);
      if (s) tail.unshift(draft(s, row, 'jump-marker', `continued on ${jump.page ?? 'another page'}`, { marker: jump }));
      to = from + jump.index;
      // A half-width comma gluing the marker to a line set with full-width ones (…有限公司,下转▶3版)
      // is the extraction's separator, not the sentence's punctuation.
      if (raw[to - 1] === ',' && raw.slice(from, to).includes('，')) to--;
      continue;
    }
    const glued = trailingByline(rest);
    // 本报讯（记者 冯慧） cut by a column: the bracket is the lead's own byline, kept in the lead.
    if (glued && /^(?:本报讯|本报消息|讯)$/.test(squeeze(rest.slice(0, glued.index)))) break;
    if (glued) {
      const s = subSpan(span, from + glued.index, to);
      if (s) {
        const reason = glued.kind === 'photo-credit' ? 'photo credit at the end of a line' : 'byline at the end of the text';
        tail.unshift(draft(s, row, glued.kind, reason, named(glued.line)));
      }
      to = from + glued.index;
      continue;
    }
    break;
  }
  const middle = subSpan(span, from, to);
  // Text after a "continued from" marker is the article's running text, never a title.
  if (middle && lead) pieces.push(draft(middle, row, 'body', 'running text after a "continued from" marker'));
  else if (middle) pieces.push(...splitMiddle(middle, row));
  return [...pieces, ...tail];
}

/** The running-text part of a line: a brief, a title glued to its lead, or plain text. */
function splitMiddle(span: Span, row: number): Draft[] {
  const text = spanText(span);
  const raw = spanRaw(span);
  const bullet = BRIEF_BULLET.exec(raw);
  if (bullet && SENTENCE_PUNCT.test(text) && text.length > 12) {
    const content = spanText({ ...span, start: span.start + bullet[0].length });
    return [draft(span, row, 'brief', 'bulleted short news item (□ …)', { content })];
  }
  // A headline printed on the same line as its lead: "共谋发展向前看 区区合作再出发 本报讯 1月11日…".
  const at = raw.search(/\s本报讯/);
  if (at > 0) {
    const head = subSpan(span, 0, at);
    const body = subSpan(span, at, raw.length);
    const headText = head ? spanText(head) : '';
    if (head && body && !SENTENCE_PUNCT.test(headText) && [...squeeze(headText)].length <= 40) {
      return [draft(head, row, 'title', 'title text on the same line as a 本报讯 lead'), textDraft(body, row)];
    }
  }
  return [textDraft(span, row)];
}

function isBodyLike(d: Draft | undefined): boolean {
  return d !== undefined && (d.kind === 'body' || d.kind === 'title');
}

/**
 * Masthead lines that only read as such in the masthead zone (a date or weekday alone, 农历…,
 * 本期8版, …主办, SONGJIANG NEWS): a run of them counts when it opens the page or touches a line
 * already known to be masthead or furniture; elsewhere the same text stays a title.
 */
function markMastheadZone(drafts: Draft[]): void {
  const facts = drafts.map((d) => (d.kind === 'title' ? readMastheadZoneLine(d.text) : null));
  const anchor = (d: Draft | undefined): boolean => d !== undefined && (d.kind === 'masthead' || d.kind === 'furniture');
  for (let i = 0; i < drafts.length; ) {
    if (!facts[i]) { i++; continue; }
    let j = i;
    while (facts[j]) j++;
    if (i === 0 || anchor(drafts[i - 1]) || anchor(drafts[j])) {
      for (let k = i; k < j; k++) {
        const d = drafts[k];
        const f = facts[k];
        if (d && f) Object.assign(d, { kind: 'masthead', reason: f.reason, masthead: f });
      }
    }
    i = j;
  }
}

// Longest line read as a title although it holds a comma or colon (老房子，新生活).
const MAX_PUNCTUATED_TITLE = 30;
// Matches the clause marks a display title may hold: a comma or a colon.
const TITLE_CLAUSE_MARK = /[，,：:]/g;
// Matches punctuation no title holds inside: sentence ends and semicolons.
const SENTENCE_INSIDE = /[。；;]|[！？!?](?!["”’]?$)/;
// Matches a line ending in a mark that leaves the clause open (… and the column breaks there).
const OPEN_END = /[，,、：:；;“（(—]$/;

/**
 * A short line with a comma or colon but no sentence end can still be a display title
 * (老房子，新生活 / 南京东路街道：“红色物业”让居民更暖心): it stands alone on its line, follows
 * finished text (or the page top, a byline, a title), and a title, byline or 本报讯 lead follows it.
 */
function markPunctuatedTitles(drafts: Draft[]): void {
  drafts.forEach((d, i) => {
    if (d.kind !== 'body' || d.lead) return;
    const prev = drafts[i - 1];
    const next = drafts[i + 1];
    if (prev?.row === d.row || next?.row === d.row) return; // part of a longer line
    const t = squeeze(d.text);
    const len = [...t].length;
    if (len < 4 || len > MAX_PUNCTUATED_TITLE || SENTENCE_INSIDE.test(t) || OPEN_END.test(t)) return;
    const marks = t.match(TITLE_CLAUSE_MARK)?.length ?? 0;
    if (marks < 1 || marks > 2 || startsWithContinuationPunct(t) || quoteBalance(t) !== 0 || opensSentence(t)) return;
    const afterFinished = !prev || prev.kind !== 'body' || endsSentence(prev.text);
    // A "continued from" marker (（上接第1版）…) opens a jump article's text, like a lead.
    const beforeStart = next !== undefined && (next.kind === 'title' || next.kind === 'byline' || (next.kind === 'body' && next.lead === true)
      || (next.kind === 'jump-marker' && next.marker?.direction === 'from'));
    // After a signed-off or jumped article (byline, jump marker, masthead), text that never ends
    // its sentence before a fresh paragraph is the next article's title, lead or not.
    const afterClosed = !prev || ['byline', 'jump-marker', 'masthead', 'furniture'].includes(prev.kind);
    const beforeText = next?.kind === 'body' && !startsWithContinuationPunct(next.text);
    if ((afterFinished && beforeStart) || (afterClosed && beforeText)) {
      d.kind = 'title';
      d.reason = 'short line with a comma or colon but no sentence end, standing before an article start: title';
    }
  });
}

// A teaser's trailing ellipsis (…, ……, ...), set before its pointer to another 版.
const TEASER_ELLIPSIS = /\s*(?:…+|\.{3,})\s*$/;
const MAX_TEASER = 40;

/**
 * Teasers (导读): one short line pointing to another 版 (苏河湾夜景提升工程完工… 刊3版▶,
 * 吴淞创新城：今年将有18个项目开工 / 详见第3版) is that story's headline, its ellipsis left out,
 * even with a colon or an ellipsis that would make it running text elsewhere.
 */
function markTeasers(drafts: Draft[]): void {
  drafts.forEach((d, i) => {
    const next = drafts[i + 1];
    if (d.kind !== 'body' || d.lead || next?.kind !== 'jump-marker' || next.marker?.direction !== 'to') return;
    const prev = drafts[i - 1];
    if (prev?.row === d.row) return; // the end of a longer line: its text goes on there
    if (prev?.kind === 'body' && !endsSentence(prev.text)) return; // the end of a broken sentence
    const raw = spanRaw(d.span);
    const cut = TEASER_ELLIPSIS.exec(raw);
    const text = squeeze(cut ? raw.slice(0, cut.index) : raw);
    const len = [...text].length;
    if (len < 4 || len > MAX_TEASER || /[。！？!?；;，,、]/.test(text) || quoteBalance(text) !== 0) return;
    const span = (cut ? subSpan(d.span, 0, cut.index) : null) ?? d.span;
    Object.assign(d, { kind: 'title', span, text: spanText(span), content: spanText(span), reason: 'one short line pointing to another 版: a teaser\'s headline' });
  });
}

/** Captions: the text right before a photo credit (on its line or on the next line). */
function markCaptions(drafts: Draft[]): void {
  drafts.forEach((d, i) => {
    const next = drafts[i + 1];
    if (!isBodyLike(d) || next?.kind !== 'photo-credit' || d.lead) return;
    // A credit on its own line names the photo whose caption is the line above; a body paragraph
    // longer than a caption is left alone.
    if ([...d.text].length > 160) return;
    // 图片新闻: finished sentences right under a headline, with only the credit after them, are
    // the item's text (its only body), not the caption of a photo inside another article.
    const prev = drafts[i - 1];
    const after = drafts[i + 2];
    if (prev?.kind === 'title' && endsSentence(d.text) && (after === undefined || after.kind === 'title' || after.kind === 'masthead' || after.kind === 'furniture')) return;
    d.kind = 'caption';
    d.reason = next.row === d.row ? 'text followed by a photo credit on the same line: caption' : 'line above a photo credit: caption';
  });
}

/** Bare-name bylines (宗河): a surname+name line next to a title stack or a lead. */
function markBareNames(drafts: Draft[]): void {
  drafts.forEach((d, i) => {
    // One name, or two or three set apart by spaces (沈燕丽 孟菲俊), one of them of three characters
    // at least (two-character pairs such as 金山 银山 are slogans as often as names).
    const names = d.text.trim().split(/\s+/);
    if (d.kind !== 'title' || names.length > 3 || !names.every(looksLikeBareName)) return;
    if (names.length > 1 && !names.some((n) => [...n].length >= 3)) return;
    const prev = drafts[i - 1];
    // Promo lines and the page's furniture after the name do not follow the article.
    let n = i + 1;
    while (drafts[n]?.kind === 'furniture') n++;
    const next = drafts[n];
    const besideTitle = prev?.kind === 'title';
    const beforeBody = next?.kind === 'body';
    const afterBody = prev?.kind === 'body' && (next === undefined || next.kind === 'title');
    if (besideTitle || beforeBody || afterBody) {
      d.kind = 'byline';
      d.names = names;
      d.reason = 'bare personal names on their own line (surname + given name): byline';
    }
  });
}

/** Splits drafts whose title line merges two titles (factual + thematic) into their roles. */
function splitMergedTitles(drafts: Draft[]): Array<Draft & { fixed?: FixedRole }> {
  const out: Array<Draft & { fixed?: FixedRole }> = [];
  for (const d of drafts) {
    const split = d.kind === 'title' ? mergedTitleSplit(spanRaw(d.span)) : null;
    const upper = split ? subSpan(d.span, 0, split.at) : null;
    const lower = split ? subSpan(d.span, split.at, d.span.end - d.span.start) : null;
    if (split && upper && lower) {
      out.push({ ...draft(upper, d.row, 'title', d.reason), fixed: split.upper });
      out.push({ ...draft(lower, d.row, 'title', d.reason), fixed: split.lower });
    } else out.push(d);
  }
  return out;
}

/**
 * True when the text above a title is only an untitled article's 本报讯 lead (possibly broken
 * across blocks: 本报讯 4月 / 26日，…): the title is that article's headline, printed after its
 * first paragraph, not a subhead.
 */
function afterLoneLead(drafts: Draft[], at: number): boolean {
  // A headline names its subject first (汽车城峰会聚焦… over a lead about 汽车城), and the lead
  // names it too; a subhead opens with its verb or slogan (为…注入新动力, 召开楼组会).
  const title = [...squeeze(drafts[at]?.text ?? '')].filter(isHan);
  const subject = title.slice(0, 2).join('');
  if (subject.length < 2) return false;
  let lead = '';
  let k = at - 1;
  let blocks = 0;
  for (; k >= 0; k--) {
    const d = drafts[k];
    if (!d) return false;
    if (d.kind === 'caption' || d.kind === 'photo-credit') continue;
    if (d.kind !== 'body') return false;
    // Only the last block may end the sentence: earlier ones are pieces of the same paragraph.
    if (blocks > 0 && endsSentence(d.text)) return false;
    blocks++;
    lead = d.text + lead;
    if (d.lead) break;
  }
  if (k < 0 || !squeeze(lead).includes(subject)) return false;
  for (k--; k >= 0; k--) {
    const d = drafts[k];
    if (!d || d.kind === 'caption' || d.kind === 'photo-credit') continue;
    // Stacks above are resolved already: any title role means the lead has its own title.
    return !['title', 'kicker', 'headline', 'subheadline', 'section'].includes(d.kind);
  }
  return true;
}

/**
 * True when a 本报讯 lead comes right after the title (past at most one other block: a stray
 * fragment printed under the title): the title is that lead's headline, not a subhead.
 */
function leadFollows(drafts: Draft[], from: number): boolean {
  let bodies = 0;
  for (let k = from; k < drafts.length && bodies < 2; k++) {
    const d = drafts[k];
    if (!d || d.kind === 'title') return false;
    if (d.kind !== 'body') continue;
    if (d.lead) return true;
    bodies++;
  }
  return false;
}

/** A lone title line inside running text is an intertitle (小标题), not a new article. */
function isIntertitle(prev: Draft | undefined, only: Draft, next: Draft | undefined, inFeature: boolean): boolean {
  if (!prev || !next || prev.kind !== 'body' || next.kind !== 'body' || next.lead) return false;
  if ([...squeeze(only.text)].length > 24) return false;
  // A news title (someone held/met/launched…) over a paragraph opening like a lead (近日，/ 5月3日，)
  // starts a new article even without 本报讯. A subheading that opens with the verb (召开楼组会
  // 议出新规矩, 启动“微基金”…) names no agent: that is a feature's step, not a news report.
  if (reportsEvent(only.text) || NEWS_OPENING.test(squeeze(next.text))) return false;
  // In a feature that already has subheads, the text above may stop mid-sentence: its column
  // went on elsewhere on the page, and the subhead still divides the same article.
  return endsSentence(prev.text) || inFeature;
}

// Nouns that name a newspaper column (栏目): 论坛, 短评, 简讯, 动态, 速递, 观察…
const COLUMN_NOUN = /(?:导读|提要|要闻|目录|论坛|短评|时评|快评|热评|锐评|微评|评论|言论|杂谈|漫谈|随笔|新语|简讯|快讯|速递|动态|观察|视点|视角|聚焦|专栏|一线|广角|扫描|纵横|茶座|之窗|来信|信箱|资讯|图说)$/;

/** True when a title line is a column name: a few Han characters ending in a column noun. */
function isColumnBanner(text: string): boolean {
  const t = squeeze(text);
  const chars = [...t];
  return chars.length >= 2 && chars.length <= 6 && chars.every(isHan) && COLUMN_NOUN.test(t);
}

// Longest page or column name printed as a bare word over a title stack (体育, 贤园, 社区新闻).
const MAX_PAGE_NAME = 4;

/**
 * True when a title line over another title line is a page or column name: a bare word of a few
 * Han characters, shorter than any kicker (a 引题 is a phrase), and no headline over a ——subheadline.
 */
function isPageName(text: string, below: string): boolean {
  const chars = [...text.trim()];
  return chars.length >= 2 && chars.length <= MAX_PAGE_NAME && chars.every(isHan) && !/^\s*[—－]/.test(below);
}

// A campaign's call over a title stack: 学习贯彻…, 庆祝…, 喜迎…, 奋力…, 决胜….
const CAMPAIGN_START = /^(?:奋力|学习贯彻|学习宣传|深入学习|庆祝|喜迎|决胜|迎接|献礼|奋进|践行|弘扬|牢记|砥砺)/;
const MAX_CAMPAIGN = 16;

/** True when a title line is a campaign banner: a short call opening with a campaign verb. */
function isCampaignBanner(text: string): boolean {
  const t = squeeze(text);
  return CAMPAIGN_START.test(t) && [...t].length <= MAX_CAMPAIGN && !SENTENCE_PUNCT.test(t);
}

/** Resolves each run of title drafts into section / kicker / headline / subheadline / intertitle. */
function resolveTitles(drafts: Array<Draft & { fixed?: FixedRole }>): void {
  let group = 0;
  // The article being read already has subheads (a feature): its text runs on past photos.
  let inFeature = false;
  for (let i = 0; i < drafts.length; ) {
    if (drafts[i]?.kind !== 'title') { i++; continue; }
    let j = i;
    while (drafts[j]?.kind === 'title') j++;
    const stack = drafts.slice(i, j);
    // A photo (caption + credit) set between a feature's paragraphs does not end it: look past it.
    let p = i - 1;
    while (inFeature && p > 0 && (drafts[p]?.kind === 'caption' || drafts[p]?.kind === 'photo-credit')) p--;
    const prev = drafts[p];
    const next = drafts[j];
    group++;
    if (next?.kind === 'brief') {
      for (const d of stack) Object.assign(d, { kind: 'section', reason: 'title line over bulleted briefs: section banner', group });
    } else if (stack.length === 1 && stack[0] && !stack[0].fixed && isIntertitle(prev, stack[0], next, inFeature) && !afterLoneLead(drafts, i) && !leadFollows(drafts, j)) {
      Object.assign(stack[0], { kind: 'intertitle', reason: 'short title line between paragraphs of running text: intertitle', group });
      inFeature = true;
    } else {
      inFeature = false;
      // A column name on top of a title stack (宝山论坛, 短评, 街镇动态) is the section banner the
      // article sits under, not its kicker.
      let top = 0;
      // So is a campaign slogan (学习贯彻…精神, 庆祝…周年) over a stack of three lines; 聚焦… is read
      // either way by the held-out pages' writers and stays a kicker.
      while (top < stack.length - 1 && !stack[top]?.fixed && (isColumnBanner(stack[top]?.text ?? '') || isPageName(stack[top]?.text ?? '', stack[top + 1]?.text ?? '') || (stack.length - top >= 3 && isCampaignBanner(stack[top]?.text ?? '')))) {
        Object.assign(stack[top] as Draft, { kind: 'section', reason: 'column name over a title stack: section banner', group });
        top++;
      }
      // A wrapped title's lines take one role together.
      const lines: Array<Array<Draft & { fixed?: FixedRole }>> = [];
      for (const d of stack.slice(top)) {
        const last = lines[lines.length - 1];
        if (d.wraps && last && !d.fixed) last.push(d);
        else lines.push([d]);
      }
      const roles = assignTitleRoles(lines.map((l) => ({ text: l.map((d) => d.content).join(''), ...(l[0]?.fixed ? { fixed: l[0].fixed } : {}) })));
      lines.forEach((l, k) => {
        const role = roles[k];
        for (const d of l) if (role) Object.assign(d, { kind: role.role, reason: d.wraps ? d.reason : role.reason, group });
      });
    }
    i = j;
  }
}

/**
 * A lead opener broken by a column (本报 / 讯 8月12日，…): the first piece opens the lead; the
 * second is its continuation, not a block of its own.
 */
function markBrokenLeads(drafts: Draft[]): void {
  drafts.forEach((d, i) => {
    const t = squeeze(d.text);
    if ((d.kind !== 'body' && d.kind !== 'title') || d.lead || !['本', '本报'].includes(t)) return;
    let k = i + 1;
    while (drafts[k] && drafts[k]?.kind !== 'body' && drafts[k]?.kind !== 'title') k++;
    const next = drafts[k];
    if (!next || !squeeze(next.text).startsWith('本报讯'.slice(t.length))) return;
    Object.assign(d, { kind: 'body', lead: true, reason: 'opens a news lead broken across blocks (本报|讯)' });
    Object.assign(next, { kind: 'body', reason: 'rest of a news lead opener broken across blocks (本报|讯)' });
  });
}

/**
 * Marks title lines that go on from the title line above them: one title wrapped over two lines
 * (南大智慧城核心区 / 首批12家企业集中入驻; 总产值同比增 / 长7.2%). The evidence: the two read as
 * one phrase in the page's own text (a lead repeats its headline), or a word is cut at the wrap.
 */
function markWrappedTitles(drafts: Draft[], lexicon: Lexicon | null): void {
  const text = squeeze(drafts.filter((d) => d.kind === 'body').map((d) => d.text).join(''));
  const plain = (t: string): boolean => !/\s/.test(t.trim()) && !/^[—－]/.test(t.trim()) && !BRIEF_BULLET.test(t.trim());
  drafts.forEach((d, i) => {
    const above = drafts[i - 1];
    if (d.kind !== 'title' || above?.kind !== 'title' || above.wraps || !plain(d.text) || !plain(above.text)) return;
    const joined = squeeze(above.text + d.text);
    const repeated = [...joined].length >= MIN_WRAPPED && text.includes(joined);
    const word = !repeated && [...squeeze(d.text)].length <= MAX_WRAP_TAIL ? lexicon?.(above.text, d.text) : null;
    if (!repeated && !(word && word.gain >= WRAP_GAIN)) return;
    Object.assign(d, { wraps: true, reason: repeated ? 'title line going on from the line above: the two read as one phrase in the page\'s text' : `title line going on from the line above: the word "${word?.word}" is cut at the wrap` });
  });
}

/** Classifies a page's lines into units (blocks with context), in source order. */
export function classify(lines: Span[], papers: Paper[], lexicon: Lexicon | null = jiebaLexicon): Unit[] {
  const drafts = lines.flatMap((span, row) => splitLine(span, row, papers));
  markBrokenLeads(drafts);
  markMastheadZone(drafts);
  markPunctuatedTitles(drafts);
  markTeasers(drafts);
  markCaptions(drafts);
  markBareNames(drafts);
  markWrappedTitles(drafts, lexicon);
  const split = splitMergedTitles(drafts);
  resolveTitles(split);
  return split.map(({ fixed: _fixed, ...d }) => {
    const unit = { ...d, kind: d.kind === 'title' ? 'headline' : d.kind } as Unit;
    if (unit.kind === 'body' && unit.lead) {
      const names = leadBylineNames(unit.text);
      if (names.length > 0) unit.names = names;
    }
    return unit;
  });
}
