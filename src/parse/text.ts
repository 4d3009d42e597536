/**
 * Character-level helpers shared by the parser modules: what counts as blank, as Han text,
 * as the end of a sentence, and how printed numbers (full-width, Chinese numerals) read.
 */

/** Invisible characters that extraction leaves behind; they carry no text. */
// Matches zero-width space/joiners, word joiner, BOM and stray carriage returns.
export const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\r]/g;

// Matches any character that may be trimmed from a block's ends (incl. U+3000 indentation).
const BLANK = /[\s\u200B-\u200D\u2060\uFEFF]/;

/** True when the character is whitespace or invisible. */
export function isBlank(ch: string | undefined): boolean {
  return ch !== undefined && BLANK.test(ch);
}

/** Removes invisible characters (zero-width, BOM, CR) from text that will be published. */
export function clean(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** Removes all whitespace and invisible characters, for comparisons and statistics. */
export function squeeze(text: string): string {
  return text.replace(/[\s\u200B-\u200D\u2060\uFEFF]+/g, '');
}

// Matches one CJK unified ideograph (basic block and extension A).
const HAN = /[\u3400-\u4DBF\u4E00-\u9FFF]/;

/** True when the character is a Han ideograph. */
export function isHan(ch: string | undefined): boolean {
  return ch !== undefined && HAN.test(ch);
}

/** Number of Han characters in the text. */
export function hanCount(text: string): number {
  let n = 0;
  for (const ch of text) if (isHan(ch)) n++;
  return n;
}

// Sentence-final punctuation: a block ending in one of these finishes its sentence. A semicolon
// is not one: no printed paragraph ends with ；, so a block ending in it runs on in another block.
const FINAL = new Set(['。', '！', '？', '!', '?', '…']);
// Closing quotes/brackets finish a sentence only when they close one that already ended.
const CLOSERS = new Set(['”', '’', '」', '』', '）', ')', '》', '】', '"']);

/** True when the text ends a sentence (。！？… possibly inside closing quotes or brackets). */
export function endsSentence(text: string): boolean {
  const chars = [...squeeze(text)];
  let i = chars.length - 1;
  while (i >= 0 && CLOSERS.has(chars[i] ?? '')) i--;
  if (i < 0) return false;
  const last = chars[i] ?? '';
  if (!FINAL.has(last)) return false;
  // A quote opened and never closed means the sentence runs on (“…。 is inside a quotation).
  return quoteBalance(text) <= 0;
}

/** Opening minus closing Chinese double quotes: > 0 means a quotation is still open. */
export function quoteBalance(text: string): number {
  let n = 0;
  for (const ch of text) {
    if (ch === '“') n++;
    else if (ch === '”') n--;
  }
  return n;
}

// Punctuation that cannot open a sentence: a block starting with it continues another one.
const NON_INITIAL = new Set(['，', ',', '。', '、', '；', ';', '：', ':', '”', '’', '）', ')', '》', '！', '？', '…', '」', '』', '】']);

/** True when the text starts with punctuation that can only continue a sentence. */
export function startsWithContinuationPunct(text: string): boolean {
  const first = [...squeeze(text)][0];
  return first !== undefined && NON_INITIAL.has(first);
}

// Discourse openers that begin a sentence and are set off by a comma (据了解，/ 会上，/ 目前，).
const OPENER = /^(?:据(?:了解|介绍|悉|统计|报道|透露)|(?:会上|会后|目前|此外|同时|另外|对此|为此|此前|随后|当天|近年来|近日|日前|今年以来|下一步|与此同时)[，,]|截至[^，,。；]{1,12}[，,])/;

// A speaker or a full date opening a clause (区应急管理局负责人强调，/ 谭明明在讲话中指出：/ 8月11日，).
const ATTRIBUTION = /^(?:[^，。；！？,;!?“”]{2,20}?(?:表示|指出|强调|介绍|认为|提出|要求|希望)[，,:：]|[0-9０-９]{1,2}月[0-9０-９]{1,2}日(?:[上下]午|晚)?[，,])/;

/** True when the text opens with a discourse opener or a speaker: it starts a sentence (and is no title). */
export function opensSentence(text: string): boolean {
  const t = squeeze(text);
  return OPENER.test(t) || ATTRIBUTION.test(t);
}

// Clause-internal punctuation: a line containing any of these reads as running text, not a title.
export const SENTENCE_PUNCT = /[，,。；;：:！？!?]/;

const CN_DIGITS: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** Reads a printed number: ASCII or full-width digits, or Chinese numerals up to 九十九; NaN if not a number. */
export function readNumber(text: string): number {
  const ascii = text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).trim();
  if (/^\d+$/.test(ascii)) return Number(ascii);
  // Chinese numerals: 三, 十二, 二十, 二十三, 十.
  const m = /^([一二两三四五六七八九])?(十)?([〇零一二三四五六七八九])?$/.exec(ascii);
  if (!m || ascii === '') return Number.NaN;
  const [, tens, ten, ones] = m;
  if (ten) return (tens ? (CN_DIGITS[tens] ?? 0) : 1) * 10 + (ones ? (CN_DIGITS[ones] ?? 0) : 0);
  if (tens && !ones) return CN_DIGITS[tens] ?? Number.NaN;
  if (!tens && ones) return CN_DIGITS[ones] ?? Number.NaN;
  return Number.NaN;
}

/** Converts full-width digits to ASCII digits, keeping everything else. */
export function asciiDigits(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}
