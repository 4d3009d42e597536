/**
 * The entity rules on sentences written for these tests (not from the seeds, nor from the
 * labelled set): each rule shown on names and places it has never seen.
 */
import { describe, expect, it } from 'vitest';
import { recognise, type Mention } from '../../src/entities/recognise.js';

const found = (text: string, places: string[] = []): string[] => recognise(text, { places }).map((m: Mention) => `${m.text}/${m.kind}`);

describe('people', () => {
  it('takes the name after a title, and leaves the title out', () => {
    expect(found('镇党委书记柯振华主持会议，副镇长 庞雪晴通报了情况。')).toEqual(expect.arrayContaining(['柯振华/person', '庞雪晴/person']));
  });

  it('takes reporters from their bylines', () => {
    expect(found('本报讯（记者 詹若溪 通讯员 龚立夫）昨天，活动举行。')).toEqual(['詹若溪/person', '龚立夫/person']);
  });

  it('takes a name before a speech verb, and every later mention of it', () => {
    const names = found('居民代表尹秋白表示，加装电梯后出行方便多了。尹秋白说，楼里老人最高兴。');
    expect(names.filter((n) => n === '尹秋白/person')).toHaveLength(2);
  });

  it('continues a list of people after a recognised one', () => {
    expect(found('副区长阮青山、宁海燕、贝晓东等参加调研。')).toEqual(expect.arrayContaining(['阮青山/person', '宁海燕/person', '贝晓东/person']));
  });

  it('reads surnames with an address form as the whole name', () => {
    expect(found('楼下的钱阿姨每天都来帮忙。')).toContain('钱阿姨/person');
  });

  it('takes a name after a kind of person or an age, and after a title a given name of any open word', () => {
    expect(found('85岁的滕桂芳拄着拐杖走来。')).toContain('滕桂芳/person');
    expect(found('观鸟爱好者卞立文举起相机。')).toContain('卞立文/person');
    expect(found('副镇长邬立新来到现场。')).toContain('邬立新/person');
    expect(found('罗店镇党委书记贺建明说，今年要办好十件实事。')).toContain('贺建明/person');
    // A preposition after a kind of person is read as such: 党员|和|师生.
    expect(found('优秀党员和师生代表齐聚一堂。').filter((n) => n.endsWith('/person'))).toEqual([]);
  });

  it('takes a foreign name written with a middle dot as one name', () => {
    expect(found('法国画家安娜·贝克来到展厅。')).toContain('安娜·贝克/person');
    expect(found('分设“新时代·好班长”专题。').filter((n) => n.endsWith('/person'))).toEqual([]);
  });

  it('cuts a name from the verb or conjunction the HMM glued to it, and not from the next name', () => {
    expect(found('副镇长邵晓和村民一起清理河道。')).toContain('邵晓/person');
    expect(found('院长上官雪说，新病房下月启用。')).toContain('上官雪/person');
    expect(found('老住户汪老伯每天都来。')).toContain('汪老伯/person');
  });

  it('takes compound surnames whole after a title', () => {
    expect(found('记者 宇文静 报道')).toContain('宇文静/person');
    expect(found('主任医师 司徒岚 介绍')).toContain('司徒岚/person');
  });

  it('reads 河长 and 湖长 as posts, with the name after them, and a name cut after two characters whole', () => {
    expect(found('村级河长邬建平介绍，河道每周巡查两次。')).toEqual(['邬建平/person']);
    expect(found('镇级湖长柯文彬说')).toContain('柯文彬/person');
    expect(found('金山区河长办牵头')).toContain('金山区河长办/org');
  });

  it('takes a word standing alone after a title as a name, whatever else it reads as, but not a word for people', () => {
    expect(found('研究员万方受邀讲座。')).toContain('万方/person');
    expect(found('副镇长钱江表示，将加快进度。')).toContain('钱江/person');
    expect(found('（通讯员 江河 白云）昨天')).toEqual(['江河/person', '白云/person']);
    expect(found('市民游客纷纷拍照留念。').filter((n) => n.endsWith('/person'))).toEqual([]);
  });

  it('names defendants as court news does, and a person by surname and post', () => {
    expect(found('被告人滕某某与同伙邬某在出租屋内被抓获。')).toEqual(expect.arrayContaining(['滕某某/person', '邬某/person']));
    expect(found('听完汇报，宓教授改了方案，喻科长连连点头。')).toEqual(expect.arrayContaining(['宓教授/person', '喻科长/person']));
    expect(found('他把想法告诉了向爷爷。').filter((n) => n.endsWith('/person'))).toEqual([]);
  });

  it('takes a name after kin, a three-character unknown word with a surname anywhere, and cuts a verb glued to a name', () => {
    expect(found('她的儿子邝/建军回忆'.replace('/', ''))).toContain('邝建军/person');
    expect(found('返乡青年蒯晓晨把老宅改成民宿，蒯晓晨的母亲也来帮忙。').filter((n) => n === '蒯晓晨/person')).toHaveLength(2);
    expect(found('设计师宓嘉说，门头保留原样。')).toContain('宓嘉/person');
    expect(found('母亲常说要节约。').filter((n) => n.endsWith('/person'))).toEqual([]);
    expect(found('司机马师傅和同乡一起来到上海。')).not.toContain('和同乡/person');
  });

  it('takes a foreign name cut by the HMM and named again by its last part', () => {
    expect(found('来自意大利的雕塑家马可·罗西说，罗西的作品已到。')).toEqual(expect.arrayContaining(['马可·罗西/person', '罗西/person']));
  });

  it('takes every name of a byline, pen names of press offices too, but not the verb after them', () => {
    expect(found('■记者 卜文轩 通讯员 闵消宣\n本报讯')).toEqual(['卜文轩/person', '闵消宣/person']);
    expect(found('（记者 钟可 整理）')).toEqual(['钟可/person']);
  });

  it('takes a surname of any reading after kin or a kind of person when the name stands alone, but not a verb', () => {
    expect(found('孙子方乐乐在读书，徒弟牛大伟也在。')).toEqual(['方乐乐/person', '牛大伟/person']);
    expect(found('作家麦岫、洪知远与读者分享经验。')).toEqual(expect.arrayContaining(['麦岫/person', '洪知远/person']));
    expect(found('邻居们常来帮忙，楼里的邵阿姨常说：“远亲不如近邻。”')).toEqual(['邵阿姨/person']);
  });

  it('takes nicknames of 阿 and foreign names whose first part the HMM cut', () => {
    expect(found('村里人都叫他“阿贵”。')).toContain('阿贵/person');
    expect(found('会计师事务所的艾力克·陈说')).toContain('艾力克·陈/person');
  });

  it('takes a name\'s third character cut off by the HMM in a person context, and cuts a verb glued after three', () => {
    expect(found('复旦大学教授、委员鲍静初建议')).toContain('鲍静初/person');
    expect(found('小时候常跟外公丁德茂去码头。')).toContain('丁德茂/person');
    expect(found('市民张伟家住虹口。')).not.toContain('张伟家/person');
  });

  it('names the families of an award list, and a surname the dictionary tags as a name with a given name of any reading', () => {
    expect(found('江桥镇 尹红梅家庭')).toContain('尹红梅/person');
    expect(found('裁判长阎立新说，年轻人多了。')).toContain('阎立新/person');
  });

  it('does not take a post alone, or a verb after a title, for a name', () => {
    expect(found('区长出席并讲话，主任介绍了情况。').filter((n) => n.endsWith('/person'))).toEqual([]);
  });
});

