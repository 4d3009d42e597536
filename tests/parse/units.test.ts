/** Unit tests per parser module: markers, bylines, masthead, titles, dates, year clues, classification, joins. */
import { describe, expect, it } from 'vitest';
import { splitLines } from '../../src/parse/blocks.js';
import { readByline, readCredit, trailingByline, leadBylineNames, looksLikeBareName } from '../../src/parse/byline.js';
import { classify } from '../../src/parse/classify.js';
import { datelineOf, eventDates } from '../../src/parse/dates.js';
import { inferPaper, inferYear, type Located } from '../../src/parse/infer.js';
import { wholeLineMarker, trailingMarker, leadingMarker } from '../../src/parse/markers.js';
import { furnitureReason, readMasthead } from '../../src/parse/masthead.js';
import { reorder } from '../../src/parse/reorder.js';
import { parsePage } from '../../src/parse/index.js';
import { assignTitleRoles, mergedTitleSplit } from '../../src/parse/titles.js';
import type { Paper } from '../../src/types.js';
import papersJson from '../../src/papers.json' with { type: 'json' };

const papers = papersJson as Paper[];
const located = (text: string): Located => ({ text, at: () => ({ start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }) });
const kinds = (body: string) => classify(splitLines(body, 1), papers).map((u) => [u.kind, u.text]);

describe('markers', () => {
  it.each([
    ['(下转第4版)', 'to', '第4版'], ['（转第2版）', 'to', '第2版'], ['转2版', 'to', '第2版'], ['详见第5版', 'to', '第5版'],
    ['刊2版▶', 'to', '第2版'], ['下转第四版', 'to', '第4版'], ['(上接第1版)', 'from', '第1版'], ['(接第1版)', 'from', '第1版'],
  ])('%s is a %s marker for %s', (text, direction, page) => {
    expect(wholeLineMarker(text)).toMatchObject({ direction, page });
  });
  it('finds markers glued to text', () => {
    expect(trailingMarker('有限公司,下转▶3版')).toMatchObject({ raw: '下转▶3版', page: '第3版' });
    expect(trailingMarker('坚实基础。（转第2版）')).toMatchObject({ page: '第2版' });
    expect(leadingMarker('(上接第1版)把精益求精')).toMatchObject({ raw: '(上接第1版)', page: '第1版' });
    expect(trailingMarker('第2版 要闻')).toBeNull();
    expect(trailingMarker('吴淞口国际邮轮港滨江公园向市民开放 3版▶')).toMatchObject({ raw: '3版▶', page: '第3版' });
    expect(trailingMarker('全区共有3版')).toBeNull(); // a page count without its arrow points nowhere
    expect(wholeLineMarker('第2版 要闻')).toBeNull();
  });
});

describe('bylines and credits', () => {
  it.each([
    ['■记者 张蓓', ['张蓓']], ['● 记者 刘坤', ['刘坤']], ['记者 姚丽敏', ['姚丽敏']], ['■记者 毛信慧 成佳佳', ['毛信慧', '成佳佳']],
    ['■成佳佳', ['成佳佳']], ['□记者 王芳 通讯员 李明', ['王芳', '李明']], ['文/记者 陈静', ['陈静']], ['本报记者 张三', ['张三']], ['(记者 赵四)', ['赵四']],
    ['文/区农技中心 蒋立华', ['蒋立华']], ['通讯员 区人民法院 周雅琴', ['周雅琴']],
  ])('%s names %j', (text, names) => {
    expect(readByline(text)?.names).toEqual(names);
  });
  it.each([['陈二 摄', ['陈二']], ['■记者 朱良城 摄', ['朱良城']], ['（摄影 王五）', ['王五']], ['王五/摄', ['王五']], ['图/王五', ['王五']]])('%s credits %j', (text, names) => {
    expect(readCredit(text)?.names).toEqual(names);
  });
  it('rejects running text and titles', () => {
    expect(readByline('区委召开会议')).toBeNull();
    expect(readByline('(2024-2026年)')).toBeNull();
    expect(readByline('文/区农技中心')).toBeNull(); // an affiliation alone names no one
    expect(readCredit('摄影大赛')).toBeNull();
  });
  it('splits bylines and credits off the end of a line', () => {
    expect(trailingByline('开展了讨论。 ■记者 张蓓')).toMatchObject({ kind: 'byline', line: { names: ['张蓓'] } });
    expect(trailingByline('家国情怀。 ■记者 朱良城 摄')).toMatchObject({ kind: 'photo-credit' });
    // A credit after a caption keeps its role word and bullet with it, not in the caption.
    const caption = '收割机在稻田里作业 □记者 钱岚 摄';
    const credit = trailingByline(caption);
    expect(credit === null ? null : caption.slice(0, credit.index).trim()).toBe('收割机在稻田里作业');
    expect(credit?.line.names).toEqual(['钱岚']);
    expect(trailingByline('交流发言。(记者 赵四)')).toMatchObject({ kind: 'byline', line: { names: ['赵四'] } });
    expect(trailingByline('签订《战略合作协议》(2024-2026年)')).toBeNull();
  });
  it('reads the byline inside a lead and bare names', () => {
    expect(leadBylineNames('本报讯(记者 张雯)区委常委会…')).toEqual(['张雯']);
    expect(leadBylineNames('本报讯 7月23日,…')).toEqual([]);
    expect(leadBylineNames('本报讯 记者 周敏 通讯员 陆斌 3月2日，区里召开会议。')).toEqual(['周敏', '陆斌']);
    expect(leadBylineNames('本报讯 见习记者 马兰 5月6日，…')).toEqual(['马兰']);
    expect(leadBylineNames('本报讯 记者从区卫健委获悉，…')).toEqual([]);
    expect(trailingByline('……让居民的事居民商量着办。（张晓梅 供稿）')?.line.names).toEqual(['张晓梅']);
    expect(trailingByline('……让居民的事居民商量着办。（江桥镇 供稿）')?.line.names).toEqual([]);
    expect(looksLikeBareName('宗河')).toBe(true);
    expect(looksLikeBareName('大字新闻')).toBe(false);
  });
});

describe('masthead', () => {
  it('reads the masthead forms', () => {
    expect(readMasthead('准印证号(B)0150 / 第3期(总第1657期) / 2022年1月17日 星期一', papers)).toMatchObject({
      issueNumber: '第3期', totalNumber: '总第1657期', date: '2022-01-17', weekday: '星期一',
    });
    expect(readMasthead('2023年5月12日 星期五 第18期 总第2015期', papers)).toMatchObject({ issueNumber: '第18期', totalNumber: '总第2015期', date: '2023-05-12' });
    expect(readMasthead('闵行报 2023年5月12日 星期五 第18期(总第2015期)', papers)).toMatchObject({ paper: '闵行报' });
    expect(readMasthead('第 3 期', papers)).toMatchObject({ issueNumber: '第3期' });
    expect(readMasthead('徐汇报', papers)).toMatchObject({ paper: '徐汇报' });
    expect(readMasthead('《青浦时报》', papers)).toMatchObject({ paper: '青浦报' });
    expect(readMasthead('第2版 要闻', papers)).toMatchObject({ pageNumber: 2, pageName: '要闻' });
    expect(readMasthead('02 综合新闻', papers)).toMatchObject({ pageNumber: 2, pageName: '综合新闻' });
  });
  it('leaves headlines and running text alone', () => {
    expect(readMasthead('2022年徐汇区重大工程集中开工', papers)).toBeNull();
    expect(readMasthead('本报讯 2022年1月17日，区委召开会议。', papers)).toBeNull();
  });
  it('recognises promo and URL furniture', () => {
    for (const t of ['徐汇通 APP', '上海徐汇微信', '上海徐汇发布微博', '上海徐汇抖音', '《徐汇报》数字报 <http://www.xuhuibao.com>']) expect(furnitureReason(t)).not.toBeNull();
    expect(furnitureReason('区委召开会议')).toBeNull();
  });
  it('recognises staff credits and the paper\'s own notices as furniture, not titles', () => {
    for (const t of ['责任编辑 李明 美编 赵红', '本版责编 何平 版面设计 刘畅', '责编 孙伟', '本版编辑：周洁', '校对/陈立', '欢迎订阅2024年度《松江报》', '广告热线：021-12345678', '版面责编:钟岚', '本版责任编辑 杨帆', '责任编辑 顾敏 视觉设计 方晓', '要闻·3', '2 · 综合新闻', '奉贤区融媒体中心出品']) expect(furnitureReason(t)).not.toBeNull();
    for (const t of ['奋斗·青春', '要闻·2024年']) expect(furnitureReason(t)).toBeNull();
    for (const t of ['编辑部会议', '资深编辑谈写作', '订阅读者明显增加，邮局延长营业时间以方便市民办理各类业务，受到欢迎。']) expect(furnitureReason(t)).toBeNull();
  });
});

