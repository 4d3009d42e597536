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
import { regionNames } from './gazetteer.js';
import { nameIndex, resegment, type NameIndex } from './resegment.js';
import { dictionaryFrequency, dictionaryTag, tagText, type Token } from './tagger.js';
import { ADDRESS_WORDS, COMMON_NS, KIN, FUNCTION_CHARS, GENERIC_PREFIXES, LEVEL_BODIES, LEVELS, MEMBERS, ORG_SUFFIXES, PERSON_CUES, PLACE_KINDS, PLACE_SUFFIXES, SURNAMES, TITLES } from './words.js';

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
// Tags of common words that are also given names (方舟, 高峰, 文静), trusted right after a title.
const NAME_WORD_TAGS = new Set(['n', 'a', 'an', 'nz', 'ns', 'j', 'i', 'l', 'ng', 'ag', 't', 'nt', 'vn']);
// Tags of a single character the HMM leaves after a two-character name.
const SPLIT_NAME_TAGS = new Set(['x', 'nz', 'nr', 'ng', 'nrfg', 'zg', 'g']);
// After a title, a given name may be any word but these (副区长 沈|立新, 委员 陶|建中, 记者 欧阳|倩).
// Adverbs end a name's words even where any open word may be in it (…办事处|将|协调…).
const ADVERB_TAGS = new Set(['d', 'ad']);
const FUNCTION_TAGS = new Set(['p', 'c', 'u', 'uj', 'ul', 'r', 'm', 'mq', 'f', 'q', 'y', 'e', 'o']);
// Words of these tags never end a name: verbs, prepositions, conjunctions, particles, numbers…
const CLOSED_TAGS = new Set(['v', 'p', 'c', 'u', 'uj', 'ul', 'd', 'r', 'm', 'mq', 'f', 'q', 'y', 'zg', 'e', 'o']);
// What an organisation's name may be built of besides proper nouns: 区委|宣传部, 社区|卫生|服务中心, 东方|医院.
const ORG_PARTS = new Set([...PROPER, 'n', 'a', 'an', 'b', 'eng', 'l', 's']);
// Company names also take verbal nouns: 城市|建设|投资|（集团）有限公司; elsewhere they are the sentence's verbs (调研, 建设).
const COMPANY = /(公司|集团)$/u;
const SPACE = /^\s+$/u;
// Administrative units close a place: 上海市|杨浦区|控江路 are three places, not one.
const ADMIN_END = /[省市县区]$/u;
// Suffixes that may stand as a word of their own after a name (控江路|街道); shorter ones only end a word (浦东新区).
const BARE_PLACE = new Set([...PLACE_SUFFIXES.filter((x) => x.length >= 2), ...'镇乡村路街弄区县市省港城河湖塘泾苑坊寺湾']);
// Roads, lanes and towns name what is built or organised after them (欧阳路|街道, 秦皇岛路|码头, 江湾镇|街道);
// areas such as 街道, 社区, 小区 do not (殷行街道|老旧小区 names nothing).
const NAMES_NEXT = /[路街弄镇]$/u;
// Area words after a common word name nothing (居民小区, 周边社区).
const AREAS = new Set(['小区', '社区', '园区', '街区', '新区', '开发区', '街道']);
// Roads and built places are named by any word (大学|路, 长风|公园): before these the name may be a common word.
const ROAD = /^([东南西北中]?路|公路|大道|街|弄|港|河|公园|广场|新村|大桥|码头|体育场|足球场)$/u;
const DIRECTED_ROAD = /^[东南西北中]路$/u;
const ASPECT = /^[了着过]$/u;
// 图为 豫园九曲桥: a caption's lead, glued by the HMM, starts no name.
const CAPTION_LEADS = new Set(['图为', '图中', '上图', '下图', '左图', '右图', '图片']);
// Schools, hospitals and communes are whole before what they hold (奉贤中学|民乐团, 上海海洋大学|图书馆, 七宝公社|九星大队).
const SCHOOLS = /^(大学|学院|中学|小学|学校|幼儿园|医院|公社)$/u;
const STREET_KINDS = /(美食街|步行街|商业街|小吃街|风情街)$/u;
const MEETINGS = /(协商会|座谈会|研讨会|分享会|推进会|交流会|见面会|联谊会|恳谈会)$/u;
const ASSOCIATION = /(协会|学会|联合会|促进会|研究会|商会|俱乐部|救援队|服务队)$/u;
// Posts, which head an association but do not name it (会长, 主任).
const TITLE_POSTS = /(长|主任|书记|主席|委员|经理|总裁|总监)$/u;
// Two-character words ending as a bureau does that are roles, not bureaus.
const ROLE_WORDS = new Set(['评委', '编委', '常委', '主委', '政委', '纪委', '举办', '承办', '主办', '协办', '创办', '开办', '兴办', '申办', '督办', '查办', '代办', '买办', '结局', '格局', '大局', '布局', '出局', '开局', '骗局', '饭局', '当局', '全局', '残局', '邮局', '药局']);
// One-character endings of the HMM's unknown words that make them a town or water (华泾镇, 通波塘).
const WATERS_AND_TOWNS = new Set([...'镇村港河湖塘浦泾']);
// Endings of nouns for kinds of people; and common nouns that end so (卫生, 国家, 大家).
const PERSON_NOUN = /[者员生师家手匠人]$|[^成增生延]长$/u;
// Surnames that are first function words or verbs (和, 查, 常), and verbs the HMM glues to a name.
const WEAK_SURNAMES = new Set([...'和查常包向从将把被给对于及与同在是也都还又就才更最很太不没有无要能会可让叫使请由经过到来去上下中内外前后大小新老全各每多少第时车']);
const GLUED_VERBS = new Set([...'说笑作以称讲问答去来代量列带练给替帮陪']);
// Characters that follow a name as words of their own (张伟|家, 王强|们), never its third character.
const AFTER_NAME_CHARS = new Set([...'家们等一二三也都还又在是的了着过和与及或把被对向从到为将让给跟同说']);
const GIVEN_TAGS = new Set(['n', 'ns', 't', 'a', 'nz', 'j', 'an', 'ng', 'd', 'v']);
// Function words a name is followed by: 与, 和, 的, 也, 在.
const AFTER_NAME_TAGS = new Set(['p', 'c', 'uj', 'd']);
// Common words for groups of people (游客, 群众, 居民), never a name.
const GROUP_NOUN = /[者员生师家手匠人客民友众子部]$/u;
// Tags of words that are never a given name, even alone after a title; numbers may be (万里).
const FUNCTION_TAGS_BUT_NUMBERS = new Set(['p', 'c', 'u', 'uj', 'ul', 'r', 'f', 'q', 'y', 'e', 'o', 'd']);
const COMMON_NOUNS = new Set(['卫生', '民生', '人生', '一生', '国家', '大家', '人家', '商家', '厂家', '东家', '老家', '回家', '全家', '本人', '个人', '他人', '别人', '人人', '动员']);
const DOTS = new Set(['·', '・', '•', '‧']);
// A foreign name's parts are often read as places or other words (马可·罗西/ns, 基/a|贝特).
const FOREIGN_TAGS = new Set(['nz', 'ns', 'nrt', 'a', 'j']);
// Tags of common words: an organisation's name made of these alone is a description (人工智能|实验室).
const COMMON_TAGS = new Set(['n', 'vn', 'an', 'a', 'l', 'b']);
const PARTY_BODY = /^(党委|党组|党工委|党总支|党支部)$/u;
// How common a word must be to be a common word before a one-character ending (花园|里).
const COMMON_HEAD = 500;
const COUNTED = new Set(['m', 'mq', 'q', 'r']);
const LONG_SUFFIXES = new Set([...ORG_SUFFIXES, ...PLACE_SUFFIXES].filter((x) => x.length >= 3));
const LONGEST_SUFFIX = Math.max(...[...LONG_SUFFIXES].map((x) => x.length));
const SUFFIX_PREFIXES = new Set([...LONG_SUFFIXES].flatMap((x) => [...x].map((_, n) => x.slice(0, n + 1))));
const YOUTH_LEAGUE = /^团[区市县]委$/u;
const AREA_START = /^(街道|社区|小区|园区)/u;
const NUMBERED = /^(村|街坊)$/u;
const NUMERAL = /^([一二三四五六七八九十]+|\d+)$/u;
const ORDINAL = /^第([一二三四五六七八九十]+|\d+)$/u;
// What ends a road's or water's name inside a longer word, and the places after it (公路|沿线, 河|边).
const PLACE_HEAD = /^(公路|大道|路|街|河|湖|港|塘)/u;
const LOCATIVES = new Set(['沿线', '两岸', '两侧', '沿岸', '附近', '一带', '边', '畔', '旁', '段', '上']);
// A town's party body glued to its secretary: 金山卫镇|党委书记.
const BODY_BEFORE_TITLE = /^(党委|党工委|党总支|党支部)(书记|副书记)$/u;
// Zones and green spaces are named by a place and common words (松江|经济|技术开发区, 嘉定|工业区, 新江湾城|生态|走廊).
const ZONE = /(开发区|工业区|旅游区|度假区|高新区|保税区|示范区|商务区|贸易区|自贸区|试验区|科学城|科技城|大学城|汽车城|产业园|创意园|药谷|智谷|绿地|走廊|基地|电视塔|岛)$/u;
// Level words the HMM glues to what follows (区卫健委, 区建), and one-character suffixes it leaves alone (局等).
const LEVEL_CHARS = new Set([...'区市县']);
const SUFFIX_CHARS = new Set([...'局委办路街镇村']);
const BARE_ORG = new Set(ORG_SUFFIXES.filter((s) => s.length >= 2 || '局委办部厅厂'.includes(s)));
const SUFFIXES: Array<{ suffix: string; kind: 'place' | 'org' }> = [
  ...PLACE_SUFFIXES.map((suffix) => ({ suffix, kind: 'place' as const })),
  ...ORG_SUFFIXES.map((suffix) => ({ suffix, kind: 'org' as const })),
].sort((a, b) => b.suffix.length - a.suffix.length);
const MAX_LENGTH = { place: 10, org: 20 } as const;
// Dictionary words tagged as places or organisations are trusted alone only when this common.
// (Many rarer place-tagged words are common nouns or verbs in news prose: 上门, 新建.)
const TRUSTED_FREQUENCY = { place: 2000, org: 20 } as const;