describe('places', () => {
  it('ends a place at a place word and keeps administrative levels apart', () => {
    expect(found('活动在上海市闵行区召开。')).toEqual(['上海市/place', '闵行区/place']);
  });

  it('names a street office, an estate or a pier after its road or town', () => {
    expect(found('枣阳路街道的志愿者来到了曲阳新村。')).toEqual(expect.arrayContaining(['枣阳路街道/place']));
  });

  it('takes a road with its number as one place', () => {
    expect(found('新馆位于漕溪北路398号。')).toContain('漕溪北路398号/place');
  });

  it('takes a road by its ending whatever jieba tags it, and a town the HMM found', () => {
    expect(found('队伍沿漕宝路一路向西。')).toContain('漕宝路/place');
  });

  it('takes the names the paper registry knows', () => {
    expect(found('小店开在金桥的老街上。', ['金桥'])).toContain('金桥/place');
  });

  it('finds the gazetteer\'s towns whatever jieba cut, and writes a chain as one place a level', () => {
    expect(found('家住佘山镇的老人和车墩镇的志愿者一起巡河。')).toEqual(['佘山镇/place', '车墩镇/place']);
    expect(found('近日，泖港镇人民政府组织志愿者巡河。')).toEqual(['泖港镇人民政府/org']);
    expect(found('活动在松江区九亭镇举行。')).toEqual(['松江区/place', '九亭镇/place']);
    expect(found('金山区枫泾镇新义村举办活动。')).toEqual(['金山区/place', '枫泾镇/place', '新义村/place']);
    expect(found('家住罗店三村的老人说。')).toContain('罗店三村/place');
    // A short form that is a common word first is not a place alone (花木 of 花木街道).
    expect(found('小区里的花木长得很好。')).not.toContain('花木/place');
  });

  it('takes roads ending in 公路, waters, and zones named by a place and common words', () => {
    expect(found('沿着沪松公路向北，跨过油墩港，来到蟠龙塘两岸。')).toEqual(['沪松公路/place', '油墩港/place', '蟠龙塘/place']);
    expect(found('金山工业区的企业加快转型。')).toContain('金山工业区/place');
    expect(found('周浦生态走廊年内建成。')).toEqual(['周浦生态走廊/place']);
    expect(found('小区公共绿地将改造。')).toEqual([]);
  });

  it('takes a road by its direction, and leaves out the ends and dates written before it', () => {
    expect(found('道路东起环城南路，西至北翟路。')).toEqual(expect.arrayContaining(['环城南路/place', '北翟路/place']));
    expect(found('道路东起环城南路，西至北翟路。').join()).not.toMatch(/东起|西至/u);
    expect(found('项目利用原沪太路边的空地建设。')).toContain('沪太路/place');
  });

  it('knows China\'s provinces and prefectures, and Shanghai\'s villages and estates', () => {
    expect(found('来自安徽阜阳的游客说，这次专门从温州赶来。')).toEqual(expect.arrayContaining(['安徽/place', '阜阳/place', '温州/place']));
    expect(found('家住海鸿村的老人和住在万源城的居民')).toEqual(expect.arrayContaining(['海鸿村/place', '万源城/place']));
    // A village's name before 民 is a word's start: 全村村民, not a village.
    expect(found('丰收村民笑开颜').filter((n) => n.endsWith('/place'))).toEqual([]);
  });

  it('names no place with a kind of park or pier, or with where one is', () => {
    expect(found('街角新建的口袋公园和临时码头，镇里将统一管理，沿河还要种树。').filter((n) => n.endsWith('/place'))).toEqual([]);
  });

  it('knows the city\'s landmarks named without a place word, and zones named 示范区', () => {
    expect(found('游客从陆家嘴步行到外滩。')).toEqual(expect.arrayContaining(['陆家嘴/place', '外滩/place']));
    expect(found('松江枢纽经济示范区内')).toContain('松江枢纽经济示范区/place');
  });

  it('knows countries, and the next level of a chain after a country or province, each a place of its own', () => {
    expect(found('来自日本大阪的留学生和生于江苏盐城的老人')).toEqual(['日本/place', '大阪/place', '江苏/place', '盐城/place']);
    expect(found('他从巴西来到肯尼亚。')).toEqual(['巴西/place', '肯尼亚/place']);
  });

  it('takes zones, stations, temples and former residences, but no kind of street', () => {
    expect(found('嘉定汽车城和松江南站之间')).toEqual(expect.arrayContaining(['嘉定汽车城/place', '松江南站/place']));
    expect(found('游客从静安寺走到蔡元培故居。')).toEqual(expect.arrayContaining(['静安寺/place', '蔡元培故居/place']));
    expect(found('拐进云南南路美食街')).toEqual(['云南南路/place']);
  });

  it('takes metro stations, roads numbered by direction and part, and a team by its place', () => {
    expect(found('乘地铁到漕宝路站，再走到七宝站。')).toEqual(['漕宝路站/place', '七宝站/place']);
    expect(found('沿四川北一路向南')).toContain('四川北一路/place');
    expect(found('决赛中，杨浦队战胜了嘉定队。')).toEqual(['杨浦/place', '嘉定/place']);
  });

  it('does not run a place across a word glued to a conjunction', () => {
    expect(found('我写书想写桃浦和长风公园')).not.toContain('写桃浦和长风公园/place');
  });

  it('takes venues, buildings and bases as places (a later round\'s convention)', () => {
    expect(found('演出在美琪大戏院举行，集训在崇明体育训练基地。')).toEqual(['美琪大戏院/place', '崇明体育训练基地/place']);
  });

  it('splits a road from the road after it and a region from the place after it, but keeps roads named after provinces', () => {
    expect(found('平阳路古美西路路口')).toEqual(['平阳路/place', '古美西路/place']);
    expect(found('来自贵州凯里的学徒')).toEqual(['贵州/place', '凯里/place']);
    expect(found('河南中路和延安西路')).toEqual(['河南中路/place', '延安西路/place']);
  });

  it('takes zones whose common words jieba glued to the landmark, towers and bays, and no caption lead', () => {
    expect(found('陆家嘴金融贸易区的建设')).toEqual(['陆家嘴金融贸易区/place']);
    expect(found('东方明珠广播电视塔已升至')).toEqual(['东方明珠广播电视塔/place']);
    expect(found('洋邻居走进土山湾学画')).toContain('土山湾/place');
    expect(found('图为豫园九曲桥')).toEqual(['豫园九曲桥/place']);
  });

  it('names nothing for generic areas: 全区, 各街道, 该社区', () => {
    expect(found('全区各街道和该社区都要落实。')).toEqual([]);
  });
});

