/**
 * Title blocks: which stacked title line is the display headline, which the kicker (引题,
 * above) and which the subheadline (副题, below). The convention: the short thematic/slogan
 * line is the headline; a line above it is the kicker, a line below it the subheadline; a long
 * line merging a factual part and a thematic part (split by a space) is split the same way.
 */
import { hanCount, squeeze } from './text.js';

export type TitleRole = 'section' | 'kicker' | 'headline' | 'subheadline';

// Verbs of a factual (news) title: someone held/met/launched something.
export const FACTUAL_VERB = /举行|召开|举办|会见|会晤|启动|开展|签署|签订|部署|主持|出席|参加|到访|开工|开幕|闭幕|落幕|调研|视察|走访|考察|发布|成立|揭牌|授牌|签约|颁奖|表彰|慰问|看望|座谈|召集|通报|审议|商议|获评|入选|完成|启用|投用|通车|竣工|开业|建成|上线|推出|开通|揭晓|正式开放/;
// Titles that open with an actor (区…, 市…, 本区, 虹桥街道…, 廊下镇…) are factual.
const ACTOR_START = /^(?:区|市|本区|我区|全区|本市|[\u4e00-\u9fa5]{1,5}(?:街道|镇|新区|区委|区政府))(?![\u4e00-\u9fa5]*[”’」])/;
// A short quoted catchphrase (“家门口”, “快进键”) marks a thematic display line.
const CATCHPHRASE = /“[^”]{1,8}”/;

// An agenda line "传达学习/学习贯彻 … 精神/思想": party papers print it as the 引题 over the
// factual headline of the meeting (seed 004: 传达学习…精神 over 区委常委会举行会议), also when a
// slogan phrase follows it (深入学习贯彻…思想 推动…).
const STUDY_AGENDA = /^(?:传达|学习|贯彻|深入|认真)[^\s]{0,40}(?:精神|思想|理论|讲话|指示|论述)$|^(?:听取|审议|听取和审议)[^\s]{2,40}(?:报告|情况)$/;

/** Length of a title in characters, ignoring spaces. */
function titleLength(text: string): number {
  return [...squeeze(text)].length;
}

// Verbs that open a slogan or call to action (坚守初心, 推进…, 助力…, 打造…): display lines.
const SLOGAN_VERB = /^(?:坚守|坚持|推进|推动|助力|打造|守护|奋力|聚力|凝心|凝聚|汇聚|擦亮|做强|做优|做足|跑出|激活|厚植|筑牢|勇当|争当|共建|共享|共绘|携手|赋能|点亮|扮靓|绘就|书写|奏响|唱响|让|为)/;
// A title ending in the event itself (…推进会召开, …大赛启动, …正式开业): a factual report.
const EVENT_END = /(?:举行|召开|举办|启动|开幕|闭幕|开工|开业|揭牌|成立|签约|签署|发布|落幕|启用|开通|竣工)$/;

/**
 * True when a title phrase reports an event: an agent before an event verb (区委常委会举行会议),
 * or numbers (65家基层党组织在线收看). A phrase opening with the verb (召开楼组会) has no agent.
 */
export function reportsEvent(text: string): boolean {
  const t = squeeze(text);
  if (/[0-9０-９]/.test(t)) return true;
  // A verb inside quotes names something (“永不落幕”的花博会): it reports no event.
  const m = FACTUAL_VERB.exec(t.replace(/“[^”]*”/g, (q) => '“'.padEnd(q.length - 1, '·') + '”'));
  return m !== null && m.index >= 2;
}

