/**
 * Page furniture in its several printed forms: the nameplate (徐汇报), the masthead line
 * (准印证号(B)0150 / 第3期(总第1657期) / 2022年1月17日 星期一, 闵行报 2023年5月12日 星期五
 * 第18期 总第2015期), 版 headers (第2版 要闻, 02 综合新闻), and promo lines (APP, 微信, 数字报 URL).
 */
import type { Paper } from '../types.js';
import { asciiDigits, readNumber, squeeze } from './text.js';

/** What one masthead line says. Absent keys were not printed on it. */
export interface MastheadFacts {
  paper?: string;
  issueNumber?: string;
  totalNumber?: string;
  date?: string;
  weekday?: string;
  pageNumber?: number;
  pageName?: string;
  reason: string;
}

// Matches 第3期 / 第 3 期 (not the 总第… form).
const ISSUE = /(?<!总)第\s*([0-9０-９]{1,5})\s*期/;
// Matches 总第1657期 / 总 第 1657 期.
const TOTAL = /总\s*第?\s*([0-9０-９]{1,6})\s*期/;
// Matches a full printed date 2022年1月17日 (ASCII or full-width digits).
const FULL_DATE = /([0-9０-９]{4})\s*年\s*([0-9０-９]{1,2})\s*月\s*([0-9０-９]{1,2})\s*日/;
// Matches a weekday 星期一 … 星期日 / 星期天 / 周一.
const WEEKDAY = /(星期|周)([一二三四五六日天])/;
// Matches registration furniture: 准印证号, 国内统一刊号 CN 31-…, 内部资料.
const REGISTRATION = /准印证|刊号|CN\s*\d{2}\s*-\s*\d{4}|内部资料|免费交流/;
// Matches a 版 header: 第2版 要闻, 第3版：综合新闻, 第 2 版.
const PAGE_HEADER = /^第\s*([0-9０-９一二三四五六七八九十]{1,3})\s*版\s*[:：·|｜\-—/／]?\s*([\u4e00-\u9fa5·]{2,10})?$/;
// Matches a 版 header set as words of a running head: …浦东时报 第2版 综合新闻 / 第2版 要闻 2024年….
const RUNNING_HEAD_PAGE = /(?:^|\s)第\s*([0-9０-９一二三四五六七八九十]{1,3})\s*版(?:\s*[:：·|｜]?\s*([\u4e00-\u9fa5·]{2,10}))?(?=\s|$)/;
// Matches a bare-number 版 header: 02 综合新闻, 3 要闻.
const NUMBER_HEADER = /^([0-9０-９]{1,2})\s+([\u4e00-\u9fa5·]{2,8})$/;
// Clause punctuation: a line with it is running text, never furniture.
const RUNNING_TEXT = /[，。；！？]/;

// Matches promo lines: apps, 微信/微博/抖音 accounts, QR codes.
const PROMO = /APP|App|app|客户端|微信|微博|抖音|公众号|视频号|小红书|快手|二维码|扫码|扫一扫|头条号|B站/;
// Matches a web address.
const URL = /https?:\/\/|www\.|\.com|\.cn\b|\.net\b/;
// Matches the digital-edition line (数字报, 电子报, 电子版).
const DIGITAL = /数字报|电子报|电子版|数字版/;
// Matches the page's staff credits: 责任编辑 王佳 版式 陈晨 / 本版编辑：李明 / 校对 张三.
const STAFF_ROLE = '(?:本版责任编辑|责任编辑|本版责编|版面责编|本版编辑|版面编辑|值班编辑|美术编辑|图片编辑|版面设计|视觉设计|美术设计|责编|编辑|美编|校对|版式|组版|排版|照排)';
const STAFF_NAME = '(?:\\s+|\\s*[:：/]\\s*)[\\u4e00-\\u9fa5]{2,4}';
const STAFF = new RegExp(`^${STAFF_ROLE}${STAFF_NAME}(?:\\s*${STAFF_ROLE}${STAFF_NAME})*$`);
// Matches the paper's own notices: subscriptions, advertising and reader hotlines.
const NOTICE = /欢迎订阅|订阅热线|订阅电话|邮发代号|广告热线|广告电话|发行热线|新闻热线|读者热线/;

/** Names a paper may be printed under, longest first so 青浦时报 wins over 青浦报. */
function paperNames(papers: Paper[]): Array<{ name: string; paper: Paper }> {
  return papers
    .flatMap((paper) => [paper.name, ...(paper.aliases ?? [])].map((name) => ({ name, paper })))
    .sort((a, b) => b.name.length - a.name.length);
}