/** The people, places and organisations `text` names, in text order, never overlapping. */
export function recognise(text: string, known: Known = {}, tagged: Token[] = tagText(text)): Mention[] {
  const index = nameIndex(known.places);
  const tokens = joinSuffixes(splitGlued(splitFunctionChars(splitHeads(resegment(text, tagged, index)))));
  const candidates: Candidate[] = [
    ...gazetteerMentions(tokens, index),
    ...levelBodies(text, tokens),
    ...addressedPeople(text, tokens),
    ...dottedNames(text, tokens),
    ...lexiconMentions(text, known),
    ...suffixedNames(tokens, new Set(known.places ?? []), index),
    ...titledPeople(text, tokens),
    ...dictionaryNames(tokens),
    ...brandNames(text, tokens, new Set(known.places ?? [])),
    ...chainedPlaces(text, tokens, index),
    ...stations(text, tokens, index),
    ...numberedRoads(text),
    ...bylineNames(text),
    ...nicknames(text, tokens),
  ];
  const chosen = resolve(candidates).map((c) => teamToPlace(c, index));
  // People listed after a person (谢某某、薛某) and every repetition of a recognised name.
  const people = listedPeople(text, tokens, chosen);
  return resolve([...chosen, ...people, ...repeats(text, [...chosen, ...people], index)]).map(({ start, end, text: t, kind }) => ({ start, end, text: t, kind }));
}

/**
 * The HMM glues prepositions and particles to the unknown words next to them (在田林, 由华泾镇,
 * 王浩到, 局等), and a level word to the bureau after it (区卫健委, 区|建): such a character is
 * cut off as a word of its own.
 */
function splitFunctionChars(tokens: Token[]): Token[] {
  return tokens.flatMap((t, i): Token | Token[] => {
    if (t.tag !== 'x' || t.word.length < 2) return t;
    const out: Token[] = [];
    let { start, end } = t;
    if (FUNCTION_CHARS.has(t.word[0]!)) out.push({ word: t.word[0]!, tag: 'p', start, end: ++start });
    if (end - start < 1) return out;
    // A tail is cut from a name (王浩|到) or from a suffix left alone (局|等), not from a short word.
    const last = t.word[t.word.length - 1]!;
    // 黄浩带|着: a name's last character that makes a common word with the next one (带着) is that word's.
    const after = tokens[i + 1]?.word ?? '';
    const verb = t.word.length === 3 && SURNAMES.has(t.word[0]!) && hanOnly(after) && dictionaryFrequency(last + after) >= 1000;
    const tail = (FUNCTION_CHARS.has(last) && (end - start >= 3 || (end - start === 2 && SUFFIX_CHARS.has(t.word[t.word.length - 2]!)))) || verb ? { word: last, tag: verb ? 'v' : 'p', start: end - 1, end } : null;
    if (tail) end--;
    // Not before a place's ending: 市光|三村 is an estate, not 市|光三村.
    const next = tokens[i + 1];
    if (end - start >= 2 && LEVEL_CHARS.has(t.word[start - t.start]!) && !(tail === null && next && closing(next)?.kind === 'place')) {
      out.push({ word: t.word[start - t.start]!, tag: 'n', start, end: start + 1 });
      start++;
    }
    const word = t.word.slice(start - t.start, end - t.start);
    out.push({ word, tag: 'x', start, end });
    if (tail) out.push(tail);
    return out;
  });
}

/**
 * Words the HMM or the dictionary made of a whole word and the start of the next one:
 * 河长|范 (a title and a surname), 大学|教授 (an institution and a post), 委|副 (a bureau and
 * the post after it), 西起|江川 and 东至 (a road's ends: a direction and a verb, never part of
 * the name after them). They are cut where the first word ends.
 */
function splitHeads(tokens: Token[]): Token[] {
  return tokens.flatMap((t): Token | Token[] => {
    const head = glueHead(t);
    if (!head) return t;
    const cut = t.start + head.word.length;
    const rest = t.word.slice(head.word.length);
    return rest ? [{ word: head.word, tag: head.tag, start: t.start, end: cut }, { word: rest, tag: dictionaryTag(rest) || 'x', start: cut, end: t.end }] : { ...t, tag: head.tag };
  });
}

const DIRECTION_VERB = /^[东西南北][起至到]/u;

function glueHead(t: Token): { word: string; tag: string } | null {
  if (!hanOnly(t.word)) return null;
  // 东至 is also a county's name, but never in a road's description.
  if ((t.tag === 'x' || t.word.length === 2) && DIRECTION_VERB.test(t.word)) return { word: t.word.slice(0, 2), tag: 'v' };
  // 委副, 委|与区: a bureau's last character glued to the post or the conjunction after it.
  if (t.tag === 'x' && t.word.length >= 2 && /^[委局办][副与和及也都还将在]/u.test(t.word)) return { word: t.word[0]!, tag: 'n' };
  // 河长|范: a title and the surname after it, in the HMM's unknown word.
  if (t.tag === 'x' && t.word.length >= 3) {
    for (let k = Math.max(2, t.word.length - 2); k < t.word.length; k++) {
      if (TITLE_SET.has(t.word.slice(0, k)) && SURNAMES.has(t.word[k]!)) return { word: t.word.slice(0, k), tag: 'n' };
    }
  }
  // 大学|教授, 局|局长, 所|所长.
  for (let k = 1; k < t.word.length; k++) {
    const body = t.word.slice(0, k);
    if ((k >= 2 || '局委办部处所院馆站队'.includes(body)) && ORG_SUFFIX_SET.has(body) && TITLE_SET.has(t.word.slice(k))) return { word: body, tag: 'n' };
  }
  return null;
}

const TITLE_SET = new Set(TITLES);
const ORG_SUFFIX_SET = new Set(ORG_SUFFIXES);

