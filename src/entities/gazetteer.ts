/**
 * Shanghai's districts and the 街道 and 镇 of each: public, fixed general knowledge (the
 * administrative divisions published by 上海市民政局, as of the 2020s, with a few recently
 * merged units kept because an archive reaches back before the merger). It covers every paper
 * of the registry alike, not any one text. Names are written in full; the short forms papers
 * also use (淞南 for 淞南镇, 长风新村 for 长风新村街道) are derived in `gazetteerNames`.
 */

/** District → its 街道 and 镇 (and 乡), full names. */
export const DIVISIONS: Readonly<Record<string, readonly string[]>> = {
  黄浦区: ['南京东路街道', '外滩街道', '半淞园路街道', '小东门街道', '豫园街道', '老西门街道', '五里桥街道', '打浦桥街道', '淮海中路街道', '瑞金二路街道'],
  徐汇区: ['天平路街道', '湖南路街道', '斜土路街道', '枫林路街道', '长桥街道', '田林街道', '虹梅路街道', '康健新村街道', '徐家汇街道', '凌云路街道', '龙华街道', '漕河泾街道', '华泾镇'],
  长宁区: ['华阳路街道', '江苏路街道', '新华路街道', '周家桥街道', '天山路街道', '仙霞新村街道', '虹桥街道', '程家桥街道', '北新泾街道', '新泾镇'],
  静安区: ['江宁路街道', '石门二路街道', '南京西路街道', '静安寺街道', '曹家渡街道', '天目西路街道', '北站街道', '宝山路街道', '共和新路街道', '大宁路街道', '彭浦新村街道', '临汾路街道', '芷江西路街道', '彭浦镇'],
  普陀区: ['曹杨新村街道', '长风新村街道', '长寿路街道', '甘泉路街道', '石泉路街道', '宜川路街道', '万里街道', '真如镇街道', '长征镇', '桃浦镇'],
  虹口区: ['欧阳路街道', '曲阳路街道', '广中路街道', '嘉兴路街道', '凉城新村街道', '四川北路街道', '北外滩街道', '江湾镇街道'],
  杨浦区: ['定海路街道', '平凉路街道', '江浦路街道', '四平路街道', '控江路街道', '长白新村街道', '延吉新村街道', '殷行街道', '大桥街道', '五角场街道', '新江湾城街道', '长海路街道', '五角场镇'],
  闵行区: ['江川路街道', '古美街道', '新虹街道', '浦锦街道', '莘庄镇', '七宝镇', '颛桥镇', '华漕镇', '虹桥镇', '梅陇镇', '吴泾镇', '马桥镇', '浦江镇'],
  宝山区: ['友谊路街道', '吴淞街道', '张庙街道', '罗店镇', '大场镇', '杨行镇', '月浦镇', '罗泾镇', '顾村镇', '高境镇', '庙行镇', '淞南镇'],
  嘉定区: ['新成路街道', '真新街道', '嘉定镇街道', '南翔镇', '安亭镇', '马陆镇', '徐行镇', '华亭镇', '外冈镇', '江桥镇'],
  浦东新区: [
    '潍坊新村街道', '陆家嘴街道', '周家渡街道', '塘桥街道', '上钢新村街道', '南码头路街道', '沪东新村街道', '金杨新村街道', '洋泾街道', '浦兴路街道', '东明路街道', '花木街道',
    '川沙新镇', '高桥镇', '北蔡镇', '合庆镇', '唐镇', '曹路镇', '金桥镇', '高行镇', '高东镇', '张江镇', '三林镇', '惠南镇', '周浦镇', '新场镇', '大团镇', '康桥镇', '航头镇',
    '祝桥镇', '泥城镇', '宣桥镇', '书院镇', '万祥镇', '老港镇', '南汇新城镇',
  ],
  金山区: ['石化街道', '朱泾镇', '枫泾镇', '张堰镇', '亭林镇', '吕巷镇', '廊下镇', '金山卫镇', '漕泾镇', '山阳镇'],
  松江区: ['岳阳街道', '永丰街道', '方松街道', '中山街道', '广富林街道', '九里亭街道', '泗泾镇', '佘山镇', '车墩镇', '新桥镇', '洞泾镇', '九亭镇', '泖港镇', '石湖荡镇', '新浜镇', '叶榭镇', '小昆山镇'],
  青浦区: ['夏阳街道', '盈浦街道', '香花桥街道', '朱家角镇', '练塘镇', '金泽镇', '赵巷镇', '徐泾镇', '华新镇', '重固镇', '白鹤镇'],
  奉贤区: ['西渡街道', '奉浦街道', '金海街道', '南桥镇', '奉城镇', '庄行镇', '金汇镇', '四团镇', '青村镇', '柘林镇', '海湾镇'],
  崇明区: ['城桥镇', '堡镇', '新河镇', '庙镇', '竖新镇', '向化镇', '三星镇', '港沿镇', '中兴镇', '陈家镇', '绿华镇', '港西镇', '建设镇', '新海镇', '东平镇', '长兴镇', '新村乡', '横沙乡'],
};

