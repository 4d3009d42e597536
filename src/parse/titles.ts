/**
 * Title blocks: which stacked title line is the display headline, which the kicker (引题,
 * above) and which the subheadline (副题, below). The convention: the short thematic/slogan
 * line is the headline; a line above it is the kicker, a line below it the subheadline; a long
 * line merging a factual part and a thematic part (split by a space) is split the same way.
 */
import { hanCount, squeeze } from './text.js';

export type TitleRole = 'section' | 'kicker' | 'headline' | 'subheadline';

// Verbs of a factual (news) title: someone held/met/launched something.
export const FACTUAL_VERB = /举行|召开|举办|会见|会晤|启动|开展|签署|签订|部署|主持|出席|参加|到访|开工|开幕|闭幕|调研|视察|走访|考察|发布|成立|揭牌|签约|颁奖|表彰|慰问|座谈|召集|通报|审议|获评|入选/;
// Titles that open with an actor (区…, 市…, 本区, 虹桥街道…, 廊下镇…) are factual.
const ACTOR_START = /^(?:区|市|本区|我区|全区|本市|[\u4e00-\u9fa5]{1,5}(?:街道|镇|新区|区委|区政府))(?![\u4e00-\u9fa5]*[”’」])/;
// A short quoted catchphrase (“家门口”, “快进键”) marks a thematic display line.
const CATCHPHRASE = /“[^”]{1,8}”/;

// An agenda line "传达学习/学习贯彻 … 精神": party papers print it as the 引题 over the factual
// headline of the meeting (seed 004: 传达学习…精神 over 区委常委会举行会议).
const STUDY_AGENDA = /^(?:传达|学习|贯彻|深入|认真)[^\s]{0,40}精神$/;

/** Length of a title in characters, ignoring spaces. */
function titleLength(text: string): number {
  return [...squeeze(text)].length;
}

/** How much a title line reads as a thematic/slogan display headline (higher = more so). */
export function sloganScore(text: string): number {
  const t = text.trim();
  if (t.startsWith('——') || t.startsWith('—')) return -100; // a —— line is always a subheadline
  let score = 0;
  const parts = t.split(/\s+/).filter(Boolean);
  // Two or more parallel phrases set with a space (增进友谊 共赢发展) are the slogan pattern.
  if (parts.length >= 2 && parts.every((p) => hanCount(p) >= 2)) score += 2;
  if (STUDY_AGENDA.test(t)) score -= 3;
  if (FACTUAL_VERB.test(t)) score -= 1.5;
  if (ACTOR_START.test(t)) score -= 0.5;
  if (CATCHPHRASE.test(t)) score += 0.5;
  if (/[0-9０-９]/.test(t)) score -= 1;
  const len = titleLength(t);
  if (len > 16) score -= (len - 16) / 4;
  return score;
}

/** Where a long merged title line splits into factual kicker + thematic headline, or null. */
export function mergedTitleSplit(text: string): number | null {
  const t = text.trim();
  if (titleLength(t) < 36) return null;
  // Parts separated by spaces, with their start offsets.
  const parts: Array<{ text: string; index: number }> = [];
  const re = /\S+/g;
  for (let m = re.exec(t); m; m = re.exec(t)) parts.push({ text: m[0], index: m.index });
  if (parts.length < 2) return null;
  // The headline is the longest tail of digit-free phrases that still reads as a display line.
  let first = parts.length;
  let len = 0;
  for (let i = parts.length - 1; i >= 1; i--) {
    const part = parts[i];
    if (!part || /[0-9０-９]/.test(part.text) || len + part.text.length > 24) break;
    len += part.text.length;
    first = i;
  }
  if (first === parts.length) return null;
  const kickerLength = titleLength(t.slice(0, parts[first]?.index ?? 0));
  // The factual kicker is the longer part; otherwise this is one long headline, not two.
  if (kickerLength < len) return null;
  return parts[first]?.index ?? null;
}

/** One title unit with the role it gets. */
export interface TitleUnit {
  text: string;
  role: TitleRole;
  reason: string;
}

/**
 * Roles for the lines of a title stack (top to bottom). `fixed` holds units already split from
 * a merged line: [kicker, headline] pairs keep their roles.
 */
export function assignTitleRoles(lines: Array<{ text: string; fixed?: 'kicker' | 'headline' }>): TitleUnit[] {
  const fixedHeadline = lines.findIndex((l) => l.fixed === 'headline');
  if (fixedHeadline >= 0) {
    return lines.map((l, i) => {
      if (l.fixed) return { text: l.text, role: l.fixed, reason: `${l.fixed} split from a merged title line: factual part above, thematic part as display headline` };
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