describe('organisations', () => {
  it('ends an organisation at an institution word, with its place inside', () => {
    expect(found('他在闵行区中心医院工作。')).toContain('闵行区中心医院/org');
    expect(found('苏州河畔的华东政法大学举办讲座。')).toContain('华东政法大学/org');
  });

  it('keeps a district body standing alone, but not inside a post', () => {
    expect(found('区政府召开常务会议。')).toContain('区政府/org');
    expect(found('区委书记出席。')).toEqual([]);
  });

  it('keeps the level word of an abbreviated bureau: 区|教育局', () => {
    expect(found('区教育局发布通知。')).toContain('区教育局/org');
  });

  it('joins the two fields of a bureau name: X和Y局', () => {
    expect(found('昨天，闵行区文化和旅游局发布通知。')).toContain('闵行区文化和旅游局/org');
    expect(found('奉贤区农业和农村委员会召开会议。')).toContain('奉贤区农业和农村委员会/org');
    // Not two institutions side by side.
    expect(found('请业委会和物业公司尽快回复。')).toEqual([]);
    // Known limit: a field jieba reads as a verb phrase (城乡建设) stops the name.
    expect(found('闵行区住房和城乡建设管理委员会发布通知。')).not.toContain('闵行区住房和城乡建设管理委员会/org');
  });

  it('takes a bureau\'s abbreviation after its district or level word, and not a role spelled alike', () => {
    expect(found('宝山区科委、区商务委联合发布政策。')).toEqual(['宝山区科委/org', '区商务委/org']);
    expect(found('评委当场打分。')).toEqual([]);
    expect(found('罗店镇党委书记主持会议。')).toEqual(['罗店镇党委/org']);
    // 团区委 is a named body, not a level's: before a post it is still an organisation.
    expect(found('团区委书记出席活动。')).toEqual(['团区委/org']);
  });

  it('names a village or town\'s party body and a bureau whose post the HMM glued to it', () => {
    expect(found('海鸿村党总支书记带队。')).toContain('海鸿村党总支/org');
    expect(found('罗泾镇团委书记介绍。')).toContain('罗泾镇团委/org');
    expect(found('长宁区科委副主任介绍。')).toContain('长宁区科委/org');
    expect(found('华东师范大学教授讲课。')).toContain('华东师范大学/org');
    expect(found('昨天，奉贤区体育局局长致辞。')).toContain('奉贤区体育局/org');
  });

  it('reads an institution word before an aspect particle as a verb', () => {
    expect(found('居民老骆学会了网上挂号。')).toContain('老骆/person');
    expect(found('居民老骆学会了网上挂号。').filter((n) => n.endsWith('/org'))).toEqual([]);
  });

  it('takes a company by its brand and trade when it stands as a name, not a trade\'s kind or a place\'s sector', () => {
    expect(found('星澜物流的司机准时到达。')).toContain('星澜物流/org');
    expect(found('施工方上海建工表示，工期不变。')).toContain('上海建工/org');
    expect(found('发展智慧物流，推动上海科技创新。').filter((n) => n.endsWith('/org'))).toEqual([]);
  });

  it('names a numbered middle school by its place', () => {
    expect(found('控江二中的学生参加比赛。')).toContain('控江二中/org');
  });

  it('ends an organisation at a university or a long institution word before the next one', () => {
    expect(found('上海海洋大学图书馆馆长介绍')).toContain('上海海洋大学/org');
    expect(found('闵行区消防救援支队调派七宝消防救援站前往。')).toEqual(expect.arrayContaining(['闵行区消防救援支队/org', '七宝消防救援站/org']));
    expect(found('区文旅局与区科委联手')).toEqual(['区文旅局/org', '区科委/org']);
  });

  it('names a town\'s central school, an association of a kind of person, and centres jieba reads as idioms', () => {
    expect(found('泖港镇中心小学的学生')).toContain('泖港镇中心小学/org');
    expect(found('松江区律师协会负责人说')).toContain('松江区律师协会/org');
    expect(found('奉贤区疾病预防控制中心发布提示')).toContain('奉贤区疾病预防控制中心/org');
    expect(found('星澜物流安全主管带队检查。')).toContain('星澜物流/org');
  });

  it('names factories, troupes, federations, sports schools and firms of law, and universities named with a verb', () => {
    expect(found('上海国棉九厂的老工人')).toContain('上海国棉九厂/org');
    expect(found('上海越剧团演员和普陀区残联、闵行区少体校的老师')).toEqual(expect.arrayContaining(['上海越剧团/org', '普陀区残联/org', '闵行区少体校/org']));
    expect(found('上海明衡律师事务所律师介绍')).toContain('上海明衡律师事务所/org');
    expect(found('上海开放大学的老师')).toContain('上海开放大学/org');
    expect(found('团队来自上海财经大学。')).toContain('上海财经大学/org');
    expect(found('区建交委负责人')).toContain('区建交委/org');
    expect(found('主持人蓝海燕上台').filter((n) => n.endsWith('/org'))).toEqual([]);
  });

  it('names communes, co-operatives and factories of the 1990s, each body of a chain apart', () => {
    expect(found('七宝公社九星大队和横沙乡供销社')).toEqual(expect.arrayContaining(['七宝公社/org', '九星大队/org', '横沙乡供销社/org']));
    expect(found('曹行塑料制品厂投产')).toContain('曹行塑料制品厂/org');
  });

  it('runs an affiliation through every body before 附属, and an academy to its institute in a city', () => {
    expect(found('上海交通大学医学院附属仁济医院专家')).toContain('上海交通大学医学院附属仁济医院/org');
    expect(found('中国科学院上海有机化学研究所研究员')).toContain('中国科学院上海有机化学研究所/org');
  });

  it('names associations made with a verb, and no meeting spelled like a body or a preposition glued to a bureau', () => {
    expect(found('上海市击剑运动协会负责人')).toContain('上海市击剑运动协会/org');
    expect(found('区政协召开专题协商会。')).toEqual(['区政协/org']);
    expect(found('据县旅游局统计')).toEqual(['县旅游局/org']);
    expect(found('金山区农业农村委也帮合作社对接')).toContain('金山区农业农村委/org');
  });

  it('names no organisation with an area word or common words alone', () => {
    expect(found('他在一家互联网公司上班。')).toEqual([]);
    expect(found('街道党工委书记主持会议。')).toEqual([]);
    expect(found('区中小学将推广午休课桌椅。')).toEqual([]);
  });

  it('finds an organisation again without the place it was first named with', () => {
    expect(found('上海市市西中学举行典礼，市西中学的学生表演节目。')).toEqual(['上海市市西中学/org', '市西中学/org']);
  });

  it('starts a company name at its place, not at the word before it', () => {
    expect(found('承建单位上海隧道工程有限公司表示将按期完工。')).toContain('上海隧道工程有限公司/org');
  });
});

describe('the result', () => {
  it('never overlaps, is in text order, and slices the text exactly', () => {
    const text = '区委副书记林国强在华东师范大学与学生座谈，随后前往长风公园。林国强指出，要办好实事。';
    const mentions = recognise(text);
    for (const [i, m] of mentions.entries()) {
      expect(text.slice(m.start, m.end)).toBe(m.text);
      if (i > 0) expect(m.start).toBeGreaterThanOrEqual(mentions[i - 1]!.end);
    }
    expect(mentions.map((m) => m.kind)).toEqual(expect.arrayContaining(['person', 'org', 'place']));
  });
});