/** How much a title line reads as a thematic/slogan display headline (higher = more so). */
export function sloganScore(text: string): number {
  const t = text.trim();
  if (t.startsWith('——') || t.startsWith('—')) return -100; // a —— line is always a subheadline
  let score = 0;
  const parts = t.split(/\s+/).filter(Boolean);
  // Two or more parallel phrases set with a space (增进友谊 共赢发展) are the slogan pattern;
  // phrases of (nearly) equal length are the couplet form and read even more so.
  if (parts.length >= 2 && parts.every((p) => hanCount(p) >= 2)) {
    score += 2;
    const lengths = parts.map(titleLength);
    if (Math.max(...lengths) - Math.min(...lengths) <= 2) score += 0.5;
  }
  if (STUDY_AGENDA.test(parts[0] ?? t)) score -= 3;
  // An agent doing an event (区委举行…) is news; a verb that opens the line (调研走访解民忧) is
  // a call to action and weighs less.
  const verb = FACTUAL_VERB.exec(squeeze(t));
  if (verb) score -= verb.index >= 2 ? 1.5 : 0.5;
  if (EVENT_END.test(squeeze(t))) score -= 0.5;
  if (ACTOR_START.test(t)) score -= 0.5;
  if (SLOGAN_VERB.test(t)) score += 0.5;
  if (CATCHPHRASE.test(t)) score += 0.5;
  if (/[0-9０-９]/.test(t)) score -= 1;
  const len = titleLength(t);
  if (len > 16) score -= (len - 16) / 4;
  return score;
}

/** A merged title line split in two: where the second part starts and the roles of both. */
export interface TitleSplit {
  at: number;
  upper: 'kicker' | 'headline';
  lower: 'headline' | 'subheadline';
}

// An amount in Chinese numerals with its unit (总投资超百亿元, 新增三千个岗位).
// Money needs its 元; a count needs a numeral before 百/千/万 (守护万家平安 counts nothing).
const CHINESE_AMOUNT = /[一二三四五六七八九十两百千万亿]+余?元|[一二三四五六七八九十两]+[百千万亿]+余?(?:个|家|名|户|项|座|所|场|次|人)/;
// Longest thematic part of a merged line (longer text is the factual report).
const MAX_THEMATIC = 24;
// Shortest factual part of a merged line: a report names an agent and an event.
const MIN_FACTUAL = 8;

/**
 * Where a title line printed as one merges two titles, or null. Each side must read
 * differently: a factual report (agent + event verb, numbers) against a thematic display part
 * (no event, no numbers). Factual part first: kicker + headline (杨浦时报: 区政府与…签署…协议
 * 校地携手共绘创新蓝图); a couplet slogan first: headline + subheadline; an agenda line
 * (传达学习…精神) first: kicker over the meeting headline. Otherwise the line is one headline.
 */
export function mergedTitleSplit(text: string): TitleSplit | null {
  const t = text.trim();
  // A line opening with —— is one subheadline, whatever spaces it holds (——总投资逾150亿元 打造…).
  if (/^[—－]/.test(t)) return null;
  // A headline with its ——subheadline set after a space (外滩“第二立面”焕新 ——黄浦区推进…): the
  // dash opens the subheadline, wherever the line is set; the dash and what follows stay verbatim.
  const dash = /\s+(?=[—－]{1,2}\s*[^\s—－])/.exec(t);
  if (dash && hanCount(t.slice(0, dash.index)) >= 2 && hanCount(t.slice(dash.index)) >= 2) {
    return { at: dash.index + dash[0].length, upper: 'headline', lower: 'subheadline' };
  }
  const parts: Array<{ text: string; index: number }> = [];
  const re = /\S+/g;
  for (let m = re.exec(t); m; m = re.exec(t)) parts.push({ text: m[0], index: m.index });
  if (parts.length < 2 || parts.some((p) => hanCount(p.text) < 2)) return null;
  // An amount in Chinese numerals (总投资超百亿元) is a fact of the report, not part of a slogan.
  const thematic = (p: { text: string }): boolean => !reportsEvent(p.text) && !FACTUAL_VERB.test(p.text) && !STUDY_AGENDA.test(p.text) && !CHINESE_AMOUNT.test(p.text);
  const lengthOf = (from: number, to: number): number => parts.slice(from, to).reduce((n, p) => n + titleLength(p.text), 0);
  const startOf = (i: number): number => parts[i]?.index ?? 0;
  // Agenda line + meeting headline (传达学习…精神 区委常委会举行会议).
  if (parts.length === 2 && STUDY_AGENDA.test(parts[0]?.text ?? '') && reportsEvent(parts[1]?.text ?? '')) {
    return { at: startOf(1), upper: 'kicker', lower: 'headline' };
  }
  // Factual part first: the thematic tail is the longest run of thematic phrases at the end.
  let first = parts.length;
  while (first > 1 && thematic(parts[first - 1] ?? { text: '' }) && lengthOf(first - 1, parts.length) <= MAX_THEMATIC) first--;
  // The factual part is a whole report (agent + event: 8 characters at least); the thematic tail
  // may be longer than it (副区长…调研 用心用情做好群众工作 让居民早日住上新房).
  if (first < parts.length && parts.slice(0, first).some((p) => reportsEvent(p.text)) && lengthOf(0, first) >= MIN_FACTUAL) {
    return { at: startOf(first), upper: 'kicker', lower: 'headline' };
  }
  // Couplet slogan first (凝心聚力 奋楫争先 区委理论学习中心组举行专题学习会): headline + subheadline.
  let last = 0;
  while (last < parts.length - 1 && thematic(parts[last] ?? { text: '' })) last++;
  if (last >= 2 && parts.slice(last).every((p) => reportsEvent(p.text)) && sloganScore(t.slice(0, startOf(last))) >= 2) {
    return { at: startOf(last), upper: 'headline', lower: 'subheadline' };
  }
  return null;
}