describe('titles', () => {
  it('splits a merged factual + thematic line', () => {
    const t = '区区级机关党员干部主题党日分享抗疫事迹 65家基层党组织在线收看 回望来时路 以实际行动践行初心使命';
    const split = mergedTitleSplit(t);
    expect(split === null ? null : t.slice(split.at)).toBe('回望来时路 以实际行动践行初心使命');
    expect(mergedTitleSplit('强化创新策源功能 彰显人民城市宜居魅力 营造风清气正氛围')).toBeNull();
    expect(mergedTitleSplit('共谋发展向前看 区区合作再出发')).toBeNull();
    expect(mergedTitleSplit('增进友谊 共赢发展')).toBeNull();
    // Reports of what opened or went online are factual too.
    const opened = '滨江绿道贯通段正式开放 漫步江岸 乐享生活';
    const at = mergedTitleSplit(opened)?.at;
    expect(at === undefined ? null : opened.slice(at)).toBe('漫步江岸 乐享生活');
    expect(mergedTitleSplit('区医院临床研究中心正式上线 医教协同 守护健康')?.upper).toBe('kicker');
    // 共建共治共享 is a slogan, not a report: the tail stays thematic.
    const slogan = '张堰镇召开社区治理工作交流会 党建引领聚合力 共建共治共享';
    const cut = mergedTitleSplit(slogan)?.at;
    expect(cut === undefined ? null : slogan.slice(cut)).toBe('党建引领聚合力 共建共治共享');
  });
  it('reads an agenda of reports heard (听取…报告) as the kicker over the meeting it reports', () => {
    const agenda = '听取和审议区政府关于老旧小区改造情况的报告 区人大常委会举行第12次会议';
    const split = mergedTitleSplit(agenda);
    expect(split?.upper).toBe('kicker');
    expect(split === null ? null : agenda.slice(split.at)).toBe('区人大常委会举行第12次会议');
  });
  it('reads a study directive (深入学习贯彻…思想) over a meeting line as its kicker, also with a slogan after it', () => {
    const stack = [{ text: '深入学习贯彻党的创新理论 推动基层治理再上新台阶' }, { text: '区委常委会举行专题学习会' }];
    expect(assignTitleRoles(stack).map((u) => u.role)).toEqual(['kicker', 'headline']);
    // A slogan pair without the directive stays the headline over its factual line.
    expect(assignTitleRoles([{ text: '凝心聚力 推动基层治理再上新台阶' }, { text: '区委常委会举行专题学习会' }]).map((u) => u.role)).toEqual(['headline', 'subheadline']);
  });
  it('splits a headline from its ——subheadline set after a space on the same line', () => {
    const t = '书香满城 阅读点亮生活 ——本区举办第十届读书节';
    const split = mergedTitleSplit(t);
    expect(split).toMatchObject({ upper: 'headline', lower: 'subheadline' });
    expect(split === null ? null : t.slice(split.at)).toBe('——本区举办第十届读书节');
    expect(mergedTitleSplit('小巷里的“老宋”—— 一位社区民警的十年')).toBeNull(); // no space before the dash
  });
  it('splits a short merged line by what each part reads as, not by length', () => {
    const roles = (t: string) => {
      const s = mergedTitleSplit(t);
      return s === null ? null : [t.slice(0, s.at).trim(), s.upper, t.slice(s.at), s.lower];
    };
    expect(roles('区政府与华东理工大学签署新一轮战略合作协议 校地携手共绘创新蓝图')).toEqual(['区政府与华东理工大学签署新一轮战略合作协议', 'kicker', '校地携手共绘创新蓝图', 'headline']);
    // The factual kicker keeps both of its factual phrases; only the slogan tail is the headline.
    expect(roles('区人大常委会召开第十八次会议 听取和审议区政府专项工作报告 依法履职 为民代言')?.slice(2)).toEqual(['依法履职 为民代言', 'headline']);
    expect(roles('凝心聚力 奋楫争先 区委理论学习中心组举行专题学习会')).toEqual(['凝心聚力 奋楫争先', 'headline', '区委理论学习中心组举行专题学习会', 'subheadline']);
    expect(roles('传达学习市委全会精神 区委常委会举行会议')).toEqual(['传达学习市委全会精神', 'kicker', '区委常委会举行会议', 'headline']);
  });
  it('compares the lines of a stack: an agent doing an event is factual, a verb-initial line is a call to action', () => {
    expect(assignTitleRoles([{ text: '调研走访解民忧' }, { text: '朱泾镇开展“大走访”活动' }]).map((u) => u.role)).toEqual(['headline', 'subheadline']);
    expect(assignTitleRoles([{ text: '赵巷镇启动“美丽庭院”星级评选' }, { text: '小庭院扮靓大乡村' }]).map((u) => u.role)).toEqual(['kicker', 'headline']);
    expect(assignTitleRoles([{ text: '守护“一江清水”' }, { text: '金汇镇河长制工作推进会召开' }]).map((u) => u.role)).toEqual(['headline', 'subheadline']);
  });
  it('takes the thematic line of a two-line stack as the headline', () => {
    expect(assignTitleRoles([{ text: '增进友谊 共赢发展' }, { text: '区领导会见代表团一行' }]).map((u) => u.role)).toEqual(['headline', 'subheadline']);
    expect(assignTitleRoles([{ text: '本区举行机关工作人员宪法知识竞赛' }, { text: '普及宪法知识 弘扬宪法精神' }]).map((u) => u.role)).toEqual(['kicker', 'headline']);
    expect(assignTitleRoles([{ text: '大格局谋发展 高质量抓落实' }, { text: '——区委学习讨论会侧记' }]).map((u) => u.role)).toEqual(['headline', 'subheadline']);
  });
});

describe('dates', () => {
  it('takes the lead date, not a time of day nor a scheduled event', () => {
    expect(datelineOf('本报讯 4月28日下午,区长主持会议。')?.raw).toBe('4月28日');
    expect(datelineOf('本报讯 12月7日至8日,区委召开学习讨论会。')?.raw).toBe('12月7日至8日');
    expect(datelineOf('本报讯(记者 耿小彦)11月5日至10日,第七届进博会将在上海如期举行。11月4日上午,区委书记会见客人。')?.raw).toBe('11月4日');
    expect(datelineOf('本报讯(记者 张雯)区委常委会11月1日下午举行会议。')?.raw).toBe('11月1日');
    expect(datelineOf('本报讯(记者 殷建华)近日,活动举办。2022年3月,双方签约。')).toBeNull();
    expect(datelineOf('徐汇区会议1月12日下午举行。')).toBeNull();
  });
  it('drops scheduled events from event dates', () => {
    expect(eventDates('11月5日至10日,进博会将在上海举行。11月4日,会见。').map((d) => d.raw)).toEqual(['11月4日']);
  });
});

