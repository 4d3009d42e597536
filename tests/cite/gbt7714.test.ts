/**
 * The GB/T 7714-2015 reference of a newspaper article, checked against the standard's own
 * newspaper examples (Annex A.9 报纸中的析出文献 and the examples of 8.1.2/8.1.3). Each case
 * quotes the example as the standard prints it; for the two online examples ([N/OL], with a
 * 引用日期 and URL, which a printed archive does not cite) the expected text is the example
 * without those parts.
 */
import { describe, expect, it } from 'vitest';
import { authorNames, gbt7714, type Reference } from '../../src/cite/index.js';

function ref(fields: Partial<Reference>): Reference {
  return {
    key: 'k',
    authors: [],
    title: '',
    titleSupplied: false,
    paper: '',
    date: null,
    dateInferred: false,
    page: null,
    section: null,
    url: null,
    files: { bibtex: '', ris: '', 'csl-json': '' },
    ...fields,
  };
}

describe('GB/T 7714-2015 newspaper references', () => {
  it('one author, date and 版次: A.9 example 1 "丁文详. 数字革命与竞争国际化[N]. 中国青年报, 2000-11-20(15)."', () => {
    expect(gbt7714(ref({ authors: ['丁文详'], title: '数字革命与竞争国际化', paper: '中国青年报', date: '2000-11-20', page: 15 }))).toBe(
      '丁文详. 数字革命与竞争国际化[N]. 中国青年报, 2000-11-20(15).',
    );
  });

  it('A.9 example 2 "张田勤. 罪犯DNA库与生命伦理学计划[N]. 大众科技报, 2000-11-12(7)."', () => {
    expect(gbt7714(ref({ authors: ['张田勤'], title: '罪犯DNA库与生命伦理学计划', paper: '大众科技报', date: '2000-11-12', page: 7 }))).toBe(
      '张田勤. 罪犯DNA库与生命伦理学计划[N]. 大众科技报, 2000-11-12(7).',
    );
  });

  it('the 2005 edition\'s example kept in 2015: "谢希德. 创造学习的新思路[N]. 人民日报, 1998-12-25(10)."', () => {
    expect(gbt7714(ref({ authors: ['谢希德'], title: '创造学习的新思路', paper: '人民日报', date: '1998-12-25', page: 10 }))).toBe(
      '谢希德. 创造学习的新思路[N]. 人民日报, 1998-12-25(10).',
    );
  });

  it('three authors all named, joined by ", ": A.9 example 3 "傅刚, 赵承, 李佳路. 大风沙过后的思考[N/OL]. 北京青年报, 2000-04-12(14)[…]. http://…"', () => {
    expect(gbt7714(ref({ authors: ['傅刚', '赵承', '李佳路'], title: '大风沙过后的思考', paper: '北京青年报', date: '2000-04-12', page: 14 }))).toBe(
      '傅刚, 赵承, 李佳路. 大风沙过后的思考[N]. 北京青年报, 2000-04-12(14).',
    );
  });

  it('more than three: the first three and ", 等" (8.1.2): A.9 example 4 "刘裕国, 杨柳, 张洋, 等. 雾霾来袭, 如何突围?[N/OL]. 人民日报, 2013-01-12[…]. http://…"', () => {
    // The standard prints only the first three names; any fourth name stands in for the rest.
    const authors = ['刘裕国', '杨柳', '张洋', '王明峰'];
    expect(gbt7714(ref({ authors, title: '雾霾来袭, 如何突围?', paper: '人民日报', date: '2013-01-12' }))).toBe(
      '刘裕国, 杨柳, 张洋, 等. 雾霾来袭, 如何突围?[N]. 人民日报, 2013-01-12.',
    );
  });

  it('no author: the reference starts with the title (8.1.3, example "Coffee drinking and cancer of the pancreas[J]. …")', () => {
    expect(gbt7714(ref({ title: '区委常委会举行会议', paper: '虹口报', date: '2024-11-06', page: 1 }))).toBe('区委常委会举行会议[N]. 虹口报, 2024-11-06(1).');
  });

  it('the date as YYYY-MM-DD and the 版次 in parentheses right after it (8.8: "2013-03-16(1)")', () => {
    expect(gbt7714(ref({ authors: ['张三'], title: '题', paper: '报', date: '2013-03-16', page: 1 }))).toMatch(/, 2013-03-16\(1\)\.$/);
  });

  it('an inferred date is an estimate, put in square brackets as the standard does for an estimated year ("[1936]")', () => {
    expect(gbt7714(ref({ authors: ['张蓓'], title: '题', paper: '杨浦时报', date: '2020-07-27', dateInferred: true, page: 2 }))).toBe('张蓓. 题[N]. 杨浦时报, [2020-07-27](2).');
  });

  it('an undated page says [出版日期不详], as the standard writes [出版地不详]; a 版 without a number has no (版次)', () => {
    expect(gbt7714(ref({ title: '题', paper: '杨浦时报' }))).toBe('题[N]. 杨浦时报, [出版日期不详].');
    expect(gbt7714(ref({ title: '题', paper: '杨浦时报', date: '2020-07-27' }))).toBe('题[N]. 杨浦时报, 2020-07-27.');
  });

  it('a brief without a headline gets its supplied title in square brackets (自拟的信息)', () => {
    expect(gbt7714(ref({ title: '1月11日下午，示范园揭牌…', titleSupplied: true, paper: '徐汇报', date: '2022-01-17', page: 2 }))).toBe(
      '[1月11日下午，示范园揭牌…][N]. 徐汇报, 2022-01-17(2).',
    );
  });
});

describe('authors from bylines', () => {
  it('strips roles (记者, 本报记者, 通讯员, 文/记者) to the names, each once, in byline order', () => {
    expect(authorNames(['本报记者 张三 李四', '通讯员 王五', '张三', '文/记者 陈静'])).toEqual(['张三', '李四', '王五', '陈静']);
  });

  it('keeps what it cannot read as printed, and drops empty bylines', () => {
    expect(authorNames(['张雯', '区委宣传部', ' '])).toEqual(['张雯', '区委宣传部']);
  });
});