import data from './gazetteer-data.json' with { type: 'json' };

/**
 * Shanghai's best-known areas, landmarks and waters that papers name without a place word
 * (陆家嘴, not 陆家嘴街道): general knowledge of the city, not of any archive. Read as short
 * forms, so one the dictionary knows as a common word (新天地, 西岸) re-cuts unknown words only.
 */
export const LANDMARKS: readonly string[] = [
  '外滩', '北外滩', '南外滩', '陆家嘴', '小陆家嘴', '前滩', '后滩', '世博园', '徐家汇', '新天地', '豫园', '城隍庙', '静安寺', '田子坊', '思南公馆',
  '五角场', '大宁', '长风', '真如', '曹杨', '古北', '虹桥', '虹桥枢纽', '西岸', '徐汇滨江', '杨浦滨江', '虹口港', '苏州河', '黄浦江', '吴淞口',
  '张江', '金桥', '外高桥', '临港', '洋山', '洋山港', '滴水湖', '淀山湖', '元荡', '佘山', '东滩', '西沙', '辰山', '广富林', '七宝老街', '朱家角',
  '新场古镇', '枫泾古镇', '南翔老街', '召稼楼', '漕河泾', '市北', '大虹桥', '莘庄', '顾村', '罗店', '吴淞', '宝山湖', '南汇嘴', '东方明珠',
  '迪士尼', '上海之鱼', '浦江第一湾', '崇明岛', '长兴岛', '横沙岛', '九段沙', '东风西沙', '金山嘴', '城市沙滩', '花博园',
];

/** The world's best-known cities, as Chinese papers write them: general knowledge. */
export const WORLD_CITIES: readonly string[] = [
  '东京', '大阪', '京都', '名古屋', '横滨', '首尔', '釜山', '纽约', '洛杉矶', '旧金山', '芝加哥', '波士顿', '西雅图', '华盛顿', '伦敦', '曼彻斯特',
  '巴黎', '里昂', '马赛', '波尔多', '柏林', '慕尼黑', '汉堡', '法兰克福', '罗马', '米兰', '佛罗伦萨', '威尼斯', '马德里', '巴塞罗那', '里斯本',
  '阿姆斯特丹', '布鲁塞尔', '维也纳', '苏黎世', '日内瓦', '斯德哥尔摩', '哥本哈根', '赫尔辛基', '奥斯陆', '莫斯科', '圣彼得堡', '伊斯坦布尔',
  '迪拜', '开罗', '内罗毕', '约翰内斯堡', '悉尼', '墨尔本', '多伦多', '温哥华', '蒙特利尔', '墨西哥城', '里约热内卢', '圣保罗', '布宜诺斯艾利斯',
  '吉隆坡', '曼谷', '河内', '胡志明市', '雅加达', '马尼拉', '孟买', '新德里', '香港', '澳门', '台北', '高雄',
];

/**
 * How far a gazetteer name is trusted: `full` names (淞南镇, 长风新村街道, 嘉定区) are places
 * wherever they stand and may re-cut any word jieba made across them; `short` forms (淞南, 张江)
 * are places alone only when the dictionary does not know them as a common word (花木, 建设,
 * 白鹤 are words first), and re-cut only the HMM's unknown words.
 */
export type Trust = 'full' | 'short' | 'part';

// A short form this common in the dictionary is a word of its own before it is a town (中山, 海湾).
const COMMON_FREQUENCY = 200;