describe('inference', () => {
  it('reads the year from clues', () => {
    expect(inferYear([located('据统计,2020年上半年,引进外资项目81个。')])?.year).toBe(2020);
    expect(inferYear([located('以优异成绩庆祝建党100周年。')])?.year).toBe(2021);
    expect(inferYear([located('第七届中国国际进口博览会将在上海如期举行。')])?.year).toBe(2024);
    expect(inferYear([located('积极思考和谋划2020年工作。2020年,区卫健委将坚持以市民健康为中心。')])?.year).toBe(2019);
    expect(inferYear([located('三年行动计划(2024-2026年)')])?.year).toBe(2024);
    expect(inferYear([located('今年是浦东开发开放34周年。')])?.year).toBe(2024);
    expect(inferYear([located('纪念中国人民抗日战争暨世界反法西斯战争胜利80周年。')])?.year).toBe(2025);
    expect(inferYear([located('庆祝上海解放75周年。')])?.year).toBe(2024);
    expect(inferYear([located('区委召开会议。')])).toBeNull();
    expect(inferYear([located('全力服务保障首届进博会，展示城区良好形象。')])?.year).toBe(2018);
  });
  it('does not read a founding date (建于 / 成立于 YYYY年) as the year of the page', () => {
    expect(inferYear([located('该小区建于1985年，共有住户300余户。')])).toBeNull();
    expect(inferYear([located('合唱团成立于2009年，现有团员60人，在2023年上海市合唱比赛中获得金奖。')])?.year).toBe(2023);
  });
  it('reads 截至YYYY年 as "as of" and skips narrative past years that open a sentence', () => {
    expect(inferYear([located('2019年11月,总书记考察杨浦滨江。截至2024年3月底,已贯通岸线5.5公里。')])?.year).toBe(2024);
    expect(inferYear([located('2014年，大学毕业的他回到家乡。'), located('2018年，他牵头成立了合作社。')])).toBeNull();
  });
  it('reads a plan as the present year\'s before the last quarter and next year\'s in it, and a clause opening "YYYY年以来" as the year so far', () => {
    const plan = [located('2023年，全区计划新建养老床位300张。')];
    expect(inferYear(plan, 4)?.year).toBe(2023);
    expect(inferYear(plan, 11)?.year).toBe(2022);
    expect(inferYear(plan)?.year).toBe(2022);
    expect(inferYear([located('据介绍，2021年以来，全区已累计完成旧改1200户。')])?.year).toBe(2021);
    // "自…以来" speaks of the past, and so does a year after another word.
    expect(inferYear([located('自2015年以来，全区已累计完成旧改1200户。')])).toBeNull();
    expect(inferYear([located('这是该街道2016年以来的第三次改造。')])).toBeNull();
  });
  it('guesses the paper from district and place names', () => {
    expect(inferPaper([located('虹口区召开会议,北外滩建设提速,虹口将持续发力。')], papers)?.value).toBe('虹口报');
    expect(inferPaper([located('黄浦江畔的杨浦滨江,杨浦区')], papers)?.value).toBe('杨浦时报');
    expect(inferPaper([located('没有地名的文字。')], papers)).toBeNull();
  });
});

describe('classification', () => {
  it('classifies a small page with reasons', () => {
    expect(kinds('大字新闻\n\n□ 1月11日下午,示范园揭牌仪式在徐汇区举办。\n\n共谋发展 再出发 本报讯 1月11日上午,会议召开。')).toEqual([
      ['section', '大字新闻'], ['brief', '□ 1月11日下午,示范园揭牌仪式在徐汇区举办。'], ['headline', '共谋发展 再出发'], ['body', '本报讯 1月11日上午,会议召开。'],
    ]);
    expect(kinds('赵家镐先生(左)来到现场讲授专题党课\n\n陈二 摄')).toEqual([['caption', '赵家镐先生(左)来到现场讲授专题党课'], ['photo-credit', '陈二 摄']]);
    expect(kinds('坚定信心 确保实现“双过半”\n区长主持召开区政府工作会议\n宗河\n本报讯 4月28日下午,会议召开。').map((k) => k[0])).toEqual(['headline', 'subheadline', 'byline', 'body']);
    expect(kinds('本报讯 12月7日,会议召开。\n为经济高质量发展注入新动力\n2020年是收官之年。').map((k) => k[0])).toEqual(['body', 'intertitle', 'body']);
    expect(kinds('区委召开会议。\n区领导调研重点项目\n近日,区领导到重点项目调研。').map((k) => k[0])).toEqual(['body', 'headline', 'body']);
    expect(kinds('如何写好养老这篇大文章？\n本报讯 5月1日,会议召开。').map((k) => k[0])).toEqual(['headline', 'body']);
    expect(kinds('通过举办各类行业活动、').map((k) => k[0])).toEqual(['body']);
    // A subhead opening with its verb names no agent: an intertitle, not a news headline.
    expect(kinds('本报讯 6月1日,改造开工。\n召开楼组会 议出新规矩\n拆违之后,居民们一起商量。').map((k) => k[0])).toEqual(['body', 'intertitle', 'body']);
    // A photo closing an article does not carry it on: the next short title opens a new one.
    expect(kinds('区委召开会议。\n图为会议现场\n张三 摄\n老街新生\n清晨的老街上,居民们在散步。').map((k) => k[0])).toEqual(['body', 'caption', 'photo-credit', 'headline', 'body']);
    // A title after an untitled lead (even one split as 本报讯 4月 / 26日，…) that names the lead's subject is its headline.
    expect(kinds('本报讯 4月\n26日,汽车城峰会在安亭举行。\n汽车城峰会聚焦智能网联\n峰会上,方案发布。').map((k) => k[0])).toEqual(['body', 'body', 'headline', 'body']);
  });
});

describe('reading order', () => {
  const paragraphs = (body: string) => reorder(classify(splitLines(body, 1), papers)).items.flatMap((i) => (i.kind === 'paragraph' ? [i.text] : []));
  it('joins a sentence broken across blocks, past a caption, with nothing added', () => {
    expect(paragraphs('本报讯 7月23日,会议举行。坚定前行路,永远奋斗\n\n图为活动现场。 ■记者 朱良城 摄\n\n是我们党一往无前的责任担当。')).toEqual([
      '本报讯 7月23日,会议举行。坚定前行路,永远奋斗是我们党一往无前的责任担当。',
    ]);
  });
  it('drops a half-width comma that glues a jump marker to a full-width line', () => {
    expect(paragraphs('本报讯 4月26日，峰会举行，其中包括上海某某科技有限公司,下转▶3版')).toEqual(['本报讯 4月26日，峰会举行，其中包括上海某某科技有限公司']);
    expect(paragraphs('本报讯 4月26日,峰会举行,其中包括上海某某科技有限公司,下转▶3版')).toEqual(['本报讯 4月26日,峰会举行,其中包括上海某某科技有限公司,']);
  });
  it('joins a column displaced under the next headline and its byline', () => {
    expect(paragraphs('本报讯 4月25日,食堂开张,每天供应三餐,并\n\n江桥镇探索加装电梯新模式\n\n■记者 王磊\n\n为老人提供助餐折扣。\n\n本报讯 今年以来,江桥镇加装电梯23台。')).toEqual([
      '本报讯 4月25日,食堂开张,每天供应三餐,并为老人提供助餐折扣。',
      '本报讯 今年以来,江桥镇加装电梯23台。',
    ]);
  });
  it('does not join across a new lead', () => {
    expect(paragraphs('通过举办各类行业活动、\n\n进博之窗 世界之望\n\n本报讯(记者 张雯)11月6日上午,活动举办。')).toHaveLength(2);
  });
  it('brings back a column that ran up the page when a shared word supports it', () => {
    const body = [
      '本报讯 4月26日,培训班开班。本次培训班理论教学和现场教学相结合。',
      '教学,进一步推动居民区书记学员开阔视野。',
      '本报讯 4月27日,另一场活动举行。',
      '好班长培训班',
      '本报讯 4月28日,居民区书记培训班学员到6个区进行现场',
    ].join('\n\n');
    const out = paragraphs(body);
    expect(out).toContain('本报讯 4月28日,居民区书记培训班学员到6个区进行现场教学,进一步推动居民区书记学员开阔视野。');
  });
});

