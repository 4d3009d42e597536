/**
 * Bylines and photo credits in their printed forms: ■记者 张蓓, ● 记者 刘坤, 记者 姚丽敏,
 * ■成佳佳, 本报讯(记者 张雯), □记者 王芳 通讯员 李明, 文/记者 陈静, (记者 赵四);
 * 陈二 摄, ■记者 朱良城 摄, （摄影 王五）, 王五/摄, 图/王五.
 */
import { isHan } from './text.js';

// Role words that precede reporter names; longest first so 本报记者 wins over 记者.
const ROLES = ['融媒体中心记者', '融媒体记者', '本报记者', '见习记者', '实习记者', '特约记者', '首席记者', '特约通讯员', '通讯员', '实习生', '撰稿', '文字', '图文', '记者', '文', '图'];
// Bullets that mark a byline or credit line.
const BULLETS = '■●□◆▲★○◎※▪•';
// Matches leading bullets and whitespace.
const LEADING_BULLET = new RegExp(`^[${BULLETS}\\s]+`);
// Separators between name tokens.
const TOKEN_SEP = /[\s、，,/／:：|｜]+/;

/** Names found in a byline or credit, and how the text was recognised. */
export interface NamedLine {
  names: string[];
  /** Names after a picture role (文/记者 陈静 图/记者 李明 → 李明): photographers, not writers. */
  photoNames?: string[];
  hasRole: boolean;
  hasBullet: boolean;
}

/** True when the token reads as a personal name: 2–4 Han characters, or a name with a middle dot. */
export function isName(token: string): boolean {
  const chars = [...token];
  if (token.includes('·')) {
    return chars.length <= 12 && token.split('·').every((p) => p.length > 0 && [...p].every(isHan));
  }
  return chars.length >= 2 && chars.length <= 4 && chars.every(isHan);
}

function stripRole(token: string): { rest: string; role: boolean } {
  for (const role of ROLES) {
    if (token.startsWith(role)) {
      // A one-character role (文, 图) only counts when it stands alone, as in 文/记者.
      if (role.length === 1 && token.length > 1) continue;
      return { rest: token.slice(role.length), role: true };
    }
  }
  return { rest: token, role: false };
}

// Roles that credit the pictures, and roles that credit the text; other roles (记者) keep the last.
const PICTURE_ROLES = new Set(['图', '图片', '摄影']);
const TEXT_ROLES = new Set(['文', '文字', '撰稿']);

// Words that close a byline after the names: what the reporters did, not who they are.
const CLOSING_WORDS = new Set(['报道', '采写', '整理', '综合报道', '采访报道', '供稿', '供图', '提供']);

// An organisation a writer speaks for (区农技中心, 区人民法院, 石化街道): ends in a kind of body.
const AFFILIATION = /^\p{Script=Han}{2,14}(?:中心|局|院|所|站|委员会|委|办公室|办|馆|法院|检察院|街道|镇|公司|学校|医院|协会|学会|大队|支队|中队|派出所)$/u;

/** Reads names from "role name name role name" tokens; null when any token is neither. */
function readNames(text: string): { names: string[]; photoNames: string[]; hasRole: boolean } | null {
  const tokens = text.split(TOKEN_SEP).filter(Boolean);
  if (tokens.length === 0 || tokens.length > 10) return null;
  const names: string[] = [];
  const photoNames: string[] = [];
  let hasRole = false;
  let pictures = false;
  for (const [i, token] of tokens.entries()) {
    // A closing verb (本报记者 陆云 报道, 记者 王芳 采写) names nobody.
    if (i === tokens.length - 1 && i > 0 && CLOSING_WORDS.has(token)) continue;
    const { rest, role } = stripRole(token);
    hasRole ||= role;
    if (role) {
      const word = token.slice(0, token.length - rest.length);
      if (PICTURE_ROLES.has(word)) pictures = true;
      else if (TEXT_ROLES.has(word)) pictures = false;
    }
    if (rest === '') continue;
    // A writer's affiliation before the name (文/区农技中心 蒋立华) names no one.
    if (!isName(rest) && AFFILIATION.test(rest) && isName(tokens[i + 1] ?? '')) continue;
    if (!isName(rest)) return null;
    (pictures ? photoNames : names).push(rest);
  }
  return names.length + photoNames.length > 0 ? { names, photoNames, hasRole } : null;
}

