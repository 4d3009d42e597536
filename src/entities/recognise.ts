/**
 * Finds the people, places and organisations named in a text, with rules over jieba's tagged
 * segmentation (src/entities/tagger.ts) and a small lexicon (the paper registry's district and
 * places, the article's bylines):
 *
 *   person  a title, then a name          区委书记|谢某某   副区长 王某   记者 张某
 *           a name, then a speech verb    王某某|表示        李某|说
 *           a name listed after a person  谢某某、|薛某
 *   place   a name ending in a place word 控江路|街道   长阳创谷|园区   杨浦区
 *   org     a name ending in an org word  杨浦区|中心医院  区委|宣传部  复旦大学
 *
 * Names recognised once are found again wherever the text repeats them. Overlapping candidates
 * are resolved longest first, so 控江路街道 is one place, 杨浦区教育局 one organisation.
 */
import { dictionaryFrequency, tagText, type Token } from './tagger.js';
import { COMMON_NS, GENERIC_PREFIXES, ORG_SUFFIXES, PERSON_CUES, PLACE_SUFFIXES, SURNAMES, TITLES } from './words.js';

export type EntityKind = 'person' | 'place' | 'org';

/** One name in the text: [start, end) in UTF-16 code units. */
export interface Mention {
  start: number;
  end: number;
  text: string;
  kind: EntityKind;
}

/** Names known before reading the text: the paper's district and places, the article's bylines. */
export interface Known {
  places?: readonly string[];
  people?: readonly string[];
}

interface Candidate extends Mention {
  /** Lexicon and rule candidates win over the dictionary's bare tags when they are equally long. */
  rank: number;
}

// Tags of words that can be (part of) a proper name: place, person, organisation, other proper
// noun, abbreviation, and `x`, which the HMM gives names the dictionary lacks.
const PROPER = new Set(['ns', 'nr', 'nrt', 'nrfg', 'nt', 'nz', 'j', 'x']);
const PERSON_TAGS = new Set(['nr', 'nrt', 'nrfg', 'x']);
// What an organisation's name may be built of besides proper nouns: 区委|宣传部, 社区|卫生|服务中心.
const ORG_PARTS = new Set([...PROPER, 'n', 'an', 'b', 'eng']);
// Company names also take verbal nouns: 城市|建设|投资|（集团）有限公司; elsewhere they are the sentence's verbs (调研, 建设).
const COMPANY = /(公司|集团)$/u;
const HAN_ONLY = /^\p{Script=Han}+$/u;
const SPACE = /^\s+$/u;
// Administrative units close a place: 上海市|杨浦区|控江路 are three places, not one.
const ADMIN_END = /[省市县区]$/u;
// Suffixes that may stand as a word of their own after a name (控江路|街道); shorter ones only end a word (浦东新区).
const BARE_PLACE = new Set(['街道', '新区', '社区', '园区', '新村', '开发区', '小区', '公园', '广场', '大桥', '码头', '镇', '乡', '村', '路', '街', '弄', '区', '县', '市', '省']);
const BARE_ORG = new Set(ORG_SUFFIXES.filter((s) => s.length >= 2 || '局委办部厅'.includes(s)));
const SUFFIXES: Array<{ suffix: string; kind: 'place' | 'org' }> = [
  ...PLACE_SUFFIXES.map((suffix) => ({ suffix, kind: 'place' as const })),
  ...ORG_SUFFIXES.map((suffix) => ({ suffix, kind: 'org' as const })),
].sort((a, b) => b.suffix.length - a.suffix.length);
const MAX_LENGTH = { place: 10, org: 20 } as const;
// Dictionary words tagged as places or organisations are trusted alone only when this common.
const TRUSTED_FREQUENCY = 20;

/** The people, places and organisations `text` names, in text order, never overlapping. */
export function recognise(text: string, known: Known = {}, tokens: Token[] = tagText(text)): Mention[] {
  const candidates: Candidate[] = [
    ...lexiconMentions(text, known),
    ...suffixedNames(tokens),
    ...titledPeople(text, tokens),
    ...dictionaryNames(tokens),
  ];
  const chosen = resolve(candidates);
  // People listed after a person (谢某某、薛某) and every repetition of a recognised name.
  const people = listedPeople(text, tokens, chosen);
  return resolve([...chosen, ...people, ...repeats(text, [...chosen, ...people])]).map(({ start, end, text: t, kind }) => ({ start, end, text: t, kind }));
}