describe('round 4 rules', () => {
  const paragraphs = (body: string) => reorder(classify(splitLines(body, 1), papers)).items.flatMap((i) => (i.kind === 'paragraph' ? [i.text] : []));
  it('reads a column name over a title stack as a section banner, any other title line keeps its title role', () => {
    expect(kinds('城区观察\n\n老街巷里的新生活\n\n本报讯 5月2日，活动举行。').slice(0, 2)).toEqual([['section', '城区观察'], ['headline', '老街巷里的新生活']]);
    expect(kinds('老街巷里的新生活\n\n区河长制工作会议召开\n\n本报讯 5月2日，会议召开。')[0]?.[0]).not.toBe('section');
  });
  it('joins a title wrapped over two lines with nothing added when its page repeats it or a word is cut at the wrap', () => {
    const titleOf = (body: string) => parsePage({ source: 't.txt', body, bodyLine: 1 }, papers).articles[0];
    expect(titleOf('南大智慧城核心区\n\n首批12家企业集中入驻\n\n本报讯 6月22日，南大智慧城核心区首批12家企业集中入驻仪式举行。')).toMatchObject({ headline: '南大智慧城核心区首批12家企业集中入驻', kicker: null, subheadline: null });
    expect(titleOf('前三季度全区规上工业总产值同比增\n\n长7.2%\n\n记者 周敏\n\n本报讯 日前，记者从区统计局获悉，全区经济运行稳中有进。')).toMatchObject({ headline: '前三季度全区规上工业总产值同比增长7.2%', subheadline: null });
    // Two titles the text does not repeat as one, with no word cut, keep their roles.
    expect(titleOf('区政府与华东理工大学签署合作协议\n\n校地携手共绘创新蓝图\n\n本报讯 6月2日，区政府与华东理工大学签署合作协议。')).toMatchObject({ kicker: '区政府与华东理工大学签署合作协议', headline: '校地携手共绘创新蓝图' });
  });
  it('reads a bare page or column name of a few characters over a title line as a section banner, not a kicker', () => {
    expect(kinds('体育\n\n环岛女子自行车赛鸣枪开赛\n\n本报讯 5月9日，比赛开赛。').slice(0, 2)).toEqual([['section', '体育'], ['headline', '环岛女子自行车赛鸣枪开赛']]);
    expect(kinds('社区新闻\n\n长征镇“美丽家园”改造完工\n\n本报讯 9月20日，改造完工。')[0]).toEqual(['section', '社区新闻']);
    // A short headline over its ——subheadline stays the headline; a kicker is a phrase, not a word.
    expect(kinds('春之声\n\n——记区少年宫合唱团\n\n合唱团成立于1985年。')[0]).toEqual(['headline', '春之声']);
    expect(kinds('朱家角镇稻蟹文化节开幕\n\n稻香 蟹肥\n\n本报讯 9月2日，文化节开幕。')[0]?.[0]).toBe('kicker');
  });
  it('signs a brief off with a bracketed bare name after a finished sentence only', () => {
    expect(trailingByline('共清理河道3条。（施佳）')).toMatchObject({ kind: 'byline', line: { names: ['施佳'] } });
    expect(trailingByline('共清理河道3条（施佳）')).toBeNull();
    expect(trailingByline('活动现场。（完）')).toBeNull();
  });
  it('does not join a colon-ended clause to a numbered list item', () => {
    expect(paragraphs('本报讯 5月2日，站点启用，主要提供三类服务：\n\n（一）政务服务。可办理38项事项。')).toHaveLength(2);
    expect(paragraphs('本报讯 5月2日，站点启用，负责人表示：\n\n将继续做好服务。')).toHaveLength(1);
  });
  it('keeps a 图片新闻 text under its headline as body, and a photo inside an article as a caption', () => {
    expect(kinds('春耕备耕正当时\n\n3月2日，农机手在田间翻耕土地。全区抢抓农时。\n\n陈龙 摄\n\n下一篇新闻标题').map((k) => k[0])).toEqual(['headline', 'body', 'photo-credit', 'headline']);
    expect(kinds('春耕备耕正当时\n\n3月2日，农机手在田间翻耕土地。 陈龙 摄').map((k) => k[0])).toEqual(['headline', 'body', 'photo-credit']);
    expect(kinds('本报讯 3月2日，活动举行。\n\n居民在图书室阅读\n\n李明 摄\n\n活动持续一天。').map((k) => k[0])).toEqual(['body', 'caption', 'photo-credit', 'body']);
  });
});

describe('round 5 rules', () => {
  it('reads a writer who took the pictures too as byline and photo credit', () => {
    for (const t of ['□ 李华 文/摄', '文/摄 李华', '文并摄 李华', '图文/李华']) {
      expect(readByline(t), t).toMatchObject({ names: ['李华'], photoNames: ['李华'] });
      expect(readCredit(t), t).toBeNull();
    }
    expect(readCredit('李华 摄')).toMatchObject({ names: ['李华'] });
    expect(readByline('本报记者 陆云 报道')).toMatchObject({ names: ['陆云'] });
    expect(readByline('记者 王芳 李明 采写')).toMatchObject({ names: ['王芳', '李明'] });
    expect(readByline('报道')).toBeNull();
    expect(trailingByline('全镇将再建3个。 李华 文/摄')).toMatchObject({ kind: 'byline', line: { names: ['李华'], photoNames: ['李华'] } });
  });
  it('keeps a reporter named in the lead and again at the end once', async () => {
    const { parsePage } = await import('../../src/parse/index.js');
    const page = parsePage({ source: 'x.txt', body: '区委召开会议\n\n本报讯（记者 李明）5月20日，区委召开会议。\n\n■ 记者 李明 通讯员 沈洁', bodyLine: 1 }, papers);
    expect(page.articles[0]?.bylines).toEqual(['李明', '沈洁']);
  });
  it('reads the paper and 版 header set as words of a one-line running head', () => {
    expect(readMasthead('2024年10月16日 星期三 浦东时报 第2版 综合新闻', papers)).toMatchObject({ date: '2024-10-16', weekday: '星期三', paper: '浦东时报', pageNumber: 2, pageName: '综合新闻' });
    expect(readMasthead('第3版 要闻 2024年10月16日 星期三', papers)).toMatchObject({ pageNumber: 3, pageName: '要闻' });
    expect(readMasthead('第2版 浦东时报 2024年10月16日 星期三', papers)).not.toHaveProperty('pageName');
  });
  it('reads jump markers with a leading arrow and 紧接', () => {
    expect(wholeLineMarker('▶下转4版')).toMatchObject({ direction: 'to', page: '第4版', raw: '▶下转4版' });
    expect(wholeLineMarker('（紧接第1版）')).toMatchObject({ direction: 'from', page: '第1版' });
    expect(trailingMarker('…新增12家，▶下转4版')).toMatchObject({ raw: '▶下转4版', page: '第4版' });
    expect(leadingMarker('▶上接1版 今年，全区…')).toMatchObject({ direction: 'from', page: '第1版' });
  });
  it('reads a list of days as printed, ending on the last one', () => {
    expect(datelineOf('本报讯 8月12日、13日，区里举办…')).toMatchObject({ raw: '8月12日、13日', endMonth: 8, endDay: 13 });
    expect(datelineOf('本报讯 7月30日和8月2日，…')).toMatchObject({ raw: '7月30日和8月2日', endMonth: 8, endDay: 2 });
  });
  it('gives no dateline to a lead dated 近日 / 日前, whatever date follows', () => {
    expect(datelineOf('本报讯（记者 王芳）日前，记者从区人社局获悉，8月1日起施行的新规…')).toBeNull();
    expect(datelineOf('本报讯 近日，街道召开会议。8月3日，…')).toBeNull();
    expect(datelineOf('本报讯 8月3日，街道召开会议。')).toMatchObject({ raw: '8月3日' });
  });
  it('reads text and pictures credited to different people on one line', () => {
    for (const t of ['记者 王芳/文 李明/摄', '文字：王芳 摄影：李明']) {
      expect(readByline(t), t).toMatchObject({ names: ['王芳'], photoNames: ['李明'] });
      expect(readCredit(t), t).toBeNull();
    }
    expect(readByline('融媒体中心记者 王芳')).toMatchObject({ names: ['王芳'] });
  });
});

describe('page-level reading order (round 6 rules)', () => {
  const articles = (body: string) => parsePage({ source: 't.txt', body, bodyLine: 1 }, papers).articles;

  it('reads a parenthesised source line as a sign-off, never as a title', () => {
    const page = '敬老院新添康复设备\n\n本报讯 3月2日，镇敬老院新添一批康复设备。\n\n（镇社区事务受理中心 供稿）\n\n河道整治见成效\n\n本报讯 3月3日，镇里完成三条河道整治。\n\n(通讯员 邵华 供稿)';
    const got = articles(page);
    expect(got.map((a) => a.headline)).toEqual(['敬老院新添康复设备', '河道整治见成效']);
    expect(got.map((a) => a.bylines)).toEqual([[], ['邵华']]);
    expect(got.flatMap((a) => a.paragraphs).join('')).not.toMatch(/供稿/);
  });

  it('moves a fragment printed under a title before its lead back to the end it continues, and keeps the title on its lead', () => {
    const page = [
      '图书馆延长开放时间', '本报讯 5月6日，区图书馆宣布即日起延长周末开放时间，方便上班族和学生借阅，读者可以通过线上',
      '菜场改造完工', '■记者 顾言', '平台预约座位。', '本报讯 5月7日，经过三个月改造，老菜场以崭新面貌重新开张，摊位整齐、通道宽敞。',
    ].join('\n\n');
    const got = articles(page);
    expect(got.map((a) => a.headline)).toEqual(['图书馆延长开放时间', '菜场改造完工']);
    expect(got[0]?.paragraphs).toEqual(['本报讯 5月6日，区图书馆宣布即日起延长周末开放时间，方便上班族和学生借阅，读者可以通过线上平台预约座位。']);
    expect(got[1]?.bylines).toEqual(['顾言']);
    expect(got[1]?.paragraphs[0]).toMatch(/^本报讯 5月7日/);
  });

  it('reads a short finished sentence inside a broken sentence as a caption when the lexicon joins the two sides', () => {
    const page = '公园焕新\n\n本报讯 4月1日，改造后的公园增加了健身步道和儿童游乐设施，周边居民纷纷前来打卡，不少家长带着孩子在草坪上放风\n\n孩子们在新建的游乐区玩耍。\n\n筝、野餐，享受春日时光。';
    const [a] = articles(page);
    expect(a?.captions).toEqual(['孩子们在新建的游乐区玩耍。']);
    expect(a?.paragraphs).toEqual(['本报讯 4月1日，改造后的公园增加了健身步道和儿童游乐设施，周边居民纷纷前来打卡，不少家长带着孩子在草坪上放风筝、野餐，享受春日时光。']);
  });

  it('does not join a dangling end to a next block that opens with a sentence opener', () => {
    const page = '文化节开幕\n\n本报讯 9月1日，社区文化节开幕，居民们纷纷登台表演，现场气氛十分\n\n据了解，本届文化节将持续一个月。';
    const [a] = articles(page);
    expect(a?.paragraphs).toHaveLength(2);
  });

  it('gives a lead its dateline when a later clause says goods are about to ship (即将发往)', () => {
    expect(datelineOf('本报讯 6月3日，记者在基地看到，一箱箱葡萄即将发往全国各地。')?.raw).toBe('6月3日');
  });
});