function unwrap(text: string): { inner: string; bracketed: boolean; hasBullet: boolean } {
  let t = text.trim();
  const hasBullet = LEADING_BULLET.test(t) && new RegExp(`^[${BULLETS}]`).test(t);
  t = t.replace(LEADING_BULLET, '');
  // Matches text wrapped in one pair of round brackets.
  const m = /^[（(]\s*([^（()）]*)\s*[）)]$/.exec(t);
  return m ? { inner: m[1] ?? '', bracketed: true, hasBullet } : { inner: t, bracketed: false, hasBullet };
}

// The writer took the pictures too: 李华 文/摄, 文/摄 李华, 文并摄 李华, 图文/李华, 李华 图文.
const BOTH_ROLES = '(?:文\\s*[/／]\\s*摄(?:影)?|文并摄|图文|文图|文\\s*[/／]\\s*图)';
const BOTH_BEFORE = new RegExp(`^${BOTH_ROLES}\\s*[/／:：]?\\s*(.+)$`);
const BOTH_AFTER = new RegExp(`^(.+?)\\s*[/／]?\\s*${BOTH_ROLES}$`);

/** Names of a line crediting both the text and the pictures to the same people, or null. */
function readWriterPhotographer(text: string): NamedLine | null {
  if (text.length > 40) return null;
  const { inner, hasBullet } = unwrap(text);
  const m = BOTH_BEFORE.exec(inner) ?? BOTH_AFTER.exec(inner);
  if (!m) return null;
  const read = readNames(m[1] ?? '');
  if (!read || read.photoNames.length > 0) return null;
  const names = read.names;
  if (names.length === 0 || (!read.hasRole && !names.every(looksLikeBareName))) return null;
  return { names, photoNames: [...names], hasRole: true, hasBullet };
}

// Text and pictures credited to different people on one line: 记者 王芳/文 李明/摄 (roles after
// the names) or 文字：王芳 摄影：李明 / 文/王芳 摄/李明 (roles before them).
const SPLIT_AFTER = /^(.+?)\s*[/／]\s*(?:文|文字)\s+(.+?)\s*[/／]\s*(?:摄影|摄|图片|图)$/;
const SPLIT_BEFORE = /^(?:文字|文)\s*[:：/／]\s*(.+?)\s+(?:摄影|摄|图片)\s*[:：/／]\s*(.+)$/;

/** A line crediting the text to some people and the pictures to others, or null. */
function readSplitCredit(text: string): NamedLine | null {
  if (text.length > 40) return null;
  const { inner, hasBullet } = unwrap(text);
  const m = SPLIT_AFTER.exec(inner) ?? SPLIT_BEFORE.exec(inner);
  if (!m) return null;
  const writers = readNames(m[1] ?? '');
  const photographers = readNames(m[2] ?? '');
  if (!writers || !photographers || writers.photoNames.length > 0 || photographers.photoNames.length > 0) return null;
  const all = [...writers.names, ...photographers.names];
  if (writers.names.length === 0 || photographers.names.length === 0) return null;
  if (!writers.hasRole && !photographers.hasRole && !all.every(looksLikeBareName)) return null;
  return { names: writers.names, photoNames: photographers.names, hasRole: true, hasBullet };
}

/** Reads a reporter byline (the whole text); null when the text is not one. */
export function readByline(text: string): NamedLine | null {
  const both = readWriterPhotographer(text) ?? readSplitCredit(text);
  if (both) return both;
  if (text.length > 40 || text.includes('摄')) return null;
  const { inner, bracketed, hasBullet } = unwrap(text);
  const read = readNames(inner);
  if (!read) return null;
  // Without a role word a bare name is only trusted after a bullet (■成佳佳); (张三) alone is not a byline.
  if (!read.hasRole && !hasBullet) return null;
  if (bracketed && !read.hasRole) return null;
  if (read.names.length === 0) return null; // only a picture credit (图/王五) is read by readCredit
  return { names: read.names, ...(read.photoNames.length > 0 ? { photoNames: read.photoNames } : {}), hasRole: read.hasRole, hasBullet };
}

