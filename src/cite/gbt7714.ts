/**
 * The GB/T 7714-2015 reference of a newspaper article (报纸中的析出文献, 4.4 and Annex A):
 *
 *   作者. 题名[N]. 报纸名, 出版日期(版次).
 *
 * Rules applied, with the standard's wording:
 * - up to three authors are all given, joined by ", "; beyond three, the first three and ", 等"
 *   (8.1.2: 超过3个时，著录前3个责任者，其后加“, 等”);
 * - no author: the reference starts with the title (8.1.3: 凡采用顺序编码制组织的参考文献可省略此项，
 *   直接著录题名);
 * - the date as YYYY-MM-DD (报纸的出版日期按照“YYYY-MM-DD”格式), the 版次 in parentheses after it;
 * - a date the archive inferred from the content is an estimate, and 估计的出版年应置于方括号内:
 *   [2020-07-27]; an undated page says [出版日期不详], as the standard writes [出版地不详] for a
 *   missing place ([] 用于自拟的信息);
 * - a 版 without a printed number has no (版次);
 * - a brief without a headline gets a title made from its text, in square brackets (自拟的信息).
 */
import type { Reference } from './reference.js';

/** Most authors named before ", 等". */
const MAX_AUTHORS = 3;

/** The reference as one line of text. */
export function gbt7714(ref: Reference): string {
  const parts: string[] = [];
  if (ref.authors.length > 0) {
    const named = ref.authors.slice(0, MAX_AUTHORS);
    parts.push(`${named.join(', ')}${ref.authors.length > MAX_AUTHORS ? ', 等' : ''}. `);
  }
  parts.push(`${ref.titleSupplied ? `[${ref.title}]` : ref.title}[N]. `);
  const date = ref.date === null ? '[出版日期不详]' : ref.dateInferred ? `[${ref.date}]` : ref.date;
  parts.push(`${ref.paper}, ${date}${ref.page === null ? '' : `(${ref.page})`}.`);
  return parts.join('');
}