/** Longest candidates first, then the better-ranked, then the earlier; overlaps are dropped. */
function resolve(candidates: Candidate[]): Candidate[] {
  const sorted = [...candidates].sort((a, b) => b.end - b.start - (a.end - a.start) || a.rank - b.rank || a.start - b.start);
  const taken: Candidate[] = [];
  for (const c of sorted) if (!taken.some((t) => c.start < t.end && t.start < c.end)) taken.push(c);
  return taken.sort((a, b) => a.start - b.start);
}

function candidate(text: string, start: number, end: number, kind: EntityKind, rank: number): Candidate {
  return { start, end, text: text.slice(start, end), kind, rank };
}

function occurrences(text: string, name: string): number[] {
  const at: number[] = [];
  for (let i = text.indexOf(name); i >= 0 && name.length > 0; i = text.indexOf(name, i + name.length)) at.push(i);
  return at;
}

function lexiconMentions(text: string, known: Known): Candidate[] {
  const out: Candidate[] = [];
  for (const name of known.places ?? []) for (const i of occurrences(text, name)) out.push(candidate(text, i, i + name.length, 'place', 0));
  for (const name of known.people ?? []) for (const i of occurrences(text, name)) out.push(candidate(text, i, i + name.length, 'person', 0));
  return out;
}

function repeats(text: string, found: Candidate[]): Candidate[] {
  const names = new Map(found.map((c) => [c.text, c.kind]));
  return [...names].flatMap(([name, kind]) => occurrences(text, name).map((i) => candidate(text, i, i + name.length, kind, 3)));
}

/** The suffix ending `token`, and whether the token names something by itself (控江路) or needs a name before it (街道). */
function closing(token: Token): { kind: 'place' | 'org'; alone: boolean } | null {
  // 区委常委, 党工委书记: a title, not an organisation.
  if (!HAN_ONLY.test(token.word) || TITLES.some((t) => token.word.endsWith(t))) return null;
  for (const { suffix, kind } of SUFFIXES) {
    if (!token.word.endsWith(suffix)) continue;
    if (token.word === suffix) return (kind === 'place' ? BARE_PLACE : BARE_ORG).has(suffix) ? { kind, alone: false } : null;
    const head = token.word.slice(0, -suffix.length);
    if (COMMON_NS.has(token.word)) return null;
    // The HMM's unknown words ending in one character (开新局) are as often phrases as names.
    if (PROPER.has(token.tag)) return { kind, alone: !GENERIC_PREFIXES.has(head) && (token.tag !== 'x' || suffix.length >= 2) };
    // A common word ending in a long suffix (活动中心, 居委会) still closes a name built before it.
    return kind === 'org' && suffix.length >= 2 && ['n', 'vn', 'nz'].includes(token.tag) ? { kind, alone: false } : null;
  }
  return null;
}

/** Can `token` be part of a `kind` name that some later token closes? */
function canExtend(token: Token, kind: 'place' | 'org', closer: string): boolean {
  if (!HAN_ONLY.test(token.word) || TITLES.some((t) => token.word.endsWith(t))) return false;
  if (kind === 'place') return PROPER.has(token.tag) && !ADMIN_END.test(token.word);
  return ORG_PARTS.has(token.tag) || (token.tag === 'vn' && COMPANY.test(closer));
}

/** Names ending in a place or organisation word: 控江路街道, 杨浦区中心医院, 区委宣传部. */
function suffixedNames(tokens: Token[]): Candidate[] {
  const out: Candidate[] = [];
  const text = (from: number, to: number): string => tokens.slice(from, to + 1).map((t) => t.word).join('');
  tokens.forEach((token, i) => {
    const close = closing(token);
    if (!close) return;
    let first = i;
    let length = token.word.length;
    for (let j = i - 1; j >= 0; j--) {
      const t = tokens[j]!;
      // （集团） and the like inside a company name.
      if (close.kind === 'org' && /^[）)]$/u.test(t.word) && /^[（(]$/u.test(tokens[j - 2]?.word ?? '') && HAN_ONLY.test(tokens[j - 1]?.word ?? '')) {
        const inner = tokens[j - 1]!.word.length + 2;
        if (length + inner > MAX_LENGTH.org) break;
        length += inner;
        first = j - 2;
        j -= 2;
        continue;
      }
      if (!canExtend(t, close.kind, token.word) || length + t.word.length > MAX_LENGTH[close.kind]) break;
      length += t.word.length;
      first = j;
    }
    // Generic words do not start a name: 全区|各街道, 该校.
    while (first < i && (GENERIC_PREFIXES.has(tokens[first]!.word) || !HAN_ONLY.test(tokens[first]!.word))) first++;
    if (first === i && !close.alone) return;
    const start = tokens[first]!.start;
    const name = text(first, i);
    if (GENERIC_PREFIXES.has(name.slice(0, 1)) && first === i && name.length <= 2) return;
    out.push({ start, end: token.end, text: name, kind: close.kind, rank: 1 });
  });
  return out;
}