// Matches the credit word at the end (陈二 摄, 王五/摄, 王五摄影) or the start (摄影 王五, 图/王五).
const CREDIT_END = /[\s/／]*摄影?$/;
const CREDIT_START = /^(?:摄影|摄|图)\s*[/／:：]?\s*/;

/** Reads a photo credit (the whole text); null when the text is not one. */
export function readCredit(text: string): NamedLine | null {
  if (text.length > 40 || readWriterPhotographer(text) || readSplitCredit(text)) return null;
  const { inner, hasBullet } = unwrap(text);
  let rest: string;
  if (CREDIT_END.test(inner) && inner.includes('摄')) rest = inner.replace(CREDIT_END, '');
  else if (CREDIT_START.test(inner) && (inner.startsWith('摄') || /^图\s*[/／:：]/.test(inner))) rest = inner.replace(CREDIT_START, '');
  else return null;
  const read = readNames(rest);
  if (!read) return null;
  const names = [...read.names, ...read.photoNames];
  // Without a role word or bullet, every name must read as a personal name (摄影大赛 is no credit).
  if (!read.hasRole && !hasBullet && !names.every(looksLikeBareName)) return null;
  return { names, hasRole: read.hasRole, hasBullet };
}

/** Where a byline or credit glued to the end of a text line starts, with what it is; null if none. */
export function trailingByline(text: string): { index: number; kind: 'byline' | 'photo-credit'; line: NamedLine } | null {
  const candidates: number[] = [];
  // A bullet (■ ●) opening the tail: "…讨论。 ■记者 张蓓".
  for (let i = text.length - 1; i > 0 && i >= text.length - 40; i--) {
    if (BULLETS.includes(text[i] ?? '') && text[i] !== '□') candidates.push(i);
  }
  // A bracketed tail: "…发言。(记者 赵四)" or "（摄影 王五）".
  if (/[）)]$/.test(text)) {
    const open = Math.max(text.lastIndexOf('('), text.lastIndexOf('（'));
    if (open > 0) candidates.push(open);
  }
  // A space-separated tail after the last sentence end: "…讨论。 记者 张蓓", "… 陈二 摄".
  const end = Math.max(text.lastIndexOf('。'), text.lastIndexOf('！'), text.lastIndexOf('？'), text.lastIndexOf('”'));
  if (end > 0 && end < text.length - 1 && /\s/.test(text[end + 1] ?? '')) candidates.push(end + 1);
  // A credit after a space at the end of a caption line: "…游人如织 刘坤 摄", "…首日 徐刚/摄".
  // Only a credit is read here: the 摄 at the end is what marks the tail, not the space.
  const creditStarts: number[] = [];
  if (/摄影?$/.test(text)) {
    for (let i = text.length - 2; i > 0 && i >= text.length - 16; i--) {
      if (/\s/.test(text[i] ?? '') && !/\s/.test(text[i - 1] ?? '')) creditStarts.push(i);
    }
  }
  // A picture credit after a space at the end of a caption line: "…送上热姜茶 图/周立".
  const picture = /\s(?:图|图片|摄影)\s*[/／:：]\s*[\u4e00-\u9fa5·]{2,5}$/.exec(text);
  if (picture) creditStarts.push(picture.index);
  // "…稻田里作业 □记者 钱骏 摄": a credit with its role word (or bullet) is taken whole, not from its name on.
  for (const index of [...creditStarts].sort((a, b) => a - b)) {
    const credit = readCredit(text.slice(index));
    if (credit && (credit.hasRole || credit.hasBullet) && text.slice(0, index).trim().length > 0) return { index, kind: 'photo-credit', line: credit };
  }
  for (const index of [...candidates, ...creditStarts]) {
    const tail = text.slice(index);
    const head = text.slice(0, index).trim();
    if (head.length === 0) continue;
    const credit = readCredit(tail);
    if (credit) return { index, kind: 'photo-credit', line: credit };
    const byline = readByline(tail);
    if (creditStarts.includes(index) && !candidates.includes(index) && !byline?.photoNames) continue;
    // An unbracketed tail without a bullet needs a role word (记者 张蓓), else "…。 张三" is too weak.
    if (byline && (byline.hasBullet || byline.hasRole)) return { index, kind: 'byline', line: byline };
    // A writer's name in brackets right after a finished sentence signs a brief off (…技术。（施佳）).
    const bare = /^[（(]([^（()）]+)[）)]$/.exec(tail)?.[1]?.trim() ?? '';
    if (bare && looksLikeBareName(bare) && /[。！？!?”]$/.test(head)) {
      return { index, kind: 'byline', line: { names: [bare], hasRole: false, hasBullet: false } };
    }
    // A source line glued to the last sentence signs it off too: …商量着办。(唐秀英 供稿).
    const source = /[。！？!?”]$/.test(head) ? readSourceLine(tail) : null;
    if (source) return { index, kind: 'byline', line: { names: source.names, hasRole: false, hasBullet: false } };
  }
  return null;
}