/** A role already fixed by splitting a merged title line. */
export type FixedRole = 'kicker' | 'headline' | 'subheadline';

/** One title unit with the role it gets. */
export interface TitleUnit {
  text: string;
  role: TitleRole;
  reason: string;
}

/**
 * Roles for the lines of a title stack (top to bottom). `fixed` holds units already split from
 * a merged line: [kicker, headline] and [headline, subheadline] pairs keep their roles.
 */
export function assignTitleRoles(lines: Array<{ text: string; fixed?: FixedRole }>): TitleUnit[] {
  const fixedHeadline = lines.findIndex((l) => l.fixed === 'headline');
  if (fixedHeadline >= 0) {
    return lines.map((l, i) => {
      if (l.fixed) return { text: l.text, role: l.fixed, reason: `${l.fixed} split from a merged title line: the thematic part is the display headline, the other part's place gives its role` };
      // Above a split [headline, subheadline] pair a line is its kicker; above a kicker, a banner.
      const hasKicker = lines.some((x) => x.fixed === 'kicker');
      if (i === fixedHeadline - 1 && !hasKicker) return { text: l.text, role: 'kicker', reason: 'title line above the display headline' };
      if (i < fixedHeadline) return { text: l.text, role: 'section', reason: 'line above a kicker + headline pair: section banner' };
      return { text: l.text, role: 'subheadline', reason: 'title line below the headline' };
    });
  }
  if (lines.length === 1) {
    const only = lines[0]?.text ?? '';
    return [{ text: only, role: 'headline', reason: 'single title line above the article' }];
  }
  if (lines.length === 3) {
    // Three stacked lines are the classic 引题 / 主题 / 副题 triad: the middle one is the headline.
    const [kicker, headline, sub] = lines;
    return [
      { text: kicker?.text ?? '', role: 'kicker', reason: 'top line of a three-line title stack (引题)' },
      { text: headline?.text ?? '', role: 'headline', reason: 'middle line of a three-line title stack (主题)' },
      { text: sub?.text ?? '', role: 'subheadline', reason: 'bottom line of a three-line title stack (副题)' },
    ];
  }
  if (lines.length >= 4) {
    // A title block has three roles at most: lines above a full triad are banners over it.
    const banners = lines.slice(0, lines.length - 3).map((l) => ({ text: l.text, role: 'section' as const, reason: 'line above a three-line title stack: section banner' }));
    return [...banners, ...assignTitleRoles(lines.slice(-3))];
  }
  let best = 0;
  let bestScore = -Infinity;
  lines.forEach((l, i) => {
    const score = sloganScore(l.text);
    const better = score > bestScore || (score === bestScore && titleLength(l.text) < titleLength(lines[best]?.text ?? ''));
    if (better) { best = i; bestScore = score; }
  });
  return lines.map((l, i) => {
    const score = sloganScore(l.text).toFixed(2);
    if (i === best) return { text: l.text, role: 'headline', reason: `most thematic line of the title stack (slogan score ${score})` };
    if (i === best - 1) return { text: l.text, role: 'kicker', reason: `title line above the display headline (slogan score ${score})` };
    if (i < best) return { text: l.text, role: 'section', reason: 'title line above the kicker: section banner' };
    return { text: l.text, role: 'subheadline', reason: l.text.trim().startsWith('—') ? 'title line opening with ——: subheadline' : `title line below the display headline (slogan score ${score})` };
  });
}