describe('page-level reading order (rounds 7–8 and simulated pages)', () => {
  const articles = (body: string) => parsePage({ source: 't.txt', body, bodyLine: 1 }, papers).articles;

  it('reads a lead opener cut by a column (本报 / 讯 …) as the lead', () => {
    const [a] = articles('图书漂流进社区\n\n本报\n\n讯 3月2日，街道在社区图书角启动图书漂流活动，居民可免费借阅。');
    expect(a?.headline).toBe('图书漂流进社区');
    expect(a?.paragraphs).toEqual(['本报讯 3月2日，街道在社区图书角启动图书漂流活动，居民可免费借阅。']);
    expect(a?.dateline).toBe('3月2日');
  });

  it('keeps 本报讯（记者 X） cut from its sentence in the lead, with the byline', () => {
    const [a] = articles('夜市开张\n\n本报讯（记者 韩露）\n\n5月1日，老街夜市开张，二十多个摊位同时营业。');
    expect(a?.paragraphs).toEqual(['本报讯（记者 韩露）5月1日，老街夜市开张，二十多个摊位同时营业。']);
    expect(a?.bylines).toEqual(['韩露']);
  });

  it('moves the tail of an article printed at the top of the page back to its end', () => {
    const page = '车位，校园周边道路通行更加顺畅。\n\n校园周边道路完成改造\n\n本报讯 9月1日，学校周边三条道路完成改造，新增接送停\n\n垃圾分类进校园\n\n本报讯 9月2日，区绿化市容局走进中学开展垃圾分类宣讲，学生们踊跃参与互动问答。';
    const got = articles(page);
    expect(got.map((a) => a.headline)).toEqual(['校园周边道路完成改造', '垃圾分类进校园']);
    expect(got[0]?.paragraphs[0]).toBe('本报讯 9月1日，学校周边三条道路完成改造，新增接送停车位，校园周边道路通行更加顺畅。');
  });

  it('reads a title-like piece of a sentence as running text when a word runs on into a block that cannot open an article', () => {
    const page = '社区办起微课堂\n\n本报讯 4月8日，社区微课堂开课，首期讲座吸引六十多名居民参加。\n\n讲座由区卫健委健康促进中\n\n春耕正当时\n\n心主办，街道承办。\n\n本报讯 4月9日，镇农技站组织技术员下田指导春耕备耕。';
    const got = articles(page);
    expect(got.map((a) => a.headline)).toEqual(['社区办起微课堂', '春耕正当时']);
    expect(got[0]?.paragraphs.at(-1)).toBe('讲座由区卫健委健康促进中心主办，街道承办。');
  });

  it('keeps a title set in spaced parts a title, even when its last word runs on into a far block', () => {
    // "社区" + "房屋…" spells 区房屋, which the page prints elsewhere (区房屋管理局), and the block after
    // the briefs cannot open an article: no evidence against a couplet printed under its own lead.
    const page = '旧改签约首日告捷\n\n本报讯 3月2日，区房屋管理局组织旧改签约，居民踊跃参与。\n\n本报讯 3月3日，区司法局走进社区开展普法宣传，发放资料五百余份。\n\n普法入人心 法治润社区\n\n区司法局开展普法宣传月活动\n\n今年以来，全区共开展普法活动120场，覆盖居民三万余人。\n\n新闻速览\n\n□ 3月4日，区图书馆分馆对外开放。\n\n房屋结构老化，不少居民仍在使用手拎马桶，改善居住条件的愿望十分迫切。';
    const law = articles(page).find((a) => a.headline === '普法入人心 法治润社区');
    expect(law?.subheadline).toBe('区司法局开展普法宣传月活动');
    expect(law?.paragraphs[0]).toMatch(/^本报讯 3月3日/u);
  });

  it('goes on with the article a teaser box interrupts', () => {
    const page = '科创走廊联席会议召开\n\n本报讯 12月6日，九城市联席会议在松江召开，发布一批协同创新成果。\n\n会上，九城市签署了产业链合作协议，大型科研仪器将向走廊内企业开放共享。\n\n导读\n\n九科绿洲首批项目开工\n\n详见3版\n\n区长陆文博表示，松江将持续深化科创走廊建设，与各兄弟城市一道推进协同发展。\n\n广富林考古成果展开幕\n\n本报讯 12月5日，考古成果展在广富林文化展示馆开幕。';
    const got = articles(page);
    expect(got.map((a) => a.headline)).toEqual(['科创走廊联席会议召开', '九科绿洲首批项目开工', '广富林考古成果展开幕']);
    expect(got[0]?.paragraphs.at(-1)).toMatch(/^区长陆文博表示/u);
    expect(got[1]?.paragraphs).toEqual([]);
  });

  it('reads briefs set after any bullet (△ ☆ ▷) as briefs', () => {
    const got = articles('区简讯\n\n△5月17日，区卫健委在朱泾镇开展义诊活动，服务居民300余人次。\n\n△近日，山阳镇举办青年人才交流会，40余家企业参加。');
    expect(got.map((a) => a.paragraphs[0])).toEqual(['5月17日，区卫健委在朱泾镇开展义诊活动，服务居民300余人次。', '近日，山阳镇举办青年人才交流会，40余家企业参加。']);
  });

  it('leaves a decorative bullet out of the title it is printed before', () => {
    const got = articles('▲ 区少儿图书馆开展寒假阅读活动\n\n1月20日，区少儿图书馆开展寒假阅读活动，百余名小读者参加。\n\n◇枫林街道举办迎春书画展\n\n1月21日，枫林街道举办迎春书画展，展出作品八十余幅。');
    expect(got.map((a) => a.headline)).toEqual(['区少儿图书馆开展寒假阅读活动', '枫林街道举办迎春书画展']);
  });

  it('reads text after a 上接 marker as running text, never as a title', () => {
    const [a] = articles('养老服务再升级\n\n（上接第1版）街道、居委、社会组织三方联动\n\n形成合力，为老人提供上门服务。');
    expect(a?.headline).toBe('养老服务再升级');
    expect(a?.paragraphs.join('')).toBe('街道、居委、社会组织三方联动形成合力，为老人提供上门服务。');
    expect(a?.continuedFrom).toBe('第1版');
  });

  it('keeps a —— line with an inner space as one subheadline', () => {
    const [a] = articles('新城建设再提速\n\n——总投资逾80亿元 打造宜居宜业新城区\n\n本报讯 6月3日，新城重点项目集中开工。');
    expect(a?.headline).toBe('新城建设再提速');
    expect(a?.subheadline).toBe('——总投资逾80亿元 打造宜居宜业新城区');
  });

  it('takes a title followed by a 本报讯 lead as a headline, not a subhead, even after running text', () => {
    const page = '文化周开幕\n\n本报讯 7月1日，社区文化周开幕。居民们表演了舞蹈和戏曲。\n\n小小菜园学问大\n\n本报讯 7月2日，小学开辟劳动教育菜园，学生们学习种植蔬菜。';
    expect(articles(page).map((a) => a.headline)).toEqual(['文化周开幕', '小小菜园学问大']);
  });

  it('reads a line ending in a function word as running text', () => {
    const got = articles('菜场升级\n\n本报讯 3月5日，菜场完成升级改造，新增智慧秤和\n\n溯源屏，方便市民选购。');
    expect(got.map((a) => a.headline)).toEqual(['菜场升级']);
    expect(got[0]?.paragraphs).toEqual(['本报讯 3月5日，菜场完成升级改造，新增智慧秤和溯源屏，方便市民选购。']);
  });

  it('gives a lead its dateline when a 将 clause comes two clauses after the date', () => {
    expect(datelineOf('本报讯 5月6日，志愿服务队成立，首批队员由退休教师组成，将定期开展巡河护河活动。')?.raw).toBe('5月6日');
    expect(datelineOf('本报讯 5月6日至10日，读书节将在图书馆举行。5月4日，筹备会召开。')?.raw).toBe('5月4日');
  });
});