/** The paper whose name (or alias) the whole line is, as in a nameplate line 《徐汇报》. */
export function nameplate(text: string, papers: Paper[]): Paper | null {
  const t = squeeze(text).replace(/[《》〈〉<>「」]/g, '');
  return paperNames(papers).find(({ name }) => t === name)?.paper ?? null;
}

/** Reason why a line is furniture (promo, URL, digital edition, staff credits, notices), or null when it is not. */
export function furnitureReason(text: string): string | null {
  const t = text.trim();
  if (RUNNING_TEXT.test(t) && t.length > 30) return null;
  if (URL.test(t) && t.length <= 80) return 'web address line';
  if (DIGITAL.test(t) && t.length <= 40) return 'digital edition line';
  if (PROMO.test(t) && t.length <= 30 && !RUNNING_TEXT.test(t)) return 'app / social media promo line';
  if (STAFF.test(t)) return 'staff credit line (编辑, 校对, 版式)';
  if (NOTICE.test(t) && t.length <= 40) return "the paper's own notice (订阅, 热线)";
  if (PAGE_LABEL.test(t)) return 'running head: the page\'s section and number (要闻·3)';
  if (PRODUCED_BY.test(t)) return 'credit line of the page\'s producer (…出品)';
  return null;
}

// A line crediting who produced the page or its multimedia: 闵行区融媒体中心出品, 本报新媒体中心制作.
const PRODUCED_BY = /^[\u4e00-\u9fa5]{2,16}(?:出品|制作|监制)$/;
// A running head naming the page by its section and number: 要闻·3, 3·综合新闻, 社区 | 4.
// (02 综合新闻 and 第2版 要闻 are read by the masthead, which takes their 版 number and name.)
const PAGE_LABEL = /^(?:[\u4e00-\u9fa5]{2,6}\s*[·•・|｜]\s*[0-9０-９]{1,2}|[0-9０-９]{1,2}\s*[·•・|｜]\s*[\u4e00-\u9fa5]{2,6})$/;