/** Countries, provinces and prefectures, full and short (日本, 江苏, 凯里 is not one): regions a chain of places starts with. */
export function regionNames(): Set<string> {
  const names = new Set<string>([...data.countries, ...data.provinces, ...data.prefectures]);
  for (const name of data.provinces) names.add(name.replace(PROVINCE_END, ''));
  for (const name of data.prefectures) names.add(name.replace(PREFECTURE_END, ''));
  // Shanghai's own names start one-word names (上海路, 上海之鱼).
  for (const home of ['上海', '上海市']) names.delete(home);
  return names;
}

/** Every gazetteer name with its trust; `frequency` and `tag` are the dictionary's. */
export function gazetteerNames(frequency: (word: string) => number, tag: (word: string) => string): Map<string, Trust> {
  const names = new Map<string, Trust>();
  // Numbers, adverbs and verbs (四团, 真新) are read as such; common words only re-cut unknown words.
  const word = (name: string): boolean => /^[mdv]/u.test(tag(name)) || frequency(name) >= COMMON_FREQUENCY;
  const short = (name: string, always: boolean) => {
    if (name.length < 2 || names.has(name)) return;
    names.set(name, always || !word(name) ? 'short' : 'part');
  };
  names.set('上海市', 'full');
  names.set('上海', 'full');
  for (const [district, divisions] of Object.entries(DIVISIONS)) {
    names.set(district, 'full');
    for (const name of divisions) names.set(name, 'full');
  }
  addNation(names, frequency, tag);
  // A landmark no common word spells is a place wherever it stands, and cuts the words jieba made across it (陆家嘴|金融贸易区).
  for (const name of LANDMARKS) if (!names.has(name)) names.set(name, word(name) ? 'part' : 'full');
  for (const [district, divisions] of Object.entries(DIVISIONS)) {
    // 嘉定, 浦东: a district's short name is a place however common the word.
    short(district.replace(/(新区|区)$/u, ''), true);
    for (const name of divisions) {
      const stem = name.replace(/(街道|新镇|镇|乡)$/u, '');
      short(stem, false);
      // 江湾镇街道 → 江湾镇 and 江湾.
      if (stem.endsWith('镇')) short(stem.slice(0, -1), false);
    }
  }
  return names;
}

// What a province's, prefecture's or county's name ends with, which papers leave out (江苏, 苏州, 吴江).
const PROVINCE_END = /(省|市|(壮族|回族|维吾尔)?自治区|特别行政区)$/u;
const PREFECTURE_END = /(\p{Script=Han}{1,4}族)*(自治州|地区|盟|市)$/u;

/**
 * China's provinces, prefectures and counties, and Shanghai's villages and estates
 * (src/entities/gazetteer-data.json, derived by scripts/gazetteer-data.ts). Full names are
 * places wherever they stand. So are the short forms of provinces (江苏), and of prefectures the
 * dictionary tags as places (苏州) or does not know as another word; a county's short form is
 * too often a word or a name (博爱, 兴业, 凌云, 华亭, 东安) and is left out. Countries are places
 * by their Chinese names. Estates the dictionary
 * knows as a common word (小花园) are left out.
 */
function addNation(names: Map<string, Trust>, frequency: (word: string) => number, tag: (word: string) => string): void {
  const full = (name: string) => {
    if (!names.has(name)) names.set(name, 'full');
  };
  const short = (name: string, always: boolean) => {
    if (name.length < 2 || names.has(name)) return;
    const place = always || tag(name) === 'ns' || (frequency(name) < COMMON_FREQUENCY && !/^(m|d|v|n|a|nr)/u.test(tag(name)));
    names.set(name, place ? 'short' : 'part');
  };
  // 中非, 关岛: a country's name is a place wherever it stands (two-character ones too: 巴西, 日本).
  for (const name of [...data.countries, ...WORLD_CITIES]) full(name);
  for (const name of data.provinces) {
    full(name);
    short(name.replace(PROVINCE_END, ''), true);
  }
  for (const name of data.prefectures) {
    full(name);
    // 呼伦贝尔: a short form of three characters or more is no common word.
    const stem = name.replace(PREFECTURE_END, '');
    short(stem, stem.length >= 3);
  }
  // A county's short form is left out: even those the dictionary reads as places are words elsewhere (东安, 德兴, 江口).
  for (const name of data.counties) if (name.length >= 3) full(name);
  for (const name of data.villages) full(name);
  for (const name of data.estates) if (frequency(name) === 0 || tag(name) === 'ns') full(name);
}