/** A personal name starting at token `i` (one word, or a surname and a given name cut apart), or null. */
function nameAt(tokens: Token[], i: number): { start: number; end: number; last: number } | null {
  const t = tokens[i];
  if (!t || !HAN_ONLY.test(t.word)) return null;
  const surnameLength = SURNAMES.has(t.word.slice(0, 2)) && t.word.length >= 3 ? 2 : SURNAMES.has(t.word.slice(0, 1)) ? 1 : 0;
  if (surnameLength === 0) return null;
  if (t.word.length >= 2 && t.word.length <= surnameLength + 2 && PERSON_TAGS.has(t.tag)) return { start: t.start, end: t.end, last: i };
  // 王 | 晓明: a surname cut from an unknown given name.
  const next = tokens[i + 1];
  if (t.word.length === surnameLength && next && HAN_ONLY.test(next.word) && next.word.length <= 2 && PERSON_TAGS.has(next.tag)) {
    return { start: t.start, end: next.end, last: i + 1 };
  }
  return null;
}

function nextWord(tokens: Token[], i: number): number {
  let j = i;
  while (tokens[j] && SPACE.test(tokens[j]!.word)) j++;
  return j;
}

/** A title then a name (区委书记谢某某, 记者 张某), and a name then a speech verb (王某表示). */
function titledPeople(text: string, tokens: Token[]): Candidate[] {
  const out: Candidate[] = [];
  tokens.forEach((token, i) => {
    if (TITLES.some((title) => token.word.endsWith(title))) {
      const name = nameAt(tokens, nextWord(tokens, i + 1));
      if (name) out.push(candidate(text, name.start, name.end, 'person', 1));
    }
    const name = nameAt(tokens, i);
    if (name) {
      const after = tokens[nextWord(tokens, name.last + 1)];
      if (after && PERSON_CUES.some((cue) => after.word.startsWith(cue))) out.push(candidate(text, name.start, name.end, 'person', 1));
    }
  });
  return out;
}

/** People listed after a recognised person: 谢某某、薛某、邵某. */
function listedPeople(text: string, tokens: Token[], chosen: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  const personEnds = new Set(chosen.filter((c) => c.kind === 'person').map((c) => c.end));
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!personEnds.has(t.start) || (t.word !== '、' && t.word !== '，' && t.word !== ',')) continue;
    const name = nameAt(tokens, i + 1);
    if (!name) continue;
    out.push(candidate(text, name.start, name.end, 'person', 2));
    personEnds.add(name.end);
  }
  return out;
}

/** Dictionary words tagged as places or organisations, when common enough to trust: 上海, 复旦大学, 新华社. */
function dictionaryNames(tokens: Token[]): Candidate[] {
  const out: Candidate[] = [];
  for (const t of tokens) {
    if (!HAN_ONLY.test(t.word) || t.word.length < 2) continue;
    const kind = t.tag === 'ns' ? 'place' : t.tag === 'nt' && t.word.length >= 3 ? 'org' : null;
    if (!kind || COMMON_NS.has(t.word) || dictionaryFrequency(t.word) < TRUSTED_FREQUENCY) continue;
    // 党代会, 音乐会: meetings, unless the word ends as an organisation does (委员会, 协会).
    if (kind === 'org' && t.word.endsWith('会') && !ORG_SUFFIXES.some((s) => s.endsWith('会') && t.word.endsWith(s))) continue;
    out.push({ start: t.start, end: t.end, text: t.word, kind, rank: 2 });
  }
  return out;
}