function isoDate(m: RegExpExecArray): string | undefined {
  const [y, mo, d] = [m[1], m[2], m[3]].map((s) => Number(asciiDigits(s ?? '')));
  if (!y || !mo || !d || mo > 12 || d > 31) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

// Matches a numeric date 2021.12.6 / 2021-12-06 / 2021/12/6 (not inside a longer number).
const NUMERIC_DATE = /(?<![0-9０-９.])([0-9０-９]{4})[.．/／-]([0-9０-９]{1,2})[.．/／-]([0-9０-９]{1,2})(?![0-9０-９])/;
// Matches a printed date alone on its line, optionally with weekday: 2021年3月5日 / 2021年3月5日 星期五.
const DATE_ALONE = /^[0-9０-９]{4}\s*年\s*[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*日\s*(?:(?:星期|周)[一二三四五六日天])?$/;
// Matches a weekday alone on its line: 星期五 / 周五.
const WEEKDAY_ALONE = /^(?:星期|周)[一二三四五六日天]$/;
// Matches a lunar date line: 农历辛丑年正月廿二 / 农历四月廿一.
const LUNAR = /^农历[\u4e00-\u9fa5\s]{2,16}$/;
// Matches a page count: 本期8版 / 今日8版 / 本报今日16版 / 共8版.
const PAGE_COUNT = /^(?:本期|今日|本报今日|今天|共)\s*(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*版$/;
// Matches the publisher line: 中共上海市奉贤区委机关报 / 中共上海市黄浦区委主办 / …出版.
const PUBLISHER = /^[\u4e00-\u9fa5（）()·]{2,24}(?:机关报|主办|主管|编辑出版|出版)$/;
// Matches a romanised nameplate: SONGJIANG NEWS / FENGXIAN BAO / QINGPU TIMES (capitals only).
const ROMAN_NAME = /^[A-Z][A-Z .'&-]{3,40}$/;

/**
 * Reads a line that is masthead only where masthead lines are (the page top, beside other masthead
 * lines): a date or weekday alone, a lunar date, a page count, the publisher, the romanised name.
 * Out of that zone such a line could be a title, so the caller checks the context.
 */
export function readMastheadZoneLine(text: string): MastheadFacts | null {
  const t = text.trim();
  if (DATE_ALONE.test(t)) {
    const m = FULL_DATE.exec(t);
    const iso = m ? isoDate(m) : undefined;
    const weekday = WEEKDAY.exec(t);
    if (iso) return { date: iso, ...(weekday ? { weekday: `星期${weekday[2] === '天' ? '日' : weekday[2]}` } : {}), reason: `masthead zone: date line ${iso}` };
  }
  if (WEEKDAY_ALONE.test(t)) {
    const weekday = WEEKDAY.exec(t);
    return { weekday: `星期${weekday?.[2] === '天' ? '日' : weekday?.[2]}`, reason: 'masthead zone: weekday line' };
  }
  if (LUNAR.test(t)) return { reason: 'masthead zone: lunar date line' };
  if (PAGE_COUNT.test(squeeze(t))) return { reason: 'masthead zone: page count (本期N版)' };
  if (PUBLISHER.test(squeeze(t))) return { reason: 'masthead zone: publisher line (…主办 / 机关报)' };
  if (ROMAN_NAME.test(t) && /[A-Z]{3}/.test(t)) return { reason: 'masthead zone: romanised paper name' };
  return null;
}

/** Reads a masthead / nameplate / 版 header line; null when the line is not one. */
export function readMasthead(text: string, papers: Paper[]): MastheadFacts | null {
  const t = text.trim();
  if (t.length === 0 || t.length > 90 || RUNNING_TEXT.test(t)) return null;
  const plate = nameplate(t, papers);
  if (plate) return { paper: plate.name, reason: `nameplate: the paper name ${plate.name}` };

  const header = PAGE_HEADER.exec(t) ?? NUMBER_HEADER.exec(t);
  if (header) {
    const n = readNumber(header[1] ?? '');
    if (Number.isFinite(n) && n > 0 && n < 100) {
      return {
        pageNumber: n,
        ...(header[2] ? { pageName: header[2] } : {}),
        reason: `版 header: page ${n}${header[2] ? ` ${header[2]}` : ''}`,
      };
    }
  }

  const facts: MastheadFacts = { reason: '' };
  const reasons: string[] = [];
  const issue = ISSUE.exec(t);
  if (issue) { facts.issueNumber = `第${Number(asciiDigits(issue[1] ?? ''))}期`; reasons.push(facts.issueNumber); }
  const total = TOTAL.exec(t);
  if (total) { facts.totalNumber = `总第${Number(asciiDigits(total[1] ?? ''))}期`; reasons.push(facts.totalNumber); }
  const weekday = WEEKDAY.exec(t);
  // 2021.12.6 星期一: a numeric date is a running head's only beside its weekday.
  const date = FULL_DATE.exec(t) ?? (weekday ? NUMERIC_DATE.exec(t) : null);
  const registration = REGISTRATION.test(t);
  // A printed date is masthead only beside other masthead facts or a weekday, never inside a headline.
  if (date && (weekday || issue || total || registration)) {
    const iso = isoDate(date);
    if (iso) { facts.date = iso; reasons.push(iso); }
  }
  if (weekday && facts.date) { facts.weekday = `星期${weekday[2] === '天' ? '日' : weekday[2]}`; }
  // A running head sets the paper name as a word of its own anywhere (2024年10月16日 星期三 浦东时报 第2版).
  const tokens = t.split(/\s+/).map((w) => w.replace(/[《》]/g, ''));
  const named = paperNames(papers).find(({ name }) => t.startsWith(name) || t.startsWith(`《${name}》`) || tokens.includes(name));
  if (named && (facts.date || issue || total)) { facts.paper = named.paper.name; reasons.push(named.paper.name); }
  // …and its 版 header as a run of its own words: 第2版 综合新闻 at the start or the end.
  const page = facts.date || issue || total ? RUNNING_HEAD_PAGE.exec(t) : null;
  const pageNumber = page ? readNumber(page[1] ?? '') : NaN;
  if (page && Number.isFinite(pageNumber) && pageNumber > 0 && pageNumber < 100) {
    facts.pageNumber = pageNumber;
    const name = page[2];
    if (name && !paperNames(papers).some((p) => p.name === name) && !WEEKDAY.test(name)) facts.pageName = name;
    reasons.push(`page ${pageNumber}${facts.pageName ? ` ${facts.pageName}` : ''}`);
  }
  if (!issue && !total && !facts.date && !registration) return null;
  if (registration) reasons.push('registration number');
  facts.reason = `masthead line: ${reasons.join(', ')}`;
  return facts;
}
