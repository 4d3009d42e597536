/**
 * The BibTeX entry of a newspaper article, in the convention biblatex and the Chinese
 * GB/T 7714 styles (gbt7714 for BibTeX, biblatex-gb7714-2015) read as [N]: `@article` with
 * `entrysubtype = {newspaper}`, the paper in `journal` (biblatex maps it to journaltitle), the
 * issue's date in `date` and its year in `year` (for BibTeX styles that read no `date`), the 版
 * in `pages`. Text fields are TeX-escaped; names are braced so BibTeX never splits them.
 */
import type { Reference } from './reference.js';

/** TeX's special characters and what stands for each in a field. */
const TEX_SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  $: '\\$',
  '&': '\\&',
  '%': '\\%',
  '#': '\\#',
  _: '\\_',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
};

/** `text` with every TeX special character escaped and runs of white space made one space (a field is one line), so it reads back as printed. */
export function escapeTex(text: string): string {
  return text.replace(/[\\{}$&%#_^~]/g, (c) => TEX_SPECIAL[c] ?? c).replace(/\s+/g, ' ');
}

/** The entry, ending with a newline. */
export function bibtex(ref: Reference): string {
  const fields: [string, string][] = [['entrysubtype', 'newspaper']];
  if (ref.authors.length > 0) fields.push(['author', ref.authors.map((n) => `{${escapeTex(n)}}`).join(' and ')]);
  fields.push(['title', escapeTex(ref.title)], ['journal', escapeTex(ref.paper)]);
  if (ref.date !== null) {
    // biblatex's date field marks an approximate date with `~` (EDTF level 1).
    fields.push(['date', ref.dateInferred ? `${ref.date}~` : ref.date], ['year', ref.date.slice(0, 4)]);
  }
  if (ref.page !== null) fields.push(['pages', String(ref.page)]);
  if (ref.url) fields.push(['url', ref.url]);
  fields.push(['langid', 'chinese']);
  const width = Math.max(...fields.map(([name]) => name.length));
  const body = fields.map(([name, value]) => `  ${name.padEnd(width)} = {${value}}`).join(',\n');
  return `@article{${ref.key},\n${body}\n}\n`;
}