/**
 * Words jieba made of a name's last word and what follows it: 古楼|公路沿线, 漕港|河边,
 * 番禺|路住, 武进|路段, 金山卫镇|党委书记. The name's word is cut off when a name stands before it.
 */
function splitGlued(tokens: Token[]): Token[] {
  return tokens.flatMap((t, i): Token | Token[] => {
    const before = tokens[i - 1];
    // 河长, 湖长: a post, not a river and what follows it.
    if (!before || t.word.length < 2 || CLOSED_TAGS.has(before.tag) || !hanOnly(before.word) || isTitle(t.word)) return t;
    const head = PLACE_HEAD.exec(t.word)?.[0] ?? BODY_BEFORE_TITLE.exec(t.word)?.[1];
    if (!head) return t;
    const tail = t.word.slice(head.length);
    const glued = BODY_BEFORE_TITLE.test(t.word)
      ? before.tag === 'ns' || closing(before)?.kind === 'org'
      : LOCATIVES.has(tail) ? PROPER.has(before.tag) || (tail !== '上' && before.tag === 'n') : t.tag === 'x' && tail.length === 1;
    if (!glued) return t;
    const cut = t.start + head.length;
    return [
      { word: head, tag: dictionaryTag(head) || 'n', start: t.start, end: cut },
      { word: tail, tag: dictionaryTag(tail) || 'x', start: cut, end: t.end },
    ];
  });
}

/** Words that spell a long institution or place word together are made that word: 消防|救援|站 → 消防救援站. */
function joinSuffixes(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let joined = '';
    let last = -1;
    for (let j = i; j < tokens.length && joined.length < LONGEST_SUFFIX; j++) {
      joined += tokens[j]!.word;
      if (!SUFFIX_PREFIXES.has(joined)) break;
      if (j > i && LONG_SUFFIXES.has(joined)) last = j;
    }
    if (last < 0) {
      out.push(tokens[i]!);
      continue;
    }
    out.push({ word: tokens.slice(i, last + 1).map((t) => t.word).join(''), tag: 'n', start: tokens[i]!.start, end: tokens[last]!.end });
    i = last;
  }
  return out;
}

/** 区委, 区政府, 团区委 standing alone; not when a post or membership follows (区委书记, 区政协委员). */
function levelBodies(text: string, tokens: Token[]): Candidate[] {
  const out: Candidate[] = [];
  tokens.forEach((t, i) => {
    // 区 | 政协 is cut apart as often as not.
    const two = LEVELS.has(t.word) && tokens[i + 1] ? { word: t.word + tokens[i + 1]!.word, last: i + 1 } : null;
    const body = LEVEL_BODIES.test(t.word) && t.word.length >= 2 ? { word: t.word, last: i } : two && LEVEL_BODIES.test(two.word) ? two : null;
    // 政府 and 党委 with no level word are any government or party body (法治政府, 区教育局|党委).
    if (!body || /^(政府|党委|人民政府)$/u.test(body.word)) return;
    // 团区委 is a named body like any bureau: before a post it is still named (团区委|书记).
    if (!YOUTH_LEAGUE.test(body.word) && postFollows(tokens, body.last)) return;
    out.push(candidate(text, t.start, tokens[body.last]!.end, 'org', 1));
  });
  return out;
}

/** Does a post or membership follow token `last` (区政协|副|主席, 区委|书记)? The post may be cut in two. */
function postFollows(tokens: Token[], last: number): boolean {
  return postAt((tokens[last + 1]?.word ?? '') + (tokens[last + 2]?.word ?? ''), 0);
}

/** A surname and how one addresses its bearer (张|老伯, 邹|女士), and 老王, 小李: the whole is the name. */
function addressedPeople(text: string, tokens: Token[]): Candidate[] {
  const out: Candidate[] = [];
  tokens.forEach((t, i) => {
    const next = tokens[i + 1];
    // 向|爷爷: a preposition, not a surname.
    if (t.word.length === 1 && SURNAMES.has(t.word) && t.tag !== 'p' && next && ADDRESS_WORDS.includes(next.word)) out.push(candidate(text, t.start, next.end, 'person', 1));
    // 褚某, 吕某某: how court and police news name a defendant or suspect.
    const anonymous = t.word.length === 1 && t.tag === 'nr' && SURNAMES.has(t.word) && /^某/u.exec(next?.word ?? '') ? (next!.word.startsWith('某某') ? 2 : 1) : 0;
    if (anonymous) out.push(candidate(text, t.start, next!.start + anonymous, 'person', 1));
    if (t.tag === 'x' && /^.某某?$/u.test(t.word) && SURNAMES.has(t.word[0]!)) out.push(candidate(text, t.start, t.end, 'person', 1));
    // 老王 or 老|王, 小李: only with a surname the dictionary does not know as another word (老师, 小时).
    // 老|陈说: the HMM glued the speech verb to the surname.
    const spoken = /^[老小]$/u.test(t.word) && next?.word.length === 2 && next.word.endsWith('说');
    const familiar = /^[老小]$/u.test(t.word) && (next?.word.length === 1 || spoken) ? { word: t.word + next!.word[0], end: next!.start + 1 } : /^[老小].$/u.test(t.word) ? { word: t.word, end: t.end } : null;
    if (!familiar || !SURNAMES.has(familiar.word[1]!)) return;
    // A word the dictionary knows (老汤, 老师) is a name only before a speech verb (老陆|说).
    const cue = spoken || isCue(tokens[nextWord(tokens, i + (t.word.length === 2 ? 1 : 2))]);
    if (cue || (['nr', 'x', 't'].includes(t.word.length === 2 ? t.tag : 'x') && !['n', 'v', 'a', 'd', 'm'].includes(dictionaryTag(familiar.word)))) {
      out.push(candidate(text, t.start, familiar.end, 'person', 1));
    }
  });
  return out;
}

/** Foreign names written with a middle dot between their parts: 马克·杜邦. */
function dottedNames(text: string, tokens: Token[]): Candidate[] {
  const out: Candidate[] = [];
  tokens.forEach((t, i) => {
    if (!DOTS.has(t.word) || DOTS.has(tokens[i - 2]?.word ?? '')) return;
    // 基|贝特: the HMM may cut a part in two.
    const part = (at: number): number => (foreignPart(tokens[at]) ? (foreignPart(tokens[at + 1]) && tokens[at]!.word.length + tokens[at + 1]!.word.length <= 4 && !DOTS.has(tokens[at + 2]?.word ?? '') && tokens[at]!.word.length === 1 ? at + 1 : at) : -1);
    let last = part(i + 1);
    while (last > 0 && DOTS.has(tokens[last + 1]?.word ?? '') && part(last + 2) > 0) last = part(last + 2);
    // 艾|力克·陈: the first part, too, may be cut in two.
    const before = tokens[i - 1];
    const first = foreignPart(tokens[i - 2]) && before && before.word.length + tokens[i - 2]!.word.length <= 5 && tokens[i - 2]!.word.length === 1 ? i - 2 : i - 1;
    // …·陈说: the speech verb glued to the last part.
    const said = last > 0 && tokens[last]!.word.length >= 2 && tokens[last]!.word.endsWith('说') ? 1 : 0;
    if (foreignPart(before) && last > 0) out.push(candidate(text, tokens[first]!.start, tokens[last]!.end - said, 'person', 0));
  });
  return out;
}