describe('page-level reading order (上接 articles)', () => {
  it('moves a fragment printed between a title and its 上接 text back to the end it continues', () => {
    const page = [
      '老年大学新学期开课', '本报讯 2月20日，老年大学新学期开课，今年新开设智能手机、书法等课程。据悉，',
      '暖心服务进军营', '全区今年还将新增老年教育教学点8个，方便老人就近学习。',
      '（上接第1版）区领导与官兵亲切交流，详细了解部队训练和生活情况。',
    ].join('\n\n');
    const got = parsePage({ source: 't.txt', body: page, bodyLine: 1 }, papers).articles;
    expect(got.map((a) => a.headline)).toEqual(['老年大学新学期开课', '暖心服务进军营']);
    expect(got[0]?.paragraphs.at(-1)).toMatch(/据悉，全区今年还将新增老年教育教学点8个/);
    expect(got[1]?.continuedFrom).toBe('第1版');
    expect(got[1]?.paragraphs).toEqual(['区领导与官兵亲切交流，详细了解部队训练和生活情况。']);
  });
});

describe('page-level reading order (stray text under a title)', () => {
  const read = (lines: string[]) => parsePage({ source: 't.txt', body: lines.join('\n\n'), bodyLine: 1 }, papers).articles;

  it('leaves a headline its own untagged lead when a stray column printed under it moves away', () => {
    const got = read([
      '河道整治工程完工', '本报讯 3月2日，新泾港河道整治工程完工，两岸新建步道1.2公里，沿岸绿化面',
      '春季运动会在体育中心举行', '积达到8000平方米。附近居民说：“现在晚饭后都来这里走一走。”',
      '区第十五届春季运动会3月4日在体育中心开幕，1200名运动员参加比赛。',
      '运动会设田径、游泳等9个大项，将持续一周。',
    ]);
    expect(got.map((a) => a.headline)).toEqual(['河道整治工程完工', '春季运动会在体育中心举行']);
    expect(got[0]?.paragraphs.at(-1)).toMatch(/沿岸绿化面积达到8000平方米。附近居民说/);
    expect(got[1]?.paragraphs[0]).toMatch(/^区第十五届春季运动会3月4日/);
    expect(got[1]?.paragraphs).toHaveLength(2);
  });

  it('moves a feature\'s stray column with its 小标题 when a headline was printed inside its broken sentence', () => {
    const got = read([
      '老弄堂的新座椅', '■记者 王敏', '这条弄堂住着四百多户人家。过去弄堂口堆满杂物，老人们想坐下歇歇脚都找不到地方。',
      '先听居民怎么说', '街道请设计师上门听意见，在弄堂口安装了可以翻折的长椅，',
      '区图书馆举办读书月活动', '下雨天可以收起来。',
      '大家的事大家管', '改造完成后，居民自发排了值日表，轮流擦拭座椅、清扫落叶。', '七十多岁的沈阿姨说：“弄堂是大家的，大家一起管。”',
      '本报讯 4月9日，区图书馆举办读书月活动，推出主题书展和讲座20场。',
      '图书馆负责人表示，将根据读者反馈继续调整开放安排。',
    ]);
    expect(got.map((a) => a.headline)).toEqual(['老弄堂的新座椅', '区图书馆举办读书月活动']);
    expect(got[0]?.intertitles.map((t) => t.text)).toEqual(['先听居民怎么说', '大家的事大家管']);
    expect(got[0]?.paragraphs.at(-2)).toMatch(/^改造完成后/);
    expect(got[1]?.paragraphs[0]).toMatch(/^本报讯 4月9日，区图书馆/);
  });

  it('reads a title line printed right after a clause cut at its comma as the headline of a later lead with no title, not as a 小标题', () => {
    const got = read([
      '渔村里的新生活', '老张是村里的老渔民，打了四十多年的鱼。', '老渔民当上讲解员',
      '几年前，村里开办民俗馆，请他来当讲解员。他的儿子在村里开了一家饭店，生意红火，',
      '街道老旧小区加装电梯提速', '周末常常要排队等位。',
      '村委会负责人介绍，近年来渔村通过发展民宿和餐饮，带动了一百多名村民就业。',
      '本报讯 5月15日，街道一处老旧小区内又一台加装电梯完成验收并投入使用。',
      '今年以来，街道已有23台电梯完成加装。',
    ]);
    expect(got.map((a) => a.headline)).toEqual(['渔村里的新生活', '街道老旧小区加装电梯提速']);
    expect(got[0]?.paragraphs.join('')).toContain('生意红火，周末常常要排队等位。');
    expect(got[1]?.paragraphs[0]).toMatch(/^本报讯 5月15日/);
  });

  it('moves a stray column that signs off on its last line back to the sentence it continues, leaving the headline its own text', () => {
    const got = read([
      '考古成果展开幕', '本报讯 12月5日，考古成果展在遗址展示馆开幕，200余件出土文物首次集中亮相。',
      '展览分为三个单元。一件造型完整的陶鼎和一组带有刻划纹饰的陶片，',
      '睦邻点里的冬日暖意', '吸引了不少观众驻足细看、拍照留念。', '据悉，展览将持续至明年3月，展期内免费对公众开放。(蒋思佳)',
      '记者 李欣然', '初冬的午后，小区的睦邻点里暖意融融。几位老人围坐在一起织毛衣、聊家常。',
      '这处睦邻点原本是一间闲置的架空层，如今每周都有固定活动。',
    ]);
    expect(got.map((a) => a.headline)).toEqual(['考古成果展开幕', '睦邻点里的冬日暖意']);
    expect(got[0]?.paragraphs.join('')).toContain('陶片，吸引了不少观众');
    expect(got[1]?.paragraphs[0]).toMatch(/^初冬的午后/);
    expect(got[1]?.bylines).toEqual(['李欣然']);
  });

  it('moves a 下转 marker printed after the moved text with it, so the headline keeps its lead', () => {
    const got = read([
      '社区食堂开进老小区', '本报讯 街道4月8日召开社区食堂建设推',
      '图书馆延长开放时间', '进会，12个居委会负责人参加会议。下一步，街道将在年内新开食堂3家。近年来，', '下转▶3版',
      '本报讯 4月9日起，区图书馆每天开放至晚上9点，方便上班族借阅。',
    ]);
    expect(got.map((a) => a.headline)).toEqual(['社区食堂开进老小区', '图书馆延长开放时间']);
    expect(got[0]?.continuedTo).toBe('第3版');
    expect(got[1]?.paragraphs[0]).toMatch(/^本报讯 4月9日起/);
  });

  it('weighs shared words against the length of what they are compared with: a short headline is not outweighed by a long article', () => {
    const got = read([
      '垃圾分类进小区', '本报讯 5月2日，街道在12个小区推行垃圾定时定点投放，全区参与率明显提高。', '居民张先生说，小区环境比以前干净多了。',
      '区将设立重点项目服务专员，为企业提供从注册到投产的全流程服务，推动项目早落地。',
      '本报讯 5月3日，全长4公里的健身步道正式开放，沿线设置了健身器材和饮水点。', '健身步道 家门口的运动场',
      '区体育局负责人表示，将继续推进体育设施向社区延伸，让市民就近健身。',
      '区企签约 项目落地加速', '本报讯 5月4日，区政府与一家科技公司签署合作协议，双方将推动重点项目加快落地，为企业提供全流程服务。',
      '区投资促进办公室负责人介绍，全',
    ]);
    expect(got[2]?.paragraphs.at(-1)).toBe('区投资促进办公室负责人介绍，全区将设立重点项目服务专员，为企业提供从注册到投产的全流程服务，推动项目早落地。');
    expect(got[1]?.paragraphs.at(-1)).toMatch(/^区体育局负责人表示/);
  });

  it('reads a block ending in a semicolon as a sentence that runs on (no paragraph ends with ；)', () => {
    const got = read([
      '海塘巡查全面展开', '本报讯 8月3日，区水务局对全区海塘开展逐段巡查，重点检查堤身和涵闸的运行状况；',
      '老街夜市人气旺', '区建管委对全区在建工地开展检查，督促落实防风加固措施。',
      '本报讯 8月4日，老街夜市开市，首批40个摊位营业。',
    ]);
    expect(got[0]?.paragraphs).toEqual(['本报讯 8月3日，区水务局对全区海塘开展逐段巡查，重点检查堤身和涵闸的运行状况；区建管委对全区在建工地开展检查，督促落实防风加固措施。']);
    expect(got[1]?.paragraphs).toEqual(['本报讯 8月4日，老街夜市开市，首批40个摊位营业。']);
  });

  it('finds where an end goes on when a briefs box follows it and its rest is printed after a later article', () => {
    const got = read([
      '长者食堂开张', '本报讯 6月30日，街道长者食堂开张，为周边80岁以上老人提供堂食和送餐服务。', '据悉，食堂实行分档补贴，老人每份午餐',
      '简讯', '□ 7月1日，颛桥镇举行合唱展演，来自12个村居的300名居民参加。', '□ 6月29日，华漕镇政务服务分中心专窗启用，首批可办理社保、',
      '医保等58个高频事项，方便居民就近办事。',
      '七宝老街夜游季启动', '本报讯 7月2日晚，七宝老街夜游季启动，推出非遗市集等30余项活动。',
      '七宝镇相关负责人介绍，夜游季期间老街夜间客流已占全天客流的四成以上。', '价格在12元至15元之间，80岁以上老人还可享受额外优惠。',
    ]);
    expect(got[0]?.paragraphs.at(-1)).toBe('据悉，食堂实行分档补贴，老人每份午餐价格在12元至15元之间，80岁以上老人还可享受额外优惠。');
    expect(got[2]?.paragraphs).toEqual(['6月29日，华漕镇政务服务分中心专窗启用，首批可办理社保、医保等58个高频事项，方便居民就近办事。']);
    expect(got[3]?.paragraphs.at(-1)).toMatch(/^七宝镇相关负责人介绍/);
  });

  it('leaves the page\'s last text dangling unless another block is clearly about its article', () => {
    const got = read([
      '独居老人装上安全眼', '本报讯 日前，街道为230户独居老人免费安装烟感报警器和燃气泄漏报警器，信息推送至居委会。',
      '街道相关负责人表示，将为独居老人提供上门巡访，把高龄纯老家庭也纳入服务对象。',
      '垃圾分类回头看', '本报讯 6月6日，街道对38个小区开展垃圾分类专项检查，个别小区存在混投问题，街道已督促物业整改。',
      '街道将把检查结果与物业考核挂钩，推动',
    ]);
    expect(got[0]?.paragraphs).toHaveLength(2);
    expect(got[1]?.paragraphs.at(-1)).toBe('街道将把检查结果与物业考核挂钩，推动');
  });

  it('reads one short sentence of who is where doing what as a caption without credit, between paragraphs or inside a broken one', () => {
    const got = read([
      '口袋公园开园', '本报讯 5月8日，街道口袋公园开园，面积约1200平方米。',
      '居民在新建的健身步道上散步。', '公园设有儿童游乐区和休憩区，由闲置地块改建而成，全年向居',
      '老人们在公园长廊里下棋。', '民开放。', '活动在公园广场举行，300余名居民参加。',
    ]);
    expect(got[0]?.captions).toEqual(['居民在新建的健身步道上散步。', '老人们在公园长廊里下棋。']);
    expect(got[0]?.paragraphs).toEqual([
      '本报讯 5月8日，街道口袋公园开园，面积约1200平方米。', '公园设有儿童游乐区和休憩区，由闲置地块改建而成，全年向居民开放。', '活动在公园广场举行，300余名居民参加。',
    ]);
  });

  it('keeps an intertitle before a block that opens a sentence, unless the page itself prints the word across the junction', () => {
    const got = read([
      '老城厢焕新颜', '本报讯 3月9日，老城厢历史风貌区首批修缮项目完工，12栋老建筑恢复原貌。', '老建筑修缮后将引入书店和展馆，向市民开放。',
      '文商旅融合激活新城', '区商务委相关负责人介绍，下一步将把风貌区与周边商圈串联起来。',
    ]);
    expect(got[0]?.intertitles).toEqual([{ text: '文商旅融合激活新城', beforeParagraph: 2 }]);
    const run = read([
      '专题协商会召开', '本报讯 5月6日，区政协召开专题协商会，委员们围绕养老服务建言献策。', '协商', '会上，8位委员作了发言，提出意见建议20余条。',
    ]);
    expect(run[0]?.intertitles ?? []).toEqual([]);
    expect(run[0]?.paragraphs.at(-1)).toBe('协商会上，8位委员作了发言，提出意见建议20余条。');
  });

  it('weighs the topic of a stray column under a title without the title\'s own text that stays behind', () => {
    const got = read([
      '依法治区工作会议召开', '本报讯 8月22日晚，区里召开全面依法治区工作会议，',
      '义诊活动进社区', '（上接第1版）医务人员现场教授心肺复苏急救法，不少居民排队参与体验。', '活动由区卫健委主办。',
      '守护一河碧水 共享生态之美', '区级总河长开展巡河调研', '■记者 夏丽钧',
      '总结法治建设工作成效，部署下阶段法治重点任务。', '会议审议通过了区2025年法治政府建设工作要点。',
      '区级总河长8月25日晚带队开展巡河调研，察看河道水质。', '区里建立了三级河长体系，共设立各级河长226名，河道水质稳定达标。',
    ]);
    expect(got[0]?.paragraphs).toEqual(['本报讯 8月22日晚，区里召开全面依法治区工作会议，总结法治建设工作成效，部署下阶段法治重点任务。', '会议审议通过了区2025年法治政府建设工作要点。']);
    expect(got[2]?.paragraphs[0]).toMatch(/^区级总河长8月25日晚/);
  });

  it('keeps a title with its byline under it a title, even when its last word could run on into a stray block elsewhere', () => {
    const got = read([
      '式，向居民普及分类知识，推动分类习惯长效养成。',
      '区第5届读书节开幕', '记者 江明', '本报讯 4月23日，区第5届读书节在区图书馆开幕，30余场活动将陆续举行。',
    ]);
    expect(got.map((a) => a.headline)).toContain('区第5届读书节开幕');
    expect(got.find((a) => a.headline === '区第5届读书节开幕')?.bylines).toEqual(['江明']);
  });

  it('reads a clause opening with 截至… as running text, not as a title with commas', () => {
    const got = read([
      '志愿服务表彰大会举行', '本报讯 3月15日，区里举行志愿服务表彰大会，100名优秀志愿者受到表彰。',
      '截至目前，全区实名注册志愿者已超过20万人，占常住人口', '志愿者代表上台领奖 ■记者 王明 摄', '的29%。',
    ]);
    expect(got.map((a) => a.headline)).toEqual(['志愿服务表彰大会举行']);
    expect(got[0]?.paragraphs.at(-1)).toBe('截至目前，全区实名注册志愿者已超过20万人，占常住人口的29%。');
  });

  it('reads two or three bare names on one line as a byline, but not a pair of two-character words', () => {
    const got = read(['春花烂漫迎客来', '沈晓丽 孟菲', '本报讯 3月20日，区里举办赏花季活动，20个公园参加。']);
    expect(got[0]?.headline).toBe('春花烂漫迎客来');
    expect(got[0]?.bylines).toEqual(['沈晓丽', '孟菲']);
    const slogan = read(['金山 银山', '本报讯 3月20日，区里召开生态环境保护大会，部署全年工作。']);
    expect(slogan[0]?.headline).toBe('金山 银山');
  });

  it('reads a title-like piece of a sentence as running text across a picture printed inside the sentence', () => {
    const got = read(['河道整治工程完工', '本报讯 近日，河道综合整治工程全面完工，新建护岸2.6公里。区相关部门负责人参加验收。', '区水务局负责', '整治后的河道水清岸绿', '张明 摄', '人表示，要统筹水安全、水环境、水生态。']);
    expect(got.map((a) => a.headline)).toEqual(['河道整治工程完工']);
    expect(got[0]?.paragraphs.at(-1)).toBe('区水务局负责人表示，要统筹水安全、水环境、水生态。');
    expect(got[0]?.captions).toEqual(['整治后的河道水清岸绿']);
  });

  it('reads a two-character line over running text as a word of its sentence, but keeps a box label', () => {
    const got = read(['学雷锋志愿服务月启动', '本报讯 3月5日，区学雷锋志愿服务月启动，20支队伍开展便民服务。', '活动', '现场，理发师为老人免费理发，律师为居民解答法律问题。']);
    expect(got).toHaveLength(1);
    expect(got[0]?.paragraphs.at(-1)).toBe('活动现场，理发师为老人免费理发，律师为居民解答法律问题。');
    const box = read(['导读', '老公房里的新生活，看彭浦新村如何蝶变。', '刊3版▶']);
    expect(box.some((a) => a.paragraphs.some((p) => p.startsWith('导读')))).toBe(false);
  });

  it('joins an end cut inside a number to the block that carries its digits or unit, far or near', () => {
    const got = read([
      '社区运动会开幕', '本报讯 5月9日，区第三届社区运动会开幕，来自12个街道的640余',
      '老年大学新学期开学', '本报讯 5月8日，区老年大学新学期开学，今年共开设课程96门，比去年增加1', '8门。',
      '位运动员参加开幕式。区体育局负责人介绍，赛事将持续两周。',
    ]);
    expect(got.map((a) => a.paragraphs.join(''))).toEqual([
      '本报讯 5月9日，区第三届社区运动会开幕，来自12个街道的640余位运动员参加开幕式。区体育局负责人介绍，赛事将持续两周。',
      '本报讯 5月8日，区老年大学新学期开学，今年共开设课程96门，比去年增加18门。',
    ]);
  });

  it('moves a signed tail printed inside an article that signs off again to the end it continues', () => {
    const got = read([
      '老旧小区加装电梯提速', '本报讯 6月3日，区里召开加装电梯推进会。会上，各街道交流了经验，下一步将把试点做法',
      '河道整治见成效', '本报讯 6月2日，区河道整治工程通过验收，新建护岸3公里。',
      '推广到全区，年内再为老旧小区加装电梯80台。 ■记者 王立',
      '区水务局负责人表示，将继续推进河湖长制，巩固整治成果。 ■记者 李青',
    ]);
    expect(got.map((a) => [a.headline, a.paragraphs.join(''), a.bylines])).toEqual([
      ['老旧小区加装电梯提速', '本报讯 6月3日，区里召开加装电梯推进会。会上，各街道交流了经验，下一步将把试点做法推广到全区，年内再为老旧小区加装电梯80台。', ['王立']],
      ['河道整治见成效', '本报讯 6月2日，区河道整治工程通过验收，新建护岸3公里。区水务局负责人表示，将继续推进河湖长制，巩固整治成果。', ['李青']],
    ]);
  });

  it('reads a line that places a person in the picture (（左二）) as a caption, not a headline', () => {
    const got = read(['社区食堂开张', '本报讯 3月2日，长者食堂开张，每天供应午餐，老人们排队', '王阿姨（左二）在食堂窗口挑选菜品', '购买热饭热菜。']);
    expect(got.map((a) => a.headline)).toEqual(['社区食堂开张']);
    expect(got[0]?.captions).toEqual(['王阿姨（左二）在食堂窗口挑选菜品']);
    expect(got[0]?.paragraphs).toEqual(['本报讯 3月2日，长者食堂开张，每天供应午餐，老人们排队购买热饭热菜。']);
  });

  it('gives a clause that opens with 还/也 to an end cut at its comma, over the next block', () => {
    const got = read([
      '志愿者的一天', '清晨，志愿者小林来到服务站，整理了当天的物资，', '在服务站的登记本上，记录着每一位老人的需求。',
      '书香社区建设启动', '也帮着老人们领取了爱心早餐。', '本报讯 4月1日，街道启动书香社区建设，新建阅读点8个。',
    ]);
    expect(got.map((a) => [a.headline, a.paragraphs])).toEqual([
      ['志愿者的一天', ['清晨，志愿者小林来到服务站，整理了当天的物资，也帮着老人们领取了爱心早餐。', '在服务站的登记本上，记录着每一位老人的需求。']],
      ['书香社区建设启动', ['本报讯 4月1日，街道启动书香社区建设，新建阅读点8个。']],
    ]);
  });

  it('joins no end of the page to the text after a 上接 marker', () => {
    const got = read([
      '招聘会走进校园', '本报讯 5月6日，区人社局在职校举办专场招聘会，为毕业生提供岗位咨询，',
      '为青年就业铺路', '(上接第1版)', '并开展了模拟面试，帮助毕业生提升求职技巧。',
    ]);
    expect(got.map((a) => a.paragraphs.length)).toEqual([1, 1]);
    expect(got[1]?.paragraphs[0]).toBe('并开展了模拟面试，帮助毕业生提升求职技巧。');
  });

  it('reads a bare name after the last paragraph as its byline, past the page\'s promo lines', () => {
    const got = read(['代表视察城市运行', '本报讯 11月2日，区人大代表视察城市运行中心。', '周雯', '“上海青浦”APP 扫码下载']);
    expect(got.map((a) => [a.headline, a.bylines])).toEqual([['代表视察城市运行', ['周雯']]]);
  });

  it('reads a lone line quoting a verb (“永不落幕”) between paragraphs as an intertitle, and banners over a full triad as sections', () => {
    const got = read([
      '奋进新征程', '进博会倒计时30天', '城市服务保障全面提速', '——区领导检查进博会筹备工作',
      '本报讯 10月6日，区领导检查进博会服务保障工作。', '筹备工作已进入冲刺阶段。', '办一场“永不落幕”的进博会', '检查中，区领导还察看了交通保障点。',
    ]);
    expect(got.map((a) => [a.section, a.kicker, a.headline, a.subheadline])).toEqual([['奋进新征程', '进博会倒计时30天', '城市服务保障全面提速', '——区领导检查进博会筹备工作']]);
    expect(got[0]?.intertitles.map((t) => t.text)).toEqual(['办一场“永不落幕”的进博会']);
  });

  it('reads a numeric running-head date beside its weekday, and a picture credit 图/X at the end of a caption line', () => {
    expect(readMasthead('2019.3.8 星期五 第2版 综合新闻', papers)).toMatchObject({ date: '2019-03-08', pageNumber: 2 });
    expect(readMasthead('全年完成投资2019.3亿元', papers)?.date).toBeUndefined();
    expect(trailingByline('志愿者为老人送上热汤 图/李明')).toMatchObject({ kind: 'photo-credit', line: { names: ['李明'] } });
  });

  it('reads a scene set inside a broken word (…现场，X在Y…) as its caption, and lets a word the lexicon reads strongly carry a far join', () => {
    const scene = read(['科创企业进校园招聘', '本报讯 6月3日，企业进校园招聘。一家芯片公司计划招聘工程', '招聘会现场，学生们在展位前咨询岗位信息', '师60名，面向应届毕业生。']);
    expect(scene[0]?.paragraphs).toEqual(['本报讯 6月3日，企业进校园招聘。一家芯片公司计划招聘工程师60名，面向应届毕业生。']);
    expect(scene[0]?.captions).toEqual(['招聘会现场，学生们在展位前咨询岗位信息']);
    const far = read([
      '(上接第1版)', '会议强调，要为企业和群众办事减环节，加快推进政务服务“一网', '区委副书记、区长出席会议。',
      '图书馆夜间开放', '本报讯 6月5日，区图书馆试行夜间开放，每周三晚延长至21时。', '通办”，让企业和群众办事更加便捷高效。',
    ]);
    expect(far[0]?.paragraphs[0]).toBe('会议强调，要为企业和群众办事减环节，加快推进政务服务“一网通办”，让企业和群众办事更加便捷高效。');
  });

  it('reads one short line pointing to another 版 as a teaser headline, its ellipsis and colon kept out of the body', () => {
    const got = read(['区里部署全年工作', '本报讯 5月2日，区里召开会议，部署全年工作。', '导读', '滨江步道二期工程完工…… 刊4版▶', '老街更新：百年石库门焕新颜', '详见第6版']);
    expect(got.slice(1).map((a) => [a.headline, a.paragraphs.length, a.continuedTo])).toEqual([
      ['滨江步道二期工程完工', 0, '第4版'],
      ['老街更新：百年石库门焕新颜', 0, '第6版'],
    ]);
  });

  it('reads a campaign call over a three-line stack as its banner, the two lines under it as kicker and headline', () => {
    const got = read(['喜迎二十大 奋进新征程', '全区重大工程项目集中开工', '项目建设跑出加速度', '本报讯 9月6日，全区12个重大工程项目集中开工。']);
    expect(got.map((a) => [a.section, a.kicker, a.headline, a.subheadline])).toEqual([['喜迎二十大 奋进新征程', '全区重大工程项目集中开工', '项目建设跑出加速度', null]]);
  });
});
