/**
 * The CSL-JSON item of a newspaper article (type article-newspaper), as citeproc processors,
 * Zotero and pandoc read it. Chinese names are given whole (`literal`): splitting 欧阳修 into
 * family and given name is a guess the archive need not make.
 */
import type { Reference } from './reference.js';

/** The CSL-JSON item (one object; the file holds an array of one). */
export function cslItem(ref: Reference): Record<string, unknown> {
  const item: Record<string, unknown> = { id: ref.key, type: 'article-newspaper', title: ref.title };
  if (ref.authors.length > 0) item.author = ref.authors.map((literal) => ({ literal }));
  item['container-title'] = ref.paper;
  if (ref.date !== null) {
    const [y, m, d] = ref.date.split('-').map(Number);
    item.issued = { 'date-parts': [[y, m, d]], ...(ref.dateInferred ? { circa: true } : {}) };
  }
  if (ref.page !== null) item.page = String(ref.page);
  if (ref.section) item.section = ref.section;
  if (ref.url) item.URL = ref.url;
  item.language = 'zh-CN';
  return item;
}

/** The file's text: a CSL-JSON array holding the item. */
export function cslJson(ref: Reference): string {
  return `${JSON.stringify([cslItem(ref)], null, 2)}\n`;
}