function foreignPart(token: Token | undefined): boolean {
  return !!token && hanOnly(token.word) && token.word.length <= 5 && (PERSON_TAGS.has(token.tag) || FOREIGN_TAGS.has(token.tag));
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

/** The gazetteer's towns and streets, and its short forms where they are not common words. */
function gazetteerMentions(tokens: Token[], index: NameIndex): Candidate[] {
  const out: Candidate[] = [];
  for (const t of tokens) {
    const trust = t.tag === 'ns' ? index.names.get(t.word) : undefined;
    if (trust === 'full' || trust === 'short') out.push({ start: t.start, end: t.end, text: t.word, kind: 'place', rank: trust === 'full' ? 0 : 2 });
  }
  return out;
}

function lexiconMentions(text: string, known: Known): Candidate[] {
  const out: Candidate[] = [];
  for (const name of known.places ?? []) for (const i of occurrences(text, name)) out.push(candidate(text, i, i + name.length, 'place', 0));
  for (const name of known.people ?? []) for (const i of occurrences(text, name)) out.push(candidate(text, i, i + name.length, 'person', 0));
  return out;
}

function repeats(text: string, found: Candidate[], index: NameIndex): Candidate[] {
  const names = new Map(found.map((c) => [c.text, c.kind]));
  // A foreign name is named again by its last part: 让·莫罗 … 莫罗.
  for (const c of found) {
    const surname = c.kind === 'person' ? c.text.split(/[·・•‧]/u) : [];
    if (surname.length > 1 && surname.at(-1)!.length >= 2 && !names.has(surname.at(-1)!)) names.set(surname.at(-1)!, 'person');
  }
  // An organisation named with its place is named again without it: 上海市复兴高级中学 … 复兴高级中学.
  for (const c of found) {
    const place = c.kind === 'org' ? index.find(c.text)[0] : undefined;
    if (place?.start === 0 && place.trust === 'full' && c.text.length - place.end >= 4 && !names.has(c.text.slice(place.end))) names.set(c.text.slice(place.end), 'org');
  }
  return [...names].flatMap(([name, kind]) =>
    occurrences(text, name)
      // 区政协 named once, and 区政协主席 later: still a title.
      .filter((i) => !(LEVEL_BODIES.test(name) && !YOUTH_LEAGUE.test(name) && postAt(text, i + name.length)))
      .map((i) => candidate(text, i, i + name.length, kind, 3)),
  );
}

/** Does a post or membership start at `at` in the text? */
function postAt(text: string, at: number): boolean {
  const after = text.slice(at, at + 6);
  return MEMBERS.some((m) => after.startsWith(m) || after.startsWith(`副${m}`)) || TITLES.some((m) => after.startsWith(m));
}

/** The suffix ending `token`, and whether the token names something by itself (控江路) or needs a name before it (街道). */
function closing(token: Token): Closing | null {
  // Asked of the same words again and again: kept per word and tag (the vocabulary is bounded).
  let byWord = closings.get(token.tag);
  if (!byWord) closings.set(token.tag, (byWord = new Map()));
  let found = byWord.get(token.word);
  if (found === undefined) byWord.set(token.word, (found = closingOf(token)));
  return found;
}

type Closing = { kind: 'place' | 'org'; alone: boolean; needsPlace?: boolean };
const closings = new Map<string, Map<string, Closing | null>>();
const titles = new Map<string, boolean>();

/** Does `word` end with a title (区委副书记 → 书记)? */
function isTitle(word: string): boolean {
  let found = titles.get(word);
  if (found === undefined) titles.set(word, (found = TITLES.some((t) => word.endsWith(t))));
  return found;
}

function closingOf(token: Token): Closing | null {
  // 区委常委, 党工委书记: a title, not an organisation.
  if (!hanOnly(token.word) || isTitle(token.word)) return null;
  if (ZONE.test(token.word)) {
    const head = token.word.replace(ZONE, '');
    return PROPER.has(token.tag) && head.length >= 2 && !GENERIC_PREFIXES.has(head) ? { kind: 'place', alone: true } : { kind: 'place', alone: false, needsPlace: true };
  }
  // 二中, 三中: a numbered middle school, named by its place (曹杨|二中, 控江|一中).
  if (/^[一二三四五六七八九十]中$/u.test(token.word)) return { kind: 'org', alone: false };
  // 南路, 东路: a road's direction ends the name of the road it is a part of (祁连山|南路, 环城|东路);
  // 南站: a city's station (松江|南站).
  if (DIRECTED_ROAD.test(token.word) || /^[东南西北]站$/u.test(token.word)) return { kind: 'place', alone: false };
  // 美食街, 步行街: kinds of street, which close no name; nor do meetings spelled like a body (协商会 ends as 商会 does).
  if (STREET_KINDS.test(token.word) || MEETINGS.test(token.word)) return null;
  // A word of three or more characters ending in 路 or 街 is a road whatever jieba tags it (斜土路, 仁兴街),
  // unless it is a kind of road (高速公路, 快速路).
  if (token.word.length >= 3 && /[路街]$/u.test(token.word) && !/(公路|道路|线路|铁路|马路|快速路|高架路|大街|步行街|商业街|美食街|小吃街)$/u.test(token.word)) return { kind: 'place', alone: true };
  for (const { suffix, kind } of SUFFIXES) {
    if (!token.word.endsWith(suffix)) continue;
    if (token.word === suffix) return (kind === 'place' ? BARE_PLACE : BARE_ORG).has(suffix) ? { kind, alone: false } : null;
    const head = token.word.slice(0, -suffix.length);
    if (COMMON_NS.has(token.word)) return null;
    // 中小学, 大医院: a generic word and an institution word, in the dictionary as a kind.
    // 中心小学, 中心医院: a kind, but the kind a town names its own by (练塘镇|中心小学).
    if (kind === 'org' && head === '中心' && suffix.length >= 2) return { kind, alone: false, needsPlace: true };
    if (suffix.length >= 2 && GENERIC_PREFIXES.has(head) && dictionaryTag(token.word) !== '' && token.tag !== 'ns' && token.tag !== 'nt') return null;
    // A common word and a one-character ending is a phrase or a kind of place, not a name: 花园里, 养老院.
    const phrase = suffix.length === 1 && !['ns', 'nt'].includes(token.tag) && dictionaryFrequency(head) >= COMMON_HEAD && !['ns', 'nt', 'nz', 'j'].includes(dictionaryTag(head));
    // The HMM's unknown words ending in one character (开新局) are as often phrases as names, but
    // not when they end as a town, village or harbour does (华泾镇).
    if (PROPER.has(token.tag)) return { kind, alone: !GENERIC_PREFIXES.has(head) && !phrase && (token.tag !== 'x' || suffix.length >= 2 || (token.word.length >= 3 && WATERS_AND_TOWNS.has(suffix))) };
    // A common word ending in a long place word after a name of its own: 虹口足球场, 人民广场.
    if (kind === 'place' && suffix.length >= 2 && head.length >= 2 && token.tag === 'n' && !GENERIC_PREFIXES.has(head) && !AREAS.has(suffix)) return { kind, alone: true };
    // A common word ending in a long suffix (活动中心, 居委会) or a bureau's (监管局, 卫健委; not 格局,
    // 大局) still closes a name built before it.
    // 六厂, 米厂: a factory named by a number or its goods; not 工厂 itself.
    const bureau = suffix.length === 1 && (('局委办厅署'.includes(suffix) && token.word.length >= 3) || (suffix === '厂' && token.word !== '工厂'));
    if (kind === 'org' && (suffix.length >= 2 || bureau) && ['n', 'vn', 'nz', 'l'].includes(token.tag)) return { kind, alone: false };
    // 经委, 外办, 管委: a bureau's abbreviation, an organisation only after its district or level
    // word (嘉定区|经委, 区|科委); elsewhere such words are roles or verbs (评委, 要办).
    if (kind === 'org' && token.word.length === 2 && '局委办'.includes(suffix) && !ROLE_WORDS.has(token.word)) return { kind, alone: false, needsPlace: true };
    return null;
  }
  return null;
}

/** Can `token` be part of a `kind` name that some later token closes? */
/** How freely a name's words are taken: proper and common nouns; also verbs; any open word. */
type Reach = 'nouns' | 'verbs' | 'open';

function canExtend(token: Token, kind: 'place' | 'org', reach: Reach, close?: Token): boolean {
  // 志愿者|协会, 律师|协会: a kind of person names the association of its kind.
  const members = kind === 'org' && !!close && ASSOCIATION.test(close.word) && isTitle(token.word) && !MEMBERS.includes(token.word) && !TITLE_POSTS.test(token.word);
  if (!hanOnly(token.word) || ((isTitle(token.word) || MEMBERS.includes(token.word)) && !members) || CAPTION_LEADS.has(token.word)) return false;
  // 欧阳|路|街道, 秦皇岛路|码头: a road or town names the area or structure after it; 区, 市 close.
  // A 街道 is an area of its own: 殷行街道|老旧小区 names nothing.
  if (kind === 'place') return (PROPER.has(token.tag) || (closing(token)?.kind === 'place' && NAMES_NEXT.test(token.word)) || token.word === '新') && !ADMIN_END.test(token.word) && !token.word.endsWith('街道');
  if (reach === 'open') return (!FUNCTION_TAGS.has(token.tag) || token.tag === 'mq') && !ADVERB_TAGS.has(token.tag);
  // A village or town's one-character ending may come tagged as anything (新元|村/zg|党总支).
  return ORG_PARTS.has(token.tag) || token.tag === 'vn' || (reach === 'verbs' && token.tag === 'v') || (token.word.length === 1 && closing(token)?.kind === 'place');
}

/**
 * Where an organisation's name starts: at its place or level word (施工单位|上海城建…, 调研|区教育局)
 * when only common words come before it; a proper name before it stays (复旦大学附属|中山医院).
 */
function anchor(tokens: Token[], first: number, last: number, places: ReadonlySet<string>): number {
  for (let j = first; j < last; j++) {
    const t = tokens[j]!;
    if (['ns', 'nt', 'nr', 'nz'].includes(t.tag) && !(t.tag === 'ns' || places.has(t.word))) return first;
    // 瑞羲(上海)信息技术有限公司: a place in brackets is part of the name, not its start.
    if (/^[(（]$/u.test(tokens[j - 1]?.word ?? '')) continue;
    if (t.tag === 'ns' || places.has(t.word) || LEVELS.has(t.word) || closing(t)?.alone) return j;
  }
  return first;
}

/**
 * Where a name closed by token `i` starts, walking back over the words that can be part of it;
 * `reach` says which words may be part of it.
 */
function nameStart(tokens: Token[], i: number, close: Closing, reach: Reach, index?: NameIndex): number {
  const token = tokens[i]!;
  let first = i;
  let length = token.word.length;
  let affiliated = false;
  let zonePlaced = false;
  for (let j = i - 1; j >= 0; j--) {
    const t = tokens[j]!;
    // （集团） and the like inside a company name.
    if (close.kind === 'org' && /^[）)]$/u.test(t.word) && /^[（(]$/u.test(tokens[j - 2]?.word ?? '') && hanOnly(tokens[j - 1]?.word ?? '')) {
      const inner = tokens[j - 1]!.word.length + 2;
      if (length + inner > MAX_LENGTH.org) break;
      length += inner;
      first = j - 2;
      j -= 2;
      continue;
    }
    // 人力资源|和|社会保障局, 规划|和|自然资源局: bureau names join two fields with 和.
    // Not two institutions side by side: 业委会|和|物业公司.
    if (close.kind === 'org' && t.word === '和' && ['n', 'vn'].includes(tokens[j - 1]?.tag ?? '') && ['n', 'vn'].includes(tokens[j + 1]?.tag ?? '') && !/[会委局办司院所处]$/u.test(tokens[j - 1]!.word)) {
      length += 1;
      first = j;
      continue;
    }
    // An organisation already named ends the walk (民政局|联合|徐汇区卫健委), but for 复旦大学|附属|中山医院
    // and its party body (区教育局|党委).
    // So does a university before what it holds (上海外国语大学|图书馆), and a long institution word
    // of its own (…消防救援支队|调派|川沙消防救援站).
    // Past 附属, the affiliation goes on through every body before it (上海交通大学|医学院|附属|瑞金医院);
    // an academy goes on to its institute in a city (中国科学院|上海|药物研究所).
    const complete = namedOrg(t) || SCHOOLS.test(t.word) || (t.word.length >= 4 && ORG_SUFFIXES.includes(t.word));
    if (/^附[属设]$/u.test(tokens[j + 1]?.word ?? '')) affiliated = true;
    const academy = /(科学院|研究院)$/u.test(t.word) && tokens[j + 1]?.tag === 'ns';
    if (close.kind === 'org' && complete && !affiliated && !academy && !PARTY_BODY.test(token.word)) break;
    // 丁德茂去|码头: a person's name the HMM glued to a verb is not a place's.
    if (close.kind === 'place' && t.tag === 'x' && t.word.length >= 3 && SURNAMES.has(t.word[0]!) && GLUED_VERBS.has(t.word.at(-1)!)) break;
    // 写桃|浦和|长风公园: a word ending in a conjunction is glued to what it joins, not part of a name.
    if (close.kind === 'place' && t.word.length >= 2 && /[和与及或]$/u.test(t.word) && ['x', 'ns'].includes(t.tag)) break;
    // A chain of places is one place a level (泗泾镇|江川村, 江苏|盐城); a town names only its 街道 (江湾镇|街道).
    if (close.kind === 'place' && /[镇乡]$/u.test(t.word) && token.word !== '街道') break;
    if (close.kind === 'place' && index && j === i - 1 && t.tag === 'ns' && placeName(index, t.word) && placeName(index, token.word)) break;
    // 平阳路|古美西路: a road ends where the next begins; 贵州|凯里: a region before a place's own name is its own level.
    if (close.kind === 'place' && /[路街]$/u.test(t.word) && closing(t)?.alone && /[路街]$/u.test(token.word)) break;
    // Not before a road's ending: Shanghai names its roads after provinces and cities (河南|中路, 延安|西路).
    if (close.kind === 'place' && j === i - 1 && REGIONS.has(t.word) && PROPER.has(token.tag) && !PLACE_SUFFIXES.includes(token.word) && !ROAD.test(token.word) && token.word.length >= 2) break;
    // A district's body does not take another body before it (区委|区政府).
    if (LEVEL_BODIES.test(token.word) && LEVEL_BODIES.test(t.word)) break;
    // A common word names a road (大学|路), two at most, not in front of a proper name (利用|凤城|路).
    // Before a road's direction any one character may be its name (真|南路), as jieba reads it as a word of its own.
    const directed = j === i - 1 && DIRECTED_ROAD.test(token.word) && t.word.length === 1 && hanOnly(t.word) && !FUNCTION_CHARS.has(t.word);
    const road = close.kind === 'place' && ROAD.test(token.word) && (j === i - 1 || (j === i - 2 && !PROPER.has(tokens[i - 1]!.tag))) && hanOnly(t.word) && (!CLOSED_TAGS.has(t.tag) || directed) && (closing(t)?.kind !== 'place' || directed);
    // Numbered estates and plots: 田林|十二|村, 八一|村, 定海|149|街坊; 第二|小学, 第一|房屋… in an organisation's name.
    if (j === i - 1 && close.kind === 'place' && NUMBERED.test(token.word) && NUMERAL.test(t.word)) {
      length += t.word.length;
      first = j;
      continue;
    }
    if (close.kind === 'org' && ORDINAL.test(t.word)) {
      length += t.word.length;
      first = j;
      continue;
    }
    // A zone's common words (东方明珠|广播|电视塔) come between its place and its ending, never before the place (落户|张江…岛).
    const zone = close.kind === 'place' && close.needsPlace && ['n', 'vn'].includes(t.tag) && closing(t) === null && !zonePlaced;
    if ((!road && !zone && !canExtend(t, close.kind, reach, token)) || length + t.word.length > MAX_LENGTH[close.kind]) break;
    if (t.tag === 'ns') zonePlaced = true;
    length += t.word.length;
    first = j;
  }
  // Generic words do not start a name: 全区|各街道, 该校.
  while (first < i && (GENERIC_PREFIXES.has(tokens[first]!.word) || !hanOnly(tokens[first]!.word))) first++;
  return first;
}

/** Is `word` a place of the gazetteer, whole (江苏, 盐城)? */
function placeName(index: NameIndex, word: string): boolean {
  const trust = index.names.get(word);
  return trust === 'full' || trust === 'short';
}

/** Is `token` an organisation's whole name (复旦大学, 民政局), not a level body that starts one (区委|宣传部)? */
function namedOrg(token: Token): boolean {
  if (LEVEL_BODIES.test(token.word)) return false;
  return closing(token)?.kind === 'org' && !ORG_SUFFIXES.includes(token.word);
}

/** Names ending in a place or organisation word: 控江路街道, 杨浦区中心医院, 区委宣传部. */
function suffixedNames(tokens: Token[], places: ReadonlySet<string>, index?: NameIndex): Candidate[] {
  const out: Candidate[] = [];
  const text = (from: number, to: number): string => tokens.slice(from, to + 1).map((t) => t.word).join('');
  tokens.forEach((token, i) => {
    const close = closing(token);
    if (!close) return;
    const company = close.kind === 'org' && COMPANY.test(token.word);
    // Universities, too, are named with verbs (上海|开放|大学).
    // Universities and associations, too, are named with verbs (上海|开放|大学, 上海市|击剑|运动协会).
    const verbs = company || (close.kind === 'org' && (/^(大学|学院)$/u.test(token.word) || ASSOCIATION.test(token.word)));
    let first = nameStart(tokens, i, close, verbs ? 'verbs' : 'nouns', index);
    if (close.kind === 'org') first = anchor(tokens, first, i, places);
    const placed = (j: number) => tokens[j]!.tag === 'ns' || places.has(tokens[j]!.word) || LEVELS.has(tokens[j]!.word);
    if (close.kind === 'org' && !placed(first)) {
      // Between its place and its institution word a name may hold any open word (区|投资|促进|办,
      // 嘉定区|非遗|保护|中心, 上海|淞|发|电梯…公司), but for a bureau not a verb right after the
      // place (嘉定区|举办|…中心 names nothing).
      const wide = anchor(tokens, nameStart(tokens, i, close, 'open'), i, places);
      const after = tokens[wide + 1]!;
      // 区|建交|委: a bureau's abbreviation of one word between its level and its ending is named so whatever the word.
      const abbreviation = wide === i - 2 && LEVELS.has(tokens[wide]!.word) && token.word.length === 1;
      if (wide < first && placed(wide) && (company || abbreviation || !(after.tag === 'v' && after.word.length >= 2))) first = wide;
    }
    // 陆家嘴金融贸易区: a dictionary word that starts with a place of the gazetteer is placed by it.
    const selfPlaced = first === i && !!index && index.find(token.word)[0]?.start === 0 && placeName(index, index.find(token.word)[0]!.name);
    if (close.needsPlace && !placed(first) && !selfPlaced) return;
    // Slogans count their places (一江|一河, 一城|一镇); numbered places start with a number word (八一|村).
    if (close.kind === 'place' && tokens[first]!.tag === 'x' && /^[一二两三四五六七八九十]/u.test(tokens[first]!.word)) return;
    // An area word or common nouns alone name no organisation (街道|党工委, 社区卫生|服务中心, 人工智能|实验室),
    // but a company's short name (电气|置业|公司) unless counted (一家|互联网|公司).
    const described = tokens.slice(first, i).every((t) => COMMON_TAGS.has(t.tag) && !LEVELS.has(t.word) && !LEVEL_BODIES.test(t.word));
    if (close.kind === 'org' && first < i && (AREA_START.test(tokens[first]!.word) || (described && (!company || COUNTED.has(tokens[first - 1]?.tag ?? ''))))) return;
    // A sub-unit right after its organisation is not named apart: 复旦大学|生命科学学院.
    if (close.kind === 'org' && first > 0 && namedOrg(tokens[first - 1]!)) return;
    if (first === i && !close.alone && !selfPlaced) return;
    // 学会|了, 中心|着: a suffix before an aspect particle is a verb's (老蔡|学会了).
    if (ASPECT.test(tokens[i + 1]?.word ?? '')) return;
    // 原|闸殷路, 现|…: "former" and "present" glued by the HMM to a place are not its name.
    const dated = close.kind === 'place' && tokens[first]!.tag === 'x' && tokens[first]!.word.length >= (first < i ? 2 : 4) && /^[原现]/u.test(tokens[first]!.word);
    const start = tokens[first]!.start + (dated ? 1 : 0);
    let last = i;
    // A road and its number: 宜山路|900|号, 阜新路|175|弄.
    if (close.kind === 'place' && /[路街弄]$/u.test(token.word) && /^\d+$/u.test(tokens[i + 1]?.word ?? '') && /^[号弄]$/u.test(tokens[i + 2]?.word ?? '')) last = i + 2;
    const name = text(first, last).slice(dated ? 1 : 0);
    if (close.kind === 'place' && PLACE_KINDS.has(name)) return;
    // 区委书记, 区政协主席: a level body before a post is part of a title, not an organisation named.
    if (LEVEL_BODIES.test(name) && postFollows(tokens, last)) return;
    if (GENERIC_PREFIXES.has(name.slice(0, 1)) && first === i && name.length <= 2) return;
    out.push({ start, end: tokens[last]!.end, text: name, kind: close.kind, rank: 1 });
  });
  return out;
}

/** A personal name starting at token `i` (one word, or a surname and a given name cut apart), or null. */
function nameAt(tokens: Token[], i: number, titled = false, context = titled): { start: number; end: number; last: number } | null {
  const t = tokens[i];
  if (!t || !hanOnly(t.word)) return null;
  const surnameLength = SURNAMES.has(t.word.slice(0, 2)) && t.word.length >= 2 ? 2 : SURNAMES.has(t.word.slice(0, 1)) ? 1 : 0;
  if (surnameLength === 0) return null;
  const next = tokens[i + 1];
  // 居民|游客, 代表|群众: a common word for people is no name, even after a title; 褚|某以 is named apart.
  if ((GROUP_NOUN.test(t.word) && t.tag === 'n' && dictionaryFrequency(t.word) >= 1000) || next?.word.startsWith('某')) return null;
  // 母亲|常说: a surname that is first a function word or a verb starts a name only after a title.
  if (!titled && t.word.length === 2 && WEAK_SURNAMES.has(t.word[0]!)) return null;
  // After a title, a word standing alone as a name does (副镇长 钱塘 表示, 教授 万里 受邀, 通讯员 黄河）) is
  // a name whatever else the dictionary reads it as: a river, a number, a verb.
  const alone = titled && t.word.length === surnameLength + 1 && surnameLength === 1 && !FUNCTION_TAGS_BUT_NUMBERS.has(t.tag) && standsAlone(tokens[i + 1]);
  // After a title, a common word in the name's place is a name (记者 方舟); elsewhere it must look like one.
  // A surname jieba tags as a name's (吴/nr|建军) takes a given name of any open word; so does any
  // surname after a title, kin or a kind of person, when the name then stands alone (老伴 华|建国 领到).
  const surnameTagged = t.word.length === 1 && !WEAK_SURNAMES.has(t.word) && (t.tag === 'nr' || t.tag === 'zg' || (context && !FUNCTION_TAGS_BUT_NUMBERS.has(t.tag) && standsAlone(tokens[i + 2])));
  const nameLike = (x: Token) => PERSON_TAGS.has(x.tag) || (titled && NAME_WORD_TAGS.has(x.tag)) || (x === t && alone) || (x !== t && surnameTagged && x.word.length === 2 && GIVEN_TAGS.has(x.tag) && !PERSON_CUES.includes(x.word));
  // After a title an unknown word is a name even when it ends like a place (记者 朱良城).
  const named = closing(t) === null || (titled && t.tag === 'x' && t.word.length === 3) || alone;
  // 骆嘉说, 仇敏作, 丁德茂去: the HMM glued a verb to the name.
  const glued = t.tag === 'x' && t.word.length >= 3 && t.word.length - surnameLength <= 3 && GLUED_VERBS.has(t.word.at(-1)!);
  if (t.word.length > surnameLength && (t.word.length <= surnameLength + 2 || glued) && nameLike(t) && named) {
    if (glued) return { start: t.start, end: t.end - 1, last: i };
    // 朱勤 | 皓: the HMM cut a three-character name after two; not 顾客|朱|老伯, where the character is the next name's surname.
    // After a title the third character may be any open word but a verb (指导老师 甘国|平).
    const addressed = SURNAMES.has(next?.word ?? '') && ADDRESS_WORDS.includes(tokens[i + 2]?.word ?? '');
    // After a title, kin or a kind of person, any character but a verb or a word of its own (鲍静|初, 韦小|棠).
    const third = !!next && (SPLIT_NAME_TAGS.has(next.tag) || (context && !/^v/u.test(next.tag) && !AFTER_NAME_CHARS.has(next.word) && (t.tag !== 'x' || !FUNCTION_TAGS_BUT_NUMBERS.has(next.tag) || standsAlone(tokens[i + 2]))));
    if (t.word.length === 2 && next && next.word.length === 1 && hanOnly(next.word) && third && !addressed) return { start: t.start, end: next.end, last: i + 1 };
    // 卞明 | 轩作: the third character glued to the verb after it.
    if (t.word.length === 2 && t.tag === 'x' && next?.tag === 'x' && next.word.length === 2 && GLUED_VERBS.has(next.word[1]!)) return { start: t.start, end: next.start + 1, last: i + 1 };
    // 贺建 | 明说: the HMM glued the name's last character to the speech verb.
    if (t.word.length === 2 && t.tag === 'x' && next?.word.length === 2 && next.word.endsWith('说')) return { start: t.start, end: t.end + 1, last: i };
    return { start: t.start, end: t.end, last: i };
  }
  // 王 | 晓明, 欧阳 | 文静: a surname cut from its given name.
  // After a compound surname one character of any open word is the given name (南宫|月).
  // A surname tagged as a name's takes any given name its tag allows (阎/nr|立新/d).
  const given = (surnameLength === 2 && next?.word.length === 1 && !FUNCTION_TAGS_BUT_NUMBERS.has(next.tag)) || (surnameTagged && !!next && next.word.length === 2 && GIVEN_TAGS.has(next.tag));
  if (t.word.length === surnameLength && next && hanOnly(next.word) && next.word.length <= 2 && (titled || closing(next) === null || (context && surnameTagged)) && (nameLike(next) || surnameLength === 2 || titled) && (given || !(titled ? FUNCTION_TAGS : CLOSED_TAGS).has(next.tag))) {
    // 申屠|红说, 俞|晴和|市民: the given name's second character is the verb or conjunction after it.
    const glued = next.word.length === 2 && next.tag !== 'nr' && gluedAfterName(next.word[1]!, tokens[i + 2]);
    return { start: t.start, end: glued ? next.start + 1 : next.end, last: i + 1 };
  }
  return null;
}

/** Where a bare name at token `i` ends (its offset), or 0 when the token is none. */
function bareName(tokens: Token[], i: number): number {
  const t = tokens[i]!;
  const next = tokens[i + 1];
  if (t.tag !== 'x' || t.word.length !== 3 || !hanOnly(t.word) || !SURNAMES.has(t.word[0]!) || SURNAMES.has(t.word.slice(0, 2))) return 0;
  // 和同乡, 查得细, 常说: a surname that is first a function word or verb starts no bare name; 褚某 is named apart.
  if (WEAK_SURNAMES.has(t.word[0]!) || t.word.includes('某') || closing(t) !== null || (next && closing(next))) return 0;
  // 罗嘉说, 仇敏作: the HMM glued a verb to a two-character name.
  return GLUED_VERBS.has(t.word[2]!) ? t.end - 1 : t.end;
}

/** Does `token` open with what is said or done after a name (表示, 说, 介绍…)? */
function isCue(token: Token | undefined): boolean {
  return !!token && PERSON_CUES.some((cue) => token.word.startsWith(cue));
}

/** Does what follows a word leave it standing as a name: the end, a space or a mark, a speech verb, another verb? */
function standsAlone(after: Token | undefined): boolean {
  return !after || !hanOnly(after.word) || after.tag === 'v' || AFTER_NAME_TAGS.has(after.tag) || isCue(after);
}

/** Is `char`, the last of a name's word, a speech verb or a conjunction glued to it (…说, …和|市民)? */
function gluedAfterName(char: string, after: Token | undefined): boolean {
  return char === '说' || (FUNCTION_CHARS.has(char) && !!after && hanOnly(after.word) && !CLOSED_TAGS.has(after.tag));
}

function nextWord(tokens: Token[], i: number): number {
  let j = i;
  while (tokens[j] && SPACE.test(tokens[j]!.word)) j++;
  return j;
}

/** Does `token` name a kind of person (爱好者, 巡护|员, 毕业生, 画家, 厨师长), which a name may follow as it follows a title? */
function personNoun(token: Token): boolean {
  return ['n', 'zg', 'ng', 'nr'].includes(token.tag) && hanOnly(token.word) && PERSON_NOUN.test(token.word) && !COMMON_NOUNS.has(token.word);
}

/** Is token `i` the 的 of an age (80|岁|的), which a name often follows? */
function aged(tokens: Token[], i: number): boolean {
  return tokens[i]!.word === '的' && tokens[i - 1]?.word === '岁';
}

/** A title then a name (区委书记谢某某, 记者 张某), and a name then a speech verb (王某表示). */
function titledPeople(text: string, tokens: Token[]): Candidate[] {
  const out: Candidate[] = [];
  tokens.forEach((token, i) => {
    // After a kind of person or an age the name must look like one (老年人|和|推 is no name).
    // 邵|阿姨|常说: an address after a surname ends that person's name; it introduces no other.
    const addressed = ADDRESS_WORDS.includes(token.word) && tokens[i - 1]?.word.length === 1 && SURNAMES.has(tokens[i - 1]!.word);
    const titled = isTitle(token.word) && !addressed;
    if (titled || (!addressed && (personNoun(token) || KIN.has(token.word) || aged(tokens, i)))) {
      const at = nextWord(tokens, i + 1);
      // 党员|和|师生: a preposition or conjunction is read as such unless a title stands before it.
      // 师傅|和|同乡: a conjunction is one even after a title.
      const conjunction = ['c', 'p'].includes(tokens[at]?.tag ?? '');
      const name = !conjunction && (titled || !FUNCTION_CHARS.has(tokens[at]?.word[0] ?? '')) ? nameAt(tokens, at, titled, true) : null;
      // A name right after a title wins over a place read into it (副区长|阮|青山) or spelled alike (记者 柏林).
      if (name) out.push(candidate(text, name.start, name.end, 'person', titled ? -1 : 0));
    }
    // 计桂英, 樊德胜: a three-character word the dictionary lacks, starting with a surname, is a name
    // wherever it stands, unless it ends as a place or an institution does or one follows it.
    const bare = bareName(tokens, i);
    if (bare) out.push(candidate(text, token.start, bare, 'person', 2));
    const name = nameAt(tokens, i);
    if (name) {
      const after = tokens[nextWord(tokens, name.last + 1)];
      // 夏侯|敏说: the speech verb glued to the name is its cue.
      const saidInside = name.end === tokens[name.last]!.end - 1 && text[name.end] === '说';
      if (saidInside || isCue(after)) out.push(candidate(text, name.start, name.end, 'person', 1));
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
    // 记者 黄某 吉某: bylines list names with spaces.
    if (!personEnds.has(t.start) || (t.word !== '、' && t.word !== '，' && t.word !== ',' && !SPACE.test(t.word))) continue;
    // Right after a listed person, a name may look like a common word, as after a title.
    const name = nameAt(tokens, i + 1, true);
    if (!name) continue;
    out.push(candidate(text, name.start, name.end, 'person', 2));
    personEnds.add(name.end);
  }
  return out;
}

/** Dictionary words tagged as places or organisations, when common enough to trust: 上海, 复旦大学, 新华社. */
function dictionaryNames(tokens: Token[]): Candidate[] {
  const out: Candidate[] = [];
  tokens.forEach((t, i) => {
    if (!hanOnly(t.word) || t.word.length < 2) return;
    const kind = t.tag === 'ns' ? 'place' : t.tag === 'nt' && t.word.length >= 3 ? 'org' : null;
    if (!kind || COMMON_NS.has(t.word) || dictionaryFrequency(t.word) < TRUSTED_FREQUENCY[kind]) return;
    // 党代会, 音乐会: meetings, unless the word ends as an organisation does (委员会, 协会).
    if (kind === 'org' && t.word.endsWith('会') && !ORG_SUFFIXES.some((s) => s.endsWith('会') && t.word.endsWith(s))) return;
    // 人大常委会|主任: part of a title.
    if (kind === 'org' && LEVEL_BODIES.test(t.word) && postFollows(tokens, i)) return;
    out.push({ start: t.start, end: t.end, text: t.word, kind, rank: 2 });
  });
  return out;
}

// Trades a company's short name ends in: 云途|物流, 永业|物业, 晴川|书屋.
// Not product kinds, which name goods as often as firms (冷链|食品, 生物|医药).
const TRADES = new Set([
  '科技', '物流', '物业', '水务', '建工', '城建', '精工', '置业', '地产', '实业', '控股', '传媒', '饭店', '酒店', '宾馆', '书屋', '书店',
  '书局', '药房', '超市', '百货', '商场', '智造', '巴士', '航空', '快递', '数据', '电梯', '生物', '文创', '咨询', '装饰',
  '汽车', '新能源', '微电子', '供应链', '快运', '车行', '优选',
]);
const BRAND_TAGS = new Set(['x', 'nz', 'j', 'nr', 'nrt', 'ns']);
const COMMON_BRAND = 200;

/**
 * A company's short name, a brand and its trade (驰远|科技, 云途|物流, 上海|建工), when it stands
 * as a name: the sentence goes on with a verb, a mark, a post or 的. After a place the trade is
 * as often the place's sector (上海|科技|创新), so there a mark, a speech verb or a post must follow.
 */
function brandNames(text: string, tokens: Token[], places: ReadonlySet<string>): Candidate[] {
  const out: Candidate[] = [];
  tokens.forEach((t, i) => {
    const brand = tokens[i - 1];
    if (!TRADES.has(t.word) || !brand || brand.word.length !== 2 || !hanOnly(brand.word) || !BRAND_TAGS.has(brand.tag)) return;
    // A common word (智慧|物流) is the trade's kind, not a brand.
    if (brand.tag !== 'ns' && dictionaryFrequency(brand.word) >= COMMON_BRAND) return;
    const after = tokens[i + 1];
    // 顺吉物流|安全|主管: a post may come after a word of its field.
    const postAt = (x: Token | undefined) => !!x && (isTitle(x.word) || MEMBERS.includes(x.word) || closing(x)?.kind === 'org');
    const post = postAt(after) || (!!after && ['n', 'an', 'vn'].includes(after.tag) && postAt(tokens[i + 2]));
    const placed = brand.tag === 'ns' || places.has(brand.word);
    const ends = !after || !hanOnly(after.word) || post || isCue(after) || (!placed && (after.tag === 'v' || ['p', 'c', 'uj'].includes(after.tag)));
    if (ends) out.push(candidate(text, brand.start, t.end, 'org', 2));
  });
  return out;
}

const CHAINED_TAGS = new Set(['ns', 'nr', 'nrt', 'nz']);
const REGIONS = regionNames();

/**
 * A proper name right after a country's or province's (日本|大阪, 美国|波士顿, 浙江|嘉善) is the
 * next level of the chain, a place, when nothing after it makes it part of a longer name.
 */
function chainedPlaces(text: string, tokens: Token[], index: NameIndex): Candidate[] {
  const out: Candidate[] = [];
  tokens.forEach((t, i) => {
    const before = tokens[i - 1];
    const after = tokens[i + 1];
    if (!before || before.tag !== 'ns' || !placeName(index, before.word) || !CHAINED_TAGS.has(t.tag)) return;
    if (!hanOnly(t.word) || t.word.length < 2 || t.word.length > 5 || closing(t) !== null || (after && hanOnly(after.word) && closing(after) !== null)) return;
    // 法国|画家, 日本|朋友: only a word that names nothing else.
    // 南宫|月: nor a compound surname starting a name.
    if (COMMON_NS.has(t.word) || SURNAMES.has(t.word) || TRADES.has(t.word) || dictionaryFrequency(t.word) >= COMMON_BRAND) return;
    out.push(candidate(text, t.start, t.end, 'place', 2));
  });
  return out;
}

/** 龙阳路|站, 七宝|站: a road or a place and 站 (jieba reads it as a verb) is a station, a place. */
function stations(text: string, tokens: Token[], index: NameIndex): Candidate[] {
  const out: Candidate[] = [];
  tokens.forEach((t, i) => {
    const before = tokens[i - 1];
    if (t.word !== '站' || !before || !hanOnly(before.word) || before.word.length < 2) return;
    const road = /[路街]$/u.test(before.word) && closing(before)?.kind === 'place';
    if (road || placeName(index, before.word)) out.push(candidate(text, before.start, t.end, 'place', 1));
  });
  return out;
}

// 中山东一路, 四川中路: a road numbered by its direction and part, which jieba cuts across (中|山东|一路).
const NUMBERED_ROAD = /\p{Script=Han}{2}[东南西北中][一二三四五六七八九]路/gu;

function numberedRoads(text: string): Candidate[] {
  return [...text.matchAll(NUMBERED_ROAD)].map((m) => candidate(text, m.index, m.index + m[0].length, 'place', 1));
}

/** 上海队, 杨浦队: a team named by its place is labelled as that place (the team is no organisation of its own). */
function teamToPlace(c: Candidate, index: NameIndex): Candidate {
  if (c.kind !== 'org' || !c.text.endsWith('队')) return c;
  const head = c.text.slice(0, -1);
  return placeName(index, head) ? { ...c, end: c.end - 1, text: head, kind: 'place' } : c;
}

// 记者 甘露萍 通讯员 宝消宣: a byline's names, whatever they look like (pen names of press offices too),
// written after the role and ended by a space, a bracket, a mark or the line's end.
const BYLINE = /(?:记者|通讯员|实习生|摄影|摄)[ \u3000]+((?:\p{Script=Han}{2,4}[ \u3000]*)+)(?=[\s）)，,。；]|$)/gu;

function bylineNames(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(BYLINE)) {
    let at = m.index + m[0].indexOf(m[1]!);
    for (const name of m[1]!.split(/([ \u3000]+)/u)) {
      // 记者 X 整理: a verb after the names is no name.
      const word = dictionaryTag(name).startsWith('v') || (dictionaryFrequency(name) >= COMMON_HEAD && !dictionaryTag(name).startsWith('nr'));
      if (/^\p{Script=Han}{2,4}$/u.test(name) && !TITLE_SET.has(name) && !word) out.push(candidate(text, at, at + name.length, 'person', -1));
      at += name.length;
    }
  }
  return out;
}

/** 阿宝, 阿珍: a nickname of 阿 and a character, which the dictionary does not know; not 阿姨. */
function nicknames(text: string, tokens: Token[]): Candidate[] {
  return tokens
    .filter((t) => t.tag === 'x' && t.word.length === 2 && t.word[0] === '阿' && hanOnly(t.word) && !ADDRESS_WORDS.includes(t.word) && dictionaryFrequency(t.word) === 0)
    .map((t) => candidate(text, t.start, t.end, 'person', 2));
}

/**
 * Is `word` made of Han characters only (CJK Unified Ideographs and their extensions)? Asked of
 * every word many times: a test of the code points, not a Unicode-property regex.
 */
function hanOnly(word: string): boolean {
  if (word.length === 0) return false;
  for (let k = 0; k < word.length; k++) {
    const c = word.charCodeAt(k);
    if (c >= 0x4e00 && c <= 0x9fff) continue;
    if ((c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff)) continue;
    // A surrogate pair: the supplementary ideographic planes (U+20000–U+3FFFF).
    if (c >= 0xd840 && c <= 0xd8bf && k + 1 < word.length) {
      const low = word.charCodeAt(k + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        k++;
        continue;
      }
    }
    return false;
  }
  return true;
}