// Matches the byline in a lead: 本报讯(记者 张雯), 本报讯（记者 王芳 通讯员 李明）.
const LEAD_BYLINE = /^本报讯\s*[（(]([^（()）]{2,40})[）)]/;
// The same without brackets, each name standing between spaces: 本报讯 记者 何婷 通讯员 曹磊 8月5日，….
const LEAD_BYLINE_BARE = /^本报讯\s+((?:(?:本报|见习|实习)?(?:记者|通讯员|实习生)\s*[\u4e00-\u9fa5]{2,4}(?:\s+[\u4e00-\u9fa5]{2,4})*\s+)+)/;

/** Names in a 本报讯(记者 …) or 本报讯 记者 … lead, or [] when the lead carries none. */
export function leadBylineNames(paragraph: string): string[] {
  const m = LEAD_BYLINE.exec(paragraph.trim()) ?? LEAD_BYLINE_BARE.exec(paragraph.trim());
  if (!m) return [];
  const read = readNames(m[1] ?? '');
  return read && read.hasRole ? read.names : [];
}

// Common Chinese surnames (general knowledge), used to accept a bare name line such as 宗河.
const SURNAMES = new Set([...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由'].concat(['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '令狐', '夏侯', '端木', '司徒']));

/** True when a short line reads as a bare personal name (surname + given name, 2–4 Han). */
export function looksLikeBareName(text: string): boolean {
  const t = text.trim();
  if (!isName(t) || t.includes('·')) return false;
  const chars = [...t];
  return SURNAMES.has(chars[0] ?? '') || (chars.length >= 3 && SURNAMES.has(chars.slice(0, 2).join('')));
}

// The last character of a place or an organisation's name (浦江镇, 区委宣传部): no person's name.
const ORG_END = /[镇区县市村局委办部队所站院校会社司厂馆心道处科室团组]$/;

// A source or signature line: (浦江镇 供稿), （区委宣传部供稿）, (通讯员 钱磊 供稿), （来源：区融媒体中心）,
// (据新华社). It credits where the copy came from, at an article's end; it is never a title.
const SOURCE_AFTER = /^(.{1,24}?)\s*(?:供稿|供图|供稿供图|提供|投稿|来稿|整理|报道|综合)$/;
const SOURCE_BEFORE = /^(?:来源|稿件来源|作者单位|据)[:：\s]?\s*(.{1,24})$/;

/** A parenthesised source or signature line, with the person it names (if it names one); null otherwise. */
export function readSourceLine(text: string): { names: string[] } | null {
  if (text.length > 40) return null;
  const { inner, bracketed } = unwrap(text);
  if (!bracketed) return null;
  const m = SOURCE_AFTER.exec(inner.trim()) ?? SOURCE_BEFORE.exec(inner.trim());
  if (!m) return null;
  // A person (通讯员 钱磊, 记者 王芳, 唐秀英 …) is a byline; an organisation (浦江镇, 区委宣传部) names nobody.
  const read = readNames(m[1] ?? '');
  if (read?.hasRole) return { names: [...read.names, ...read.photoNames] };
  const who = (m[1] ?? '').trim();
  return { names: looksLikeBareName(who) && !ORG_END.test(who) ? [who] : [] };
}
