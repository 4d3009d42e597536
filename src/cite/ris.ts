/**
 * The RIS record of a newspaper article (type NEWS), as reference managers (Zotero, EndNote,
 * NoteExpress) import it: the paper in T2, the date as YYYY/MM/DD/ in DA, the 版 in SP, the
 * 版's name in SE. Lines end with CR LF, as the RIS specification writes them.
 */
import type { Reference } from './reference.js';

/** The record, ending with its ER line. */
export function ris(ref: Reference): string {
  const lines: [string, string][] = [['TY', 'NEWS']];
  for (const name of ref.authors) lines.push(['AU', name]);
  lines.push(['TI', ref.title], ['T2', ref.paper]);
  if (ref.date !== null) {
    lines.push(['PY', ref.date.slice(0, 4)], ['DA', `${ref.date.replaceAll('-', '/')}/`]);
    if (ref.dateInferred) lines.push(['N1', '出版日期由内容推断']);
  }
  if (ref.page !== null) lines.push(['SP', String(ref.page)]);
  if (ref.section) lines.push(['SE', ref.section]);
  if (ref.url) lines.push(['UR', ref.url]);
  lines.push(['LA', 'zh-CN'], ['ID', ref.key], ['ER', '']);
  // A tag's value is one line: a line break in the text would start a bogus tag.
  return lines.map(([tag, value]) => `${tag}  - ${value.replace(/\s+/g, ' ')}`.trimEnd() + '\r\n').join('');
}
